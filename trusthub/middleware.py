"""Cache-Control policy: public pages are cacheable, anything personal never is."""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

CACHEABLE_STATUSES = (200, 301, 304, 404)


class CacheControlMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self._must_not_cache(request, response):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        elif not response.has_header("Cache-Control"):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.CACHE_CONTROL_MAX_AGE,
                s_maxage=settings.CACHE_CONTROL_S_MAXAGE,
            )
        return response

    @staticmethod
    def _must_not_cache(request, response):
        if request.path.startswith(settings.CACHE_CONTROL_PRIVATE_PREFIXES):
            return True
        if request.method not in ("GET", "HEAD"):
            return True
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            # Editors (previews, drafts, the userbar) and visitors who unlocked a
            # password-protected page or document: their responses are theirs alone.
            return True
        if response.status_code not in CACHEABLE_STATUSES:
            # Bad requests and errors: never keep them in a shared cache.
            return True
        return response.has_header("Cache-Control") and "private" in response["Cache-Control"]
