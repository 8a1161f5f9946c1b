"""Organisation settings: complete demo values and a checked ICO registration number (issue 10,
item 10)."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from trusthub.core.models import ICO_REGISTRATION_NUMBER_MESSAGE, OrganisationSettings

pytestmark = pytest.mark.django_db


def text(response):
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def test_demo_settings_are_complete_and_marked_illustrative(demo):
    org = OrganisationSettings.load()
    org.full_clean()  # the demo values pass the checks an editor's would
    assert org.ico_registration_number == "ZA000000"
    assert org.postal_address_lines[0] == "Juniper Education Services Ltd"
    assert org.security_contact_email == "DPO@junipereducation.org"  # the seeds' only contact
    assert org.internal_note.startswith("Illustrative demo data:")
    assert "ICO registration number (ZA000000)" in org.internal_note
    assert "postal address" in org.internal_note


@pytest.mark.parametrize("url", ["/", "/products/juniper-mis/", "/products/pupil-asset/retention/"])
def test_footer_shows_postal_address_and_ico_number(client, demo, url):
    footer = re.search(r'<footer class="site-footer">.*?</footer>', text(client.get(url)))[0]
    assert "<address>Juniper Education Services Ltd<br>1 Example Street<br>Anytown<br>AB1 2CD" in (
        footer
    )
    assert "ICO registration number ZA000000" in footer
    assert "Illustrative" not in footer  # the internal note stays in the admin


def test_security_txt_uses_the_security_contact(client, demo):
    org = OrganisationSettings.load()
    org.security_contact_email = "security@example.org"
    org.save()
    body = client.get("/.well-known/security.txt").content.decode()
    assert "Contact: mailto:security@example.org" in body
    assert "Illustrative" not in body


@pytest.mark.parametrize("number", ["12345", "ZA12345", "ZA1234567", "123456ZA", "Z123456", "Z-A"])
def test_ico_number_in_the_wrong_format_is_refused_with_a_clear_message(number):
    org = OrganisationSettings(ico_registration_number=number)
    with pytest.raises(ValidationError) as excinfo:
        org.full_clean()
    assert excinfo.value.message_dict["ico_registration_number"] == [
        ICO_REGISTRATION_NUMBER_MESSAGE
    ]
    assert "two letters and six digits, such as ZA123456" in ICO_REGISTRATION_NUMBER_MESSAGE


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("ZA123456", "ZA123456"),
        ("zb654321", "ZB654321"),
        (" ZA 123 456 ", "ZA123456"),
        ("Z1234567", "Z1234567"),  # older registrations
        ("", ""),  # optional: the footer then leaves it out
    ],
)
def test_ico_number_is_accepted_and_stored_as_the_register_shows_it(typed, stored):
    org = OrganisationSettings(ico_registration_number=typed)
    org.full_clean()
    assert org.ico_registration_number == stored


def test_the_settings_form_refuses_a_bad_ico_number_and_keeps_the_old_one(client, demo, admin_user):
    client.force_login(admin_user)
    org = OrganisationSettings.load()
    url = reverse("wagtailsettings:edit", args=["core", "organisationsettings", org.pk])
    form = client.get(url)
    assert "Internal note (never shown publicly)" in text(form)
    data = {
        "organisation_name": org.organisation_name,
        "legal_name": org.legal_name,
        "website": org.website,
        "dpo_name": org.dpo_name,
        "dpo_email": org.dpo_email,
        "dpo_postal_address": org.dpo_postal_address,
        "ico_registration_number": "12345",
        "security_contact_email": org.security_contact_email,
        "notice_period_days": org.notice_period_days,
        "internal_note": org.internal_note,
        "security_txt_expires": org.security_txt_expires.isoformat(),
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "two letters and six digits, such as ZA123456" in text(response)
    assert OrganisationSettings.load().ico_registration_number == "ZA000000"
    response = client.post(url, {**data, "ico_registration_number": "za 765 432"})
    assert response.status_code == 302
    assert OrganisationSettings.load().ico_registration_number == "ZA765432"
