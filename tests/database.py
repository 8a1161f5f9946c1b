"""The demo site as a PostgreSQL template database, built once per test run.

Migrating and loading the demo site takes about ten seconds of CPU. With pytest-xdist, the run's
controller starts that build in a child process as soon as pytest is configured (`start_build`),
so it overlaps with collection and the workers starting up; each worker then creates its test
database from the template (Django's documented `TEST["TEMPLATE"]` setting), in under a second,
with the demo site already in it. Without xdist, the one process builds its test database itself
and copies it into the template. Tests that need a database of their own (the alert-worker test,
whose worker processes cannot see the suite's rolled-back transactions) copy the template too.
The controller drops it when the run ends.

Run as `python -m tests.database STATUS_FILE` (with DATABASE_URL naming the new, empty template
database), this module is the build itself: migrate, load the demo content, then write "ok" or
the error into STATUS_FILE.
"""

import io
import os
import subprocess
import sys
import time
import traceback
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import django
import psycopg
from django.core.management import call_command
from django.db import connections
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
BUILD_TIMEOUT = 600


def run_directory(tmp_path_factory, config) -> Path:
    """A directory shared by this run's controller and xdist workers (and only them)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if hasattr(config, "workerinput") else base


def recorded_template(directory: Path) -> str | None:
    path = directory / "demo-template"
    return path.read_text().strip() if path.exists() else None


def record_template(directory: Path, name: str) -> None:
    (directory / "demo-template").write_text(name)


def template_name(settings_dict) -> str:
    base = settings_dict["TEST"].get("NAME") or f"test_{settings_dict['NAME']}"
    return f"{base.rsplit('_gw', 1)[0]}_demo_{uuid.uuid4().hex[:8]}"


def _maintenance(settings_dict):
    """An autocommit connection to the cluster's `postgres` database."""
    return psycopg.connect(
        dbname="postgres",
        host=settings_dict.get("HOST") or None,
        port=settings_dict.get("PORT") or None,
        user=settings_dict.get("USER") or None,
        password=settings_dict.get("PASSWORD") or None,
        autocommit=True,
    )


def create_from(settings_dict, name: str, template: str | None = None) -> None:
    query = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if template:
        query += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
    with _maintenance(settings_dict) as conn:
        conn.execute(query)


def drop(settings_dict, name: str) -> None:
    with _maintenance(settings_dict) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def start_build(settings_dict, directory: Path) -> subprocess.Popen:
    """Create the empty template database and start building the demo site into it."""
    name = template_name(settings_dict)
    create_from(settings_dict, name)
    record_template(directory, name)
    url = urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}")
    return subprocess.Popen(
        [sys.executable, "-m", "tests.database", str(directory / "demo-template.status")],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": urlunsplit(url)},
    )


def wait_for_build(directory: Path) -> None:
    """Block until the controller's build is done; fail with its error if it failed."""
    status = directory / "demo-template.status"
    deadline = time.monotonic() + BUILD_TIMEOUT
    while not status.exists():
        if time.monotonic() > deadline:
            raise RuntimeError("The demo template database was not built in time.")
        time.sleep(0.1)
    result = status.read_text()
    if result != "ok":
        raise RuntimeError(f"Building the demo template database failed:\n{result}")


def _build(status: Path) -> None:
    try:
        django.setup()
        call_command("migrate", verbosity=0, interactive=False, run_syncdb=True)
        call_command("load_demo_content", stdout=io.StringIO())
        connections.close_all()
        result = "ok"
    except BaseException:  # the workers report it
        result = traceback.format_exc()
    partial = status.with_suffix(".partial")
    partial.write_text(result)
    partial.rename(status)  # atomically: a worker never reads half of it


if __name__ == "__main__":
    _build(Path(sys.argv[1]))
