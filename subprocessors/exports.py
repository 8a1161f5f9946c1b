"""The register as files: `register.json` and `register.csv`, from the same records (`to_record`),
so they always agree with each other and with the HTML table. `?at=YYYY-MM-DD` gives the register
as it was at the end of that day (`history.register_at`); an unusable date is a 400 saying why."""

import csv
import io

from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from trusthub.core.http import read_only

from . import history
from .records import to_record
from .register import RegisterFilter
from .representations import cached, keep_as

__all__ = ["CSV_COLUMNS", "register_csv", "register_json", "to_record"]

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


def _export_records(request):
    """(filter, day or None, records or None, errors): the records for the query, or the
    messages saying why there are none."""
    flt = RegisterFilter.from_query(request.GET)
    raw, day, errors = request.GET.get("at", "").strip(), None, list(flt.errors)
    if raw:
        try:
            day = history.parse_day(raw)
            history.check_day(day, history.register_began())
        except history.HistoryDateError as error:
            errors.append(error.message)
    if errors:
        return flt, day, None, errors
    if day is not None:  # checked above: what history.register_at does, in one query less
        past = history.PastRegister(day, flt.products, flt.recipient_type)
        records = [to_record(entry, day) for entry in past.entries]
    else:
        records = [to_record(entry) for entry in flt.entries()]
    return flt, day, [_in_active_language(record) for record in records], []


def _in_active_language(record):
    """A record's labels in the export's language (/cy/…: Welsh). The codes beside them
    (`recipient_type`, `transfer_safeguard`) are the machine-readable values."""
    for key in ("recipient_type_label", "transfer_safeguard_label"):
        if record.get(key):
            record[key] = _(record[key])
    return record


def _keep(response, flt, day):
    parts = (tuple(flt.product_slugs), flt.recipient_type)
    return keep_as(response, *parts, day.isoformat()) if day else keep_as(response, *parts)


@read_only
@cached("register.json", history.register_at_filter, conditional=True)
def register_json(request):
    flt, day, records, errors = _export_records(request)
    if records is None:
        return JsonResponse(
            {"error": " ".join(errors)}, status=400, json_dumps_params={"ensure_ascii": False}
        )
    body = {
        "generated_at": timezone.now().replace(microsecond=0).isoformat(),
        # The register as it was at the end of this day (Europe/London); null: as it is now.
        "as_at": day.isoformat() if day else None,
        "filter": {"product": flt.product_slugs, "type": flt.recipient_type or None},
        "count": len(records),
        "entries": records,
    }
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 2})
    return _keep(response, flt, day)


@read_only
@cached("register.csv", history.register_at_filter, conditional=True)
def register_csv(request):
    flt, day, records, errors = _export_records(request)
    if records is None:
        return HttpResponse(" ".join(errors), status=400, content_type="text/plain")
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
    suffix += f"-{day.isoformat()}" if day else ""
    response["Content-Disposition"] = f'attachment; filename="subprocessor-register{suffix}.csv"'
    return _keep(response, flt, day)
