import datetime

from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from trusthub.core.models import OrganisationSettings


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return HttpResponse(loader.render_to_string("500.html"), status=500)


@require_GET
@cache_control(public=True, max_age=86400)
def security_txt(request):
    """RFC 9116 security.txt with our contact from organisation settings."""
    org = OrganisationSettings.load(request_or_site=request)
    expires = timezone.now().replace(microsecond=0) + datetime.timedelta(days=180)
    lines = [
        f"Contact: mailto:{org.security_email}",
        f"Expires: {expires.astimezone(datetime.UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: en",
        f"Canonical: {request.build_absolute_uri(request.path)}",
    ]
    if org.website:
        lines.append(f"# {org.organisation_name}: {org.website}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
