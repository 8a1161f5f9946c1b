"""Purging the caching proxy (deploy/varnish.vcl) from the process that publishes.

Wagtail's HTTPBackend sends one PURGE per URL, one after another, each with no time limit: a
publish that purges thirty URLs waits for thirty round trips, and a proxy that accepts the
connection but never answers would hold the editor's request for ever. `ProxyPurgeBackend`
sends them side by side (PURGE_THREADS at a time), each within PURGE_TIMEOUT seconds, and logs
what failed as Wagtail does; the worker's second purge (subprocessors/cache.py) follows anyway.
"""

import logging
from concurrent.futures import ThreadPoolExecutor
from urllib.error import HTTPError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail import __version__
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest

logger = logging.getLogger("wagtail.frontendcache")


class ProxyPurgeBackend(HTTPBackend):
    """settings.WAGTAILFRONTENDCACHE backend: LOCATION as for HTTPBackend; optional TIMEOUT
    (seconds per PURGE, default 5) and THREADS (at a time, default 8)."""

    def __init__(self, params):
        self.timeout = float(params.pop("TIMEOUT", 5))
        self.threads = int(params.pop("THREADS", 8))
        super().__init__(params)

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        target = urlunsplit(
            [self.cache_scheme, self.cache_netloc, parts.path, parts.query, parts.fragment]
        )
        request = PurgeRequest(
            url=target, headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{__version__}"}
        )
        try:
            # The scheme and address come from the configured LOCATION, never from a visitor.
            with urlopen(request, timeout=self.timeout):  # noqa: S310
                pass
        except HTTPError as error:
            logger.error(
                "Couldn't purge '%s' from HTTP cache. HTTPError: %d %s",
                url,
                error.code,
                error.reason,
            )
        except OSError as error:  # URLError, a time-out, a refused connection
            logger.error(
                "Couldn't purge '%s' from HTTP cache. %s", url, getattr(error, "reason", error)
            )

    def purge_batch(self, urls):
        urls = list(urls)
        if urls:
            with ThreadPoolExecutor(max_workers=min(self.threads, len(urls))) as pool:
                list(pool.map(self.purge, urls))
