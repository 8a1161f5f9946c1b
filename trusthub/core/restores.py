"""Restoring a backup made by `manage.py backup` (trusthub/core/backups.py describes the archive).

Nothing changes until the whole archive has been checked: its manifest, every file's checksum,
that its database engine is the configured one, that this code knows its migrations, and that
the database dump itself reads. Then the current database and media are saved as a backup of
their own (so a restore never loses anything: restoring that one undoes it), the database is
replaced in one transaction, the media directory is swapped for the backup's, and every cache
is emptied (the register version and the pages kept under it, trusthub's cache, may be newer
than the restored content).
"""

import datetime
import shutil
import tempfile
import time
from pathlib import Path

from django.core.cache import caches
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from . import dumps
from .backup_media import media_location, staging_directory, swap_in
from .backups import (
    MEDIA,
    check_migrations_known,
    create_backup,
    default_directory,
    extract,
    human_size,
    open_archive,
    postgres_server_and_tools,
    read_manifest,
)
from .dumps import ENGINE_NAMES, BackupError


def restore_backup(path, say, warn):
    """Restore the backup at `path` into the configured database and media directory.
    `say` and `warn` report each step as it is done (a line of text each)."""
    started = time.monotonic()
    path = Path(path)
    settings_dict = connections["default"].settings_dict
    engine = dumps.engine_of(settings_dict)
    if not path.is_file():
        raise BackupError(
            f"There is no backup at {path}. Backups are written to {default_directory()} "
            "unless you chose another place; give the path of one, e.g. "
            "make restore FILE=backups/trusthub-20250101-120000.tar.gz"
        )
    media_root, _ = media_location()
    with (
        open_archive(path) as tar,
        tempfile.TemporaryDirectory(prefix="trusthub-restore-") as scratch,
    ):
        manifest = read_manifest(tar, path)
        if manifest["engine"] != engine:
            raise BackupError(
                f"{path} is a backup of a {ENGINE_NAMES[manifest['engine']]} database, but the "
                f"configured database is the {dumps.describe(settings_dict)}. Restore it into a "
                f"{ENGINE_NAMES[manifest['engine']]} database (DATABASE_URL, README "
                '"Backups"). Nothing was changed.'
            )
        check_migrations_known(manifest)
        media = manifest["media"]
        staged = staging_directory(media_root) if media["included"] and media_root else None
        try:
            extract(tar, path, manifest, Path(scratch), staged)
            prepared = _prepare(engine, settings_dict, Path(scratch) / dumps.DUMP_FILES[engine])
            say(f"Checked {path}: {_summary(manifest)}. Every file matches its checksum.")
            saved = _save_current(engine, settings_dict, say)
            connections.close_all()
            _load(engine, settings_dict, prepared)
            say(f"Restored the {dumps.describe(settings_dict)}.")
            if staged is not None:
                kept, staged = _swap_media(staged, media_root, saved), None
                say(f"Restored {_media_files(manifest)[0]} media file(s) to {media_root}.")
                if kept:
                    warn(f"The media that were there before are kept in {kept}.")
        except _MediaNotSwapped:
            staged = None  # the database is restored: the media are left for a manual move
            raise
        finally:
            if staged is not None:
                shutil.rmtree(staged, ignore_errors=True)
    if not media["included"]:
        warn(
            f"This backup holds no media ({media.get('reason', 'they were not on disk')}); "
            "the media here were left as they are."
        )
    elif media_root is None:
        warn(
            "Uploaded media are not stored on this server's disk (MEDIA_S3_BUCKET is set), so "
            f"the backup's {_media_files(manifest)[0]} media file(s) were not restored. To copy "
            f"them to the bucket: tar -xzf {path} media/ and upload that folder's contents."
        )
    for failed in clear_caches():
        warn(
            f"The cache {failed} could not be emptied, so pages cached before the restore may "
            "still be served: empty it (restart Redis, or run `python manage.py shell -c "
            '"from django.core.cache import cache; cache.clear()"`).'
        )
    pending = pending_migrations()
    if pending:
        warn(
            f"The restored database is {pending} migration(s) behind this code: run "
            "`python manage.py migrate` now (make run does it when it starts)."
        )
    return time.monotonic() - started


def _media_files(manifest):
    """How many media files the backup holds, and their size in all."""
    sizes = [f["size"] for f in manifest["files"] if f["path"].startswith(MEDIA)]
    return len(sizes), sum(sizes)


def _summary(manifest):
    made = timezone.localtime(datetime.datetime.fromisoformat(manifest["created_at"]))
    count, size = _media_files(manifest)
    files = (
        f"{count} media file(s), {human_size(size)}"
        if manifest["media"]["included"]
        else "no media"
    )
    return (
        f"a {ENGINE_NAMES[manifest['engine']]} backup made on "
        f"{made:%d %B %Y at %H:%M}, with {files}"
    )


def _prepare(engine, settings_dict, dump):
    """Check the database in the backup reads, before anything changes."""
    if engine == dumps.SQLITE:
        dumps.check_sqlite(dump)
        return dump
    _, tools = postgres_server_and_tools(settings_dict)
    script = dump.with_suffix(".sql")
    try:
        dumps.prepare_postgres(tools, dump, script)
    except BackupError as error:
        raise BackupError(
            f"{error}\nThe backup's database cannot be read: nothing was changed."
        ) from error
    return tools, script


def _save_current(engine, settings_dict, say):
    if engine == dumps.SQLITE and not dumps.sqlite_path(settings_dict).is_file():
        say(f"There is no database at {dumps.sqlite_path(settings_dict)} yet: nothing to save.")
        return None
    try:
        saved = create_backup(label="before-restore")
    except BackupError as error:
        raise BackupError(
            f"Saving the current content before restoring failed, so nothing was changed: {error}"
        ) from error
    say(
        f"Saved the current database and media first, in {saved.path} "
        f"({human_size(saved.size)}). To undo this restore: make restore FILE={saved.path}"
    )
    return saved


def _load(engine, settings_dict, prepared):
    if engine == dumps.SQLITE:
        dumps.load_sqlite(prepared, dumps.sqlite_path(settings_dict))
    else:
        dumps.load_postgres(settings_dict, *prepared)


def _swap_media(staged, media_root, saved):
    try:
        return swap_in(staged, media_root, keep_old=saved is None)
    except OSError as error:
        # Kept for the person restoring: `restore_backup` deletes `staged` only on other errors.
        raise _MediaNotSwapped(
            f"The database was restored, but the media could not be put in place ({error}). "
            f"The backup's media are unpacked in {staged}: move them to {media_root} by hand."
        ) from error


class _MediaNotSwapped(BackupError):
    pass


def clear_caches():
    """Empty every configured cache; those that could not be emptied, and why."""
    failed = []
    for alias in caches.settings:
        try:
            caches[alias].clear()
        except Exception as error:  # any backend's own error (database, Redis): reported
            failed.append(f"{alias!r} ({error})")
    return failed


def pending_migrations():
    """How many of this code's migrations the restored database has not applied."""
    loader = MigrationLoader(connections["default"], ignore_no_migrations=True)
    graph = loader.graph
    needed = {node for leaf in graph.leaf_nodes() for node in graph.forwards_plan(leaf)}
    return len(needed - set(loader.applied_migrations))
