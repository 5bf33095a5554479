"""The corpus prepared for the judge (``judge.prepare``), through the build cache.

Each article's analysis is cached by the article's content hash (see ``incremental.cache``); the
corpus-wide statistics, the segmentation and the tantivy index are cached per corpus state, and
opened from the cache when the corpus is unchanged, or patched from the last state when few
articles changed. The output is the same as the plain ``judge.prepare.Preparer``'s.
"""

from __future__ import annotations

import marshal
import os
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from dossier.corpus.documents import article_columns
from dossier.corpus.furniture import FurnitureRule
from dossier.executors import choose
from dossier.incremental.cache import Cache, folder_manifest, make_key, make_keys
from dossier.judge.match import Matcher
from dossier.judge.prepare import (
    KEY_SEP,
    Entry,
    Preparer,
    Progress,
    Spool,
    State,
    Texts,
    prepare_document,
)
from dossier.models import Corpus, Document, Paragraphs, Passages
from dossier.retrieval.interface import Item, PassageIndex
from dossier.retrieval.sharded import new_index, open_index, shards


@dataclass(frozen=True)
class Derivation:
    """A corpus state made from an earlier one (``CachedPreparer._derived``): that state's key,
    every key of the sentences that differ between them (``_changed``) and the articles that
    differ: what a claim retrieved against the earlier state needs to know to tell whether it
    would retrieve the same now (``Matcher.retrieved_again``)."""

    base: str
    changed: frozenset[str]
    articles: frozenset[str]  # the paths of the articles changed, added and removed


def _record(state: State, manifest: object) -> tuple[Any, ...]:
    """The state as the cache keeps it, with the manifest of its index folder."""
    return (
        state.names,
        state.described,
        manifest,
        state.paragraphs.columns(),
        state.passages.columns(),
        state.profiles,
        bytes(state.figures),
        state.articles,
    )


DERIVE_SHARE = 4  # a state is derived from the last one when at most a quarter of articles changed
READ_CHUNK = 500  # articles' analyses read from the cache at a time
STATE_FIELDS = 8
"""A corpus state in the cache: each article's names, descriptions, the index manifest, the
paragraph and passage columns, the article profiles' rows, the passages' figure bytes and each
article's path and hash (what a later state is derived from, see ``CachedPreparer._derived``). An
article's names and profile are kept as one string or bytes each: 50,000 of those are read
back at once, the sets and lists in them only for the articles the judge reads."""


def read_state(stored: Any, texts: Sequence[str] | None) -> State:
    """A state as the cache keeps it (``_record``), its passages over the articles' ``texts``
    (None: none to read); a ``ValueError`` saying why when it is not one."""
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
    except (TypeError, IndexError) as err:
        raise ValueError(str(err)) from None
    return State(
        paragraphs, passages, names, described, profiles, manifest, None, bytearray(figures),
        [tuple(a) for a in articles],
    )  # fmt: skip


class CachedPreparer(Preparer):
    """A ``Preparer`` through the build cache.

    A corpus state seen before (the same articles, rules and aliases) is read back whole: its
    segmentation (as columns), statistics, article profiles and index, without reading any
    article's analysis. Otherwise each article's analysis is read from the cache or computed,
    and folded into the state as it comes; when few articles changed since the last state, that
    state's rows and index are taken and patched (``_derived``).
    """

    def __init__(
        self,
        aliases: Mapping[str, list[str]],
        cache: Cache,
        *,
        workers: int | None = None,
        progress: Progress | None = None,
        corpus: Path | None = None,
    ) -> None:
        super().__init__(aliases, workers=workers, progress=progress, corpus=corpus)
        self.cache = cache
        self.rules_id: list[tuple[str, str]] = []
        self.state_key = ""
        self.read_back = False  # whether the corpus state was read back whole from the cache
        self.derived: Derivation | None = None  # how the state was derived, if it was

    def _made(self) -> State:
        documents, rules = self._documents, self._rules
        self.rules_id = [(r.name, r.pattern.pattern) for r in rules]
        self.__dict__.pop("document_keys", None)  # (those of another corpus, if any)
        self.state_key = self.state(documents, rules)
        stored = self._stored_state(documents)
        if stored is not None:
            self.read_back = True
            if self.progress:
                self.progress("analysing articles", len(documents), len(documents))
            return stored
        return self._derived() or self._fold()

    def _spool(self) -> Spool | None:
        """On a cluster, the workers write the analyses into the build cache folder (shared
        with them): where, ``Cache.incoming``."""
        return self.cache.incoming()

    def settings(self) -> str:
        """The key of the alias table and furniture rules (a claim's judgment reads them)."""
        return make_key("settings", self.rules_id, list(self.aliases.items()))

    def _last_key(self) -> str:
        """Where the cache points at the last corpus state kept with these rules and aliases."""
        return make_key("last state", self.rules_id, list(self.aliases.items()))

    def states_kept(self) -> list[str]:
        """The cache keys of the states table a build keeps: this state, and the pointer to it
        that the next build derives its own state from."""
        return [self.state_key, self._last_key()]

    def _keep(self, record: tuple[Any, ...]) -> None:
        self.cache.put("states", self.state_key, record)
        self.cache.put("states", self._last_key(), self.state_key)

    def _derived(self) -> State | None:
        """This corpus's state made from the last one kept (same rules and aliases) when few of
        its articles changed, been added or been removed (at most ``1 / DERIVE_SHARE`` of
        them): the unchanged articles' rows are copied, only the others' analyses are read or
        computed, and the last state's index is patched in place of a copy (its files are
        hard-linked). Equal to a state made afresh (``_fold``), whose index ranks alike."""
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
        state = State(
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
        state.passages.read_texts_from(Texts(documents))
        then = self._sentences({path: base.articles[before[path][0]][1] for path in replaced})
        removed = (
            None
            if then is None
            else [(path, terms) for path, rows in then.items() for terms, _ in rows]
        )
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
        removed: list[tuple[str, str]] | None,
        state: State,
    ) -> PassageIndex | None:
        """The last state's index with the passages of ``replaced`` deleted and ``items``
        added, in this state's folder (None when the last one's files are not as written)."""
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
                    for file in sorted(base.rglob("*")):
                        target = folder / file.relative_to(base)
                        if file.is_dir():
                            target.mkdir()
                        elif file.is_file() and not _is_lock(file):
                            _link_or_copy(file, target)
                except OSError as err:  # the folder is not put in place: see _Abandoned
                    raise _Abandoned(f"index unreadable: {err}") from err
                open_index(folder).replace(replaced, items, removed=removed)
        except _Abandoned as err:
            self.cache.warn_once(str(err))
            return None
        final = self.cache.index_path(self.state_key)
        try:
            index = open_index(final)
            self._keep(_record(state, folder_manifest(final)))
        except (OSError, ValueError):  # another build replaced it this very moment
            return None
        if self.progress:
            self.progress("indexing passages", 1, 1)
        return index

    def _stored_state(self, documents: Sequence[Document]) -> State | None:
        """The cached state of this corpus, if there is a readable one."""
        state = self._read_state(self.cache.get("states", self.state_key), Texts(documents))
        if state is not None and state.articles != self._articles:
            self.cache.warn_once("corpus state unreadable: its articles are not the corpus's")
            return None
        return state

    def _read_state(self, stored: Any, texts: Sequence[str] | None) -> State | None:
        """``read_state``; None, with a warning, when ``stored`` is not a state."""
        if stored is None:
            return None
        try:
            return read_state(stored, texts)
        except ValueError as err:
            self.cache.warn_once(f"corpus state unreadable: {err}")
            return None

    def _analyses(self, wanted: Sequence[int]) -> Iterator[Entry]:
        """The analyses of the articles numbered ``wanted``, in order: read from the cache a few
        hundred at a time, or computed (in parallel) and put in the cache."""
        documents, keys = self._documents, self.document_keys
        present = self.cache.present("documents", [keys[i] for i in wanted])
        missing = [i for i in wanted if keys[i] not in present]
        computed = iter(self._compute(missing))
        total, done = len(wanted), len(wanted) - len(missing)
        if self.progress:
            self.progress("analysing articles", done, total)
        for first in range(0, total, READ_CHUNK):
            chunk = wanted[first : first + READ_CHUNK]
            found = self.cache.get_many("documents", [keys[i] for i in chunk if keys[i] in present])
            for i in chunk:
                key = keys[i]
                entry = found.get(key)
                if entry is None:
                    if key in present:  # unreadable after all: the cache is being rebuilt
                        entry = prepare_document(documents[i].text, self._rules, self.analyzer)
                        self.cache.put("documents", key, entry)
                    else:
                        j, entry, stored = next(computed)
                        assert j == i
                        self.cache.put_stored("documents", key, stored)
                    done += 1
                    if self.progress:
                        self.progress("analysing articles", done, total)
                yield entry

    def _index_items(self) -> Iterator[tuple[str, int, str]]:
        """The index's documents alone, from every article's analysis."""
        for (path, _), entry in zip(self._articles, self._entries(), strict=True):
            for n, keys in enumerate(entry[2]):
                yield path, n, keys.replace(KEY_SEP, " ")

    def state(self, documents: Sequence[Document], rules: tuple[FurnitureRule, ...]) -> str:
        """The key of the whole corpus as the judge sees it (with this code and these aliases)."""
        paths, hashes, _ = article_columns(documents)
        return make_key(
            "state",
            [(r.name, r.pattern.pattern) for r in rules],
            list(self.aliases.items()),
            list(zip(paths, hashes, strict=True)),
        )

    def matcher(self, corpus: Corpus) -> Matcher:
        """The matcher over the prepared corpus (of state ``state_key``)."""
        state = self._state
        if state is not None and state.index is None:
            state.index = self._open_index(self.cache, self.state_key, state.manifest)
            if state.index is None:  # the cached index is broken: written again, and recorded
                state.index = self._build_index(self._index_items(), lambda: state, replace=True)
        matcher = super().matcher(corpus)
        if choose.remote() and state is not None and self.cache.usable:
            from dossier.incremental.remote import recipe

            matcher.remote = recipe(
                self.state_key,
                self.aliases,
                self.cache.folder,
                self.cache.file_path("states", self.state_key),
                self.cache.index_path(self.state_key),
                corpus,
            )
        return matcher

    @staticmethod
    def _open_index(cache: Cache, state: str, manifest: object) -> PassageIndex | None:
        """The cached index of ``state``, if its files are exactly those written."""
        path = cache.index_path(state)
        try:
            if folder_manifest(path) == manifest:
                return open_index(path)
            problem = "index files changed since they were written"
        except (OSError, ValueError) as err:
            problem = f"index unreadable: {err}"
        cache.warn_once(problem)
        return None

    def _build_index(
        self,
        items: Iterable[Item],
        finished: Callable[[], State] | None = None,
        *,
        replace: bool = False,
    ) -> PassageIndex:
        """The index of ``items``, written in the cache's folder for this state when it can be
        (``replace``: over a broken one); then the state ``finished()`` gives is kept in the
        cache (None: none kept), with the manifest of the index in place, whichever build put
        it there."""
        if self.progress:
            self.progress("indexing passages", 0, 1)
        index: PassageIndex
        with self.cache.new_index_folder(self.state_key, replace=replace) as folder:
            if folder is None:
                index = self._memory_index(items)
            else:
                new_index(folder, shards()).add(items, threads=self._threads())
        if folder is not None:
            final = self.cache.index_path(self.state_key)
            try:
                manifest = folder_manifest(final)
                index = open_index(final)
            except (OSError, ValueError):  # another build replaced it this very moment
                index = self._memory_index(self._index_items())
            else:
                if finished is not None:
                    self._keep(_record(finished(), manifest))
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
