"""The DPO's admin records (wagtail-modeladmin): subscribers, deliveries and objections. Only the
DPO (and superusers) see them; editors see neither the menu nor the pages. Read-only for all."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from products.models import ProductPage
from subprocessors.models import ChangeNotice, Delivery, Objection, Subscriber
from subprocessors.roles import DPO, EDITOR

from .factories import user_in

pytestmark = pytest.mark.django_db

INDEX = {
    "objection": "/admin/subprocessors/objection/",
    "subscriber": "/admin/subprocessors/subscriber/",
    "delivery": "/admin/subprocessors/delivery/",
}


@pytest.fixture
def records(demo):
    notice = ChangeNotice.objects.originals().get(title__startswith="Intercom")
    product = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-progress")
    confirmed = Subscriber.objects.create(
        email="head@hillside.example",
        school_name="Hillside Primary",
        confirmed_at=timezone.now(),
        consent_source="/subprocessors/changes/",
        consent_wording="Email me about changes.",
    )
    confirmed.products.set([product])
    pending = Subscriber.objects.create(email="bursar@oakfield.example", all_products=True)
    delivery = Delivery.objects.create(
        subscriber=confirmed,
        notice=notice,
        status=Delivery.Status.FAILED,
        attempts=3,
        last_error="550 mailbox unavailable",
    )
    objection = Objection.objects.create(
        notice=notice,
        school_name='=HYPERLINK("http://evil.example")',
        contact_email="office@hillside.example",
        reason="We object.",
    )
    objection.products.set([product])
    return {
        "notice": notice,
        "confirmed": confirmed,
        "pending": pending,
        "delivery": delivery,
        "objection": objection,
    }


@pytest.fixture
def dpo(client, django_user_model):
    client.force_login(user_in(django_user_model, DPO, "dpo"))
    return client


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(user_in(django_user_model, EDITOR, "editor"))
    return client


def test_the_migration_gives_the_dpo_view_permission_and_editors_nothing():
    dpo = set(Group.objects.get(name=DPO).permissions.values_list("codename", flat=True))
    assert {"view_subscriber", "view_delivery", "view_objection"} <= dpo
    editor = Group.objects.get(name=EDITOR).permissions.filter(
        content_type__model__in=["subscriber", "delivery", "objection"]
    )
    assert not editor.exists()


def test_the_dpo_has_the_menu_and_every_listing(dpo, records):
    home = dpo.get("/admin/").content.decode()
    assert "Alerts and objections" in home
    for name, url in INDEX.items():
        response = dpo.get(url)
        assert response.status_code == 200, name
        assert "private" in response["Cache-Control"]
    body = dpo.get(INDEX["subscriber"]).content.decode()
    assert "head@hillside.example" in body and "bursar@oakfield.example" in body
    assert "Waiting for confirmation" in body and "All products" in body
    body = dpo.get(INDEX["delivery"]).content.decode()
    assert "550 mailbox unavailable" in body and "Failed permanently" in body
    body = dpo.get(INDEX["objection"]).content.decode()
    assert records["objection"].reference in body and "office@hillside.example" in body
    assert "Download CSV" in body and "export=csv" in body


def test_the_dpo_can_search_filter_and_inspect(dpo, records):
    body = dpo.get(INDEX["subscriber"], {"q": "oakfield"}).content.decode()
    assert "bursar@oakfield.example" in body and "head@hillside.example" not in body
    body = dpo.get(INDEX["subscriber"], {"status": "active"}).content.decode()
    assert "head@hillside.example" in body and "bursar@oakfield.example" not in body
    body = dpo.get(INDEX["delivery"], {"status__exact": "sent"}).content.decode()
    assert "550 mailbox unavailable" not in body
    body = dpo.get(INDEX["objection"], {"q": records["objection"].reference}).content.decode()
    assert "office@hillside.example" in body
    inspect = dpo.get(f"{INDEX['objection']}inspect/{records['objection'].pk}/")
    assert inspect.status_code == 200 and "We object." in inspect.content.decode()


def rows(response):
    content = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(content)))


def test_csv_exports_and_formulas_from_the_public_are_neutralised(dpo, records):
    response = dpo.get(INDEX["objection"], {"export": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert 'filename="objections.csv"' in response["Content-Disposition"]
    header, row = rows(response)
    assert header[:3] == ["Reference", "Notice", "School Name"]
    assert row[0] == records["objection"].reference
    assert row[2] == '\'=HYPERLINK("http://evil.example")'
    assert "Pupil Progress" in row[header.index("Products")]

    header, *subscribers = rows(dpo.get(INDEX["subscriber"], {"export": "csv"}))
    assert {r[0] for r in subscribers} == {"head@hillside.example", "bursar@oakfield.example"}
    assert {"Subscribed From", "Wording Agreed To", "Confirmed"} <= set(header)

    header, delivery = rows(dpo.get(INDEX["delivery"], {"export": "csv"}))
    assert delivery[header.index("Last Error")] == "550 mailbox unavailable"


def test_nobody_adds_edits_or_deletes_records_here(dpo, records):
    pk = records["objection"].pk
    for url in (
        f"{INDEX['objection']}create/",
        f"{INDEX['objection']}edit/{pk}/",
        f"{INDEX['objection']}delete/{pk}/",
        f"{INDEX['subscriber']}edit/{records['confirmed'].pk}/",
    ):
        response = dpo.get(url)
        # Wagtail turns the permission error into a redirect to the dashboard.
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url
    assert dpo.post(f"{INDEX['objection']}delete/{pk}/")["Location"] == "/admin/"
    assert Objection.objects.filter(pk=pk).exists()


def test_editors_see_no_menu_and_no_records(editor, records):
    home = editor.get("/admin/")
    assert home.status_code == 200
    assert "Alerts and objections" not in home.content.decode()
    assert "/admin/subprocessors/objection/" not in home.content.decode()
    urls = [
        *INDEX.values(),
        INDEX["subscriber"] + "?export=csv",
        INDEX["objection"] + "?export=csv",
        f"{INDEX['objection']}inspect/{records['objection'].pk}/",
    ]
    for url in urls:
        response = editor.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url


def test_superusers_see_everything(client, admin_user, records):
    client.force_login(admin_user)
    assert "Alerts and objections" in client.get("/admin/").content.decode()
    for url in INDEX.values():
        assert client.get(url).status_code == 200
    assert client.get(INDEX["objection"] + "create/")["Location"] == "/admin/"
