"""Helpers for register and notice tests: entries, notices, admin users in our roles, the entry
form's data, and reading the public register, its exports and the change log."""

import contextlib
import csv
import datetime
import http.server
import io
import json
import re
import threading

from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from products.models import ProductPage
from subprocessors.models import ChangeNotice, RegisterHistory, Subprocessor, SubprocessorUse
from subprocessors.roles import DPO, EDITOR

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)

ENTRY_ADD_URL = "/admin/snippets/subprocessors/subprocessor/add/"
ENTRY_EDIT_URL = "/admin/snippets/subprocessors/subprocessor/edit/{pk}/"


def user_in(django_user_model, group_name, username):
    """An admin user in one of our groups ("Privacy editor", "Data Protection Officer")."""
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def dpo_user(django_user_model):
    return user_in(django_user_model, DPO, "dpo")


def editor_user(django_user_model):
    return user_in(django_user_model, EDITOR, "editor")


def entry_form(name, uses, countries=("GB",), safeguard="not_restricted", **fields):
    """The admin's register-entry form as posted. `uses`: dicts with at least "product" (a
    ProductPage); "purpose", "start_date" (date or ISO string), "data_subjects" and "id" (of
    an existing use) are optional."""
    rows = []
    for use in uses:
        start = use.get("start_date", "2026-01-01")
        rows.append(
            {
                "id": use.get("id") or "",
                "product": use["product"].pk,
                "purpose": use.get("purpose", "Texts"),
                "start_date": start if isinstance(start, str) else start.isoformat(),
                "data_subjects": use.get("data_subjects", "Parents"),
            }
        )
    data = {
        "name": name,
        "legal_entity": "",
        "recipient_type": "subprocessor",
        "role_note": "",
        "description": "Sends messages",
        "transfer_safeguard": safeguard,
        "data_categories": "Phone numbers",
        "privacy_notice_url": "",
        "end_date": "",
        "internal_note": "",
        **fields,
        "uses": inline_formset(rows, initial=sum(1 for row in rows if row["id"])),
    }
    return {**nested_form_data(data), "countries": list(countries)}


def make_entry(
    name,
    products=("communications-hub",),
    publish=True,
    start_date=datetime.date(2025, 1, 1),
    data_subjects="Parents",
    **fields,
):
    """A register entry used by `products`, each use starting on `start_date`. Published as
    known history (as if announced long ago) unless `publish=False`."""
    defaults = {
        "description": f"{name} does something useful.",
        "countries": ["GB"],
        "transfer_safeguard": "not_restricted",
        "data_categories": "Names",
    }
    defaults.update(fields)
    entry = Subprocessor(name=name, live=False, **defaults)
    entry.uses = [
        SubprocessorUse(
            product=ProductPage.objects.get(locale__language_code="en-gb", slug=slug),
            purpose=f"{name} for {slug}",
            start_date=start_date,
            data_subjects=data_subjects,
        )
        for slug in products
    ]
    entry.full_clean()
    entry.save()
    revision = entry.save_revision()
    if publish:
        entry.publish(revision, known_history=True)
        entry.refresh_from_db()
    return entry


def make_notice(
    title="Acme to send letters", publish=True, products=("communications-hub",), **fields
):
    """A change notice for `products`, with 40 days' notice from today unless `fields` say
    otherwise. Published unless `publish=False`."""
    values = {
        "kind": "addition",
        "summary": f"{title}. Summary.",
        "notice_date": TODAY,
        "effective_date": TODAY + 40 * DAY,
        "objection_deadline": TODAY + 30 * DAY,
    }
    values.update(fields)
    obj = ChangeNotice(title=title, live=False, **values)
    obj.full_clean(exclude=["subprocessors", "products"])
    obj.save()
    obj.products.set(ProductPage.objects.filter(locale__language_code="en-gb", slug__in=products))
    obj.save()
    revision = obj.save_revision()
    if publish:
        revision.publish()
        obj.refresh_from_db()
    return obj


# --- Reading what the public sees -------------------------------------------------------------

# Every public page and feed that shows change notices.
PUBLIC_URLS = [
    "/subprocessors/changes/",
    "/subprocessors/changes/?product=pupil-progress",
    "/subprocessors/changes/feed.rss",
    "/subprocessors/changes/feed.atom",
    "/subprocessors/changes/feed.json",
    "/subprocessors/changes/feed.json?product=communications-hub",
    "/",
    "/products/communications-hub/",
]


def public_text(client):
    """Everything at PUBLIC_URLS, as one text."""
    return "\n".join(client.get(url).content.decode() for url in PUBLIC_URLS)


def html(client, url):
    """The page at `url` (which must answer 200), every run of whitespace as one space."""
    response = client.get(url)
    assert response.status_code == 200, url
    return re.sub(r"\s+", " ", response.content.decode())


def exported(client, query=""):
    """The register as JSON and as CSV rows, with the same `query` string."""
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


# --- The register's history, with controlled dates ---------------------------------------------


def happened_on(entry, day, hour=12):
    """Time travel for the register's history (subprocessors/history.py): move the entry's
    latest history row (the publication, unpublish or deletion just made through the real code
    path) to `hour`:00, UK time, on `day`. Call it right after each step, in date order.

    Only the row's time moves; what it records is what the real receivers wrote. (Patching
    `timezone.now` instead would also move Wagtail's, the promise's and the cache's clocks.)"""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    row = RegisterHistory.objects.filter(entry_id=entry.uuid).order_by("-pk").first()
    assert row is not None, f"{entry.name} has no history to move"
    RegisterHistory.objects.filter(pk=row.pk).update(at=moment)
    return row


# Five days, ten days apart, on which `build_history` changes the register: before the demo's
# history, which starts on its earliest start date (2024-06-04, subprocessors/demo/facts.py).
HISTORY_DAYS = [datetime.date(2023, 1, 10) + 10 * n * DAY for n in range(5)]


def build_history():
    """A register history on HISTORY_DAYS, made through the real code paths (before any demo
    entry, which the demo recorded as public from its start date):

    day 0: Alpha Mail (Communications Hub) and Beta Backup (Juniper MIS) published;
    day 1: Alpha's description and purpose changed and published;
    day 2: Alpha edited again, saved as a draft and never published; Beta unpublished;
    day 3: Gamma Print (Pupil Progress) and Delta Docs (Communications Hub and Juniper MIS,
           starting on day 3 + 5) published;
    day 4: Gamma deleted.

    Returns the entries by name (Gamma as it was before its deletion)."""
    d = HISTORY_DAYS
    # In use from the day each is published: current on every day after.
    alpha = make_entry("Alpha Mail", description="Alpha sends letters.", start_date=d[0])
    happened_on(alpha, d[0])
    beta = make_entry("Beta Backup", products=("juniper-mis",), start_date=d[0])
    happened_on(beta, d[0])

    alpha = Subprocessor.objects.get(pk=alpha.pk)
    alpha.description = "Alpha sends letters and postcards."
    uses = list(alpha.uses.all())
    uses[0].purpose = "Posts letters home"
    alpha.uses = uses
    alpha.save_revision().publish()
    happened_on(alpha, d[1])

    alpha.description = "DRAFT: a description never published"
    alpha.countries, alpha.transfer_safeguard = ["US"], "idta"
    alpha.save_revision()
    Subprocessor.objects.get(pk=beta.pk).unpublish()
    happened_on(beta, d[2])

    gamma = make_entry("Gamma Print", products=("pupil-progress",), start_date=d[3])
    happened_on(gamma, d[3])
    delta = make_entry(
        "Delta Docs", products=("communications-hub", "juniper-mis"), start_date=d[3] + 5 * DAY
    )
    happened_on(delta, d[3])

    Subprocessor.objects.get(pk=gamma.pk).delete()
    happened_on(gamma, d[4])
    return {"Alpha Mail": alpha, "Beta Backup": beta, "Gamma Print": gamma, "Delta Docs": delta}


@contextlib.contextmanager
def recording_purges(settings):
    """A stand-in caching proxy on a local port, configured as the production settings'
    purge backend for the block: yields the list of what it was sent PURGE for, as
    "host/path"."""
    purged = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (HTTP method name)
            purged.append(self.headers["Host"] + self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "trusthub.frontend_cache.ProxyPurgeBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    try:
        yield purged
    finally:
        server.shutdown()
