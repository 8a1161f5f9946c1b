"""The sub-processor register: who processes schools' data on our behalf, where, and why.

Entries are snippets with drafts, revisions, locking, preview and the DPO approval workflow.
Public views read only live (published) rows; a draft lives in a revision until the DPO
publishes it.
"""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

UK = "GB"


class RecipientType(models.TextChoices):
    SUBPROCESSOR = "subprocessor", "Sub-processor"
    CONTROLLER = "controller", "Recipient in its own right"
    ON_INSTRUCTION = "on_instruction", "Recipient on the school's instruction"


RECIPIENT_TYPE_HELP = {
    RecipientType.SUBPROCESSOR: "Processes data on our behalf, under our written contract.",
    RecipientType.CONTROLLER: "Receives data as a controller in its own right, for example "
    "the DfE receiving statutory returns.",
    RecipientType.ON_INSTRUCTION: "Receives or shares data because the school instructs it to, "
    "for example an integration partner the school has chosen.",
}


class TransferSafeguard(models.TextChoices):
    NOT_RESTRICTED = "not_restricted", "Not a restricted transfer"
    UK_ADEQUACY = "uk_adequacy", "UK adequacy regulations"
    UK_US_DATA_BRIDGE = "uk_us_data_bridge", "UK–US data bridge"
    IDTA = "idta", "UK International Data Transfer Agreement (IDTA)"
    UK_ADDENDUM = "uk_addendum", "UK Addendum to the EU Standard Contractual Clauses"


class Status(models.TextChoices):
    CURRENT = "current", "Current"
    UPCOMING = "upcoming", "Upcoming"
    FORMER = "former", "Former"


class SubprocessorForm(WagtailAdminModelForm):
    """Validation that spans the entry and its per-product uses."""

    def clean(self):
        cleaned = super().clean()
        uses = self.formsets.get("uses")
        if uses is not None and not any(form.errors for form in uses.forms):
            seen = {}
            for form in uses.forms:
                if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                    continue
                product = form.cleaned_data.get("product")
                if product is None:
                    continue
                if product.pk in seen:
                    form.add_error(
                        "product",
                        f"{product.title} is already listed above. Give each product once, "
                        "with all its purposes in one entry.",
                    )
                seen[product.pk] = True
            if not seen:
                self.add_error(None, "Add at least one product that uses this recipient.")
        return cleaned


class Subprocessor(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    uuid = models.UUIDField(
        "stable id",
        default=uuid.uuid4,
        editable=False,
        unique=True,
        help_text="Permanent identifier used in exports and feeds.",
    )
    name = models.CharField(max_length=120, help_text="The name schools know, e.g. 'Twilio'.")
    legal_entity = models.CharField(
        max_length=200,
        blank=True,
        help_text="The contracting legal entity, e.g. 'Twilio Ireland Limited'.",
    )
    recipient_type = models.CharField(
        max_length=20,
        choices=RecipientType.choices,
        default=RecipientType.SUBPROCESSOR,
        help_text="Sub-processors act for us. The DfE, for example, is a recipient in its own "
        "right; a partner the school instructs is a recipient on the school's instruction.",
    )
    description = models.TextField(
        "what they do", help_text="A plain sentence on the service they provide to us."
    )
    countries = CountryField(
        multiple=True,
        help_text="Where the data is processed (including where it is accessed from). "
        "Use 'European Union' only when the supplier does not commit to specific countries.",
    )
    transfer_safeguard = models.CharField(
        max_length=20,
        choices=TransferSafeguard.choices,
        default=TransferSafeguard.NOT_RESTRICTED,
        help_text="The UK GDPR Chapter V safeguard for any processing outside the UK.",
    )
    data_categories = models.TextField(
        "categories of data shared", help_text="e.g. 'Parent names and mobile numbers'."
    )
    data_subjects = models.TextField(
        "categories of data subjects", help_text="e.g. 'Parents and carers; school staff'."
    )
    privacy_notice_url = models.URLField(
        "privacy notice link",
        max_length=500,
        blank=True,
        help_text="Their privacy notice or data processing terms.",
    )
    start_date = models.DateField(
        "in use since",
        help_text="When we started (or will start) sharing data with them. A future date "
        "shows the entry as upcoming.",
    )
    end_date = models.DateField(
        "stopped on",
        null=True,
        blank=True,
        help_text="When we stop sharing data with them. On this date the entry moves to "
        "'former sub-processors'.",
    )

    search_fields = [
        index.SearchField("name"),
        index.SearchField("legal_entity"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.FilterField("recipient_type"),
        index.FilterField("live"),
    ]

    base_form_class = SubprocessorForm
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("legal_entity"),
                FieldPanel("recipient_type"),
                FieldPanel("description"),
            ],
            heading="Who",
        ),
        InlinePanel(
            "uses",
            heading="Products and purposes",
            label="Product",
            help_text="One row per product that shares data with this recipient.",
            min_num=1,
        ),
        MultiFieldPanel(
            [FieldPanel("countries"), FieldPanel("transfer_safeguard")],
            heading="Where",
        ),
        MultiFieldPanel(
            [FieldPanel("data_categories"), FieldPanel("data_subjects")],
            heading="What data",
        ),
        FieldPanel("privacy_notice_url"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading="When"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "sub-processor entry"
        verbose_name_plural = "sub-processor register"

    def __str__(self):
        return self.name

    # --- validation -------------------------------------------------------------------

    @property
    def country_codes(self):
        return [c.code for c in self.countries]

    @property
    def is_restricted_transfer(self):
        return any(code != UK for code in self.country_codes)

    def clean(self):
        super().clean()
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date cannot be before the start date."
        if self.is_restricted_transfer and (
            self.transfer_safeguard == TransferSafeguard.NOT_RESTRICTED
        ):
            outside = ", ".join(c.name for c in self.countries if c.code != UK)
            errors["transfer_safeguard"] = (
                f"Data is processed outside the UK ({outside}): this is a restricted transfer. "
                "Choose the safeguard that covers it."
            )
        if (
            self.countries
            and not self.is_restricted_transfer
            and (self.transfer_safeguard != TransferSafeguard.NOT_RESTRICTED)
        ):
            errors["transfer_safeguard"] = (
                "All processing is in the UK, so this is not a restricted transfer. Choose "
                "'Not a restricted transfer'."
            )
        if errors:
            raise ValidationError(errors)

    # --- public presentation ----------------------------------------------------------

    def status_on(self, day):
        if self.start_date > day:
            return Status.UPCOMING
        if self.end_date and self.end_date <= day:
            return Status.FORMER
        return Status.CURRENT

    @property
    def status(self):
        return self.status_on(today())

    @property
    def is_subprocessor(self):
        return self.recipient_type == RecipientType.SUBPROCESSOR

    @cached_property
    def country_names(self):
        return [c.name for c in self.countries]

    @property
    def countries_display(self):
        return ", ".join(self.country_names)

    @property
    def products_display(self):
        return ", ".join(use.product.title for use in self.uses.all())

    @property
    def public_id(self):
        return str(self.uuid)

    def get_preview_template(self, request, mode_name):
        return "subprocessors/preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["entries"] = [self]
        return context


class SubprocessorUse(Orderable):
    """One product's use of a recipient, with the purpose for that product."""

    subprocessor = ParentalKey(Subprocessor, on_delete=models.CASCADE, related_name="uses")
    product = models.ForeignKey(
        "products.ProductPage", on_delete=models.CASCADE, related_name="subprocessor_uses"
    )
    purpose = models.CharField(
        max_length=255, help_text="What they do for this product, e.g. 'Sending SMS messages'."
    )

    panels = [FieldPanel("product"), FieldPanel("purpose")]

    # One use per product is enforced by SubprocessorForm, not a unique constraint: swapping
    # the products of two rows updates them one at a time, which a constraint would refuse.
    class Meta(Orderable.Meta):
        verbose_name = "product use"

    def __str__(self):
        return f"{self.subprocessor} for {self.product}"


def today():
    return timezone.localdate()


def notice_period_days():
    from home.models import OrganisationSettings

    return OrganisationSettings.load().notice_period_days


def register_last_changed(day=None):
    """The most recent day the public register changed: a publish, a start or an end."""
    day = day or today()
    dates = []
    rows = Subprocessor.objects.filter(live=True).values_list(
        "last_published_at", "start_date", "end_date"
    )
    for published, start, end in rows:
        if published:
            dates.append(timezone.localdate(published))
        if start <= day:
            dates.append(start)
        if end and end <= day:
            dates.append(end)
    return max(dates) if dates else None


# --- Change notices ------------------------------------------------------------------------


class ChangeKind(models.TextChoices):
    ADDITION = "addition", "New sub-processor"
    REMOVAL = "removal", "Sub-processor removed"
    REPLACEMENT = "replacement", "Sub-processor replaced"
    LOCATION = "location", "Change of location"
    PURPOSE = "purpose", "Change of purpose"
    SAFEGUARD = "safeguard", "Change of transfer safeguard"


class ChangeNoticeForm(WagtailAdminModelForm):
    """Checks that need the form's many-to-many choices."""

    def clean(self):
        cleaned = super().clean()
        all_products = cleaned.get("all_products")
        products = cleaned.get("products")
        if "products" in self.fields and not all_products and not products:
            self.add_error(
                "products",
                "Choose the products this change affects, or tick 'affects all products'.",
            )
        if "products" in self.fields and all_products and products:
            self.add_error(
                "products",
                "You ticked 'affects all products': leave the product list empty, or untick it.",
            )
        if "subprocessors" in self.fields and not cleaned.get("subprocessors"):
            self.add_error(
                "subprocessors",
                "Choose the register entries this change concerns (add a new entry to the "
                "register first, as a draft, if it is a new sub-processor).",
            )
        return cleaned


class ChangeNotice(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
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
    corrected_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When a published notice's public text or dates were last corrected.",
    )

    search_fields = [
        index.SearchField("title"),
        index.SearchField("summary"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.FilterField("live"),
    ]

    base_form_class = ChangeNoticeForm
    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("subprocessors"),
        MultiFieldPanel([FieldPanel("all_products"), FieldPanel("products")], heading="Products"),
        FieldPanel("summary"),
        FieldPanel("details"),
        FieldRowPanel(
            [FieldPanel("effective_date"), FieldPanel("objection_deadline")],
            heading="Dates",
            help_text="The notice date is the day this notice is published (or its scheduled "
            "go-live day): schools are told then.",
        ),
    ]

    class Meta:
        ordering = ["-notice_date", "-pk"]
        verbose_name = "change notice"

    def __str__(self):
        return self.title

    def expected_notice_date(self):
        """The day schools are told: when it was first published, else its scheduled go-live
        day, else today (if it were published now)."""
        if self.first_published_at:
            return timezone.localdate(self.first_published_at)
        if self.go_live_at:
            return max(timezone.localdate(self.go_live_at), today())
        return today()

    def clean(self):
        super().clean()
        errors = {}
        notice_day = self.expected_notice_date()
        period = notice_period_days()
        if self.effective_date:
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
        if self.objection_deadline and self.effective_date:
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

    def save(self, *args, **kwargs):
        if self.live and self.first_published_at:
            self._fix_dates_on_publication()
            self._record_correction()
        super().save(*args, **kwargs)

    def _fix_dates_on_publication(self):
        """The notice date is the day schools are told. First published later than planned (a
        late approval), the effective date and objection deadline move by the delay, so schools
        keep the full notice period and objection window."""
        published_on = timezone.localdate(self.first_published_at)
        self.notice_date = published_on
        if self.first_published_at != self.last_published_at:
            return  # a correction: clean() has checked its dates against the notice date
        earliest = published_on + datetime.timedelta(days=notice_period_days())
        if self.effective_date < earliest:
            delay = earliest - self.effective_date
            self.effective_date = earliest
            self.objection_deadline = max(self.objection_deadline + delay, published_on)

    PUBLIC_FIELDS = ("kind", "title", "summary", "details", "effective_date", "objection_deadline")

    def _record_correction(self):
        """A re-publication that changes what schools read is a correction: feeds show its
        time as the item's updated time. Re-approving unchanged text is not."""
        if not self.pk or not self.last_published_at:
            return
        before = ChangeNotice.objects.filter(pk=self.pk, live=True).first()
        if before is None or before.last_published_at == self.last_published_at:
            return
        changed = any(getattr(before, f) != getattr(self, f) for f in self.PUBLIC_FIELDS)
        changed = changed or before.all_products != self.all_products
        for relation in ("products", "subprocessors"):
            old = set(getattr(before, relation).values_list("pk", flat=True))
            new = {obj.pk for obj in getattr(self, relation).all()}
            changed = changed or old != new
        if changed:
            self.corrected_at = self.last_published_at

    # --- public presentation ----------------------------------------------------------

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
        from django.urls import reverse

        return reverse("subprocessors:notice", args=[self.pk])

    def get_preview_template(self, request, mode_name):
        return "subprocessors/notice_detail.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update({"notice": self, "is_preview": True, "today": today()})
        return context


class RegisterChange(models.Model):
    """A published register change that schools must be told about.

    Created automatically when a sub-processor entry is published with a change schools can
    see; resolved when the linked change notice is published.
    """

    subprocessor = models.ForeignKey(
        Subprocessor, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subprocessor_name = models.CharField(max_length=120, blank=True)
    description = models.TextField()
    detected_at = models.DateTimeField(auto_now_add=True)
    notice = models.ForeignKey(
        ChangeNotice,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="register_changes",
    )

    class Meta:
        ordering = ["-detected_at"]

    def __str__(self):
        return self.description

    @classmethod
    def unannounced(cls):
        """Changes no published notice covers: neither the notice drafted for them nor any
        notice about the same entry published since the change was detected."""
        covered = ChangeNotice.objects.filter(
            live=True,
            subprocessors=models.OuterRef("subprocessor"),
            first_published_at__gte=models.OuterRef("detected_at"),
        )
        return (
            cls.objects.exclude(notice__live=True)
            .filter(~models.Exists(covered))
            .select_related("notice")
        )


class RegisterSnapshot(models.Model):
    """What the public last saw of an entry, to detect changes on the next publish."""

    subprocessor = models.OneToOneField(
        Subprocessor, on_delete=models.CASCADE, related_name="+", primary_key=True
    )
    data = models.JSONField(default=dict)

    def __str__(self):
        return f"Public snapshot of {self.subprocessor_id}"
