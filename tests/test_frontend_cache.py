"""The purge backend (trusthub/frontend_cache.py): every URL of a batch reaches the proxy, and a
proxy that never answers cannot hold a publish."""

import logging
import socket
import time

from subprocessors.tests.factories import recording_purges
from trusthub.frontend_cache import ProxyPurgeBackend


def test_a_batch_is_purged_in_full_with_its_hosts(settings):
    urls = [f"https://trust.example.org/page-{n}/?x={n}" for n in range(30)]
    with recording_purges(settings) as purged:
        backend = ProxyPurgeBackend(dict(settings.WAGTAILFRONTENDCACHE["default"]))
        backend.purge_batch(urls)
    assert sorted(purged) == sorted(f"trust.example.org/page-{n}/?x={n}" for n in range(30))


def test_a_proxy_that_never_answers_is_logged_and_given_up_on(caplog):
    silent = socket.socket()  # accepts connections (the backlog), never answers
    silent.bind(("127.0.0.1", 0))
    silent.listen(64)
    port = silent.getsockname()[1]
    backend = ProxyPurgeBackend({"LOCATION": f"http://127.0.0.1:{port}", "TIMEOUT": 0.2})
    try:
        started = time.monotonic()
        with caplog.at_level(logging.ERROR, logger="wagtail.frontendcache"):
            backend.purge_batch([f"http://localhost/{n}/" for n in range(16)])
        waited = time.monotonic() - started
    finally:
        silent.close()
    # Sixteen PURGEs, eight at a time, each given up after 0.2 s: not an endless wait.
    assert waited < 10
    assert sum("Couldn't purge" in r.getMessage() for r in caplog.records) == 16
