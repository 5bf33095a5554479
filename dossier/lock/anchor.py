"""Finding a locked citation again in the current text of its article.

``dossier check`` re-anchors every locked citation, trying in turn:

1. the locked position (``text[start:end] == exact``) -- *exact*;
2. the exact quote elsewhere in the file -- *moved* (an occurrence whose context matches best);
3. the quote with all whitespace, the Unicode form (NFC or NFD) and the style of quotation marks
   ignored -- *reflowed* (re-wrapped lines, CRLF, an editor's re-normalising or "smart quotes"
   never break a citation);
4. a fuzzy match scored on quote, prefix and suffix with rapidfuzz -- *edited*;
5. otherwise the citation is *orphaned*.

A fuzzy match counts when its score, the length-weighted mean of the quote's, the prefix's and the
suffix's similarity (rapidfuzz ``ratio``, 0-100), is at least :data:`FUZZY_THRESHOLD` and the
quote's own similarity is at least :data:`QUOTE_FLOOR`. A typo fixed in a sentence scores about 99;
a rewritten sentence between unchanged neighbours scores about 70 and is orphaned.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz

from dossier.analysis.normal import fold
from dossier.analysis.quantity import extract
from dossier.lock.lock import LockedCitation, TextPositionSelector, TextQuoteSelector

FUZZY_THRESHOLD = 80.0  # least weighted score (quote, prefix, suffix) for a fuzzy re-anchor
QUOTE_FLOOR = 70.0  # least similarity of the quote itself, whatever its context
DIFF_CONTEXT = 3  # words of unchanged text shown around each change in a word diff


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


def flat(text: str) -> str:
    """A text as it reads: NFC, one space between words (``fold``), no space around it."""
    return fold(text).text.strip()


def _plain(text: str) -> str:
    """``flat``, and straight quotation marks: what two spans are compared in."""
    return fold(text, quotes=True).text.strip()


def _similarity(a: str, b: str) -> float:
    return float(fuzz.ratio(_plain(a), _plain(b)))


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
    return anchor_quote(citation.quote, citation.position, text, spans)


def find_quote(exact: str, text: str, spans: list[tuple[int, int]]) -> Anchor:
    """Find a quote known only by its words (no context, no position) in ``text``, the same
    way: where it stands, re-wrapped, or lightly edited; its first place when it is in the text
    more than once."""
    return anchor_quote(
        TextQuoteSelector(exact=exact, prefix="", suffix=""),
        TextPositionSelector(start=0, end=0),
        text,
        spans,
    )


def anchor_quote(
    quote: TextQuoteSelector, pos: TextPositionSelector, text: str, spans: list[tuple[int, int]]
) -> Anchor:
    """Find ``quote``, last seen at ``pos``, in the current ``text`` (``anchor``)."""
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

    bare_text = fold(text, spaces="", quotes=True)
    bare_quote = fold(exact, spaces="", quotes=True).text
    if bare_quote:
        hits = list(_occurrences(bare_text.text, bare_quote))
        if hits:
            spans_found = [bare_text.source_span(h, h + len(bare_quote)) for h in hits]
            start, end = max(
                spans_found,
                key=lambda se: (_context_score(text, se[0], se[1], quote), -abs(se[0] - pos.start)),
            )
            return Anchor(Anchoring.REFLOWED, start, end, text[start:end])

    return _fuzzy_anchor(quote, text, spans)


def _fuzzy_anchor(quote: TextQuoteSelector, text: str, spans: list[tuple[int, int]]) -> Anchor:
    folded = fold(text, quotes=True)
    flat_quote = _plain(quote.exact)
    if not folded.text.strip() or not flat_quote:
        return Anchor(Anchoring.ORPHANED, score=0.0)
    aligned = fuzz.partial_ratio_alignment(flat_quote, folded.text)
    candidates: list[tuple[int, int]] = []
    if aligned is not None and aligned.dest_end > aligned.dest_start:
        a_start, a_end = folded.source_span(aligned.dest_start, aligned.dest_end)
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
    a, b = flat(old).split(), flat(new).split()  # "Khúsham" in NFC and NFD is one word
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
    return [flat(q.text) for q in extract(flat(text))]


def figure_changes(locked: LockedCitation, new_text: str) -> list[tuple[str, str | None]]:
    """Locked figures missing from the re-anchored text, each with the figure now in its place."""
    now = _figures_in(new_text)
    before = _figures_in(locked.quote.exact)
    added = [f for f in now if f not in before]
    changes: list[tuple[str, str | None]] = []
    for figure in locked.figures:
        if flat(figure) in now:
            continue
        changes.append((flat(figure), added.pop(0) if added else None))
    return changes
