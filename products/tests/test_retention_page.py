"""The retention page: its explanation of the rules and its date calculator (HTML)."""

import datetime
import io
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from icalendar import Calendar

from products.models import ProductPage, RetentionPage

from .factories import (
    BAD_DATES,
    PP,
    SEED_DATES,
    SLUGS,
    add_product,
    add_retention_page,
    retention_page,
    text,
    timeline_dates,
)

# --- The explanation ---------------------------------------------------------------------------


def test_page_explains_the_rules_stage_by_stage(client, demo):
    response = client.get(PP)
    assert response.status_code == 200
    body = text(response)
    assert "<h1>When will our Pupil Progress data be deleted?</h1>" in body
    for sentence in [
        "90 days after the contract ends.",
        "By the end of the following August if the contract ends between 1 September and "
        "31 March; by the end of the following January if it ends between 1 April and "
        "31 August.",
        "90 days after “Live data deleted”.",
        "means on the last day of the first August that ends on or after that date.",
        "A stage never comes before the one above it",
    ]:
        assert sentence in body, sentence
    for label in ["1. Access revoked", "2. Live data deleted", "3. Backups gone"]:
        assert f'<th scope="row">{label}</th>' in body
    # editor-written notes: a full copy first, early erasure, certificate of deletion
    for heading in [
        "Get a full copy of your data first",
        "Ask for early erasure",
        "Certificate of deletion",
    ]:
        assert f">{heading}</h2>" in body
    assert "download a complete copy" in body
    assert "about a month" in body
    assert "confirm in writing" in body
    assert "mailto:DPO@junipereducation.org" in body
    # no date asked for yet: a form, no timeline, no error
    assert '<label for="ended">' in body
    assert 'aria-describedby="ended-hint"' in body
    assert 'class="timeline"' not in body and "error-message" not in body
    assert "public" in response["Cache-Control"]


@pytest.mark.parametrize("slug", SLUGS[1:])
def test_other_products_destroy_data_after_30_days(client, demo, slug):
    response = client.get(f"/products/{slug}/retention/?ended=2027-02-22")
    assert response.status_code == 200
    body = text(response)
    assert "30 days after the contract ends." in body
    assert timeline_dates(response) == ["2027-02-22", "2027-03-24"]
    assert "24 March 2027" in body


@pytest.mark.parametrize("slug", SLUGS)
def test_product_page_links_to_its_retention_page(client, demo, slug):
    body = text(client.get(f"/products/{slug}/"))
    assert f'href="/products/{slug}/retention/"' in body
    assert "data be deleted?</a>" in body


def test_home_page_mentions_the_retention_pages(client, demo):
    assert "retention page" in text(client.get("/"))


def test_demo_content_is_idempotent(demo):
    assert RetentionPage.objects.live().filter(locale__language_code="en-gb").count() == 4
    call_command("load_demo_content", "--if-empty", stdout=io.StringIO())
    assert RetentionPage.objects.filter(locale__language_code="en-gb").count() == 4


def test_page_type_rules():
    assert RetentionPage.parent_page_types == ["products.ProductPage"]
    assert "products.RetentionPage" in ProductPage.subpage_types
    assert RetentionPage.max_count_per_parent == 1


def test_the_slug_must_be_retention(demo):
    page = retention_page("pupil-asset")
    page.slug = "keeping"
    with pytest.raises(ValidationError) as excinfo:
        page.full_clean()
    assert "Use the slug 'retention'" in str(excinfo.value.message_dict["slug"])


# --- The calculator ----------------------------------------------------------------------------


def test_a_submitted_date_shows_the_exact_date_of_each_stage(client, demo):
    response = client.get(PP + "?ended=2027-02-22")
    assert response.status_code == 200
    body = text(response)
    assert timeline_dates(response) == ["2027-02-22"] + [iso for iso, _ in SEED_DATES]
    for iso, human in SEED_DATES:
        assert f'<time datetime="{iso}">{human}</time>' in body
    assert "Your timeline if the contract ended on" in body
    # which rule produced each date
    assert "Rule: 90 days after the end date (22 February 2027)." in body
    assert (
        "Rule: The end date (22 February 2027) falls between 1 September and 31 March, so by "
        "the end of the following August." in body
    )
    assert "Rule: 90 days after “Live data deleted” (31 August 2027)." in body
    assert 'value="2027-02-22"' in body
    assert f'href="{PP}timeline.ics?ended=2027-02-22"' in body
    assert f'href="{PP}timeline.json?ended=2027-02-22"' in body
    cache = response["Cache-Control"]
    assert "public" in cache and "s-maxage=" in cache


def test_the_date_field_is_a_date_picker_limited_to_the_accepted_range(client, demo):
    body = text(client.get(PP))
    field = re.search(r'<input type="date" id="ended" name="ended"[^>]*>', body).group(0)
    assert 'min="2000-01-01"' in field and 'max="2100-12-31"' in field
    assert 'inputmode="numeric"' not in field  # iPhones' digits-only keypad has no "-"
    # where the browser has no picker, the hint says what to type
    assert "day/month/year (for example 22/02/2027)" in body
    assert "year-month-day (for example 2027-02-22)" in body


def test_a_uk_date_gives_the_same_timeline_with_the_iso_date_echoed(client, demo):
    iso = client.get(PP + "?ended=2027-02-22")
    uk = client.get(PP + "?ended=22%2F02%2F2027")
    assert uk.status_code == 200
    assert timeline_dates(uk) == timeline_dates(iso)
    body = text(uk)
    assert 'value="2027-02-22"' in body  # what a date picker can show
    assert f'href="{PP}timeline.ics?ended=2027-02-22"' in body
    data = json.loads(client.get(PP + "timeline.json?ended=22/02/2027").content)
    assert data["ended"] == "2027-02-22"
    assert data["page"] == PP + "?ended=2027-02-22"
    assert [e["date"] for e in data["timeline"]] == [iso for iso, _ in SEED_DATES]
    ics = client.get(PP + "timeline.ics?ended=22/02/2027")
    assert ics["Content-Disposition"].endswith('-2027-02-22.ics"')
    events = list(Calendar.from_ical(ics.content).walk("VEVENT"))
    assert [e.decoded("dtstart") for e in events][1] == datetime.date(2027, 8, 31)


def test_junk_extra_query_parameters_are_ignored(client, demo):
    response = client.get(PP + "?utm_source=x&ended=2027-02-22&a[]=<script>&%zz&x=%00%ff")
    assert response.status_code == 200
    assert timeline_dates(response)[1:] == [iso for iso, _ in SEED_DATES]
    assert "<script>" not in response.content.decode()
    assert client.get(PP + "timeline.json?ended=2027-02-22&junk=1").status_code == 200


# --- Bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize("value, message", BAD_DATES)
def test_bad_dates_get_a_clear_message_on_the_page(client, demo, value, message):
    response = client.get(PP + "?ended=" + value)
    assert response.status_code == 400
    body = text(response)
    assert message in body
    assert '<p class="error-message" id="ended-error">' in body
    assert 'aria-describedby="ended-hint ended-error" aria-invalid="true"' in body
    assert "<title>Error: " in body
    assert 'class="timeline"' not in body
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("query", ["?ended=", "?ended=%20%20"])
def test_an_empty_date_asks_for_one(client, demo, query):
    response = client.get(PP + query)
    assert response.status_code == 200
    body = text(response)
    assert "Enter the date your subscription or contract ended, for example 2027-02-22." in body
    assert 'aria-invalid="true"' in body
    for suffix in ["timeline.json", "timeline.ics"]:
        response = client.get(PP + suffix + query)
        assert response.status_code == 400
    error = json.loads(client.get(PP + "timeline.json" + query).content)["error"]
    assert error["code"] == "missing_date"


def test_a_never_published_retention_page_is_not_public(client, demo):
    product = add_product("new-product", "New product")
    draft = add_retention_page(
        product,
        retention_page("juniper-mis").stages,
        title="When will our New product data be deleted?",
        live=False,
    )
    draft.save_revision()
    assert client.get("/products/new-product/").status_code == 200
    url = "/products/new-product/retention/"
    for suffix in ["", "?ended=2027-02-22", "timeline.json?ended=2027-02-22"]:
        assert client.get(url + suffix).status_code == 404, suffix
    assert client.get(url + "timeline.ics?ended=2027-02-22").status_code == 404
    assert "data be deleted?</a>" not in text(client.get("/products/new-product/"))
