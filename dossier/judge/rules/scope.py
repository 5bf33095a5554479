"""Whether a passage can speak to a claim at all: the claim has content, and a claim phrased
as someone's word is backed only by that speaker."""

from __future__ import annotations

from dossier.judge.case import Case
from dossier.judge.outcome import LeftOut
from dossier.judge.registry import rule


@rule("scope.no-content")
def no_content(case: Case) -> LeftOut | None:
    """A claim of function words alone ("It was there.") has nothing a passage could say."""
    if not case.claim.terms and not case.claim.figures:
        return LeftOut("the claim has no content words")
    return None


@rule("scope.speaker")
def speaker(case: Case) -> LeftOut | None:
    """A claim phrased as someone's claim needs that speaker: "Amaq claimed that IS fighters
    shot down a drone" is not backed by "IS fighters shot down a drone, the army said"."""
    claim, passage = case.claim, case.passage
    if claim.speaker_keys and not (passage.speaker and claim.speaker_keys & passage.voice):
        return LeftOut(f"the claim is {claim.speaker}'s word; the passage is not")
    return None
