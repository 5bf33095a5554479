"""From the stances of a claim's evidence to its verdict and a one-sentence explanation."""

from __future__ import annotations

from collections.abc import Sequence

from dossier.models import Evidence, Stance, Verdict


def decide(evidence: Sequence[Evidence]) -> Verdict:
    """supported: backing, none conflicting; contradicted: the reverse; disputed: both;
    unverified: neither."""
    backs = any(e.stance is Stance.SUPPORTS for e in evidence)
    conflicts = any(e.stance is Stance.CONFLICTS for e in evidence)
    if backs and conflicts:
        return Verdict.DISPUTED
    if backs:
        return Verdict.SUPPORTED
    if conflicts:
        return Verdict.CONTRADICTED
    return Verdict.UNVERIFIED


def _count(evidence: Sequence[Evidence], stance: Stance) -> str:
    passages = [e for e in evidence if e.stance is stance]
    sources = len({e.source for e in passages})
    p = "passage" if len(passages) == 1 else "passages"
    s = "source" if sources == 1 else "sources"
    return f"{len(passages)} {p} in {sources} {s}"


def explain(verdict: Verdict, evidence: Sequence[Evidence]) -> str:
    """One sentence a reader can check against the citations."""
    if verdict is Verdict.UNVERIFIED:
        return "No passage in the corpus addresses this claim."
    if verdict is Verdict.SUPPORTED:
        return f"Backed by {_count(evidence, Stance.SUPPORTS)}; no passage conflicts with it."
    if verdict is Verdict.CONTRADICTED:
        return f"Contradicted by {_count(evidence, Stance.CONFLICTS)}; no passage backs it."
    return (
        f"Sources disagree: backed by {_count(evidence, Stance.SUPPORTS)}, "
        f"contradicted by {_count(evidence, Stance.CONFLICTS)}."
    )
