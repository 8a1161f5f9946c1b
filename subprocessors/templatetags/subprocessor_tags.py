import datetime

from django import template
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from trusthub.core.locales import original_page

from .. import dataflow
from ..notices import with_announced
from ..records import to_record
from ..register import entries_for_product, split_by_status

register = template.Library()


@register.simple_tag
def product_register(product):
    """The live register rows for one product, split into current/upcoming/former, with the
    changes announced for it that have not taken effect yet ("announced"). On a translated
    product page, the register of its English original (the one entries name)."""
    product = original_page(product)
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
    return date_format(value, "j F Y")


@register.filter
def titles(pages):
    """The pages' titles as a list: "A, B, C"."""
    return ", ".join(page.title for page in pages)


@register.filter
def titles_and(pages):
    """The pages' titles as one phrase: "A and B and C" (in the page's language)."""
    titles = [page.title for page in pages]
    if not titles:
        return ""
    phrase = titles[0]
    for title in titles[1:]:
        phrase = _("%(list)s and %(item)s") % {"list": phrase, "item": title}
    return phrase


@register.filter
def objection_subject(title):
    """The subject line of an objection emailed to the DPO about the notice `title`."""
    return _("Objection: %(title)s") % {"title": title}
