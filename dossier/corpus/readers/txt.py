"""Plain text articles (``.txt``): the file's bytes decoded as UTF-8, newlines kept.

That is exactly what ``open(path, encoding="utf-8", newline="")`` gives, so every offset is a
Python string offset. A file that is not valid UTF-8 is skipped (no other encoding is guessed:
a wrong guess would silently change the quoted text), and so is a binary file (it holds NUL
bytes).
"""

from __future__ import annotations

from dataclasses import dataclass

from dossier.corpus.readers.interface import Extracted, Unreadable


def decoded(data: bytes) -> str:
    """``data`` as UTF-8 text; ``Unreadable`` when it is binary or not UTF-8."""
    if b"\x00" in data:
        raise Unreadable("a binary file (it holds NUL bytes), not an article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise Unreadable(f"not valid UTF-8 (byte {err.start})") from None


@dataclass(frozen=True)
class PlainText:
    """Articles that are UTF-8 text as they stand."""

    suffixes: frozenset[str]
    origin: str | None = None

    def read(self, data: bytes, name: str) -> Extracted:
        return Extracted(decoded(data))


READER = PlainText(frozenset({".txt"}))
