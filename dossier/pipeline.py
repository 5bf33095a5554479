"""The whole job: load claims and corpus, index, match, judge, decide; returns a Report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dossier.claims import load_claims
from dossier.corpus import load_corpus
from dossier.errors import DossierError
from dossier.match import Matcher
from dossier.models import ClaimResult, ClaimSet, Corpus, ParagraphKind, Report, SourceEntry
from dossier.text import Analyzer
from dossier.verdict import decide, explain

FORMATS = ("html", "pdf", "json")

Progress = Callable[[str, int, int], None]  # (step, done, total)


def parse_formats(spec: str) -> set[str]:
    """'html,pdf' -> {'html', 'pdf'}; unknown names are a usage error."""
    wanted = {part.strip().lower() for part in spec.split(",") if part.strip()}
    unknown = sorted(wanted - set(FORMATS))
    if unknown or not wanted:
        raise DossierError(
            f"--format: unknown output {', '.join(repr(u) for u in unknown) or 'none given'}; "
            f"use a comma-separated list of {', '.join(FORMATS)}"
        )
    return wanted


def check_claims(
    claims: ClaimSet, corpus: Corpus, progress: Progress | None = None
) -> list[ClaimResult]:
    """Every claim's evidence and verdict, in the claims file's order."""
    matcher = Matcher(corpus, Analyzer(claims.file.aliases))
    results = []
    total = len(claims.claims)
    for done, claim in enumerate(claims.claims, start=1):
        evidence = matcher.evidence(claim)
        verdict = decide(evidence)
        results.append(
            ClaimResult(
                id=claim.id,
                text=claim.text,
                line=claims.lines.get(claim.id),
                expect=claim.expect,
                tags=claim.tags,
                notes=claim.notes,
                verdict=verdict,
                explanation=explain(verdict, evidence),
                evidence=evidence,
            )
        )
        if progress:
            progress("judging claims", done, total)
    return results


def make_report(claims: ClaimSet, corpus: Corpus, results: list[ClaimResult]) -> Report:
    cited: dict[str, int] = {}
    for result in results:
        for e in result.evidence:
            cited[e.source] = cited.get(e.source, 0) + 1
    per_doc: dict[str, int] = {}
    for p in corpus.passages:
        per_doc[p.source] = per_doc.get(p.source, 0) + 1
    return Report(
        title=claims.file.title,
        as_of=claims.file.as_of,
        claims_file=claims.path,
        corpus_dir=corpus.root,
        documents=len(corpus.documents),
        passages=len(corpus.passages),
        furniture_paragraphs=sum(1 for p in corpus.paragraphs if p.kind is ParagraphKind.FURNITURE),
        sources=[
            SourceEntry(
                path=d.path,
                sha256=d.sha256,
                meta=d.meta,
                passages=per_doc.get(d.path, 0),
                cited=cited.get(d.path, 0),
            )
            for d in corpus.documents
        ],
        claims=results,
    )


def build_report(
    claims_path: Path,
    corpus_path: Path,
    *,
    warn: Callable[[str], None] | None = None,
    progress: Progress | None = None,
) -> Report:
    """Load, segment, index, match, judge and decide: the dossier as data."""
    claims = load_claims(claims_path)
    corpus = load_corpus(corpus_path, warn=warn)
    return make_report(claims, corpus, check_claims(claims, corpus, progress))
