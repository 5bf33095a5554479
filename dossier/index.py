"""Passage retrieval with tantivy (BM25), over the analysed keys of each passage.

Passages are indexed by the same keys the judge matches on (stems, folded names, alias
entities), so a claim that writes "Deir ez-Zor" retrieves a passage that writes "Deir al-Zour".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import tantivy

from dossier.text import Token, expand

BODY = "body"
PID = "pid"
ENTITY_BOOST = 2.5
WRITER_HEAP = 128_000_000
# Hits fetched beyond the limit, to settle ties at the limit by passage id. Archives repeat
# sentences (wire copy), so ties at the limit are common: at 50,000 articles a margin of 16 had
# 60% of the searches run again; one of the limit's own size settles nearly all at once.
TIE_MARGIN = 512


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field(BODY, stored=False, tokenizer_name="whitespace", index_option="freq")
    builder.add_integer_field(PID, stored=True, indexed=False, fast=True)
    return builder.build()


def passage_terms(tokens: Iterable[Token]) -> str:
    """The indexed form of a passage: its content keys with their synonym groups ("~bomb" for
    "shelled") and its numbers, separated by spaces."""
    return " ".join(
        k for t in tokens if not t.stop or t.keys[0][1:2].isdigit() for k in expand(t.keys)
    )


class PassageIndex:
    """An index of passages by id; ``search`` returns passage ids, best first."""

    def __init__(self, path: str | None = None) -> None:
        self.schema = _schema()
        self.index = tantivy.Index(self.schema, path=path) if path else tantivy.Index(self.schema)

    def add(self, items: Iterable[tuple[int, str]], threads: int = 1) -> None:
        """Index ``(passage id, passage_terms(...))`` pairs and commit."""
        writer = self.index.writer(heap_size=WRITER_HEAP, num_threads=threads)
        for pid, terms in items:
            writer.add_document(tantivy.Document(**{BODY: terms, PID: [pid]}))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()

    def frequency(self, key: str) -> int:
        """How many passages hold ``key`` (its document frequency)."""
        return int(self.index.searcher().doc_freq(BODY, key))

    def search(self, groups: Sequence[tuple[Sequence[str], bool]], limit: int) -> list[int]:
        """Passages matching any of the claim's key groups; a group is (keys, is_entity)."""
        return [pid for pid, _score in self.scored(groups, limit)]

    def scored(
        self, groups: Sequence[tuple[Sequence[str], bool]], limit: int
    ) -> list[tuple[int, float]]:
        """Like ``search``, with each passage's BM25 score."""
        clauses = []
        for keys, entity in groups:
            alternatives = [tantivy.Query.term_query(self.schema, BODY, k) for k in keys]
            query = (
                alternatives[0]
                if len(alternatives) == 1
                else tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in alternatives])
            )
            if entity:
                query = tantivy.Query.boost_query(query, ENTITY_BOOST)
            clauses.append((tantivy.Occur.Should, query))
        if not clauses:
            return []
        query = tantivy.Query.boolean_query(clauses)
        searcher = self.index.searcher()
        fetch = limit + min(TIE_MARGIN, limit)
        while True:
            hits = searcher.search(query, fetch).hits
            addresses = [addr for _, addr in hits]
            pids: list[int] = searcher.fast_field_values(PID, addresses)  # type: ignore[assignment]
            ranked = sorted((-score, pid) for (score, _), pid in zip(hits, pids, strict=True))
            # Passages that score alike are taken in passage order, whatever segments the index
            # was written in: fetch until the last hit scores below the last one kept.
            if len(hits) < fetch or len(ranked) <= limit or ranked[-1][0] > ranked[limit - 1][0]:
                return [(pid, -score) for score, pid in ranked[:limit]]
            fetch *= 4
