"""Editors-only internal notes: the demo marks what the seeds do not give as illustrative, in the
admin, and the public never sees it (issue 10, item 10)."""

import re

import pytest

from products.models import ProductPage, RetentionPage, SecurityStatementPage

from .factories import SLUGS

pytestmark = pytest.mark.django_db
LABEL = "Internal note (never shown publicly)"


@pytest.mark.parametrize("model", [ProductPage, SecurityStatementPage, RetentionPage])
def test_each_page_type_has_an_internal_note(model):
    field = model._meta.get_field("internal_note")
    assert field.verbose_name == LABEL
    assert field.blank


def test_demo_marks_illustrative_facts_in_the_internal_notes(demo):
    company = SecurityStatementPage.objects.get(url_path="/home/security/")
    assert company.internal_note.startswith("Illustrative demo data:")
    assert "certificate's expiry date (31 October 2027)" in company.internal_note
    for slug in ["juniper-mis", "pupil-asset"]:  # they show the same certificate
        page = SecurityStatementPage.objects.get(url_path=f"/home/products/{slug}/security/")
        assert "expiry date (31 October 2027)" in page.internal_note
    for slug in SLUGS:
        assert ProductPage.objects.get(
            locale__language_code="en-gb", slug=slug
        ).internal_note.startswith("Illustrative demo")
        retention = RetentionPage.objects.get(url_path=f"/home/products/{slug}/retention/")
        assert retention.internal_note
    for slug in ["juniper-mis", "communications-hub"]:
        retention = RetentionPage.objects.get(url_path=f"/home/products/{slug}/retention/")
        assert "backup" in retention.internal_note


def _public_urls(slug):
    return [f"/products/{slug}/", f"/products/{slug}/security/", f"/products/{slug}/retention/"]


def test_internal_notes_never_reach_the_public_pages(client, demo):
    pages = list(ProductPage.objects.all())
    pages += list(SecurityStatementPage.objects.all()) + list(RetentionPage.objects.all())
    notes = {page.internal_note for page in pages if page.internal_note}
    assert notes
    urls = ["/", "/security/", "/products/"] + [u for s in SLUGS for u in _public_urls(s)]
    urls += [f"/products/{s}/retention/timeline.json?ended=2027-02-22" for s in SLUGS]
    for url in urls:
        body = client.get(url).content.decode()
        assert "Illustrative demo data" not in body, url
        assert LABEL not in body, url
        for note in notes:
            assert note[:60] not in body, url


@pytest.mark.parametrize(
    "url_path",
    [
        "/home/products/pupil-progress/",
        "/home/products/communications-hub/security/",
        "/home/products/juniper-mis/retention/",
    ],
)
def test_editors_see_the_internal_note_in_the_admin(client, demo, admin_user, url_path):
    client.force_login(admin_user)
    page = ProductPage.objects.none()
    for model in (ProductPage, SecurityStatementPage, RetentionPage):
        page = model.objects.filter(url_path=url_path).first() or page
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    body = re.sub(r"\s+", " ", response.content.decode())
    assert LABEL in body
    assert "For editors only" in body
    assert "Illustrative demo data" in body
