"""The decide step with the editors' review: what a person decided about a claim (in its
``review:`` in the claims file) laid over what the tool found.

Each reviewed citation is found again in its article by its words (``lock.anchor.find_quote``:
where it stands, re-wrapped, lightly edited, or in an article that was renamed) and matched to
the tool's evidence it overlaps:

- a **rejected** citation is dropped, and listed apart: it never counts again;
- an **accepted** one is marked so, with the stance the editor accepted, and is kept even when
  the tool no longer finds it, as long as the article still holds its words;
- an **added** one is cited with the editor's stance;
- an approved citation whose words the article no longer holds is listed as lost (``dossier
  check`` fails on it);
- the tool's other citations stay, unreviewed.

The claim's verdict is the editor's once one is given (the claim is then *reviewed*), else the
tool's on the citations not rejected; the tool's own verdict on all it found is kept beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dossier.lock.anchor import Anchoring, find_quote, word_diff
from dossier.models import (
    ClaimResult,
    ClaimSet,
    Corpus,
    Decision,
    Evidence,
    Passages,
    QuotedCitation,
    Review,
    ReviewedCitation,
    ReviewOutcome,
    Stance,
)
from dossier.verdict import claim_verdict, judged_parts

SAME_SHARE = 0.5
"""How much of two spans' union their overlap must be for a reviewed citation and one the tool
makes to be the same: a sentence and a clause of it (often both cited, one supporting and one
conflicting) are two citations; a quote re-found a few words longer or shorter is the same."""

RULES = {Decision.ACCEPTED: "review.accepted", Decision.ADDED: "review.added"}
"""The rule named on a citation an editor approved that the tool does not cite (now)."""


@dataclass(frozen=True)
class Found:
    """Where a reviewed citation's words are now: the article and span, or why not found."""

    citation: ReviewedCitation
    source: str | None = None
    start: int = 0
    end: int = 0
    why: str | None = None  # set when the words are not found


class Sentences:
    """The corpus's sentences by article, made for the articles asked about only."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._by_source: dict[str, range] | None = None

    def spans(self, source: str) -> list[tuple[int, int, int, int]]:
        """``(start, end, paragraph_start, paragraph_end)`` of each sentence of ``source``."""
        passages = self.corpus.passages
        if isinstance(passages, Passages):
            if self._by_source is None:
                self._by_source = passages.by_source()
            ids: Sequence[int] = self._by_source.get(source, range(0))
            chosen = [passages[i] for i in ids]
        else:
            chosen = [p for p in passages if p.source == source]
        return [(p.start, p.end, p.paragraph_start, p.paragraph_end) for p in chosen]


def locate(citation: ReviewedCitation, corpus: Corpus, sentences: Sentences) -> Found:
    """Where the reviewed citation's words are in the corpus now."""
    source = citation.source
    try:
        document = corpus.document(source)
    except KeyError:
        moved = _moved(citation.quote, corpus)
        if moved is None:
            return Found(citation, why=f"the article {source} is gone from the corpus")
        source, document = moved, corpus.document(moved)
    spans = [(s, e) for s, e, _, _ in sentences.spans(source)]
    found = find_quote(citation.quote, document.text, spans)
    if found.how is Anchoring.ORPHANED:
        return Found(citation, source, why="the article no longer holds these words")
    if found.how is Anchoring.EDITED:
        diff = word_diff(citation.quote, found.text)
        return Found(citation, source, why=f"the words were edited in the article: {diff}")
    return Found(citation, source, found.start, found.end)


def _moved(quote: str, corpus: Corpus) -> str | None:
    """The one article that holds ``quote`` word for word, when its own article is gone (it
    was renamed or moved)."""
    holding = [d.path for d in corpus.documents if quote in d.text]
    return holding[0] if len(holding) == 1 else None


def apply_reviews(
    claims: ClaimSet, corpus: Corpus, results: list[ClaimResult]
) -> list[ClaimResult]:
    """The results with each claim's review laid over (claims without one as they are)."""
    reviews = {claim.id: claim.review for claim in claims.claims if claim.review is not None}
    if not reviews:
        return results
    sentences = Sentences(corpus)
    return [
        apply_review(result, reviews[result.id], corpus, sentences)
        if result.id in reviews
        else result
        for result in results
    ]


def apply_review(
    result: ClaimResult, review: Review, corpus: Corpus, sentences: Sentences
) -> ClaimResult:
    """One claim's result with its review laid over (see the module's doc)."""
    found = [locate(c, corpus, sentences) for c in review.citations]
    placed = [f for f in found if f.why is None]
    used: set[int] = set()
    evidence: list[Evidence] = []
    unreviewed = changed = 0
    for e in result.evidence:
        match = _overlapping(e, placed)
        if match is None:
            evidence.append(e)
            unreviewed += 1
            continue
        used.add(id(match))
        decision = match.citation.decision
        if decision is Decision.REJECTED:
            continue
        approved = _approved(e, match.citation, review)
        changed += approved.stance is not e.stance
        evidence.append(approved)
    for f in placed:
        if id(f) not in used and f.citation.decision is not Decision.REJECTED:
            evidence.append(_cited(f, corpus, sentences, review))
            changed += f.citation.decision is Decision.ACCEPTED  # the tool no longer cites it
    rejected = [_listed(c) for c in review.citations if c.decision is Decision.REJECTED]
    lost = [
        _listed(f.citation, f.why)
        for f in found
        if f.why is not None and f.citation.decision is not Decision.REJECTED
    ]
    parts = judged_parts([p.text for p in result.parts], evidence)
    shown, explanation = claim_verdict(evidence, parts)
    if review.verdict is not None:
        shown = review.verdict
        explanation = f"{reviewed_by(review)}. {explanation}"
    return result.model_copy(
        update={
            "verdict": shown,
            "explanation": explanation,
            "evidence": evidence,
            "parts": parts,
            "review": ReviewOutcome(
                verdict=review.verdict,
                note=review.note,
                by=review.by,
                date=review.date,
                tool_verdict=result.verdict,
                tool_explanation=result.explanation,
                rejected=rejected,
                lost=lost,
                unreviewed=unreviewed,
                changed=changed,
            ),
        }
    )


def reviewed_by(review: Review | ReviewOutcome) -> str:
    """``The verdict of J. Doe, 2026-12-06``, as much of it as the review tells."""
    who = f"of {review.by}" if review.by else "of the editors"
    return f"The verdict {who}" + (f", {review.date.isoformat()}" if review.date else "")


def _overlapping(e: Evidence, placed: list[Found]) -> Found | None:
    """The reviewed citation that is the same as ``e``: the one that overlaps it most, for the
    two spans' union, if that is at least ``SAME_SHARE``."""
    best, best_share = None, SAME_SHARE - 1e-9
    for f in placed:
        if f.source != e.source:
            continue
        overlap = min(f.end, e.end) - max(f.start, e.start)
        if overlap <= 0:
            continue
        share = overlap / (max(f.end, e.end) - min(f.start, e.start))
        if share > best_share:  # (the first of equals: the order of the review)
            best, best_share = f, share
    return best


def _approved(e: Evidence, citation: ReviewedCitation, review: Review) -> Evidence:
    """The tool's evidence, marked as an editor approved it (with the editor's stance)."""
    stance = citation.stance or e.stance
    update: dict[str, object] = {"reviewed": citation.decision, "stance": stance}
    if stance is not e.stance:
        update["reason"] = (
            f"{_approved_as(citation, review)}; the tool finds that it {_word(e.stance)}: "
            f"{e.reason}"
        )
    return e.model_copy(update=update)


def _cited(f: Found, corpus: Corpus, sentences: Sentences, review: Review) -> Evidence:
    """A citation the editor approved that the tool does not make (now), as evidence."""
    assert f.source is not None  # (placed)
    start, end = f.start, f.end
    paragraph = next(
        ((ps, pe) for s, e, ps, pe in sentences.spans(f.source) if s < end and start < e),
        (start, end),
    )
    citation = f.citation
    if citation.decision is Decision.ADDED:
        reason = _approved_as(citation, review)
    else:
        reason = f"{_approved_as(citation, review)}; the tool no longer cites it"
    return Evidence.cited(
        corpus.document(f.source),
        start,
        end,
        (min(paragraph[0], start), max(paragraph[1], end)),
        stance=citation.stance or Stance.SUPPORTS,
        reason=reason,
        rule=RULES[citation.decision],
        score=0.0,
        reviewed=citation.decision,
    )


def _approved_as(citation: ReviewedCitation, review: Review) -> str:
    who = f" by {review.by}" if review.by else " by an editor"
    stance = f" as it {_word(citation.stance)}" if citation.stance else ""
    return f"{citation.decision.value}{who}{stance}"


def _word(stance: Stance | None) -> str:
    return "conflicts with the claim" if stance is Stance.CONFLICTS else "supports the claim"


def _listed(citation: ReviewedCitation, why: str | None = None) -> QuotedCitation:
    return QuotedCitation(
        source=citation.source,
        quote=citation.quote,
        decision=citation.decision,
        stance=citation.stance,
        why=why,
    )
