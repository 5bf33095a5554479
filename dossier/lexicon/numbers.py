"""Numbers written in words, and the units figures are counted in."""

from __future__ import annotations

# The words a number is written with ("fifteen", "two hundred").
NUMBER_WORDS = tuple(
    (
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
        "eighty ninety hundred thousand million billion"
    ).split()
)
# Words for one number ("a dozen", "two thirds", "twice").
SPECIAL_WORDS = {
    "dozen": 12.0,
    "a dozen": 12.0,
    "half a dozen": 6.0,
    "half": 50.0,
    "a half": 50.0,
    "a third": 100 / 3,
    "a quarter": 25.0,
    "two thirds": 200 / 3,
    "three quarters": 75.0,
    "twice": 2.0,
    "thrice": 3.0,
    "a couple of": 2.0,
}
VAGUE = {"dozens": (24.0, 99.0), "hundreds": (200.0, 999.0), "thousands": (2_000.0, 9_999.0)}
"""Counts said in round words, as the numbers they allow: "dozens of civilians" is 24 to 99."""
VAGUE_DOZENS = {"several dozen": (24.0, 99.0), "a few dozen": (24.0, 99.0)}
"""The same said of a noun without "of": "several dozen people" is dozens of people."""
FRACTIONS = {"half", "a half", "a third", "a quarter", "two thirds", "three quarters"}
# "millions" after digits: "5.8 million people", "$13.2 billion"
SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    # South Asian English: "Rs 10 lakh" is 1,000,000 rupees, "Rs 2 crore" 20,000,000
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}  # fmt: skip
# A scale written short, or glued to its number, as headlines and the British press write
# sums and counts: "$2.5bn", "£1.5million", "3.2tn". "m" and "k" only after a currency sign
# ("£5m", "$40k"): alone, "5m" is as often five metres.
SCALE_ABBREVIATIONS = {"bn": 1e9, "tn": 1e12, "mn": 1e6}
MONEY_SCALES = {"m": 1e6, "k": 1e3}
CURRENCIES = {
    "$": "usd",
    "us$": "usd",
    "€": "eur",
    "£": "gbp",
    "₹": "inr",
    "rs": "inr",
    "inr": "inr",
}

UNITS: dict[str, tuple[str, float]] = {
    # spelling -> (canonical unit, factor to the family's base unit)
    "%": ("percent", 1.0),
    "percent": ("percent", 1.0),
    "per cent": ("percent", 1.0),
    "pct": ("percent", 1.0),
    "percentage points": ("percent", 1.0),
    "percentage point": ("percent", 1.0),
    "km/h": ("km/h", 1.0),
    "kmph": ("km/h", 1.0),
    "kph": ("km/h", 1.0),
    "kmh": ("km/h", 1.0),
    "km per hour": ("km/h", 1.0),
    "kilometres per hour": ("km/h", 1.0),
    "kilometers per hour": ("km/h", 1.0),
    "mph": ("km/h", 1.609344),
    "miles per hour": ("km/h", 1.609344),
    "km": ("km", 1.0),
    "kms": ("km", 1.0),
    "kilometre": ("km", 1.0),
    "kilometres": ("km", 1.0),
    "kilometer": ("km", 1.0),
    "kilometers": ("km", 1.0),
    "mile": ("km", 1.609344),
    "miles": ("km", 1.609344),
    "metre": ("km", 0.001),
    "metres": ("km", 0.001),
    "meter": ("km", 0.001),
    "meters": ("km", 0.001),
    "m": ("km", 0.001),
    "second": ("hour", 1 / 3600),
    "seconds": ("hour", 1 / 3600),
    "minute": ("hour", 1 / 60),
    "minutes": ("hour", 1 / 60),
    "hour": ("hour", 1.0),
    "hours": ("hour", 1.0),
    "day": ("hour", 24.0),
    "days": ("hour", 24.0),
    "week": ("hour", 168.0),
    "weeks": ("hour", 168.0),
    "month": ("hour", 730.0),
    "months": ("hour", 730.0),
    "year": ("hour", 8766.0),
    "years": ("hour", 8766.0),
    "times": ("times", 1.0),
}
# Words before a counted noun that are not the noun: "500 more troops".
COUNT_ADJECTIVES = frozenset("more additional extra new other fewer further".split())
IRREGULAR_PLURALS = frozenset(
    "people personnel police staff children men women militia cattle crew".split()
)
# Counted nouns that stand for what they are part of: "60,000 members of Iraq's security forces".
PARTITIVES = frozenset({"members", "member", "units", "elements", "ranks"})
ORDINAL_UNITS = frozenset({"second"})  # "a second lump" is not one second
# Words that number things rather than count them: "type 1", "phase 3", "section 144".
IDENTIFIER_WORDS = (
    "type", "phase", "stage", "grade", "level", "category", "class", "article", "section",
    "chapter", "route", "flight", "room", "gate", "platform", "model", "version", "series",
    "season", "episode", "volume", "vol", "page", "figure", "fig", "table", "clause",
    "paragraph", "item", "ward", "highway", "interstate", "runway", "terminal", "train",
    "bus", "lane", "exit", "row", "seat", "unit", "block", "sector", "zone", "district",
)  # fmt: skip

# Units a length is given in, as written after a number ("16 feet", "40-foot", "3 km"), and
# the words of size after them, with the dimension each names ("16 feet deep": depth).
LENGTH_UNITS = (
    "feet", "foot", "ft", "inch(?:es)?", "in", "yards?", "miles?", "metres?", "meters?", "m",
    "kilomet(?:re|er)s?", "km", "centimet(?:re|er)s?", "cm", "millimet(?:re|er)s?", "mm",
)  # fmt: skip
SIZES = {
    "deep": "depth", "wide": "width", "across": "width", "broad": "width", "long": "length",
    "tall": "height", "high": "height", "thick": "thickness",
}  # fmt: skip
