"""The database half of a backup (trusthub/core/backups.py builds the archive around it).

PostgreSQL: `pg_dump --format=custom --no-owner --no-privileges`. A restore first turns the dump
into SQL with `pg_restore` (which proves the whole dump is readable before anything changes),
then runs that SQL with `psql` in one transaction, after dropping the `public` schema: the
database ends exactly as it was backed up (tables and rows added since are gone too) or, on any
error, exactly as it was before. The three programs come from one directory: the one `pg_dump`
is found in on PATH, else the newest /usr/lib/postgresql/*/bin (as scripts/system-packages.sh
finds the server), and their major version must be at least the server's.

SQLite: SQLite's online backup API, which copies a consistent snapshot of a database even while
the site is using it; a restore copies back the same way, in one transaction of the destination
file (atomic, and safe beside open connections and a write-ahead log, unlike a file copy).
"""

import glob
import os
import re
import shutil
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

POSTGRESQL, SQLITE = "postgresql", "sqlite"
ENGINES = {"django.db.backends.postgresql": POSTGRESQL, "django.db.backends.sqlite3": SQLITE}
ENGINE_NAMES = {POSTGRESQL: "PostgreSQL", SQLITE: "SQLite"}
DUMP_FILES = {POSTGRESQL: "database.dump", SQLITE: "database.sqlite3"}

PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"
PG_PROGRAMS = ("pg_dump", "pg_restore", "psql")
# How long a restore waits for app servers or the task worker to let go of a table.
LOCK_TIMEOUT = "60s"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why, and what to do."""


def engine_of(settings_dict):
    engine = ENGINES.get(settings_dict["ENGINE"])
    if engine is None:
        raise BackupError(
            "Backups cover PostgreSQL and SQLite databases; the configured database uses "
            f"{settings_dict['ENGINE']}."
        )
    return engine


def describe(settings_dict):
    """The configured database, in words: `PostgreSQL database "x" on host:port`."""
    if engine_of(settings_dict) == SQLITE:
        return f"SQLite database {sqlite_path(settings_dict)}"
    where = settings_dict.get("HOST") or "the local socket"
    if settings_dict.get("PORT"):
        where += f":{settings_dict['PORT']}"
    return f'PostgreSQL database "{settings_dict["NAME"]}" on {where}'


def _run(args, what, env=None):
    """Run a program; its output, or a BackupError with what it said."""
    try:
        done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    except OSError as error:
        raise BackupError(f"{what} could not be started: {error}.") from error
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip()
        raise BackupError(f"{what} failed: {said or f'exit status {done.returncode}'}")
    return done.stdout


# --- PostgreSQL ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PostgresTools:
    directory: Path
    version: str  # what `pg_dump --version` says

    def __getitem__(self, program):
        return str(self.directory / program)


def _candidate_directories():
    directories = []
    on_path = shutil.which("pg_dump")
    if on_path:
        directories.append(Path(on_path).parent)

    def version(path):
        name = Path(path).parent.name
        return int(name) if name.isdigit() else -1

    directories += [Path(p) for p in sorted(glob.glob(PG_BIN_GLOB), key=version, reverse=True)]
    return list(dict.fromkeys(directories))


def postgres_tools(server_major):
    """pg_dump, pg_restore and psql of one directory, at least the server's major version."""
    found = []
    for directory in _candidate_directories():
        if not all(os.access(directory / program, os.X_OK) for program in PG_PROGRAMS):
            continue
        try:
            said = _run([str(directory / "pg_dump"), "--version"], "pg_dump --version").strip()
        except BackupError:
            continue
        match = re.search(r"\(PostgreSQL\) (\d+)", said)
        major = int(match.group(1)) if match else 0
        found.append(f"{directory / 'pg_dump'} is version {major}")
        if major >= server_major:
            return PostgresTools(directory, said)
    if not found:
        raise BackupError(
            "pg_dump, pg_restore and psql were not found, on PATH or in "
            f"{PG_BIN_GLOB}. Install the PostgreSQL client programs, version {server_major} "
            f"or later (Debian: apt-get install postgresql-client-{server_major})."
        )
    raise BackupError(
        f"The PostgreSQL server is version {server_major}, and an older pg_dump cannot back "
        f"it up ({'; '.join(found)}). Install postgresql-client-{server_major} or later."
    )


def postgres_environment(settings_dict):
    """The environment for libpq's programs: the connection of the DATABASES setting."""
    options = settings_dict.get("OPTIONS") or {}
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
        "PGSERVICE": options.get("service"),
        "PGPASSFILE": options.get("passfile"),
        "PGSSLMODE": options.get("sslmode"),
        "PGSSLROOTCERT": options.get("sslrootcert"),
        "PGSSLCERT": options.get("sslcert"),
        "PGSSLKEY": options.get("sslkey"),
    }
    env = {**os.environ, "PGCONNECT_TIMEOUT": os.environ.get("PGCONNECT_TIMEOUT", "10")}
    env.update({name: str(value) for name, value in values.items() if value not in (None, "")})
    return env


def dump_postgres(settings_dict, tools, target):
    _run(
        [tools["pg_dump"], "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"],
        "pg_dump",
        env=postgres_environment(settings_dict),
    )


def prepare_postgres(tools, dump, script):
    """Turn the dump into the SQL a restore runs; this reads the whole dump, so a damaged one
    is refused before anything changes. (The SQL never creates the schema `public`: pg_restore
    leaves that to initdb, and `load_postgres` to its preamble.)"""
    _run(
        [tools["pg_restore"], "--no-owner", "--no-privileges", f"--file={script}", str(dump)],
        "Reading the database dump",
    )


def load_postgres(settings_dict, tools, script):
    """Replace everything in the schema `public` with the script's, in one transaction."""
    preamble = (
        f"SET lock_timeout = '{LOCK_TIMEOUT}'; SET client_min_messages = warning; "
        "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"
    )
    args = [tools["psql"], "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction"]
    try:
        _run(
            # ANALYZE: fresh planner statistics, as after any bulk load (pg_restore's advice).
            [*args, "-c", preamble, "-f", str(script), "-c", "ANALYZE"],
            "Restoring the database",
            env=postgres_environment(settings_dict),
        )
    except BackupError as error:
        if "lock timeout" in str(error):
            raise BackupError(
                f"The database is in use and stayed locked for {LOCK_TIMEOUT}: stop the app "
                "servers, the task worker and the scheduler, then run the restore again. "
                "Nothing was changed."
            ) from error
        raise BackupError(f"{error}\nThe restore was rolled back: nothing was changed.") from error


# --- SQLite --------------------------------------------------------------------------------


def sqlite_path(settings_dict):
    name = str(settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:"):
        raise BackupError(f"The SQLite database {name!r} is not a file that can be backed up.")
    return Path(name).resolve()


def _read_only(path):
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=30)


def dump_sqlite(path, target):
    if not path.is_file():
        raise BackupError(f"There is no SQLite database at {path}: nothing to back up.")
    try:
        with closing(_read_only(path)) as source, closing(sqlite3.connect(target)) as copy:
            source.backup(copy)
    except sqlite3.Error as error:
        raise BackupError(f"The SQLite database {path} could not be read: {error}.") from error


def check_sqlite(copy):
    """Refuse a damaged database file before anything is replaced."""
    try:
        with closing(_read_only(copy)) as database:
            result = database.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.Error as error:
        result = str(error)
    if result != "ok":
        raise BackupError(f"The database in the backup is damaged ({result}): nothing was changed.")


def load_sqlite(copy, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with closing(_read_only(copy)) as source, closing(sqlite3.connect(path, timeout=30)) as db:
            source.backup(db)
    except sqlite3.Error as error:
        raise BackupError(
            f"Restoring the SQLite database {path} failed ({error}); it was rolled back, "
            "nothing was changed. If the site is running (make run), stop it and try again."
        ) from error
