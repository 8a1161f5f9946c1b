"""Backups (`manage.py backup` / `restore`, `make backup` / `make restore FILE=…`) bring back
everything: every page, revision, snippet, workflow state and uploaded document, and public
pages byte for byte. A damaged or mismatched archive is refused before anything changes.

pg_dump cannot see a test's rolled-back transaction, so the PostgreSQL round trip runs on a
database of its own (a copy of the run's demo template, tests/database.py), through
`manage.py` in child processes, like the site itself. The SQLite round trip builds its
database from the models (running every migration on SQLite takes ten seconds) and goes
through the make targets.
"""

import difflib
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db.migrations.loader import MigrationLoader
from wagtail.models import Page

from tests import database
from tests.backup_scripts import EDITS, NO_MIGRATIONS, SNAPSHOT, SQLITE_SITE

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE_NAME = re.compile(r"trusthub-\d{8}-\d{6}\.tar\.gz")


def run(args, env, check=True):
    done = subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180, check=False
    )
    if check:
        assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done


def manage(env, *args, check=True):
    return run([sys.executable, "manage.py", *args], env, check=check)


def snapshot(env, path, before=""):
    """The SNAPSHOT of the site, after running the code `before` in the same process."""
    manage({**env, "SNAPSHOT_OUT": str(path)}, "shell", "-c", before + SNAPSHOT)
    return json.loads(path.read_text())


def manifest_of(archive):
    with tarfile.open(archive, "r:gz") as tar:
        assert tar.getnames()[0] == "manifest.json"
        return json.load(tar.extractfile("manifest.json")), tar.getnames()


def only_archive(directory, pattern="trusthub-*.tar.gz"):
    [archive] = directory.glob(pattern)
    return archive


def render_time(body):
    """The register export says when it was rendered (`generated_at`): the one part of a
    public response that is the time of the request, not the content."""
    return re.sub(r'"generated_at": "[^"]+"', '"generated_at": "…"', body)


def assert_same_site(after, before):
    assert sorted(after["rows"]) == sorted(before["rows"])
    for label, rows in before["rows"].items():
        assert after["rows"][label] == rows, f"{label} differs after the restore"
    assert after["files"] == before["files"]
    assert list(after["pages"]) == list(before["pages"])
    for url, page in before["pages"].items():
        status, content_type, body = after["pages"][url]
        assert [status, content_type] == page[:2], url
        if render_time(body) != render_time(page[2]):
            diff = difflib.unified_diff(page[2].splitlines(), body.splitlines(), lineterm="")
            pytest.fail(f"{url} differs after the restore:\n" + "\n".join(list(diff)[:40]))


@pytest.fixture
def site_database(django_db_setup, settings):
    """A PostgreSQL database of its own with the demo site in it, dropped afterwards."""
    name = f"backup_{uuid.uuid4().hex[:10]}"
    cluster = settings.DATABASES["default"]
    database.create_from(cluster, name, template=django_db_setup)
    url = urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}"))
    yield cluster, name, url
    database.drop(cluster, name)


def site_env(tmp_path, database_url):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "trusthub.settings.dev",
        "DATABASE_URL": database_url,
        "CACHE_URL": "db://trusthub_cache",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "BACKUP_DIR": str(tmp_path / "backups"),
        "ALLOWED_HOSTS": "testserver",
    }


def test_postgresql_round_trip_brings_back_everything_byte_for_byte(site_database, tmp_path):
    cluster, name, url = site_database
    env = site_env(tmp_path, url)
    media, backups = tmp_path / "media", tmp_path / "backups"
    before = snapshot(env, tmp_path / "before.json", before=EDITS)

    # The editors' work is there, drafts and all, and no draft is public.
    with psycopg.connect(url) as conn:
        states = conn.execute("SELECT status FROM wagtailcore_workflowstate").fetchall()
        assert states == [("in_progress",)]  # submitted for DPO approval, not yet approved
        assert conn.execute("SELECT count(*) FROM trusthub_cache").fetchone()[0] > 0
    assert len(before["rows"]["wagtaildocs.Document"]) == 1 and len(before["files"]) == 1
    assert "republished before the backup" in before["pages"]["/products/pupil-progress/"][2]
    public = "".join(page[2] for page in before["pages"].values())
    assert "DRAFT-ONLY" not in public and "AWAITING-APPROVAL" not in public
    assert "Backup test notice" in before["pages"]["/subprocessors/changes/feed.atom"][2]

    done = manage(env, "backup")
    archive = only_archive(backups)
    assert ARCHIVE_NAME.fullmatch(archive.name)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600  # it holds personal data
    assert f"Backup written to {archive}" in done.stdout
    manifest, names = manifest_of(archive)
    assert manifest["engine"] == "postgresql" and manifest["format_version"] == 1
    assert manifest["migrations"]["apps"]["wagtailcore"]["applied"] > 0
    [document] = [n for n in names if n.startswith("media/documents/")]
    assert names == ["manifest.json", "database.dump", document]
    assert {f["path"] for f in manifest["files"]} == {"database.dump", document}

    # Restoring over a database that has changed since: extra tables and rows, rows deleted,
    # an extra media file. It ends exactly as backed up; the changed state is saved first.
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE stray (note text); INSERT INTO stray VALUES ('added')")
        conn.execute("DELETE FROM subprocessors_subscriber")
        conn.execute("UPDATE wagtailcore_page SET title = 'Changed after the backup'")
    (media / "documents" / "stray.txt").write_text("uploaded after the backup")
    done = manage(env, "restore", str(archive))
    [saved] = re.findall(r"first, in (\S+) \(", done.stdout)
    assert f"make restore FILE={saved}" in done.stdout
    assert stat.S_IMODE(Path(saved).stat().st_mode) == 0o600
    assert "stray.txt" in str(manifest_of(saved)[1])
    assert not (media / "documents" / "stray.txt").exists()
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT to_regclass('public.stray')").fetchone() == (None,)
        assert conn.execute("SELECT count(*) FROM subprocessors_subscriber").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM trusthub_cache").fetchone() == (0,)
        changed = "SELECT count(*) FROM wagtailcore_page WHERE title = 'Changed after the backup'"
        assert conn.execute(changed).fetchone() == (0,)

    # Disaster: the database and the media are gone. The restore brings back everything.
    database.drop(cluster, name)
    database.create_from(cluster, name)
    shutil.rmtree(media)
    done = manage(env, "restore", str(archive))
    assert "Restore complete" in done.stdout
    assert_same_site(snapshot(env, tmp_path / "after.json"), before)


def sqlite_content(path):
    """Every table's schema and rows (the cache's rows aside: a restore empties the cache)."""
    with sqlite3.connect(path) as conn:
        return [line for line in conn.iterdump() if not line.startswith('INSERT INTO "trusthub_')]


def media_content(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_sqlite_round_trip_through_make(tmp_path, django_db_blocker):
    db, media = tmp_path / "db.sqlite3", tmp_path / "media"
    (tmp_path / "no_migrations.py").write_text(NO_MIGRATIONS)
    env = {**site_env(tmp_path, f"sqlite:///{db}"), "PYTHONPATH": f"{tmp_path}:{ROOT}"}
    manage({**env, "DJANGO_SETTINGS_MODULE": "no_migrations"}, "shell", "-c", SQLITE_SITE)
    # wagtail-localize's first migration looks at the database as it is imported.
    with django_db_blocker.unblock():
        migrations = sorted(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    with sqlite3.connect(db) as conn:  # recorded as migrated, as `migrate` would have
        conn.executemany(
            "INSERT INTO django_migrations (app, name, applied) VALUES (?, ?, datetime())",
            migrations,
        )
    before, media_before = sqlite_content(db), media_content(media)
    assert len(media_before) == 1 and any("wagtailcore_revision" in x for x in before)

    usage = run(["make", "-s", "restore"], env, check=False)
    assert usage.returncode != 0
    assert "Usage: make restore FILE=backups/trusthub-" in usage.stdout + usage.stderr

    done = run(["make", "-s", "backup"], env)
    archive = only_archive(tmp_path / "backups")
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert "Database: SQLite" in done.stdout
    assert manifest_of(archive)[0]["engine"] == "sqlite"

    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM wagtailcore_revision")
        conn.execute("CREATE TABLE stray (note text)")
    shutil.rmtree(media)
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "other.pdf").write_bytes(b"not the backed-up file")

    done = run(["make", "-s", "restore", f"FILE={archive}"], env)
    assert "Restore complete" in done.stdout
    assert sqlite_content(db) == before
    assert media_content(media) == media_before
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM trusthub_cache").fetchone() == (0,)
    [saved] = (tmp_path / "backups").glob("*-before-restore.tar.gz")
    assert "media/documents/other.pdf" in manifest_of(saved)[1]


# --- Refusals: checked before anything changes (in this process, on the test's database) ----


@pytest.fixture
def local_site(demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BACKUP_DIR = tmp_path / "backups"
    (tmp_path / "media" / "documents").mkdir(parents=True)
    (tmp_path / "media" / "documents" / "kept.pdf").write_bytes(b"the current document")
    return tmp_path


def rewrite(source, target, change):
    """A copy of the archive `source` with `change(name, data)` applied to each member (it
    returns the new (name, data), or None to leave the member out)."""
    with tarfile.open(source, "r:gz") as old, tarfile.open(target, "w:gz") as new:
        for member in old.getmembers():
            changed = change(member.name, old.extractfile(member).read())
            if changed:
                info = tarfile.TarInfo(changed[0])
                info.size = len(changed[1])
                new.addfile(info, io.BytesIO(changed[1]))
    return target


def with_manifest(edit, files=None):
    """A `rewrite` change that edits the manifest, and replaces the files in `files`."""

    def change(name, data):
        if name == "manifest.json":
            manifest = json.loads(data)
            edit(manifest)
            return name, json.dumps(manifest).encode()
        if files and name in files:
            return files[name]
        return name, data

    return change


def sqlite_backup(manifest):
    manifest["engine"] = "sqlite"
    manifest["files"][0]["path"] = "database.sqlite3"


def garbage_dump(manifest):
    manifest["files"][0].update(size=7, sha256=hashlib.sha256(b"garbage").hexdigest())


def newer_code(manifest):
    manifest["migrations"]["apps"]["wagtailcore"]["latest"] = "9999_from_the_future"


def test_a_damaged_or_mismatched_backup_is_refused_and_nothing_changes(local_site):
    call_command("backup", stdout=io.StringIO())
    good = only_archive(local_site / "backups")
    pages = Page.objects.count()
    truncated = local_site / "truncated.tar.gz"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    flipped = {"database.dump": ("database.dump", b"x" * 1000)}
    cases = {
        truncated: "is damaged or incomplete",
        rewrite(good, local_site / "flipped.tar.gz", with_manifest(lambda m: m, flipped)): (
            "database.dump does not match the checksum in its manifest"
        ),
        rewrite(
            good, local_site / "no-manifest.tar.gz", lambda n, d: n != "manifest.json" and (n, d)
        ): "does not start with a manifest.json",
        rewrite(
            good,
            local_site / "sqlite.tar.gz",
            with_manifest(sqlite_backup, {"database.dump": ("database.sqlite3", b"")}),
        ): "is a backup of a SQLite database, but the configured database is the PostgreSQL",
        rewrite(
            good,
            local_site / "garbage.tar.gz",
            with_manifest(garbage_dump, {"database.dump": ("database.dump", b"garbage")}),
        ): "The backup's database cannot be read: nothing was changed.",
        rewrite(good, local_site / "newer.tar.gz", with_manifest(newer_code)): (
            "made by a newer version of Trust Hub"
        ),
        local_site / "missing.tar.gz": "There is no backup at",
    }
    for archive, message in cases.items():
        with pytest.raises(CommandError) as refused:
            call_command("restore", str(archive), stdout=io.StringIO())
        assert message in str(refused.value), archive.name
        # Nothing changed, and nothing was saved: the restore never began.
        assert list((local_site / "backups").iterdir()) == [good]
        assert media_content(local_site / "media") == {
            "documents/kept.pdf": b"the current document"
        }
        assert Page.objects.count() == pages
    assert sorted(p.name for p in local_site.iterdir() if p.name.startswith(".")) == []


def test_media_on_s3_are_declared_not_backed_up(local_site, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": "trusthub-media"},
        },
    }
    out = io.StringIO()
    call_command("backup", stdout=out)
    assert 'Media: not included. Uploaded media are stored in the S3 bucket "trusthub-media"' in (
        out.getvalue()
    )
    manifest, names = manifest_of(only_archive(local_site / "backups"))
    assert manifest["media"]["included"] is False
    assert names == ["manifest.json", "database.dump"]


def test_make_clean_keeps_backups(tmp_path):
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "backups").mkdir()
    (tmp_path / "backups" / "trusthub-20250101-120000.tar.gz").write_bytes(b"a backup")
    for confirm in ([], ["CONFIRM=delete-my-data"]):
        subprocess.run(
            ["make", "-s", "clean", *confirm], cwd=tmp_path, check=True, capture_output=True
        )
        assert (
            tmp_path / "backups" / "trusthub-20250101-120000.tar.gz"
        ).read_bytes() == b"a backup"
