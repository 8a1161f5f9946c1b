"""Email alerts, the sending side: fan-out to the right subscribers only, exactly one email per
subscriber and notice (claiming, corrections, scheduled publishing), temporary and permanent SMTP
failures, recovery after a killed worker, and what each email says (RFC 8058 headers).

Tasks run at once here (the immediate backend); tests/test_alert_worker.py runs the real worker.
"""

import datetime
import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone

from products.models import ProductPage
from subprocessors.deliveries import UNKNOWN_OUTCOME, resume, send_delivery
from subprocessors.models import ChangeNotice, Delivery, Subscriber
from subprocessors.tests.factories import DAY, TODAY, make_notice

pytestmark = pytest.mark.django_db
Status = Delivery.Status


class RecordingHandler:
    """An SMTP server's handler that keeps what it receives, and answers RCPT for chosen
    recipients with scripted replies first ("451 ..." temporary, "550 ..." permanent)."""

    def __init__(self):
        self.messages = []
        self.replies = {}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        scripted = self.replies.get(address.lower())
        if scripted:
            return scripted.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def to(self, email):
        return [m for m in self.messages if m["To"] == email]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(settings):
    handler = RecordingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    yield handler
    controller.stop()


def subscriber(email, products=(), all_products=False, confirmed=True, unsubscribed=False):
    now = timezone.now()  # after the demo notices went live: they are not for this subscriber
    sub = Subscriber.objects.create(
        email=email,
        all_products=all_products,
        confirmed_at=now if confirmed else None,
        unsubscribed_at=now if unsubscribed else None,
    )
    sub.products.set(ProductPage.objects.filter(locale__language_code="en-gb", slug__in=products))
    return sub


@pytest.fixture
def audience(demo):
    return {
        "all": subscriber("all@school.example", all_products=True),
        "comms": subscriber("comms@school.example", ["communications-hub"]),
        "both": subscriber("both@school.example", ["communications-hub", "juniper-mis"]),
        "pupil": subscriber("pupil@school.example", ["pupil-progress"]),
        "unconfirmed": subscriber("new@school.example", ["communications-hub"], confirmed=False),
        "left": subscriber("left@school.example", ["communications-hub"], unsubscribed=True),
    }


def test_fan_out_reaches_exactly_the_affected_confirmed_subscribers(smtp, audience):
    notice = make_notice("Acme to send letters", products=("communications-hub",))
    assert sorted(m["To"] for m in smtp.messages) == [
        "all@school.example",
        "both@school.example",
        "comms@school.example",
    ]
    assert set(Delivery.objects.filter(notice=notice).values_list("status", flat=True)) == {
        Status.SENT
    }
    assert Delivery.objects.filter(notice=notice).count() == 3
    smtp.messages.clear()
    make_notice("Everything changes", products=(), all_products=True)
    assert sorted(m["To"] for m in smtp.messages) == [
        "all@school.example",
        "both@school.example",
        "comms@school.example",
        "pupil@school.example",
    ]


def test_each_email_says_what_changes_with_rfc_8058_headers(smtp, audience):
    notice = make_notice("Acme to send letters", products=("communications-hub",))
    [message] = smtp.to("comms@school.example")
    token = audience["comms"].token
    assert message["Subject"] == "Sub-processor change: Acme to send letters"
    assert message["List-Unsubscribe"].strip() == (
        f"<http://testserver/subprocessors/alerts/unsubscribe/{token}/>"
    )
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for body in (text, html):
        assert "Acme to send letters. Summary." in body
        assert "Communications Hub" in body
        assert f"{notice.effective_date:%-d %B %Y}" in body
        assert f"{notice.objection_deadline:%-d %B %Y}" in body
        assert f"http://testserver/subprocessors/changes/{notice.pk}/" in body
        assert f"http://testserver/subprocessors/changes/{notice.pk}/#object-h" in body
        assert f"http://testserver/subprocessors/alerts/manage/{token}/" in body
    # The one-click POST the mail client makes works.
    assert message["List-Unsubscribe"].strip().strip("<>").startswith("http://testserver/")


def test_a_corrected_notice_sends_nothing_more(smtp, audience):
    notice = make_notice("Acme to send letters", products=("communications-hub",))
    assert len(smtp.messages) == 3
    subscriber("late@school.example", ["communications-hub"]).__class__.objects.filter(
        email="late@school.example"
    ).update(confirmed_at=timezone.now())
    notice.summary = "Corrected summary."
    notice.save_revision().publish()
    notice.refresh_from_db()
    assert notice.was_corrected
    notice.unpublish()
    notice.save_revision().publish()  # back again after unpublishing
    assert len(smtp.messages) == 3
    assert Delivery.objects.filter(notice=notice).count() == 3


def test_a_scheduled_notice_is_sent_once_when_it_goes_live(smtp, audience):
    notice = make_notice(
        "Scheduled letters",
        publish=False,
        notice_date=TODAY + 2 * DAY,
        effective_date=TODAY + 45 * DAY,
        objection_deadline=TODAY + 40 * DAY,
    )
    notice.go_live_at = timezone.now() + datetime.timedelta(days=2)
    notice.save_revision().publish()  # approved for later: nothing is sent yet
    assert smtp.messages == []
    revision = notice.revisions.get(approved_go_live_at__isnull=False)
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    assert ChangeNotice.objects.get(pk=notice.pk).live
    assert len(smtp.messages) == 3
    call_command("publish_scheduled")
    resume()
    assert len(smtp.messages) == 3


def test_a_row_is_claimed_once_so_a_duplicate_task_sends_nothing(smtp, audience):
    notice = make_notice("Acme", products=("juniper-mis",))
    delivery = Delivery.objects.get(notice=notice, subscriber=audience["both"])
    assert delivery.status == Status.SENT and delivery.attempts == 1 and delivery.sent_at
    assert send_delivery.call(delivery.pk) == "not claimed"
    Delivery.objects.filter(pk=delivery.pk).update(status=Status.SENDING)
    assert send_delivery.call(delivery.pk) == "not claimed"
    assert len(smtp.to("both@school.example")) == 1


def test_temporary_failures_are_retried_with_backoff_then_sent(smtp, audience):
    smtp.replies["comms@school.example"] = ["451 4.3.0 Try again later", "451 4.3.0 Busy"]
    notice = make_notice("Acme", products=("communications-hub",))
    delivery = Delivery.objects.get(notice=notice, subscriber=audience["comms"])
    assert delivery.status == Status.RETRYING and delivery.attempts == 1
    assert "451" in delivery.last_error
    assert delivery.next_attempt_at > timezone.now() + datetime.timedelta(seconds=50)
    assert resume()["requeued"] == 0  # not due yet
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    assert resume()["requeued"] == 1
    delivery.refresh_from_db()
    assert delivery.status == Status.RETRYING and delivery.attempts == 2  # 451 again
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    resume()
    delivery.refresh_from_db()
    assert delivery.status == Status.SENT and delivery.attempts == 3
    assert len(smtp.to("comms@school.example")) == 1


def test_connection_refused_is_temporary(settings, audience):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens
    notice = make_notice("Acme", products=("pupil-progress",))
    delivery = Delivery.objects.get(notice=notice, subscriber=audience["pupil"])
    assert delivery.status == Status.RETRYING
    assert "ConnectionRefusedError" in delivery.last_error


def test_permanent_failures_and_giving_up_are_recorded(smtp, audience, settings):
    settings.ALERT_RETRY_DELAYS = [0, 0]
    smtp.replies["comms@school.example"] = ["550 5.1.1 No such user"]
    smtp.replies["both@school.example"] = ["452 4.2.2 Mailbox full"] * 5
    notice = make_notice("Acme", products=("communications-hub",))
    bounced = Delivery.objects.get(notice=notice, subscriber=audience["comms"])
    assert bounced.status == Status.FAILED
    assert bounced.last_error.startswith("Permanent failure: 550")
    full = Delivery.objects.get(notice=notice, subscriber=audience["both"])
    assert full.status == Status.RETRYING
    resume()
    resume()
    full.refresh_from_db()
    assert full.status == Status.FAILED and full.attempts == 3
    assert full.last_error.startswith("Gave up after 3 attempts") and "452" in full.last_error
    assert [m["To"] for m in smtp.messages] == ["all@school.example"]


def test_resume_recovers_what_a_killed_worker_left(smtp, audience):
    # A fan-out that never finished (its worker was killed: the transaction rolled back).
    notice = make_notice("Acme", products=("communications-hub",))
    Delivery.objects.all().delete()
    smtp.messages.clear()
    # A row a killed worker was sending: may have gone out, so it is never sent again.
    in_flight = Delivery.objects.create(
        notice=notice,
        subscriber=audience["comms"],
        status=Status.SENDING,
        attempts=1,
        next_attempt_at=timezone.now() - datetime.timedelta(minutes=20),
    )
    summary = resume()
    assert summary["created"] == 2 and summary["stale"] == 1
    assert sorted(m["To"] for m in smtp.messages) == ["all@school.example", "both@school.example"]
    in_flight.refresh_from_db()
    assert in_flight.status == Status.FAILED and in_flight.last_error == UNKNOWN_OUTCOME
    # A row whose task died before claiming it is queued again.
    orphan = Delivery.objects.create(notice=notice, subscriber=audience["pupil"])
    assert resume()["requeued"] == 1
    orphan.refresh_from_db()
    assert orphan.status == Status.SENT
    assert resume() == {"created": 0, "stale": 0, "requeued": 0}
    assert len(smtp.messages) == 3


def test_unsubscribed_before_sending_is_not_sent(smtp, audience):
    notice = make_notice("Acme", publish=False, products=("juniper-mis",))
    delivery = Delivery.objects.create(notice=notice, subscriber=audience["both"])
    ChangeNotice.objects.filter(pk=notice.pk).update(live=True)
    Subscriber.objects.filter(pk=audience["both"].pk).update(unsubscribed_at=timezone.now())
    send_delivery.call(delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == Status.FAILED and "unsubscribed" in delivery.last_error
    assert smtp.messages == []


def test_notices_published_before_a_subscriber_confirmed_are_never_sent(smtp, audience):
    make_notice("Acme", products=("communications-hub",))
    Subscriber.objects.update(confirmed_at=timezone.now(), all_products=True)
    smtp.messages.clear()
    assert resume()["created"] == 0
    assert smtp.messages == []
