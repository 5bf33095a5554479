"""``dossier check``: every claim judged again and each locked citation found again
(``anchor``), compared with the lock; the findings, and their output formats (text, GitHub
annotations, JSON)."""

from __future__ import annotations

import contextlib
import dataclasses
import json
from collections import Counter
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, Field

from dossier.corpus.documents import article_columns
from dossier.corpus.sources import SOURCES_FILE, LeftOut, load_sources
from dossier.errors import DossierError
from dossier.incremental.build import AFRESH, Preparing, prepared
from dossier.lock.anchor import Anchor, Anchoring, anchor, figure_changes, flat, word_diff
from dossier.lock.lock import LockedCitation, LockFile, lock_line, read_lock
from dossier.models import ClaimResult, ClaimSet, Corpus, Evidence, Stance
from dossier.sanitise import one_line
from dossier.tools.terminal import line_and_column

# --- the check ----------------------------------------------------------------------------

CITED_SHOWN = 5
"""Citations named after a changed verdict (``Now cited: FILE:LINE (stance), ...``)."""


class Severity(StrEnum):
    FAILURE = "failure"  # `dossier check` exits 1
    WARNING = "warning"  # shown, exit 0: something to tidy up
    NOTE = "note"  # shown, exit 0


class Reason(StrEnum):
    """Why a finding was raised; the value is how it is named in the output."""

    SUPPORT_LOST = "support lost"
    QUOTE_EDITED = "quote edited"
    FIGURE_CHANGED = "figure changed"
    STANCE_FLIPPED = "stance flipped"
    SOURCE_REMOVED = "source removed"
    VERDICT_CHANGED = "verdict changed"
    EXPECTATION_NOT_MET = "expectation not met"
    CLAIM_NOT_LOCKED = "claim not locked"
    CLAIM_REMOVED = "lock entry for a claim that no longer exists"
    QUOTE_REANCHORED = "quote re-anchored"
    CLAIM_REWORDED = "claim reworded"
    CITATION_GONE = "conflicting citation gone"
    SOURCE_MOVED = "source moved"
    STALE_SOURCE_ENTRY = "stale source entry"
    APPROVED_LOST = "approved citation lost"
    NEW_EVIDENCE = "new evidence"
    CITATION_REJECTED = "citation rejected"


SEVERITY: dict[Reason, Severity] = {
    Reason.SUPPORT_LOST: Severity.FAILURE,
    Reason.QUOTE_EDITED: Severity.FAILURE,
    Reason.FIGURE_CHANGED: Severity.FAILURE,
    Reason.STANCE_FLIPPED: Severity.FAILURE,
    Reason.SOURCE_REMOVED: Severity.FAILURE,
    Reason.VERDICT_CHANGED: Severity.FAILURE,
    Reason.EXPECTATION_NOT_MET: Severity.FAILURE,
    Reason.CLAIM_NOT_LOCKED: Severity.FAILURE,
    Reason.CLAIM_REMOVED: Severity.FAILURE,
    Reason.QUOTE_REANCHORED: Severity.NOTE,
    Reason.CLAIM_REWORDED: Severity.NOTE,
    Reason.CITATION_GONE: Severity.NOTE,
    Reason.SOURCE_MOVED: Severity.NOTE,
    Reason.STALE_SOURCE_ENTRY: Severity.WARNING,
    Reason.APPROVED_LOST: Severity.FAILURE,
    Reason.NEW_EVIDENCE: Severity.NOTE,  # a failure with --fail-on-new-evidence
    Reason.CITATION_REJECTED: Severity.NOTE,
}


class Finding(BaseModel):
    """One thing `dossier check` has to say about a claim."""

    file: str = Field(
        description="The file the line refers to: the claims file, the lock or sources.yaml."
    )
    line: int | None
    claim: str | None = Field(description="The claim's id (None: a finding about no claim).")
    reason: Reason
    severity: Severity
    details: str
    source: str | None = Field(
        default=None,
        description="The article of the citation the finding is about, as `explain` names it "
        "(the corpus folder joined with its path).",
    )
    source_line: int | None = Field(
        default=None, description="The citation's 1-based line in that article."
    )


class CheckReport(BaseModel):
    """What `dossier check` found; ``ok`` is False when any finding is a failure."""

    claims_file: str
    lock_file: str
    claims: int
    citations: int
    failures: int
    warnings: int
    notes: int
    findings: list[Finding]

    @property
    def ok(self) -> bool:
        return self.failures == 0


_STANCE_WORDS = {Stance.SUPPORTS: "supports the claim", Stance.CONFLICTS: "conflicts with it"}


def shorten(text: str, limit: int = 80) -> str:
    squeezed = flat(text)
    return squeezed if len(squeezed) <= limit else squeezed[: limit - 3].rstrip() + "..."


def _current_evidence(
    result: ClaimResult, source: str, start: int, end: int, stance: Stance
) -> Evidence | None:
    """The claim's new evidence whose span best matches the re-anchored one (most overlap for
    their union, since a sentence and a clause of it may both be evidence), if any overlaps."""
    best, best_key = None, (0.0, False)
    for e in result.evidence:
        if e.source != source:
            continue
        overlap = min(end, e.end) - max(start, e.start)
        if overlap <= 0:
            continue
        key = (overlap / (max(end, e.end) - min(start, e.start)), e.stance is stance)
        if key > best_key:
            best, best_key = e, key
    return best


class _Checker:
    def __init__(
        self,
        claims: ClaimSet,
        corpus: Corpus,
        lock: LockFile,
        lock_path: Path,
        new_evidence_fails: bool = False,
    ) -> None:
        self.claims = claims
        self.new_evidence_fails = new_evidence_fails
        self.corpus = corpus
        self.lock = lock
        self.lock_path = lock_path
        self.spans: dict[str, list[tuple[int, int]]] = {}
        for p in corpus.passages:
            self.spans.setdefault(p.source, []).append((p.start, p.end))
        paths, hashes, _ = article_columns(corpus.documents)
        self.paths = set(paths)
        self.by_hash: dict[str, str] = {}  # an article's sha256 -> its path (the first, sorted)
        for path, sha256 in sorted(zip(paths, hashes, strict=True)):
            self.by_hash.setdefault(sha256, path)
        self.findings: list[Finding] = []

    def add(
        self,
        result: ClaimResult,
        reason: Reason,
        details: str,
        source: str | None = None,
        source_line: int | None = None,
    ) -> None:
        self.findings.append(
            Finding(
                file=self.claims.path,
                line=result.line,
                claim=result.id,
                reason=reason,
                severity=Severity.FAILURE
                if reason is Reason.NEW_EVIDENCE and self.new_evidence_fails
                else SEVERITY[reason],
                details=details,
                source=None if source is None else self.shown(source),
                source_line=source_line,
            )
        )

    def shown(self, source: str) -> str:
        """An article's path as ``explain`` shows it: the corpus folder joined with it."""
        return (Path(self.corpus.root) / source).as_posix()

    def claim(self, result: ClaimResult) -> None:
        if result.expect is not None and result.verdict is not result.expect:
            self.add(
                result,
                Reason.EXPECTATION_NOT_MET,
                f"expected {result.expect.value}, now {result.verdict.value}: "
                f"{result.explanation}{self.cited(result)}",
            )
        self.reviewed(result)
        locked = self.lock.claims.get(result.id)
        if locked is None:
            self.add(
                result,
                Reason.CLAIM_NOT_LOCKED,
                f"now {result.verdict.value}; run `dossier lock` to record its citations",
            )
            return
        if locked.verdict is not result.verdict:
            self.add(
                result,
                Reason.VERDICT_CHANGED,
                f"{locked.verdict.value} -> {result.verdict.value}: "
                f"{result.explanation}{self.cited(result)}",
            )
        if flat(locked.text) != flat(result.text):
            self.add(
                result,
                Reason.CLAIM_REWORDED,
                f"[{word_diff(locked.text, result.text)}] re-judged against the corpus; "
                "run `dossier lock` to record its new citations",
            )
            return  # the locked citations answered the old wording
        for citation in locked.citations:
            self.citation(result, citation)

    def reviewed(self, result: ClaimResult) -> None:
        """What an editor approved and no longer holds; new evidence on a reviewed claim."""
        review = result.review
        if review is None:
            return
        for lost in review.lost:
            self.add(
                result,
                Reason.APPROVED_LOST,
                f'{lost.decision.value} in review, "{shorten(lost.quote)}": {lost.why}',
                lost.source,
            )
        new = [e for e in result.evidence if e.reviewed is None]
        if result.reviewed and new:
            places = []
            for e in new[:CITED_SHOWN]:
                line, _ = line_and_column(self.corpus.document(e.source).text, e.start)
                places.append(f"{self.shown(e.source)}:{line} ({e.stance.value})")
            if len(new) > CITED_SHOWN:
                places.append(f"and {len(new) - CITED_SHOWN} more")
            self.add(
                result,
                Reason.NEW_EVIDENCE,
                f"the tool cites what no editor has reviewed: {', '.join(places)}; "
                f"run `dossier review {result.id}`",
            )

    def rejected(self, result: ClaimResult, c: LockedCitation) -> bool:
        """Whether the locked citation ``c`` was rejected in review since it was locked."""
        if result.review is None:
            return False
        words = flat(c.quote.exact)
        return any(r.source == c.source and flat(r.quote) == words for r in result.review.rejected)

    def cited(self, result: ClaimResult) -> str:
        """`` Now cited: FILE:LINE (stance), ...``: where the new verdict comes from ('' when
        nothing is cited)."""
        places = []
        for e in result.evidence[:CITED_SHOWN]:
            line, _ = line_and_column(self.corpus.document(e.source).text, e.start)
            places.append(f"{self.shown(e.source)}:{line} ({e.stance.value})")
        if len(result.evidence) > CITED_SHOWN:
            places.append(f"and {len(result.evidence) - CITED_SHOWN} more")
        return f" Now cited: {', '.join(places)}." if places else ""

    def source_of(self, c: LockedCitation) -> str | None:
        """Where the citation's article is now: its path, or the path of the article with the
        very same bytes (it was moved or renamed); None when it is gone."""
        if c.source in self.paths:
            return c.source
        return self.by_hash.get(c.source_sha256)

    def citation(self, result: ClaimResult, c: LockedCitation) -> None:
        supports = c.stance is Stance.SUPPORTS
        if self.rejected(result, c):
            self.add(
                result,
                Reason.CITATION_REJECTED,
                f'"{shorten(c.quote.exact)}" was rejected in review; run `dossier lock` to '
                "drop it from the lock",
                c.source,
                c.line,
            )
            return
        source = self.source_of(c)
        if source is None:
            if supports:
                self.add(
                    result,
                    Reason.SOURCE_REMOVED,
                    "the article is gone from the corpus; it held the supporting quote "
                    f'"{shorten(c.quote.exact)}"',
                    c.source,
                    c.line,
                )
            else:
                gone = "the article is gone from the corpus"
                self.add(result, Reason.CITATION_GONE, gone, c.source, c.line)
            return
        document = self.corpus.document(source)
        if source != c.source:
            self.add(
                result,
                Reason.SOURCE_MOVED,
                f"the article was moved from {self.shown(c.source)}; "
                "run `dossier lock` to record its new name",
                source,
                c.line,
            )
        if document.sha256 == c.source_sha256:
            found = Anchor(Anchoring.EXACT, c.position.start, c.position.end, c.quote.exact)
        else:
            found = anchor(c, document.text, self.spans.get(source, []))
        if found.how is Anchoring.ORPHANED:
            if supports:
                self.add(
                    result,
                    Reason.SUPPORT_LOST,
                    f'the supporting quote is no longer in the article: "{shorten(c.quote.exact)}"',
                    source,
                    c.line,
                )
            else:
                self.add(
                    result,
                    Reason.CITATION_GONE,
                    f'no longer in the article: "{shorten(c.quote.exact)}"',
                    source,
                    c.line,
                )
            return
        now = _current_evidence(result, source, found.start, found.end, c.stance)
        line, _ = line_and_column(document.text, found.start)

        def add(reason: Reason, details: str) -> None:
            self.add(result, reason, details, source, line)

        if found.how is Anchoring.EDITED:
            changes = figure_changes(c, found.text)
            if changes:
                shown = "; ".join(f"{old} -> {new or '(no figure)'}" for old, new in changes)
                if now is not None and now.stance is not c.stance:
                    shown += f"; the passage now {_STANCE_WORDS[now.stance]}"
                add(Reason.FIGURE_CHANGED, shown)
                return
        if now is not None and now.stance is not c.stance:
            add(Reason.STANCE_FLIPPED, f"{c.stance.value} -> {now.stance.value}: {now.reason}")
            return
        diff = word_diff(c.quote.exact, found.text) if found.how is Anchoring.EDITED else ""
        if now is None:
            if not supports:
                add(Reason.CITATION_GONE, "no longer judged to conflict")
            elif found.how is Anchoring.EDITED:
                add(Reason.QUOTE_EDITED, f"{diff}; it no longer supports the claim")
            else:
                add(
                    Reason.SUPPORT_LOST,
                    f'"{shorten(found.text)}" is no longer judged to support the claim',
                )
            return
        if found.how is Anchoring.EDITED:
            add(Reason.QUOTE_REANCHORED, f"{diff}; run `dossier lock` to update it")

    def stale(self, left: LeftOut) -> None:
        self.findings.append(
            Finding(
                file=left.file,
                line=left.problem.line,
                claim=None,
                reason=Reason.STALE_SOURCE_ENTRY,
                severity=SEVERITY[Reason.STALE_SOURCE_ENTRY],
                details=left.problem.message,
            )
        )

    def removed(self, claim_id: str) -> None:
        self.findings.append(
            Finding(
                file=str(self.lock_path),
                line=lock_line(self.lock_path, claim_id),
                claim=claim_id,
                reason=Reason.CLAIM_REMOVED,
                severity=SEVERITY[Reason.CLAIM_REMOVED],
                details="it is not in the claims file; run `dossier lock` to drop it",
            )
        )


def check(
    claims: ClaimSet,
    corpus: Corpus,
    results: list[ClaimResult],
    lock: LockFile,
    lock_path: Path,
    stale: Sequence[LeftOut] = (),
    new_evidence_fails: bool = False,
) -> CheckReport:
    """Compare the re-judged claims with the lock: every finding, failures, warnings and notes.
    ``stale``: the entries of ``sources.yaml`` that name no article; ``new_evidence_fails``:
    new evidence on a reviewed claim is a failure, not a note."""
    checker = _Checker(claims, corpus, lock, lock_path, new_evidence_fails)
    for result in results:
        checker.claim(result)
    current = {r.id for r in results}
    for claim_id in sorted(set(lock.claims) - current):
        checker.removed(claim_id)
    for left in stale:
        checker.stale(left)
    order = list(Reason)
    findings = sorted(
        checker.findings,
        key=lambda f: (
            f.file != claims.path, f.file, f.line or 0, f.claim or "", order.index(f.reason)
        ),
    )  # fmt: skip
    count = Counter(f.severity for f in findings)
    return CheckReport(
        claims_file=claims.path,
        lock_file=str(lock_path),
        claims=len(results),
        citations=sum(len(c.citations) for c in lock.claims.values()),
        failures=count[Severity.FAILURE],
        warnings=count[Severity.WARNING],
        notes=count[Severity.NOTE],
        findings=findings,
    )


def check_lock(
    claims_path: Path,
    corpus_path: Path,
    lock_path: Path,
    how: Preparing = AFRESH,
    *,
    new_evidence_fails: bool = False,
) -> CheckReport:
    """Re-read everything, judge every claim (through the build cache when ``how`` has one)
    and compare with the lock."""
    lock = read_lock(lock_path)
    stale = stale_entries(corpus_path)
    told = {str(left) for left in stale}  # shown in the report, not also as warnings
    warn = how.warn
    if told and warn is not None:
        how = dataclasses.replace(how, warn=lambda m: None if m in told else warn(m))
    with prepared(claims_path, corpus_path, how) as ready:
        results = ready.check(ready.claims)
        return check(
            ready.claims, ready.corpus, results, lock, lock_path, stale, new_evidence_fails
        )


def stale_entries(corpus_path: Path) -> list[LeftOut]:
    """The entries of the corpus's ``sources.yaml`` that name no article (none when the file
    is broken: reading the corpus reports it)."""
    path = corpus_path / SOURCES_FILE
    found: list[LeftOut] = []
    if path.is_file():
        with contextlib.suppress(DossierError):
            load_sources(path, corpus_path, found.append)
    return [left for left in found if not left.url_only]


# --- output formats -----------------------------------------------------------------------


def _place(file: str, line: int | None) -> str:
    return f"{one_line(file)}:{line}" if line else one_line(file)


def message(f: Finding) -> str:
    """What a finding says, after its place: ``<claim id>: <reason>: [FILE:LINE: ]<details>``,
    the same in every format, on one line whatever names and quotes it holds."""
    cited = f"{_place(f.source, f.source_line)}: " if f.source is not None else ""
    claim = f"{f.claim}: " if f.claim is not None else ""
    return one_line(f"{claim}{f.reason.value}: {cited}{f.details}")


def summary(report: CheckReport) -> str:
    if not report.findings:
        state = "all hold"
    else:
        fails = f"{report.failures} failure{'' if report.failures == 1 else 's'}"
        notes = f"{report.notes} note{'' if report.notes == 1 else 's'}"
        warnings = f"{report.warnings} warning{'' if report.warnings == 1 else 's'}, "
        state = f"{fails}, {warnings if report.warnings else ''}{notes}"
    return (
        f"dossier check: {report.claims} claim{'' if report.claims == 1 else 's'}, "
        f"{report.citations} locked citation{'' if report.citations == 1 else 's'}: {state}"
    )


def format_text(report: CheckReport) -> str:
    """One line per finding, ``claims.yaml:N: <claim id>: <reason>: [FILE:LINE: ]<details>``,
    then a summary."""
    lines = [f"{_place(f.file, f.line)}: {message(f)}" for f in report.findings]
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_COMMANDS = {Severity.FAILURE: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


def format_github(report: CheckReport) -> str:
    """GitHub Actions workflow commands: ``::error`` for failures, ``::warning`` for warnings,
    ``::notice`` for notes."""
    lines = []
    for f in report.findings:
        command = _GITHUB_COMMANDS[f.severity]
        props = f"file={_escape_property(one_line(f.file))}"
        if f.line:
            props += f",line={f.line}"
        lines.append(f"::{command} {props}::{_escape_data(message(f))}")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def format_json(report: CheckReport) -> str:
    """The report as one JSON document, for other CI systems."""
    data = report.model_dump(mode="json")
    data["ok"] = report.ok
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


FORMATTERS: dict[str, Callable[[CheckReport], str]] = {
    "text": format_text,
    "github": format_github,
    "json": format_json,
}
