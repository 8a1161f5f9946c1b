"""`make run`'s demo accounts, and the roles and workflow the migrations leave behind."""

import importlib
import io

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from wagtail.models import (
    GroupApprovalTask,
    Page,
    Task,
    TaskState,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from products.models import ProductPage, RetentionPage
from subprocessors.models import ChangeNotice, Subprocessor

pytestmark = pytest.mark.django_db

ENV = [
    "LOCAL_ADMIN_USER",
    "LOCAL_ADMIN_PASSWORD",
    "LOCAL_EDITOR_USER",
    "LOCAL_EDITOR_PASSWORD",
    "LOCAL_DPO_USER",
    "LOCAL_DPO_PASSWORD",
]


@pytest.fixture
def local(settings, monkeypatch):
    """Local development settings, with none of the account variables set."""
    settings.LOCAL_DEVELOPMENT = True
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    return settings


def run():
    out = io.StringIO()
    call_command("ensure_local_accounts", stdout=out)
    return out.getvalue()


def sign_in(client, username, password):
    """Through the admin's sign-in form, as on `make run` (lockout and all)."""
    response = client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}
    )
    return response.status_code == 302 and response["Location"] == "/admin/"


# --- Roles and workflow after the migrations -------------------------------------------------


def test_only_our_roles_and_workflow_remain_after_migrating():
    assert set(Group.objects.values_list("name", flat=True)) == {
        "Privacy editor",
        "Data Protection Officer",
    }
    assert set(Workflow.objects.values_list("name", flat=True)) == {"DPO approval"}
    assert set(Task.objects.values_list("name", flat=True)) == {"DPO approval"}
    assert {wp.workflow.name for wp in WorkflowPage.objects.all()} == {"DPO approval"}
    assert {wct.workflow.name for wct in WorkflowContentType.objects.all()} == {"DPO approval"}


def test_every_page_and_register_record_still_goes_through_dpo_approval(demo):
    root = Page.objects.get(depth=1)
    assert WorkflowPage.objects.get(page=root).workflow.name == "DPO approval"
    pages = Page.objects.filter(depth__gt=1)
    assert pages.count() > 5
    for page in pages:
        workflow = page.get_workflow()
        assert workflow is not None and workflow.name == "DPO approval", page.url_path
    assert Subprocessor.get_default_workflow().name == "DPO approval"
    assert ChangeNotice.get_default_workflow().name == "DPO approval"
    task = Workflow.objects.get(name="DPO approval").tasks.get().specific
    assert [g.name for g in task.groups.all()] == ["Data Protection Officer"]


def test_both_roles_may_use_the_admin_and_edit_pages_but_only_the_dpo_publishes(
    demo, django_user_model
):
    editor = django_user_model.objects.create_user("e", "e@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Privacy editor"))
    dpo = django_user_model.objects.create_user("d", "d@example.org", "pw")
    dpo.groups.add(Group.objects.get(name="Data Protection Officer"))
    product = ProductPage.objects.get(locale__language_code="en-gb", slug="juniper-mis")
    for user in (editor, dpo):
        assert user.has_perm("wagtailadmin.access_admin")
        assert product.permissions_for_user(user).can_edit()
    assert not product.permissions_for_user(editor).can_publish()
    assert product.permissions_for_user(dpo).can_publish()


# --- ensure_local_accounts -----------------------------------------------------------------


def test_it_creates_the_three_accounts_and_prints_each_sign_in(local, django_user_model):
    output = run()
    assert "http://127.0.0.1:8000/admin/" in output
    for role, username in [
        ("Administrator", "admin"),
        ("Privacy editor", "editor"),
        ("Data Protection Officer", "dpo"),
    ]:
        line = next(line for line in output.splitlines() if line.strip().startswith(role))
        assert f"username: {username}" in line and "password: trusthub-local" in line, line
        user = django_user_model.objects.get(username=username)
        assert user.check_password("trusthub-local")
    admin = django_user_model.objects.get(username="admin")
    assert admin.is_superuser
    for username, group in [("editor", "Privacy editor"), ("dpo", "Data Protection Officer")]:
        user = django_user_model.objects.get(username=username)
        assert not user.is_superuser and not user.is_staff
        assert [g.name for g in user.groups.all()] == [group]


def test_usernames_and_passwords_come_from_the_environment(local, monkeypatch, django_user_model):
    values = {
        "LOCAL_ADMIN_USER": "ada",
        "LOCAL_ADMIN_PASSWORD": "a-secret",
        "LOCAL_EDITOR_USER": "eddie",
        "LOCAL_EDITOR_PASSWORD": "e-secret",
        "LOCAL_DPO_USER": "dora",
        "LOCAL_DPO_PASSWORD": "d-secret",
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("PORT", "8080")
    output = run()
    assert "http://127.0.0.1:8080/admin/" in output
    for user_var in ("LOCAL_ADMIN_USER", "LOCAL_EDITOR_USER", "LOCAL_DPO_USER"):
        username = values[user_var]
        password = values[user_var.replace("_USER", "_PASSWORD")]
        assert f"username: {username}, password: {password}" in output
        assert django_user_model.objects.get(username=username).check_password(password)
    assert not django_user_model.objects.filter(username__in=["admin", "editor", "dpo"]).exists()


def test_running_again_never_changes_an_existing_account(local, django_user_model):
    run()
    editor = django_user_model.objects.get(username="editor")
    editor.set_password("my-own-password")
    editor.save()
    users = django_user_model.objects.count()
    output = run()
    assert django_user_model.objects.count() == users
    editor.refresh_from_db()
    assert editor.check_password("my-own-password")
    assert "trusthub-local" not in output
    assert output.count("password unchanged") == 3


def test_it_refuses_to_run_outside_local_development(settings, django_user_model):
    settings.LOCAL_DEVELOPMENT = False
    users = django_user_model.objects.count()
    with pytest.raises(CommandError, match="local development only"):
        call_command("ensure_local_accounts", stdout=io.StringIO())
    assert django_user_model.objects.count() == users


def test_the_editor_signs_in_reaches_the_admin_but_cannot_publish(local, client, demo):
    run()
    assert sign_in(client, "editor", "trusthub-local")
    assert client.get("/admin/").status_code == 200
    page = RetentionPage.objects.get(
        locale__language_code="en-gb", url_path__endswith="/juniper-mis/retention/"
    )
    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    body = edit.content.decode()
    assert 'name="action-submit"' in body
    assert 'name="action-publish"' not in body

    client.logout()
    assert sign_in(client, "dpo", "trusthub-local")
    assert client.get("/admin/").status_code == 200
    assert 'name="action-publish"' in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()


# --- The migration on a database that used Wagtail's defaults -------------------------------


def remove_wagtail_default_roles():
    migration = importlib.import_module(
        "subprocessors.migrations.0006_remove_wagtail_default_roles"
    )
    migration.forwards(apps, None)


def wagtail_defaults(django_user_model, page):
    """Wagtail's default roles as an older database might have them, with a page-specific
    "Moderators approval" override and a snippet type attached to it."""
    moderators = Group.objects.create(name="Moderators")
    editors = Group.objects.create(name="Editors")
    moderator = django_user_model.objects.create_user("mo", "mo@example.org", "pw")
    moderator.groups.add(moderators)
    old_editor = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    old_editor.groups.add(editors)
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    task.groups.add(moderators)
    workflow = Workflow.objects.create(name="Moderators approval")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=page)
    WorkflowContentType.objects.create(
        workflow=workflow, content_type=ContentType.objects.get_for_model(Group)
    )
    return workflow, task, moderator, old_editor


def test_the_migration_moves_what_used_wagtails_defaults_to_our_roles(demo, django_user_model):
    page = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-asset")
    workflow, task, moderator, old_editor = wagtail_defaults(django_user_model, page)
    assert page.get_workflow().name == "Moderators approval"

    remove_wagtail_default_roles()

    assert set(Group.objects.values_list("name", flat=True)) == {
        "Privacy editor",
        "Data Protection Officer",
    }
    assert set(Workflow.objects.values_list("name", flat=True)) == {"DPO approval"}
    assert set(Task.objects.values_list("name", flat=True)) == {"DPO approval"}
    page = ProductPage.objects.get(pk=page.pk)
    assert page.get_workflow().name == "DPO approval"
    assert (
        WorkflowContentType.objects.get(
            content_type=ContentType.objects.get_for_model(Group)
        ).workflow.name
        == "DPO approval"
    )
    for user in (moderator, old_editor):
        assert [g.name for g in user.groups.all()] == ["Privacy editor"]
        assert not page.permissions_for_user(user).can_publish()
        assert page.permissions_for_user(user).can_edit()


def test_the_migration_keeps_moderation_history_and_cancels_unfinished_approvals(
    demo, django_user_model
):
    page = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-asset")
    workflow, task, moderator, _ = wagtail_defaults(django_user_model, page)
    page.save_revision(user=moderator)
    state = workflow.start(page, moderator)
    assert state.status == "in_progress"

    remove_wagtail_default_roles()

    workflow.refresh_from_db()
    task.refresh_from_db()
    state.refresh_from_db()
    assert workflow.active is False and task.active is False  # kept, for the history
    assert state.status == "cancelled"
    assert not TaskState.objects.filter(workflow_state=state, status="in_progress").exists()
    assert not WorkflowPage.objects.filter(workflow=workflow).exists()
    page = ProductPage.objects.get(pk=page.pk)
    assert page.live and page.get_workflow().name == "DPO approval"
    new_state = page.get_workflow().start(page, moderator)  # the editor can submit again
    assert new_state.current_task_state.task.name == "DPO approval"
