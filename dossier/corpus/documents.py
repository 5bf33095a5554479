"""The articles of a corpus folder as read (``CorpusFiles``), kept as columns and made objects
only when asked (``Documents``), each reading its text from its file only when something needs
it (``UnreadDocument``); and the stamp of a folder, which says from its files' metadata alone
that no article changed (``corpus_stamp``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from pydantic import Field

from dossier.corpus import files as corpus_files
from dossier.corpus.files import ArticleFile, extract, reader_for
from dossier.corpus.furniture import FURNITURE_RULES, FurnitureRule, compile_furniture
from dossier.corpus.sources import SOURCES_FILE
from dossier.errors import CorpusError
from dossier.models import Columns, Document, Skipped, SourceMeta


@dataclass(frozen=True)
class CorpusFiles:
    """The articles of a corpus folder as read, before segmentation, and its furniture rules.
    ``titles``, when known (from the build cache), are the titles the articles' first headings
    give, so that segmenting needs no article's text."""

    root: Path
    documents: Sequence[Document]  # ``Documents`` when their texts are let go
    rules: tuple[FurnitureRule, ...]
    titles: dict[str, str] | None = None
    skipped: tuple[Skipped, ...] = ()
    """The files not read, each with the reason (an unsupported type, empty, no text layer)."""

    def record(self) -> Record:
        """What the build cache keeps to know this corpus again without reading it: every
        article's path, hash and metadata, the furniture patterns of ``sources.yaml``, the
        metadata each file gave of itself (by path: those that gave some) and the files not
        read, with the reasons."""
        paths, hashes, metas = article_columns(self.documents)
        rows = [(p, sha256, _given(m)) for p, sha256, m in zip(paths, hashes, metas, strict=True)]
        found = getattr(self.documents, "found", {})
        own = {path: _given(meta) for path, meta in found.items()}
        skipped = [(s.path, s.reason) for s in self.skipped]
        return rows, self.patterns(), own, skipped

    def patterns(self) -> list[str]:
        """The furniture patterns of ``sources.yaml`` (those added to the built-in rules)."""
        return [r.pattern.pattern for r in self.rules[len(FURNITURE_RULES) :]]


Record = tuple[list[tuple[str, str, str]], list[str], dict[str, str], list[tuple[str, str]]]
"""``CorpusFiles.record``: rows (path, sha256, metadata JSON), furniture patterns, each file's
own metadata JSON by path, and the files not read (path, reason)."""


def _given(meta: SourceMeta) -> str:
    """The fields of ``meta`` that were given, as JSON (most articles have none)."""
    return meta.model_dump_json(exclude_unset=True) if meta.model_fields_set else "{}"


class UnreadDocument(Document):
    """An article whose text is read from its file only when something needs it (a quote, a
    sentence to judge): one known from an earlier build by its path, hash and metadata, when
    the corpus stamp says that no file changed since, or one read without keeping its text (see
    ``read_corpus``). A file that no longer has the recorded hash stops the build. The last
    ``TEXTS_KEPT`` texts read are kept: the memory does not grow with the articles judged."""

    file: str = Field(default="", exclude=True, repr=False, description="Where to read it.")
    store: Any = Field(default=None, exclude=True, repr=False)
    """A ``TextStore`` that keeps the text extracted from a web page or a PDF (None: none)."""
    # (a field, not a private attribute: 50,000 articles are made 2.4 times faster so)

    def __getattr__(self, name: str) -> Any:
        if name != "text":
            return super().__getattr__(name)  # type: ignore[misc]
        return _checked_text(self.file, self.sha256, self.store)


TEXTS_KEPT = 1024  # article texts read again from their files that are kept in memory


@lru_cache(maxsize=TEXTS_KEPT)
def _checked_text(file: str, sha256: str, store: TextStore | None = None) -> str:
    return _read_checked(file, sha256, store)


class TextStore(Protocol):
    """Where the texts extracted from web pages and PDFs are kept, by the file's sha256 (the
    build cache: a build that knows an article does not extract its text again)."""

    def get(self, sha256: str) -> str | None: ...

    def put(self, sha256: str, text: str) -> None: ...


def _read_checked(file: str, sha256: str, store: TextStore | None = None) -> str:
    """The text of ``file``, which must still have the hash it was known by; a text extracted
    from it (a web page, a PDF) is taken from ``store`` when it holds it, and kept there."""
    try:
        with open(file, "rb") as handle:
            data = handle.read()
    except OSError as err:
        raise CorpusError(
            f"{file}: {err.strerror} while the build was reading it; run it again."
        ) from None
    if hashlib.sha256(data).hexdigest() != sha256:
        raise CorpusError(f"{file}: changed while the build was running; run it again.")
    extracted = store is not None and reader_for(file).origin is not None
    if extracted and store is not None and (kept := store.get(sha256)) is not None:
        return kept
    text = extract(data, file).text
    if extracted and store is not None:
        store.put(sha256, text)
    return text


def unread(
    path: str, sha256: str, meta: SourceMeta, file: str, store: TextStore | None = None
) -> UnreadDocument:
    """The article at ``path`` (relative to the corpus) without its text, which is read from
    ``file`` when asked and must then still have ``sha256``."""
    return UnreadDocument.model_construct(  # type: ignore[call-arg]  # text: read later
        path=path, sha256=sha256, meta=meta, file=file, store=store
    )


class Documents(Columns[Document]):
    """The articles of a corpus folder as columns (path, sha256, metadata), each made an
    ``UnreadDocument`` only when it is read: a build that judges a claim or two reads a few of
    50,000 articles, and making them all took a fifth of it. An article is made once, and its
    metadata is the column's object (a title set on one is set on the other)."""

    def __init__(self, root: Path, store: TextStore | None = None) -> None:
        self.folder = str(root)
        self.store = store
        self.paths: list[str] = []
        self.hashes: list[str] = []
        self.metas: list[SourceMeta] = []
        self.found: dict[str, SourceMeta] = {}  # what a file says of itself, when it says any
        self._made: dict[int, Document] = {}

    def add(
        self, path: str, sha256: str, meta: SourceMeta, found: SourceMeta | None = None
    ) -> None:
        self.paths.append(path)
        self.hashes.append(sha256)
        self.metas.append(meta)
        if found is not None:
            self.found[path] = found

    def __len__(self) -> int:
        return len(self.paths)

    def _item(self, index: int) -> Document:
        made = self._made.get(index)
        if made is None:
            path = self.paths[index]
            file = os.path.join(self.folder, path)  # (ten times faster than a Path; the same)
            meta = self.metas[index]
            made = self._made[index] = unread(path, self.hashes[index], meta, file, self.store)
        return made


def article_columns(
    documents: Sequence[Document],
) -> tuple[Sequence[str], Sequence[str], Sequence[SourceMeta]]:
    """The articles' paths, hashes and metadata (from ``Documents`` without making one)."""
    if isinstance(documents, Documents):
        return documents.paths, documents.hashes, documents.metas
    return [d.path for d in documents], [d.sha256 for d in documents], [d.meta for d in documents]


def unread_corpus(
    root: Path, record: Record, titles: dict[str, str], store: TextStore | None = None
) -> CorpusFiles:
    """The corpus ``CorpusFiles.record`` describes, its articles unread (``Documents``), the
    texts extracted from them kept in ``store``."""
    rows, patterns, own, skipped = record
    documents = Documents(root, store)
    for path, sha256, meta in rows:
        found = own.get(path)
        documents.add(path, sha256, meta_of(meta), None if found is None else meta_of(found))
    rules = FURNITURE_RULES + compile_furniture(patterns)
    gone = tuple(Skipped(path=path, reason=reason) for path, reason in skipped)
    return CorpusFiles(root, documents, rules, titles, gone)


def meta_of(given: str) -> SourceMeta:
    """The metadata ``_given`` wrote as JSON."""
    return SourceMeta() if given == "{}" else SourceMeta.model_validate_json(given)


FileStat = tuple[int, int, int, int]
"""A file's size, inode, modification and change time (ns): what says it was not written."""


class Stamp(NamedTuple):
    """What a corpus folder's file metadata says about its content (see ``corpus_stamp``)."""

    digest: str  # of every article's path and ``FileStat`` (and those of sources.yaml)
    latest: int  # the latest modification or change time, in nanoseconds
    files: dict[str, FileStat]  # each article's, by path
    listing: list[ArticleFile]  # the article files, sorted by path (``read_corpus`` lists no more)
    said: list[str]  # what listing them said (a folder skipped, a link out of the corpus)
    others: list[str]  # the other files (of a type no reader takes), sorted


def corpus_stamp(root: Path) -> Stamp | None:
    """What the corpus folder's file metadata says about its content, without reading a file.

    Returns a hash of every article's path, size, inode, modification and change time (and the
    same for ``sources.yaml``), the latest of those times in nanoseconds, and each article's;
    None when the folder cannot be listed. A file written again has a new change time, which no
    tool can set back, so an unchanged stamp means unchanged files, unless a file was written in
    the same clock tick as the stamp was taken (compare the latest time with the clock to rule
    that out). The same holds for each file on its own.
    """
    if not root.is_dir():
        return None
    digest = hashlib.sha256()
    latest = 0
    files: dict[str, FileStat] = {}
    said: list[str] = []
    others: list[str] = []
    listing = sorted(corpus_files.walk(root, said.append, others.append), key=lambda f: f.rel)
    others.sort()
    lines = [f"other\0{path}\n" for path in others]  # (a file added that is not read is told)
    for rel, path in [(SOURCES_FILE, str(root / SOURCES_FILE)), *listing]:
        try:
            st = os.stat(path)
        except OSError:
            lines.append(f"{rel}\0-\n")
            continue
        latest = max(latest, st.st_mtime_ns, st.st_ctime_ns)
        stat = (st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns)
        if rel != SOURCES_FILE:
            files[rel] = stat
        lines.append(f"{rel}\0{st.st_size} {st.st_ino} {st.st_mtime_ns} {st.st_ctime_ns}\n")
    digest.update("".join(lines).encode("utf-8", "surrogateescape"))  # (hashed at once)
    return Stamp(digest.hexdigest(), latest, files, listing, said, others)
