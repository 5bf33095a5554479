"""The citation lock: what each claim rests on, so CI fails when a claim loses its support.

``dossier lock`` writes ``dossier.lock``: for every claim its verdict and the citations behind it.
Each citation is stored the way the W3C Web Annotation model anchors a quote in a text that may
change: a ``TextQuoteSelector`` (the exact quote with about 32 characters of context on each side)
and a ``TextPositionSelector`` (start and end offsets), plus the sha256 of the quote and of the
source file, the stance and the figures the quote contains. ``dossier check`` finds each citation
again (``anchor``) and compares (``check``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dossier.atomic import replace_file
from dossier.errors import LockError
from dossier.models import ClaimResult, Corpus, Document, Evidence, Stance, Verdict
from dossier.tools.terminal import line_and_column

if TYPE_CHECKING:
    from dossier.incremental.build import Preparing

LOCK_FILE = "dossier.lock"
CONTEXT = 32  # characters of prefix and suffix kept around each quote


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
    line: int | None = Field(
        default=None,
        ge=1,
        description="The 1-based line of the article the quote starts on, as `explain` shows "
        "it: named by `check` even when the article is gone.",
    )

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
        line=line_and_column(text, evidence.start)[0],
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
    """Write the lock atomically: a reader never sees half a file, a failed write leaves the
    old lock whole and nothing beside it, and the file keeps its mode."""
    replace_file(path, dump_lock(lock), LockError)


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
        raise LockError(*problems) from None
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
        raise LockError(*problems)
    return lock


def lock_line(path: Path, claim_id: str) -> int | None:
    """The line of a claim's entry in the lock file, for findings about it."""
    try:
        return _line_of(path.read_text(encoding="utf-8"), ("claims", claim_id))
    except OSError:
        return None


# --- the steps, as the CLI calls them -----------------------------------------------------


def default_lock_path(claims_path: Path) -> Path:
    """``dossier.lock`` beside the claims file."""
    return claims_path.parent / LOCK_FILE


def lock_claims(
    claims_path: Path, corpus_path: Path, lock_path: Path, how: Preparing | None = None
) -> LockFile:
    """Judge every claim and write the lock; returns what was written. Through the build cache
    when ``how`` has one (what a build judged against this corpus is not judged again)."""
    from dossier.incremental.build import AFRESH, prepared  # (the build reads the reviews,
    # which find quotes as the lock does)

    with prepared(claims_path, corpus_path, how or AFRESH) as ready:
        lock = make_lock(ready.check(ready.claims), ready.corpus)
    write_lock(lock, lock_path)
    return lock
