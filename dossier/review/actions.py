"""What an editor can decide about a claim, and how a citation is named on the command line.

Every action returns a new ``Review`` (the model is frozen); ``store.write_review`` records it. A
decision about a citation replaces an earlier one about the same words; an added citation is
checked to be in its article word for word first (``added_quote``).

A citation is named the way ``dossier explain`` shows it (``resolve``): by its number (``2``),
by its place (``corpus/003_x.txt:14``, the corpus folder optional), or by a few of its words
(``"65 percent"``), which must name one citation only.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dossier.analysis.normal import fold
from dossier.errors import DossierError
from dossier.lock.anchor import Anchoring, find_quote
from dossier.models import (
    Corpus,
    Decision,
    Evidence,
    Review,
    ReviewedCitation,
    Stance,
    Verdict,
)
from dossier.sanitise import one_line
from dossier.tools.terminal import line_and_column

SHOWN_QUOTE = 70  # characters of a quote shown in a message


@dataclass(frozen=True)
class Editor:
    """Who decides and when, as given on the command line (never the clock unless asked):
    recorded on the claim's review at each decision; a field not given is left as it was."""

    by: str | None = None
    date: dt.date | None = None


def parse_date(value: str, today: dt.date | None = None) -> dt.date:
    """``--date``: ``YYYY-MM-DD``, or ``today`` (``today``: the clock's date, read by the CLI)."""
    if value == "today" and today is not None:
        return today
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DossierError(
            f"--date: {one_line(value)!r} is not a date; write it as YYYY-MM-DD, or 'today'"
        ) from None


def stamped(review: Review | None, editor: Editor, **changes: object) -> Review:
    """``review`` (a new one when None) with ``changes`` and the editor's name and date."""
    base = review or Review()
    if editor.by is not None:
        changes["by"] = editor.by
    if editor.date is not None:
        changes["date"] = editor.date
    return base.model_validate({**base.model_dump(), **changes})


def _same(a: ReviewedCitation, source: str, quote: str) -> bool:
    return a.source == source and fold(a.quote).text.strip() == fold(quote).text.strip()


def decided(
    review: Review | None, evidence: Evidence, decision: Decision, editor: Editor
) -> Review:
    """The review with ``evidence`` accepted (with its stance) or rejected."""
    entry = ReviewedCitation(
        source=evidence.source,
        quote=evidence.quote,
        decision=decision,
        stance=evidence.stance if decision is Decision.ACCEPTED else None,
    )
    return _with_citation(review, entry, editor)


def added(review: Review | None, source: str, quote: str, stance: Stance, editor: Editor) -> Review:
    """The review with the passage ``quote`` of ``source`` cited with ``stance``."""
    entry = ReviewedCitation(source=source, quote=quote, decision=Decision.ADDED, stance=stance)
    return _with_citation(review, entry, editor)


def _with_citation(review: Review | None, entry: ReviewedCitation, editor: Editor) -> Review:
    kept = [
        c for c in (review.citations if review else []) if not _same(c, entry.source, entry.quote)
    ]
    return stamped(review, editor, citations=[*kept, entry])


def with_verdict(
    review: Review | None, verdict: Verdict | None, note: str | None, editor: Editor
) -> Review:
    """The review with the editor's verdict and note (each left as it was when None; an empty
    note removes it)."""
    changes: dict[str, object] = {}
    if verdict is not None:
        changes["verdict"] = verdict
    if note is not None:
        changes["note"] = note.strip() or None
    return stamped(review, editor, **changes)


# --- naming a citation --------------------------------------------------------------------


def place(evidence: Evidence, corpus: Corpus) -> str:
    """Where a citation stands, as ``explain`` shows it: ``corpus/003_x.txt:14``."""
    line, _ = line_and_column(corpus.document(evidence.source).text, evidence.start)
    return f"{(Path(corpus.root) / evidence.source).as_posix()}:{line}"


def short(quote: str) -> str:
    flat = " ".join(quote.split())
    return flat if len(flat) <= SHOWN_QUOTE else flat[: SHOWN_QUOTE - 1].rstrip() + "…"


def resolve(ref: str, claim_id: str, evidence: Sequence[Evidence], corpus: Corpus) -> int:
    """The index in ``evidence`` of the citation ``ref`` names (see the module's doc)."""
    shown = one_line(ref)
    if not evidence:
        raise DossierError(f"{claim_id}: the claim has no citation to name with {shown!r}")
    if ref.strip().isdigit():
        number = int(ref)
        if 1 <= number <= len(evidence):
            return number - 1
        raise DossierError(
            f"{claim_id}: there is no citation [{number}]; the claim has {len(evidence)} "
            "(see `dossier explain " + claim_id + "`)"
        )
    places = [place(e, corpus) for e in evidence]
    root = Path(corpus.root).as_posix().rstrip("/") + "/"
    wanted = ref.strip().replace("\\", "/")
    by_place = [i for i, p in enumerate(places) if wanted in (p, p.removeprefix(root))]
    if not by_place:
        words = fold(ref, quotes=True).text.strip().casefold()
        by_place = [
            i
            for i, e in enumerate(evidence)
            if words and words in fold(e.quote, quotes=True).text.casefold()
        ]
    if len(by_place) == 1:
        return by_place[0]
    listed = "; ".join(f"[{i + 1}] {places[i]} {short(evidence[i].quote)!r}" for i in by_place)
    if by_place:
        raise DossierError(
            f"{claim_id}: {shown!r} names {len(by_place)} citations: {listed}; "
            "name one by its number"
        )
    raise DossierError(
        f"{claim_id}: no citation is at {shown!r} or holds these words; name one by its number, "
        f"its place (FILE:LINE) or a few of its words (see `dossier explain {claim_id}`)"
    )


def added_quote(corpus: Corpus, source: str, quote: str) -> tuple[str, str]:
    """The article's name in the corpus and the quote as it stands in it: word for word, or
    only re-wrapped (line breaks, spaces, quotation marks); anything else is an error that
    shows the closest passage."""
    root = Path(corpus.root).as_posix().rstrip("/") + "/"
    name = source.replace("\\", "/").removeprefix("./").removeprefix(root)
    try:
        document = corpus.document(name)
    except KeyError:
        paths = [d.path for d in corpus.documents]
        close = difflib.get_close_matches(name, paths, n=3, cutoff=0.5)
        hint = ("; did you mean " + " or ".join(close) + "?") if close else ""
        raise DossierError(
            f"--source: {one_line(source)} is not an article of {root}{hint}"
        ) from None
    if not quote.strip():
        raise DossierError("--add: the quote is empty; give the passage's words in quotes")
    found = find_quote(quote, document.text, [])
    if found.how in {Anchoring.EXACT, Anchoring.MOVED, Anchoring.REFLOWED}:
        return name, found.text
    closest = ""
    if found.how is Anchoring.EDITED:
        start, end = _whole_words(document.text, found.start, found.end)
        closest = f"; the closest passage reads {short(document.text[start:end])!r}"
    raise DossierError(
        f"--add: {root}{name} does not hold {short(quote)!r} word for word{closest}; "
        "copy the words from the article"
    )


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to the words it cuts."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end
