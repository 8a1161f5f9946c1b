import os
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from subprocessors import roles

DEFAULT_PASSWORD = "trusthub-local"


@dataclass(frozen=True)
class Account:
    role: str  # what the sign-in line calls it
    env: str  # LOCAL_<env>_USER and LOCAL_<env>_PASSWORD
    default_username: str
    group: str | None  # None: a superuser
    does: str

    @property
    def username(self):
        return os.environ.get(f"LOCAL_{self.env}_USER") or self.default_username

    @property
    def password(self):
        return os.environ.get(f"LOCAL_{self.env}_PASSWORD") or DEFAULT_PASSWORD


ACCOUNTS = [
    Account("Administrator", "ADMIN", "admin", None, ""),
    Account(roles.EDITOR, "EDITOR", "editor", roles.EDITOR, "drafts and submits for approval"),
    Account(roles.DPO, "DPO", "dpo", roles.DPO, "approves and publishes"),
]


class Command(BaseCommand):
    help = (
        "Create the local accounts for `make run` (development only): an administrator, a "
        "demo Privacy editor and a demo Data Protection Officer, and say how to sign in."
    )

    def handle(self, *args, **options):
        if not getattr(settings, "LOCAL_DEVELOPMENT", False):
            raise CommandError(
                "ensure_local_accounts is for local development only (trusthub.settings.dev)."
            )
        host = os.environ.get("HOST") or "127.0.0.1"
        port = os.environ.get("PORT") or "8000"
        with transaction.atomic():
            lines = [self.ensure(account) for account in ACCOUNTS]
        width = max(len(account.role) for account in ACCOUNTS)
        self.stdout.write(
            self.style.SUCCESS(f"Sign in to the admin at http://{host}:{port}/admin/")
        )
        for account, how in zip(ACCOUNTS, lines, strict=True):
            does = f" — {account.does}" if account.does else ""
            self.stdout.write(f"  {account.role:<{width}}  {how}{does}")

    def ensure(self, account):
        """Create the account if it is missing; an existing one is never changed."""
        User = get_user_model()
        username = account.username
        if User.objects.filter(username=username).exists():
            return f"username: {username}, password unchanged (the account already existed)"
        email = f"{username}@localhost"
        if account.group is None:
            User.objects.create_superuser(username, email, account.password)
        else:
            group = Group.objects.filter(name=account.group).first()
            if group is None:
                raise CommandError(
                    f"The group “{account.group}” is missing: run `manage.py migrate` first."
                )
            user = User.objects.create_user(username, email, account.password)
            user.groups.add(group)
        return f"username: {username}, password: {account.password}"
