from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from subprocessors import pack as subprocessor_pack

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(".well-known/security.txt", home_views.security_txt, name="security_txt"),
    path("health/", home_views.health, name="health"),
    # Findability (home/views.py): the sitemap (both languages), robots.txt and the favicon.
    path("sitemap.xml", home_views.sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon, name="favicon"),
]

if getattr(settings, "LOCAL_DEVELOPMENT", False):
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Everything public that has words in it is in English at today's URLs and in Welsh under /cy/
# (the language comes from the path: trusthub.middleware.LanguageFromPathMiddleware).
urlpatterns += i18n_patterns(
    path("subprocessors/", include("subprocessors.urls")),
    path("search/", home_views.search, name="search"),
    # File-like leaves beside the product pages (timeline.json, timeline.ics), before Wagtail's
    # catch-all, which serves only "slug/" paths.
    path("", include("products.urls")),
    # A product's DPIA evidence pack (subprocessors/pack.py): it combines the product's pages
    # with the register and notices, so it lives in subprocessors, which products cannot import.
    re_path(
        r"^products/(?P<product>[\w-]+)/pack\.pdf$",
        subprocessor_pack.product_pack,
        name="product_pack",
    ),
    # Wagtail's own views (password-protected pages, front-end login), then its pages. Pages are
    # read-only (trusthub.core.mixins.ReadOnlyPageMixin: 405 for anything but GET and HEAD), so
    # their view needs no CSRF check: without the exemption a POST would get CSRF's 403, not 405.
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, csrf_exempt(wagtail_views.serve), name="wagtail_serve"),
    prefix_default_language=False,
)

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
