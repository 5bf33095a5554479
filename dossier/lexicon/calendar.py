"""Months and weekdays: the one table every reader of dates derives its shape from."""

from __future__ import annotations

# Each month's name and its abbreviations as news writing has them, in the year's order.
MONTHS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("January", ("Jan",)),
    ("February", ("Feb",)),
    ("March", ("Mar",)),
    ("April", ("Apr",)),
    ("May", ()),
    ("June", ("Jun",)),
    ("July", ("Jul",)),
    ("August", ("Aug",)),
    ("September", ("Sept", "Sep")),
    ("October", ("Oct",)),
    ("November", ("Nov",)),
    ("December", ("Dec",)),
)
MONTH_NAMES: tuple[str, ...] = tuple(name for name, _ in MONTHS)
"""The months' full names, January first: for writing a date."""

MONTH_NUMBERS: dict[str, int] = {
    word.lower(): n for n, (name, short) in enumerate(MONTHS, start=1) for word in (name, *short)
}
"""Each way a month is written, lower-case, to its number: "jan" -> 1, "september" -> 9."""

MONTH_WORDS: frozenset[str] = frozenset(
    word.lower() for name, short in MONTHS for word in (name, *short)
)
"""Every way a month is written, lower-case: "january", "jan", "sept"."""

WEEKDAYS: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip

CALENDAR: frozenset[str] = MONTH_WORDS | frozenset(WEEKDAYS)
"""Calendar words are capitalised but are not names: a claim's date is not a required name."""

# Days named relative to the day of writing: "yesterday", "today", "last night".
RELATIVE_DAYS: tuple[str, ...] = ("yesterday", "today", "last night")


def month_pattern() -> str:
    """A regular expression (no group) for any month as written, its full name before its
    abbreviations: "January|Jan|February|Feb|...". Capitalised: compile it case-blind to read
    "jan" too."""
    return "|".join(word for name, short in MONTHS for word in (name, *short))
