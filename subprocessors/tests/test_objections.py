"""Schools object to an announced change: the form on the notice page, its window, bad input,
rate limit and honeypot, caching, and the two emails (through the real SMTP test server)."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from products.models import ProductPage
from subprocessors.models import ChangeNotice, Objection
from subprocessors.objections import OBJECTION_RATE, send_objection_emails
from trusthub.core.models import OrganisationSettings
from trusthub.core.tests.factories import organisation

from .factories import DAY, TODAY, make_notice

pytestmark = pytest.mark.django_db

DPO_EMAIL = "dpo@juniper.example"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """The rate limit counts in the default (per-process) cache: start each test at zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def intercom(demo):
    """The demo's upcoming notice (Pupil Progress), open for objections."""
    return ChangeNotice.objects.originals().get(title__startswith="Intercom")


def url(notice, suffix=""):
    return f"/subprocessors/changes/{notice.pk}/{suffix}"


def valid_data(notice, **changes):
    product = (
        notice.products.first()
        or ProductPage.objects.live().filter(locale__language_code="en-gb").first()
    )
    data = {
        "school_name": "Hillside Primary School",
        "contact_email": "office@hillside.example",
        "products": [str(product.pk)],
        "reason": "Our parents were promised support data stays in the EU.",
        "website": "",
    }
    data.update(changes)
    return data


def set_deadline(notice, day):
    ChangeNotice.objects.filter(pk=notice.pk).update(objection_deadline=day)


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


# --- The form on the notice page -----------------------------------------------------------


def test_open_notice_shows_the_form_with_its_products_and_stays_publicly_cacheable(
    client, intercom
):
    response = client.get(url(intercom))
    body = text(response)
    assert f'action="/subprocessors/changes/{intercom.pk}/object/"' in body
    assert 'method="post"' in body
    boxes = re.findall(r'<input type="checkbox" name="products" value="(\d+)"', body)
    assert [int(pk) for pk in boxes] == [p.pk for p in intercom.products.all()]
    for label in ("School name", "Your email address", "Why does your school object?"):
        assert label in body
    assert 'name="website"' in body  # the honeypot, hidden
    # No CSRF token and no cookie: the page is the same for everyone, so a CDN may keep it.
    assert "csrfmiddlewaretoken" not in body
    assert not response.cookies
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "private" not in cache_control
    assert "Email your objection" in body  # email stays an alternative


def test_an_all_products_notice_offers_every_live_product(client, demo):
    notice = make_notice("Acme everywhere", products=(), all_products=True)
    body = client.get(url(notice)).content.decode()
    boxes = re.findall(r'<input type="checkbox" name="products" value="(\d+)"', body)
    live = (
        ProductPage.objects.live().filter(locale__language_code="en-gb").public().order_by("path")
    )
    assert [int(pk) for pk in boxes] == [p.pk for p in live]
    assert len(boxes) == 4


def test_the_cached_page_does_not_outlive_the_objection_window(client, intercom):
    set_deadline(intercom, TODAY)
    response = client.get(url(intercom))
    now = timezone.localtime()
    midnight = (now + DAY).replace(hour=0, minute=0, second=0, microsecond=0)
    max_age = int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))
    s_maxage = int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))
    left = (midnight - now).total_seconds()
    assert max_age <= left + 1 and s_maxage <= left + 1


# --- A successful objection -------------------------------------------------------------------


def test_objection_is_stored_and_both_emails_arrive(client, intercom, smtp_server):
    organisation(dpo_email=DPO_EMAIL)
    product = intercom.products.get()
    response = client.post(url(intercom, "object/"), valid_data(intercom))
    objection = Objection.objects.get(notice=intercom)
    assert re.fullmatch(r"OBJ-\d{4}-[0-9A-F]{6}", objection.reference)
    assert response.status_code == 302
    assert response["Location"] == url(intercom, f"object/received/{objection.reference}/")
    assert "private" in response["Cache-Control"]

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert f"Objection received — reference {objection.reference}" in text(thanks)
    assert "private" in thanks["Cache-Control"] and "no-store" in thanks["Cache-Control"]

    assert objection.school_name == "Hillside Primary School"
    assert objection.contact_email == "office@hillside.example"
    assert list(objection.products.all()) == [product]
    assert objection.acknowledged_at is not None and objection.dpo_notified_at is not None

    messages = smtp_server.messages()
    assert len(messages) == 2
    by_recipient = {m["To"]: m for m in messages}
    school, dpo = by_recipient["office@hillside.example"], by_recipient[DPO_EMAIL]
    for message in (school, dpo):
        assert objection.reference in message["Subject"]
        plain = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        assert objection.reference in plain and objection.reference in html
        assert intercom.title in plain
        assert f"http://testserver/subprocessors/changes/{intercom.pk}/" in plain
        assert "support data stays in the EU" in plain and "support data stays in the EU" in html
    # (Folded over lines by the email library: unfolding leaves a leading space.)
    assert school["Subject"].strip().startswith("Objection received — reference OBJ-")
    assert school["Reply-To"] == DPO_EMAIL
    assert "Hillside Primary School" in dpo["Subject"]
    assert dpo["Reply-To"] == "office@hillside.example"
    assert product.title in dpo.get_body(("plain",)).get_content()
    assert (
        f"/admin/subprocessors/objection/inspect/{objection.pk}/"
        in dpo.get_body(("plain",)).get_content()
    )


def test_emails_are_sent_once_and_a_failed_send_is_retried_later(
    client, intercom, smtp_server, settings
):
    organisation(dpo_email=DPO_EMAIL)
    settings.EMAIL_PORT = 1  # nothing listens there: the send fails, in the task
    response = client.post(url(intercom, "object/"), valid_data(intercom))
    assert response.status_code == 302  # the school's objection is kept all the same
    objection = Objection.objects.get(notice=intercom)
    assert objection.acknowledged_at is None and objection.dpo_notified_at is None

    settings.EMAIL_PORT = smtp_server.port
    send_objection_emails.enqueue(objection.pk, "http://testserver/x/")
    send_objection_emails.enqueue(objection.pk, "http://testserver/x/")  # nothing more
    assert sorted(m["To"] for m in smtp_server.messages()) == [
        DPO_EMAIL,
        "office@hillside.example",
    ]
    objection.refresh_from_db()
    assert objection.acknowledged_at is not None and objection.dpo_notified_at is not None


def test_no_email_is_sent_in_the_request_the_worker_sends_them(client, intercom, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = client.post(url(intercom, "object/"), valid_data(intercom))
    assert response.status_code == 302
    objection = Objection.objects.get(notice=intercom)
    assert mail.outbox == []  # queued, not sent
    queued = DBTaskResult.objects.get(task_path="subprocessors.objections.send_objection_emails")
    assert queued.args_kwargs["args"][0] == objection.pk

    # What the worker (`manage.py db_worker`) does with it. (Running the command here would
    # close the test's database connection; the reliability tests run the real worker.)
    send_objection_emails.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        ["office@hillside.example", OrganisationSettings.load().dpo_email]
    )
    for message in mail.outbox:
        assert [mime for _body, mime in message.alternatives] == ["text/html"]


# --- The window ---------------------------------------------------------------------------------


def test_the_deadline_day_itself_is_still_open(client, intercom):
    set_deadline(intercom, TODAY)
    assert 'class="objection-form"' in client.get(url(intercom)).content.decode()
    assert client.post(url(intercom, "object/"), valid_data(intercom)).status_code == 302
    assert Objection.objects.filter(notice=intercom).count() == 1


def test_after_the_deadline_the_form_is_replaced_and_a_post_is_refused(client, intercom):
    organisation(dpo_email=DPO_EMAIL)
    set_deadline(intercom, TODAY - DAY)
    closed_on = f"{TODAY - DAY:%-d %B %Y}"
    body = text(client.get(url(intercom)))
    assert 'class="objection-form"' not in body and "/object/" not in body
    assert f"The objection period closed on {closed_on}." in body
    assert f'contact our Data Protection Officer at <a href="mailto:{DPO_EMAIL}">' in body

    response = client.post(url(intercom, "object/"), valid_data(intercom))
    assert response.status_code == 403
    body = text(response)
    assert (
        f"Your objection was not sent: the objection period for this change closed on {closed_on}"
        in body
    )
    assert 'class="objection-form"' not in body
    assert not Objection.objects.filter(notice=intercom).exists()
    assert "private" in response["Cache-Control"]


def test_a_past_demo_notice_shows_the_closed_window(client, demo):
    twilio = ChangeNotice.objects.originals().get(title__startswith="Twilio")
    body = text(client.get(url(twilio)))
    assert f"The objection period closed on {twilio.objection_deadline:%-d %B %Y}" in body
    assert 'class="objection-form"' not in body


# --- Drafts and wrong methods ----------------------------------------------------------------


def test_drafts_and_unknown_notices_are_404(client, demo):
    draft = make_notice("Never published", publish=False)
    assert client.post(url(draft, "object/"), valid_data(draft)).status_code == 404
    assert client.get(url(draft)).status_code == 404
    assert client.post("/subprocessors/changes/999999/object/", {}).status_code == 404
    assert not Objection.objects.exists()


def test_thanks_page_needs_a_real_reference(client, intercom, demo):
    assert client.get(url(intercom, "object/received/OBJ-2026-ABCDEF/")).status_code == 404
    assert client.get(url(intercom, "object/received/<script>/")).status_code == 404


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete", "head"])
def test_the_objection_url_only_takes_post(client, intercom, method):
    response = getattr(client, method)(url(intercom, "object/"))
    assert response.status_code == 405
    assert response["Allow"] == "POST"


# --- Bad input ------------------------------------------------------------------------------


def other_product(notice):
    return (
        ProductPage.objects.live()
        .filter(locale__language_code="en-gb")
        .exclude(pk__in=notice.products.all())
        .first()
    )


BAD_INPUT = {
    "missing school": ({"school_name": ""}, "Enter your school&#x27;s name."),
    "missing email": ({"contact_email": ""}, "Enter an email address so we can reply to you."),
    "malformed email": (
        {"contact_email": "office@@hillside"},
        "Enter an email address in the right format",
    ),
    "10,000-character email": (
        {"contact_email": "a" * 9990 + "@school.uk"},
        "Enter an email address of at most 254 characters.",
    ),
    "no product": ({"products": []}, "Choose at least one product your school uses."),
    "junk product": ({"products": ["abc"]}, "Choose only from the products this change affects."),
    "unknown product": (
        {"products": ["99999999"]},
        "Choose only from the products this change affects.",
    ),
    "missing reason": ({"reason": ""}, "Tell us why your school objects."),
    "oversized reason": (
        {"reason": "x" * 5001},
        "Keep your reason to 5,000 characters or fewer.",
    ),
    "school name over two lines": (
        {"school_name": "Hillside\r\nBcc: x@y.example"},
        "Enter the school name on one line.",
    ),
}


@pytest.mark.parametrize("case", BAD_INPUT)
def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(client, intercom, case):
    changes, message = BAD_INPUT[case]
    data = valid_data(intercom, **changes)
    response = client.post(url(intercom, "object/"), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert "Your objection has not been sent yet" in body
    assert 'aria-invalid="true"' in body or "products-error" in body
    # What they typed is still there to fix.
    if "reason" not in changes:
        assert data["reason"] in body
    if "contact_email" not in changes:
        assert 'value="office@hillside.example"' in body
    assert not Objection.objects.exists()
    assert "private" in response["Cache-Control"]


def test_a_product_of_another_notice_is_refused(client, intercom):
    data = valid_data(intercom, products=[str(other_product(intercom).pk)])
    response = client.post(url(intercom, "object/"), data)
    assert response.status_code == 400
    assert "Choose only from the products this change affects." in response.content.decode()


def test_a_request_too_big_to_read_is_a_400_not_a_500(client, intercom):
    data = valid_data(intercom, reason="x" * 3_000_000)
    assert client.post(url(intercom, "object/"), data).status_code == 400
    assert not Objection.objects.exists()


# --- Bots ------------------------------------------------------------------------------------


def test_the_honeypot_stores_and_sends_nothing_but_keeps_a_persons_words(client, intercom):
    data = valid_data(intercom, website="http://spam.example")
    response = client.post(url(intercom, "object/"), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "We could not accept this form." in body
    assert data["reason"] in body
    assert "http://spam.example" not in body  # the trap is emptied for a person who resends
    assert not Objection.objects.exists()
    assert mail.outbox == []


def test_too_many_posts_from_one_client_get_a_429_page(client, intercom):
    allowed = int(OBJECTION_RATE.split("/")[0])
    bad = valid_data(intercom, contact_email="not-an-email")
    for _ in range(allowed):
        assert client.post(url(intercom, "object/"), bad).status_code == 400
    response = client.post(url(intercom, "object/"), valid_data(intercom))
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    body = text(response)
    assert "we have received too many forms from your network" in body
    assert "What you typed is still in the form below." in body
    assert 'value="Hillside Primary School"' in body
    assert not Objection.objects.exists()
    # Another client is not affected.
    other = client.post(url(intercom, "object/"), valid_data(intercom), REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 302
