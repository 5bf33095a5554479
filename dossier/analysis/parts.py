"""The parts of a compound claim, each of which a passage may say alone: "Sinha dismissed the
reports as rumours, saying the drivers had moved on a green signal" is two claims, "Sinha
dismissed the reports as rumours" and "the drivers had moved on a green signal"; so is "A put
the toll at 500, while B stood by 238", and "The firm cut 300 jobs and closed two plants".
Split where general English joins two statements: coordinated verbs, by the sentence's parse
(``parse.coordinated``); then a comma and a participle of saying ("saying", "adding"), or a
comma and a contrast ("while", "whereas")."""

from __future__ import annotations

import re
from functools import lru_cache

from dossier.analysis.parse import coordinated

_JOINS = ("saying", "adding", "claiming", "arguing", "noting", "insisting", "while", "whereas")
_JOIN_RE = re.compile(r",\s+(?:" + "|".join(_JOINS) + r")\s+(?:that\s+)?", re.IGNORECASE)
MIN_WORDS = 4  # a part shorter than this is no statement of its own


def claim_parts(text: str) -> list[str]:
    """The statements a claim joins (none when it is one): each a sentence of its own."""
    return list(_parts(text))


@lru_cache(maxsize=4096)
def _parts(text: str) -> tuple[str, ...]:
    pieces = coordinated(text) or [text]
    parts = [p for piece in pieces for p in (_joined(piece) or (piece,))]
    return tuple(parts) if len(parts) > 1 else ()


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
