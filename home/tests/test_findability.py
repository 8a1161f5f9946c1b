"""Findability: the sitemap, robots.txt, the favicon, meta descriptions and Open Graph tags on
every public page type, the search box and the accessibility statement in every footer."""

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.utils.text import Truncator
from wagtail.models import Page, PageViewRestriction

from home.demo import pages as demo_pages
from home.models import HomePage, StandardPage
from home.templatetags.findability import DESCRIPTION_LENGTH
from products.models import ProductPage
from subprocessors.models import ChangeNotice
from trusthub.core.locales import in_every_language

from .factories import standard_page

pytestmark = pytest.mark.django_db

BASE = "https://trust.example.org"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def public_address(settings):
    """The configured public address differs from the host the test client uses."""
    settings.WAGTAILADMIN_BASE_URL = BASE


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)]


def test_sitemap_lists_every_live_public_page_once_and_the_register(client, demo, public_address):
    draft = standard_page(title="Draft page", slug="draft-page")
    draft.unpublish()
    private = standard_page(title="Staff only", slug="staff-only")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    standard_page(title="About this hub", slug="about")

    locations = sitemap_locations(client)
    assert len(locations) == len(set(locations)), "a URL is listed twice"
    assert all(location.startswith(BASE + "/") for location in locations)
    public_pages = (
        Page.objects.live().public().filter(depth__gt=1).exclude(pk=private.pk).specific()
    )
    # Every page in each language it is live in (the demo's pages all have a Welsh version).
    expected = {BASE + page.url for page in public_pages}
    assert {BASE + "/cy/", BASE + "/cy/products/pupil-progress/"} <= expected
    views = ["/subprocessors/", "/subprocessors/changes/"]
    views += [n.get_absolute_url() for n in ChangeNotice.objects.originals().filter(live=True)]
    expected |= {BASE + path for path in in_every_language(views)}
    assert set(locations) == expected
    assert f"{BASE}/about/" in locations and f"{BASE}/accessibility/" in locations
    for hidden in ("/draft-page/", "/staff-only/"):
        assert BASE + hidden not in locations
    assert locations[0] == BASE + "/"


def sitemap_alternates(client):
    """{location: {hreflang: href}} of every URL in the sitemap."""
    root = ET.fromstring(client.get("/sitemap.xml").content)
    xhtml = "{http://www.w3.org/1999/xhtml}link"
    return {
        url.findtext("s:loc", namespaces=SITEMAP_NS): {
            link.get("hreflang"): link.get("href") for link in url.iter(xhtml)
        }
        for url in root.findall("s:url", SITEMAP_NS)
    }


def test_each_sitemap_url_names_its_other_language_versions(client, demo, public_address):
    standard_page(title="English only", slug="english-only")  # no Welsh translation
    alternates = sitemap_alternates(client)
    product = {
        "en-GB": BASE + "/products/pupil-progress/",
        "cy": BASE + "/cy/products/pupil-progress/",
        "x-default": BASE + "/products/pupil-progress/",
    }
    assert alternates[product["en-GB"]] == product
    assert alternates[product["cy"]] == product  # the Welsh page names the same set
    register = {
        "en-gb": BASE + "/subprocessors/",
        "cy": BASE + "/cy/subprocessors/",
        "x-default": BASE + "/subprocessors/",
    }
    assert alternates[BASE + "/cy/subprocessors/"] == register
    only = BASE + "/english-only/"
    assert alternates[only] == {"en-GB": only, "x-default": only}


def test_sitemap_drops_an_unpublished_notice(client, demo, public_address):
    notice = ChangeNotice.objects.originals().filter(live=True).first()
    assert BASE + notice.get_absolute_url() in sitemap_locations(client)
    notice.unpublish()
    assert BASE + notice.get_absolute_url() not in sitemap_locations(client)


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_names_the_sitemap(
    client, demo, public_address
):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/django-admin/", "/search/"):
        assert f"Disallow: {path}" in lines
    assert not any(line in ("Disallow: /", "Disallow: /products/") for line in lines)
    assert f"Sitemap: {BASE}/sitemap.xml" in lines
    assert "public" in response["Cache-Control"]
    assert client.head("/robots.txt").status_code == 200


def test_favicon_is_a_real_icon_kept_for_a_week(client, demo):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # the ICO header
    assert response.content == Path(finders.find("images/favicon.ico")).read_bytes()
    assert "max-age=604800" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    svg = Path(finders.find("images/favicon.svg")).read_text()
    assert ET.fromstring(svg).tag == "{http://www.w3.org/2000/svg}svg"


@pytest.mark.parametrize("path", ["/sitemap.xml", "/robots.txt", "/favicon.ico"])
def test_only_get_and_head(client, demo, path):
    assert client.head(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 405 and "GET" in response["Allow"]


def meta(body):
    """The page's meta tags: {name or property: [content, ...]}."""
    found = {}
    for key, content in re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"', body):
        found.setdefault(key, []).append(html.unescape(content))
    return found


def public_urls():
    notice = ChangeNotice.objects.originals().filter(live=True).first()
    return [
        "/",
        "/products/",
        "/products/juniper-mis/",
        "/products/juniper-mis/security/",
        "/products/juniper-mis/retention/",
        "/security/",
        "/accessibility/",
        "/subprocessors/",
        "/subprocessors/changes/",
        notice.get_absolute_url(),
        "/search/",
        "/search/?q=hosting",
    ]


def test_every_public_page_type_has_a_description_and_open_graph_tags(client, demo, public_address):
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        tags = meta(body)
        for key in ("description", "og:title", "og:description", "og:url", "og:type"):
            assert len(tags.get(key, [])) == 1, (url, key, tags.get(key))
        description = tags["description"][0]
        assert 40 <= len(description) <= DESCRIPTION_LENGTH, (url, description)
        assert "<" not in description and "&amp;" not in description, (url, description)
        assert tags["og:description"] == [description], url
        assert tags["og:url"] == [BASE + url.split("?")[0]], url
        assert tags["og:site_name"] == ["Juniper Education Trust Hub"], url
        assert tags["og:title"][0] and "|" not in tags["og:title"][0], url
        # Every page: the search box in the header, the accessibility statement in the footer.
        assert 'role="search"' in body and 'action="/search/"' in body, url
        footer = body.split('<footer class="site-footer">')[1]
        assert '<a href="/accessibility/">Accessibility statement</a>' in footer, url


def test_descriptions_come_from_the_page_or_a_sensible_default(client, demo):
    product = ProductPage.objects.get(locale__language_code="en-gb", slug="juniper-mis")
    tags = meta(client.get("/products/juniper-mis/").content.decode())
    assert tags["description"] == [product.summary]  # no search description: the summary
    assert tags["og:title"] == ["Juniper MIS"]

    product.search_description = "What Juniper MIS holds about pupils, and why."
    product.seo_title = "Juniper MIS privacy summary"
    product.save_revision().publish()
    tags = meta(client.get("/products/juniper-mis/").content.decode())
    assert tags["description"] == ["What Juniper MIS holds about pupils, and why."]
    assert tags["og:title"] == ["Juniper MIS privacy summary"]

    notice = ChangeNotice.objects.originals().filter(live=True).first()
    tags = meta(client.get(notice.get_absolute_url()).content.decode())
    assert tags["og:title"] == [notice.title]
    assert tags["description"] == [Truncator(notice.summary).chars(DESCRIPTION_LENGTH)]
    # A page with nothing to say for itself gets the site's description.
    standard_page(title="Bare", slug="bare", body="<p>x</p>")
    tags = meta(client.get("/bare/").content.decode())
    assert tags["description"][0].startswith("Privacy and trust information from Juniper")


def test_a_404_page_has_a_description_too(client, demo):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert meta(response.content.decode())["description"][0].startswith("Privacy and trust")


def test_the_demo_has_an_accessibility_statement_in_the_public_sector_format(client, demo):
    page = StandardPage.objects.get(locale__language_code="en-gb", slug="accessibility")
    assert page.live and page.get_parent().specific_class is HomePage
    body = re.sub(r"\s+", " ", client.get("/accessibility/").content.decode())
    for heading in (
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website's accessibility",
        "Preparation of this accessibility statement",
    ):
        assert f"<h2>{heading}</h2>" in body.replace("&#x27;", "'"), heading
    assert "WCAG 2.2" in body or "Guidelines version 2.2" in body
    assert "Equality Advisory and Support Service (EASS)" in body
    assert "mailto:DPO@junipereducation.org" in body  # the organisation's contact
    assert "within 5 working days" in body
    assert "This statement was prepared on" in body
    # Which facts are illustrative is for editors only.
    assert page.internal_note.startswith("Illustrative demo data")
    assert "Illustrative" not in body


def test_loading_the_demo_again_never_changes_an_edited_statement(demo):
    page = StandardPage.objects.get(locale__language_code="en-gb", slug="accessibility")
    page.intro = "Edited by the DPO."
    page.save_revision().publish()
    assert (
        demo_pages.ensure_standard_pages(HomePage.objects.get(locale__language_code="en-gb")) == 0
    )
    assert (
        StandardPage.objects.get(locale__language_code="en-gb", slug="accessibility").intro
        == "Edited by the DPO."
    )
