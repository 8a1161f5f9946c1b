"""What a school sees on the public pages."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from products.models import ProductPage, SecurityStatementPage
from trusthub.core.tests.factories import organisation

from .factories import SLUGS, add_products, count_queries, text

pytestmark = pytest.mark.django_db


def test_home_shows_who_we_are_products_dpo_and_security(client, demo):
    response = client.get("/")
    assert response.status_code == 200
    body = text(response)
    assert "Privacy and trust at Juniper Education" in body
    for slug in SLUGS:
        assert f'href="/products/{slug}/"' in body
    assert "mailto:DPO@junipereducation.org" in body
    assert 'href="/security/"' in body
    assert "retention" in body.lower()


@pytest.mark.parametrize("slug", SLUGS)
def test_product_summary_has_every_section(client, demo, slug):
    response = client.get(f"/products/{slug}/")
    assert response.status_code == 200
    body = text(response)
    for heading in [
        "What the product does",
        "Whose data",
        "What data",
        "Why we process it",
        "Lawful basis",
        "Where the data comes from",
        "Where it is hosted",
        "Controller, processor and rights requests",
        "Machine learning and automated processing",
    ]:
        assert f">{heading}</h2>" in body, heading
    page = ProductPage.objects.get(locale__language_code="en-gb", slug=slug)
    assert page.last_reviewed.strftime("%-d %B %Y") in body
    assert f'href="/products/{slug}/security/"' in body


def test_special_category_data_is_flagged_with_its_condition(client, demo):
    body = text(client.get("/products/juniper-mis/"))
    assert "Includes special-category data" in body
    assert body.count('badge--warning">Special category') == 3
    assert "Explicit consent (Article 9(2)(a))" in body
    assert "Machine-learning services look across the school" in body
    comms = text(client.get("/products/communications-hub/"))
    assert "Includes special-category data" not in comms
    assert "does not use machine learning" in comms


def test_data_sources_and_hosting_come_from_the_seeds(client, demo):
    body = text(client.get("/products/pupil-progress/"))
    sources = re.search(r'<section id="sources".*?</section>', body)[0]
    assert "MIS, via Groupcall Exporter" in sources  # the name in seed 000
    assert "through Groupcall Exporter" in sources
    assert "Xporter" not in sources
    comms = text(client.get("/products/communications-hub/"))
    assert "Another MIS, via Wonde" in comms
    assert "Amazon Web Services" in comms


def test_cited_dpia_is_offered_as_a_download(client, demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    doc = Document(title="Pupil Progress DPIA")
    doc.file.save("pupil-progress-dpia.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    doc.save()
    page = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-progress")
    page.dpia_document = doc
    page.save_revision().publish()
    body = text(client.get("/products/pupil-progress/"))
    assert "Download the DPIA for Pupil Progress" in body
    assert doc.url in body
    download = client.get(doc.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_organisation_settings_are_used_everywhere(client, demo):
    organisation(
        dpo_email="privacy@newname.example",
        dpo_postal_address="1 High Street\nLeeds\nLS1 1AA",
        ico_registration_number="ZA999999",
    )
    for url in ["/", "/products/pupil-asset/", "/security/", "/products/pupil-asset/security/"]:
        body = text(client.get(url))
        assert "mailto:privacy@newname.example" in body, url
        assert "ZA999999" in body, url
        assert "Leeds" in body, url


def test_security_statement_groups_controls_and_lists_certifications(client, demo):
    body = text(client.get("/security/"))
    for area in [
        "Access control and multi-factor authentication",
        "Encryption in transit and at rest",
        "Backups and restore",
        "Monitoring and logging",
        "Vulnerability management",
        "Secure development",
        "Staff training",
        "Incident response",
    ]:
        assert f">{area}</h2>" in body, area
    assert "ISO/IEC 27001" in body
    # seed 001 names no certification body: none is made up
    assert "Independent certification body (certificate available on request)" in body
    assert "UKAS" not in body
    assert "31 October 2027" in body


def test_mfa_is_claimed_only_for_the_platforms_the_seed_names(client, demo):
    access = re.search(r'<section id="access".*?</section>', text(client.get("/security/")))
    assert "Sign-in to Juniper MIS and Pupil Asset is protected by multi-factor" in access[0]
    assert "our school platforms" not in access[0]
    pupil_progress = text(client.get("/products/pupil-progress/security/"))
    assert "FusionAuth" not in pupil_progress


def test_pupil_progress_claims_only_what_its_dpia_records(client, demo):
    body = text(client.get("/products/pupil-progress/"))
    bases = re.search(r'<section id="lawful-basis".*?</section>', body)[0]
    assert "Our DPIA for Pupil Progress does not record an Article 6 basis" in bases
    assert "Performance of a contract" not in bases  # not ticked in seed 000
    assert "Reasons of substantial public interest (Article 9(2)(g))" in bases  # ticked
    security = text(client.get("/products/pupil-progress/security/"))
    assert ">Encryption in transit and at rest</h2>" not in security  # seed 000 has no claim
    assert "access is revoked for every user after 90 days" in security


def test_blank_ico_number_and_postal_address_leave_nothing_broken(client, demo):
    # An organisation that has not filled these in yet (the demo has illustrative ones).
    organisation(ico_registration_number="", dpo_postal_address="")
    for url in ["/", "/products/pupil-asset/", "/security/", "/products/pupil-asset/retention/"]:
        body = text(client.get(url))
        assert "ICO registration number" not in body, url
        assert "<p>Post:</p>" not in body and "<address>" not in body, url
        assert "None" not in body, url
        assert "Juniper Education Services Ltd</p>" in body, url  # footer ends cleanly
        assert "mailto:DPO@junipereducation.org" in body, url


def test_security_statements_must_use_the_slug_security(demo):
    for url_path in ["/home/security/", "/home/products/juniper-mis/security/"]:
        page = SecurityStatementPage.objects.get(url_path=url_path)
        page.full_clean()  # the demo pages are fine
        page.slug = "keeping-data-safe"
        with pytest.raises(ValidationError) as excinfo:
            page.full_clean()
        message = str(excinfo.value.message_dict["slug"])
        assert "Use the slug 'security'" in message
        assert "/products/<product>/security/" in message


def test_the_admin_refuses_a_security_statement_with_another_slug(client, demo, admin_user):
    client.force_login(admin_user)
    page = SecurityStatementPage.objects.get(url_path="/home/products/juniper-mis/security/")
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        nested_form_data(
            {
                "title": page.title,
                "slug": "safety",
                "intro": rich_text(page.intro),
                "controls": streamfield(
                    [("control", {"area": "access", "description": rich_text("<p>MFA.</p>")})]
                ),
                "certifications": streamfield([]),
                "last_reviewed": "2026-01-05",
                "action-publish": "1",
            }
        ),
    )
    assert response.status_code == 200
    assert "Use the slug &#x27;security&#x27;" in response.content.decode()
    assert client.get("/products/juniper-mis/safety/").status_code == 404
    assert client.get("/products/juniper-mis/security/").status_code == 200


def test_expired_certification_shows_as_expired(client, demo):
    page = SecurityStatementPage.objects.get(url_path="/home/security/")
    page.certifications = [
        (
            "certification",
            {
                "name": "Cyber Essentials Plus",
                "issuer": "IASME",
                "scope": "Whole organisation",
                "valid_until": datetime.date(2024, 3, 1),
                "certificate": None,
            },
        )
    ]
    page.save_revision().publish()
    body = text(client.get("/security/"))
    assert "Expired on 1 March 2024" in body
    row = re.search(r"<tr class=\"cert[^>]*>.*?</tr>", body).group(0)
    assert "Cyber Essentials Plus" in row and ">Valid<" not in row


def test_unknown_slugs_get_the_designed_404(client, demo):
    for url in ["/products/no-such-product/", "/products/pupil-progress/nope/", "/nothing/"]:
        response = client.get(url)
        assert response.status_code == 404
        body = text(response)
        assert "Page not found" in body
        assert 'href="/products/"' in body


@pytest.mark.parametrize(
    "query",
    ["?ended=not-a-date", "?product=%00%ff", "?" + "x=1&" * 500, "?a[]=<script>", "?%zz"],
)
def test_junk_query_strings_never_give_500(client, demo, query):
    for url in ["/", "/products/pupil-progress/", "/products/juniper-mis/security/"]:
        assert client.get(url + query).status_code == 200


def test_public_pages_are_cacheable_and_admin_is_not(client, demo, admin_user):
    response = client.get("/products/pupil-progress/")
    cache = response["Cache-Control"]
    assert "public" in cache and "s-maxage=" in cache and "max-age=" in cache
    client.force_login(admin_user)
    admin = client.get("/admin/")
    assert "no-cache" in admin["Cache-Control"] or "no-store" in admin["Cache-Control"]
    assert "private" in admin["Cache-Control"]
    # a signed-in editor's view of a public page is personal (userbar, previews)
    assert "private" in client.get("/products/pupil-progress/")["Cache-Control"]


def test_security_txt(client, demo):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Contact: mailto:DPO@junipereducation.org" in body
    expires = re.search(r"^Expires: (\S+)$", body, re.M).group(1)
    assert datetime.datetime.fromisoformat(expires.replace("Z", "+00:00")) > datetime.datetime.now(
        datetime.UTC
    )


HOME_QUERIES = 12  # + the active locale (Wagtail routes to the home page in that language),
# the page's translations and view restrictions (hreflang, language switcher)
PRODUCT_QUERIES = 20  # + the active locale, translations, restrictions; + the changes announced for the product, not yet in effect  # page, ancestors, settings, security link, register (2)


def test_query_counts_are_constant_as_products_grow(client, demo):
    client.get("/")  # warm per-process caches (content types, site root paths, locales)
    client.get("/products/juniper-mis/")
    before = {
        "home": count_queries(client, "/"),
        "product": count_queries(client, "/products/juniper-mis/"),
        "index": count_queries(client, "/products/"),
        "security": count_queries(client, "/products/juniper-mis/security/"),
    }
    add_products(25)
    after = {
        "home": count_queries(client, "/"),
        "product": count_queries(client, "/products/juniper-mis/"),
        "index": count_queries(client, "/products/"),
        "security": count_queries(client, "/products/juniper-mis/security/"),
    }
    assert after == before
    assert before["home"] == HOME_QUERIES
    assert before["product"] == PRODUCT_QUERIES
