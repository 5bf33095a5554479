"""Every error the core raises is a DossierError: a sentence that names the place.

Only ``cli.py`` turns these into ``Error: ...`` lines and exit codes.
"""

from __future__ import annotations


class DossierError(Exception):
    """A problem a user can fix; its message is shown as it is."""

    exit_code = 2


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
