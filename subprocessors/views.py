import csv
import io

from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from .models import ChangeNotice
from .notices import live_notices, product_query, with_announced, with_relations
from .register import RegisterFilter, register_last_changed, split_by_status, to_record

NOTICES_PER_PAGE = 50

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


@require_safe
def register(request):
    flt = RegisterFilter.from_query(request.GET)
    entries = flt.entries()
    groups = with_announced(split_by_status(entries), flt.products)
    context = {
        "filter": flt,
        "current": groups["current"],
        "upcoming": groups["upcoming"],
        "former": groups["former"],
        "announced": groups["announced"],
        "upcoming_count": len(groups["upcoming"]) + len(groups["announced"]),
        # The last change of the whole register, whatever the filter.
        "last_changed": register_last_changed(),
        "today": timezone.localdate(),
    }
    return render(request, "subprocessors/register.html", context)


def _export_records(request):
    flt = RegisterFilter.from_query(request.GET)
    if flt.errors:
        return flt, None
    return flt, [to_record(entry) for entry in flt.entries()]


@require_safe
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
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 2})


@require_safe
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
    return response


@require_safe
def notice_list(request):
    flt = RegisterFilter.from_query(request.GET)
    # get_page: a missing, junk or out-of-range ?page= shows the nearest real page.
    page = Paginator(with_relations(live_notices(flt.products)), NOTICES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    query = product_query(flt.products)
    return render(
        request,
        "subprocessors/notice_list.html",
        {
            "filter": flt,
            "notices": page.object_list,
            "page": page,
            "page_query": (query + "&" if query else "?") + "page=",
            "today": timezone.localdate(),
            "feed_query": query,
        },
    )


@require_safe
def notice_detail(request, pk):
    notice = get_object_or_404(with_relations(ChangeNotice.objects.filter(live=True)), pk=pk)
    return render(
        request,
        "subprocessors/notice_detail.html",
        {"notice": notice, "today": timezone.localdate(), "feed_query": ""},
    )
