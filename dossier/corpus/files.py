"""The article files of a corpus folder: finding them, and reading each with its ``Reader``.

Every file under the folder, recursively, whose suffix a reader takes (``READERS``), in the
order of its relative posix path. Hidden files and folders (names starting with ``.``) are
ignored. Files that cannot be articles are skipped with a warning, never fatal: a corpus of
many thousand scraped pages nearly always holds a few bad files, and one of them should not
stop a dossier. Skipped, each with a ``warn(...)`` naming it: a file its reader finds no
article in (see ``corpus.readers``), a file larger than ``MAX_FILE_BYTES``, and a symbolic
link (to a file or a folder) that resolves outside the corpus folder. Symbolic links inside
the folder are followed, once. The other files (of a type no reader takes) are told to
``walk``'s ``other``, so that a build names them (``corpus.read``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from dossier.corpus.readers import html, md, pdf, txt
from dossier.corpus.readers.interface import Extracted, Reader, Unreadable

READERS: tuple[Reader, ...] = (txt.READER, md.READER, html.READER, pdf.READER)
"""Every kind of article file."""

_BY_SUFFIX = {suffix: reader for reader in READERS for suffix in reader.suffixes}
ARTICLE_SUFFIXES = frozenset(_BY_SUFFIX)

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Files larger than this (20 MiB) are skipped with a warning: no news article is that long."""

SOURCES_FILE = "sources.yaml"
"""The corpus folder's metadata sidecar (``corpus.sources``): not an article, nor a file skipped."""

Warn = Callable[[str], None]
Other = Callable[[str], None]
"""Told the path of each file that no reader takes (``walk``)."""


def ignore(_message: str) -> None:
    """A ``Warn`` that says nothing."""
    return None


def is_article_path(root: Path, rel: str) -> bool:
    """Whether ``rel`` names an article file of the corpus at ``root`` (as sources.yaml does)."""
    parts = rel.split("/")
    if rel.startswith("/") or any(not part or part.startswith(".") for part in parts):
        return False  # absolute, "..", hidden or empty parts: never an article of this folder
    path = root / rel
    return path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file()


def article_paths(root: Path) -> list[str]:
    """The article files under ``root``, as paths relative to it (the names ``sources.yaml``
    uses), sorted."""
    return sorted(f.rel for f in walk(root, ignore))


class ArticleFile(NamedTuple):
    rel: str
    where: str  # the path as a string (a corpus has tens of thousands of files)

    @property
    def path(self) -> Path:
        return Path(self.where)


def _within(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def walk(root: Path, warn: Warn, other: Other | None = None) -> Iterator[ArticleFile]:
    """Article files under ``root`` (unsorted), following symbolic links only inside ``root``;
    ``other`` is told the path of every other file (of a type no reader takes)."""
    real_root = root.resolve()
    seen_dirs = {real_root}
    stack: list[tuple[Path, str]] = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as err:
            warn(f"{folder}: folder skipped: {err.strerror}.")
            continue
        for entry in entries:
            name = entry.name
            if name[:1] == ".":
                continue
            try:
                plain = entry.is_file(follow_symlinks=False)  # most: no link, no folder
            except OSError:
                plain = False  # (told below)
            if plain:
                if _suffix(name) in ARTICLE_SUFFIXES:
                    yield ArticleFile(prefix + name, entry.path)
                elif other is not None and not (name == SOURCES_FILE and not prefix):
                    other(entry.path)
                continue
            rel = prefix + name
            is_link = entry.is_symlink()
            if is_link:
                target = Path(entry.path).resolve()
                if not _within(target, real_root):
                    warn(
                        f"{Path(entry.path)}: symbolic link to {target}, outside the corpus "
                        "folder; skipped."
                    )
                    continue
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError:
                continue
            if is_dir:
                path = Path(entry.path)
                real = path.resolve()
                if real in seen_dirs:
                    continue
                seen_dirs.add(real)
                stack.append((path, rel + "/"))
            elif is_file and _suffix(entry.name) in ARTICLE_SUFFIXES:
                yield ArticleFile(rel, entry.path)
            elif is_file and other is not None:
                other(entry.path)


def _suffix(name: str) -> str:
    """``Path(name).suffix.lower()``, without making a path."""
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def read_article(
    file: ArticleFile, skipped: Callable[[str, str], None]
) -> tuple[bytes, Extracted] | None:
    """The bytes of an article file and what its reader finds in them; None (``skipped`` told
    the file's path relative to the corpus folder, and why) when it cannot be read, is larger
    than ``MAX_FILE_BYTES`` or holds no article."""
    try:
        return article_text(file.where, file.rel)
    except Unreadable as err:
        skipped(file.rel, str(err))
        return None


def article_text(where: str, name: str) -> tuple[bytes, Extracted]:
    """The bytes of the article file at ``where`` and what the reader of ``name`` (by its
    suffix) finds in them; ``Unreadable`` (the reason) when it cannot be read, is larger than
    ``MAX_FILE_BYTES`` or holds no article."""
    try:
        size = os.stat(where).st_size
    except OSError as err:
        raise Unreadable(err.strerror) from None
    if size > MAX_FILE_BYTES:
        raise Unreadable(f"{size} bytes is more than the limit of {MAX_FILE_BYTES}")
    try:
        with open(where, "rb") as handle:
            data = handle.read()
    except OSError as err:
        raise Unreadable(err.strerror) from None
    return data, extract(data, name, where)


def extract(data: bytes, name: str, where: str | None = None) -> Extracted:
    """What the reader of ``name`` (by its suffix) finds in ``data``, its metadata saying
    which text the offsets refer to (``SourceMeta.text``) when it is not the file's; warnings
    name ``where`` (default: ``name``)."""
    reader = reader_for(name)
    if not data.strip():
        return Extracted("")  # an empty file: skipped as such, whatever its type
    found = reader.read(data, where or name)
    if reader.origin is not None and found.meta.text is None:
        found.meta.text = reader.origin
    return found


def reader_for(name: str) -> Reader:
    """The reader of the article file ``name`` (by its suffix)."""
    return _BY_SUFFIX[_suffix(name)]


def suffix_counts(paths: list[str]) -> str:
    """What kinds of file ``paths`` are, for a sentence: ``3 .docx files, 1 .rtf``."""
    counts: dict[str, int] = {}
    for path in paths:
        kind = _suffix(Path(path).name) or "(no suffix)"
        counts[kind] = counts.get(kind, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{n} {kind} file{'' if n == 1 else 's'}" for kind, n in ordered)
