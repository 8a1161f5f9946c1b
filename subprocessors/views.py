"""The register and change log as HTML pages. Exports: exports.py; feeds: feeds.py."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from trusthub.core.http import read_only

from .models import ChangeNotice
from .notices import live_notices, with_announced, with_relations
from .objections import cache_until_window_closes, notice_page_context
from .register import RegisterFilter, register_last_changed, split_by_status
from .representations import cached, keep_as, paged_register_filter, register_filter

NOTICES_PER_PAGE = 50


@read_only
@cached("register", register_filter, html=True)
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
    notice = get_object_or_404(with_relations(ChangeNotice.objects.filter(live=True)), pk=pk)
    context = notice_page_context(notice)
    response = render(request, "subprocessors/notice_detail.html", context)
    if context["objection_open"]:
        # The objection form carries no CSRF token or anything per visitor (objections.py),
        # so the page stays publicly cacheable, but not beyond the end of the window.
        cache_until_window_closes(response, notice)
    return response
