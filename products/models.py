import datetime
import logging
from dataclasses import dataclass, field

from django.db import models
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from trusthub.core.mixins import BreadcrumbsMixin, RequiredSlugMixin
from trusthub.core.richtext import PLAIN_RICH_TEXT

from . import blocks as pb
from . import retention

logger = logging.getLogger(__name__)


def internal_note_field():
    """An editors-only note on a page: never rendered on the public site, in feeds or exports."""
    return models.TextField(
        "Internal note (never shown publicly)",
        blank=True,
        help_text="For editors and the DPO only, e.g. which facts are illustrative and still need "
        "checking against the DPIA. Never shown on the public site.",
    )


INTERNAL_NOTE_PANELS = [
    MultiFieldPanel([FieldPanel("internal_note")], heading="For editors only"),
]


class ProductIndexPage(BreadcrumbsMixin, Page):
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


class ProductPage(BreadcrumbsMixin, Page):
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
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("last_reviewed"),
        FieldPanel("dpia_document"),
    ]
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
        from django.core.exceptions import ValidationError

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


class SecurityStatementPage(RequiredSlugMixin, BreadcrumbsMixin, Page):
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

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("controls"),
        FieldPanel("certifications"),
        FieldPanel("last_reviewed"),
        HelpPanel(
            "The slug is 'security': the statement lives at /security/ (company-wide) or at "
            "/products/<product>/security/."
        ),
    ]
    promote_panels = Page.promote_panels + INTERNAL_NOTE_PANELS

    @property
    def product(self):
        parent = self.get_parent()
        return parent.specific if parent and parent.specific_class is ProductPage else None

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


class RetentionPage(RequiredSlugMixin, RoutablePageMixin, BreadcrumbsMixin, Page):
    """'When will our data be deleted?': a product's retention stages, explained and calculated.

    The stages are structured rules (products/retention.py); the explanation, the calculator,
    timeline.json and timeline.ics are all generated from them.
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

    search_fields = Page.search_fields + [index.SearchField("intro")]
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
    ]
    promote_panels = Page.promote_panels + INTERNAL_NOTE_PANELS

    def get_cached_paths(self):
        """What a frontend cache purge covers when the page is published or unpublished: the
        page, timeline.json and timeline.ics. Their `?ended=` variants cannot be listed; the
        cache's s-maxage bounds how long those stay stale (or purge by prefix at the CDN)."""
        return ["/", "/timeline.json", "/timeline.ics"]

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
            stages = pb.retention_stages(self.stages)
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

    # --- Routes --------------------------------------------------------------------------------

    @path("", name="calculator")
    def calculator(self, request, *args, **kwargs):
        """The explanation and the `?ended=` form: 400 for an unusable date, else 200."""
        request.is_preview = getattr(request, "is_preview", False)
        context = self.get_context(request, *args, **kwargs)
        calc = context["calc"]
        status = calc.html_status if calc.submitted else 200
        return TemplateResponse(
            request, self.get_template(request, *args, **kwargs), context, status=status
        )

    def timeline_data(self, request, calc):
        page_url = self.get_url(request)
        return {
            "product": self.product_title,
            "product_slug": self.product.slug if self.product else "",
            "ended": calc.end_date.isoformat(),
            "rules_last_reviewed": self.last_reviewed.isoformat() if self.last_reviewed else None,
            "page": f"{page_url}?ended={calc.end_date.isoformat()}" if page_url else None,
            "timeline": [entry.as_dict() for entry in calc.timeline],
        }

    @re_path(r"^timeline\.json/$", name="timeline_json")
    def timeline_json(self, request, *args, **kwargs):
        """The same timeline as the page, as JSON; 400 with {"error": {...}} for bad input."""
        calc = self.calculate(request)
        if not calc.ok:
            return JsonResponse(
                {"error": {"code": calc.error_code, "message": calc.error, "field": "ended"}},
                status=400,
            )
        return JsonResponse(self.timeline_data(request, calc), json_dumps_params={"indent": 2})

    @re_path(r"^timeline\.ics/$", name="timeline_ics")
    def timeline_ics(self, request, *args, **kwargs):
        """The timeline as an iCalendar file: one all-day event per stage, with stable UIDs."""
        from icalendar import Calendar, Event

        calc = self.calculate(request)
        if not calc.ok:
            return HttpResponse(
                calc.error + "\n", status=400, content_type="text/plain; charset=utf-8"
            )
        data = self.timeline_data(request, calc)
        stamp = self.last_published_at or self.latest_revision_created_at
        stamp = (
            stamp.astimezone(datetime.UTC)
            if stamp
            else datetime.datetime.combine(calc.end_date, datetime.time(), datetime.UTC)
        )
        page_url = request.build_absolute_uri(data["page"]) if data["page"] else ""
        calendar = Calendar()
        calendar.add("prodid", "-//Trust Hub//Retention timeline//EN")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", f"{self.product_title}: when our data will be deleted")
        for entry in calc.timeline:
            event = Event()
            event.add(
                "uid",
                f"retention-{data['product_slug']}-{data['ended']}-{entry.key}@trusthub",
            )
            event.add("dtstamp", stamp)
            event.add("dtstart", entry.date)
            event.add("dtend", entry.date + datetime.timedelta(days=1))
            event.add("summary", f"{self.product_title}: {entry.label}")
            description = f"{entry.rule}."
            if entry.description:
                description += f"\n\n{entry.description}"
            if page_url:
                description += f"\n\n{page_url}"
                event.add("url", page_url)
            event.add("description", description)
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
        response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="{data["product_slug"] or "product"}-retention-'
            f'{data["ended"]}.ics"'
        )
        return response
