from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import cache_control, never_cache

from trusthub.core.http import read_only
from trusthub.core.models import OrganisationSettings


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
