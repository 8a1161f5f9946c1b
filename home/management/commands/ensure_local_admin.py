import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create a local superuser for `make run` (development only) and say how to sign in."

    def handle(self, *args, **options):
        if not getattr(settings, "LOCAL_DEVELOPMENT", False):
            raise CommandError(
                "ensure_local_admin is for local development only (trusthub.settings.dev)."
            )
        username = os.environ.get("LOCAL_ADMIN_USER") or "admin"
        password = os.environ.get("LOCAL_ADMIN_PASSWORD") or "trusthub-local"
        host = os.environ.get("HOST") or "127.0.0.1"
        port = os.environ.get("PORT") or "8000"
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            User.objects.create_superuser(username, f"{username}@localhost", password)
            how = f"password: {password}"
        else:
            how = "password: unchanged (the account already existed)"
        self.stdout.write(
            self.style.SUCCESS(
                f"Sign in to the admin at http://{host}:{port}/admin/ as '{username}' ({how})."
            )
        )
