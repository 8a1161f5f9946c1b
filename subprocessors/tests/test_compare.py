"""Comparing two dates (issue 15, item 2): `/subprocessors/compare/?from=&to=&product=` lists
the entries added, removed and changed, each changed field with its old and new value, and the
change notices that announced them; the change log gets there in one click."""

import datetime
import re

import pytest
from django.utils import timezone

from subprocessors import compare, history
from subprocessors.models import RegisterChange, RegisterHistory

from .factories import DAY, HISTORY_DAYS, TODAY, build_history, html, make_entry, make_notice

pytestmark = pytest.mark.django_db

D = HISTORY_DAYS
URL = "/subprocessors/compare/"


def section(body, heading_id):
    """The part of the page from one result heading to the next."""
    part = body.split(f'id="{heading_id}"', 1)[1]
    return re.split(r'<h3 id="|</section>', part, maxsplit=1)[0]


def field_rows(body, name):
    """(label, old, new) of every row of one entry's table of changes."""
    table = body.split(f"<caption>{name}</caption>", 1)[1].split("</table>", 1)[0]
    return re.findall(
        r'<tr><th scope="row">([^<]+)</th><td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td></tr>', table
    )


def publish_notice_of(entry_uuid, day):
    """Publish the notice drafted for the register change recorded with the entry's history
    row on `day` (the real receivers drafted it)."""
    row = RegisterHistory.objects.get(entry_id=entry_uuid, at__date=day)
    notice = row.register_change.notice
    notice.save_revision().publish()
    return notice


def test_added_removed_and_exactly_the_changed_fields():
    built = build_history()
    result = compare.compare(D[0], D[4])
    assert [c.name for c in result.added] == ["Delta Docs"]  # Gamma came and went in between
    assert [c.name for c in result.removed] == ["Beta Backup"]
    assert [c.name for c in result.changed] == ["Alpha Mail"]
    fields = [(f.label, f.old, f.new) for f in result.changed[0].fields]
    assert fields == [
        ("What they do", "Alpha sends letters.", "Alpha sends letters and postcards."),
        ("Communications Hub: purpose", "Alpha Mail for communications-hub", "Posts letters home"),
    ]
    # Time passing is a change too: Delta started; Gamma was deleted.
    later = compare.compare(D[3], D[4])
    assert [c.name for c in later.removed] == ["Gamma Print"]
    delta = {c.name: c for c in later.changed}["Delta Docs"]
    assert [(f.label, f.old, f.new) for f in delta.fields] == [("Status", "Upcoming", "Current")]
    assert later.added == [] and built


def test_the_page_shows_each_change_with_links_to_the_notices_that_announced_it(client):
    built = build_history()
    # The notices the receivers drafted for Alpha's change and Beta's removal, once published,
    # and a notice naming Delta that took effect in the range.
    alpha_notice = publish_notice_of(built["Alpha Mail"].uuid, D[1])
    beta_notice = publish_notice_of(built["Beta Backup"].uuid, D[2])
    told = timezone.make_aware(datetime.datetime.combine(D[0] - 10 * DAY, datetime.time(9)))
    delta_notice = make_notice(
        "Delta Docs to hold documents",
        first_published_at=told,
        notice_date=told.date(),
        effective_date=D[3],
        objection_deadline=D[3] - DAY,
    )
    delta_notice.subprocessors.set([built["Delta Docs"]])
    delta_notice.save()
    draft = RegisterChange.objects.filter(notice__live=False).first().notice

    body = html(client, f"{URL}?from={D[0].isoformat()}&to={D[4].isoformat()}")
    assert '<meta name="robots" content="noindex">' in body
    assert "1 added, 1 removed and 1 changed." in body
    assert "Delta Docs" in section(body, "added-h")
    assert "Beta Backup" in section(body, "removed-h")
    assert field_rows(body, "Alpha Mail") == [
        ("What they do", "Alpha sends letters.", "Alpha sends letters and postcards."),
        ("Communications Hub: purpose", "Alpha Mail for communications-hub", "Posts letters home"),
    ]
    for heading, notice in [
        ("added-h", delta_notice),
        ("removed-h", beta_notice),
        ("changed-h", alpha_notice),
    ]:
        assert f'<a href="{notice.get_absolute_url()}">{notice.title}</a>' in section(body, heading)
    assert draft.get_absolute_url() not in body  # a draft notice is never linked
    assert "DRAFT" not in body
    # Both days' registers are a click away.
    assert f'href="/subprocessors/?at={D[0].isoformat()}"' in body


def test_a_product_filter_and_dates_in_either_order(client):
    build_history()
    body = html(client, f"{URL}?from={D[4].isoformat()}&to={D[0].isoformat()}&product=juniper-mis")
    assert "You gave the later date first" in body
    assert f'<time datetime="{D[0].isoformat()}">' in section(body, "result-h")
    assert "Beta Backup" in section(body, "removed-h")
    assert "Delta Docs" in section(body, "added-h")
    assert "Alpha Mail" not in body  # Communications Hub only
    assert 'id="changed-h"' not in body
    body = html(client, f"{URL}?from={D[2].isoformat()}&to={D[2].isoformat()}")
    assert "Nothing in the register changed between these dates." in body


@pytest.mark.parametrize(
    "query, message",
    [
        ("?to=2026-01-01", "Enter the earlier date"),
        ("?from=soon", "“soon” is not a date we can read."),
        ("?from=2026-04-31", "April 2026 has 30 days"),
        (f"?from={(TODAY + DAY).isoformat()}", "is in the future"),
        ("?from={before}", "The public register began on {began:%-d %B %Y}"),
        (f"?from={TODAY.isoformat()}&to=31/02/2026", "February 2026 has 28 days"),
    ],
)
def test_unusable_dates_get_the_form_again_with_the_reason(client, query, message):
    began = timezone.localdate(history.register_began())  # the demo's publication
    query = query.format(before=(began - DAY).isoformat())
    response = client.get(URL + query)
    assert response.status_code == 400
    body = response.content.decode()
    assert message.format(began=began) in body
    assert "<title>Error: " in body and 'aria-invalid="true"' in body
    assert 'id="result-h"' not in body


def test_the_form_without_dates_and_an_unknown_product(client):
    body = html(client, URL + "?product=nonsense")
    assert "There is no product called “nonsense”." in body
    assert 'name="from"' in body and 'id="result-h"' not in body


def test_the_change_log_gets_a_school_there_in_one_click(client):
    build_history()
    body = html(client, "/subprocessors/changes/?product=juniper-mis")
    form = body.split('<form method="get" action="/subprocessors/compare/"', 1)[1].split("</form>")[
        0
    ]
    assert 'name="from"' in form and "What changed since your last review?" in body
    assert '<input type="hidden" name="product" value="juniper-mis">' in form
    # Submitting it with the review date (the form's GET); "to" is today.
    result = html(client, f"{URL}?from={D[0].isoformat()}&product=juniper-mis")
    assert f'<time datetime="{TODAY.isoformat()}">' in section(result, "result-h")
    assert "Beta Backup" in section(result, "removed-h")
    assert "Wonde" in section(result, "added-h")  # the demo published today, after day 4


def test_the_compare_page_is_cached_and_renewed_by_a_publish(client):
    build_history()
    url = f"{URL}?from={D[4].isoformat()}&product=pupil-progress"
    assert "Late Arrival" not in html(client, url)
    make_entry("Late Arrival", products=("pupil-progress",))
    assert "Late Arrival" in section(html(client, url), "added-h")
