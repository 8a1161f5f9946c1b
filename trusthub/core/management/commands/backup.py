"""`manage.py backup` (`make backup`): the database and uploaded media in one .tar.gz file.

What it holds and how to restore it: trusthub/core/backups.py and README, "Backups".
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from trusthub.core.backups import create_backup, human_size
from trusthub.core.dumps import ENGINE_NAMES, BackupError


class Command(BaseCommand):
    help = (
        "Back up the configured database (SQLite or PostgreSQL) and the uploaded media into one "
        ".tar.gz file, readable by you only. Restore it with `manage.py restore FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            type=Path,
            help="Where to write the backup: a directory (named trusthub-YYYYMMDD-HHMMSS.tar.gz "
            "there) or a file name. Default: the BACKUP_DIR directory (backups/).",
        )

    def handle(self, *args, output=None, **options):
        try:
            result = create_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] == 0:  # e.g. nightly from cron: errors only
            return
        manifest = result.manifest
        media = manifest["media"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {result.path} ({human_size(result.size)}) "
                f"in {result.seconds:.1f} s."
            )
        )
        self.stdout.write(
            f"  Database: {ENGINE_NAMES[manifest['engine']]}, "
            f"{manifest['migrations']['applied']} migrations applied."
        )
        if media["included"] and not media["files"]:
            self.stdout.write(f"  Media: none in {media['root']}.")
        elif media["included"]:
            self.stdout.write(
                f"  Media: {media['files']} file(s), {human_size(media['bytes'])}, "
                f"from {media['root']}."
            )
        else:
            self.stdout.write(self.style.WARNING(f"  Media: not included. {media['reason']}"))
        self.stdout.write(
            "  It holds personal data (subscribers' email addresses, objections): it is "
            "readable by you only; keep it as safe as the database itself."
        )
        self.stdout.write(f"  To restore it: make restore FILE={result.path}")
