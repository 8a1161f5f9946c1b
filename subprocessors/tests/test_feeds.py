"""Feeds: valid RSS 2.0, Atom 1.0 (RFC 4287 schema) and JSON Feed 1.1; stable ids; conditional
GET; golden files; autodiscovery."""

import datetime
import json
import os
import re
import uuid
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
import pytest
import rnc2rng
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree

from products.models import ProductPage
from subprocessors.models import ChangeNotice, Subprocessor
from trusthub.core.tests.factories import organisation

pytestmark = pytest.mark.django_db

HERE = Path(__file__).parent
FEEDS = {
    "rss": "/subprocessors/changes/feed.rss",
    "atom": "/subprocessors/changes/feed.atom",
    "json": "/subprocessors/changes/feed.json",
}


@pytest.fixture(scope="module")
def atom_schema():
    rng = rnc2rng.dumps(rnc2rng.loads((HERE / "schemas" / "atom.rnc").read_text()))
    # rnc2rng declares the empty "local" prefix, which XML forbids; nsName ns="" stays.
    rng = rng.replace('xmlns:local=""', "")
    return etree.RelaxNG(etree.fromstring(rng.encode()))


def get(client, url, **headers):
    return client.get(url, **headers)


@pytest.mark.parametrize("query", ["", "?product=pupil-progress&product=communications-hub"])
def test_atom_validates_against_rfc4287(client, demo, atom_schema, query):
    doc = etree.fromstring(get(client, FEEDS["atom"] + query).content)
    assert atom_schema.validate(doc), atom_schema.error_log
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = doc.findall("a:entry", ns)
    assert entries
    for entry in entries:
        assert entry.find("a:updated", ns) is not None
        assert entry.find("a:published", ns) is not None
        assert entry.find("a:id", ns).text.startswith("urn:uuid:")


def test_schema_rejects_an_entry_without_updated(atom_schema):
    bad = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id>
    <updated>2026-01-01T00:00:00Z</updated><author><name>a</name></author>
    <entry><title>e</title><id>urn:y</id></entry></feed>"""
    assert not atom_schema.validate(etree.fromstring(bad))


def rss2_channel(response, link_prefix):
    """The channel of an RSS 2.0 response, once it has every element RSS 2.0 requires, and each
    item a title, description, permanent guid, date and a link starting with `link_prefix`."""
    assert response["Content-Type"].startswith("application/rss+xml")
    doc = etree.fromstring(response.content)
    assert doc.tag == "rss" and doc.get("version") == "2.0"
    channel = doc.find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required)
    for item in channel.findall("item"):
        assert item.findtext("title") and item.findtext("description")
        guid = item.find("guid")
        assert guid.text.startswith("urn:uuid:") and guid.get("isPermaLink") == "false"
        parsedate_to_datetime(item.findtext("pubDate"))
        assert item.findtext("link").startswith(link_prefix)
    return channel


def test_rss_has_the_elements_rss2_requires(client, demo):
    channel = rss2_channel(get(client, FEEDS["rss"]), "http://testserver/subprocessors/changes/")
    items = channel.findall("item")
    assert len(items) == ChangeNotice.objects.originals().filter(live=True).count()


def test_json_feed_has_the_fields_json_feed_11_requires(client, demo):
    response = get(client, FEEDS["json"])
    assert response["Content-Type"].startswith("application/feed+json")
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and feed["home_page_url"].startswith("http")
    assert feed["feed_url"] == "http://testserver/subprocessors/changes/feed.json"
    assert feed["items"]
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"].startswith("urn:uuid:")
        assert item["content_html"]
        datetime.datetime.fromisoformat(item["date_published"])
        datetime.datetime.fromisoformat(item["date_modified"])
        ext = item["_trust_hub"]
        assert datetime.date.fromisoformat(ext["effective_date"])
        assert datetime.date.fromisoformat(ext["objection_deadline"])


# feedparser 6.0.14 (the current release) reads RSS and Atom but not JSON Feed; the JSON Feed is
# checked against the 1.1 spec above.
@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_feedparser_reads_the_xml_feeds_cleanly(client, demo, fmt):
    response = get(client, FEEDS[fmt])
    parsed = feedparser.parse(
        response.content, response_headers={"content-type": response["Content-Type"]}
    )
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == 4
    assert all(e.id.startswith("urn:uuid:") for e in parsed.entries)
    assert parsed.entries[0].title.endswith(
        "Intercom to hold Pupil Progress support conversations in the UK"
    )


def test_product_filter_is_repeatable_and_bad_products_404(client, demo):
    pp = feedparser.parse(get(client, FEEDS["atom"] + "?product=pupil-progress").content)
    ch = feedparser.parse(get(client, FEEDS["atom"] + "?product=communications-hub").content)
    both = feedparser.parse(
        get(client, FEEDS["atom"] + "?product=pupil-progress&product=communications-hub").content
    )
    assert {e.id for e in both.entries} == {e.id for e in pp.entries} | {e.id for e in ch.entries}
    assert len(pp.entries) == 2 and len(ch.entries) == 2
    for url in FEEDS.values():
        assert get(client, url + "?product=no-such-thing").status_code == 404


def test_corrected_notice_keeps_its_id_and_shows_updated_time(client, demo):
    twilio = ChangeNotice.objects.originals().get(title__startswith="Twilio")
    before = feedparser.parse(get(client, FEEDS["atom"]).content)
    entry_before = next(e for e in before.entries if "Twilio" in e.title)
    twilio.summary = "Corrected: Twilio processes data in the USA and Ireland."
    twilio.save_revision().publish()
    after = feedparser.parse(get(client, FEEDS["atom"]).content)
    entry_after = next(e for e in after.entries if "Twilio" in e.title)
    assert entry_after.id == entry_before.id
    assert entry_after.published_parsed == entry_before.published_parsed
    assert entry_after.updated_parsed > entry_before.updated_parsed
    assert "Corrected: Twilio" in entry_after.summary
    detail = client.get(f"/subprocessors/changes/{twilio.pk}/").content.decode()
    assert "Corrected" in detail


@pytest.mark.parametrize("fmt", FEEDS)
def test_conditional_get(client, demo, fmt):
    first = get(client, FEEDS[fmt])
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]
    assert "max-age" in first["Cache-Control"] and "public" in first["Cache-Control"]
    again = get(client, FEEDS[fmt], HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    since = get(client, FEEDS[fmt], HTTP_IF_MODIFIED_SINCE=modified)
    assert since.status_code == 304 and since.content == b""
    # filtered feeds have their own validators
    assert get(client, FEEDS[fmt] + "?product=juniper-mis")["ETag"] != etag
    # publishing a new notice changes the feed
    assert "public" in again["Cache-Control"]  # a 304 keeps the caching rules
    # publishing a new notice changes the feed
    new = ChangeNotice(
        kind="removal",
        title="Loom retired",
        summary="Loom leaves.",
        effective_date=timezone.localdate() + datetime.timedelta(days=31),
        objection_deadline=timezone.localdate() + datetime.timedelta(days=20),
        all_products=True,
        live=False,
    )
    new.save()
    new.save_revision().publish()
    # published an hour ago (HTTP dates have one-second resolution)
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    ChangeNotice.objects.filter(pk=new.pk).update(last_published_at=an_hour_ago)
    changed = get(client, FEEDS[fmt], HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert b"Loom retired" in changed.content
    # withdrawing it changes the feed again, for ETag and If-Modified-Since clients alike
    etag, modified = changed["ETag"], changed["Last-Modified"]
    new.refresh_from_db()
    new.unpublish()
    assert get(client, FEEDS[fmt], HTTP_IF_NONE_MATCH=etag).status_code == 200
    assert get(client, FEEDS[fmt], HTTP_IF_MODIFIED_SINCE=modified).status_code == 200
    # so does a change of organisation details shown in every item
    current = get(client, FEEDS[fmt])
    organisation(dpo_email="new-dpo@example.org")
    renamed = get(client, FEEDS[fmt], HTTP_IF_NONE_MATCH=current["ETag"])
    assert renamed.status_code == 200 and b"new-dpo@example.org" in renamed.content


def test_an_empty_filtered_feed_is_stable(client, demo):
    ChangeNotice.objects.originals().filter(all_products=True).delete()
    ChangeNotice.objects.originals().filter(products__slug="pupil-asset").delete()
    url = FEEDS["atom"] + "?product=pupil-asset"
    first = get(client, url)
    assert feedparser.parse(first.content).entries == []
    assert get(client, url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_feeds_ignore_other_filters_and_answer_head(client, demo):
    assert get(client, FEEDS["rss"] + "?type=junk").status_code == 200
    for url in ["/subprocessors/changes/", *FEEDS.values()]:
        assert client.head(url).status_code == 200, url


def test_every_public_page_links_its_feeds(client, demo):
    for url in [
        "/",
        "/products/",
        "/security/",
        "/subprocessors/",
        "/subprocessors/changes/",
        "/products/juniper-mis/security/",
    ]:
        body = client.get(url).content.decode()
        for mime, ext in [
            ("application/rss+xml", "rss"),
            ("application/atom+xml", "atom"),
            ("application/feed+json", "json"),
        ]:
            assert f'rel="alternate" type="{mime}"' in body, (url, ext)
            assert f'href="/subprocessors/changes/feed.{ext}' in body
    product = client.get("/products/juniper-mis/").content.decode()
    assert 'href="/subprocessors/changes/feed.atom?product=juniper-mis"' in product
    # visible subscribe box with the URL to copy
    for url, query in [
        ("/subprocessors/changes/", ""),
        ("/products/juniper-mis/", "?product=juniper-mis"),
    ]:
        body = client.get(url).content.decode()
        assert "Get told about changes before they happen" in body
        assert f'value="http://testserver/subprocessors/changes/feed.rss{query}"' in body


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_query_counts_do_not_grow_with_notices(client, demo):
    urls = ["/subprocessors/changes/", *FEEDS.values(), FEEDS["atom"] + "?product=juniper-mis"]
    client.get("/")
    sp = list(Subprocessor.objects.originals().all()[:3])
    products = list(ProductPage.objects.filter(locale__language_code="en-gb"))
    counts = []
    for batch in (1, 60):
        for i in range(batch):
            _bulk_notice(i, sp, products)
        counts.append([_count(client, u) for u in urls])
    assert counts[0] == counts[1]


def _bulk_notice(i, sp, products):
    n = ChangeNotice(
        kind="purpose",
        title=f"Bulk notice {i}",
        summary="x",
        first_published_at=datetime.datetime(2026, 1, 1, 9, tzinfo=datetime.UTC),
        effective_date=datetime.date(2026, 3, 1),
        objection_deadline=datetime.date(2026, 2, 1),
    )
    n.save()
    n.subprocessors.set(sp)
    n.products.set(products)
    n.save()
    n.save_revision().publish()


# --- golden files ----------------------------------------------------------------------------

GOLDEN = HERE / "golden"


def _golden_notices():
    products = {p.slug: p for p in ProductPage.objects.filter(locale__language_code="en-gb")}
    specs = [
        (
            9101,
            "11111111-1111-4111-8111-111111111111",
            "addition",
            "Acme SMS to send texts",
            datetime.date(2026, 1, 5),
            ["communications-hub"],
            "2026-01-05T09:00:00+00:00",
            "2026-01-05T09:00:00+00:00",
        ),
        (
            9102,
            "22222222-2222-4222-8222-222222222222",
            "location",
            "Beta Hosting moves to Ireland",
            datetime.date(2026, 2, 2),
            ["juniper-mis", "pupil-asset"],
            "2026-02-02T09:00:00+00:00",
            "2026-02-10T16:30:00+00:00",
        ),
    ]
    for pk, uid, kind, title, notice_date, slugs, published, updated in specs:
        n = ChangeNotice(
            pk=pk,
            uuid=uuid.UUID(uid),
            kind=kind,
            title=title,
            summary=f"{title}: what changes & why <in plain words>.",
            first_published_at=datetime.datetime.fromisoformat(published),
            effective_date=notice_date + datetime.timedelta(days=35),
            objection_deadline=notice_date + datetime.timedelta(days=28),
            live=False,
        )
        n.save()
        n.products.set([products[s] for s in slugs])
        n.save()
        n.save_revision().publish()
        corrected = datetime.datetime.fromisoformat(updated)
        ChangeNotice.objects.filter(pk=pk).update(
            last_published_at=corrected,
            corrected_at=corrected if updated != published else None,
        )


@pytest.mark.parametrize("fmt", FEEDS)
def test_golden_feeds(client, demo, fmt):
    ChangeNotice.objects.originals().all().delete()
    _golden_notices()
    body = get(client, FEEDS[fmt]).content.decode()
    if fmt == "json":
        body = json.dumps(json.loads(body), indent=2, ensure_ascii=False, sort_keys=True)
    # The only moving part: whether a notice is upcoming or in effect depends on today.
    body = re.sub(r'"status": "(upcoming|in_effect)"', '"status": "<status>"', body)
    path = GOLDEN / f"changes.{fmt}"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(body + "\n")
    assert body + "\n" == path.read_text(), f"{path.name} differs (UPDATE_GOLDEN=1 to accept)"
