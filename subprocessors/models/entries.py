"""Register entries: who processes schools' data on our behalf, for which products, where, and
since when (each product's use has its own start date and data subjects).

Entries are snippets with drafts, revisions, locking, preview and the DPO approval workflow.
Public views read only live (published) rows; a draft lives in a revision until the DPO
publishes it.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_noop
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from trusthub.core.locales import (
    TranslatedQuerySet,
    copy_words,
    live_page_translations,
    live_translations,
)

from .promise import AnnouncedChangesMixin

UK = "GB"


class RecipientType(models.TextChoices):
    SUBPROCESSOR = "subprocessor", gettext_noop("Sub-processor")
    CONTROLLER = "controller", gettext_noop("Recipient in its own right")
    ON_INSTRUCTION = "on_instruction", gettext_noop("Recipient on the school's instruction")
    IN_HOUSE = "in_house", gettext_noop("Not a recipient: run by us")


RECIPIENT_TYPE_HELP = {
    RecipientType.SUBPROCESSOR: "Processes data on our behalf, under our written contract.",
    RecipientType.CONTROLLER: "Receives data as a controller in its own right, for example "
    "the DfE receiving statutory returns.",
    RecipientType.ON_INSTRUCTION: "Receives or shares data because the school instructs it to, "
    "for example an integration partner the school has chosen.",
    RecipientType.IN_HOUSE: "Named in our DPIA but run by us: no data goes to another "
    "organisation. Listed so that schools can see why it is not a sub-processor.",
}


class TransferSafeguard(models.TextChoices):
    NOT_RESTRICTED = "not_restricted", gettext_noop("Not a restricted transfer")
    UK_ADEQUACY = "uk_adequacy", gettext_noop("UK adequacy regulations")
    UK_US_DATA_BRIDGE = "uk_us_data_bridge", gettext_noop("UK–US data bridge")
    IDTA = "idta", gettext_noop("UK International Data Transfer Agreement (IDTA)")
    UK_ADDENDUM = "uk_addendum", gettext_noop("UK Addendum to the EU Standard Contractual Clauses")


class Status(models.TextChoices):
    CURRENT = "current", gettext_noop("Current")
    UPCOMING = "upcoming", gettext_noop("Upcoming")
    FORMER = "former", gettext_noop("Former")


class Subprocessor(
    AnnouncedChangesMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
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
    role_note = models.TextField(
        "why this role",
        blank=True,
        help_text="Shown publicly: why this recipient is (or is not) a sub-processor, e.g. "
        "'Has no access to personal data: it only configures our network.'",
    )
    internal_note = models.TextField(
        "internal note (never shown publicly)",
        blank=True,
        help_text="For editors and the DPO only, e.g. which facts are illustrative or still "
        "to be confirmed with the supplier.",
    )
    privacy_notice_url = models.URLField(
        "privacy notice link",
        max_length=500,
        blank=True,
        help_text="Their privacy notice or data processing terms.",
    )
    end_date = models.DateField(
        "stopped on",
        null=True,
        blank=True,
        help_text="When we stop sharing data with them. On this date the entry moves to "
        "'former sub-processors'.",
    )

    # Site search (home/search.py) finds an entry by what the public register shows: its name,
    # what it does for each live product, its countries by name in English and Welsh (stored as codes) and
    # its transfer safeguard.
    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("legal_entity"),
        index.SearchField("description"),
        index.SearchField("search_purposes"),
        index.SearchField("search_country_names"),
        index.SearchField("get_transfer_safeguard_display"),
        index.SearchField("data_categories"),
        index.SearchField("role_note"),
        index.AutocompleteField("name"),
        index.FilterField("recipient_type"),
        index.FilterField("live"),
        index.FilterField("locale"),
    ]

    # Translations (Welsh, via wagtail-localize): editors translate the words; the facts are
    # copied from the English original on every sync, never retyped. The public register always
    # lists the English originals, showing a live translation's words on Welsh pages
    # (subprocessors/translations.py): the promise is checked once, on the original.
    translatable_fields = [
        TranslatableField("description"),
        TranslatableField("data_categories"),
        TranslatableField("role_note"),
        TranslatableField("uses"),
        SynchronizedField("name"),
        SynchronizedField("legal_entity"),
        SynchronizedField("recipient_type"),
        SynchronizedField("countries"),
        SynchronizedField("transfer_safeguard"),
        SynchronizedField("privacy_notice_url"),
        SynchronizedField("end_date"),
    ]
    exclude_fields_in_copy = ["uuid", "internal_note"]
    overlay_fields = ("description", "data_categories", "role_note")
    untranslated = False  # True on another language's page while no translation is live

    objects = TranslatedQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = "sub-processor entry"
        verbose_name_plural = "sub-processor register"

    def __str__(self):
        return self.name

    @staticmethod
    def overlay_translations(originals, translations):
        """The words of each shown product use (`public_uses`), and its product's title, from
        their live translations (trusthub/core/locales.py)."""
        uses = [use for entry in originals for use in getattr(entry, "public_uses", None) or ()]
        if not uses:
            return
        translated = live_translations(SubprocessorUse, uses, subprocessor__live=True)
        pages = live_page_translations({use.product_id for use in uses})
        for use in uses:
            copy_words(use, translated.get(use.translation_key), SubprocessorUse.overlay_fields)
            if use.product_id in pages and hasattr(use, "product_title"):
                use.product_title = pages[use.product_id].title

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

    def _uses(self):
        """The uses shown: those the register selected (`public_uses`), else all."""
        uses = getattr(self, "public_uses", None)
        return list(self.uses.all()) if uses is None else uses

    @property
    def start_date(self):
        """When the first of its (shown) product uses started or starts."""
        return min((use.start_date for use in self._uses() if use.start_date), default=None)

    @property
    def data_subjects(self):
        """Whose data it holds, across the (shown) product uses: each group once."""
        seen = {}
        for use in self._uses():
            for part in (use.data_subjects or "").split(";"):
                if part.strip():
                    seen.setdefault(part.strip().lower(), part.strip())
        return "; ".join(seen.values())

    def status_on(self, day):
        if self.end_date and self.end_date <= day:
            return Status.FORMER
        start = self.start_date
        if start is None or start > day:
            return Status.UPCOMING
        return Status.CURRENT

    @property
    def status(self):
        return self.status_on(today())

    @property
    def is_subprocessor(self):
        return self.recipient_type == RecipientType.SUBPROCESSOR

    def search_purposes(self):
        """For the search index: its purposes for live products, as the register shows them
        (a draft product's use is not public)."""
        return list(self.uses.filter(product__live=True).values_list("purpose", flat=True))

    def search_country_names(self):
        """For the search index: its countries by name in every language of the site, so a
        school finds "Iwerddon" as well as "Ireland"."""
        names = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                names += [str(country.name) for country in self.countries]
        return list(dict.fromkeys(names))

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


class SubprocessorUse(TranslatableMixin, Orderable):
    """One product's use of a recipient, with the purpose for that product."""

    subprocessor = ParentalKey(Subprocessor, on_delete=models.CASCADE, related_name="uses")
    product = models.ForeignKey(
        "products.ProductPage", on_delete=models.CASCADE, related_name="subprocessor_uses"
    )
    purpose = models.CharField(
        max_length=255, help_text="What they do for this product, e.g. 'Sending SMS messages'."
    )
    start_date = models.DateField(
        "in use since",
        help_text="When this product started (or will start) sharing data with them. A "
        "future date shows as upcoming; a new use must be announced by a change notice that "
        "takes effect on or before this date.",
    )
    data_subjects = models.CharField(
        "whose data",
        max_length=255,
        help_text="The data subjects for this product, e.g. 'Pupils; school staff'.",
    )

    panels = [
        FieldPanel("product"),
        FieldPanel("purpose"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("data_subjects")]),
    ]

    # One use per product is enforced by SubprocessorForm, not a unique constraint: swapping
    # the products of two rows updates them one at a time, which a constraint would refuse.
    translatable_fields = [
        TranslatableField("purpose"),
        TranslatableField("data_subjects"),
        SynchronizedField("product"),
        SynchronizedField("start_date"),
    ]

    overlay_fields = ("purpose", "data_subjects")
    untranslated = False

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "product use"

    def __str__(self):
        return f"{self.subprocessor} for {self.product}"

    def status_on(self, day):
        return Status.UPCOMING if self.start_date > day else Status.CURRENT


def today():
    return timezone.localdate()


def register_last_changed(day=None):
    """The most recent day the public register changed: a publish, a start or an end."""
    day = day or today()
    dates = []
    rows = Subprocessor.objects.filter(live=True).values_list("last_published_at", "end_date")
    for published, end in rows:
        if published:
            dates.append(timezone.localdate(published))
        if end and end <= day:
            dates.append(end)
    starts = SubprocessorUse.objects.filter(subprocessor__live=True, start_date__lte=day)
    latest_start = starts.aggregate(latest=models.Max("start_date"))["latest"]
    if latest_start:
        dates.append(latest_start)
    return max(dates) if dates else None
