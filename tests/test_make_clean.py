"""`make clean` removes what the build made, and keeps the local database and uploaded media
unless told, in so many words, to delete them."""

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def clean(directory, *args):
    return subprocess.run(
        ["make", "-s", "clean", *args], cwd=directory, capture_output=True, text=True, check=True
    ).stdout


def make_checkout(tmp_path):
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    for built in (".venv", "node_modules", "staticfiles"):
        (tmp_path / built).mkdir()
    (tmp_path / "db.sqlite3").write_text("the editors' content")
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "policy.pdf").write_text("an uploaded document")
    return tmp_path


def test_clean_keeps_the_database_and_media(tmp_path):
    checkout = make_checkout(tmp_path)
    out = clean(checkout)
    assert not any(
        (checkout / built).exists() for built in (".venv", "node_modules", "staticfiles")
    )
    assert (checkout / "db.sqlite3").read_text() == "the editors' content"
    assert (checkout / "media" / "policy.pdf").exists()
    assert "make clean CONFIRM=delete-my-data" in out


def test_clean_deletes_them_only_when_confirmed(tmp_path):
    checkout = make_checkout(tmp_path)
    clean(checkout, "CONFIRM=yes")  # not the words asked for
    assert (checkout / "db.sqlite3").exists()
    out = clean(checkout, "CONFIRM=delete-my-data")
    assert not (checkout / "db.sqlite3").exists() and not (checkout / "media").exists()
    assert "Deleted db.sqlite3 and media/" in out
