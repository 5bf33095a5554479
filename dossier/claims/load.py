"""Load and validate the claims file, with ``path:line:column`` in every problem.

The file is read by ``dossier.yamlfile`` (no object constructed, hostile input refused early:
over 1 MB, YAML aliases, nesting too deep) and pydantic checks the data against
``ClaimsFile``. Every problem found is reported at once, each as a sentence for the editor who
wrote the file::

    claims.yaml:14:5: claims[3].expect: 'suported' is not a verdict; use one of supported, ...
"""

from __future__ import annotations

import difflib
import json
import re
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from dossier.errors import ClaimsError
from dossier.models import (
    Claim,
    ClaimSet,
    ClaimsFile,
    Decision,
    Review,
    ReviewedCitation,
    Stance,
    Verdict,
)
from dossier.yamlfile import Loc, Problem, Voice, YamlDoc, label, read_yaml

CLAIMS = Voice(
    what="a claims file",
    error=ClaimsError,
    missing="{name}: file not found; check the path given with --claims",
    folder="{name}: is a folder; give the path of the claims file",
    too_large="{name}: the file is larger than {megabytes} MB; a claims file is a short list "
    "of claims, check that this is the right file",
)
"""How the claims file's problems are worded."""

SLUG_RULE = (
    "an id is a slug: lowercase letters and digits, "
    "in words joined by single hyphens, e.g. us-troops-in-syria"
)


# --- public API ---------------------------------------------------------------------------


def load_claims(path: Path) -> ClaimSet:
    """Read and validate a claims file. Raises ``ClaimsError`` listing every problem found."""
    return claims_of(read_yaml(path, CLAIMS))


def claims_of(doc: YamlDoc) -> ClaimSet:
    """The claims of the claims file ``doc``; raises ``ClaimsError`` listing every problem."""
    name, data = doc.name, doc.data
    if data is None and not doc.problems:
        raise CLAIMS.fail([f"{name}: the file is empty; it needs a 'claims:' list"])
    if not isinstance(data, dict):
        where = doc.places[()].value
        raise CLAIMS.fail(
            [
                f"{name}:{where}: the file must be a mapping with a 'claims:' list at the top, "
                f"not {_kind(data)}"
            ]
        )
    problems = list(doc.problems)
    # pydantic reads a number as seconds since 1970; in a claims file it is a typo.
    number_dates = _numbers_as_dates(data, doc)
    problems.extend(number_dates.values())
    claims_file: ClaimsFile | None = None
    try:
        claims_file = ClaimsFile.model_validate(data)
    except ValidationError as err:
        problems.extend(
            _explain(e, doc) for e in err.errors() if tuple(e["loc"]) not in number_dates
        )
    problems.extend(_duplicate_ids(data, doc))
    if problems or claims_file is None:
        # In file order; problems at the same place keep the order they were found in.
        problems.sort(key=lambda problem: (problem.line, problem.column))
        raise CLAIMS.fail([f"{name}:{problem}" for problem in problems])
    lines = {
        claim.id: doc.places[("claims", i)].value.line for i, claim in enumerate(claims_file.claims)
    }
    return ClaimSet(path=name, file=claims_file, lines=lines)


def claims_json_schema() -> dict[str, Any]:
    """The JSON Schema of the claims file, for editors and tools that validate YAML."""
    return ClaimsFile.model_json_schema()


def claims_json_schema_text() -> str:
    """The JSON Schema as ``dossier schema`` prints it: sorted keys, indent 2, final newline."""
    return json.dumps(claims_json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def slugify(text: str) -> str:
    """A slug of the words of ``text``: ``"U.S. troops in Syria"`` -> ``u-s-troops-in-syria``.
    (Here, not in ``edit``: a bad id's problem suggests one.)"""
    words = re.findall(r"[a-z0-9]+", text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > 60:
            break
        slug = candidate
    return slug or "claim"


# --- validation ---------------------------------------------------------------------------


def _model_at(loc: Loc) -> type[BaseModel]:
    """The model whose field ``loc[-1]`` is (a claim's review, or one of its citations)."""
    if len(loc) >= 3 and loc[0] == "claims":
        if len(loc) >= 4 and loc[2] == "review":
            return ReviewedCitation if len(loc) >= 6 and loc[3] == "citations" else Review
        return Claim
    return ClaimsFile


_OWNERS: dict[type[BaseModel], str] = {
    Claim: "a claim",
    Review: "a review",
    ReviewedCitation: "a reviewed citation",
}
_CHOICES: dict[str, tuple[str, type[StrEnum]]] = {
    "decision": ("a decision", Decision),
    "stance": ("a stance", Stance),
}


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"text ({show(value)})"


def show(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str, ensure_ascii=False)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"'{text}'"


def _explain(error: ErrorDetails, doc: YamlDoc) -> Problem:
    """One pydantic error as a sentence for an editor, at the place in the file it concerns."""
    loc: Loc = tuple(error["loc"])
    on_key = False
    if loc and loc[-1] == "[key]":
        loc, on_key = loc[:-1], True
    kind = error["type"]
    value = error.get("input")
    field = next((part for part in reversed(loc) if isinstance(part, str)), "")
    model = _model_at(loc)
    if kind == "missing":
        place = doc.find(loc[:-1]).value
        description = model.model_fields[field].description if field in model.model_fields else ""
        about = f" ({description[:1].lower()}{description[1:].rstrip('.')})" if description else ""
        return Problem.at(place, f"{label(loc)}: field required; add '{field}: ...'{about}")

    where = doc.find(loc)
    place = where.key if on_key or kind == "extra_forbidden" or value is None else where.value
    return Problem.at(place, f"{label(loc)}: {complaint(error, loc, field, model)}")


def complaint(error: ErrorDetails, loc: Loc, field: str, model: type[BaseModel]) -> str:
    """What is wrong with the value at ``loc`` and how to fix it."""
    kind = error["type"]
    value = error.get("input")
    allowed = ", ".join(model.model_fields)

    if kind == "extra_forbidden":
        owner = _OWNERS.get(model, "the file")
        close = difflib.get_close_matches(field, list(model.model_fields), n=1)
        if close:
            return f"unknown key; did you mean '{close[0]}'?"
        return f"unknown key; {owner} may have {allowed}"
    if value is None and kind in {"string_type", "list_type", "dict_type", "model_type"}:
        required = field in model.model_fields and model.model_fields[field].is_required()
        if kind == "list_type":
            what = "write the items below it, each on a line starting with '- '"
        else:
            what = "write a value after it"
        return f"is empty; {what}" + ("" if required else ", or remove the line")
    if kind == "string_pattern_mismatch" and field == "id":
        suggestion = slugify(value) if isinstance(value, str) else "claim"
        return f"{show(value)} is not a valid id; {SLUG_RULE} (try '{suggestion}')"
    if kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length")
        advice = "; split the claim or move detail to notes" if field == "text" else ""
        return f"too long ({len(value)} characters, at most {limit} allowed){advice}"
    if kind == "string_too_short":
        limit = error.get("ctx", {}).get("min_length")
        return f"too short ({len(value.strip())} characters, at least {limit} needed)"
    if kind == "string_type":
        quote = "; put the value in quotes" if isinstance(value, int | float) else ""
        return f"expected text, got {_kind(value)}{quote}"
    if kind == "enum":
        what, choices = _CHOICES.get(field, ("a verdict", Verdict))
        return f"{show(value)} is not {what}; use one of {', '.join(v.value for v in choices)}"
    if kind == "value_error":  # a rule of the model's own, worded for the editor already
        return str(error.get("ctx", {}).get("error", error["msg"]))
    if kind.startswith(("date_", "datetime_")):
        return f"{show(value)} is not a date; write it as YYYY-MM-DD, e.g. 2024-03-15"
    if kind == "list_type":
        return (
            f"expected a list, got {_kind(value)}; write one item per line, each starting with '- '"
        )
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        if len(loc) == 2 and loc[0] == "claims":
            return f"expected a claim (lines 'id: ...' and 'text: ...'), got {_kind(value)}"
        return f"expected a mapping (lines 'key: value'), got {_kind(value)}"
    return str(error["msg"])


def _numbers_as_dates(data: dict[str, Any], doc: YamlDoc) -> dict[Loc, Problem]:
    claims = data.get("claims")
    items = enumerate(claims) if isinstance(claims, list) else iter(())
    locs: list[Loc] = [("as_of",)]
    for i, item in items:
        if isinstance(item, dict):
            locs += [("claims", i, "as_of"), ("claims", i, "review", "date")]
    found: dict[Loc, Problem] = {}
    for loc in locs:
        if loc not in doc.places:
            continue
        value: Any = data
        for part in loc:
            value = value[part]
        if isinstance(value, int | float) and not isinstance(value, bool):
            found[loc] = Problem.at(
                doc.places[loc].value,
                f"{label(loc)}: {value} is a number, not a date; "
                "write it as YYYY-MM-DD, e.g. 2024-03-15",
            )
    return found


def _duplicate_ids(data: dict[str, Any], doc: YamlDoc) -> list[Problem]:
    claims = data.get("claims")
    if not isinstance(claims, list):
        return []
    first: dict[str, int] = {}
    problems: list[Problem] = []
    for i, item in enumerate(claims):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        claim_id = item["id"]
        if claim_id in first:
            where = doc.places[("claims", i, "id")].value
            problems.append(
                Problem.at(
                    where,
                    f"{label(('claims', i, 'id'))}: duplicate id '{claim_id}' "
                    f"(first defined at line {first[claim_id]}); give each claim its own id",
                )
            )
        else:
            first[claim_id] = doc.places[("claims", i)].value.line
    return problems
