"""Passage retrieval with tantivy: the ``PassageIndex`` of ``interface.py``.

Scores are BM25's, computed from the live passages alone, so that an index patched in place
ranks exactly as one written afresh: tantivy keeps a deleted passage in its own statistics
until segments merge, which its Python API cannot ask for. Each key of a query weighs its BM25
idf among the live passages (``bm25_weight``); a passage scores, for each key it holds, that
weight times BM25's factor for a word written once in a passage of its length, against the
live passages' average length. The number of passages enters to two significant digits
(``significant``) and the average length as a length bucket, so an edit elsewhere seldom moves a
weight. For that a passage's length is indexed with each of its keys, as a bucket ("raqqa|9": a
passage of about 1.2^9 keys), and a passage is kept as its article and sentence number rather
than as its position in the corpus, which an edit before it shifts.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import tantivy

from dossier.retrieval.interface import Groups, Item, PassageIndex

BODY = "body"
ARTICLE = "article"
SENTENCE = "sentence"
ENTITY_BOOST = 2.5
WRITER_HEAP = 128_000_000
# Hits fetched beyond the limit, to settle ties at the limit by passage id. Archives repeat
# sentences (wire copy), so ties at the limit are common: at 50,000 articles a margin of 16 had
# 60% of the searches run again; one of the limit's own size settles nearly all at once.
TIE_MARGIN = 512

BUCKET_SEP = "|"  # no key holds it: keys are letters and digits after a one-character mark
BUCKET_RATIO = 1.2  # passage lengths (in keys) are bucketed on this geometric scale
BUCKETS = 32  # the last holds every passage of 1.2^31 (about 280) keys or more
K1, B = 1.2, 0.75  # BM25's
WEIGHT_DECIMALS = 2  # a key's weight, rounded: an edit elsewhere seldom moves it
STATISTICS_DIGITS = 2  # significant digits of the number of passages in a weight


def bucket(length: int) -> int:
    """The length bucket of a passage of ``length`` keys."""
    return min(BUCKETS - 1, round(math.log(max(length, 1)) / math.log(BUCKET_RATIO)))


def article_key(path: str) -> int:
    """An article's number in the index: stable whatever the other articles are."""
    digest = hashlib.blake2b(path.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1  # tantivy's integers are signed


def significant(value: float) -> float:
    """``value`` cut to ``STATISTICS_DIGITS`` significant digits: a corpus-wide figure that an
    edit elsewhere does not move (125,983 passages are 120,000 whatever one article says),
    so that what was retrieved before can be known to hold without retrieving it again."""
    if value <= 0:
        return 0.0
    step = 10.0 ** (math.floor(math.log10(value)) + 1 - STATISTICS_DIGITS)
    return math.floor(value / step) * step


def bm25_weight(df: int, total: int, entity: bool) -> float:
    """The weight of a key held by ``df`` of ``total`` passages: its BM25 idf (of the total
    to ``significant`` digits), times ``ENTITY_BOOST`` for a name, rounded."""
    idf = math.log(1 + (significant(total) - df + 0.5) / (df + 0.5))
    return round(idf * (ENTITY_BOOST if entity else 1.0), WEIGHT_DECIMALS)


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field(BODY, stored=False, tokenizer_name="whitespace", index_option="basic")
    builder.add_integer_field(ARTICLE, stored=False, indexed=True, fast=True)
    builder.add_integer_field(SENTENCE, stored=False, indexed=False, fast=True)
    return builder.build()


_MARKED = 1_000  # lengths whose mark is made once
_MARKS = [f"{BUCKET_SEP}{bucket(n)}" for n in range(_MARKED)]


def _body(terms: str) -> str:
    """A passage as indexed: each key marked with the passage's length bucket, then the mark
    alone ("dam|6 tabqa|6 |6"). ``terms`` holds its keys separated by single spaces."""
    if not terms:
        return _MARKS[0]
    length = terms.count(" ") + 1
    mark = _MARKS[length] if length < _MARKED else f"{BUCKET_SEP}{bucket(length)}"
    return f"{terms.replace(' ', mark + ' ')}{mark} {mark}"


class TantivyIndex:
    """A ``PassageIndex`` in tantivy, in memory or in the folder ``path``: each passage kept as
    (article, sentence number), ranked by BM25 over the live passages alone."""

    def __init__(self, path: str | None = None) -> None:
        self.schema = _schema()
        self.index = tantivy.Index(self.schema, path=path) if path else tantivy.Index(self.schema)
        self.path = Path(path) if path else None
        self._starts: dict[int, int] = {}
        self._stats: tuple[int, list[int], bool] | None = None
        self._keys: dict[str, tuple[list[tuple[str, int]], int]] = {}  # see ``held``
        self._deleted: Deleted | None = Deleted()
        if self.path is not None and (self.path / DELETED_FILE).is_file():
            self._deleted = Deleted.read(self.path / DELETED_FILE)

    def add(self, items: Iterable[Item], threads: int = 1) -> None:
        """Index ``(article path, sentence number, passage_terms(...))`` triples and commit."""
        self.replace((), items, threads)

    def replace(
        self,
        articles: Iterable[str],
        items: Iterable[Item],
        threads: int = 1,
        removed: Iterable[tuple[str, str]] | None = (),
    ) -> None:
        """Delete every passage of ``articles``, index ``items`` (see ``add``), and commit.
        ``removed``: each passage deleted, as its article's path and ``passage_terms`` (None:
        not known), which keeps reading how many live passages hold a key from tantivy's
        statistics."""
        writing = self.writing(articles, threads, removed)
        for item in items:
            writing.add(*item)
        writing.commit()

    def writing(
        self,
        articles: Iterable[str],
        threads: int = 1,
        removed: Iterable[tuple[str, str]] | None = (),
    ) -> Writing:
        """``replace`` in steps: the passages of ``articles`` deleted at once, the items added
        one by one (``Writing.add``: tantivy indexes them on its own threads meanwhile), then
        ``Writing.commit``. The shards of a ``ShardedIndex`` are written side by side so."""
        writer = self.index.writer(heap_size=WRITER_HEAP, num_threads=threads)
        for path in articles:
            writer.delete_documents_by_term(ARTICLE, article_key(path))
        if self._deleted is not None and removed is not None:
            for _path, terms in removed:
                self._deleted.count(_body(terms))
        else:
            self._deleted = None
        return Writing(self, writer)

    def _committed(self) -> None:
        """After a write: the statistics read again, the deleted passages' record kept."""
        self.index.reload()
        if self._deleted is not None and self._deleted.passages:
            self._deleted.settle(self.index.searcher(), self.schema)
        if self.path is not None and self._deleted is not None and self._deleted.passages:
            self._deleted.write(self.path / DELETED_FILE)
        elif self.path is not None and self._deleted is not None:
            (self.path / DELETED_FILE).unlink(missing_ok=True)  # none left in the statistics
        elif self.path is not None:
            Deleted.unknown(self.path / DELETED_FILE)
        self._stats = None
        self._keys = {}

    def place(self, starts: Mapping[str, int]) -> None:
        """Each article's first passage id in the corpus, by path."""
        self._starts = {article_key(path): start for path, start in starts.items()}

    def _live(self) -> tuple[int, list[int], bool]:
        """How many passages are live, how many in each length bucket, and whether tantivy's
        document frequencies, less those of the passages deleted (``Deleted``), are the live
        passages' own: so unless the passages deleted are not known, or a merge has let some
        of them go. Measured once after each write."""
        if self._stats is None:
            self._stats = self._statistics(self.index.searcher())
        return self._stats

    def _statistics(self, searcher: tantivy.Searcher) -> tuple[int, list[int], bool]:
        total = searcher.num_docs
        marks = [f"{BUCKET_SEP}{b}" for b in range(BUCKETS)]
        deleted = self._deleted
        written = sum(searcher.doc_freq(BODY, m) for m in marks)  # deleted passages too
        clean = deleted is not None and written == total + deleted.passages
        return total, [self._count(searcher, [mark], clean) for mark in marks], clean

    def _count(self, searcher: tantivy.Searcher, terms: list[str], clean: bool) -> int:
        """How many live passages hold any of ``terms`` (each in one length bucket): read from
        tantivy's statistics, less the deleted passages', when ``clean`` (see ``_live``), else
        counted."""
        if clean:
            assert self._deleted is not None
            less = self._deleted.terms
            return sum(searcher.doc_freq(BODY, t) - less.get(t, 0) for t in terms)
        clauses = [
            (tantivy.Occur.Should, tantivy.Query.term_query(self.schema, BODY, t)) for t in terms
        ]
        query = tantivy.Query.const_score_query(tantivy.Query.boolean_query(clauses), 1.0)
        found = searcher.search(query, 1, count=True)
        return int(found.count or 0)  # type: ignore[attr-defined]

    def frequency(self, key: str) -> int:
        """How many passages hold ``key`` (its document frequency)."""
        return self.held(key)[1]

    def held(self, key: str) -> tuple[list[tuple[str, int]], int]:
        """The key's terms in the buckets that hold it, with their buckets (deleted passages
        included: a bucket without the key is left out of a query), and how many live passages
        hold it."""
        held = self._keys.get(key)
        if held is None:
            _, _, clean = self._live()
            searcher = self.index.searcher()
            terms = [t for t in _buckets(key) if searcher.doc_freq(BODY, t[0])]
            count = self._count(searcher, [t for t, _ in terms], clean) if terms else 0
            held = self._keys[key] = (terms, count)
        return held

    def lengths(self) -> list[int]:
        """How many live passages are in each length bucket (``bucket``)."""
        return list(self._live()[1])

    def statistics(self) -> tuple[int, float]:
        """The live passages: how many, and their average length in keys (from the length
        buckets, and as the length of its own bucket)."""
        return statistics(self._live()[1])

    def weights(self, groups: Groups) -> list[tuple[str, float]]:
        """Each key of the query with its weight: its BM25 idf among the live passages (times
        ``ENTITY_BOOST`` for a name), rounded."""
        return query_weights(self, groups)

    def search(self, groups: Groups, limit: int) -> list[int]:
        """Passages matching any of the query's keys (see ``Groups``)."""
        return [pid for pid, _score in self.scored(groups, limit)]

    def scored(self, groups: Groups, limit: int) -> list[tuple[int, float]]:
        """Like ``search``, with each passage's score."""
        total, average = self.statistics()
        weighed = [
            (bm25_weight(df, total, entity), terms)
            for keys, entity in groups
            for terms, df in map(self.held, keys)
        ]
        return self.ranked(weighed, average, limit)

    def ranked(
        self, weighed: Iterable[tuple[float, list[tuple[str, int]]]], average: float, limit: int
    ) -> list[tuple[int, float]]:
        """The best ``limit`` passages of this index, each with its score, for keys of these
        weights, each with its terms in the buckets of this index that hold it (``held``),
        against passages of ``average`` length: what ``scored`` gives with this index's own
        statistics, and a shard of a ``ShardedIndex`` with the whole corpus's. Passages that
        score alike are taken in passage order."""
        factors = [
            (K1 + 1) / (1 + K1 * (1 - B + B * BUCKET_RATIO**b / average)) for b in range(BUCKETS)
        ]
        clauses = [
            (
                tantivy.Occur.Should,
                tantivy.Query.const_score_query(
                    tantivy.Query.term_query(self.schema, BODY, term), weight * factors[b]
                ),
            )
            for weight, terms in weighed
            for term, b in terms
        ]
        if not clauses:
            return []
        query = tantivy.Query.boolean_query(clauses)
        searcher = self.index.searcher()
        starts = self._starts
        fetch = limit + min(TIE_MARGIN, limit)
        while True:
            hits = searcher.search(query, fetch).hits
            addresses = [addr for _, addr in hits]
            articles: list[int] = searcher.fast_field_values(ARTICLE, addresses)  # type: ignore[assignment]
            sentences: list[int] = searcher.fast_field_values(SENTENCE, addresses)  # type: ignore[assignment]
            ranked = sorted(
                (-score, starts[article] + sentence)
                for (score, _), article, sentence in zip(hits, articles, sentences, strict=True)
            )
            # Passages that score alike are taken in passage order, whatever segments the index
            # was written in: fetch until the last hit scores below the last one kept.
            if len(hits) < fetch or len(ranked) <= limit or ranked[-1][0] > ranked[limit - 1][0]:
                return [(pid, -score) for score, pid in ranked[:limit]]
            fetch *= 4


class Writing:
    """A write to a ``TantivyIndex`` under way (``TantivyIndex.writing``)."""

    def __init__(self, index: TantivyIndex, writer: tantivy.IndexWriter) -> None:
        self.index = index
        self.writer = writer
        self._keys: dict[str, int] = {}

    def add(self, path: str, sentence: int, terms: str) -> None:
        """Index the passage ``sentence`` of the article ``path`` (its ``passage_terms``)."""
        key = self._keys.get(path)
        if key is None:
            key = self._keys[path] = article_key(path)
        document = {BODY: _body(terms), ARTICLE: [key], SENTENCE: [sentence]}
        self.writer.add_document(tantivy.Document(**document))

    def commit(self) -> None:
        """Commit what was added and deleted, and wait for the index to take it."""
        self.writer.commit()
        self.writer.wait_merging_threads()
        self.index._committed()


def query_weights(index: PassageIndex, groups: Groups) -> list[tuple[str, float]]:
    """Each key of the query with its weight in ``index``: its BM25 idf among the live passages
    (times ``ENTITY_BOOST`` for a name), rounded; one index or shards of one alike."""
    total, _ = index.statistics()
    return [
        (key, bm25_weight(index.frequency(key), total, entity))
        for keys, entity in groups
        for key in keys
    ]


def statistics(lengths: list[int]) -> tuple[int, float]:
    """Passages counted by length bucket (``TantivyIndex.lengths``): how many, and their
    average length in keys, as the length of its own bucket."""
    total = sum(lengths)
    length = 0.0
    for b, count in enumerate(lengths):
        length += count * BUCKET_RATIO**b
    return total, BUCKET_RATIO ** bucket(round(length / total)) if total else 1.0


DELETED_FILE = "dossier-deleted.json"


class Deleted:
    """The passages deleted from an index and still in its statistics (tantivy counts them
    until a merge): how many, and how many held each indexed term. Kept in the index's folder
    (``DELETED_FILE``), written anew (never in place: the folder's files may be hard links)."""

    def __init__(self, passages: int = 0, terms: dict[str, int] | None = None) -> None:
        self.passages = passages
        self.terms = terms if terms is not None else {}

    def count(self, body: str) -> None:
        self.passages += 1
        terms = self.terms
        for term in set(body.split()):
            terms[term] = terms.get(term, 0) + 1

    def settle(self, searcher: tantivy.Searcher, schema: tantivy.Schema) -> None:
        """Count again what tantivy's statistics still hold of the deleted passages, when
        they no longer add up: a merge, or a segment whose passages were all deleted (an
        article edited twice), lets deleted passages go. Each term's count is then its
        frequency in the statistics less its live passages', exact, so that the builds that
        follow read frequencies rather than count them (at 50,000 articles, counting made an
        edit 5 s -> 14 s)."""
        written = sum(searcher.doc_freq(BODY, f"{BUCKET_SEP}{b}") for b in range(BUCKETS))
        if written == searcher.num_docs + self.passages:
            return
        self.passages = written - searcher.num_docs
        settled = {}
        for term in self.terms:
            query = tantivy.Query.term_query(schema, BODY, term)
            live = int(searcher.search(query, 1, count=True).count or 0)  # type: ignore[attr-defined]
            if held := searcher.doc_freq(BODY, term) - live:
                settled[term] = held
        self.terms = settled

    @classmethod
    def read(cls, path: Path) -> Deleted | None:
        """The record in ``path``; None when it says they are not known (or is unreadable)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            passages, terms = data["passages"], data["terms"]
        except (OSError, ValueError, TypeError, KeyError):
            return None
        if not isinstance(passages, int) or not isinstance(terms, dict):
            return None
        return cls(passages, terms)

    def write(self, path: Path) -> None:
        _write_new(path, json.dumps({"passages": self.passages, "terms": self.terms}))

    @staticmethod
    def unknown(path: Path) -> None:
        _write_new(path, json.dumps({"unknown": True}))


def _write_new(path: Path, text: str) -> None:
    temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def _buckets(key: str) -> list[tuple[str, int]]:
    """The key's term in each length bucket, with the bucket."""
    return [(f"{key}{BUCKET_SEP}{b}", b) for b in range(BUCKETS)]
