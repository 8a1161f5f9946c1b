from django import template

from ..register import entries_for_product, split_by_status

register = template.Library()


@register.simple_tag
def product_register(product):
    """The live register rows for one product, split into current/upcoming/former."""
    return split_by_status(entries_for_product(product))
