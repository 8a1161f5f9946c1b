"""'How we keep your data safe': the company-wide statement (/security/) and each product's."""

from django.apps import apps
from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from trusthub.core.history import PublicHistoryMixin
from trusthub.core.mixins import BreadcrumbsMixin, ReadOnlyPageMixin, RequiredSlugMixin
from trusthub.core.richtext import PLAIN_RICH_TEXT

from .. import blocks as pb
from .internal_notes import INTERNAL_NOTE_PANELS, internal_note_field

# A statement under a product page is that product's. Looked up by name, not imported:
# products.models.summary imports this module (a product page links to its statement).
PRODUCT_PAGE = "products.ProductPage"


class SecurityStatementPage(
    PublicHistoryMixin, ReadOnlyPageMixin, RequiredSlugMixin, BreadcrumbsMixin, Page
):
    """'How we keep your data safe': company-wide (under home) or for one product."""

    page_description = (
        "'How we keep your data safe'. Add one under the home page for the whole company, "
        "and one under a product for that product, with the slug 'security'."
    )
    parent_page_types = ["home.HomePage", "products.ProductPage"]
    subpage_types = []
    max_count_per_parent = 1
    required_slug = "security"
    required_slug_url = "/security/ (company-wide) or /products/<product>/security/"

    intro = RichTextField(features=PLAIN_RICH_TEXT, help_text="A short overview of our approach.")
    controls = StreamField(
        [("control", pb.SecurityControlBlock())],
        help_text="Security controls. They are shown grouped by area, in the order of the areas.",
    )
    certifications = StreamField(
        [("certification", pb.CertificationBlock())],
        blank=True,
        help_text="Certifications with issuer, scope and expiry. Expired ones show as expired.",
    )
    last_reviewed = models.DateField(help_text="When this statement was last reviewed.")
    internal_note = internal_note_field()

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("controls"),
        index.SearchField("certifications"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("controls"),
        FieldPanel("certifications"),
        FieldPanel("last_reviewed"),
        HelpPanel(
            "The slug is 'security': the statement lives at /security/ (company-wide) or at "
            "/products/<product>/security/."
        ),
        *PublicHistoryMixin.public_change_note_panels(),
    ]
    promote_panels = Page.promote_panels + INTERNAL_NOTE_PANELS

    @property
    def product(self):
        parent = self.get_parent()
        product_page = apps.get_model(PRODUCT_PAGE)
        return parent.specific if parent and parent.specific_class is product_page else None

    def grouped_controls(self):
        """Controls grouped by area, in the canonical area order."""
        labels = dict(pb.CONTROL_AREAS)
        groups = {key: [] for key, _ in pb.CONTROL_AREAS}
        for block in self.controls:
            groups.setdefault(block.value["area"], []).append(block.value)
        return [
            {"key": key, "label": labels.get(key, key), "controls": controls}
            for key, controls in groups.items()
            if controls
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["product"] = self.product
        return context
