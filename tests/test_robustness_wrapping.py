"""Text converted from another layout reads as its writer wrote it: a PDF's text, a file of one
paragraph a line with lines pasted from a PDF, a hand-wrapped ``.txt``.

One article (``fixtures/wrapping/article.html``) in three layouts: printed to PDF by weasyprint
and its text extracted with pypdf's ``extract_text()`` as a PDF reader would (one line per
printed line, no blank line between paragraphs), and two hand-made ``.txt`` files of the same
words. Each layout must read as the HTML's own blocks do: every paragraph whole, every heading a
heading, never a sentence cut where a line was wrapped (before a capital, a figure or "("; after
"according to the"). Then a build over the three layouts must judge each claim on the whole
sentence, and on a headline that states the fact. The cases are tables: to add one, add a row.
"""

from __future__ import annotations

import html.parser
import io
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import weasyprint
from pypdf import PdfReader
from typer.testing import CliRunner

from dossier.cli import app
from dossier.corpus.segment import segment_document
from dossier.models import Document, ParagraphKind

FIXTURES = Path(__file__).parent / "fixtures" / "wrapping"
ARTICLE = FIXTURES / "article.html"

runner = CliRunner()


class _Blocks(html.parser.HTMLParser):
    """The text of each ``h1``, ``h2`` and ``p`` of an HTML page, its whitespace as one space."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2", "p"):
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "p") and self._text is not None:
            self.blocks.append(" ".join("".join(self._text).split()))
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def as_written() -> str:
    """The article as its writer wrote it: the HTML's blocks, a blank line between them."""
    parser = _Blocks()
    parser.feed(ARTICLE.read_text(encoding="utf-8"))
    return "\n\n".join(parser.blocks)


@cache
def pdf_text() -> str:
    """The article printed to PDF, its text as a PDF reader extracts it."""
    pdf = weasyprint.HTML(filename=str(ARTICLE)).write_pdf()
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def fixture(name: str) -> Callable[[], str]:
    return lambda: (FIXTURES / name).read_text(encoding="utf-8")


def reading(text: str) -> list[tuple[ParagraphKind, str]]:
    """Each paragraph's kind and text, without its whitespace (a PDF breaks "28-\\nyear")."""
    paragraphs, _ = segment_document(Document.model_construct(path="a.txt", text=text, sha256=""))
    return [(p.kind, "".join(text[p.start : p.end].split())) for p in paragraphs]


# --- every paragraph whole, every heading a heading ----------------------------------------


@dataclass(frozen=True)
class LayoutCase:
    text: Callable[[], str]
    """The article's text in this layout."""
    wraps: list[str]
    """Line breaks inside a sentence this layout must hold (each ``\\n`` in the text)."""


LAYOUTS = {
    "pdf-text": LayoutCase(pdf_text, []),
    "one-paragraph-a-line-with-pdf-lines": LayoutCase(
        fixture("one-paragraph-per-line.txt"),
        [
            "according to the\nWall Street Journal",
            "plan in\nNovember",
            "representatives\n(as the law",
            "from\n18 January",
            "about\n1.5 million",
        ],
    ),
    "hard-wrapped-by-hand": LayoutCase(
        fixture("hard-wrapped.txt"),
        [
            "the United\nStates",
            "in Washington\nState",
            "employee representatives\n(as the law",
            "September\n2022, most",
            "about\n13 per cent",
            "Amazon's\n28-year",
        ],
    ),
}


def test_the_article_as_written_has_its_headings() -> None:
    kinds = [kind for kind, _ in reading(as_written())]
    assert (
        kinds
        == [ParagraphKind.HEADING] * 2
        + [ParagraphKind.BODY] * 3
        + [ParagraphKind.HEADING]
        + [ParagraphKind.BODY] * 2
    )


def test_the_pdf_text_has_one_line_a_printed_line() -> None:
    """What the PDF case tests: no blank line, and lines wrapped before a capital after a word
    that may end a sentence (where only the lines' widths tell a wrap from a new paragraph)."""
    text = pdf_text()
    assert "\n\n" not in text
    lines = text.split("\n")
    assert len(lines) > 20
    assert any(
        re.search(r"[a-z]$", a) and re.match(r"[A-Z]", b) and a.split()[-1] not in ("the", "in")
        for a, b in itertools.pairwise(lines)
        if len(a) > 60
    )


@pytest.mark.parametrize("case", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_a_layout_reads_as_the_article_was_written(case: LayoutCase) -> None:
    text = case.text()
    for wrap in case.wraps:
        assert wrap in text
    assert reading(text) == reading(as_written())


# --- claims judged on whole sentences and on a headline -------------------------------------


@dataclass(frozen=True)
class ClaimCase:
    claim: str
    verdict: str
    quote: str
    """What each layout's file is cited for (its whitespace as one space), exactly."""


CLAIMS = {
    "a-headline-that-states-a-fact-is-judged": ClaimCase(
        "Amazon will cut 18,000 jobs.", "supported", "Amazon to cut 18,000 jobs"
    ),
    "a-sentence-wrapped-before-a-figure-is-quoted-whole": ClaimCase(
        "Amazon employed about 1.5 million people at the end of September 2022.",
        "supported",
        "The company employed about 1.5 million people at the end of September 2022, most of "
        "them in its warehouses, and the 18,000 roles amount to about 1.2 per cent of that "
        "workforce, or about 6 per cent of its 300,000 corporate employees.",
    ),
    "a-sentence-wrapped-before-a-capital-is-quoted-whole": ClaimCase(
        "2,300 of the Amazon jobs cut are in the United States.",
        "supported",
        "The cuts fall mostly on the company's stores division and on its human resources team, "
        "known inside the company as People eXperience and Technology (PXT), while Amazon Web "
        "Services (AWS), the cloud business that earns most of its profit, is largely spared, "
        "people familiar with the matter said. 2,300 of the jobs are in the United States, "
        "according to notices the company filed with officials in Washington State and "
        "California, where most of its corporate staff work.",
    ),
    "a-sentence-wrapped-before-a-bracket-is-quoted-whole": ClaimCase(
        "Amazon staff in North America will be told from 18 January.",
        "supported",
        "Staff in Europe would be told after the company had consulted employee representatives "
        "(as the law requires in several countries), he added, and those affected in North "
        "America would be told from 18 January.",
    ),
}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """The claims of ``CLAIMS`` checked against the article in each layout, as built."""
    root = tmp_path_factory.mktemp("wrapping")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, case in LAYOUTS.items():
        (corpus / f"{name}.txt").write_text(case.text(), encoding="utf-8")
    claims = "claims:\n" + "".join(
        f"  - id: {name}\n    text: {case.claim}\n" for name, case in CLAIMS.items()
    )
    (root / "claims.yaml").write_text(claims, encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "-q",
            "build",
            "--claims",
            str(root / "claims.yaml"),
            "--corpus",
            str(corpus),
            "--out",
            str(root / "out"),
            "--format",
            "json",
            "--no-cache",
        ],
    )
    assert result.exit_code == 0, result.output
    built = json.loads((root / "out" / "dossier.json").read_text(encoding="utf-8"))
    return {claim["id"]: claim for claim in built["claims"]}


@pytest.mark.parametrize("name", CLAIMS.keys())
def test_a_claim_is_judged_on_the_whole_sentence_in_every_layout(
    dossier: dict[str, dict[str, object]], name: str
) -> None:
    case, claim = CLAIMS[name], dossier[name]
    assert claim["verdict"] == case.verdict
    cited: dict[str, list[str]] = {}
    evidence = claim["evidence"]
    assert isinstance(evidence, list)
    for item in evidence:
        cited.setdefault(item["source"], []).append(" ".join(item["quote"].split()))
    quote = " ".join(case.quote.split())
    assert {source: quotes for source, quotes in cited.items() if quote in quotes} == {
        f"{layout}.txt": [quote] for layout in LAYOUTS
    }
