"""When and where: a passage that gives another year, day, hour or direction than the claim
speaks of another event; one that does not answer the claim's at all is left out."""

from __future__ import annotations

from collections.abc import Sequence

from dossier.judge.analyses import Figure
from dossier.judge.case import Case
from dossier.judge.outcome import Judgment, LeftOut
from dossier.judge.registry import Stage, rule
from dossier.models import Stance


@rule("contrast.figure", Stage.FIGURES)
def figure(case: Case) -> Judgment | LeftOut | None:
    """A figure of another year, day, hour or place is not the claim's: "In 2014, 5,000
    fighters ..." does not speak to "In 2017 IS had 5,000 fighters". But a majority is in one
    place only: "the majority of the cuts were in sales" conflicts with "most of the cuts were
    in research", when the two measure the same thing."""
    differs = case.differs
    if differs is None:
        return None
    ours, theirs = _majority(case.claim.figures), _majority(case.passage.figures)
    if differs.place and ours and theirs and _measured(case, ours, theirs):
        return Judgment(
            stance=Stance.CONFLICTS,
            reason=f"{differs.reason}: a majority ({theirs.quantity.text}) is in one place",
            speaker=case.passage.speaker,
            figures=[theirs.quantity.text],
            highlights=sorted(
                {*case.cover.highlights, (theirs.quantity.start, theirs.quantity.end)}
            ),
            score=round(case.cover.coverage, 4),
        )
    return LeftOut(differs.reason)


def _measured(case: Case, ours: Figure, theirs: Figure) -> bool:
    """Whether the passage's majority measures what the claim's does."""
    return any(cf is ours and pf is theirs for _, cf, pf, _ in case.answers.agreed)


def _majority(figures: Sequence[Figure]) -> Figure | None:
    """A figure that says more than half ("most", "the majority", "over 60%")."""
    return next((f for f in figures if f.quantity.unit == "percent" and f.quantity.low >= 50), None)


@rule("contrast.unanswered", Stage.STATEMENTS)
def unanswered(case: Case) -> LeftOut | None:
    """A claim that gives a year or a direction is not backed by a passage that gives none it
    can be read against: "In 2017 the SDF took the dam" and a 2014 article's "the SDF took the
    dam" (whose year is its article's)."""
    differs = case.differs
    if differs is None or differs.explicit:
        return None
    return LeftOut(differs.reason)


@rule("contrast.answered-otherwise", Stage.STATEMENTS)
def answered_otherwise(case: Case) -> Judgment | None:
    """A passage that would back the claim but says another year or direction conflicts with
    it: "The SDF advanced north of Raqqa" against "The SDF advanced south of Raqqa"."""
    differs = case.differs
    if differs is None or not _would_support(case):
        return None
    return Judgment(
        stance=Stance.CONFLICTS,
        reason=differs.reason,
        speaker=case.passage.speaker,
        figures=[],
        highlights=sorted(set(case.cover.highlights)),
        score=round(case.cover.coverage, 4),
    )


def _would_support(case: Case) -> bool:
    """Whether the statement rules would find the passage backing the claim: it reports the
    denial the claim is about, or says what the claim says, neither denied nor negated."""
    said = case.polarity
    if case.claim.denial:
        return True
    return not said.denied and said.negated == case.claim.negated
