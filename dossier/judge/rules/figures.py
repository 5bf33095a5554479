"""Claims with a figure: a passage is evidence only when it has a figure of the same kind that
measures the same thing (troops with troops, percent *of Raqqa* with percent of Raqqa); the
figures then agree (supports) or exclude each other (conflicts). Anything else is left out."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from functools import lru_cache

from dossier.analysis.dates import written_period, years_ago
from dossier.analysis.kinds import own_year
from dossier.analysis.parse import figure_frame
from dossier.analysis.quantity import Agreement, compare
from dossier.analysis.text import Token, expand, is_name
from dossier.judge.analyses import Figure
from dossier.judge.case import Case
from dossier.judge.cover import figure_owner
from dossier.judge.measure import (
    REIDENTIFY_RE,
    Answer,
    counter_clause,
    counts_dead,
    kinds_apart,
    loss,
    one_day,
    qualifier,
    same_measure,
)
from dossier.judge.outcome import Judgment, LeftOut, left_out
from dossier.judge.registry import Stage, rule
from dossier.lexicon import thresholds
from dossier.lexicon.aspects import EARLIER
from dossier.lexicon.numbers import CURRENCIES
from dossier.lexicon.speech import PRONOUNS
from dossier.lexicon.synonyms import COUNTED_EVENTS, TALLIES
from dossier.lexicon.words import IRREGULAR_VERBS, NOT_AN_IDENTITY, ONE_DAY_EVENTS
from dossier.models import Stance


@rule("figures.reidentified", Stage.FIGURES)
def reidentified(case: Case) -> Judgment | None:
    """A passage that says the people the claim counts were someone else conflicts with the
    count of the sentence before: "Seven Russian soldiers were killed" against "The killed
    fighters were likely private military contractors". The claim's names are said there or
    here, the act is the same, the people are not."""
    claim, passage = case.claim, case.passage
    m = REIDENTIFY_RE.search(passage.text)
    first = m.group("what").split()[0] if m else ""
    if m is None or first in NOT_AN_IDENTITY or first.endswith(("ed", "en")):
        return None  # "the dead were buried", "were taken", "were among ...": not who they were
    event = {k for t in passage.tokens if t.start == m.start("event") for k in expand(t.keys)}
    said = passage.keys | case.context_keys
    for cf in claim.figures:
        acts = (cf.context | (claim.passive[1] if claim.passive else frozenset())) & event
        if cf.quantity.unit != "count" or not cf.measure or not acts & COUNTED_EVENTS:
            continue
        what = {
            k
            for t in passage.tokens
            if m.start("what") <= t.start < m.end("what") and not t.stop
            for k in expand(t.keys)
        }
        if not what or what & cf.measure:
            continue  # "were soldiers": the same people
        if any(t.entity and not t.keys & said for t in claim.terms):
            return None  # another event: the claim's names are not said here or just before
        hedge = m.group("hedge") or ""
        return Judgment(
            stance=Stance.CONFLICTS,
            reason=(
                f"the passage says the {' '.join(filter(None, m.group('event', 'who')))} were "
                f"{hedge}{m.group('what')}, not {cf.quantity.noun}"
            ),
            speaker=passage.speaker,
            figures=[],
            highlights=[(m.start(), m.end())],
            score=1.0,
        )
    return None


@rule("figures.exclusive-shares", Stage.FIGURES)
def exclusive_shares(case: Case) -> Judgment | None:
    """Control of a place is exclusive: when someone else holds a share of it, the claim's share
    conflicts if the two cannot both be true ("IS holds about 60 percent of Raqqa" against "the
    SDF controls 60 percent of Raqqa")."""
    claim, passage, actor = case.claim, case.passage, case.actor
    coverage = case.cover.coverage
    holds = any("~control" in t.keys for t in claim.terms)
    if actor is None or not holds or coverage < thresholds.MIN_COVERAGE_FIGURE:
        return None
    for cf in claim.figures:
        for pf in passage.figures:
            if cf.quantity.unit != "percent" or pf.quantity.unit != "percent":
                continue
            measure = same_measure(cf, pf, case.place_keys)
            if measure is None:
                continue
            low = cf.quantity.low + pf.quantity.low
            if low > 100 or (low == 100 and (cf.quantity.low_open or pf.quantity.low_open)):
                return Judgment(
                    stance=Stance.CONFLICTS,
                    reason=(
                        f"claim {cf.quantity.text} vs passage {pf.quantity.text}{measure} held by"
                        f" {actor}: the two shares add up to more than 100%"
                    ),
                    speaker=passage.speaker,
                    figures=[pf.quantity.text],
                    highlights=[(pf.quantity.start, pf.quantity.end)],
                    score=round(1.0 + coverage, 4),
                )
    return None


@rule("figures.other-owner", Stage.FIGURES)
def other_owner(case: Case) -> LeftOut | None:
    """The sentence's figure belongs to someone the claim does not name: "IS has held about 40
    percent of the city" is not a figure of "The SDF controls 40 percent of Raqqa"."""
    if case.actor is None:
        return None
    return LeftOut(f"the figure belongs to {case.actor}, whom the claim does not name")


@rule("figures.missing-name", Stage.FIGURES)
def missing_name(case: Case) -> LeftOut | None:
    """Most of the claim's names its article never gives: "500 Iraqi troops in Mosul" is not
    backed by an article about Syria that says "500 troops". One name of several that the
    article lacks counts against coverage instead: a matching figure in a sentence that says
    the rest ("the Greens' Ana Ruiz by 412 votes", the article writing "North Tabqa"
    nowhere) is evidence a fact-checker reads."""
    return left_out(case.cover.unnamed(most=True))


@rule("figures.coverage", Stage.FIGURES)
def coverage(case: Case) -> LeftOut | None:
    """A passage with a figure must still say enough of the claim (``MIN_COVERAGE_FIGURE``):
    "The US has 2,000 troops in Syria" is not backed by "2,000 people attended"."""
    return left_out(case.cover.short_of(thresholds.MIN_COVERAGE_FIGURE))


_FINAL_RE = re.compile(r"\bfinal\b", re.IGNORECASE)


@rule("figures.floor-not-final", Stage.FIGURES)
def floor_not_final(case: Case) -> LeftOut | None:
    """A floor ("at least 275 people have died") is not the final figure a claim states ("The
    final death toll was 275"): the count may yet pass it. It still backs a claim that does
    not call its figure final, and a passage that calls its own figure final is read as
    usual."""
    claim, passage = case.claim, case.passage
    if not _FINAL_RE.search(claim.text) or _FINAL_RE.search(passage.text):
        return None
    for cf in claim.figures:
        cq = cf.quantity
        if math.isinf(cq.high):
            continue
        agreeing = [
            pf.quantity
            for pf in passage.figures
            if compare(cq, pf.quantity.model_copy(update={"unit": cq.unit})) is Agreement.AGREE
        ]
        if agreeing and all(math.isinf(q.high) for q in agreeing):
            return LeftOut(f"the passage gives a floor (“{agreeing[0].text}”), not a final figure")
    return None


@rule("figures.later-lower-tally", Stage.FIGURES)
def later_lower_tally(case: Case) -> Judgment | None:
    """A claim's bare number that its words say is a running tally ("Global cases passed 6,000
    in early June") against a count of that tally reported after the claim's days and lower
    even at half as much again above its floor (``thresholds.OPEN_RANGE``): tallies do not
    fall, so "more than 3,400 cases" on 1 July says the claim was not so. (A bare number meets
    no count otherwise: ``figures.later-lower`` compares figures that measure the same thing.)"""
    after = _reported_after(case)
    if after is None:
        return None
    for cf in case.claim.figures:
        cq = cf.quantity
        if cq.unit != "number" or cf.measure or not _tally(cf):
            continue
        for pf in case.passage.figures:
            pq = pf.quantity
            if pq.unit != "count" or pf.kind != cf.kind or not pf.measure & cf.context:
                continue
            if not _tally(pf) or pq.low * (1 + thresholds.OPEN_RANGE) >= cq.low:
                continue
            reason = f"claim {cq.text} vs passage {pq.text} {pq.noun}, {after}"
            return _judged(case, Stance.CONFLICTS, reason, pf)
    return None


@rule("figures.same-value", Stage.FIGURES)
def same_value(case: Case) -> Judgment | None:
    """When no figure of the passage is found to count what the claim's does, the same number
    still backs the claim in a sentence that says enough of it (``figures.coverage`` asked
    first): "Amazon will lay off 17,000 employees" backs "layoffs would affect 17,000
    workers"; "Spain (156) ... confirmed cases" backs "Spain had 156 confirmed cases". The
    number must be one that is seldom the same by chance (``thresholds.DISTINCT_VALUE``) and
    the hedges must agree, a figure not be the value another fell from ("revised down from
    288"), and the passage speak of the claim's day; it never contradicts: other numbers may
    count other things."""
    answers = case.answers
    if answers.agreed or answers.contradicted or _another_day(case):
        return None
    for cf in case.claim.figures:
        cq = cf.quantity
        if cq.vague or cq.value < thresholds.DISTINCT_VALUE:
            continue
        for pf in case.passage.figures:
            pq = pf.quantity
            same_kind = pq.unit == cq.unit or {pq.unit, cq.unit} <= {"count", "number"}
            earlier = (pf.kind == EARLIER) != (cf.kind == EARLIER)
            if not same_kind or pq.vague or pq.value != cq.value or earlier:
                continue  # (nor the value before: "revised down from 288" is no toll of 288)
            if cf.measure and pf.measure and not pf.generic:
                continue  # two nouns that do not meet: "40 militants" are not "40 soldiers"
            if compare(cq, pq.model_copy(update={"unit": cq.unit})) is not Agreement.AGREE:
                continue
            counts = f" ({pq.noun})" if pq.noun else ""
            reason = f"claim {cq.text} matches passage {pq.text}{counts}, the same number"
            return _judged(case, Stance.SUPPORTS, reason, pf)
    return None


@rule("figures.same-measure", Stage.FIGURES)
def same_measure_only(case: Case) -> LeftOut | None:
    """Two figures are compared only when they count the same thing: "At least 300 people
    died, while 450 were injured" gives 300 deaths, not 450 killed; "400 militants killed" is
    not a force of 50,000 fighters. Nor when they are different kinds of quantity: "a gain of
    211 seats" is no total, "the 326 seats needed" no result (``measure.comparable``)."""
    answers = case.answers
    if answers.contradicted or answers.agreed:
        return None
    if answers.apart and not answers.unsettled:
        return LeftOut(kinds_apart(*answers.apart[0]))
    return LeftOut("no figure of the passage measures what the claim's figure does")


@rule("figures.unsettled", Stage.FIGURES)
def unsettled(case: Case) -> LeftOut | None:
    """Every figure the passage answers must agree: "at least 66 journalists" leaves "at least
    133 journalists, all but 10 of them Syrian" open though "10" agrees."""
    answers = case.answers
    if answers.contradicted or not answers.unsettled:
        return None
    cf, pf, measure = answers.unsettled[0]
    return LeftOut(
        f"claim {cf.quantity.text} is not settled by passage {pf.quantity.text}{measure}"
    )


def _answer(case: Case) -> Answer:
    """The answer that decides (asked only once the passage answers the claim)."""
    answer = case.answers.deciding
    assert answer is not None, "asked of a passage that answers no figure of the claim"
    return answer


@rule("figures.one-day", Stage.FIGURES)
def one_days_count(case: Case) -> LeftOut | None:
    """ "conducted two airstrikes on Friday" is one day's count, not the claim's total; it
    neither backs nor contradicts "fewer than 1,000" or "over 1,500". A claim of one event
    ("the operation killed 15", "in the attack") counts what happened on its one day."""
    claim, passage = case.claim, case.passage
    if _one_event(claim.text):
        return None
    _, cf, pf, _ = _answer(case)
    day = one_day(passage.text, passage.facets)
    episodic = pf.quantity.unit in {"count", "times"}  # a share or a distance is a state
    if (
        episodic
        and day
        and not one_day(claim.text, claim.facets)
        and cf.quantity.high > pf.quantity.high
    ):
        return LeftOut(f"the passage counts what happened on one day (“{day}”)")
    return None


# One event, named as such: "the operation", "in the US strike that killed", "a raid".
_ONE_EVENT_RE = re.compile(
    r"\b(?:the|a|an|this|that|one)\s+(?:[\w-]+\s+){0,2}?(?:"
    + "|".join(ONE_DAY_EVENTS)
    + r")\b(?!s\b|-)",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _one_event(text: str) -> bool:
    """Whether a claim speaks of one event (read once per claim, not per passage)."""
    return _ONE_EVENT_RE.search(text) is not None


_POSSESSED_RE = re.compile(r"\s+of\s+(?:its|their|his|her)\b", re.IGNORECASE)


@rule("figures.owned-by-another", Stage.FIGURES)
def owned_by_another(case: Case) -> LeftOut | None:
    """The name just before the passage's figure, in its clause, is its owner: "In Scotland,
    the SNP are expected to secure 10 seats" counts the SNP's seats, not Labour's 410 of the
    claim. A name the claim does not have, and not joined to one it has, makes it another
    count, another's money ("Banerjee said the Railways had announced Rs 10 lakh" is not her
    announcement) or another's speed; a share one side lost is the other's
    (``figures.exclusive-shares`` and the loss reading come first)."""
    _, _, pf, measure = _answer(case)
    # money and speed have an owner too: "Railway has announced Rs 10"; "the other train, at 126"
    owned = {"count", "number", "km/h", *CURRENCIES.values()}
    q = pf.quantity
    if q.unit == "percent" and _POSSESSED_RE.match(case.passage.text, q.end):
        owned.add("percent")  # a share of what its subject has: "Globex cut 10% of its staff"
    if " lost by " in measure or q.unit not in owned:
        return None  # a distance or a share is not owned: "7 km of IS-held territory"
    owner = figure_owner(case.claim, case.passage, pf)
    if owner is None:
        return None
    return LeftOut(f"the figure is said of {owner}, whom the claim does not name")


@rule("figures.agree", Stage.FIGURES)
def agree(case: Case) -> Judgment | None:
    """The passage's figure measures what the claim's does and agrees with it: "about 2,000 US
    troops" supports "The US has 2,000 troops in Syria". A qualified figure ("believed to be")
    still supports, and says so; a clause that sets it aside ("much higher") is cited apart."""
    agreement, cf, pf, measure = _answer(case)
    if agreement is not Agreement.AGREE:
        return None
    passage = case.passage
    reason = f"claim {cf.quantity.text} matches passage {pf.quantity.text}{measure}"
    qualified = qualifier(passage.text)
    if qualified:
        reason += f"; the passage qualifies it (“{qualified}”)"
    return _judged(case, Stance.SUPPORTS, reason, pf)


@rule("figures.later-lower", Stage.FIGURES)
def later_lower(case: Case) -> Judgment | None:
    """A running tally (cases, the dead, the injured: ``TALLIES``) reported after the claim's
    day and lower than the claim's count contradicts it: tallies grow, so "more than 3,200
    cases" on 23 June says that "cases passed 6,000 in early June" was not so. (An earlier
    count, or a later higher one, does not: ``figures.another-day``.)"""
    after = _reported_after(case)
    if after is None:
        return None
    agreement, cf, pf, measure = _answer(case)
    if agreement is Agreement.AGREE or pf.quantity.unit != "count" or cf.kind != pf.kind:
        return None
    if not (_tally(cf) and _tally(pf)):
        return None
    if not pf.quantity.high < cf.quantity.low:
        return None
    reason = f"claim {cf.quantity.text} vs passage {pf.quantity.text}{measure}, {after}"
    return _judged(case, Stance.CONFLICTS, reason, pf)


def _reported_after(case: Case) -> str | None:
    """When the passage is of a day after the claim's days (more than
    ``thresholds.SAME_DAY_DAYS`` after the last), the words that say so and why that
    matters: "reported on 1 July 2022, after the claim's date (early June 2022): a tally does
    not fall"."""
    claimed, passage_day = case.claimed, case.dated
    if claimed is None or passage_day is None:
        return None
    _, last, words = claimed
    if passage_day[0] <= last + dt.timedelta(days=thresholds.SAME_DAY_DAYS):
        return None
    return f"{passage_day[1]}, after the claim's date ({words}): a tally does not fall"


def _tally(figure: Figure) -> bool:
    """Whether a figure counts a running tally: its noun says so, or, when it has none ("passed
    6,000"), the words around it."""
    return bool((figure.measure or figure.context) & TALLIES)


@rule("figures.another-year", Stage.FIGURES)
def another_year(case: Case) -> LeftOut | None:
    """A figure the passage gives with an earlier year than its article's is not a figure of a
    claim that names no year, which speaks of its story's time: "a few seats shy of the 418
    seats won in 1997" says nothing of "the party finished with 131 seats" in a 2024 article.
    (A year after "since" dates no figure: "the lowest since 2001".) A claim's own earlier
    figure is of its year ("down from 67.3% in 2019")."""
    if case.claim.facets.years or case.published is None:
        return None
    agreement, cf, pf, _ = _answer(case)
    year = own_year(case.passage.text, pf.quantity.start, pf.quantity.end)
    if year is not None and str(year) == cf.year:
        return None  # the claim's earlier figure, of that year: "down from 67.3% in 2019"
    if year is not None and year < case.published:
        return LeftOut(f"the passage's {pf.quantity.text} is of {year}, before its article")
    # A sentence that names only earlier years does not contradict it either: "Turnout stayed
    # above 75% at every election until 1970" (though a like figure there may back it: "The
    # firm, founded in 1994, cut 300 jobs").
    years = [(y.year, str(y.year)) for y in case.passage.facets.years if not y.since]
    # (a day of the months before its article is no history: "the 1.5 million workers it
    # reported as of Sept. 30, 2022" in January 2023)
    day = written_period(case.passage.text)
    published_on = case.published_on
    if day and published_on and (published_on - day[1]).days <= thresholds.RECENT_DAYS:
        years = [(y, w) for y, w in years if y != day[1].year]
    # (and of a year said relative to its article's: "Last year in Lorem, 31 girls ...")
    years += [(case.published - back, words) for back, words in years_ago(case.passage.text)]
    if agreement is not Agreement.AGREE and years and max(years)[0] < case.published:
        year, words = max(years)
        said = str(year) if words == str(year) else f"{year} (“{words}”)"
        return LeftOut(f"the passage speaks of {said}, before its article")
    return None


# A count said part-way through the counting: "After 630 of 650 results had been declared".
_PARTIAL_RE = re.compile(
    r"\b(\d[\d,]*)\s+(?:out\s+)?of\s+(?:the\s+)?(\d[\d,]*)\s+(?:[a-z]+\s+){0,3}?"
    r"(?:(?:had|have|has)\s+been\s+|were\s+|was\s+)?(?:declared|counted|reported|tallied|in)\b",
    re.IGNORECASE,
)


def _partial(text: str) -> str | None:
    """The words that say a count was not yet complete ("630 of 650 results had been
    declared"), or None."""
    for m in _PARTIAL_RE.finditer(text):
        done, whole = (float(g.replace(",", "")) for g in m.groups())
        if done < whole:
            return m.group()
    return None


@rule("figures.interim", Stage.FIGURES)
def interim(case: Case) -> LeftOut | None:
    """A figure given part-way through a count ("After 630 of 650 results had been declared,
    turnout stood at 59.8%") was not yet the final one: it does not contradict a claim that
    is not itself of a partial count."""
    if not case.answers.contradicted or _partial(case.claim.text):
        return None
    partial = _partial(case.passage.text)
    return LeftOut(f"the passage gives an interim figure (“{partial}”)") if partial else None


@rule("figures.another-day", Stage.FIGURES)
def another_day(case: Case) -> LeftOut | None:
    """A count of a day the claim names is contradicted only by a count of that day: tolls and
    tallies move, so "Spain had recorded one death" reported on 29 July does not contradict
    "By July 31, 2022, Spain had reported two deaths", nor does a count of October. The
    passage's day is the one it writes, else its article's date; within
    ``thresholds.SAME_DAY_DAYS`` days it is the same day (a report of the evening before)."""
    _, _, pf, _ = _answer(case)
    if pf.quantity.unit not in {"count", "number"}:
        return None  # a share or a distance is a state, not a tally
    moved = _another_day(case)
    return LeftOut(f"{moved}: the count may have moved") if moved else None


def _another_day(case: Case) -> str | None:
    """When the passage speaks of another day than the one the claim names (more than
    ``thresholds.SAME_DAY_DAYS`` from it), the words that say so: "reported on 29 July 2022,
    before the claim's date (By July 31, 2022)"."""
    claimed, passage_day = case.claimed, case.dated
    if claimed is None or passage_day is None:
        return None
    first, last, words = claimed
    slack = dt.timedelta(days=thresholds.SAME_DAY_DAYS)
    if first - slack <= passage_day[0] <= last + slack:
        return None
    when = "before" if passage_day[0] < first else "after"
    return f"{passage_day[1]}, {when} the claim's date ({words})"


# A claim's tally said of a moment before the telling: "five people had died", "cases had been
# reported", "as of Monday", "by the time ...".
_EARLIER_MOMENT_RE = re.compile(
    r"\bhad\s+(?:(?:been|already|so\s+far)\s+)*(?:[a-z]+(?:ed|en|wn)|"
    + "|".join(sorted(IRREGULAR_VERBS))
    + r")\b"
    r"|\b(?:as\s+of|by\s+the\s+time|at\s+the\s+time)\b",
    re.IGNORECASE,
)


@rule("figures.grown-tally", Stage.FIGURES)
def grown_tally(case: Case) -> LeftOut | None:
    """A running tally (``TALLIES``) the claim says of an earlier moment ("When he declared the
    emergency, ... five people had died") is not contradicted by a higher count of it ("26
    deaths"): tallies grow, and the higher count may be a later one. A lower count reported
    later does contradict it (``figures.later-lower``); a count of another day the claim names
    is left out by ``figures.another-day``."""
    agreement, cf, pf, measure = _answer(case)
    tallies = all(_tally(f) or counts_dead(f) for f in (cf, pf))
    if agreement is Agreement.AGREE or not tallies or not pf.quantity.low > cf.quantity.high:
        return None
    at = cf.quantity.start
    moments = sorted(
        _EARLIER_MOMENT_RE.finditer(case.claim.text), key=lambda m: abs(m.start() - at)
    )
    if not moments:
        return None
    moment = moments[0]  # the one nearest the figure
    return LeftOut(
        f"a tally grows: the passage's {pf.quantity.text}{measure} may be a later count than "
        f"the claim's {cf.quantity.text} (“{moment.group()}”)"
    )


# A description that takes up someone named before: "the party", "his rival"; or a pronoun.
_DESCRIBED_RE = re.compile(r"\b(?:the|his|her|its|their)\s+$", re.IGNORECASE)
_COMMON_RE = re.compile(r"^[a-z]+(?:\s+[a-z]+)?$")
_PRONOUNS = frozenset({"it", "they", "he", "she"})


@rule("figures.described-other", Stage.FIGURES)
def described_other(case: Case) -> LeftOut | None:
    """A figure said of a description or a pronoun ("The party ... were reduced to a rump of
    121"; "... for his party after it won 71 seats") is of whom the sentence names first
    before it, or else of whom the sentence before names first, its subject: after "The
    Conservative defeat was even more resounding than the Lorem victory", the Conservatives'
    121, which does not contradict "Lorem won 412 seats". Only when the sentence itself says
    none of the claim's names; a backing figure is not asked (its value already agrees)."""
    claim, passage = case.claim, case.passage
    # (the claim's opening capitalised word counts as a name even where the article never
    # writes it, unlike in ``Case.claim_names``: an article that never names the claim's
    # party gives it no figure by "it")
    names = claim.names | {k for t in claim.terms for k in t.keys if k[0] == "#"}
    if not names or names & passage.keys:
        return None
    _, _, pf, _ = _answer(case)
    frame = figure_frame(passage.text, pf.quantity.start, pf.quantity.end)
    if frame is None or frame.proper:
        return None
    text, (start, end) = passage.text, frame.subject
    said = text[start:end]
    before = _DESCRIBED_RE.search(text, max(0, start - 6), start)
    if said.lower() in _PRONOUNS:
        described = said
    elif before is not None and _COMMON_RE.match(said):
        described = text[before.start() : end]
        words = {k for t in passage.tokens if start <= t.start < end for k in expand(t.keys)}
        claim_keys = {k for t in claim.terms for k in expand(tuple(t.keys))}
        if words & (claim_keys | pf.measure | TALLIES):
            return None  # the claim's own words, or what the figure counts ("the toll")
    else:
        return None
    first = next((t for t in passage.tokens if t.start < start and is_name(t)), None)
    if first is not None:
        return LeftOut(
            f"the figure is said of “{described}”, which takes up {first.text}, named first in"
            " the sentence, not the claim's"
        )
    who, keys = case.antecedent
    if not keys or keys & names:
        return None
    return LeftOut(
        f"the figure is said of “{described}”, which takes up {who}, named first in the"
        " sentence before, not the claim's"
    )


# Where a claim's event took place: a name after "in", "near", "at", ... ("in northern Hama",
# "near the town of Tabqa"), up to the next word in lower case.
_PLACE_RE = re.compile(
    r"\b(?:in|near|at|outside|inside|around|across|off)\s+(?:the\s+)?"
    r"(?:(?:[a-z]+-)?(?:north|south|east|west)(?:ern)?\s+|central\s+|(?:town|city|village|"
    r"province|region|district|state|county)\s+of\s+)?"
    r"(?P<place>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|ez|el|al|de|du|la|le|of))*)"
)


@lru_cache(maxsize=4096)
def _places(text: str) -> tuple[str, ...]:
    """The places a claim's text names (``_PLACE_RE``), read once per claim."""
    return tuple(m.group("place") for m in _PLACE_RE.finditer(text))


@rule("figures.elsewhere", Stage.FIGURES)
def elsewhere(case: Case) -> LeftOut | None:
    """A figure that would contradict a claim's count of an event in a place is not of that
    event when its article never names the place: "three government soldiers were killed"
    in an article about Somalia does not contradict "About 40 government soldiers were killed
    in northern Hama". (Backing is asked before and stands: an article may write the place
    otherwise, "North Tabqa" for "northern Tabqa".)"""
    places = _places(case.claim.text)
    named = case.document_keys | case.context_keys | case.passage.keys
    missing = [
        t.text
        for t in case.claim.terms
        if t.entity and any(t.text in place for place in places) and not t.keys & named
    ]
    if not missing:
        return None
    where = ", ".join(missing)
    return LeftOut(
        f"its article never names {where}, the claim's place: the figure may be another's"
    )


@rule("figures.disagree", Stage.FIGURES)
def disagree(case: Case) -> Judgment | LeftOut:
    """The passage's figure measures what the claim's does and excludes it: "1,500 troops"
    conflicts with "The US has 2,000 troops in Syria". Not when the sentence leaves out a name
    of the claim that is neither named just before it nor its article's topic: "Six people were
    killed in the attack" in an article on another attack may count another event ("The siege
    of the Lorem Mall left 67 people dead"), where a count that agrees is still read as
    backing; unless a pronoun before the figure may stand for the name ("They have conducted
    over 1,500 strikes", "I was the minister thrice"), or the figure is a toll, the running count
    of the story's own event ("the official death toll had risen to 288"), or it is a share the
    other side lost ("IS has lost more than half of Tabqa" against "The KF holds ...")."""
    _, cf, pf, measure = _answer(case)
    if (
        case.cover.unsettled
        and not _pronoun_before(case.passage.tokens, pf.quantity.start)
        and _TOLL not in pf.context
        and loss(case.claim, case.passage, cf, pf) is None
    ):
        names = ", ".join(case.cover.unsettled)
        return LeftOut(f"the passage's figure may count another event: it does not name {names}")
    reason = f"claim {cf.quantity.text} vs passage {pf.quantity.text}{measure}"
    return _judged(case, Stance.CONFLICTS, reason, pf)


def _pronoun_before(tokens: Sequence[Token], at: int) -> bool:
    """Whether a personal pronoun is written before character ``at``: "They have conducted"."""
    return any(t.text in PRONOUNS or t.text == "I" for t in tokens if t.end <= at)


_TOLL = "toll"  # (the key of "toll", "tolls")


def _judged(case: Case, stance: Stance, reason: str, figure: Figure) -> Judgment:
    """The judgment of the passage's ``figure``, highlighted with the claim's names it says; a
    clause that sets a backing figure aside is cited apart (``SET_ASIDE``), unless the claim is
    about what someone says."""
    held = figure.quantity
    return Judgment(
        stance=stance,
        reason=reason,
        speaker=case.passage.speaker,
        figures=[held.text],
        highlights=sorted({*case.cover.highlights, (held.start, held.end)}),
        score=round(1.0 + case.cover.coverage, 4),
        # A claim of what someone says ("The Pentagon puts the number at about 500") is not
        # taken back by the writer's doubt ("believed to be much higher"): the saying stands.
        counter=(
            counter_clause(case.passage.text)
            if stance is Stance.SUPPORTS and not case.claim.speaker
            else None
        ),
    )
