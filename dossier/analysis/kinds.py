"""The kind of quantity a figure is (``dossier.lexicon.aspects``): a level, a change, a
threshold, a margin, a part of a count, a count of the whole world, a modifier of a noun, a
projection or a count that did not happen, read from the words of its clause next to it.

>>> figure_kind("This is a gain of 211 seats.", 18, 21)
('change', 'a gain of')
>>> figure_kind("Labour had 412 seats.", 11, 14)
('level', '')
"""

from __future__ import annotations

import re
from functools import cache

from dossier.lexicon import aspects as a
from dossier.lexicon import thresholds

_CLAUSE_END_RE = re.compile(r"[,;:.!?()\u2013\u2014]|\s(?:and|but|while|whereas|which|who)\s")


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    plural = rf"(?:[a-z]+[^s\W]s|{_alternation(a.IRREGULAR_PLURALS)})"
    return {
        a.MODIFIER: re.compile(r"-[a-z]+(?:-[a-z]+)*\s+[^\W\d_]"),
        a.MODIFIER + "unit": re.compile(r"(?:-old)?\s+[a-z]"),
        a.CHANGE + "after": re.compile(rf"\s+(?:{_alternation(a.CHANGE_AFTER)})\b(?!\s+than\s+\d)"),
        a.CHANGE: re.compile(rf"\b(?:{_alternation(a.CHANGE_BEFORE)})\s+$", re.I),
        a.THRESHOLD + "after": re.compile(
            rf"(?:\s+[a-z]+){{0,2}}?\s+(?:{_alternation(a.THRESHOLD_AFTER)})\b"
        ),
        a.THRESHOLD: re.compile(rf"\b(?:{_alternation(a.THRESHOLD_BEFORE)})\s+$", re.I),
        a.MARGIN: re.compile(
            rf"\b(?:(?:{_alternation(a.MARGIN_BEFORE)})|(?:{_alternation(a.MARGIN_VERBS)})\b"
            rf"[^,;.]{{0,40}}?\s+by)\s+(?:(?:{_alternation(a.MARGIN_HEDGES)})\s+)?$",
            re.I,
        ),
        a.WHOLE + "after": re.compile(
            rf"[^,;.]{{0,40}}?\b(?:{_alternation(a.WHOLE_WORDS)})\b", re.I
        ),
        a.WHOLE: re.compile(rf"\b(?:{_alternation(a.WHOLE_BEFORE)})\b[^,;.]{{0,30}}$", re.I),
        a.WHOLE + "opener": re.compile(rf"^\W*(?:{_alternation(a.WHOLE_OPENERS)})\s*,", re.I),
        a.PART: re.compile(
            rf"(?:\s+[a-z]+){{0,2}}?\s+(?:{_alternation(a.COPULAS)})\s+"
            rf"(?:(?:{_alternation(a.RAISING)})\s+to\s+be\s+)?(?:an?\s+|the\s+)?{plural}\b"
        ),
        a.PROJECTED: re.compile(
            rf"\b(?:{_alternation(a.PROJECTION_BEFORE)})\b[^,;.]{{0,50}}$", re.I
        ),
        a.PROJECTED + "may": re.compile(r"\bmay\s+[a-z]+\b[^,;.]{0,50}$"),
        a.HYPOTHETICAL + "if": re.compile(rf"^\s*(?:{_alternation(a.CONDITIONS)})\b", re.I),
        a.SOURCES: re.compile(
            rf"(?:\s+[a-z]+){{0,2}}?(?:\s+[a-z]+ly)?\s+(?:{_alternation(a.TELLING)})\b"
        ),
        a.PLACING: re.compile(
            rf"\b(?:{_alternation(a.PLACING_VERBS)})\s+(?:{_alternation(a.PLACES)})\s+in\s+"
            r"(?:(?:just|only|some|about|around|nearly|almost|more\s+than|over)\s+)?$",
            re.I,
        ),
        a.MARGIN + "noun": re.compile(
            rf"\b(?:{_alternation(a.MARGIN_NOUNS)})\s+(?:[a-z]+\s+){{0,2}}(?:to|at|of)\s+$", re.I
        ),
        a.BASE: re.compile(rf"\b(?:{_alternation(a.BASE_BEFORE)})\s+$", re.I),
        a.PART + "before": re.compile(rf"\b(?:{_alternation(a.PART_BEFORE)})\s+$", re.I),
        a.PART + "one": re.compile(rf"\b(?:{_alternation(a.PART_ONE_BEFORE)})\s+$", re.I),
        a.PART + "added": re.compile(
            rf"\b(?:{_alternation(a.PART_ADDED)})\s+(?:[a-z]+(?:ed|en)\s+)?$", re.I
        ),
        a.PART + "added after": re.compile(
            r"(?:\s+[a-z]+){0,2}?\s+(?:(?:were|was|are|is|have|has|had|been)\s+){0,2}also\b",
            re.I,
        ),
        a.PART + "opener": re.compile(
            rf"^\W*(?:{_alternation(a.PART_OPENERS)})\s+[a-z]+\s*,", re.I
        ),
        a.EARLIER: re.compile(
            rf"\b(?:{_alternation(a.EARLIER_BEFORE)})\s+(?:[a-z]+\s+){{0,5}}$", re.I
        ),
        a.HYPOTHETICAL: re.compile(
            rf"\b(?:{_alternation(a.COUNTERFACTUAL)})\s+[a-z]+(?:\s+[a-z]+){{0,2}}\s+$", re.I
        ),
    }


def _clause_after(text: str, end: int) -> str:
    after = text[end : end + thresholds.KIND_WINDOW]
    m = _CLAUSE_END_RE.search(after, 1)
    return after[: m.start()] if m else after


def _clause_before(text: str, start: int) -> str:
    before = text[max(0, start - thresholds.KIND_WINDOW) : start]
    breaks = list(_CLAUSE_END_RE.finditer(before))
    return before[breaks[-1].end() :] if breaks else before


def figure_kind(text: str, start: int, end: int) -> tuple[str, str]:
    """The kind of the figure at ``text[start:end]`` and the words that tell it ("" for a
    level, the kind of most figures)."""
    p = _patterns()
    right = text[end : end + thresholds.KIND_WINDOW]
    hyphened = re.search(r"\d-[a-z]+$", text[start:end]) is not None  # "a 24-hour guard"
    if p[a.MODIFIER].match(right) or (hyphened and p[a.MODIFIER + "unit"].match(right)):
        return a.MODIFIER, " ".join((text[start:end] + right).split()[:2]).rstrip(".,;:")
    if m := _AGO_RE.match(right):
        return a.AGO, (text[start:end] + m.group()).strip()  # "six years ago": when, not how long
    after, before = _clause_after(text, end), _clause_before(text, start)
    if p[a.HYPOTHETICAL + "if"].match(before):
        return a.HYPOTHETICAL, before.split()[0]
    checks = (
        (a.HYPOTHETICAL, None, p[a.HYPOTHETICAL]),
        (a.PROJECTED, None, p[a.PROJECTED]),
        (a.PROJECTED, None, p[a.PROJECTED + "may"]),
        (a.THRESHOLD, p[a.THRESHOLD + "after"], p[a.THRESHOLD]),
        (a.BASE, None, p[a.BASE]),
        (a.EARLIER, None, p[a.EARLIER]),
        (a.PLACING, None, p[a.PLACING]),
        (a.MARGIN, None, p[a.MARGIN]),
        (a.MARGIN, None, p[a.MARGIN + "noun"]),
        (a.CHANGE, p[a.CHANGE + "after"], p[a.CHANGE]),
        (a.PART, p[a.PART], None),
        (a.PART, None, p[a.PART + "before"]),
        (a.PART, p[a.PART + "added after"], p[a.PART + "added"]),
        (a.SOURCES, p[a.SOURCES], None),
        (a.WHOLE, p[a.WHOLE + "after"], p[a.WHOLE]),
    )
    if text[start:end].lower() == "one" and (m := p[a.PART + "one"].search(before)):
        return a.PART, f"{m.group().strip()} one"  # "In one attack, militants ...": one of them
    for kind, after_re, before_re in checks:
        if after_re is not None and (m := after_re.match(after)):
            return kind, m.group().strip()
        if before_re is not None and (m := before_re.search(before)):
            return kind, m.group().strip()
    if m := p[a.WHOLE + "opener"].match(text[:start]):
        return a.WHOLE, m.group().strip(" ,")
    if m := p[a.PART + "opener"].match(text[:start]):
        return a.PART, m.group().strip(" ,")  # "In one attack, militants killed eight"
    return a.LEVEL, ""


_AGO_RE = re.compile(r"(?:\s+[a-z]+)?\s+ago\b", re.IGNORECASE)  # "six years ago", "10 days ago"
_JOINED_RE = re.compile(r"[^.;:!?]{0,40}?(?:,|\band\b|\bor\b)\s+$")


def figure_kinds(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """The kind of each figure of ``text`` (spans in order); a figure joined to the one before
    by "and", "or" or a comma, with no kind of its own, shares its kind: "projected 410 seats
    for Labour and 131 for the Conservatives" projects both."""
    kinds: list[tuple[str, str]] = []
    for i, (start, end) in enumerate(spans):
        kind = figure_kind(text, start, end)
        joined = i and _JOINED_RE.fullmatch(text, spans[i - 1][1], start)
        if kind[0] == a.LEVEL and joined and kinds[-1][0] != a.LEVEL:
            kind = kinds[-1]
        kinds.append(kind)
    return kinds


_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_NUMBER_RE = re.compile(r"\d")
_SINCE_RE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)


def own_year(text: str, start: int, end: int) -> int | None:
    """The year a figure is given for: written next to it (within ``YEAR_WINDOW`` characters)
    with no other number between them and not after "since": "the 418 seats won by Tony Blair
    in 1997" -> 1997; "59.9%, down from 67.3% in 2019" -> None for the 59.9%."""
    window = thresholds.YEAR_WINDOW
    after = text[end : end + window]
    before = text[max(0, start - window) : start]
    # (only the first year after it, or the last before it, can have no number between)
    first = next(_YEAR_RE.finditer(after), None)
    if first is not None and not _NUMBER_RE.search(after[: first.start()]):
        lead = after[: first.start()]
    else:
        years = list(_YEAR_RE.finditer(before))
        if not years or _NUMBER_RE.search(before[years[-1].end() :]):
            return None
        first, lead = years[-1], before[: years[-1].start()]
    return None if _SINCE_RE.search(lead) else int(first.group())


def year_beside(text: str, start: int, end: int) -> str:
    """The year written nearest an earlier figure ("down from 67.3% in 2019" -> "2019"), or ""."""
    before = [
        (start - m.end(), m.group())
        for m in _YEAR_RE.finditer(text, max(0, start - thresholds.YEAR_WINDOW), start)
    ]
    after = [
        (m.start() - end, m.group())
        for m in _YEAR_RE.finditer(text, end, end + thresholds.YEAR_WINDOW)
    ]
    return min(before + after, default=(0, ""))[1]
