"""Benchmark the public pages, exports and feeds at scale, on PostgreSQL.

Run through `make bench` (which starts a throwaway PostgreSQL cluster and sets DATABASE_URL).
Loads the demo content, then grows the register to REGISTER_ENTRIES published entries and the
change log to NOTICES published notices, and reports for each URL the median and 95th-percentile
server time (Django test client, in process: view + template rendering + database, no network)
and the number of SQL queries.

Last, email alerts: one notice to BENCH_SUBSCRIBERS (10,000) subscribers, sent by BENCH_WORKERS
real `db_worker` processes through a local SMTP server (aiosmtpd), reporting messages per second
and counting at the server that each subscriber received exactly one.

Numbers are printed, never asserted: the tests assert query counts, this script measures speed.
"""

import collections
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trusthub.settings.test")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Email alerts go through the real task worker (database queue) to a local SMTP server: the
# bench's settings are the test settings with those two changed, in a throwaway module that the
# worker processes import too.
SMTP_PORT = _free_port()
BENCH_SETTINGS_DIR = Path(tempfile.mkdtemp(prefix="trusthub-bench-"))
(BENCH_SETTINGS_DIR / "bench_settings.py").write_text(
    f"from {os.environ['DJANGO_SETTINGS_MODULE']} import *  # noqa: F403\n"
    'TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}\n'
    'EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"\n'
    f'EMAIL_HOST = "127.0.0.1"\nEMAIL_PORT = {SMTP_PORT}\n'
)
sys.path.insert(0, str(BENCH_SETTINGS_DIR))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench_settings"

import django  # noqa: E402

django.setup()

from aiosmtpd.controller import Controller  # noqa: E402
from bench_data import grow_notices, grow_register  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from subprocessors import versions  # noqa: E402
from subprocessors.models import ChangeNotice, Delivery, Subprocessor, Subscriber  # noqa: E402
from subprocessors.tests.factories import make_notice  # noqa: E402

REGISTER_ENTRIES = int(os.environ.get("BENCH_ENTRIES", "500"))
NOTICES = int(os.environ.get("BENCH_NOTICES", "1000"))
RUNS = int(os.environ.get("BENCH_RUNS", "15"))
SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "10000"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))


def measure(client, url):
    """Server time of a full render: the register version is bumped before each request, so
    nothing comes from the kept representations (subprocessors/representations.py)."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    versions.bump()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    query_count = len(queries)  # read now: the next request clears the log it reads
    times = []
    for _ in range(RUNS):
        versions.bump()
        start = time.perf_counter()
        response = client.get(url)
        body = b"".join(response) if response.streaming else response.content
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    return statistics.median(times), p95, query_count, len(body)


def report(title, urls):
    client = Client()
    print(f"\n{title}")
    print(f"{'URL':58} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'KiB':>7}")
    for url in urls:
        median, p95, queries, size = measure(client, url)
        print(f"{url:58} {median:10.1f} {p95:8.1f} {queries:8d} {size / 1024:7.1f}")


def main():
    call_command("migrate", verbosity=0, interactive=False)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo_content", stdout=quiet)
    report(
        "Demo content",
        [
            "/",
            "/products/pupil-progress/",
            "/products/pupil-progress/security/",
            "/products/pupil-progress/retention/?ended=2027-02-22",
            "/subprocessors/",
            "/subprocessors/changes/",
            "/subprocessors/changes/feed.atom",
        ],
    )
    grow_register(REGISTER_ENTRIES)
    report(
        f"Register with {Subprocessor.objects.filter(live=True).count()} live entries",
        [
            "/subprocessors/",
            "/subprocessors/?product=pupil-progress&product=juniper-mis",
            "/subprocessors/register.json",
            "/subprocessors/register.csv",
            "/products/pupil-progress/",
        ],
    )
    grow_notices(NOTICES)
    report(
        f"Change log with {ChangeNotice.objects.filter(live=True).count()} published notices",
        [
            "/subprocessors/changes/",
            "/subprocessors/changes/feed.rss",
            "/subprocessors/changes/feed.atom",
            "/subprocessors/changes/feed.json",
            "/subprocessors/changes/feed.atom?product=juniper-mis",
            "/",
        ],
    )
    alert_fan_out(SUBSCRIBERS, WORKERS)


class CountingHandler:
    """A local SMTP server's handler: counts the messages each recipient receives."""

    def __init__(self):
        self.received = collections.Counter()

    async def handle_DATA(self, server, session, envelope):
        self.received.update(envelope.rcpt_tos)
        return "250 Message accepted"


def alert_fan_out(subscribers, workers):
    """One notice to `subscribers` subscribers, sent by `workers` real db_worker processes
    through a local SMTP server; counted at the server."""
    handler = CountingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    now = timezone.now()
    Subscriber.objects.bulk_create(
        (
            Subscriber(email=f"bench{i:05d}@school.example", all_products=True, confirmed_at=now)
            for i in range(subscribers)
        ),
        batch_size=2000,
    )
    # Wait for the queue to empty of the demo's own tasks, then time this notice alone.
    run_worker_batch()
    make_notice("Benchmark alert notice", products=("communications-hub",))
    notice = ChangeNotice.objects.get(title="Benchmark alert notice")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(BENCH_SETTINGS_DIR), str(ROOT)]),
    }
    start = time.perf_counter()
    procs = [
        subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
            + ["--interval", "0.05", "-v", "0"],
            cwd=ROOT,
            env=env,
        )
        for _ in range(workers)
    ]
    try:
        deadline = time.monotonic() + 1800
        while time.monotonic() < deadline:
            if sum(handler.received.values()) >= subscribers:
                waiting = Delivery.objects.filter(notice=notice).exclude(status="sent").count()
                if waiting == 0:
                    break
            time.sleep(0.2)
        elapsed = time.perf_counter() - start
        time.sleep(1)  # anything sent twice would arrive now
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(30)
        controller.stop()
        shutil.rmtree(BENCH_SETTINGS_DIR, ignore_errors=True)
    sent = sum(handler.received.values())
    twice = sum(1 for count in handler.received.values() if count > 1)
    missing = subscribers - len(handler.received)
    print(f"\nEmail alerts: one notice to {subscribers} subscribers, {workers} db_worker processes")
    print(f"{'messages received at the SMTP server':45} {sent:10d}")
    print(f"{'seconds (fan-out + sending)':45} {elapsed:10.1f}")
    print(f"{'messages per second':45} {sent / elapsed:10.1f}")
    print(f"{'subscribers who received exactly one':45} {subscribers - twice - missing:10d}")
    print(f"{'received more than one / none':45} {twice:5d} / {missing:d}")


def run_worker_batch():
    """Run the worker until the queue is empty (the demo content's fan-outs, with no
    subscribers yet confirmed when they went live)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(BENCH_SETTINGS_DIR), str(ROOT)])}
    subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


if __name__ == "__main__":
    main()
