"""The parts of a compound claim, each of which a passage may say alone: "Sinha dismissed the
reports as rumours, saying the drivers had moved on a green signal" is two claims, "Sinha
dismissed the reports as rumours" and "the drivers had moved on a green signal"; so is "A put
the toll at 500, while B stood by 238", and "The firm cut 300 jobs and closed two plants".
Split where general English joins two statements: a description of a name set off by commas
(a relative clause, "Vickers, who had served 29 years, shot ..."; a participle phrase, "The
report, released on Tuesday, found ..."; an appositive, "Crump, the family's lawyer,
brought ..."), coordinated verbs by the sentence's parse (``parse.coordinated``), a participle
clause after a comma ("seized the town, killing dozens"); then a comma and a participle of
saying ("saying", "adding"), or a comma and a contrast ("while", "whereas").

A description is background to what the claim says (``descriptions``): the dossier cites it
with the claim's statement, not alone."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from dossier.analysis.parse import (
    appositive,
    coordinated,
    participial,
    relative,
    set_off_participle,
)

_SAYING = frozenset({"saying", "adding", "claiming", "arguing", "noting", "insisting"})
_JOINS = (*sorted(_SAYING), "while", "whereas")
_JOIN_RE = re.compile(r",\s+(?:" + "|".join(_JOINS) + r")\s+(?:that\s+)?", re.IGNORECASE)
MIN_WORDS = 4  # a part shorter than this is no statement of its own


def claim_parts(text: str) -> list[str]:
    """The statements a claim joins (none when it is one): each a sentence of its own."""
    return list(_parts(text))


def descriptions(text: str) -> frozenset[str]:
    """The claim's parts that describe one of its names ("Crump is the family's lawyer."),
    not what it says happened."""
    return _split(text)[1]


def _parts(text: str) -> tuple[str, ...]:
    return _split(text)[0]


@lru_cache(maxsize=4096)
def _split(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    pieces = [text]
    described: set[str] = set()
    for split in (relative, set_off_participle, appositive):
        found: list[str] = []
        for piece in pieces:
            said = split(piece)
            found.extend(said or (piece,))
            described.update(said[1:])
        pieces = found
    joins: tuple[Callable[[str], Sequence[str]], ...] = (coordinated, _participial, _joined)
    for join in joins:
        pieces = [p for piece in pieces for p in (join(piece) or (piece,))]
    if len(pieces) < 2:
        return (), frozenset()
    return tuple(pieces), frozenset(described & set(pieces))


def _participial(text: str) -> list[str]:
    """A participle clause's statement apart (``parse.participial``), the participles of
    saying left to ``_joined``."""
    return [p for p in participial(text, _SAYING) if len(p.split()) >= MIN_WORDS]


def _joined(text: str) -> tuple[str, ...]:
    """The two statements a comma and a participle of saying or a contrast join."""
    m = _JOIN_RE.search(text)
    if m is None:
        return ()
    first = text[: m.start()].strip()
    second = text[m.end() :].strip()
    if len(first.split()) < MIN_WORDS or len(second.split()) < MIN_WORDS:
        return ()
    first = first.rstrip(".;:") + "."
    second = second[:1].upper() + second[1:]
    return (first, second)
