"""Our one promise, enforced when publishing: no new sub-processor, product use or country goes
live before a live change notice announced it with the full notice period.

`AnnouncedChangesMixin` gives a register entry what it needs to keep the promise: what the
public saw of it last (`public_state`), what a new state would add, which live notice covers
each addition, and a `publish` that refuses an unannounced addition unless the DPO approved it
as an urgent change (recorded on a change notice that goes live with it). Removals need no
prior notice; they are still announced (see `subprocessors.changes`).

It reaches change notices and the public snapshot through the entry's reverse relations
(`change_notices`, `public_snapshot`), so it imports no other model module.
"""

import datetime
import logging
from typing import NamedTuple

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone
from django_countries import countries

from trusthub.core.locales import is_original

logger = logging.getLogger(__name__)

# Notice kinds that can announce something new; a removal notice never does.
ANNOUNCING_KINDS = ("addition", "replacement", "location")


class Addition(NamedTuple):
    """Something a publication would add that schools must hear about first."""

    label: str  # "New Relic for Juniper MIS", "Intercom processing data in United States"
    product_id: int | None  # None: a new country, which concerns every product
    starts: datetime.date


class UnannouncedChange(PermissionDenied):
    """Publishing would make an unannounced addition live. (A PermissionDenied, so that if it is
    ever not caught the user gets a refusal, never a server error.)"""

    def __init__(self, problems):
        self.problems = problems
        super().__init__(" ".join(problems))


def _day(value):
    return value.strftime("%-d %B %Y")


class AnnouncedChangesMixin:
    # --- what the public sees --------------------------------------------------------------

    def public_state(self):
        """What the public register shows of this entry: compared between publications."""
        uses = list(self.uses.all())
        return {
            "name": self.name,
            "countries": sorted(c.code for c in self.countries),
            "transfer_safeguard": self.transfer_safeguard,
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "uses": {str(use.product_id): use.purpose for use in uses},
            "products": {str(use.product_id): use.product.title for use in uses},
            "starts": {
                str(use.product_id): use.start_date.isoformat() for use in uses if use.start_date
            },
        }

    def last_public_snapshot(self):
        """The stored snapshot of what the public last saw, or None for a new entry."""
        if not self.pk:
            return None
        try:
            return self.public_snapshot
        except type(self).public_snapshot.RelatedObjectDoesNotExist:
            return None

    def change_day(self):
        """The day a publication takes effect: its scheduled go-live day, else today."""
        today = timezone.localdate()
        if self.go_live_at:
            return max(timezone.localdate(self.go_live_at), today)
        return today

    # --- what a publication would add ------------------------------------------------------

    def pending_additions(self, state=None, day=None):
        state = state or self.public_state()
        day = day or self.change_day()
        snapshot = self.last_public_snapshot()
        before = snapshot.data if snapshot else {}
        name = state["name"]
        additions = []
        old_uses = before.get("uses", {})
        for product_id, title in state["products"].items():
            if product_id in old_uses:
                continue
            start = state["starts"].get(product_id)
            starts = datetime.date.fromisoformat(start) if start else day
            additions.append(Addition(f"{name} for {title}", int(product_id), max(starts, day)))
        if before:
            for code in sorted(set(state["countries"]) - set(before.get("countries", []))):
                label = f"{name} processing data in {countries.name(code) or code}"
                additions.append(Addition(label, None, day))
        return additions

    def _announcing_notices(self):
        """Live notices about this entry that announce something still new: published, or not
        yet in effect, since the public last saw the entry (older ones announced older
        changes)."""
        if not self.pk:
            return None
        notices = self.change_notices.originals().filter(live=True, kind__in=ANNOUNCING_KINDS)
        snapshot = self.last_public_snapshot()
        if snapshot is not None:
            seen = snapshot.taken_at
            notices = notices.filter(
                Q(first_published_at__gte=seen) | Q(effective_date__gte=timezone.localdate(seen))
            )
        return notices

    def unannounced_additions(self, state=None, day=None):
        """Each addition no live notice covers in time, as (addition, the live notice that
        covers it but takes effect later, or None). A translation announces nothing and needs
        no announcement: its facts are its original's."""
        if not is_original(self):
            return []
        additions = self.pending_additions(state, day)
        if not additions:
            return []
        notices = self._announcing_notices()
        if notices is None:
            return [(addition, None) for addition in additions]
        problems = []
        for addition in additions:
            relevant = notices
            if addition.product_id is not None:
                relevant = notices.filter(Q(all_products=True) | Q(products=addition.product_id))
            if relevant.filter(effective_date__lte=addition.starts).exists():
                continue
            problems.append((addition, relevant.order_by("effective_date").first()))
        return problems

    def urgent_override(self):
        """The change notice recording the DPO's urgent approval of the pending change, if the
        DPO gave one since the public last saw the entry."""
        if not self.pk:
            return None
        notices = self.change_notices.originals().filter(urgent_approved_at__isnull=False)
        snapshot = self.last_public_snapshot()
        if snapshot is not None:
            notices = notices.filter(urgent_approved_at__gte=snapshot.taken_at)
        return notices.order_by("-urgent_approved_at").first()

    @staticmethod
    def describe_unannounced(problems):
        """One plain sentence per unannounced addition."""
        sentences = []
        for addition, later in problems:
            if later is not None:
                sentences.append(
                    f"{addition.label} would start on {_day(addition.starts)}, but the change "
                    f"notice “{later.title}” takes effect on {_day(later.effective_date)}: "
                    f"start on {_day(later.effective_date)} or later."
                )
            else:
                sentences.append(
                    f"{addition.label} would start on {_day(addition.starts)}, and no published "
                    "change notice announces it."
                )
        return sentences

    # --- enforcement -----------------------------------------------------------------------

    def publish(self, revision, *args, known_history=False, **kwargs):
        """Publish, unless that makes an unannounced addition live. `known_history=True` is
        for loading what was already announced elsewhere (demo content, imports)."""
        if not is_original(self):
            # A translation: its facts are its original's, announced and checked there.
            return super().publish(revision, *args, **kwargs)
        if known_history:
            revision.known_history = True  # read by the `published` handler (changes.py)
            return super().publish(revision, *args, **kwargs)
        candidate = revision.as_object()
        problems = candidate.unannounced_additions()
        if problems and candidate.urgent_override() is None:
            sentences = self.describe_unannounced(problems)
            due = revision.approved_go_live_at
            if due is not None and due <= timezone.now():
                # The scheduler is making a scheduled change live, and its notice has since
                # been withdrawn: hold the change back (unscheduled) rather than break the
                # promise, and say so on the dashboard.
                revision.approved_go_live_at = None
                revision.save(update_fields=["approved_go_live_at"])
                logger.warning("Held back scheduled change to %s: %s", self, " ".join(sentences))
                self.hold_back(sentences)
                return None
            raise UnannouncedChange(sentences)
        return super().publish(revision, *args, **kwargs)

    def hold_back(self, sentences):
        """Warn on the dashboard (a register change with no notice) that a scheduled change
        was held back."""
        self.register_changes.create(
            subprocessor_name=self.name,
            description=f"The scheduled change to {self.name} was not published: "
            + " ".join(sentences),
        )
