"""gunicorn settings for one Trust Hub app server behind the caching proxy (deploy/varnish.vcl).

Everything that changes between machines comes from the environment:
  GUNICORN_BIND     where to listen (default 127.0.0.1:8001): the proxy's backend, never public
  GUNICORN_WORKERS  worker processes (default 2)
  GUNICORN_THREADS  threads per worker (default 1: Django's database connections are per thread)
  GUNICORN_ACCESS_LOG  "-" for an access log on stdout (default: none; the proxy sees every hit)
Run: gunicorn -c deploy/gunicorn.conf.py trusthub.wsgi:application
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
timeout = 30
graceful_timeout = 10
# Recycle workers now and then (a slow leak never grows for ever); not so often that it shows.
max_requests = 50000
max_requests_jitter = 5000
# Only the proxy on this machine talks to us; trust its X-Forwarded-* headers.
forwarded_allow_ips = "127.0.0.1,::1"
# gunicorn 27's control socket lives at one path per user: several app servers on one machine
# would fight over it, and nothing here uses it.
control_socket_disable = True
# Django is imported once, before the workers fork: they start in a fraction of the time.
preload_app = True


def when_ready(server):
    """In the master, once the app is loaded and before any worker forks: import the URLconf
    and every view it names (Django does it at a process's first request, some 0.3 s), and
    WeasyPrint (imported at a pack's first render, 0.5 s), so that no worker, first or
    recycled, makes a visitor wait for them."""
    import weasyprint  # noqa: F401, PLC0415 (only shared with the workers, see above)
    from django.urls import get_resolver  # noqa: PLC0415 (Django is set up by now, not at import)

    get_resolver().reverse_dict  # noqa: B018 (imports and indexes every URL pattern)
