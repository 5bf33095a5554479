"""The PDF dossier: the HTML printed by weasyprint (A4, an outline entry per heading), which
fetches nothing but the files of the templates folder.

weasyprint keeps every page it lays out until it writes the file: about 1.7 MB a page, so a
dossier of 1,000 claims (1,000 pages) took 1.7 GB and one of 5,000 claims over 7 GB. A dossier
of more than ``PART_CLAIMS`` claims is therefore printed in parts (``render_pdf_in_parts``): the
front (cover, summary, contents), runs of ``PART_CLAIMS`` claims, then the timeline and the
sources in runs of about ``PART_ENTRIES`` entries, each part a document of its own, laid out
twice: once to count its pages and find its anchors, then printed with its pages numbered on
from the parts before it, out of the whole's, and the front's page references written out.
pypdf joins the parts: every link points to its anchor in whichever part, and the outline is
the whole dossier's. Memory is then that of the largest part; the output is the same bytes
every time (no date, no random file identifier).
"""

from __future__ import annotations

import dataclasses
import gc
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from dossier.render.html import page, render_view
from dossier.render.interface import Renderer, Rendering
from dossier.render.view import DossierView, PartView, build_view, templates_dir

if TYPE_CHECKING:
    from weasyprint import Document
    from weasyprint.urls import URLFetcherResponse

PART_CLAIMS = 200
"""Claims in one part of a PDF printed in parts (about a page each: some 350 MB for the part)."""

PART_ENTRIES = 4 * PART_CLAIMS
"""Timeline entries, or sources' quoted paragraphs, in one part (about four to a page)."""

_SCALE = 0.75  # PDF points per CSS pixel, as weasyprint writes them (zoom 1)
_HREF = re.compile(r'href="#([^"]+)"')
_ID = re.compile(r' id="([^"]+)"')


def _local_only_fetcher() -> Any:
    """A weasyprint URL fetcher that serves files of the templates folder and refuses the rest."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = templates_dir().resolve()

    class LocalOnlyFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            parts = urlsplit(url)
            if parts.scheme == "file" and not parts.netloc:
                path = Path(parts.path).resolve()
                if path.is_relative_to(root) and path.is_file():
                    return URLFetcherResponse(url, path.read_bytes())
            raise ValueError(f"dossier does not fetch {url[:80]!r}")

    return LocalOnlyFetcher()


def _layout(html: str) -> Document:
    """The dossier's HTML laid out in pages by weasyprint."""
    import weasyprint

    return weasyprint.HTML(
        string=html,
        base_url=templates_dir().resolve().as_uri() + "/",
        url_fetcher=_local_only_fetcher(),
    ).render()


def render_pdf(html: str) -> bytes:
    """The PDF of the dossier's HTML: A4, outline per heading, dates fixed by the HTML."""
    pdf: bytes = _layout(html).write_pdf()
    return pdf


# --- printing in parts ----------------------------------------------------------------------


def plan_parts(view: DossierView) -> list[PartView]:
    """The parts a large dossier is printed in, in order (their pages not numbered yet)."""
    parts = [PartView(front=True)]
    claims, entries = len(view.claims), len(view.timeline)
    for a in range(0, claims, PART_CLAIMS):
        opens = frozenset({"claims"} if a == 0 else ())
        parts.append(PartView(claims=range(a, min(claims, a + PART_CLAIMS)), opens=opens))
    for a in range(0, max(entries, 1), PART_ENTRIES):
        opens = frozenset({"timeline"} if a == 0 else ())
        parts.append(PartView(timeline=range(a, min(entries, a + PART_ENTRIES)), opens=opens))
    start, weight = 0, 0
    for i, source in enumerate(view.sources):
        if weight and weight + 1 + len(source.contexts) > PART_ENTRIES:
            opens = frozenset({"sources"} if start == 0 else ())
            parts.append(PartView(sources=range(start, i), opens=opens))
            start, weight = i, 0
        weight += 1 + len(source.contexts)
    opens = frozenset({"sources"} if start == 0 else ())
    parts.append(PartView(sources=range(start, len(view.sources)), opens=opens, colophon=True))
    return parts


def _lay_out_part(view: DossierView, part: PartView) -> tuple[Document, frozenset[str]]:
    """One part laid out, and the anchors it links to that another part prints: each is given
    an empty element in it, or weasyprint would drop the link (the joined PDF points it to the
    part that prints it)."""
    html = render_view(dataclasses.replace(view, part=part))
    foreign = frozenset(_HREF.findall(html)) - frozenset(_ID.findall(html))
    if foreign:
        part = dataclasses.replace(part, foreign=tuple(sorted(foreign)))
        html = render_view(dataclasses.replace(view, part=part))
    return _layout(html), foreign


def _anchor_pages(document: Document, foreign: frozenset[str]) -> dict[str, int]:
    """The page (counted from 0) of each anchor the document prints."""
    first: dict[str, int] = {}
    for n, laid in enumerate(document.pages):
        for name in laid.anchors.keys() - foreign:
            first.setdefault(name, n)
    return first


@dataclass
class _Printed:
    """What the joined PDF takes from the parts: each part's file, where each anchor is (its
    page in the whole, x, y in PDF points) and the outline entries (level, title, page, x, y)."""

    files: list[bytes] = field(default_factory=list)
    pages: int = 0
    anchors: dict[str, tuple[int, float, float]] = field(default_factory=dict)
    outline: list[tuple[int, str, int, float, float]] = field(default_factory=list)

    def add(self, document: Document, foreign: frozenset[str]) -> None:
        for laid in document.pages:
            flip = laid.height * _SCALE
            for name, (x, y, *_) in laid.anchors.items():
                if name not in foreign:
                    self.anchors.setdefault(name, (self.pages, x * _SCALE, flip - y * _SCALE))
            for level, label, (x, y), _ in laid.bookmarks:
                self.outline.append((level, label, self.pages, x * _SCALE, flip - y * _SCALE))
            self.pages += 1
        self.files.append(document.write_pdf())


def _one_at_a_time(
    view: DossierView, parts: list[PartView]
) -> Iterator[tuple[Document, frozenset[str]]]:
    """Each part laid out in turn, the one before let go first (the caller holds none)."""
    for part in parts:
        gc.collect()  # weasyprint's boxes hold reference cycles
        yield _lay_out_part(view, part)


def render_pdf_in_parts(view: DossierView) -> bytes:
    """The PDF of the whole dossier, printed in parts (``plan_parts``) and joined."""
    parts = plan_parts(view)
    front, body = parts[0], parts[1:]
    # First pass: each part of the body laid out alone, for its pages and anchors.
    counts: list[int] = []
    where: dict[str, tuple[int, int]] = {}  # anchor -> (part of the body, page in it)
    for n, (document, foreign) in enumerate(_one_at_a_time(view, body)):
        counts.append(len(document.pages))
        for name, page_number in _anchor_pages(document, foreign).items():
            where.setdefault(name, (n, page_number))
        del document
    # The front, laid out with the page numbers of the body and its own until they settle.
    front_pages, own, tries = 1, dict[str, int](), 0
    while True:
        starts = [front_pages + 1 + sum(counts[:n]) for n in range(len(counts))]
        numbers = {name: starts[n] + p for name, (n, p) in where.items()} | own
        total = front_pages + sum(counts)
        part = dataclasses.replace(front, pages=numbers, total_pages=total)
        document, foreign = _lay_out_part(view, part)
        laid = {name: p + 1 for name, p in _anchor_pages(document, foreign).items()}
        if (len(document.pages), laid) == (front_pages, own) or tries == 3:
            break
        front_pages, own, tries = len(document.pages), laid, tries + 1
        del document
        gc.collect()
    # Second pass: the front as laid out, then each part of the body numbered on from it.
    printed = _Printed()
    printed.add(document, foreign)
    del document
    numbered = [
        dataclasses.replace(p, first_page=start, total_pages=total)
        for p, start in zip(body, starts, strict=True)
    ]
    for n, (document, foreign) in enumerate(_one_at_a_time(view, numbered)):
        if len(document.pages) != counts[n]:
            raise RuntimeError(f"render_pdf_in_parts: part {n + 1} changed its page count")
        printed.add(document, foreign)
        del document
    return _join(printed)


def _join(printed: _Printed) -> bytes:
    """The parts' files as one PDF: their pages, each link kept and pointed to its anchor's
    page in the whole, the outline of the whole, the metadata of the first."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        Fit,
        FloatObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    writer = PdfWriter()
    for n, data in enumerate(printed.files):
        reader = PdfReader(io.BytesIO(data))
        if n == 0 and reader.metadata is not None:
            writer.add_metadata(dict(reader.metadata))
        first = len(writer.pages)
        reader.root_object.pop(NameObject("/Names"), None)  # named anchors: made anew below
        writer.append(reader, import_outline=False, excluded_fields=["/Annots"])
        for i, source in enumerate(reader.pages):
            links = source.get("/Annots")
            if not links:
                continue
            copies = [link.get_object().clone(writer).indirect_reference for link in links]
            writer.pages[first + i][NameObject("/Annots")] = ArrayObject(copies)
    names = ArrayObject()
    for name in sorted(printed.anchors):
        page_number, x, y = printed.anchors[name]
        destination = [NameObject("/XYZ"), FloatObject(x), FloatObject(y), NumberObject(0)]
        target = writer.pages[page_number].indirect_reference
        names.extend((TextStringObject(name), ArrayObject([target, *destination])))
    dests = DictionaryObject({NameObject("/Names"): names})
    writer.root_object[NameObject("/Names")] = DictionaryObject({NameObject("/Dests"): dests})
    parents: list[tuple[int, Any]] = []
    for level, title, page_number, x, y in printed.outline:
        while parents and parents[-1][0] >= level:
            parents.pop()
        parent = parents[-1][1] if parents else None
        item = writer.add_outline_item(
            title=title, page_number=page_number, parent=parent, fit=Fit.xyz(x, y, 0)
        )
        parents.append((level, item))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _pdf(rendering: Rendering) -> bytes:
    if len(rendering.report.claims) <= PART_CLAIMS:
        return render_pdf(page(rendering))
    return render_pdf_in_parts(build_view(rendering.report))


RENDERER = Renderer("pdf", _pdf)
