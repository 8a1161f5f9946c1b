"""Every existing register entry, product use and change notice becomes the English original
of its translations (Wagtail's documented way to make existing rows translatable)."""

from django.db import migrations
from wagtail.models.i18n import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("subprocessors", "0013_translatable_bootstrap"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [
        BootstrapTranslatableModel("subprocessors.Subprocessor"),
        BootstrapTranslatableModel("subprocessors.SubprocessorUse"),
        BootstrapTranslatableModel("subprocessors.ChangeNotice"),
    ]
