"""The demo site as a PostgreSQL template database, so it is built once per test run.

The first pytest-xdist worker to get the lock creates its test database the usual way (migrate,
then `load_demo_content`) and copies it into a template database. Every other worker's test
database is created from that template (Django's documented `TEST["TEMPLATE"]` setting), so it
starts with the demo site already in it; and the alert-worker test, which needs a database of its
own, clones it too. The run's controller drops the template when the run ends.
"""

import fcntl
import os
import uuid
from contextlib import contextmanager
from pathlib import Path

import psycopg
from psycopg import sql


def run_directory(tmp_path_factory, config):
    """A directory shared by this run's xdist workers (and only them)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if hasattr(config, "workerinput") else base


@contextmanager
def locked(directory: Path):
    with open(directory / "demo-template.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def recorded_template(directory: Path) -> str | None:
    path = directory / "demo-template"
    return path.read_text().strip() if path.exists() else None


def record_template(directory: Path, name: str) -> None:
    (directory / "demo-template").write_text(name)


def template_name(settings_dict) -> str:
    base = settings_dict["TEST"].get("NAME") or f"test_{settings_dict['NAME']}"
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID", uuid.uuid4().hex)[:8]
    return f"{base.rsplit('_gw', 1)[0]}_demo_{run}"


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


def create_from(settings_dict, name: str, template: str) -> None:
    with _maintenance(settings_dict) as conn:
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        )


def drop(settings_dict, name: str) -> None:
    with _maintenance(settings_dict) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
