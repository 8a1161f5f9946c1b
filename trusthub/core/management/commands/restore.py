"""`manage.py restore FILE` (`make restore FILE=…`): put back the database and uploaded media of a
backup made by `manage.py backup`.

The whole archive is checked before anything changes, and the current content is saved as a
backup of its own first, so a restore can always be undone (trusthub/core/restores.py).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from trusthub.core.dumps import BackupError
from trusthub.core.restores import restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database and uploaded media with those of a backup. The backup is checked "
        "first, and the current content is saved as a backup of its own before it is replaced "
        "(the command prints where), so nothing is lost."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The backup: a trusthub-….tar.gz file.")

    def handle(self, *args, archive, **options):
        try:
            seconds = restore_backup(
                archive,
                say=self.stdout.write,
                warn=lambda text: self.stdout.write(self.style.WARNING(text)),
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restore complete in {seconds:.1f} s."))
        self.stdout.write(
            "If a caching proxy or CDN serves the site, purge it so that schools see the "
            "restored pages now rather than when their cached copies expire."
        )
