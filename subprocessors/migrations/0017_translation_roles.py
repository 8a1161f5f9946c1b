"""Privacy editors and the DPO may start translations (wagtail-localize's "Translate"): a Welsh
page or record is then edited and published like its original, under the same permissions
(editors draft and submit, the DPO publishes)."""

from django.db import migrations

from subprocessors import roles


def grant(apps, schema_editor):
    editor, dpo = roles.groups(apps)
    permission = roles.perms(apps, "wagtail_localize", "submit_translation")
    editor.permissions.add(*permission)
    dpo.permissions.add(*permission)


def revoke(apps, schema_editor):
    editor, dpo = roles.groups(apps)
    permission = roles.perms(apps, "wagtail_localize", "submit_translation")
    editor.permissions.remove(*permission)
    dpo.permissions.remove(*permission)


class Migration(migrations.Migration):
    dependencies = [
        ("subprocessors", "0016_email_language"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
