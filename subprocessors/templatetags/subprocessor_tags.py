import datetime

from django import template
from django.utils.safestring import mark_safe

from .. import dataflow
from ..notices import with_announced
from ..records import to_record
from ..register import entries_for_product, split_by_status

register = template.Library()


@register.simple_tag
def product_register(product):
    """The live register rows for one product, split into current/upcoming/former, with the
    changes announced for it that have not taken effect yet ("announced")."""
    return with_announced(split_by_status(entries_for_product(product)), [product])


@register.inclusion_tag("subprocessors/_dataflow.html")
def product_dataflow(product, current):
    """The product's data-flow diagram (inline SVG) and the same facts as a list. `current`:
    the current entries `product_register` read (no further query)."""
    drawing = dataflow.build(
        product.title,
        [dataflow.Source(b.value["source"], b.value["description"]) for b in product.data_sources],
        [to_record(entry) for entry in current],
        product.slug,
        product.hosting_location,
    )
    prefix = f"dataflow-{product.slug}"
    return {
        "product": product,
        "diagram": drawing,
        "svg": mark_safe(drawing.svg(prefix)),  # every value is escaped by dataflow.render_svg
        "prefix": prefix,
    }


@register.filter
def long_date(value):
    """An ISO date ('2026-11-22') or a date as '22 November 2026'; '' for none."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return f"{value:%-d %B %Y}"
