"""The demo pages say what the seed DPIAs say, and no more (issue 10, items 7-9).

Seeds: 000 = Pupil Progress, 001 = Juniper MIS and Pupil Asset, 004 = Communications Hub.
"""

import re

import pytest

from products.models import SecurityStatementPage

pytestmark = pytest.mark.django_db


def text(response):
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def section(body, section_id):
    found = re.search(rf'<section id="{section_id}".*?</section>', body)
    assert found, section_id
    return found[0]


# --- Item 7: Apache HTTP Server is software we operate, not a supplier ------------------------


@pytest.mark.parametrize("slug", ["juniper-mis", "pupil-asset", "communications-hub"])
def test_hosting_presents_apache_as_software_we_operate(client, demo, slug):
    hosting = section(text(client.get(f"/products/{slug}/")), "hosting")
    assert "<h3>Software we operate ourselves</h3>" in hosting
    assert "(ETL) tooling" in hosting
    assert "Apache HTTP Server" in hosting and "MySQL" in hosting
    assert "software we operate ourselves, not suppliers" in hosting
    assert "no data goes through them to any third party" in hosting
    assert "they are not sub-processors" in hosting


def test_pupil_progress_hosting_does_not_mention_apache(client, demo):
    # seed 000 lists no ETL tooling: Pupil Progress is hosted by its provider
    assert "Apache" not in text(client.get("/products/pupil-progress/"))


# --- Item 8: the customer-record rule and what happens to backups -----------------------------


def test_pupil_progress_retention_states_the_customer_record_rule(client, demo):
    body = text(client.get("/products/pupil-progress/retention/"))
    intro = re.search(r'<div class="lead rich-text">.*?</div>', body)[0]
    assert "Our own records about your school as a customer." in intro
    assert "We keep an existing customer's data for 8 years." in intro  # seed 000 line 250
    assert "we delete all of its customer data within 90 days" in intro
    # the platform's three stages are unchanged
    for label in ["1. Access revoked", "2. Live data deleted", "3. Backups gone"]:
        assert f'<th scope="row">{label}</th>' in body


@pytest.mark.parametrize("slug", ["juniper-mis", "pupil-asset", "communications-hub"])
def test_thirty_day_pages_say_what_happens_to_backups(client, demo, slug):
    body = text(client.get(f"/products/{slug}/retention/"))
    assert "we no longer hold any of it" not in body
    assert "<b>Backups.</b>" in body
    assert "This date does not cover" in body  # the stage's own description
    # no seed gives a backup retention period, so no page claims one
    assert not re.search(r"backups?[^.]*\b\d+ (days|months)", body, re.I)
    data = client.get(f"/products/{slug}/retention/timeline.json?ended=2027-02-22").json()
    assert "backup" in data["timeline"][0]["description"]


@pytest.mark.parametrize("slug", ["juniper-mis", "pupil-asset"])
def test_mis_backups_come_from_seed_001(client, demo, slug):
    body = text(client.get(f"/products/{slug}/retention/"))
    assert "automated point-in-time backups" in body  # seed 001 lines 318, 324
    assert "Our DPIA does not state how long a backup copy is kept" in body


def test_communications_hub_says_its_dpia_gives_no_backup_facts(client, demo):
    body = text(client.get("/products/communications-hub/retention/"))
    assert "Our DPIA for Communications Hub does not describe backups" in body
    assert "point-in-time" not in body  # seed 004 says nothing about backups


# --- Item 9: product security statements say what each DPIA records ---------------------------


@pytest.mark.parametrize("slug", ["pupil-progress", "communications-hub"])
def test_thin_statements_have_no_placeholder_certifications_text(client, demo, slug):
    body = text(client.get(f"/products/{slug}/security/"))
    assert "We do not list any certifications" not in body
    certifications = section(body, "certifications")
    assert "has no certificate of its own" in certifications
    assert 'href="/security/#certifications"' in certifications
    governance = section(body, "governance")
    assert "ISO/IEC 27001" in governance
    assert "so we do not claim" in governance


def test_pupil_progress_security_states_what_seed_000_records(client, demo):
    body = text(client.get("/products/pupil-progress/security/"))
    assert "“Pupil Progress App: How we keep your data safe”" in body  # seed 000 line 268
    access = section(body, "access")
    assert "access is revoked for every user after 90 days" in access
    assert "commercial and operations teams" in access  # seed 000 line 140
    assert "does not record how users sign in, or whether multi-factor" in access
    assert "FusionAuth" not in body  # MFA is recorded only for Juniper MIS and Pupil Asset
    assert "standard contractual clauses" in section(body, "governance")  # line 234
    assert "Groupcall Exporter" in section(body, "network")


def test_communications_hub_security_states_what_seed_004_records(client, demo):
    body = text(client.get("/products/communications-hub/security/"))
    for measure in [
        "A robust firewall with automatic alerts",
        "An external security provider checks our network for vulnerabilities",
        "continuous security training",
        "We respond quickly",
    ]:
        assert measure in body, measure
    assert '<section id="access"' not in body  # seed 004 records no sign-in controls
    assert "FusionAuth" not in body
    assert "does not record how users sign in (for example, multi-factor authentication)" in body
    assert "agreements are in place" in section(body, "governance")  # seed 004 line 262


def test_company_statement_says_which_products_it_covers(client, demo):
    governance = section(text(client.get("/security/")), "governance")
    assert "<b>Juniper MIS and Pupil Asset</b>: every control on this page and our ISO/IEC" in (
        governance
    )
    assert 'href="/products/communications-hub/security/"' in governance
    assert 'href="/products/pupil-progress/security/"' in governance


@pytest.mark.parametrize("slug", ["juniper-mis", "pupil-asset"])
def test_mis_statements_are_covered_by_the_company_controls(client, demo, slug):
    body = text(client.get(f"/products/{slug}/security/"))
    assert "ISO/IEC 27001 Information Security Management System" in section(body, "certifications")
    governance = section(body, "governance")
    assert "is covered by every control in our" in governance
    assert "Communications Hub" not in governance  # the company page's list is not repeated


def test_company_statement_without_certifications_explains_itself(client, demo):
    page = SecurityStatementPage.objects.get(url_path="/home/security/")
    page.certifications = []
    page.save_revision().publish()
    certifications = section(text(client.get("/security/")), "certifications")
    assert "We hold no security certifications to show here at present." in certifications
    assert "We do not list any certifications" not in certifications
