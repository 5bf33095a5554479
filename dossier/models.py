"""Typed models between the pipeline's steps: load -> segment -> index -> match -> judge -> render.

Models that come from or go to files are pydantic models, so JSON and JSON Schema come for free.
Offsets are Python string offsets into the source file read as UTF-8 with its newlines kept
(``open(path, encoding="utf-8", newline="")``), so ``document.text[start:end] == quote``.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

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


# --- corpus -------------------------------------------------------------------------------


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

    @field_validator("date", mode="before")
    @classmethod
    def _a_number_is_no_date(cls, value: Any) -> Any:
        # pydantic reads a number as seconds since 1970; in a metadata file it is a typo.
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise ValueError(f"{value} is a number, not a date")
        return value


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


class Corpus(BaseModel):
    """The documents and their segmentation."""

    root: str
    documents: list[Document]
    paragraphs: list[Paragraph]
    passages: list[Passage]

    def document(self, source: str) -> Document:
        for doc in self.documents:
            if doc.path == source:
                return doc
        raise KeyError(source)


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


class Evidence(BaseModel):
    """One cited passage and what it says about the claim."""

    stance: Stance
    source: str = Field(description="Path of the article relative to the corpus folder.")
    start: int
    end: int
    quote: str = Field(description="Exactly the source text between start and end.")
    reason: str = Field(description="Why this stance, in words a person can check.")
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
    paragraph: str = Field(description="The paragraph's exact text, to show the quote in context.")


class ClaimResult(BaseModel):
    """A claim, its verdict and the evidence behind it."""

    id: str
    text: str
    line: int | None = Field(default=None, description="Line of the claim in the claims file.")
    expect: Verdict | None = None
    tags: list[str] = Field(default_factory=list)
    notes: str | None = None
    verdict: Verdict
    explanation: str = Field(description="One sentence on why this verdict.")
    evidence: list[Evidence]


class SourceEntry(BaseModel):
    """An article as listed in the dossier's sources."""

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
    sources: list[SourceEntry]
    claims: list[ClaimResult]
