"""Split an article into paragraphs (body, heading or furniture) and its body into sentences.

* **Paragraphs.** Blocks separated by blank lines. Inside a block, a single newline is a hard
  wrap (the paragraph goes on) when the next line starts with a lowercase letter or the line
  before ends with a comma, semicolon or dash: a paragraph never starts in the middle of a
  sentence, nor does one end on a comma. So it is when the line before has no closing
  punctuation and ends on a word no sentence ends on ("the", "of", "according to":
  ``OPEN_ENDINGS``), or the line goes on with a figure or a bracket before a lowercase word
  ("18,000 jobs", "(the state of)"). In a text re-wrapped to a width (``_fill_width``), a line
  broken where its next word would not fit goes on too; and in prose wrapped to a width in a
  proportional font (a PDF's text, ``_wrap_width``), a line that fills the width goes on whatever
  starts the next ("Washington" / "State"), unless it is a line of capitalised words (a byline),
  or it ends a sentence and the next line is a heading's. Otherwise it is a paragraph break, as
  in articles that put one paragraph on each line. Spans exclude leading and trailing
  whitespace.
* **Kinds.** A paragraph is ``furniture`` when a paragraph rule matches it (page chrome such as
  "Accessibility links", "Tags: ...", image credits; see ``FURNITURE_RULES``), when every
  sentence of it is furniture by a sentence rule (donation appeals, "Follow us on Twitter",
  copyright lines) or when it repeats an earlier paragraph of the same document (rule
  ``repeated``, e.g. a headline shown twice); ``heading`` when it is one short line without
  terminal punctuation that does not end mid-sentence (on a comma, on "the"), a headline
  wrapped in a few short lines, or a Markdown ``#`` heading; ``body`` otherwise.
  When only some sentences of a paragraph are furniture, the paragraph is cut in pieces, each a
  paragraph of its own: the furniture sentences (and a sentence that ends before a figure, which
  blingfire never splits, is cut there first), and the article text around them, a heading or
  body by its own shape, its offsets exact. Furniture is never article content, and a furniture
  phrase takes only its own sentence, never the facts beside it (``dossier text FILE
  --furniture`` lists what was left out).
* **Passages.** Body paragraphs are split into sentences with blingfire, fed each paragraph with
  its newlines replaced by spaces (same length, so offsets hold and hard wraps do not split a
  sentence); the body paragraphs of a document go to blingfire in one call, joined by blank
  lines, which it never crosses (a body of more than ``BLINGFIRE_CHARS`` in windows of at most
  that, each cut at a space: blingfire's buffers grow with the text). blingfire's offsets are
  UTF-8 byte offsets inside the library (its Python wrapper maps them to characters); we map
  them to characters ourselves. A split is undone when the next piece starts in lowercase or
  with a hyphen or comma, when the piece before ends with a title ("Dr.", "Gen.") or an
  abbreviation such as "Sept." before a figure, or when a piece has no letters (a footnote
  mark "(6)"). A sentence longer than ``MAX_SENTENCE_CHARS`` is cut into pieces of at most
  that, at a space. Each passage is trimmed of surrounding whitespace. A heading that states a
  fact, a figure in three words or more ("Amazon to cut 18,000 jobs"), is a passage too, whole,
  without its Markdown marks. ``Passage.id`` is its index in ``Corpus.passages`` (documents in
  path order, passages in offset order).

An article without a title in its metadata takes its first heading's (``segment_corpus``).
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.util
import os
import platform
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from dossier.analysis import quantity
from dossier.analysis.normal import fold
from dossier.corpus.documents import CorpusFiles, Documents, UnreadDocument, article_columns
from dossier.corpus.furniture import (
    FURNITURE_RULES,
    MONTH_PATTERN,
    REPEATED_RULE,
    FurnitureRule,
    furniture_sentences,
    may_hold_furniture_sentences,
    paragraph_rule,
)
from dossier.errors import CorpusError
from dossier.lexicon.words import OPEN_ENDINGS
from dossier.models import Corpus, Document, Paragraph, ParagraphKind, Paragraphs, Passages

HEADING_MAX_CHARS = 150
"""A heading is one line of at most this many characters without terminal punctuation."""
HEADING_WRAPPED_CHARS = 80
"""... or of lines wrapped, at most this many (a headline set large, wrapped in a PDF)."""
FACT_MIN_WORDS = 3
"""A heading with a figure in at least this many words is also a passage ("Amazon cuts 18,000
jobs"): it states a fact."""
FILL_MAX_WIDTH = 100  # a text re-wrapped to at most this width is read as filled lines
FILL_SHARE = 0.7  # ... when this share of its single line breaks fall where a word did not fit
FILL_MIN_BREAKS = 3
WRAP_MAX_WIDTH = 160  # a text whose lines are wrapped to at most this width (a PDF's text) ...
WRAP_SHARE = 0.5  # ... has this share of its lines at least WRAP_FULL of its width
WRAP_FULL = 0.85  # a line this full (with the next line's first word) was wrapped
WRAP_FILLED = 1.0  # ... and one this full, though it ends a sentence, too
WRAP_MIN_LINES = 4
WRAP_ENDS = 0.05  # a wrapped text is prose: a paragraph's end in one line of 20 (not a table)

MAX_SENTENCE_CHARS = 2000
"""A longer sentence is cut into passages of at most this many characters, at a space where
there is one: the judge's work on a sentence grows faster than its length (a one-line article
of megabytes without a full stop would be judged as one sentence for hours)."""

BLINGFIRE_CHARS = 1 << 20
"""An article's body goes to blingfire in windows of at most this many characters."""

_FURNITURE = ParagraphKind.FURNITURE
_NEWLINE = re.compile(r"\r\n|\r|\n")
_TERMINAL = re.compile(r"""[.!?:;…]["'”’»)\]]*$|[.!?…]\s*\(?[A-Z]{1,6}\)?$""")
_CONTINUES = re.compile(r"[,;(\-–—]$")
_LOWER_START = re.compile(r"[^\W\d_A-Z]", re.UNICODE)
_MD_HEADING = re.compile(r"^#{1,6}\s")
_MD_HEADING_MARKS = re.compile(r"#{1,6}\s+")
_LIST_ITEM = re.compile(r"^(?:[-*+•]|\d{1,3}[.)])\s")
_WS = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"""[.!?…]["'”’»)\]]*$""")
_ABBREVIATION = re.compile(
    rf"(?:\b{MONTH_PATTERN}|\b(?:no|nos|art|vol|p|pp|fig|approx|ca|est|gen|col|lt|maj|capt|sgt|gov|sen"
    r"|rep|pres|mr|mrs|ms|dr|prof|st|jr|sr|inc|corp|co|ltd|vs|etc)\.|\b(?:[A-Z]\.){1,3})$",
    re.IGNORECASE,
)
_TITLE = re.compile(
    r"(?:^|[\s\"“‘(])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Cpt|Sgt|Adm|Gov|Sen|Rep|Rev|Hon"
    r"|Messrs|Mme|Pres)\.$"
)
_LETTER = re.compile(r"[^\W\d_]")
_PARAGRAPH_JOIN = "\n\n"
_CONTINUATION_START = re.compile(r"[^\W\d_A-Z]|[-–,;:)\]%]")
_WORD = re.compile(r"[^\W_]")
_SHARE_IN_WORDS = re.compile(r"\b(?:most|majority)$", re.IGNORECASE)
_BYLINE = re.compile(r"by\s", re.IGNORECASE)
_OPEN_END = re.compile(r"(?:^|\s)([^\W\d_]+)$")
_FIGURE_GOES_ON = re.compile(r"(?:\(|[$€£]?\d[\d,.:%/]*\s+)[^\W\d_A-Z]", re.UNICODE)


@dataclass
class _Block:
    start: int
    end: int
    lines: int


def _paragraph_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, number of lines) of each paragraph, whitespace excluded."""
    spans: list[tuple[int, int, int]] = []
    current: _Block | None = None
    prev_line = prev_raw = ""
    pos = 0
    bounds = [(m.start(), m.end()) for m in _NEWLINE.finditer(text)]
    bounds.append((len(text), len(text)))
    lines = _lines(text, bounds)
    width, wrap = _fill_width(lines), _wrap_width(lines)
    for line_end, next_pos in bounds:
        line = text[pos:line_end]
        stripped = line.strip()
        if not stripped:
            if current is not None:
                spans.append((current.start, current.end, current.lines))
                current = None
        else:
            lead = len(line) - len(line.lstrip())
            start = pos + lead
            end = start + len(stripped)
            if current is not None and _filled(prev_raw, stripped, width):
                current.end = end  # a line filled to the width: one line, re-wrapped
            elif current is not None and _is_hard_wrap(prev_line, stripped, wrap):
                current.end = end
                current.lines += 1
            else:
                if current is not None:
                    spans.append((current.start, current.end, current.lines))
                current = _Block(start, end, 1)
            prev_line, prev_raw = stripped, line.rstrip()
        pos = next_pos
    if current is not None:
        spans.append((current.start, current.end, current.lines))
    return spans


def _lines(text: str, bounds: list[tuple[int, int]]) -> list[str]:
    """The lines of ``text``, right-stripped (an indent takes columns too)."""
    lines, pos = [], 0
    for line_end, next_pos in bounds:
        lines.append(text[pos:line_end].rstrip())
        pos = next_pos
    return lines


def _fill_width(lines: list[str]) -> int:
    """The width a re-wrapped text is filled to (its longest line), or 0: a text whose lines
    are at most ``FILL_MAX_WIDTH`` long and break, most of the time, where the next word would
    not have fit (``FILL_SHARE`` of its single line breaks, at least ``FILL_MIN_BREAKS``)."""
    width = max(map(len, lines), default=0)
    if width > FILL_MAX_WIDTH or not _prose(lines):
        return 0
    breaks = [(a, b) for a, b in pairwise(lines) if a.strip() and b.strip()]
    full = sum(1 for a, b in breaks if _filled(a, b, width))
    return width if full >= FILL_MIN_BREAKS and full >= FILL_SHARE * len(breaks) else 0


def _prose(lines: list[str]) -> bool:
    """Whether ``lines`` are prose, not a table: one in ``1 / WRAP_ENDS`` at least ends with
    closing punctuation (a paragraph's end)."""
    texts = [line for line in lines if line.strip()]
    return sum(1 for line in texts if _TERMINAL.search(line)) >= max(1, WRAP_ENDS * len(texts))


def _filled(prev: str, line: str, width: int) -> bool:
    """Whether ``prev`` was broken because the next word of ``line`` would not fit in ``width``."""
    line = line.lstrip()
    if not width or _MD_HEADING.match(line) or _LIST_ITEM.match(line) or _MD_HEADING.match(prev):
        return False
    return len(prev) + 1 + len(line.split(None, 1)[0]) > width


def _wrap_width(lines: list[str]) -> int:
    """The width a text's lines are wrapped to, in a proportional font as a PDF's text is (the
    longest line but the longest tenth), or 0. A wrapped text has at least ``WRAP_MIN_LINES``
    lines of at most ``WRAP_MAX_WIDTH``; ``WRAP_SHARE`` of them are full (``WRAP_FULL`` of the
    width), and most full lines go on mid-sentence (where one paragraph a line ends each with
    its full stop); and, prose, not a table, it has a paragraph's end in one line of 20."""
    texts = [line.strip() for line in lines if line.strip()]
    if len(texts) < WRAP_MIN_LINES:
        return 0
    width = sorted(map(len, texts))[(len(texts) - 1) * 9 // 10]
    if width > WRAP_MAX_WIDTH:
        return 0
    full = [line for line in texts if len(line) >= WRAP_FULL * width]
    going_on = sum(1 for line in full if not _TERMINAL.search(line))
    wrapped = len(full) >= WRAP_SHARE * len(texts) and going_on * 2 > len(full)
    return width if wrapped and _prose(texts) else 0


def _is_hard_wrap(prev: str, line: str, wrap: int = 0) -> bool:
    """Whether a single newline between ``prev`` and ``line`` is a wrap inside a paragraph:
    the line goes on in lowercase, or after a comma; or ``prev`` has no closing punctuation and
    ends mid-sentence (on "the", "of", "according to"), or the line goes on with a figure or a
    bracket before a lowercase word ("18,000 jobs", "(the state of)"), or ``prev`` is full in a
    text wrapped to ``wrap`` columns (a PDF's text, where a line of any start may go on); or,
    in such a text, ``prev`` ends a sentence but is filled to the width (``WRAP_FILLED``) and
    the line is no heading (short, without closing punctuation)."""
    if _MD_HEADING.match(line) or _LIST_ITEM.match(line) or _MD_HEADING.match(prev):
        return False
    if _LOWER_START.match(line) is not None or _CONTINUES.search(prev) is not None:
        return True
    if not _TERMINAL.search(prev):
        return _ends_open(prev) or bool(_FIGURE_GOES_ON.match(line)) or _full(prev, line, wrap)
    return _full(prev, line, wrap, WRAP_FILLED) and (
        len(line) >= WRAP_FULL * wrap or _TERMINAL.search(line) is not None
    )


def _full(prev: str, line: str, wrap: int, share: float = WRAP_FULL) -> bool:
    """Whether ``prev`` with the first word of ``line`` fills ``share`` of a ``wrap`` width, and
    ``prev`` is not a line of capitalised words (a byline, a headline in title case)."""
    if not wrap or len(prev) + 1 + len(line.split(None, 1)[0]) < share * wrap:
        return False
    words = [word for word in prev.split() if _LETTER.search(word)]
    return len(words) < 2 or any(_LOWER_START.match(word) for word in words)


def _ends_open(line: str) -> bool:
    """Whether ``line`` ends on a word no sentence ends on ("the", "of", "and"), in lowercase
    as running text writes it (not "tHE" or a title's "The")."""
    m = _OPEN_END.search(line)
    return m is not None and m.group(1) in OPEN_ENDINGS


def _normalise(text: str) -> str:
    return fold(text).text.strip().casefold()


def _paragraphs(
    path: str,
    text: str,
    span: tuple[int, int, int],
    rules: tuple[FurnitureRule, ...],
    seen: set[str],
) -> list[Paragraph]:
    """The paragraph ``span`` (start, end, lines) of ``text`` with its kind, or the pieces its
    furniture sentences cut it into (each a paragraph of its own: the furniture, and the
    article text around it, which keeps its exact offsets)."""
    start, end, lines = span
    flat = text[start:end].replace("\r", " ").replace("\n", " ")
    rule = paragraph_rule(flat, rules)
    if rule is not None:
        return [Paragraph(source=path, start=start, end=end, kind=_FURNITURE, rule=rule)]
    pieces = _furniture_pieces(flat, rules) if may_hold_furniture_sentences(flat, rules) else []
    if pieces and all(name is not None for _, _, name in pieces):
        return [_piece(path, start, piece, text) for piece in pieces]  # furniture whole
    key = _normalise(flat)
    if key in seen:
        return [Paragraph(source=path, start=start, end=end, kind=_FURNITURE, rule=REPEATED_RULE)]
    seen.add(key)
    if not pieces:
        return [Paragraph(source=path, start=start, end=end, kind=_shape(text[start:end], lines))]
    return [_piece(path, start, piece, text) for piece in pieces]


def _furniture_pieces(
    flat: str, rules: tuple[FurnitureRule, ...]
) -> list[tuple[int, int, str | None]]:
    """The runs of sentences of a paragraph (``flat``: newlines as spaces) that are furniture
    (with their rule's name) and those that are not (None), when some sentence is furniture;
    else none."""
    spans = [
        cut
        for a, b in _sentence_spans(flat, _blingfire_starts(flat))
        for cut in _at_figures(flat, a, b)
    ]
    names = furniture_sentences([flat[a:b] for a, b in spans], rules)
    pieces: list[tuple[int, int, str | None]] = []
    if all(name is None for name in names):
        return pieces
    for (a, b), name in zip(spans, names, strict=True):
        if pieces and pieces[-1][2] == name:
            pieces[-1] = (pieces[-1][0], b, name)
        else:
            pieces.append((a, b, name))
    return pieces


_BEFORE_FIGURE = re.compile(r"""[.!?]["'”’)\]]*\s+(?=\d)""")


def _at_figures(flat: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence ``flat[start:end]`` cut where a sentence ends before a figure, which
    blingfire never splits ("Follow us on Twitter. 40 were killed."), so that furniture is cut
    from the facts beside it; not after an abbreviation or a title ("Sept. 4", "No. 10")."""
    spans: list[tuple[int, int]] = []
    a = start
    for m in _BEFORE_FIGURE.finditer(flat, start, end):
        before = flat[a : m.start() + 1]
        if _TITLE.search(before) or _ABBREVIATION.search(before):
            continue
        spans.append((a, m.start() + len(m.group().rstrip())))
        a = m.end()
    spans.append((a, end))
    return spans


def _piece(path: str, base: int, piece: tuple[int, int, str | None], text: str) -> Paragraph:
    """A piece of the paragraph at ``base``: furniture by its rule, or article text."""
    start, end, rule = base + piece[0], base + piece[1], piece[2]
    if rule is not None:
        return Paragraph(source=path, start=start, end=end, kind=_FURNITURE, rule=rule)
    lines = len(_NEWLINE.findall(text, start, end)) + 1
    return Paragraph(source=path, start=start, end=end, kind=_shape(text[start:end], lines))


def _shape(text: str, lines: int) -> ParagraphKind:
    """A heading (one short line without terminal punctuation that does not end mid-sentence,
    on a comma or on "the", or a Markdown heading) or body."""
    if _MD_HEADING.match(text) or (
        len(text) <= (HEADING_MAX_CHARS if lines == 1 else HEADING_WRAPPED_CHARS)
        and not _TERMINAL.search(text)
        and not _CONTINUES.search(text)
        and not _ends_open(text)
    ):
        return ParagraphKind.HEADING
    return ParagraphKind.BODY


_BLINGFIRE_LIBRARIES = {"Windows": "blingfiretokdll.dll", "Darwin": "libblingfiretokdll.dylib"}


@lru_cache(maxsize=1)
def _blingfire() -> Any:
    """blingfire's compiled library, loaded from its package folder as its ``__init__`` does,
    without running that: it imports numpy, 0.15 s of a build that segments one edited
    article (we call the library alone, see ``_blingfire_starts``)."""
    spec = importlib.util.find_spec("blingfire")
    if spec is not None and spec.origin is not None:
        name = _BLINGFIRE_LIBRARIES.get(platform.system(), "libblingfiretokdll.so")
        with contextlib.suppress(OSError):
            return ctypes.CDLL(os.path.join(os.path.dirname(spec.origin), name))
    import blingfire  # (laid out otherwise: as it loads itself)

    return blingfire.blingfire


def _blingfire_starts(text: str) -> list[int]:
    """Character offsets where blingfire starts a sentence in ``text``.

    blingfire's own Python wrapper maps its UTF-8 byte offsets to character offsets with a loop
    in Python over every byte, which would dominate the time on a large corpus; we call the
    library function directly and map the few boundary offsets ourselves. The result equals
    ``text_to_sentences_and_offsets`` (a test checks it).
    """
    data = text.encode("utf-8")
    size = len(data) * 2 + 16
    out = ctypes.create_string_buffer(size)
    starts = (ctypes.c_int32 * size)()
    ends = (ctypes.c_int32 * size)()
    count = _blingfire().TextToSentencesWithOffsets(
        ctypes.c_char_p(data),
        ctypes.c_int(len(data)),
        ctypes.byref(out),
        ctypes.byref(starts),
        ctypes.byref(ends),
        ctypes.c_int(size),
    )
    if count <= 0 or count > size:
        return [0]
    n = out.value.count(b"\n") + 1
    byte_starts = starts[:n]
    if len(data) == len(text):  # ASCII: bytes are characters
        return list(byte_starts)
    result: list[int] = []
    char_pos = 0
    byte_pos = 0
    for b in byte_starts:
        char_pos += len(data[byte_pos:b].decode("utf-8", errors="replace"))
        byte_pos = b
        result.append(char_pos)
    return result


def _windowed_starts(text: str) -> list[int]:
    """``_blingfire_starts`` of ``text`` taken in windows of at most ``BLINGFIRE_CHARS``, each
    ending at a space where there is one: blingfire's buffers take some 18 bytes for each byte
    of text (a one-line article of 19 MiB took 340 MB of them). A window's start is a cut, which
    ``_continues`` undoes when it falls inside a sentence."""
    starts: list[int] = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + BLINGFIRE_CHARS)
        if end < len(text):
            space = text.rfind(" ", pos + BLINGFIRE_CHARS // 2, end)
            end = space if space > pos else end
        starts.extend(pos + start for start in _blingfire_starts(text[pos:end]))
        pos = end
    return starts


def _sentence_spans(flat: str, cuts: list[int]) -> list[tuple[int, int]]:
    """Sentence spans within one flattened body paragraph, given blingfire's sentence starts."""
    pieces: list[tuple[int, int]] = []
    prev = 0
    for cut in [*cuts, len(flat)]:
        if cut <= prev:
            continue
        piece = flat[prev:cut]
        stripped = piece.strip()
        if stripped:
            a = prev + (len(piece) - len(piece.lstrip()))
            b = a + len(stripped)
            if pieces and _continues(flat[pieces[-1][0] : pieces[-1][1]], stripped):
                pieces[-1] = (pieces[-1][0], b)
            else:
                pieces.append((a, b))
        prev = cut
    return pieces


def _bounded(flat: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each longer than ``MAX_SENTENCE_CHARS`` cut into pieces of at most that,
    each cut at the last space in its second half (else where it stands), pieces trimmed."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        while b - a > MAX_SENTENCE_CHARS:
            cut = flat.rfind(" ", a + MAX_SENTENCE_CHARS // 2, a + MAX_SENTENCE_CHARS)
            end = cut = cut if cut > a else a + MAX_SENTENCE_CHARS
            while end > a and flat[end - 1].isspace():
                end -= 1
            out.append((a, end))
            a = cut
            while a < b and flat[a].isspace():
                a += 1
        if a < b:
            out.append((a, b))
    return out


def _continues(previous: str, sentence: str) -> bool:
    """Whether blingfire cut a sentence in two: the previous piece ends with a title ("Dr.") or
    without terminal punctuation, the next piece starts in lowercase or with a hyphen or comma,
    or the previous piece ends with an abbreviation ("Sept.") before a figure; and a piece
    without letters joins its neighbour."""
    if not _SENTENCE_END.search(previous) or _TITLE.search(previous):
        return True
    if not _LETTER.search(sentence) or not _LETTER.search(previous):
        return True  # a footnote mark "(6)" or a stray "…" is no sentence of its own
    if _CONTINUATION_START.match(sentence):
        return True
    return sentence[0].isdigit() and _ABBREVIATION.search(previous) is not None


def segment_document(
    document: Document, rules: tuple[FurnitureRule, ...] = FURNITURE_RULES
) -> tuple[list[Paragraph], list[tuple[int, int, int, int]]]:
    """Paragraphs of a document and the spans of its sentences.

    Returns the paragraphs and, for each sentence of a body paragraph, ``(start, end,
    paragraph_start, paragraph_end)``.
    """
    text = document.text
    paragraphs: list[Paragraph] = []
    seen: set[str] = set()
    for span in _paragraph_spans(text):
        paragraphs.extend(_paragraphs(document.path, text, span, rules, seen))

    # One blingfire call per document: the body paragraphs, each flattened (newlines as
    # spaces, same length), joined by blank lines, which blingfire never crosses.
    body = [p for p in paragraphs if p.kind is ParagraphKind.BODY]
    flats = [text[p.start : p.end].replace("\r", " ").replace("\n", " ") for p in body]
    bases: list[int] = []
    pos = 0
    for flat in flats:
        bases.append(pos)
        pos += len(flat) + len(_PARAGRAPH_JOIN)
    starts = _windowed_starts(_PARAGRAPH_JOIN.join(flats)) if flats else []

    sentences: list[tuple[int, int, int, int]] = []
    k = 0
    for p, flat, base in zip(body, flats, bases, strict=True):
        while k < len(starts) and starts[k] <= base:
            k += 1
        cuts: list[int] = []
        while k < len(starts) and starts[k] < base + len(flat):
            cuts.append(starts[k] - base)
            k += 1
        sentences.extend(
            (p.start + a, p.start + b, p.start, p.end)
            for a, b in _bounded(flat, _sentence_spans(flat, cuts))
        )
    told = [_told(text, p) for p in paragraphs if p.kind is ParagraphKind.HEADING]
    if any(told):
        sentences = sorted(sentences + [span for span in told if span is not None])
    return paragraphs, sentences


def _told(text: str, heading: Paragraph) -> tuple[int, int, int, int] | None:
    """The passage of a heading that states a fact ("Amazon to cut 18,000 jobs"), its
    Markdown marks left out, or None."""
    m = _MD_HEADING_MARKS.match(text, heading.start, heading.end)
    start = m.end() if m else heading.start
    if not _states_fact(text[start : heading.end]):
        return None
    return (start, heading.end, heading.start, heading.end)


def _states_fact(heading: str) -> bool:
    """Whether a heading states a fact a claim can be checked against: a figure the judge reads
    ("Amazon to cut 18,000 jobs", "Almost 1,000 cases identified") in ``FACT_MIN_WORDS`` words
    at least, not in a byline. A heading without a figure ("Breaking News", "Announcement of
    the layoffs", "SDF says it holds most of Raqqa") is more often a topic than a statement."""
    words = [word for word in heading.split() if _WORD.search(word)]
    return (
        len(words) >= FACT_MIN_WORDS
        and not _BYLINE.match(heading)
        and any(_SHARE_IN_WORDS.search(q.text) is None for q in quantity.extract(heading))
    )


def _unjudged(root: Path, documents: Sequence[Document]) -> str:
    """What to say of a corpus without a sentence to judge."""
    if len(documents) > 1:
        return (
            f"every paragraph of its {len(documents):,} articles is a heading or page furniture "
            "(dossier text FILE --furniture shows how one is read)"
        )
    path = (root / article_columns(documents)[0][0]).as_posix()
    return (
        f"every paragraph of {path} is a heading or page furniture (dossier text {path} "
        "--furniture shows how it is read)"
    )


def _heading_title(text: str) -> str:
    return _WS.sub(" ", text.lstrip("#")).strip()


Segmentation = tuple[Paragraphs, Passages]
Segmenter = Callable[[Sequence[Document], tuple[FurnitureRule, ...]], Segmentation]
"""Segments every document with the given rules, in order (``segment_each``, or the same read
from the build cache and computed in parallel: see ``dossier.prepare``)."""


def segment_each(documents: Sequence[Document], rules: tuple[FurnitureRule, ...]) -> Segmentation:
    """``segment_document`` on each document, kept as columns."""
    paragraphs, passages = Paragraphs(), Passages()
    for document in documents:
        doc_paragraphs, sentences = segment_document(document, rules)
        paragraphs.add(document.path, ((p.start, p.end, p.kind, p.rule) for p in doc_paragraphs))
        passages.add(document.path, document.text, sentences)
    return paragraphs, passages


def segment_corpus(files: CorpusFiles, segment: Segmenter | None = None) -> Corpus:
    """Split every article into paragraphs and passages (the segment step); an article without
    a title in its metadata takes its first heading's. A corpus without a sentence to judge
    (every paragraph a heading or furniture) is an error."""
    documents, rules, root = files.documents, files.rules, files.root
    paragraphs, passages = (segment or segment_each)(documents, rules)
    if documents and not len(passages):
        raise CorpusError(f"{root}: no sentence to judge: {_unjudged(root, documents)}.")
    known = files.titles or {}
    headings: dict[str, tuple[int, int]] | None = None
    paths, _, metas = article_columns(documents)  # (the metadata objects of the articles)
    for i, meta in enumerate(metas):
        if meta.title is not None:
            continue
        path = paths[i]
        if path in known and (
            isinstance(documents, Documents) or isinstance(documents[i], UnreadDocument)
        ):
            meta.title = known[path]  # as its heading gave: its text unread
            continue
        if headings is None:
            headings = paragraphs.first_of_kind(ParagraphKind.HEADING)
        heading = headings.get(path)
        if heading is not None:
            meta.title = _heading_title(documents[i].text[heading[0] : heading[1]])
    return Corpus(root=str(root), documents=documents, paragraphs=paragraphs, passages=passages)
