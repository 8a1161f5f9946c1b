"""Helpers for the product tests: reading responses, writing retention rules (as the blocks store
them, and as the engine takes them), and adding product and retention pages beside the demo ones
(conftest.py loads the demo site once per session)."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.blocks import StreamValue
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from products import retention
from products.blocks import RetentionStagesBlock
from products.demo.retention import window
from products.models import ProductIndexPage, ProductPage, RetentionPage

__all__ = [
    "BAD_DATES",
    "PP",
    "PUPIL_PROGRESS",
    "SEED_DATES",
    "SEED_WINDOWS",
    "SLUGS",
    "THIRTY_DAYS",
    "add_product",
    "add_products",
    "add_retention_page",
    "admin_stage",
    "count_queries",
    "engine_dates",
    "offset",
    "publish_raw_stages",
    "publish_stages",
    "raw_offset",
    "raw_seasonal",
    "retention_edit_data",
    "retention_page",
    "seasonal",
    "stream_value",
    "text",
    "timeline_dates",
    "window",
]

# The demo products, in the order of the page tree.
SLUGS = ["pupil-progress", "juniper-mis", "pupil-asset", "communications-hub"]

# Pupil Progress's retention page, and its stages' dates for a contract that ended on 2027-02-22.
PP = "/products/pupil-progress/retention/"
SEED_DATES = [("2027-05-23", "23 May 2027"), ("2027-08-31", "31 August 2027")]
SEED_DATES += [("2027-11-29", "29 November 2027")]

# `?ended=` values that are not usable dates, and (part of) the message each one gets.
BAD_DATES = [
    (
        "not-a-date",
        "Enter the date as year-month-day in numbers, for example 2027-02-22, or as "
        "day/month/year, for example 22/02/2027.",
    ),
    ("2027-02-30", "2027-02-30 is not a real date: February 2027 has 28 days."),
    ("30%2F02%2F2027", "30/02/2027 is not a real date: February 2027 has 28 days."),
    ("22%2F02%2F27", "Enter the date as year-month-day"),
    ("0001-01-01", "Enter a date between 1 January 2000 and 31 December 2100."),
    ("9999-12-31", "Enter a date between 1 January 2000 and 31 December 2100."),
    ("2027-13-45", "2027-13-45 is not a real date: the month must be from 01 to 12."),
    ("%00", "Enter the date as year-month-day"),
    ("x" * 3000, "Enter the date as year-month-day"),
]


def text(response):
    """The response body with every run of whitespace as one space."""
    return re.sub(r"\s+", " ", response.content.decode())


def timeline_dates(response):
    """The <time datetime> values in the rendered timeline, end date first."""
    body = text(response)
    timeline = re.search(r'<ol class="timeline">(.*?)</ol>', body).group(1)
    return re.findall(r'<time datetime="([0-9-]+)">', timeline)


def count_queries(client, url, statuses=(200,)):
    """How many database queries a GET of `url` makes (its status must be one of `statuses`)."""
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code in statuses, url
    return len(ctx.captured_queries)


# --- Retention rules, as the blocks store them -------------------------------------------------


def offset(key, amount, from_stage="", unit="days", label=None):
    """A fixed-offset stage, as a (block type, value) stream child."""
    return (
        "offset",
        {
            "key": key,
            "label": label or key.replace("-", " ").capitalize(),
            "description": "",
            "amount": amount,
            "unit": unit,
            "from_stage": from_stage,
        },
    )


def seasonal(key, windows, from_stage=""):
    """A seasonal stage (see `window`), as a (block type, value) stream child."""
    return (
        "seasonal",
        {
            "key": key,
            "label": key.capitalize(),
            "description": "",
            "windows": windows,
            "from_stage": from_stage,
        },
    )


def stream_value(*children):
    """Stream children (from `offset` and `seasonal`) as a RetentionStagesBlock value."""
    block = RetentionStagesBlock()
    return block.to_python([{"type": t, "value": v} for t, v in children])


def raw_offset(**value):
    """A fixed-offset stage as raw stream data; `value` overrides (or corrupts) its fields."""
    base = {"key": "data-destroyed", "label": "Data destroyed", "description": ""}
    base |= {"amount": 30, "unit": "days", "from_stage": ""}
    return {"type": "offset", "value": base | value, "id": "1"}


def raw_seasonal(windows):
    """A seasonal stage as raw stream data, with `windows` stored as given."""
    value = {"key": "deleted", "label": "Deleted", "description": "", "from_stage": ""}
    return {"type": "seasonal", "value": value | {"windows": windows}, "id": "2"}


# --- Retention rules, as the engine takes them (no database) -----------------------------------

# Pupil Progress's seed rules (seed 000), and the 30 days of the other products (seeds 001, 004).
SEED_WINDOWS = (
    retention.SeasonalWindow(retention.MonthDay(9, 1), retention.MonthDay(3, 31), by_month=8),
    retention.SeasonalWindow(retention.MonthDay(4, 1), retention.MonthDay(8, 31), by_month=1),
)
PUPIL_PROGRESS = [
    retention.Stage("access-revoked", "Access revoked", retention.OffsetRule(days=90)),
    retention.Stage("live-data-deleted", "Live data deleted", retention.SeasonalRule(SEED_WINDOWS)),
    retention.Stage(
        "backups-gone",
        "Backups gone",
        retention.OffsetRule(days=90, from_stage="live-data-deleted"),
    ),
]
THIRTY_DAYS = [
    retention.Stage("data-destroyed", "Data destroyed", retention.OffsetRule(days=30)),
]


def engine_dates(end, stages=PUPIL_PROGRESS):
    """The engine's date for each of `stages` (the seed rules unless given) after `end`."""
    return [entry.date for entry in retention.compute_timeline(end, stages)]


# --- Pages -------------------------------------------------------------------------------------


def retention_page(slug):
    """The demo retention page of the product with this slug."""
    return RetentionPage.objects.get(
        locale__language_code="en-gb", url_path__endswith=f"/{slug}/retention/"
    )


def publish_stages(slug, children):
    """Publish new stages on a demo product's retention page (the blocks' validation is not
    run, as if they had been written by an import)."""
    page = retention_page(slug)
    page.stages = list(children)
    page.save_revision().publish()
    return page


def publish_raw_stages(slug, raw):
    """Store stream data as given, bypassing the blocks (as a bad import or migration might)."""
    page = retention_page(slug)
    stages = StreamValue(RetentionPage.stages.field.stream_block, raw, is_lazy=True)
    RetentionPage.objects.filter(pk=page.pk).update(stages=stages)
    assert RetentionPage.objects.get(pk=page.pk).stages.raw_data[0]["value"] == raw[0]["value"]
    return page


def add_product(slug, title, like="juniper-mis"):
    """A new, live product page at /products/<slug>/: a copy of a demo product, without its
    security statement and retention page."""
    index = ProductIndexPage.objects.get(locale__language_code="en-gb")
    return ProductPage.objects.get(locale__language_code="en-gb", slug=like).copy(
        to=index, update_attrs={"slug": slug, "title": title}
    )


def add_products(count):
    """`count` more live product pages (with Juniper MIS's data, and no child pages)."""
    index = ProductIndexPage.objects.get(locale__language_code="en-gb")
    template = ProductPage.objects.get(locale__language_code="en-gb", slug="juniper-mis")
    for i in range(count):
        page = ProductPage(
            title=f"Extra product {i}",
            slug=f"extra-{i}",
            summary="Extra",
            description=template.description,
            data_subjects=template.data_subjects.raw_data,
            data_categories=template.data_categories.raw_data,
            purposes=template.purposes.raw_data,
            lawful_bases=template.lawful_bases.raw_data,
            special_category_conditions=template.special_category_conditions.raw_data,
            data_sources=template.data_sources.raw_data,
            hosting_location="UK",
            uses_automated_processing=False,
            last_reviewed=datetime.date(2026, 1, 1),
        )
        index.add_child(instance=page)


def add_retention_page(product, stages, title="Retention", live=True):
    """A retention page under `product` with the given stages (stream children or raw data)."""
    page = RetentionPage(
        title=title,
        slug="retention",
        stages=stages,
        last_reviewed=datetime.date(2026, 1, 1),
        live=live,
    )
    product.add_child(instance=page)
    return page


# --- The admin's edit form ---------------------------------------------------------------------


def admin_stage(block_type, value):
    """A stream child from `offset` or `seasonal` as the admin's stream field posts it."""
    if block_type == "seasonal":
        value = {
            **value,
            "windows": {
                "count": len(value["windows"]),
                **{
                    str(i): {"value": w, "deleted": "", "order": i, "id": ""}
                    for i, w in enumerate(value["windows"])
                },
            },
        }
    return (block_type, value)


def retention_edit_data(page, stages, **extra):
    """The retention page's admin edit form as posted, with new stages (from `admin_stage`)."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": rich_text(page.intro),
            "stages": streamfield(stages),
            "export_notes": rich_text(page.export_notes),
            "erasure_notes": rich_text(page.erasure_notes),
            "certificate_notes": rich_text(page.certificate_notes),
            "last_reviewed": "2026-01-05",
            **extra,
        }
    )
