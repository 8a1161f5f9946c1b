"""Cache-Control policy: public pages are cacheable, anything personal never is."""

import datetime
import time

from django.conf import settings
from django.http import HttpResponseNotModified
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import (
    add_never_cache_headers,
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
)

from subprocessors import versions
from subprocessors.representations import with_validators

CACHEABLE_STATUSES = (200, 301, 304, 404)


def make_public(response):
    """The policy for public responses: browsers keep them CACHE_CONTROL_MAX_AGE seconds, shared
    caches (the proxy) CACHE_CONTROL_S_MAXAGE, until a publish purges them."""
    patch_cache_control(
        response,
        public=True,
        max_age=settings.CACHE_CONTROL_MAX_AGE,
        s_maxage=settings.CACHE_CONTROL_S_MAXAGE,
    )


class CacheControlMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = versions.current() if self._may_cache(request) else None
        response = self.get_response(request)
        if self._must_not_cache(request, response) or (
            # Published while this response was being made: it may show the state before, and
            # the proxy's purge may already have gone by. This visitor gets it, but no shared
            # cache keeps it; the next request renders the new state.
            started is not None and versions.current() != started
        ):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        elif not response.has_header("Cache-Control"):
            make_public(response)
        return response

    @staticmethod
    def _may_cache(request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(settings.CACHE_CONTROL_PRIVATE_PREFIXES)
        )

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


class LanguageFromPathMiddleware:
    """The language of a response is its URL's: `/cy/...` is Welsh, every other path English
    (trusthub/urls.py). Django's LocaleMiddleware would also read a cookie and Accept-Language
    for unprefixed paths and add `Vary: Accept-Language`, splitting every shared cache's copy
    of an English page by browser language for no difference in content."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info)
        translation.activate(language or settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response


class AnonymousVaryMiddleware:
    """A public response to a request without a session cookie is the same for every visitor:
    no `Vary: Cookie`, so shared caches and browsers keep one copy whatever other cookies
    (analytics, consent) a visitor has.

    The session middleware adds it whenever a page looked at the user (Wagtail's userbar does,
    on every page), even with no session to read. Placed above it in MIDDLEWARE so it sees that
    header. Responses that set a cookie keep it; requests with a session cookie get private
    responses (CacheControlMiddleware), userbar and all.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not response.cookies
            and response.has_header("Vary")
            and "public" in cc_delim_re.split(response.get("Cache-Control", ""))
        ):
            kept = [h for h in cc_delim_re.split(response["Vary"]) if h.lower() != "cookie"]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response


class NotModifiedMiddleware:
    """A conditional GET of a feed or an export whose ETag (or date) still holds is answered 304
    here, right after WhiteNoise: its validators come from the register version alone
    (`validators_for` on the view, subprocessors/representations.py), so sessions,
    authentication, CSRF and the view never run. Anything else goes on as usual.

    Feed readers poll the same few addresses again and again, so the answer for an address is
    worked out once per register version and day (`_answers`), and the version is the one this
    process read at most REGISTER_VERSION_RECHECK seconds ago (`versions.recent`): a 304 then
    costs about what WhiteNoise's own 304 for a static file does.
    """

    KEPT = 512  # addresses remembered; forgotten all at once when full (junk cannot grow it)

    def __init__(self, get_response):
        self.get_response = get_response
        self._answers = {}
        self._today = (None, float("-inf"))  # (the local date, when it ends: a Unix time)

    def __call__(self, request):
        answer = self._not_modified(request)
        return answer if answer is not None else self.get_response(request)

    def _not_modified(self, request):
        meta = request.META
        if request.method not in ("GET", "HEAD") or not (
            "HTTP_IF_NONE_MATCH" in meta or "HTTP_IF_MODIFIED_SINCE" in meta
        ):
            return None
        if "HTTP_COOKIE" in meta and settings.SESSION_COOKIE_NAME in request.COOKIES:
            return None
        known = self._answer_for(request)
        if known is None:
            return None
        validators, headers = known
        if meta.get("HTTP_IF_NONE_MATCH") == validators["etag"]:
            # What every feed reader sends: the ETag it was given, as it was given.
            return HttpResponseNotModified(headers=headers)
        answer = get_conditional_response(request, **validators)
        if answer is None:
            return None
        make_public(answer)
        return with_validators(answer, **validators)

    def _answer_for(self, request):
        """(validators, the 304's headers) for this address under the current version and day,
        or None for an address without validators."""
        version, day = versions.recent(), self._day()
        meta = request.META
        address = (  # all that request.scheme and get_host() are made from
            request.path_info,
            meta.get("QUERY_STRING", ""),
            meta.get("HTTP_HOST", ""),
            meta.get("wsgi.url_scheme", ""),
            meta.get("HTTP_X_FORWARDED_PROTO", ""),
        )
        known = self._answers.get(address)
        if known is not None and known[0] == (version, day):
            return known[1]
        try:
            validators_for = getattr(resolve(request.path_info).func, "validators_for", None)
        except Resolver404:
            validators_for = None
        answer = None
        if validators_for is not None:
            validators = validators_for(request, version)  # checks the host, as a view would
            model = with_validators(HttpResponseNotModified(), **validators)
            make_public(model)
            headers = {name: model[name] for name in ("ETag", "Last-Modified", "Cache-Control")}
            answer = (validators, headers)
        if len(self._answers) >= self.KEPT:
            self._answers.clear()
        self._answers[address] = ((version, day), answer)
        return answer

    def _day(self):
        """Today's local date, worked out again only once it is over."""
        day, ends = self._today
        if time.time() >= ends:
            day = timezone.localdate()
            midnight = datetime.datetime.combine(
                day + datetime.timedelta(days=1),
                datetime.time(),
                tzinfo=timezone.get_current_timezone(),
            )
            self._today = (day, midnight.timestamp())
        return day
