"""`manage.py makemessages`, set up for this project (Django's documented way to customise it):
the interface text of our own code and templates only, one catalogue per language in locale/,
no obsolete entries, each string's source files (not line numbers, so a catalogue changes only
when the text does). `make messages-update` runs it for every language; tests/test_translations.py
checks the committed catalogue holds exactly what it would extract, every string translated."""

from django.core.management.commands import makemessages

# Not interface text: dependencies, built files, tests, scripts, migrations, deploy configuration.
IGNORED = [
    ".venv",
    "node_modules",
    "staticfiles",
    "media",
    "backups",
    "tests",
    "*/tests/*",
    "scripts",
    "*/migrations/*",
    "deploy",
    "docs",
]


class Command(makemessages.Command):
    # No guessed ("fuzzy") translations for new strings from similar old ones: they are wrong
    # more often than right, and gettext would not use them anyway.
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]

    def handle(self, *args, **options):
        options["ignore_patterns"] = [*(options.get("ignore_patterns") or []), *IGNORED]
        options["no_obsolete"] = True
        if options.get("add_location") is None:
            options["add_location"] = "file"
        return super().handle(*args, **options)
