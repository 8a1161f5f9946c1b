"""Dates in the admin: ISO (2027-01-15) and UK day-first (15/01/2027) input, never another date.

Wagtail's date pickers re-read a field on blur using only WAGTAIL_DATE_FORMAT and replaced
anything else with today's date (issue 10). The fix has two halves:

* ``static/js/admin-dates.js``, added to every admin page by ``home/wagtail_hooks.py``, stops
  every picker from rewriting what was typed and tidies a date it can read for certain into the
  display format (2027-01-15 -> 15/01/2027). It covers every picker in the admin: model forms,
  the page scheduling dialog, StreamField date blocks and listing filters.
* The form fields below, used for every model ``DateField`` / ``DateTimeField`` in Wagtail admin
  forms (register entries, change notices, pages, settings; see ``register_admin_date_fields``),
  accept exactly ``YYYY-MM-DD`` and ``D/M/YYYY`` (plus a time), whatever the locale, and refuse
  anything else (30/02/2027, "next week", a two-digit year) with a message that says what to type.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
DATETIME_INPUT_FORMATS = [
    f"{date}{separator}{time}"
    for date in DATE_INPUT_FORMATS
    for separator in (" ", "T")
    for time in ("%H:%M", "%H:%M:%S")
] + DATE_INPUT_FORMATS

INVALID_DATE = (
    "“%(value)s” is not a date. Enter a real date as YYYY-MM-DD or DD/MM/YYYY, for example "
    "2027-01-15 or 15/01/2027."
)
INVALID_DATETIME = (
    "“%(value)s” is not a date and time. Enter it as YYYY-MM-DD HH:MM or DD/MM/YYYY HH:MM, "
    "for example 2027-01-15 09:30 or 15/01/2027 09:30."
)


class _NamesTheValue:
    """Say which text was refused: the default "Enter a valid date." does not."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as error:
            if getattr(error, "code", None) != "invalid":
                raise
            raise ValidationError(
                self.error_messages["invalid"],
                code="invalid",
                params={"value": str(value).strip()},
            ) from None


class AdminDateField(_NamesTheValue, forms.DateField):
    """A date typed as 2027-01-15, 15/01/2027 or 15/1/2027; anything else is an error."""

    input_formats = DATE_INPUT_FORMATS
    default_error_messages = {"invalid": INVALID_DATE}


class AdminDateTimeField(_NamesTheValue, forms.DateTimeField):
    """A date and time (or a date alone, meaning midnight) in the same two forms."""

    input_formats = DATETIME_INPUT_FORMATS
    default_error_messages = {"invalid": INVALID_DATETIME}


def register_admin_date_fields():
    """Use these fields, with Wagtail's own picker widgets, for every model date field in the
    admin. Must run before any admin form class is built: ``trusthub.core.apps.CoreConfig.ready``."""
    register_form_field_override(
        models.DateField, override={"form_class": AdminDateField, "widget": AdminDateInput}
    )
    register_form_field_override(
        models.DateTimeField,
        override={"form_class": AdminDateTimeField, "widget": AdminDateTimeInput},
    )
