"""Reading published change notices: the one query every public output uses."""

from django.db.models import Count, Max, Q

from .models import ChangeNotice


def live_notices(products=()):
    """Published notices, newest first; optionally only those affecting `products`."""
    qs = ChangeNotice.objects.filter(live=True)
    if products:
        qs = qs.filter(Q(all_products=True) | Q(products__in=[p.pk for p in products])).distinct()
    return qs.order_by("-notice_date", "-first_published_at", "-pk")


def with_relations(qs):
    return qs.prefetch_related("products", "subprocessors")


def fingerprint(products=()):
    """(latest change, count) of the notices a filtered output shows: for ETag/Last-Modified."""
    ids = live_notices(products).values("pk")
    agg = ChangeNotice.objects.filter(pk__in=ids).aggregate(
        latest=Max("last_published_at"), count=Count("pk")
    )
    return agg["latest"], agg["count"]
