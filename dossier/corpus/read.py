"""Read the articles of a corpus folder and split them into paragraphs and sentences (passages).

``load_corpus(root)`` is the load and segment steps of the pipeline:

* **Reading.** Every ``.txt`` and ``.md`` file under ``root``, recursively, in the order of its
  relative posix path. Hidden files and folders (names starting with ``.``) are ignored. A file
  is read as bytes and decoded as UTF-8 with its newlines kept, which is exactly what
  ``open(path, encoding="utf-8", newline="")`` gives, so every offset is a Python string offset:
  ``document.text[p.start:p.end] == p.text``. ``Document.sha256`` is the hash of those bytes.
* **Files that cannot be articles are skipped with a warning, never fatal.** A corpus of many
  thousand scraped pages nearly always holds a few bad files, and one of them should not stop a
  dossier. Skipped, each with a ``warn(...)`` naming it: a file that is not valid UTF-8 (we do not
  guess another encoding, since a wrong guess would silently change the quoted text), a binary
  file (it holds NUL bytes), a file larger than ``MAX_FILE_BYTES``, and a symbolic link (to a file
  or a folder) that resolves outside the corpus folder. Symbolic links inside the folder are
  followed, once.
* **Metadata.** ``sources.yaml`` in the corpus folder (optional; it is not an article) gives
  per-article metadata and extra furniture rules; see ``SourcesFile``. Every problem in it is
  reported with its place, ``corpus/sources.yaml:LINE:COL: message``, all of them together.
  When the sidecar gives no title for a document, its title is the text of the document's first
  heading paragraph, if it has one (a headline is what the article itself shows).
* **Paragraphs.** Blocks separated by blank lines. Inside a block, a single newline is a hard
  wrap (the paragraph goes on) when the next line starts with a lowercase letter or the line
  before ends with a comma, semicolon or dash: a paragraph never starts in the middle of a
  sentence, nor does one end on a comma. Otherwise it is a paragraph break, as in articles that
  put one paragraph on each line. Spans exclude leading and trailing whitespace.
* **Kinds.** A paragraph is ``furniture`` when a furniture rule matches it (page chrome such as
  "Accessibility links", donation appeals, copyright lines; see ``FURNITURE_RULES``) or when it
  repeats an earlier paragraph of the same document (rule ``repeated``, e.g. a headline shown
  twice); ``heading`` when it is one short line without terminal punctuation (a headline, a
  byline) or a Markdown ``#`` heading; ``body`` otherwise. Furniture is never article content.
* **Passages.** Body paragraphs are split into sentences with blingfire, fed each paragraph with
  its newlines replaced by spaces (same length, so offsets hold and hard wraps do not split a
  sentence); the body paragraphs of a document go to blingfire in one call, joined by blank
  lines, which it never crosses. blingfire's offsets are UTF-8 byte offsets inside the library
  (its Python wrapper maps them to characters); we map them to characters ourselves. A split
  is undone when the next piece starts in lowercase or with a hyphen or comma, when the piece
  before ends with a title ("Dr.", "Gen.") or an abbreviation such as "Sept." before a figure,
  or when a piece has no letters (a footnote mark "(6)"). Each passage is trimmed of
  surrounding whitespace. ``Passage.id`` is its index in ``Corpus.passages`` (documents in path
  order, passages in offset order).
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import difflib
import hashlib
import importlib.util
import os
import platform
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import ErrorDetails
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from dossier.errors import CorpusError
from dossier.lexicon.calendar import month_pattern
from dossier.models import (
    Columns,
    Corpus,
    Document,
    Paragraph,
    ParagraphKind,
    Paragraphs,
    Passages,
    SourceMeta,
)
from dossier.yamlpos import loc_text, position, validate_located

__all__ = [
    "ARTICLE_SUFFIXES",
    "FURNITURE_RULES",
    "MAX_FILE_BYTES",
    "SOURCES_FILE",
    "CorpusFiles",
    "FileStat",
    "FurnitureRule",
    "Segmentation",
    "Segmenter",
    "SourcesFile",
    "Stamp",
    "article_paths",
    "corpus_stamp",
    "is_article_path",
    "load_corpus",
    "load_sources",
    "no_article",
    "parse_sources",
    "read_corpus",
    "segment_corpus",
    "segment_document",
    "segment_each",
    "source_problem",
]

ARTICLE_SUFFIXES = frozenset({".txt", ".md"})
SOURCES_FILE = "sources.yaml"
MAX_FILE_BYTES = 20 * 1024 * 1024
"""Files larger than this (20 MiB) are skipped with a warning: no news article is that long."""

HEADING_MAX_CHARS = 150
"""A heading is one line of at most this many characters without terminal punctuation."""

Warn = Callable[[str], None]


# --- furniture rules ----------------------------------------------------------------------


@dataclass(frozen=True)
class FurnitureRule:
    """A named regular expression, searched (case-insensitively) in a paragraph's whole text."""

    name: str
    pattern: re.Pattern[str]
    needles: tuple[str, ...] = ()
    """For a rule that is not anchored: lowercase strings one of which a matching text holds,
    checked first because a substring test is much cheaper than a regular expression search."""

    def matches(self, text: str, lowered: str | None = None) -> bool:
        if self.needles:
            lowered = text.lower() if lowered is None else lowered
            if not any(needle in lowered for needle in self.needles):
                return False
        return self.pattern.search(text) is not None


def _rule(name: str, pattern: str, *needles: str) -> FurnitureRule:
    return FurnitureRule(name, re.compile(pattern, re.IGNORECASE), needles)


_LINK = r"(?:\[[^\]\n]*\]\([^)\s]*\)|<?(?:https?://|www\.)[^\s>]+>?)"
_MONTH = r"(?:" + month_pattern() + r")\.?"  # the rules are read case-blind
_DATE = (
    rf"(?:\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)

FURNITURE_RULES: tuple[FurnitureRule, ...] = (
    # Site navigation and labels that stand alone on a line.
    _rule("navigation", r"^(?:accessibility links|skip to (?:main )?(?:content|navigation)|menu)$"),
    _rule(
        "label",
        r"^(?:breaking(?: news)?|advertisement|advertising|sponsored(?: content)?"
        r"|sponsored by\b.{0,60}"
        r"|also see|see also|also read|related(?: articles| stories| news| content| coverage)?"
        r"|recommended(?: for you)?|trending(?: now)?|most (?:read|popular)"
        r"|more (?:from|on)\b.{0,60}"
        r"|share(?: this(?: article| story)?)?|print|email|comments?)$",
    ),
    _rule("read-more", r"^(?:read more|also read|read also|see also|related|watch)\s*[:|>»-]"),
    # Pictures: captions with an agency credit, and image credit lines.
    _rule(
        "caption",
        r"^(?:representational|representative|illustrative|file|stock)\s+(?:image|photo|picture)\b",
    ),
    _rule(
        "image-credit",
        r"^(?:(?:featured|top|header|cover|lead|main)\s+(?:image|photo|picture)\b.{0,80}"
        r"\b(?:is )?(?:from|by|courtesy|credit)"
        r"|(?:image|photo|picture)s?(?: credits?)?\s*:|(?:image|photo)s? courtesy\b)",
    ),
    # Publication metadata.
    _rule(
        "updated",
        rf"^(?:(?:last )?updated|published|posted|first published)(?: date| on| at)?\s*:?\s*"
        rf"(?:{_MONTH}\s|\d).{{0,60}}$",
    ),
    _rule("dateline", rf"^(?:[^.!?\n]{{0,80}}?[,\s]\s*)?{_DATE}$"),
    _rule(
        "taxonomy",
        r"^(?:region|theme|in-depth report|tags?|topics?|categor(?:y|ies)|filed under"
        r"|keywords)\s*:",
    ),
    _rule("reporting-credit", r"^\(?(?:with )?(?:additional )?(?:reporting|writing|editing) by\b"),
    _rule("articles-by", r"^(?:articles?|more|posts?) by\s*:"),
    _rule("original-source", r"^the original source of this article is\b"),
    _rule("copyright", r"^(?:copyright\b|©)|\ball rights reserved\b", "copyright", "©", "rights"),
    _rule("disclaimer", r"^disclaimer\s*:"),
    # Appeals to the reader.
    _rule(
        "donation",
        r"\bplease (?:support|donate|consider (?:supporting|donating))\b"
        r"|\bdonate (?:now|today|here)\b|\bpaypal\s*:|\bpatreon\.com\b"
        r"|\bsupport (?:our work|our journalism|independent journalism)\b",
        "please",
        "donate",
        "paypal",
        "patreon",
        "support ",
    ),
    _rule(
        "follow-us",
        r"\bfollow us on\b|\blike (?:us|our page) on facebook\b",
        "follow us",
        "like us",
        "like our page",
    ),
    _rule(
        "newsletter",
        r"^(?:sign up|subscribe)\b.{0,120}$|\bsubscribe to our (?:newsletter|channel)\b"
        r"|\bsign up for our newsletter\b",
        "sign up",
        "subscribe",
    ),
    _rule("media-inquiries", r"^for (?:media|press) (?:inquiries|enquiries)\b"),
    _rule("comment-on", r"^\[?comment on\b.{0,120}\b(?:facebook|twitter)\b"),
    _rule("membership", r"^\[?become a (?:member|subscriber|patron|supporter)\b"),
    _rule("link-only", rf"^(?:{_LINK}[\s,;|·•/-]*)+$"),
)
"""The built-in furniture rules, tried in this order; the first that matches names the rule."""

REPEATED_RULE = "repeated"


def compile_furniture(patterns: list[str]) -> tuple[FurnitureRule, ...]:
    """Extra rules from ``sources.yaml``: each is named ``custom:<pattern>``."""
    return tuple(_rule(f"custom:{p}", p) for p in patterns)


# --- sources.yaml -------------------------------------------------------------------------


class SourcesFile(BaseModel):
    """The optional metadata sidecar ``sources.yaml`` of a corpus folder."""

    model_config = ConfigDict(extra="forbid")

    furniture: list[str] = Field(
        default_factory=list,
        description="Extra furniture rules: regular expressions searched case-insensitively "
        "in a paragraph's whole text, added to the built-in ones.",
    )
    sources: dict[str, SourceMeta] = Field(
        default_factory=dict, description="Article path relative to the corpus folder -> metadata."
    )

    @field_validator("furniture", mode="before")
    @classmethod
    def _none_is_empty_list(cls, value: Any) -> Any:
        return [] if value is None else value

    @field_validator("sources", mode="before")
    @classmethod
    def _none_entries_are_empty(cls, value: Any) -> Any:
        if value is None:
            return {}
        if isinstance(value, dict):
            return {k: ({} if v is None else v) for k, v in value.items()}
        return value


def is_article_path(root: Path, rel: str) -> bool:
    """Whether ``rel`` names an article file of the corpus at ``root`` (as sources.yaml does)."""
    parts = rel.split("/")
    if rel.startswith("/") or any(not part or part.startswith(".") for part in parts):
        return False  # absolute, "..", hidden or empty parts: never an article of this folder
    path = root / rel
    return path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file()


def article_paths(root: Path) -> list[str]:
    """The article files under ``root``, as paths relative to it (the names ``sources.yaml``
    uses), sorted."""
    return sorted(f.rel for f in _walk(root, _ignore))


def no_article(name: str, root: Path) -> str:
    """Why ``name`` names no article of the corpus at ``root``, with the closest name."""
    close = difflib.get_close_matches(name, article_paths(root), n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else "."
    return (
        f"no such article file in the corpus folder {root} "
        f"(names are paths relative to it, e.g. 'article.txt'){hint}"
    )


def source_problem(error: ErrorDetails) -> str | None:
    """An error about a source's metadata, worded for the editor (None: pydantic's words)."""
    kind = error["type"]
    value = error.get("input")
    loc = error["loc"]
    field = str(loc[-1]) if loc else ""
    if kind.startswith(("date_", "datetime_")):
        return f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2017-09-21."
    if kind == "value_error" and field == "date":
        return f"{value} is a number, not a date; write it as YYYY-MM-DD, e.g. 2017-09-21."
    if kind == "extra_forbidden":
        model: type[BaseModel] = SourceMeta if len(loc) == 3 else SourcesFile
        close = difflib.get_close_matches(field, list(model.model_fields), n=1)
        if close:
            return f"unknown key; did you mean '{close[0]}'?"
        return f"unknown key; use {', '.join(model.model_fields)}."
    if kind == "string_type":
        return "expected text; put the value in quotes."
    return None


def load_sources(path: Path, root: Path) -> SourcesFile:
    """Read and validate ``sources.yaml``; every problem found is reported, each with its place."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path}: not valid UTF-8 (byte {err.start}).") from None
    except OSError as err:
        raise CorpusError(f"{path}: cannot be read: {err.strerror}.") from None
    return parse_sources(raw, path, root)


_DATE_LIKE = re.compile(r"(?<![\w-])\d{4}-\d{1,2}-\d{1,2}(?![\w-])")


def _bad_date(raw: str, path: Path, err: ValueError) -> str:
    """Where the impossible date that stopped the YAML reader stands."""
    for number, line in enumerate(raw.splitlines(), start=1):
        for match in _DATE_LIKE.finditer(line.split("#", 1)[0]):
            try:
                dt.date(*(int(part) for part in match.group().split("-")))
            except ValueError:
                return (
                    f"{path}:{number}:{match.start() + 1}: '{match.group()}' is not a date "
                    f"({err}); write it as YYYY-MM-DD, e.g. 2017-09-21."
                )
    return f"{path}: invalid value: {err}."


def parse_sources(raw: str, path: Path, root: Path) -> SourcesFile:
    """Validate the text ``raw`` of ``sources.yaml`` (read from ``path``)."""
    yaml = YAML(typ="rt", pure=True)
    try:
        data = yaml.load(raw)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise CorpusError(f"{where}: invalid YAML: {err.problem or err.context}.") from None
    except YAMLError as err:
        raise CorpusError(f"{path}: invalid YAML: {err}.") from None
    except ValueError as err:  # ruamel reads dates itself, and fails on 'date: 2017-13-45'
        raise CorpusError(_bad_date(raw, path, err)) from None
    if data is None:
        return SourcesFile()
    if not isinstance(data, CommentedMap):
        raise CorpusError(
            f"{path}:1:1: expected a mapping with 'sources' (and optionally 'furniture')."
        )

    sources, problems = validate_located(SourcesFile, data, source_problem)

    entries = data.get("sources")
    if isinstance(entries, CommentedMap):
        for name in entries:
            if isinstance(name, str) and not is_article_path(root, name):
                line, col = position(data, ("sources", name), at_key=True)
                problems.append(
                    (line, col, f"{loc_text(('sources', name))}: {no_article(name, root)}")
                )
    patterns = data.get("furniture")
    if isinstance(patterns, CommentedSeq):
        for i, pattern in enumerate(patterns):
            if not isinstance(pattern, str):
                continue
            try:
                re.compile(pattern)
            except re.error as err:
                line, col = position(data, ("furniture", i))
                problems.append((line, col, f"furniture[{i}]: invalid regular expression: {err}."))
    if problems or sources is None:
        problems.sort(key=lambda p: (p[0], p[1]))
        raise CorpusError("\n".join(f"{path}:{line}:{col}: {msg}" for line, col, msg in problems))
    return sources


# --- reading ------------------------------------------------------------------------------


class _File(NamedTuple):
    rel: str
    where: str  # the path as a string (a corpus has tens of thousands of files)

    @property
    def path(self) -> Path:
        return Path(self.where)


def _within(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _walk(root: Path, warn: Warn) -> Iterator[_File]:
    """Article files under ``root`` (unsorted), following symbolic links only inside ``root``."""
    real_root = root.resolve()
    seen_dirs = {real_root}
    stack: list[tuple[Path, str]] = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as err:
            warn(f"{folder}: folder skipped: {err.strerror}.")
            continue
        for entry in entries:
            name = entry.name
            if name[:1] == ".":
                continue
            try:
                plain = entry.is_file(follow_symlinks=False)  # most: no link, no folder
            except OSError:
                plain = False  # (told below)
            if plain:
                if _suffix(name) in ARTICLE_SUFFIXES:
                    yield _File(prefix + name, entry.path)
                continue
            rel = prefix + name
            is_link = entry.is_symlink()
            if is_link:
                target = Path(entry.path).resolve()
                if not _within(target, real_root):
                    warn(
                        f"{Path(entry.path)}: symbolic link to {target}, outside the corpus "
                        "folder; skipped."
                    )
                    continue
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError:
                continue
            if is_dir:
                path = Path(entry.path)
                real = path.resolve()
                if real in seen_dirs:
                    continue
                seen_dirs.add(real)
                stack.append((path, rel + "/"))
            elif is_file and _suffix(entry.name) in ARTICLE_SUFFIXES:
                yield _File(rel, entry.path)


def _suffix(name: str) -> str:
    """``Path(name).suffix.lower()``, without making a path."""
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def _read(file: _File, warn: Warn) -> bytes | None:
    try:
        size = os.stat(file.where).st_size
    except OSError as err:
        warn(f"{file.path}: skipped: {err.strerror}.")
        return None
    if size > MAX_FILE_BYTES:
        warn(f"{file.path}: skipped: {size} bytes is more than the limit of {MAX_FILE_BYTES}.")
        return None
    try:
        with open(file.where, "rb") as handle:
            data = handle.read()
    except OSError as err:
        warn(f"{file.path}: skipped: {err.strerror}.")
        return None
    if b"\x00" in data:
        warn(f"{file.path}: skipped: a binary file (it holds NUL bytes), not an article.")
        return None
    return data


# --- segmentation -------------------------------------------------------------------------

_NEWLINE = re.compile(r"\r\n|\r|\n")
_TERMINAL = re.compile(r"""[.!?:;…]["'”’»)\]]*$|[.!?…]\s*\(?[A-Z]{1,6}\)?$""")
_CONTINUES = re.compile(r"[,;(\-–—]$")
_LOWER_START = re.compile(r"[^\W\d_A-Z]", re.UNICODE)
_MD_HEADING = re.compile(r"^#{1,6}\s")
_LIST_ITEM = re.compile(r"^(?:[-*+•]|\d{1,3}[.)])\s")
_WS = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"""[.!?…]["'”’»)\]]*$""")
_ABBREVIATION = re.compile(
    rf"(?:\b{_MONTH}|\b(?:no|nos|art|vol|p|pp|fig|approx|ca|est|gen|col|lt|maj|capt|sgt|gov|sen"
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


@dataclass
class _Block:
    start: int
    end: int
    lines: int


def _paragraph_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, number of lines) of each paragraph, whitespace excluded."""
    spans: list[tuple[int, int, int]] = []
    current: _Block | None = None
    prev_line = ""
    pos = 0
    bounds = [(m.start(), m.end()) for m in _NEWLINE.finditer(text)]
    bounds.append((len(text), len(text)))
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
            if current is not None and _is_hard_wrap(prev_line, stripped):
                current.end = end
                current.lines += 1
            else:
                if current is not None:
                    spans.append((current.start, current.end, current.lines))
                current = _Block(start, end, 1)
            prev_line = stripped
        pos = next_pos
    if current is not None:
        spans.append((current.start, current.end, current.lines))
    return spans


def _is_hard_wrap(prev: str, line: str) -> bool:
    """Whether a single newline between ``prev`` and ``line`` is a wrap inside a paragraph."""
    if _MD_HEADING.match(line) or _LIST_ITEM.match(line) or _MD_HEADING.match(prev):
        return False
    return _LOWER_START.match(line) is not None or _CONTINUES.search(prev) is not None


def _normalise(text: str) -> str:
    return _WS.sub(" ", text).strip().casefold()


def _kind(
    text: str, lines: int, rules: tuple[FurnitureRule, ...], seen: set[str]
) -> tuple[ParagraphKind, str | None]:
    flat = text.replace("\r", " ").replace("\n", " ")
    lowered = flat.lower()
    for rule in rules:
        if rule.matches(flat, lowered):
            return ParagraphKind.FURNITURE, rule.name
    key = _normalise(flat)
    if key in seen:
        return ParagraphKind.FURNITURE, REPEATED_RULE
    seen.add(key)
    if _MD_HEADING.match(text) or (
        lines == 1 and len(text) <= HEADING_MAX_CHARS and not _TERMINAL.search(text)
    ):
        return ParagraphKind.HEADING, None
    return ParagraphKind.BODY, None


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
    for start, end, lines in _paragraph_spans(text):
        kind, rule = _kind(text[start:end], lines, rules, seen)
        paragraphs.append(
            Paragraph(source=document.path, start=start, end=end, kind=kind, rule=rule)
        )

    # One blingfire call per document: the body paragraphs, each flattened (newlines as
    # spaces, same length), joined by blank lines, which blingfire never crosses.
    body = [p for p in paragraphs if p.kind is ParagraphKind.BODY]
    flats = [text[p.start : p.end].replace("\r", " ").replace("\n", " ") for p in body]
    bases: list[int] = []
    pos = 0
    for flat in flats:
        bases.append(pos)
        pos += len(flat) + len(_PARAGRAPH_JOIN)
    starts = _blingfire_starts(_PARAGRAPH_JOIN.join(flats)) if flats else []

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
            (p.start + a, p.start + b, p.start, p.end) for a, b in _sentence_spans(flat, cuts)
        )
    return paragraphs, sentences


def _heading_title(text: str) -> str:
    return _WS.sub(" ", text.lstrip("#")).strip()


# --- the step -----------------------------------------------------------------------------


def _ignore(_message: str) -> None:
    return None


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


@dataclass(frozen=True)
class CorpusFiles:
    """The articles of a corpus folder as read, before segmentation, and its furniture rules.
    ``titles``, when known (from the build cache), are the titles the articles' first headings
    give, so that segmenting needs no article's text."""

    root: Path
    documents: Sequence[Document]  # ``Documents`` when their texts are let go
    rules: tuple[FurnitureRule, ...]
    titles: dict[str, str] | None = None

    def record(self) -> tuple[list[tuple[str, str, str]], list[str]]:
        """What the build cache keeps to know this corpus again without reading it: every
        article's path, hash and metadata, and the furniture patterns of ``sources.yaml``."""
        paths, hashes, metas = article_columns(self.documents)
        rows = [(p, sha256, _given(m)) for p, sha256, m in zip(paths, hashes, metas, strict=True)]
        return rows, self.patterns()

    def patterns(self) -> list[str]:
        """The furniture patterns of ``sources.yaml`` (those added to the built-in rules)."""
        return [r.pattern.pattern for r in self.rules[len(FURNITURE_RULES) :]]


def _given(meta: SourceMeta) -> str:
    """The fields of ``meta`` that were given, as JSON (most articles have none)."""
    return meta.model_dump_json(exclude_unset=True) if meta.model_fields_set else "{}"


class UnreadDocument(Document):
    """An article whose text is read from its file only when something needs it (a quote, a
    sentence to judge): one known from an earlier build by its path, hash and metadata, when
    the corpus stamp says that no file changed since, or one read without keeping its text (see
    ``read_corpus``). A file that no longer has the recorded hash stops the build. The last
    ``TEXTS_KEPT`` texts read are kept: the memory does not grow with the articles judged."""

    file: str = Field(default="", exclude=True, repr=False, description="Where to read it.")
    # (a field, not a private attribute: 50,000 articles are made 2.4 times faster so)

    def __getattr__(self, name: str) -> Any:
        if name != "text":
            return super().__getattr__(name)  # type: ignore[misc]
        return _checked_text(self.file, self.sha256)


TEXTS_KEPT = 1024  # article texts read again from their files that are kept in memory


@lru_cache(maxsize=TEXTS_KEPT)
def _checked_text(file: str, sha256: str) -> str:
    return _read_checked(file, sha256)


def _read_checked(file: str, sha256: str) -> str:
    """The text of ``file``, which must still have the hash it was known by."""
    try:
        with open(file, "rb") as handle:
            data = handle.read()
    except OSError as err:
        raise CorpusError(
            f"{file}: {err.strerror} while the build was reading it; run it again."
        ) from None
    if hashlib.sha256(data).hexdigest() != sha256:
        raise CorpusError(f"{file}: changed while the build was running; run it again.")
    return data.decode("utf-8")


def unread(path: str, sha256: str, meta: SourceMeta, file: str) -> UnreadDocument:
    """The article at ``path`` (relative to the corpus) without its text, which is read from
    ``file`` when asked and must then still have ``sha256``."""
    return UnreadDocument.model_construct(  # type: ignore[call-arg]  # text: read later
        path=path, sha256=sha256, meta=meta, file=file
    )


class Documents(Columns[Document]):
    """The articles of a corpus folder as columns (path, sha256, metadata), each made an
    ``UnreadDocument`` only when it is read: a build that judges a claim or two reads a few of
    50,000 articles, and making them all took a fifth of it. An article is made once, and its
    metadata is the column's object (a title set on one is set on the other)."""

    def __init__(self, root: Path) -> None:
        self.folder = str(root)
        self.paths: list[str] = []
        self.hashes: list[str] = []
        self.metas: list[SourceMeta] = []
        self._made: dict[int, Document] = {}

    def add(self, path: str, sha256: str, meta: SourceMeta) -> None:
        self.paths.append(path)
        self.hashes.append(sha256)
        self.metas.append(meta)

    def __len__(self) -> int:
        return len(self.paths)

    def _item(self, index: int) -> Document:
        made = self._made.get(index)
        if made is None:
            path = self.paths[index]
            file = os.path.join(self.folder, path)  # (ten times faster than a Path; the same)
            made = self._made[index] = unread(path, self.hashes[index], self.metas[index], file)
        return made


def article_columns(
    documents: Sequence[Document],
) -> tuple[Sequence[str], Sequence[str], Sequence[SourceMeta]]:
    """The articles' paths, hashes and metadata (from ``Documents`` without making one)."""
    if isinstance(documents, Documents):
        return documents.paths, documents.hashes, documents.metas
    return [d.path for d in documents], [d.sha256 for d in documents], [d.meta for d in documents]


def unread_corpus(
    root: Path,
    record: tuple[list[tuple[str, str, str]], list[str]],
    titles: dict[str, str],
) -> CorpusFiles:
    """The corpus ``CorpusFiles.record`` describes, its articles unread (``Documents``)."""
    rows, patterns = record
    documents = Documents(root)
    for path, sha256, meta in rows:
        given = SourceMeta() if meta == "{}" else SourceMeta.model_validate_json(meta)
        documents.add(path, sha256, given)
    return CorpusFiles(root, documents, FURNITURE_RULES + compile_furniture(patterns), titles)


def load_corpus(
    root: Path, *, warn: Callable[[str], None] | None = None, segment: Segmenter | None = None
) -> Corpus:
    """Read every article under ``root`` with its metadata, and split it into passages."""
    return segment_corpus(read_corpus(root, warn=warn), segment)


FileStat = tuple[int, int, int, int]
"""A file's size, inode, modification and change time (ns): what says it was not written."""


class Stamp(NamedTuple):
    """What a corpus folder's file metadata says about its content (see ``corpus_stamp``)."""

    digest: str  # of every article's path and ``FileStat`` (and those of sources.yaml)
    latest: int  # the latest modification or change time, in nanoseconds
    files: dict[str, FileStat]  # each article's, by path
    listing: list[_File]  # the article files, sorted by path (``read_corpus`` lists no more)
    said: list[str]  # what listing them said (a folder skipped, a link out of the corpus)


def corpus_stamp(root: Path) -> Stamp | None:
    """What the corpus folder's file metadata says about its content, without reading a file.

    Returns a hash of every article's path, size, inode, modification and change time (and the
    same for ``sources.yaml``), the latest of those times in nanoseconds, and each article's;
    None when the folder cannot be listed. A file written again has a new change time, which no
    tool can set back, so an unchanged stamp means unchanged files, unless a file was written in
    the same clock tick as the stamp was taken (compare the latest time with the clock to rule
    that out). The same holds for each file on its own.
    """
    if not root.is_dir():
        return None
    digest = hashlib.sha256()
    latest = 0
    files: dict[str, FileStat] = {}
    said: list[str] = []
    listing = sorted(_walk(root, said.append), key=lambda f: f.rel)
    lines = []
    for rel, path in [(SOURCES_FILE, str(root / SOURCES_FILE)), *listing]:
        try:
            st = os.stat(path)
        except OSError:
            lines.append(f"{rel}\0-\n")
            continue
        latest = max(latest, st.st_mtime_ns, st.st_ctime_ns)
        stat = (st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns)
        if rel != SOURCES_FILE:
            files[rel] = stat
        lines.append(f"{rel}\0{st.st_size} {st.st_ino} {st.st_mtime_ns} {st.st_ctime_ns}\n")
    digest.update("".join(lines).encode("utf-8", "surrogateescape"))  # (hashed at once)
    return Stamp(digest.hexdigest(), latest, files, listing, said)


def read_corpus(
    root: Path,
    *,
    warn: Callable[[str], None] | None = None,
    known: Mapping[str, tuple[FileStat, str]] | None = None,
    titles: Mapping[str, str] | None = None,
    keep_texts: bool = True,
    stamp: Stamp | None = None,
) -> CorpusFiles:
    """Read every article under ``root`` with its metadata (the load step alone). Without
    ``keep_texts``, each text is checked and hashed, then let go: an ``UnreadDocument`` that
    reads its file again when asked (a large corpus is not held in memory).

    ``known``: articles an earlier build read, by path, with their ``FileStat`` then (taken when
    the file was old enough to trust it) and their sha256. An article whose file has that very
    stat is not read: it is an ``UnreadDocument`` (read when a sentence of it is quoted, and
    checked against its hash), titled from ``titles`` when its metadata gives none; an article
    read again is titled anew from its heading, its file may have changed.

    ``stamp``: the folder's ``corpus_stamp`` taken at the start of the build. Its files are not
    listed again and each article's stat is the stamp's (a file written since then is either
    read as it is now, or found changed when its text is read: ``UnreadDocument``)."""
    say = warn or _ignore
    if not root.exists():
        raise CorpusError(f"{root}: corpus folder not found.")
    if not root.is_dir():
        raise CorpusError(f"{root}: not a folder; the corpus must be a folder of .txt/.md files.")

    sources_path = root / SOURCES_FILE
    sources = load_sources(sources_path, root) if sources_path.is_file() else SourcesFile()
    rules = FURNITURE_RULES + compile_furniture(sources.furniture)

    if stamp is None:
        files = sorted(_walk(root, say), key=lambda f: f.rel)
    else:
        files = stamp.listing
        for message in stamp.said:
            say(message)
    if not files:
        raise CorpusError(f"{root}: no article files (.txt or .md) in the corpus folder.")

    made: list[Document] = []  # with their texts
    documents = Documents(root)  # or without (the files' paths are the root's joined with theirs)
    recognised: set[str] = set()  # known by their stat: their text, and so their title, as was
    for file in files:
        was = known.get(file.rel) if known is not None else None
        if was is not None and was[0] == (
            _stat(file.where) if stamp is None else stamp.files.get(file.rel)
        ):
            given = sources.sources.get(file.rel)
            meta = given.model_copy() if given is not None else SourceMeta()
            if keep_texts:
                made.append(unread(file.rel, was[1], meta, file.where))
            else:
                documents.add(file.rel, was[1], meta)
            recognised.add(file.rel)
            continue
        data = _read(file, say)
        if data is None:
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            say(f"{file.path}: skipped: not valid UTF-8 (byte {err.start}).")
            continue
        given = sources.sources.get(file.rel)
        meta = given.model_copy() if given is not None else SourceMeta()
        sha256 = hashlib.sha256(data).hexdigest()
        if keep_texts:
            made.append(
                Document.model_construct(  # every field is of its type: not validated again
                    path=file.rel, text=text, sha256=sha256, meta=meta
                )
            )
        else:
            documents.add(file.rel, sha256, meta)
    if not made and not documents:
        raise CorpusError(f"{root}: no readable article files in the corpus folder.")
    kept = None  # only an article not read again keeps the title it had
    if titles is not None:
        kept = {path: title for path, title in titles.items() if path in recognised}
    return CorpusFiles(root, made if keep_texts else documents, rules, kept)


def _stat(path: str) -> FileStat | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns)


def segment_corpus(files: CorpusFiles, segment: Segmenter | None = None) -> Corpus:
    """Split every article into paragraphs and passages (the segment step); an article without
    a title in its metadata takes its first heading's."""
    documents, rules, root = files.documents, files.rules, files.root
    paragraphs, passages = (segment or segment_each)(documents, rules)
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
