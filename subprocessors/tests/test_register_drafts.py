"""Drafts, entries in moderation and an editor's unpublished edits never reach the register,
product pages or exports, until the DPO publishes."""

import datetime
import re

import pytest
from django.test import Client
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from products.models import ProductPage
from subprocessors.models import ChangeNotice, Subprocessor

from .factories import (
    ENTRY_EDIT_URL,
    TODAY,
    dpo_user,
    editor_user,
    exported,
    html,
    make_entry,
)

pytestmark = pytest.mark.django_db


def test_drafts_and_moderation_never_reach_public_outputs(client, demo, admin_user):
    draft_only = make_entry("Secret Draft Co", publish=False)
    assert draft_only.live is False
    twilio = Subprocessor.objects.originals().get(name="Twilio")
    twilio.name = "Twilio RENAMED"
    twilio.countries = ["GB", "US", "IN"]
    twilio.save_revision(user=admin_user)  # draft edit of a live entry
    twilio.refresh_from_db()
    assert twilio.has_unpublished_changes

    in_review = make_entry("Awaiting Approval Ltd", publish=False)
    in_review.get_workflow().start(in_review, admin_user)

    outputs = [
        html(client, "/subprocessors/"),
        html(client, "/products/communications-hub/"),
        client.get("/subprocessors/register.json").content.decode(),
        client.get("/subprocessors/register.csv").content.decode("utf-8-sig"),
        client.get("/subprocessors/register.json?product=communications-hub").content.decode(),
    ]
    for output in outputs:
        assert "Secret Draft Co" not in output
        assert "Awaiting Approval Ltd" not in output
        assert "RENAMED" not in output
        assert "India" not in output and '"IN"' not in output
        assert "Twilio" in output


# --- an editor's draft stays private until the DPO publishes ----------------------------------


def edit_form(entry, uses):
    """The snippet edit form for `entry`, as the admin posts it, with `uses` as its products."""
    data = {
        "name": entry.name,
        "legal_entity": entry.legal_entity,
        "recipient_type": entry.recipient_type,
        "description": entry.description,
        "transfer_safeguard": entry.transfer_safeguard,
        "data_categories": entry.data_categories,
        "privacy_notice_url": entry.privacy_notice_url,
        "end_date": entry.end_date.isoformat() if entry.end_date else "",
        "uses": inline_formset(
            [{"start_date": "2025-11-25", "data_subjects": "Parents and carers"} | u for u in uses],
            initial=sum(1 for use in uses if use["id"]),
        ),
    }
    return {**nested_form_data(data), "countries": [c.code for c in entry.countries]}


def public_outputs(client):
    """Everything a school can read about the register, minus what changes per request."""
    pages = [
        html(client, url)
        for url in [
            "/subprocessors/",
            "/products/communications-hub/",
            "/products/juniper-mis/",
        ]
    ]
    pages = [re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page) for page in pages]
    exports = [exported(client, query) for query in ["", "?product=juniper-mis"]]
    return pages, [(as_json["entries"], rows) for as_json, rows in exports]


def test_editor_draft_through_the_admin_changes_nothing_public_until_the_dpo_publishes(
    demo, django_user_model
):
    editor = editor_user(django_user_model)
    dpo = dpo_user(django_user_model)
    public = Client()
    twilio = Subprocessor.objects.originals().get(name="Twilio")
    juniper = ProductPage.objects.get(locale__language_code="en-gb", slug="juniper-mis")
    before = public_outputs(public)

    admin = Client()
    admin.force_login(editor)
    uses = [
        {"id": use.pk, "product": use.product_id, "purpose": "Sends SMS and WhatsApp messages"}
        for use in twilio.uses.all()
    ] + [
        {
            "id": "",
            "product": juniper.pk,
            "purpose": "Sends attendance alerts by SMS",
            "start_date": (TODAY + datetime.timedelta(days=45)).isoformat(),
        }
    ]
    url = ENTRY_EDIT_URL.format(pk=twilio.pk)
    response = admin.post(url, edit_form(twilio, uses))  # save draft
    assert response.status_code == 302, response.content.decode()[:2000]
    twilio.refresh_from_db()
    assert twilio.live and twilio.has_unpublished_changes
    draft = twilio.get_latest_revision_as_object()
    assert {use.purpose for use in draft.uses.all()} == {
        "Sends SMS and WhatsApp messages",
        "Sends attendance alerts by SMS",
    }
    assert public_outputs(public) == before

    response = admin.post(url, {**edit_form(twilio, uses), "action-submit": "action-submit"})
    assert response.status_code == 302
    state = WorkflowState.objects.get(
        base_content_type__model="subprocessor", object_id=str(twilio.pk), status="in_progress"
    )
    assert public_outputs(public) == before

    # Twilio for Juniper MIS is new: its drafted notice must go live before the approval.
    notice = ChangeNotice.objects.originals().get(subprocessors=twilio, live=False)
    assert notice.effective_date == TODAY + datetime.timedelta(days=45)
    notice.save_revision(user=dpo).publish(user=dpo)
    admin.force_login(dpo)
    approve = (
        f"/admin/snippets/subprocessors/subprocessor/workflow/action/{twilio.pk}/approve/"
        f"{state.current_task_state.pk}/"
    )
    assert admin.post(approve, {"comment": "Checked"}).status_code in (200, 302)
    twilio.refresh_from_db()
    assert not twilio.has_unpublished_changes
    register = html(public, "/subprocessors/")
    assert "Sends SMS and WhatsApp messages" in register
    assert "Sends attendance alerts by SMS" in register
    assert "Twilio" in html(public, "/products/juniper-mis/").split('id="subprocessors-h"')[1]
    as_json, rows = exported(public, "?product=juniper-mis")
    assert "Twilio" in {e["name"] for e in as_json["entries"]}
    assert "Juniper MIS: Sends attendance alerts by SMS" in {r["purposes"] for r in rows}
