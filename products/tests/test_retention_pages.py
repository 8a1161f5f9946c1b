"""The retention page, its calculator, timeline.json and timeline.ics, and the rules' validation."""

import ast
import datetime
import json
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from products import retention
from products.blocks import RetentionStagesBlock, SeasonalWindowBlock
from products.models import ProductIndexPage, ProductPage, RetentionPage

pytestmark = pytest.mark.django_db

SLUGS = ["pupil-progress", "juniper-mis", "pupil-asset", "communications-hub"]
PP = "/products/pupil-progress/retention/"
SEED_DATES = [("2027-05-23", "23 May 2027"), ("2027-08-31", "31 August 2027")]
SEED_DATES += [("2027-11-29", "29 November 2027")]


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def timeline_dates(response):
    """The <time datetime> values in the rendered timeline, end date first."""
    body = text(response)
    timeline = re.search(r'<ol class="timeline">(.*?)</ol>', body).group(1)
    return re.findall(r'<time datetime="([0-9-]+)">', timeline)


def window(start, end, by_end_of):
    return {
        "start_day": start[0],
        "start_month": str(start[1]),
        "end_day": end[0],
        "end_month": str(end[1]),
        "by_end_of": str(by_end_of),
    }


def offset(key, amount, from_stage="", unit="days", label=None):
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
    block = RetentionStagesBlock()
    return block.to_python([{"type": t, "value": v} for t, v in children])


def publish_stages(slug, children):
    page = RetentionPage.objects.get(url_path__endswith=f"/{slug}/retention/")
    page.stages = list(children)
    page.save_revision().publish()
    return page


# --- The explanation ---------------------------------------------------------------------------


def test_engine_module_has_no_django_imports():
    tree = ast.parse(Path(retention.__file__).read_text())
    modules = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(name and name.split(".")[0] in {"django", "wagtail"} for name in modules)


def test_page_explains_the_rules_stage_by_stage(client, demo):
    response = client.get(PP)
    assert response.status_code == 200
    body = text(response)
    assert "<h1>When will our Pupil Progress data be deleted?</h1>" in body
    for sentence in [
        "90 days after the contract ends.",
        "By the end of the following August if the contract ends between 1 September and "
        "31 March; by the end of the following January if it ends between 1 April and "
        "31 August.",
        "90 days after “Live data deleted”.",
        "means on the last day of the first August that ends on or after that date.",
        "A stage never comes before the one above it",
    ]:
        assert sentence in body, sentence
    for label in ["1. Access revoked", "2. Live data deleted", "3. Backups gone"]:
        assert f'<th scope="row">{label}</th>' in body
    # editor-written notes: a full copy first, early erasure, certificate of deletion
    for heading in [
        "Get a full copy of your data first",
        "Ask for early erasure",
        "Certificate of deletion",
    ]:
        assert f">{heading}</h2>" in body
    assert "download a complete copy" in body
    assert "about a month" in body
    assert "confirm in writing" in body
    assert "mailto:DPO@junipereducation.org" in body
    # no date asked for yet: a form, no timeline, no error
    assert '<label for="ended">' in body
    assert 'aria-describedby="ended-hint"' in body
    assert 'class="timeline"' not in body and "error-message" not in body
    assert "public" in response["Cache-Control"]


@pytest.mark.parametrize("slug", SLUGS[1:])
def test_other_products_destroy_data_after_30_days(client, demo, slug):
    response = client.get(f"/products/{slug}/retention/?ended=2027-02-22")
    assert response.status_code == 200
    body = text(response)
    assert "30 days after the contract ends." in body
    assert timeline_dates(response) == ["2027-02-22", "2027-03-24"]
    assert "24 March 2027" in body


@pytest.mark.parametrize("slug", SLUGS)
def test_product_page_links_to_its_retention_page(client, demo, slug):
    body = text(client.get(f"/products/{slug}/"))
    assert f'href="/products/{slug}/retention/"' in body
    assert "data be deleted?</a>" in body


def test_home_page_mentions_the_retention_pages(client, demo):
    assert "retention page" in text(client.get("/"))


def test_demo_content_is_idempotent(demo):
    assert RetentionPage.objects.live().count() == 4
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert RetentionPage.objects.count() == 4


def test_page_type_rules():
    assert RetentionPage.parent_page_types == ["products.ProductPage"]
    assert "products.RetentionPage" in ProductPage.subpage_types
    assert RetentionPage.max_count_per_parent == 1


def test_the_slug_must_be_retention(demo):
    page = RetentionPage.objects.get(url_path__endswith="/pupil-asset/retention/")
    page.slug = "keeping"
    with pytest.raises(ValidationError) as excinfo:
        page.full_clean()
    assert "Use the slug 'retention'" in str(excinfo.value.message_dict["slug"])


# --- The calculator ----------------------------------------------------------------------------


def test_a_submitted_date_shows_the_exact_date_of_each_stage(client, demo):
    response = client.get(PP + "?ended=2027-02-22")
    assert response.status_code == 200
    body = text(response)
    assert timeline_dates(response) == ["2027-02-22"] + [iso for iso, _ in SEED_DATES]
    for iso, human in SEED_DATES:
        assert f'<time datetime="{iso}">{human}</time>' in body
    assert "Your timeline if the contract ended on" in body
    # which rule produced each date
    assert "Rule: 90 days after the end date (22 February 2027)." in body
    assert (
        "Rule: The end date (22 February 2027) falls between 1 September and 31 March, so by "
        "the end of the following August." in body
    )
    assert "Rule: 90 days after “Live data deleted” (31 August 2027)." in body
    assert 'value="2027-02-22"' in body
    assert f'href="{PP}timeline.ics?ended=2027-02-22"' in body
    assert f'href="{PP}timeline.json?ended=2027-02-22"' in body
    cache = response["Cache-Control"]
    assert "public" in cache and "s-maxage=" in cache


def test_junk_extra_query_parameters_are_ignored(client, demo):
    response = client.get(PP + "?utm_source=x&ended=2027-02-22&a[]=<script>&%zz&x=%00%ff")
    assert response.status_code == 200
    assert timeline_dates(response)[1:] == [iso for iso, _ in SEED_DATES]
    assert "<script>" not in response.content.decode()
    assert client.get(PP + "timeline.json?ended=2027-02-22&junk=1").status_code == 200


def test_json_gives_the_same_timeline_as_the_page(client, demo):
    page = client.get(PP + "?ended=2027-02-22")
    response = client.get(PP + "timeline.json?ended=2027-02-22")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "public" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["product"] == "Pupil Progress"
    assert data["product_slug"] == "pupil-progress"
    assert data["ended"] == "2027-02-22"
    assert data["page"] == PP + "?ended=2027-02-22"
    assert [entry["date"] for entry in data["timeline"]] == timeline_dates(page)[1:]
    assert data["timeline"][0] == {
        "stage": 1,
        "key": "access-revoked",
        "label": "Access revoked",
        "date": "2027-05-23",
        "rule": "90 days after the end date (22 February 2027)",
        "description": data["timeline"][0]["description"],
        "adjusted": False,
    }
    assert [e["key"] for e in data["timeline"]] == [
        "access-revoked",
        "live-data-deleted",
        "backups-gone",
    ]
    for entry in data["timeline"]:
        assert f"Rule: {entry['rule']}." in text(page)


def test_ics_download_has_one_all_day_event_per_stage(client, demo):
    response = client.get(PP + "timeline.ics?ended=2027-02-22")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="pupil-progress-retention-2027-02-22.ics"'
    )
    assert "public" in response["Cache-Control"]
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["version"]) == "2.0"
    events = list(calendar.walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == [
        "Pupil Progress: Access revoked",
        "Pupil Progress: Live data deleted",
        "Pupil Progress: Backups gone",
    ]
    starts = [e.decoded("dtstart") for e in events]
    assert starts == [datetime.date(2027, 5, 23), datetime.date(2027, 8, 31)] + [
        datetime.date(2027, 11, 29)
    ]
    for event, start in zip(events, starts, strict=True):
        assert type(start) is datetime.date  # all-day
        assert event.decoded("dtend") == start + datetime.timedelta(days=1)
        assert "dtstamp" in event
        assert "http://testserver" + PP + "?ended=2027-02-22" in str(event["description"])
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == 3
    assert uids[0] == "retention-pupil-progress-2027-02-22-access-revoked@trusthub"
    again = Calendar.from_ical(client.get(PP + "timeline.ics?ended=2027-02-22").content)
    assert [str(e["uid"]) for e in again.walk("VEVENT")] == uids


# --- Bad input ---------------------------------------------------------------------------------

BAD_DATES = [
    ("not-a-date", "Enter the date as year-month-day in numbers, for example 2027-02-22."),
    ("2027-02-30", "2027-02-30 is not a real date: February 2027 has 28 days."),
    ("0001-01-01", "Enter a date between 1 January 2000 and 31 December 2100."),
    ("9999-12-31", "Enter a date between 1 January 2000 and 31 December 2100."),
    ("2027-13-45", "2027-13-45 is not a real date: the month must be from 01 to 12."),
    ("22%2F02%2F2027", "Enter the date as year-month-day"),
    ("%00", "Enter the date as year-month-day"),
    ("x" * 3000, "Enter the date as year-month-day"),
]


@pytest.mark.parametrize("value, message", BAD_DATES)
def test_bad_dates_get_a_clear_message_on_the_page(client, demo, value, message):
    response = client.get(PP + "?ended=" + value)
    assert response.status_code == 400
    body = text(response)
    assert message in body
    assert '<p class="error-message" id="ended-error">' in body
    assert 'aria-describedby="ended-hint ended-error" aria-invalid="true"' in body
    assert "<title>Error: " in body
    assert 'class="timeline"' not in body
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("value, message", BAD_DATES)
def test_bad_dates_get_a_json_400(client, demo, value, message):
    response = client.get(PP + "timeline.json?ended=" + value)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    error = json.loads(response.content)["error"]
    assert error["code"] == "invalid_date"
    assert error["field"] == "ended"
    assert message in error["message"]
    ics = client.get(PP + "timeline.ics?ended=" + value)
    assert ics.status_code == 400
    assert message in ics.content.decode()


@pytest.mark.parametrize("query", ["?ended=", "?ended=%20%20"])
def test_an_empty_date_asks_for_one(client, demo, query):
    response = client.get(PP + query)
    assert response.status_code == 200
    body = text(response)
    assert "Enter the date your subscription or contract ended, for example 2027-02-22." in body
    assert 'aria-invalid="true"' in body
    for suffix in ["timeline.json", "timeline.ics"]:
        response = client.get(PP + suffix + query)
        assert response.status_code == 400
    error = json.loads(client.get(PP + "timeline.json" + query).content)["error"]
    assert error["code"] == "missing_date"


def test_the_json_endpoint_without_a_date_is_a_400(client, demo):
    response = client.get(PP + "timeline.json")
    assert response.status_code == 400
    assert json.loads(response.content)["error"]["code"] == "missing_date"


def test_a_product_without_rules_says_so(client, demo):
    publish_stages("pupil-asset", [])
    url = "/products/pupil-asset/retention/"
    for query in ["", "?ended=2027-02-22", "?ended=2027-02-30"]:
        response = client.get(url + query)
        assert response.status_code == 200
        body = text(response)
        assert "We have not published retention rules for Pupil Asset here yet." in body
        assert 'class="timeline"' not in body and "<form" not in body
    response = client.get(url + "timeline.json?ended=2027-02-22")
    assert response.status_code == 400
    assert json.loads(response.content)["error"]["code"] == "no_rules"
    assert client.get(url + "timeline.ics?ended=2027-02-22").status_code == 400


def test_inconsistent_stored_rules_never_give_a_500(client, demo):
    # bypassing the admin's validation: a stage counting from a later one
    publish_stages("juniper-mis", [offset("a", 10, from_stage="b"), offset("b", 10)])
    url = "/products/juniper-mis/retention/"
    response = client.get(url + "?ended=2027-02-22")
    assert response.status_code == 200
    assert "being updated" in text(response)
    response = client.get(url + "timeline.json?ended=2027-02-22")
    assert response.status_code == 400
    assert json.loads(response.content)["error"]["code"] == "rules_unavailable"


def test_unknown_routes_under_the_page_are_404(client, demo):
    for url in [PP + "nope/", PP + "timeline.xml", PP + "timeline.json/", PP + "x/timeline.json"]:
        assert client.get(url).status_code == 404, url


# --- Editing the rules -------------------------------------------------------------------------


def test_valid_rules_pass_the_blocks_clean():
    value = stream_value(
        offset("access-revoked", 90),
        seasonal("deleted", [window((1, 9), (31, 3), 8), window((1, 4), (31, 8), 1)]),
        offset("backups-gone", 3, from_stage="2", unit="months"),
    )
    RetentionStagesBlock().clean(value)


def test_a_stage_referring_to_a_later_stage_is_rejected():
    value = stream_value(offset("access-revoked", 90, from_stage="backups"), offset("backups", 9))
    with pytest.raises(StreamBlockValidationError) as excinfo:
        RetentionStagesBlock().clean(value)
    errors = excinfo.value.block_errors
    assert list(errors) == [0]
    assert isinstance(errors[0], StructBlockValidationError)
    assert errors[0].block_errors["from_stage"].messages == [
        "It counts from “backups”, which is not above it. A stage can only count from the end "
        "date or from a stage listed above it."
    ]


def test_references_by_position_must_be_earlier_too():
    value = stream_value(offset("a", 1), offset("b", 1, from_stage="2"))
    with pytest.raises(StreamBlockValidationError) as excinfo:
        RetentionStagesBlock().clean(value)
    assert "stage 2, which is not above it" in str(
        excinfo.value.block_errors[1].block_errors["from_stage"].messages
    )


def test_duplicate_keys_are_rejected():
    value = stream_value(offset("a", 1), offset("a", 2))
    with pytest.raises(StreamBlockValidationError) as excinfo:
        RetentionStagesBlock().clean(value)
    assert excinfo.value.block_errors[1].block_errors["key"].messages == [
        "Another stage above already uses the key “a”."
    ]


@pytest.mark.parametrize(
    "windows, message",
    [
        (
            [window((1, 9), (31, 3), 8), window((2, 4), (31, 8), 1)],
            "The windows must cover the whole year. Not covered: 1 April.",
        ),
        (
            [window((1, 9), (30, 4), 8), window((1, 4), (31, 8), 1)],
            "The windows must not overlap. In more than one window: 1 April to 30 April.",
        ),
        (
            [window((1, 3), (28, 2), 8)],
            "The windows must cover the whole year. Not covered: 29 February.",
        ),
    ],
)
def test_seasonal_windows_with_a_gap_or_overlap_are_rejected(windows, message):
    value = stream_value(offset("a", 1), seasonal("deleted", windows))
    with pytest.raises(StreamBlockValidationError) as excinfo:
        RetentionStagesBlock().clean(value)
    windows_error = excinfo.value.block_errors[1].block_errors["windows"]
    assert [e.message for e in windows_error.non_block_errors.as_data()] == [message]
    assert message in json.dumps(excinfo.value.as_json_data(), ensure_ascii=False)


def test_a_window_day_must_exist():
    block = SeasonalWindowBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python(window((30, 2), (31, 4), 8)))
    assert excinfo.value.block_errors["start_day"].messages == ["February has no day 30."]
    block.clean(block.to_python(window((29, 2), (31, 3), 8)))  # the leap day is fine


def _edit_post_data(page, stages, **extra):
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


def _admin_stage(block_type, value):
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


def test_the_admin_rejects_bad_rules_with_messages(client, demo, admin_user):
    client.force_login(admin_user)
    page = RetentionPage.objects.get(url_path__endswith="/pupil-progress/retention/")
    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    assert "Stage: by the end of a month, depending on the time of year" in edit.content.decode()
    stages = [
        _admin_stage(*offset("access-revoked", 90, from_stage="backups-gone")),
        _admin_stage(*seasonal("deleted", [window((1, 9), (31, 3), 8)])),
        _admin_stage(*offset("backups-gone", 90, from_stage="deleted")),
    ]
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", _edit_post_data(page, stages, **{"action-publish": "1"})
    )
    assert response.status_code == 200
    error = response.context["form"].errors.as_data()["stages"][0]
    assert isinstance(error, StreamBlockValidationError)
    assert "which is not above it" in error.block_errors[0].block_errors["from_stage"].messages[0]
    windows = error.block_errors[1].block_errors["windows"].non_block_errors.as_data()
    assert windows[0].message == (
        "The windows must cover the whole year. Not covered: 1 April to 31 August."
    )
    page.refresh_from_db()
    assert len(page.stages) == 3 and page.stages[0].value["from_stage"] == ""  # unchanged


def test_rule_changes_go_through_drafts(client, demo, admin_user):
    client.force_login(admin_user)
    page = RetentionPage.objects.get(url_path__endswith="/pupil-asset/retention/")
    stages = [_admin_stage(*offset("data-destroyed", 60))]
    response = client.post(f"/admin/pages/{page.pk}/edit/", _edit_post_data(page, stages))
    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().stages[0].value["amount"] == 60
    client.logout()
    url = "/products/pupil-asset/retention/timeline.json?ended=2027-02-22"
    assert json.loads(client.get(url).content)["timeline"][0]["date"] == "2027-03-24"  # still 30
    page.get_latest_revision().publish()
    assert json.loads(client.get(url).content)["timeline"][0]["date"] == "2027-04-23"


# --- Query counts ------------------------------------------------------------------------------


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code in (200, 400)
    return len(ctx.captured_queries)


RETENTION_QUERIES = 13


def test_retention_query_count_is_constant(client, demo):
    urls = [
        "/products/juniper-mis/retention/",
        "/products/juniper-mis/retention/?ended=2027-02-22",
        "/products/juniper-mis/retention/?ended=2027-02-30",
        PP + "?ended=2027-02-22",
    ]
    client.get("/")  # warm per-process caches (content types, site root paths)
    before = [_queries(client, url) for url in urls]
    index = ProductIndexPage.objects.get()
    template = RetentionPage.objects.get(url_path__endswith="/pupil-progress/retention/")
    for i in range(10):
        product = ProductPage.objects.get(slug="juniper-mis").copy(
            to=index, update_attrs={"slug": f"extra-{i}", "title": f"Extra {i}"}
        )
        product.add_child(
            instance=RetentionPage(
                title="Retention",
                slug="retention",
                stages=template.stages.raw_data,
                last_reviewed=datetime.date(2026, 1, 1),
            )
        )
    after = [_queries(client, url) for url in urls]
    assert before == after
    assert set(before) == {RETENTION_QUERIES}
