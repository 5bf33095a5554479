"""The report: each claim's result, and the articles with how often each is cited, as the
renderers read them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from dossier.corpus.documents import article_columns
from dossier.models import (
    Claim,
    ClaimPart,
    ClaimResult,
    ClaimSet,
    Corpus,
    Evidence,
    ParagraphKind,
    Paragraphs,
    Passages,
    Report,
    SourceEntry,
    SourceRow,
    Verdict,
)


def claim_result(
    claims: ClaimSet,
    claim: Claim,
    evidence: list[Evidence],
    verdict: Verdict,
    explanation: str,
    parts: list[ClaimPart],
) -> ClaimResult:
    return ClaimResult(
        id=claim.id,
        text=claim.text,
        line=claims.lines.get(claim.id),
        expect=claim.expect,
        tags=claim.tags,
        notes=claim.notes,
        verdict=verdict,
        explanation=explanation,
        evidence=evidence,
        parts=parts,
    )


def make_report(claims: ClaimSet, corpus: Corpus, results: list[ClaimResult]) -> Report:
    rows = source_rows(corpus, (e.source for result in results for e in result.evidence))
    sources = [SourceEntry.model_construct(**row) for row in rows]  # each field of its type
    return assemble(claims, corpus, results, sources)


def source_rows(corpus: Corpus, cited_sources: Iterable[str]) -> list[SourceRow]:
    """The report's sources as rows: each article, its passages and how often it is cited
    (``cited_sources``: the article of each citation)."""
    cited = Counter(cited_sources)
    per_doc: dict[str, int] = {}
    if isinstance(corpus.passages, Passages):
        per_doc = {path: len(ids) for path, ids in corpus.passages.by_source().items()}
    else:
        for p in corpus.passages:
            per_doc[p.source] = per_doc.get(p.source, 0) + 1
    return [
        {
            "path": path,
            "sha256": sha256,
            "meta": meta,
            "passages": per_doc.get(path, 0),
            "cited": cited.get(path, 0),
        }
        for path, sha256, meta in zip(*article_columns(corpus.documents), strict=True)
    ]


def assemble(
    claims: ClaimSet, corpus: Corpus, results: list[ClaimResult], sources: list[SourceEntry]
) -> Report:
    if isinstance(corpus.paragraphs, Paragraphs):
        furniture = corpus.paragraphs.count(kind=ParagraphKind.FURNITURE)
    else:
        furniture = sum(1 for p in corpus.paragraphs if p.kind is ParagraphKind.FURNITURE)
    return Report(
        title=claims.file.title,
        as_of=claims.file.as_of,
        claims_file=claims.path,
        corpus_dir=corpus.root,
        documents=len(corpus.documents),
        passages=len(corpus.passages),
        furniture_paragraphs=furniture,
        skipped=corpus.skipped,
        sources=sources,
        claims=results,
    )
