"""Dates in cited passages, resolved against the publication date of their source.

A passage may date the event it reports ("On Sept. 4", "on Saturday", "last Tuesday",
"20 September 2017"); `event_date` turns the first such phrase into a calendar date, using the
publication date to fill in what the passage leaves out. Pure functions, no clock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday

from dossier.lexicon.calendar import WEEKDAYS, month_pattern

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


def chronological(items: Sequence[T], date_of: Callable[[T], dt.date | None]) -> list[T]:
    """`items` by date, undated ones last; ties keep their order."""
    return sorted(items, key=lambda item: (date_of(item) is None, date_of(item) or dt.date.min))
