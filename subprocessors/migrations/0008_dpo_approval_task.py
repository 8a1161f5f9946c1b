"""The "DPO approval" task becomes a DPOApprovalTask (a proxy of Wagtail's group approval task
that refuses to approve an unannounced register change). Same row, same groups and history."""

from django.db import migrations


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("wagtailcore", "Task")
    proxy_ct, _ = ContentType.objects.get_or_create(
        app_label="subprocessors", model="dpoapprovaltask"
    )
    Task.objects.filter(name="DPO approval", content_type__model="groupapprovaltask").update(
        content_type=proxy_ct
    )


def backwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("wagtailcore", "Task")
    group_ct, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    Task.objects.filter(content_type__app_label="subprocessors").update(content_type=group_ct)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("subprocessors", "0007_per_product_dates_and_urgent_changes"),
    ]

    operations = [
        migrations.CreateModel(
            name="DPOApprovalTask",
            fields=[],
            options={
                "verbose_name": "DPO approval task",
                "verbose_name_plural": "DPO approval tasks",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("wagtailcore.groupapprovaltask",),
        ),
        migrations.RunPython(forwards, backwards),
    ]
