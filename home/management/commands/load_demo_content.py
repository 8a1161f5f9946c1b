from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import pages
from subprocessors import demo as register_demo


class Command(BaseCommand):
    help = (
        "Load the demo content drawn from the seed DPIAs. Idempotent: creates only what is "
        "missing and never overwrites an editor's changes."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        settings_created = pages.ensure_settings()
        pages_created = pages.ensure_pages()
        entries_created = register_demo.ensure_entries()
        entries_created += register_demo.ensure_notices()
        if settings_created or pages_created or entries_created:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo content loaded: {pages_created} page(s), "
                    f"{entries_created} register entries and notices created"
                    f"{', organisation settings created' if settings_created else ''}."
                )
            )
        else:
            self.stdout.write("Demo content already present: nothing to do.")
