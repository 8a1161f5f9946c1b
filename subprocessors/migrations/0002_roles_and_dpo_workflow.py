"""Editor roles and the DPO approval workflow.

- "Privacy editor": drafts pages and register entries and submits them for approval.
- "Data Protection Officer": approves, publishes, locks and deletes.
- Workflow "DPO approval" (one group-approval task for the DPO group), attached to the whole page
  tree and to sub-processor entries. Later migrations attach it to other snippets.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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


def perms(Permission, app_label, *codenames):
    found = list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
    missing = set(codenames) - {p.codename for p in found}
    if missing:
        raise RuntimeError(f"Missing permissions {sorted(missing)} in {app_label}")
    return found


def forwards(apps, schema_editor):
    ensure_permissions(apps)
    ensure_snippet_permissions(apps, "subprocessors", "subprocessor", "sub-processor entry")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    editor, _ = Group.objects.get_or_create(name=EDITOR)
    dpo, _ = Group.objects.get_or_create(name=DPO)

    common = perms(Permission, "wagtailadmin", "access_admin")
    editor_snippets = perms(Permission, "subprocessors", "add_subprocessor", "change_subprocessor")
    dpo_snippets = perms(
        Permission,
        "subprocessors",
        "add_subprocessor",
        "change_subprocessor",
        "delete_subprocessor",
        "publish_subprocessor",
        "lock_subprocessor",
        "unlock_subprocessor",
    )
    dpo_settings = perms(Permission, "home", "change_organisationsettings")
    editor.permissions.add(*common, *editor_snippets)
    dpo.permissions.add(*common, *dpo_snippets, *dpo_settings)

    root = Page.objects.filter(depth=1).first()
    page_perms = {
        editor: ["add_page", "change_page"],
        dpo: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    }
    if root is not None:
        for group, codenames in page_perms.items():
            for perm in perms(Permission, "wagtailcore", *codenames):
                GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        media = perms(Permission, "wagtaildocs", "add_document", "change_document", "choose_document")
        media += perms(Permission, "wagtailimages", "add_image", "change_image", "choose_image")
        for group in (editor, dpo):
            for perm in media:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=perm
                )

    task_ct, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW, active=True, content_type=task_ct)
    task.groups.add(dpo)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    sp_ct, _ = ContentType.objects.get_or_create(app_label="subprocessors", model="subprocessor")
    WorkflowContentType.objects.update_or_create(content_type=sp_ct, defaults={"workflow": workflow})
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Workflow.objects.filter(name=WORKFLOW).update(active=False)
    Group.objects.filter(name__in=[EDITOR, DPO]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("subprocessors", "0001_initial"),
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
