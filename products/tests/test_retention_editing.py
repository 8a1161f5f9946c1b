"""Editing retention rules: the blocks' validation, the admin's messages, drafts and the DPO's
approval. The blocks' tests are pure (no database)."""

import json

import pytest
from django.contrib.auth.models import Group
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from products.blocks import RetentionStagesBlock, SeasonalWindowBlock

from .factories import (
    admin_stage,
    offset,
    retention_edit_data,
    retention_page,
    seasonal,
    stream_value,
    window,
)

# --- The blocks' validation (no database) ---------------------------------------------------------


def test_valid_rules_pass_the_blocks_clean():
    value = stream_value(
        offset("access-revoked", 90),
        seasonal("deleted", [window((1, 9), (31, 3), 8), window((1, 4), (31, 8), 1)]),
        offset("backups-gone", 3, from_stage="2", unit="months"),
    )
    RetentionStagesBlock().clean(value)


def test_a_stage_referring_to_a_later_stage_is_rejected():
    value = stream_value(offset("access-revoked", 90, from_stage="backups"), offset("backups", 9))
    with pytest.raises(StreamBlockValidationError) as excinfo:
        RetentionStagesBlock().clean(value)
    errors = excinfo.value.block_errors
    assert list(errors) == [0]
    assert isinstance(errors[0], StructBlockValidationError)
    assert errors[0].block_errors["from_stage"].messages == [
        "It counts from “backups”, which is not above it. A stage can only count from the end "
        "date or from a stage listed above it."
    ]


def test_references_by_position_must_be_earlier_too():
    value = stream_value(offset("a", 1), offset("b", 1, from_stage="2"))
    with pytest.raises(StreamBlockValidationError) as excinfo:
        RetentionStagesBlock().clean(value)
    assert "stage 2, which is not above it" in str(
        excinfo.value.block_errors[1].block_errors["from_stage"].messages
    )


def test_duplicate_keys_are_rejected():
    value = stream_value(offset("a", 1), offset("a", 2))
    with pytest.raises(StreamBlockValidationError) as excinfo:
        RetentionStagesBlock().clean(value)
    assert excinfo.value.block_errors[1].block_errors["key"].messages == [
        "Another stage above already uses the key “a”."
    ]


@pytest.mark.parametrize(
    "windows, message",
    [
        (
            [window((1, 9), (31, 3), 8), window((2, 4), (31, 8), 1)],
            "The windows must cover the whole year. Not covered: 1 April.",
        ),
        (
            [window((1, 9), (30, 4), 8), window((1, 4), (31, 8), 1)],
            "The windows must not overlap. In more than one window: 1 April to 30 April.",
        ),
        (
            [window((1, 3), (28, 2), 8)],
            "The windows must cover the whole year. Not covered: 29 February.",
        ),
    ],
)
def test_seasonal_windows_with_a_gap_or_overlap_are_rejected(windows, message):
    value = stream_value(offset("a", 1), seasonal("deleted", windows))
    with pytest.raises(StreamBlockValidationError) as excinfo:
        RetentionStagesBlock().clean(value)
    windows_error = excinfo.value.block_errors[1].block_errors["windows"]
    assert [e.message for e in windows_error.non_block_errors.as_data()] == [message]
    assert message in json.dumps(excinfo.value.as_json_data(), ensure_ascii=False)


def test_a_window_day_must_exist():
    block = SeasonalWindowBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python(window((30, 2), (31, 4), 8)))
    assert excinfo.value.block_errors["start_day"].messages == ["February has no day 30."]
    block.clean(block.to_python(window((29, 2), (31, 3), 8)))  # the leap day is fine


# --- In the admin ------------------------------------------------------------------------------


def test_the_admin_rejects_bad_rules_with_messages(client, demo, admin_user):
    client.force_login(admin_user)
    page = retention_page("pupil-progress")
    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    assert "Stage: by the end of a month, depending on the time of year" in edit.content.decode()
    stages = [
        admin_stage(*offset("access-revoked", 90, from_stage="backups-gone")),
        admin_stage(*seasonal("deleted", [window((1, 9), (31, 3), 8)])),
        admin_stage(*offset("backups-gone", 90, from_stage="deleted")),
    ]
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        retention_edit_data(page, stages, **{"action-publish": "1"}),
    )
    assert response.status_code == 200
    error = response.context["form"].errors.as_data()["stages"][0]
    assert isinstance(error, StreamBlockValidationError)
    assert "which is not above it" in error.block_errors[0].block_errors["from_stage"].messages[0]
    windows = error.block_errors[1].block_errors["windows"].non_block_errors.as_data()
    assert windows[0].message == (
        "The windows must cover the whole year. Not covered: 1 April to 31 August."
    )
    page.refresh_from_db()
    assert len(page.stages) == 3 and page.stages[0].value["from_stage"] == ""  # unchanged


def test_rule_changes_go_through_drafts(client, demo, admin_user):
    client.force_login(admin_user)
    page = retention_page("pupil-asset")
    stages = [admin_stage(*offset("data-destroyed", 60))]
    response = client.post(f"/admin/pages/{page.pk}/edit/", retention_edit_data(page, stages))
    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().stages[0].value["amount"] == 60
    client.logout()
    url = "/products/pupil-asset/retention/timeline.json?ended=2027-02-22"
    assert json.loads(client.get(url).content)["timeline"][0]["date"] == "2027-03-24"  # still 30
    page.get_latest_revision().publish()
    assert json.loads(client.get(url).content)["timeline"][0]["date"] == "2027-04-23"


def test_a_privacy_editor_cannot_publish_rules_only_submit_them_to_the_dpo(
    client, demo, django_user_model
):
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Privacy editor"))
    page = retention_page("pupil-asset")
    assert page.get_workflow().name == "DPO approval"
    assert not page.permissions_for_user(editor).can_publish()
    client.force_login(editor)
    edit_url = f"/admin/pages/{page.pk}/edit/"
    assert 'name="action-publish"' not in client.get(edit_url).content.decode()
    stages = [admin_stage(*offset("data-destroyed", 1))]
    json_url = "/products/pupil-asset/retention/timeline.json?ended=2027-02-22"

    def live_date():
        return json.loads(client.get(json_url).content)["timeline"][0]["date"]

    response = client.post(edit_url, retention_edit_data(page, stages, **{"action-publish": "1"}))
    assert response.status_code == 302
    assert live_date() == "2027-03-24"  # still 30 days: nothing was published
    response = client.post(edit_url, retention_edit_data(page, stages, **{"action-submit": "1"}))
    assert response.status_code == 302
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state.status == "in_progress" and state.workflow.name == "DPO approval"
    assert live_date() == "2027-03-24"  # not until the DPO approves
