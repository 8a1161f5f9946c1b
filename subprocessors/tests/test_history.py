"""The register as at a date (issue 15, item 1): `/subprocessors/?at=`, and the exports with
`?at=`, show what the public register showed at the end of that day, from what was published,
never from drafts; unusable dates get a clear message."""

import datetime
import importlib
import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from subprocessors import compare, history
from subprocessors.demo.entries import ENTRIES
from subprocessors.demo.facts import CH, CH_SINCE, PP, PP_SINCE
from subprocessors.models import RegisterHistory, Subprocessor

from .factories import (
    DAY,
    HISTORY_DAYS,
    TODAY,
    build_history,
    exported,
    html,
    make_entry,
    register_rows,
)

pytestmark = pytest.mark.django_db

D = HISTORY_DAYS
EXPECTED = {
    0: {"Alpha Mail", "Beta Backup"},
    1: {"Alpha Mail", "Beta Backup"},
    2: {"Alpha Mail"},  # Beta unpublished; Alpha's draft edit never published
    3: {"Alpha Mail", "Gamma Print", "Delta Docs"},
    4: {"Alpha Mail", "Delta Docs"},  # Gamma deleted
}


def names(rows):
    return {name for _id, name in rows}


def by_name(records):
    return {record["name"]: record for record in records}


def test_each_past_day_shows_what_was_public_then_in_html_json_and_csv(client):
    built = build_history()
    for n, expected in EXPECTED.items():
        day = D[n]
        body = html(client, f"/subprocessors/?at={day.isoformat()}")
        assert names(register_rows(body)) == expected, n
        assert f"This is the register as it was at the end of {day:%-d %B %Y}" in body
        assert '<meta name="robots" content="noindex">' in body
        assert "DRAFT" not in body  # the draft edit of day 2 is never shown
        as_json, rows = exported(client, f"?at={day.isoformat()}")
        assert as_json["as_at"] == day.isoformat()
        assert {e["name"] for e in as_json["entries"]} == expected
        assert {row["name"] for row in rows} == expected
        for record in as_json["entries"]:  # never published later than the day shown
            assert timezone.localdate(
                datetime.datetime.fromisoformat(record["last_published_at"])
            ) in {D[m] for m in range(n + 1)}
        alpha = by_name(as_json["entries"])["Alpha Mail"]
        assert alpha["countries"] == [{"code": "GB", "name": "United Kingdom"}]
        if n == 0:
            assert alpha["description"] == "Alpha sends letters."
            assert alpha["products"][0]["purpose"] == "Alpha Mail for communications-hub"
        else:
            assert alpha["description"] == "Alpha sends letters and postcards."
            assert alpha["products"][0]["purpose"] == "Posts letters home"
    # Stable ids are the entries' own, the deleted one's included.
    body = html(client, f"/subprocessors/?at={D[3].isoformat()}")
    assert (str(built["Gamma Print"].uuid), "Gamma Print") in register_rows(body)
    # Today: the published edit, never the draft.
    alpha = by_name(exported(client, f"?at={TODAY.isoformat()}")[0]["entries"])["Alpha Mail"]
    assert alpha["description"] == "Alpha sends letters and postcards."


def test_the_product_filter_and_statuses_apply_as_on_that_day(client):
    build_history()
    as_json, _ = exported(client, f"?at={D[0].isoformat()}&product=juniper-mis")
    assert [e["name"] for e in as_json["entries"]] == ["Beta Backup"]
    as_json, _ = exported(client, f"?at={D[3].isoformat()}&product=communications-hub")
    entries = by_name(as_json["entries"])
    assert set(entries) == {"Alpha Mail", "Delta Docs"}
    assert [p["slug"] for p in entries["Delta Docs"]["products"]] == ["communications-hub"]
    # Delta starts five days after day 3: upcoming then, current on day 4.
    assert entries["Delta Docs"]["status"] == "upcoming"
    later = by_name(exported(client, f"?at={D[4].isoformat()}")[0]["entries"])
    assert later["Delta Docs"]["status"] == "current"
    body = html(client, f"/subprocessors/?at={D[3].isoformat()}&product=juniper-mis")
    upcoming = body.split('id="upcoming-h"')[1].split('id="former-h"')[0]
    assert "Delta Docs" in upcoming
    assert names(register_rows(body)) == {"Delta Docs"}
    # The download links keep the day and the selection.
    assert f'href="register.csv?product=juniper-mis&amp;at={D[3].isoformat()}"' in body


def test_today_as_at_matches_the_live_register_exactly(client):
    live, _ = exported(client)
    past, _ = exported(client, f"?at={TODAY.isoformat()}")
    assert past["entries"] == live["entries"]
    assert len(live["entries"]) >= 20
    assert register_rows(html(client, f"/subprocessors/?at={TODAY:%d/%m/%Y}")) == register_rows(
        html(client, "/subprocessors/")
    )


def test_the_demo_register_grew_from_its_start_dates(client):
    """The demo is known history, public from the day each entry came into use: between Pupil
    Progress's start (4 July 2025) and Communications Hub's (25 November 2025) the register
    lists Pupil Progress's entries but not those only Communications Hub uses."""
    day = datetime.date(2025, 9, 1)
    assert PP_SINCE < day < CH_SINCE < TODAY
    pupil_progress = {spec["name"] for spec in ENTRIES if PP in spec["uses"]}
    hub_only = {spec["name"] for spec in ENTRIES if set(spec["uses"]) == {CH}}
    assert hub_only == {"Twilio", "Amazon Simple Email Service"}
    shown = names(register_rows(html(client, f"/subprocessors/?at={day.isoformat()}")))
    assert pupil_progress <= shown and not shown & hub_only
    assert hub_only <= names(register_rows(html(client, f"/subprocessors/?at={CH_SINCE}")))
    # Published at the start of its first day, as the live register and its history both say.
    twilio = Subprocessor.objects.originals().get(name="Twilio")
    first = RegisterHistory.objects.filter(entry_id=twilio.uuid).earliest("at")
    assert first.at == twilio.last_published_at == history.end_of_day(CH_SINCE - DAY)
    assert timezone.localdate(history.register_began()) == min(s["start_date"] for s in ENTRIES)
    # What changed since then: Communications Hub's entries were added.
    assert hub_only <= {change.name for change in compare.compare(day, TODAY).added}


@pytest.mark.parametrize(
    "value, message",
    [
        ("last tuesday", "“last tuesday” is not a date we can read. Enter the date as"),
        ("2026-02-30", "2026-02-30 is not a real date: February 2026 has 28 days."),
        ("31/13/2025", "the month must be from 1 to 12"),
        ((TODAY + DAY).isoformat(), "is in the future. Choose a date up to today"),
        ("9999-12-31", "is not a year we can show"),
        ("before", "The public register began on {began:%-d %B %Y}, so there is no register"),
    ],
)
def test_unusable_dates_get_a_clear_message_everywhere(client, value, message):
    began = timezone.localdate(history.register_began())  # the demo's first start date
    if value == "before":
        value, message = (began - DAY).isoformat(), message.format(began=began)
    response = client.get("/subprocessors/", {"at": value})
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body.replace("&#x27;", "'").replace("&quot;", '"')
    assert "<title>Error: " in body and 'aria-invalid="true"' in body
    assert 'id="current-h"' not in body  # no table that could pass for the past
    for export in ["register.json", "register.csv"]:
        response = client.get(f"/subprocessors/{export}", {"at": value})
        assert response.status_code == 400
        text = response.content.decode()
        error = json.loads(text)["error"] if export.endswith("json") else text
        assert message in error


def test_an_empty_date_is_the_current_register(client):
    body = html(client, "/subprocessors/?at=&product=juniper-mis")
    assert "This is the register as it was" not in body
    assert "noindex" not in body


def test_a_scheduled_change_is_public_from_when_it_went_live_not_its_approval(client):
    entry = make_entry("Scheduled Post", description="Before.")
    entry = Subprocessor.objects.get(pk=entry.pk)
    entry.description = "After."
    entry.go_live_at = timezone.now() + datetime.timedelta(hours=2)
    revision = entry.save_revision()
    revision.publish()  # approved and scheduled: not live yet
    records = by_name(exported(client, f"?at={TODAY.isoformat()}")[0]["entries"])
    assert records["Scheduled Post"]["description"] == "Before."
    rows = RegisterHistory.objects.filter(entry_id=entry.uuid)
    assert rows.count() == 1
    # Its time comes (moved to a minute ago, rather than waiting): the scheduler publishes it.
    revision.refresh_from_db()
    go_live = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = go_live
    revision.content["go_live_at"] = go_live.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")
    assert rows.count() == 2
    assert rows.last().at >= go_live
    records = by_name(exported(client, f"?at={TODAY.isoformat()}")[0]["entries"])
    assert records["Scheduled Post"]["description"] == "After."


def test_history_outlives_a_deleted_entry_and_register_at_checks_the_day():
    built = build_history()
    rows = RegisterHistory.objects.filter(entry_id=built["Gamma Print"].uuid).order_by("at")
    assert [(row.event, row.subprocessor_id) for row in rows] == [
        ("published", None),
        ("deleted", None),
    ]
    # The function other code (the evidence pack) calls.
    assert [r["name"] for r in history.register_at(D[3])] == [
        "Alpha Mail",
        "Delta Docs",
        "Gamma Print",
    ]
    assert [r["name"] for r in history.register_at(D[3], products=[], recipient_type="")] == [
        "Alpha Mail",
        "Delta Docs",
        "Gamma Print",
    ]
    with pytest.raises(history.HistoryDateError) as error:
        history.register_at(D[0] - DAY)
    assert error.value.code == "before_register"
    with pytest.raises(history.HistoryDateError) as error:
        history.register_at(TODAY + DAY)
    assert error.value.code == "future_date"


def test_a_past_view_is_cached_apart_from_the_current_register_and_renewed_on_publish(client):
    assert "This is the register as it was" not in html(client, "/subprocessors/")
    url = f"/subprocessors/?at={TODAY.isoformat()}"
    assert "This is the register as it was" in html(client, url)
    assert "Cached Later" not in html(client, url)
    make_entry("Cached Later")
    assert "Cached Later" in html(client, url)


def _bulk_history(count):
    """`count` more entries in today's register history, written in one query."""
    template = RegisterHistory.objects.exclude(record=None).order_by("pk").first().record
    now = timezone.now()
    rows = []
    for i in range(count):
        entry_id = f"00000000-0000-4000-8000-{i:012d}"
        record = {**template, "id": entry_id, "name": f"Bulk {i:03}"}
        rows.append(
            RegisterHistory(
                entry_id=entry_id, name=record["name"], event="published", at=now, record=record
            )
        )
    RegisterHistory.objects.bulk_create(rows)


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


# Products (2: pages, view restrictions), when the register began, each entry's last state,
# and the organisation settings every page shows.
PAST_VIEW_QUERIES = 5


def test_the_past_view_makes_as_many_queries_for_many_entries_as_for_few(client):
    url = f"/subprocessors/?at={TODAY.isoformat()}&product=juniper-mis"
    export = f"/subprocessors/register.json?at={TODAY.isoformat()}"
    few, few_export = _count(client, url), _count(client, export)
    _bulk_history(60)
    many_url = url + "&type=subprocessor"  # another key: not served from the cache
    assert _count(client, many_url) == few == PAST_VIEW_QUERIES
    assert _count(client, export + "&type=subprocessor") == few_export == PAST_VIEW_QUERIES - 1
    assert "Bulk 059" in html(client, f"/subprocessors/?at={TODAY.isoformat()}")


def test_the_migration_backfills_history_from_publish_logs_and_revisions(client):
    entry = make_entry("Backfilled", description="First words.")
    entry = Subprocessor.objects.get(pk=entry.pk)
    entry.description = "Second words."
    entry.save_revision().publish()
    live, _ = exported(client)
    RegisterHistory.objects.all().delete()
    # As the migration found the database: no translations yet (they came with migration 0015).
    Subprocessor.objects.exclude(locale__language_code="en-gb").delete()
    migration = importlib.import_module("subprocessors.migrations.0012_register_history")
    migration.backfill(apps, None)
    rows = RegisterHistory.objects.filter(entry_id=entry.uuid).order_by("at")
    assert [row.record["description"] for row in rows] == ["First words.", "Second words."]
    assert {row.event for row in rows} == {"imported"}
    past, _ = exported(client, f"?at={TODAY.isoformat()}")
    # As now, but each entry's last_published_at is its publish log entry's time.
    strip = [{**record, "last_published_at": None} for record in past["entries"]]
    assert strip == [{**record, "last_published_at": None} for record in live["entries"]]
