"""Welsh (cy) on the public site, as a school in Wales sees it: every public address answers in
both languages with the right language markers, the Welsh feeds are as valid as the English
ones and carry the Welsh words of the same notices, and dates are written the Welsh way.

Drafts, search, alerts and emails in Welsh: tests/test_welsh_records.py."""

import html
import io
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import feedparser
import pypdf
import pytest
from lxml import etree

from subprocessors.demo.welsh_text import NOTICE_WELSH
from subprocessors.models import ChangeNotice
from subprocessors.tests.test_feeds import (
    atom_schema,  # noqa: F401 (a fixture)
    rss2_channel,
)

pytestmark = pytest.mark.django_db

BASE = "https://trust.example.org"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ATOM = {"a": "http://www.w3.org/2005/Atom"}
FEEDS = ("feed.rss", "feed.atom", "feed.json")
ENDED = "/products/pupil-progress/retention/?ended=2027-03-31"
TAGS = {"en": "en-GB", "cy": "cy"}


@pytest.fixture
def public_address(settings):
    """The configured public address differs from the test client's host."""
    settings.WAGTAILADMIN_BASE_URL = BASE


def welsh(url):
    return "/cy" + url


def english_urls(client):
    """Every public address in English: the live pages the sitemap lists (its English
    locations), the views a school uses beside them, each notice, and the files."""
    root = ET.fromstring(client.get("/sitemap.xml").content)
    paths = [urlsplit(loc.text).path for loc in root.findall("s:url/s:loc", SITEMAP_NS)]
    english = [path for path in paths if not path.startswith("/cy/")]
    assert "/products/pupil-progress/retention/" in english and "/accessibility/" in english
    live = ChangeNotice.objects.originals().filter(live=True)
    notices = [f"/subprocessors/changes/{notice.pk}/" for notice in live]
    assert len(notices) == 4 and set(notices) <= set(english)
    changes = "/subprocessors/changes/"
    return english + [
        "/subprocessors/?product=pupil-progress",
        "/subprocessors/compare/",
        "/subprocessors/register.csv",
        "/subprocessors/register.json",
        *(changes + feed for feed in FEEDS),
        "/search/?q=Twilio",
        "/subprocessors/alerts/subscribe/",
        ENDED,
        "/products/pupil-progress/retention/timeline.json?ended=2027-03-31",
        "/products/pupil-progress/retention/timeline.ics?ended=2027-03-31",
        "/products/pupil-progress/pack.pdf",
    ]


def markers(body):
    """(<html lang>, {hreflang: href} of the alternates, [(href, lang, hreflang, text)] of the
    language switcher's links)."""
    lang = re.search(r'<html lang="([^"]+)"', body).group(1)
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', body))
    switcher = re.search(r'<ul class="language-switcher"[^>]*>(.*?)</ul>', body, re.S).group(1)
    links = re.findall(r'<a href="([^"]+)" lang="([^"]+)" hreflang="([^"]+)">([^<]+)</a>', switcher)
    return lang, alternates, [(html.unescape(h), lang_, hl, t) for h, lang_, hl, t in links]


def page_path(url):
    """The address a page's alternates name: a Wagtail page's, without the calculator's query
    (views keep theirs)."""
    return url.split("?")[0] if url == ENDED else url


def test_every_public_address_answers_in_both_languages_with_the_right_markers(
    client, demo, public_address
):
    urls = english_urls(client)
    assert len(urls) >= 30
    problems = []
    for url in urls:
        for language, address in (("en", url), ("cy", welsh(url))):
            response = client.get(address)
            if response.status_code != 200:
                problems.append(f"{address}: {response.status_code}")
                continue
            if response["Content-Language"] != {"en": "en-gb", "cy": "cy"}[language]:
                problems.append(f"{address}: Content-Language {response['Content-Language']}")
            if not response["Content-Type"].startswith("text/html"):
                continue
            lang, alternates, links = markers(response.content.decode())
            path = page_path(url)
            expected = {"en-GB": BASE + path, "cy": BASE + welsh(path), "x-default": BASE + path}
            if lang != TAGS[language]:
                problems.append(f"{address}: <html lang={lang!r}>")
            if alternates != expected:
                problems.append(f"{address}: alternates {alternates}")
            other = "cy" if language == "en" else "en"
            # The switcher goes to the same page with the same question (?ended= included).
            switch = (
                welsh(url) if other == "cy" else url,
                TAGS[other],
                TAGS[other],
                "Cymraeg" if other == "cy" else "English",
            )
            if links != [switch]:
                problems.append(f"{address}: switcher {links}")
    assert problems == []


def test_switching_language_on_the_retention_calculator_keeps_the_dates(client, demo):
    _lang, _alternates, links = markers(client.get(welsh(ENDED)).content.decode())
    assert [href for href, *_rest in links] == [ENDED]
    _lang, _alternates, links = markers(client.get(ENDED).content.decode())
    assert [href for href, *_rest in links] == [welsh(ENDED)]


def test_the_welsh_pack_is_a_pdf_in_welsh(client, demo):
    response = client.get("/cy/products/pupil-progress/pack.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    text = re.sub(r"\s+", " ", text)
    assert "is-broseswyr" in text.lower()
    english = client.get("/products/pupil-progress/pack.pdf").content
    assert english != response.content


# --- Feeds ---------------------------------------------------------------------------------


def feed(client, name, language="cy", query=""):
    prefix = "/cy" if language == "cy" else ""
    return client.get(f"{prefix}/subprocessors/changes/{name}{query}")


def parsed(response):
    result = feedparser.parse(
        response.content, response_headers={"content-type": response["Content-Type"]}
    )
    assert not result.bozo, result.get("bozo_exception")
    return result


@pytest.mark.parametrize("query", ["", "?product=pupil-progress&product=communications-hub"])
def test_the_welsh_atom_feed_validates_against_rfc4287(client, demo, atom_schema, query):  # noqa: F811
    response = feed(client, "feed.atom", query=query)
    doc = etree.fromstring(response.content)
    assert atom_schema.validate(doc), atom_schema.error_log
    assert doc.get("{http://www.w3.org/XML/1998/namespace}lang") == "cy"
    entries = doc.findall("a:entry", ATOM)
    assert entries
    for entry in entries:
        assert entry.find("a:id", ATOM).text.startswith("urn:uuid:")
        assert (
            entry.find("a:link", ATOM)
            .get("href")
            .startswith("http://testserver/cy/subprocessors/changes/")
        )


def test_the_welsh_rss_feed_has_the_elements_rss2_requires(client, demo):
    welsh_changes = "http://testserver/cy/subprocessors/changes/"
    channel = rss2_channel(feed(client, "feed.rss"), welsh_changes)
    assert channel.findtext("language") == "cy"
    assert channel.findtext("link") == welsh_changes
    assert len(channel.findall("item")) == 4


def test_the_welsh_json_feed_has_the_fields_json_feed_11_requires(client, demo):
    response = feed(client, "feed.json")
    assert response["Content-Type"].startswith("application/feed+json")
    data = json.loads(response.content)
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["language"] == "cy"
    assert data["feed_url"] == "http://testserver/cy/subprocessors/changes/feed.json"
    assert data["home_page_url"] == "http://testserver/cy/subprocessors/changes/"
    english = json.loads(feed(client, "feed.json", "en").content)
    assert [i["id"] for i in data["items"]] == [i["id"] for i in english["items"]]
    for item, english_item in zip(data["items"], english["items"], strict=True):
        assert item["url"] == english_item["url"].replace("testserver/", "testserver/cy/")
        assert item["content_html"] and item["title"] != english_item["title"]
        # The facts are the same; only the words differ.
        facts, english_facts = item["_trust_hub"], english_item["_trust_hub"]
        assert facts.pop("kind_label") != english_facts.pop("kind_label")
        assert facts == english_facts


@pytest.mark.parametrize("name", ["feed.rss", "feed.atom"])
def test_the_welsh_feeds_carry_the_welsh_words_of_the_same_notices(client, demo, name):
    welsh_feed, english_feed = parsed(feed(client, name)), parsed(feed(client, name, "en"))
    assert welsh_feed.feed.title != english_feed.feed.title
    assert "is-broseswyr" in welsh_feed.feed.title
    assert [e.id for e in welsh_feed.entries] == [e.id for e in english_feed.entries]
    welsh_titles = list(NOTICE_WELSH.values())
    for entry, english_entry in zip(welsh_feed.entries, english_feed.entries, strict=True):
        notice = ChangeNotice.objects.originals().get(title=english_entry.title.split(": ", 1)[1])
        assert entry.title.endswith(NOTICE_WELSH[notice.title])
        assert any(entry.title.endswith(title) for title in welsh_titles)
        assert notice.title not in entry.title
        assert entry.link == f"http://testserver/cy/subprocessors/changes/{notice.pk}/"
        assert NOTICE_WELSH[notice.summary] in html.unescape(entry.summary)


@pytest.mark.parametrize("name", FEEDS)
def test_the_product_filter_works_in_welsh(client, demo, name):
    def ids(language, query):
        response = feed(client, name, language, query)
        assert response.status_code == 200
        if name == "feed.json":
            return [item["id"] for item in json.loads(response.content)["items"]]
        return [entry.id for entry in parsed(response).entries]

    for query in ("?product=pupil-progress", "?product=communications-hub"):
        assert len(ids("cy", query)) == 2
        assert ids("cy", query) == ids("en", query)
    assert ids("cy", "?product=pupil-progress") != ids("cy", "?product=communications-hub")
    assert feed(client, name, query="?product=no-such-thing").status_code == 404


# --- Dates and files in Welsh --------------------------------------------------------------


def text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return re.sub(r"\s+", " ", html.unescape(response.content.decode()))


def test_the_retention_calculator_writes_dates_in_welsh(client, demo):
    body = text(client, welsh(ENDED))
    assert "31 Mawrth 2027" in body
    # The computed dates: access revoked, live data deleted, backups gone.
    for day in ("29 Mehefin 2027", "31 Awst 2027", "29 Tachwedd 2027"):
        assert day in body
    assert "March" not in body and "August" not in body
    english = text(client, ENDED)
    assert "31 March 2027" in english and "Mawrth" not in english


def test_a_notice_page_writes_its_dates_in_welsh(client, demo):
    twilio = ChangeNotice.objects.originals().get(title__startswith="Twilio")
    url = f"/subprocessors/changes/{twilio.pk}/"
    body = text(client, welsh(url))
    assert '<time datetime="2025-10-20">20 Hydref 2025</time>' in body
    assert "Tachwedd 2025" in body
    assert not re.search(r"\b(October|November)\b", body)
    assert "20 October 2025" in text(client, url)


@pytest.mark.parametrize("name", ["timeline.json", "timeline.ics"])
def test_the_welsh_timeline_files_are_in_welsh(client, demo, name):
    url = f"/cy/products/pupil-progress/retention/{name}?ended=2027-03-31"
    body = client.get(url).content.decode()
    page = text(client, welsh(ENDED))
    assert "Data byw wedi'i ddileu" in page  # the Welsh page's own stage label
    if name == "timeline.json":
        data = json.loads(body)
        assert data["page"] == welsh(ENDED)
        labels = [stage["label"] for stage in data["timeline"]]
    else:
        assert "http://testserver/cy/products/pupil-progress/retention/" in body.replace(
            "\r\n ", ""
        )
        labels = re.findall(r"SUMMARY:Pupil Progress: (.*)\r", body)
    assert "Data byw wedi'i ddileu" in labels
    assert "Live data deleted" not in labels


def test_the_welsh_register_json_labels_are_welsh(client, demo):
    entries = json.loads(client.get("/cy/subprocessors/register.json").content)["entries"]
    labels = {e["transfer_safeguard_label"] for e in entries}
    assert "Nid yw'n drosglwyddiad cyfyngedig" in labels
    assert "Not a restricted transfer" not in labels
