"""The mistakes that matter are caught before anything is published."""

import pytest
from django.core.exceptions import ValidationError

from products.models import ProductPage
from subprocessors.models import Subprocessor

from .factories import entry_form

pytestmark = pytest.mark.django_db


def entry(**fields):
    base = {
        "name": "Acme Messaging",
        "description": "Sends messages",
        "countries": ["GB"],
        "transfer_safeguard": "not_restricted",
        "data_categories": "Phone numbers",
    }
    base.update(fields)
    return Subprocessor(**base)


def errors_of(obj):
    with pytest.raises(ValidationError) as excinfo:
        obj.full_clean()
    return excinfo.value.message_dict


def test_restricted_transfer_needs_a_safeguard():
    errors = errors_of(entry(countries=["GB", "US"]))
    assert "restricted transfer" in errors["transfer_safeguard"][0]
    assert "United States of America" in errors["transfer_safeguard"][0]
    entry(countries=["GB", "US"], transfer_safeguard="uk_us_data_bridge").full_clean()


def test_uk_only_processing_is_not_a_restricted_transfer():
    errors = errors_of(entry(transfer_safeguard="idta"))
    assert "not a restricted transfer" in errors["transfer_safeguard"][0]


def test_end_date_cannot_precede_a_products_start_date(client, demo, admin_user):
    client.force_login(admin_user)
    product = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-asset")
    data = _admin_form([{"product": product, "purpose": "One"}])
    data["end_date"] = "2025-12-31"
    response = client.post("/admin/snippets/subprocessors/subprocessor/add/", data)
    assert response.status_code == 200
    assert "This is after the entry&#x27;s end date" in response.content.decode()
    assert not Subprocessor.objects.originals().filter(name="Acme Messaging").exists()


def test_country_code_must_exist():
    errors = errors_of(entry(countries=["XX"]))
    assert "countries" in errors
    entry(countries=["EU"], transfer_safeguard="uk_adequacy").full_clean()


def _admin_form(uses):
    return entry_form("Acme Messaging", uses)


def test_admin_rejects_the_same_product_twice(client, demo, admin_user):
    client.force_login(admin_user)
    product = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-asset")
    data = _admin_form(
        [{"product": product, "purpose": "One"}, {"product": product, "purpose": "Two"}]
    )
    response = client.post("/admin/snippets/subprocessors/subprocessor/add/", data)
    assert response.status_code == 200
    assert "Pupil Asset is already listed above" in response.content.decode()
    assert not Subprocessor.objects.originals().filter(name="Acme Messaging").exists()


def test_admin_rejects_bad_country_and_missing_safeguard(client, demo, admin_user):
    client.force_login(admin_user)
    product = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-asset")
    data = _admin_form([{"product": product, "purpose": "One"}])
    data["countries"] = ["ZZ"]
    response = client.post("/admin/snippets/subprocessors/subprocessor/add/", data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    data["countries"] = ["GB", "CA"]
    response = client.post("/admin/snippets/subprocessors/subprocessor/add/", data)
    assert "this is a restricted transfer" in response.content.decode()
    assert not Subprocessor.objects.originals().filter(name="Acme Messaging").exists()
