"""What publishing purges from the caching proxy (subprocessors/cache.py): exactly the URLs that
show the change, once the transaction commits. The proxy itself, and a purge that makes the next
request show the change, are tested against the real stack in tests/test_stack_purge.py."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from products.models import ProductPage, RetentionPage
from subprocessors.cache import PURGE_PRIORITY, REGISTER_PATHS
from subprocessors.models import ChangeNotice, Subprocessor
from subprocessors.tests.factories import make_notice
from trusthub.core.locales import in_every_language
from trusthub.core.models import OrganisationSettings

pytestmark = pytest.mark.django_db

PURGED = []
ROOT = "http://localhost"
# Search results (every ?q=, in each language) and the sitemap, on any publish (home/indexing.py).
SEARCH_PATHS = {"/search/", "/cy/search/", "/sitemap.xml"}
# The register, its exports, the change log and its feeds, in English and in Welsh.
REGISTER = {*REGISTER_PATHS, *(f"/cy{path}" for path in REGISTER_PATHS)}


class RecordingBackend:
    """A frontend cache that records the URLs Wagtail's frontend-cache machinery purges."""

    def __init__(self, params):
        pass

    def invalidates_hostname(self, hostname):
        return True

    def purge_batch(self, urls):
        PURGED.extend(urls)


@pytest.fixture
def purged(demo, settings):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()
    return PURGED


def paths(urls):
    assert all(url.startswith(ROOT + "/") for url in urls), urls
    return {url.removeprefix(ROOT) for url in urls}


def products_and_packs():
    """What a register entry or notice purges of the product pages: each one and its DPIA evidence
    pack (their published versions show no register data)."""
    pages = {p.url for p in ProductPage.objects.live()}  # English and Welsh
    assert any(page.startswith("/cy/products/") for page in pages)
    return pages | {f"{page}pack.pdf" for page in pages}


def product_pages():
    """Every live product page, with its list of published versions and each version (the demo's
    version 1, and version 2: on publish, Wagtail purges before it logs the version going live),
    and its DPIA evidence pack."""
    pages = {p.url for p in ProductPage.objects.live()}
    assert len(pages) > 1
    return (
        pages
        | {f"{page}history/" for page in pages}
        | {f"{page}history/{n}/" for page in pages for n in (1, 2)}
        | {f"{page}pack.pdf" for page in pages}
    )


def test_a_register_entry_purges_the_register_and_product_pages_after_the_commit(
    purged, django_capture_on_commit_callbacks
):
    entry = Subprocessor.objects.originals().get(name="Twilio")
    entry.description = "Sends text messages to parents."
    with django_capture_on_commit_callbacks(execute=True):
        entry.save_revision().publish()
        assert purged == []  # not before the commit
    assert paths(purged) == {*REGISTER, *products_and_packs(), *SEARCH_PATHS}


def test_a_change_notice_purges_its_own_page_too(purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notice = make_notice("Acme to send letters")
    assert paths(purged) == {
        *REGISTER,
        *products_and_packs(),
        *in_every_language([notice.get_absolute_url()]),
        *SEARCH_PATHS,
    }
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ChangeNotice.objects.get(pk=notice.pk).unpublish()
    assert notice.get_absolute_url() in paths(purged)


def test_a_product_page_purges_the_pages_that_list_or_name_it(
    purged, django_capture_on_commit_callbacks
):
    product = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-progress")
    product.title = "Pupil Progress Plus"
    notices = ChangeNotice.objects.originals().filter(live=True, products=product)
    assert notices.exists()
    with django_capture_on_commit_callbacks(execute=True):
        product.save_revision().publish()
    product_path = "/products/pupil-progress/"
    expected = {
        "/",
        "/products/",
        product_path,
        product_path + "security/",
        product_path + "retention/",
        product_path + "retention/timeline.json",  # they show the product's name
        product_path + "retention/timeline.ics",
        # the published versions of each (their breadcrumbs name the product); see product_pages
        *(
            f"{product_path}{child}history/{n}"
            for child in ["", "security/", "retention/"]
            for n in ["", "1/", "2/"]
        ),
        product_path + "pack.pdf",  # the DPIA evidence pack shows the product
        "/cy/",  # the Welsh home page, register and notices name it too
        "/subprocessors/alerts/subscribe/",
        "/cy/subprocessors/alerts/subscribe/",
        *REGISTER,
        *in_every_language([n.get_absolute_url() for n in notices]),
        *SEARCH_PATHS,
    }
    assert expected <= paths(purged)
    others = paths(purged) - expected
    # The only others: "all products" notices whose objection form lists every product.
    assert all(
        p.startswith(("/subprocessors/changes/", "/cy/subprocessors/changes/")) for p in others
    ), others
    assert "/products/juniper-mis/" not in paths(purged)


def test_a_retention_page_purges_its_files_and_its_product_page_only(
    purged, django_capture_on_commit_callbacks
):
    page = RetentionPage.objects.get(
        locale__language_code="en-gb", url_path__endswith="/pupil-progress/retention/"
    )
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    base = "/products/pupil-progress/"
    assert paths(purged) == {
        base,
        base + "retention/",
        base + "retention/timeline.json",
        base + "retention/timeline.ics",
        *(f"{base}retention/history/{n}" for n in ["", "1/", "2/"]),  # its published versions
        *(f"{base}history/{n}" for n in ["", "1/", "2/"]),  # the product's versions link to it
        base + "pack.pdf",  # the DPIA evidence pack shows the retention rules
        *SEARCH_PATHS,
    }


def test_organisation_settings_purge_every_public_page(purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        OrganisationSettings.load().save()
    every = paths(purged)
    assert {"/", "/security/", "/.well-known/security.txt", *REGISTER} <= every
    assert {"/cy/", "/cy/security/"} <= every
    assert product_pages() <= every
    for notice in ChangeNotice.objects.originals().filter(live=True):
        assert set(in_every_language([notice.get_absolute_url()])) <= every


def test_the_worker_purges_once_more_when_any_fetch_in_flight_is_over(
    purged, settings, django_capture_on_commit_callbacks
):
    """A page the proxy was fetching as the purge arrived (rendered from the rows before the
    commit) is stored after the purge: a second purge, by the worker, removes it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        notice = make_notice("Acme to send letters")
    assert notice.get_absolute_url() in paths(purged)  # at once
    # One task per batch purged (the register's; search and the sitemap's, home/indexing.py).
    again = DBTaskResult.objects.filter(task_path__endswith=".purge_urls_from_cache_task")
    assert {url for task in again for url in task.args_kwargs["args"][0]} == set(purged)
    for task in again:
        assert task.priority == PURGE_PRIORITY
        assert task.run_after > timezone.now() + datetime.timedelta(seconds=5)
