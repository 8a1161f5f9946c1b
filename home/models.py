"""The hub's home page and plain content pages: the top layer, which shows the others."""

from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from products.models import (
    INTERNAL_NOTE_PANELS,
    ProductPage,
    SecurityStatementPage,
    internal_note_field,
)
from trusthub.core.mixins import BreadcrumbsMixin, ReadOnlyPageMixin
from trusthub.core.richtext import PLAIN_RICH_TEXT


class HomePage(ReadOnlyPageMixin, Page):
    """The hub home: who we are, our products, how to reach the DPO."""

    page_description = "The Trust Hub home page. There is only one."
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "products.ProductIndexPage",
        "products.SecurityStatementPage",
    ]
    max_count = 1

    heading = models.CharField(
        max_length=200,
        default="Privacy and trust",
        help_text="The main heading at the top of the home page.",
    )
    intro = RichTextField(
        features=PLAIN_RICH_TEXT,
        help_text="Who we are and what schools will find here. Two or three short paragraphs.",
    )
    dpo_intro = models.TextField(
        "DPO contact introduction",
        blank=True,
        help_text="A sentence above the DPO contact details, e.g. when to contact them.",
    )

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [
        FieldPanel("heading"),
        FieldPanel("intro"),
        FieldPanel("dpo_intro"),
        HelpPanel(
            "Products, the company-wide security statement and DPO contact details are shown "
            "automatically. Edit contact details in Settings → Organisation settings."
        ),
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["products"] = (
            ProductPage.objects.live().public().descendant_of(self).order_by("path")
        )
        context["security_page"] = (
            SecurityStatementPage.objects.live().public().child_of(self).first()
        )
        return context


class StandardPage(ReadOnlyPageMixin, BreadcrumbsMixin, Page):
    """A plain content page, e.g. 'About this hub' or an accessibility statement."""

    page_description = "A simple page of text, such as an accessibility statement."
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    intro = models.TextField(blank=True, help_text="A one-paragraph summary shown under the title.")
    # Sections (h2) too: a statement in the usual public-sector format has several.
    body = RichTextField(features=["h2", *PLAIN_RICH_TEXT])
    internal_note = internal_note_field()

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    promote_panels = Page.promote_panels + INTERNAL_NOTE_PANELS
