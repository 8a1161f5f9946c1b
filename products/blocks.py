"""Structured blocks for privacy summaries, security statements and retention rules."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from wagtail import blocks
from wagtail.blocks import (
    ListBlockValidationError,
    StreamBlockValidationError,
    StructBlockValidationError,
)
from wagtail.documents.blocks import DocumentChooserBlock

from . import retention
from .rules import month_day, read_stages

# The labels of these choices are printed on the public pages (a lawful basis, a special-category
# condition, a security statement's topic headings). They are marked for translation but stay
# English strings here (they also go into the evidence pack's hashed JSON): templates translate
# them as they print them, `{% translate block.value.label %}`.
LAWFUL_BASES = [
    ("consent", gettext_noop("Consent (Article 6(1)(a))")),
    ("contract", gettext_noop("Performance of a contract (Article 6(1)(b))")),
    ("legal_obligation", gettext_noop("Legal obligation (Article 6(1)(c))")),
    ("vital_interests", gettext_noop("Vital interests (Article 6(1)(d))")),
    ("public_task", gettext_noop("Public task (Article 6(1)(e))")),
    ("legitimate_interests", gettext_noop("Legitimate interests (Article 6(1)(f))")),
]

SPECIAL_CATEGORY_CONDITIONS = [
    ("explicit_consent", gettext_noop("Explicit consent (Article 9(2)(a))")),
    (
        "employment_social_security",
        gettext_noop("Employment, social security and social protection law (9(2)(b))"),
    ),
    ("vital_interests", gettext_noop("Vital interests (Article 9(2)(c))")),
    ("not_for_profit", gettext_noop("Not-for-profit bodies (Article 9(2)(d))")),
    ("made_public", gettext_noop("Made public by the data subject (Article 9(2)(e))")),
    ("legal_claims", gettext_noop("Legal claims or judicial acts (Article 9(2)(f))")),
    (
        "substantial_public_interest",
        gettext_noop("Reasons of substantial public interest (Article 9(2)(g))"),
    ),
    ("health_social_care", gettext_noop("Health or social care (Article 9(2)(h))")),
    ("public_health", gettext_noop("Public health (Article 9(2)(i))")),
    ("archiving_research", gettext_noop("Archiving, research and statistics (Article 9(2)(j))")),
]

CONTROL_AREAS = [
    ("access", gettext_noop("Access control and multi-factor authentication")),
    ("encryption", gettext_noop("Encryption in transit and at rest")),
    ("backups", gettext_noop("Backups and restore")),
    ("monitoring", gettext_noop("Monitoring and logging")),
    ("vulnerability", gettext_noop("Vulnerability management")),
    ("development", gettext_noop("Secure development")),
    ("training", gettext_noop("Staff training")),
    ("incident", gettext_noop("Incident response")),
    ("network", gettext_noop("Network and hosting security")),
    ("governance", gettext_noop("Governance and certification")),
]


class DataSubjectBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        max_length=80, help_text="e.g. 'Pupils', 'Parents and carers', 'Staff'."
    )
    description = blocks.TextBlock(required=False, help_text="Who exactly, in a sentence.")

    class Meta:
        icon = "group"
        label = "Data subject"


class DataCategoryBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, help_text="e.g. 'Attendance', 'Medical information'.")
    description = blocks.TextBlock(required=False, help_text="What this includes.")
    special_category = blocks.BooleanBlock(
        required=False,
        help_text="Tick if this is special-category data (UK GDPR Article 9), e.g. health, "
        "ethnicity, religion, biometrics.",
    )

    class Meta:
        icon = "list-ul"
        label = "Data category"


class PurposeBlock(blocks.StructBlock):
    purpose = blocks.CharBlock(max_length=200)
    detail = blocks.TextBlock(required=False)

    class Meta:
        icon = "tick"
        label = "Purpose"


class LawfulBasisValue(blocks.StructValue):
    @property
    def label(self):
        return dict(LAWFUL_BASES).get(self.get("basis"), self.get("basis"))


class SpecialCategoryConditionValue(blocks.StructValue):
    @property
    def label(self):
        return dict(SPECIAL_CATEGORY_CONDITIONS).get(self.get("condition"), self.get("condition"))


class LawfulBasisBlock(blocks.StructBlock):
    basis = blocks.ChoiceBlock(choices=LAWFUL_BASES)
    explanation = blocks.TextBlock(required=False, help_text="When and why this basis applies.")

    class Meta:
        icon = "doc-full"
        label = "Lawful basis"
        value_class = LawfulBasisValue


class SpecialCategoryConditionBlock(blocks.StructBlock):
    condition = blocks.ChoiceBlock(choices=SPECIAL_CATEGORY_CONDITIONS)
    explanation = blocks.TextBlock(required=False)

    class Meta:
        icon = "warning"
        label = "Special-category condition"
        value_class = SpecialCategoryConditionValue


class DataSourceBlock(blocks.StructBlock):
    source = blocks.CharBlock(max_length=120, help_text="e.g. 'Your school's MIS via Wonde'.")
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "arrow-right"
        label = "Data source"


class SecurityControlBlock(blocks.StructBlock):
    area = blocks.ChoiceBlock(choices=CONTROL_AREAS, help_text="Controls are grouped by area.")
    description = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "lock"
        label = "Security control"


class CertificationValue(blocks.StructValue):
    def status(self, today=None):
        valid_until = self.get("valid_until")
        today = today or timezone.localdate()
        if valid_until is None:
            return "unknown"
        if valid_until < today:
            return "expired"
        if valid_until - today <= datetime.timedelta(days=60):
            return "expiring"
        return "valid"

    @property
    def is_expired(self):
        return self.status() == "expired"

    @property
    def current_status(self):
        return self.status()


class CertificationBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, help_text="e.g. 'ISO/IEC 27001:2022'.")
    issuer = blocks.CharBlock(max_length=120, help_text="The certification body.")
    scope = blocks.TextBlock(help_text="What the certificate covers.")
    valid_until = blocks.DateBlock(help_text="Expiry date on the certificate.")
    certificate = DocumentChooserBlock(
        required=False, help_text="Optional copy of the certificate."
    )

    class Meta:
        icon = "success"
        label = "Certification"
        value_class = CertificationValue


# --- Retention rules (products/rules.py reads them into the engine, products/retention/) ------

RETENTION_MONTHS = [(str(number), name) for number, name in enumerate(retention.MONTH_NAMES, 1)]
OFFSET_UNITS = [("days", "days"), ("months", "months")]
STAGE_KEY_HELP = (
    "A short name for the stage that other stages can count from, e.g. 'access-revoked'. "
    "Lower-case letters, digits and hyphens. Also used in calendar downloads: avoid changing it."
)
FROM_STAGE_HELP = (
    "Leave blank to count from the date the subscription or contract ends. Otherwise give the key "
    "(or the number, 1 for the first) of a stage listed above this one."
)


class SeasonalWindowBlock(blocks.StructBlock):
    start_day = blocks.IntegerBlock(min_value=1, max_value=31)
    start_month = blocks.ChoiceBlock(choices=RETENTION_MONTHS)
    end_day = blocks.IntegerBlock(min_value=1, max_value=31, help_text="Inclusive.")
    end_month = blocks.ChoiceBlock(choices=RETENTION_MONTHS)
    by_end_of = blocks.ChoiceBlock(
        choices=RETENTION_MONTHS,
        label="happens by the end of the following",
        help_text="The last day of the first such month that ends on or after the starting date.",
    )

    class Meta:
        icon = "date"
        label = "Window of the year"
        help_text = "A window may wrap the year end, e.g. 1 September to 31 March."

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        for prefix in ("start", "end"):
            month, day = value.get(f"{prefix}_month"), value.get(f"{prefix}_day")
            if month and day and not month_day(month, day).is_valid:
                errors[f"{prefix}_day"] = ValidationError(
                    _("%(month)s has no day %(day)s.")
                    % {"month": retention.month_name(int(month)), "day": day}
                )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class StageReferenceBlock(blocks.CharBlock):
    """Another stage's key: an identifier, not words. Never offered for translation
    (wagtail-localize), so a Welsh retention page counts from the same stages as its original."""

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class RetentionStageBlock(blocks.StructBlock):
    """What every stage has: a key other stages can refer to, a label and a description."""

    key = blocks.RegexBlock(
        regex=r"^[a-z][a-z0-9-]*$",
        max_length=40,
        help_text=STAGE_KEY_HELP,
        error_messages={
            "invalid": gettext_lazy(
                "Use lower-case letters, digits and hyphens, starting with a letter."
            )
        },
    )
    label = blocks.CharBlock(max_length=80, help_text="e.g. 'Live data deleted'.")
    description = blocks.TextBlock(
        required=False, help_text="What happens at this stage, in plain English."
    )


class OffsetStageBlock(RetentionStageBlock):
    """A stage a fixed number of days or months after the end date or an earlier stage."""

    amount = blocks.IntegerBlock(
        min_value=0, max_value=retention.MAX_OFFSET_DAYS, help_text="e.g. 90."
    )
    unit = blocks.ChoiceBlock(choices=OFFSET_UNITS, default="days")
    from_stage = StageReferenceBlock(
        required=False, max_length=40, label="counted from", help_text=FROM_STAGE_HELP
    )

    class Meta:
        icon = "time"
        label = "Stage: a fixed time later"


class SeasonalStageBlock(RetentionStageBlock):
    """A stage by the end of a month that depends on when in the year the starting date falls."""

    windows = blocks.ListBlock(
        SeasonalWindowBlock(),
        min_num=1,
        help_text="Together the windows must cover every day of the year, 29 February included, "
        "exactly once.",
    )
    from_stage = StageReferenceBlock(
        required=False, max_length=40, label="counted from", help_text=FROM_STAGE_HELP
    )

    class Meta:
        icon = "calendar-alt"
        label = "Stage: by the end of a month, depending on the time of year"


def _incomplete(value):
    """A stage still being written: no key or label yet, or (for a fixed offset) no amount."""
    missing_amount = "amount" in value and value.get("amount") in (None, "")
    return missing_amount or not (value.get("key") and value.get("label"))


class RetentionStagesBlock(blocks.StreamBlock):
    """The ordered stages of what happens to a product's data after a contract ends."""

    offset = OffsetStageBlock()
    seasonal = SeasonalStageBlock()

    class Meta:
        max_num = retention.MAX_STAGES

    def clean(self, value):
        cleaned = super().clean(value)
        stages, problems = read_stages(cleaned)
        problems += retention.find_problems(stages)
        if self.is_deferred_validation:  # a draft: don't nag about stages still being written
            skipped = {i for i, child in enumerate(cleaned) if _incomplete(child.value)}
            problems = [p for p in problems if p.stage not in skipped]
        if not problems:
            return cleaned
        by_stage = {}
        for problem in problems:
            if problem.stage is not None:
                by_stage.setdefault(problem.stage, {}).setdefault(problem.field, [])
                by_stage[problem.stage][problem.field].append(problem.message)
        block_errors = {}
        for index, fields in by_stage.items():
            child_errors = {}
            for field, messages in fields.items():
                if field == "windows":
                    child_errors[field] = ListBlockValidationError(non_block_errors=messages)
                elif field is not None:
                    child_errors[field] = ValidationError(messages)
            block_errors[index] = StructBlockValidationError(
                block_errors=child_errors, non_block_errors=fields.get(None)
            )
        raise StreamBlockValidationError(
            block_errors=block_errors,
            non_block_errors=[p.message for p in problems if p.stage is None],
        )
