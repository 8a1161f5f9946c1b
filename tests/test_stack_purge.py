"""The real stack (deploy/stack.py): Varnish in front of two gunicorn app servers with the
production settings on PostgreSQL. A change is correct the moment it is published: once the
cache is warm, publishing a register entry and its change notice (as the admin does:
`save_revision()` then `publish()`, in another process) purges exactly the URLs that show it, and
the next request through the proxy for each of them shows it; a correction made while visitors
keep asking shows at once too (the purge comes after the commit); unpublishing takes it all away
again. Signed-in visitors and /admin/ never get a cached response.

The app servers cannot see the suite's rolled-back test database, so the stack gets a database
of its own: a copy of the run's demo template (tests/database.py), dropped afterwards.
"""

import contextlib
import os
import shutil
import textwrap
import threading
import urllib.error
import urllib.request
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest

from deploy.stack import Stack
from tests import database

ENTRY = "Zephyrmail Stacktest"
NOTICE = "Zephyrmail Stacktest to send school letters"
CORRECTED = "Zephyrmail Stacktest to send letters and texts"
PRODUCT = "communications-hub"

# Every URL that shows the entry (E) or the notice (N); the notice's own page is added once known.
SHOWING = {
    "/subprocessors/": ENTRY,
    f"/subprocessors/?product={PRODUCT}": ENTRY,
    f"/products/{PRODUCT}/": ENTRY,
    "/subprocessors/register.csv": ENTRY,
    "/subprocessors/register.json": ENTRY,
    f"/subprocessors/register.json?product={PRODUCT}": ENTRY,
    "/subprocessors/changes/": NOTICE,
    f"/subprocessors/changes/?product={PRODUCT}": NOTICE,
    "/subprocessors/changes/feed.rss": NOTICE,
    "/subprocessors/changes/feed.atom": NOTICE,
    "/subprocessors/changes/feed.json": NOTICE,
}
NOTICE_SHOWN = [path for path, text in SHOWING.items() if text == NOTICE]
# Pages that show neither: a publication must leave them cached.
UNAFFECTED = ["/", f"/products/{PRODUCT}/security/", f"/products/{PRODUCT}/retention/"]

PUBLISH = textwrap.dedent(
    f"""
    import datetime
    from django.db import transaction
    from django.utils import timezone
    from subprocessors.tests.factories import make_entry, make_notice

    # A new entry goes live only once a live notice announced it (models/promise.py).
    entry = make_entry({ENTRY!r}, products=({PRODUCT!r},), publish=False,
                       start_date=timezone.localdate() + datetime.timedelta(days=60))
    notice = make_notice({NOTICE!r}, products=({PRODUCT!r},), publish=False)
    notice.subprocessors.set([entry])
    notice.save()
    # Each in a transaction, as approving in the DPO workflow publishes (WorkflowState.finish).
    with transaction.atomic():
        notice.save_revision().publish()
    with transaction.atomic():
        entry.save_revision().publish()
    print(notice.get_absolute_url())
    """
)

# One transaction: a correction of the live notice, as the DPO approves it.
CORRECT = textwrap.dedent(
    f"""
    from django.db import transaction
    from subprocessors.models import ChangeNotice

    notice = ChangeNotice.objects.originals().get(title={NOTICE!r})
    notice.title = {CORRECTED!r}
    notice.summary = {CORRECTED + ". Summary."!r}
    with transaction.atomic():
        notice.save_revision().publish()
    """
)

UNPUBLISH = textwrap.dedent(
    f"""
    from django.db import transaction
    from subprocessors.models import ChangeNotice, Subprocessor

    with transaction.atomic():
        Subprocessor.objects.originals().get(name={ENTRY!r}).unpublish()
    with transaction.atomic():
        ChangeNotice.objects.originals().get(title={CORRECTED!r}).unpublish()
    """
)


@pytest.fixture
def stack_database(django_db_setup, settings):
    """A database of its own with the demo site in it, dropped afterwards."""
    name = f"stack_{uuid.uuid4().hex[:10]}"
    cluster = settings.DATABASES["default"]
    database.create_from(cluster, name, template=django_db_setup)
    yield urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}"))
    database.drop(cluster, name)


def get(url, cookie=None):
    """(status, X-Cache, body) of a GET."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (http only)
            return response.status, response.headers["X-Cache"], response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["X-Cache"], error.read().decode()


@contextlib.contextmanager
def busy(urls):
    """Visitors asking for `urls` all the while: if the proxy were purged before the publishing
    transaction commits, one of them would put the old page back in the cache. (Purged after
    the commit, a page the proxy was already fetching then is the one case left: cache.py has the
    worker purge again a few seconds later. No fetch is under way here: the cache is warm.)"""
    done = threading.Event()

    def visit():
        while not done.is_set():
            for url in urls:
                get(url)

    thread = threading.Thread(target=visit)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


def test_publishing_and_unpublishing_purge_exactly_what_shows_the_change(stack_database, tmp_path):
    if not (shutil.which("varnishd") or os.path.exists("/usr/sbin/varnishd")):
        pytest.fail("Varnish is missing: `make test` installs it (ensure_serving_packages).")
    stack = Stack(
        stack_database,
        app_servers=2,
        log_dir=tmp_path,
        # One gunicorn worker each: two app servers are what the test is about, not four workers.
        env={"STATIC_ROOT": str(tmp_path / "static"), "GUNICORN_WORKERS": "1"},
    )
    # What `make serve` does before it starts the stack (the database is migrated already).
    stack.manage(
        "shell",
        "-c",
        "from django.core.management import call_command; call_command('createcachetable');"
        "call_command('collectstatic', '--noinput', '-v0')",
    )
    with stack:
        proxy = stack.proxy_url

        def warm(paths):
            for path in paths:
                get(proxy + path)
                status, cache, _ = get(proxy + path)
                assert (status, cache) == (200, "HIT"), path

        warm([*SHOWING, *UNAFFECTED])
        for path, text in SHOWING.items():
            assert text not in get(proxy + path)[2], path

        published = stack.manage("shell", "-c", PUBLISH)
        notice_path = published.stdout.strip().splitlines()[-1]
        assert notice_path.startswith("/subprocessors/changes/")
        for path, text in {**SHOWING, notice_path: NOTICE}.items():
            status, _, body = get(proxy + path)
            assert status == 200 and text in body, path
        for path in UNAFFECTED:  # not purged: still served from the cache
            assert get(proxy + path)[:2] == (200, "HIT"), path

        warm([*NOTICE_SHOWN, notice_path])
        with busy([proxy + path for path in [*NOTICE_SHOWN, notice_path]]):
            stack.manage("shell", "-c", CORRECT)
        for path in [*NOTICE_SHOWN, notice_path]:
            status, _, body = get(proxy + path)
            assert status == 200 and CORRECTED in body and NOTICE not in body, path

        warm([*SHOWING, notice_path])
        stack.manage("shell", "-c", UNPUBLISH)
        for path in SHOWING:
            status, _, body = get(proxy + path)
            assert status == 200 and ENTRY not in body, path
        assert get(proxy + notice_path)[0] == 404

        # Never from the cache: a signed-in visitor (session cookie), /admin/. Other cookies
        # (CSRF, analytics) are dropped and do not stop a page being served from the cache.
        for _ in range(2):
            assert get(proxy + "/", cookie="sessionid=abc; csrftoken=x")[1] != "HIT"
            assert get(proxy + "/admin/login/")[1] != "HIT"
        assert get(proxy + "/", cookie="csrftoken=x; _ga=GA1.2")[1] == "HIT"
        # Nothing says which software (and version) serves the site.
        with urllib.request.urlopen(proxy + "/", timeout=30) as response:  # noqa: S310
            assert not {"Server", "Via", "X-Varnish"} & set(response.headers.keys())
        assert not stack.dead()
