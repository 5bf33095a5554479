"""The fixtures of the readers' tests: files written for them, and PDFs printed from them."""

from __future__ import annotations

from pathlib import Path

READERS = Path(__file__).resolve().parents[2] / "fixtures" / "readers"


def pdf_of(html: Path) -> bytes:
    """The PDF weasyprint prints from the HTML file ``html``."""
    import weasyprint

    return bytes(weasyprint.HTML(filename=str(html)).write_pdf())
