"""Welsh words of register entries and change notices, as a school in Wales meets them: a draft
Welsh translation never shows, a translation of a record that is not live never appears,
publishing Welsh sends no alerts and writes no history, search finds each record once in its
language, and alerts, confirmations and objection acknowledgements come in Welsh.

Addresses, language markers, feeds and dates in Welsh: tests/test_welsh.py."""

import html
import json
import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from products.models import ProductPage
from subprocessors.models import (
    ChangeNotice,
    Delivery,
    Objection,
    RegisterChange,
    RegisterHistory,
    Subprocessor,
    Subscriber,
)
from subprocessors.tests.factories import make_entry, make_notice
from trusthub.core.demo_translations import translate

pytestmark = pytest.mark.django_db

# Where a record's words show in Welsh (notices also on their own page).
WELSH_LISTS = [
    "/cy/subprocessors/",
    "/cy/subprocessors/register.json",
    "/cy/subprocessors/register.csv",
    "/cy/subprocessors/changes/",
    "/cy/subprocessors/changes/feed.rss",
    "/cy/subprocessors/changes/feed.atom",
    "/cy/subprocessors/changes/feed.json",
]


def cy():
    return Locale.objects.get(language_code="cy")


def draft_translation(instance, words):
    """A draft Welsh translation of `instance`, as wagtail-localize saves one: `words` ({English
    text: Welsh}) for the segments it names, English for the rest; not published."""
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data in words:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=cy(),
                context_id=segment.context_id,
                data=words[segment.string.data],
            )
    Translation.objects.get_or_create(source=source, target_locale=cy())
    target, _ = source.create_or_update_translation(cy(), publish=False, fallback=True)
    assert not target.live
    return target


def welsh_of(original):
    return type(original).objects.get(translation_key=original.translation_key, locale=cy())


def public_text(client, urls, extra=()):
    parts = []
    for url in [*urls, *extra]:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode("utf-8-sig")
        if url.endswith(".json"):
            body = json.dumps(json.loads(body), ensure_ascii=False)
        parts.append(html.unescape(body))
    return "\n".join(parts)


def search(client, query, prefix="/cy"):
    """[(type label, title, href, snippet text)] of the search page's results."""
    response = client.get(f"{prefix}/search/", {"q": query})
    assert response.status_code == 200
    body = re.sub(r"\s+", " ", response.content.decode())
    found = re.findall(
        r'<p class="search-result__type">(.*?)</p> <h3 class="search-result__title">'
        r'<a href="(.*?)">(.*?)</a></h3> <p class="search-result__snippet">(.*?)</p>',
        body,
    )
    return [
        (html.unescape(kind), html.unescape(title), href, html.unescape(re.sub("<.*?>", "", s)))
        for kind, href, title, s in found
    ]


def result_count(client, query, prefix="/cy"):
    """The number of results the search page says it found."""
    body = client.get(f"{prefix}/search/", {"q": query}).content.decode()
    heading = re.search(r'<h2 id="results-h">(\d+) ', body)
    return int(heading.group(1)) if heading else 0


def sitemap(client):
    return client.get("/sitemap.xml").content.decode()


# --- Drafts never show ---------------------------------------------------------------------


def test_a_draft_welsh_translation_of_an_untranslated_record_never_shows(client, demo):
    entry = make_entry("Quokkamail", description="Quokkamail posts letters to parents.")
    notice = make_notice("Quokkamail to post letters", summary="Quokkamail will post letters.")
    notice_page = f"/cy/subprocessors/changes/{notice.pk}/"
    draft_translation(entry, {entry.description: "Mae Quokkamail yn postio Zorblatdrafft."})
    draft_translation(notice, {notice.title: "Quokkamail i bostio Zorblatdrafft"})

    shown = public_text(client, WELSH_LISTS, [notice_page])
    assert "Zorblatdrafft" not in shown
    assert "Quokkamail posts letters to parents." in shown
    assert "Quokkamail to post letters" in shown
    assert search(client, "Zorblatdrafft") == [] and search(client, "Zorblatdrafft", "") == []
    titles = [title for _kind, title, _href, _snippet in search(client, "Quokkamail")]
    assert sorted(titles) == ["Quokkamail", "Quokkamail to post letters"]


def test_a_draft_revision_of_live_welsh_words_shows_only_once_published(client, demo):
    notice = ChangeNotice.objects.originals().get(title__startswith="Twilio")
    entry = Subprocessor.objects.originals().get(name="Twilio")
    notice_page = f"/cy/subprocessors/changes/{notice.pk}/"
    before = public_text(client, WELSH_LISTS, [notice_page])  # and now cached
    welsh_notice, welsh_entry = welsh_of(notice), welsh_of(entry)
    old_title = welsh_notice.title
    assert old_title in before and "Yn anfon negeseuon testun SMS." in before

    welsh_notice.title = "Twilio i anfon Zorblatnewydd ar gyfer Communications Hub"
    welsh_entry.description = "Yn anfon Zorblatnewydd."
    revisions = [welsh_notice.save_revision(), welsh_entry.save_revision()]

    draft = public_text(client, WELSH_LISTS, [notice_page])
    assert "Zorblatnewydd" not in draft
    assert old_title in draft and "Yn anfon negeseuon testun SMS." in draft
    assert search(client, "Zorblatnewydd") == []

    for revision in revisions:
        revision.publish()
    published = public_text(client, WELSH_LISTS, [notice_page])
    assert "Twilio i anfon Zorblatnewydd ar gyfer Communications Hub" in published
    assert "Yn anfon Zorblatnewydd." in published
    assert old_title not in published
    assert {title for _k, title, _h, _s in search(client, "Zorblatnewydd")} == {
        "Twilio",
        "Twilio i anfon Zorblatnewydd ar gyfer Communications Hub",
    }
    # The English is untouched.
    english = public_text(client, [url.removeprefix("/cy") for url in WELSH_LISTS])
    assert "Zorblatnewydd" not in english


def test_a_live_welsh_translation_of_a_record_that_is_not_live_never_appears(client, demo):
    entry = make_entry("Blorptech", publish=False, description="Blorptech hosts things.")
    notice = make_notice("Blorptech to host things", publish=False)
    welsh = [
        draft_translation(entry, {entry.description: "Mae Blorptech yn Zorblatcudd."}),
        draft_translation(notice, {notice.title: "Blorptech i Zorblatcudd"}),
    ]
    for translation in welsh:
        translation.get_latest_revision().publish()
        translation.refresh_from_db()
        assert translation.live

    shown = public_text(client, WELSH_LISTS)
    assert "Zorblatcudd" not in shown and "Blorptech" not in shown
    assert search(client, "Zorblatcudd") == [] and search(client, "Blorptech") == []
    for pk in (notice.pk, welsh[1].pk):
        assert client.get(f"/cy/subprocessors/changes/{pk}/").status_code == 404
        assert f"/subprocessors/changes/{pk}/" not in sitemap(client)


def test_a_welsh_translation_goes_when_its_original_is_unpublished(client, demo):
    notice = make_notice("Plimco to send letters")
    translate(notice, {notice.title: "Plimco i anfon Zorblatllythyrau"})
    assert "Zorblatllythyrau" in public_text(client, WELSH_LISTS)
    assert welsh_of(notice).live

    notice.unpublish()

    assert "Zorblatllythyrau" not in public_text(client, WELSH_LISTS)
    assert search(client, "Zorblatllythyrau") == []
    assert client.get(f"/cy/subprocessors/changes/{notice.pk}/").status_code == 404
    assert f"/cy/subprocessors/changes/{notice.pk}/" not in sitemap(client)


def test_welsh_search_does_not_count_translations_of_records_that_are_not_live(client, demo):
    notice = make_notice("Plimco to send letters")
    translate(notice, {notice.title: "Plimco i anfon Zorblatllythyrau"})
    assert result_count(client, "Zorblatllythyrau") == 1
    notice.unpublish()
    assert search(client, "Zorblatllythyrau") == []
    assert result_count(client, "Zorblatllythyrau") == 0


# --- Publishing Welsh is not a change to the register ------------------------------------------


def subscriber(email, language, products=("communications-hub",)):
    sub = Subscriber.objects.create(
        email=email, language=language, confirmed_at="2020-01-01T00:00:00Z"
    )
    sub.products.set(ProductPage.objects.filter(locale__language_code="en-gb", slug__in=products))
    return sub


def test_publishing_welsh_sends_no_alerts_and_writes_no_history(
    demo, django_capture_on_commit_callbacks
):
    subscriber("dpo@english.example", "en-gb")
    subscriber("dpo@welsh.example", "cy")
    with django_capture_on_commit_callbacks(execute=True):
        notice = make_notice("Wibbleco to send letters")
        entry = make_entry("Wibbleco")
    assert Delivery.objects.filter(notice=notice).count() == 2
    sent, history = (
        len(mail.outbox),
        (RegisterChange.objects.count(), RegisterHistory.objects.count()),
    )

    with django_capture_on_commit_callbacks(execute=True):
        translate(notice, {notice.title: "Wibbleco i anfon llythyrau"})
        translate(entry, {entry.description: "Mae Wibbleco yn gwneud rhywbeth defnyddiol."})
        for welsh in (welsh_of(notice), welsh_of(entry)):  # and a correction of the Welsh
            welsh.summary = "Cywiriad."
            welsh.save_revision().publish()

    assert welsh_of(notice).live and welsh_of(entry).live
    assert len(mail.outbox) == sent
    assert Delivery.objects.count() == 2
    assert (RegisterChange.objects.count(), RegisterHistory.objects.count()) == history


# --- Search ----------------------------------------------------------------------------------


def test_welsh_search_finds_each_record_once_in_welsh(client, demo):
    twilio = Subprocessor.objects.originals().get(name="Twilio")
    notice = ChangeNotice.objects.originals().get(title__startswith="Twilio")
    results = search(client, "Twilio")
    assert [(kind, title, href) for kind, title, href, _s in results] == [
        ("Cofnod yn y gofrestr", "Twilio", f"/cy/subprocessors/#sp-{twilio.uuid}"),
        (
            "Hysbysiad newid",
            "Twilio i anfon negeseuon SMS ar gyfer Communications Hub",
            f"/cy/subprocessors/changes/{notice.pk}/",
        ),
    ]
    assert results[0][3].startswith("Twilio Inc.: Yn anfon negeseuon testun SMS.")
    assert "Bydd Communications Hub yn anfon negeseuon testun SMS" in results[1][3]


def test_a_welsh_word_finds_the_welsh_notice_and_not_the_english(client, demo):
    intercom = ChangeNotice.objects.originals().get(title__startswith="Intercom")
    welsh = search(client, "sgyrsiau cymorth")
    assert [(title, href) for _k, title, href, _s in welsh] == [
        (
            "Intercom i gadw sgyrsiau cymorth Pupil Progress yn y DU",
            f"/cy/subprocessors/changes/{intercom.pk}/",
        )
    ]
    assert search(client, "sgyrsiau cymorth", prefix="") == []


def query_count(client, url):
    client.get(url)  # the one-off lookups (content types, site, locales)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_welsh_search_costs_a_fixed_number_of_queries(client, demo):
    english, welsh = (
        query_count(client, "/search/?q=Twilio"),
        query_count(client, "/cy/search/?q=Twilio"),
    )
    # English: locales, restrictions, 3 searches, the notice, the entry and its uses, settings.
    # Welsh adds: which ranked translations have a public original (2), the live Welsh words
    # of the entries, their uses and the notices shown (3), and the products' Welsh titles (2).
    assert (english, welsh) == (9, 16)
    for i in range(8):  # more translated matches
        translate(make_entry(f"Twilio reseller {i}"), {})
    assert query_count(client, "/cy/search/?q=Twilio") == welsh
    assert query_count(client, "/search/?q=Twilio") == english


# --- Emails in Welsh -------------------------------------------------------------------------


def plain(message):
    return message.get_body(("plain",)).get_content()


def test_a_welsh_subscriber_is_confirmed_and_alerted_in_welsh(client, demo, smtp_server):
    response = client.post(
        "/cy/subprocessors/alerts/subscribe/",
        {"email": "pennaeth@ysgol.example", "products": ["pupil-progress"], "source": "/cy/"},
    )
    assert response.status_code == 200 and "Gwiriwch eich e-bost" in response.content.decode()
    [confirmation] = smtp_server.messages()
    assert confirmation["Subject"] == "Cadarnhewch eich rhybuddion am newidiadau i is-broseswyr"
    body = plain(confirmation)
    link = re.search(r"http://testserver(/cy/subprocessors/alerts/confirm/\S+/)", body).group(1)
    assert "Confirm" not in body and "subscription" not in body
    done = client.post(link)
    assert done.status_code == 200 and "Rydych wedi tanysgrifio" in done.content.decode()
    assert Subscriber.objects.get(email="pennaeth@ysgol.example").language == "cy"
    subscriber("dpo@english.example", "en-gb", products=("pupil-progress",))
    smtp_server.clear()

    notice = make_notice(
        "Acme to host Pupil Progress reports", publish=False, products=("pupil-progress",)
    )
    welsh = draft_translation(
        notice,
        {
            notice.title: "Acme i letya adroddiadau Pupil Progress",
            notice.summary: "Bydd Acme yn lletya adroddiadau.",
        },
    )
    welsh.get_latest_revision().publish()
    notice.get_latest_revision().publish()

    alerts = {m["To"]: m for m in smtp_server.messages()}
    assert set(alerts) == {"pennaeth@ysgol.example", "dpo@english.example"}
    cymraeg, english = alerts["pennaeth@ysgol.example"], alerts["dpo@english.example"]
    assert cymraeg["Subject"] == "Newid i is-brosesydd: Acme i letya adroddiadau Pupil Progress"
    assert f"http://testserver/cy/subprocessors/changes/{notice.pk}/" in plain(cymraeg)
    assert "Acme to host" not in plain(cymraeg)
    assert english["Subject"] == "Sub-processor change: Acme to host Pupil Progress reports"
    assert f"http://testserver/subprocessors/changes/{notice.pk}/" in plain(english)
    assert "/cy/" not in plain(english) and "Acme i letya" not in plain(english)


def object_in_welsh(client, notice, products):
    return client.post(
        f"/cy/subprocessors/changes/{notice.pk}/object/",
        {
            "school_name": "Ysgol Gynradd y Bryn",
            "contact_email": "swyddfa@ysgol.example",
            "products": [str(product.pk) for product in products],
            "reason": "Addawyd i rieni y byddai data cymorth yn aros yn yr UE.",
            "website": "",
        },
    )


def test_an_objection_on_the_welsh_notice_page_is_acknowledged_in_welsh(client, demo, smtp_server):
    notice = make_notice("Fizzco to store files", products=(), all_products=True)
    translate(notice, {notice.title: "Fizzco i storio ffeiliau"})
    product = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-progress")
    response = object_in_welsh(client, notice, [product])
    assert response.status_code == 302
    objection = Objection.objects.get(notice=notice)
    assert objection.language == "cy"
    assert response["Location"] == (
        f"/cy/subprocessors/changes/{notice.pk}/object/received/{objection.reference}/"
    )
    thanks = html.unescape(client.get(response["Location"]).content.decode())
    assert f"Gwrthwynebiad wedi dod i law — cyfeirnod {objection.reference}" in thanks

    school = next(m for m in smtp_server.messages() if m["To"] == "swyddfa@ysgol.example")
    subject = " ".join(school["Subject"].split())
    assert subject == (
        f"Gwrthwynebiad wedi dod i law — cyfeirnod {objection.reference}: Fizzco i storio ffeiliau"
    )
    body = plain(school)
    assert f"http://testserver/cy/subprocessors/changes/{notice.pk}/" in body
    assert "Fizzco i storio ffeiliau" in body
    assert "Objection received" not in body and notice.title not in body


def test_a_school_can_object_on_the_welsh_page_of_a_notice_for_named_products(client, demo):
    intercom = ChangeNotice.objects.originals().get(title__startswith="Intercom")
    product = intercom.products.get()
    page = client.get(f"/cy/subprocessors/changes/{intercom.pk}/").content.decode()
    boxes = re.findall(r'<input type="checkbox" name="products" value="(\d+)"', page)
    assert boxes == [str(product.pk)]
    assert object_in_welsh(client, intercom, [product]).status_code == 302
    assert Objection.objects.get(notice=intercom).language == "cy"


def test_managing_alerts_on_a_page_in_one_language_switches_them_to_it(client, demo):
    school = subscriber("swyddfa@ysgol.example", "en-gb")
    url = f"/subprocessors/alerts/manage/{school.token}/"
    saved = client.post("/cy" + url, {"products": ["pupil-progress"], "role": "DPO"})
    assert saved.status_code in (200, 302)
    assert Subscriber.objects.get(pk=school.pk).language == "cy"
    client.post(url, {"products": ["pupil-progress"], "role": "DPO"})
    assert Subscriber.objects.get(pk=school.pk).language == "en-gb"
