"""Uploaded media in backups (trusthub/core/backups.py): where they are, which files, and putting
a restored copy in place."""

import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages


def media_location():
    """(directory, None) when uploaded media are files on this server's disk; (None, why not)
    when they are elsewhere (an S3 bucket), where a backup of this server cannot reach them."""
    storage = storages["default"]
    if isinstance(storage, FileSystemStorage):
        return Path(storage.location), None
    options = settings.STORAGES["default"].get("OPTIONS") or {}
    bucket = options.get("bucket_name") or getattr(storage, "bucket_name", None)
    where = (
        f'the S3 bucket "{bucket}" (MEDIA_S3_BUCKET)'
        if bucket
        else f"{type(storage).__name__} storage"
    )
    return None, (
        f"Uploaded media are stored in {where}, not on this server's disk, so they are not "
        "in this backup. Back the bucket up with the storage provider's own tools "
        "(versioning, replication)."
    )


def media_files(root):
    """(path under media/ in the archive, file) of every regular file under `root`, sorted.
    Symbolic links are not followed: Wagtail never makes them, and a link could point anywhere."""
    found = []
    for directory, subdirectories, names in os.walk(root):
        subdirectories.sort()
        for name in sorted(names):
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                found.append((path.relative_to(root).as_posix(), path))
    return found


def staging_directory(root):
    """An empty directory on the same file system as `root`, to unpack restored media into:
    beside it, or inside it when it is a mount point (which cannot be renamed)."""
    if os.path.ismount(root):
        return Path(tempfile.mkdtemp(prefix=".restoring-", dir=root))
    root.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{root.name}.restoring-", dir=root.parent))
    # mkdtemp's 0700 would hide the restored media from a web server serving them.
    staged.chmod(root.stat().st_mode & 0o7777 if root.is_dir() else 0o755)
    return staged


def swap_in(staged, root, keep_old=False):
    """Make the media directory `root` hold exactly what `staged` holds, by renames.

    The old media are deleted once the new ones are in place, or, with `keep_old` (when they
    could not be saved in a backup first), kept under a new name, which is returned."""
    if os.path.ismount(root):
        old = Path(tempfile.mkdtemp(prefix=".replaced-", dir=root))
        for entry in root.iterdir():
            if entry not in (staged, old):
                os.rename(entry, old / entry.name)
        for entry in staged.iterdir():
            os.rename(entry, root / entry.name)
        staged.rmdir()
    else:
        old = None
        if root.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{root.name}.replaced-", dir=root.parent))
            old.rmdir()
            os.rename(root, old)
        try:
            os.rename(staged, root)
        except OSError:
            if old is not None:
                os.rename(old, root)
            raise
    if old is None or (keep_old and any(p.is_file() for p in old.rglob("*"))):
        return old
    shutil.rmtree(old)
    return None
