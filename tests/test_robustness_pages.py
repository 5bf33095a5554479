"""Probes of issue 22's PDF citations: a quote from a PDF says the page it is on.

Each row is a corpus folder with a PDF article printed over several pages (a page break made in
CSS) and a claim decided by one sentence of it; the build must cite that sentence with its page
in the JSON, beside its source in the HTML, and in ``dossier explain``'s place line, the same
whether the build used its cache or not."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app

BREAK = '<p style="break-before: page">'


def pdf(html: str) -> bytes:
    import weasyprint

    return bytes(weasyprint.HTML(string=html).write_pdf())


def report(*pages: str) -> bytes:
    """A PDF article of these pages' paragraphs, each page after the first started by a page
    break."""
    body = "".join(f"{BREAK if n else '<p>'}{text}</p>" for n, text in enumerate(pages))
    return pdf(f"<title>Harbour fire</title>{body}")


FIRST = "The harbour authority opened an inquiry into the night shift at Port Aldric."
FIRE = "The Port Aldric harbour fire killed 12 dock workers, the fire service said."
LAST = "The quays reopened to cargo ships a week later, the authority said."
CLAIM = "The Port Aldric harbour fire killed 12 dock workers."


@dataclass(frozen=True)
class PageProbe:
    files: dict[str, bytes]
    source: str
    """The file the claim's one citation is from."""
    page: int | None
    place: str
    """The citation's place line in ``dossier explain``."""


PROBES = {
    "a-quote-on-the-second-page-of-a-pdf-says-p-2": PageProbe(
        {"fire.pdf": report(FIRST, FIRE, LAST)}, "fire.pdf", 2, "corpus/fire.pdf:3, p. 2"
    ),
    "a-quote-on-the-last-page-says-p-3": PageProbe(
        {"fire.pdf": report(FIRST, LAST, FIRE)}, "fire.pdf", 3, "corpus/fire.pdf:5, p. 3"
    ),
    "a-quote-from-a-text-file-has-no-page": PageProbe(
        {"fire.txt": f"{FIRST}\n\n{FIRE}\n".encode()}, "fire.txt", None, "corpus/fire.txt:3"
    ),
}


@pytest.mark.parametrize("probe", PROBES.values(), ids=PROBES.keys())
def test_a_citation_from_a_pdf_says_its_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, probe: PageProbe
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("corpus").mkdir()
    for name, data in probe.files.items():
        Path("corpus", name).write_bytes(data)
    Path("claims.yaml").write_text(
        f'title: T\nclaims:\n  - id: toll\n    text: "{CLAIM}"\n', encoding="utf-8"
    )
    runner = CliRunner()

    fresh = runner.invoke(
        app, ["-q", "build", "--no-cache", "--out", "fresh", "--format", "json,html"]
    )
    cold = runner.invoke(app, ["-q", "build", "--out", "cold", "--format", "json"])
    warm = runner.invoke(app, ["-q", "build", "--out", "warm", "--format", "json"])
    explained = runner.invoke(app, ["explain", "toll"])

    assert [fresh.exit_code, cold.exit_code, warm.exit_code] == [0, 0, 0], fresh.output
    built = Path("fresh/dossier.json").read_bytes()
    assert Path("cold/dossier.json").read_bytes() == built
    assert Path("warm/dossier.json").read_bytes() == built
    (claim,) = json.loads(built)["claims"]
    assert claim["verdict"] == "supported"
    (evidence,) = claim["evidence"]
    assert (evidence["source"], evidence["page"]) == (probe.source, probe.page)
    assert evidence["quote"] == FIRE
    html = Path("fresh/dossier.html").read_text(encoding="utf-8")
    shown = f'<span class="page">p. {probe.page}</span>'
    assert (shown in html) == (probe.page is not None)
    assert explained.exit_code == 0, explained.output
    assert f"  [1] {probe.place}\n" in explained.output
