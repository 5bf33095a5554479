"""The published edition of a dossier (``dossier build --published``): what a person approved,
and nothing else.

Only the claims an editor gave a verdict (``ClaimResult.reviewed``) are kept, each with only the
citations an editor accepted or added; the tool's other citations are left out, and each
claim's explanation counts the citations it keeps. The sources' ``cited`` counts are those of
the edition. A report with no reviewed claim has nothing to publish: that is an error, not an
empty dossier, so that a build meant for readers never writes over the last one with nothing.
"""

from __future__ import annotations

from collections import Counter

from dossier.errors import DossierError
from dossier.models import ClaimResult, Report
from dossier.review.apply import reviewed_by
from dossier.verdict import claim_verdict, judged_parts


class NothingToPublish(DossierError):
    """``--published`` with no claim an editor gave a verdict."""


def publish(report: Report) -> Report:
    """The published edition of ``report``: its reviewed claims, each with the citations an
    editor approved, and ``published`` set."""
    claims = [published_claim(claim) for claim in report.claims if claim.reviewed]
    if not claims:
        raise NothingToPublish(
            f"{report.claims_file}: no claim has an editor's verdict yet, so the published "
            "edition would be empty; review claims first (dossier review ID --verdict ...), "
            "or build without --published."
        )
    cited = Counter(e.source for claim in claims for e in claim.evidence)
    sources = [
        s if s.cited == cited[s.path] else s.model_copy(update={"cited": cited[s.path]})
        for s in report.sources
    ]
    return report.model_copy(update={"published": True, "claims": claims, "sources": sources})


def published_claim(claim: ClaimResult) -> ClaimResult:
    """A reviewed claim with only its approved citations (accepted and added), its explanation
    counting those."""
    assert claim.review is not None  # (reviewed)
    evidence = [e for e in claim.evidence if e.reviewed is not None]
    parts = judged_parts([p.text for p in claim.parts], evidence)
    explanation = f"{reviewed_by(claim.review)}. {claim_verdict(evidence, parts)[1]}"
    return claim.model_copy(
        update={"evidence": evidence, "explanation": explanation, "parts": parts}
    )
