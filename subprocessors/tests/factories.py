"""Helpers for register tests: entries, admin users in our roles, and the entry form's data."""

import datetime

from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from products.models import ProductPage
from subprocessors.models import Subprocessor, SubprocessorUse
from subprocessors.roles import DPO, EDITOR

ENTRY_ADD_URL = "/admin/snippets/subprocessors/subprocessor/add/"
ENTRY_EDIT_URL = "/admin/snippets/subprocessors/subprocessor/edit/{pk}/"


def user_in(django_user_model, group_name, username):
    """An admin user in one of our groups ("Privacy editor", "Data Protection Officer")."""
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def dpo_user(django_user_model):
    return user_in(django_user_model, DPO, "dpo")


def editor_user(django_user_model):
    return user_in(django_user_model, EDITOR, "editor")


def entry_form(name, uses, countries=("GB",), safeguard="not_restricted", **fields):
    """The admin's register-entry form as posted. `uses`: dicts with at least "product" (a
    ProductPage); "purpose", "start_date" (date or ISO string), "data_subjects" and "id" (of
    an existing use) are optional."""
    rows = []
    for use in uses:
        start = use.get("start_date", "2026-01-01")
        rows.append(
            {
                "id": use.get("id") or "",
                "product": use["product"].pk,
                "purpose": use.get("purpose", "Texts"),
                "start_date": start if isinstance(start, str) else start.isoformat(),
                "data_subjects": use.get("data_subjects", "Parents"),
            }
        )
    data = {
        "name": name,
        "legal_entity": "",
        "recipient_type": "subprocessor",
        "role_note": "",
        "description": "Sends messages",
        "transfer_safeguard": safeguard,
        "data_categories": "Phone numbers",
        "privacy_notice_url": "",
        "end_date": "",
        "internal_note": "",
        **fields,
        "uses": inline_formset(rows, initial=sum(1 for row in rows if row["id"])),
    }
    return {**nested_form_data(data), "countries": list(countries)}


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
