"""Only the DPO's approval publishes register entries; editors draft and submit."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import WorkflowState

from products.models import ProductPage
from subprocessors.models import ChangeNotice, Subprocessor

from .factories import ENTRY_ADD_URL as ADD_URL
from .factories import entry_form, user_in

pytestmark = pytest.mark.django_db


def form(product, use_id=None, start="2027-03-01"):
    return entry_form(
        "Acme Messaging",
        [{"product": product, "id": use_id, "start_date": start}],
        legal_entity="Acme Ltd",
    )


def test_roles_and_workflow_exist(demo):
    assert Group.objects.filter(name="Privacy editor").exists()
    assert Group.objects.filter(name="Data Protection Officer").exists()
    assert Subprocessor.get_default_workflow().name == "DPO approval"
    assert (
        ProductPage.objects.get(locale__language_code="en-gb", slug="juniper-mis")
        .get_workflow()
        .name
        == "DPO approval"
    )


def test_editor_cannot_publish_but_can_submit_and_dpo_approves(client, demo, django_user_model):
    editor = user_in(django_user_model, "Privacy editor", "editor")
    dpo = user_in(django_user_model, "Data Protection Officer", "dpo")
    product = ProductPage.objects.get(locale__language_code="en-gb", slug="communications-hub")

    client.force_login(editor)
    # Trying to publish directly does not publish.
    client.post(ADD_URL, {**form(product), "action-publish": "action-publish"})
    entry = Subprocessor.objects.originals().get(name="Acme Messaging")
    assert entry.live is False
    assert "Acme Messaging" not in client.get("/subprocessors/").content.decode()
    edit_page = client.get(f"/admin/snippets/subprocessors/subprocessor/edit/{entry.pk}/")
    assert edit_page.status_code == 200
    assert 'name="action-publish"' not in edit_page.content.decode()

    # Submitting for approval puts it in moderation, still not public.
    response = client.post(
        f"/admin/snippets/subprocessors/subprocessor/edit/{entry.pk}/",
        {**form(product, use_id=entry.uses.get().pk), "action-submit": "action-submit"},
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(
        base_content_type__model="subprocessor", object_id=str(entry.pk)
    )
    assert state.status == "in_progress"
    assert "Acme Messaging" not in client.get("/subprocessors/register.json").content.decode()

    # Saving drafted a change notice; the editor cannot publish that either.
    notice = ChangeNotice.objects.originals().get(subprocessors=entry)
    assert (
        notice.live is False
        and notice.title == "Acme Messaging to process data for Communications Hub"
    )

    # The editor cannot approve their own submission.
    task_state = state.current_task_state
    approve_url = (
        f"/admin/snippets/subprocessors/subprocessor/workflow/action/{entry.pk}/approve/"
        f"{task_state.pk}/"
    )
    client.post(approve_url, {"comment": ""})
    entry.refresh_from_db()
    assert entry.live is False

    # The DPO cannot approve before the notice is live: refused, nothing changes.
    client.force_login(dpo)
    response = client.post(approve_url, {"comment": "Checked the DPA"})
    assert response.status_code == 302
    assert response.url.endswith(f"/edit/{entry.pk}/")
    entry.refresh_from_db()
    assert entry.live is False
    state.refresh_from_db()
    assert state.status == "in_progress"
    warning = client.get(response.url).content.decode()
    assert "cannot be approved yet: schools must be told first" in warning

    # Once the drafted notice is published (it takes effect by the start date), approval works.
    notice.save_revision(user=dpo).publish(user=dpo)
    response = client.post(approve_url, {"comment": "Checked the DPA"})
    assert response.status_code in (200, 302)
    entry.refresh_from_db()
    assert entry.live is True
    client.logout()
    assert "Acme Messaging" in client.get("/subprocessors/").content.decode()


def test_dpo_can_publish_directly(client, demo, django_user_model):
    dpo = user_in(django_user_model, "Data Protection Officer", "dpo")
    client.force_login(dpo)
    product = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-asset")
    # A new sub-processor nobody was told about: refused, with what to do.
    response = client.post(ADD_URL, {**form(product), "action-publish": "action-publish"})
    assert response.status_code == 200
    assert "Schools must be told before this goes live" in response.content.decode()
    assert not Subprocessor.objects.originals().filter(name="Acme Messaging").exists()
    # Saved as a draft, it gets a drafted notice; published, the notice lets it go live.
    client.post(ADD_URL, form(product))
    entry = Subprocessor.objects.originals().get(name="Acme Messaging")
    notice = ChangeNotice.objects.originals().get(subprocessors=entry)
    notice.save_revision(user=dpo).publish(user=dpo)
    edit_url = f"/admin/snippets/subprocessors/subprocessor/edit/{entry.pk}/"
    data = form(product, use_id=entry.uses.get().pk, start=notice.effective_date.isoformat())
    response = client.post(edit_url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.live is True


def test_admin_listing_has_search_filters_and_export(client, demo, admin_user):
    client.force_login(admin_user)
    listing = client.get("/admin/snippets/subprocessors/subprocessor/?q=twilio")
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "Twilio" in body and "Loom" not in body
    filtered = client.get("/admin/snippets/subprocessors/subprocessor/?recipient_type=controller")
    assert "Department for Education" in filtered.content.decode()
    assert "Twilio" not in filtered.content.decode()
    export = client.get("/admin/snippets/subprocessors/subprocessor/?export=csv")
    assert export.status_code == 200
    content = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert "Stable id" in content and "Twilio" in content
    history = client.get(
        f"/admin/snippets/subprocessors/subprocessor/history/{Subprocessor.objects.originals().get(name='Twilio').pk}/"
    )
    assert history.status_code == 200
