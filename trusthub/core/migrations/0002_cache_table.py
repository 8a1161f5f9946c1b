"""The table of the database cache (CACHE_URL=db://TABLE, the default outside the tests), made by
`migrate` so that no deployment has to remember `createcachetable`. It runs that command: it
does nothing for other cache backends or a table that exists. A table named later (a new
CACHE_URL) needs `python manage.py createcachetable`."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
