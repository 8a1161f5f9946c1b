"""Purge the caching proxy/CDN when the public register or change log changes.

Wagtail purges a page when it is published; register entries and change notices are
snippets shown on many URLs, so their publication purges those URLs here. A no-op unless
WAGTAILFRONTENDCACHE is configured (production with FRONTEND_CACHE_PURGE_URL).
"""

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Site

from products.models import ProductPage

from .models import ChangeNotice

REGISTER_PATHS = [
    "/",
    "/subprocessors/",
    "/subprocessors/register.csv",
    "/subprocessors/register.json",
    "/subprocessors/changes/",
    "/subprocessors/changes/feed.rss",
    "/subprocessors/changes/feed.atom",
    "/subprocessors/changes/feed.json",
]


def public_urls(instance):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    paths = list(REGISTER_PATHS)
    paths += [p.url for p in ProductPage.objects.live().public() if p.url]
    if isinstance(instance, ChangeNotice) and instance.pk:
        paths.append(instance.get_absolute_url())
    return [site.root_url.rstrip("/") + path for path in paths]


def purge_register(sender, instance, **kwargs):
    """Connected for Subprocessor and ChangeNotice only (apps.py)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    purge_urls_from_cache(public_urls(instance))
