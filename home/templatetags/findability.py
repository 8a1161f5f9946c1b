"""`{% meta_tags %}`: the meta description and Open Graph tags of every public page (base.html).

A page's description is its promote tab's "Search description"; without one, a sensible default
from the page itself (a product's summary, a page's introduction). Views that are not pages
(the register, change log, notices, search) pass a title and description of their own, in their
template's `{% block meta_description %}`. Anything else gets the site's own description.
"""

import html

from django import template
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, to_locale
from wagtail.fields import RichTextField
from wagtail.models import Page

register = template.Library()

DESCRIPTION_LENGTH = 160  # characters; search engines show about this much
DESCRIPTION_FIELDS = ("search_description", "summary", "intro")


def page_description(page):
    """The page's search description, else the first of its summary or introduction (rich text
    as plain text); "" when it has none. `meta_tags` shortens it to DESCRIPTION_LENGTH."""
    for name in DESCRIPTION_FIELDS:
        value = str(getattr(page, name, "") or "")
        if _is_rich_text(page, name):
            value = html.unescape(strip_tags(value))
        text = " ".join(value.split())
        if text:
            return text
    return ""


def _is_rich_text(page, name):
    try:
        return isinstance(page._meta.get_field(name), RichTextField)
    except FieldDoesNotExist:
        return False


@register.inclusion_tag("home/_meta_tags.html", takes_context=True)
def meta_tags(context, title="", description=""):
    page = context.get("page")
    if not isinstance(page, Page):  # e.g. the change log's `page` of notices
        page = None
    if page is not None:
        title = title or page.seo_title or page.title
        description = description or page_description(page)
    request = context.get("request")
    path = request.path if request is not None else "/"
    return {
        "settings": context.get("settings"),
        "title": title,
        "description": Truncator(" ".join(str(description).split())).chars(DESCRIPTION_LENGTH),
        "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
        "locale": to_locale(get_language() or settings.LANGUAGE_CODE),
    }
