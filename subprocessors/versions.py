"""The register version: one number in Django's cache that changes whenever anything the public
register, change log, feeds or exports show may have changed. Their cached representations
(`representations.py`) are keyed by it, so a publish makes every one of them stale at once
without listing them.

The version is a time in nanoseconds. A flushed or evicted cache starts a new version (now), so
it can never bring an old one back, and its second is the `Last-Modified` of everything cached
under it: each bump moves it to a later second than the one before, so a client that saw the
old version is never told "not modified".

`register_changed` is connected in `apps.py`, with `sender=`, to every signal after which the
public output may read differently. Writes that bypass signals (`QuerySet.update`,
`bulk_create`) must call `bump()` themselves.
"""

import datetime
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

VERSION_KEY = "trusthub:register-version"
SECOND = 1_000_000_000  # the version is in nanoseconds


# This process's last read or write of the version, and when (time.monotonic()).
_last_seen = (None, float("-inf"))


def current():
    """The register version now (one cache read; a write too when the cache has none)."""
    version = cache.get_or_set(VERSION_KEY, time.time_ns, timeout=None)
    _remember(version)
    return version


def recent():
    """The register version as this process last read or wrote it, if that was at most
    `REGISTER_VERSION_RECHECK` seconds ago; else `current()`.

    For the one place where a read per request costs more than the answer itself: the 304s of
    `trusthub.middleware.NotModifiedMiddleware` (a shared-cache read is most of their time). A
    publish in this process is seen at once (`bump` remembers its version); one in another
    process at most that long after (0.1 s by default; 0 reads every time). Pages, feeds and
    exports themselves are always rendered and stored under `current()`.
    """
    version, seen_at = _last_seen
    if version is not None and time.monotonic() - seen_at <= settings.REGISTER_VERSION_RECHECK:
        return version
    return current()


def bump():
    """Start a new version, in a later second than the one before."""
    previous = cache.get(VERSION_KEY) or 0
    version = max(time.time_ns(), (previous // SECOND + 1) * SECOND)
    cache.set(VERSION_KEY, version, timeout=None)
    _remember(version)


def _remember(version):
    global _last_seen
    _last_seen = (version, time.monotonic())


def register_changed(sender, **kwargs):
    """Signal receiver: the public register or change log may have changed.

    Bumps at once, so whatever reads next in this transaction (the same request, a test) sees
    the change, and again when the transaction commits: a page another server rendered from
    the rows as they were before the commit, and cached under the first new version, is never
    served after it.
    """
    bump()
    if transaction.get_connection().in_atomic_block:
        # robust: the change is committed by then; a cache error must not fail the request.
        transaction.on_commit(bump, robust=True)


def revision_scheduled(sender, instance, created=False, update_fields=None, **kwargs):
    """Signal receiver (post_save of Revision): scheduling or unscheduling a revision changes
    what the register says about an announced change ("Moves to … on …")."""
    if (update_fields and "approved_go_live_at" in update_fields) or (
        created and instance.approved_go_live_at
    ):
        register_changed(sender)


def changed_at(version, day):
    """`Last-Modified` of what is cached under `version` on `day` (a Unix time in seconds): the
    version's second, or the day's start if later (statuses move on with the date)."""
    midnight = datetime.datetime.combine(
        day, datetime.time(), tzinfo=timezone.get_current_timezone()
    )
    return max(version // SECOND, int(midnight.timestamp()))
