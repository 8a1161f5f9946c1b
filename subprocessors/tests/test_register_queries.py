"""The register, product pages and exports make as many database queries for 300 entries as
for the demo's few."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from products.models import ProductPage
from subprocessors import versions
from subprocessors.models import Subprocessor, SubprocessorUse

from .factories import (
    TODAY,
    exported,
    html,
    make_entry,
)

pytestmark = pytest.mark.django_db


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


REGISTER_QUERIES = (
    12  # + register_last_changed (2), announced changes (notices, products, entries, revisions)
)
PRODUCT_PAGE_QUERIES = 20  # + announced changes for the product; + translations (2)


def bulk_publish(count, products=("juniper-mis", "pupil-progress")):
    """`count` live entries as the DPO's approval leaves them, written in two queries.

    The real publish path (revision, workflow, publish) costs a fraction of a second an
    entry: fine for a few, far too slow for hundreds. Current, upcoming and former entries,
    in one or two countries, so every section and column of the tables has rows.
    """
    now = timezone.now()
    locale = Locale.get_default()
    entries = Subprocessor.objects.bulk_create(
        Subprocessor(
            name=f"Bulk {i:03}",
            legal_entity=f"Bulk {i:03} Ltd" if i % 2 else "",
            description=f"Bulk {i:03} does something useful.",
            countries=["GB", "US"] if i % 2 else ["GB"],
            transfer_safeguard="idta" if i % 2 else "not_restricted",
            data_categories="Names",
            privacy_notice_url="https://example.org/privacy" if i % 3 else "",
            end_date=(
                TODAY - datetime.timedelta(days=3)
                if i % 5 == 1
                else TODAY + datetime.timedelta(days=90)
                if i % 5 == 2
                else None
            ),
            live=True,
            locale=locale,
            first_published_at=now,
            last_published_at=now,
        )
        for i in range(count)
    )
    pages = list(ProductPage.objects.filter(locale__language_code="en-gb", slug__in=products))
    SubprocessorUse.objects.bulk_create(
        SubprocessorUse(
            locale=locale,
            subprocessor=entry,
            product=page,
            purpose=f"{entry.name} for {page.slug}",
            start_date=TODAY + datetime.timedelta(days=30) if i % 5 == 0 else TODAY.replace(2020),
            data_subjects="Parents",
        )
        for i, entry in enumerate(entries)
        for page in pages
    )
    versions.bump()  # written past the signals that start a new register version
    return entries


def test_query_counts_do_not_grow_with_entries(client, demo):
    client.get("/")
    client.get("/products/juniper-mis/")  # per-process caches (locales)
    urls = [
        "/subprocessors/",
        "/subprocessors/?product=juniper-mis&product=pupil-progress",
        "/products/juniper-mis/",
        "/subprocessors/register.json",
        "/subprocessors/register.csv",
    ]
    before = [_count(client, u) for u in urls]
    # A few through the real revision/publish path, the bulk of them written directly.
    for i in range(3):
        make_entry(
            f"Bulk published {i}",
            products=("juniper-mis", "pupil-progress"),
            countries=["GB", "US"],
            transfer_safeguard="idta",
        )
    bulk_publish(300)
    after = [_count(client, u) for u in urls]
    assert after == before
    assert before[0] == REGISTER_QUERIES
    assert before[2] == PRODUCT_PAGE_QUERIES
    assert html(client, "/subprocessors/").count('class="register-name">Bulk ') == 303
    as_json, rows = exported(client)
    assert len(as_json["entries"]) == len(rows) > 303
