"""The product page types. One module per page type; import them from here
(`from products.models import ProductPage`), as other apps and the migrations do."""

from .internal_notes import INTERNAL_NOTE_PANELS, internal_note_field
from .retention import (
    DEFAULT_CERTIFICATE_NOTES,
    DEFAULT_ERASURE_NOTES,
    DEFAULT_EXPORT_NOTES,
    DEFAULT_RETENTION_INTRO,
    RetentionCalculation,
    RetentionPage,
)
from .security import SecurityStatementPage
from .summary import ProductIndexPage, ProductPage

__all__ = [
    "DEFAULT_CERTIFICATE_NOTES",
    "DEFAULT_ERASURE_NOTES",
    "DEFAULT_EXPORT_NOTES",
    "DEFAULT_RETENTION_INTRO",
    "INTERNAL_NOTE_PANELS",
    "ProductIndexPage",
    "ProductPage",
    "RetentionCalculation",
    "RetentionPage",
    "SecurityStatementPage",
    "internal_note_field",
]
