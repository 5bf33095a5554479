"""The PDF reader: the text layer, page by page, each page's start kept."""

from __future__ import annotations

import bisect

import pytest
from readerfiles import READERS, pdf_of

from dossier.corpus.readers.interface import Unreadable
from dossier.corpus.readers.pdf import READER


@pytest.fixture(scope="module")
def inquiry() -> bytes:
    return pdf_of(READERS / "inquiry-pdf.html")


def test_the_text_layer_is_read_with_where_each_page_starts(inquiry: bytes) -> None:
    found = READER.read(inquiry, "inquiry.pdf")
    pages = found.meta.pages
    assert pages is not None and len(pages) == 2 and pages[0] == 0
    assert "no working sprinklers." in found.text[: pages[1]]
    assert found.text[pages[1] :].startswith("The prosecutor said charges")
    at = found.text.index("charges against")
    assert bisect.bisect_right(pages, at) == 2  # the page a citation there is on


def test_the_title_and_author_are_the_pdf_metadata(inquiry: bytes) -> None:
    meta = READER.read(inquiry, "inquiry.pdf").meta
    assert meta.title == "Port Aldric inquiry: interim findings"
    assert meta.author == "Regional Prosecutor's Office"


def test_the_same_bytes_give_the_same_text(inquiry: bytes) -> None:
    assert READER.read(inquiry, "a.pdf") == READER.read(inquiry, "a.pdf")


def test_a_pdf_without_a_text_layer_is_skipped_so() -> None:
    with pytest.raises(Unreadable, match=r"^no text layer$"):
        READER.read(pdf_of(READERS / "no-text-pdf.html"), "scan.pdf")


def test_a_file_that_is_no_pdf_is_unreadable() -> None:
    with pytest.raises(Unreadable, match="not a readable PDF"):
        READER.read(b"%PDF-1.4 and then nothing", "a.pdf")
