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

from dossier.analysis.text import Token, initial_of
from dossier.lexicon.calendar import (
    MONTH_NAMES,
    MONTH_NUMBERS,
    MONTH_WORDS,
    RELATIVE_DAYS,
    WEEKDAYS,
    month_pattern,
)
from dossier.lexicon.words import NAME_DETERMINERS, ROLE_PREPOSITIONS

_YEAR_RE = re.compile(
    r"\b(?:(?P<since>(?i:since|from))\s+)?(?:(?i:early|mid|late)[\s-]+)?"
    r"(?:[A-Z][a-z]+\s+(?:\d{1,2},?\s+)?)?(?P<year>1[89]\d\d|20\d\d)\b"
)
_DIRECTION_RE = re.compile(
    r"\b(north|south)[\s-]?(east|west)(?:ern|erly|wards?)?\b|\b(north|south|east|west)"
    r"(?:ern|erly|wards?)?\b",
    re.IGNORECASE,
)
_MONTH = r"(?P<month>" + month_pattern() + r")\.?"
_DAY_RE = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?!\d|:|,\d)\b"
    r"|\b(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.replace("month", "month2") + r"\b"
)
# "on" before a day, with a weekday between or not: "on April 14", "on Monday, October 13".
_ON_DAY_RE = re.compile(r"\bon\s+(?:(?:" + "|".join(WEEKDAYS) + r"),?\s+)?$", re.IGNORECASE)
_SOME_DAY_RE = re.compile(r"\b(?:" + "|".join([*WEEKDAYS, *RELATIVE_DAYS]) + r")\b", re.IGNORECASE)
_CLOCK_RE = re.compile(
    r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d\d))?\s*(?P<half>[ap])\.?m\b\.?", re.IGNORECASE
)
_NAME_AFTER_RE = re.compile(r"[\s-]+[A-Z]")
# A superlative just before "since 2011": the year is what the event is measured against.
_SUPERLATIVE_RE = re.compile(
    r"\b(?:the|its|their|his|her)\s+(?:\w+\s+)?(?!"
    + "|".join(
        "(?:north|south|mid)?west rest interest protest request contest harvest quest test chest "
        "forest arrest nest guest crest unrest conquest inquest priest behest".split()
    )
    + r"\b)(?:\w+est|first|best|worst|most|least)\b(?:\s+\w+){0,3}\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Year:
    year: int
    since: bool  # "since 2014": 2014 and every year after
    benchmark: bool = False  # "the lowest since 2011", "the first time since 2011"

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
    days: tuple[tuple[str, int, str], ...] = ()  # ("jun", 15, "June 15"): days of a month
    clock: tuple[tuple[int, str], ...] = ()  # (minutes after midnight, "3:30 p.m.")
    # The days of a month an event is said to happen on ("on April 14", "on Monday, October
    # 13"), as written; not a day a count is made by ("by June 2") or a time runs from or to.
    on_days: tuple[str, ...] = ()
    # Whether the text names a day another way: a weekday, "yesterday", "today", "last night".
    some_day: bool = False
    # The weekdays an event is said to happen on ("on Tuesday", "on Monday, October 13"), not
    # the day something was said ("said on Tuesday", "told reporters on Tuesday").
    weekdays: frozenset[str] = frozenset()
    # The months an event is said to happen in ("in May 2009", "in early August"), not a month a
    # thing runs since or until.
    in_months: frozenset[str] = frozenset()


def facets(text: str, tokens: Sequence[Token]) -> Facets:
    years = tuple(
        Year(
            int(m.group("year")),
            m.group("since") is not None,
            m.group("since") is not None and _SUPERLATIVE_RE.search(text[: m.start()]) is not None,
        )
        for m in _YEAR_RE.finditer(text)
    )
    directions = []
    for m in _DIRECTION_RE.finditer(text):
        if _NAME_AFTER_RE.match(text, m.end()):
            continue  # "northern Hama", "East Ghouta": part of a place's name, not a bearing
        word = f"{m.group(1)}-{m.group(2)}".lower() if m.group(1) else m.group(3).lower()
        directions.append((word, m.start(), m.end()))
    months = frozenset(
        t.text.lower()[:3] for t in tokens if t.text.lower() in MONTH_WORDS and t.text[:1].isupper()
    )
    day_matches = list(_DAY_RE.finditer(text))
    days = tuple(
        (
            (m.group("month") or m.group("month2")).lower()[:3],
            int(m.group("day") or m.group("day2")),
            m.group().strip(),
        )
        for m in day_matches
    )
    clock = tuple(
        (
            (int(m.group("hour")) % 12 + (12 if m.group("half").lower() == "p" else 0)) * 60
            + int(m.group("minute") or 0),
            m.group().strip(),
        )
        for m in _CLOCK_RE.finditer(text)
    )
    on_days = tuple(m.group().strip() for m in day_matches if _ON_DAY_RE.search(text[: m.start()]))
    some_day = _SOME_DAY_RE.search(text) is not None
    weekdays = frozenset(
        m.group("weekday").lower()
        for m in _ON_WEEKDAY_RE.finditer(text)
        if not _SAID_BEFORE_RE.search(text[max(0, m.start() - _SAID_REACH) : m.start()])
    )
    in_months = frozenset(m.group("month").lower()[:3] for m in _IN_MONTH_RE.finditer(text))
    return Facets(
        years,
        months,
        tuple(directions),
        _roles(tokens),
        days,
        clock,
        on_days,
        some_day,
        weekdays,
        in_months,
    )


_ON_WEEKDAY_RE = re.compile(r"\bon\s+(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
# A verb or noun of saying just before a weekday makes it the day of the saying.
_SAID_BEFORE_RE = re.compile(
    r"\b(?:said|says|told|announced|reported|confirmed|stated|added|wrote|tweeted"
    r"|statement|conference|briefing)\b[^.;,]*$",
    re.IGNORECASE,
)
_SAID_REACH = 40  # characters before the weekday looked at
# "in May 2009", "in early August": the month an event happened in.
_IN_MONTH_RE = re.compile(
    r"\bin\s+(?:(?:early|mid|late)[\s-]+)?(?P<month>" + month_pattern() + r")\b(?!\s+\d{1,2}\b)"
)


def _roles(tokens: Sequence[Token]) -> tuple[tuple[str, frozenset[str], str], ...]:
    roles = []
    for i, t in enumerate(tokens):
        low = t.text.lower()
        if low not in ROLE_PREPOSITIONS:
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].text.lower() in NAME_DETERMINERS:
            j += 1
        if j < len(tokens) and tokens[j].entity and any(k[0] in "@#" for k in tokens[j].keys):
            end = j + 1
            while end < len(tokens) and tokens[end].entity:
                end += 1  # the whole name, told by its last word: "by J.K. Moreau" is by
                # Moreau, as "by J K Moreau"; "in Northwind Cloud" is not "in Northwind Retail"
            keys = frozenset(tokens[end - 1].keys)
            roles.append((low, keys, " ".join(t.text for t in tokens[j:end])))
    return tuple(roles)


@dataclass(frozen=True, slots=True)
class Contrast:
    """The passage answers the claim's point differently (``explicit``) or not at all."""

    reason: str
    explicit: bool
    place: bool = False  # the claim's place ("in Deir ez-Zor") answered by another


def contrast(
    claim: Facets,
    passage: Facets,
    published: int | None,
    passage_keys: frozenset[str],
    *,
    dated_corpus: bool = True,
    claim_keys: frozenset[str] = frozenset(),
    events: bool = True,
) -> Contrast | None:
    """How the passage differs from the claim on its year, direction or roles; None if not.
    A passage of an undated article that gives no year does not answer the claim's year,
    unless no article of the corpus is dated (``dated_corpus`` False): then none can be told
    apart by its date, and the year is not asked. A claim of what happened on a day ("were
    kidnapped on April 14") is not answered by a passage of an undated article that gives no
    day ("seized in April"). A place the claim itself names elsewhere (``claim_keys``) is none
    other than the claim's: "kidnapped in Sanaa" answers "kidnapped in Yemen's capital Sanaa".
    With ``events`` (a claim judged by its words, not its figures), the weekday and the month an
    event is said to happen on or in are read too ("on Monday" against "on Tuesday"); a figure's
    time is read by the figure rules ("cases since the outbreak began in May")."""
    # "its weakest since October 2011" compares with a past time; it dates neither the claim
    # nor the passage, but two such times must agree.
    dated = tuple(y for y in passage.years if not y.benchmark)
    years = tuple(y for y in claim.years if not y.benchmark)
    measured = {y.year for y in claim.years if y.benchmark}
    against = {y.year for y in passage.years if y.benchmark}
    if measured and against and not measured & against:
        return Contrast(
            f"claim says since {', '.join(map(str, sorted(measured)))}, "
            f"passage says since {', '.join(map(str, sorted(against)))}",
            True,
        )
    if years and not dated and not published and dated_corpus and not claim.months & passage.months:
        claimed = ", ".join(str(y) for y in years)
        return Contrast(f"claim says {claimed}; the passage's date is not known", False)
    if years:
        said = dated or ((Year(published, False),) if published else ())
        if said and not any(c.meets(p) for c in years for p in said):
            claimed = ", ".join(str(y) for y in years)
            if dated:
                given = ", ".join(str(y) for y in dated)
                return Contrast(f"claim says {claimed}, passage says {given}", True)
            return Contrast(
                f"claim says {claimed}; the passage was published in {published}", False
            )
    days = _days_differ(claim, passage) or _event_days_differ(claim, passage)
    if days is not None:
        return days
    if events and claim.weekdays and passage.weekdays and not claim.weekdays & passage.weekdays:
        ours, theirs = sorted(claim.weekdays)[0], sorted(passage.weekdays)[0]
        return Contrast(f"claim says on {ours.title()}, passage says on {theirs.title()}", True)
    if events and claim.in_months and passage.in_months and not claim.in_months & passage.in_months:
        ours, theirs = sorted(claim.in_months)[0], sorted(passage.in_months)[0]
        return Contrast(f"claim says in {_month(ours)}, passage says in {_month(theirs)}", True)
    if claim.on_days and not passage.days and not passage.some_day and not published:
        return Contrast(f"claim says {claim.on_days[0]}; the passage gives no day", False)
    hours = {c for c, _ in claim.clock}
    if hours and passage.clock and not hours & {c for c, _ in passage.clock}:
        return Contrast(f"claim says {claim.clock[0][1]}, passage says {passage.clock[0][1]}", True)
    if claim.directions:
        wanted = {d for d, _, _ in claim.directions}
        bearings = {d for d, _, _ in passage.directions}
        if not bearings:
            return Contrast(
                f"claim says {'/'.join(sorted(wanted))}; the passage gives no direction", False
            )
        if not _bearings_meet(wanted, bearings):
            return Contrast(
                f"claim says {'/'.join(sorted(wanted))}, passage says {'/'.join(sorted(bearings))}",
                True,
            )
    for prep, keys, name in claim.roles:
        if keys & passage_keys:
            continue  # the passage names it
        others = [
            n
            for p, k, n in passage.roles
            if p == prep and not k & (keys | claim_keys) and not initial_of(n, name)
        ]
        if others:
            place = prep in {"in", "at"}
            reason = f"claim says {prep} {name}, passage says {prep} {others[0]}"
            return Contrast(reason, False, place)
    return None


def _bearings_meet(ours: set[str], theirs: set[str]) -> bool:
    """Whether two sets of bearings share one, a bearing of one being part of a compound of
    the other: "south" meets "south-west"; "north-east" does not meet "north-west"."""
    for a in ours:
        for b in theirs:
            if a == b or a in b.split("-") or b in a.split("-"):
                return True
    return False


def _month(key: str) -> str:
    return MONTH_NAMES[MONTH_NUMBERS[key] - 1]


def _event_days_differ(claim: Facets, passage: Facets) -> Contrast | None:
    """'kidnapped on October 24' against 'occurred on July 16': what happened on a day of one
    month, said to happen on a day of another."""
    ours = {m for m, _, w in claim.days if w in claim.on_days}
    theirs = [(m, w) for m, _, w in passage.days if w in passage.on_days]
    if ours and theirs and not ours & {m for m, _ in theirs}:
        return Contrast(f"claim says {claim.on_days[0]}, passage says {theirs[0][1]}", True)
    return None


def _days_differ(claim: Facets, passage: Facets) -> Contrast | None:
    """'runs through June 15' against 'through June 7': the same month, another day."""
    for month, day, written in claim.days:
        same_month = [(d, w) for m, d, w in passage.days if m == month]
        if same_month and day not in {d for d, _ in same_month}:
            return Contrast(f"claim says {written}, passage says {same_month[0][1]}", True)
    return None
