"""Every error the core raises is a DossierError: a sentence that names the place.

Only ``cli.py`` turns these into ``Error: ...`` lines and exit codes.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What every ``dossier`` command exits with (the README's exit-code table says the same)."""

    OK = 0
    CHECK_FAILED = 1
    """``dossier check``: a claim lost support, its verdict changed or its expectation is not
    met, or the lock is out of step with the claims file."""
    BAD_INPUT = 2
    """Bad input or usage: the ``Error:`` lines say what to fix and where."""
    INTERNAL = 3
    """An internal error, a bug in dossier: ``--debug`` shows the traceback."""


class DossierError(Exception):
    """A problem a user can fix; its message is shown as it is."""

    exit_code = ExitCode.BAD_INPUT


class ClaimsError(DossierError):
    """The claims file is missing or invalid. Holds every problem found, one per line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class CorpusError(DossierError):
    """The corpus folder or its metadata is missing or invalid."""


class RenderError(DossierError):
    """An output could not be written."""


class LockError(DossierError):
    """The citation lock file is missing or invalid."""


_LINE_BREAKS = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """``text`` on one line, with characters that break lines or do not print escaped: text from
    a claims file or a corpus file name can neither forge an ``Error:`` line nor drive the
    terminal."""
    return "".join(c if c.isprintable() else _escaped(c) for c in text)


def _escaped(char: str) -> str:
    code = ord(char)
    return _LINE_BREAKS.get(char) or (f"\\x{code:02x}" if code < 256 else f"\\u{code:04x}")
