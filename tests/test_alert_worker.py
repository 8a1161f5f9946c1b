"""The real task worker (`manage.py db_worker`) sends each alert exactly once: killed mid-run
and restarted, it sends the rest and re-sends nothing; temporary SMTP failures are retried.

The suite's own database is shared and rolled back, so this test gives the worker a throwaway
PostgreSQL database of its own in the same cluster (a copy of the demo template database, see
tests/database.py), given subscribers and a published notice by a child process, and a real SMTP server (aiosmtpd) in this process that
counts what arrives and answers 451 to some first attempts.
"""

import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from email import message_from_bytes, policy
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from aiosmtpd.controller import Controller

from tests import database

ROOT = Path(__file__).resolve().parent.parent
SUBSCRIBERS = 24
KILL_AFTER = 8  # messages received when the worker is killed, mid-send of the 8th
FLAKY = {f"school{i:03d}@example.org" for i in range(0, SUBSCRIBERS, 7)}  # 451 at first

WORKER_SETTINGS = """
from trusthub.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["ALERT_TEST_SMTP_PORT"])
EMAIL_TIMEOUT = 10
ALERT_RETRY_DELAYS = [1, 1, 1, 1]
"""

SETUP = textwrap.dedent(
    f"""
    from django.utils import timezone
    from subprocessors.models import Subscriber
    from subprocessors.tests.factories import make_notice

    now = timezone.now()
    Subscriber.objects.bulk_create(
        Subscriber(email=f"school{{i:03d}}@example.org", all_products=True, confirmed_at=now)
        for i in range({SUBSCRIBERS})
    )
    make_notice("Worker test notice", products=("communications-hub",))
    """
)

CORRECT = textwrap.dedent(
    """
    from subprocessors.models import ChangeNotice
    notice = ChangeNotice.objects.originals().get(title="Worker test notice")
    notice.summary = "Corrected after going live."
    notice.save_revision().publish()
    """
)


class KillingHandler:
    """Stores each message; answers 451 to each FLAKY recipient's first RCPT; and once
    KILL_AFTER messages have arrived, SIGKILLs the worker before answering 250 to the last: the
    message is delivered, but the worker never learns it was."""

    def __init__(self):
        self.messages = []
        self.refused = set()
        self.worker = None
        self.killed = threading.Event()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in FLAKY and address not in self.refused:
            self.refused.add(address)
            return "451 4.7.1 Greylisted, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        if len(self.messages) == KILL_AFTER and self.worker is not None:
            self.worker.send_signal(signal.SIGKILL)
            self.worker.wait()
            self.killed.set()
        return "250 Message accepted"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def worker_database(django_db_setup, settings):
    """A database of its own with the demo site in it (a copy of the run's demo template),
    dropped afterwards."""
    name = f"alert_worker_{uuid.uuid4().hex[:10]}"
    cluster = settings.DATABASES["default"]
    database.create_from(cluster, name, template=django_db_setup)
    yield urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}"))
    database.drop(cluster, name)


@pytest.fixture
def smtp():
    handler = KillingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield handler, controller.port
    controller.stop()


def test_worker_killed_mid_run_and_restarted_sends_each_alert_exactly_once(
    worker_database, smtp, tmp_path
):
    handler, port = smtp
    (tmp_path / "alert_worker_settings.py").write_text("import os\n" + WORKER_SETTINGS)
    env = {
        **os.environ,
        "DATABASE_URL": worker_database,
        "DJANGO_SETTINGS_MODULE": "alert_worker_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "ALERT_TEST_SMTP_PORT": str(port),
    }
    log = open(tmp_path / "worker.log", "w")  # noqa: SIM115 (kept open for the workers)

    def manage(*args, timeout=300):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=timeout,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def start_worker():
        return subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
            + ["--interval", "0.1", "-v", "0"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def rows(sql):
        with psycopg.connect(worker_database) as conn:
            return conn.execute(sql).fetchall()

    manage("shell", "-c", SETUP)  # the notice's fan-out task is queued, nothing sent yet
    assert handler.messages == []

    handler.worker = start_worker()
    assert handler.killed.wait(120), "the worker never reached the kill point"
    assert len(handler.messages) == KILL_AFTER
    in_flight = handler.messages[-1]["To"]
    statuses = dict(rows("SELECT status, count(*) FROM subprocessors_delivery GROUP BY status"))
    assert statuses.get("sending") == 1  # the one it was sending when killed

    restarted = start_worker()
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            waiting = rows(
                "SELECT count(*) FROM subprocessors_delivery "
                "WHERE status IN ('pending', 'retrying')"
            )[0][0]
            if waiting == 0 and len(handler.messages) >= SUBSCRIBERS:
                break
            time.sleep(0.2)
        time.sleep(1)  # anything sent twice would arrive now (the worker polls every 0.1 s)

        # A correction of the live notice sends nothing more.
        manage("shell", "-c", CORRECT)
        time.sleep(1)
    finally:
        restarted.send_signal(signal.SIGTERM)
        restarted.wait(30)
        log.close()

    received = [m["To"] for m in handler.messages]
    expected = [f"school{i:03d}@example.org" for i in range(SUBSCRIBERS)]
    assert sorted(received) == expected, (tmp_path / "worker.log").read_text()[-3000:]
    assert handler.refused == FLAKY  # each was refused once, then retried and delivered
    by_status = dict(rows("SELECT status, count(*) FROM subprocessors_delivery GROUP BY status"))
    assert by_status == {"sent": SUBSCRIBERS - 1, "sending": 1}
    [(stuck_email, attempts)] = rows(
        "SELECT s.email, d.attempts FROM subprocessors_delivery d "
        "JOIN subprocessors_subscriber s ON s.id = d.subscriber_id WHERE d.status = 'sending'"
    )
    assert stuck_email == in_flight and attempts == 1  # delivered once, never re-sent
    flaky_attempts = rows(
        "SELECT min(d.attempts) FROM subprocessors_delivery d JOIN subprocessors_subscriber s "
        "ON s.id = d.subscriber_id WHERE s.email IN ("
        + ", ".join(f"'{e}'" for e in sorted(FLAKY))
        + ")"
    )[0][0]
    assert flaky_attempts == 2
    for message in handler.messages:
        assert message["Subject"] == "Sub-processor change: Worker test notice"
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
