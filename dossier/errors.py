"""Every error the core raises is a DossierError: a sentence that names the place.

Only ``cli.py`` turns these into ``Error: ...`` lines and exit codes.
"""

from __future__ import annotations

from collections.abc import Callable
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
    """A problem a user can fix. It holds one message, or several (``problems``), each a sentence
    shown on an ``Error:`` line of its own; a line break inside one is shown escaped, so a file
    name can never start a line of its own (``dossier.sanitise``)."""

    exit_code = ExitCode.BAD_INPUT

    def __init__(self, *problems: str) -> None:
        self.problems = list(problems)
        super().__init__(*problems)

    def __str__(self) -> str:
        return "\n".join(self.problems)

    def __reduce__(
        self,
    ) -> tuple[Callable[..., DossierError], tuple[type[DossierError], list[str]]]:
        return _rebuilt, (type(self), self.problems)  # whatever a subclass's __init__ takes


def _rebuilt(cls: type[DossierError], problems: list[str]) -> DossierError:
    """An error as it was raised in a worker process, for the process that shows it."""
    error = cls.__new__(cls)
    DossierError.__init__(error, *problems)
    return error


class ClaimsError(DossierError):
    """The claims file is missing or invalid. Holds every problem found, one per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(*problems)


class CorpusError(DossierError):
    """The corpus folder or its metadata is missing or invalid."""


class RenderError(DossierError):
    """An output could not be written."""


class LockError(DossierError):
    """The citation lock file is missing or invalid."""


class ClusterError(DossierError):
    """The Dask cluster given to ``--scheduler`` cannot be reached or started, or lost a task."""
