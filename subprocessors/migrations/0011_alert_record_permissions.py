"""Subscribers, deliveries and objections: only the DPO sees them (read-only, in the admin's
"Alerts and objections" menu, subprocessors/admin_records.py). Editors get nothing: subscriber
email addresses and schools' objections are not theirs to read."""

from django.db import migrations

from subprocessors import roles

RECORDS = ("subscriber", "delivery", "objection")


def codenames():
    return [f"view_{model}" for model in RECORDS]


def forwards(apps, schema_editor):
    roles.ensure_permissions(apps)
    editor, dpo = roles.groups(apps)
    granted = roles.perms(apps, "subprocessors", *codenames())
    dpo.permissions.add(*granted)
    # Whatever an earlier setup may have given editors on these records is taken away.
    Permission = apps.get_model("auth", "Permission")
    editor.permissions.remove(
        *Permission.objects.filter(
            content_type__app_label="subprocessors", content_type__model__in=RECORDS
        )
    )


def backwards(apps, schema_editor):
    _editor, dpo = roles.groups(apps)
    Permission = apps.get_model("auth", "Permission")
    dpo.permissions.remove(
        *Permission.objects.filter(
            content_type__app_label="subprocessors", codename__in=codenames()
        )
    )


class Migration(migrations.Migration):
    dependencies = [("subprocessors", "0010_subscribers_deliveries_objections")]

    operations = [migrations.RunPython(forwards, backwards)]
