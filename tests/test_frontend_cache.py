"""The purge backend (trusthub/frontend_cache.py): every URL of a batch reaches the proxy, and a
proxy that never answers cannot hold a publish."""

import logging
import socket
import threading

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
    purging = threading.Thread(
        target=backend.purge_batch, args=([f"http://localhost/{n}/" for n in range(16)],)
    )
    try:
        with caplog.at_level(logging.ERROR, logger="wagtail.frontendcache"):
            purging.start()
            # Sixteen PURGEs, eight at a time, each given up after 0.2 s: not an endless wait
            # (without the time limit this thread would never end; the test fails, not hangs).
            purging.join(timeout=10)
            assert not purging.is_alive()
    finally:
        silent.close()
    assert sum("Couldn't purge" in r.getMessage() for r in caplog.records) == 16
