"""The public register and the product pages' tables: every public field, filters, current,
upcoming and former entries, all from the same live records.

Also: test_register_exports.py (CSV/JSON, download links, HEAD), test_register_queries.py
(query counts), test_register_drafts.py (drafts stay private)."""

import datetime
import re

import pytest

from subprocessors.models import Subprocessor

from .factories import (
    TODAY,
    exported,
    html,
    make_entry,
    register_rows,
)

pytestmark = pytest.mark.django_db


def test_register_lists_seed_recipients_with_every_public_field(client, demo):
    body = html(client, "/subprocessors/")
    names = {name for _, name in register_rows(body)}
    for expected in [
        "Twilio",
        "Loom",
        "Thinkific",
        "Department for Education (DfE)",
        "Wonde",
        "Amazon Web Services",
        "Groupcall Exporter",
    ]:
        assert expected in names
    assert "United States of America" in body and "Canada" in body and "European Union" in body
    assert "UK–US data bridge" in body
    assert "UK adequacy regulations" in body
    assert "Not a restricted transfer" in body
    assert "Recipient in its own right" in body
    assert "Recipient on the school&#x27;s instruction" in body
    assert "https://www.twilio.com/en-us/legal/privacy" in body
    assert re.search(
        r"Register last changed <time datetime=\"\d{4}-\d\d-\d\d\">\w+day \d{1,2} \w+ \d{4}</time>",
        body,
    )


def test_filter_by_products_is_repeatable_and_by_recipient_type(client, demo):
    pp = {n for _, n in register_rows(html(client, "/subprocessors/?product=pupil-progress"))}
    ch = {n for _, n in register_rows(html(client, "/subprocessors/?product=communications-hub"))}
    both = {
        n
        for _, n in register_rows(
            html(client, "/subprocessors/?product=pupil-progress&product=communications-hub")
        )
    }
    assert "Loom" in pp and "Twilio" not in pp
    assert "Twilio" in ch and "Loom" not in ch
    assert both == pp | ch
    subs = {
        n
        for _, n in register_rows(
            html(client, "/subprocessors/?product=communications-hub&type=subprocessor")
        )
    }
    others = {
        n
        for _, n in register_rows(
            html(client, "/subprocessors/?product=communications-hub&type=other")
        )
    }
    assert "Department for Education (DfE)" in others and "Wonde" in others
    assert "Twilio" in subs and not (subs & others)
    assert subs | others == ch


def test_bad_filters_get_a_clear_message_not_a_500(client, demo):
    body = html(client, "/subprocessors/?product=nope&product=%00&type=weird&product=" + "x" * 500)
    assert "There is no product called “nope”" in body
    assert "Unknown recipient type" in body
    response = client.get("/subprocessors/register.json?product=nope")
    assert response.status_code == 400
    assert "There is no product called" in response.json()["error"]
    assert client.get("/subprocessors/register.csv?product=nope").status_code == 400


def test_upcoming_and_former_sections(client, demo):
    make_entry("Future Mail Ltd", start_date=TODAY + datetime.timedelta(days=40))
    make_entry(
        "Old Survey Co",
        start_date=datetime.date(2023, 1, 1),
        end_date=TODAY - datetime.timedelta(days=3),
    )
    make_entry(
        "Ends Later Ltd",
        start_date=datetime.date(2023, 1, 1),
        end_date=TODAY + datetime.timedelta(days=10),
    )
    body = html(client, "/subprocessors/")
    current = body.split('id="upcoming-h"')[0]
    upcoming = body.split('id="upcoming-h"')[1].split('id="former-h"')[0]
    former = body.split('id="former-h"')[1]
    assert "Future Mail Ltd" in upcoming and "Future Mail Ltd" not in current
    start = (TODAY + datetime.timedelta(days=40)).strftime("%-d %B %Y")
    assert start in upcoming
    assert "Old Survey Co" in former and "Old Survey Co" not in current
    assert (TODAY - datetime.timedelta(days=3)).strftime("%-d %B %Y") in former
    assert "Ends Later Ltd" in current
    statuses = {e["name"]: e["status"] for e in exported(client)[0]["entries"]}
    assert statuses["Future Mail Ltd"] == "upcoming"
    assert statuses["Old Survey Co"] == "former"
    assert statuses["Ends Later Ltd"] == "current"
    # the product page shows current and upcoming, not former
    product = html(client, "/products/communications-hub/")
    assert "Future Mail Ltd" in product and "Old Survey Co" not in product


def test_product_page_table_comes_from_the_same_records(client, demo):
    body = html(client, "/products/communications-hub/")
    section = body.split('id="subprocessors-h"')[1].split('id="more-h"')[0]
    for name in [
        "Twilio",
        "Amazon Simple Email Service",
        "Wonde",
        "Department for Education (DfE)",
    ]:
        assert name in section
    assert "Loom" not in section
    twilio = Subprocessor.objects.originals().get(name="Twilio")
    twilio.uses.update(purpose="Sends SMS text messages, now with delivery receipts")
    assert "now with delivery receipts" in html(client, "/products/communications-hub/")
    assert "now with delivery receipts" in html(client, "/subprocessors/")


def test_current_entry_with_a_planned_end_shows_when_it_ends(client, demo):
    end = TODAY + datetime.timedelta(days=120)
    make_entry("Retiring Soon Ltd", start_date=datetime.date(2023, 1, 1), end_date=end)
    make_entry("Staying Put Ltd", start_date=datetime.date(2023, 1, 1))
    until = f'Ends on <time datetime="{end.isoformat()}">{end.strftime("%-d %B %Y")}</time>'
    for url in ["/subprocessors/", "/products/communications-hub/"]:
        body = html(client, url)
        current = body.split('id="upcoming-h"')[0] if url == "/subprocessors/" else body
        retiring = current.split('"register-name">Retiring Soon Ltd<')[1].split("</tr>")[0]
        staying = current.split('"register-name">Staying Put Ltd<')[1].split("</tr>")[0]
        assert "1 January 2023" in retiring and until in retiring, url
        assert "Ends on" not in staying, url
