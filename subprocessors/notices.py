"""Reading published change notices: the one query every public output uses, and the changes
they announce that have not taken effect yet."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_countries import countries
from wagtail.models import Revision

from products.models import ProductPage

from .models import ChangeNotice, Subprocessor


def live_notices(products=()):
    """Published notices, newest first; optionally only those affecting `products`."""
    qs = ChangeNotice.objects.originals().filter(live=True).in_active_language()
    if products:
        qs = qs.filter(Q(all_products=True) | Q(products__in=[p.pk for p in products])).distinct()
    return qs.order_by("-notice_date", "-first_published_at", "-pk")


def with_relations(qs):
    """Prefetch the products and register entries a notice names, published ones only: a
    draft product or a never-published entry must not show through a notice."""
    return qs.prefetch_related(
        Prefetch(
            "products",
            queryset=ProductPage.objects.live()
            .public()
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .order_by("path"),
        ),
        Prefetch("subprocessors", queryset=Subprocessor.objects.filter(live=True)),
    )


@dataclass
class AnnouncedChange:
    """A change a live notice announced that has not yet taken effect, for one entry."""

    entry: Subprocessor
    notice: ChangeNotice
    description: str
    date: datetime.date


def _countries(value):
    if isinstance(value, str):
        return {code for code in value.split(",") if code}
    return set(value or [])


def _names(codes):
    return ", ".join(sorted(countries.name(code) or code for code in codes))


def _describe(entry, notice, scheduled):
    """What the register will show once the change is made: from the DPO-approved scheduled
    revision when there is one, else the notice's own headline."""
    content = scheduled.content if scheduled is not None else None
    if content is not None:
        day = timezone.localdate(scheduled.approved_go_live_at)
        old = {c.code for c in entry.countries}
        new = _countries(content.get("countries"))
        added, removed = new - old, old - new
        when = date_format(day, "j F Y")
        if added and removed:
            return _("Moves to %(countries)s on %(day)s") % {
                "countries": _names(added),
                "day": when,
            }, day
        if added:
            return _("Also processes data in %(countries)s from %(day)s") % {
                "countries": _names(added),
                "day": when,
            }, day
        if removed:
            return _("Stops processing data in %(countries)s on %(day)s") % {
                "countries": _names(removed),
                "day": when,
            }, day
        if content.get("end_date"):
            return _("Stops processing data on %(day)s") % {"day": when}, day
    day = notice.effective_date
    return _("%(kind)s: %(title)s, on %(day)s") % {
        "kind": notice.get_kind_display(),
        "title": notice.title,
        "day": date_format(day, "j F Y"),
    }, day


def announced_changes(products=(), day=None):
    """Every change announced by a live notice that has not taken effect yet, soonest first.
    A notice naming several entries gives one item for each (published entries only)."""
    day = day or timezone.localdate()
    notices = list(with_relations(live_notices(products).filter(effective_date__gt=day)))
    entries = {entry.pk: entry for notice in notices for entry in notice.subprocessors.all()}
    scheduled = {}
    if entries:
        revisions = Revision.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Subprocessor),
            object_id__in=[str(pk) for pk in entries],
            approved_go_live_at__gt=timezone.now(),
        ).order_by("approved_go_live_at")
        for revision in revisions:
            scheduled.setdefault(int(revision.object_id), revision)
    items = []
    for notice in notices:
        for entry in notice.subprocessors.all():
            description, when = _describe(entry, notice, scheduled.get(entry.pk))
            items.append(AnnouncedChange(entry, notice, description, when))
    return sorted(items, key=lambda item: (item.date, item.entry.name))


def with_announced(groups, products=()):
    """Add the announced changes to register groups (from `split_by_status`): each entry row
    gets `.announced` (its own), and the groups an "announced" list."""
    announced = announced_changes(products)
    by_entry = {}
    for item in announced:
        by_entry.setdefault(item.entry.pk, []).append(item)
    for key in ("current", "upcoming", "former"):
        for entry in groups[key]:
            entry.announced = by_entry.get(entry.pk, [])
    return {**groups, "announced": announced}
