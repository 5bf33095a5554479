"""The whole job: load claims and corpus, index, match, judge, decide; returns a Report."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path

from pydantic import TypeAdapter

from dossier.cache import Cache, make_key
from dossier.claims import load_claims
from dossier.corpus import corpus_stamp, load_corpus, read_corpus, segment_corpus
from dossier.errors import DossierError
from dossier.match import Matcher
from dossier.models import (
    Claim,
    ClaimResult,
    ClaimSet,
    Corpus,
    Evidence,
    ParagraphKind,
    Report,
    SourceEntry,
)
from dossier.prepare import Preparer, default_workers
from dossier.text import Analyzer
from dossier.verdict import decide, explain

FORMATS = ("html", "pdf", "json")

Progress = Callable[[str, int, int], None]  # (step, done, total)

_EVIDENCE = TypeAdapter(list[Evidence])


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
    claims: ClaimSet,
    corpus: Corpus,
    progress: Progress | None = None,
    *,
    matcher: Matcher | None = None,
    cache: Cache | None = None,
    state: str | None = None,
    workers: int | None = 1,
) -> list[ClaimResult]:
    """Every claim's evidence and verdict, in the claims file's order.

    With a ``cache`` and the corpus ``state`` key, a claim already judged against this very
    corpus (same code, aliases and articles) takes its evidence from the cache.
    """
    if matcher is None:
        matcher = Matcher(corpus, Analyzer(claims.file.aliases))
    keys = [make_key("claim", state, claim.text) for claim in claims.claims]
    cached = cache.get_many("claims", keys) if cache is not None and state else {}
    todo = [claim for claim, key in zip(claims.claims, keys, strict=True) if key not in cached]
    judged = iter(_judge(matcher, todo, workers, progress))
    results = []
    for claim, key in zip(claims.claims, keys, strict=True):
        stored = cached.get(key)
        if stored is not None:
            evidence = _EVIDENCE.validate_json(stored)
        else:
            evidence = next(judged)
            if cache is not None and state:
                cache.put("claims", key, _EVIDENCE.dump_json(evidence))
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
    return results


PARALLEL_MIN_CLAIMS = 32  # fewer claims are judged in this process
CLAIMS_PER_TASK = 8

_judging: Matcher | None = None
"""The matcher the judging processes inherit (they are forked: nothing is copied up front)."""


def _judge_claims(work: list[tuple[Claim, list[int]]]) -> list[list[Evidence]]:
    assert _judging is not None
    return [_judging.evidence(claim, candidates) for claim, candidates in work]


def _judge(
    matcher: Matcher, claims: list[Claim], workers: int | None, progress: Progress | None
) -> Iterator[list[Evidence]]:
    """Each claim's evidence, in order; on several processes when there are many claims.

    Retrieval stays in this process (tantivy's threads do not survive a fork); the judging,
    pure Python, is shared out. The result is the same whatever the number of processes.
    """
    global _judging
    total = len(claims)
    workers = workers or default_workers()
    if workers <= 1 or total < PARALLEL_MIN_CLAIMS or "fork" not in get_all_start_methods():
        for done, claim in enumerate(claims, start=1):
            evidence = matcher.evidence(claim)
            if progress:
                progress("judging claims", done, total)
            yield evidence
        return
    work = [(claim, matcher.candidates(claim)) for claim in claims]
    tasks = [work[i : i + CLAIMS_PER_TASK] for i in range(0, total, CLAIMS_PER_TASK)]
    _judging = matcher
    try:
        with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
            done = 0
            for evidences in pool.map(_judge_claims, tasks):
                done += len(evidences)
                if progress:
                    progress("judging claims", done, total)
                yield from evidences
    finally:
        _judging = None


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
    cache_dir: Path | None = None,
    workers: int | None = None,
) -> Report:
    """Load, segment, index, match, judge and decide: the dossier as data.

    With ``cache_dir``, what an earlier build computed for the same articles and claims is read
    from there instead of computed again (see ``dossier.cache``); the report is the same.
    """
    if not (claims_path.is_file() and corpus_path.is_dir()):
        cache_dir = None  # the load reports what is missing; no cache folder is left behind
    cache = Cache(cache_dir, warn) if cache_dir is not None else None
    try:
        if cache is None:
            claims = load_claims(claims_path)
            preparer = Preparer(claims.file.aliases, workers=workers, progress=progress)
            corpus = load_corpus(corpus_path, warn=warn, segment=preparer.segment)
            matcher, _ = preparer.matcher(corpus)
            results = check_claims(claims, corpus, progress, matcher=matcher, workers=workers)
            return make_report(claims, corpus, results)
        return _build_cached(claims_path, corpus_path, cache, warn, progress, workers)
    finally:
        if cache is not None:
            cache.close()


def _build_cached(
    claims_path: Path,
    corpus_path: Path,
    cache: Cache,
    warn: Callable[[str], None] | None,
    progress: Progress | None,
    workers: int | None,
) -> Report:
    """``build_report`` through the cache: only what changed since the last build is computed.

    When neither the claims file nor any article nor their metadata changed, the report itself
    is taken from the cache: the articles are read (to know that they did not change), and
    nothing else is done.
    """
    started = time.time_ns()
    claims_bytes = _read_bytes(claims_path)
    stamp = corpus_stamp(corpus_path)
    stamp_key = None
    if claims_bytes is not None and stamp is not None:
        stamp_key = make_key("stamp", str(claims_path), claims_bytes, str(corpus_path), stamp[0])
        seen = cache.get("stamps", stamp_key)
        stored = cache.get("reports", seen[0]) if seen is not None else None
        if seen is not None and stored is not None:
            for message in seen[1]:
                (warn or _ignore)(message)  # what reading the articles said last time
            return Report.model_validate_json(stored)

    warnings: list[str] = []

    def say(message: str) -> None:
        warnings.append(message)
        if warn is not None:
            warn(message)

    files = read_corpus(corpus_path, warn=say)
    report_key = None
    if claims_bytes is not None:
        report_key = make_key(
            "report",
            str(claims_path),
            claims_bytes,
            str(corpus_path),
            [(d.path, d.sha256, d.meta.model_dump_json()) for d in files.documents],
            [(r.name, r.pattern.pattern) for r in files.rules],
        )
        stored = cache.get("reports", report_key)
        if stored is not None:
            _remember_stamp(cache, stamp, stamp_key, started, report_key, warnings)
            cache.keep_only("reports", [report_key])
            return Report.model_validate_json(stored)

    claims = load_claims(claims_path)
    preparer = Preparer(claims.file.aliases, cache, workers=workers, progress=progress)
    corpus = segment_corpus(files, preparer.segment)
    matcher, state = preparer.matcher(corpus)
    cache.flush()  # the analysed articles and the index survive an interrupted judging
    results = check_claims(
        claims, corpus, progress, matcher=matcher, cache=cache, state=state, workers=workers
    )
    report = make_report(claims, corpus, results)
    if report_key is not None:
        cache.put("reports", report_key, report.model_dump_json().encode())
        _remember_stamp(cache, stamp, stamp_key, started, report_key, warnings)
    cache.flush()
    cache.keep_only("documents", preparer.document_keys)
    cache.keep_only("states", [state])
    cache.keep_only("claims", [make_key("claim", state, c.text) for c in claims.claims])
    cache.keep_only("reports", [report_key] if report_key else [])
    cache.keep_only_index(state)
    return report


STAMP_MARGIN_NS = 2_000_000_000
"""A corpus stamp is trusted only when its files are older than the build by this much (2 s,
more than the clock tick of any file system), so a file written during the build is not
mistaken for an unchanged one."""


def _remember_stamp(
    cache: Cache,
    stamp: tuple[str, int] | None,
    stamp_key: str | None,
    started: int,
    report_key: str,
    warnings: list[str],
) -> None:
    """Let the next build recognise this corpus from file metadata alone, if that is safe."""
    if stamp is not None and stamp_key is not None and stamp[1] < started - STAMP_MARGIN_NS:
        cache.put("stamps", stamp_key, (report_key, warnings))
        cache.flush()
        cache.keep_only("stamps", [stamp_key])


def _ignore(_message: str) -> None:
    return None


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None  # load_claims says why
