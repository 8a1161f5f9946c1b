from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
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
    path("", include(wagtail_urls)),
]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
