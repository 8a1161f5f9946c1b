"""The email-alert sign-up box, for any page that includes components/subscribe.html."""

from django import template

from products.models import ProductPage

from ..alert_links import consent_wording

register = template.Library()


@register.inclusion_tag("subprocessors/alerts/_signup.html", takes_context=True)
def alert_signup(context):
    """Full (a checkbox per product) where the page already lists the products (the home page:
    its `products`, so no extra query); compact elsewhere: on a product page the alerts are for
    that product, on the change log for its filter's products, on a notice page for the
    notice's (pages with product checkboxes of their own: a filter, an objection form), each
    with a link to the full form to choose others. No query of its own on any of them."""
    request = context.get("request")
    flt, notice, page = context.get("filter"), context.get("notice"), context.get("page")
    listed = context.get("products")
    compact = getattr(listed, "model", None) is not ProductPage
    chosen = []
    if flt is not None:
        chosen = list(flt.products)
    elif notice is not None and not notice.all_products:
        chosen = list(notice.products.all())
    elif isinstance(page, ProductPage):
        chosen = [page]
    return {
        "compact": compact,
        "products": [] if compact else listed,
        "chosen": chosen,
        "chosen_slugs": [p.slug for p in chosen],
        "consent_wording": consent_wording(),
        "source_path": request.path if request else "",
        "form": None,
    }
