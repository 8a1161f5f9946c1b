"""The editors-only note that every product page type carries."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


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
