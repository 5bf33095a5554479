"""What an output format is: a name (the ``--format`` word and the file's suffix) and a function
from the report being rendered to the file's bytes.

Adding an output format is one module beside this one (``html.py``, ``pdf.py``, ``json.py``)
that defines its ``RENDERER``, and one entry in ``output.RENDERERS``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from dossier.models import Report, SourceRow

OUTPUT_NAME = "dossier"
"""Every output is ``dossier.<format>`` in the output folder."""

T = TypeVar("T")


@dataclass
class Rendering:
    """One report being rendered into one or more formats; what formats share (the HTML, which
    the PDF is printed from) is made once.

    ``evidence``: claims whose evidence is given as JSON, and ``sources``: the report's sources
    as rows, when the report leaves them out (see ``json.json_with_evidence``)."""

    report: Report
    evidence: Mapping[int, bytes] = field(default_factory=dict)
    sources: Sequence[SourceRow] | None = None
    _shared: dict[str, Any] = field(default_factory=dict, repr=False)

    def shared(self, key: str, make: Callable[[], T]) -> T:
        """``make()``, made once for this rendering whichever format asks first."""
        if key not in self._shared:
            self._shared[key] = make()
        value: T = self._shared[key]
        return value


@dataclass(frozen=True)
class Renderer:
    """An output format."""

    name: str
    """The word ``--format`` takes, and the output file's suffix."""
    render: Callable[[Rendering], bytes]
    """The output file's bytes; the same report always gives the same bytes."""

    @property
    def file_name(self) -> str:
        return f"{OUTPUT_NAME}.{self.name}"
