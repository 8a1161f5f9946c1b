"""What the public last saw of each entry, and the register changes schools must be told of."""

from django.db import models

from .entries import Subprocessor
from .notices import ChangeNotice


class RegisterChange(models.Model):
    """A published register change that schools must be told about.

    Created automatically when a sub-processor entry is published with a change schools can
    see; resolved when the linked change notice is published.
    """

    subprocessor = models.ForeignKey(
        Subprocessor,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="register_changes",
    )
    subprocessor_name = models.CharField(max_length=120, blank=True)
    description = models.TextField()
    detected_at = models.DateTimeField(auto_now_add=True)
    notice = models.ForeignKey(
        ChangeNotice,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="register_changes",
    )

    class Meta:
        ordering = ["-detected_at"]

    def __str__(self):
        return self.description

    @classmethod
    def unannounced(cls):
        """Changes no published notice covers: neither the notice drafted for them nor any
        notice about the same entry published since the change was detected."""
        covered = ChangeNotice.objects.originals().filter(
            live=True,
            subprocessors=models.OuterRef("subprocessor"),
            first_published_at__gte=models.OuterRef("detected_at"),
        )
        return (
            cls.objects.exclude(notice__live=True)
            .filter(~models.Exists(covered))
            .select_related("notice")
        )


class RegisterSnapshot(models.Model):
    """What the public last saw of an entry, to detect changes on the next publish."""

    subprocessor = models.OneToOneField(
        Subprocessor,
        on_delete=models.CASCADE,
        related_name="public_snapshot",
        primary_key=True,
    )
    data = models.JSONField(default=dict)
    taken_at = models.DateTimeField(
        auto_now=True,
        help_text="When the public last saw this state: a notice that took effect before then "
        "was about an earlier change.",
    )

    def __str__(self):
        return f"Public snapshot of {self.subprocessor_id}"
