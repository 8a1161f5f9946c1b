"""/products/ and each product's privacy summary (/products/<product>/)."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from trusthub.core.history import PublicHistoryMixin
from trusthub.core.mixins import BreadcrumbsMixin, ReadOnlyPageMixin
from trusthub.core.richtext import PLAIN_RICH_TEXT

from .. import blocks as pb
from .internal_notes import INTERNAL_NOTE_PANELS, internal_note_field
from .retention import RetentionPage
from .security import SecurityStatementPage


class ProductIndexPage(ReadOnlyPageMixin, BreadcrumbsMixin, Page):
    """/products/: lists our products. There is one, directly under the home page."""

    page_description = "The list of products (/products/). There is only one."
    parent_page_types = ["home.HomePage"]
    subpage_types = ["products.ProductPage"]
    max_count = 1

    intro = models.TextField(blank=True, help_text="A short paragraph above the product list.")
    content_panels = Page.content_panels + [FieldPanel("intro")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["products"] = ProductPage.objects.live().public().child_of(self).order_by("path")
        return context


class ProductPage(PublicHistoryMixin, ReadOnlyPageMixin, BreadcrumbsMixin, Page):
    """A product's privacy summary: what it holds about whom, why, and where."""

    page_description = "A product's privacy summary, for schools' due diligence."
    parent_page_types = ["products.ProductIndexPage"]
    subpage_types = ["products.SecurityStatementPage", "products.RetentionPage"]

    summary = models.CharField(
        max_length=300,
        help_text="One or two sentences shown on the product's card on the home page.",
    )
    description = RichTextField(
        "what the product does",
        features=PLAIN_RICH_TEXT,
        help_text="What the product is for and who uses it, in plain English.",
    )
    data_subjects = StreamField(
        [("subject", pb.DataSubjectBlock())],
        help_text="Whose data the product holds.",
    )
    data_categories = StreamField(
        [("category", pb.DataCategoryBlock())],
        help_text="Which kinds of personal data it holds. Flag special-category data.",
    )
    purposes = StreamField([("purpose", pb.PurposeBlock())], help_text="Why we process the data.")
    lawful_bases = StreamField(
        [("basis", pb.LawfulBasisBlock())],
        help_text="The lawful bases the school (as controller) relies on, per our DPIA.",
    )
    special_category_conditions = StreamField(
        [("condition", pb.SpecialCategoryConditionBlock())],
        blank=True,
        help_text="Required when any data category is special-category data.",
    )
    data_sources = StreamField(
        [("source", pb.DataSourceBlock())], help_text="Where the data comes from."
    )
    hosting_location = models.CharField(
        max_length=200,
        help_text="Where the data is stored, e.g. 'United Kingdom (Amazon Web Services, London)'.",
    )
    hosting = RichTextField(
        "hosting details",
        features=PLAIN_RICH_TEXT,
        blank=True,
        help_text="The hosting stack, in terms a school's IT lead will recognise.",
    )
    controller_statement = models.TextField(
        "who is the controller",
        default="Your school or trust is the data controller: it decides why and how pupils', "
        "parents' and staff data is used.",
    )
    processor_statement = models.TextField(
        "who is the processor",
        default="We are the data processor: we process the data only on your documented "
        "instructions, under our contract and data processing agreement.",
    )
    rights_requests = models.TextField(
        "who handles rights requests",
        default="Your school or trust responds to subject access and other rights requests. "
        "We help you find, export, correct or erase the data when you ask.",
    )
    uses_automated_processing = models.BooleanField(
        "uses machine learning or automated processing",
        default=False,
        help_text="Tick if the product uses machine learning, profiling or automated decisions.",
    )
    automated_processing = RichTextField(
        "how automated processing is used",
        features=PLAIN_RICH_TEXT,
        blank=True,
        help_text="What it does, what it does not do, and who stays in control of decisions.",
    )
    last_reviewed = models.DateField(
        help_text="When this summary was last checked against the DPIA."
    )
    dpia_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="DPIA document",
        help_text="Optional: the DPIA this summary draws on, offered as a download.",
    )
    internal_note = internal_note_field()

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("hosting_location"),
        index.SearchField("hosting"),
        index.SearchField("data_subjects"),
        index.SearchField("data_categories"),
        index.SearchField("purposes"),
        index.SearchField("data_sources"),
    ]

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("summary"),
            FieldPanel("description"),
            FieldPanel("last_reviewed"),
            FieldPanel("dpia_document"),
        ]
        + PublicHistoryMixin.public_change_note_panels()
    )
    data_panels = [
        FieldPanel("data_subjects"),
        FieldPanel("data_categories"),
        FieldPanel("purposes"),
        MultiFieldPanel(
            [FieldPanel("lawful_bases"), FieldPanel("special_category_conditions")],
            heading="Lawful bases",
        ),
        FieldPanel("data_sources"),
    ]
    processing_panels = [
        MultiFieldPanel(
            [FieldPanel("hosting_location"), FieldPanel("hosting")], heading="Where it is hosted"
        ),
        MultiFieldPanel(
            [
                FieldPanel("controller_statement"),
                FieldPanel("processor_statement"),
                FieldPanel("rights_requests"),
            ],
            heading="Roles and rights requests",
        ),
        MultiFieldPanel(
            [FieldPanel("uses_automated_processing"), FieldPanel("automated_processing")],
            heading="Machine learning and automated processing",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Product"),
            ObjectList(data_panels, heading="Data"),
            ObjectList(processing_panels, heading="Processing"),
            ObjectList(Page.promote_panels + INTERNAL_NOTE_PANELS, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    def clean(self):
        super().clean()
        errors = {}
        has_special = any(
            block.value.get("special_category") for block in self.data_categories or []
        )
        if has_special and not list(self.special_category_conditions or []):
            errors["special_category_conditions"] = (
                "Some data categories are special-category data: give the Article 9 condition "
                "relied on."
            )
        if self.uses_automated_processing and not (self.automated_processing or "").strip():
            errors["automated_processing"] = (
                "Explain how machine learning or automated processing is used."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def has_special_category_data(self):
        return any(block.value.get("special_category") for block in self.data_categories)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # One query for both linked child pages; the template needs only their titles and URLs.
        children = {}
        for child in (
            Page.objects.live()
            .public()
            .child_of(self)
            .type(SecurityStatementPage, RetentionPage)
            .order_by("path")
        ):
            children.setdefault(child.specific_class, child)
        context["security_page"] = children.get(SecurityStatementPage)
        context["retention_page"] = children.get(RetentionPage)
        return context
