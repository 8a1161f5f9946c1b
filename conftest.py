"""Shared fixtures: the demo site (built once per session), admin users, and headless Chromium.

The demo content is loaded once, into the test database, when the session starts
(`django_db_setup`). Every test runs inside a transaction that is rolled back, so each one sees
the same demo site and nothing a test does leaks into the next. Browser tests talk to a live
server that shares the test's database connection (and so its transaction), so they need no
`transaction=True` and no slow serialised rollback either.
"""

import contextlib
import mailbox
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from email import message_from_bytes, policy
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.servers.basehttp import ThreadedWSGIServer
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections
from django.test import TransactionTestCase
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler
from django.test.utils import setup_databases, teardown_databases

from tests import database

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    """With pytest-xdist, the controller starts building the demo template database at once, in
    the background, while it collects and the workers start (tests/database.py)."""
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        directory = database.run_directory(config._tmp_path_factory, config)
        config.stash[_BUILD] = database.start_build(settings.DATABASES["default"], directory)


_BUILD = pytest.StashKey()


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_modify_db_settings,
    tmp_path_factory,
):
    """Create the test database with the demo content in it, committed; returns the name of the
    run's demo template database. Under xdist each worker copies the template the controller
    built; a run without xdist builds its database itself and copies it into the template."""
    connection = connections["default"]
    directory = database.run_directory(tmp_path_factory, request.config)
    template = database.recorded_template(directory)
    with django_db_blocker.unblock():
        if template:
            database.wait_for_build(directory)
            connection.settings_dict["TEST"]["TEMPLATE"] = template
        db_cfg = setup_databases(verbosity=0, interactive=False, serialized_aliases=set())
        if not template:
            with open(os.devnull, "w") as quiet:
                call_command("load_demo_content", stdout=quiet)
            template = database.template_name(connection.settings_dict)
            connections.close_all()
            database.create_from(
                connection.settings_dict, template, connection.settings_dict["NAME"]
            )
            database.record_template(directory, template)
        # Playwright's event loop gives later tests another connection object; close this one
        # so it does not hold the database open at teardown.
        connections.close_all()
    yield template
    with django_db_blocker.unblock():
        teardown_databases(db_cfg, verbosity=0)


def pytest_sessionfinish(session):
    """The run's controller (or a run without xdist) drops the demo template database."""
    if hasattr(session.config, "workerinput"):
        return
    build = session.config.stash.get(_BUILD, None)
    if build is not None and build.poll() is None:
        build.kill()
        build.wait()
    template = database.recorded_template(session.config._tmp_path_factory.getbasetemp())
    if template:
        # An interrupted run may have stopped the cluster already.
        with contextlib.suppress(psycopg.OperationalError):
            database.drop(settings.DATABASES["default"], template)


def _needs_database(item):
    return (
        item.get_closest_marker("django_db") is not None
        or "django_db_setup" in item.fixturenames
        or (item.cls is not None and issubclass(item.cls, TransactionTestCase))
    )


def pytest_collection_modifyitems(items):
    """An order that keeps both xdist workers busy (with `--maxschedchunk=1`, each worker takes
    the next test when it is free): tests without a database first, while the demo template is
    still being built; then the longest (the alert-worker, backup and real-stack tests with their own processes,
    then the browser tests), so nothing long is left for the end; then the rest as collected."""

    def weight(item):
        if not _needs_database(item):
            return 0
        if item.nodeid.startswith(
            (
                "tests/test_alert_worker.py",
                "tests/test_stack_purge.py",
                "tests/test_backup.py::test_postgresql_round_trip",
            )
        ):
            return 1
        return 2 if "[chromium]" in item.nodeid else 3

    items.sort(key=weight)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache (the in-process one of settings/test.py): no page
    cached under one test's data (rolled back since) is served to the next."""
    cache.clear()


@pytest.fixture
def demo(db):
    """The full demo content, as `make run` loads it (already there: see django_db_setup)."""


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "pw")


# --- A live server inside the test's transaction -------------------------------------------


# One lock for the shared connection: held by the server for a whole request, and by the
# test's own thread for each of its queries (an execute wrapper), so the two never interleave.
_CONNECTION_LOCK = threading.RLock()


class _OneAtATimeHandler(StaticFilesHandler):
    """Static files from the finders, and one request at a time through Django: every request
    uses the test's one database connection. Once the test is over (`closed`), a late request
    from the browser gets a 503 instead of touching a connection being rolled back."""

    closed = False

    def __call__(self, environ, start_response):
        with _CONNECTION_LOCK:
            if _OneAtATimeHandler.closed:
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b"The test is over."]
            return super().__call__(environ, start_response)


def _serialised(execute, sql, params, many, context):
    with _CONNECTION_LOCK:
        return execute(sql, params, many, context)


class _SharedConnectionServer(ThreadedWSGIServer):
    """Serves requests on the test's own database connection and never closes it."""

    def _close_connections(self):
        pass


class _SharedConnectionThread(LiveServerThread):
    def run(self):
        # LiveServerThread.run, minus closing every connection at the end: the one it uses
        # is the test's, which the test still needs (and rolls back).
        connections["default"] = self.connections_override["default"]
        try:
            self.httpd = self._create_server(connections_override=self.connections_override)
            self.port = self.httpd.server_address[1]
            self.httpd.set_app(self.static_handler(WSGIHandler()))
            self.is_ready.set()
            # Polling every 0.05 s rather than 0.5 s: the server stops at once after each test.
            self.httpd.serve_forever(poll_interval=0.05)
        except Exception as e:  # reported to the test by the fixture
            self.error = e
            self.is_ready.set()

    def _create_server(self, connections_override=None):
        return _SharedConnectionServer(
            (self.host, self.port),
            QuietWSGIRequestHandler,
            allow_reuse_address=False,
            connections_override=connections_override,
        )


@pytest.fixture
def live_demo(db):
    """A live server on the demo site. It shares the test's transaction: what the test creates
    is visible to the browser, and whatever the browser saves is rolled back afterwards."""
    connection = connections["default"]
    connection.inc_thread_sharing()
    _OneAtATimeHandler.closed = False
    # Requests must not close the shared connection (Django's test client does the same).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    thread = _SharedConnectionThread(
        "127.0.0.1", _OneAtATimeHandler, connections_override={"default": connection}
    )
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    thread.url = f"http://127.0.0.1:{thread.port}"
    try:
        with connection.execute_wrapper(_serialised):
            yield thread
    finally:
        with _CONNECTION_LOCK:  # waits for a request in flight, and refuses later ones
            _OneAtATimeHandler.closed = True
        thread.terminate()
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        connection.dec_thread_sharing()


# --- A real SMTP server -----------------------------------------------------------------


class SmtpServer:
    """An aiosmtpd server in its own process, storing what it receives in a Maildir."""

    def __init__(self, host, port, maildir):
        self.host, self.port, self.maildir = host, port, Path(maildir)

    def messages(self):
        """Every message received so far, parsed (email.message.EmailMessage), oldest first."""
        box = mailbox.Maildir(self.maildir, create=False)
        return [
            message_from_bytes(box.get_bytes(key), policy=policy.default)
            for key in sorted(box.iterkeys(), key=_delivery_order)
        ]

    def clear(self):
        box = mailbox.Maildir(self.maildir, create=False)
        for key in list(box.iterkeys()):
            box.remove(key)


def _delivery_order(key):
    """A Maildir name is "<seconds>.M<microseconds>P<pid>Q<count>.<host>", the microseconds not
    zero-padded: sorted as text, M99999 (earlier) would come after M123456 within one second."""
    seconds, _, rest = key.partition(".")
    numbers = dict(re.findall(r"([MPQ])(\d+)", rest.split(".", 1)[0]))
    return int(seconds), int(numbers.get("M", 0)), int(numbers.get("Q", 0))


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def _smtp_process():
    maildir = Path(tempfile.mkdtemp(prefix="trusthub-mail-")) / "Maildir"
    mailbox.Maildir(maildir, create=True)
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}"]
        + ["-c", "aiosmtpd.handlers.Mailbox", str(maildir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("The test SMTP server (aiosmtpd) did not start") from None
            time.sleep(0.05)
    yield SmtpServer("127.0.0.1", port, maildir)
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(maildir.parent, ignore_errors=True)


@pytest.fixture
def smtp_server(_smtp_process, settings):
    """Email goes to a real SMTP server process for this test; `.messages()` reads it back."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = _smtp_process.host
    settings.EMAIL_PORT = _smtp_process.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    _smtp_process.clear()
    yield _smtp_process
    _smtp_process.clear()


# --- Browser tests ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--headless",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser(browser):
    yield browser
    # While Playwright's loop runs, the database connection is a different object from the
    # one the session started with: close it here, or it holds the test database open.
    connections.close_all()


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True, "locale": "en-GB"}


@pytest.fixture
def axe_check():
    """Run axe-core (WCAG 2.0/2.1/2.2 A and AA) on the current page; assert no violations."""

    def check(page):
        page.add_script_tag(path=str(AXE_JS))
        result = page.evaluate(
            """async () => await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                                 'wcag22aa']},
                resultTypes: ['violations'],
            })"""
        )
        violations = [
            f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:5])
            for v in result["violations"]
        ]
        assert violations == [], f"axe violations on {page.url}:\n" + "\n".join(violations)
        return result

    return check
