"""`{% language_links as languages %}`: this page in every language of the site (base.html's
`hreflang` alternates and language switcher).

A Wagtail page's other-language versions are its live, public translations; a view that is not a
page (the register, change log, feeds, search) answers every language at the same path under
that language's prefix (`translate_url`), query string and all. A page with no translation in a
language links to that language's home page instead, and is not offered as an alternate.
"""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.models import Page

from trusthub.core.locales import language_tag

register = template.Library()


@register.filter
def bcp47(code):
    """`{{ LANGUAGE_CODE|bcp47 }}`: "en-GB" for "en-gb"."""
    return language_tag(code)


def _page_translations(page):
    """{language code: url} of the page's live, public versions, itself included."""
    versions = page.get_translations(inclusive=True).live().public().select_related("locale")
    return {version.locale.language_code: version.get_url() for version in versions}


def _home_url(code):
    with translation.override(code):
        return reverse("wagtail_serve", args=[""])


@register.simple_tag(takes_context=True)
def language_links(context):
    request = context.get("request")
    if request is None:
        return []
    current = translation.get_language() or settings.LANGUAGE_CODE
    page = context.get("page")
    urls = _page_translations(page) if isinstance(page, Page) else None
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    links = []
    for code, name in settings.LANGUAGES:
        if urls is None:
            url = alternate = translate_url(request.get_full_path(), code)
            available = True
        else:
            available = code in urls
            alternate = urls.get(code) or _home_url(code)  # a page's address, for hreflang
            # The switcher keeps the question asked (a retention page's ?ended=, say).
            query = request.META.get("QUERY_STRING", "")
            url = alternate + (f"?{query}" if query and available else "")
        links.append(
            {
                "code": code,
                "tag": language_tag(code),
                "name": name,
                "url": url,
                "absolute": base + alternate,
                "current": code == current,
                "available": available,
            }
        )
    return links


@register.filter
def startswith(value, prefix):
    """`{% if request.path|startswith:url %}`: for the navigation's current section."""
    return bool(prefix) and str(value).startswith(str(prefix))
