"""The data-flow diagram on each product page: drawn from the register (one node per current
recipient, labelled with countries and safeguard), changing when the register changes, with the
same facts as a list, and safe whatever an editor types."""

import datetime
import html
import re
import xml.etree.ElementTree as ET

import pytest

from products.models import ProductPage
from subprocessors import dataflow
from subprocessors.models import Subprocessor
from subprocessors.register import RegisterFilter

from .factories import ENTRY_EDIT_URL, TODAY, dpo_user, entry_form, make_entry

SVG = "{http://www.w3.org/2000/svg}"
PUBLISH = {"action-publish": "action-publish"}


def diagram(client, slug):
    """(the diagram's SVG element, the text of its list) on the product page."""
    response = client.get(f"/products/{slug}/")
    assert response.status_code == 200
    body = response.content.decode()
    section = body.split('id="data-flow"', 1)[1].split("</section>", 1)[0]
    svg = ET.fromstring(re.search(r"<svg.*?</svg>", section, re.S).group(0))
    listed = re.sub(r"<[^>]+>", " ", section.split("</figure>", 1)[1])
    listed = re.sub(r"\s+", " ", html.unescape(listed))
    return svg, listed


def nodes(svg, kind="recipient"):
    return [
        g for g in svg.iter(f"{SVG}g") if f"dataflow-node--{kind}" in g.get("class", "").split()
    ]


def node_text(g):
    return " ".join(t.text or "" for t in g.iter(f"{SVG}text"))


def current_entries(slug):
    product = ProductPage.objects.get(locale__language_code="en-gb", slug=slug)
    return [e for e in RegisterFilter(products=[product]).entries() if e.status == "current"]


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["juniper-mis", "communications-hub"])
def test_one_node_per_recipient_with_the_same_facts_listed(client, demo, slug):
    svg, listed = diagram(client, slug)
    entries = current_entries(slug)
    recipients = nodes(svg)
    assert len(recipients) == len(entries) > 3
    assert {g.get("data-recipient-id") for g in recipients} == {str(e.uuid) for e in entries}
    edges = [p for p in svg.iter(f"{SVG}path") if p.get("class") == "dataflow-edge"]
    assert len(edges) == len(entries)
    product = ProductPage.objects.get(locale__language_code="en-gb", slug=slug)
    assert len(nodes(svg, "source")) == len(product.data_sources)
    for entry in entries:
        node = next(g for g in recipients if g.get("data-recipient-id") == str(entry.uuid))
        text = node_text(node)
        assert entry.countries[0].name in text, entry.name
        assert entry.get_transfer_safeguard_display() in text, entry.name
        assert entry.name in listed and entry.countries[0].name in listed
    for block in product.data_sources:
        assert block.value["source"] in listed

    # An image with a name and a description for assistive technology.
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert svg.find(f"{SVG}title").get("id") == title_id
    assert svg.find(f"{SVG}desc").get("id") == desc_id
    assert svg.get("viewBox").startswith("0 0 ")


@pytest.mark.django_db
def test_in_house_services_are_drawn_apart_and_labelled(client, demo):
    svg, listed = diagram(client, "juniper-mis")
    in_house = nodes(svg, "in_house")
    assert [node_text(g).split(" United")[0] for g in in_house] == [
        "Security monitoring (SIEM/SOC)"
    ]
    assert "Run by us: not a recipient (1)" in " ".join(t.text for t in svg.iter(f"{SVG}text"))
    assert "Run by us: not a recipient Security monitoring (SIEM/SOC)" in listed


@pytest.mark.django_db
def test_the_diagram_changes_when_the_register_changes(client, demo, django_user_model):
    slug = "communications-hub"
    svg, _ = diagram(client, slug)
    before = len(nodes(svg))
    twilio = Subprocessor.objects.originals().get(name="Twilio")
    assert "UK–US data bridge" in node_text(
        next(g for g in nodes(svg) if g.get("data-recipient-id") == str(twilio.uuid))
    )

    # A new entry goes live: a new node.
    make_entry("Zephyr Mail", products=(slug,), start_date=TODAY - datetime.timedelta(days=1))
    # The DPO changes Twilio's safeguard in the admin (published at once, then announced).
    client.force_login(dpo_user(django_user_model))
    use = twilio.uses.get()
    form = entry_form(
        twilio.name,
        [{"product": use.product, "start_date": use.start_date, "id": use.pk}],
        countries=["US"],
        safeguard="idta",
        description=twilio.description,
        data_categories=twilio.data_categories,
        legal_entity=twilio.legal_entity,
    )
    assert client.post(ENTRY_EDIT_URL.format(pk=twilio.pk), {**form, **PUBLISH}).status_code == 302
    client.logout()
    # An entry taken off the register: its node goes.
    Subprocessor.objects.originals().get(name="Wonde").unpublish()

    svg, listed = diagram(client, slug)
    names = [node_text(g) for g in nodes(svg)]
    assert len(names) == before  # one in, one out
    assert any(n.startswith("Zephyr Mail") for n in names)
    assert not any(n.startswith("Wonde") for n in names)
    twilio_node = next(n for n in names if n.startswith("Twilio"))
    assert "International Data Transfer Agreement" in twilio_node
    assert "Transfer safeguard: UK International Data Transfer Agreement (IDTA)" in listed


# --- The drawing itself (no database) --------------------------------------------------------


def record(name, kind="subprocessor", countries=(("GB", "United Kingdom"),), slug="p"):
    return {
        "id": f"id-{name}",
        "name": name,
        "legal_entity": "",
        "recipient_type": kind,
        "recipient_type_label": kind,
        "status": "current",
        "products": [{"slug": slug, "purpose": f"{name} purpose"}],
        "countries": [{"code": c, "name": n} for c, n in countries],
        "transfer_safeguard_label": "Not a restricted transfer",
    }


def test_names_are_escaped_and_the_layout_is_deterministic():
    hostile = '<script>alert("x")</script> & Co'
    records = [record(hostile), record("Beta", countries=(("US", "United States"),))]
    records.append({**record("Gamma"), "status": "upcoming"})  # not current: not drawn
    records.append(record("Delta", slug="other"))  # another product's
    sources = [dataflow.Source("The school's MIS", "Nightly")]
    drawn = dataflow.build("Product & <Co>", sources, records, "p")
    svg_text = drawn.svg("df")
    assert "<script>" not in svg_text
    svg = ET.fromstring(svg_text)  # well-formed XML
    assert [node_text(g) for g in nodes(svg)][0].startswith("<script>")
    assert len(nodes(svg)) == 2
    assert (
        dataflow.build("Product & <Co>", sources, list(reversed(records)), "p").svg("df")
        == svg_text
    )
    restricted = [r for r in drawn.recipients if r.restricted]
    assert [r.name for r in restricted] == ["Beta"]


def test_an_empty_register_says_so():
    drawn = dataflow.build("Product", [], [], "p")
    svg = ET.fromstring(drawn.svg("df"))
    assert nodes(svg) == []
    text = " ".join(t.text for t in svg.iter(f"{SVG}text"))
    assert "No sub-processors or other recipients are recorded." in text
    assert "No data sources are recorded." in text
    assert "no recipients" in drawn.summary


def test_long_names_wrap_and_never_overflow_their_box():
    lines = dataflow.wrap("Department for Education and an exceptionally long name", 150, 14, 0.64)
    assert len(lines) <= 3 and all(len(line) <= 16 for line in lines)
    assert dataflow.wrap("Supercalifragilisticexpialidocious", 100, 14, 0.64)[0].endswith("-")
