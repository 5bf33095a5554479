"""When and where: a passage that gives another year, day, hour or direction than the claim
speaks of another event; one that does not answer the claim's at all is left out."""

from __future__ import annotations

from dossier.judge.case import Case
from dossier.judge.outcome import Judgment, LeftOut
from dossier.judge.registry import Stage, rule
from dossier.models import Stance


@rule("contrast.figure", Stage.FIGURES)
def figure(case: Case) -> LeftOut | None:
    """A figure of another year, day, hour or place is not the claim's: "In 2014, 5,000
    fighters ..." does not speak to "In 2017 IS had 5,000 fighters"."""
    return LeftOut(case.differs.reason) if case.differs is not None else None


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
