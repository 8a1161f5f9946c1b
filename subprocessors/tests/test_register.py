"""The public register, product tables and exports: live records only, all in agreement."""

import csv
import datetime
import io
import json
import re
from html import escape

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from products.models import ProductPage
from subprocessors.models import ChangeNotice, Subprocessor, SubprocessorUse
from subprocessors.register import RegisterFilter

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


REGISTER_QUERIES = (
    12  # + register_last_changed (2), announced changes (notices, products, entries, revisions)
)
PRODUCT_PAGE_QUERIES = 17  # + announced changes for the product


def bulk_publish(count, products=("juniper-mis", "pupil-progress")):
    """`count` live entries as the DPO's approval leaves them, written in two queries.

    The real publish path (revision, workflow, publish) costs a fraction of a second an
    entry: fine for a few, far too slow for hundreds. Current, upcoming and former entries,
    in one or two countries, so every section and column of the tables has rows.
    """
    now = timezone.now()
    entries = Subprocessor.objects.bulk_create(
        Subprocessor(
            name=f"Bulk {i:03}",
            legal_entity=f"Bulk {i:03} Ltd" if i % 2 else "",
            description=f"Bulk {i:03} does something useful.",
            countries=["GB", "US"] if i % 2 else ["GB"],
            transfer_safeguard="idta" if i % 2 else "not_restricted",
            data_categories="Names",
            privacy_notice_url="https://example.org/privacy" if i % 3 else "",
            end_date=(
                TODAY - datetime.timedelta(days=3)
                if i % 5 == 1
                else TODAY + datetime.timedelta(days=90)
                if i % 5 == 2
                else None
            ),
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        for i in range(count)
    )
    pages = list(ProductPage.objects.filter(slug__in=products))
    SubprocessorUse.objects.bulk_create(
        SubprocessorUse(
            subprocessor=entry,
            product=page,
            purpose=f"{entry.name} for {page.slug}",
            start_date=TODAY + datetime.timedelta(days=30) if i % 5 == 0 else TODAY.replace(2020),
            data_subjects="Parents",
        )
        for i, entry in enumerate(entries)
        for page in pages
    )
    return entries


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
    # A few through the real revision/publish path, the bulk of them written directly.
    for i in range(3):
        make_entry(
            f"Bulk published {i}",
            products=("juniper-mis", "pupil-progress"),
            countries=["GB", "US"],
            transfer_safeguard="idta",
        )
    bulk_publish(300)
    after = [_count(client, u) for u in urls]
    assert after == before
    assert before[0] == REGISTER_QUERIES
    assert before[2] == PRODUCT_PAGE_QUERIES
    assert html(client, "/subprocessors/").count('class="register-name">Bulk ') == 303
    as_json, rows = exported(client)
    assert len(as_json["entries"]) == len(rows) > 303


# --- every public field in every output -------------------------------------------------


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


# --- download links and HEAD ------------------------------------------------------------


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


# --- an editor's draft stays private until the DPO publishes ------------------------------

EDIT_URL = "/admin/snippets/subprocessors/subprocessor/edit/{pk}/"


def edit_form(entry, uses):
    """The snippet edit form for `entry`, as the admin posts it, with `uses` as its products."""
    data = {
        "name": entry.name,
        "legal_entity": entry.legal_entity,
        "recipient_type": entry.recipient_type,
        "description": entry.description,
        "transfer_safeguard": entry.transfer_safeguard,
        "data_categories": entry.data_categories,
        "privacy_notice_url": entry.privacy_notice_url,
        "end_date": entry.end_date.isoformat() if entry.end_date else "",
        "uses": inline_formset(
            [{"start_date": "2025-11-25", "data_subjects": "Parents and carers"} | u for u in uses],
            initial=sum(1 for use in uses if use["id"]),
        ),
    }
    return {**nested_form_data(data), "countries": [c.code for c in entry.countries]}


def public_outputs(client):
    """Everything a school can read about the register, minus what changes per request."""
    pages = [
        html(client, url)
        for url in [
            "/subprocessors/",
            "/products/communications-hub/",
            "/products/juniper-mis/",
        ]
    ]
    pages = [re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page) for page in pages]
    exports = [exported(client, query) for query in ["", "?product=juniper-mis"]]
    return pages, [(as_json["entries"], rows) for as_json, rows in exports]


def test_editor_draft_through_the_admin_changes_nothing_public_until_the_dpo_publishes(
    demo, django_user_model
):
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Privacy editor"))
    dpo = django_user_model.objects.create_user("dpo", "dpo@example.org", "pw")
    dpo.groups.add(Group.objects.get(name="Data Protection Officer"))
    public = Client()
    twilio = Subprocessor.objects.get(name="Twilio")
    juniper = ProductPage.objects.get(slug="juniper-mis")
    before = public_outputs(public)

    admin = Client()
    admin.force_login(editor)
    uses = [
        {"id": use.pk, "product": use.product_id, "purpose": "Sends SMS and WhatsApp messages"}
        for use in twilio.uses.all()
    ] + [
        {
            "id": "",
            "product": juniper.pk,
            "purpose": "Sends attendance alerts by SMS",
            "start_date": (TODAY + datetime.timedelta(days=45)).isoformat(),
        }
    ]
    url = EDIT_URL.format(pk=twilio.pk)
    response = admin.post(url, edit_form(twilio, uses))  # save draft
    assert response.status_code == 302, response.content.decode()[:2000]
    twilio.refresh_from_db()
    assert twilio.live and twilio.has_unpublished_changes
    draft = twilio.get_latest_revision_as_object()
    assert {use.purpose for use in draft.uses.all()} == {
        "Sends SMS and WhatsApp messages",
        "Sends attendance alerts by SMS",
    }
    assert public_outputs(public) == before

    response = admin.post(url, {**edit_form(twilio, uses), "action-submit": "action-submit"})
    assert response.status_code == 302
    state = WorkflowState.objects.get(
        base_content_type__model="subprocessor", object_id=str(twilio.pk), status="in_progress"
    )
    assert public_outputs(public) == before

    # Twilio for Juniper MIS is new: its drafted notice must go live before the approval.
    notice = ChangeNotice.objects.get(subprocessors=twilio, live=False)
    assert notice.effective_date == TODAY + datetime.timedelta(days=45)
    notice.save_revision(user=dpo).publish(user=dpo)
    admin.force_login(dpo)
    approve = (
        f"/admin/snippets/subprocessors/subprocessor/workflow/action/{twilio.pk}/approve/"
        f"{state.current_task_state.pk}/"
    )
    assert admin.post(approve, {"comment": "Checked"}).status_code in (200, 302)
    twilio.refresh_from_db()
    assert not twilio.has_unpublished_changes
    register = html(public, "/subprocessors/")
    assert "Sends SMS and WhatsApp messages" in register
    assert "Sends attendance alerts by SMS" in register
    assert "Twilio" in html(public, "/products/juniper-mis/").split('id="subprocessors-h"')[1]
    as_json, rows = exported(public, "?product=juniper-mis")
    assert "Twilio" in {e["name"] for e in as_json["entries"]}
    assert "Juniper MIS: Sends attendance alerts by SMS" in {r["purposes"] for r in rows}
