"""Helpers for the data migrations that set up editor roles and the DPO approval workflow.

They take the migration's historical `apps`, so they stay valid as models change.
"""

from django.contrib.auth.management import create_permissions

EDITOR = "Privacy editor"
DPO = "Data Protection Officer"
WORKFLOW = "DPO approval"


def ensure_permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def ensure_snippet_permissions(apps, app_label, model, verbose_name):
    """Wagtail adds publish/lock/unlock permissions for draftable, lockable snippets after
    migrating; create them here so the roles can be granted them."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    ct, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    for action in ("publish", "lock", "unlock"):
        Permission.objects.get_or_create(
            content_type=ct,
            codename=f"{action}_{model}",
            defaults={"name": f"Can {action} {verbose_name}"},
        )


def perms(apps, app_label, *codenames):
    Permission = apps.get_model("auth", "Permission")
    found = list(
        Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )
    missing = set(codenames) - {p.codename for p in found}
    if missing:
        raise RuntimeError(f"Missing permissions {sorted(missing)} in {app_label}")
    return found


def groups(apps):
    Group = apps.get_model("auth", "Group")
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    dpo, _ = Group.objects.get_or_create(name=DPO)
    return editor, dpo


def grant_snippet_roles(apps, app_label, model, verbose_name):
    """Editors add and change; the DPO also publishes, locks, unlocks and deletes."""
    ensure_permissions(apps)
    ensure_snippet_permissions(apps, app_label, model, verbose_name)
    editor, dpo = groups(apps)
    editor.permissions.add(*perms(apps, app_label, f"add_{model}", f"change_{model}"))
    dpo.permissions.add(
        *perms(
            apps,
            app_label,
            *(f"{a}_{model}" for a in ("add", "change", "delete", "publish", "lock", "unlock")),
        )
    )


def dpo_workflow(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    _editor, dpo = groups(apps)
    task_ct, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW, active=True, content_type=task_ct)
    task.groups.add(dpo)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def attach_workflow_to_snippet(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    ct, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    WorkflowContentType.objects.update_or_create(
        content_type=ct, defaults={"workflow": dpo_workflow(apps)}
    )
