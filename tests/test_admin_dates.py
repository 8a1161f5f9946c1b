"""Admin date fields accept ISO and UK day-first dates and never store another date (issue 10).

The browser half (the picker must not turn a typed date into today's) is
tests/test_browser_admin_dates.py.
"""

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.fields import BaseTemporalField
from django.utils import translation
from wagtail.admin.panels import get_edit_handler
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from home.models import HomePage, StandardPage
from products.models import ProductPage, RetentionPage, SecurityStatementPage
from subprocessors.models import ChangeNotice, Subprocessor
from trusthub.core.admin_dates import AdminDateField, AdminDateTimeField
from trusthub.core.models import OrganisationSettings

LONDON = ZoneInfo("Europe/London")
JAN_15 = datetime.date(2027, 1, 15)
SAME_DAY = ["2027-01-15", "15/01/2027", "15/1/2027", " 2027-1-15 "]
NOT_DATES = ["2027-02-30", "30/02/2027", "31/04/2027", "next week", "15/01/27", "01/15/2027"]


def snippet_form(model):
    return model.snippet_viewset.get_form_class()


def page_form(model):
    return get_edit_handler(model).get_form_class()


def all_fields(form_class, prefix=""):
    """The form's fields and those of its inline rows (e.g. a register entry's product uses)."""
    for name, field in form_class.base_fields.items():
        yield prefix + name, field
    for name, formset in getattr(form_class, "formsets", {}).items():
        yield from all_fields(formset.form, f"{prefix}{name}-")


def temporal_fields(form_class):
    return {
        name: field
        for name, field in all_fields(form_class)
        if isinstance(field, BaseTemporalField)
    }


def label_field(form_class, label):
    matches = [f for _, f in all_fields(form_class) if str(f.label).lower() == label.lower()]
    assert len(matches) == 1, f"no single field labelled {label!r} in {form_class.__name__}"
    return matches[0]


ADMIN_FORMS = {
    "register entry": lambda: snippet_form(Subprocessor),
    "change notice": lambda: snippet_form(ChangeNotice),
    "product page": lambda: page_form(ProductPage),
    "security statement": lambda: page_form(SecurityStatementPage),
    "retention page": lambda: page_form(RetentionPage),
    "home page": lambda: page_form(HomePage),
    "standard page": lambda: page_form(StandardPage),
    "organisation settings": lambda: page_form(OrganisationSettings),
}


@pytest.mark.parametrize("form_name", ADMIN_FORMS)
def test_every_admin_date_field_uses_the_strict_fields_and_picker(form_name):
    """Whatever the field is called (the register's dates may move), every date field in each
    admin form is one of ours, with Wagtail's picker widget."""
    for name, field in temporal_fields(ADMIN_FORMS[form_name]()).items():
        if isinstance(field, AdminDateTimeField):
            assert isinstance(field.widget, AdminDateTimeInput), (form_name, name)
        else:
            assert isinstance(field, AdminDateField), (form_name, name, type(field))
            assert isinstance(field.widget, AdminDateInput), (form_name, name)


@pytest.mark.parametrize(
    ("form_name", "label"),
    [
        ("register entry", "Stopped on"),
        ("change notice", "Effective date"),
        ("change notice", "Objection deadline"),
        ("product page", "Last reviewed"),
    ],
)
def test_named_fields_read_iso_and_uk_dates_as_the_same_day(form_name, label):
    field = label_field(ADMIN_FORMS[form_name](), label)
    for text in SAME_DAY:
        assert field.clean(text) == JAN_15, text
    assert field.clean("5/1/2027") == datetime.date(2027, 1, 5)  # day first, never month first


def test_register_entry_start_date_on_the_entry_or_its_product_rows():
    """The New Relic case: 'In use since' 2027-01-15 is 15 January 2027, not today."""
    since = label_field(snippet_form(Subprocessor), "In use since")
    assert isinstance(since, AdminDateField)
    assert since.clean("2027-01-15") == since.clean("15/01/2027") == JAN_15
    with pytest.raises(ValidationError):
        since.clean("2027-02-30")


@pytest.mark.parametrize("text", NOT_DATES)
def test_impossible_or_ambiguous_dates_are_refused_with_a_clear_message(text):
    field = label_field(snippet_form(Subprocessor), "Stopped on")
    with pytest.raises(ValidationError) as refused:
        field.clean(text)
    [message] = refused.value.messages
    assert message == (
        f"“{text}” is not a date. Enter a real date as YYYY-MM-DD or DD/MM/YYYY, "
        "for example 2027-01-15 or 15/01/2027."
    )


def test_a_blank_optional_date_stays_blank_and_a_required_one_is_required():
    form = snippet_form(Subprocessor)
    assert label_field(form, "Stopped on").clean("") is None
    with pytest.raises(ValidationError) as refused:
        label_field(snippet_form(ChangeNotice), "Effective date").clean("")
    assert refused.value.code == "required"


def test_day_first_whatever_the_language():
    """US English reads 01/02/2027 as 2 January; the admin always reads it as 1 February."""
    field = label_field(page_form(ProductPage), "Last reviewed")
    for language in ["en", "en-us", "en-gb", "de"]:
        with translation.override(language):
            assert field.clean("01/02/2027") == datetime.date(2027, 2, 1), language
            assert field.clean("2027-02-01") == datetime.date(2027, 2, 1), language


def test_go_live_and_expiry_take_iso_and_uk_date_times():
    fields = temporal_fields(page_form(ProductPage))
    for name in ["go_live_at", "expire_at"]:
        field = fields[name]
        assert isinstance(field, AdminDateTimeField), name
        half_past_nine = datetime.datetime(2027, 1, 15, 9, 30, tzinfo=LONDON)
        for text in ["2027-01-15 09:30", "15/01/2027 09:30", "2027-01-15T09:30", "15/1/2027 9:30"]:
            assert field.clean(text) == half_past_nine, (name, text)
        midnight = datetime.datetime(2027, 1, 15, tzinfo=LONDON)
        assert field.clean("15/01/2027") == field.clean("2027-01-15") == midnight
        with pytest.raises(ValidationError) as refused:
            field.clean("30/02/2027 09:30")
        assert "is not a date and time" in refused.value.messages[0]


def test_the_display_format_is_one_the_fields_read_back():
    """What the picker writes (WAGTAIL_DATE_FORMAT) must parse to the same date on save."""
    field = AdminDateField()
    shown = JAN_15.strftime(settings.WAGTAIL_DATE_FORMAT)
    assert field.clean(shown) == JAN_15
    when = datetime.datetime(2027, 1, 15, 9, 30, tzinfo=LONDON)
    shown = when.strftime(settings.WAGTAIL_DATETIME_FORMAT)
    assert AdminDateTimeField().clean(shown) == when


@pytest.mark.django_db
def test_every_admin_page_loads_the_picker_fix(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    script = "/static/js/admin-dates.js"
    assert script in html
    # After Wagtail's picker library (it changes the library's defaults) ...
    assert html.index("jquery.datetimepicker.js") < html.index(script)
    source = Path(settings.BASE_DIR, "static", "js", "admin-dates.js").read_text()
    assert "validateOnBlur = false" in source
