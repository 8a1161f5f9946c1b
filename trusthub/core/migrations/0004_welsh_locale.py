"""The Welsh locale: pages, register entries and change notices can be translated into Welsh
(settings LANGUAGES; English is the default locale Wagtail created)."""

from django.db import migrations


def add_welsh(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="cy")


def remove_welsh(apps, schema_editor):
    # Only while nothing is in Welsh: a translated page or record protects its locale.
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.filter(language_code="cy").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_security_txt_expires"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(add_welsh, remove_welsh)]
