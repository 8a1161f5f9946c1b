from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from trusthub.core.signin import devices, policy


class Command(BaseCommand):
    help = (
        "Turn off two-step verification for an account whose owner has lost both their "
        "authenticator app and their recovery codes. Check who is asking first. If it is "
        "required for the account, they set it up again at their next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        model = get_user_model()
        user = model._default_manager.filter(**{model.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"There is no account with the username {username!r}.")
        if devices.authenticator(user) is None and not devices.recovery_codes_left(user):
            self.stdout.write(f"{username} has no two-step verification set up: nothing to do.")
            return
        devices.remove_all(user)
        then = (
            "must set it up again at their next sign-in"
            if policy.required_for(user)
            else "can set it up again from their account settings"
        )
        self.stdout.write(f"Two-step verification is off for {username}; they {then}.")
