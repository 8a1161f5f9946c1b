"""Demo product pages drawn from the seed DPIAs: the company-wide security statement, /products/,
and for each product its privacy summary, security statement and retention page. Loaded by
`manage.py load_demo_content`, which makes the home page first and passes it in.

Every loader creates only what is missing, so running it again changes nothing and duplicates
nothing; a page that exists is never changed.
"""

from trusthub.core.history import PublicHistoryMixin

from ..models import ProductIndexPage, ProductPage, RetentionPage, SecurityStatementPage
from .mis import MIS_SHARED
from .retention import RETENTION
from .security import COMPANY_SECURITY, PRODUCT_SECURITY, covered_by_company_controls
from .summaries import PRODUCTS


def _child(parent, model, slug):
    return model.objects.child_of(parent).filter(slug=slug).first()


# The public change note of each demo page's first version (its public history's first entry).
FIRST_NOTE = "First published."


def _add(parent, page):
    if isinstance(page, PublicHistoryMixin) and not page.public_change_note:
        page.public_change_note = FIRST_NOTE
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_pages(home):
    """Create the missing product pages under `home` (the site's home page). Returns the number
    of pages created."""
    created = 0
    if _child(home, SecurityStatementPage, COMPANY_SECURITY["slug"]) is None:
        _add(home, SecurityStatementPage(**COMPANY_SECURITY))
        created += 1

    index = _child(home, ProductIndexPage, "products")
    if index is None:
        index = _add(
            home,
            ProductIndexPage(
                title="Our products",
                slug="products",
                intro="Each product has its own privacy summary, security statement and "
                "retention rules.",
            ),
        )
        created += 1

    for spec in PRODUCTS:
        fields = dict(spec)
        for key, value in MIS_SHARED.items():
            if fields.get(key) is None:
                fields[key] = value
        product = _child(index, ProductPage, spec["slug"])
        if product is None:
            product = _add(index, ProductPage(**fields))
            created += 1
        if _child(product, SecurityStatementPage, "security") is None:
            security = PRODUCT_SECURITY.get(spec["slug"]) or covered_by_company_controls(
                spec["title"], spec["last_reviewed"]
            )
            _add(
                product,
                SecurityStatementPage(
                    title=f"How we keep {spec['title']} data safe", slug="security", **security
                ),
            )
            created += 1
        if _child(product, RetentionPage, "retention") is None and spec["slug"] in RETENTION:
            _add(
                product,
                RetentionPage(
                    title=f"When will our {spec['title']} data be deleted?",
                    slug="retention",
                    **RETENTION[spec["slug"]],
                ),
            )
            created += 1
    return created
