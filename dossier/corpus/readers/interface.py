"""What reads one kind of article file: the suffixes it takes and what it finds in a file.

Adding a kind of article file is one module beside this one that defines its ``READER``, and
one entry in ``corpus.files.READERS``. The text a reader gives is the article: every offset
(a citation's ``start`` and ``end``) is an offset in it, and the same bytes must always give
the same text (a reader never fetches anything and never reads the clock).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from dossier.models import SourceMeta


class Unreadable(Exception):
    """The file holds no article: the reason, for the warning that skips it."""


@dataclass(frozen=True)
class Extracted:
    """What a reader finds in an article file."""

    text: str
    """The article's text: what is segmented, judged and quoted."""
    meta: SourceMeta = field(default_factory=SourceMeta)
    """What the file says of itself (title, outlet, date, url, author); ``sources.yaml``
    overrides it."""
    said: tuple[str, ...] = ()
    """Warnings, each a sentence naming ``FILE:LINE`` (a front matter that cannot be read)."""


class Reader(Protocol):
    """A kind of article file."""

    @property
    def suffixes(self) -> frozenset[str]:
        """The file name suffixes it reads, lowercase with their dot: ``.txt``."""
        ...

    @property
    def origin(self) -> str | None:
        """Which text a citation's offsets refer to when it is not the file's own characters,
        as the JSON says it (``extracted from HTML``); None for plain text."""
        ...

    def read(self, data: bytes, name: str) -> Extracted:
        """The article in the file ``name``'s bytes; ``Unreadable`` when there is none."""
        ...
