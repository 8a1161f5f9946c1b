"""Structured blocks for privacy summaries and security statements."""

import datetime

from django.utils import timezone
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

LAWFUL_BASES = [
    ("consent", "Consent (Article 6(1)(a))"),
    ("contract", "Performance of a contract (Article 6(1)(b))"),
    ("legal_obligation", "Legal obligation (Article 6(1)(c))"),
    ("vital_interests", "Vital interests (Article 6(1)(d))"),
    ("public_task", "Public task (Article 6(1)(e))"),
    ("legitimate_interests", "Legitimate interests (Article 6(1)(f))"),
]

SPECIAL_CATEGORY_CONDITIONS = [
    ("explicit_consent", "Explicit consent (Article 9(2)(a))"),
    (
        "employment_social_security",
        "Employment, social security and social protection law (9(2)(b))",
    ),
    ("vital_interests", "Vital interests (Article 9(2)(c))"),
    ("not_for_profit", "Not-for-profit bodies (Article 9(2)(d))"),
    ("made_public", "Made public by the data subject (Article 9(2)(e))"),
    ("legal_claims", "Legal claims or judicial acts (Article 9(2)(f))"),
    ("substantial_public_interest", "Reasons of substantial public interest (Article 9(2)(g))"),
    ("health_social_care", "Health or social care (Article 9(2)(h))"),
    ("public_health", "Public health (Article 9(2)(i))"),
    ("archiving_research", "Archiving, research and statistics (Article 9(2)(j))"),
]

CONTROL_AREAS = [
    ("access", "Access control and multi-factor authentication"),
    ("encryption", "Encryption in transit and at rest"),
    ("backups", "Backups and restore"),
    ("monitoring", "Monitoring and logging"),
    ("vulnerability", "Vulnerability management"),
    ("development", "Secure development"),
    ("training", "Staff training"),
    ("incident", "Incident response"),
    ("network", "Network and hosting security"),
    ("governance", "Governance and certification"),
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
