"""Small helpers for building register entries in tests."""

import datetime

from products.models import ProductPage
from subprocessors.models import Subprocessor, SubprocessorUse


def make_entry(
    name,
    products=("communications-hub",),
    publish=True,
    start_date=datetime.date(2025, 1, 1),
    data_subjects="Parents",
    **fields,
):
    """A register entry used by `products`, each use starting on `start_date`. Published as
    known history (as if announced long ago) unless `publish=False`."""
    defaults = {
        "description": f"{name} does something useful.",
        "countries": ["GB"],
        "transfer_safeguard": "not_restricted",
        "data_categories": "Names",
    }
    defaults.update(fields)
    entry = Subprocessor(name=name, live=False, **defaults)
    entry.uses = [
        SubprocessorUse(
            product=ProductPage.objects.get(slug=slug),
            purpose=f"{name} for {slug}",
            start_date=start_date,
            data_subjects=data_subjects,
        )
        for slug in products
    ]
    entry.full_clean()
    entry.save()
    revision = entry.save_revision()
    if publish:
        entry.publish(revision, known_history=True)
        entry.refresh_from_db()
    return entry
