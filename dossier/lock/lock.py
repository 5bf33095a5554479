"""The citation lock: what each claim rests on, so CI fails when a claim loses its support.

``dossier lock`` writes ``dossier.lock``: for every claim its verdict and the citations behind it.
Each citation is stored the way the W3C Web Annotation model anchors a quote in a text that may
change: a ``TextQuoteSelector`` (the exact quote with about 32 characters of context on each side)
and a ``TextPositionSelector`` (start and end offsets), plus the sha256 of the quote and of the
source file, the stance and the figures the quote contains.

``dossier check`` re-judges every claim and re-anchors every locked citation in the current text,
trying in turn:

1. the locked position (``text[start:end] == exact``) -- *exact*;
2. the exact quote elsewhere in the file -- *moved* (an occurrence whose context matches best);
3. the quote with all whitespace ignored -- *reflowed* (re-wrapped lines never break a citation);
4. a fuzzy match scored on quote, prefix and suffix with rapidfuzz -- *edited*;
5. otherwise the citation is *orphaned*.

A fuzzy match counts when its score, the length-weighted mean of the quote's, the prefix's and the
suffix's similarity (rapidfuzz ``ratio``, 0-100), is at least :data:`FUZZY_THRESHOLD` and the
quote's own similarity is at least :data:`QUOTE_FLOOR`. A typo fixed in a sentence scores about 99;
a rewritten sentence between unchanged neighbours scores about 70 and is orphaned.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from rapidfuzz import fuzz

from dossier.analysis.quantity import extract
from dossier.errors import LockError
from dossier.incremental.build import AFRESH, Preparing, prepared
from dossier.models import ClaimResult, ClaimSet, Corpus, Document, Evidence, Stance, Verdict

LOCK_FILE = "dossier.lock"
CONTEXT = 32  # characters of prefix and suffix kept around each quote
FUZZY_THRESHOLD = 80.0  # least weighted score (quote, prefix, suffix) for a fuzzy re-anchor
QUOTE_FLOOR = 70.0  # least similarity of the quote itself, whatever its context
DIFF_CONTEXT = 3  # words of unchanged text shown around each change in a word diff

_WS = re.compile(r"\s+")


# --- the lock file ------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TextQuoteSelector(_Strict):
    """W3C Web Annotation: the quote and the text just before and after it."""

    type: Literal["TextQuoteSelector"] = "TextQuoteSelector"
    exact: str = Field(min_length=1)
    prefix: str
    suffix: str


class TextPositionSelector(_Strict):
    """W3C Web Annotation: the quote's offsets in the source text (Python string offsets)."""

    type: Literal["TextPositionSelector"] = "TextPositionSelector"
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class LockedCitation(_Strict):
    """One citation a claim rests on, stored so it can be found again after the article changes."""

    source: str = Field(description="Path of the article relative to the corpus folder.")
    source_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    quote_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    selector: tuple[TextQuoteSelector, TextPositionSelector]
    stance: Stance
    figures: list[str] = Field(default_factory=list)

    @property
    def quote(self) -> TextQuoteSelector:
        return self.selector[0]

    @property
    def position(self) -> TextPositionSelector:
        return self.selector[1]


class LockedClaim(_Strict):
    """A claim as it was locked: its wording, its verdict and its citations."""

    text: str
    verdict: Verdict
    citations: list[LockedCitation]


class LockFile(_Strict):
    """The whole ``dossier.lock``."""

    version: Literal[1] = 1
    claims: dict[str, LockedClaim] = Field(description="claim id -> what it rests on")


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cite(evidence: Evidence, document: Document) -> LockedCitation:
    """The lock entry for one piece of evidence."""
    text = document.text
    return LockedCitation(
        source=evidence.source,
        source_sha256=document.sha256,
        quote_sha256=_sha256(evidence.quote),
        selector=(
            TextQuoteSelector(
                exact=evidence.quote,
                prefix=text[max(0, evidence.start - CONTEXT) : evidence.start],
                suffix=text[evidence.end : evidence.end + CONTEXT],
            ),
            TextPositionSelector(start=evidence.start, end=evidence.end),
        ),
        stance=evidence.stance,
        figures=list(evidence.figures),
    )


def make_lock(results: list[ClaimResult], corpus: Corpus) -> LockFile:
    """The lock for these results: every claim's verdict and citations, in a stable order."""
    claims: dict[str, LockedClaim] = {}
    for result in sorted(results, key=lambda r: r.id):
        citations = [cite(e, corpus.document(e.source)) for e in result.evidence]
        citations.sort(key=lambda c: (c.source, c.position.start, c.position.end, c.stance))
        claims[result.id] = LockedClaim(
            text=result.text, verdict=result.verdict, citations=citations
        )
    return LockFile(claims=claims)


def dump_lock(lock: LockFile) -> str:
    """JSON, indented by 2 with sorted keys: stable, and one field per line in a diff."""
    data = lock.model_dump(mode="json")
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_lock(lock: LockFile, path: Path) -> None:
    """Write the lock atomically: a reader never sees half a file."""
    text = dump_lock(lock)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError as err:
        raise LockError(f"{path}: cannot write the lock file: {err.strerror or err}.") from None


def _line_of(text: str, loc: tuple[int | str, ...]) -> int | None:
    """The line of the deepest key of ``loc`` found in the JSON text (list indexes skipped)."""
    pos, found = 0, None
    for part in loc:
        if isinstance(part, int):
            continue
        at = text.find(json.dumps(part) + ":", pos)
        if at < 0:
            break
        pos, found = at, at
    return None if found is None else text.count("\n", 0, found) + 1


def _loc_label(loc: tuple[int | str, ...]) -> str:
    label = ""
    for part in loc:
        if isinstance(part, int):
            label += f"[{part}]"
        else:
            label += f".{part}" if label else str(part)
    return label or "(top level)"


def read_lock(path: Path) -> LockFile:
    """Read and validate a lock file; every problem is a ``LockError`` naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LockError(
            f"{path}: no lock file; run `dossier lock` to record what each claim rests on."
        ) from None
    except (OSError, UnicodeDecodeError) as err:
        raise LockError(f"{path}: cannot read the lock file: {err}.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise LockError(
            f"{path}:{err.lineno}:{err.colno}: not valid JSON: {err.msg}; "
            "run `dossier lock` to write it again."
        ) from None
    try:
        lock = LockFile.model_validate(data)
    except ValidationError as err:
        problems = []
        for e in err.errors():
            line = _line_of(text, e["loc"])
            where = f"{path}:{line}" if line else str(path)
            problems.append(f"{where}: {_loc_label(e['loc'])}: {e['msg']}")
        raise LockError("\n".join(problems)) from None
    problems = []
    for claim_id, claim in lock.claims.items():
        for i, c in enumerate(claim.citations):
            if _sha256(c.quote.exact) != c.quote_sha256:
                loc: tuple[int | str, ...] = ("claims", claim_id, "citations", i, "quote_sha256")
                problems.append(
                    f"{path}:{_line_of(text, loc) or 1}: {_loc_label(loc)}: "
                    "does not match the quote; was the lock edited by hand? "
                    "Run `dossier lock` to write it again."
                )
    if problems:
        raise LockError("\n".join(problems))
    return lock


def lock_line(path: Path, claim_id: str) -> int | None:
    """The line of a claim's entry in the lock file, for findings about it."""
    try:
        return _line_of(path.read_text(encoding="utf-8"), ("claims", claim_id))
    except OSError:
        return None


# --- re-anchoring -------------------------------------------------------------------------


class Anchoring(StrEnum):
    """How a locked quote was found again in the current text."""

    EXACT = "exact"
    MOVED = "moved"
    REFLOWED = "reflowed"
    EDITED = "edited"
    ORPHANED = "orphaned"


@dataclass(frozen=True)
class Anchor:
    how: Anchoring
    start: int = 0
    end: int = 0
    text: str = ""
    score: float = 100.0


def _squeeze(text: str, *, keep_space: bool) -> tuple[str, list[int]]:
    """``text`` without whitespace (or with each run as one space) and each kept char's offset."""
    chars: list[str] = []
    offsets: list[int] = []
    for m in re.finditer(r"\s+|\S+", text):
        if m.group()[0].isspace():
            if keep_space:
                chars.append(" ")
                offsets.append(m.start())
        else:
            chars.extend(m.group())
            offsets.extend(range(m.start(), m.end()))
    return "".join(chars), offsets


def _flat(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _similarity(a: str, b: str) -> float:
    return float(fuzz.ratio(_flat(a), _flat(b)))


def _context_score(text: str, start: int, end: int, quote: TextQuoteSelector) -> float:
    """How well the text around [start, end) matches the locked prefix and suffix (0-100)."""
    prefix = text[max(0, start - len(quote.prefix)) : start]
    suffix = text[end : end + len(quote.suffix)]
    weight = len(quote.prefix) + len(quote.suffix)
    if weight == 0:
        return 100.0
    return (
        len(quote.prefix) * _similarity(prefix, quote.prefix)
        + len(quote.suffix) * _similarity(suffix, quote.suffix)
    ) / weight


def _fuzzy_score(text: str, start: int, end: int, quote: TextQuoteSelector) -> tuple[float, float]:
    """(weighted score, quote similarity) of the span [start, end) as a match for ``quote``."""
    q = _similarity(text[start:end], quote.exact)
    lq, lc = len(quote.exact), len(quote.prefix) + len(quote.suffix)
    score = (lq * q + lc * _context_score(text, start, end, quote)) / (lq + lc)
    return score, q


def _occurrences(haystack: str, needle: str) -> Iterator[int]:
    at = haystack.find(needle)
    while at >= 0:
        yield at
        at = haystack.find(needle, at + 1)


def anchor(citation: LockedCitation, text: str, spans: list[tuple[int, int]]) -> Anchor:
    """Find the locked quote in the current ``text``; ``spans`` are the document's sentences."""
    quote, pos = citation.quote, citation.position
    exact = quote.exact
    if text[pos.start : pos.end] == exact:
        return Anchor(Anchoring.EXACT, pos.start, pos.end, exact)

    def best(starts: list[int], length: Callable[[int], int]) -> int:
        return max(
            starts,
            key=lambda s: (_context_score(text, s, s + length(s), quote), -abs(s - pos.start)),
        )

    starts = list(_occurrences(text, exact))
    if starts:
        s = best(starts, lambda _s: len(exact))
        return Anchor(Anchoring.MOVED, s, s + len(exact), exact)

    bare_text, offsets = _squeeze(text, keep_space=False)
    bare_quote, _ = _squeeze(exact, keep_space=False)
    if bare_quote:
        hits = list(_occurrences(bare_text, bare_quote))
        if hits:
            spans_found = [(offsets[h], offsets[h + len(bare_quote) - 1] + 1) for h in hits]
            start, end = max(
                spans_found,
                key=lambda se: (_context_score(text, se[0], se[1], quote), -abs(se[0] - pos.start)),
            )
            return Anchor(Anchoring.REFLOWED, start, end, text[start:end])

    return _fuzzy_anchor(quote, text, spans)


def _fuzzy_anchor(quote: TextQuoteSelector, text: str, spans: list[tuple[int, int]]) -> Anchor:
    flat_text, offsets = _squeeze(text, keep_space=True)
    flat_quote = _flat(quote.exact)
    if not flat_text or not flat_quote:
        return Anchor(Anchoring.ORPHANED, score=0.0)
    aligned = fuzz.partial_ratio_alignment(flat_quote, flat_text)
    candidates: list[tuple[int, int]] = []
    if aligned is not None and aligned.dest_end > aligned.dest_start:
        a_start = offsets[aligned.dest_start]
        a_end = offsets[aligned.dest_end - 1] + 1
        candidates.append((a_start, a_end))
        # The cited unit is a sentence: prefer a whole sentence the alignment falls in.
        candidates.extend((s, e) for s, e in spans if s < a_end and a_start < e)
    if not candidates:
        return Anchor(Anchoring.ORPHANED, score=0.0)
    scored = [(_fuzzy_score(text, s, e, quote), (s, e)) for s, e in candidates]
    (score, q), (start, end) = max(scored, key=lambda x: (x[0], -x[1][0]))
    if score < FUZZY_THRESHOLD or q < QUOTE_FLOOR:
        return Anchor(Anchoring.ORPHANED, score=score)
    return Anchor(Anchoring.EDITED, start, end, text[start:end], score)


# --- word diffs and figures ---------------------------------------------------------------


def word_diff(old: str, new: str, context: int = DIFF_CONTEXT) -> str:
    """The changes from ``old`` to ``new`` in words: ``... control [-80-] {+70+} per cent ...``."""
    a, b = old.split(), new.split()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    parts: list[str] = []
    opcodes = matcher.get_opcodes()
    for k, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            words = a[i1:i2]
            first, last = k == 0, k == len(opcodes) - 1
            if first and len(words) > context:
                parts.append("... " + " ".join(words[-context:]))
            elif last and len(words) > context:
                parts.append(" ".join(words[:context]) + " ...")
            elif not first and not last and len(words) > 2 * context:
                parts.append(" ".join(words[:context]) + " ... " + " ".join(words[-context:]))
            else:
                parts.append(" ".join(words))
            continue
        if op in {"delete", "replace"}:
            parts.append("[-" + " ".join(a[i1:i2]) + "-]")
        if op in {"insert", "replace"}:
            parts.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(p for p in parts if p)


def _figures_in(text: str) -> list[str]:
    return [_flat(q.text) for q in extract(text)]


def figure_changes(locked: LockedCitation, new_text: str) -> list[tuple[str, str | None]]:
    """Locked figures missing from the re-anchored text, each with the figure now in its place."""
    now = _figures_in(new_text)
    before = _figures_in(locked.quote.exact)
    added = [f for f in now if f not in before]
    changes: list[tuple[str, str | None]] = []
    for figure in locked.figures:
        if _flat(figure) in now:
            continue
        changes.append((_flat(figure), added.pop(0) if added else None))
    return changes


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
    flat = _flat(text)
    return flat if len(flat) <= limit else flat[: limit - 3].rstrip() + "..."


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
        if _flat(locked.text) != _flat(result.text):
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


# --- the steps, as the CLI calls them -----------------------------------------------------


def default_lock_path(claims_path: Path) -> Path:
    """``dossier.lock`` beside the claims file."""
    return claims_path.parent / LOCK_FILE


def lock_claims(
    claims_path: Path, corpus_path: Path, lock_path: Path, how: Preparing = AFRESH
) -> LockFile:
    """Judge every claim and write the lock; returns what was written. Through the build cache
    when ``how`` has one (what a build judged against this corpus is not judged again)."""
    with prepared(claims_path, corpus_path, how) as ready:
        lock = make_lock(ready.check(ready.claims), ready.corpus)
    write_lock(lock, lock_path)
    return lock


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
    return f"{f.file}:{f.line}" if f.line else f.file


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
    lines = [f"{_place(f)}: {f.claim}: {f.reason.value}: {f.details}" for f in report.findings]
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
        props = f"file={_escape_property(f.file)}"
        if f.line:
            props += f",line={f.line}"
        message = _escape_data(f"{f.claim}: {f.reason.value}: {f.details}")
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
