"""What a claim pins down besides its words: the year, the direction, who fills a role.

A claim such as "Russia began its operation in 2014" or "the oil field lies north of the city"
makes its point with one word that a passage may replace with another of the same kind ("in
2015", "south of"). Such a passage is not support, even though it shares every other word: it
conflicts. A passage that gives no year or no direction at all does not speak to the claim's
point and is left out.

- **Years**: 1800-2099 written as digits. "since 2014" covers every year from 2014 on. A
  passage that names no year speaks of the year its article was published, when that is known.
- **Directions**: north, south, east, west and their forms (northern, eastward, north-east).
- **Roles**: a name after a preposition ("deployed to Iraq", "coordinating with Russia"). When
  the passage fills the same preposition with another name and never writes the claim's, the
  role is taken by someone else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.text import MONTHS, Token

_YEAR_RE = re.compile(
    r"\b(?:(?P<since>(?i:since|from))\s+)?(?:(?i:early|mid|late)[\s-]+)?"
    r"(?:[A-Z][a-z]+\s+(?:\d{1,2},?\s+)?)?(?P<year>1[89]\d\d|20\d\d)\b"
)
_DIRECTION_RE = re.compile(
    r"\b(north|south)[\s-]?(east|west)(?:ern|erly|wards?)?\b|\b(north|south|east|west)"
    r"(?:ern|erly|wards?)?\b",
    re.IGNORECASE,
)
_NAME_AFTER_RE = re.compile(r"[\s-]+[A-Z]")
ROLE_PREPOSITIONS = frozenset({"to", "with", "in", "into", "from", "against", "by"})
_SKIPPED = frozenset({"the", "a", "an", "its", "their", "his", "her"})


@dataclass(frozen=True, slots=True)
class Year:
    year: int
    since: bool  # "since 2014": 2014 and every year after

    def meets(self, other: Year) -> bool:
        if self.since and other.since:
            return True
        if self.since:
            return other.year >= self.year
        if other.since:
            return self.year >= other.year
        return self.year == other.year

    def __str__(self) -> str:
        return f"since {self.year}" if self.since else str(self.year)


@dataclass(frozen=True, slots=True)
class Facets:
    years: tuple[Year, ...]
    months: frozenset[str]  # "jan" .. "dec"
    directions: tuple[
        tuple[str, int, int], ...
    ]  # (north|south|east|west|north-east..., start, end)
    roles: tuple[tuple[str, frozenset[str], str], ...]  # (preposition, name keys, name as written)


def facets(text: str, tokens: Sequence[Token]) -> Facets:
    years = tuple(
        Year(int(m.group("year")), m.group("since") is not None) for m in _YEAR_RE.finditer(text)
    )
    directions = []
    for m in _DIRECTION_RE.finditer(text):
        if _NAME_AFTER_RE.match(text, m.end()):
            continue  # "northern Hama", "East Ghouta": part of a place's name, not a bearing
        word = f"{m.group(1)}-{m.group(2)}".lower() if m.group(1) else m.group(3).lower()
        directions.append((word, m.start(), m.end()))
    months = frozenset(
        t.text.lower()[:3] for t in tokens if t.text.lower() in MONTHS and t.text[:1].isupper()
    )
    return Facets(years, months, tuple(directions), _roles(tokens))


def _roles(tokens: Sequence[Token]) -> tuple[tuple[str, frozenset[str], str], ...]:
    roles = []
    for i, t in enumerate(tokens):
        low = t.text.lower()
        if low not in ROLE_PREPOSITIONS:
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].text.lower() in _SKIPPED:
            j += 1
        if j < len(tokens) and tokens[j].entity and any(k[0] in "@#" for k in tokens[j].keys):
            name = tokens[j]
            roles.append((low, frozenset(name.keys), name.text))
    return tuple(roles)


@dataclass(frozen=True, slots=True)
class Contrast:
    """The passage answers the claim's point differently (``explicit``) or not at all."""

    reason: str
    explicit: bool


def contrast(
    claim: Facets, passage: Facets, published: int | None, passage_keys: frozenset[str]
) -> Contrast | None:
    """How the passage differs from the claim on its year, direction or roles; None if not."""
    if claim.years and not passage.years and not published and not claim.months & passage.months:
        claimed = ", ".join(str(y) for y in claim.years)
        return Contrast(f"claim says {claimed}; the passage's date is not known", False)
    if claim.years:
        said = passage.years or ((Year(published, False),) if published else ())
        if said and not any(c.meets(p) for c in claim.years for p in said):
            claimed = ", ".join(str(y) for y in claim.years)
            if passage.years:
                given = ", ".join(str(y) for y in passage.years)
                return Contrast(f"claim says {claimed}, passage says {given}", True)
            return Contrast(
                f"claim says {claimed}; the passage was published in {published}", False
            )
    if claim.directions:
        wanted = {d for d, _, _ in claim.directions}
        bearings = {d for d, _, _ in passage.directions}
        if not bearings:
            return Contrast(
                f"claim says {'/'.join(sorted(wanted))}; the passage gives no direction", False
            )
        if not wanted & bearings:
            return Contrast(
                f"claim says {'/'.join(sorted(wanted))}, passage says {'/'.join(sorted(bearings))}",
                True,
            )
    for prep, keys, name in claim.roles:
        if keys & passage_keys:
            continue  # the passage names it
        others = [n for p, k, n in passage.roles if p == prep and not k & keys]
        if others:
            return Contrast(f"claim says {prep} {name}, passage says {prep} {others[0]}", False)
    return None
