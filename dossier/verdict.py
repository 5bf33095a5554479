"""From the stances of a claim's evidence to its verdict and a one-sentence explanation."""

from __future__ import annotations

from collections.abc import Sequence

from dossier.analysis.parts import claim_parts
from dossier.models import ClaimPart, Evidence, Stance, Verdict


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


def explain(verdict: Verdict, evidence: Sequence[Evidence], what: str = "claim") -> str:
    """One sentence a reader can check against the citations (``what``: "claim", or "part" of
    a compound claim)."""
    if verdict is Verdict.UNVERIFIED:
        return f"No passage in the corpus addresses this {what}."
    if verdict is Verdict.SUPPORTED:
        return f"Backed by {_count(evidence, Stance.SUPPORTS)}; no passage conflicts with it."
    if verdict is Verdict.CONTRADICTED:
        return f"Contradicted by {_count(evidence, Stance.CONFLICTS)}; no passage backs it."
    return (
        f"Sources disagree: backed by {_count(evidence, Stance.SUPPORTS)}, "
        f"contradicted by {_count(evidence, Stance.CONFLICTS)}."
    )


def part_results(text: str, evidence: Sequence[Evidence]) -> list[ClaimPart]:
    """The verdict on each part of a compound claim (``claim_parts``): on the citations found
    for that part and those for the whole claim. The claim's own verdict is on all of its
    citations, as a reader weighs them; the parts show which statement lacks backing."""
    return judged_parts(claim_parts(text), evidence)


def judged_parts(parts: Sequence[str], evidence: Sequence[Evidence]) -> list[ClaimPart]:
    """The verdict on each of the parts (their texts, as ``part_results`` found them) on the
    evidence: what a review laid over a claim's citations decides again, without reading the
    claim again."""
    whole = [e for e in evidence if e.part is None or e.part not in parts]
    results = []
    for part in parts:
        cited = whole + [e for e in evidence if e.part == part]
        verdict = decide(cited)
        explanation = explain(verdict, cited, "part")
        results.append(ClaimPart(text=part, verdict=verdict, explanation=explanation))
    return results


def claim_verdict(evidence: Sequence[Evidence], parts: Sequence[ClaimPart]) -> tuple[Verdict, str]:
    """A claim's verdict and its explanation, on all its citations and its parts' verdicts
    (``judged_parts``). A compound claim is false when one of its statements is: a part that
    conflicting passages contradict and none backs makes the claim contradicted, whatever
    backs its other parts ("A said investigators had found a link to B, who had run down two
    soldiers": the link denied, the running down true)."""
    false = [p for p in parts if p.verdict is Verdict.CONTRADICTED]
    if false:
        return Verdict.CONTRADICTED, f"Its part “{false[0].text}” is contradicted: " + (
            false[0].explanation[0].lower() + false[0].explanation[1:]
        )
    verdict = decide(evidence)
    return verdict, explain(verdict, evidence)
