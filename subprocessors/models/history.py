"""What the public register showed of each entry, and from when: the register's history.

One row per event that changed what the public saw of an entry (a publication, an unpublish, a
deletion), written by the receivers in `subprocessors.changes` as it happens. Rows are never
updated or deleted by the site: Wagtail deletes a snippet's revisions with it, and the snapshot
(`RegisterSnapshot`) only keeps the latest state, so this is the one record of what was public.
`subprocessors.history` reads it ("the register as at a date", comparisons).
"""

from django.db import models

from .entries import Subprocessor
from .tracking import RegisterChange


class HistoryEvent(models.TextChoices):
    PUBLISHED = "published", "Published"
    UNPUBLISHED = "unpublished", "Unpublished"
    DELETED = "deleted", "Deleted"
    IMPORTED = "imported", "Imported from the revision history"


class RegisterHistory(models.Model):
    """From `at` on, the public register showed `record` for the entry `entry_id` (or, when
    `record` is None, did not show the entry at all), until the entry's next row."""

    entry_id = models.UUIDField(
        "entry's stable id",
        help_text="The entry's permanent identifier (Subprocessor.uuid): it outlives the entry.",
    )
    subprocessor = models.ForeignKey(
        Subprocessor,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="history",
        help_text="Empty once the entry is deleted.",
    )
    name = models.CharField(max_length=120)
    event = models.CharField(max_length=20, choices=HistoryEvent.choices)
    at = models.DateTimeField(help_text="When the public register started to show this.")
    record = models.JSONField(
        null=True,
        blank=True,
        help_text="What the public saw (subprocessors.history.public_record); empty when the "
        "entry left the public register.",
    )
    register_change = models.ForeignKey(
        RegisterChange,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="history",
        help_text="The register change recorded with this event, and through it the notice "
        "that announced it.",
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = "register history event"
        verbose_name_plural = "register history"
        indexes = [models.Index(fields=["entry_id", "at"], name="register_history_entry_at")]

    def __str__(self):
        return f"{self.name}: {self.get_event_display()} at {self.at:%Y-%m-%d %H:%M}"
