"""Editor roles and the DPO approval workflow.

- "Privacy editor": drafts pages and register entries and submits them for approval.
- "Data Protection Officer": approves, publishes, locks and deletes.
- Workflow "DPO approval" (one group-approval task for the DPO group), attached to the whole page
  tree and to sub-processor entries. Later migrations attach it to other snippets.
"""

from django.db import migrations

from subprocessors import roles


def forwards(apps, schema_editor):
    roles.grant_snippet_roles(apps, "subprocessors", "subprocessor", "sub-processor entry")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    editor, dpo = roles.groups(apps)
    common = roles.perms(apps, "wagtailadmin", "access_admin")
    editor.permissions.add(*common)
    dpo.permissions.add(*common, *roles.perms(apps, "home", "change_organisationsettings"))

    root = Page.objects.filter(depth=1).first()
    page_perms = {
        editor: ["add_page", "change_page"],
        dpo: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    }
    if root is not None:
        for group, codenames in page_perms.items():
            for perm in roles.perms(apps, "wagtailcore", *codenames):
                GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        media = roles.perms(
            apps, "wagtaildocs", "add_document", "change_document", "choose_document"
        ) + roles.perms(apps, "wagtailimages", "add_image", "change_image", "choose_image")
        for group in (editor, dpo):
            for perm in media:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=perm
                )

    roles.attach_workflow_to_snippet(apps, "subprocessors", "subprocessor")
    if root is not None:
        WorkflowPage.objects.update_or_create(
            page=root, defaults={"workflow": roles.dpo_workflow(apps)}
        )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Workflow.objects.filter(name=roles.WORKFLOW).update(active=False)
    Group.objects.filter(name__in=[roles.EDITOR, roles.DPO]).delete()


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
