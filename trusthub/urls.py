from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("subprocessors/", include("subprocessors.urls")),
    path(".well-known/security.txt", home_views.security_txt, name="security_txt"),
    path("health/", home_views.health, name="health"),
]

if getattr(settings, "LOCAL_DEVELOPMENT", False):
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # File-like leaves beside the product pages (timeline.json, timeline.ics), before Wagtail's
    # catch-all, which serves only "slug/" paths.
    path("", include("products.urls")),
    # Wagtail's own views (password-protected pages, front-end login), then its pages. Pages are
    # read-only (trusthub.core.mixins.ReadOnlyPageMixin: 405 for anything but GET and HEAD), so
    # their view needs no CSRF check: without the exemption a POST would get CSRF's 403, not 405.
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, csrf_exempt(wagtail_views.serve), name="wagtail_serve"),
]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
