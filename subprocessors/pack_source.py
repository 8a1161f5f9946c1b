"""What a product's DPIA evidence pack says, as plain data: the pack's source.

`pack_source` turns the published pages (privacy summary, security statement, retention page),
the product's register records (`records.to_record` dicts: the live register's, or
`history.register_at`'s for a past day), its change notices and the organisation's settings
into one dictionary of strings, numbers and lists. The PDF (pack.py) is rendered from it and
from nothing else, and the cover's content hash is the SHA-256 of it (`content_hash`), so two
packs with the same hash state the same facts, whenever and wherever they were generated.

Paths, not absolute URLs, so the hash does not depend on the host name; rich text is kept as
stored (Wagtail expands its links when the pack is rendered).
"""

import hashlib
import json

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from products import retention as engine

from . import dataflow

STATUS_LABELS = {
    "valid": gettext_lazy("Valid"),
    "expiring": gettext_lazy("Valid, renewal due"),
    "expired": gettext_lazy("Expired"),
    "unknown": gettext_lazy("Validity not recorded"),
}


def year_before(day):
    """The same date a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def _iso(value):
    return value.isoformat() if value else None


def _stream(value, *names):
    """A StreamField's blocks as dicts of the named fields (text as stored)."""
    return [{name: str(block.value.get(name) or "") for name in names} for block in value or []]


def product_data(page):
    """The privacy summary: every field the public page shows."""
    return {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "description": page.description,
        "last_reviewed": _iso(page.last_reviewed),
        "data_subjects": _stream(page.data_subjects, "name", "description"),
        "data_categories": [
            {
                "name": block.value.get("name") or "",
                "description": block.value.get("description") or "",
                "special_category": bool(block.value.get("special_category")),
            }
            for block in page.data_categories or []
        ],
        "purposes": _stream(page.purposes, "purpose", "detail"),
        "lawful_bases": [
            {"label": block.value.label, "explanation": block.value.get("explanation") or ""}
            for block in page.lawful_bases or []
        ],
        "special_category_conditions": [
            {"label": block.value.label, "explanation": block.value.get("explanation") or ""}
            for block in page.special_category_conditions or []
        ],
        "data_sources": _stream(page.data_sources, "source", "description"),
        "hosting_location": page.hosting_location,
        "hosting": page.hosting,
        "controller_statement": page.controller_statement,
        "processor_statement": page.processor_statement,
        "rights_requests": page.rights_requests,
        "uses_automated_processing": page.uses_automated_processing,
        "automated_processing": page.automated_processing,
    }


def security_data(page, day):
    """The product's security statement, its certificates' validity as on `day`."""
    if page is None:
        return None
    certificates = []
    for block in page.certifications or []:
        cert = block.value
        status = cert.status(today=day)
        valid_until = cert.get("valid_until")
        label = str(STATUS_LABELS[status])  # plain text: the source is hashed as JSON
        if status == "expired":
            label = _("Expired on %(day)s") % {"day": date_format(valid_until, "j F Y")}
        certificates.append(
            {
                "name": cert.get("name") or "",
                "issuer": cert.get("issuer") or "",
                "scope": cert.get("scope") or "",
                "valid_until": _iso(valid_until),
                "status": status,
                "status_label": label,
            }
        )
    return {
        "title": page.title,
        "intro": page.intro,
        "last_reviewed": _iso(page.last_reviewed),
        "groups": [
            {
                "label": group["label"],
                "controls": [str(control["description"].source) for control in group["controls"]],
            }
            for group in page.grouped_controls()
        ],
        "certifications": certificates,
    }


def retention_data(page):
    """The retention page: its stages in plain English (the same engine as the page)."""
    if page is None:
        return None
    stages, problem, _code = page.read_rules()
    return {
        "title": page.title,
        "intro": page.intro,
        "last_reviewed": _iso(page.last_reviewed),
        "problem": problem,
        "stages": [
            {
                "label": stage.label,
                "rule": engine.describe_rule(stages, i),
                "description": stage.description,
            }
            for i, stage in enumerate(stages)
        ],
        "notes": engine.describe_notes(stages) if stages else [],
        "export_notes": page.export_notes,
        "erasure_notes": page.erasure_notes,
        "certificate_notes": page.certificate_notes,
    }


def notice_data(notice, day):
    """One change notice as the change log shows it. `notice` comes from
    `notices.with_relations` (published products and entries only)."""
    return {
        "id": str(notice.uuid),
        "path": notice.get_absolute_url(),
        "headline": notice.headline,
        "kind": _(notice.get_kind_display()),
        "notice_date": _iso(notice.notice_date),
        "effective_date": _iso(notice.effective_date),
        "objection_deadline": _iso(notice.objection_deadline),
        "status": pgettext("change notice status", "In effect")
        if notice.status_on(day) == "in_effect"
        else pgettext("change notice status", "Not yet in effect"),
        "summary": notice.summary,
        "details": notice.details,
        "urgent_reason": notice.urgent_reason,
        "corrected_on": _iso(notice.corrected_at.date()) if notice.corrected_at else None,
        "all_products": notice.all_products,
        "entries": [entry.name for entry in notice.subprocessors.all()],
    }


def organisation_data(org):
    return {
        "name": org.organisation_name,
        "legal_name": org.legal_name,
        "website": org.website,
        "dpo_name": org.dpo_name,
        "dpo_email": org.dpo_email,
        "postal_address": org.postal_address_lines,
        "ico_registration_number": org.ico_registration_number,
        "security_email": org.security_email,
    }


def pack_source(
    product,
    *,
    day,
    records,
    notices,
    security=None,
    retention=None,
    organisation,
    product_path,
    as_at=None,
    notes=(),
):
    """Everything the pack shows, as plain data.

    `product`: the ProductPage as published (now, or at `as_at`); `records`: register records
    of the product's entries (`to_record` dicts, statuses as on `day`); only current ones are
    kept. `notices`: its published change notices, newest first; those of the 12 months up to
    `day` are kept. `security`, `retention`: its live child pages, or None.
    """
    since = year_before(day)
    current = [
        r
        for r in records
        if r.get("status") == "current" and any(p["slug"] == product.slug for p in r["products"])
    ]
    current.sort(key=lambda r: (r["name"].lower(), r["id"]))
    summary = {**product_data(product), "path": product_path}
    return {
        "kind": "DPIA evidence pack",
        "day": day.isoformat(),
        "as_at": _iso(as_at),
        "notes": list(notes),  # anything the reader must know about how the pack was made
        "product": summary,
        "recipients": [
            {**r, "products": [p for p in r["products"] if p["slug"] == product.slug]}
            for r in current
        ],
        "security": security_data(security, day),
        "retention": retention_data(retention),
        "notices_since": since.isoformat(),
        "notices": [notice_data(n, day) for n in notices if since <= n.notice_date <= day],
        "organisation": organisation_data(organisation),
    }


def diagram(source):
    """The data-flow diagram of a pack's source (the same drawing as on the product page)."""
    product = source["product"]
    return dataflow.build(
        product["title"],
        [dataflow.Source(s["source"], s["description"]) for s in product["data_sources"]],
        source["recipients"],
        product["slug"],
        product["hosting_location"],
    )


def content_hash(source):
    """SHA-256 of the pack's facts: the source without the day it was generated for (a pack
    generated tomorrow from the same facts has the same hash). A pack "as at" a date is
    hashed with that date: it states what was public then."""
    facts = {key: value for key, value in source.items() if key != "day"}
    encoded = json.dumps(facts, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode()).hexdigest()


def generated_label(moment):
    """'22 November 2026 at 14:05 (UK time)' for a timezone-aware datetime in local time."""
    return _("%(day)s at %(time)s (UK time)") % {
        "day": date_format(moment, "j F Y"),
        "time": f"{moment:%H:%M}",
    }


__all__ = [
    "content_hash",
    "diagram",
    "generated_label",
    "pack_source",
    "year_before",
]
