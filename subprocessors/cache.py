"""Purge the caching proxy/CDN (deploy/varnish.vcl) when what the public sees changes.

When: once the transaction commits (`transaction.on_commit`). Purged any earlier, the proxy
could fetch the page again from an app server that still reads the old rows, and keep it.

How: at once, from the process that published, and once more a few seconds later (the
worker; see `_purge_now_and_again`), through Wagtail's frontend-cache backends
(settings.WAGTAILFRONTENDCACHE: the HTTPBackend sends one PURGE per URL). Not through Wagtail 8's
`purge_urls_from_cache`, which queues a task for the worker: behind, say, the thousands of email
alerts a notice queues, the old page would be served meanwhile. A no-op unless WAGTAILFRONTENDCACHE
is configured (production with FRONTEND_CACHE_PURGE_URL).

What: the URLs that show the change, by path. The proxy drops every query-string variant of a
purged path with it (`?product=…`, `?page=…`), so those are never listed here.
- A register entry or change notice (`purge_register`, connected in apps.py): the register, its
  exports, the change log and its feeds (REGISTER_PATHS), every product page and its evidence
  pack (each shows its entries and the changes announced for it; which products an entry or
  notice concerned before this change is no longer known once it is published) and the
  notice's own page. Product child
  pages (security, retention) show no register data.
- A page (`purge_page`): Wagtail's frontend_cache app queues a purge of the page's own URLs
  (`get_cached_paths`: a retention page adds timeline.json and timeline.ics); they are purged
  here at once too, with the pages that show it: a product page is listed on the home page and
  the product index, named in the register's filters, rows, exports, feeds and alert sign-up, on
  the pages of the notices about it, and in its child pages; a security statement or retention
  page is linked from its parent. A page whose slug changed is purged at its old URLs too.
- Organisation settings (header, footer, DPO contact, notice period: on every page): every live
  page, the register paths, every live notice page and security.txt (`purge_everything`).
"""

import datetime
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_save
from django.utils import timezone, translation
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished

from products.models import ProductPage, RetentionPage, SecurityStatementPage
from trusthub.core.locales import in_every_language
from trusthub.core.models import OrganisationSettings

from .models import ChangeNotice

REGISTER_PATHS = [
    "/subprocessors/",
    "/subprocessors/register.csv",
    "/subprocessors/register.json",
    # Past views (`?at=`) are query variants of the three above; the comparison reads the same
    # history, and "to" defaults to today.
    "/subprocessors/compare/",
    "/subprocessors/changes/",
    "/subprocessors/changes/feed.rss",
    "/subprocessors/changes/feed.atom",
    "/subprocessors/changes/feed.json",
]
# Lists every product by name (and is publicly cached).
ALERT_SIGNUP_PATH = "/subprocessors/alerts/subscribe/"
SECURITY_TXT_PATH = "/.well-known/security.txt"
PACK_PATH = "pack.pdf"  # under a product page's URL: /products/<slug>/pack.pdf
REPURGE_AFTER_SECONDS = 10  # longer than any page takes to render
PURGE_PRIORITY = 50  # the task queue's scale: -100 to 100, default 0 (email alerts)


def purge_after_commit(urls):
    """Purge `urls` from the frontend cache once the current transaction commits (at once if
    there is none), and again a little later. A failing proxy is logged, never an error for the
    editor who published."""
    urls = sorted(set(urls))
    if urls and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        transaction.on_commit(partial(_purge_now_and_again, urls), robust=True)


def _purge_now_and_again(urls):
    purge_urls_from_cache_task.call(urls)
    # A page the proxy was fetching when the purge arrived, rendered from the rows as they were
    # before the commit, is stored after the purge and would stay: the worker purges once more
    # when any such fetch is over (first in its queue, before any email).
    if purge_urls_from_cache_task.get_backend().supports_defer:
        purge_urls_from_cache_task.using(
            run_after=timezone.now() + datetime.timedelta(seconds=REPURGE_AFTER_SECONDS),
            priority=PURGE_PRIORITY,
        ).enqueue(urls)


def _site_root():
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url.rstrip("/") if site else None


def public_urls(instance):
    """The URLs showing a register entry or change notice."""
    root = _site_root()
    if root is None:
        return []
    paths = list(REGISTER_PATHS)
    if isinstance(instance, ChangeNotice) and instance.pk:
        paths.append(_english(instance.get_absolute_url()))
    paths = in_every_language(paths)
    # Each product page shows its entries and announced changes, and so does its DPIA evidence
    # pack; its published versions (history/) do not.
    products = ProductPage.objects.live().public()
    urls = [url for p in products if (url := p.get_full_url())]
    return [root + path for path in paths] + [u + s for u in urls for s in ("", PACK_PATH)]


def _english(path):
    """A path as English has it (a Welsh notice's page, say, without its /cy/ prefix)."""
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE and path.startswith(f"/{code}/"):
            return path[len(code) + 1 :]
    return path


def purge_register(sender, instance, **kwargs):
    """Connected for Subprocessor and ChangeNotice only (apps.py). Paths are worked out in
    English (an editor's admin may be in Welsh), then listed in every language."""
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        with translation.override(settings.LANGUAGE_CODE):
            purge_after_commit(public_urls(instance))


# --- Pages --------------------------------------------------------------------------------------


def page_urls(page):
    """The URLs a page is cached at (its own, and its `get_cached_paths`). A product page's
    include its DPIA evidence pack (pack.py), which shows the product, its child pages, its
    register entries and notices and the organisation settings: everything that purges the
    product page (or its security or retention page, which purge their parent) purges it."""
    url = page.get_full_url()
    if url is None:
        return []
    specific = page.specific_deferred
    paths = list(specific.get_cached_paths())
    if isinstance(specific, ProductPage):
        paths.append(PACK_PATH)
    return [url + path.lstrip("/") for path in paths]


def page_related_urls(page):
    """The page's own URLs and those of the pages that show it (see the module docstring)."""
    urls = page_urls(page)
    if isinstance(page, ProductPage):
        root = _site_root()
        if root is not None:
            paths = ["/", *REGISTER_PATHS, ALERT_SIGNUP_PATH]
            urls += [root + path for path in in_every_language(paths)]
        parent = page.get_parent()
        if parent is not None:
            urls += page_urls(parent)
        for child in page.get_children().live().specific():
            urls += page_urls(child)
        urls += _notice_urls(page, root)
    elif isinstance(page, SecurityStatementPage | RetentionPage):
        parent = page.get_parent()
        if parent is not None:
            urls += page_urls(parent)
    return urls


def _notice_urls(product, root):
    """Notice pages naming the product, or offering it in their objection form (an "all
    products" notice whose objection window is open)."""
    if root is None:
        return []
    notices = (
        ChangeNotice.objects.originals()
        .filter(live=True)
        .filter(
            Q(products=product) | Q(all_products=True, objection_deadline__gte=timezone.localdate())
        )
    )
    paths = in_every_language([notice.get_absolute_url() for notice in notices.distinct()])
    return [root + path for path in paths]


def purge_page(sender, instance, **kwargs):
    """A page was published or unpublished."""
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        with translation.override(settings.LANGUAGE_CODE):
            purge_after_commit(page_related_urls(instance.specific))


def purge_old_page_urls(sender, instance, instance_before, **kwargs):
    """A live page's slug changed: what the proxy holds at the old URLs goes too."""
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_after_commit(page_urls(instance_before))


def purge_everything(sender, **kwargs):
    """Organisation settings changed: they show on every page."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    with translation.override(settings.LANGUAGE_CODE):
        purge_after_commit(_everything())


def _everything():
    root = _site_root()
    urls = [url for page in Page.objects.live().public().specific() for url in page_urls(page)]
    if root is not None:
        paths = [*REGISTER_PATHS, ALERT_SIGNUP_PATH]
        paths += [n.get_absolute_url() for n in ChangeNotice.objects.originals().filter(live=True)]
        urls += [root + path for path in [*in_every_language(paths), SECURITY_TXT_PATH]]
    return urls


def connect_page_purge():
    """Called last in apps.py's ready(): after the register version's receivers, so its
    on-commit work comes before the purge."""
    page_published.connect(purge_page, dispatch_uid="purge_page_published")
    page_unpublished.connect(purge_page, dispatch_uid="purge_page_unpublished")
    page_slug_changed.connect(purge_old_page_urls, dispatch_uid="purge_page_old_slug")
    post_save.connect(
        purge_everything, sender=OrganisationSettings, dispatch_uid="purge_organisation"
    )
