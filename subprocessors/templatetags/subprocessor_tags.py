from django import template

from ..notices import with_announced
from ..register import entries_for_product, split_by_status

register = template.Library()


@register.simple_tag
def product_register(product):
    """The live register rows for one product, split into current/upcoming/former, with the
    changes announced for it that have not taken effect yet ("announced")."""
    return with_announced(split_by_status(entries_for_product(product)), [product])
