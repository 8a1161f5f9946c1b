"""/sitemap.xml: every live, public page once, the register and change log (views, not pages)
and each published change notice, at the site's public address (WAGTAILADMIN_BASE_URL, as
security.txt's Canonical), whatever host name the request came in on.

One Django sitemap section per kind, so the Welsh version can add its alternates with the
framework's own switches: `i18n = True` and `alternates = True` list an item once per language
with `<xhtml:link rel="alternate" hreflang>`, the views' locations coming from `reverse()` under
each language; pages will take theirs from their translations (`get_translations()`).
"""

from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site

from subprocessors.notices import live_notices
from subprocessors.register import register_last_changed


class PublicAddressSitemap(Sitemap):
    """A section whose URLs start with the configured public address."""

    def get_urls(self, page=1, site=None, protocol=None):
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        return super().get_urls(
            page, site=SimpleNamespace(domain=base.netloc), protocol=base.scheme
        )


class PageSitemap(PublicAddressSitemap):
    """Every live page a visitor may open (no private ones), home first."""

    def items(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            return Page.objects.none()
        return (
            site.root_page.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
            .specific(defer=True)
        )

    def location(self, page):
        # The path within the site (the site's own host name may be an internal one).
        return page.get_url_parts()[2]

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at


class RegisterSitemap(PublicAddressSitemap):
    """The register and the change log: views, not pages."""

    def items(self):
        return ["subprocessors:register", "subprocessors:changes"]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        # Days, both: Django compares the lastmods of a section with each other.
        if name == "subprocessors:register":
            return register_last_changed()
        latest = live_notices().first()
        return timezone.localdate(latest.updated_at) if latest else None


class NoticeSitemap(PublicAddressSitemap):
    """Each published change notice's own page."""

    def items(self):
        return live_notices()

    def lastmod(self, notice):
        return notice.updated_at


SITEMAPS = {"pages": PageSitemap, "register": RegisterSitemap, "notices": NoticeSitemap}
