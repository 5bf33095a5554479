"""Names a sentence leaves to its article: tolerated only where a quoted "we" stands for one, or
where the whole article is about it; and whom an act was done to must be said, or pointed back
at ("them")."""

from __future__ import annotations

from dossier.judge.acts import hit_targets
from dossier.judge.case import Case
from dossier.judge.outcome import LeftOut
from dossier.judge.registry import Stage, rule
from dossier.lexicon.words import OBJECT_PRONOUNS


def _unsaid(case: Case) -> list[str]:
    """The claim's names the sentence leaves out that were not named just before it. When the
    sentence has the act hit one of the claim's targets ("fired on Syrian forces and their
    Russian allies": "fired at its own forces", said by Russia), the others need not be named."""
    claim, cover = case.claim, case.cover
    unsaid = cover.unsettled + cover.topical
    patient = claim.act[2] if claim.act else frozenset()
    if claim.act is not None and patient & hit_targets(case.passage.tokens, claim.act[0]):
        others = {t.text for t in claim.terms if t.entity and t.keys & patient}
        unsaid = [n for n in unsaid if n not in others]
    return unsaid


@rule("names.target-unsaid", Stage.STATEMENTS)
def target_unsaid(case: Case) -> LeftOut | None:
    """Whom the act was done to must be said, or pointed back at ("them"), unless another of the
    claim's targets is said: "Russian jets carried out strikes near Deir ez-Zor" in an article
    about the SDF does not say "Russia bombed the SDF"; the strike may have hit anyone."""
    claim, cover = case.claim, case.cover
    unsaid = _unsaid(case)
    patient = claim.act[2] if claim.act else frozenset()
    tokens = case.passage.tokens
    referred = any(not t.entity and t.text.lower() in OBJECT_PRONOUNS for t in tokens)
    unnamed = [
        t.text
        for t in claim.terms
        if t.keys & patient
        and (t.text in unsaid or (t.text in cover.from_context and not referred))
    ]
    said = any(t.entity and t.keys & patient for t in cover.said)
    if unnamed and not said and not cover.first_person:
        return LeftOut(f"the sentence does not say it was done to {unnamed[0]}")
    return None


@rule("names.unsaid", Stage.STATEMENTS)
def unsaid(case: Case) -> LeftOut | None:
    """A name the sentence leaves out is tolerated only where a quoted "we" stands for it, or
    where the whole article is about it (and it is not the doer): "The city was retaken" in an
    article about Mosul does not say "Iraqi forces retook Mosul"."""
    claim, cover = case.claim, case.cover
    unsaid = _unsaid(case)
    agent = claim.act[1] if claim.act else frozenset()
    claim_name = {t.text: t.name for t in claim.terms if t.entity and t.name >= 0}
    unsaid_count = len({claim_name.get(n, n) for n in unsaid})
    doer_unsaid = any(t.text in cover.topical and t.keys & agent for t in claim.terms)
    tolerated = unsaid_count == 1 and (cover.first_person or (cover.topical and not doer_unsaid))
    if unsaid and not tolerated:
        return LeftOut(f"the sentence does not name {', '.join(unsaid)}")
    return None
