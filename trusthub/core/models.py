"""Organisation-wide settings: edited once in Settings → Organisation settings, used on every page,
feed and email. The bottom layer: this app imports no other app of the project."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

# The ICO's registration numbers: two letters and six digits (e.g. ZA123456, ZB123456), or, for
# older registrations, Z and seven digits (e.g. Z1234567).
ICO_REGISTRATION_NUMBER = re.compile(r"[A-Z]{2}[0-9]{6}|Z[0-9]{7}")
ICO_REGISTRATION_NUMBER_MESSAGE = (
    "Enter the registration number exactly as the ICO register of fee payers shows it: two "
    "letters and six digits, such as ZA123456 (older registrations: Z and seven digits, such as "
    "Z1234567)."
)


SECURITY_TXT_WARN_DAYS = 30  # the dashboard warns this long before security.txt expires


def a_year_from_today():
    return datetime.date.today() + datetime.timedelta(days=365)


@register_setting(icon="site")
class OrganisationSettings(BaseGenericSetting):
    """Organisation-wide facts, edited once and used on every page, feed and email."""

    organisation_name = models.CharField(
        max_length=200,
        default="Juniper Education",
        help_text="The name schools know us by, shown in the header, footer and page titles.",
    )
    legal_name = models.CharField(
        max_length=255,
        blank=True,
        help_text="Registered company name, e.g. 'Juniper Education Services Ltd'.",
    )
    website = models.URLField(blank=True, help_text="Our main website, linked from the footer.")
    dpo_name = models.CharField(
        "DPO name or title",
        max_length=200,
        default="Data Protection Officer",
        help_text="Who schools write to about data protection, e.g. 'Group Data Protection Officer'.",
    )
    dpo_email = models.EmailField(
        "DPO email",
        default="dpo@example.org",
        help_text="Where schools send questions, rights requests and objections.",
    )
    dpo_postal_address = models.TextField(
        "DPO postal address",
        blank=True,
        help_text="One line per row. Shown wherever we tell schools how to contact the DPO.",
    )
    ico_registration_number = models.CharField(
        "ICO registration number",
        max_length=20,
        blank=True,
        help_text="Our entry in the ICO register of fee payers, e.g. 'ZA123456'.",
    )
    security_contact_email = models.EmailField(
        blank=True,
        help_text="Where to report a security vulnerability (published in /.well-known/security.txt). "
        "Falls back to the DPO email when empty.",
    )
    security_txt_expires = models.DateField(
        "security.txt expires on",
        default=a_year_from_today,
        help_text="The Expires date of /.well-known/security.txt (RFC 9116): after it, "
        "researchers may treat our security contact as out of date. Check the contact and move "
        "this on, at most a year ahead; the dashboard warns 30 days before it passes.",
    )
    notice_period_days = models.PositiveSmallIntegerField(
        "notice period (days)",
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="How many days' notice schools get before a sub-processor change takes effect.",
    )
    internal_note = models.TextField(
        "Internal note (never shown publicly)",
        blank=True,
        help_text="For editors and the DPO only, e.g. which details are illustrative and must be "
        "replaced before going live. Never shown on the public site.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("legal_name"), FieldPanel("website")],
            heading="Organisation",
        ),
        MultiFieldPanel(
            [
                FieldPanel("dpo_name"),
                FieldPanel("dpo_email"),
                FieldPanel("dpo_postal_address"),
                FieldPanel("ico_registration_number"),
            ],
            heading="Data Protection Officer",
        ),
        MultiFieldPanel(
            [
                FieldPanel("security_contact_email"),
                FieldPanel("security_txt_expires"),
                FieldPanel("notice_period_days"),
            ],
            heading="Security and notice",
        ),
        MultiFieldPanel([FieldPanel("internal_note")], heading="For editors only"),
    ]

    class Meta:
        verbose_name = "organisation settings"
        # Created by the home app; moved here without moving the table (core 0001, home 0003).
        db_table = "home_organisationsettings"

    def __str__(self):
        return self.organisation_name

    def clean(self):
        super().clean()
        # Accept what people paste ("za 123 456"), store it as the register shows it ("ZA123456").
        number = re.sub(r"[\s-]", "", self.ico_registration_number or "").upper()
        if number and not ICO_REGISTRATION_NUMBER.fullmatch(number):
            raise ValidationError({"ico_registration_number": ICO_REGISTRATION_NUMBER_MESSAGE})
        self.ico_registration_number = number

    @property
    def postal_address_lines(self):
        return [line.strip() for line in self.dpo_postal_address.splitlines() if line.strip()]

    @property
    def security_email(self):
        return self.security_contact_email or self.dpo_email

    def security_txt_days_left(self, today=None):
        """Days until security.txt expires (negative once it has)."""
        return (self.security_txt_expires - (today or datetime.date.today())).days


def notice_period_days():
    """How many days' notice schools get before a sub-processor change takes effect."""
    return OrganisationSettings.load().notice_period_days
