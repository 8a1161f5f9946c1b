"""Start date and data subjects move from the register entry to each product's use of it.

An entry used by several products started at different times and holds different people's
data for each (Communications Hub did not exist when AWS started hosting Juniper MIS). Every
existing use takes its entry's start date and data subjects, in the live rows and in every
stored revision (drafts and scheduled changes), so nothing is lost; editors then correct them
per product. Also: a public "why this role" note and an editors-only note on entries, the
DPO's urgent-change approval on notices, and when each public snapshot was taken.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def copy_to_uses(apps, schema_editor):
    Subprocessor = apps.get_model("subprocessors", "Subprocessor")
    SubprocessorUse = apps.get_model("subprocessors", "SubprocessorUse")
    for entry in Subprocessor.objects.all():
        SubprocessorUse.objects.filter(subprocessor=entry).update(
            start_date=entry.start_date, data_subjects=entry.data_subjects[:255]
        )
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    ct = ContentType.objects.filter(app_label="subprocessors", model="subprocessor").first()
    if ct is None:
        return
    for revision in Revision.objects.filter(base_content_type=ct).iterator():
        content = revision.content
        changed = False
        for use in content.get("uses", []):
            if "start_date" not in use:
                use["start_date"] = content.get("start_date")
                use["data_subjects"] = (content.get("data_subjects") or "")[:255]
                changed = True
        if changed:
            revision.content = content
            revision.save(update_fields=["content"])


def copy_back(apps, schema_editor):
    Subprocessor = apps.get_model("subprocessors", "Subprocessor")
    SubprocessorUse = apps.get_model("subprocessors", "SubprocessorUse")
    for entry in Subprocessor.objects.all():
        uses = SubprocessorUse.objects.filter(subprocessor=entry).order_by("start_date")
        first = uses.first()
        if first is not None:
            entry.start_date = first.start_date
            subjects = dict.fromkeys(s for s in uses.values_list("data_subjects", flat=True) if s)
            entry.data_subjects = "; ".join(subjects)
            entry.save(update_fields=["start_date", "data_subjects"])


class Migration(migrations.Migration):
    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("subprocessors", "0006_remove_wagtail_default_roles"),
    ]

    operations = [
        migrations.AddField(
            model_name="subprocessoruse",
            name="start_date",
            field=models.DateField(null=True, verbose_name="in use since"),
        ),
        migrations.AddField(
            model_name="subprocessoruse",
            name="data_subjects",
            field=models.CharField(default="", max_length=255, verbose_name="whose data"),
            preserve_default=False,
        ),
        # Made nullable so that migrating backwards can copy the values back.
        migrations.AlterField(
            model_name="subprocessor",
            name="start_date",
            field=models.DateField(null=True, verbose_name="in use since"),
        ),
        migrations.RunPython(copy_to_uses, copy_back),
        migrations.AlterField(
            model_name="subprocessoruse",
            name="start_date",
            field=models.DateField(
                help_text="When this product started (or will start) sharing data with them. A "
                "future date shows as upcoming; a new use must be announced by a change notice "
                "that takes effect on or before this date.",
                verbose_name="in use since",
            ),
        ),
        migrations.AlterField(
            model_name="subprocessoruse",
            name="data_subjects",
            field=models.CharField(
                help_text="The data subjects for this product, e.g. 'Pupils; school staff'.",
                max_length=255,
                verbose_name="whose data",
            ),
        ),
        migrations.RemoveField(model_name="subprocessor", name="start_date"),
        migrations.RemoveField(model_name="subprocessor", name="data_subjects"),
        migrations.AddField(
            model_name="subprocessor",
            name="role_note",
            field=models.TextField(
                blank=True,
                help_text="Shown publicly: why this recipient is (or is not) a sub-processor, "
                "e.g. 'Has no access to personal data: it only configures our network.'",
                verbose_name="why this role",
            ),
        ),
        migrations.AddField(
            model_name="subprocessor",
            name="internal_note",
            field=models.TextField(
                blank=True,
                help_text="For editors and the DPO only, e.g. which facts are illustrative or "
                "still to be confirmed with the supplier.",
                verbose_name="internal note (never shown publicly)",
            ),
        ),
        migrations.AddField(
            model_name="changenotice",
            name="urgent_reason",
            field=models.TextField(
                blank=True,
                editable=False,
                help_text="Set only when the DPO approved an urgent change without prior "
                "notice; shown on the public notice.",
                verbose_name="why this change could not wait",
            ),
        ),
        migrations.AddField(
            model_name="changenotice",
            name="urgent_approved_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="changenotice",
            name="urgent_approved_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="changenotice",
            name="internal_note",
            field=models.TextField(
                blank=True,
                help_text="For editors and the DPO only, e.g. that a demo notice's dates are "
                "illustrative.",
                verbose_name="internal note (never shown publicly)",
            ),
        ),
        migrations.AddField(
            model_name="registersnapshot",
            name="taken_at",
            field=models.DateTimeField(
                auto_now=True,
                default=django.utils.timezone.now,
                help_text="When the public last saw this state: a notice that took effect "
                "before then was about an earlier change.",
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="registersnapshot",
            name="subprocessor",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                primary_key=True,
                related_name="public_snapshot",
                serialize=False,
                to="subprocessors.subprocessor",
            ),
        ),
        migrations.AlterField(
            model_name="registerchange",
            name="subprocessor",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="register_changes",
                to="subprocessors.subprocessor",
            ),
        ),
    ]
