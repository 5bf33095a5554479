"""What reads one kind of article file: the suffixes it takes and the text it finds in a file.

Adding a kind of article file is one module beside this one that defines its ``READER``, and
one entry in ``corpus.files.READERS``. The text a reader gives is the article: every offset
(a citation's ``start`` and ``end``) is an offset in it, and the same bytes must always give
the same text.
"""

from __future__ import annotations

from typing import Protocol


class Unreadable(Exception):
    """The file holds no article: the reason, for the warning that skips it."""


class Reader(Protocol):
    """A kind of article file."""

    @property
    def suffixes(self) -> frozenset[str]:
        """The file name suffixes it reads, lowercase with their dot: ``.txt``."""
        ...

    def text(self, data: bytes) -> str:
        """The article's text in the file's bytes; ``Unreadable`` when there is none."""
        ...
