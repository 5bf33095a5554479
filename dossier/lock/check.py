"""``dossier check``: every claim judged again and each locked citation found again
(``anchor``), compared with the lock; the findings, and their output formats (text, GitHub
annotations, JSON)."""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, Field

from dossier.incremental.build import AFRESH, Preparing, prepared
from dossier.lock.anchor import Anchor, Anchoring, anchor, figure_changes, flat, word_diff
from dossier.lock.lock import LockedCitation, LockFile, lock_line, read_lock
from dossier.models import ClaimResult, ClaimSet, Corpus, Document, Evidence, Stance
from dossier.sanitise import one_line

# --- the check ----------------------------------------------------------------------------


class Severity(StrEnum):
    FAILURE = "failure"  # `dossier check` exits 1
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
}


class Finding(BaseModel):
    """One thing `dossier check` has to say about a claim."""

    file: str = Field(description="The file the line refers to: the claims file or the lock.")
    line: int | None
    claim: str
    reason: Reason
    severity: Severity
    details: str


class CheckReport(BaseModel):
    """What `dossier check` found; ``ok`` is False when any finding is a failure."""

    claims_file: str
    lock_file: str
    claims: int
    citations: int
    failures: int
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
    def __init__(self, claims: ClaimSet, corpus: Corpus, lock: LockFile, lock_path: Path) -> None:
        self.claims = claims
        self.corpus = corpus
        self.lock = lock
        self.lock_path = lock_path
        self.spans: dict[str, list[tuple[int, int]]] = {}
        for p in corpus.passages:
            self.spans.setdefault(p.source, []).append((p.start, p.end))
        self.findings: list[Finding] = []

    def add(self, result: ClaimResult, reason: Reason, details: str) -> None:
        self.findings.append(
            Finding(
                file=self.claims.path,
                line=result.line,
                claim=result.id,
                reason=reason,
                severity=SEVERITY[reason],
                details=details,
            )
        )

    def claim(self, result: ClaimResult) -> None:
        if result.expect is not None and result.verdict is not result.expect:
            self.add(
                result,
                Reason.EXPECTATION_NOT_MET,
                f"expected {result.expect.value}, now {result.verdict.value}: {result.explanation}",
            )
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
                f"{locked.verdict.value} -> {result.verdict.value}: {result.explanation}",
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

    def citation(self, result: ClaimResult, c: LockedCitation) -> None:
        supports = c.stance is Stance.SUPPORTS
        try:
            document: Document | None = self.corpus.document(c.source)
        except KeyError:
            document = None
        if document is None:
            if supports:
                self.add(
                    result,
                    Reason.SOURCE_REMOVED,
                    f"{c.source} is gone from the corpus; it held the supporting quote "
                    f'"{shorten(c.quote.exact)}"',
                )
            else:
                self.add(result, Reason.CITATION_GONE, f"{c.source} is gone from the corpus")
            return
        if document.sha256 == c.source_sha256:
            found = Anchor(Anchoring.EXACT, c.position.start, c.position.end, c.quote.exact)
        else:
            found = anchor(c, document.text, self.spans.get(c.source, []))
        if found.how is Anchoring.ORPHANED:
            if supports:
                self.add(
                    result,
                    Reason.SUPPORT_LOST,
                    f'the supporting quote is no longer in {c.source}: "{shorten(c.quote.exact)}"',
                )
            else:
                self.add(
                    result,
                    Reason.CITATION_GONE,
                    f'no longer in {c.source}: "{shorten(c.quote.exact)}"',
                )
            return
        now = _current_evidence(result, c.source, found.start, found.end, c.stance)
        where = f"{c.source}:{found.start}"
        if found.how is Anchoring.EDITED:
            changes = figure_changes(c, found.text)
            if changes:
                shown = "; ".join(f"{old} -> {new or '(no figure)'}" for old, new in changes)
                if now is not None and now.stance is not c.stance:
                    shown += f"; the passage now {_STANCE_WORDS[now.stance]}"
                self.add(result, Reason.FIGURE_CHANGED, f"{where}: {shown}")
                return
        if now is not None and now.stance is not c.stance:
            self.add(
                result,
                Reason.STANCE_FLIPPED,
                f"{where}: {c.stance.value} -> {now.stance.value}: {now.reason}",
            )
            return
        diff = word_diff(c.quote.exact, found.text) if found.how is Anchoring.EDITED else ""
        if now is None:
            if not supports:
                self.add(result, Reason.CITATION_GONE, f"{where}: no longer judged to conflict")
            elif found.how is Anchoring.EDITED:
                self.add(
                    result, Reason.QUOTE_EDITED, f"{where}: {diff}; it no longer supports the claim"
                )
            else:
                self.add(
                    result,
                    Reason.SUPPORT_LOST,
                    f'{where}: "{shorten(found.text)}" is no longer judged to support the claim',
                )
            return
        if found.how is Anchoring.EDITED:
            self.add(
                result,
                Reason.QUOTE_REANCHORED,
                f"{where}: {diff}; run `dossier lock` to update it",
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
) -> CheckReport:
    """Compare the re-judged claims with the lock: every finding, failures and notes."""
    checker = _Checker(claims, corpus, lock, lock_path)
    for result in results:
        checker.claim(result)
    current = {r.id for r in results}
    for claim_id in sorted(set(lock.claims) - current):
        checker.removed(claim_id)
    order = list(Reason)
    findings = sorted(
        checker.findings,
        key=lambda f: (f.file != claims.path, f.line or 0, f.claim, order.index(f.reason)),
    )
    failures = sum(1 for f in findings if f.severity is Severity.FAILURE)
    return CheckReport(
        claims_file=claims.path,
        lock_file=str(lock_path),
        claims=len(results),
        citations=sum(len(c.citations) for c in lock.claims.values()),
        failures=failures,
        notes=len(findings) - failures,
        findings=findings,
    )


def check_lock(
    claims_path: Path, corpus_path: Path, lock_path: Path, how: Preparing = AFRESH
) -> CheckReport:
    """Re-read everything, judge every claim (through the build cache when ``how`` has one)
    and compare with the lock."""
    lock = read_lock(lock_path)
    with prepared(claims_path, corpus_path, how) as ready:
        results = ready.check(ready.claims)
        return check(ready.claims, ready.corpus, results, lock, lock_path)


# --- output formats -----------------------------------------------------------------------


def _place(f: Finding) -> str:
    return f"{one_line(f.file)}:{f.line}" if f.line else one_line(f.file)


def _message(f: Finding) -> str:
    """``<claim id>: <reason>: <details>`` on one line, whatever names and quotes it holds."""
    return one_line(f"{f.claim}: {f.reason.value}: {f.details}")


def summary(report: CheckReport) -> str:
    if not report.findings:
        state = "all hold"
    else:
        fails = f"{report.failures} failure{'' if report.failures == 1 else 's'}"
        notes = f"{report.notes} note{'' if report.notes == 1 else 's'}"
        state = f"{fails}, {notes}"
    return (
        f"dossier check: {report.claims} claim{'' if report.claims == 1 else 's'}, "
        f"{report.citations} locked citation{'' if report.citations == 1 else 's'}: {state}"
    )


def format_text(report: CheckReport) -> str:
    """One line per finding, ``claims.yaml:N: <claim id>: <reason>: <details>``, then a summary."""
    lines = [f"{_place(f)}: {_message(f)}" for f in report.findings]
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(report: CheckReport) -> str:
    """GitHub Actions workflow commands: ``::error`` for failures, ``::notice`` for notes."""
    lines = []
    for f in report.findings:
        command = "error" if f.severity is Severity.FAILURE else "notice"
        props = f"file={_escape_property(one_line(f.file))}"
        if f.line:
            props += f",line={f.line}"
        message = _escape_data(_message(f))
        lines.append(f"::{command} {props}::{message}")
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
