"""Content-Security-Policy for every response, chosen by path (issue 14, item 3).

Public pages, feeds, exports and error pages get settings.CONTENT_SECURITY_POLICY: this site's
own files only, no inline scripts or styles and no per-request nonce, so one header suits every
visitor and the caching proxy may keep it with the page. Wagtail's userbar, which signed-in
editors see on public pages, loads its files from the page's own origin and needs nothing more.

Wagtail's admin (its page and snippet previews included) writes inline scripts (inline panels, date pickers)
and <style> elements of its own, so paths under CONTENT_SECURITY_POLICY_ADMIN["PATH_PREFIXES"]
get that policy instead. A view's own django-csp decorator (`csp_replace`, `csp_update`,
`csp_exempt`) still wins.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


def is_admin_request(request):
    """A request under the admin's paths, or one of Wagtail's previews: Wagtail renders a preview
    by sending a made-up request (`is_dummy`) for the page's public URL through the middleware,
    and the editor frames the result, so the public policy's frame-ancestors 'none' would
    block it."""
    prefixes = settings.CONTENT_SECURITY_POLICY_ADMIN.get("PATH_PREFIXES", ())
    return getattr(request, "is_dummy", False) or request.path_info.startswith(tuple(prefixes))


class PathCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy on admin paths and previews."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_request(request):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        return parts
