"""Segment and analyse the corpus on every core, through the build cache; build or open its index.

This is the segment and index steps done for speed: each article is segmented and its sentences
analysed (``Analyzer.tokens``: the keys the index and the judge match on) in one pass, in worker
processes when there is enough to do, and the result is cached by the article's content hash
(see ``dossier.cache``). The corpus-wide statistics (each article's names, the corpus's
descriptions of names) and the tantivy index are then built from those per-article results, or
opened from the cache when the corpus is unchanged; how many passages hold a word, the index
tells. The output is the same whatever the number of workers, and the
same as ``Matcher(corpus, analyzer)`` computes by itself.
"""

from __future__ import annotations

import gc
import marshal
import os
import shutil
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, islice
from pathlib import Path
from typing import Any

from dossier.analysis.text import Analyzer, expand
from dossier.corpus.read import FurnitureRule, Segmentation, article_columns, segment_document
from dossier.incremental.cache import Cache, folder_manifest, make_key, make_keys
from dossier.judge.analyze import descriptions_in
from dossier.judge.match import (
    ArticleNames,
    ArticleProfile,
    Descriptions,
    Made,
    Matcher,
    article_profile,
    has_figure,
)
from dossier.models import Columns, Corpus, Document, Paragraphs, Passages, SourceMeta
from dossier.retrieval.index import PassageIndex, passage_terms

Progress = Callable[[str, int, int], None]

ParagraphRow = tuple[int, int, str, str | None]
SentenceRow = tuple[int, int, int, int]
DescriptionRow = tuple[str, str, str]
ProfileRow = tuple[list[str], list[tuple[str, list[str]]]]  # topic, (word key, sides near it)
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
paragraph start, paragraph end), each sentence's indexed terms (``index.passage_terms``) joined
by ``KEY_SEP`` (one string per sentence takes a fraction of the memory of a tuple of strings),
the article's names (entity keys with their synonyms), sorted, how it describes names
("US-backed SDF": description key, word key, the name's keys joined by a space), and the rest
of its profile for the judge (``match.article_profile``: its topic names, the sides named near
each capitalised word), and one byte per sentence, 1 when it has a figure (``match.has_figure``)."""

KEY_SEP = "\0"  # no key holds it: keys are made of the letters and digits of words

PARALLEL_MIN_CHARS = 2_000_000  # below this, starting worker processes costs more than it saves
CHUNK_CHARS = 1_000_000  # text sent to a worker at a time


def _profile(entry: Entry) -> ArticleProfile:
    return _profile_of(entry[4], entry[5])


def _profile_row(row: bytes) -> ArticleProfile:
    described, profile = marshal.loads(row)
    return _profile_of(described, profile)


def _profile_of(described: list[DescriptionRow], profile: ProfileRow) -> ArticleProfile:
    descriptions: dict[tuple[str, str], set[str]] = {}
    for by, word, name in described:
        descriptions.setdefault((by, word), set()).update(name.split(" "))
    topic, near = profile
    return ArticleProfile(
        frozenset(topic), descriptions, {k: frozenset(sides) for k, sides in near}
    )


@dataclass(frozen=True)
class Derivation:
    """A corpus state made from an earlier one (``Preparer._derived``): that state's key, every
    key of the sentences that differ between them (``_changed``) and the articles that differ:
    what a claim retrieved against the earlier state needs to know to tell whether it would
    retrieve the same now (``Matcher.retrieved_again``)."""

    base: str
    changed: frozenset[str]
    articles: frozenset[str]  # the paths of the articles changed, added and removed


@dataclass
class _State:
    """The corpus state a matcher needs: segmentation, statistics, article profiles' rows, and
    the index (or the manifest of its cached folder, to open it)."""

    paragraphs: Paragraphs
    passages: Passages
    names: dict[str, str]  # an article's name keys joined by KEY_SEP
    described: dict[str, dict[str, int]]
    profiles: list[bytes]  # each article's profile row, marshalled
    manifest: object
    index: PassageIndex | None
    figures: bytearray  # per passage, 1 when it has a figure
    articles: list[tuple[str, str]]  # each article's path and hash, in order

    def record(self, manifest: object) -> tuple[Any, ...]:
        """The state as the cache keeps it, with the manifest of its index folder."""
        return (
            self.names,
            self.described,
            manifest,
            self.paragraphs.columns(),
            self.passages.columns(),
            self.profiles,
            bytes(self.figures),
            self.articles,
        )


DERIVE_SHARE = 4  # a state is derived from the last one when at most a quarter of articles changed
READ_CHUNK = 500  # articles' analyses read from the cache at a time
IN_FLIGHT_PER_WORKER = 3  # chunks of articles given to each analysing process ahead
INDEX_THREADS_ARTICLES = 1_500  # a corpus of this many articles is indexed on two threads
STATE_FIELDS = 8
"""A corpus state in the cache: each article's names, descriptions, the index manifest, the
paragraph and passage columns, the article profiles' rows, the passages' figure bytes and each
article's path and hash (what a later state is derived from, see ``Preparer._derived``). An
article's names and profile are kept as one string or bytes each: 50,000 of those are read
back at once, the sets and lists in them only for the articles the judge reads."""


def _columns(corpus: Corpus) -> tuple[Any, Any]:
    """The segmentation as the cache keeps it (see ``Paragraphs.columns``)."""
    paragraphs, passages = corpus.paragraphs, corpus.passages
    if not isinstance(paragraphs, Paragraphs) or not isinstance(passages, Passages):
        paragraphs, passages = Paragraphs(), Passages()  # not from ``segment``: kept empty
    return paragraphs.columns(), passages.columns()


def _pair(key: str) -> tuple[str, str]:
    by, word = key.split(KEY_SEP, 1)
    return by, word


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


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
        sentence = text[start:end]
        figures.append(has_figure(sentence))
        tokens = analyzer.tokens(sentence)
        read.append((sentence, tokens))
        keys.append(passage_terms(tokens).replace(" ", KEY_SEP))
        for t in tokens:
            if t.entity:
                names.update(expand(t.keys))
        said.append(descriptions_in(tokens, sentence))
        for (by, word), name in said[-1]:
            if name:
                described.append((by, word, " ".join(sorted(name))))
    rows = [(p.start, p.end, p.kind.value, p.rule) for p in paragraphs]
    profile = article_profile(read, said)
    near = [(k, sorted(v)) for k, v in sorted(profile.near.items())]
    topic = sorted(profile.topic)
    return rows, sentences, keys, sorted(names), described, (topic, near), bytes(figures)


_worker: tuple[tuple[FurnitureRule, ...], Analyzer] | None = None


def _init_worker(rules: tuple[FurnitureRule, ...], analyzer: Analyzer) -> None:
    global _worker
    _worker = (rules, analyzer)


def _prepare_chunk(texts: list[bytes]) -> list[bytes]:
    """The analyses of articles sent as UTF-8, each returned as the cache stores it
    (``marshal``): the build unmarshals it (five times faster than unpickling) and stores those
    very bytes, in the one process that also folds the analyses and feeds the index. Pickling a
    ``str`` that is not ASCII leaves a UTF-8 copy of it attached to the sender's string for as
    long as it lives (CPython caches it): the texts are sent as bytes."""
    assert _worker is not None
    rules, analyzer = _worker
    return [
        marshal.dumps(prepare_document(text.decode("utf-8"), rules, analyzer)) for text in texts
    ]


def _chunks(items: Iterable[tuple[int, str]]) -> Iterable[list[tuple[int, str]]]:
    chunk: list[tuple[int, str]] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item[1])
        if size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


class _Texts(Columns[str]):
    """The articles' texts, each read when asked for (an ``UnreadDocument`` reads its file)."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self._documents = documents

    def _item(self, index: int) -> str:
        return self._documents[index].text

    def __len__(self) -> int:
        return len(self._documents)


class Preparer:
    """Prepares a corpus for matching; ``segment`` is the segmenter ``load_corpus`` calls.

    Through the cache, a corpus state seen before (the same articles, rules and aliases) is
    read back whole: its segmentation (as columns), statistics, article profiles and index,
    without reading any article's analysis. Otherwise each article's analysis is read from the
    cache or computed, one article at a time, and folded into the state as it comes: into the
    segmentation's columns, the statistics and the index being written. No article's analysis
    is kept once folded, so the memory does not grow with the sentences of the corpus.
    """

    def __init__(
        self,
        aliases: Mapping[str, list[str]],
        cache: Cache | None = None,
        *,
        workers: int | None = None,
        progress: Progress | None = None,
        warn: Callable[[str], None] | None = None,
    ) -> None:
        self.aliases = dict(aliases)
        self.analyzer = Analyzer(self.aliases)
        self.cache = cache
        self.workers = workers or default_workers()
        self.progress = progress
        self.warn = warn
        self.rules_id: list[tuple[str, str]] = []
        self.state_key = ""
        self._documents: Sequence[Document] = []
        self._articles: list[tuple[str, str]] = []  # each article's path and sha256
        self._rules: tuple[FurnitureRule, ...] = ()
        self._state: _State | None = None
        self.read_back = False  # whether the corpus state was read back whole from the cache
        self.derived: Derivation | None = None  # how the state was derived, if it was

    def segment(
        self, documents: Sequence[Document], rules: tuple[FurnitureRule, ...]
    ) -> Segmentation:
        self.rules_id = [(r.name, r.pattern.pattern) for r in rules]
        paths, hashes, _ = article_columns(documents)  # (``Documents``: none of them made)
        self._articles = list(zip(paths, hashes, strict=True))
        self.__dict__.pop("document_keys", None)  # (those of another corpus, if any)
        self.state_key = self.state(documents, rules)
        self._documents, self._rules = documents, rules
        stored = self._stored_state(documents)
        if stored is not None:
            self._state, self.read_back = stored, True
            if self.progress:
                self.progress("analysing articles", len(documents), len(documents))
            return stored.paragraphs, stored.passages
        self._state = self._derived() or self._fold()
        return self._state.paragraphs, self._state.passages

    def _last_key(self) -> str:
        """Where the cache points at the last corpus state kept with these rules and aliases."""
        return make_key("last state", self.rules_id, list(self.aliases.items()))

    def states_kept(self) -> list[str]:
        """The cache keys of the states table a build keeps: this state, and the pointer to it
        that the next build derives its own state from."""
        return [self.state_key, self._last_key()]

    def _keep(self, record: tuple[Any, ...]) -> None:
        assert self.cache is not None
        self.cache.put("states", self.state_key, record)
        self.cache.put("states", self._last_key(), self.state_key)

    def _derived(self) -> _State | None:
        """This corpus's state made from the last one kept (same rules and aliases) when few of
        its articles changed, been added or been removed (at most ``1 / DERIVE_SHARE`` of
        them): the unchanged articles' rows are copied, only the others' analyses are read or
        computed, and the last state's index is patched in place of a copy (its files are
        hard-linked). Equal to a state made afresh (``_fold``), whose index ranks alike."""
        if self.cache is None:
            return None
        base_key = self.cache.get("states", self._last_key())
        if not isinstance(base_key, str) or base_key == self.state_key:
            return None
        base = self._read_state(self.cache.get("states", base_key), None)
        if base is None:
            return None
        documents, articles = self._documents, self._articles
        before = {path: (i, sha256) for i, (path, sha256) in enumerate(base.articles)}
        fresh = [i for i, a in enumerate(articles) if before.get(a[0], (0, ""))[1] != a[1]]
        paths = {path for path, _ in articles}
        gone = [path for path, _ in base.articles if path not in paths]
        if (not fresh and not gone) or len(fresh) + len(gone) > len(articles) // DERIVE_SHARE:
            return None
        # Each article's rows in the last state, and the descriptions that go with the others.
        uses = {by_word: dict(counts) for by_word, counts in base.described.items()}
        replaced = [path for path in (*gone, *(articles[i][0] for i in fresh)) if path in before]
        try:
            for path in replaced:
                for by, word, name in marshal.loads(base.profiles[before[path][0]])[0]:
                    counts = uses[f"{by}{KEY_SEP}{word}"]
                    counts[name] -= 1
                    if not counts[name]:
                        del counts[name]
        except (ValueError, TypeError, KeyError, EOFError) as err:
            self.cache.warn_once(f"corpus state unreadable: {err!r}")
            return None
        state = _State(
            Paragraphs(), Passages(), {}, {}, [], None, None, bytearray(), articles,
        )  # fmt: skip
        items: list[tuple[str, int, str]] = []
        now: dict[str, list[tuple[str, int]]] = {}  # each new article's sentences, see _changed
        computed = iter(self._entries(fresh))
        changed = set(fresh)
        places = [-1 if k in changed else before[a[0]][0] for k, a in enumerate(articles)]
        k = 0
        while k < len(places):
            if places[k] >= 0:  # unchanged articles in the same order as last time: copied
                stop = k + 1
                while stop < len(places) and places[stop] == places[k] + stop - k:
                    stop += 1
                run = range(places[k], places[k] + stop - k)
                k = stop
                ids = base.passages.rows(run)
                state.paragraphs.take(base.paragraphs, run)
                state.passages.take(base.passages, run)
                state.profiles += base.profiles[run.start : run.stop]
                state.figures += base.figures[ids.start : ids.stop]
                for path, _ in base.articles[run.start : run.stop]:
                    if path in base.names:
                        state.names[path] = base.names[path]
                continue
            path = articles[k][0]
            k += 1
            entry = next(computed)
            state.paragraphs.add(path, entry[0])
            state.passages.add(path, None, entry[1])
            now[path] = [(keys.replace(KEY_SEP, " "), figure) for keys, figure in zip(
                entry[2], entry[6], strict=True
            )]  # fmt: skip
            items.extend((path, n, terms) for n, (terms, _) in enumerate(now[path]))
            for by, word, name in entry[4]:
                counts = uses.setdefault(f"{by}{KEY_SEP}{word}", {})
                counts[name] = counts.get(name, 0) + 1
            if entry[3]:
                state.names[path] = KEY_SEP.join(entry[3])
            state.profiles.append(marshal.dumps((entry[4], entry[5])))
            state.figures += entry[6]
        state.described = {k: v for k, v in sorted(uses.items()) if v}
        state.passages.read_texts_from(_Texts(documents))
        then = self._sentences({path: base.articles[before[path][0]][1] for path in replaced})
        removed = None if then is None else [terms for rows in then.values() for terms, _ in rows]
        state.index = self._patched_index(base_key, base.manifest, replaced, items, removed, state)
        if state.index is None:
            return None
        if then is not None:
            self.derived = Derivation(base_key, _changed(then, now), frozenset({*then, *now}))
        return state

    def _sentences(self, hashes: dict[str, str]) -> dict[str, list[tuple[str, int]]] | None:
        """Each article's sentences as its cached analysis has them (indexed terms, and 1 when
        the sentence has a figure), by path, for the articles with these hashes by path (None
        when one is not in the cache)."""
        assert self.cache is not None
        keys = self._document_keys(list(hashes.values()))
        found = self.cache.get_many("documents", keys)
        try:
            return {
                path: [
                    (terms.replace(KEY_SEP, " "), figure)
                    for terms, figure in zip(found[key][2], found[key][6], strict=True)
                ]
                for path, key in zip(hashes, keys, strict=True)
            }
        except (KeyError, TypeError, IndexError, ValueError, AttributeError):
            return None

    @cached_property
    def document_keys(self) -> list[str]:
        """The cache keys of the articles' analyses, in order (a state read back whole needs
        none of them)."""
        return self._document_keys([sha256 for _, sha256 in self._articles])

    def _document_keys(self, hashes: list[str]) -> list[str]:
        """The cache keys of the analyses of articles with these hashes (with these rules)."""
        return make_keys(("document", self.rules_id, list(self.aliases.items())), hashes)

    def _patched_index(
        self,
        base_key: str,
        manifest: object,
        replaced: list[str],
        items: list[tuple[str, int, str]],
        removed: list[str] | None,
        state: _State,
    ) -> PassageIndex | None:
        """The last state's index with the passages of ``replaced`` deleted and ``items``
        added, in this state's folder (None when the last one's files are not as written)."""
        assert self.cache is not None
        base = self.cache.index_path(base_key)
        try:
            if folder_manifest(base) != manifest:
                self.cache.warn_once("index files changed since they were written")
                return None
        except (OSError, ValueError) as err:
            self.cache.warn_once(f"index unreadable: {err}")
            return None
        if self.progress:
            self.progress("indexing passages", 0, 1)
        try:
            with self.cache.new_index_folder(self.state_key) as folder:
                if folder is None:
                    return None
                try:
                    for file in base.iterdir():
                        if file.is_file() and not _is_lock(file):
                            _link_or_copy(file, folder / file.name)
                except OSError as err:  # the folder is not put in place: see _Abandoned
                    raise _Abandoned(f"index unreadable: {err}") from err
                PassageIndex(str(folder)).replace(replaced, items, removed=removed)
        except _Abandoned as err:
            self.cache.warn_once(str(err))
            return None
        final = self.cache.index_path(self.state_key)
        try:
            index = PassageIndex(str(final))
            self._keep(state.record(folder_manifest(final)))
        except (OSError, ValueError):  # another build replaced it this very moment
            return None
        if self.progress:
            self.progress("indexing passages", 1, 1)
        return index

    def _stored_state(self, documents: Sequence[Document]) -> _State | None:
        """The cached state of this corpus, if there is a readable one."""
        stored = self.cache.get("states", self.state_key) if self.cache else None
        state = self._read_state(stored, _Texts(documents))
        if state is not None and state.articles != self._articles:
            if self.cache is not None:
                self.cache.warn_once("corpus state unreadable: its articles are not the corpus's")
            return None
        return state

    def _read_state(self, stored: Any, texts: Sequence[str] | None) -> _State | None:
        """A state as the cache keeps it (``_State.record``), its passages over the articles'
        ``texts`` (None: none to read); None when it is not one."""
        if stored is None:
            return None
        try:
            if not isinstance(stored, tuple) or len(stored) != STATE_FIELDS:
                raise ValueError("not a corpus state of this version")
            (
                names, described, manifest, paragraph_columns, passage_columns, profiles,
                figures, articles,
            ) = stored  # fmt: skip
            paragraphs = Paragraphs.from_columns(paragraph_columns)
            paths = [path for path, _ in articles]
            passages = Passages.from_columns(passage_columns, texts or [""] * len(paths))
            if list(passages.by_source()) != paths:
                raise ValueError("its articles are not its passages'")
            if not isinstance(figures, bytes) or len(figures) != len(passages):
                raise ValueError("its figure column is not its passages'")
            if len(profiles) != len(paths):
                raise ValueError("its article profiles are not its articles'")
        except (ValueError, TypeError, IndexError) as err:
            if self.cache is not None:
                self.cache.warn_once(f"corpus state unreadable: {err}")
            return None
        return _State(
            paragraphs, passages, names, described, profiles, manifest, None, bytearray(figures),
            [tuple(a) for a in articles],
        )  # fmt: skip

    def _entries(self, only: Sequence[int] | None = None) -> Iterator[Entry]:
        """The analyses of the articles numbered ``only`` (default: every article), in order:
        read from the cache a few hundred at a time, or computed (in parallel) and put in the
        cache."""
        documents, keys = self._documents, self.document_keys
        wanted = range(len(documents)) if only is None else only
        present = self.cache.present("documents", [keys[i] for i in wanted]) if self.cache else (
            set()
        )  # fmt: skip
        missing = [i for i in wanted if keys[i] not in present]
        texts = ((i, documents[i].text) for i in missing)  # each read when it is analysed
        computed = iter(self._compute(texts, self._rules))
        total, done = len(wanted), len(wanted) - len(missing)
        if self.progress:
            self.progress("analysing articles", done, total)
        for first in range(0, total, READ_CHUNK):
            chunk = wanted[first : first + READ_CHUNK]
            found = self.cache.get_many(
                "documents", [keys[i] for i in chunk if keys[i] in present]
            ) if self.cache else {}  # fmt: skip
            for i in chunk:
                key = keys[i]
                entry = found.get(key)
                if entry is None:
                    if key in present:  # unreadable after all: the cache is being rebuilt
                        entry = prepare_document(documents[i].text, self._rules, self.analyzer)
                        if self.cache:
                            self.cache.put("documents", key, entry)
                    else:
                        j, entry, stored = next(computed)
                        assert j == i
                        if self.cache:
                            self.cache.put_stored("documents", key, stored)
                    done += 1
                    if self.progress:
                        self.progress("analysing articles", done, total)
                yield entry

    def _fold(self) -> _State:
        """The corpus state from every article's analysis, one article at a time; the index is
        written as the articles come."""
        documents, articles = self._documents, self._articles
        state = _State(Paragraphs(), Passages(), {}, {}, [], None, None, bytearray(), articles)
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

        def record(manifest: object) -> tuple[Any, ...]:
            finish()
            return state.record(manifest)

        state.index = self._build_index(items(), record)
        finish()  # the items are all read: also when no record was written
        state.passages.read_texts_from(_Texts(documents))
        return state

    def _index_items(self) -> Iterator[tuple[str, int, str]]:
        """The index's documents alone, from every article's analysis."""
        for (path, _), entry in zip(self._articles, self._entries(), strict=True):
            for n, keys in enumerate(entry[2]):
                yield path, n, keys.replace(KEY_SEP, " ")

    def _compute(
        self, texts: Iterator[tuple[int, str]], rules: tuple[FurnitureRule, ...]
    ) -> Iterable[tuple[int, Entry, bytes]]:
        """Each article's analysis, and the same as the cache stores it."""
        ahead: list[tuple[int, str]] = []  # enough to know whether processes are worth it
        size = 0
        for item in texts:
            ahead.append(item)
            size += len(item[1])
            if size >= PARALLEL_MIN_CHARS:
                break
        missing = chain(ahead, texts)
        if self.workers <= 1 or size < PARALLEL_MIN_CHARS:
            for i, text in missing:
                entry = prepare_document(text, rules, self.analyzer)
                yield i, entry, marshal.dumps(entry) if self.cache else b""
            return
        gc.freeze()  # the workers' collector leaves what they inherit alone: its pages stay shared
        try:
            with ProcessPoolExecutor(
                max_workers=self.workers,
                initializer=_init_worker,
                initargs=(rules, self.analyzer),
            ) as pool:
                submitted = (
                    (
                        [i for i, _ in chunk],
                        pool.submit(_prepare_chunk, [t.encode() for _, t in chunk]),
                    )
                    for chunk in _chunks(missing)
                )
                # A few chunks in flight per worker, not all: analyses finished before they
                # are folded wait in memory.
                pending = deque(islice(submitted, IN_FLIGHT_PER_WORKER * self.workers))
                while pending:
                    ids, future = pending.popleft()
                    pending.extend(islice(submitted, 1))
                    for i, stored in zip(ids, future.result(), strict=True):
                        yield i, marshal.loads(stored), stored
        finally:
            gc.unfreeze()

    def state(self, documents: Sequence[Document], rules: tuple[FurnitureRule, ...]) -> str:
        """The key of the whole corpus as the judge sees it (with this code and these aliases)."""
        paths, hashes, _ = article_columns(documents)
        return make_key(
            "state",
            [(r.name, r.pattern.pattern) for r in rules],
            list(self.aliases.items()),
            list(zip(paths, hashes, strict=True)),
        )

    def matcher(self, corpus: Corpus) -> tuple[Matcher, str]:
        """The matcher over the prepared corpus, and the corpus state key."""
        state = self._state
        if state is None:
            raise ValueError("Preparer.matcher: the corpus was not segmented by this preparer")
        if state.index is None and self.cache is not None:
            state.index = self._open_index(self.cache, self.state_key, state.manifest)
        if state.index is None:  # the cached index is broken: written again, and recorded
            state.index = self._build_index(self._index_items(), state.record, replace=True)
        self._state = None
        matcher = Matcher(
            corpus,
            self.analyzer,
            index=state.index,
            doc_keys=ArticleNames(state.names, KEY_SEP),
            descriptions={_pair(k): v for k, v in state.described.items()},
            profiles=Made(
                dict(zip(article_columns(corpus.documents)[0], state.profiles, strict=True)),
                _profile_row,
            ),
            settings=make_key("settings", self.rules_id, list(self.aliases.items())),
            figures=bytes(state.figures),
        )
        return matcher, self.state_key

    @staticmethod
    def _open_index(cache: Cache, state: str, manifest: object) -> PassageIndex | None:
        """The cached index of ``state``, if its files are exactly those written."""
        path = cache.index_path(state)
        try:
            if folder_manifest(path) == manifest:
                return PassageIndex(str(path))
            problem = "index files changed since they were written"
        except (OSError, ValueError) as err:
            problem = f"index unreadable: {err}"
        cache.warn_once(problem)
        return None

    def _build_index(
        self,
        items: Iterable[tuple[str, int, str]],
        record: Callable[[object], tuple[Any, ...]] | None,
        *,
        replace: bool = False,
    ) -> PassageIndex:
        """The index of ``items``, written in the cache's folder for this state when it can be
        (``replace``: over a broken one); then ``record(manifest)`` is what the cache keeps of
        the state (None: keep nothing), with the manifest of the index in place, whichever build
        put it there."""
        if self.progress:
            self.progress("indexing passages", 0, 1)
        many = len(self._documents) >= INDEX_THREADS_ARTICLES
        threads = min(self.workers, 2) if many else 1
        index: PassageIndex
        if self.cache is None:
            index = PassageIndex()
            index.add(items, threads=threads)
        else:
            with self.cache.new_index_folder(self.state_key, replace=replace) as folder:
                if folder is None:
                    index = PassageIndex()
                    index.add(items, threads=threads)
                else:
                    PassageIndex(str(folder)).add(items, threads=threads)
            if folder is not None:
                final = self.cache.index_path(self.state_key)
                try:
                    manifest = folder_manifest(final)
                    index = PassageIndex(str(final))
                except (OSError, ValueError):  # another build replaced it this very moment
                    index = PassageIndex()
                    index.add(self._index_items(), threads=threads)
                else:
                    if record is not None:
                        self._keep(record(manifest))
        if self.progress:
            self.progress("indexing passages", 1, 1)
        return index


class _Abandoned(Exception):
    """Raised in a ``Cache.new_index_folder`` block to drop the folder, not put it in place."""


def _is_lock(file: Path) -> bool:
    """A tantivy lock file: a copy's writer makes its own (a link would share the lock of the
    folder it links to, and two builds patching at once would wait on each other's)."""
    return file.name.startswith(".tantivy-") and file.name.endswith(".lock")


def _link_or_copy(source: Path, target: Path) -> None:
    """``target`` as a hard link to ``source``, for tantivy's segment files (tantivy never
    writes one twice: a patched index writes new files beside the linked ones); a copy for its
    small JSON files (which it may write again) and where links cannot be made."""
    if source.suffix != ".json":
        try:
            os.link(source, target)
            return
        except OSError:
            pass
    shutil.copy2(source, target)


def _changed(
    then: Mapping[str, list[tuple[str, int]]], now: Mapping[str, list[tuple[str, int]]]
) -> frozenset[str]:
    """Every key of the sentences that differ between two versions of some articles (each
    sentence as its indexed terms and figure flag, by article path; an article added or
    removed has no sentences in the other): a sentence in the same place with the same terms
    and flag is retrieved alike, whichever version it is read from."""
    changed: set[str] = set()
    for path in {*then, *now}:
        before, after = then.get(path, []), now.get(path, [])
        for n in range(max(len(before), len(after))):
            old = before[n] if n < len(before) else None
            new = after[n] if n < len(after) else None
            if old != new:
                for sentence in (old, new):
                    if sentence is not None:
                        changed.update(sentence[0].split())
    return frozenset(changed)
