"""Reading published change notices: the one query every public output uses."""

from django.db.models import Prefetch, Q
from django.utils.http import urlencode

from products.models import ProductPage

from .models import ChangeNotice, Subprocessor


def live_notices(products=()):
    """Published notices, newest first; optionally only those affecting `products`."""
    qs = ChangeNotice.objects.filter(live=True)
    if products:
        qs = qs.filter(Q(all_products=True) | Q(products__in=[p.pk for p in products])).distinct()
    return qs.order_by("-notice_date", "-first_published_at", "-pk")


def with_relations(qs):
    """Prefetch the products and register entries a notice names, published ones only: a
    draft product or a never-published entry must not show through a notice."""
    return qs.prefetch_related(
        Prefetch("products", queryset=ProductPage.objects.live().public().order_by("path")),
        Prefetch("subprocessors", queryset=Subprocessor.objects.filter(live=True)),
    )


def product_query(products):
    """'?product=a&product=b' for the selected products, or ''."""
    if not products:
        return ""
    return "?" + urlencode([("product", p.slug) for p in products])
