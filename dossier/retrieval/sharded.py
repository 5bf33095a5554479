"""An index in shards: each article's passages in one of N tantivy indexes, chosen by its path's
hash, written side by side; a query is answered by every shard with the whole corpus's
statistics and the answers merged, so the passages found, their order and their scores are
those of one index over the whole corpus (``TantivyIndex``).

Why it ranks alike: a key's weight is its BM25 idf among all live passages (the shards' counts
summed), the average passage length is that of all of them (the shards' length buckets summed,
as integers), and a passage's score is the sum of its keys' weights times BM25's factor for its
own length: nothing in it depends on which shard holds it. Each shard returns its best
``limit`` passages (ties taken in passage order), so the best ``limit`` of the whole corpus are
among what the shards return; they are merged by score, then passage.

On disk, a sharded index is a folder of ``shard-000``, ``shard-001``... (``open_index`` tells
the layouts apart); one folder of an unsharded index is the same as before.
"""

from __future__ import annotations

import contextlib
import heapq
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextvars import ContextVar
from pathlib import Path

from dossier.retrieval.interface import Groups, Item, PassageIndex
from dossier.retrieval.tantivy import TantivyIndex, article_key, query_weights, statistics

SHARD_NAME = "shard-{:03d}"

_shards: ContextVar[int] = ContextVar("dossier_shards", default=1)
"""How many shards an index written inside ``sharding`` has (``dossier build --shards``)."""


@contextlib.contextmanager
def sharding(shards: int | None) -> Iterator[None]:
    """Indexes written inside the block are in ``shards`` shards (None or 1: unsharded). An
    index read back from the build cache keeps the layout it was written in: it ranks alike."""
    token = _shards.set(max(1, shards or 1))
    try:
        yield
    finally:
        _shards.reset(token)


def shards() -> int:
    """The shards of an index written now (see ``sharding``)."""
    return _shards.get()


def shard_of(path: str, shards: int) -> int:
    """The shard of the article at ``path`` among ``shards``: by its path's hash, so an
    article stays in its shard whatever the other articles are."""
    return article_key(path) % shards


def open_index(folder: Path) -> PassageIndex:
    """The index written in ``folder``: sharded when it holds shard folders, else one."""
    shards = sorted(p for p in folder.glob("shard-*") if p.is_dir())
    if shards:
        return ShardedIndex([TantivyIndex(str(p)) for p in shards])
    return TantivyIndex(str(folder))


def new_index(folder: Path | None, shards: int) -> PassageIndex:
    """An empty index in ``folder`` (None: in memory), in ``shards`` shards (1: unsharded, the
    folder holding one tantivy index as before)."""
    if shards <= 1:
        return TantivyIndex(str(folder)) if folder is not None else TantivyIndex()
    if folder is None:
        return ShardedIndex([TantivyIndex() for _ in range(shards)])
    made = []
    for n in range(shards):
        (folder / SHARD_NAME.format(n)).mkdir(parents=True, exist_ok=True)
        made.append(TantivyIndex(str(folder / SHARD_NAME.format(n))))
    return ShardedIndex(made)


class ShardedIndex:
    """A ``PassageIndex`` over ``shards``, ranking as one index over all their passages."""

    def __init__(self, shards: Sequence[TantivyIndex]) -> None:
        if not shards:
            raise ValueError("ShardedIndex: no shard")
        self.shards = list(shards)

    def add(self, items: Iterable[Item], threads: int = 1) -> None:
        """Index ``items``, each in its article's shard, and commit."""
        self.replace((), items, threads)

    def replace(
        self,
        articles: Iterable[str],
        items: Iterable[Item],
        threads: int = 1,
        removed: Iterable[tuple[str, str]] | None = (),
    ) -> None:
        """``TantivyIndex.replace`` on every shard, each given its own articles: the shards
        are written side by side (each item handed to its shard's writer as it comes, which
        indexes it on its own ``threads``), then committed together."""
        count = len(self.shards)
        mine: list[list[str]] = [[] for _ in range(count)]
        for path in articles:
            mine[shard_of(path, count)].append(path)
        gone: list[list[tuple[str, str]]] = [[] for _ in range(count)]
        for path, terms in removed or ():
            gone[shard_of(path, count)].append((path, terms))
        writings = [
            shard.writing(mine[n], threads, None if removed is None else gone[n])
            for n, shard in enumerate(self.shards)
        ]
        where: dict[str, int] = {}
        for path, sentence, terms in items:
            n = where.get(path)
            if n is None:
                n = where[path] = shard_of(path, count)
            writings[n].add(path, sentence, terms)
        with ThreadPoolExecutor(count) as pool:
            list(pool.map(lambda writing: writing.commit(), writings))

    def place(self, starts: Mapping[str, int]) -> None:
        for shard in self.shards:
            shard.place(starts)

    def frequency(self, key: str) -> int:
        return sum(shard.frequency(key) for shard in self.shards)

    def lengths(self) -> list[int]:
        """How many live passages of all shards are in each length bucket."""
        return [sum(counts) for counts in zip(*(s.lengths() for s in self.shards), strict=True)]

    def statistics(self) -> tuple[int, float]:
        return statistics(self.lengths())

    def weights(self, groups: Groups) -> list[tuple[str, float]]:
        return query_weights(self, groups)

    def search(self, groups: Groups, limit: int) -> list[int]:
        return [pid for pid, _score in self.scored(groups, limit)]

    def scored(self, groups: Groups, limit: int) -> list[tuple[int, float]]:
        """The best ``limit`` passages of all shards, each shard scoring its own with the whole
        corpus's weights and average length, merged by score, then passage."""
        _, average = self.statistics()
        weights = self.weights(groups)
        found = [
            shard.ranked([(w, shard.held(key)[0]) for key, w in weights], average, limit)
            for shard in self.shards
        ]
        merged = heapq.merge(*found, key=lambda hit: (-hit[1], hit[0]))
        return [hit for _, hit in zip(range(limit), merged, strict=False)]
