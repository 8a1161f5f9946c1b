"""The Welsh demo (home/demo/welsh.py): wagtail-localize translations of every demo page, entry
and notice, live under /cy/, in Welsh, marked machine-assisted, made once and never redone."""

import html
import io

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.demo.welsh import demo_pages, demo_records
from home.models import HomePage
from products.models import ProductPage
from subprocessors.models import (
    ChangeNotice,
    Delivery,
    RegisterChange,
    RegisterHistory,
    Subprocessor,
    SubprocessorUse,
    Subscriber,
)
from trusthub.core.demo_translations import translate, untranslated_segments

pytestmark = pytest.mark.django_db

# The pages whose every segment is in Welsh, and words each shows.
FULL_WELSH = {
    "/cy/": "Preifatrwydd ac ymddiriedaeth yn Juniper Education",
    "/cy/products/": "Mae gan bob cynnyrch ei grynodeb preifatrwydd",
    "/cy/products/pupil-progress/": "Olrhain cynnydd disgyblion uwchradd mewn amser real",
    "/cy/products/pupil-progress/security/": "Sut rydym yn cadw data Pupil Progress yn ddiogel",
    "/cy/products/pupil-progress/retention/": "Data byw wedi'i ddileu",
    "/cy/security/": "Mae pawb sy'n gweithio gyda data cwsmeriaid yn cael hyfforddiant",
    "/cy/accessibility/": "Rydym yn gwybod nad yw rhai rhannau o'r wefan hon yn gwbl hygyrch",
    "/cy/products/juniper-mis/": "Gweithwyr proffesiynol cysylltiedig",
    "/cy/products/pupil-asset/": "Ein system gwybodaeth reoli (MIS) sefydledig",
    "/cy/products/communications-hub/": "Un lle i ysgol anfon negeseuon at rieni a gofalwyr",
}


def welsh():
    return Locale.objects.get(language_code="cy")


def english_home():
    return HomePage.objects.get(locale__language_code="en-gb")


def load_demo(*args):
    out = io.StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


def counts():
    models = (
        Page,
        Revision,
        Subprocessor,
        SubprocessorUse,
        ChangeNotice,
        TranslationSource,
        Translation,
        StringTranslation,
    )
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.parametrize("url", FULL_WELSH)
def test_the_fully_translated_pages_answer_in_welsh(client, demo, url):
    response = client.get(url)
    assert response.status_code == 200
    assert FULL_WELSH[url] in html.unescape(response.content.decode())
    english = html.unescape(client.get(url.removeprefix("/cy")).content.decode())
    assert FULL_WELSH[url] not in english


def test_every_demo_page_has_every_segment_in_welsh(demo):
    pages = demo_pages(english_home())
    assert len(pages) == 16
    for page in pages:
        assert untranslated_segments(page) == [], page.url


def test_every_demo_entry_and_notice_has_every_segment_in_welsh(demo):
    records = demo_records()
    assert len([r for r in records if isinstance(r, Subprocessor)]) >= 20
    assert len([r for r in records if isinstance(r, ChangeNotice)]) >= 4
    for record in records:
        assert untranslated_segments(record) == [], record
        translation = record.get_translation(welsh())
        assert translation.live
        # The product uses are translated with their entry: one Welsh row per English one.
        if isinstance(record, Subprocessor):
            assert sorted(use.translation_key for use in translation.uses.all()) == sorted(
                use.translation_key for use in record.uses.all()
            )
            assert translation.name == record.name  # a fact: synced, not retyped


def test_every_demo_page_has_a_live_welsh_translation_at_its_english_address(client, demo):
    pages = demo_pages(english_home())
    assert len(pages) == 16
    for page in pages:
        translation = page.get_translation(welsh())
        assert translation.live, page.url
        assert translation.url == "/cy" + page.url
        if page.depth > 2:  # the home page's slug is never in an address
            assert translation.slug == page.slug
        assert client.get(translation.url).status_code == 200, translation.url


def test_the_other_products_retention_pages_have_welsh_titles(client, demo):
    body = html.unescape(client.get("/cy/products/juniper-mis/retention/").content.decode())
    assert "Pryd bydd ein data Juniper MIS yn cael ei ddileu?" in body


def test_the_welsh_is_marked_machine_translated_for_review(demo):
    strings = StringTranslation.objects.filter(locale=welsh())
    assert strings.count() > 300
    assert set(strings.values_list("translation_type", flat=True)) == {
        StringTranslation.TRANSLATION_TYPE_MACHINE
    }
    assert not strings.filter(has_error=True).exists()


def test_loading_the_demo_again_creates_nothing(demo):
    before = counts()
    assert "nothing to do" in load_demo("--force")
    assert counts() == before


def test_loading_the_demo_again_never_changes_an_edited_welsh_page(demo):
    english = ProductPage.objects.get(slug="pupil-progress", locale__language_code="en-gb")
    page = english.get_translation(welsh())
    page.summary = "Crynodeb a olygwyd gan y tîm marchnata"
    page.save_revision().publish()
    translation = StringTranslation.objects.filter(locale=welsh()).first()
    translation.data = "Wedi'i adolygu gan siaradwr Cymraeg"
    translation.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    translation.save()

    load_demo("--force")

    page.refresh_from_db()
    assert page.summary == "Crynodeb a olygwyd gan y tîm marchnata"
    translation.refresh_from_db()
    assert translation.data == "Wedi'i adolygu gan siaradwr Cymraeg"
    assert translation.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL


def test_translate_keeps_what_an_editor_already_translated(demo, settings):
    # With this setting, deleting a translation keeps the strings translated for it.
    settings.WAGTAILLOCALIZE_DISABLE_ON_DELETE = True
    english = ProductPage.objects.get(slug="juniper-mis", locale__language_code="en-gb")
    assert not translate(english, {})  # translated already: nothing is done
    first_published = StringTranslation.objects.get(
        locale=welsh(),
        translation_of__data="First published.",
        context__object_id=english.translation_key,
    )
    first_published.data = "Wedi'i gyhoeddi"  # an editor's word
    first_published.save()
    english.get_translation(welsh()).delete()

    assert translate(english, {"First published.": "Cyhoeddwyd am y tro cyntaf."})

    first_published.refresh_from_db()
    assert first_published.data == "Wedi'i gyhoeddi"
    translation = english.get_translation(welsh())
    assert translation.public_change_note == "Wedi'i gyhoeddi"
    assert translation.live


def test_publishing_the_welsh_sends_no_alerts_and_records_no_register_change(
    demo, django_capture_on_commit_callbacks
):
    for language in ("en-gb", "cy"):
        Subscriber.objects.create(
            email=f"dpo-{language}@school.example",
            all_products=True,
            confirmed_at="2026-01-01T09:00:00Z",
            language=language,
        )
    # Take the Welsh away, then let the loader make and publish it again.
    Page.objects.get(locale=welsh(), depth=2).delete()
    Subprocessor.objects.filter(locale=welsh()).delete()
    ChangeNotice.objects.filter(locale=welsh()).delete()
    mail.outbox.clear()
    history = (RegisterChange.objects.count(), RegisterHistory.objects.count())
    deliveries = Delivery.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        output = load_demo("--force")

    assert "Welsh translations of 16 page(s)" in output
    assert Page.objects.filter(locale=welsh(), live=True).count() == 16
    assert Subprocessor.objects.filter(locale=welsh(), live=True).count() == len(
        [r for r in demo_records() if isinstance(r, Subprocessor)]
    )
    assert mail.outbox == []
    assert Delivery.objects.count() == deliveries
    assert (RegisterChange.objects.count(), RegisterHistory.objects.count()) == history
    assert not RegisterHistory.objects.filter(subprocessor__locale=welsh()).exists()
