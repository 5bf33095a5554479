"""Read a corpus folder: its article files (``corpus.files``, each with its reader) and
``sources.yaml``, then segment them: ``load_corpus(root)`` is the load and segment steps of
the pipeline.

A file is read as bytes and its reader gives its text (see ``corpus.readers``), so every
offset is a Python string offset: ``document.text[p.start:p.end] == p.text``.
``Document.sha256`` is the hash of those bytes. When ``sources.yaml`` gives no title for a
document, its title is the text of the document's first heading paragraph, if it has one (a
headline is what the article itself shows).

An article file that holds no text (empty, or whitespace alone) is skipped: one warning names
such files, the first ``NAMED_EMPTY`` of them and how many there are; a corpus with no text at
all is an error.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from dossier.corpus import files as corpus_files
from dossier.corpus.documents import CorpusFiles, Documents, FileStat, Stamp, unread
from dossier.corpus.files import ignore
from dossier.corpus.furniture import FURNITURE_RULES, compile_furniture
from dossier.corpus.segment import Segmenter, segment_corpus
from dossier.corpus.sources import SOURCES_FILE, SourcesFile, load_sources
from dossier.errors import CorpusError
from dossier.models import Corpus, Document


def load_corpus(
    root: Path, *, warn: Callable[[str], None] | None = None, segment: Segmenter | None = None
) -> Corpus:
    """Read every article under ``root`` with its metadata, and split it into passages."""
    return segment_corpus(read_corpus(root, warn=warn), segment)


def read_corpus(
    root: Path,
    *,
    warn: Callable[[str], None] | None = None,
    known: Mapping[str, tuple[FileStat, str]] | None = None,
    titles: Mapping[str, str] | None = None,
    keep_texts: bool = True,
    stamp: Stamp | None = None,
) -> CorpusFiles:
    """Read every article under ``root`` with its metadata (the load step alone). Without
    ``keep_texts``, each text is checked and hashed, then let go: an ``UnreadDocument`` that
    reads its file again when asked (a large corpus is not held in memory).

    ``known``: articles an earlier build read, by path, with their ``FileStat`` then (taken when
    the file was old enough to trust it) and their sha256. An article whose file has that very
    stat is not read: it is an ``UnreadDocument`` (read when a sentence of it is quoted, and
    checked against its hash), titled from ``titles`` when its metadata gives none; an article
    read again is titled anew from its heading, its file may have changed.

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

    if stamp is None:
        files = sorted(corpus_files.walk(root, say), key=lambda f: f.rel)
    else:
        files = stamp.listing
        for message in stamp.said:
            say(message)
    if not files:
        raise CorpusError(f"{root}: no article files (.txt or .md) in the corpus folder.")

    made: list[Document] = []  # with their texts
    documents = Documents(root)  # or without (the files' paths are the root's joined with theirs)
    recognised: set[str] = set()  # known by their stat: their text, and so their title, as was
    empty: list[str] = []  # files without text: skipped, and named together
    for file in files:
        was = known.get(file.rel) if known is not None else None
        if was is not None and was[0] == (
            _stat(file.where) if stamp is None else stamp.files.get(file.rel)
        ):
            meta = sources.meta(file.rel)
            if keep_texts:
                made.append(unread(file.rel, was[1], meta, file.where))
            else:
                documents.add(file.rel, was[1], meta)
            recognised.add(file.rel)
            continue
        read = corpus_files.read_article(file, say)
        if read is None:
            continue
        data, text = read
        if not text.strip():
            empty.append(str(file.path))
            continue
        meta = sources.meta(file.rel)
        sha256 = hashlib.sha256(data).hexdigest()
        if keep_texts:
            made.append(
                Document.model_construct(  # every field is of its type: not validated again
                    path=file.rel, text=text, sha256=sha256, meta=meta
                )
            )
        else:
            documents.add(file.rel, sha256, meta)
    if not made and not documents:
        if empty:
            raise CorpusError(
                f"{root}: {_no_text(empty, all_of=True)}; nothing to check claims against."
            )
        raise CorpusError(f"{root}: no readable article files in the corpus folder.")
    if empty:
        say(_no_text(empty, all_of=False) + ".")
    kept = None  # only an article not read again keeps the title it had
    if titles is not None:
        kept = {path: title for path, title in titles.items() if path in recognised}
    return CorpusFiles(root, made if keep_texts else documents, rules, kept)


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
