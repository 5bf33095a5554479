"""PDF articles (``.pdf``): the text layer, page by page, read with pypdf.

The pages' texts are joined by a blank line, and the offset where each page starts is kept
(``SourceMeta.pages``), so a citation can say its page. A PDF without a text layer (a scan) is
skipped with the reason "no text layer": dossier does not guess text from images. The title and
author are those of the PDF's own metadata, when it has them (not its first line, which is as
often a running head).
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from dossier.corpus.readers.interface import Extracted, Unreadable
from dossier.models import SourceMeta


@dataclass(frozen=True)
class Pdf:
    suffixes: frozenset[str]
    origin: str | None = "extracted from PDF"

    def read(self, data: bytes, name: str) -> Extracted:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError

        logging.getLogger("pypdf").setLevel(logging.ERROR)  # (its warnings are not ours to print)
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise Unreadable("an encrypted PDF")
            pages = [page.extract_text() or "" for page in reader.pages]
            info = reader.metadata
        except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError,
                AssertionError, RecursionError, NotImplementedError):  # fmt: skip
            # (what pypdf raises on a damaged file varies with the damage)
            raise Unreadable("not a readable PDF (damaged, or not a PDF)") from None
        if not any(page.strip() for page in pages):
            raise Unreadable("no text layer")
        starts, parts, at = [], [], 0
        for page in pages:
            starts.append(at)
            part = page.rstrip() + "\n\n"
            parts.append(part)
            at += len(part)
        title = _plain(info.title) if info is not None else None
        author = _plain(info.author) if info is not None else None
        meta = SourceMeta(title=title, author=author, pages=starts)
        return Extracted("".join(parts), meta)


def _plain(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


READER = Pdf(frozenset({".pdf"}))
