"""/sitemap.xml: every live, public page once, the register and change log (views, not pages)
and each published change notice, at the site's public address (WAGTAILADMIN_BASE_URL, as
security.txt's Canonical), whatever host name the request came in on.

Every URL is listed once per language, each with `<xhtml:link rel="alternate" hreflang>` links
to itself in every language and an x-default (English). The views (register, change log, notices)
use the framework's own switches (`i18n`, `alternates`, `x_default`: their locations come from
`reverse()` under each language). Pages are listed in every locale they are live in, each with
the live, public translations it has as its alternates (a page not yet translated has none).
"""

from collections import defaultdict
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site

from subprocessors.notices import live_notices
from subprocessors.register import register_last_changed
from trusthub.core.locales import language_of, language_tag


class PublicAddressSitemap(Sitemap):
    """A section whose URLs start with the configured public address."""

    def get_urls(self, page=1, site=None, protocol=None):
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        return super().get_urls(
            page, site=SimpleNamespace(domain=base.netloc), protocol=base.scheme
        )


class PageSitemap(PublicAddressSitemap):
    """Every live page a visitor may open (no private ones), in every language: each locale's
    home page and the pages below it, English first."""

    def items(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            return Page.objects.none()
        in_a_site = Page.objects.none()
        for home in site.root_page.get_translations(inclusive=True):
            in_a_site |= Page.objects.descendant_of(home, inclusive=True)
        return in_a_site.live().public().order_by("path").specific(defer=True)

    def get_urls(self, page=1, site=None, protocol=None):
        """Each page's alternates: itself and its translations in the sitemap, by language,
        and English as the x-default."""
        urls = super().get_urls(page, site=site, protocol=protocol)
        versions = defaultdict(dict)  # translation key: {hreflang: location}
        for url in urls:
            item = url["item"]
            versions[item.translation_key][language_tag(language_of(item.locale_id))] = url[
                "location"
            ]
        english = language_tag(settings.LANGUAGE_CODE)
        for url in urls:
            found = versions[url["item"].translation_key]
            url["alternates"] = [{"lang_code": c, "location": loc} for c, loc in found.items()]
            if english in found:
                url["alternates"].append({"lang_code": "x-default", "location": found[english]})
        return urls

    def location(self, page):
        # The path within the site (the site's own host name may be an internal one).
        return page.get_url_parts()[2]

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at


class InEveryLanguage(PublicAddressSitemap):
    """A section of views: each URL in every language, with its alternates."""

    i18n = True
    alternates = True
    x_default = True


class RegisterSitemap(InEveryLanguage):
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


class NoticeSitemap(InEveryLanguage):
    """Each published change notice's own page."""

    def items(self):
        return live_notices()

    def lastmod(self, notice):
        return notice.updated_at


SITEMAPS = {"pages": PageSitemap, "register": RegisterSitemap, "notices": NoticeSitemap}
