"""Read a corpus folder: its article files (``corpus.files``, each with its reader) and
``sources.yaml``, then segment them: ``load_corpus(root)`` is the load and segment steps of
the pipeline.

A file is read as bytes and its reader gives its text (see ``corpus.readers``), so every
offset is a Python string offset: ``document.text[p.start:p.end] == p.text``.
``Document.sha256`` is the hash of those bytes. When ``sources.yaml`` gives no title for a
document, its title is the text of the document's first heading paragraph, if it has one (a
headline is what the article itself shows).

Nothing is skipped in silence: a file of a type no reader takes, one that holds no text
(empty, or whitespace alone), a binary one, one too large or a PDF without a text layer is not
read, and one warning, the build's summary line, says how many files were read and names those
that were not, each with the reason (``CorpusFiles.skipped``; the JSON's ``skipped`` lists them
all); a corpus with no text at all is an error.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from dossier.corpus import files as corpus_files
from dossier.corpus.documents import CorpusFiles, Documents, FileStat, Stamp, TextStore, unread
from dossier.corpus.files import ignore
from dossier.corpus.furniture import FURNITURE_RULES, compile_furniture
from dossier.corpus.segment import Segmenter, segment_corpus
from dossier.corpus.sources import SOURCES_FILE, SourcesFile, load_sources
from dossier.errors import CorpusError
from dossier.models import Corpus, Document, Skipped, SourceMeta


def load_corpus(
    root: Path, *, warn: Callable[[str], None] | None = None, segment: Segmenter | None = None
) -> Corpus:
    """Read every article under ``root`` with its metadata, and split it into passages."""
    return segmented(read_corpus(root, warn=warn), segment)


def segmented(files: CorpusFiles, segment: Segmenter | None) -> Corpus:
    """The corpus ``files`` split into passages, with the files that were not read."""
    corpus = segment_corpus(files, segment)
    corpus.skipped = list(files.skipped)
    return corpus


Known = tuple[FileStat, str, SourceMeta | None]
"""An article an earlier build read: its ``FileStat`` then, its sha256 and what the file said of
itself (its metadata; None: nothing)."""


def read_corpus(
    root: Path,
    *,
    warn: Callable[[str], None] | None = None,
    known: Mapping[str, Known] | None = None,
    titles: Mapping[str, str] | None = None,
    keep_texts: bool = True,
    stamp: Stamp | None = None,
    store: TextStore | None = None,
) -> CorpusFiles:
    """Read every article under ``root`` with its metadata (the load step alone); ``store``
    keeps the texts extracted from web pages and PDFs (see ``TextStore``). Without
    ``keep_texts``, each text is checked and hashed, then let go: an ``UnreadDocument`` that
    reads its file again when asked (a large corpus is not held in memory).

    ``known``: articles an earlier build read, by path, with their ``FileStat`` then (taken when
    the file was old enough to trust it), their sha256 and their own metadata (``Known``). An
    article whose file has that very stat is not read: it is an ``UnreadDocument`` (read when a
    sentence of it is quoted, and checked against its hash), titled from ``titles`` when its
    metadata gives none; an article read again is titled anew from its heading, its file may
    have changed.

    ``stamp``: the folder's ``corpus_stamp`` taken at the start of the build. Its files are not
    listed again and each article's stat is the stamp's (a file written since then is either
    read as it is now, or found changed when its text is read: ``UnreadDocument``)."""
    say = warn or ignore
    if not root.exists():
        raise CorpusError(f"{root}: corpus folder not found.")
    if not root.is_dir():
        raise CorpusError(f"{root}: not a folder; the corpus must be a folder of .txt/.md files.")

    sources_path = root / SOURCES_FILE
    sources = SourcesFile()
    if sources_path.is_file():
        sources = load_sources(sources_path, root, lambda left_out: say(str(left_out)))
    rules = FURNITURE_RULES + compile_furniture(sources.furniture)

    unsupported: list[str] = []  # files of a type no reader takes
    if stamp is None:
        files = sorted(corpus_files.walk(root, say, unsupported.append), key=lambda f: f.rel)
    else:
        files = stamp.listing
        unsupported = list(stamp.others)
        for message in stamp.said:
            say(message)
    unsupported.sort()
    if not files:
        if unsupported:
            raise CorpusError(
                f"{root}: no article files dossier reads ({READ_TYPES}) in the corpus folder; "
                f"it holds {corpus_files.suffix_counts(unsupported)}."
            )
        raise CorpusError(f"{root}: no article files ({READ_TYPES}) in the corpus folder.")

    made: list[Document] = []  # with their texts
    documents = Documents(
        root, store
    )  # or without (the files' paths are the root's joined with theirs)
    recognised: set[str] = set()  # known by their stat: their text, and so their title, as was
    skipped = [Skipped(path=_relative(path, root), reason=UNSUPPORTED) for path in unsupported]
    empty: list[str] = []  # files without text: skipped, and named together

    def unreadable(path: str, reason: str) -> None:
        say(f"{root / path}: skipped: {reason}.")
        skipped.append(Skipped(path=path, reason=reason))

    for file in files:
        was = known.get(file.rel) if known is not None else None
        if was is not None and was[0] == (
            _stat(file.where) if stamp is None else stamp.files.get(file.rel)
        ):
            _, sha256, found = was
            meta = sources.meta(file.rel, found)
            if keep_texts:
                made.append(unread(file.rel, sha256, meta, file.where, store))
            else:
                documents.add(file.rel, sha256, meta, found)
            recognised.add(file.rel)
            continue
        read = corpus_files.read_article(file, unreadable)
        if read is None:
            continue
        data, extracted = read
        for message in extracted.said:
            say(message)
        text = extracted.text
        if not text.strip():
            empty.append(str(file.path))
            skipped.append(Skipped(path=file.rel, reason="empty"))
            continue
        found = extracted.meta if extracted.meta.model_fields_set else None
        meta = sources.meta(file.rel, found)
        sha256 = hashlib.sha256(data).hexdigest()
        if store is not None and extracted.meta.text is not None:
            store.put(sha256, text)  # (segmenting reads it again)
        if keep_texts:
            made.append(
                Document.model_construct(  # every field is of its type: not validated again
                    path=file.rel, text=text, sha256=sha256, meta=meta
                )
            )
        else:
            documents.add(file.rel, sha256, meta, found)
    skipped.sort(key=lambda s: s.path)
    if not made and not documents:
        if empty and len(empty) == len(skipped):
            raise CorpusError(
                f"{root}: {_no_text(empty, all_of=True)}; nothing to check claims against."
            )
        raise CorpusError(f"{root}: no readable article files in the corpus folder.")
    if empty:
        say(_no_text(empty, all_of=False) + ".")
    if skipped:
        read_count = len(made) + len(documents)
        say(
            f"{root}: {read_count:,} article file{'' if read_count == 1 else 's'} read, "
            f"{_not_read(skipped)}."
        )
    kept = None  # only an article not read again keeps the title it had
    if titles is not None:
        kept = {path: title for path, title in titles.items() if path in recognised}
    return CorpusFiles(root, made if keep_texts else documents, rules, kept, tuple(skipped))


UNSUPPORTED = "unsupported type"
"""The reason a file of a type no reader takes is not read."""

READ_TYPES = ", ".join(sorted(corpus_files.ARTICLE_SUFFIXES))
"""The types of file dossier reads, for a sentence: ``.htm, .html, .md, .pdf, .txt``."""

NAMED_SKIPPED = 20
"""How many of the files not read the build's summary line names (the JSON lists them all)."""


def _relative(path: str, root: Path) -> str:
    """``path`` (under ``root``) as ``sources.yaml`` names articles: relative, with ``/``."""
    return Path(path).relative_to(root).as_posix()


def _not_read(skipped: list[Skipped]) -> str:
    """The files not read, with their reasons, for the summary line."""
    named = ", ".join(f"{s.path} ({s.reason})" for s in skipped[:NAMED_SKIPPED])
    if len(skipped) > NAMED_SKIPPED:
        named += f" and {len(skipped) - NAMED_SKIPPED:,} more (listed in the JSON's 'skipped')"
    return f"{len(skipped):,} not read: {named}"


NAMED_EMPTY = 5
"""How many of the articles without text a warning names (its count says how many there are)."""


def _no_text(paths: list[str], *, all_of: bool) -> str:
    """What to say of the articles ``paths`` that hold no text (skipped): they and how many
    they are, the first ``NAMED_EMPTY`` named; ``all_of``: they are all the corpus has."""
    if len(paths) == 1:
        if all_of:
            return f"the only article, {paths[0]}, holds no text (it is empty or only whitespace)"
        return f"{paths[0]}: skipped: the article holds no text (it is empty or only whitespace)"
    named = ", ".join(paths[:NAMED_EMPTY])
    if len(paths) > NAMED_EMPTY:
        named += f" and {len(paths) - NAMED_EMPTY:,} more"
    each = "(each is empty or only whitespace)"
    if all_of:
        return f"none of the {len(paths):,} articles holds any text {each}: {named}"
    return f"{len(paths):,} articles hold no text {each} and were skipped: {named}"


def _stat(path: str) -> FileStat | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns)
