from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page

from home.demo import pages, welsh
from products import demo as product_demo
from subprocessors import demo as register_demo
from subprocessors.models import ChangeNotice, Subprocessor
from trusthub.core import demo as core_demo

OUR_APPS = ("home", "products")


def existing_content():
    """What the site already holds, in words, or "" when it has no content of its own (a
    fresh database has only Wagtail's root and welcome pages)."""
    page_types = ContentType.objects.filter(app_label__in=OUR_APPS)
    found = {
        "pages": Page.objects.filter(content_type__in=page_types).count(),
        "register entries": Subprocessor.objects.count(),
        "change notices": ChangeNotice.objects.count(),
    }
    return ", ".join(f"{count} {what}" for what, count in found.items() if count)


class Command(BaseCommand):
    help = (
        "Load the demo content drawn from the seed DPIAs into a site with no content. Demo "
        "content is loaded once: after that the site is the editors', and this command "
        "refuses to touch it unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Load only into an empty site and otherwise do nothing, successfully (what "
            "`make run` uses on every start).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Add any missing demo records to a site that already has content. Records "
            "are matched by name, title or slug: a demo record that an editor renamed or "
            "deleted comes back. Never changes an existing record.",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        content = existing_content()
        if content and not options["force"]:
            if options["if_empty"]:
                self.stdout.write(
                    f"Demo content not loaded: this site already has content ({content})."
                )
                return
            raise CommandError(
                f"This site already has content ({content}), so the demo content was not "
                "loaded: it would bring back demo records that editors have renamed or "
                "deleted, and publish them without a change notice. Use --force to add "
                "missing demo records anyway."
            )
        settings_created = core_demo.ensure_settings()
        home, home_created = pages.ensure_home()
        pages_created = int(home_created) + product_demo.ensure_pages(home)
        pages_created += pages.ensure_standard_pages(home)
        entries_created = register_demo.ensure_entries()
        entries_created += register_demo.ensure_notices()
        # Then their Welsh translations (home/demo/welsh.py), published when this commits.
        welsh_pages, welsh_records = welsh.ensure_welsh(home)
        if settings_created or pages_created or entries_created or welsh_pages or welsh_records:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo content loaded: {pages_created} page(s), "
                    f"{entries_created} register entries and notices created; "
                    f"Welsh translations of {welsh_pages} page(s) and {welsh_records} register "
                    "entries and notices created"
                    f"{', organisation settings created' if settings_created else ''}."
                )
            )
        else:
            self.stdout.write("Demo content already present: nothing to do.")
