"""Email alerts, the subscriber's side: subscribe (double opt-in, consent record, no
enumeration, honeypot, rate limit), confirm, manage and unsubscribe (RFC 8058), and bad input."""

import re
import time

import pytest
from django.core import signing
from django.core.cache import cache
from django.test import Client

from products.models import ProductPage
from subprocessors.alert_links import CONSENT_WORDING, confirmation_key
from subprocessors.models import Delivery, Subscriber
from subprocessors.tests.factories import make_notice

SUBSCRIBE = "/subprocessors/alerts/subscribe/"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()  # the rate limit counts in the cache, per client address
    yield
    cache.clear()


def subscribe(client, email="DPO@School.example", products=("pupil-progress",), **extra):
    data = {"email": email, "products": list(products), "source": "/products/pupil-progress/"}
    data.update(extra)
    return client.post(SUBSCRIBE, data)


def link_in(message, path):
    text = message.get_body(("plain",)).get_content()
    return re.search(r"http://testserver(" + re.escape(path) + r"[^\s]+/)", text).group(1)


def make_subscriber(email, products=("communications-hub",), all_products=False, **fields):
    fields.setdefault("confirmed_at", "2020-01-01T00:00:00Z")
    subscriber = Subscriber.objects.create(email=email, all_products=all_products, **fields)
    subscriber.products.set(
        ProductPage.objects.filter(locale__language_code="en-gb", slug__in=products)
    )
    return subscriber


@pytest.mark.parametrize(
    "url", ["/", "/products/pupil-progress/", "/subprocessors/changes/", SUBSCRIBE]
)
def test_the_form_is_on_public_cached_pages_without_a_csrf_token(client, demo, url):
    response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'action="/subprocessors/alerts/subscribe/"' in body
    assert CONSENT_WORDING in body
    assert "csrfmiddlewaretoken" not in body and "csrftoken" not in response.cookies
    assert "public" in response["Cache-Control"]
    assert 'name="website"' in body  # the honeypot


def test_product_page_preselects_its_product_and_change_log_follows_its_filter(client, demo):
    body = client.get("/products/pupil-progress/").content.decode()
    assert '<input type="hidden" name="products" value="pupil-progress">' in body
    assert "each change to Pupil Progress" in body
    assert 'href="/subprocessors/alerts/subscribe/?product=pupil-progress"' in body
    body = client.get("/").content.decode()
    assert 'name="products" value="juniper-mis"' in body and 'type="checkbox"' in body
    body = client.get("/subprocessors/changes/?product=juniper-mis").content.decode()
    assert '<input type="hidden" name="products" value="juniper-mis">' in body
    body = client.get("/subprocessors/changes/").content.decode()
    assert '<input type="hidden" name="all_products" value="on">' in body


def test_double_opt_in_over_smtp_with_consent_record(client, demo, smtp_server):
    response = subscribe(client)
    assert response.status_code == 200
    assert b"Check your email" in response.content
    assert "no-store" in response["Cache-Control"]
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "dpo@school.example"  # stored lower-cased
    assert subscriber.consent_source == "/products/pupil-progress/"
    assert subscriber.consent_wording == CONSENT_WORDING
    assert subscriber.consent_given_at is not None and subscriber.confirmed_at is None
    [message] = smtp_server.messages()
    assert message["To"] == "dpo@school.example"
    assert "Confirm" in message["Subject"]
    assert message.get_body(("html",)) is not None
    confirm = link_in(message, "/subprocessors/alerts/confirm/")

    # Nothing else is sent before confirming: a notice for their product goes nowhere.
    make_notice("Acme before confirming", products=("pupil-progress",))
    assert len(smtp_server.messages()) == 1
    assert not Delivery.objects.exists()

    # Opening the link (or a mail scanner prefetching it) confirms nothing.
    page = client.get(confirm)
    assert page.status_code == 200 and b"Confirm my subscription" in page.content
    assert "no-store" in page["Cache-Control"] and page["Referrer-Policy"] == "same-origin"
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None
    done = client.post(confirm)
    assert done.status_code == 200 and b"You are subscribed" in done.content
    subscriber.refresh_from_db()
    assert subscriber.is_active and subscriber.confirmed_at >= subscriber.consent_given_at
    # Replayed: a clear page, nothing changes.
    again = client.post(confirm)
    assert again.status_code == 200 and b"already subscribed" in again.content

    make_notice("Acme after confirming", products=("pupil-progress",))
    assert [m["Subject"] for m in smtp_server.messages()][1:] == [
        "Sub-processor change: Acme after confirming"
    ]


def test_expired_forged_and_used_confirmation_links(client, demo, monkeypatch):
    subscribe(client)
    subscriber = Subscriber.objects.get()
    real_time = time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() - 8 * 24 * 3600)
    old_key = confirmation_key(subscriber)
    monkeypatch.setattr(signing.time, "time", real_time)
    expired = client.get(f"/subprocessors/alerts/confirm/{old_key}/")
    assert expired.status_code == 400 and b"expired" in expired.content
    assert client.post(f"/subprocessors/alerts/confirm/{old_key}/").status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None

    key = confirmation_key(subscriber)
    for forged in [key[:-2] + "xx", "nonsense", "a:b:c", "x" * 5000]:
        response = client.get(f"/subprocessors/alerts/confirm/{forged}/")
        assert response.status_code == 404, forged
        assert b"This link is not valid" in response.content

    client.post(f"/subprocessors/alerts/confirm/{key}/")
    client.post(f"/subprocessors/alerts/unsubscribe/{subscriber.token}/")
    used = client.post(f"/subprocessors/alerts/confirm/{key}/")
    assert used.status_code == 400 and b"already been used" in used.content
    subscriber.refresh_from_db()
    assert not subscriber.is_active


def test_subscribing_again_gives_the_same_answer_and_changes_nothing_confirmed(
    client, demo, smtp_server
):
    first = subscribe(client)  # new
    smtp_server.clear()
    Subscriber.objects.update(confirmation_sent_at=None)
    second = subscribe(client)  # waiting for confirmation: confirmation sent again
    assert [m["Subject"] for m in smtp_server.messages()] == [
        "Confirm your sub-processor change alerts"
    ]
    subscriber = Subscriber.objects.get()
    client.post(f"/subprocessors/alerts/confirm/{confirmation_key(subscriber)}/")
    smtp_server.clear()
    third = subscribe(client, products=("juniper-mis",), school_name="Attacker")  # confirmed
    assert first.content == second.content == third.content
    assert first.status_code == second.status_code == third.status_code == 200
    subscriber.refresh_from_db()
    assert [p.slug for p in subscriber.products.all()] == ["pupil-progress"]
    assert subscriber.school_name == ""
    [message] = smtp_server.messages()
    assert "already subscribed" in message["Subject"]
    assert (
        f"/subprocessors/alerts/manage/{subscriber.token}/"
        in message.get_body(("plain",)).get_content()
    )
    # A quick repeat does not mail-bomb the owner.
    assert subscribe(client).content == first.content
    assert len(smtp_server.messages()) == 1


def test_honeypot_stores_and_sends_nothing_but_looks_the_same(client, demo, smtp_server):
    response = subscribe(client, website="http://spam.example")
    assert response.status_code == 200 and b"Check your email" in response.content
    assert not Subscriber.objects.exists()
    assert smtp_server.messages() == []


def test_per_client_rate_limit_has_a_clear_page(client, demo, settings):
    settings.ALERT_SUBSCRIBE_RATE = "2/m"
    assert subscribe(client, email="a@school.example").status_code == 200
    assert subscribe(client, email="b@school.example").status_code == 200
    limited = subscribe(client, email="c@school.example")
    assert limited.status_code == 429
    assert b"Too many requests" in limited.content and limited["Retry-After"]
    assert not Subscriber.objects.filter(email="c@school.example").exists()
    other_client = Client(REMOTE_ADDR="10.1.2.3")
    assert subscribe(other_client, email="d@school.example").status_code == 200


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "not-an-email", "products": ["pupil-progress"]}, "Enter an email address"),
        ({"email": "a" * 10_000 + "@x.org", "products": ["pupil-progress"]}, "at most 254"),
        ({"email": "a@school.example", "products": ["no-such-product"]}, "no product called"),
        ({"email": "a@school.example"}, "Choose at least one product"),
        ({"products": ["pupil-progress"]}, "Enter your email address"),
        ({}, "Enter your email address"),
        ({"email": "a@school.example", "all_products": "on", "role": "r" * 500}, "at most 100"),
        ({"email": "a\x00@school.example", "all_products": "on"}, "Null characters"),
    ],
)
def test_bad_input_gets_a_clear_message(client, demo, data, message):
    response = client.post(SUBSCRIBE, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_wrong_method_is_a_clear_405(client, demo, method):
    subscriber = make_subscriber("x@school.example")
    for url in [
        SUBSCRIBE,
        f"/subprocessors/alerts/manage/{subscriber.token}/",
        f"/subprocessors/alerts/unsubscribe/{subscriber.token}/",
        f"/subprocessors/alerts/confirm/{confirmation_key(subscriber)}/",
    ]:
        response = getattr(client, method)(url)
        assert response.status_code == 405
        assert b"accepts GET and POST requests only" in response.content
        assert "POST" in response["Allow"]


def test_subscribing_again_after_unsubscribing_needs_a_new_confirmation(client, demo):
    subscriber = make_subscriber("back@school.example", unsubscribed_at="2021-01-01T00:00:00Z")
    subscribe(client, email="back@school.example", products=("juniper-mis",))
    subscriber.refresh_from_db()
    assert not subscriber.is_active and subscriber.confirmed_at is None
    assert [p.slug for p in subscriber.products.all()] == ["juniper-mis"]
    client.post(f"/subprocessors/alerts/confirm/{confirmation_key(subscriber)}/")
    subscriber.refresh_from_db()
    assert subscriber.is_active


def test_one_click_unsubscribe_post_and_a_get_that_changes_nothing(demo):
    subscriber = make_subscriber("leave@school.example")
    url = f"/subprocessors/alerts/unsubscribe/{subscriber.token}/"
    # A mail client: no cookie, no CSRF token (RFC 8058).
    mail_client = Client(enforce_csrf_checks=True)
    page = mail_client.get(url)
    assert page.status_code == 200 and b"Unsubscribe" in page.content
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    subscriber.refresh_from_db()
    assert subscriber.is_active  # a GET (a scanner) does not unsubscribe
    response = mail_client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200 and b"You are unsubscribed" in response.content
    subscriber.refresh_from_db()
    assert not subscriber.is_active
    when = subscriber.unsubscribed_at
    replay = mail_client.post(url, {"List-Unsubscribe": "One-Click"})
    assert replay.status_code == 200 and b"You are unsubscribed" in replay.content
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at == when
    for forged in ["nope", subscriber.token[:-1], "y" * 300]:
        response = mail_client.post(f"/subprocessors/alerts/unsubscribe/{forged}/")
        assert response.status_code == 404 and b"This link is not valid" in response.content
        assert "no-store" in response["Cache-Control"]


def test_manage_changes_products_and_refuses_bad_input(client, demo):
    subscriber = make_subscriber("manage@school.example", products=("pupil-progress",))
    url = f"/subprocessors/alerts/manage/{subscriber.token}/"
    page = client.get(url)
    assert page.status_code == 200 and b"manage@school.example" in page.content
    assert "no-store" in page["Cache-Control"]
    saved = client.post(url, {"products": ["juniper-mis", "communications-hub"], "role": "DPO"})
    assert saved.status_code == 200 and b"Your alerts are saved" in saved.content
    subscriber.refresh_from_db()
    assert sorted(p.slug for p in subscriber.products.all()) == [
        "communications-hub",
        "juniper-mis",
    ]
    assert subscriber.role == "DPO"
    bad = client.post(url, {"products": ["nope"]})
    assert bad.status_code == 400 and "no product called" in bad.content.decode()
    none = client.post(url, {})
    assert none.status_code == 400 and b"Choose at least one product" in none.content
    subscriber.refresh_from_db()
    assert subscriber.products.count() == 2  # nothing stored is lost
    everything = client.post(url, {"all_products": "on"})
    assert everything.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.all_products and subscriber.products.count() == 0
    assert client.get("/subprocessors/alerts/manage/forged/").status_code == 404
    subscriber.unsubscribed_at = subscriber.confirmed_at
    subscriber.save()
    assert b"is unsubscribed" in client.get(url).content
