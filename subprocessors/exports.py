"""The register as files: `register.json` and `register.csv`, from the same records (`to_record`),
so they always agree with each other and with the HTML table."""

import csv
import io

from django.http import HttpResponse, JsonResponse
from django.utils import timezone

from trusthub.core.http import read_only

from .models import today
from .register import RegisterFilter
from .representations import cached, keep_as, register_filter

CSV_COLUMNS = [
    "id",
    "name",
    "legal_entity",
    "recipient_type",
    "status",
    "products",
    "purposes",
    "countries",
    "restricted_transfer",
    "transfer_safeguard",
    "data_categories",
    "data_subjects",
    "privacy_notice_url",
    "start_date",
    "end_date",
    "last_published_at",
    # Added after the first release: new columns go last, so a spreadsheet that reads
    # columns by position keeps working.
    "description",
    "start_dates",  # "slug: YYYY-MM-DD; ..." (each product's use has its own start date)
    "data_subjects_by_product",  # "slug: subjects | ..." (subjects themselves use "; ")
    "role_note",
]


def to_record(entry, day=None):
    """The public, machine-readable form of one entry from `RegisterFilter.entries()`.

    CSV and JSON share it; it carries every field the HTML table shows.
    """
    day = day or today()
    return {
        "id": entry.public_id,
        "name": entry.name,
        "legal_entity": entry.legal_entity,
        "recipient_type": entry.recipient_type,
        "recipient_type_label": entry.recipient_type_label,
        "is_subprocessor": entry.is_subprocessor,
        "status": entry.status_on(day).value,
        "description": entry.description,
        "products": [
            {
                "slug": use.product_slug,
                "name": use.product_title,
                "purpose": use.purpose,
                "start_date": use.start_date.isoformat(),
                "data_subjects": use.data_subjects,
            }
            for use in entry.public_uses
        ],
        "countries": [dict(country) for country in entry.public_countries],
        "restricted_transfer": entry.is_restricted_transfer,
        "transfer_safeguard": entry.transfer_safeguard,
        "transfer_safeguard_label": entry.transfer_safeguard_label,
        "data_categories": entry.data_categories,
        "data_subjects": entry.data_subjects,
        "role_note": entry.role_note,
        "privacy_notice_url": entry.privacy_notice_url,
        "start_date": entry.start_date.isoformat() if entry.start_date else None,
        "end_date": entry.end_date.isoformat() if entry.end_date else None,
        "last_published_at": entry.last_published_at.isoformat()
        if entry.last_published_at
        else None,
    }


def _export_records(request):
    flt = RegisterFilter.from_query(request.GET)
    if flt.errors:
        return flt, None
    return flt, [to_record(entry) for entry in flt.entries()]


@read_only
@cached("register.json", register_filter, conditional=True)
def register_json(request):
    flt, records = _export_records(request)
    if records is None:
        return JsonResponse(
            {"error": " ".join(flt.errors)}, status=400, json_dumps_params={"ensure_ascii": False}
        )
    body = {
        "generated_at": timezone.now().replace(microsecond=0).isoformat(),
        "filter": {"product": flt.product_slugs, "type": flt.recipient_type or None},
        "count": len(records),
        "entries": records,
    }
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 2})
    return keep_as(response, tuple(flt.product_slugs), flt.recipient_type)


@read_only
@cached("register.csv", register_filter, conditional=True)
def register_csv(request):
    flt, records = _export_records(request)
    if records is None:
        return HttpResponse(" ".join(flt.errors), status=400, content_type="text/plain")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for rec in records:
        writer.writerow(
            {
                **{k: rec[k] for k in CSV_COLUMNS if k in rec and not isinstance(rec[k], list)},
                "products": "; ".join(p["slug"] for p in rec["products"]),
                "purposes": "; ".join(f"{p['name']}: {p['purpose']}" for p in rec["products"]),
                "countries": "; ".join(c["code"] for c in rec["countries"]),
                "restricted_transfer": "yes" if rec["restricted_transfer"] else "no",
                "end_date": rec["end_date"] or "",
                "start_date": rec["start_date"] or "",
                "start_dates": "; ".join(
                    f"{p['slug']}: {p['start_date']}" for p in rec["products"]
                ),
                "data_subjects_by_product": " | ".join(
                    f"{p['slug']}: {p['data_subjects']}" for p in rec["products"]
                ),
                "last_published_at": rec["last_published_at"] or "",
            }
        )
    response = HttpResponse(
        out.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8"
    )
    suffix = "-" + "-".join(flt.product_slugs) if flt.product_slugs else ""
    response["Content-Disposition"] = f'attachment; filename="subprocessor-register{suffix}.csv"'
    return keep_as(response, tuple(flt.product_slugs), flt.recipient_type)
