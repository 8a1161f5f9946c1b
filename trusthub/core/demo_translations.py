"""Demo translations: wagtail-localize translations made as an editor's "Translate" makes them.

`translate(instance, welsh)` submits a page or snippet for translation into Welsh, exactly as the
admin's "Translate" does (a `TranslationSource` of the English, a `Translation` into the
locale), fills in the strings it has words for as *machine* translations (so the translation
editor shows each one as machine translated, for a Welsh speaker to review), and publishes the
translation. A string it has no words for falls back to the English, as wagtail-localize's own
"publish" does (`Translation.save_target`: `fallback=True`), and shows as untranslated in the
translation editor. The translation stays synced: facts (`SynchronizedField`s, a page's place in
the tree) come from the English, and an editor carries on in the translation editor.

Nothing an editor made is ever changed: an instance that already has a translation into the
locale (however it was made) is left alone, and a string an editor already translated keeps
their words.
"""

from django.db import transaction
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue

TOOL_NAME = "machine assistance (demo text, for a Welsh speaker to review)"


def _locale(locale):
    return locale if isinstance(locale, Locale) else Locale.objects.get(language_code=locale)


def _specific(instance):
    return instance.specific if isinstance(instance, Page) else instance


@transaction.atomic
def translate(instance, welsh, locale="cy"):
    """Create and publish the translation of `instance` (a page or snippet in the default
    locale) into `locale`, with the words of `welsh` ({English segment text: translated text})
    for every segment whose English text is one of its keys; other segments keep the English.

    A page's parent must be translated first (as in the admin, a missing parent is copied
    untranslated). Does nothing if `instance` already has a translation into `locale`. Returns
    whether it created one.
    """
    instance = _specific(instance)
    locale = _locale(locale)
    if instance.locale_id == locale.pk or instance.has_translation(locale):
        return False
    # The source is brought up to date with the English as it is now: an earlier source (of a
    # translation since deleted) may hold older English.
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related("string")
    for segment in segments:
        words = welsh.get(segment.string.data)
        if words is None:
            continue
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context_id=segment.context_id,
            defaults={
                "data": words,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                "tool_name": TOOL_NAME,
            },
        )
    Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    # What `Translation.save_target` does (untranslated segments fall back to the English, a
    # missing parent page is copied), except that the new revision is published now rather
    # than when the transaction commits: a deferred publication would save the page's tree
    # fields as they were before its children were translated, leaving them unreachable.
    drafts = isinstance(instance, DraftStateMixin)
    target, _ = source.create_or_update_translation(
        locale, publish=not drafts, fallback=True, copy_parent_pages=True
    )
    if drafts and getattr(instance, "live", True):
        revision = target.get_latest_revision()
        if target.go_live_at is not None:
            # Copied from an original whose next version is scheduled: this translates the
            # version that is live now, so it goes live now.
            target.go_live_at = None
            revision = target.save_revision(clean=False)
        revision.publish()
    return True


def untranslated_segments(instance, locale="cy"):
    """The English texts of `instance`'s string segments that have no usable translation into
    `locale` (none, or one with an error), in page order. Empty once every string is translated.
    The segments are those of the source the translation was made from, if any; otherwise
    the instance's own.
    """
    instance = _specific(instance)
    locale = _locale(locale)
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None:  # never submitted for translation: nothing is translated
        return segment_texts(instance)
    return list(
        StringSegment.objects.filter(source=source)
        .annotate_translation(locale)
        .filter(translation__isnull=True)
        .order_by("order")
        .values_list("string__data", flat=True)
    )


def segment_texts(instance):
    """The English texts of `instance`'s string segments, in order, as wagtail-localize
    extracts them (what the keys of `translate`'s `welsh` must be)."""
    return [
        segment.string.data
        for segment in extract_segments(_specific(instance))
        if isinstance(segment, StringSegmentValue)
    ]
