"""/products/<product>/pack.pdf: a product's DPIA evidence pack, as a tagged PDF (WeasyPrint).

Cover (product, date generated, content hash), contents, then the privacy summary, the
data-flow diagram, the current sub-processors and recipients, the security statement with its
certificates' validity, the retention rules, the change notices of the last 12 months and the
DPO's contact. `?at=YYYY-MM-DD` (or DD/MM/YYYY) gives the pack as at the end of that day: the
register as it was then (`history.register_at`), each page as its version published by then,
and the notices published by then.

Generated once per published version: the bytes are kept in Django's cache under the register
version (which every publish of an entry, notice, product, security or retention page, and
every change to the organisation settings, moves on: apps.py), the day (statuses move on with
it), the product and its pages' live revisions, the host and `at`. A second request is served
from there, and a conditional one gets a 304 without rendering. The proxy keeps it too
(`cache.py` purges it with the product page).
"""

import hashlib
import logging

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited
from wagtail.models import Page, Site

from products.models import ProductPage, RetentionPage, SecurityStatementPage
from trusthub.core.history import published_versions
from trusthub.core.http import read_only
from trusthub.core.locales import localized_root, original_page
from trusthub.core.models import OrganisationSettings

from . import history, versions
from .notices import live_notices, with_relations
from .pack_source import content_hash, diagram, generated_label, pack_source, year_before
from .records import to_record
from .register import entries_for_product
from .representations import with_validators

logger = logging.getLogger(__name__)

TIMEOUT = 60 * 60 * 24  # keys carry the date: yesterday's are never read again
TEMPLATE = "subprocessors/pack/pack.html"
STYLESHEET = "css/pack.css"
# Chrome shows PDFs in a viewer that the site's CSP would block (object-src 'none', and the
# viewer's own inline styles: crbug.com/271452). A PDF runs no script of ours; it only must not
# be framed by another site.
PDF_CSP = "frame-ancestors 'self'"
TEXT = "text/plain; charset=utf-8"


class PackUnavailable(Exception):
    """No pack for this request: `message` says why (a 400)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# --- Finding what the pack shows -------------------------------------------------------------


def find_product(request, slug):
    """The live, public product page at /products/<slug>/ on this request's site, else 404."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    path = f"{localized_root(site).url_path}products/{slug}/"
    page = ProductPage.objects.live().public().filter(url_path=path).first()
    if page is None:
        raise Http404
    return page


def child_pages(product):
    """The product's live, public security statement and retention page (or None each)."""
    found = {}
    children = (
        Page.objects.live()
        .public()
        .child_of(product)
        .type(SecurityStatementPage, RetentionPage)
        .order_by("path")
        .specific()
    )
    for child in children:
        found.setdefault(type(child), child)
    return found.get(SecurityStatementPage), found.get(RetentionPage)


def read_at(query):
    """`?at=` as a date (None when absent or blank), checked against the register's history;
    PackUnavailable says what is wrong."""
    text = query.get("at", "").strip()
    if not text:
        return None
    try:
        day = history.parse_day(text)
        history.check_day(day, history.register_began())
    except history.HistoryDateError as error:
        raise PackUnavailable(error.message) from None
    return day


def as_published_at(page, moment, notes):
    """`page` as its last version published before `moment`, or None if it was not published
    by then. A version whose content can no longer be read (saved before a field changed shape)
    is shown as the page is now, and `notes` says so on the cover."""
    if page is None:
        return None
    shown = [v for v in published_versions(page) if v.published_at < moment]
    if not shown:
        return None
    chosen = shown[-1]
    if chosen.revision_id == page.live_revision_id:
        return page
    try:
        return page.version_as_page(chosen)
    except Http404:
        notes.append(
            _(
                "“%(title)s” is shown as published now: its version of %(day)s can no longer be read."
            )
            % {"title": page.title, "day": _day(chosen.published_at)}
        )
        return page


def _day(moment):
    return date_format(timezone.localtime(moment), "j F Y")


def gather(request, product, security, retention, at):
    """The pack's source (pack_source.pack_source) for `product` and its live `security` and
    `retention` pages, now or as at the end of `at`."""
    day = at or timezone.localdate()
    notes = []
    # The register and notices name the English original of a Welsh product page.
    original = original_page(product)
    if at is None:
        records = [to_record(entry, day) for entry in entries_for_product(original)]
        notices = live_notices([original])
    else:
        moment = history.end_of_day(at)
        shown = as_published_at(product, moment, notes)
        if shown is None:
            first = published_versions(product)[:1]
            message = _(
                "%(product)s had no published privacy summary on %(day)s, so there is no "
                "evidence pack for it as at that date."
            ) % {"product": product.title, "day": date_format(at, "j F Y")}
            if first:
                message += " " + _("It was first published on %(day)s.") % {
                    "day": _day(first[0].published_at)
                }
            raise PackUnavailable(message)
        product = shown
        security = as_published_at(security, moment, notes)
        retention = as_published_at(retention, moment, notes)
        records = history.register_at(at, products=[original])
        notices = live_notices([original]).filter(first_published_at__lt=moment)
    notices = with_relations(
        notices.filter(notice_date__gte=year_before(day), notice_date__lte=day)
    )
    return pack_source(
        product,
        day=day,
        records=records,
        notices=list(notices),
        security=security,
        retention=retention,
        organisation=OrganisationSettings.load(request_or_site=request),
        product_path=find_path(request, product),
        as_at=at,
        notes=notes,
    )


def find_path(request, page):
    url = page.get_url(request=request) or ""
    return url if url.startswith("/") else f"/products/{page.slug}/"


# --- Rendering ---------------------------------------------------------------------------------


def refuse_fetch(url, *args, **kwargs):
    """WeasyPrint's URL fetcher: the pack loads nothing (its stylesheet is given directly), so
    stored rich text cannot make the server fetch a URL."""
    raise ValueError(f"The evidence pack does not load {url[:80]}")


def render_pdf(source, request, generated_at):
    """The pack's PDF bytes for `source`, generated at `generated_at` (aware, local time)."""
    digest = content_hash(source)
    drawing = diagram(source)
    context = {
        "source": source,
        "product": source["product"],
        "org": source["organisation"],
        "hash": digest,
        "generated": generated_label(generated_at),
        "generated_iso": generated_at.isoformat(timespec="seconds"),
        "diagram": drawing,
        "diagram_svg": mark_safe(drawing.svg(f"pack-{source['product']['slug']}")),  # escaped there
        "base_url": request.build_absolute_uri("/").rstrip("/"),
    }
    html = render_to_string(TEMPLATE, context, request=None)
    # Imported here, not at the top: WeasyPrint (Pango, fontTools) takes half a second to import,
    # and every process that loads the URLconf (app servers, the worker, each manage.py command)
    # would pay it; only a pack's first render in a process needs it.
    import weasyprint  # noqa: PLC0415

    document = weasyprint.HTML(
        string=html, base_url=context["base_url"] + "/", url_fetcher=refuse_fetch
    )
    return document.write_pdf(
        stylesheets=[weasyprint.CSS(filename=finders.find(STYLESHEET))],
        pdf_variant="pdf/ua-1",  # tagged PDF: headings, lists, tables and reading order
    )


# --- The view -----------------------------------------------------------------------------------


def _key(request, product, security, retention, at):
    version, day = versions.current(), timezone.localdate()
    parts = (
        version,
        day.isoformat(),
        request.scheme,
        request.get_host(),
        product.pk,
        product.live_revision_id,
        getattr(security, "live_revision_id", None),
        getattr(retention, "live_revision_id", None),
        at.isoformat() if at else "",
        get_language(),  # the pack is written in the request's language
    )
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:40]
    validators = {
        "etag": f'W/"{digest[:32]}"',
        "last_modified": versions.changed_at(version, day),
    }
    return f"trusthub:pack:{digest}", validators


def filename(product, at):
    when = f"-as-at-{at.isoformat()}" if at else ""
    return f"{product.slug}-dpia-evidence-pack{when}.pdf"


def _headers(response):
    response["Content-Security-Policy"] = PDF_CSP
    response["X-Content-Type-Options"] = "nosniff"
    return response


# Packs not kept yet, made afresh per client address (each takes most of a second of CPU: a
# client walking through `?at=` dates must not take the server with it). PACK_RENDER_RATE in
# settings overrides it. A pack already made is served whatever the count.
RENDER_RATE = "60/h"


def render_rate(group, request):
    return getattr(settings, "PACK_RENDER_RATE", RENDER_RATE)


def _too_many_renders():
    response = HttpResponse(
        _(
            "You have asked for many evidence packs that had to be made afresh in a short time. "
            "Please try again in an hour. The current pack of each product is still available."
        ),
        status=429,
        content_type=TEXT,
    )
    response["Retry-After"] = "3600"
    return _headers(response)


@read_only
def product_pack(request, product):
    page = find_product(request, product)
    try:
        at = read_at(request.GET)
    except PackUnavailable as error:
        return _headers(HttpResponse(error.message, status=400, content_type=TEXT))
    security, retention = child_pages(page)
    key, validators = _key(request, page, security, retention, at)
    answer = get_conditional_response(request, **validators)
    if answer is not None:
        return _headers(with_validators(answer, **validators))
    pdf = cache.get(key)
    if pdf is None:
        if is_ratelimited(request, group="pack-render", key="ip", rate=render_rate, increment=True):
            return _too_many_renders()
        try:
            source = gather(request, page, security, retention, at)
        except PackUnavailable as error:
            return _headers(HttpResponse(error.message, status=400, content_type=TEXT))
        pdf = render_pdf(source, request, timezone.localtime())
        cache.set(key, pdf, TIMEOUT)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename(page, at)}"'
    return _headers(with_validators(response, **validators))
