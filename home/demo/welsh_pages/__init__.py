"""The Welsh words of the demo pages: {English segment: Welsh}, for `home.demo.welsh`.

Keys are the segments exactly as wagtail-localize extracts them from the demo pages (one per
plain-text field, per rich-text block element, per block field; inline links as
`<a id="a1">..</a>`, bold kept). The Welsh is machine-assisted: it is loaded as machine
translations, which the translation editor marks for a Welsh speaker to review.

Names stay as they are: the company, the products, the hub ("Trust Hub"), suppliers, and the
titles of documents that exist only in English. Slugs stay the English ones, so a Welsh page's
address is its English one under /cy/. A retention stage's `from_stage` is a key other stages
refer to, not words: it is kept as it is.
"""

from products.demo.summaries import PRODUCTS

from .accessibility import accessibility_statement
from .common import FIRST_PUBLISHED, identity
from .pupil_progress import PUPIL_PROGRESS, PUPIL_PROGRESS_RETENTION, PUPIL_PROGRESS_SECURITY
from .security_retention import (
    COMMUNICATIONS_HUB_SECURITY,
    CONTRACT_RETENTION,
    covered_by_company_controls,
)
from .site import COMPANY_SECURITY, HOME, PRODUCTS_INDEX
from .summaries import (
    COMMUNICATIONS_HUB,
    JUNIPER_MIS,
    MIS_SHARED,
    PUPIL_ASSET,
    SUMMARIES_SHARED,
    product_titles,
)


def all_pages(org, slugs):
    """Every demo page's Welsh, in one dict: a segment that several pages share (a product's
    name, "First published.", a data subject) gets the same Welsh on each. `slugs` are the
    demo pages' slugs, which stay as they are."""
    welsh = {**FIRST_PUBLISHED, **identity(*slugs)}
    for spec in PRODUCTS:
        welsh.update(product_titles(spec["title"]))
        welsh.update(covered_by_company_controls(spec["title"]))
    for words in (
        HOME,
        PRODUCTS_INDEX,
        COMPANY_SECURITY,
        PUPIL_PROGRESS,
        PUPIL_PROGRESS_SECURITY,
        PUPIL_PROGRESS_RETENTION,
        SUMMARIES_SHARED,
        MIS_SHARED,
        JUNIPER_MIS,
        PUPIL_ASSET,
        COMMUNICATIONS_HUB,
        COMMUNICATIONS_HUB_SECURITY,
        CONTRACT_RETENTION,
        accessibility_statement(org),
    ):
        welsh.update(words)
    return welsh
