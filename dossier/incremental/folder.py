"""The cache's folder: made and marked by dossier, refused when something else holds it, and
locked while a build uses it.

A folder dossier makes for its cache holds a ``CACHEDIR.TAG`` (the Cache Directory Tagging
convention, https://bford.info/cachedir/: backup tools skip the folder) that says dossier made
it. A folder without that marker is used only when it is empty, when the marker is written;
or when it is a cache of an earlier dossier, from before the marker (its ``cache.sqlite`` says
``dossier-cache-N`` and it holds nothing else but the names that version wrote), which is
cleared, with a warning, and marked. Any other folder is refused (``CacheFolderError``): the
cache never writes into, nor deletes from, a folder that holds another program's files.

One build at a time uses a cache folder: the lock is an ``flock`` on its ``lock`` file, held
from the folder's check to the end of the build and inherited by the build's worker processes;
the system lets it go when they all end, however they end (kill -9 included). A second build
waits for it (``cache.LOCK_WAIT``), and then goes on without the cache.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import time
import uuid
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from dossier.errors import DossierError
from dossier.sanitise import one_line

try:
    import fcntl
except ImportError:  # not a POSIX system: builds at once are not kept apart
    fcntl = None  # type: ignore[assignment]

MARKER = "CACHEDIR.TAG"
MARKER_TEXT = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by dossier: the folder is its build cache.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n"
)
LOCK_NAME = "lock"
LOCK_POLL = 0.1
DB_NAME = "cache.sqlite"
DB_FILES = (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", DB_NAME + "-journal")
INDEX_DIR = "index"
FILES_DIR = "files"
TEMP_PREFIX = "tmp-"  # a folder or file being written, then renamed into place: "tmp-<pid>-..."
OURS = re.compile(rf"[0-9a-f]{{64}}(\.[a-z]+)?|{TEMP_PREFIX}\d+-[0-9a-f]+(-old)?")
"""The names dossier gives the files and folders it writes under ``files/`` and ``index/``: a
64-digit key (a rendered output's with its format) or a temporary name."""
LEGACY_NAMES = frozenset({*DB_FILES, FILES_DIR, INDEX_DIR})
"""What a cache folder held before the marker."""

Warn = Callable[[str], None]


class CacheFolderError(DossierError):
    """The cache folder holds files that dossier did not write: it is not used."""


class Found(Enum):
    """What a cache folder holds before a build uses it."""

    NOTHING = "no folder"
    EMPTY = "an empty folder"
    CACHE = "a folder dossier marked"
    LEGACY = "a cache of a dossier from before the marker"


def examine(folder: Path) -> Found:
    """What ``folder`` holds; raises ``CacheFolderError`` when it is not dossier's (an
    ``OSError`` when it cannot be looked at)."""
    try:
        names = {entry.name for entry in os.scandir(folder)}
    except FileNotFoundError:
        return Found.NOTHING
    except NotADirectoryError:
        raise _refused(folder, "is a file, not a folder") from None
    if MARKER in names and _is_marker(folder / MARKER):
        return Found.CACHE
    names -= {LOCK_NAME}
    names = {name for name in names if not name.startswith(f"{MARKER}.{TEMP_PREFIX}")}
    if not names:
        return Found.EMPTY
    if names <= LEGACY_NAMES and _legacy_schema(folder) is not None:
        return Found.LEGACY
    raise _refused(folder, f"holds files that dossier did not write (no {MARKER} of dossier's)")


def _refused(folder: Path, why: str) -> CacheFolderError:
    return CacheFolderError(
        f"{one_line(str(folder))}: this {why}, so it is not used as the build cache; give "
        "--cache-dir a new or empty folder, or use --no-cache."
    )


def _is_marker(path: Path) -> bool:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read(len(MARKER_TEXT) + 1) == MARKER_TEXT
    except OSError:
        return False


def _legacy_schema(folder: Path) -> str | None:
    """The schema a cache of an earlier dossier says it has (``dossier-cache-N``), if it is one."""
    path = folder / DB_NAME
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    if row is not None and isinstance(row[0], str) and row[0].startswith("dossier-cache-"):
        return row[0]
    return None


def make(folder: Path) -> None:
    """Make ``folder`` with its marker in one step: a marked folder made beside it is renamed
    into place (when another build made it meanwhile, that one is kept)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    temp = folder.with_name(f".{folder.name}.{TEMP_PREFIX}{os.getpid()}-{uuid.uuid4().hex}")
    temp.mkdir()
    try:
        (temp / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        os.rename(temp, folder)
    except OSError:
        shutil.rmtree(temp, ignore_errors=True)
        if not folder.is_dir():
            raise


def mark(folder: Path) -> None:
    """Write the marker into ``folder`` (empty, or cleared), under a temporary name first."""
    temp = folder / f"{MARKER}.{TEMP_PREFIX}{os.getpid()}-{uuid.uuid4().hex}"
    try:
        temp.write_text(MARKER_TEXT, encoding="utf-8")
        os.replace(temp, folder / MARKER)
    finally:
        temp.unlink(missing_ok=True)


def clear(folder: Path) -> None:
    """Remove what dossier writes in its cache folder: the database, and the files and folders
    under ``files/`` and ``index/`` named as it names them (anything else is left)."""
    for name in DB_FILES:
        with contextlib.suppress(OSError):
            (folder / name).unlink()
    for root in (folder / FILES_DIR, folder / INDEX_DIR):
        for entry in _entries(root):
            if entry.is_dir(follow_symlinks=False):
                for inner in _entries(Path(entry.path)):
                    remove_entry(inner)
                with contextlib.suppress(OSError):
                    os.rmdir(entry.path)
        for entry in _entries(root):
            remove_entry(entry)
        with contextlib.suppress(OSError):
            os.rmdir(root)


def remove_entry(entry: os.DirEntry[str]) -> None:
    """Remove a file or folder dossier wrote (one named as it names them); leave any other."""
    if not OURS.fullmatch(entry.name):
        return
    if entry.is_dir(follow_symlinks=False):
        shutil.rmtree(entry.path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            os.unlink(entry.path)


def _entries(root: Path) -> list[os.DirEntry[str]]:
    try:
        return list(os.scandir(root))
    except OSError:
        return []


class Lock:
    """The lock on a cache folder, held by one build at a time (see the module's docstring)."""

    def __init__(self, fd: int) -> None:
        self._fd: int | None = fd

    @classmethod
    def take(cls, folder: Path, wait: float, waiting: Callable[[], None]) -> Lock | None:
        """The lock on ``folder``: at once, or after telling ``waiting`` and waiting up to
        ``wait`` seconds for the build that holds it (None: it is still held)."""
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(folder / LOCK_NAME, flags, 0o644)  # (a link planted there is not followed)
        if fcntl is None:
            return cls(fd)
        deadline = None
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return cls(fd)
            except BlockingIOError:
                if deadline is None:
                    waiting()
                    deadline = time.monotonic() + wait
                if time.monotonic() >= deadline:
                    os.close(fd)
                    return None
                time.sleep(LOCK_POLL)
            except OSError:
                os.close(fd)
                raise

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                if fcntl is not None:  # let go even where a worker still has the descriptor
                    fcntl.flock(self._fd, fcntl.LOCK_UN)
                os.close(self._fd)
            self._fd = None
