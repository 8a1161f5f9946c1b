"""Public fixes: honest export errors for unknown filters, and labelled table cells on phones."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings

from products.models import ProductPage

pytestmark = pytest.mark.django_db

SITE_CSS = Path(settings.BASE_DIR) / "static" / "css" / "site.css"


def live_slugs():
    return list(
        ProductPage.objects.live()
        .filter(locale__language_code="en-gb")
        .public()
        .order_by("path")
        .values_list("slug", flat=True)
    )


def export_error(client, fmt, query):
    response = client.get(f"/subprocessors/register.{fmt}{query}")
    assert response.status_code == 400, (fmt, query)
    if fmt == "json":
        assert "“" in response.content.decode()  # as written, not as \u201c: like the exports
        return response.json()["error"]
    assert response["Content-Type"].startswith("text/plain")
    return response.content.decode()


# --- 13a: exports answer 400 without claiming to show "the others" --------------------------


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_unknown_product_in_an_export_lists_the_products_instead(client, demo, fmt):
    slugs = live_slugs()
    assert set(slugs) == {"pupil-progress", "juniper-mis", "pupil-asset", "communications-hub"}
    for query in ["?product=bogus", "?product=juniper-mis&product=bogus"]:
        message = export_error(client, fmt, query)
        assert "There is no product called “bogus”." in message
        assert "Products: " + ", ".join(slugs) + "." in message
        assert "showing" not in message.lower() and "others" not in message.lower()


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_unknown_recipient_type_in_an_export_lists_the_types(client, demo, fmt):
    message = export_error(client, fmt, "?type=weird")
    assert "Unknown recipient type “weird”." in message
    assert "Types: subprocessor, other." in message
    assert "showing" not in message.lower()


def test_the_html_register_still_says_it_ignores_an_unknown_filter(client, demo):
    response = client.get("/subprocessors/?product=bogus&type=weird")
    assert response.status_code == 200
    body = re.sub(r"\s+", " ", response.content.decode())
    assert "There is no product called “bogus”." in body
    assert "Unknown recipient type “weird”." in body
    assert "Filters that were not recognised are ignored below." in body


def test_an_unknown_product_on_the_change_log_is_ignored_with_a_message(client, demo):
    response = client.get("/subprocessors/changes/?product=bogus")
    assert response.status_code == 200
    body = re.sub(r"\s+", " ", response.content.decode())
    assert "There is no product called “bogus”." in body
    assert "Filters that were not recognised are ignored below." in body


# --- 13b: on a phone, table cells become cards and keep their column's label -------------------


class Tables(HTMLParser):
    """Every <table>: its column headings and, per body row, each cell's data-label."""

    def __init__(self):
        super().__init__()
        self.tables, self._in_thead, self._heading = [], False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.tables.append({"headings": [], "rows": []})
        elif tag == "thead":
            self._in_thead = True
        elif tag == "th" and self._in_thead:
            self._heading = ""
        elif tag == "tr" and not self._in_thead and self.tables:
            self.tables[-1]["rows"].append([])
        elif tag == "td" and self.tables and self.tables[-1]["rows"]:
            self.tables[-1]["rows"][-1].append(attrs.get("data-label"))

    def handle_endtag(self, tag):
        if tag == "thead":
            self._in_thead = False
        elif tag == "th" and self._heading is not None:
            self.tables[-1]["headings"].append(" ".join(self._heading.split()))
            self._heading = None

    def handle_data(self, data):
        if self._heading is not None:
            self._heading += data


def tables(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = Tables()
    parser.feed(response.content.decode())
    return parser.tables


def assert_cells_carry_their_column_label(table):
    """The first column is the row heading (<th scope="row">); each <td> names its column."""
    assert table["rows"], table["headings"]
    for row in table["rows"]:
        assert row == table["headings"][1:], (row, table["headings"])


def test_data_category_cards_keep_the_special_category_label(client, demo):
    found = tables(client, "/products/juniper-mis/")
    data = next(t for t in found if t["headings"][:1] == ["Category"])
    assert data["headings"] == ["Category", "What it includes", "Special category?"]
    assert_cells_carry_their_column_label(data)
    assert all(row[-1] == "Special category?" for row in data["rows"])


@pytest.mark.parametrize("url", ["/subprocessors/", "/products/communications-hub/"])
def test_register_cards_keep_their_column_labels(client, demo, url):
    registers = [t for t in tables(client, url) if t["headings"][:1] == ["Recipient"]]
    assert registers
    for table in registers:
        assert_cells_carry_their_column_label(table)


def test_the_phone_layout_shows_each_cells_label():
    css = SITE_CSS.read_text()
    phone = re.search(r"@media \(max-width: 40rem\) \{\s*\.data-table thead.*?\n\}", css, re.S)
    assert phone, "the phone layout of .data-table"
    assert re.search(
        r"\.data-table td\[data-label\]::before\s*\{[^}]*content:\s*attr\(data-label\)",
        phone.group(0),
    )
