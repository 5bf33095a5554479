"""What the judge asks of a passage index, and what a passage is indexed as.

Passages are indexed by the same keys the judge matches on (stems, folded names, alias
entities), so a claim that writes "Deir ez-Zor" retrieves a passage that writes "Deir al-Zour".
A backend is one module beside this one implementing ``PassageIndex``: ``tantivy.py``, and
``sharded.py`` over several of those.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Protocol

from dossier.analysis.abbreviations import Defined, also_said
from dossier.analysis.text import Token, expand

Groups = Sequence[tuple[Sequence[str], bool]]
"""A query: groups of keys, each (its keys, whether it is a name); a passage scores for every
key it holds."""

Item = tuple[str, int, str]
"""A passage to index: its article's path, its sentence number in the article, and its
``passage_terms``."""


class PassageIndex(Protocol):
    """An index of passages, each kept as (article, sentence number); ``place`` tells where
    each article's passages start in the corpus, and ``search`` returns passage ids, best
    first. How rare a key is, the index tells (``frequency``), among its live passages; a
    backend ranks by those statistics over all its passages, however it stores them (one
    tantivy index, shards of it, a search server), so that every backend ranks alike."""

    def add(self, items: Iterable[Item], threads: int = 1) -> None:
        """Index ``items`` and commit."""

    def replace(
        self,
        articles: Iterable[str],
        items: Iterable[Item],
        threads: int = 1,
        removed: Iterable[tuple[str, str]] | None = (),
    ) -> None:
        """Delete every passage of ``articles``, index ``items`` and commit (the incremental
        build patches an index so); ``removed``: each passage deleted, as its article's path
        and indexed terms (None: not known)."""

    def place(self, starts: Mapping[str, int]) -> None:
        """Each article's first passage id in the corpus, by path."""

    def frequency(self, key: str) -> int:
        """How many live passages hold ``key``."""

    def statistics(self) -> tuple[int, float]:
        """The live passages: how many, and their average length in keys."""

    def weights(self, groups: Groups) -> list[tuple[str, float]]:
        """Each key of the query with its weight."""

    def search(self, groups: Groups, limit: int) -> list[int]:
        """The ids of the passages matching any of the query's keys, best first."""

    def scored(self, groups: Groups, limit: int) -> list[tuple[int, float]]:
        """Like ``search``, with each passage's score."""


def passage_terms(tokens: Sequence[Token], defined: Sequence[Defined] = ()) -> str:
    """The indexed form of a passage: its content keys with their synonym groups ("~bomb" for
    "shelled") and its numbers, separated by spaces; and what it says by an abbreviation its
    article defines (``defined``), or by its long form: "TMAO" is found by "trimethylamine"."""
    terms = " ".join(
        _terms(t.keys) for t in tokens if not t.stop or t.keys[0][1:2].isdigit()
    )  # fmt: skip
    extra = [k for _, keys in also_said(tokens, defined) for k in keys]
    return " ".join([terms, *extra]) if extra else terms


@lru_cache(maxsize=65_536)
def _terms(keys: tuple[str, ...]) -> str:
    """A token's keys with their synonym groups, as ``passage_terms`` writes them (a token has
    at least one key; a corpus has few distinct tokens)."""
    return " ".join(expand(keys))
