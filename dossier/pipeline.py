"""The plain pipeline: read -> segment -> index -> retrieve -> judge -> decide -> render.

``build_dossier`` is the whole job computed afresh (``dossier build --no-cache``). The
incremental build (``dossier.incremental.build``) runs these same steps through the build
cache; this module never sees the cache.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from dossier.analysis.text import Analyzer
from dossier.claims.load import load_claims
from dossier.corpus.read import load_corpus
from dossier.executors import choose
from dossier.executors.local import LocalExecutor, default_workers
from dossier.judge.match import Matcher, Remote
from dossier.judge.prepare import Preparer
from dossier.models import (
    Claim,
    ClaimResult,
    ClaimSet,
    Corpus,
    Evidence,
    Report,
)
from dossier.render.output import check_formats, write_outputs
from dossier.report import claim_result, make_report
from dossier.review.apply import apply_reviews
from dossier.review.publish import publish
from dossier.verdict import claim_verdict, part_results

Progress = Callable[[str, int, int], None]  # (step, done, total)
PARALLEL_MIN_CLAIMS = 32  # fewer claims are retrieved on one thread and judged in this process
CLAIMS_PER_TASK = 8
JUDGE_AHEAD = 4  # judging tasks handed to each of a cluster's worker threads ahead of the one taken


@dataclass(frozen=True)
class Built:
    """What ``build_dossier`` wrote, and the figures the command line sums up."""

    claims: int
    documents: int
    verdicts: list[tuple[str, int]]  # (verdict, number of claims), by verdict
    written: list[Path]


def build_dossier(
    claims_path: Path,
    corpus_path: Path,
    out_dir: Path,
    formats: set[str],
    *,
    warn: Callable[[str], None] | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
    published: bool = False,
) -> Built:
    """``build_report``, then render and write ``formats`` into ``out_dir``; ``published``:
    the published edition (``review.publish``)."""
    check_formats(formats)
    report = build_report(claims_path, corpus_path, warn=warn, progress=progress, workers=workers)
    if published:
        report = publish(report)
    return built(report, write_outputs(report, out_dir, formats))


def build_report(
    claims_path: Path,
    corpus_path: Path,
    *,
    warn: Callable[[str], None] | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> Report:
    """Read, segment, index, retrieve, judge and decide: the dossier as data."""
    claims = load_claims(claims_path)
    corpus, matcher = prepare(claims, corpus_path, warn, progress, workers)
    results = check_claims(claims, corpus, progress, matcher=matcher, workers=workers)
    return make_report(claims, corpus, results)


def prepare(
    claims: ClaimSet,
    corpus_path: Path,
    warn: Callable[[str], None] | None,
    progress: Progress | None,
    workers: int | None,
) -> tuple[Corpus, Matcher]:
    """The corpus read and segmented, its sentences analysed and indexed, ready to judge."""
    preparer = Preparer(claims.file.aliases, workers=workers, progress=progress, corpus=corpus_path)
    corpus = load_corpus(corpus_path, warn=warn, segment=preparer.segment)
    return corpus, preparer.matcher(corpus)


def check_claims(
    claims: ClaimSet,
    corpus: Corpus,
    progress: Progress | None = None,
    *,
    matcher: Matcher | None = None,
    workers: int | None = 1,
) -> list[ClaimResult]:
    """Every claim's evidence and verdict, in the claims file's order, with the editors'
    review laid over (``review.apply``)."""
    if matcher is None:
        matcher = Matcher(corpus, Analyzer(claims.file.aliases))
    work = retrieve(matcher, claims.claims, workers, progress)
    results = []
    for claim, evidence in zip(claims.claims, judge(matcher, work, workers, progress), strict=True):
        parts = part_results(claim.text, evidence)
        verdict, explanation = claim_verdict(evidence, parts)
        results.append(claim_result(claims, claim, evidence, verdict, explanation, parts))
    return apply_reviews(claims, corpus, results)


def retrieve(
    matcher: Matcher, claims: list[Claim], workers: int | None, progress: Progress | None
) -> list[tuple[Claim, list[int]]]:
    """Each claim with the passages worth judging for it. Retrieval runs in this process
    (tantivy's threads do not survive a fork), on a thread per core: tantivy searches without
    holding Python's lock. Each claim's candidates are the same whatever the threads."""
    workers = workers or default_workers()
    work = []
    with ThreadPoolExecutor(workers if len(claims) >= PARALLEL_MIN_CLAIMS else 1) as pool:
        found = pool.map(matcher.candidates, claims)
        for done, (claim, candidates) in enumerate(zip(claims, found, strict=True), start=1):
            work.append((claim, candidates))
            if progress and (done % 50 == 0 or done == len(claims)):
                progress("finding passages", done, len(claims))
    return work


def judge(
    matcher: Matcher,
    work: list[tuple[Claim, list[int]]],
    workers: int | None,
    progress: Progress | None,
) -> Iterator[list[Evidence]]:
    """Each claim's evidence among its candidates, in order; on several processes when there
    are many claims (the memory each frees given back). The result is the same whatever the
    number of processes. On a cluster (``executors.choose``), when the matcher can be made
    again there (``Matcher.remote``: a build through the cache), each worker makes it once and
    judges the claims."""
    tasks = [work[i : i + CLAIMS_PER_TASK] for i in range(0, len(work), CLAIMS_PER_TASK)]
    judged: Iterator[list[list[Evidence]]]
    if matcher.remote is not None and choose.remote():
        judged = choose.executor(workers, ahead=JUDGE_AHEAD).map(
            _judge_remotely, matcher.remote, tasks
        )
    else:
        executor = LocalExecutor(workers, min_size=PARALLEL_MIN_CLAIMS, give_back=True)
        judged = executor.map(_judge_claims, matcher, tasks)
    done = 0
    for evidences in judged:
        done += len(evidences)
        if progress:
            progress("judging claims", done, len(work))
        yield from evidences


def _judge_claims(matcher: Matcher, work: list[tuple[Claim, list[int]]]) -> list[list[Evidence]]:
    return [matcher.evidence(claim, candidates) for claim, candidates in work]


def _judge_remotely(remote: Remote, work: list[tuple[Claim, list[int]]]) -> list[list[Evidence]]:
    return remote.judge(work)


def built(report: Report, written: list[Path]) -> Built:
    verdicts = Counter(c.verdict.value for c in report.claims)
    return Built(len(report.claims), report.documents, sorted(verdicts.items()), written)
