"""Backups of the whole site, and restoring them: `manage.py backup` / `manage.py restore`
(`make backup`, `make restore FILE=…`; README, "Backups").

A backup is one .tar.gz file, readable by its owner only (it holds personal data: subscribers'
email addresses, objections), holding in this order:

    manifest.json       format and version, when, the database engine, the migration state,
                        and every other file's path, size and sha256
    database.dump       PostgreSQL, pg_dump's custom format   (or database.sqlite3, SQLite)
    media/…             the uploaded media (MEDIA_ROOT), when they are on this server's disk

The database is dumped before the media are read, so every file the dump refers to is there.
A restore checks the whole archive (manifest, every checksum, the engine, the migrations, the
dump itself) before it changes anything, saves the current database and media as a backup of
their own, then replaces the database (in one transaction, trusthub/core/dumps.py) and the
media (unpacked beside MEDIA_ROOT, then swapped in by renaming), and empties Django's cache.
"""

import datetime
import hashlib
import io
import json
import os
import tarfile
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import DatabaseError, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from . import dumps
from .backup_media import media_files, media_location
from .dumps import BackupError

FORMAT = "trusthub-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media/"
CHUNK = 1024 * 1024


@dataclass
class BackupResult:
    path: Path
    manifest: dict
    size: int
    seconds: float


def human_size(size):
    if size < 1024:
        return f"{size} bytes"
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            return f"{size:.1f} {unit}"


def default_directory():
    return Path(settings.BACKUP_DIR)


def _archive_path(output, label):
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    name = f"trusthub-{stamp}{'-' + label if label else ''}"
    if output is not None and not (Path(output).is_dir() or str(output).endswith(os.sep)):
        path = Path(output)
        if path.exists():
            raise BackupError(f"{path} already exists: choose another file name.")
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        return path
    directory = Path(output) if output is not None else default_directory()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    path, n = directory / f"{name}.tar.gz", 1
    while path.exists():  # two backups in one second: the safety backup of a quick restore
        n += 1
        path = directory / f"{name}-{n}.tar.gz"
    return path


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def migration_summary(connection):
    """Per app, how many migrations the database has applied and the latest one."""
    recorder = MigrationRecorder(connection)
    applied = sorted(recorder.applied_migrations()) if recorder.has_table() else []
    apps = {}
    for app, name in applied:
        apps.setdefault(app, []).append(name)
    return {
        "applied": len(applied),
        "apps": {app: {"applied": len(names), "latest": max(names)} for app, names in apps.items()},
    }


def _dump_database(engine, settings_dict, target):
    """Dump the configured database into `target`; what the manifest says about it."""
    connection = connections["default"]
    if engine == dumps.SQLITE:
        path = dumps.sqlite_path(settings_dict)
        if not path.is_file():  # before Django's connection creates an empty file there
            raise BackupError(f"There is no SQLite database at {path}: nothing to back up.")
        migrations = migration_summary(connection)
        dumps.dump_sqlite(path, target)
        return {"file": target.name, "format": "SQLite database file"}, migrations
    server, tools = postgres_server_and_tools(settings_dict)
    migrations = migration_summary(connection)
    dumps.dump_postgres(settings_dict, tools, target)
    return {
        "file": target.name,
        "format": "pg_dump custom format",
        "server_version": f"{server // 10000}.{server % 10000}",
        "dumped_by": tools.version,
    }, migrations


def postgres_server_and_tools(settings_dict):
    """The server's version number (150018) and client programs that can handle it."""
    connection = connections["default"]
    try:
        connection.ensure_connection()
        server = connection.pg_version
    except DatabaseError as error:
        raise BackupError(
            f"Cannot connect to the {dumps.describe(settings_dict)}: {error}"
        ) from error
    return server, dumps.postgres_tools(server // 10000)


def create_backup(output=None, label=""):
    """Back up the configured database and the local media into one archive."""
    started = time.monotonic()
    settings_dict = connections["default"].settings_dict
    engine = dumps.engine_of(settings_dict)
    media_root, media_note = media_location()
    target = _archive_path(output, label)
    with tempfile.TemporaryDirectory(prefix="trusthub-backup-") as scratch:
        dump = Path(scratch) / dumps.DUMP_FILES[engine]
        database, migrations = _dump_database(engine, settings_dict, dump)
        members = [(dump.name, dump)]
        if media_root is not None:
            members += [(MEDIA + relative, path) for relative, path in media_files(media_root)]
        try:
            files = [
                {"path": name, "size": path.stat().st_size, "sha256": _sha256(path)}
                for name, path in members
            ]
        except OSError as error:  # a media file deleted or unreadable
            raise BackupError(
                f"Reading the media failed ({error}); nothing was written."
            ) from error
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(timespec="seconds"),
            "engine": engine,
            "database": database,
            "migrations": migrations,
            "media": (
                {
                    "included": True,
                    "root": str(media_root),
                    "files": len(files) - 1,
                    "bytes": sum(f["size"] for f in files[1:]),
                }
                if media_root is not None
                else {"included": False, "reason": media_note}
            ),
            "files": files,
        }
        _write_archive(target, manifest, members, files)
    return BackupResult(target, manifest, target.stat().st_size, time.monotonic() - started)


class _Hashing:
    """A file whose bytes are hashed as tarfile reads them."""

    def __init__(self, file):
        self.file, self.digest = file, hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.digest.update(data)
        return data


def _write_archive(target, manifest, members, files):
    """Write the archive beside `target`, mode 0600, and rename it into place when complete."""
    partial = target.with_name(f".{target.name}.partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    mtime = int(time.time())
    try:
        with os.fdopen(descriptor, "wb") as raw:
            with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar:
                data = json.dumps(manifest, indent=2).encode()
                tar.addfile(_member(MANIFEST, len(data), mtime), io.BytesIO(data))
                for (name, path), listed in zip(members, files, strict=True):
                    with open(path, "rb") as file:
                        hashing = _Hashing(file)
                        tar.addfile(_member(name, listed["size"], mtime), hashing)
                    if hashing.digest.hexdigest() != listed["sha256"]:
                        raise OSError(f"{name} changed while it was being read")
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(partial, 0o600)
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise BackupError(
            f"Writing {target} failed ({error}). If a file changed while the backup was "
            "being made (an upload), run the backup again."
        ) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _member(name, size, mtime):
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o600, mtime
    return info


# --- Reading a backup ------------------------------------------------------------------------

ARCHIVE_ERRORS = (tarfile.TarError, EOFError, OSError, zlib.error)


def not_a_backup(path, why):
    return BackupError(f"{path} is not a Trust Hub backup that can be restored: {why}")


def _is_file_entry(entry):
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("path"), str)
        and isinstance(entry.get("size"), int)
        and isinstance(entry.get("sha256"), str)
    )


def _check_manifest(path, manifest):
    """Refuse a manifest this code cannot trust or read, before anything else reads it."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise not_a_backup(path, "its manifest.json is not a Trust Hub backup manifest.")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise not_a_backup(
            path,
            f"it is in format version {version}, newer than this code reads ({FORMAT_VERSION}).",
        )
    files, media = manifest.get("files"), manifest.get("media")
    apps = (manifest.get("migrations") or {}).get("apps")
    try:
        datetime.datetime.fromisoformat(manifest.get("created_at"))
        complete = (
            isinstance(files, list)
            and all(_is_file_entry(entry) for entry in files)
            and manifest.get("engine") in dumps.DUMP_FILES
            and isinstance(media, dict)
            and isinstance(media.get("included"), bool)
            and isinstance(apps, dict)
            and all(isinstance(state.get("latest"), str) for state in apps.values())
        )
    except (TypeError, ValueError, AttributeError):
        complete = False
    if not complete:
        raise not_a_backup(path, "its manifest.json is incomplete.")
    for entry in files:
        parts = PurePosixPath(entry["path"]).parts
        if entry["path"].startswith("/") or ".." in parts or not parts:
            raise not_a_backup(path, f"it names a file outside the backup ({entry['path']}).")
    if dumps.DUMP_FILES[manifest["engine"]] not in {f["path"] for f in files}:
        raise not_a_backup(path, "it holds no database.")


def open_archive(path):
    try:
        return tarfile.open(path, "r:gz")
    except ARCHIVE_ERRORS as error:
        raise not_a_backup(path, f"it is not a readable .tar.gz archive ({error}).") from error


def read_manifest(tar, path):
    try:
        first = tar.next()
        data = tar.extractfile(first).read() if first and first.name == MANIFEST else None
    except ARCHIVE_ERRORS as error:
        raise not_a_backup(path, f"it is not a readable .tar.gz archive ({error}).") from error
    if data is None:
        raise not_a_backup(path, "it does not start with a manifest.json.")
    try:
        manifest = json.loads(data)
    except ValueError as error:
        raise not_a_backup(path, f"its manifest.json is not valid JSON ({error}).") from error
    _check_manifest(path, manifest)
    return manifest


def extract(tar, path, manifest, database_dir, media_dir):
    """Unpack the rest of the archive, checking every file against the manifest: the database
    into `database_dir`, the media into `media_dir` (or only checked, when None)."""
    expected = {f["path"]: f for f in manifest["files"]}
    seen = set()
    try:
        while (member := tar.next()) is not None:  # after the manifest
            listed = expected.get(member.name)
            if listed is None or member.name in seen or not member.isfile():
                raise not_a_backup(
                    path, f"it holds {member.name}, which its manifest does not list."
                )
            seen.add(member.name)
            if member.name.startswith(MEDIA):
                target = media_dir / member.name.removeprefix(MEDIA) if media_dir else None
            else:
                target = database_dir / member.name
            _extract_one(tar, member, listed, target, path)
    except ARCHIVE_ERRORS as error:
        raise BackupError(
            f"{path} is damaged or incomplete ({error}); nothing was changed."
        ) from error
    missing = sorted(set(expected) - seen)
    if missing:
        raise BackupError(
            f"{path} is incomplete: {len(missing)} file(s) its manifest lists are missing "
            f"(such as {missing[0]}); nothing was changed."
        )


def _extract_one(tar, member, listed, target, path):
    digest, size = hashlib.sha256(), 0
    source = tar.extractfile(member)
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") if target is not None else _Discard() as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    if size != listed["size"] or digest.hexdigest() != listed["sha256"]:
        raise BackupError(
            f"{path} is damaged: {member.name} does not match the checksum in its manifest. "
            "Nothing was changed."
        )


class _Discard:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def write(self, data):
        pass


def check_migrations_known(manifest):
    """Refuse a backup made by newer code: this code could not run on its database."""
    on_disk = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = [
        f"{app}.{state['latest']}"
        for app, state in manifest["migrations"]["apps"].items()
        if (app, state["latest"]) not in on_disk
    ]
    if unknown:
        raise BackupError(
            "This backup was made by a newer version of Trust Hub: its database has "
            f"migration(s) this code does not know ({', '.join(sorted(unknown)[:3])}). Restore it "
            "with the version of the code that made it. Nothing was changed."
        )
