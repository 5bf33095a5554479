"""Dates in cited passages, resolved against the publication date of their source.

A passage may date the event it reports ("On Sept. 4", "on Saturday", "last Tuesday",
"20 September 2017"); `event_date` turns the first such phrase into a calendar date, using the
publication date to fill in what the passage leaves out. Pure functions, no clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday

from dossier.lexicon.calendar import MONTH_NAMES, MONTH_NUMBERS, WEEKDAYS, month_pattern

_MONTH = r"(?:" + month_pattern() + r")\.?"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89][0-9]{2}|2[0-9]{3})"
_EXPLICIT_RE = re.compile(
    rf"\b(?:{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?|{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?)(?![0-9])",
    re.IGNORECASE,
)
_WEEKDAYS: dict[str, weekday] = dict(zip(WEEKDAYS, (MO, TU, WE, TH, FR, SA, SU), strict=True))
_WEEKDAY_RE = re.compile(
    r"\b(?:(?:last|on|this|past)\s+)?(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE
)
_YESTERDAY_RE = re.compile(r"\byesterday\b", re.IGNORECASE)

T = TypeVar("T")


def date_phrase(text: str) -> str | None:
    """The first words of `text` that date an event ("On Sept. 4", "last Tuesday"), or None."""
    for pattern in (_EXPLICIT_RE, _WEEKDAY_RE, _YESTERDAY_RE):
        if match := pattern.search(text):
            return match.group(0)
    return None


_YEAR_RE = re.compile(r"\b(?:1[89]|20)\d\d\b")
# A part of a month: its first and last day.
_PARTS = {
    "early": (1, 10), "start of": (1, 7), "beginning of": (1, 7),
    "mid": (11, 20), "middle of": (11, 20),
    "late": (21, 31), "end of": (24, 31),
}  # fmt: skip
_PERIOD_RE = re.compile(
    r"(?:\b(?P<part>early|mid|late|(?:the\s+)?(?:start|beginning|middle|end)\s+of)[\s-]+)?"
    rf"\b(?P<month>{_MONTH})\s+(?P<year>{_YEAR})\b",
    re.IGNORECASE,
)


# A year said relative to the article's: "last year", "a year ago", "two years ago", "the
# previous year" (not "since last year", which reaches to now).
_YEARS_AGO_RE = re.compile(
    r"(?<!since )\b(?:(?P<last>last|previous|the\s+previous)\s+year|"
    r"(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+ago)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def years_ago(text: str) -> list[tuple[int, str]]:
    """How many years before its article each relative year of a text is, with its words:
    "Last year in Lorem, 31 girls ..." -> [(1, "Last year")]; "three years ago" -> 3."""
    found = []
    for m in _YEARS_AGO_RE.finditer(text):
        n = m.group("n")
        if n is None:
            back = 1
        elif n.isdigit():
            back = int(n)
        else:
            back = 1 if n.lower() == "a" else _NUMBER_WORDS.index(n.lower()) + 1
        found.append((back, m.group()))
    return found


def event_date(text: str, published: dt.date | None) -> tuple[dt.date, str] | None:
    """The date the passage gives for its event and the words that give it, or None.

    None when there is no publication date to resolve against or no date words in the text.
    Explicit dates take precedence over weekday names; weekdays resolve to the most recent such
    day on or before the publication date.
    """
    if published is None:
        return None
    default = dt.datetime(published.year, published.month, published.day)
    if match := _EXPLICIT_RE.search(text):
        words = match.group(0)
        try:
            parsed = date_parser.parse(words.replace(".", ""), default=default)
        except (ValueError, OverflowError):
            parsed = None
        if parsed is not None:
            return parsed.date(), words
    if match := _WEEKDAY_RE.search(text):
        day = _WEEKDAYS[match.group(1).lower()]
        return published + relativedelta(weekday=day(-1)), match.group(0)
    if match := _YESTERDAY_RE.search(text):
        return published - dt.timedelta(days=1), match.group(0)
    return None


def written_period(text: str) -> tuple[dt.date, dt.date, str] | None:
    """The first day or part of a month the text writes with its year, as the first and last
    day it may mean, and the words that write it: "By June 2, 2022" (2 June), "in early June
    2022" (1-10 June), "mid-October 2022" (11-20), "late June 2022" (21-30), "at the start of
    June 2022" (1-7), "in June 2022" (the month). None without a year, which only a
    publication date can place."""
    for match in _EXPLICIT_RE.finditer(text):
        words = match.group(0)
        if not _YEAR_RE.search(words):
            continue
        try:
            day = date_parser.parse(words.replace(".", "")).date()
        except (ValueError, OverflowError):
            continue
        return day, day, words
    if period := _PERIOD_RE.search(text):
        month = MONTH_NUMBERS[period.group("month").lower().rstrip(".")]
        year = int(period.group("year"))
        last = calendar.monthrange(year, month)[1]
        part = re.sub(r"^the\s+|\s+", " ", (period.group("part") or "").lower()).strip()
        first_day, last_day = _PARTS.get(part, (1, last))
        return (
            dt.date(year, month, first_day),
            dt.date(year, month, min(last_day, last)),
            period.group(0).strip(),
        )
    return None


def day_before(text: str, reported: dt.date) -> tuple[dt.date, dt.date, str] | None:
    """The day the text writes without its year ("On June 4"), as the last such day on or
    before ``reported`` (a claim's day read as a report of that date would mean it), as
    ``written_period`` gives days; None when it writes no such day."""
    for match in _EXPLICIT_RE.finditer(text):
        words = match.group(0)
        if _YEAR_RE.search(words):
            continue
        for year in (reported.year, reported.year - 1):
            try:
                day = date_parser.parse(words.replace(".", ""), default=dt.datetime(year, 1, 1))
            except (ValueError, OverflowError):
                break
            if day.date() <= reported:
                return day.date(), day.date(), words
    return None


def format_day(value: dt.date) -> str:
    """4 September 2017, in English whatever the locale."""
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


def chronological(items: Sequence[T], date_of: Callable[[T], dt.date | None]) -> list[T]:
    """`items` by date, undated ones last; ties keep their order."""
    return sorted(items, key=lambda item: (date_of(item) is None, date_of(item) or dt.date.min))
