"""Small helpers for building register entries in tests."""

import datetime

from products.models import ProductPage
from subprocessors.models import Subprocessor, SubprocessorUse


def make_entry(name, products=("communications-hub",), publish=True, **fields):
    defaults = {
        "description": f"{name} does something useful.",
        "countries": ["GB"],
        "transfer_safeguard": "not_restricted",
        "data_categories": "Names",
        "data_subjects": "Parents",
        "start_date": datetime.date(2025, 1, 1),
    }
    defaults.update(fields)
    entry = Subprocessor(name=name, live=False, **defaults)
    entry.uses = [
        SubprocessorUse(product=ProductPage.objects.get(slug=slug), purpose=f"{name} for {slug}")
        for slug in products
    ]
    entry.full_clean()
    entry.save()
    revision = entry.save_revision()
    if publish:
        revision.publish()
        entry.refresh_from_db()
    return entry
