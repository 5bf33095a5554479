"""The JSON dossier: the report as its model dumps it (``dossier.json``), written claim by claim,
also put together from claims' evidence kept as JSON apart (the build cache), byte for byte the
same."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from pydantic import TypeAdapter

from dossier.models import Evidence, Report, SourceRow
from dossier.render.interface import Renderer, Rendering


def render_json(report: Report) -> str:
    """The report dumped at once (the reference ``json_with_evidence`` writes claim by claim)."""
    return report.model_dump_json(indent=2) + "\n"


EVIDENCE_JSON = TypeAdapter(list[Evidence])
"""How a claim's evidence is kept as JSON apart from its report: ``dump_json(evidence,
indent=2)``, which ``json_with_evidence`` puts in place as it is."""

SOURCES_JSON = TypeAdapter(list[SourceRow])
"""How a report's sources are dumped apart from it, from plain rows (``json_with_evidence``)."""

_CLAIM_INDENT = b"    "  # a claim in the report's "claims" list
_EVIDENCE_INDENT = b"  "  # the "evidence" list in a claim, itself indented as a claim
_FIELD_INDENT = b"  "  # a field of the report


def json_with_evidence(
    report: Report, evidence: Mapping[int, bytes], sources: Sequence[SourceRow] | None = None
) -> bytes:
    """``render_json(report)`` as bytes, written claim by claim: the report is never held as
    JSON but once (its head, then each claim dumped and written to one buffer in turn; the
    whole report dumped at once, then encoded, held it three times over).

    ``evidence``: claims whose evidence is given as ``EVIDENCE_JSON`` wrote it, their evidence
    list in ``report`` empty: put in place as it is, without reading that JSON back into models
    (a dossier of a thousand claims holds tens of megabytes of it). ``sources``: the report's
    sources as rows, when ``report.sources`` is left empty (a model for each of 50,000
    articles took a tenth of a build that judged one claim)."""
    if sources is not None and report.sources:
        raise ValueError("json_with_evidence: the sources are given both ways")
    head = report.model_copy(update={"claims": []}).model_dump_json(indent=2).encode("utf-8")
    empty_sources, empty_claims = b'\n  "sources": [],', b'\n  "claims": []\n}'
    if not head.endswith(empty_claims):
        raise ValueError("json_with_evidence: the report's last field is not its claims")
    head = head[: -len(empty_claims)]
    out = io.BytesIO()
    if sources:
        if not head.endswith(empty_sources):
            raise ValueError("json_with_evidence: the report's sources are not before its claims")
        out.write(head[: -len(empty_sources)])
        out.write(b'\n  "sources": ')
        listed = SOURCES_JSON.dump_json(list(sources), indent=2)
        out.write(listed.replace(b"\n", b"\n" + _FIELD_INDENT))
        out.write(b",")
    else:
        out.write(head)
    del head
    if not report.claims:
        out.write(empty_claims + b"\n")
        return out.getvalue()
    out.write(b'\n  "claims": [\n')
    for n, claim in enumerate(report.claims):
        body = claim.model_dump_json(indent=2).encode("utf-8")
        stored = evidence.get(n)
        if stored is not None:
            if claim.evidence:
                raise ValueError(f"json_with_evidence: claim {n} has evidence both ways")
            nested = stored.replace(b"\n", b"\n" + _EVIDENCE_INDENT)
            body = body.replace(b'"evidence": []', b'"evidence": ' + nested, 1)
        if n:
            out.write(b",\n")
        out.write(_CLAIM_INDENT + body.replace(b"\n", b"\n" + _CLAIM_INDENT))
    out.write(b"\n  ]\n}\n")
    return out.getvalue()  # (the buffer's own bytes, not a copy)


def _json(rendering: Rendering) -> bytes:
    return json_with_evidence(rendering.report, rendering.evidence, rendering.sources)


RENDERER = Renderer("json", _json)
