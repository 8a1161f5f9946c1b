"""The register, change log, feeds and exports are served from the cache until something public
changes (a publish, an unpublish, a deletion, a product page, the organisation settings); feeds
and exports answer conditional requests without rendering; anonymous visitors' pages do not vary
on Cookie, and signed-in editors still get their userbar."""

import time

import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from products.models import ProductPage
from subprocessors import versions
from subprocessors.models import Subprocessor
from trusthub.core.tests.factories import organisation

from .factories import editor_user, make_entry, make_notice
from .test_register_queries import REGISTER_QUERIES

pytestmark = pytest.mark.django_db

CACHED_QUERIES = 0  # a kept representation: the version and the bytes, both from the cache
NOT_MODIFIED_QUERIES = 0  # a 304: the version only
CHANGES_QUERIES = 8  # the change log, rendered
FEED_QUERIES = 9  # a feed, rendered (before: 11, with the ETag and Last-Modified queries)
EXPORT_QUERIES = 4  # register.csv / register.json, rendered

REGISTER = "/subprocessors/"
CHANGES = "/subprocessors/changes/"
FEEDS = [f"/subprocessors/changes/feed.{fmt}" for fmt in ("rss", "atom", "json")]
EXPORTS = ["/subprocessors/register.csv", "/subprocessors/register.json"]
RENDERED_QUERIES = {
    REGISTER: REGISTER_QUERIES,
    CHANGES: CHANGES_QUERIES,
    **dict.fromkeys(FEEDS, FEED_QUERIES),
    **dict.fromkeys(EXPORTS, EXPORT_QUERIES),
}


def get(client, url, **headers):
    """The response, and how many database queries it took."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **headers)
    return response, len(ctx.captured_queries)


def body(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def publishing(django_capture_on_commit_callbacks):
    """Publish as the admin does: the transaction's on-commit callbacks (the version bump
    among them) run as if it committed."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.mark.parametrize("url", RENDERED_QUERIES)
def test_a_kept_representation_is_the_same_bytes_without_queries(client, demo, url):
    client.get("/")  # the site's own one-off queries (Wagtail's site lookup)
    first, rendered = get(client, url)
    second, cached = get(client, url)
    assert (rendered, cached) == (RENDERED_QUERIES[url], CACHED_QUERIES)
    assert second.status_code == 200 and second.content == first.content
    for header in ("Content-Type", "Content-Disposition", "ETag", "Last-Modified"):
        assert second.get(header) == first.get(header), header
    assert "public" in second["Cache-Control"]


def test_publishing_unpublishing_and_deleting_show_on_the_next_request(client, demo, publishing):
    assert "Zephyr Mail" not in body(client, REGISTER)
    with publishing():
        entry = make_entry("Zephyr Mail", products=("juniper-mis",))
    for url in (REGISTER, *EXPORTS):
        assert "Zephyr Mail" in body(client, url), url
    with publishing():
        entry.unpublish()
    for url in (REGISTER, *EXPORTS):
        assert "Zephyr Mail" not in body(client, url), url
    with publishing():
        entry = make_entry("Zephyr Mail Two", products=("juniper-mis",))
    assert "Zephyr Mail Two" in body(client, REGISTER)
    with publishing():
        entry.delete()
    assert "Zephyr Mail Two" not in body(client, REGISTER)


def test_the_version_changes_again_when_the_publish_commits(demo, publishing):
    """A page another server rendered from the rows as they were before the commit, and kept
    under the version the publish started, is never served after the commit."""
    before = versions.current()
    with publishing():
        make_entry("Zephyr Mail")
        during = versions.current()
    assert before != during != versions.current()


def test_a_draft_never_shows_and_keeps_the_cache(client, demo, publishing):
    first = body(client, REGISTER)
    twilio = Subprocessor.objects.originals().get(name="Twilio")
    with publishing():
        twilio.description = "DRAFT DESCRIPTION"
        twilio.save_revision()
    response, queries = get(client, REGISTER)
    assert response.content.decode() == first and queries == CACHED_QUERIES
    assert "DRAFT DESCRIPTION" not in body(client, "/subprocessors/register.json")


def test_product_filters_are_kept_apart_and_normalised(client, demo):
    everything = body(client, REGISTER)
    juniper = body(client, REGISTER + "?product=juniper-mis")
    assert juniper != everything
    assert 'value="juniper-mis" checked' in juniper
    assert 'value="juniper-mis" checked' not in everything
    # Spaces, repeats and other parameters name the same selection: the same kept bytes.
    for same in ("?product=+juniper-mis&product=juniper-mis", "?product=juniper-mis&utm=x"):
        response, queries = get(client, REGISTER + same)
        assert (response.content.decode(), queries) == (juniper, CACHED_QUERIES)
    # The same holds for the files, and each format and filter has its own bytes.
    csv_all = body(client, EXPORTS[0])
    csv_juniper = body(client, EXPORTS[0] + "?product=juniper-mis")
    assert csv_juniper != csv_all and len(csv_juniper) < len(csv_all)


def test_junk_filters_are_rendered_but_never_kept(client, demo):
    body(client, REGISTER)
    kept = set(cache._cache)  # the in-process cache of the test settings
    for junk in ("?product=no-such-product", "?type=nonsense", "?product=juniper-mis&product=x"):
        for _ in range(2):
            response, queries = get(client, REGISTER + junk)
            assert queries > CACHED_QUERIES
            assert "Filters that were not recognised are ignored" in response.content.decode()
    for url in (*EXPORTS, FEEDS[0]):
        assert client.get(url + "?product=no-such-product").status_code in (400, 404)
    body(client, CHANGES)
    kept |= set(cache._cache)
    assert get(client, CHANGES + "?page=9999")[1] > CACHED_QUERIES  # past the end: last page
    assert get(client, CHANGES + "?page=not-a-number")[1] == CACHED_QUERIES  # page 1
    assert set(cache._cache) == kept


def test_product_pages_and_organisation_settings_show_on_the_next_request(client, demo, publishing):
    assert 'value="pupil-asset"' in body(client, REGISTER)
    assert "Renamed Product" not in body(client, "/subprocessors/register.json")
    product = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-asset")
    with publishing():
        product.title = "Renamed Product"
        product.save_revision().publish()
    assert "Renamed Product" in body(client, "/subprocessors/register.json")
    with publishing():
        product.unpublish()
    assert 'value="pupil-asset"' not in body(client, REGISTER)
    with publishing():
        organisation(dpo_email="new-dpo@example.org")
    for url in (REGISTER, CHANGES, FEEDS[0]):
        assert "new-dpo@example.org" in body(client, url), url


def test_unscheduling_a_change_shows_on_the_next_request(client, demo, publishing):
    assert "Moves to United Kingdom on" in body(client, REGISTER)
    intercom = Subprocessor.objects.originals().get(name="Intercom")
    scheduled = intercom.revisions.get(approved_go_live_at__isnull=False)
    with publishing():
        # What the admin's "Cancel scheduled publish" does.
        scheduled.approved_go_live_at = None
        scheduled.save(update_fields=["approved_go_live_at"])
    assert "Moves to United Kingdom on" not in body(client, REGISTER)


@pytest.mark.parametrize("url", [*FEEDS, *EXPORTS, EXPORTS[0] + "?product=juniper-mis"])
def test_conditional_requests_answer_304_without_rendering(client, demo, publishing, url):
    first = client.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]
    # Even a server that has kept nothing but the version answers without rendering.
    version = versions.current()
    cache.clear()
    cache.set(versions.VERSION_KEY, version)
    for headers in ({"HTTP_IF_NONE_MATCH": etag}, {"HTTP_IF_MODIFIED_SINCE": modified}):
        response, queries = get(client, url, **headers)
        assert (response.status_code, response.content, queries) == (304, b"", 0)
        assert response["ETag"] == etag and "public" in response["Cache-Control"]
    with publishing():
        make_entry("Zephyr Mail", products=("juniper-mis",))
        make_notice("Zephyr to send reports", products=("juniper-mis",))
    news = b"Zephyr to send reports" if "/feed." in url else b"Zephyr Mail"
    for headers in ({"HTTP_IF_NONE_MATCH": etag}, {"HTTP_IF_MODIFIED_SINCE": modified}):
        response = client.get(url, **headers)
        assert response.status_code == 200 and response["ETag"] != etag
        assert news in response.content


def test_last_modified_moves_on_with_every_change(demo):
    """Two publishes in the same second still give two different Last-Modified times, so an
    If-Modified-Since client never misses the second."""
    today = timezone.localdate()
    before = versions.changed_at(versions.current(), today)
    versions.bump()
    after = versions.changed_at(versions.current(), today)
    versions.bump()
    assert before < after < versions.changed_at(versions.current(), today)


def test_anonymous_pages_do_not_vary_on_cookie_and_set_no_cookie(client, demo):
    for url in ("/", "/products/juniper-mis/", REGISTER, CHANGES, REGISTER):
        response = client.get(url, HTTP_COOKIE="analytics=1")
        assert response.status_code == 200
        assert "cookie" not in response.get("Vary", "").lower(), url
        assert not response.cookies, url
        assert "public" in response["Cache-Control"]
        assert "wagtail-userbar" not in response.content.decode()


def test_signed_in_editors_get_their_userbar_and_a_private_page(client, demo, django_user_model):
    anonymous = body(client, REGISTER)  # kept for everyone else
    client.force_login(editor_user(django_user_model))
    for url in (REGISTER, CHANGES):
        response = client.get(url)
        assert "wagtail-userbar" in response.content.decode(), url
        assert "private" in response["Cache-Control"]
        assert "cookie" in response["Vary"].lower()
    client.logout()
    response, queries = get(client, REGISTER)
    assert (response.content.decode(), queries) == (anonymous, CACHED_QUERIES)


@pytest.mark.parametrize("url", ["/", "/products/pupil-progress/", REGISTER, FEEDS[1]])
def test_a_response_made_while_something_was_published_is_not_kept_by_the_proxy(
    client, demo, url, monkeypatch
):
    """The proxy's purge can pass while a page is still being made from the rows as they were:
    such a response goes to its visitor, marked so that no shared cache keeps it."""
    steady = client.get(url)
    assert "s-maxage" in steady["Cache-Control"] and "public" in steady["Cache-Control"]

    real_current = versions.current

    def publish_during_the_request():
        monkeypatch.setattr(versions, "current", real_current)  # only the first read
        before = real_current()
        versions.bump()
        return before

    cache.clear()
    monkeypatch.setattr(versions, "current", publish_during_the_request)
    response = client.get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "s-maxage" not in response["Cache-Control"]
    assert "s-maxage" in client.get(url)["Cache-Control"]  # the next one is kept again


@pytest.mark.parametrize("url", [*FEEDS, *EXPORTS])
def test_a_304_is_answered_before_sessions_and_the_view_run(client, demo, url, monkeypatch):
    """trusthub.middleware.NotModifiedMiddleware: after WhiteNoise, from the version alone."""
    etag = client.get(url)["ETag"]

    def must_not_run(*args, **kwargs):
        raise AssertionError("the rest of the stack ran for a 304")

    monkeypatch.setattr(SessionMiddleware, "process_request", must_not_run)
    response, queries = get(client, url, HTTP_IF_NONE_MATCH=etag)
    assert (response.status_code, response.content, queries) == (304, b"", 0)
    assert response["ETag"] == etag
    assert "public" in response["Cache-Control"] and "s-maxage" in response["Cache-Control"]
    with pytest.raises(AssertionError, match="the rest of the stack ran"):
        client.get(url, HTTP_IF_NONE_MATCH='W/"not-the-current-one"')


def test_a_publish_on_another_app_server_reaches_the_304s_within_the_recheck_time(
    client, demo, settings
):
    """An app server answers 304s from the version it read at most REGISTER_VERSION_RECHECK
    seconds ago; a publish it made itself it sees at once."""
    url = FEEDS[1]
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    # Another server publishes: the shared version moves on without this process knowing.
    cache.set(versions.VERSION_KEY, cache.get(versions.VERSION_KEY) + versions.SECOND)
    time.sleep(settings.REGISTER_VERSION_RECHECK + 0.05)
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag
    # This process publishes: seen by the very next request, whatever the recheck time.
    settings.REGISTER_VERSION_RECHECK = 3600
    etag = response["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    versions.bump()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200
