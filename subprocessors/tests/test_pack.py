"""A product's DPIA evidence pack (/products/<slug>/pack.pdf): a tagged PDF with the product's
current sub-processors and no other product's, its notices, security, retention and the DPO
contact; generated once per published version; never showing a draft; 404 for a product that
is not public and 400 for a date it cannot answer for."""

import datetime
import io
import re
from unittest import mock

import pypdf
import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import PageLogEntry, PageViewRestriction

from products.models import ProductPage
from subprocessors import cache as purge
from subprocessors import pack
from subprocessors.models import RegisterHistory, Subprocessor
from subprocessors.pack_source import content_hash
from subprocessors.register import RegisterFilter
from trusthub.core.models import OrganisationSettings
from trusthub.core.tests.factories import organisation

from .factories import TODAY, make_entry, make_notice

pytestmark = pytest.mark.django_db


@pytest.fixture
def publishing(django_capture_on_commit_callbacks):
    """Publish as the admin does: the on-commit callbacks (the version bump) run."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


CH = "communications-hub"
URL = f"/products/{CH}/pack.pdf"
HASH = re.compile(r"Content hash \(SHA-256\) ([0-9a-f]{64})")


def read_pdf(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    return pypdf.PdfReader(io.BytesIO(response.content))


def pdf_text(response):
    """The PDF's text, every run of whitespace as one space."""
    reader = read_pdf(response)
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


CHAPTERS = [
    "Privacy summary",
    "How the data flows",
    "Sub-processors and other recipients",
    "Security",
    "Retention",
    "Change notices in the last 12 months",
    "Contact our Data Protection Officer",
]


def chapter(text, number):
    """The text of chapter `number` (1 to 7), up to the next one."""
    body = text.split(f"7. {CHAPTERS[6]}", 1)[1]  # past the contents page
    start = body.index(f"{number}. {CHAPTERS[number - 1]}")
    if number == len(CHAPTERS):
        return body[start:]
    return body[start : body.index(f"{number + 1}. {CHAPTERS[number]}", start)]


def names_for(slug):
    """Names of the live entries current for product `slug`, and of the live entries no use of
    which is for it."""
    product = ProductPage.objects.get(locale__language_code="en-gb", slug=slug)
    own = {e.name for e in RegisterFilter(products=[product]).entries() if e.status == "current"}
    others = set(
        Subprocessor.objects.originals()
        .filter(live=True)
        .exclude(uses__product=product)
        .values_list("name", flat=True)
    )
    return own, others


def certificate(name, valid_until):
    value = {
        "name": name,
        "issuer": "An accredited body",
        "scope": "Our hosting",
        "valid_until": valid_until.isoformat(),
        "certificate": None,
    }
    return {"type": "certification", "value": value}


def test_the_pack_lists_the_products_current_recipients_and_no_others(client, demo, rf):
    # Drafts of every kind, which must not show; a published notice, which must.
    make_entry("Zephyr Draft Mail", products=(CH,), publish=False)
    make_notice("Zephyr Draft to send letters", publish=False, products=(CH,))
    make_notice("Acme Post to send letters", products=(CH,))
    page = ProductPage.objects.get(locale__language_code="en-gb", slug=CH)
    page.description = "<p>An unapproved draft description.</p>"
    page.save_revision()  # saved, not published
    # Certificates on the security statement: one valid, one lapsed.
    lapsed, valid = TODAY - datetime.timedelta(days=30), TODAY + datetime.timedelta(days=400)
    statement = page.get_children().get(slug="security").specific
    statement.certifications = [
        certificate("Cyber Essentials Plus", lapsed),
        certificate("ISO/IEC 27001:2022", valid),
    ]
    statement.save_revision().publish()

    response = client.get(URL)
    text = pdf_text(response)
    own, others = names_for(CH)
    assert {"Twilio", "Wonde", "Amazon Simple Email Service"} <= own
    assert {"New Relic", "Loom", "Intercom"} <= others
    diagram, recipients = chapter(text, 2), chapter(text, 3)
    for name in own:
        assert name in diagram and name in recipients, name
    for name in others:
        assert name not in text, name
    # With countries and safeguards, as on the register.
    assert "United States of America" in recipients and "UK–US data bridge" in recipients
    assert "Zephyr" not in text and "unapproved draft" not in text
    assert "Acme Post to send letters" in chapter(text, 6)
    security = chapter(text, 4)
    assert f"Cyber Essentials Plus An accredited body Our hosting {lapsed:%-d %B %Y} " in security
    assert f"Expired on {lapsed:%-d %B %Y}" in security
    assert f"ISO/IEC 27001:2022 An accredited body Our hosting {valid:%-d %B %Y} Valid" in security
    assert "What happens to Communications Hub data after a contract ends" in chapter(text, 5)

    # A tagged PDF (PDF/UA-1) in British English, titled, with an outline and page numbers.
    reader = read_pdf(response)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB" and bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert reader.metadata.title == "Communications Hub: DPIA evidence pack"
    assert {item["/Title"] for item in reader.outline if isinstance(item, dict)} >= {
        "Privacy summary",
        "How the data flows",
        "Sub-processors and other recipients",
        "Contact our Data Protection Officer",
    }
    pages = len(reader.pages)
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    assert re.search(r"2\. How the data flows \.+ \d+", text)  # contents, with page numbers

    # The cover: product, date generated, and the hash of the pack's facts (not of the file).
    assert f"Generated {TODAY:%-d %B %Y} at" in text
    live = ProductPage.objects.get(
        locale__language_code="en-gb", slug=CH
    )  # as published, without the draft
    security, retention = pack.child_pages(live)
    facts = pack.gather(rf.get(URL), live, security, retention, None)
    assert HASH.search(text)[1] == content_hash(facts)
    # The DPO contact, at the end.
    org = OrganisationSettings.load()
    assert org.dpo_email in chapter(text, 7) and org.dpo_name in chapter(text, 7)

    assert "inline; filename=" in response["Content-Disposition"]
    assert "communications-hub-dpia-evidence-pack.pdf" in response["Content-Disposition"]
    assert response["ETag"].startswith('W/"') and "public" in response["Cache-Control"]
    # The site's CSP would stop Chrome's PDF viewer; the PDF's own policy still forbids framing.
    assert response["Content-Security-Policy"] == "frame-ancestors 'self'"


def stand_in(source, request, generated_at):
    """What render_pdf is given, as bytes: its content hash, recipients and DPO email."""
    names = ", ".join(r["name"] for r in source["recipients"])
    email = source["organisation"]["dpo_email"]
    return f"%PDF-1.7 {content_hash(source)} | {names} | {email}".encode()


def test_the_pack_is_generated_once_per_published_version(client, demo, publishing):
    with mock.patch.object(pack, "render_pdf", side_effect=stand_in) as render:
        first = client.get(URL)
        second = client.get(URL)
        assert render.call_count == 1
        assert second.content == first.content and second["ETag"] == first["ETag"]
        unchanged = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
        assert unchanged.status_code == 304 and not unchanged.content
        assert client.head(URL)["ETag"] == first["ETag"]
        assert render.call_count == 1

        # Generated again from scratch (another server, another day): the same facts, the
        # same content hash.
        cache.clear()
        assert client.get(URL).content.split(b"|")[0] == first.content.split(b"|")[0]
        assert render.call_count == 2

        # A new register entry: a new version, generated once more, with a new content hash.
        with publishing():
            make_entry("Zephyr Mail", products=(CH,), start_date=TODAY - datetime.timedelta(1))
        third = client.get(URL)
        assert render.call_count == 3 and third["ETag"] != first["ETag"]
        assert b"Zephyr Mail" in third.content and b"Zephyr Mail" not in first.content
        assert third.content.split(b"|")[0] != first.content.split(b"|")[0]

        # New DPO contact details (organisation settings) reach the pack at once.
        with publishing():
            organisation(dpo_email="privacy@example.org")
        assert b"privacy@example.org" in client.get(URL).content
        assert render.call_count == 4


def test_the_pack_url_is_purged_with_its_product(demo):
    entry = Subprocessor.objects.originals().get(name="Twilio")
    assert any(u.endswith(URL) for u in purge.public_urls(entry))
    product = ProductPage.objects.get(locale__language_code="en-gb", slug=CH)
    assert any(u.endswith(URL) for u in purge.page_related_urls(product))
    security = product.get_children().live().get(slug="security").specific
    assert any(u.endswith(URL) for u in purge.page_related_urls(security))


@pytest.mark.parametrize(
    "url",
    [
        "/products/no-such-product/pack.pdf",
        "/products/communications-hub/security/pack.pdf",
        "/products/pack.pdf",
    ],
)
def test_no_pack_for_a_product_that_does_not_exist(client, demo, url):
    assert client.get(url).status_code == 404


def test_no_pack_for_a_product_that_is_not_public(client, demo):
    product = ProductPage.objects.get(locale__language_code="en-gb", slug=CH)
    PageViewRestriction.objects.create(page=product, restriction_type="password", password="x")
    assert client.get(URL).status_code == 404
    PageViewRestriction.objects.all().delete()
    product.unpublish()
    assert client.get(URL).status_code == 404


def test_only_get_and_head(client, demo):
    assert client.post(URL).status_code == 405
    assert client.delete(URL).status_code == 405


@pytest.mark.parametrize(
    ("at", "message"),
    [
        ("not-a-date", "is not a date we can read"),
        ("2026-02-30", "is not a real date"),
        ((TODAY + datetime.timedelta(days=3)).isoformat(), "is in the future"),
        ("2001-01-01", "The public register began on"),
        ("x" * 3000, "Enter the date"),
    ],
)
def test_a_date_the_pack_cannot_answer_for_is_a_400(client, demo, at, message):
    with mock.patch.object(pack, "render_pdf") as render:
        response = client.get(URL, {"at": at})
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert message in response.content.decode()
    assert not render.called


def test_the_pack_as_at_a_date(client, demo):
    """The register, the pages and the notices as published by the end of that day."""
    ten_days_ago = timezone.now() - datetime.timedelta(days=10)
    RegisterHistory.objects.update(at=ten_days_ago)
    PageLogEntry.objects.filter(action="wagtail.publish").update(timestamp=ten_days_ago)
    # Published today (known history starting today is public from now): not in yesterday's.
    make_entry("Zephyr Mail", products=(CH,), start_date=TODAY)
    yesterday = TODAY - datetime.timedelta(days=1)

    response = client.get(URL, {"at": yesterday.strftime("%d/%m/%Y")})
    text = pdf_text(response)
    assert f"as-at-{yesterday.isoformat()}.pdf" in response["Content-Disposition"]
    assert f"As at The end of {yesterday:%-d %B %Y}" in text
    assert "Twilio" in chapter(text, 3) and "Zephyr Mail" not in text


def test_no_pack_as_at_a_day_before_the_product_was_published(client, demo):
    RegisterHistory.objects.update(at=timezone.now() - datetime.timedelta(days=10))
    response = client.get(URL, {"at": (TODAY - datetime.timedelta(days=1)).isoformat()})
    assert response.status_code == 400
    assert "had no published privacy summary on" in response.content.decode()


def test_packs_made_afresh_are_rate_limited_per_client_kept_ones_are_not(client, demo, settings):
    """Each pack not kept yet takes most of a second to make: a client asking for one after
    another (products, `?at=` dates) is stopped with a clear answer; packs already made are
    still served."""
    settings.PACK_RENDER_RATE = "2/h"
    urls = [f"/products/{slug}/pack.pdf" for slug in ("pupil-progress", "juniper-mis", CH)]
    with mock.patch.object(pack, "render_pdf", side_effect=stand_in) as render:
        made = [client.get(url) for url in urls[:2]]
        assert [r.status_code for r in made] == [200, 200]
        refused = client.get(urls[2])
        assert refused.status_code == 429 and refused["Retry-After"] == "3600"
        assert "try again in an hour" in refused.content.decode()
        assert "public" not in refused.get("Cache-Control", "")  # never kept by the proxy
        again = client.get(urls[0])  # kept: served, and not counted
        assert again.status_code == 200 and again.content == made[0].content
        assert render.call_count == 2
