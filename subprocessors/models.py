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
        return self.status_on(timezone.localdate())

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

    class Meta(Orderable.Meta):
        verbose_name = "product use"
        constraints = [
            models.UniqueConstraint(
                fields=["subprocessor", "product"], name="unique_subprocessor_product"
            )
        ]

    def __str__(self):
        return f"{self.subprocessor} for {self.product}"


def today():
    return timezone.localdate()


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
        help_text="The date schools are told. Use the publishing date (or the scheduled "
        "'go live' date).",
    )
    effective_date = models.DateField(help_text="When the change takes effect.")
    objection_deadline = models.DateField(
        help_text="The last day a school can object. Must be before the effective date."
    )
    corrected_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="Set when a published notice is corrected.",
    )

    search_fields = [
        index.SearchField("title"),
        index.SearchField("summary"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.FilterField("live"),
    ]

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("subprocessors"),
        MultiFieldPanel([FieldPanel("all_products"), FieldPanel("products")], heading="Products"),
        FieldPanel("summary"),
        FieldPanel("details"),
        FieldRowPanel(
            [
                FieldPanel("notice_date"),
                FieldPanel("effective_date"),
                FieldPanel("objection_deadline"),
            ],
            heading="Dates",
        ),
    ]

    class Meta:
        ordering = ["-notice_date", "-pk"]
        verbose_name = "change notice"

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        from home.models import OrganisationSettings

        errors = {}
        period = OrganisationSettings.load().notice_period_days
        if self.notice_date and self.effective_date:
            earliest = self.notice_date + datetime.timedelta(days=period)
            if self.effective_date < earliest:
                errors["effective_date"] = (
                    f"Schools must have at least {period} days' notice: with a notice date of "
                    f"{self.notice_date:%-d %B %Y} the change can take effect on "
                    f"{earliest:%-d %B %Y} at the earliest."
                )
        if self.objection_deadline and self.effective_date:
            if self.objection_deadline >= self.effective_date:
                errors["objection_deadline"] = (
                    "The objection deadline must be before the effective date."
                )
            elif self.notice_date and self.objection_deadline < self.notice_date:
                errors["objection_deadline"] = (
                    "The objection deadline cannot be before the notice date."
                )
        if self.go_live_at and self.notice_date:
            go_live = timezone.localdate(self.go_live_at)
            if self.notice_date < go_live:
                errors["notice_date"] = (
                    f"This notice is scheduled to go live on {go_live:%-d %B %Y}: the notice "
                    "date cannot be earlier."
                )
        if errors:
            raise ValidationError(errors)

    # --- public presentation ----------------------------------------------------------

    def status_on(self, day):
        return "in_effect" if self.effective_date <= day else "upcoming"

    @property
    def status(self):
        return self.status_on(today())

    @property
    def status_label(self):
        return "In effect" if self.status == "in_effect" else "Upcoming"

    @property
    def objection_open(self):
        return self.objection_deadline >= today()

    @property
    def published_at(self):
        return self.first_published_at or self.last_published_at

    @property
    def updated_at(self):
        """When the public text last changed: a correction after first publication."""
        return self.last_published_at or self.first_published_at

    @property
    def was_corrected(self):
        first, last = self.first_published_at, self.last_published_at
        return bool(first and last and (last - first).total_seconds() > 60)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("subprocessors:notice", args=[self.pk])

    def get_preview_template(self, request, mode_name):
        return "subprocessors/notice_detail.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update({"notice": self, "is_preview": True})
        return context


class RegisterChange(models.Model):
    """A published register change that schools must be told about.

    Created automatically when a sub-processor entry is published with a change schools can
    see; resolved when the linked change notice is published.
    """

    subprocessor = models.ForeignKey(Subprocessor, on_delete=models.CASCADE, related_name="+")
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
        return f"{self.subprocessor}: {self.description}"

    @classmethod
    def unannounced(cls):
        return cls.objects.exclude(notice__live=True).select_related("subprocessor", "notice")


class RegisterSnapshot(models.Model):
    """What the public last saw of an entry, to detect changes on the next publish."""

    subprocessor = models.OneToOneField(
        Subprocessor, on_delete=models.CASCADE, related_name="+", primary_key=True
    )
    data = models.JSONField(default=dict)

    def __str__(self):
        return f"Public snapshot of {self.subprocessor_id}"
