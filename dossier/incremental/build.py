"""The incremental build: the plain pipeline's steps (``dossier.pipeline``) through the build
cache, so that a build redoes only what changed since the last one; the outputs are the same.

Before reading an article, the corpus folder's stamp (each file's size and times) and the claims
file tell whether the last build's outputs can be written again as they are. Otherwise only the
files written since are read (``_read_files``); the articles are segmented, analysed and indexed
through the cache (``incremental.prepare``); a claim judged before against the same inputs takes
its judgment from the cache (``_check``), kept as the JSON the output writes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

from dossier.claims.load import load_claims
from dossier.corpus.documents import (
    CorpusFiles,
    Stamp,
    article_columns,
    corpus_stamp,
    meta_of,
    unread_corpus,
)
from dossier.corpus.read import read_corpus, segmented
from dossier.incremental.cache import Cache, CachedTexts, make_key, make_keys
from dossier.incremental.prepare import CachedPreparer, Derivation
from dossier.judge.match import Matcher, Weights
from dossier.models import (
    Claim,
    ClaimPart,
    ClaimResult,
    ClaimSet,
    Corpus,
    Report,
    SourceEntry,
    SourceMeta,
    SourceRow,
    Verdict,
)
from dossier.pipeline import (
    Built,
    Progress,
    built,
    check_claims,
    judge,
    prepare,
    retrieve,
)
from dossier.pipeline import build_dossier as build_afresh
from dossier.render.json import EVIDENCE_JSON
from dossier.render.output import (
    check_formats,
    output_version,
    render_outputs,
    write_kept,
    write_rendered,
)
from dossier.report import assemble, claim_result, source_rows
from dossier.review.apply import apply_reviews
from dossier.review.publish import publish
from dossier.verdict import claim_verdict, part_results


def build_dossier(
    claims_path: Path,
    corpus_path: Path,
    out_dir: Path,
    formats: set[str],
    cache_dir: Path,
    *,
    warn: Callable[[str], None] | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
    published: bool = False,
) -> Built:
    """``pipeline.build_dossier`` through the build cache in ``cache_dir``: only what changed
    since the last build is computed, and the outputs are the same (``published``: the
    published edition's, ``review.publish``).

    When nothing changed since a build that wrote the same formats (the corpus stamp and the
    claims file are the same), its rendered outputs are written again as they are: a report of
    1,000 claims is tens of megabytes of JSON, slow to read back.
    """
    check_formats(formats)
    if not (claims_path.is_file() and corpus_path.is_dir()):
        # The load reports what is missing; no cache folder is left behind.
        return build_afresh(
            claims_path, corpus_path, out_dir, formats, warn=warn, progress=progress,
            workers=workers, published=published,
        )  # fmt: skip
    cache = Cache(cache_dir, warn)
    try:
        lookup = _look_up(cache, claims_path, corpus_path)
        reuse = formats <= CACHED_FORMATS
        if reuse and lookup.seen is not None:
            key = _outputs_key(lookup.seen[0], formats, published)
            found = _kept_outputs(cache, key, formats)
            if found is not None:
                files, (claims, documents, verdicts) = found
                for message in lookup.seen[1]:
                    (warn or _ignore)(message)  # what reading the articles said last time
                written = write_kept(out_dir, files)
                return Built(claims, documents, verdicts, written)
        made = _build_cached(claims_path, corpus_path, cache, lookup, warn, progress, workers)
        report_key, report = made.key, made.report
        if published:  # (a reviewed claim's evidence is never kept as JSON apart: ``_reviewed``)
            report = publish(made.with_sources())
            rendered = render_outputs(report, formats)
        elif formats == {"json"}:  # the stored evidence is put in the JSON as it is
            rendered = render_outputs(report, formats, made.evidence_json(), made.sources)
        else:
            rendered = render_outputs(made.full(), formats)
        done = built(report, write_rendered(out_dir, rendered))
        if reuse and report_key is not None:
            _keep_outputs(cache, _outputs_key(report_key, formats, published), done)
        return done
    finally:
        cache.close()


def _outputs_key(report_key: str, formats: set[str], published: bool) -> str:
    return make_key("outputs", report_key, sorted(formats), published, output_version())


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


CACHED_FORMATS = frozenset({"json", "html"})
"""Outputs the cache keeps with the report (a PDF depends on the fonts of the system too)."""


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
            files = unread_corpus(corpus_path, record, titles, CachedTexts(cache))
        except (ValueError, TypeError) as err:
            cache.warn_once(f"corpus record unreadable: {err}")
        else:
            for message in said:
                say(message)  # what reading the articles said when they were read
            return _Read(files, False, warnings)
    last = cache.get("corpora", lookup.folder_key)
    try:
        (rows, patterns, own, _), titles, stats = last
        hashes = {path: sha256 for path, sha256, _ in rows}
        read_before = {
            path: (tuple(stat), hashes[path], meta_of(own[path]) if path in own else None)
            for path, stat in stats.items()
        }
    except (ValueError, TypeError, KeyError, AttributeError):
        read_before, titles = None, None  # no build read this folder yet (or not readable)
    files = read_corpus(
        corpus_path, warn=say, known=read_before, titles=titles, keep_texts=False,
        stamp=lookup.stamp, store=CachedTexts(cache),
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
        report = self.with_sources()
        if not self.stored:
            return report
        return report.model_copy(update={"claims": _with_evidence(report.claims, self.stored)})

    def with_sources(self) -> Report:
        """The report with every source as a model (the claims as they are)."""
        sources = [SourceEntry.model_construct(**row) for row in self.sources]
        return self.report.model_copy(update={"sources": sources})

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
    """``pipeline.build_report`` through the cache: only what changed since the last build is
    computed.

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
    corpus, preparer, matcher = _prepare(claims, got, cache, lookup, progress, workers)
    state = preparer.state_key
    results, stored, (claim_keys, judged, retrievals) = _check(
        claims, matcher, progress, cache, state, preparer.settings(), workers, preparer.derived
    )
    results, stored = _reviewed(claims, corpus, results, stored)
    sources = source_rows(
        corpus,
        chain(
            chain.from_iterable(s.sources for s in stored.values()),
            (e.source for r in results for e in r.evidence),
        ),
    )
    made = assemble(claims, corpus, results, [])  # the sources apart (see ``_Made``)
    if report_key is not None:
        _remember_stamp(cache, stamp, stamp_key, started, report_key, warnings)
    cache.flush()
    if not preparer.read_back:  # (a state read back whole was made from these same articles)
        cache.keep_only("documents", preparer.document_keys)
    cache.keep_only("texts", make_keys(("text",), article_columns(files.documents)[1]))
    cache.keep_only("states", preparer.states_kept())
    cache.keep_only("claims", claim_keys)
    cache.keep_only("judged", judged)
    cache.keep_only("retrievals", retrievals)
    corpora = [lookup.folder_key, lookup.corpus_key] if lookup.corpus_key else [lookup.folder_key]
    cache.keep_only("corpora", corpora)
    cache.keep_only_index(state)
    return _Made(made, stored, sources, report_key)


def _prepare(
    claims: ClaimSet,
    got: _Read,
    cache: Cache,
    lookup: _Lookup,
    progress: Progress | None,
    workers: int | None,
) -> tuple[Corpus, CachedPreparer, Matcher]:
    """Segment, index and get ready to judge, through the cache; files that were read are
    remembered under the corpus stamp."""
    preparer = CachedPreparer(
        claims.file.aliases, cache, workers=workers, progress=progress, corpus=got.files.root
    )
    record = got.record()
    paths, _, metas = article_columns(got.files.documents)
    untitled = [i for i, meta in enumerate(metas) if meta.title is None]
    corpus = segmented(got.files, preparer.segment)
    if record is not None:
        titles: dict[str, str] = {}
        for i in untitled:
            if (title := metas[i].title) is not None:
                titles[paths[i]] = title  # as its heading gave it
        _remember_corpus(cache, lookup, record, titles, got.warnings)
    matcher = preparer.matcher(corpus)
    cache.flush()  # the analysed articles and the index survive an interrupted judging
    return corpus, preparer, matcher


@dataclass(frozen=True)
class Prepared:
    """A claims file and a corpus ready to judge (see ``prepared``)."""

    claims: ClaimSet
    corpus: Corpus
    matcher: Matcher
    cache: Cache | None = None
    state: str | None = None  # the corpus state's key (with the cache)
    settings: str = ""  # the key of the alias table and furniture rules (with the cache)

    def check(self, claims: ClaimSet) -> list[ClaimResult]:
        """``check_claims`` of ``claims`` (with the same aliases) against the corpus, on every
        core when there are many; through the cache, a claim judged before against this corpus
        is not judged again."""
        if self.cache is None or self.state is None:
            return check_claims(claims, self.corpus, matcher=self.matcher, workers=None)
        results, stored, _ = _check(
            claims, self.matcher, None, self.cache, self.state, self.settings, None
        )
        return apply_reviews(claims, self.corpus, _with_evidence(results, stored))


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
        yield Prepared(claims, *prepare(claims, corpus_path, warn, progress, workers))
        return
    cache = Cache(cache_dir, warn)
    try:
        lookup = _look_up(cache, claims_path, corpus_path)
        got = _read_files(cache, corpus_path, lookup, warn)
        corpus, preparer, matcher = _prepare(claims, got, cache, lookup, progress, workers)
        yield Prepared(claims, corpus, matcher, cache, preparer.state_key, preparer.settings())
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


@dataclass(frozen=True)
class _Stored:
    """A claim's judgment as the cache keeps it: its evidence as JSON (``EVIDENCE_JSON``), the
    verdict and explanation decided from it, the article of each citation, and the verdict on
    each part of a compound claim."""

    evidence: bytes
    verdict: Verdict
    explanation: str
    sources: list[str]
    parts: list[ClaimPart]

    def row(self) -> tuple[bytes, str, str, list[str], list[list[str]]]:
        parts = [[p.text, p.verdict.value, p.explanation] for p in self.parts]
        return self.evidence, self.verdict.value, self.explanation, self.sources, parts

    @classmethod
    def read(cls, row: Any) -> _Stored | None:
        """The judgment in a cache row; None when the row is not one."""
        try:
            evidence, verdict, explanation, sources, parts = row
            typed = isinstance(evidence, bytes) and isinstance(explanation, str)
            if typed and isinstance(sources, list) and all(isinstance(s, str) for s in sources):
                made = [ClaimPart(text=t, verdict=Verdict(v), explanation=e) for t, v, e in parts]
                return cls(evidence, Verdict(verdict), explanation, sources, made)
        except (ValueError, TypeError):  # (a ValidationError is a ValueError)
            pass
        return None


def _check(
    claims: ClaimSet,
    matcher: Matcher,
    progress: Progress | None,
    cache: Cache,
    state: str,
    settings: str,
    workers: int | None,
    derived: Derivation | None = None,
) -> tuple[list[ClaimResult], dict[int, _Stored], tuple[list[str], list[str], list[str]]]:
    """Every claim's result, in order, through the cache: a result has no evidence but its
    stored judgment (by claim number), whether taken from the cache or judged now, which is
    not read back into models unless something needs them (the JSON output puts it in place
    as it is); and the cache keys of the claims and of their judgments.

    A claim judged before against this corpus state (``state``) is found by its text;
    any other is found by what its judgment reads (``Matcher.judgment_inputs``): after an
    article was edited, only the claims whose candidates, word weights or articles changed
    are judged again. When the state was ``derived`` from an earlier one, a claim whose
    retrieval against that one still holds (``Matcher.retrieved_again``) is not analysed or
    retrieved again either.
    """
    # The corpus state is the articles' texts; their dates, from the metadata, are judged too.
    dated = make_key("dates", matcher.dates())
    keys = make_keys(("claim", state, dated), (claim.text for claim in claims.claims))
    links = cache.get_many("claims", keys)
    rows = cache.get_many("judged", {v for v in links.values() if isinstance(v, str)})
    found: dict[int, _Stored] = {}
    judged_keys: dict[int, str] = {}
    for n, key in enumerate(keys):
        link = links.get(key)
        if isinstance(link, str) and (stored := _Stored.read(rows.get(link))) is not None:
            found[n], judged_keys[n] = stored, link
    todo = [n for n in range(len(keys)) if n not in found]
    retrieval_keys = make_keys(("retrievals", state), (claim.text for claim in claims.claims))
    work, weights = _retrieve(
        matcher, claims, todo, cache, retrieval_keys, derived, workers, progress
    )
    if todo:
        # Besides the claim and its candidates, a judgment reads the alias table and furniture
        # rules, and the corpus's descriptions of names and posts (large: kept as a key).
        wide = make_key("corpus-wide", *matcher.corpus_wide())
        inputs = {
            n: make_key(
                "judged",
                [settings, *matcher.judgment_inputs(claim, candidates, weights.get(n)), wide],
            )
            for n, (claim, candidates) in zip(todo, work, strict=True)
        }
        rows = cache.get_many("judged", set(inputs.values()))
        for n, key in inputs.items():
            judged_keys[n] = key
            if (stored := _Stored.read(rows.get(key))) is not None:
                found[n] = stored
                cache.put("claims", keys[n], key)
        work = [w for n, w in zip(todo, work, strict=True) if n not in found]
    judged = iter(judge(matcher, work, workers, progress))
    results: list[ClaimResult] = []
    kept: dict[int, _Stored] = {}
    for n, claim in enumerate(claims.claims):
        stored = found.get(n)
        if stored is None:
            evidence = next(judged)
            parts = part_results(claim.text, evidence)
            verdict, explanation = claim_verdict(evidence, parts)
            stored = _Stored(
                EVIDENCE_JSON.dump_json(evidence, indent=2),
                verdict,
                explanation,
                [e.source for e in evidence],
                parts,
            )
            cache.put("judged", judged_keys[n], stored.row())
            cache.put("claims", keys[n], judged_keys[n])
        # Kept as the JSON stored, whether judged before or now: a thousand claims' evidence is
        # tens of megabytes as JSON and several times that as models.
        kept[n] = stored
        results.append(
            claim_result(claims, claim, [], stored.verdict, stored.explanation, stored.parts)
        )
    return results, kept, (keys, sorted(set(judged_keys.values())), retrieval_keys)


def _retrieve(
    matcher: Matcher,
    claims: ClaimSet,
    todo: list[int],
    cache: Cache,
    retrieval_keys: list[str],
    derived: Derivation | None,
    workers: int | None,
    progress: Progress | None,
) -> tuple[list[tuple[Claim, list[int]]], dict[int, Weights]]:
    """Each claim numbered in ``todo`` with its candidates, and the word weights of those whose
    retrieval against the state this one was ``derived`` from still holds (``Matcher.
    retrieved_again``): those are neither analysed nor retrieved again. Each claim's retrieval
    is kept in the ``cache`` under its key in ``retrieval_keys`` (by claim number)."""
    held: dict[int, tuple[list[int], Weights, Any]] = {}  # candidates, weights, record
    if derived is not None and todo:
        base_keys = make_keys(("retrievals", derived.base), (claims.claims[n].text for n in todo))
        before = cache.get_many("retrievals", base_keys)
        for n, key in zip(todo, base_keys, strict=True):
            if key in before and (
                again := matcher.retrieved_again(before[key], derived.changed, derived.articles)
            ):
                held[n] = (*again, before[key])
    retrieved = iter(
        retrieve(matcher, [claims.claims[n] for n in todo if n not in held], workers, progress)
    )
    work = [(claims.claims[n], held[n][0]) if n in held else next(retrieved) for n in todo]
    for n, (claim, candidates) in zip(todo, work, strict=True):
        record = held[n][2] if n in held else matcher.retrieval(claim, candidates)
        cache.put("retrievals", retrieval_keys[n], record)  # still true of this corpus
    return work, {n: weights for n, (_, weights, _) in held.items()}


def _reviewed(
    claims: ClaimSet, corpus: Corpus, results: list[ClaimResult], stored: dict[int, _Stored]
) -> tuple[list[ClaimResult], dict[int, _Stored]]:
    """The results with the editors' review laid over: a reviewed claim's evidence is read
    back into models (and no longer kept as stored JSON); the others stay as they are."""
    reviewed = [n for n, claim in enumerate(claims.claims) if claim.review is not None]
    if not reviewed:
        return results, stored
    stored = dict(stored)
    with_evidence = _with_evidence(results, {n: stored.pop(n) for n in reviewed if n in stored})
    return apply_reviews(claims, corpus, with_evidence), stored


def _with_evidence(results: list[ClaimResult], stored: dict[int, _Stored]) -> list[ClaimResult]:
    """The results with the stored evidence read back into models."""
    return [
        r.model_copy(update={"evidence": EVIDENCE_JSON.validate_json(stored[n].evidence)})
        if n in stored
        else r
        for n, r in enumerate(results)
    ]
