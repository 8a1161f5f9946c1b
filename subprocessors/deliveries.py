"""Email alerts, sent by the background worker (`manage.py db_worker`), never in a request.

Exactly once, per subscriber and notice:

1. A change notice going live for the first time (published now, or by `publish_scheduled` at
   its go-live time) enqueues `fan_out`. A re-publication (a correction) enqueues nothing.
2. `fan_out` creates one `Delivery` row per subscriber it affects (the unique pair is the
   claim that this subscriber gets this notice) and, in the same transaction, one `send_delivery`
   task per new row: with the database task backend both commit together or not at all.
3. `send_delivery` claims its row with one conditional UPDATE (pending/retrying → sending). Only
   one worker can win it, so two workers, a duplicate task or a restarted worker never send a
   row twice. Then: sent (+ sent_at); a temporary SMTP failure (4xx, connection refused or
   dropped) → retrying, with backoff and a new task (`run_after`); a permanent one (5xx) or
   too many attempts → failed with the error, for the DPO to see. Never dropped silently.

A worker killed mid-run leaves its other tasks queued: restarted, it sends the rest. The row it
was sending stays "sending": the message may or may not have reached the server, so it is never
sent again automatically (at most once). `resume()` (`manage.py resume_alerts`, run every minute
by the scheduler) marks such rows failed after STALE_AFTER with an explanation the DPO sees in
the deliveries admin, re-runs fan-outs a killed worker rolled back, and re-queues rows whose
task died before claiming them (claiming makes a spare task harmless).
"""

import datetime
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from trusthub.core.locales import is_original, live_page_translations, overlay
from trusthub.core.models import OrganisationSettings

from .alert_links import absolute, confirm_url, manage_url, unsubscribe_headers, unsubscribe_url
from .models import ChangeNotice, Delivery, Subscriber

Status = Delivery.Status

# Seconds to wait before each retry of a temporary failure; then the delivery fails for good.
# ALERT_RETRY_DELAYS in settings overrides it (the reliability tests use short delays).
RETRY_DELAYS = (60, 300, 1800, 7200, 21600)
# A row "sending" for longer than this was left by a worker that died mid-send.
STALE_AFTER = datetime.timedelta(minutes=15)
# How far back resume() looks for notices whose fan-out a killed worker rolled back.
RESUME_WINDOW = datetime.timedelta(days=7)

UNKNOWN_OUTCOME = (
    "The worker stopped while sending this email, so it may or may not have been delivered. "
    "It is not re-sent automatically (each notice is sent at most once); check with the school "
    "if in doubt."
)


def retry_delays():
    return tuple(getattr(settings, "ALERT_RETRY_DELAYS", RETRY_DELAYS))


def one_line(text):
    return " ".join(str(text).split())


# --- Who gets a notice -------------------------------------------------------------------


def audience(notice):
    """Confirmed, still-subscribed subscribers the notice affects: all products on either side,
    or a product in common. Only those confirmed when the notice went live: a school that
    subscribes later reads it in the change log, and a later run never reaches new people."""
    subscribers = Subscriber.objects.filter(
        confirmed_at__isnull=False,
        confirmed_at__lte=notice.first_published_at,
        unsubscribed_at__isnull=True,
    )
    if not notice.all_products:
        product_ids = list(notice.products.values_list("pk", flat=True))
        subscribers = subscribers.filter(
            Q(all_products=True) | Q(products__in=product_ids)
        ).distinct()
    return subscribers


def on_notice_published(sender, instance, **kwargs):
    """`published` receiver (sender=ChangeNotice): the first time a notice goes live, queue its
    alerts. Wagtail sets first_published_at to the same instant as last_published_at only then;
    a correction, or a re-publication after unpublishing, sends nothing; nor does a
    translation's publication (its original's sent the alerts)."""
    if (
        is_original(instance)
        and instance.live
        and instance.first_published_at is not None
        and instance.first_published_at == instance.last_published_at
    ):
        fan_out.enqueue(instance.pk)


@task()
def fan_out(notice_id):
    """Create the missing delivery rows of a live notice and queue one send task each."""
    with transaction.atomic():
        # Locking the notice serialises two fan-outs of it (a queued one and resume()).
        notice = ChangeNotice.objects.select_for_update().filter(pk=notice_id, live=True).first()
        if notice is None or notice.first_published_at is None:
            return 0
        new_ids = list(
            audience(notice).exclude(deliveries__notice=notice).values_list("pk", flat=True)
        )
        Delivery.objects.bulk_create(
            [Delivery(subscriber_id=pk, notice=notice) for pk in new_ids],
            ignore_conflicts=True,
            batch_size=1000,
        )
        created = Delivery.objects.filter(
            notice=notice, subscriber_id__in=new_ids, status=Status.PENDING, attempts=0
        ).values_list("pk", flat=True)
        for pk in created:
            send_delivery.enqueue(pk)
    return len(new_ids)


# --- Sending one alert ---------------------------------------------------------------------


def notice_email(delivery):
    """The alert for one delivery, in its subscriber's language (`send_delivery`): the notice's
    words and products' names from their live translations, the links to that language's
    pages."""
    notice, subscriber = delivery.notice, delivery.subscriber
    org = OrganisationSettings.load()
    products = [] if notice.all_products else list(notice.products.all())
    overlay(ChangeNotice, [notice])
    titles = live_page_translations({p.pk for p in products})
    notice_url = absolute(notice.get_absolute_url())
    context = {
        "org": org,
        "notice": notice,
        "products": [titles[p.pk].title if p.pk in titles else p.title for p in products],
        "notice_url": notice_url,
        "object_url": notice_url + "#object-h",
        "manage_url": manage_url(subscriber),
        "unsubscribe_url": unsubscribe_url(subscriber),
        "subscriber": subscriber,
    }
    message = EmailMultiAlternatives(
        subject=one_line(_("Sub-processor change: %(title)s") % {"title": notice.title})[:200],
        body=render_to_string("subprocessors/email/alert_notice.txt", context),
        to=[subscriber.email],
        headers=unsubscribe_headers(subscriber),
    )
    message.attach_alternative(
        render_to_string("subprocessors/email/alert_notice.html", context), "text/html"
    )
    return message


def is_temporary(error):
    """Whether an SMTP failure may succeed later: 4xx replies, refused or dropped
    connections, timeouts. 5xx replies to the recipient or the message are permanent."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code < 500 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPDataError):
        return error.smtp_code < 500
    if isinstance(error, smtplib.SMTPResponseException):
        # Greeting, login or sender refused: our own server's trouble, not the recipient's.
        return True
    return isinstance(error, smtplib.SMTPException | OSError)


def describe(error):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{code} {reply.decode(errors='replace') if isinstance(reply, bytes) else reply}"
            for code, reply in error.recipients.values()
        )
    if isinstance(error, smtplib.SMTPResponseException):
        reply = error.smtp_error
        if isinstance(reply, bytes):
            reply = reply.decode(errors="replace")
        return f"{error.smtp_code} {reply}"
    return f"{type(error).__name__}: {error}"


def claim(delivery_id, now):
    """Atomically take a row that is waiting (and due): True for exactly one caller."""
    return (
        Delivery.objects.filter(pk=delivery_id, status__in=[Status.PENDING, Status.RETRYING])
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        # While sending, next_attempt_at holds when this attempt started (see resume()).
        .update(status=Status.SENDING, attempts=F("attempts") + 1, next_attempt_at=now)
        == 1
    )


def _finish(delivery_id, **fields):
    Delivery.objects.filter(pk=delivery_id, status=Status.SENDING).update(**fields)


@task()
def send_delivery(delivery_id):
    now = timezone.now()
    if not claim(delivery_id, now):
        return "not claimed"  # sent, being sent, failed, or not due yet: nothing to do
    delivery = Delivery.objects.select_related("subscriber", "notice").get(pk=delivery_id)
    if not delivery.subscriber.is_active:
        _finish(delivery_id, status=Status.FAILED, last_error="Not sent: unsubscribed first.")
        return "unsubscribed"
    if not delivery.notice.live:
        _finish(delivery_id, status=Status.FAILED, last_error="Not sent: notice unpublished.")
        return "withdrawn"
    try:
        with translation.override(delivery.subscriber.language):
            notice_email(delivery).send()
    except Exception as error:  # recorded on the row, never dropped silently
        return _failed(delivery, error)
    _finish(delivery_id, status=Status.SENT, sent_at=timezone.now(), last_error="")
    return "sent"


def _failed(delivery, error):
    delays = retry_delays()
    attempts = delivery.attempts
    reason = describe(error)[:2000]
    if not is_temporary(error):
        _finish(delivery.pk, status=Status.FAILED, last_error=f"Permanent failure: {reason}")
        return "failed"
    if attempts > len(delays):
        _finish(
            delivery.pk,
            status=Status.FAILED,
            last_error=f"Gave up after {attempts} attempts. Last error: {reason}",
        )
        return "failed"
    retry_at = timezone.now() + datetime.timedelta(seconds=delays[attempts - 1])
    _finish(
        delivery.pk,
        status=Status.RETRYING,
        next_attempt_at=retry_at,
        last_error=f"Attempt {attempts}: {reason}",
    )
    schedule_retry(delivery.pk, retry_at)
    return "retrying"


def schedule_retry(delivery_id, when):
    """Queue the next attempt for `when`. A backend that cannot defer (the tests' immediate
    backend) leaves it to resume(), which re-queues due rows."""
    if send_delivery.get_backend().supports_defer:
        send_delivery.using(run_after=when).enqueue(delivery_id)


# --- Recovering from a killed worker ---------------------------------------------------------


def _queued_delivery_ids(now):
    """Rows that already have a task waiting, or one a live worker is running."""
    if not isinstance(send_delivery.get_backend(), DatabaseBackend):
        return set()
    tasks = DBTaskResult.objects.filter(task_path=send_delivery.module_path).filter(
        Q(status=TaskResultStatus.READY)
        | Q(status=TaskResultStatus.RUNNING, started_at__gte=now - STALE_AFTER)
    )
    return {row["args"][0] for row in tasks.values_list("args_kwargs", flat=True)}


def resume(now=None):
    """Put right what a killed worker left behind. Safe to run at any time, any number of
    times: claiming makes a spare task harmless. Returns a summary of what it did."""
    now = now or timezone.now()
    recent = (
        ChangeNotice.objects.originals()
        .filter(live=True, first_published_at__gte=now - RESUME_WINDOW)
        .values_list("pk", flat=True)
    )
    created = sum(fan_out.call(pk) for pk in recent)
    stale = Delivery.objects.filter(
        status=Status.SENDING, next_attempt_at__lt=now - STALE_AFTER
    ).update(status=Status.FAILED, last_error=UNKNOWN_OUTCOME)
    queued = _queued_delivery_ids(now)
    waiting = (
        Delivery.objects.filter(status__in=[Status.PENDING, Status.RETRYING])
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .values_list("pk", flat=True)
    )
    requeued = [pk for pk in waiting if pk not in queued]
    for pk in requeued:
        send_delivery.enqueue(pk)
    return {"created": created, "stale": stale, "requeued": len(requeued)}


# --- Subscription emails ------------------------------------------------------------------------


def _subscription_email(subscriber, template, subject):
    context = {
        "org": OrganisationSettings.load(),
        "subscriber": subscriber,
        "confirm_url": confirm_url(subscriber),
        "manage_url": manage_url(subscriber),
        "changes_url": absolute(reverse("subprocessors:changes")),
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"subprocessors/email/{template}.txt", context),
        to=[subscriber.email],
    )
    message.attach_alternative(
        render_to_string(f"subprocessors/email/{template}.html", context), "text/html"
    )
    return message


@task()
def send_confirmation(subscriber_id):
    """The double opt-in email: the only one sent before the link in it is used."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or subscriber.is_active:
        return "nothing to confirm"
    with translation.override(subscriber.language):
        _subscription_email(
            subscriber, "alert_confirm", _("Confirm your sub-processor change alerts")
        ).send()
    Subscriber.objects.filter(pk=subscriber_id).update(confirmation_sent_at=timezone.now())
    return "sent"


@task()
def send_already_subscribed(subscriber_id):
    """Someone subscribed an address that is already subscribed: tell its owner, with the
    manage link, and change nothing."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or not subscriber.is_active:
        return "not subscribed"
    with translation.override(subscriber.language):
        _subscription_email(
            subscriber,
            "alert_already",
            _("You are already subscribed to sub-processor change alerts"),
        ).send()
    return "sent"
