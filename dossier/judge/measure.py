"""Figures measured against figures: whether a passage's figure counts what the claim's does
(troops with troops, percent *of Raqqa* with percent of Raqqa), how the two compare, the day a
count is of, and the words that qualify a figure or set it aside."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from dossier.analysis.facets import Facets
from dossier.analysis.parse import noun_after
from dossier.analysis.quantity import Agreement, compare, complement, extract
from dossier.analysis.text import expand, stem
from dossier.judge.acts import head_of
from dossier.judge.analyses import ClaimAnalysis, Figure, PassageAnalysis
from dossier.judge.outcome import Counter
from dossier.judge.polarity import clause_at
from dossier.lexicon import aspects, thresholds
from dossier.lexicon.calendar import RELATIVE_DAYS, WEEKDAYS
from dossier.lexicon.hedges import COUNTER_QUALIFIERS, QUALIFIERS
from dossier.lexicon.synonyms import (
    BEFALLEN,
    COUNTED_EVENTS,
    LIVES,
    LIVES_TAKEN,
    LOSS,
    TALLIES,
)
from dossier.lexicon.words import KINDS_OF_PEOPLE, PEOPLE
from dossier.models import Quantity

SET_ASIDE = "figures.set-aside"  # the rule that cites a clause setting a figure aside apart
# A single day: "on Friday", "yesterday", "Sept. 4", "September 9".
_WEEKDAY_RE = re.compile(
    r"\b(?:" + "|".join([*(d.capitalize() for d in WEEKDAYS), *RELATIVE_DAYS]) + r")\b"
)
# "the killed fighters were likely private military contractors": who the counted really were.
REIDENTIFY_RE = re.compile(
    r"\b[Tt]he (?P<event>killed|dead|slain|wounded|injured)(?: (?P<who>(?:\w+ ){0,2}?\w+))? "
    r"(?:were|was|are|is) (?P<hedge>(?:most likely|likely|probably|possibly|in fact|actually|"
    r"apparently|reportedly) )?(?P<what>[a-z][\w-]*(?: [\w-]+){0,4}?)(?=\s*[,;.(]| (?:who|which|"
    r"that|supporting|fighting|working|from|in|near|with)\b|$)"
)

_ROUND_SHARE_RE = re.compile(r"(?:the |a )?(?:most|majority)", re.IGNORECASE)
_NUMBERED_RE = re.compile(r"\d")

Answer = tuple[Agreement, Figure, Figure, str]  # how a claim's figure compares, and of what


@dataclass(frozen=True, slots=True)
class Answers:
    """How a passage's figures answer the claim's: those that agree, those that contradict, and
    those that measure the same thing but neither back nor contradict it."""

    agreed: list[Answer]
    contradicted: list[Answer]
    unsettled: list[tuple[Figure, Figure, str]]
    # Figures that measure the same thing but are of different kinds (a gain against a total):
    # neither backs nor contradicts the other; the first says why the passage is left out.
    apart: list[tuple[Figure, Figure]] = field(default_factory=list)

    @property
    def deciding(self) -> Answer | None:
        """The answer that decides: the first contradiction, else the first agreement."""
        return next(iter(self.contradicted or self.agreed), None)


def answers(claim: ClaimAnalysis, passage: PassageAnalysis, place_keys: frozenset[str]) -> Answers:
    """Each of the claim's figures against the passage's figures that measure the same thing
    (a share lost by one side is the rest held by the other)."""
    agreed: list[Answer] = []
    contradicted: list[Answer] = []
    unsettled: list[tuple[Figure, Figure, str]] = []  # measured, neither backed nor contradicted
    apart: list[tuple[Figure, Figure]] = []
    for cf in claim.figures:
        mine: Answer | None = None
        open_: tuple[Figure, Figure, str] | None = None
        for pf in passage.figures:
            measure = same_measure(cf, pf, place_keys)
            if measure is None or _listed_for_another(claim, pf):
                continue
            held = pf.quantity
            lost = loss(claim, passage, cf, pf)
            if lost is not None:
                loser, same_side = lost
                if loser is None:
                    continue  # one side's loss, and no telling whose
                measure += f" lost by {loser}"
                if same_side:  # "IS lost more than half" leaves IS "less than half"
                    held = complement(held)
                    measure += ", the rest held"
            if held.unit != cf.quantity.unit:
                # only a count and a bare number of the same dead or injured measure the same
                # thing across units (``same_measure``): "the toll is 60" counts the dead
                held = held.model_copy(update={"unit": cf.quantity.unit})
            agreement = compare(cf.quantity, held)
            if not comparable(cf, pf, agreement):
                apart.append((cf, pf))
                continue
            if agreement is Agreement.UNCLEAR:
                open_ = open_ or (cf, pf, measure)
                continue
            if (
                mine is None
                or (agreement is Agreement.AGREE and mine[0] is not Agreement.AGREE)
                or (
                    agreement is not Agreement.AGREE
                    and mine[0] is not Agreement.AGREE
                    and _acts_shared(cf, pf) > _acts_shared(cf, mine[2])
                )
            ):
                # (of two figures that contradict it, the one said with the claim's act: "Of
                # the 276 girls, 12 escaped" answers "57 escaped" with its 12, not its 276)
                mine = (agreement, cf, pf, measure)
        if mine is not None:
            (agreed if mine[0] is Agreement.AGREE else contradicted).append(mine)
        elif open_ is not None:
            unsettled.append(open_)
    # A passage figure that one of the claim's figures finds is that figure's, not another's:
    # "turnout was 59.9%, down from 67.3% in 2019" is not contradicted by "67.3% in 2019".
    found = {id(pf) for _, _, pf, _ in agreed}
    # And one that is the number of another of the claim's figures is that one's: "57 of the
    # 276 girls escaped and 219 remained" is not contradicted by "219 schoolgirls" nor by "more
    # than 200 schoolgirls".
    if len(_numbers(claim.text)) > 1:
        found |= {id(pf) for _, _, pf, _ in contradicted if _another_figure(claim, pf)}
    contradicted = [a for a in contradicted if id(a[2]) not in found]
    return Answers(agreed, contradicted, unsettled, apart)


def _another_figure(claim: ClaimAnalysis, passage: Figure) -> bool:
    """Whether the passage's figure may be another number the claim writes (one of its unit
    that it does not exclude): "more than 200 schoolgirls" may be the 219 of "57 of the 276
    girls escaped and 219 remained". Not a count of another event: "killed eight and wounded
    41" does not allow "at least 10 killed"; nor of another thing: "two wives" is not the "two
    Iraqis" of "three wives: two Iraqis and a Syrian"."""
    held = passage.quantity
    events = _events(passage)
    figures = {(cf.quantity.start, cf.quantity.end): cf for cf in claim.figures}
    for q in _numbers(claim.text):
        if q.unit != held.unit or compare(q, held) is Agreement.CONFLICT:
            continue
        read = next((cf for (a, b), cf in figures.items() if a <= q.start < b), None)
        if (
            read is not None
            and passage.measure
            and not read.measure & passage.measure
            and noun_after(claim.text, read.quantity.end)
        ):
            continue  # "two Iraqis" of "three wives: two Iraqis and a Syrian" is no wives
        theirs = _events(read) if read is not None else frozenset()
        if not (events and theirs and not events & theirs):
            return True
    return False


def _events(figure: Figure) -> frozenset[str]:
    """The counted events a figure's words say ("killed", "wounded"): of the deaths or the
    injured, as ``COUNTED_EVENTS`` groups them."""
    return frozenset(figure.context & COUNTED_EVENTS)


@functools.lru_cache(maxsize=256)
def _numbers(text: str) -> tuple[Quantity, ...]:
    """Every number a claim writes, each read as a figure (``extract(alone=True)``)."""
    return tuple(extract(text, alone=True))


# Kinds of figure an equal number may still back across: "9,000 more jobs" is the "9,000
# jobs" cut, "6,000 cases worldwide" the "6,000 cases" counted, a "24-hour" shift 24 hours,
# "30 people, including 22 police, were arrested" the "22 police officers arrested".
_AGREE_ACROSS = frozenset(
    {aspects.LEVEL, aspects.CHANGE, aspects.WHOLE, aspects.MODIFIER, aspects.PART}
)


def comparable(claim: Figure, passage: Figure, agreement: Agreement) -> bool:
    """Whether two figures that measure the same thing answer each other: only figures of one
    kind contradict (a gain of 211 seats is no total, a threshold of 326 no result, a count of
    the world no count of one country); figures of a kind that is a count all the same may
    agree when they are the same number ("2.5 million more doses" backs "2.5 million doses";
    "rose by more than five points" is not backed by a share of 19%)."""
    if _other_size(claim, passage):
        return False  # a depth is no width ("16 feet deep", "40 feet wide")
    if claim.kind == passage.kind or claim.quantity.unit == passage.quantity.unit == "age":
        # two earlier figures are of the same time when they say no other year; an age is one,
        # written "nine years old" or in "her 4-year-old son"
        return not (claim.year and passage.year and claim.year != passage.year)
    same_number = claim.quantity.value == passage.quantity.value
    return (
        agreement is Agreement.AGREE and same_number and {claim.kind, passage.kind} <= _AGREE_ACROSS
    )


def _other_size(claim: Figure, passage: Figure) -> bool:
    """Whether two lengths are of different sizes, both said (a depth and a width)."""
    return bool(claim.dimension and passage.dimension and claim.dimension != passage.dimension)


def kinds_apart(claim: Figure, passage: Figure) -> str:
    """Why two figures of different kinds do not answer each other, as words for a reason."""

    def said(f: Figure) -> str:
        if _other_size(claim, passage):
            return f"{f.quantity.text} is a {f.dimension}"
        cue = f" (“{f.cue}”)" if f.cue else ""
        return f"{f.quantity.text} is {aspects.DESCRIBED[f.kind]}{cue}"

    return f"the passage's {said(passage)}, the claim's {said(claim)}"


def _listed_for_another(claim: ClaimAnalysis, figure: Figure) -> bool:
    """A count in a list of names ("Spain (156), Portugal (138)") that is another name's."""
    if figure.listed is None:
        return False
    claim_keys = {k for t in claim.terms for k in t.keys} | claim.names
    return not figure.listed[1] & claim_keys


def _people_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """One side counts people ("400 people"), the other a kind of people ("400 employees")."""
    return bool((a <= PEOPLE and b & KINDS_OF_PEOPLE) or (b <= PEOPLE and a & KINDS_OF_PEOPLE))


def _acts_shared(claim: Figure, passage: Figure) -> int:
    """How many of the words around a claim's figure, and of what it counts, are the passage
    figure's."""
    return len(claim.context & passage.context) + len(claim.measure & passage.measure)


def _same_act(claim: Figure, passage: Figure) -> bool:
    """Whether the words around two figures, other than what they count, meet: a share in round
    words meets a claim's numbered share only where it says the same act."""
    return bool((claim.context - claim.measure) & (passage.context - passage.measure))


def same_measure(claim: Figure, passage: Figure, sentence_keys: frozenset[str]) -> str | None:
    """How the two figures measure the same thing, as words for the reason; None if they don't."""
    cq, pq = claim.quantity, passage.quantity
    if claim.owners and passage.owners and not claim.owners & passage.owners:
        return None  # US troops are not Iraqi forces
    counted = (passage.context & COUNTED_EVENTS) - (claim.context & COUNTED_EVENTS)
    if cq.unit in {"count", "number"} and counted:
        return None  # 40 militants killed are not a force of 50,000 fighters; 900 injured no toll
    if {cq.unit, pq.unit} <= {"count", "number"} and _same_befallen(claim, passage):
        # "50 people died" and "the death toll rose to 60", "60 fatalities", "claimed 60 lives"
        return f" {pq.noun}" if pq.noun and not pq.vague else _BARE[counts_dead(passage)]
    if cq.unit != pq.unit:
        return None
    if (
        cq.unit in {"count", "number"}
        and claim.said & _BEFELL
        and not passage.said & (COUNTED_EVENTS | TALLIES)
    ):
        return None  # 50 passengers who died are not the 300 a bus carried
    if not claim.measure:
        # A bare figure ("advanced about 5 miles"): the words around both must meet, and what
        # the passage's counts, when it says ("1.2% of the workers"), the claim must say too; a
        # share in round words ("most of", "the majority of") is compared on its noun only.
        if passage.measure and not passage.measure & claim.context:
            return None
        if _ROUND_SHARE_RE.fullmatch(pq.text):
            return None
        return "" if claim.context & passage.context else None
    shared = claim.measure & passage.measure
    if not shared and _compound_head(cq.noun, pq.noun):
        shared = frozenset(passage.measure)  # "gunshots" are "shots"
    if (
        shared
        and _ROUND_SHARE_RE.fullmatch(pq.text)
        and _NUMBERED_RE.search(cq.text)
        and not _same_act(claim, passage)
    ):
        return None  # "most of the 1.5 million employees work in warehouses": no share cut
    if shared and not passage.generic:
        if all(k.startswith("~") for k in shared) and not claim.modifiers <= sentence_keys:
            return None  # "troops" and "security forces" meet as words, not as these people
        return f" {pq.noun}" if pq.unit in {"count"} and not pq.vague else f" of {pq.noun}"
    if cq.unit == "count" and _people_apart(claim.measure, passage.measure):
        # ... when what befell them is the same: 31 people taken to hospital are not 12 killed
        if claim.context & COUNTED_EVENTS == passage.context & COUNTED_EVENTS:
            return f" {pq.noun} ({cq.noun})"
        return None
    place = {k for k in claim.measure_names if k[0] in "@#"}  # names as names, not as words
    if passage.generic and place and place <= sentence_keys:
        return f" of {pq.noun} ({claim.quantity.noun})"
    return None


DEATH = "~kill"  # the event of the dead, in ``BEFALLEN``
_BARE = {True: " dead", False: " injured"}  # what a bare count of them counts, in a reason
# What befalls people counted (not where they are: "troops deployed" are troops in a place).
_BEFELL = COUNTED_EVENTS - {"~deploy"}


def counts(figure: Figure, event: str) -> bool:
    """Whether a figure counts those an event befell (``BEFALLEN``: the dead, the injured),
    however the sentence writes it: "60 people were killed", "the death toll rose to 60", "60
    fatalities", "claimed 60 lives", "60 people lost their lives", "Of the 53 passengers, two
    died", "the number of injured at 1,175". A whole number, of people, or of no noun with a
    word for them beside it ("the toll rose to 60", "12 dead"; not "killed 12 and destroyed 40
    homes": the homes are no dead, nor "a hazard ratio of 0.7 for death"). A count said with
    its own verb is of that verb ("2 had died and 15 were still hospitalized": the 15 are in
    hospital)."""
    keys_of, nouns = BEFALLEN[event]
    q = figure.quantity
    if not q.value.is_integer():
        return False
    if q.elided:
        return bool(figure.measure & keys_of)
    keys = figure.said | figure.measure
    lives = event == DEATH and LIVES in keys and bool(keys & LIVES_TAKEN)
    measure = figure.measure
    if not measure:  # no noun: a word for them must say what it counts
        return q.low == q.high and bool(figure.said & nouns)
    if not (keys & keys_of or lives):
        return False
    return bool(measure & (PEOPLE | KINDS_OF_PEOPLE | keys_of | {LIVES}))


def counts_dead(figure: Figure) -> bool:
    """Whether a figure counts the dead (``counts``)."""
    return counts(figure, DEATH)


def _same_befallen(claim: Figure, passage: Figure) -> bool:
    """Whether two figures count those the same event befell: both count them (``counts``),
    and one of them says only that it befell them ("people", "fatalities", "the toll",
    "injuries") or both name the same people; "4 soldiers killed" are not "30 militants
    killed"."""
    for event, (keys_of, _) in BEFALLEN.items():
        if counts(claim, event) and counts(passage, event):
            generic = PEOPLE | keys_of | {LIVES}
            one, other = claim.measure, passage.measure
            return not one or not other or bool(one & generic or other & generic or one & other)
    return False


def _compound_head(one: str | None, other: str | None) -> bool:
    """Whether one noun is a closed compound the other heads (English puts the head last, with
    at least three letters before it): "gunshots" and "shots", "airstrikes" and "strikes".
    Not of people, whose compounds are other people: "firefighters" are not "fighters"."""
    if not one or not other:
        return False
    longer, shorter = sorted((one.lower(), other.lower()), key=len, reverse=True)
    if not head_of(longer, shorter):
        return False
    return not {stem(shorter), stem(longer)} & (KINDS_OF_PEOPLE | PEOPLE)


def loss(
    claim: ClaimAnalysis, passage: PassageAnalysis, cf: Figure, pf: Figure
) -> tuple[str | None, bool] | None:
    """When one side says a share was lost and the other that it was held or taken: who lost
    it and whether that is the claim's side (then the passage's share is the complement of the
    claim's). None when no loss is involved; no loser when the sides cannot be told."""
    if cf.quantity.unit != "percent" or bool(cf.context & LOSS) == bool(pf.context & LOSS):
        return None
    ours = next(
        (
            t
            for t in claim.terms
            if t.entity and not t.keys <= cf.measure and not t.keys & claim.speaker_keys
        ),
        None,
    )
    wanted = LOSS if pf.context & LOSS else frozenset({"~control"})
    tokens = passage.tokens
    verb = next((i for i, t in enumerate(tokens) if set(expand(t.keys)) & wanted), None)
    theirs = None
    if verb is not None:
        near = [t for t in tokens[max(0, verb - thresholds.ACTOR_WINDOW - 1) : verb] if t.entity]
        theirs = near[-1] if near else None
    if ours is None or theirs is None:
        return None, False
    same = bool(ours.keys & set(theirs.keys))
    return (theirs.text if pf.context & LOSS else ours.text), same


def qualifier(text: str) -> str | None:
    low = text.lower()
    for q in QUALIFIERS:
        if q in low:
            return q
    return None


def counter_clause(text: str) -> Counter | None:
    """The clause that sets a figure aside, as (start, end, qualifier), if the text has one:
    "the toll is believed to be much higher". A comparison with something else sets nothing
    aside: "17,000 workers, significantly higher than the company's initial plans"."""
    low = text.lower()
    hits = [
        (at, q)
        for q in COUNTER_QUALIFIERS
        if (at := low.find(q)) >= 0 and not low[at + len(q) :].lstrip().startswith("than")
    ]
    if not hits:
        return None
    at, qualifier = min(hits)
    start, end = clause_at(text, at, 0)
    reason = f"the passage sets the figure aside (“{qualifier}”)"
    return Counter(start, max(end, at + len(qualifier)), reason, SET_ASIDE)


def one_day(text: str, said: Facets) -> str | None:
    """The single day a text names, as written: "on Friday", "yesterday", "Sept. 4"."""
    weekday = _WEEKDAY_RE.search(text)
    if weekday is not None:
        return weekday.group()
    return said.days[0][2] if said.days else None


def reidentifies(text: str) -> bool:
    """Does the sentence say who the killed or wounded really were? (A claim's count is judged
    against it though it has no figure.)"""
    return REIDENTIFY_RE.search(text) is not None
