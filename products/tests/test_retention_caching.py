"""Caching and cost: what publishing a retention page purges from the caching proxy, and how much
work a request does (the rules are read once; the query count does not grow with the products)."""

from unittest import mock

import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend

from products.models import RetentionPage

from .factories import (
    PP,
    add_product,
    add_retention_page,
    count_queries,
    offset,
    publish_stages,
    retention_page,
)


def test_the_rules_are_read_once_per_request(client, demo):
    calls = []
    real = RetentionPage.read_rules

    def counting(page):
        calls.append(page.pk)
        return real(page)

    with mock.patch.object(RetentionPage, "read_rules", counting):
        for url in [PP, PP + "?ended=2027-02-22", PP + "timeline.json?ended=2027-02-22"]:
            calls.clear()
            assert client.get(url).status_code == 200
            assert len(calls) == 1, url


# --- Publishing --------------------------------------------------------------------------------

PURGED = []


class RecordingCacheBackend(BaseBackend):
    """A frontend cache that records what Wagtail asks it to purge."""

    def purge(self, url):
        PURGED.append(url)


@pytest.mark.django_db  # a new page looks up its content type
def test_cached_paths_cover_the_page_json_and_calendar():
    # and its published versions (trusthub/core/history.py): none yet, so the first one
    assert RetentionPage().get_cached_paths() == [
        "/",
        "/history/",
        "/history/1/",
        "/timeline.json",
        "/timeline.ics",
    ]


def test_publishing_rule_changes_purges_the_page_json_and_calendar(client, demo, settings):
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "products.tests.test_retention_caching.RecordingCacheBackend"}
    }
    PURGED.clear()
    publish_stages("pupil-asset", [offset("data-destroyed", 60)])
    base = "http://localhost/products/pupil-asset/retention/"
    assert set(PURGED) >= {base, base + "timeline.json", base + "timeline.ics"}
    # each purged URL is a real route (not a 404 that the cache would never have held)
    for url in PURGED:
        path = url.removeprefix("http://localhost")
        assert client.get(path + "?ended=2027-02-22").status_code == 200, path


# --- Query counts ------------------------------------------------------------------------------


RETENTION_QUERIES = 16  # including the active locale (Wagtail routes by language) and the
# page's translations (hreflang and the language switcher: translations, view restrictions)
TIMELINE_QUERIES = 4  # the site, the product, view restrictions (public()), the retention page


def _add_products_with_retention_pages(count):
    template = retention_page("pupil-progress")
    for i in range(count):
        product = add_product(f"extra-{i}", f"Extra {i}")
        add_retention_page(product, template.stages.raw_data)


def test_retention_query_count_is_constant(client, demo):
    urls = [
        "/products/juniper-mis/retention/",
        "/products/juniper-mis/retention/?ended=2027-02-22",
        "/products/juniper-mis/retention/?ended=2027-02-30",
        PP + "?ended=2027-02-22",
    ]
    client.get("/")  # warm per-process caches (content types, site root paths, locales)
    client.get(urls[0])
    before = [count_queries(client, url, (200, 400)) for url in urls]
    _add_products_with_retention_pages(10)
    after = [count_queries(client, url, (200, 400)) for url in urls]
    assert before == after
    assert set(before) == {RETENTION_QUERIES}


def test_timeline_query_count_is_constant(client, demo):
    urls = [
        PP + "timeline.json?ended=2027-02-22",
        PP + "timeline.ics?ended=2027-02-22",
        "/products/juniper-mis/retention/timeline.json?ended=2027-02-30",
    ]
    client.get("/")  # warm per-process caches (content types, site root paths)
    before = [count_queries(client, url, (200, 400)) for url in urls]
    _add_products_with_retention_pages(10)
    after = [count_queries(client, url, (200, 400)) for url in urls]
    assert before == after
    assert set(before) == {TIMELINE_QUERIES}
