"""Probes of issue 22's readers: a new user's story of saved web pages, PDFs and Markdown.

Each row is a corpus folder as a newsroom has it; the build must read every article it can,
cite it exactly, and name every file it did not read, with the reason."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
PAGE = (FIXTURES / "mixed" / "harbour-fire.html").read_bytes()
CLAIM = (
    "title: T\nclaims:\n  - id: toll\n"
    '    text: "The Port Aldric harbour fire killed 12 dock workers."\n'
)


def pdf(html: str) -> bytes:
    import weasyprint

    return bytes(weasyprint.HTML(string=html).write_pdf())


@dataclass(frozen=True)
class ReaderProbe:
    files: dict[str, Callable[[], bytes]]
    exit_code: int
    lines: list[str]
    """The warnings and error the build prints (with -q)."""
    verdict: str | None = None
    skipped: list[dict[str, str]] = field(default_factory=list)


PROBES = {
    "a-claim-whose-only-source-is-a-web-page-is-checked": ReaderProbe(
        {"fire.html": lambda: PAGE}, 0, [], "supported"
    ),
    "a-claim-whose-only-source-is-a-pdf-is-checked": ReaderProbe(
        {
            "fire.pdf": lambda: pdf(
                "<title>Fire</title><p>The Port Aldric harbour fire killed 12 dock workers, "
                "the fire service said.</p>"
            )
        },
        0,
        [],
        "supported",
    ),
    "every-file-unread-is-named-with-its-reason": ReaderProbe(
        {
            "fire.html": lambda: PAGE,
            "memo.docx": lambda: b"PK\x03\x04",
            "scan.pdf": lambda: pdf("<div style='height:3cm;background:#000'></div>"),
            "blank.md": lambda: b"\n\n",
        },
        0,
        [
            "Warning: corpus/scan.pdf: skipped: no text layer.",
            "Warning: corpus/blank.md: skipped: the article holds no text (it is empty or only "
            "whitespace).",
            "Warning: corpus: 1 article file read, 3 not read: blank.md (empty), memo.docx "
            "(unsupported type), scan.pdf (no text layer).",
        ],
        "supported",
        [
            {"path": "blank.md", "reason": "empty"},
            {"path": "memo.docx", "reason": "unsupported type"},
            {"path": "scan.pdf", "reason": "no text layer"},
        ],
    ),
    "a-damaged-pdf-is-named-not-a-crash": ReaderProbe(
        {"fire.html": lambda: PAGE, "report.pdf": lambda: b"%PDF-1.7\n1 0 obj << /Pages 9 0 R"},
        0,
        [
            "Warning: corpus/report.pdf: skipped: not a readable PDF (damaged, or not a PDF).",
            "Warning: corpus: 1 article file read, 1 not read: report.pdf (not a readable PDF "
            "(damaged, or not a PDF)).",
        ],
        "supported",
        [{"path": "report.pdf", "reason": "not a readable PDF (damaged, or not a PDF)"}],
    ),
    "a-folder-of-unsupported-files-names-what-it-found": ReaderProbe(
        {"a.docx": lambda: b"PK", "b.docx": lambda: b"PK", "c.rtf": lambda: b"{\\rtf1}"},
        2,
        [
            "Error: corpus: no article files dossier reads (.htm, .html, .md, .pdf, .txt) in "
            "the corpus folder; it holds 2 .docx files, 1 .rtf file."
        ],
    ),
    "a-bad-front-matter-is-a-warning-naming-file-and-line": ReaderProbe(
        {
            "fire.md": lambda: (
                b"---\ntitle: [unclosed\n---\nThe Port Aldric harbour fire "
                b"killed 12 dock workers.\n"
            )
        },
        0,
        [
            "Warning: corpus/fire.md:3:1: the front matter is not valid YAML: expected ',' or "
            "']', but got '<stream end>'; it is read as text."
        ],
        "supported",
    ),
}


@pytest.mark.parametrize("probe", PROBES.values(), ids=PROBES.keys())
def test_a_corpus_of_the_files_newsrooms_have(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, probe: ReaderProbe
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("corpus").mkdir()
    for name, data in probe.files.items():
        Path("corpus", name).write_bytes(data())
    Path("claims.yaml").write_text(CLAIM, encoding="utf-8")

    result = CliRunner().invoke(
        app, ["-q", "build", "--no-cache", "--out", "out", "--format", "json"]
    )

    assert result.exit_code == probe.exit_code, result.output
    assert result.output.splitlines() == probe.lines
    if probe.exit_code == 0:
        built = json.loads(Path("out/dossier.json").read_text(encoding="utf-8"))
        (claim,) = built["claims"]
        assert claim["verdict"] == probe.verdict
        assert built["skipped"] == probe.skipped
