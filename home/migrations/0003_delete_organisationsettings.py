"""Organisation settings now belong to the core app (core 0001), in the same table. Here: drop
the model from home's state only, and move its content type to core so that the permission
to edit the settings (granted to the DPO group in subprocessors 0002) stays attached.

Runs after subprocessors 0009 so that earlier migrations granting home's permission find it.
"""

from django.db import migrations


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    old = ContentType.objects.filter(app_label="home", model="organisationsettings").first()
    if old is None:
        return
    new = ContentType.objects.filter(app_label="core", model="organisationsettings").first()
    if new is None:
        old.app_label = "core"
        old.save(update_fields=["app_label"])
        return
    # Both exist (permissions were created for core already): move the groups' grants over.
    for permission in Permission.objects.filter(content_type=old):
        target = Permission.objects.filter(content_type=new, codename=permission.codename).first()
        if target is None:
            permission.content_type = new
            permission.save(update_fields=["content_type"])
            continue
        for group in permission.group_set.all():
            group.permissions.add(target)
        for user in permission.user_set.all():
            user.user_permissions.add(target)
        permission.delete()
    old.delete()


def move_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="home", model="organisationsettings").exists():
        ContentType.objects.filter(app_label="core", model="organisationsettings").update(
            app_label="home"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_organisationsettings_internal_note"),
        ("core", "0001_initial"),
        ("subprocessors", "0009_in_house_recipients"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="OrganisationSettings")],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_back),
    ]
