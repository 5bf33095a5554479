"""The judge's thresholds: shares of a claim a passage must cover, windows of words where a
thing is looked for, and how far apart two figures may be and still agree.

Read as attributes of this module (``thresholds.MIN_WORD_COVERAGE``), so that
``bench/thresholds.py`` can move one and measure what changes."""

from __future__ import annotations

# How much a claim's names and words weigh in its coverage.
ENTITY_WEIGHT = 2.0
WORD_WEIGHT = 1.0
MIN_COVERAGE_FIGURE = 0.5  # share of the claim's content a passage with a like figure must cover
MIN_COVERAGE_STATEMENT = 0.6  # share of the claim's content a passage without figures must cover
MIN_WORD_COVERAGE = 0.5  # share of the claim's other words (its predicate) a statement must cover
DOCUMENT_ENTITY_CREDIT = 0.5  # a name missing from the sentence but present in its article
CONTEXT_WORD_CREDIT = 0.5  # a word missing from the sentence but said just before it
# Share of what the article saying most of a claim says that another article must say for its
# sentence to back or contradict the claim by its words (``statements.weaker-article``).
ARTICLE_SHARE = 0.7

ACTOR_WINDOW = 3  # tokens before a predicate word where its actor is looked for
MEASURE_WINDOW = 4  # content words each side of a figure that say what it measures
NEGATION_WINDOW = 6  # tokens after a negation that it governs
OBJECT_WORDS = 4  # words after a verb where its place is looked for
AIM_WORDS = 4  # words after "strike on" that say what was struck
PASSIVE_REACH = 12  # tokens after a passive act where its 'by' or 'from' phrase is looked for
WAY_REACH = 3  # content words each side of "reduces", "higher" that say what rises or falls
SAME_AS_REACH = 6  # words from "same" to its "as": "at the same risk of being hospitalized as"
OBJECT_REACH = 5  # words after a verb where its object is looked for ("a nearly three-year siege")

APPROX_TOLERANCE = 0.10  # "about 500" allows 450..550
APPROX_STEPS = 5  # ... but no more than this many roundings of the number as written
EXACT_TOLERANCE = 0.02  # "80%" and "80.5 percent" are the same figure, rounding aside
DISTINCT_VALUE = 13  # a number at least this large is seldom the same by chance in one story
SAME_DAY_DAYS = 1  # a count reported this many days from a claim's day may be of that day
RECENT_DAYS = 183  # a day this many days or fewer before an article is of its time, not history
OPEN_RANGE = 0.5  # "more than 1,500" is said of up to half as much again, not of 15,000
OWNER_WINDOW = 6  # tokens before a figure, in its clause, where the name that owns it is looked for
# Characters read on each side of a figure for the words that tell its kind (a change, a
# threshold, ...; analysis/kinds.py): its clause is nearer. 60 to 120 give the same figures on
# the development sets; 45 loses a verdict, 30 three.
KIND_WINDOW = 60
# Characters each side of an earlier figure where its year is looked for ("down from 67.3% in
# 2019"): 25 to 100 give the same figures; 15 loses a verdict.
YEAR_WINDOW = 40
