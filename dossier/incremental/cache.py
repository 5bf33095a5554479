"""The build cache: what a build computed, kept so that the next build redoes only what changed.

Where: ``.dossier/cache/`` beside the claims file (``dossier build --cache-dir`` moves it,
``--no-cache`` bypasses it). It holds one SQLite file, ``cache.sqlite``, the values of the tables
that grow to tens of megabytes (``FILE_TABLES``: states, corpora, outputs, rendered) as one file
per key under ``files/`` (each recorded by a row of its table), the tantivy index of the current
corpus under ``index/`` (recorded in ``indexes``), its marker ``CACHEDIR.TAG`` and ``lock``.

What is kept, and under which key (every key starts with the *code version*, a hash of the bytes
of every ``dossier/*.py`` file, so any change to the judge invalidates everything it computed):

* **documents**: per article, its segmentation (paragraphs, sentences) and the analysed keys of
  its sentences and names. Key: code version, the furniture rules, the alias table and the
  article's sha256. Editing one article re-segments and re-analyses that article only.
* **states**: per corpus state (code version, alias table, furniture rules and every article's
  path and sha256, in order), the corpus-wide statistics the judge reads (each article's names,
  how the corpus describes names; how rare each word is, the index itself tells), the
  segmentation as columns (``models.Passages``, ``models.Paragraphs``), each article's profile
  row, and the tantivy index built over it. A
  state seen before is read back whole, without any article's analysis. When the state is new
  and few articles changed since the last one (``prepare.DERIVE_SHARE``), it is derived from
  that one: the unchanged articles' rows are copied and its index is patched in a copy
  (``index.PassageIndex.replace``; retrieval scores from the live passages alone, so a patched
  index ranks as one written afresh). Otherwise it is folded from the cached documents, one
  article at a time. Either way, it is exactly what a cold build gives.
* **outputs**: the rendered JSON and HTML of a report (with the figures the command line
  prints), under the report's key (the bytes of the claims file and every article's path,
  sha256 and metadata), the formats and ``render.output.output_version`` (the templates and the
  libraries that render): when the corpus stamp says nothing changed, they are written again
  as they are, or left as they are when the output folder still holds them. The files
  themselves are **rendered**: hard links to the files the build wrote (``Cache.keep_file``;
  copies where the output folder is on another file system), found again only while their
  inode, size and modification time are those recorded.
* **stamps**: which report a corpus folder holds, under its files' sizes, inodes and
  modification and change times (``corpus.corpus_stamp``) and the claims file's bytes: when no
  file was written since, the articles are not even read.
* **corpora**: the corpus folder as read (every article's path, sha256 and metadata, the titles
  its headings gave, the furniture patterns and what reading it said), under the folder's stamp
  alone: when only the claims changed, no article is read but those whose sentences are judged
  (``corpus.UnreadDocument``). And, under the folder's path, the last reading with each
  article's size, inode, modification and change time (for files old enough to trust): after
  an edit, only the files written since are read and hashed.
* **judged**: per claim, its judgment: the evidence as the JSON output writes it, the verdict,
  its explanation and the cited articles. Key: code version and what the judgment reads
  (``Matcher.judgment_inputs``): the alias table and furniture rules, the claim's text, the
  weight (idf, to two decimals) of each word its analysis looked up, its candidate sentences
  (article and place) with each article's sha256 and year, and the corpus's descriptions of
  names and posts. Adding a claim judges that claim only, and a JSON build puts the other
  claims' evidence in place as it is, without reading it back (``render.json.json_with_evidence``).
  After an article is edited, added or removed, every claim's candidates are retrieved again,
  but only a claim whose inputs changed is judged again.
* **claims**: per claim, the key of its judgment under the corpus state (code version, corpus
  state, the articles' years and the claim's text): a build of a state seen before finds its
  claims' judgments without retrieving anything.

Safety: every value is stored with a checksum of its key and bytes (``_seal``; for a file, in
the row that records it), so a value moved under another key or damaged is computed again, with
one warning. Every write is a SQLite transaction, or a file or folder written under a temporary
name and renamed into place, so Ctrl-C leaves a usable cache. The folder is dossier's own, and
one build at a time uses it (``incremental.folder``: a marker, a lock); only the files and
index folders its rows record are pruned. A cache that cannot be read (a truncated file, another
schema, a database that is not ours) is reported once with a warning and rebuilt; it never
changes a result.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import shutil
import sqlite3
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from dossier.incremental.folder import (
    DB_NAME,
    FILES_DIR,
    INDEX_DIR,
    TEMP_PREFIX,
    Found,
    Lock,
    clear,
    examine,
    make,
    mark,
)

SCHEMA = "dossier-cache-12"
FILE_TABLES = frozenset({"states", "corpora", "outputs", "rendered"})
"""The tables whose values are tens of megabytes at newsroom scale, kept as one file per key
under ``files/<table>/``: SQLite writes a large value twice (through its log) and frees it page
by page, some 0.6 s for a 75 MB corpus state against 0.06 s for a file."""
INCOMING = "incoming"
"""The folder under ``files/`` where a cluster's workers write the analyses of a build, which
the build takes (reads and removes) as they come (``judge.prepare._prepare_files``)."""
KEPT_TABLES = frozenset({"rendered"})
"""File tables whose files are kept as they are, not marshalled values (``keep_file``)."""
LOCK_WAIT = 600.0
"""How long (seconds) a build waits for another one to let the cache go, before it goes on
without it."""
INDEXES = "indexes"
"""The table that records the index folders under ``index/`` (by state key; no value)."""
FLUSH_BYTES = 32 * 2**20  # queued writes are flushed beyond this, to bound the memory
DEFAULT_DIR = Path(".dossier") / "cache"
"""The cache folder, relative to the folder of the claims file."""

Warn = Callable[[str], None]


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the dossier package's files (source and data) and the libraries whose output
    it stores."""
    from importlib.metadata import version

    from dossier import __version__

    # (trafilatura and pypdf: the text of a web page or a PDF, which every offset points into)
    libraries = "\0".join(version(name) for name in ("tantivy", "trafilatura", "pypdf"))
    digest = hashlib.sha256(f"{SCHEMA}\0{__version__}\0{libraries}".encode())
    package = Path(__file__).resolve().parents[1]
    # The source, and the data the judge and the renderer read (the word tables, the
    # templates, a model): a changed file changes what a build computes from it.
    files = (p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in sorted(files):
        name = path.relative_to(package).as_posix()
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def make_key(*parts: object) -> str:
    """A cache key: the code version and the given parts, hashed."""
    digest = hashlib.sha256(code_version().encode())
    for part in parts:
        digest.update(b"\0" + repr(part).encode())
    return digest.hexdigest()


def make_keys(prefix: Sequence[object], lasts: Iterable[object]) -> list[str]:
    """``[make_key(*prefix, last) for last in lasts]``, hashing the prefix once."""
    base = hashlib.sha256(code_version().encode())
    for part in prefix:
        base.update(b"\0" + repr(part).encode())
    keys = []
    for last in lasts:
        digest = base.copy()
        digest.update(b"\0" + repr(last).encode())
        keys.append(digest.hexdigest())
    return keys


def default_dir(claims_path: Path) -> Path:
    return claims_path.parent / DEFAULT_DIR


FileId = tuple[int, int, int, int]
"""A file's device, inode, size and modification time: a kept file written to changes them."""


def _file_id(stat: os.stat_result) -> FileId:
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)


class CacheBroken(Exception):
    """Raised inside the cache when its storage cannot be trusted."""


class Cache:
    """A key -> bytes store in a few tables (``TABLES``) and index folders.

    Every value is stored with a checksum of its key and its bytes (``_seal``): a value that is
    not the one written under its key (a row moved under another key, a damaged file) is not
    used but computed again, with one warning per build. Every other failure to read or write
    is turned into a warning (once) and a miss: the build goes on computing what it needs, and
    the broken store is removed so the next build starts clean.

    The folder is dossier's own (``incremental.folder``: refused when it holds another
    program's files) and locked from ``Cache(...)`` to ``close()``: one build at a time uses
    it, a second one waits up to ``LOCK_WAIT`` seconds, then goes on without it.
    """

    TABLES = (
        "documents",
        "texts",
        "states",
        "claims",
        "judged",
        "retrievals",
        "stamps",
        "corpora",
        "outputs",
        "rendered",
    )

    def __init__(self, folder: Path, warn: Warn | None = None) -> None:
        self.folder = folder
        self._warn = warn or (lambda _m: None)
        self._warned = False
        self._warned_unsealed = False
        self._db: sqlite3.Connection | None = None
        self._lock: Lock | None = None
        self._pending: dict[str, list[tuple[str, bytes | None, int]]] = {
            t: [] for t in (*self.TABLES, INDEXES)
        }
        self._pending_bytes = 0
        wait = LOCK_WAIT
        try:
            if examine(folder) is Found.NOTHING:  # raises CacheFolderError: not dossier's
                make(folder)
            self._lock = Lock.take(folder, wait, self._waiting)
        except OSError as err:
            self._warn(f"{folder}: the cache could not be used ({err}); building without it.")
            return
        if self._lock is None:
            self._warn(
                f"{folder}: another dossier still uses the cache after {wait:g} s; "
                "building without it."
            )
            return
        try:
            self._open(examine(folder))
        except BaseException:
            self.close()
            raise

    def _waiting(self) -> None:
        self._warn(f"{self.folder}: another dossier is using the cache; waiting for it.")

    def _open(self, found: Found) -> None:
        """Open the store of a folder this build holds the lock on: marked, or made so."""
        try:
            if found is Found.LEGACY:
                self._warn(
                    f"{self.folder}: a cache written by an earlier version of dossier; "
                    "clearing it and rebuilding it."
                )
                clear(self.folder)
            if found is not Found.CACHE:
                mark(self.folder)
            self._db = self._connect()
        except (OSError, sqlite3.Error, CacheBroken) as err:
            self._discard(err)
            with contextlib.suppress(OSError, sqlite3.Error, CacheBroken):
                self._db = self._connect()
        self._remove_stale_temporaries()

    # --- storage --------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.folder / DB_NAME, timeout=60, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None:
                tables = {
                    r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                }
                if tables - {"meta"}:
                    raise CacheBroken("it was written by another program")
                with db:
                    db.execute("BEGIN IMMEDIATE")
                    db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA,))
                    for table in self._pending:
                        # data: the value (NULL when it is a file under files/); seal: _seal's
                        db.execute(
                            f"CREATE TABLE IF NOT EXISTS {table} "
                            "(key TEXT PRIMARY KEY, data BLOB, seal INTEGER NOT NULL)"
                        )
            elif row[0] != SCHEMA:
                raise CacheBroken(f"it has another layout ({row[0]!r}, this dossier uses {SCHEMA})")
        except BaseException:
            db.close()
            raise
        return db

    def warn_once(self, reason: str) -> None:
        """Say (once per build) that the cache was not usable and is being rebuilt."""
        if not self._warned:
            self._warned = True
            self._warn(f"{self.folder}: the cache could not be used ({reason}); rebuilding it.")

    def _unsealed(self) -> None:
        """Say (once per build) that a value was not the one stored under its key."""
        if not self._warned_unsealed:
            self._warned_unsealed = True
            self._warn(
                f"{self.folder}: the cache held values that were not stored under their keys "
                "(moved or damaged); not using them, computing them again."
            )

    def _discard(self, err: BaseException) -> None:
        """Warn once, close and remove the store, so that this build and the next start clean
        (only what dossier writes is removed: ``folder.clear``)."""
        self.warn_once(str(err).rstrip(".") or type(err).__name__)
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
        for rows in self._pending.values():
            rows.clear()
        clear(self.folder)

    @property
    def usable(self) -> bool:
        return self._db is not None

    def get_many(self, table: str, keys: Iterable[str]) -> dict[str, Any]:
        """The decoded values stored under ``keys`` (missing, unreadable or unsealed ones, those
        not stored under their key, are left out)."""
        if table in KEPT_TABLES:
            raise ValueError(f"Cache.get_many: {table} holds files, see kept_file")
        values = {}
        try:
            if table in FILE_TABLES:
                stored: Iterable[tuple[Any, ...]] = self._files(table, keys)
            else:
                stored = self._rows(table, "key, data, seal", keys)
            for key, data, seal in stored:
                if not isinstance(data, bytes) or _seal(key, data) != seal:
                    self._unsealed()
                    continue
                values[key] = marshal.loads(data)
        except (sqlite3.Error, OSError, ValueError, EOFError, TypeError) as err:
            self._discard(err)
            return {}
        return values

    def present(self, table: str, keys: Iterable[str]) -> set[str]:
        """Those of ``keys`` that ``table`` holds (their values are not read)."""
        try:
            return {key for (key,) in self._rows(table, "key", keys)}
        except sqlite3.Error as err:
            self._discard(err)
            return set()

    def file_path(self, table: str, key: str) -> Path:
        """Where the file table ``table`` keeps the value of ``key`` (it may not be there)."""
        return self.folder / FILES_DIR / table / key

    def _files(self, table: str, keys: Iterable[str]) -> Iterator[tuple[str, bytes, int]]:
        """The stored bytes and seal of those of ``keys`` that the file table ``table`` holds
        (written in this build or recorded before)."""
        wanted = list(dict.fromkeys(keys))
        queued = {key: seal for key, _, seal in self._pending[table]}
        seals = {key: queued[key] for key in wanted if key in queued}
        seals.update((k, s) for k, s in self._rows(table, "key, seal", wanted) if k not in seals)
        for key in wanted:
            if key not in seals:
                continue
            try:
                yield key, self.file_path(table, key).read_bytes(), seals[key]
            except FileNotFoundError:
                continue

    def _rows(self, table: str, columns: str, keys: Iterable[str]) -> Iterator[tuple[Any, ...]]:
        """The rows of ``table`` under ``keys``, 500 keys a query."""
        wanted = list(dict.fromkeys(keys))
        if self._db is None:
            return
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            yield from self._db.execute(
                f"SELECT {columns} FROM {table} WHERE key IN ({marks})", chunk
            ).fetchall()

    def get(self, table: str, key: str) -> Any:
        return self.get_many(table, [key]).get(key)

    def put(self, table: str, key: str, value: Any) -> None:
        """Queue a value; ``flush`` writes the queue in one transaction."""
        if self._db is not None:
            self.put_stored(table, key, marshal.dumps(value))

    def put_stored(self, table: str, key: str, data: bytes) -> None:
        """``put`` of the value that ``data`` is, as ``put`` would store it
        (``marshal.dumps(value)``)."""
        if table in KEPT_TABLES:
            raise ValueError(f"Cache.put: {table} holds files, see keep_file")
        if self._db is not None:
            if table in FILE_TABLES:
                self._write_file(table, key, data)
                return
            self._queue(table, key, data, _seal(key, data))

    def _queue(self, table: str, key: str, data: bytes | None, seal: int) -> None:
        self._pending[table].append((key, data, seal))
        self._pending_bytes += len(data) if data is not None else 0
        if self._pending_bytes > FLUSH_BYTES:
            self.flush()

    def _write_file(self, table: str, key: str, data: bytes) -> None:
        """Store ``data`` as the file of ``key``: written under a temporary name, then renamed
        into place (a build that stops halfway leaves a whole file), and recorded with its seal
        in the table's rows (the next ``flush``)."""
        final = self.file_path(table, key)
        temp = final.with_name(f"{TEMP_PREFIX}{os.getpid()}-{uuid.uuid4().hex}")
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            with open(temp, "wb") as handle:
                handle.write(data)
            os.replace(temp, final)
        except OSError as err:
            with contextlib.suppress(OSError):
                temp.unlink()
            self._discard(err)
            return
        self._queue(table, key, None, _seal(key, data))

    def keep_file(self, table: str, key: str, source: Path) -> FileId | None:
        """Keep the file ``source`` as it is under ``key``: a hard link to it (the same file, no
        copy of tens of megabytes), or a copy where links cannot be made; returns what
        ``kept_file`` checks it by (None when it could not be kept).

        Replacing ``source`` by renaming a new file over it leaves the kept file as it was; a
        program that writes into ``source`` in place changes its modification time, and
        ``kept_file`` no longer finds it."""
        if self._db is None:
            return None
        final = self.file_path(table, key)
        temp = final.with_name(f"{TEMP_PREFIX}{os.getpid()}-{uuid.uuid4().hex}")
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, temp)
            except OSError:  # another file system, or one without hard links
                shutil.copyfile(source, temp)
            kept = _file_id(os.stat(temp))
            os.replace(temp, final)
        except OSError as err:
            with contextlib.suppress(OSError):
                temp.unlink()
            self._discard(err)
            return None
        self._queue(table, key, None, _seal(key, b""))  # recorded, to be pruned later
        return kept

    def kept_file(self, table: str, key: str, kept: object) -> Path | None:
        """The file ``keep_file`` kept under ``key``, if it is still as it was then (``kept``:
        what ``keep_file`` returned)."""
        if self._db is None:
            return None
        path = self.file_path(table, key)
        try:
            return path if _file_id(os.stat(path)) == kept else None
        except OSError:
            return None

    def flush(self) -> None:
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                for table, rows in self._pending.items():
                    if rows:
                        self._db.executemany(
                            f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?)", rows
                        )
        except sqlite3.Error as err:
            self._discard(err)
        for rows in self._pending.values():
            rows.clear()
        self._pending_bytes = 0

    def keep_only(self, table: str, keys: Iterable[str]) -> None:
        """Forget every entry of ``table`` but ``keys`` (what the current build used): its rows,
        and the files or index folders they record (no other file is touched)."""
        if self._db is None:
            return
        kept = set(keys)
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                # The keys are read from the table's index, and the few others deleted: six
                # times faster for 50,000 articles than a temporary table of the kept keys.
                rows = self._db.execute(f"SELECT key FROM {table}")
                stale = [k for (k,) in rows if k not in kept]
                for key in filter(_plain, stale) if table in FILE_TABLES | {INDEXES} else ():
                    if table == INDEXES:
                        shutil.rmtree(self.index_path(key), ignore_errors=True)
                    else:
                        with contextlib.suppress(OSError):
                            os.unlink(self.file_path(table, key))
                self._db.executemany(f"DELETE FROM {table} WHERE key = ?", ((k,) for k in stale))
        except sqlite3.Error as err:
            self._discard(err)

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    # --- index folders --------------------------------------------------------------------

    def index_path(self, state: str) -> Path:
        return self.folder / INDEX_DIR / state

    @contextlib.contextmanager
    def new_index_folder(self, state: str, *, replace: bool = False) -> Iterator[Path | None]:
        """A temporary folder to build the index of ``state`` in, renamed into place on success
        (recorded first, so that a later build prunes it whatever happens).

        Yields None when the cache cannot hold it. When the same state is in place already
        (a build of an earlier dossier put it there meanwhile), ours is dropped (both are built
        from the same documents), unless ``replace``: the index in place is broken and this one
        replaces it.
        """
        if self._db is None:
            yield None
            return
        final = self.index_path(state)
        temp = final.parent / f"{TEMP_PREFIX}{os.getpid()}-{uuid.uuid4().hex}"
        try:
            temp.mkdir(parents=True)
        except OSError as err:
            self._discard(err)
            yield None
            return
        old = final.parent / f"{temp.name}-old"
        try:
            yield temp
            self._queue(INDEXES, state, None, _seal(state, b""))
            self.flush()
            if replace:
                with contextlib.suppress(OSError):
                    os.rename(final, old)  # the broken index this build replaces
            with contextlib.suppress(OSError):
                os.rename(temp, final)  # fails when one is in place already
        finally:
            for folder in (temp, old):
                if folder.exists():
                    shutil.rmtree(folder, ignore_errors=True)

    def incoming(self) -> tuple[str, str, str] | None:
        """Where a cluster's workers write what they computed for this build: the cache folder
        (absolute), the folder under it (``files/incoming``) and the start of the files' names,
        which names this build's process, so that a file left by a build that died is removed
        by the next (``_remove_stale_temporaries``); None when the cache cannot hold them."""
        if self._db is None:
            return None
        return (
            str(self.folder.resolve()),
            f"{FILES_DIR}/{INCOMING}",
            f"{TEMP_PREFIX}{os.getpid()}-",
        )

    def keep_only_index(self, state: str) -> None:
        self.keep_only(INDEXES, [state])

    def _remove_stale_temporaries(self) -> None:
        """Temporary index folders and files of builds that died (Ctrl-C, a crash)."""
        tables = (*FILE_TABLES, INCOMING)
        folders = [self.folder / INDEX_DIR, *(self.folder / FILES_DIR / t for t in tables)]
        for root in folders:
            if not root.is_dir():
                continue
            for entry in root.iterdir():
                if not entry.name.startswith(TEMP_PREFIX):
                    continue
                try:
                    pid = int(entry.name.split("-")[1])
                    os.kill(pid, 0)
                except (ValueError, IndexError, ProcessLookupError):
                    if entry.is_dir():
                        shutil.rmtree(entry, ignore_errors=True)
                    else:
                        entry.unlink(missing_ok=True)
                except PermissionError:
                    pass  # a live process of another user


def _plain(key: str) -> bool:
    """Whether ``key`` names a file in its folder: a key read from a database changed by hand
    that names a path elsewhere removes nothing."""
    return key not in {"", ".", ".."} and "/" not in key and os.sep not in key


def _seal(key: str, data: bytes) -> int:
    """What binds a stored value to its key: the CRC-32 of the key and the value's bytes. A
    value moved under another key, or damaged, no longer matches (a checksum against
    accidents, not a signature: whoever can write the cache can write its seals)."""
    return zlib.crc32(data, zlib.crc32(key.encode()))


def folder_manifest(folder: Path) -> list[tuple[str, int, str]]:
    """(name, size, sha256) of every file in an index folder, to check it before trusting it;
    a file in a shard's folder is named with it (``shard-000/meta.json``)."""
    if not folder.is_dir():
        raise NotADirectoryError(f"{folder}: not a folder")
    manifest = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            name = path.relative_to(folder).as_posix()
            manifest.append((name, len(data), hashlib.sha256(data).hexdigest()))
    return manifest


class CachedTexts:
    """The texts extracted from web pages and PDFs, kept in the cache's ``texts`` table by the
    file's sha256 (``corpus.documents.TextStore``): a build that knows an article does not
    extract it again. Used only in the process that opened the cache (its forked workers
    extract what they read, as a build without the cache does)."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache
        self.pid = os.getpid()

    def get(self, sha256: str) -> str | None:
        if os.getpid() != self.pid:
            return None
        text = self.cache.get("texts", make_key("text", sha256))
        return text if isinstance(text, str) else None

    def put(self, sha256: str, text: str) -> None:
        if os.getpid() == self.pid:
            self.cache.put("texts", make_key("text", sha256), text)
