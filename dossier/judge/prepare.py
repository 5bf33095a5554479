"""Segment and analyse the corpus on every core, and index it: what the judge reads.

This is the segment and index steps done for speed: each article is segmented and its sentences
analysed (``Analyzer.tokens``: the keys the index and the judge match on) in one pass, in worker
processes when there is enough to do (``executors.local``), or on a Dask cluster's workers, each
reading the articles it analyses from the corpus folder itself (``executors.shared``). The
corpus-wide statistics (each article's names, the corpus's descriptions of names) and the index
are then folded from those per-article results, one article at a time; how many passages hold
a word, the index tells.
The output is the same whatever the number of workers, and the same as
``Matcher(corpus, analyzer)`` computes by itself. The incremental build
(``dossier.incremental.prepare``) reads and keeps those results in its cache.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from dossier.analysis.abbreviations import Defined
from dossier.analysis.normal import fold
from dossier.analysis.text import Analyzer, expand
from dossier.corpus.documents import article_columns
from dossier.corpus.files import extract
from dossier.corpus.furniture import FurnitureRule
from dossier.corpus.segment import Segmentation, segment_document
from dossier.executors import choose
from dossier.executors.local import default_workers
from dossier.executors.shared import read_shared, take_written, write_shared
from dossier.judge.analyze import descriptions_in
from dossier.judge.match import (
    ArticleNames,
    ArticleProfile,
    Descriptions,
    Made,
    Matcher,
    article_profile,
    sentence_flags,
)
from dossier.models import Columns, Corpus, Document, Paragraphs, Passages, SourceMeta
from dossier.retrieval.interface import Item, PassageIndex, passage_terms
from dossier.retrieval.sharded import new_index, shards

Progress = Callable[[str, int, int], None]

ParagraphRow = tuple[int, int, str, str | None]
SentenceRow = tuple[int, int, int, int]
DescriptionRow = tuple[str, str, str]
# topic, (word key, sides near it), the abbreviations it defines
ProfileRow = tuple[list[str], list[tuple[str, list[str]]], list[Defined]]
Entry = tuple[
    list[ParagraphRow],
    list[SentenceRow],
    list[str],
    list[str],
    list[DescriptionRow],
    ProfileRow,
    bytes,
]
"""One article, prepared: its paragraphs (start, end, kind, rule), its sentences (start, end,
paragraph start, paragraph end), each sentence's indexed terms (``passage_terms``) joined
by ``KEY_SEP`` (one string per sentence takes a fraction of the memory of a tuple of strings),
the article's names (entity keys with their synonyms), sorted, how it describes names
("US-backed SDF": description key, word key, the name's keys joined by a space), and the rest
of its profile for the judge (``match.article_profile``: its topic names, the sides named near
each capitalised word), and one byte per sentence, its flags (``match.sentence_flags``: whether it
has a figure, whether it calls the story it tells false)."""

KEY_SEP = "\0"  # no key holds it: keys are made of the letters and digits of words

PARALLEL_MIN_CHARS = 2_000_000  # below this, starting worker processes costs more than it saves
CHUNK_CHARS = 1_000_000  # text sent to a worker at a time
IN_FLIGHT_PER_WORKER = 3  # chunks of articles given to each analysing process ahead
INDEX_THREADS_ARTICLES = 1_500  # a corpus of this many articles is indexed on two threads


def _profile_row(row: bytes) -> ArticleProfile:
    described, profile = marshal.loads(row)
    return _profile_of(described, profile)


def _profile_of(described: list[DescriptionRow], profile: ProfileRow) -> ArticleProfile:
    descriptions: dict[tuple[str, str], set[str]] = {}
    for by, word, name in described:
        descriptions.setdefault((by, word), set()).update(name.split(" "))
    topic, near, defined = profile
    return ArticleProfile(
        frozenset(topic), descriptions, {k: frozenset(sides) for k, sides in near}, tuple(defined)
    )


@dataclass
class State:
    """The corpus state a matcher needs: segmentation, statistics, article profiles' rows, and
    the index (or the manifest of its cached folder, to open it)."""

    paragraphs: Paragraphs
    passages: Passages
    names: dict[str, str]  # an article's name keys joined by KEY_SEP
    described: dict[str, dict[str, int]]
    profiles: list[bytes]  # each article's profile row, marshalled
    manifest: object
    index: PassageIndex | None
    figures: bytearray  # per passage, its flags (``match.sentence_flags``)
    articles: list[tuple[str, str]]  # each article's path and hash, in order


def matcher_of(corpus: Corpus, analyzer: Analyzer, state: State, index: PassageIndex) -> Matcher:
    """The matcher over ``corpus``, segmented as ``state`` says, with its statistics and
    ``index``: what a build judges with, and what a cluster's worker makes again from the
    state and index the build kept (``incremental.remote``)."""
    return Matcher(
        corpus,
        analyzer,
        index=index,
        doc_keys=ArticleNames(state.names, KEY_SEP),
        descriptions={_pair(k): v for k, v in state.described.items()},
        profiles=Made(
            dict(zip(article_columns(corpus.documents)[0], state.profiles, strict=True)),
            _profile_row,
        ),
        figures=bytes(state.figures),
    )


def _pair(key: str) -> tuple[str, str]:
    by, word = key.split(KEY_SEP, 1)
    return by, word


def prepare_document(text: str, rules: tuple[FurnitureRule, ...], analyzer: Analyzer) -> Entry:
    """Segment one article and analyse its sentences (what ``Matcher`` would do for it)."""
    document = Document.model_construct(path="", text=text, sha256="", meta=SourceMeta())
    paragraphs, sentences = segment_document(document, rules)
    keys: list[str] = []
    names: set[str] = set()
    described: list[DescriptionRow] = []
    read = []
    said = []
    figures = bytearray()
    for start, end, _, _ in sentences:
        sentence = fold(text[start:end]).text  # as analysis reads it: NFC, one space
        figures.append(sentence_flags(sentence))
        tokens = analyzer.tokens(sentence)
        read.append((sentence, tokens))
        for t in tokens:
            if t.entity:
                names.update(expand(t.keys))
        said.append(descriptions_in(tokens, sentence))
        for (by, word), name in said[-1]:
            if name:
                described.append((by, word, " ".join(sorted(name))))
    rows = [(p.start, p.end, p.kind.value, p.rule) for p in paragraphs]
    profile = article_profile(read, said)
    for _, tokens in read:  # (with the abbreviations the whole article defines)
        keys.append(passage_terms(tokens, profile.defined).replace(" ", KEY_SEP))
    near = [(k, sorted(v)) for k, v in sorted(profile.near.items())]
    topic = sorted(profile.topic)
    defined = list(profile.defined)
    return rows, sentences, keys, sorted(names), described, (topic, near, defined), bytes(figures)


_Chunk = tuple[list[int], list[bytes], int]
"""Articles analysed together: their numbers, their texts as UTF-8, and how many characters."""


def _prepare_chunk(
    setup: tuple[tuple[FurnitureRule, ...], Analyzer], chunk: _Chunk
) -> tuple[list[int], list[bytes]]:
    """The analyses of articles sent as UTF-8, each returned as the cache stores it
    (``marshal``): the build unmarshals it (five times faster than unpickling) and stores those
    very bytes, in the one process that also folds the analyses and feeds the index. Pickling a
    ``str`` that is not ASCII leaves a UTF-8 copy of it attached to the sender's string for as
    long as it lives (CPython caches it): the texts are sent as bytes."""
    rules, analyzer = setup
    ids, texts, _ = chunk
    return ids, [
        marshal.dumps(prepare_document(text.decode("utf-8"), rules, analyzer)) for text in texts
    ]


_Files = tuple[list[int], list[tuple[str, str]], int]
"""Articles a cluster's worker reads and analyses together: their numbers, each one's path under
the corpus folder and sha256, and how many bytes their files hold."""


Spool = tuple[str, str, str]
"""Where a cluster's workers write the analyses into the shared build cache: the cache folder,
the folder under it, and the names' start (``executors.shared.write_shared``)."""


def _prepare_files(
    setup: tuple[tuple[FurnitureRule, ...], Analyzer, str, Spool | None], chunk: _Files
) -> tuple[list[int], list[bytes] | tuple[str, str]]:
    """``_prepare_chunk`` on a cluster's worker, which reads the articles from the corpus folder
    ``setup`` names itself (``executors.shared``: each checked against its hash), and extracts
    their texts as the build does (``corpus.files.extract``): the task carries no text. With a
    spool (a build through the cache), the analyses are written into the shared cache folder,
    and only the file's name and sha256 go back through the scheduler."""
    rules, analyzer, root, spool = setup
    ids, files, _ = chunk
    rows = [
        marshal.dumps(
            prepare_document(extract(read_shared(root, path, sha256), path).text, rules, analyzer)
        )
        for path, sha256 in files
    ]
    if spool is None:
        return ids, rows
    cache, folder, prefix = spool
    return ids, write_shared(cache, folder, prefix, marshal.dumps(rows))


def _file_chunks(root: str, items: Iterable[tuple[int, str, str]]) -> Iterator[_Files]:
    """The articles (number, path, sha256) in chunks of about ``CHUNK_CHARS`` bytes of files."""
    ids: list[int] = []
    files: list[tuple[str, str]] = []
    size = 0
    for i, path, sha256 in items:
        ids.append(i)
        files.append((path, sha256))
        with contextlib.suppress(OSError):  # gone: the worker that reads it says so
            size += os.stat(os.path.join(root, path)).st_size
        if size >= CHUNK_CHARS:
            yield ids, files, size
            ids, files, size = [], [], 0
    if ids:
        yield ids, files, size


def _chars(chunk: _Chunk) -> int:
    return chunk[2]


def _chunks(items: Iterable[tuple[int, str]]) -> Iterator[_Chunk]:
    chunk: list[tuple[int, str]] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item[1])
        if size >= CHUNK_CHARS:
            yield [i for i, _ in chunk], [t.encode() for _, t in chunk], size
            chunk, size = [], 0
    if chunk:
        yield [i for i, _ in chunk], [t.encode() for _, t in chunk], size


class Texts(Columns[str]):
    """The articles' texts, each read when asked for (an ``UnreadDocument`` reads its file)."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self._documents = documents

    def _item(self, index: int) -> str:
        return self._documents[index].text

    def __len__(self) -> int:
        return len(self._documents)


class Preparer:
    """Prepares a corpus for matching; ``segment`` is the segmenter ``load_corpus`` calls.

    Each article's analysis is computed, one article at a time, and folded into the state as it
    comes: into the segmentation's columns, the statistics and the index being written. No
    article's analysis is kept once folded, so the memory does not grow with the sentences of
    the corpus.
    """

    def __init__(
        self,
        aliases: Mapping[str, list[str]],
        *,
        workers: int | None = None,
        progress: Progress | None = None,
        corpus: Path | None = None,
    ) -> None:
        self.aliases = dict(aliases)
        self.corpus = corpus
        """The corpus folder, from which a cluster's workers read the articles themselves (None:
        the build sends them their texts)."""
        self.analyzer = Analyzer(self.aliases)
        self.workers = workers or default_workers()
        self.progress = progress
        self._documents: Sequence[Document] = []
        self._articles: list[tuple[str, str]] = []  # each article's path and sha256
        self._rules: tuple[FurnitureRule, ...] = ()
        self._state: State | None = None

    def segment(
        self, documents: Sequence[Document], rules: tuple[FurnitureRule, ...]
    ) -> Segmentation:
        paths, hashes, _ = article_columns(documents)  # (``Documents``: none of them made)
        self._articles = list(zip(paths, hashes, strict=True))
        self._documents, self._rules = documents, rules
        self._state = self._made()
        return self._state.paragraphs, self._state.passages

    def _made(self) -> State:
        """The corpus state of the documents and rules just given."""
        return self._fold()

    def _entries(self, only: Sequence[int] | None = None) -> Iterator[Entry]:
        """The analyses of the articles numbered ``only`` (default: every article), in order."""
        return self._analyses(range(len(self._documents)) if only is None else only)

    def _analyses(self, wanted: Sequence[int]) -> Iterator[Entry]:
        if self.progress:
            self.progress("analysing articles", 0, len(wanted))
        for done, (_, entry, _) in enumerate(self._compute(wanted), start=1):
            if self.progress:
                self.progress("analysing articles", done, len(wanted))
            yield entry

    def _fold(self) -> State:
        """The corpus state from every article's analysis, one article at a time; the index is
        written as the articles come."""
        documents, articles = self._documents, self._articles
        state = State(Paragraphs(), Passages(), {}, {}, [], None, None, bytearray(), articles)
        uses: Descriptions = {}

        def items() -> Iterator[tuple[str, int, str]]:
            for (path, _), entry in zip(articles, self._entries(), strict=True):
                state.paragraphs.add(path, entry[0])  # the kinds as their values
                state.passages.add(path, None, entry[1])  # the text: read when asked
                for n, keys in enumerate(entry[2]):
                    yield path, n, keys.replace(KEY_SEP, " ")
                for by, word, name in entry[4]:
                    counts = uses.setdefault((by, word), {})
                    counts[name] = counts.get(name, 0) + 1
                if entry[3]:
                    state.names[path] = KEY_SEP.join(entry[3])
                state.profiles.append(marshal.dumps((entry[4], entry[5])))
                state.figures += entry[6]

        def finish() -> None:
            state.described = {KEY_SEP.join(k): v for k, v in sorted(uses.items())}

        def finished() -> State:
            finish()
            return state

        state.index = self._build_index(items(), finished)
        finish()  # the items are all read: also when no record was written
        state.passages.read_texts_from(Texts(documents))
        return state

    def _compute(self, wanted: Iterable[int]) -> Iterable[tuple[int, Entry, bytes]]:
        """The analyses of the articles numbered ``wanted``, in order, each also as the cache
        stores it: on several processes when there is much to analyse (a few chunks in flight
        per worker, not all: analyses finished before they are folded wait in memory). On a
        cluster, each worker reads the articles it analyses from the corpus folder."""
        executor = choose.executor(
            self.workers, min_size=PARALLEL_MIN_CHARS, size=_chars, ahead=IN_FLIGHT_PER_WORKER
        )
        documents, rules = self._documents, self._rules
        spool = self._spool()
        analysed: Iterable[tuple[list[int], list[bytes] | tuple[str, str]]]
        if self.corpus is not None and choose.remote():
            root = os.path.abspath(self.corpus)
            paths, hashes, _ = article_columns(documents)
            files = ((i, paths[i], hashes[i]) for i in wanted)
            analysed = executor.map(
                _prepare_files, (rules, self.analyzer, root, spool), _file_chunks(root, files)
            )
        else:
            texts = ((i, documents[i].text) for i in wanted)  # each read when it is analysed
            analysed = executor.map(_prepare_chunk, (rules, self.analyzer), _chunks(texts))
        for ids, stored in analysed:
            if isinstance(stored, tuple):  # written into the shared cache by the worker
                assert spool is not None
                stored = marshal.loads(take_written(spool[0], *stored))
            for i, row in zip(ids, stored, strict=True):
                yield i, marshal.loads(row), row

    def _spool(self) -> Spool | None:
        """Where a cluster's workers write the analyses (None: they send them back)."""
        return None

    def matcher(self, corpus: Corpus) -> Matcher:
        """The matcher over the prepared corpus."""
        state = self._state
        if state is None or state.index is None:
            raise ValueError("Preparer.matcher: the corpus was not segmented by this preparer")
        self._state = None
        return matcher_of(corpus, self.analyzer, state, state.index)

    def _threads(self) -> int:
        """The threads that write the index: two for a large corpus."""
        return min(self.workers, 2) if len(self._documents) >= INDEX_THREADS_ARTICLES else 1

    def _build_index(
        self, items: Iterable[Item], finished: Callable[[], State] | None = None
    ) -> PassageIndex:
        """The index of ``items``, in memory; ``finished()`` is the state once they are all
        read (for a build that keeps it)."""
        if self.progress:
            self.progress("indexing passages", 0, 1)
        index = self._memory_index(items)
        if self.progress:
            self.progress("indexing passages", 1, 1)
        return index

    def _memory_index(self, items: Iterable[Item]) -> PassageIndex:
        index = new_index(None, shards())
        index.add(items, threads=self._threads())
        return index
