"""Hedges and qualifiers: the words that shape a figure or set it aside, and that make an act
supposed rather than told."""

from __future__ import annotations

# Hedge words before a figure, by how they shape the interval around the stated value.
APPROX = (
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "an estimated",
    "estimated",
    "close to",
    "circa",
    "approx.",
    "an approximate",
)
NEARLY = ("nearly", "almost", "just under", "just short of", "close on")
ABOVE = (
    "over",
    "more than",
    "upwards of",
    "in excess of",
    "above",
    "exceeding",
    "just over",
    "well over",
    "greater than",
)
AT_LEAST = ("at least", "no fewer than", "no less than", "a minimum of", "not less than")
BELOW = ("fewer than", "less than", "under", "below", "well under")
AT_MOST = ("up to", "at most", "no more than", "as many as", "a maximum of", "not more than")
# Hedges that are also prepositions: before a figure that qualifies a noun ("under 24-hour
# guard", "over 10-year bonds") they govern the noun, not the figure.
PREPOSITION_HEDGES = frozenset({"over", "under", "above", "below"})

# Words by which a passage qualifies the figure it gives: "believed to be", "unconfirmed".
QUALIFIERS = (
    "unknown", "believed to be", "unconfirmed", "allegedly", "reportedly",
    "could not be verified", "cannot be verified", "likely", "estimated",
)  # fmt: skip
# Words that set a figure aside in the same breath: "about 500 ... believed to be much higher".
COUNTER_QUALIFIERS = (
    "much higher", "much lower", "far higher", "far lower", "significantly higher",
    "significantly lower", "considerably higher", "considerably lower", "much larger",
    "much smaller", "far more", "far fewer", "many more", "much more", "much less",
)  # fmt: skip

# Words that make an act supposed, not told: "attempts ... would be met with retaliation".
CONDITIONS = frozenset({"if", "unless"})  # words that open a supposed clause
MODALS = frozenset({"would", "could", "might", "may", "should", "will"}) | CONDITIONS
# A form of "be" before "to" and a verb, or before one of these and "to", says what is (or was)
# planned, as a modal does: "the inquiry was to be led by", "talks are due to resume".
PLANNED_BEFORE_TO = ("due", "set", "expected", "scheduled", "planned", "likely")
