"""Helpers for tests that need home-app pages, and for reading the search page."""

import re

from django.utils import timezone
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from home.models import HomePage, StandardPage
from subprocessors.models import Subprocessor


def standard_page(title="About this hub", slug="about", body="<p>Who runs this hub.</p>"):
    """A live plain page under the home page. (The demo already has the accessibility statement
    at /accessibility/.)"""
    return HomePage.objects.get(locale__language_code="en-gb").add_child(
        instance=StandardPage(title=title, slug=slug, body=body)
    )


def search_results(client, query, **params):
    """The search page for `query`: (response, [(type label, title, href, snippet HTML)])."""
    response = client.get("/search/", {"q": query, **params})
    html = re.sub(r"\s+", " ", response.content.decode())
    results = re.findall(
        r'<p class="search-result__type">(.*?)</p> <h3 class="search-result__title">'
        r'<a href="(.*?)">(.*?)</a></h3> <p class="search-result__snippet">(.*?)</p>',
        html,
    )
    return response, [(label, title, href, snippet) for label, href, title, snippet in results]


def indexed_entries(count, word):
    """`count` live register entries whose description contains `word`, written in bulk (not
    through the publish path, which takes a fraction of a second each) and indexed."""
    now = timezone.now()
    locale = Locale.get_default()
    entries = Subprocessor.objects.bulk_create(
        Subprocessor(
            name=f"{word} supplier {i:03}",
            description=f"Provides {word} services.",
            countries=["GB"],
            data_categories="Names",
            live=True,
            locale=locale,
            first_published_at=now,
            last_published_at=now,
        )
        for i in range(count)
    )
    get_search_backend().add_bulk(Subprocessor, entries)
    return entries
