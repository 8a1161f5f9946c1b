"""Cached representations of the public register and change log: the register and change-log
pages, the feeds and the exports, kept in Django's cache as the bytes sent.

Each is keyed by the register version (`versions.py`), today's date (statuses move on with
it), the scheme and host (feeds and the subscribe box print absolute addresses) and the filter
as requested, normalised (`requested_slugs`). Nothing has to be deleted on publish: a new
version makes every key new. A response is stored only under the filter it really rendered
(the view says so with `keep_as`): a request with an unknown product or type, or a page number
past the end, is rendered as before but never stored, so junk cannot fill the cache.

Feeds and exports also answer conditional requests from the version alone (`conditional=True`):
a weak ETag from the key, `Last-Modified` from the version's time, and a 304 before anything is
read or rendered.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import get_language_from_path

from . import versions
from .register import requested_slugs

TIMEOUT = 60 * 60 * 24  # keys carry the date: yesterday's are never read again
KEPT_HEADERS = ("Content-Type", "Content-Disposition")


def keep_as(response, *parts):
    """Mark `response` as the representation of the filter `parts` (as `requested` gives
    them), so that it may be stored. An unmarked response is never stored."""
    response.representation_of = parts
    return response


def register_filter(request):
    """The register and the exports: products and recipient type."""
    return (tuple(requested_slugs(request.GET)), request.GET.get("type", "").strip())


def product_filter(request):
    """The feeds: products only (other parameters are ignored)."""
    return (tuple(requested_slugs(request.GET)),)


def paged_register_filter(request):
    """The change log: the register's filter (an unknown type is reported there too) and the
    page (a page number that is not a number is page 1, as the paginator reads it)."""
    try:
        page = int(request.GET.get("page", 1))
    except ValueError:
        page = 1
    return (*register_filter(request), page)


def cached(name, requested, *, html=False, conditional=False):
    """Serve the view's response from the cache when one is kept for this request.

    `requested(request)` gives the normalised filter. `html`: the page carries Wagtail's
    userbar for signed-in editors, so a request with a session cookie is rendered afresh and
    never stored. `conditional`: send ETag and Last-Modified, and answer 304 without reading
    the cache or the database beyond the version. A conditional view also carries
    `validators_for(request)`, with which trusthub.middleware.NotModifiedMiddleware answers a
    304 before sessions, authentication and the rest of the stack run.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if html and settings.SESSION_COOKIE_NAME in request.COOKIES:
                return view(request, *args, **kwargs)
            parts = requested(request)
            key, version, day = _key(name, parts, request)
            validators = {}
            if conditional:
                validators = _validators(key, version, day)
                answer = get_conditional_response(request, **validators)
                if answer is not None:
                    return with_validators(answer, **validators)
            stored = cache.get(key)
            if stored is None:
                response = view(request, *args, **kwargs)
                if response.status_code != 200:
                    return response
                if getattr(response, "representation_of", None) == parts:
                    headers = {h: response[h] for h in KEPT_HEADERS if response.has_header(h)}
                    cache.set(key, (response.content, headers), TIMEOUT)
            else:
                content, headers = stored
                response = HttpResponse(content, headers=headers)
            return with_validators(response, **validators)

        if conditional:
            # For the middleware's 304s, under the version it read (versions.recent).
            wrapped.validators_for = lambda request, version: _validators(
                *_key(name, requested(request), request, version)
            )
        return wrapped

    return decorator


def _key(name, parts, request, version=None):
    version = versions.current() if version is None else version
    day = timezone.localdate()
    # The language too (/cy/... is written in Welsh), read from the path as LocaleMiddleware
    # does, so that NotModifiedMiddleware's 304s, which may run before it, agree.
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    key = f"trusthub:{name}:" + _digest(
        version, day.isoformat(), request.scheme, request.get_host(), language, parts
    )
    return key, version, day


def _validators(key, version, day):
    return {
        "etag": f'W/"{key.rsplit(":", 1)[1][:32]}"',
        "last_modified": versions.changed_at(version, day),
    }


def _digest(*values):
    return hashlib.sha256(repr(values).encode()).hexdigest()[:40]


def with_validators(response, etag=None, last_modified=None):
    if etag:
        response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified)
    return response
