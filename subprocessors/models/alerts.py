"""Operational records of the change-notice promise: schools subscribed to email alerts, each
alert's delivery (exactly one per subscriber and notice), and schools' objections.

These are not content: no drafts or revisions. The DPO sees them in the admin; editors don't.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from .notices import ChangeNotice


def new_token():
    return secrets.token_urlsafe(32)


class Subscriber(models.Model):
    """One email address subscribed to change notices (double opt-in), with its consent record."""

    email = models.EmailField(max_length=254, unique=True, help_text="Stored in lower case.")
    all_products = models.BooleanField(
        "all products", default=False, help_text="Alerts for every product, including new ones."
    )
    products = models.ManyToManyField(
        "products.ProductPage", blank=True, related_name="+", help_text="Alerts for these only."
    )
    school_name = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=100, blank=True)
    token = models.CharField(
        max_length=64,
        unique=True,
        default=new_token,
        editable=False,
        help_text="Secret in the subscriber's confirm, manage and unsubscribe links.",
    )
    # Consent record: when, where, the words agreed to, and when confirmed.
    consent_given_at = models.DateTimeField(default=timezone.now)
    consent_source = models.CharField("subscribed from", max_length=300, blank=True)
    consent_wording = models.TextField("wording agreed to", blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text="Alerts are written in this language: the one the school subscribed or last "
        "managed its alerts in.",
    )

    class Meta:
        ordering = ["email"]
        verbose_name = "subscriber"

    def __str__(self):
        return self.email

    @property
    def is_active(self):
        return self.confirmed_at is not None and self.unsubscribed_at is None


class Delivery(models.Model):
    """One alert email: one subscriber, one notice. The unique pair is claimed before sending,
    so a notice reaches each subscriber exactly once."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to send"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        RETRYING = "retrying", "Temporary failure: will retry"
        FAILED = "failed", "Failed permanently"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    notice = models.ForeignKey(ChangeNotice, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "notice"], name="one_delivery_per_subscriber_and_notice"
            )
        ]

    def __str__(self):
        return f"{self.notice} → {self.subscriber}"


class Objection(models.Model):
    """A school's objection to an announced change (UK GDPR Art. 28(2))."""

    reference = models.CharField(max_length=20, unique=True, editable=False)
    notice = models.ForeignKey(ChangeNotice, on_delete=models.PROTECT, related_name="objections")
    school_name = models.CharField(max_length=200)
    contact_email = models.EmailField(max_length=254)
    products = models.ManyToManyField("products.ProductPage", blank=True, related_name="+")
    reason = models.TextField(max_length=5000)
    received_at = models.DateTimeField(default=timezone.now)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    dpo_notified_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text="The language the school objected in: its acknowledgement is written in it.",
    )

    class Meta:
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.reference}: {self.school_name}"

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = f"OBJ-{timezone.localdate():%Y}-{secrets.token_hex(3).upper()}"
        super().save(*args, **kwargs)
