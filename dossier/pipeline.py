"""The whole job: load claims and corpus, index, match, judge, decide; returns a Report."""

from __future__ import annotations

import contextlib
import dataclasses
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.analysis.text import Analyzer
from dossier.claims.load import load_claims
from dossier.corpus.read import (
    CorpusFiles,
    Stamp,
    article_columns,
    corpus_stamp,
    load_corpus,
    read_corpus,
    segment_corpus,
    unread_corpus,
)
from dossier.errors import DossierError
from dossier.executors.local import LocalExecutor, default_workers
from dossier.incremental.cache import Cache, make_key, make_keys
from dossier.incremental.prepare import Derivation, Preparer
from dossier.judge.match import Matcher, Weights
from dossier.models import (
    Claim,
    ClaimResult,
    ClaimSet,
    Corpus,
    Evidence,
    ParagraphKind,
    Paragraphs,
    Passages,
    Report,
    SourceEntry,
    SourceMeta,
    SourceRow,
    Verdict,
)
from dossier.render.render import (
    EVIDENCE_JSON,
    check_formats,
    output_version,
    render_outputs,
    write_kept,
    write_outputs,
    write_rendered,
)
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
    results, stored, _ = _check(claims, matcher, progress, cache, state, workers)
    return _with_evidence(results, stored)


@dataclass(frozen=True)
class _Stored:
    """A claim's judgment as the cache keeps it: its evidence as JSON (``EVIDENCE_JSON``), the
    verdict and explanation decided from it, and the article of each citation."""

    evidence: bytes
    verdict: Verdict
    explanation: str
    sources: list[str]

    def row(self) -> tuple[bytes, str, str, list[str]]:
        return self.evidence, self.verdict.value, self.explanation, self.sources

    @classmethod
    def read(cls, row: Any) -> _Stored | None:
        """The judgment in a cache row; None when the row is not one."""
        try:
            evidence, verdict, explanation, sources = row
            typed = isinstance(evidence, bytes) and isinstance(explanation, str)
            if typed and isinstance(sources, list) and all(isinstance(s, str) for s in sources):
                return cls(evidence, Verdict(verdict), explanation, sources)
        except (ValueError, TypeError):
            pass
        return None


def _check(
    claims: ClaimSet,
    matcher: Matcher,
    progress: Progress | None,
    cache: Cache | None,
    state: str | None,
    workers: int | None,
    derived: Derivation | None = None,
) -> tuple[list[ClaimResult], dict[int, _Stored], tuple[list[str], list[str], list[str]]]:
    """Every claim's result, in order; through the cache, a result has no evidence but its
    stored judgment (by claim number), whether taken from the cache or judged now, which is
    not read back into models unless something needs them (the JSON output puts it in place
    as it is); and the cache keys of the claims and of their judgments.

    Through the cache, a claim judged before against this corpus state is found by its text;
    any other is found by what its judgment reads (``Matcher.judgment_inputs``): after an
    article was edited, only the claims whose candidates, word weights or articles changed
    are judged again. When the state was ``derived`` from an earlier one, a claim whose
    retrieval against that one still holds (``Matcher.retrieved_again``) is not analysed or
    retrieved again either.
    """
    use_cache = cache is not None and bool(state)
    # The corpus state is the articles' texts; their dates, from the metadata, are judged too.
    dated = make_key("dates", matcher.dates()) if use_cache else ""
    keys = make_keys(("claim", state, dated), (claim.text for claim in claims.claims))
    links = cache.get_many("claims", keys) if cache is not None and use_cache else {}
    rows = (
        cache.get_many("judged", {v for v in links.values() if isinstance(v, str)})
        if (cache is not None and links)
        else {}
    )
    found: dict[int, _Stored] = {}
    judged_keys: dict[int, str] = {}
    for n, key in enumerate(keys):
        link = links.get(key)
        if isinstance(link, str) and (stored := _Stored.read(rows.get(link))) is not None:
            found[n], judged_keys[n] = stored, link
    todo = [n for n in range(len(keys)) if n not in found]
    retrieval_keys = make_keys(("retrievals", state), (claim.text for claim in claims.claims))
    work, weights = _retrieve(
        matcher,
        claims,
        todo,
        cache if use_cache else None,
        retrieval_keys,
        derived,
        workers,
        progress,
    )
    if cache is not None and use_cache and todo:
        inputs = {
            n: make_key("judged", matcher.judgment_inputs(claim, candidates, weights.get(n)))
            for n, (claim, candidates) in zip(todo, work, strict=True)
        }
        rows = cache.get_many("judged", set(inputs.values()))
        for n, key in inputs.items():
            judged_keys[n] = key
            if (stored := _Stored.read(rows.get(key))) is not None:
                found[n] = stored
                cache.put("claims", keys[n], key)
        work = [w for n, w in zip(todo, work, strict=True) if n not in found]
    judged = iter(_judge(matcher, work, workers, progress))
    results: list[ClaimResult] = []
    kept: dict[int, _Stored] = {}
    for n, claim in enumerate(claims.claims):
        stored = found.get(n)
        if stored is not None:
            evidence: list[Evidence] = []
            verdict, explanation = stored.verdict, stored.explanation
            kept[n] = stored
        else:
            evidence = next(judged)
            verdict = decide(evidence)
            explanation = explain(verdict, evidence)
            if cache is not None and use_cache:
                made = _Stored(
                    EVIDENCE_JSON.dump_json(evidence, indent=2),
                    verdict,
                    explanation,
                    [e.source for e in evidence],
                )
                cache.put("judged", judged_keys[n], made.row())
                cache.put("claims", keys[n], judged_keys[n])
                # Kept as the JSON just stored, as a claim judged before is: a thousand claims'
                # evidence is tens of megabytes as JSON and several times that as models.
                kept[n], evidence = made, []
        results.append(
            ClaimResult(
                id=claim.id,
                text=claim.text,
                line=claims.lines.get(claim.id),
                expect=claim.expect,
                tags=claim.tags,
                notes=claim.notes,
                verdict=verdict,
                explanation=explanation,
                evidence=evidence,
            )
        )
    return results, kept, (keys, sorted(set(judged_keys.values())), retrieval_keys)


def _retrieve(
    matcher: Matcher,
    claims: ClaimSet,
    todo: list[int],
    cache: Cache | None,
    retrieval_keys: list[str],
    derived: Derivation | None,
    workers: int | None,
    progress: Progress | None,
) -> tuple[list[tuple[Claim, list[int]]], dict[int, Weights]]:
    """Each claim numbered in ``todo`` with its candidates, and the word weights of those whose
    retrieval against the state this one was ``derived`` from still holds (``Matcher.
    retrieved_again``): those are neither analysed nor retrieved again. Through the ``cache``,
    each claim's retrieval is kept under its key in ``retrieval_keys`` (by claim number)."""
    held: dict[int, tuple[list[int], Weights, Any]] = {}  # candidates, weights, record
    if cache is not None and derived is not None and todo:
        base_keys = make_keys(("retrievals", derived.base), (claims.claims[n].text for n in todo))
        before = cache.get_many("retrievals", base_keys)
        for n, key in zip(todo, base_keys, strict=True):
            if key in before and (
                again := matcher.retrieved_again(before[key], derived.changed, derived.articles)
            ):
                held[n] = (*again, before[key])
    retrieved = iter(
        _candidates(matcher, [claims.claims[n] for n in todo if n not in held], workers, progress)
    )
    work = [(claims.claims[n], held[n][0]) if n in held else next(retrieved) for n in todo]
    if cache is not None:
        for n, (claim, candidates) in zip(todo, work, strict=True):
            record = held[n][2] if n in held else matcher.retrieval(claim, candidates)
            cache.put("retrievals", retrieval_keys[n], record)  # still true of this corpus
    return work, {n: weights for n, (_, weights, _) in held.items()}


def _candidates(
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


def _with_evidence(results: list[ClaimResult], stored: dict[int, _Stored]) -> list[ClaimResult]:
    """The results with the stored evidence read back into models."""
    return [
        r.model_copy(update={"evidence": EVIDENCE_JSON.validate_json(stored[n].evidence)})
        if n in stored
        else r
        for n, r in enumerate(results)
    ]


PARALLEL_MIN_CLAIMS = 32  # fewer claims are judged in this process
CLAIMS_PER_TASK = 8


def _judge_claims(matcher: Matcher, work: list[tuple[Claim, list[int]]]) -> list[list[Evidence]]:
    return [matcher.evidence(claim, candidates) for claim, candidates in work]


def _judge(
    matcher: Matcher,
    work: list[tuple[Claim, list[int]]],
    workers: int | None,
    progress: Progress | None,
) -> Iterator[list[Evidence]]:
    """Each claim's evidence among its candidates, in order; on several processes when there
    are many claims (the memory each frees given back). The result is the same whatever the
    number of processes."""
    total = len(work)
    executor = LocalExecutor(workers, min_size=PARALLEL_MIN_CLAIMS, give_back=True)
    tasks = [work[i : i + CLAIMS_PER_TASK] for i in range(0, total, CLAIMS_PER_TASK)]
    done = 0
    for evidences in executor.map(_judge_claims, matcher, tasks):
        done += len(evidences)
        if progress:
            progress("judging claims", done, total)
        yield from evidences


def make_report(
    claims: ClaimSet,
    corpus: Corpus,
    results: list[ClaimResult],
    stored: dict[int, _Stored] | None = None,
) -> Report:
    """The report of ``results`` (with ``stored``: the judgments of those without evidence)."""
    rows = source_rows(corpus, results, stored)
    sources = [SourceEntry.model_construct(**row) for row in rows]  # each field of its type
    return _report(claims, corpus, results, sources)


def source_rows(
    corpus: Corpus, results: list[ClaimResult], stored: dict[int, _Stored] | None = None
) -> list[SourceRow]:
    """The report's sources as rows: each article, its passages and how often it is cited."""
    cited: Counter[str] = Counter()
    for result in results:
        cited.update(e.source for e in result.evidence)
    for judgment in (stored or {}).values():
        cited.update(judgment.sources)
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


def _report(
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
        sources=sources,
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
    if cache_dir is None:
        return _build(claims_path, corpus_path, warn, progress, workers)
    cache = Cache(cache_dir, warn)
    try:
        built = _build_cached(
            claims_path, corpus_path, cache, _look_up(cache, claims_path, corpus_path), warn,
            progress, workers,
        )  # fmt: skip
        return built.full()
    finally:
        cache.close()


CACHED_FORMATS = frozenset({"json", "html"})
"""Outputs the cache keeps with the report (a PDF depends on the fonts of the system too)."""


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
    cache_dir: Path | None = None,
    workers: int | None = None,
) -> Built:
    """``build_report``, then render and write ``formats`` into ``out_dir``.

    Through the cache, when nothing changed since a build that wrote the same formats (the
    corpus stamp and the claims file are the same), its rendered outputs are written again as
    they are: a report of 1,000 claims is tens of megabytes of JSON, slow to read back.
    """
    check_formats(formats)
    if not (claims_path.is_file() and corpus_path.is_dir()):
        cache_dir = None  # the load reports what is missing; no cache folder is left behind
    if cache_dir is None:
        report = _build(claims_path, corpus_path, warn, progress, workers)
        return _built(report, write_outputs(report, out_dir, formats))
    cache = Cache(cache_dir, warn)
    try:
        lookup = _look_up(cache, claims_path, corpus_path)
        reuse = formats <= CACHED_FORMATS
        if reuse and lookup.seen is not None:
            found = _kept_outputs(cache, _outputs_key(lookup.seen[0], formats), formats)
            if found is not None:
                files, (claims, documents, verdicts) = found
                for message in lookup.seen[1]:
                    (warn or _ignore)(message)  # what reading the articles said last time
                written = write_kept(out_dir, files)
                return Built(claims, documents, verdicts, written)
        made = _build_cached(claims_path, corpus_path, cache, lookup, warn, progress, workers)
        report_key = made.key
        if formats == {"json"}:  # the stored evidence is put in the JSON as it is
            rendered = render_outputs(made.report, formats, made.evidence_json(), made.sources)
        else:
            rendered = render_outputs(made.full(), formats)
        built = _built(made.report, write_rendered(out_dir, rendered))
        if reuse and report_key is not None:
            _keep_outputs(cache, _outputs_key(report_key, formats), built)
        return built
    finally:
        cache.close()


def _outputs_key(report_key: str, formats: set[str]) -> str:
    return make_key("outputs", report_key, sorted(formats), output_version())


def _kept_outputs(
    cache: Cache, key: str, formats: set[str]
) -> tuple[dict[str, Path], tuple[int, int, list[tuple[str, int]]]] | None:
    """The files ``_keep_outputs`` kept under ``key``, each still as it was, and the figures."""
    stored = cache.get("outputs", key)
    try:
        kept, (claims, documents, verdicts) = stored
        figures = (int(claims), int(documents), [(str(v), int(n)) for v, n in verdicts])
        files = {fmt: cache.kept_file("rendered", f"{key}.{fmt}", kept[fmt]) for fmt in formats}
    except (TypeError, ValueError, KeyError):
        return None
    if not all(files.values()):
        return None
    return {fmt: path for fmt, path in files.items() if path is not None}, figures


def _keep_outputs(cache: Cache, key: str, built: Built) -> None:
    """Keep the files just written, for a build with nothing changed to give again: each
    linked in the cache (``Cache.keep_file``), with the figures the command line prints."""
    kept = {}
    for path in built.written:
        fmt = path.suffix[1:]
        kept[fmt] = cache.keep_file("rendered", f"{key}.{fmt}", path)
        if kept[fmt] is None:
            return
    cache.put("outputs", key, (kept, (built.claims, built.documents, built.verdicts)))
    cache.flush()
    cache.keep_only("outputs", [key])
    cache.keep_only("rendered", [f"{key}.{fmt}" for fmt in kept])


def _built(report: Report, written: list[Path]) -> Built:
    verdicts = Counter(c.verdict.value for c in report.claims)
    return Built(len(report.claims), report.documents, sorted(verdicts.items()), written)


def _build(
    claims_path: Path,
    corpus_path: Path,
    warn: Callable[[str], None] | None,
    progress: Progress | None,
    workers: int | None,
) -> Report:
    """The report computed afresh, without a cache."""
    claims = load_claims(claims_path)
    preparer = Preparer(claims.file.aliases, workers=workers, progress=progress)
    corpus = load_corpus(corpus_path, warn=warn, segment=preparer.segment)
    matcher, _ = preparer.matcher(corpus)
    results = check_claims(claims, corpus, progress, matcher=matcher, workers=workers)
    return make_report(claims, corpus, results)


@dataclass(frozen=True)
class _Lookup:
    """What the build knows before reading an article: the claims file's bytes, the corpus
    stamp, and the report the same stamp gave last time (with what reading said)."""

    started: int
    claims_bytes: bytes | None
    stamp: Stamp | None
    stamp_key: str | None
    seen: tuple[str, list[str]] | None
    corpus_key: str | None
    """Where the cache keeps the corpus as an earlier build read it under the same stamp,
    whatever the claims: its ``CorpusFiles.record``, the titles its headings gave, and what
    reading it said."""
    folder_key: str
    """Where the cache keeps the corpus as the last build read it from this folder, whatever
    its stamp: its record, titles and each article's ``FileStat`` (when old enough to trust),
    so that a build after an edit reads only the files written since."""


def _look_up(cache: Cache, claims_path: Path, corpus_path: Path) -> _Lookup:
    started = time.time_ns()
    claims_bytes = _read_bytes(claims_path)
    stamp = corpus_stamp(corpus_path)
    stamp_key = seen = corpus_key = None
    if stamp is not None:
        corpus_key = make_key("corpus", str(corpus_path), stamp.digest)
        if claims_bytes is not None:
            stamp_key = make_key("stamp", str(claims_path), claims_bytes, corpus_key)
            seen = cache.get("stamps", stamp_key)
    folder_key = make_key("corpus-folder", str(corpus_path))
    return _Lookup(started, claims_bytes, stamp, stamp_key, seen, corpus_key, folder_key)


@dataclass(frozen=True)
class _Read:
    """The corpus's files, whether they were read (or known from the stamp), and what reading
    them said (said again when they are known from the stamp)."""

    files: CorpusFiles
    read: bool
    warnings: list[str]

    def record(self) -> tuple[Any, ...] | None:
        """The files' ``CorpusFiles.record`` when they were read (to remember them)."""
        return self.files.record() if self.read else None


def _read_files(
    cache: Cache, corpus_path: Path, lookup: _Lookup, warn: Callable[[str], None] | None
) -> _Read:
    """The corpus's files: read, or known from the stamp (then no article is read until a
    sentence of it is judged)."""
    warnings: list[str] = []

    def say(message: str) -> None:
        warnings.append(message)
        if warn is not None:
            warn(message)

    known = cache.get("corpora", lookup.corpus_key) if lookup.corpus_key else None
    if known is not None:
        try:
            record, titles, said = known
            files = unread_corpus(corpus_path, record, titles)
        except (ValueError, TypeError) as err:
            cache.warn_once(f"corpus record unreadable: {err}")
        else:
            for message in said:
                say(message)  # what reading the articles said when they were read
            return _Read(files, False, warnings)
    last = cache.get("corpora", lookup.folder_key)
    try:
        (rows, patterns), titles, stats = last
        hashes = {path: sha256 for path, sha256, _ in rows}
        read_before = {path: (tuple(stat), hashes[path]) for path, stat in stats.items()}
    except (ValueError, TypeError, KeyError, AttributeError):
        read_before, titles = None, None  # no build read this folder yet (or not readable)
    files = read_corpus(
        corpus_path, warn=say, known=read_before, titles=titles, keep_texts=False,
        stamp=lookup.stamp,
    )  # fmt: skip
    if read_before is not None and files.patterns() != patterns:
        files = dataclasses.replace(files, titles=None)  # other rules, other headings
    return _Read(files, True, warnings)


@dataclass(frozen=True)
class _Made:
    """A report made through the cache: the claims judged before have no evidence in it but
    their stored judgment (``stored``), and its sources are the rows ``sources``; ``key`` is the
    report's key (None when the claims file is unreadable)."""

    report: Report
    stored: dict[int, _Stored]
    sources: list[SourceRow]
    key: str | None

    def full(self) -> Report:
        """The report with every claim's evidence and every source as models."""
        sources = [SourceEntry.model_construct(**row) for row in self.sources]
        claims = _with_evidence(self.report.claims, self.stored) if self.stored else None
        return self.report.model_copy(
            update={"sources": sources, **({"claims": claims} if claims is not None else {})}
        )

    def evidence_json(self) -> dict[int, bytes]:
        return {n: stored.evidence for n, stored in self.stored.items()}


def _build_cached(
    claims_path: Path,
    corpus_path: Path,
    cache: Cache,
    lookup: _Lookup,
    warn: Callable[[str], None] | None,
    progress: Progress | None,
    workers: int | None,
) -> _Made:
    """``build_report`` through the cache: only what changed since the last build is computed.

    When the corpus stamp is the one of an earlier build, no article is read but those whose
    sentences are judged; when the corpus state is one seen before, no article is analysed
    and the index is opened as it is; a claim judged before against that state is not judged
    again, and its evidence stays JSON until something needs it as models.
    """
    started, claims_bytes, stamp, stamp_key = (
        lookup.started, lookup.claims_bytes, lookup.stamp, lookup.stamp_key,
    )  # fmt: skip
    got = _read_files(cache, corpus_path, lookup, warn)
    files, warnings = got.files, got.warnings
    report_key = None
    if claims_bytes is not None:
        paths, hashes, metas = article_columns(files.documents)
        report_key = make_key(
            "report",
            str(claims_path),
            claims_bytes,
            str(corpus_path),
            [(p, sha256, _meta_key(m)) for p, sha256, m in zip(paths, hashes, metas, strict=True)],
            [(r.name, r.pattern.pattern) for r in files.rules],
        )

    claims = load_claims(claims_path)
    corpus, preparer, matcher, state = _prepare(claims, got, cache, lookup, progress, workers)
    results, stored, (claim_keys, judged, retrievals) = _check(
        claims, matcher, progress, cache, state, workers, preparer.derived
    )
    sources = source_rows(corpus, results, stored)
    report = _report(claims, corpus, results, [])  # the sources apart (see ``_Made``)
    if report_key is not None:
        _remember_stamp(cache, stamp, stamp_key, started, report_key, warnings)
    cache.flush()
    if not preparer.read_back:  # (a state read back whole was made from these same articles)
        cache.keep_only("documents", preparer.document_keys)
    cache.keep_only("states", preparer.states_kept())
    cache.keep_only("claims", claim_keys)
    cache.keep_only("judged", judged)
    cache.keep_only("retrievals", retrievals)
    corpora = [lookup.folder_key, lookup.corpus_key] if lookup.corpus_key else [lookup.folder_key]
    cache.keep_only("corpora", corpora)
    cache.keep_only_index(state)
    return _Made(report, stored, sources, report_key)


def _prepare(
    claims: ClaimSet,
    got: _Read,
    cache: Cache,
    lookup: _Lookup,
    progress: Progress | None,
    workers: int | None,
) -> tuple[Corpus, Preparer, Matcher, str]:
    """Segment, index and get ready to judge, through the cache; files that were read are
    remembered under the corpus stamp."""
    preparer = Preparer(claims.file.aliases, cache, workers=workers, progress=progress)
    record = got.record()
    paths, _, metas = article_columns(got.files.documents)
    untitled = [i for i, meta in enumerate(metas) if meta.title is None]
    corpus = segment_corpus(got.files, preparer.segment)
    if record is not None:
        titles: dict[str, str] = {}
        for i in untitled:
            if (title := metas[i].title) is not None:
                titles[paths[i]] = title  # as its heading gave it
        _remember_corpus(cache, lookup, record, titles, got.warnings)
    matcher, state = preparer.matcher(corpus)
    cache.flush()  # the analysed articles and the index survive an interrupted judging
    return corpus, preparer, matcher, state


@dataclass(frozen=True)
class Prepared:
    """A claims file and a corpus ready to judge (see ``prepared``)."""

    claims: ClaimSet
    corpus: Corpus
    matcher: Matcher
    cache: Cache | None
    state: str | None

    def check(self, claims: ClaimSet) -> list[ClaimResult]:
        """``check_claims`` of ``claims`` (with the same aliases) against the corpus, on every
        core when there are many; through the cache, a claim judged before against this corpus
        is not judged again."""
        return check_claims(
            claims, self.corpus, matcher=self.matcher, cache=self.cache, state=self.state,
            workers=None,
        )  # fmt: skip


@dataclass(frozen=True)
class Preparing:
    """How a command gets the corpus ready: through the build cache in ``cache_dir`` (None: no
    cache), telling ``warn`` what reading the articles says and ``progress`` how far it is."""

    cache_dir: Path | None = None
    warn: Callable[[str], None] | None = None
    progress: Progress | None = None
    workers: int | None = None


AFRESH = Preparing()
"""No cache: the corpus read and analysed afresh, warnings and progress untold."""


@contextlib.contextmanager
def prepared(
    claims_path: Path,
    corpus_path: Path,
    how: Preparing = AFRESH,
    *,
    claims: ClaimSet | None = None,
) -> Iterator[Prepared]:
    """The claims file loaded (unless given as ``claims``) and the corpus read, segmented and
    indexed; through the build cache when ``how`` has one (a corpus a build has seen is read
    back, not analysed again), which keeps what is judged with it when the block ends."""
    if claims is None:
        claims = load_claims(claims_path)
    cache_dir, warn, progress, workers = how.cache_dir, how.warn, how.progress, how.workers
    if cache_dir is None or not corpus_path.is_dir():
        preparer = Preparer(claims.file.aliases, workers=workers, progress=progress)
        corpus = load_corpus(corpus_path, warn=warn, segment=preparer.segment)
        yield Prepared(claims, corpus, preparer.matcher(corpus)[0], None, None)
        return
    cache = Cache(cache_dir, warn)
    try:
        lookup = _look_up(cache, claims_path, corpus_path)
        got = _read_files(cache, corpus_path, lookup, warn)
        corpus, _, matcher, state = _prepare(claims, got, cache, lookup, progress, workers)
        yield Prepared(claims, corpus, matcher, cache, state)
        cache.flush()
    finally:
        cache.close()


def _meta_key(meta: SourceMeta) -> str:
    """An article's metadata in a cache key; most articles have none (no field was given)."""
    return meta.model_dump_json() if meta.model_fields_set else ""


STAMP_MARGIN_NS = 2_000_000_000
"""A corpus stamp is trusted only when its files are older than the build by this much (2 s,
more than the clock tick of any file system), so a file written during the build is not
mistaken for an unchanged one."""


def _remember_stamp(
    cache: Cache,
    stamp: Stamp | None,
    stamp_key: str | None,
    started: int,
    report_key: str,
    warnings: list[str],
) -> None:
    """Let the next build recognise this corpus from file metadata alone, if that is safe."""
    if stamp is not None and stamp_key is not None and stamp.latest < started - STAMP_MARGIN_NS:
        cache.put("stamps", stamp_key, (report_key, warnings))
        cache.flush()
        cache.keep_only("stamps", [stamp_key])


def _remember_corpus(
    cache: Cache,
    lookup: _Lookup,
    record: tuple[list[tuple[str, str, str]], list[str]],
    titles: dict[str, str],
    said: list[str],
) -> None:
    """Let the next build know this corpus from file metadata alone (whatever its claims), if
    that is safe (see ``STAMP_MARGIN_NS``); and each article whose file is old enough, whatever
    the other files (the folder's row: a build after an edit reads only the edited files)."""
    stamp, key = lookup.stamp, lookup.corpus_key
    if stamp is None:
        return
    settled = lookup.started - STAMP_MARGIN_NS
    if key is not None and stamp.latest < settled:
        cache.put("corpora", key, (record, titles, said))
    read = {path for path, _, _ in record[0]}
    trusted = {
        path: stat
        for path, stat in stamp.files.items()
        if path in read and max(stat[2], stat[3]) < settled
    }
    cache.put("corpora", lookup.folder_key, (record, titles, trusted))


def _ignore(_message: str) -> None:
    return None


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None  # load_claims says why
