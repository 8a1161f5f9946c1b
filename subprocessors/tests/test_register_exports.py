"""The register as CSV and JSON: the same records and fields as the HTML table, stable ids,
download links that keep every active filter, and HEAD."""

import datetime
import re
from html import escape

import pytest

from products.models import ProductPage
from subprocessors.models import Subprocessor
from subprocessors.register import RegisterFilter

from .factories import (
    TODAY,
    exported,
    html,
    make_entry,
    register_rows,
)

pytestmark = pytest.mark.django_db


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
    twilio = Subprocessor.objects.originals().get(name="Twilio")
    before = {e["name"]: e["id"] for e in exported(client)[0]["entries"]}
    twilio.description = "Sends SMS and WhatsApp messages."
    twilio.save_revision().publish()
    after = {e["name"]: e["id"] for e in exported(client)[0]["entries"]}
    assert before == after


# --- every public field in every output -------------------------------------------------------


def test_csv_and_json_carry_every_field_the_table_shows(client, demo):
    make_entry(
        "Ends Later Ltd",
        legal_entity="Ends Later Limited",
        privacy_notice_url="https://example.org/ends-later",
        countries=["GB", "IE"],
        transfer_safeguard="uk_adequacy",
        start_date=datetime.date(2023, 1, 1),
        end_date=TODAY + datetime.timedelta(days=10),
    )
    body = html(client, "/subprocessors/")
    as_json, rows = exported(client)
    # New columns go last, so a spreadsheet that reads columns by position keeps working.
    assert rows and list(rows[0])[16:] == [
        "description",
        "start_dates",
        "data_subjects_by_product",
        "role_note",
    ]
    by_id = {row["id"]: row for row in rows}
    for entry in as_json["entries"]:
        row = by_id[entry["id"]]
        # What the table shows, in the table ...
        for shown in [
            entry["name"],
            entry["legal_entity"],
            entry["recipient_type_label"],
            entry["description"],
            entry["transfer_safeguard_label"],
            entry["data_categories"],
            entry["data_subjects"],
            entry["privacy_notice_url"],
            ", ".join(c["name"] for c in entry["countries"]),
        ]:
            assert escape(shown) in body, shown
        # ... and in the CSV, the same as in the JSON.
        for field in [
            "name",
            "legal_entity",
            "recipient_type",
            "status",
            "description",
            "transfer_safeguard",
            "data_categories",
            "data_subjects",
            "privacy_notice_url",
            "start_date",
        ]:
            assert row[field] == entry[field], field
        assert row["end_date"] == (entry["end_date"] or "")
        assert row["purposes"] == "; ".join(
            f"{p['name']}: {p['purpose']}" for p in entry["products"]
        )
    ends_later = next(r for r in rows if r["name"] == "Ends Later Ltd")
    assert ends_later["description"] == "Ends Later Ltd does something useful."
    assert ends_later["end_date"] == (TODAY + datetime.timedelta(days=10)).isoformat()
    assert ends_later["countries"] == "GB; IE"


# --- download links and HEAD ------------------------------------------------------------------


def test_query_string_keeps_every_active_filter():
    flt = RegisterFilter(
        products=[ProductPage(slug="pupil-progress"), ProductPage(slug="juniper-mis")],
        recipient_type="other",
    )
    assert flt.query_string() == "?product=pupil-progress&product=juniper-mis&type=other"
    assert flt.query_string(include_type=False) == "?product=pupil-progress&product=juniper-mis"
    assert RegisterFilter(recipient_type="subprocessor").query_string() == "?type=subprocessor"
    assert RegisterFilter(recipient_type="other").query_string(include_type=False) == ""
    assert RegisterFilter().query_string() == ""


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ""),
        ("?type=other", "?type=other"),
        ("?product=juniper-mis&type=nonsense", "?product=juniper-mis"),
        (
            "?product=pupil-progress&product=communications-hub&type=subprocessor",
            "?product=pupil-progress&amp;product=communications-hub&amp;type=subprocessor",
        ),
    ],
)
def test_download_links_keep_every_active_filter(client, demo, query, expected):
    body = html(client, "/subprocessors/" + query)
    links = re.findall(r'<a href="register\.(csv|json)([^"]*)">(?:CSV|JSON)</a>', body)
    assert links == [("csv", expected), ("json", expected)]
    assert ("Download this selection" in body) == bool(expected)
    # Followed, each link gives exactly the rows on the page.
    table = sorted(register_rows(body))
    as_json, rows = exported(client, expected.replace("&amp;", "&"))
    assert sorted((e["id"], e["name"]) for e in as_json["entries"]) == table
    assert sorted((r["id"], r["name"]) for r in rows) == table


def test_head_requests_answer_like_get_without_a_body(client, demo):
    for url, content_type in [
        ("/subprocessors/", "text/html"),
        ("/subprocessors/?product=juniper-mis&type=subprocessor", "text/html"),
        ("/subprocessors/register.json", "application/json"),
        ("/subprocessors/register.csv?product=juniper-mis", "text/csv"),
    ]:
        response = client.head(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith(content_type), url
        assert response.content == b"", url
        assert "public" in response["Cache-Control"], url
    head = client.head("/subprocessors/register.csv?product=juniper-mis")
    assert head["Content-Disposition"] == (
        'attachment; filename="subprocessor-register-juniper-mis.csv"'
    )
    assert client.head("/subprocessors/register.json?product=nope").status_code == 400
    assert client.post("/subprocessors/").status_code == 405
    assert client.post("/subprocessors/register.csv").status_code == 405
