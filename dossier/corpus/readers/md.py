"""Markdown articles (``.md``): read as plain text, the markup kept (it is what is quoted);
segmenting knows a ``#`` heading (``corpus.segment``)."""

from __future__ import annotations

from dossier.corpus.readers.txt import PlainText

READER = PlainText(frozenset({".md"}))
