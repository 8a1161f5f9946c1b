"""Translating a register entry in the admin, as the DPO and a privacy editor would
(wagtail-localize): the Welsh words stay out of sight until the DPO publishes them, and then show
on the Welsh register only; the facts come from the English original and nothing is announced."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from products.models import RetentionPage
from subprocessors.models import Delivery, RegisterChange, Subprocessor
from subprocessors.roles import DPO, EDITOR
from subprocessors.tests.factories import make_entry, user_in
from trusthub.core.demo_translations import segment_texts

pytestmark = pytest.mark.django_db

WELSH_DESCRIPTION = "Yn anfon llythyrau at rieni ar ein rhan."


@pytest.fixture
def entry(demo):
    return make_entry("Acme Post", description="Sends letters to parents on our behalf.")


def submit_translation(client, entry):
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["subprocessors", "subprocessor", entry.pk],
    )
    assert client.get(url).status_code == 200  # the "Translate" form
    return client.post(url, {"locales": [Locale.objects.get(language_code="cy").pk]})


def welsh_row(entry):
    return Subprocessor.objects.get(
        translation_key=entry.translation_key, locale__language_code="cy"
    )


def translate_strings(entry):
    """What the translator types in the translation editor: the Welsh for every segment."""
    welsh = welsh_row(entry)
    translation = Translation.objects.get(
        source__object_id=entry.translation_key, target_locale=welsh.locale
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        text = segment.string.data
        data = WELSH_DESCRIPTION if text.startswith("Sends letters") else f"{text} (cy)"
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=welsh.locale,
            context=segment.context,
            defaults={"data": data, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    return welsh


def edit_url(instance):
    return reverse("wagtailsnippets_subprocessors_subprocessor:edit", args=[instance.pk])


def test_the_dpo_translates_an_entry_and_only_the_published_words_show(
    client, entry, django_user_model, django_capture_on_commit_callbacks
):
    client.force_login(user_in(django_user_model, DPO, "translating-dpo"))
    response = submit_translation(client, entry)
    assert response.status_code == 302
    welsh = welsh_row(entry)
    assert not welsh.live  # a draft: nothing public yet
    assert welsh.countries == entry.countries and welsh.name == "Acme Post"  # facts copied
    # The Welsh row opens in the translation editor, without the promise's warnings (a
    # translation announces nothing).
    page = client.get(edit_url(welsh))
    assert page.status_code == 200
    assert "schools must be told first" not in page.content.decode()

    translate_strings(entry)
    english_register = client.get("/subprocessors/").content.decode()
    welsh_register = client.get("/cy/subprocessors/").content.decode()
    assert WELSH_DESCRIPTION not in welsh_register  # translated, not published
    assert 'lang="en-GB">Sends letters to parents on our behalf.' in welsh_register

    changes, deliveries = RegisterChange.objects.count(), Delivery.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(welsh), {"action": "publish"})
    assert response.status_code == 302
    assert welsh_row(entry).live
    client.logout()
    welsh_register = client.get("/cy/subprocessors/").content.decode()
    assert WELSH_DESCRIPTION in welsh_register
    assert WELSH_DESCRIPTION not in client.get("/subprocessors/").content.decode()
    assert "Sends letters to parents" in english_register
    assert (RegisterChange.objects.count(), Delivery.objects.count()) == (changes, deliveries)
    # The register still lists the entry once, in each language.
    assert welsh_register.count('class="register-name">Acme Post') == 1


def test_a_privacy_editor_translates_but_cannot_publish_register_words(
    client, entry, django_user_model
):
    client.force_login(user_in(django_user_model, EDITOR, "translating-editor"))
    assert submit_translation(client, entry).status_code == 302
    welsh = translate_strings(entry)
    response = client.post(edit_url(welsh), {"action": "publish"})
    assert response.status_code in (302, 403)
    assert not welsh_row(entry).live
    assert WELSH_DESCRIPTION not in client.get("/cy/subprocessors/").content.decode()


def test_a_retention_stage_reference_is_not_offered_for_translation(demo):
    """A stage's "counted from" names another stage's key: a translator must not be able to
    change it, or the Welsh page would count from a stage that does not exist."""
    page = RetentionPage.objects.get(
        locale__language_code="en-gb", url_path__endswith="/pupil-progress/retention/"
    )
    references = {
        stage.value["from_stage"] for stage in page.stages if stage.value.get("from_stage")
    }
    assert references  # the demo's stages count from one another
    offered = set(segment_texts(page))
    assert {stage.value["label"] for stage in page.stages} <= offered  # the words are offered
    assert not references & offered
    welsh = page.get_translation(Locale.objects.get(language_code="cy"))
    assert [s.value.get("from_stage") for s in welsh.stages] == [
        s.value.get("from_stage") for s in page.stages
    ]
