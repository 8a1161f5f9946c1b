"""The public register, product tables and exports: live records only, all in agreement."""

import csv
import datetime
import io
import json
import re
from html import escape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from subprocessors.models import Subprocessor

from .factories import make_entry

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return re.sub(r"\s+", " ", response.content.decode())


def exported(client, query=""):
    as_json = json.loads(client.get("/subprocessors/register.json" + query).content)
    response = client.get("/subprocessors/register.csv" + query)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    return as_json, rows


def register_rows(body):
    """(stable id, name) of every row in the HTML tables."""
    return re.findall(
        r'<tr id="sp-([0-9a-f-]{36})"> <th scope="row"> <span class="register-name">([^<]+)</span>',
        body,
    )


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
        "Apache HTTP Server",
        "Groupcall Xporter",
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


def test_exports_match_the_html_table(client, demo):
    for query in ["", "?product=juniper-mis", "?product=pupil-progress&product=pupil-asset"]:
        body = html(client, "/subprocessors/" + query)
        table = sorted(register_rows(body))
        as_json, rows = exported(client, query)
        assert sorted((e["id"], e["name"]) for e in as_json["entries"]) == table
        assert sorted((r["id"], r["name"]) for r in rows) == table
        for entry, row in zip(
            sorted(as_json["entries"], key=lambda e: e["id"]),
            sorted(rows, key=lambda r: r["id"]),
            strict=True,
        ):
            assert row["countries"] == "; ".join(c["code"] for c in entry["countries"])
            assert row["transfer_safeguard"] == entry["transfer_safeguard"]
            assert row["start_date"] == entry["start_date"]
            datetime.date.fromisoformat(row["start_date"])
            assert row["products"] == "; ".join(p["slug"] for p in entry["products"])
            for use in entry["products"]:
                assert escape(use["purpose"]) in body


def test_stable_ids_survive_edits(client, demo):
    twilio = Subprocessor.objects.get(name="Twilio")
    before = {e["name"]: e["id"] for e in exported(client)[0]["entries"]}
    twilio.description = "Sends SMS and WhatsApp messages."
    twilio.save_revision().publish()
    after = {e["name"]: e["id"] for e in exported(client)[0]["entries"]}
    assert before == after


def test_drafts_and_moderation_never_reach_public_outputs(client, demo, admin_user):
    draft_only = make_entry("Secret Draft Co", publish=False)
    assert draft_only.live is False
    twilio = Subprocessor.objects.get(name="Twilio")
    twilio.name = "Twilio RENAMED"
    twilio.countries = ["GB", "US", "IN"]
    twilio.save_revision(user=admin_user)  # draft edit of a live entry
    twilio.refresh_from_db()
    assert twilio.has_unpublished_changes

    in_review = make_entry("Awaiting Approval Ltd", publish=False)
    in_review.get_workflow().start(in_review, admin_user)

    outputs = [
        html(client, "/subprocessors/"),
        html(client, "/products/communications-hub/"),
        client.get("/subprocessors/register.json").content.decode(),
        client.get("/subprocessors/register.csv").content.decode("utf-8-sig"),
        client.get("/subprocessors/register.json?product=communications-hub").content.decode(),
    ]
    for output in outputs:
        assert "Secret Draft Co" not in output
        assert "Awaiting Approval Ltd" not in output
        assert "RENAMED" not in output
        assert "India" not in output and '"IN"' not in output
        assert "Twilio" in output


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
    twilio = Subprocessor.objects.get(name="Twilio")
    twilio.uses.update(purpose="Sends SMS text messages, now with delivery receipts")
    assert "now with delivery receipts" in html(client, "/products/communications-hub/")
    assert "now with delivery receipts" in html(client, "/subprocessors/")


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


REGISTER_QUERIES = 6
PRODUCT_PAGE_QUERIES = 15


def test_query_counts_do_not_grow_with_entries(client, demo):
    client.get("/")
    urls = [
        "/subprocessors/",
        "/subprocessors/?product=juniper-mis&product=pupil-progress",
        "/products/juniper-mis/",
        "/subprocessors/register.json",
        "/subprocessors/register.csv",
    ]
    before = [_count(client, u) for u in urls]
    for i in range(300):
        make_entry(
            f"Bulk {i:03}",
            products=("juniper-mis", "pupil-progress"),
            countries=["GB", "US"],
            transfer_safeguard="idta",
        )
    after = [_count(client, u) for u in urls]
    assert after == before
    assert before[0] == REGISTER_QUERIES
    assert before[2] == PRODUCT_PAGE_QUERIES
    assert html(client, "/subprocessors/").count('class="register-name">Bulk ') == 300
