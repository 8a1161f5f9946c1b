import functools
from pathlib import Path

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache

from trusthub.core.http import read_only
from trusthub.core.models import OrganisationSettings
from trusthub.middleware import make_public

from .search import MAX_QUERY_LENGTH, clean_query, find, present
from .sitemaps import SITEMAPS

RESULTS_PER_PAGE = 10
FAVICON = "images/favicon.ico"
FAVICON_MAX_AGE = 7 * 86400  # a week: the icon rarely changes


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return HttpResponse(loader.render_to_string("500.html"), status=500)


@read_only
@cache_control(public=True, max_age=86400)
def security_txt(request):
    """RFC 9116 security.txt: our security contact and the editor-set expiry date, from the
    organisation settings; Canonical is the site's configured address (https in production)."""
    org = OrganisationSettings.load(request_or_site=request)
    lines = [
        f"Contact: mailto:{org.security_email}",
        f"Expires: {org.security_txt_expires.isoformat()}T23:59:59Z",
        "Preferred-Languages: en",
        f"Canonical: {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{request.path}",
    ]
    if org.website:
        lines.append(f"# {org.organisation_name}: {org.website}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@read_only
@never_cache
def health(request):
    """For load balancers and the caching proxy: 200 when this app server can reach the database
    and the shared cache, 503 (naming what failed) otherwise. Never cached."""
    failing = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        failing.append("database")
    try:
        cache.set("trusthub:health", "ok", 30)
        if cache.get("trusthub:health") != "ok":
            failing.append("cache")
    except Exception:  # any backend's error (database table missing, Redis down): unhealthy
        failing.append("cache")
    if failing:
        return JsonResponse({"status": "unavailable", "failing": failing}, status=503)
    return JsonResponse({"status": "ok"})


@read_only
def search(request):
    """/search/?q=: live, public content matching every word, best first, ten to a page. No
    query: the search form with examples. A page number that is not a number shows the first
    page; one past the end is a 404."""
    query, shortened = clean_query(request.GET.get("q", ""))
    hits = find(query) if query else []
    paginator = Paginator(hits, RESULTS_PER_PAGE)
    number = _page_number(request.GET.get("page", ""), paginator.num_pages)
    results_page = paginator.page(number)
    link = QueryDict(mutable=True)
    link["q"] = query
    return render(
        request,
        "home/search.html",
        {
            "query": query,
            "shortened": shortened,
            "max_query_length": MAX_QUERY_LENGTH,
            "results": present(results_page.object_list, query),
            "results_page": results_page,
            "page_numbers": list(paginator.get_elided_page_range(number, on_each_side=2)),
            "page_query": f"?{link.urlencode()}&page=",
            "robots_noindex": True,
        },
    )


def _page_number(raw, num_pages):
    try:
        number = int(raw)
    except ValueError:
        return 1
    if not 1 <= number <= num_pages:
        raise Http404
    return number


@read_only
def robots_txt(request):
    """Crawlers: everything public, but not the admin, search results or personal links (alert
    management, objection receipts); the sitemap at the site's public address."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    disallowed = [
        *settings.CACHE_CONTROL_PRIVATE_PREFIXES,
        reverse("search"),
        reverse("subprocessors:register") + "alerts/",
        reverse("subprocessors:changes") + "*/object/",
    ]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed)]
    lines += ["", f"Sitemap: {base}{reverse('sitemap')}"]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    make_public(response)
    return response


@read_only
def sitemap(request):
    return sitemap_views.sitemap(request, sitemaps=SITEMAPS)


@functools.cache
def _favicon():
    path = finders.find(FAVICON)
    return Path(path).read_bytes() if path else None


@read_only
@cache_control(public=True, max_age=FAVICON_MAX_AGE, s_maxage=FAVICON_MAX_AGE)
def favicon(request):
    """/favicon.ico, where browsers look for it whatever the page says: the static icon."""
    icon = _favicon()
    if icon is None:
        raise Http404
    return HttpResponse(icon, content_type="image/vnd.microsoft.icon")
