"""The retention page, its calculator, timeline.json and timeline.ics, and the rules' validation."""

import ast
import datetime
import json
import re
from pathlib import Path
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar
from wagtail.blocks import StreamBlockValidationError, StreamValue, StructBlockValidationError
from wagtail.contrib.frontend_cache.backends import BaseBackend
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
    call_command("load_demo_content", "--if-empty", stdout=open("/dev/null", "w"))
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


def test_the_date_field_is_a_date_picker_limited_to_the_accepted_range(client, demo):
    body = text(client.get(PP))
    field = re.search(r'<input type="date" id="ended" name="ended"[^>]*>', body).group(0)
    assert 'min="2000-01-01"' in field and 'max="2100-12-31"' in field
    assert 'inputmode="numeric"' not in field  # iPhones' digits-only keypad has no "-"
    # where the browser has no picker, the hint says what to type
    assert "day/month/year (for example 22/02/2027)" in body
    assert "year-month-day (for example 2027-02-22)" in body


def test_a_uk_date_gives_the_same_timeline_with_the_iso_date_echoed(client, demo):
    iso = client.get(PP + "?ended=2027-02-22")
    uk = client.get(PP + "?ended=22%2F02%2F2027")
    assert uk.status_code == 200
    assert timeline_dates(uk) == timeline_dates(iso)
    body = text(uk)
    assert 'value="2027-02-22"' in body  # what a date picker can show
    assert f'href="{PP}timeline.ics?ended=2027-02-22"' in body
    data = json.loads(client.get(PP + "timeline.json?ended=22/02/2027").content)
    assert data["ended"] == "2027-02-22"
    assert data["page"] == PP + "?ended=2027-02-22"
    assert [e["date"] for e in data["timeline"]] == [iso for iso, _ in SEED_DATES]
    ics = client.get(PP + "timeline.ics?ended=22/02/2027")
    assert ics["Content-Disposition"].endswith('-2027-02-22.ics"')
    events = list(Calendar.from_ical(ics.content).walk("VEVENT"))
    assert [e.decoded("dtstart") for e in events][1] == datetime.date(2027, 8, 31)


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
        assert body.count("We have not published retention rules for Pupil Asset here") == 1
        assert 'class="timeline"' not in body and "<form" not in body
        assert "Work out your dates" not in body  # no calculator to point to
        assert "<title>Error: " not in body
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
    assert text(response).count("being updated") == 1
    response = client.get(url + "timeline.json?ended=2027-02-22")
    assert response.status_code == 400
    assert json.loads(response.content)["error"]["code"] == "rules_unavailable"


def test_unknown_routes_under_the_page_are_404(client, demo):
    for url in [PP + "nope/", PP + "timeline.xml", PP + "timeline.json/", PP + "x/timeline.json"]:
        assert client.get(url).status_code == 404, url


def _publish_raw_stages(slug, raw):
    """Publish stream data as stored, bypassing the blocks (as a bad import or migration might)."""
    page = RetentionPage.objects.get(url_path__endswith=f"/{slug}/retention/")
    stages = StreamValue(RetentionPage.stages.field.stream_block, raw, is_lazy=True)
    RetentionPage.objects.filter(pk=page.pk).update(stages=stages)
    assert RetentionPage.objects.get(pk=page.pk).stages.raw_data[0]["value"] == raw[0]["value"]
    return page


def _raw_offset(**value):
    base = {"key": "data-destroyed", "label": "Data destroyed", "description": ""}
    base |= {"amount": 30, "unit": "days", "from_stage": ""}
    return {"type": "offset", "value": base | value, "id": "1"}


def _raw_seasonal(windows):
    value = {"key": "deleted", "label": "Deleted", "description": "", "from_stage": ""}
    return {"type": "seasonal", "value": value | {"windows": windows}, "id": "2"}


CORRUPT_STAGES = {
    "amount in words": [_raw_offset(amount="thirty")],
    "fractional amount": [_raw_offset(amount=30.5)],
    "unknown unit": [_raw_offset(unit="weeks")],  # once silently treated as days
    "no unit": [_raw_offset(unit=None)],
    "month name for by_end_of": [
        _raw_seasonal([window((1, 1), (31, 12), 8) | {"by_end_of": "August"}])
    ],
    "windows not a list": [_raw_seasonal("1 September to 31 March")],
    "window not a dict": [_raw_seasonal(["all year"])],
    "day in words": [_raw_seasonal([window((1, 1), (31, 12), 8) | {"start_day": "first"}])],
    "stage not a dict": [{"type": "offset", "value": ["data-destroyed", 30], "id": "3"}],
    "from_stage a list": [_raw_offset(from_stage=["a"])],
    "good stage after a bad one": [_raw_offset(unit="weeks"), _raw_offset(key="later")],
}


@pytest.mark.parametrize("raw", CORRUPT_STAGES.values(), ids=CORRUPT_STAGES.keys())
def test_corrupt_stored_rules_say_being_updated_never_a_500(client, demo, raw):
    _publish_raw_stages("juniper-mis", raw)
    url = "/products/juniper-mis/retention/"
    for query in ["", "?ended=2027-02-22"]:
        response = client.get(url + query)
        assert response.status_code == 200
        body = text(response)
        assert body.count("The retention rules for this product are being updated") == 1
        assert 'class="timeline"' not in body and "<form" not in body
    response = client.get(url + "timeline.json?ended=2027-02-22")
    assert response.status_code == 400
    assert json.loads(response.content)["error"]["code"] == "rules_unavailable"
    ics = client.get(url + "timeline.ics?ended=2027-02-22")
    assert ics.status_code == 400
    assert "being updated" in ics.content.decode()


def test_an_amount_stored_as_digits_still_counts(client, demo):
    _publish_raw_stages("juniper-mis", [_raw_offset(amount="30", unit="days")])
    data = json.loads(
        client.get("/products/juniper-mis/retention/timeline.json?ended=2027-02-22").content
    )
    assert [e["date"] for e in data["timeline"]] == ["2027-03-24"]


def test_the_rules_are_read_once_per_request(client, demo):
    calls = []
    real = RetentionPage.read_rules

    def counting(page):
        calls.append(page.pk)
        return real(page)

    with mock.patch.object(RetentionPage, "read_rules", counting):
        for url in [PP, PP + "?ended=2027-02-22", PP + "timeline.json?ended=2027-02-22"]:
            calls.clear()
            assert client.get(url).status_code == 200
            assert len(calls) == 1, url


@pytest.mark.parametrize(
    "query, status, first_date",
    [
        ("?ended=not-a-date&ended=2027-02-22", 200, "2027-05-23"),  # the last value counts
        ("?ended=2027-02-22&ended=2027-02-30", 400, None),
        ("?ended=2027-02-22&ended=", 200, None),
        ("?ended=2027-02-22&ended=22/02/2027&ended=2027-02-22", 200, "2027-05-23"),
    ],
)
def test_a_repeated_date_parameter_is_not_a_500(client, demo, query, status, first_date):
    page = client.get(PP + query)
    assert page.status_code == status
    response = client.get(PP + "timeline.json" + query)
    assert response.status_code == (200 if first_date else 400)
    if first_date:
        assert json.loads(response.content)["timeline"][0]["date"] == first_date
        assert timeline_dates(page)[1] == first_date
    assert client.get(PP + "timeline.ics" + query).status_code == response.status_code


def test_head_requests_work(client, demo):
    for url, content_type in [
        (PP, "text/html; charset=utf-8"),
        (PP + "?ended=2027-02-22", "text/html; charset=utf-8"),
        (PP + "timeline.json?ended=2027-02-22", "application/json"),
        (PP + "timeline.ics?ended=2027-02-22", "text/calendar; charset=utf-8"),
    ]:
        response = client.head(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == content_type
        assert response.content == b""


def test_a_never_published_retention_page_is_not_public(client, demo):
    index = ProductIndexPage.objects.get()
    product = ProductPage.objects.get(slug="juniper-mis").copy(
        to=index, update_attrs={"slug": "new-product", "title": "New product"}
    )
    draft = RetentionPage(
        title="When will our New product data be deleted?",
        slug="retention",
        stages=RetentionPage.objects.get(url_path__endswith="/juniper-mis/retention/").stages,
        last_reviewed=datetime.date(2026, 1, 1),
        live=False,
    )
    product.add_child(instance=draft)
    draft.save_revision()
    assert client.get("/products/new-product/").status_code == 200
    url = "/products/new-product/retention/"
    for suffix in ["", "?ended=2027-02-22", "timeline.json?ended=2027-02-22"]:
        assert client.get(url + suffix).status_code == 404, suffix
    assert client.get(url + "timeline.ics?ended=2027-02-22").status_code == 404
    assert "data be deleted?</a>" not in text(client.get("/products/new-product/"))


# --- Publishing --------------------------------------------------------------------------------

PURGED = []


class RecordingCacheBackend(BaseBackend):
    """A frontend cache that records what Wagtail asks it to purge."""

    def purge(self, url):
        PURGED.append(url)


def test_cached_paths_cover_the_page_json_and_calendar():
    assert RetentionPage().get_cached_paths() == ["/", "/timeline.json", "/timeline.ics"]


def test_publishing_rule_changes_purges_the_page_json_and_calendar(client, demo, settings):
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "products.tests.test_retention_pages.RecordingCacheBackend"}
    }
    PURGED.clear()
    publish_stages("pupil-asset", [offset("data-destroyed", 60)])
    base = "http://localhost/products/pupil-asset/retention/"
    assert set(PURGED) >= {base, base + "timeline.json", base + "timeline.ics"}
    # each purged URL is a real route (not a 404 that the cache would never have held)
    for url in PURGED:
        path = url.removeprefix("http://localhost")
        assert client.get(path + "?ended=2027-02-22").status_code == 200, path


def test_a_privacy_editor_cannot_publish_rules_only_submit_them_to_the_dpo(
    client, demo, django_user_model
):
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Privacy editor"))
    page = RetentionPage.objects.get(url_path__endswith="/pupil-asset/retention/")
    assert page.get_workflow().name == "DPO approval"
    assert not page.permissions_for_user(editor).can_publish()
    client.force_login(editor)
    edit_url = f"/admin/pages/{page.pk}/edit/"
    assert 'name="action-publish"' not in client.get(edit_url).content.decode()
    stages = [_admin_stage(*offset("data-destroyed", 1))]
    json_url = "/products/pupil-asset/retention/timeline.json?ended=2027-02-22"

    def live_date():
        return json.loads(client.get(json_url).content)["timeline"][0]["date"]

    response = client.post(edit_url, _edit_post_data(page, stages, **{"action-publish": "1"}))
    assert response.status_code == 302
    assert live_date() == "2027-03-24"  # still 30 days: nothing was published
    response = client.post(edit_url, _edit_post_data(page, stages, **{"action-submit": "1"}))
    assert response.status_code == 302
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state.status == "in_progress" and state.workflow.name == "DPO approval"
    assert live_date() == "2027-03-24"  # not until the DPO approves


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
