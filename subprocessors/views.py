"""The register and change log as HTML pages. Exports: exports.py; feeds: feeds.py."""

from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from trusthub.core.http import read_only

from . import history
from .compare import compare
from .notices import live_notices, with_announced, with_relations
from .objections import cache_until_window_closes, notice_page_context
from .register import RegisterFilter, register_last_changed, requested_slugs, split_by_status
from .representations import cached, keep_as, paged_register_filter

NOTICES_PER_PAGE = 50


@read_only
@cached("register", history.register_at_filter, html=True)
def register(request):
    flt = RegisterFilter.from_query(request.GET)
    if request.GET.get("at", "").strip():
        return past_register(request, flt)
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
        "compare_query": flt.query_string(include_type=False),
    }
    response = render(request, "subprocessors/register.html", context)
    if not flt.errors:  # a page naming an unknown filter value is never stored
        keep_as(response, tuple(flt.product_slugs), flt.recipient_type)
    return response


@read_only
@cached("changes", paged_register_filter, html=True)
def notice_list(request):
    flt = RegisterFilter.from_query(request.GET)
    # get_page: a missing, junk or out-of-range ?page= shows the nearest real page.
    page = Paginator(with_relations(live_notices(flt.products)), NOTICES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    query = flt.query_string(include_type=False)
    response = render(
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
    if not flt.errors:  # nor a page past the end (it shows the last page): see keep_as
        keep_as(response, tuple(flt.product_slugs), flt.recipient_type, page.number)
    return response


@read_only
def notice_detail(request, pk):
    notice = get_object_or_404(with_relations(live_notices()), pk=pk)
    context = notice_page_context(notice)
    response = render(request, "subprocessors/notice_detail.html", context)
    if context["objection_open"]:
        # The objection form carries no CSRF token or anything per visitor (objections.py),
        # so the page stays publicly cacheable, but not beyond the end of the window.
        cache_until_window_closes(response, notice)
    return response


def _shown(raw):
    """A value the visitor typed, safe to show back in the form."""
    return "".join(ch for ch in (raw or "").strip()[:40] if ch.isprintable())


def _query(flt, include_type=True, **dates):
    """The filter's query string with `dates` (ISO) added, for links that keep both."""
    query = QueryDict(mutable=True)
    query.setlist("product", flt.product_slugs)
    if include_type and flt.recipient_type:
        query["type"] = flt.recipient_type
    for name, day in dates.items():
        query[name] = day.isoformat()
    return "?" + query.urlencode()


def past_register(request, flt):
    """`?at=`: the register as it was at the end of that day, from its published history
    (`history.py`). An unusable date gets the form again with the reason, as a 400."""
    raw = request.GET.get("at", "")
    context = {"filter": flt, "today": timezone.localdate(), "at_value": _shown(raw)}
    try:
        day = history.parse_day(raw)
        history.check_day(day, history.register_began())
    except history.HistoryDateError as error:
        context["at_error"] = error.message
        return render(request, "subprocessors/register.html", context, status=400)
    past = history.PastRegister(day, flt.products, flt.recipient_type)
    groups = split_by_status(past.entries, day)
    context.update(
        as_at=day,
        at_value=day.isoformat(),
        current=groups["current"],
        upcoming=groups["upcoming"],
        former=groups["former"],
        announced=[],
        upcoming_count=len(groups["upcoming"]),
        last_changed=past.last_changed,
        download_query=_query(flt, at=day),
        compare_query=_query(flt, include_type=False, **{"from": day}),
    )
    response = render(request, "subprocessors/register.html", context)
    if not flt.errors:
        keep_as(response, tuple(flt.product_slugs), flt.recipient_type, day.isoformat())
    return response


def compare_filter(request):
    """The compare page's cache key parts: products, and both days as ISO dates."""
    query = request.GET
    return (
        tuple(requested_slugs(query)),
        history.requested_day(query, "from"),
        history.requested_day(query, "to"),
    )


def _compare_dates(query, began, today):
    """(start, end, swapped, errors) from `?from=` and `?to=` (default: today). `errors` maps
    the field to its message."""
    days, errors = {}, {}
    for name in ("from", "to"):
        raw = query.get(name, "").strip()
        if not raw:
            if name == "from":
                errors[name] = _("Enter the earlier date, for example the day of your last review.")
            else:
                days[name] = today
            continue
        try:
            days[name] = history.parse_day(raw)
            history.check_day(days[name], began, today)
        except history.HistoryDateError as error:
            errors[name] = error.message
    if errors:
        return None, None, False, errors
    start, end = days["from"], days["to"]
    if start > end:
        return end, start, True, {}
    return start, end, False, {}


@read_only
@cached("compare", compare_filter, html=True)
def compare_dates(request):
    """`/subprocessors/compare/?from=&to=&product=`: what changed in the register between the
    end of two days. Without dates: the form. With an unusable date: the form and why, as 400."""
    query = request.GET
    products_only = QueryDict(mutable=True)  # the comparison filters by product only
    products_only.setlist("product", query.getlist("product"))
    flt = RegisterFilter.from_query(products_only)
    today = timezone.localdate()
    began = history.register_began()
    context = {
        "filter": flt,
        "today": today,
        "began": timezone.localdate(began) if began else None,
        "from_value": _shown(query.get("from")),
        "to_value": _shown(query.get("to")),
    }
    if not any(query.get(name, "").strip() for name in ("from", "to")):
        return render(request, "subprocessors/compare.html", context)
    start, end, swapped, errors = _compare_dates(query, began, today)
    if errors:
        context["errors"] = errors
        return render(request, "subprocessors/compare.html", context, status=400)
    context.update(
        result=compare(start, end, flt.products),
        swapped=swapped,
        from_value=start.isoformat(),
        to_value=end.isoformat(),
        start_query=_query(flt, at=start),
        end_query=_query(flt, at=end),
    )
    response = render(request, "subprocessors/compare.html", context)
    if not flt.errors:
        keep_as(response, *compare_filter(request))
    return response
