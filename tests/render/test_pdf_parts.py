"""A large dossier's PDF is printed in parts and joined: the same pages, numbers, links and
outline as one document, in the memory of one part (``render.pdf.render_pdf_in_parts``)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader
from report_factory import make_report

from dossier.models import Report
from dossier.render import pdf
from dossier.render.interface import Rendering

PART_CLAIMS = 2


@pytest.fixture(scope="module")
def report() -> Report:
    return make_report()


@pytest.fixture(scope="module")
def printed(report: Report) -> tuple[bytes, list[str]]:
    """The factory's dossier (five claims) printed in parts of two claims, and the HTML of
    each document weasyprint laid out."""
    laid: list[str] = []
    layout = pdf._layout

    def recording(html: str) -> Any:
        laid.append(html)
        return layout(html)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "PART_CLAIMS", PART_CLAIMS)
        patch.setattr(pdf, "PART_ENTRIES", 4)
        patch.setattr(pdf, "_layout", recording)
        data = pdf.RENDERER.render(Rendering(report))
    return data, laid


@pytest.fixture(scope="module")
def whole(report: Report) -> PdfReader:
    return PdfReader(io.BytesIO(pdf.RENDERER.render(Rendering(report))))


def _outline(reader: PdfReader) -> list[tuple[int, str]]:
    """The outline as (depth, title), in order."""
    found: list[tuple[int, str]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title))

    walk(reader.outline, 0)
    return found


def test_no_part_lays_out_more_than_its_share_of_claims(
    printed: tuple[bytes, list[str]], report: Report
) -> None:
    _, laid = printed
    claims = [html.count('<article class="claim ') for html in laid]
    assert max(claims) == PART_CLAIMS
    assert sum(claims) == 2 * len(report.claims)  # every claim laid out twice: counted, printed


def test_the_parts_join_into_the_pages_and_outline_of_one_document(
    printed: tuple[bytes, list[str]], whole: PdfReader
) -> None:
    joined = PdfReader(io.BytesIO(printed[0]))
    pages = len(joined.pages)

    assert _outline(joined) == _outline(whole)
    assert len(whole.pages) <= pages < 2 * len(whole.pages)  # each part starts a fresh page
    for n, page in enumerate(joined.pages, start=1):
        assert f"Page {n} of {pages}" in page.extract_text()
    assert joined.metadata is not None and whole.metadata is not None
    assert joined.metadata.title == whole.metadata.title


def test_every_link_of_the_joined_pdf_reaches_its_anchor(
    printed: tuple[bytes, list[str]], whole: PdfReader, report: Report
) -> None:
    joined = PdfReader(io.BytesIO(printed[0]))
    anchors = joined.named_destinations
    links = [
        str(annotation.get_object()["/Dest"])
        for page in joined.pages
        for annotation in page.get("/Annots") or []
        if "/Dest" in annotation.get_object()
    ]
    whole_links = sum(
        1
        for page in whole.pages
        for annotation in page.get("/Annots") or []
        if "/Dest" in annotation.get_object()
    )

    assert len(links) == whole_links
    assert set(links) <= set(anchors)
    assert set(anchors) == set(whole.named_destinations)
    for n, claim in enumerate(report.claims, start=1):
        page = joined.get_destination_page_number(anchors[f"claim-{claim.id}"])
        assert f"CLAIM {n}" in joined.pages[page].extract_text()


def test_the_summary_gives_the_pages_the_claims_are_on(printed: tuple[bytes, list[str]]) -> None:
    joined = PdfReader(io.BytesIO(printed[0]))
    summary = joined.pages[1].extract_text() + joined.pages[0].extract_text()
    anchors = joined.named_destinations
    claim_pages = sorted(
        joined.get_destination_page_number(anchors[name]) + 1
        for name in anchors
        if name.startswith("claim-")
    )

    for page_number in claim_pages:
        assert f"(p. {page_number})" in summary


def test_printing_in_parts_gives_the_same_bytes_every_time(
    printed: tuple[bytes, list[str]], report: Report
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "PART_CLAIMS", PART_CLAIMS)
        patch.setattr(pdf, "PART_ENTRIES", 4)
        again = pdf.RENDERER.render(Rendering(report))

    assert again == printed[0]
