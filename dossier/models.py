"""Typed models between the pipeline's steps: load -> segment -> index -> match -> judge -> render.

Models that come from or go to files are pydantic models, so JSON and JSON Schema come for free.
Offsets are Python string offsets into the source file read as UTF-8 with its newlines kept
(``open(path, encoding="utf-8", newline="")``), so ``document.text[start:end] == quote``.
"""

from __future__ import annotations

import datetime as dt
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum
from itertools import repeat
from typing import Annotated, Any, TypeVar, overload

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SkipValidation,
    StringConstraints,
    field_validator,
    model_validator,
)
from typing_extensions import TypedDict  # (pydantic reads a typing.TypedDict from 3.12 on)

MAX_QUOTE_CHARS = 4000
"""Longest quote a review may hold (two of the longest sentences the segmenter keeps)."""

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=80),
]


class Verdict(StrEnum):
    """What the corpus says about a claim, as a whole."""

    SUPPORTED = "supported"  # backing passages, none conflicting
    CONTRADICTED = "contradicted"  # conflicting passages, none backing
    DISPUTED = "disputed"  # both
    UNVERIFIED = "unverified"  # neither


class Stance(StrEnum):
    """What one passage says about one claim. Passages that are not evidence get no stance."""

    SUPPORTS = "supports"
    CONFLICTS = "conflicts"


# --- claims -------------------------------------------------------------------------------


class Decision(StrEnum):
    """What an editor decided about one citation of a claim (``dossier review``)."""

    ACCEPTED = "accepted"  # a citation the tool found, approved
    REJECTED = "rejected"  # a citation the tool found, refused: it never comes back
    ADDED = "added"  # a passage the tool missed, cited by the editor


class ReviewedCitation(BaseModel):
    """One citation an editor decided about, found again by its article and its exact words
    (the way the lock finds a quote: moved, re-wrapped or lightly edited text still matches)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: Annotated[str, StringConstraints(min_length=1)] = Field(
        description="The article, as named in the corpus folder, e.g. 003_x.txt."
    )
    quote: Annotated[str, StringConstraints(min_length=1, max_length=MAX_QUOTE_CHARS)] = Field(
        description="The cited words, exactly as the article has them."
    )
    decision: Decision = Field(description="accepted, rejected or added.")
    stance: Stance | None = Field(
        default=None,
        description="supports or conflicts: what the passage says about the claim (needed for "
        "an added citation; for an accepted one, the stance the editor accepted).",
    )

    @model_validator(mode="after")
    def _stance_of_added(self) -> ReviewedCitation:
        if self.stance is None and self.decision is Decision.ADDED:
            raise ValueError("an added citation needs its stance: supports or conflicts")
        return self


class Review(BaseModel):
    """What the editors decided about one claim: its citations, and the verdict to publish
    with a note, by whom and when (as given on the command line)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    verdict: Verdict | None = Field(
        default=None,
        description="The editor's verdict: a claim is reviewed once it has one; the dossier "
        "shows it in place of the tool's.",
    )
    note: str | None = Field(default=None, description="Why, for the reader of the dossier.")
    by: str | None = Field(default=None, description="Who reviewed the claim.")
    date: dt.date | None = Field(default=None, description="When (YYYY-MM-DD).")
    citations: list[ReviewedCitation] = Field(
        default_factory=list, description="The citations accepted, rejected and added."
    )

    @property
    def reviewed(self) -> bool:
        return self.verdict is not None


class Claim(BaseModel):
    """One claim an editor wants checked."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug = Field(description="Unique slug, e.g. us-troops-in-syria.")
    text: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=3, max_length=2000)
    ] = Field(description="The claim as a fact-checker would phrase it.")
    expect: Verdict | None = Field(
        default=None,
        description="Editorial intent: `dossier check` fails when the verdict no longer meets it.",
    )
    tags: list[str] = Field(default_factory=list, description="Free labels for grouping claims.")
    notes: str | None = Field(default=None, description="Editor's notes, shown in the dossier.")
    as_of: dt.date | None = Field(
        default=None, description="The date the claim speaks about (YYYY-MM-DD)."
    )
    review: Review | None = Field(
        default=None,
        description="What the editors decided (written by `dossier review`; the dossier shows "
        "a claim without a verdict here as not yet reviewed).",
    )


class ClaimsFile(BaseModel):
    """The whole claims file (`claims.yaml`)."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(default="Fact-check dossier", description="Title of the dossier.")
    as_of: dt.date | None = Field(
        default=None,
        description="As-of date printed on the dossier (YYYY-MM-DD); never the wall clock.",
    )
    aliases: dict[str, list[str]] = Field(
        default_factory=dict,
        description=(
            "Names no spelling rule can fold together: canonical name -> other names, "
            "e.g. {'Islamic State': ['IS', 'ISIS', 'ISIL', 'Daesh']}."
        ),
    )
    claims: list[Claim] = Field(description="The claims to check.")


class ClaimSet(BaseModel):
    """A validated claims file together with where each claim stands in it."""

    path: str
    file: ClaimsFile
    lines: dict[str, int] = Field(default_factory=dict, description="claim id -> line number")

    @property
    def claims(self) -> list[Claim]:
        return self.file.claims

    def only(self, ids: Iterable[str]) -> ClaimSet:
        """The same claims file with only the claims ``ids``, in the file's order."""
        wanted = set(ids)
        chosen = [claim for claim in self.claims if claim.id in wanted]
        return self.model_copy(update={"file": self.file.model_copy(update={"claims": chosen})})


# --- corpus -------------------------------------------------------------------------------


READ_FIELDS = frozenset({"text", "pages"})
"""The fields of ``SourceMeta`` that dossier sets from the file it read (never sources.yaml)."""


class SourceMeta(BaseModel):
    """What is known about one article. Unknown fields stay empty; nothing is invented."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, description="The article's headline.")
    outlet: str | None = Field(default=None, description="Who published it, e.g. firstpost.com.")
    date: dt.date | None = Field(default=None, description="Publication date (YYYY-MM-DD).")
    url: str | None = Field(default=None, description="Where it was published (http or https).")
    notes: str | None = Field(
        default=None, description="What a reader should know, e.g. 'state-affiliated outlet'."
    )
    author: str | None = Field(default=None, description="Who wrote it, as the article says.")
    text: str | None = Field(
        default=None,
        description="Set by dossier, not in sources.yaml: which text the citations' offsets "
        "refer to when it is not the file's characters, e.g. 'extracted from HTML'.",
    )
    pages: list[int] | None = Field(
        default=None,
        description="Set by dossier, not in sources.yaml: for a PDF, the offset in its text "
        "where each page starts (a citation at offset o is on page bisect_right(pages, o)).",
    )

    @field_validator("date", mode="before")
    @classmethod
    def _a_number_is_no_date(cls, value: Any) -> Any:
        # pydantic reads a number as seconds since 1970; in a metadata file it is a typo.
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise ValueError(f"{value} is a number, not a date")
        return value


class Skipped(BaseModel):
    """A file of the corpus folder that was not read, and why (an unsupported type, empty,
    binary, too large, no text layer)."""

    path: str
    reason: str


class Document(BaseModel):
    """One article of the corpus, its text exactly as in the file."""

    path: str = Field(description="Path relative to the corpus folder, with forward slashes.")
    text: str = Field(exclude=True, repr=False)
    sha256: str
    meta: SourceMeta = Field(default_factory=SourceMeta)


class ParagraphKind(StrEnum):
    BODY = "body"
    HEADING = "heading"
    FURNITURE = "furniture"


class Paragraph(BaseModel):
    """A paragraph of a document, with its exact span and what kind of text it is."""

    source: str
    start: int
    end: int
    kind: ParagraphKind
    rule: str | None = Field(default=None, description="The furniture rule that matched, if any.")


class Passage(BaseModel):
    """A sentence of article content: the unit that is retrieved, judged and cited."""

    id: int = Field(description="Position in the corpus' passage list.")
    source: str
    start: int
    end: int
    text: str = Field(description="Exactly document.text[start:end].")
    paragraph_start: int
    paragraph_end: int


def _extend_shifted(column: array[int], values: array[int], shift: int) -> None:
    """Append ``values`` to ``column``, each plus ``shift``."""
    column.extend(values if not shift else array(values.typecode, [v + shift for v in values]))


_KINDS = list(ParagraphKind)
_KIND_CODES: dict[ParagraphKind | str, int] = {kind: code for code, kind in enumerate(_KINDS)}
"""Each kind's code in the column, found by the kind or by its value (a ``StrEnum``)."""


T = TypeVar("T")


class Columns(Sequence[T]):
    """A sequence kept as columns, each item made (``_item``) only when it is read."""

    def _item(self, index: int) -> T:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self._item(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(f"{type(self).__name__} index out of range")
        return self._item(index)

    def __iter__(self) -> Iterator[T]:
        return (self._item(i) for i in range(len(self)))


class Paragraphs(Columns[Paragraph]):
    """The corpus's paragraphs kept as columns (article, span, kind, rule); a ``Paragraph`` is
    made when one is read. A large corpus has hundreds of thousands of paragraphs: as objects
    they would take hundreds of megabytes."""

    def __init__(self) -> None:
        self._paths: list[str] = []
        self._doc = array("i")
        self._start = array("i")
        self._end = array("i")
        self._kind = array("b")
        self._rules: dict[int, str] = {}  # the few paragraphs a furniture rule matched

    def add(
        self, path: str, paragraphs: Iterable[tuple[int, int, ParagraphKind | str, str | None]]
    ) -> None:
        """Append one article's paragraphs, ``(start, end, kind, rule)`` each, in order (the
        kind a ``ParagraphKind`` or its value)."""
        self._paths.append(path)
        rows = list(paragraphs)
        first = len(self._doc)
        self._rules.update(
            (first + n, rule) for n, (_, _, _, rule) in enumerate(rows) if rule is not None
        )
        self._doc.extend(repeat(len(self._paths) - 1, len(rows)))
        self._start.extend(row[0] for row in rows)
        self._end.extend(row[1] for row in rows)
        self._kind.extend(_KIND_CODES[row[2]] for row in rows)

    def rows(self, articles: range) -> range:
        """The paragraphs of the articles numbered ``articles`` (an article's paragraphs follow
        each other, in the articles' order)."""
        return range(bisect_left(self._doc, articles.start), bisect_left(self._doc, articles.stop))

    def take(self, other: Paragraphs, articles: range) -> None:
        """Append the articles ``articles`` of ``other`` (numbers that follow each other)
        without making their paragraphs one by one."""
        rows = other.rows(articles)
        first, shift = len(self._doc), len(self._paths) - articles.start
        self._paths.extend(other._paths[articles.start : articles.stop])
        self._rules.update(
            (first + i - rows.start, rule) for i, rule in other._rules.items() if i in rows
        )
        _extend_shifted(self._doc, other._doc[rows.start : rows.stop], shift)
        self._start.extend(other._start[rows.start : rows.stop])
        self._end.extend(other._end[rows.start : rows.stop])
        self._kind.extend(other._kind[rows.start : rows.stop])

    def columns(self) -> tuple[list[str], bytes, bytes, bytes, bytes, dict[int, str]]:
        """The store as plain values (for the build cache); ``from_columns`` reads them back."""
        return (
            list(self._paths),
            self._doc.tobytes(),
            self._start.tobytes(),
            self._end.tobytes(),
            self._kind.tobytes(),
            dict(self._rules),
        )

    @classmethod
    def from_columns(
        cls, columns: tuple[list[str], bytes, bytes, bytes, bytes, dict[int, str]]
    ) -> Paragraphs:
        paths, doc, start, end, kind, rules = columns
        store = cls()
        store._paths = list(paths)
        store._doc.frombytes(doc)
        store._start.frombytes(start)
        store._end.frombytes(end)
        store._kind.frombytes(kind)
        store._rules = dict(rules)
        if not len(store._doc) == len(store._start) == len(store._end) == len(store._kind):
            raise ValueError("paragraph columns of different lengths")
        return store

    def first_of_kind(self, kind: ParagraphKind) -> dict[str, tuple[int, int]]:
        """Each article's first paragraph of ``kind``, as its span (articles without one are
        left out)."""
        code = bytes([_KIND_CODES[kind]])
        kinds = self._kind.tobytes()  # (searched in C: a million paragraphs, a few headings)
        found: dict[int, int] = {}
        index = kinds.find(code)
        while index >= 0:
            if self._doc[index] not in found:
                found[self._doc[index]] = index
            index = kinds.find(code, index + 1)
        return {self._paths[doc]: (self._start[i], self._end[i]) for doc, i in found.items()}

    def count(self, value: Any = None, *, kind: ParagraphKind | None = None) -> int:
        """Paragraphs of ``kind`` (without reading them one by one), or ``Sequence.count``."""
        if kind is None:
            return super().count(value)
        return self._kind.count(_KIND_CODES[kind])

    def __len__(self) -> int:
        return len(self._doc)

    def _item(self, index: int) -> Paragraph:
        return Paragraph.model_construct(
            source=self._paths[self._doc[index]],
            start=self._start[index],
            end=self._end[index],
            kind=_KINDS[self._kind[index]],
            rule=self._rules.get(index),
        )


class Passages(Columns[Passage]):
    """The corpus's passages kept as columns (article, sentence span, paragraph span); a
    ``Passage`` is made, its text sliced from the article, when one is read. A million
    sentences take some 20 MB this way (offsets within an article, which ``corpus.MAX_FILE_BYTES``
    keeps far below 2**31, as 32-bit integers), against about a gigabyte as objects; the
    matcher reads only the few thousand it judges."""

    def __init__(self) -> None:
        self._paths: list[str] = []
        self._texts: Sequence[str] = []  # each article's text: a list, or read when asked
        self._first = array("q", [0])  # each article's first passage id, then the total
        self._doc = array("i")
        self._start = array("i")
        self._end = array("i")
        self._p_start = array("i")
        self._p_end = array("i")

    def add(self, path: str, text: str | None, sentences: Iterable[Sequence[int]]) -> None:
        """Append one article's sentences, ``(start, end, paragraph start, paragraph end)``
        each, in order; ``text`` is the article's (None: given later, ``read_texts_from``)."""
        if not isinstance(self._texts, list):
            raise TypeError("Passages.add: these passages were read back from columns")
        self._paths.append(path)
        self._texts.append(text or "")
        rows = list(sentences)
        self._doc.extend(repeat(len(self._paths) - 1, len(rows)))
        self._start.extend(row[0] for row in rows)
        self._end.extend(row[1] for row in rows)
        self._p_start.extend(row[2] for row in rows)
        self._p_end.extend(row[3] for row in rows)
        self._first.append(len(self._doc))

    def take(self, other: Passages, articles: range) -> None:
        """Append the sentences of ``other``'s articles ``articles`` (numbers that follow each
        other), their texts to be given later (``read_texts_from``), without making them one by
        one."""
        if not isinstance(self._texts, list):
            raise TypeError("Passages.take: these passages were read back from columns")
        a, b = articles.start, articles.stop
        shift = len(self._paths) - a
        self._paths.extend(other._paths[a:b])
        self._texts.extend([""] * (b - a))
        first, stop = other._first[a], other._first[b]
        _extend_shifted(self._doc, other._doc[first:stop], shift)
        for mine, theirs in (
            (self._start, other._start),
            (self._end, other._end),
            (self._p_start, other._p_start),
            (self._p_end, other._p_end),
        ):
            mine.extend(theirs[first:stop])
        _extend_shifted(self._first, other._first[a + 1 : b + 1], len(self._doc) - stop)

    def columns(self) -> tuple[list[str], bytes, bytes, bytes, bytes, bytes, bytes]:
        """The store without the texts, as plain values (for the build cache);
        ``from_columns`` reads them back with the articles' texts."""
        return (
            list(self._paths),
            self._first.tobytes(),
            self._doc.tobytes(),
            self._start.tobytes(),
            self._end.tobytes(),
            self._p_start.tobytes(),
            self._p_end.tobytes(),
        )

    @classmethod
    def from_columns(
        cls,
        columns: tuple[list[str], bytes, bytes, bytes, bytes, bytes, bytes],
        texts: Sequence[str],
    ) -> Passages:
        """The passages of ``columns`` (see ``columns``), over the articles' ``texts``: any
        sequence, e.g. one that reads an article's file only when a passage of it is read."""
        paths, first, doc, start, end, p_start, p_end = columns
        store = cls()
        store._paths = list(paths)
        store._texts = texts
        store._first = array("q")
        store._first.frombytes(first)
        for column, data in (
            (store._doc, doc),
            (store._start, start),
            (store._end, end),
            (store._p_start, p_start),
            (store._p_end, p_end),
        ):
            column.frombytes(data)
        n = len(store._doc)
        if not (
            len(store._texts) == len(store._paths) == len(store._first) - 1
            and n == len(store._start) == len(store._end) == len(store._p_start)
            and n == len(store._p_end) == store._first[-1]
        ):
            raise ValueError("passage columns of different lengths")
        return store

    def read_texts_from(self, texts: Sequence[str]) -> None:
        """Read the articles' texts from ``texts`` (one per article, in order): e.g. one that
        reads an article's file only when a passage of it is read."""
        if len(texts) != len(self._paths):
            raise ValueError("Passages.read_texts_from: one text per article is needed")
        self._texts = texts

    def rows(self, articles: range) -> range:
        """The passage ids of the articles numbered ``articles`` (an article's passages follow
        each other, in the articles' order)."""
        return range(self._first[articles.start], self._first[articles.stop])

    def articles(self) -> list[range]:
        """Each article's passage ids, by its number."""
        first = self._first
        return [range(first[i], first[i + 1]) for i in range(len(self._paths))]

    def by_source(self) -> dict[str, range]:
        """Each article's passage ids, by its path."""
        return dict(zip(self._paths, self.articles(), strict=True))

    def source(self, index: int) -> str:
        """The article of a passage, without making the passage."""
        return self._paths[self._doc[index]]

    def text(self, index: int) -> str:
        """The text of a passage, without making the passage."""
        return self._texts[self._doc[index]][self._start[index] : self._end[index]]

    def __len__(self) -> int:
        return len(self._doc)

    def _item(self, index: int) -> Passage:
        doc = self._doc[index]
        start, end = self._start[index], self._end[index]
        return Passage.model_construct(
            id=index,
            source=self._paths[doc],
            start=start,
            end=end,
            text=self._texts[doc][start:end],
            paragraph_start=self._p_start[index],
            paragraph_end=self._p_end[index],
        )


class Corpus(BaseModel):
    """The documents and their segmentation (``corpus.segment_corpus`` keeps the paragraphs and
    passages as ``Paragraphs`` and ``Passages``; a list of models does as well)."""

    root: str
    documents: SkipValidation[Sequence[Document]]  # ``corpus.Documents``: made when read
    skipped: list[Skipped] = Field(default_factory=list)  # the files not read, and why
    paragraphs: SkipValidation[Sequence[Paragraph]]
    passages: SkipValidation[Sequence[Passage]]

    _where: dict[str, int] | None = PrivateAttr(None)

    def document(self, source: str) -> Document:
        """The article at ``source``, found by path (``corpus.Documents``: made only then)."""
        if self._where is None:
            paths = getattr(self.documents, "paths", None)  # the column, when there is one
            if paths is None:
                paths = [d.path for d in self.documents]
            self._where = {path: i for i, path in enumerate(paths)}
        return self.documents[self._where[source]]


# --- judgment -----------------------------------------------------------------------------


class Quantity(BaseModel):
    """A figure in a text: its value, the interval its hedge allows, its unit and what it counts."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(description="The words as written, e.g. 'over 1,500 strikes'.")
    start: int = Field(description="Offset of the figure within the text it was found in.")
    end: int
    value: float
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False
    hedge: str | None = Field(default=None, description="about, over, at least, ...")
    unit: str = Field(description="Canonical unit: percent, km, hour, day, count, ...")
    noun: str | None = Field(default=None, description="What is counted or measured.")
    elided: str | None = Field(
        default=None,
        description="The verb read after a count that leaves its noun out, the noun then the "
        "sentence's earlier count's: 'died' of 'Of the 300 passengers, 50 died'.",
    )
    vague: bool = Field(
        default=False, description="A count said in round words: 'dozens of', 'hundreds of'."
    )


CONTEXT_CHARS = 240
"""Characters of a quote's paragraph kept on each side of it (``context_span``)."""

_SPACE = re.compile(r"\s+")


class Evidence(BaseModel):
    """One cited passage and what it says about the claim."""

    stance: Stance
    source: str = Field(description="Path of the article relative to the corpus folder.")
    start: int
    end: int
    page: int | None = Field(
        default=None,
        description="The page of the article the quote starts on (1 is the first), for a file "
        "with pages (a PDF); None for one without.",
    )
    quote: str = Field(description="Exactly the source text between start and end.")
    reason: str = Field(description="Why this stance, in words a person can check.")
    rule: str = Field(
        description="The judge's rule that decided it, e.g. 'figures.agree' (see "
        "dossier/judge/registry.py)."
    )
    speaker: str | None = Field(default=None, description="Who says it, where the text tells.")
    figures: list[str] = Field(
        default_factory=list, description="Figures in the quote that matter."
    )
    highlights: list[tuple[int, int]] = Field(
        default_factory=list, description="Spans within the quote to highlight (names, figures)."
    )
    score: float = Field(description="Strength of the match, for ordering.")
    paragraph_start: int = Field(description="Span of the quote's paragraph in the source.")
    paragraph_end: int
    context_start: int = Field(
        description="Span of the text shown around the quote: its paragraph, or at most "
        f"{CONTEXT_CHARS} characters of it on each side of the quote, cut at a word boundary "
        "(cut when it starts after paragraph_start or ends before paragraph_end)."
    )
    context_end: int
    context: str = Field(description="Exactly the source text between context_start and end.")
    reviewed: Decision | None = Field(
        default=None,
        description="accepted or added when an editor approved this citation; None when no "
        "one has reviewed it.",
    )
    part: str | None = Field(
        default=None,
        description="The part of a compound claim the citation was found for (see "
        "ClaimResult.parts); None when it speaks to the whole claim.",
    )

    @classmethod
    def cited(
        cls, document: Document, start: int, end: int, paragraph: tuple[int, int], **judged: Any
    ) -> Evidence:
        """The evidence of ``document.text[start:end]`` in its paragraph (``paragraph``: its
        span): where it stands (source, page, quote, bounded context), with what the judge or
        an editor says of it (``judged``: stance, reason, rule, score, ...)."""
        text = document.text
        return cls(
            source=document.path,
            start=start,
            end=end,
            page=cited_page(document.meta.pages, start),
            quote=text[start:end],
            **cited_context(text, start, end, *paragraph),
            **judged,
        )

    @property
    def part_unnamed(self) -> str | None:
        """The part of a compound claim the citation speaks to, when its reason does not name
        it already ("on “...”: ..."): for the reader, beside the reason."""
        if self.part is None or self.reason.startswith(on_part(self.part, "")):
            return None
        return self.part

    @property
    def cut_before(self) -> bool:
        """Whether the context leaves out the start of the paragraph."""
        return self.context_start > self.paragraph_start

    @property
    def cut_after(self) -> bool:
        """Whether the context leaves out the end of the paragraph."""
        return self.context_end < self.paragraph_end


def on_part(part: str, reason: str) -> str:
    """The reason of a citation found for one part of a compound claim, naming the part."""
    return f"on “{part}”: {reason}"


class CitedContext(TypedDict):
    """Where a quote stands in its article, as ``Evidence`` fields (``cited_context``)."""

    paragraph_start: int
    paragraph_end: int
    context_start: int
    context_end: int
    context: str


def cited_context(
    text: str, start: int, end: int, paragraph_start: int, paragraph_end: int
) -> CitedContext:
    """The ``Evidence`` fields that place the quote ``text[start:end]`` in its paragraph
    ``text[paragraph_start:paragraph_end]``: the paragraph's span and the bounded context
    (``context_span``)."""
    a, b = context_span(text, start, end, paragraph_start, paragraph_end)
    return {
        "paragraph_start": paragraph_start,
        "paragraph_end": paragraph_end,
        "context_start": a,
        "context_end": b,
        "context": text[a:b],
    }


def cited_page(pages: Sequence[int] | None, start: int) -> int | None:
    """The page (1 is the first) a quote starting at offset ``start`` is on, given where each
    page starts in the text (``SourceMeta.pages``); None for a text without pages."""
    if not pages:
        return None
    return max(1, bisect_right(pages, start))


def context_span(
    text: str, start: int, end: int, lo: int = 0, hi: int | None = None
) -> tuple[int, int]:
    """The span of ``text`` shown around ``text[start:end]`` (a quote) within ``text[lo:hi]``
    (its paragraph): all of it when it is no longer than the quote and ``2 * CONTEXT_CHARS``
    characters, else at most ``CONTEXT_CHARS`` characters on each side of the quote, cut where
    a word starts or ends (a word longer than that is cut where it stands).

    Whatever the paragraph's length, the span is at most the quote and ``2 * CONTEXT_CHARS``
    characters: a citation in a one-line article of megabytes carries a few hundred of them."""
    if hi is None:
        hi = len(text)
    if hi - lo <= end - start + 2 * CONTEXT_CHARS:
        return lo, hi
    a, b = max(lo, start - CONTEXT_CHARS), min(hi, end + CONTEXT_CHARS)
    if a > lo:
        if not text[a - 1].isspace() and (space := _SPACE.search(text, a, start)) is not None:
            a = space.end()
        while a < start and text[a].isspace():
            a += 1
    if b < hi:
        if not text[b].isspace() and (spaces := [m.start() for m in _SPACE.finditer(text, end, b)]):
            b = spaces[-1]
        while b > end and text[b - 1].isspace():
            b -= 1
    return a, b


class QuotedCitation(BaseModel):
    """A reviewed citation as the dossier lists it apart (rejected, or no longer found)."""

    source: str
    quote: str
    decision: Decision
    stance: Stance | None = None
    why: str | None = Field(default=None, description="Why it is listed apart, when not plain.")


class ReviewOutcome(BaseModel):
    """A claim's review as the dossier shows it: the editor's verdict and note (None while the
    review is in progress), and the tool's own verdict on all it found."""

    verdict: Verdict | None
    note: str | None = None
    by: str | None = None
    date: dt.date | None = None
    tool_verdict: Verdict = Field(description="The tool's verdict on every citation it found.")
    tool_explanation: str
    rejected: list[QuotedCitation] = Field(
        default_factory=list, description="Citations the tool found and an editor rejected."
    )
    lost: list[QuotedCitation] = Field(
        default_factory=list,
        description="Citations an editor approved whose words the article no longer holds.",
    )
    unreviewed: int = Field(
        default=0, description="Citations the tool found that no editor has decided about."
    )
    changed: int = Field(
        default=0,
        description="Citations an editor accepted that the tool now judges otherwise (the "
        "other stance) or no longer cites.",
    )


class ClaimPart(BaseModel):
    """One statement of a compound claim ("A put the toll at 500, while B stood by 238") and
    the verdict on it alone."""

    text: str
    verdict: Verdict
    explanation: str


class ClaimResult(BaseModel):
    """A claim, its verdict and the evidence behind it."""

    id: str
    text: str
    line: int | None = Field(default=None, description="Line of the claim in the claims file.")
    expect: Verdict | None = None
    tags: list[str] = Field(default_factory=list)
    notes: str | None = None
    verdict: Verdict = Field(
        description="The verdict the dossier shows: the editor's for a reviewed claim, else the "
        "tool's on the citations not rejected."
    )
    explanation: str = Field(description="One sentence on why this verdict.")
    review: ReviewOutcome | None = Field(
        default=None,
        description="What the editors decided, and the tool's own verdict beside it; None when "
        "no one has reviewed any of the claim.",
    )
    evidence: list[Evidence]
    parts: list[ClaimPart] = Field(
        default_factory=list,
        description="Each statement of a compound claim with its own verdict, on the citations "
        "found for it and those for the whole claim: which part the corpus backs, and which it "
        "does not. Empty for a claim of one statement.",
    )

    @property
    def reviewed(self) -> bool:
        return self.review is not None and self.review.verdict is not None


class SourceEntry(BaseModel):
    """An article as listed in the dossier's sources."""

    path: str
    sha256: str
    meta: SourceMeta
    passages: int
    cited: int


class SourceRow(TypedDict):
    """A ``SourceEntry`` as a plain dict, the same fields in the same order: the JSON of a
    report's sources is dumped from these, without a model made for each of 50,000 articles."""

    path: str
    sha256: str
    meta: SourceMeta
    passages: int
    cited: int


class Report(BaseModel):
    """Everything the renderers need: the dossier as data."""

    title: str
    as_of: dt.date | None
    claims_file: str
    corpus_dir: str
    documents: int
    passages: int
    furniture_paragraphs: int
    published: bool = Field(
        default=False,
        description="Only the claims an editor reviewed, with only the citations approved.",
    )
    skipped: list[Skipped] = Field(
        default_factory=list, description="The files of the corpus folder that were not read."
    )
    sources: list[SourceEntry]
    claims: list[ClaimResult]
