"""What dossier prints is shown, never obeyed: the one sanitiser for terminal and CI output.

Text from outside (article file names, quotes, claim text, metadata) reaches a terminal or a
CI log through every command. A character that does not print there can act instead: an escape
sequence sets the window title or rewrites the screen, BEL rings, a bidi override (U+202E)
reverses what a reviewer reads, and a newline in a file name starts a line of its own, which a
CI runner reads as a command (``::error file=claims.yaml,line=1::all good`` on GitHub).

One rule decides what is unsafe (:func:`unsafe`: every character Python does not call printable,
i.e. controls, format characters such as bidi overrides and zero-width joiners, line and
paragraph separators, and every space but the plain one) and three ways show it:

* :func:`one_line` for a value put into a line of ours (a name, a quote, a message): every unsafe
  character escaped (``\\n``, ``\\x1b``, ``\\u202e``), so the value stays on its line;
* :func:`printable` for styled terminal text, where spans must keep their place: each unsafe
  character but the newline replaced one for one by U+FFFD;
* :func:`lines` for a whole output of ours, the last pass before it is written: every line kept,
  every unsafe character in it escaped; :func:`json_text` does the same inside JSON strings, so
  the document stays valid JSON and parses to the same values.
"""

from __future__ import annotations

import re

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def unsafe(char: str) -> bool:
    """Whether ``char`` may act rather than print on a terminal or in a CI log."""
    return not char.isprintable()


def escaped(char: str) -> str:
    """``char`` written out as Python would in a string literal: ``\\n``, ``\\x1b``, ``\\u202e``."""
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def one_line(text: str) -> str:
    """``text`` on one line, each unsafe character (newlines too) escaped."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else escaped(c) for c in text)


def printable(text: str) -> str:
    """``text`` with each unsafe character but the newline replaced by U+FFFD, one for one."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == "\n" else "\ufffd" for c in text)


def lines(text: str) -> str:
    """An output of ours, safe to write: its newlines kept, every other unsafe character escaped."""
    if text.isprintable():
        return text
    return "\n".join(one_line(line) for line in text.split("\n"))


_JSON_UNSAFE = re.compile(r"[^\n\"\\\x20-\x7e]")


def _json_escape(match: re.Match[str]) -> str:
    char = match.group()
    if char.isprintable():
        return char
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a UTF-16 surrogate pair, as JSON writes characters past the BMP
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_text(text: str) -> str:
    """A JSON document of ours with every unsafe character escaped as ``\\uXXXX``.

    ``json.dumps`` escapes the C0 controls but leaves the others (U+0085, U+009B, U+202E) raw
    when ``ensure_ascii`` is off. Such a character can only sit inside a string, where the escape
    means the same character: the document parses to the same values."""
    return _JSON_UNSAFE.sub(_json_escape, text)
