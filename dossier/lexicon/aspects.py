"""What kind of quantity a figure is, by the words around it (general English and news usage):
a level ("had 156 cases"), a change ("9,000 more", "a gain of 211"), a threshold ("the 326
seats needed"), a margin ("a majority of 174"), a part of a count ("two cases have been
women"), a count of the whole world ("617 cases across the globe"), a modifier ("the 650-seat
parliament"), a count that did not happen ("would have won 100 seats") or the whole a part is
counted out of ("out of the 28 girls, seven") or a time before now ("six years ago"). Two
figures of different kinds do not contradict each other: a gain is not a total, a threshold is
not a result, "married six years ago" is no length of "detained 10 days ago".
``dossier.analysis.kinds`` reads them."""

from __future__ import annotations

LEVEL = "level"
CHANGE = "change"
THRESHOLD = "threshold"
MARGIN = "margin"
PART = "part"
WHOLE = "whole"
MODIFIER = "modifier"
HYPOTHETICAL = "hypothetical"
PROJECTED = "projected"
SOURCES = "sources"
EARLIER = "earlier"
PLACING = "placing"
BASE = "base"
AGO = "ago"
DESCRIBED = {
    LEVEL: "a count or level",
    CHANGE: "a change",
    THRESHOLD: "a threshold",
    MARGIN: "a margin",
    PART: "a part of a count",
    WHOLE: "a count of the whole world",
    MODIFIER: "part of a description",
    HYPOTHETICAL: "what would have been",
    PROJECTED: "a projection",
    SOURCES: "a count of the people who say it",
    EARLIER: "an earlier figure",
    PLACING: "a count of places where someone came second or lower",
    BASE: "the whole a part is counted out of",
    AGO: "a time before now",
}
# Words before a count that make it part of another: "including 22 police", "among them
# three children"; and "in one attack", "in one case": one of those counted, not their number.
PART_BEFORE = ("including", "among them", "among whom", "of whom", "of which")
PART_ONE_BEFORE = ("in", "including")
# A count added to others told of, not a total: "eight people were *also* killed", "militants
# *also* killed eight" ("another 20", "a further 12" are changes: ``CHANGE_BEFORE``).
PART_ADDED = ("also",)
# An opening that tells one event of several: "*In one attack*, militants killed eight",
# "In another incident, ...".
PART_OPENERS = ("in one", "in another", "in a separate", "in a second", "in a third")
# The whole a part is counted out of: "seven out of 28", "out of the 28 girls, seven", "among
# the 40 passengers, three".
BASE_BEFORE = ("out of", "out of the", "out of a total of", "among the", "of a total of")
# A count of placings, not of wins: "finished second in 98 constituencies", "came third in 40".
PLACES = ("second", "third", "fourth", "fifth", "runner-up", "runners-up")
PLACING_VERBS = ("finished", "came", "placed", "ended", "was", "were", "is", "are")
# An earlier figure set beside the current one: "down from 67.3%", "since 2001, when it was
# 59.4%", "(compared to 44% in 2019)".
EARLIER_BEFORE = (
    "down from",
    "up from",
    "compared to",
    "compared with",
    "compares to",
    "compares with",
    "when it was",
    "when they were",
    "when there were",
    "a year earlier",
    "previously",
)

# Words right after a number that make it an addition to an earlier count: "9,000 more jobs",
# "200 additional seats", "1,200 new cases", "174 more than all the others".
CHANGE_AFTER = ("more", "additional", "extra", "fewer", "new", "further")
# Words right before a figure that make it a change: "another 9,000", "a gain of 211 seats",
# "rose by 5%".
CHANGE_BEFORE = (
    "another",
    "a further",
    "an additional",
    "an extra",
    "a gain of",
    "a net gain of",
    "gains of",
    "an increase of",
    "a rise of",
    "a jump of",
    "a drop of",
    "a fall of",
    "a decline of",
    "a decrease of",
    "a swing of",
    "up by",
    "down by",
    "increased by",
    "decreased by",
    "rose by",
    "risen by",
    "fell by",
    "fallen by",
    "grew by",
    "dropped by",
    "declined by",
    "jumped by",
    "climbed by",
    # A verb of rising or falling right before its figure says by how much: "shares fell 2%",
    # "cases rose about 77 percent", "Labour gained 211 seats" ("fell to 2%" is a level).
    "rose",
    "fell",
    "dropped",
    "jumped",
    "climbed",
    "declined",
    "slid",
    "slumped",
    "surged",
    "plunged",
    "tumbled",
    "soared",
    "grew",
    "increased",
    "decreased",
    "gained",
)
# What a threshold is: "the 326 seats needed for a majority", "a target of 1 million".
THRESHOLD_AFTER = ("needed", "required", "necessary")
THRESHOLD_BEFORE = ("threshold of", "target of", "goal of", "quota of", "minimum of")
# A margin: "a majority of 174", "lost by 630 votes", "a lead of 20 points".
MARGIN_BEFORE = ("majority of", "margin of", "lead of")
# A majority said before its size: "his majority fell to 66 seats".
MARGIN_NOUNS = ("majority", "margin", "lead")
MARGIN_VERBS = ("won", "lost", "beat", "defeated", "held on", "leads", "led", "trails", "trailed")
MARGIN_HEDGES = ("just", "only", "a mere")  # "a majority of just 891": said before the figure
# A count of the whole world, said of no one place: "617 cases across the globe".
WHOLE_WORDS = ("across the globe", "around the world", "worldwide", "world-wide", "globally")
WHOLE_BEFORE = ("global", "worldwide", "world-wide")
# A sentence that opens on one of these speaks of the whole world throughout: "Globally, there
# have been more than 3,400 cases".
WHOLE_OPENERS = (
    "globally",
    "worldwide",
    "across the globe",
    "around the world",
    "across the world",
)
# "two cases have been women", "111 cases are known to be men": what some of a count were.
COPULAS = ("are", "were", "is", "was", "have been", "has been", "had been")
RAISING = ("known", "thought", "believed", "said", "reported", "confirmed", "understood")
IRREGULAR_PLURALS = ("men", "women", "children", "people", "police")
# A figure a count may come to, not one it has: "that number could grow to 4,000", "the toll
# may rise to 300", "might reach 10,000".
MAY_REACH = tuple(
    f"{modal} {verb}"
    for modal in ("could", "may", "might", "would")
    for verb in ("grow", "rise", "reach", "climb", "increase", "swell", "top", "exceed", "double")
)
# A forecast, not a result: "Labour is on course for 410 seats", "the exit poll projected 410";
# and what only could be: "the gold model could cost $5,000", "might top 1,000" ("may" is read
# apart, in lower case: "in May 2022, 40 cases" says what was).
PROJECTION_BEFORE = (
    *MAY_REACH,
    "could",
    "might",
    "on course for",
    "on track for",
    "set for",
    "heading for",
    "projected",
    "projects",
    "projecting",
    "projection",
    "projections",
    "forecast",
    "forecasts",
    "predicted",
    "predicts",
    "exit poll",
    "poll",
    "polls",
    "expects",
    "expected",
    "wagers",
    "bets",
    "anticipates",
    "anticipated",
    "speculates",
    "speculated",
    "guesses",
    "rumored",
    "rumoured",
    "expected to win",
    "expected to get",
    "expected to take",
    "expected to secure",
    "set to win",
    "set to take",
)
# A condition, not a fact: "If the figure stays around 59.8%, it would be the lowest".
CONDITIONS = ("if", "unless", "should it", "were it")
# The people who say something, not what they say it of: "Two employees told a media outlet".
TELLING = ("told", "said", "say", "says", "tell", "tells", "wrote")
# A count that did not happen: "Reform would have won 100 seats under PR".
COUNTERFACTUAL = ("would have", "could have", "might have")
