"""The Welsh demo: wagtail-localize translations of the demo pages, register entries and change
notices, made and published as an editor's "Translate" makes them (trusthub/core/
demo_translations.py). Loaded by `manage.py load_demo_content` after the English demo.

Every demo page gets a live Welsh translation, at its English address under /cy/, parents
before children, with every segment in Welsh: the home page, /products/, the company-wide
security statement, the accessibility statement, and every product's privacy summary,
security statement and retention page. No demo page falls back to English. Every live demo
register entry (with its product uses) and change notice gets a live Welsh translation with
the words of `subprocessors.demo.welsh_text`.

The Welsh is machine-assisted: every string is saved as a machine translation, which the
translation editor marks for a Welsh speaker to review. Facts (countries, dates, products, the
tree) are synced from the English, never retyped.

Creates only what is missing: a page, entry or notice that already has a Welsh translation,
however it was made, is left as it is.
"""

from django.conf import settings
from wagtail.models import Locale, Page

from products.demo import COMPANY_SECURITY
from products.demo.retention import RETENTION
from products.demo.summaries import PRODUCTS
from subprocessors.demo.entries import ENTRIES
from subprocessors.demo.welsh_text import ENTRY_WELSH, NOTICE_WELSH
from subprocessors.models import ChangeNotice, Subprocessor
from trusthub.core.demo_translations import translate
from trusthub.core.models import OrganisationSettings

from . import accessibility, welsh_pages

WELSH = "cy"


def demo_page_paths():
    """The demo pages' paths below the home page ("" is the home page itself)."""
    paths = {"", COMPANY_SECURITY["slug"], "products", accessibility.SLUG}
    for spec in PRODUCTS:
        product = f"products/{spec['slug']}"
        paths.update({product, f"{product}/security"})
        if spec["slug"] in RETENTION:
            paths.add(f"{product}/retention")
    return paths


def demo_pages(home):
    """The live demo pages in the default language, from `home` down, each after its parent."""
    paths = demo_page_paths()
    pages = (
        Page.objects.descendant_of(home, inclusive=True)
        .live()
        .filter(locale_id=home.locale_id)
        .order_by("path")
        .specific()
    )
    return [page for page in pages if page.url_path[len(home.url_path) :].strip("/") in paths]


def demo_records():
    """The live demo register entries and change notices in the default language."""
    originals = {"locale__language_code": settings.LANGUAGE_CODE, "live": True}
    names = [spec["name"] for spec in ENTRIES]
    entries = Subprocessor.objects.filter(name__in=names, **originals).order_by("pk")
    notices = ChangeNotice.objects.filter(title__in=NOTICE_WELSH, **originals).order_by("pk")
    return [*entries, *notices]


def ensure_welsh(home):
    """Translate the missing demo pages, entries and notices into Welsh and publish them.
    Returns (pages created, entries and notices created)."""
    Locale.objects.get_or_create(language_code=WELSH)
    pages = demo_pages(home)
    page_words = welsh_pages.all_pages(OrganisationSettings.load(), {page.slug for page in pages})
    pages_created = sum(translate(page, page_words, WELSH) for page in pages)
    record_words = {**ENTRY_WELSH, **NOTICE_WELSH}
    records_created = sum(translate(record, record_words, WELSH) for record in demo_records())
    return pages_created, records_created
