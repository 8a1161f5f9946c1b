"""Change notices: advance notice to schools of an intended sub-processor change (UK GDPR
Art. 28(2)), with drafts, revisions, the DPO approval workflow and scheduled publishing."""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from trusthub.core.locales import (
    TranslatedQuerySet,
    is_original,
    language_of,
    live_page_translations,
)
from trusthub.core.models import notice_period_days

from .entries import Subprocessor, today


class ChangeKind(models.TextChoices):
    ADDITION = "addition", gettext_noop("New sub-processor")
    REMOVAL = "removal", gettext_noop("Sub-processor removed")
    REPLACEMENT = "replacement", gettext_noop("Sub-processor replaced")
    LOCATION = "location", gettext_noop("Change of location")
    PURPOSE = "purpose", gettext_noop("Change of purpose")
    SAFEGUARD = "safeguard", gettext_noop("Change of transfer safeguard")


class ChangeNotice(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    """Advance notice to schools of an intended sub-processor change (UK GDPR Art. 28(2))."""

    uuid = models.UUIDField(
        "stable id",
        default=uuid.uuid4,
        editable=False,
        unique=True,
        help_text="Permanent feed id: never changes, even when the notice is corrected.",
    )
    kind = models.CharField(max_length=20, choices=ChangeKind.choices)
    title = models.CharField(
        max_length=200,
        help_text="A plain headline, e.g. 'Twilio to send SMS for Communications Hub'.",
    )
    subprocessors = ParentalManyToManyField(
        Subprocessor,
        related_name="change_notices",
        blank=True,
        help_text="The register entries this change concerns.",
    )
    all_products = models.BooleanField(
        "affects all products",
        default=False,
        help_text="Tick when every product is affected; otherwise choose the products below.",
    )
    products = ParentalManyToManyField(
        "products.ProductPage",
        related_name="change_notices",
        blank=True,
        help_text="The products affected.",
    )
    summary = models.TextField(help_text="One or two plain sentences: what changes and why.")
    details = RichTextField(
        features=["bold", "italic", "link", "ul", "ol"],
        blank=True,
        help_text="Anything else a school needs: what data, where, which safeguard.",
    )
    notice_date = models.DateField(
        default=today,
        editable=False,
        help_text="The day schools were told: set when the notice is first published.",
    )
    effective_date = models.DateField(
        help_text="When the change takes effect: at least the notice period (Settings → "
        "Organisation settings) after the day the notice is published. If approval comes "
        "later than planned, this date and the objection deadline move later by the same "
        "number of days, so schools always get the full notice period."
    )
    objection_deadline = models.DateField(
        help_text="The last day a school can object: on or after the publishing day and "
        "before the effective date."
    )
    urgent_reason = models.TextField(
        "why this change could not wait",
        blank=True,
        editable=False,
        help_text="Set only when the DPO approved an urgent change without prior notice; shown "
        "on the public notice.",
    )
    urgent_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    urgent_approved_at = models.DateTimeField(null=True, blank=True, editable=False)
    internal_note = models.TextField(
        "internal note (never shown publicly)",
        blank=True,
        help_text="For editors and the DPO only, e.g. that a demo notice's dates are illustrative.",
    )
    corrected_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When a published notice's public text or dates were last corrected.",
    )

    search_fields = [
        index.SearchField("title"),
        index.SearchField("summary"),
        index.SearchField("details"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.FilterField("live"),
        index.FilterField("locale"),
    ]

    # Translations (see Subprocessor.translatable_fields): the words are translated, the facts
    # (what changes, for which products, and when) are copied from the English original.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("details"),
        TranslatableField("urgent_reason"),
        SynchronizedField("kind"),
        SynchronizedField("subprocessors"),
        SynchronizedField("all_products"),
        SynchronizedField("products"),
        SynchronizedField("notice_date"),
        SynchronizedField("effective_date"),
        SynchronizedField("objection_deadline"),
    ]
    exclude_fields_in_copy = ["uuid", "internal_note", "corrected_at"]
    overlay_fields = ("title", "summary", "details", "urgent_reason")
    untranslated = False  # True on another language's page while no translation is live

    objects = TranslatedQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        ordering = ["-notice_date", "-pk"]
        verbose_name = "change notice"

    def __str__(self):
        return self.title

    @staticmethod
    def overlay_translations(originals, translations):
        """On another language's pages, the products a notice names are their live
        translations (title and link), where there is one."""
        notices = [
            n for n in originals if "products" in getattr(n, "_prefetched_objects_cache", {})
        ]
        ids = {p.pk for n in notices for p in n.products.all()}
        pages = live_page_translations(ids)
        for notice in notices:
            shown = notice._prefetched_objects_cache["products"]
            shown._result_cache = [pages.get(p.pk, p) for p in shown]

    def expected_notice_date(self):
        """The day schools are told: when it was first published, else its scheduled go-live
        day, else today (if it were published now)."""
        if self.first_published_at:
            return timezone.localdate(self.first_published_at)
        if self.go_live_at:
            return max(timezone.localdate(self.go_live_at), today())
        return today()

    @property
    def is_urgent(self):
        """Approved by the DPO as an urgent change announced without the full notice."""
        return self.urgent_approved_at is not None

    def clean(self):
        super().clean()
        if not is_original(self):
            return  # a translation's dates are its original's, checked there
        errors = {}
        notice_day = self.expected_notice_date()
        period = notice_period_days()
        if self.is_urgent:
            # Announced as soon as possible after an urgent change: schools may still object
            # until the deadline, which cannot be before they were told.
            if self.objection_deadline and self.objection_deadline < notice_day:
                errors["objection_deadline"] = (
                    f"The objection deadline cannot be before the notice date "
                    f"({notice_day:%-d %B %Y})."
                )
        elif self.effective_date:
            earliest = notice_day + datetime.timedelta(days=period)
            if self.effective_date < earliest:
                when = (
                    "published"
                    if self.first_published_at
                    else "scheduled to go live"
                    if self.go_live_at
                    else "published today"
                )
                errors["effective_date"] = (
                    f"Schools must have at least {period} days' notice. This notice is {when} "
                    f"({notice_day:%-d %B %Y}), so the change can take effect on "
                    f"{earliest:%-d %B %Y} at the earliest."
                )
        if self.objection_deadline and self.effective_date and not self.is_urgent:
            if self.objection_deadline >= self.effective_date:
                errors["objection_deadline"] = (
                    "The objection deadline must be before the effective date."
                )
            elif self.objection_deadline < notice_day:
                errors["objection_deadline"] = (
                    f"The objection deadline cannot be before the notice date "
                    f"({notice_day:%-d %B %Y})."
                )
        if errors:
            raise ValidationError(errors)

    def publish(self, revision, *args, **kwargs):
        """Publishing decides the notice's dates: the revision published carries them.

        A scheduled approval only schedules (the dates are settled when it goes live). A
        translation only carries words: its original's dates are the public ones."""
        if not is_original(self):
            return super().publish(revision, *args, **kwargs)
        candidate = revision.as_object()
        now = timezone.now()
        corrected = False
        if not (candidate.go_live_at and candidate.go_live_at > now):
            before = ChangeNotice.objects.filter(pk=self.pk, live=True).first()
            candidate.settle_dates(now)
            corrected = before is not None and candidate.differs_publicly_from(before)
            revision.content = candidate.serializable_data()
            revision.save(update_fields=["content"])
        result = super().publish(revision, *args, **kwargs)
        if corrected:
            # Its correction time is its publication time, which Wagtail has just set.
            ChangeNotice.objects.filter(pk=self.pk).update(corrected_at=F("last_published_at"))
        return result

    def settle_dates(self, now):
        """The notice date is the day schools are told: the day it is first published. First
        published later than planned (a late approval), the effective date and objection
        deadline move by the delay, so schools keep the full notice period and objection
        window. A re-publication (a correction) keeps its dates: clean() checked them."""
        first_time = self.first_published_at is None
        published_on = timezone.localdate(self.first_published_at or now)
        self.notice_date = published_on
        if not first_time or self.is_urgent:
            return
        earliest = published_on + datetime.timedelta(days=notice_period_days())
        if self.effective_date < earliest:
            delay = earliest - self.effective_date
            self.effective_date = earliest
            self.objection_deadline = max(self.objection_deadline + delay, published_on)

    PUBLIC_FIELDS = ("kind", "title", "summary", "details", "effective_date", "objection_deadline")

    def differs_publicly_from(self, before):
        """Whether schools would read something different from `before` (the live notice): a
        re-publication that does is a correction; re-approving unchanged text is not."""
        if any(getattr(before, f) != getattr(self, f) for f in self.PUBLIC_FIELDS):
            return True
        if before.all_products != self.all_products:
            return True
        for relation in ("products", "subprocessors"):
            old = set(getattr(before, relation).values_list("pk", flat=True))
            if old != {obj.pk for obj in getattr(self, relation).all()}:
                return True
        return False

    # --- public presentation ----------------------------------------------------------

    @property
    def headline(self):
        """ "<kind>: <title>", as feeds show it, never repeating a kind the title already
        starts with (titles drafted before this rule did). In the active language."""
        label = gettext(self.get_kind_display())
        if self.title.lower().startswith(f"{label.lower()}:"):
            return self.title
        return f"{label}: {self.title}"

    def status_on(self, day):
        return "in_effect" if self.effective_date <= day else "upcoming"

    @property
    def status(self):
        return self.status_on(today())

    @property
    def published_at(self):
        """When schools were told; never missing, so feeds always carry a real date."""
        if self.first_published_at:
            return self.first_published_at
        return timezone.make_aware(datetime.datetime.combine(self.notice_date, datetime.time()))

    @property
    def updated_at(self):
        """When the public text last changed: its last correction, else its publication."""
        return self.corrected_at or self.published_at

    @property
    def was_corrected(self):
        return self.corrected_at is not None

    def get_absolute_url(self):
        """The notice's page in the active language. A translation's is its original's page
        in the translation's language (notice pages are addressed by the original's id)."""
        if is_original(self):
            return reverse("subprocessors:notice", args=[self.pk])
        original = (
            ChangeNotice.objects.originals()
            .filter(translation_key=self.translation_key)
            .values_list("pk", flat=True)
            .first()
        )
        with translation.override(language_of(self.locale_id)):
            return reverse("subprocessors:notice", args=[original or self.pk])

    def get_preview_template(self, request, mode_name):
        return "subprocessors/notice_detail.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update({"notice": self, "is_preview": True, "today": today()})
        return context
