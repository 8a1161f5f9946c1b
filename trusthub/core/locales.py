"""Languages: English originals, and the words of their live translations on other languages'
pages.

Register entries and change notices are translated with wagtail-localize: each translation is a
row of its own, with the original's `translation_key`. Every public list, check and record is
built from the English originals (`originals()`), so the promise is checked once and a
translation can never add, drop or re-date anything. On a Welsh page, each original then
shows the words of its *live* Welsh translation (`in_active_language()`), in the same one
query per list; a draft translation is never read. Where there is no live translation the
English words show, marked `untranslated` so templates can label their language.
"""

import functools

from django.conf import settings
from django.db import models
from django.utils import translation
from wagtail.models import Locale, Page

# BCP 47 tags for `lang` and `hreflang` (Django's language codes are lower case).
LANGUAGE_TAGS = {"en-gb": "en-GB", "cy": "cy"}


def language_tag(code):
    return LANGUAGE_TAGS.get(code, code)


def active_language():
    return translation.get_language() or settings.LANGUAGE_CODE


def translating():
    """Whether the active language is not the default (English) one."""
    return active_language() != settings.LANGUAGE_CODE


@functools.cache
def language_of(locale_id):
    """The language code of a Locale, by id: read once per process (a language code is
    almost never edited; `forget_locales` runs when one is)."""
    return Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()


def forget_locales(**kwargs):
    """Receiver for Locale's post_save and post_delete (trusthub/core/apps.py)."""
    language_of.cache_clear()


def is_original(obj):
    """Whether `obj` (a translatable record or page) is in the default locale. A record not yet
    given a locale will get the default one."""
    if obj.locale_id is None:
        return True
    return language_of(obj.locale_id) == settings.LANGUAGE_CODE


class TranslatedQuerySet(models.QuerySet):
    """A queryset of translatable records. The model names its translated words in
    `overlay_fields`; it may define `overlay_translations(originals, translations)` for more
    (child rows)."""

    _overlay = False

    def originals(self):
        """The records in the default language: the ones every public list is built from."""
        return self.filter(locale__language_code=settings.LANGUAGE_CODE)

    def in_active_language(self):
        """On evaluation, give each record the words of its live translation in the active
        language, if it has one (one query for the whole result)."""
        clone = self._chain()
        clone._overlay = True
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._overlay = self._overlay
        return clone

    def _fetch_all(self):
        fetched = self._result_cache is not None
        super()._fetch_all()
        if self._overlay and not fetched and translating():
            overlay(self.model, [obj for obj in self._result_cache if isinstance(obj, self.model)])


def live_translations(model, originals, language=None, **filters):
    """{translation_key: translation} of `originals`' live translations into `language`."""
    keys = {obj.translation_key for obj in originals}
    if not keys:
        return {}
    if "live" in {f.name for f in model._meta.get_fields()}:
        filters.setdefault("live", True)
    rows = model._default_manager.filter(
        translation_key__in=keys,
        locale__language_code=language or active_language(),
        **filters,
    )
    return {row.translation_key: row for row in rows}


def overlay(model, originals, language=None):
    """Put the words of each original's live translation on it (see the module docstring)."""
    translations = live_translations(model, originals, language)
    for obj in originals:
        copy_words(obj, translations.get(obj.translation_key), model.overlay_fields)
    hook = getattr(model, "overlay_translations", None)
    if hook is not None:
        hook(originals, translations)
    return originals


def copy_words(obj, translated, fields):
    """The translation's words on `obj`; a field the translator left empty keeps English."""
    obj.untranslated = translated is None
    if translated is None:
        return
    for field in fields:
        value = getattr(translated, field)
        if value:
            setattr(obj, field, value)


def live_page_translations(page_ids, language=None):
    """{original page id: its live, public translation into `language`} for `page_ids` (pages
    of the default locale), in one query; pages without one are left out."""
    language = language or active_language()
    if not page_ids or language == settings.LANGUAGE_CODE:
        return {}
    originals = Page.objects.filter(pk__in=page_ids)
    rows = (
        Page.objects.live()
        .public()
        .filter(
            locale__language_code=language,
            translation_key__in=originals.values("translation_key"),
        )
        .annotate(
            original_id=models.Subquery(
                originals.filter(translation_key=models.OuterRef("translation_key")).values("pk")[
                    :1
                ]
            )
        )
    )
    return {page.original_id: page for page in rows}


def original_page(page):
    """The default-language page `page` translates (itself when it is one)."""
    if is_original(page):
        return page
    original = (
        type(page)
        .objects.filter(
            translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )
        .first()
    )
    return original or page


class _TranslatedTitles:
    """Mixed into a page queryset's class by `with_translated_titles`."""

    def _fetch_all(self):
        fetched = self._result_cache is not None
        super()._fetch_all()
        if not fetched and translating():
            pages = live_page_translations({page.pk for page in self._result_cache})
            for page in self._result_cache:
                if page.pk in pages:
                    page.title = pages[page.pk].title


@functools.cache
def _titled(queryset_class):
    return type(f"Titled{queryset_class.__name__}", (_TranslatedTitles, queryset_class), {})


def with_translated_titles(queryset):
    """`queryset` (default-language pages), each page titled as its live translation into the
    active language is, once evaluated: for choices that must name the original (the products
    of a filter, a subscription or an objection) but read in the page's language."""
    clone = queryset.all()
    clone.__class__ = _titled(type(queryset))
    return clone


def in_every_language(paths):
    """`paths` (of views under i18n_patterns: trusthub/urls.py) in every language of the site:
    as they are for English, under /<code>/ for the others."""
    return [
        (f"/{code}" if code != settings.LANGUAGE_CODE else "") + path
        for code, _name in settings.LANGUAGES
        for path in paths
    ]


def localized_root(site):
    """The site's home page in the active language: the root of the pages a /cy/ address names
    (the English home page when there is no live translation, or the language is English)."""
    if not translating():
        return site.root_page
    return site.root_page.localized
