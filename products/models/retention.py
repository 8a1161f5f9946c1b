"""'When will our data be deleted?': a product's retention page (/products/<product>/retention/).

The page explains the stages and works out their dates for `?ended=`; timeline.json and
timeline.ics, generated from the same calculation, are served by products/exports.py.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from trusthub.core.history import PublicHistoryMixin
from trusthub.core.mixins import BreadcrumbsMixin, ReadOnlyPageMixin, RequiredSlugMixin
from trusthub.core.richtext import PLAIN_RICH_TEXT

from .. import blocks as pb
from .. import retention, rules
from .internal_notes import INTERNAL_NOTE_PANELS, internal_note_field

logger = logging.getLogger(__name__)


DEFAULT_RETENTION_INTRO = (
    "<p>When your school's subscription or contract ends, its data goes through the stages "
    "below, each on a date worked out from the day the contract ended. Enter that date to see "
    "exactly when each stage happens.</p>"
)
DEFAULT_EXPORT_NOTES = (
    "<p>Before your subscription or contract ends, make sure you have a complete copy of the "
    "data your school needs to keep: after it ends, your staff may no longer be able to sign in "
    "and export it. Our Data Protection Officer can help you get a full copy.</p>"
)
DEFAULT_ERASURE_NOTES = (
    "<p>You do not have to wait for the dates above. As controller, your school can ask us to "
    "erase its data sooner. We do so without undue delay, which generally means within about a "
    "month of your request (UK GDPR Articles 17 and 19). Send the request to our Data Protection "
    "Officer from an address at your school.</p>"
)
DEFAULT_CERTIFICATE_NOTES = (
    "<p>If you ask, we will confirm in writing that all of your school's personal data has been "
    "completely deleted. Ask our Data Protection Officer for a certificate of deletion.</p>"
)


@dataclass
class RetentionCalculation:
    """The outcome of reading `?ended=` on a retention page, shared by HTML, JSON and ICS."""

    submitted: bool = False
    value: str = ""
    end_date: datetime.date | None = None
    timeline: list = field(default_factory=list)
    error: str = ""
    error_code: str = ""
    html_status: int = 200
    stages: list = field(default_factory=list)  # the usable rules ([] if there are none)
    rules_problem: str = ""  # why the rules cannot be used, for schools ('' if they can)

    @property
    def ok(self):
        return self.end_date is not None and not self.error


class RetentionPage(
    PublicHistoryMixin, ReadOnlyPageMixin, RequiredSlugMixin, BreadcrumbsMixin, Page
):
    """'When will our data be deleted?': a product's retention stages, explained and calculated.

    The stages are structured rules (products/retention/); the explanation, the calculator,
    timeline.json and timeline.ics (products/exports.py) are all generated from them.
    """

    page_description = (
        "What happens to a product's data after a contract ends, with a date calculator. "
        "One per product, with the slug 'retention'."
    )
    parent_page_types = ["products.ProductPage"]
    subpage_types = []
    max_count_per_parent = 1
    required_slug = "retention"
    required_slug_url = "/products/<product>/retention/"

    intro = RichTextField(
        features=PLAIN_RICH_TEXT,
        blank=True,
        default=DEFAULT_RETENTION_INTRO,
        help_text="A short introduction above the stages.",
    )
    stages = StreamField(
        pb.RetentionStagesBlock(),
        blank=True,
        help_text="What happens to the data after a contract ends, in order. Each stage counts "
        "from the end date or from a stage above it, and is never before the stage above it.",
    )
    export_notes = RichTextField(
        "getting a full copy of the data",
        features=PLAIN_RICH_TEXT,
        default=DEFAULT_EXPORT_NOTES,
        help_text="How a school downloads a complete copy of its data before the contract ends.",
    )
    erasure_notes = RichTextField(
        "asking for early erasure",
        features=PLAIN_RICH_TEXT,
        default=DEFAULT_ERASURE_NOTES,
        help_text="How a school asks us to erase its data sooner, and how quickly we do it.",
    )
    certificate_notes = RichTextField(
        "certificate of deletion",
        features=PLAIN_RICH_TEXT,
        default=DEFAULT_CERTIFICATE_NOTES,
        help_text="How a school gets written confirmation that its data has been deleted.",
    )
    last_reviewed = models.DateField(help_text="When these rules were last checked.")
    internal_note = internal_note_field()

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("stages"),
        index.SearchField("export_notes"),
        index.SearchField("erasure_notes"),
        index.SearchField("certificate_notes"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("stages"),
        MultiFieldPanel(
            [
                FieldPanel("export_notes"),
                FieldPanel("erasure_notes"),
                FieldPanel("certificate_notes"),
            ],
            heading="Copies, early erasure and certificates",
        ),
        FieldPanel("last_reviewed"),
        HelpPanel(
            "The page lives at /products/<product>/retention/ (slug 'retention'). The "
            "explanation, the date calculator, timeline.json and the calendar download are all "
            "generated from the stages."
        ),
        *PublicHistoryMixin.public_change_note_panels(),
    ]
    promote_panels = Page.promote_panels + INTERNAL_NOTE_PANELS

    def get_cached_paths(self):
        """What a frontend cache purge covers when the page is published or unpublished: the
        page and its versions (PublicHistoryMixin), timeline.json and timeline.ics. Their
        `?ended=` variants cannot be listed; the cache's s-maxage bounds how long those stay
        stale (or purge by prefix at the CDN)."""
        return [*super().get_cached_paths(), "/timeline.json", "/timeline.ics"]

    # --- Rules ---------------------------------------------------------------------------------

    def read_rules(self):
        """The page's stages as engine objects (products.retention.Stage), checked.

        Returns (stages, problem, code): `problem` is a message for schools and `code` the JSON
        error code if the rules cannot be used ('' and '' if they can). Stored stream data is not
        trusted: anything unreadable or inconsistent gives 'being updated', never an exception.
        """
        if not len(self.stages or []):
            return (
                [],
                f"We have not published retention rules for {self.product_title} here yet. "
                "Please contact our Data Protection Officer, who will tell you when your data "
                "will be deleted.",
                "no_rules",
            )
        try:
            stages = rules.retention_stages(self.stages)
            retention.validate_stages(stages)
        except (retention.RuleError, LookupError, TypeError, ValueError) as error:
            if not isinstance(error, retention.RuleError):
                logger.exception("Unusable retention rules on page %s", self.pk)
            return (
                [],
                "The retention rules for this product are being updated, so we cannot work out "
                "dates right now. Please contact our Data Protection Officer.",
                "rules_unavailable",
            )
        return stages, "", ""

    @property
    def product(self):
        if not hasattr(self, "_product"):
            self._product = self.get_parent()
        return self._product

    @property
    def product_title(self):
        return self.product.title if self.product else self.title

    def calculate(self, request):
        """Read the rules (once per request) and `?ended=`; other query parameters are ignored.
        If `ended` is repeated, the last value counts."""
        calc = RetentionCalculation(submitted="ended" in request.GET)
        raw = request.GET.get("ended", "")
        calc.value = "".join(ch for ch in raw.strip()[:40] if ch.isprintable())  # redisplayed
        calc.stages, calc.rules_problem, code = self.read_rules()
        if calc.rules_problem:
            calc.error, calc.error_code = calc.rules_problem, code
            return calc
        try:
            calc.end_date = retention.parse_end_date(raw)
        except retention.MissingEndDate as error:
            calc.error, calc.error_code = error.message, "missing_date"
        except retention.EndDateError as error:
            calc.error, calc.error_code, calc.html_status = error.message, "invalid_date", 400
        else:
            calc.timeline = retention.compute_timeline(calc.end_date, calc.stages)
        return calc

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parent = context["breadcrumbs"][-1] if context["breadcrumbs"] else None
        if parent is not None and parent.depth == self.depth - 1:
            self._product = parent  # saves a query: the breadcrumbs end with the product
        calc = self.calculate(request)
        stages = calc.stages
        context.update(
            product=self.product,
            calc=calc,
            rules_problem=calc.rules_problem,
            explanation=[
                {"stage": stage, "rule": retention.describe_rule(stages, i)}
                for i, stage in enumerate(stages)
            ],
            notes=retention.describe_notes(stages),
            date_range=(retention.MIN_END_DATE, retention.MAX_END_DATE),
        )
        return context

    def serve(self, request, *args, **kwargs):
        """The explanation and the `?ended=` form (on the page and on each published version):
        400 for an unusable date, else 200. The list of versions has no form."""
        response = super().serve(request, *args, **kwargs)
        calc = (getattr(response, "context_data", None) or {}).get("calc")
        if calc is not None and calc.submitted:
            response.status_code = calc.html_status
        return response
