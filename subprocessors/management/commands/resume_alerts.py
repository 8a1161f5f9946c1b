"""Put right what a killed task worker left behind in email alerts (see subprocessors.deliveries).

Run it every minute or few, beside `publish_scheduled` (scripts/run.sh does for `make run`).
Safe to run any number of times: it never sends an alert twice.
"""

from django.core.management.base import BaseCommand

from subprocessors.deliveries import resume


class Command(BaseCommand):
    help = (
        "Queue alert emails a killed worker left unsent, and mark as failed (possibly sent, "
        "never re-sent) those it was in the middle of sending."
    )

    def handle(self, *args, **options):
        summary = resume()
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"{summary['created']} new deliveries, {summary['requeued']} queued again, "
                f"{summary['stale']} interrupted sends marked for the DPO."
            )
