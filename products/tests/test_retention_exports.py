"""timeline.json and timeline.ics: the retention page's timeline as files, at plain URLs."""

import datetime
import json

import pytest
from django.urls import resolve, reverse
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from products import exports
from products.models import ProductPage

from .factories import (
    BAD_DATES,
    PP,
    add_product,
    add_retention_page,
    retention_page,
    text,
    timeline_dates,
)

# --- Where they are ----------------------------------------------------------------------------


def test_the_timelines_have_plain_urls_beside_the_page():
    for name, view, suffix in [
        ("products:timeline_json", exports.timeline_json, "timeline.json"),
        ("products:timeline_ics", exports.timeline_ics, "timeline.ics"),
    ]:
        url = reverse(name, kwargs={"product": "pupil-progress"})
        assert url == PP + suffix
        assert resolve(url).func is view


def test_a_product_without_a_public_retention_page_has_no_timeline(client, demo):
    """404, with the site's designed page, unless the product and its retention page are live
    and public."""
    new = add_product("new-product", "New product")
    drafted = add_product("drafted", "Drafted product")
    add_retention_page(drafted, retention_page("juniper-mis").stages)
    ProductPage.objects.filter(pk=drafted.pk).update(live=False)
    private = add_product("private", "Private product")
    add_retention_page(private, retention_page("juniper-mis").stages)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    for slug in ["no-such-product", new.slug, drafted.slug, private.slug]:
        for suffix in ["timeline.json", "timeline.ics"]:
            response = client.get(f"/products/{slug}/retention/{suffix}?ended=2027-02-22")
            assert response.status_code == 404, (slug, suffix)
            assert "Page not found" in text(response)


def test_a_product_with_a_unicode_slug_has_a_timeline(client, demo):
    """Wagtail allows Unicode slugs, and serves the page; its timeline is there too."""
    product = add_product("élèves", "Élèves")
    add_retention_page(product, retention_page("juniper-mis").stages)
    url = "/products/%C3%A9l%C3%A8ves/retention/"
    assert client.get(url).status_code == 200
    response = client.get(url + "timeline.json?ended=2027-02-22")
    assert response.status_code == 200
    assert json.loads(response.content)["product_slug"] == "élèves"


def test_only_get_and_head_are_answered(client, demo):
    for suffix in ["timeline.json", "timeline.ics"]:
        response = client.post(PP + suffix + "?ended=2027-02-22")
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD"


# --- What they say -----------------------------------------------------------------------------


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


def test_the_json_endpoint_without_a_date_is_a_400(client, demo):
    response = client.get(PP + "timeline.json")
    assert response.status_code == 400
    assert json.loads(response.content)["error"]["code"] == "missing_date"


def test_unknown_routes_under_the_page_are_404(client, demo):
    for url in [PP + "nope/", PP + "timeline.xml", PP + "timeline.json/", PP + "x/timeline.json"]:
        assert client.get(url).status_code == 404, url


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
