"""A retention page's timeline as files: timeline.json and timeline.ics.

Both are served beside the page, at /products/<product>/retention/timeline.json and .ics
(products/urls.py), from the same calculation as the page (RetentionPage.calculate). A bad or
missing `?ended=` is a 400: JSON gives {"error": {...}}, the calendar the message as plain text.
"""

import datetime

from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from wagtail.models import Site

from trusthub.core.http import read_only
from trusthub.core.locales import localized_root

from .models import ProductPage, RetentionPage


def find_retention_page(request, product):
    """The live, public retention page of the live product with slug `product`, where the page
    tree puts it (/products/<product>/retention/ on this request's site), else a 404."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    product_path = f"{localized_root(site).url_path}products/{product}/"
    product_page = ProductPage.objects.live().filter(url_path=product_path).first()
    if product_page is None:
        raise Http404
    page = (
        RetentionPage.objects.live()
        .public()
        .child_of(product_page)
        .filter(slug=RetentionPage.required_slug)
        .first()
    )
    if page is None:
        raise Http404
    page._product = product_page  # saves a query: the page's product is its parent
    return page


def timeline_data(page, request, calc):
    """The timeline for `calc` (a successful RetentionCalculation), as timeline.json gives it."""
    page_url = page.get_url(request)
    return {
        "product": page.product_title,
        "product_slug": page.product.slug if page.product else "",
        "ended": calc.end_date.isoformat(),
        "rules_last_reviewed": page.last_reviewed.isoformat() if page.last_reviewed else None,
        "page": f"{page_url}?ended={calc.end_date.isoformat()}" if page_url else None,
        "timeline": [entry.as_dict() for entry in calc.timeline],
    }


def timeline_calendar(page, request, calc, data):
    """The iCalendar for a successful calculation: one all-day event per stage."""
    stamp = page.last_published_at or page.latest_revision_created_at
    stamp = (
        stamp.astimezone(datetime.UTC)
        if stamp
        else datetime.datetime.combine(calc.end_date, datetime.time(), datetime.UTC)
    )
    page_url = request.build_absolute_uri(data["page"]) if data["page"] else ""
    calendar = Calendar()
    calendar.add("prodid", "-//Trust Hub//Retention timeline//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add(
        "x-wr-calname",
        _("%(product)s: when our data will be deleted") % {"product": page.product_title},
    )
    for entry in calc.timeline:
        event = Event()
        event.add("uid", f"retention-{data['product_slug']}-{data['ended']}-{entry.key}@trusthub")
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.date)
        event.add("dtend", entry.date + datetime.timedelta(days=1))
        event.add(
            "summary",
            _("%(product)s: %(stage)s") % {"product": page.product_title, "stage": entry.label},
        )
        description = f"{entry.rule}."
        if entry.description:
            description += f"\n\n{entry.description}"
        if page_url:
            description += f"\n\n{page_url}"
            event.add("url", page_url)
        event.add("description", description)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar


@read_only
def timeline_json(request, product):
    """The same timeline as the page, as JSON; 400 with {"error": {...}} for bad input."""
    page = find_retention_page(request, product)
    calc = page.calculate(request)
    if not calc.ok:
        return JsonResponse(
            {"error": {"code": calc.error_code, "message": calc.error, "field": "ended"}},
            status=400,
        )
    return JsonResponse(timeline_data(page, request, calc), json_dumps_params={"indent": 2})


@read_only
def timeline_ics(request, product):
    """The timeline as an iCalendar file: one all-day event per stage, with stable UIDs."""
    page = find_retention_page(request, product)
    calc = page.calculate(request)
    if not calc.ok:
        return HttpResponse(calc.error + "\n", status=400, content_type="text/plain; charset=utf-8")
    data = timeline_data(page, request, calc)
    response = HttpResponse(
        timeline_calendar(page, request, calc, data).to_ical(),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{data["product_slug"] or "product"}-retention-{data["ended"]}.ics"'
    )
    return response
