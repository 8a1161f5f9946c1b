"""Remove Wagtail's default "Moderators" and "Editors" groups and "Moderators approval" workflow.

Wagtail's own migrations create them; this site has its own roles ("Privacy editor",
"Data Protection Officer") and one workflow ("DPO approval", see 0002), so the defaults only
confuse: a "Moderators" member could publish pages without the DPO.

- Any page or content type still attached to a removed workflow is attached to "DPO approval"
  instead, so every page keeps going through the DPO (0002 already re-attached the root page).
- Members of the removed groups are moved into "Privacy editor": they keep their admin access
  and can still draft and submit pages, and only the DPO publishes, as the site intends.
- A workflow or task that already has history (workflow or task states) is deactivated and
  detached rather than deleted, so no moderation history is lost. As Wagtail does when a
  workflow is disabled, its unfinished approvals are cancelled: nothing is published or lost,
  and the editor can submit the page again, to the DPO.

Not reversible: migrating backwards leaves the roles as they are.
"""

from django.db import migrations
from django.utils import timezone

from subprocessors import roles

WAGTAIL_GROUPS = ["Moderators", "Editors"]
WAGTAIL_WORKFLOW = "Moderators approval"


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Task = apps.get_model("wagtailcore", "Task")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    dpo_workflow = roles.dpo_workflow(apps)
    editor, _dpo = roles.groups(apps)

    for workflow in Workflow.objects.filter(name=WAGTAIL_WORKFLOW).exclude(pk=dpo_workflow.pk):
        WorkflowPage.objects.filter(workflow=workflow).update(workflow=dpo_workflow)
        WorkflowContentType.objects.filter(workflow=workflow).update(workflow=dpo_workflow)
        tasks = list(Task.objects.filter(workflow_tasks__workflow=workflow))
        if WorkflowState.objects.filter(workflow=workflow).exists():
            TaskState.objects.filter(
                workflow_state__workflow=workflow, status="in_progress"
            ).update(status="cancelled", finished_at=timezone.now())
            WorkflowState.objects.filter(
                workflow=workflow, status__in=["in_progress", "needs_changes"]
            ).update(status="cancelled")
            workflow.active = False
            workflow.save(update_fields=["active"])
        else:
            workflow.delete()
        for task in tasks:
            if WorkflowTask.objects.filter(task=task, workflow__active=True).exists():
                continue  # also a step of a workflow that stays
            if TaskState.objects.filter(task=task).exists() or task.workflow_tasks.exists():
                task.active = False  # history, or a step of the deactivated workflow
                task.save(update_fields=["active"])
            else:
                task.delete()

    for group in Group.objects.filter(name__in=WAGTAIL_GROUPS):
        for user in group.user_set.all():
            user.groups.add(editor)
        group.delete()


class Migration(migrations.Migration):
    dependencies = [
        # Through 0002, after every Wagtail migration that creates or uses the defaults
        # (wagtailcore 0002 and 0048, wagtailadmin 0001, wagtaildocs and wagtailimages 0002).
        ("subprocessors", "0005_notice_dates_and_register_changes"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
