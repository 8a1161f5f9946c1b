"""Change notices: editors draft, only the DPO approves and publishes."""

from django.db import migrations

from subprocessors import roles


def forwards(apps, schema_editor):
    roles.grant_snippet_roles(apps, "subprocessors", "changenotice", "change notice")
    roles.attach_workflow_to_snippet(apps, "subprocessors", "changenotice")


class Migration(migrations.Migration):
    dependencies = [("subprocessors", "0003_change_notices")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
