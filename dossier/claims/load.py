"""Load and validate the claims file, with ``path:line:column`` in every problem.

The file is read as YAML without constructing any object: ruamel.yaml composes a node tree
(which keeps the line and column of every key and value), we turn that tree into plain data
ourselves, and pydantic checks it against ``ClaimsFile``. Every problem found is reported at
once, each as a sentence for the editor who wrote the file::

    claims.yaml:14:5: claims[3].expect: 'suported' is not a verdict; use one of supported, ...

Hostile input is refused early: files over ``MAX_FILE_BYTES``, YAML aliases (so no "billion
laughs") and nesting deeper than ``MAX_DEPTH``.
"""

from __future__ import annotations

import difflib
import io
import json
import math
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer, MaxDepthExceededError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver

try:  # ruamel.yaml.clib: the same YAML events, parsed in C (about ten times faster)
    from _ruamel_yaml import CParser as _CParser  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - the pure parser gives the same nodes, slower
    _CParser = None

from dossier.atomic import replace_file
from dossier.errors import ClaimsError, one_line
from dossier.models import Claim, ClaimSet, ClaimsFile, Verdict

MAX_FILE_BYTES = 1024 * 1024
"""Claims files larger than this are refused unread. A real one is a few kilobytes; the pure
Python YAML parser (used when the file has an error, to say where) reads about 300 kB a
second, so this bounds a load to a few seconds."""

MAX_DEPTH = 32
"""Deepest nesting of lists and mappings accepted, the top-level mapping included (a claims
file needs four levels: file, claims, claim, tags)."""

SLUG_RULE = (
    "an id is a slug: lowercase letters and digits, "
    "in words joined by single hyphens, e.g. us-troops-in-syria"
)

Loc = tuple[str | int, ...]

_CORE = "tag:yaml.org,2002:"
_COLLECTION_TAGS = {_CORE + t for t in ("map", "seq", "omap", "pairs", "set")}
_SCALAR_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp")}


# --- public API ---------------------------------------------------------------------------


def load_claims(path: Path) -> ClaimSet:
    """Read and validate a claims file. Raises ``ClaimsError`` listing every problem found."""
    name = str(path)
    return _parse_claims(_read_text(path, name), name)[0]


def _parse_claims(text: str, name: str) -> tuple[ClaimSet, MappingNode]:
    """The claims in ``text`` (read from ``name``) and the YAML tree they were read from."""
    node = _compose(text, name)
    if node is None:
        raise _error([f"{name}: the file is empty; it needs a 'claims:' list"])
    tree = _Tree(name)
    data = tree.convert(node, ())
    if data is None and not tree.problems:
        raise _error([f"{name}: the file is empty; it needs a 'claims:' list"])
    if not isinstance(data, dict):
        where = tree.places[()].value
        raise _error(
            [
                f"{name}:{where}: the file must be a mapping with a 'claims:' list at the top, "
                f"not {_kind(data)}"
            ]
        )
    problems = list(tree.problems)
    # pydantic reads a number as seconds since 1970; in a claims file it is a typo.
    number_dates = _numbers_as_dates(data, tree)
    problems.extend(number_dates.values())
    claims_file: ClaimsFile | None = None
    try:
        claims_file = ClaimsFile.model_validate(data)
    except ValidationError as err:
        problems.extend(
            _explain(e, tree) for e in err.errors() if tuple(e["loc"]) not in number_dates
        )
    problems.extend(_duplicate_ids(data, tree))
    if problems or claims_file is None:
        # In file order; problems at the same place keep the order they were found in.
        problems.sort(key=lambda problem: (problem.place.line, problem.place.column))
        raise _error([f"{name}:{problem}" for problem in problems])
    lines = {
        claim.id: tree.places[("claims", i)].value.line
        for i, claim in enumerate(claims_file.claims)
    }
    assert isinstance(node, MappingNode)  # data is a dict
    return ClaimSet(path=name, file=claims_file, lines=lines), node


def claims_json_schema() -> dict[str, Any]:
    """The JSON Schema of the claims file, for editors and tools that validate YAML."""
    return ClaimsFile.model_json_schema()


def claims_json_schema_text() -> str:
    """The JSON Schema as ``dossier schema`` prints it: sorted keys, indent 2, final newline."""
    return json.dumps(claims_json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def slugify(text: str) -> str:
    """A slug of the words of ``text``: ``"U.S. troops in Syria"`` -> ``u-s-troops-in-syria``."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > 60:
            break
        slug = candidate
    return slug or "claim"


# --- adding a claim -----------------------------------------------------------------------


def parse_verdict(value: str) -> Verdict:
    """The verdict named ``value``, or a ``ClaimsError`` listing the verdicts there are."""
    try:
        return Verdict(value)
    except ValueError:
        choices = ", ".join(v.value for v in Verdict)
        raise _error([f"{_show(value)} is not a verdict; use one of {choices}"]) from None


def add_claim(
    path: Path, text: str, *, id: str | None, expect: Verdict | None, tags: list[str]
) -> Claim:
    """Append a claim to the claims file, leaving every other byte of the file as it was.

    The file must be valid to begin with. Without ``id`` the claim gets a slug made from its
    text, unique in the file. The edited file is validated before it replaces the old one
    (written beside it, then renamed), so a failed add leaves the file untouched.
    """
    name = str(path)
    old_text = _read_text(path, name)
    claim_set, root = _parse_claims(old_text, name)
    taken = {claim.id: claim_set.lines[claim.id] for claim in claim_set.claims}
    if id is not None and id in taken:
        raise _error(
            [f"{name}:{taken[id]}: the id '{id}' is already taken here; choose another with --id"]
        )
    fields: dict[str, Any] = {"id": _unique_slug(text, taken) if id is None else id, "text": text}
    if expect is not None:
        fields["expect"] = expect
    if tags:
        fields["tags"] = tags
    try:
        claim = Claim.model_validate(fields)
    except ValidationError as err:
        raise _error(
            [
                f"{name}: the new claim's {e['loc'][0]}: "
                f"{_complaint(e, ('claims', len(taken), *e['loc']), str(e['loc'][0]), Claim)}"
                for e in err.errors()
            ]
        ) from None
    new_text = _append_claim(old_text, root, claim, name)
    new_set, _ = _parse_claims(new_text, name)
    if new_set.claims != [*claim_set.claims, claim]:  # pragma: no cover - a bug of ours
        raise _error([f"{name}: could not add the claim safely; add it by hand"])
    has_bom = path.read_bytes().startswith(b"\xef\xbb\xbf")
    replace_file(path, ("\ufeff" if has_bom else "") + new_text)
    return claim


def _unique_slug(text: str, taken: Mapping[str, int]) -> str:
    base = slugify(text)
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _append_claim(text: str, root: MappingNode, claim: Claim, name: str) -> str:
    """``text`` with ``claim`` written as a new last item of its ``claims:`` list."""
    newline = "\r\n" if "\r\n" in text else "\n"
    key, seq = next((k, v) for k, v in root.value if k.value == "claims")
    assert isinstance(seq, SequenceNode)  # the file was validated
    if seq.flow_style and seq.value:
        raise _error(
            [
                f"{name}:{_mark(seq.start_mark)}: claims: written in brackets [...]; "
                "write one '- ' item per line so that dossier add can append to it"
            ]
        )
    if seq.flow_style:  # 'claims: []': drop the brackets, the item goes on the next line
        dash, content = key.start_mark.column + 2, key.start_mark.column + 4
        text = text[: seq.start_mark.index] + text[seq.end_mark.index :]
        at, gap = _line_end(text, seq.start_mark.index), ""
    else:
        dash = seq.start_mark.column
        first = seq.value[0]
        content = dash + 2 if first.flow_style else max(first.start_mark.column, dash + 2)
        at = _line_end(text, _end_index(seq.value[-1]))
        spaced = len(seq.value) > 1 and _blank_line_between(text, *seq.value[-2:])
        gap = newline if spaced else ""
    if at > len(text):  # the last claim ends the file, without a final line break
        text, at = text + newline, len(text) + len(newline)
    lines = _dump_item(claim).splitlines()
    block = [" " * dash + "-" + " " * (content - dash - 1) + lines[0]]
    block += [" " * content + line if line else "" for line in lines[1:]]
    return text[:at] + gap + "".join(line + newline for line in block) + text[at:]


def _blank_line_between(text: str, before: Node, after: Node) -> bool:
    gap = text[_end_index(before) : after.start_mark.index]
    return re.search(r"\n[ \t]*\r?\n", gap) is not None


def _end_index(node: Node) -> int:
    """Where the last value inside ``node`` ends in the text (block scalars end late)."""
    while isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, MappingNode) else last
    return int(node.end_mark.index)


def _line_end(text: str, index: int) -> int:
    """The start of the line after the last non-blank text before ``index``."""
    index = len(text[:index].rstrip(" \t\r\n"))
    newline = text.find("\n", index)
    return len(text) + 1 if newline == -1 else newline + 1


def _dump_item(claim: Claim) -> str:
    """The claim as YAML, keys in the model's order, tags as a [flow, list]."""
    item = CommentedMap()
    for field, value in claim.model_dump(mode="json", exclude_defaults=True).items():
        if isinstance(value, list):
            value = CommentedSeq(value)
            value.fa.set_flow_style()
        item[field] = value
    yaml = YAML(typ="rt", pure=True)
    yaml.width = 88
    out = io.StringIO()
    yaml.dump(item, out)
    return out.getvalue()


# --- reading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Place:
    """A 1-based line and column in the claims file."""

    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


@dataclass(frozen=True)
class _Problem:
    """One problem and where it is; shown as ``line:column: message`` after the file name."""

    place: _Place
    message: str

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


@dataclass(frozen=True)
class _Where:
    """Where a value stands: its key (or list dash) and the value itself."""

    key: _Place
    value: _Place


def _read_text(path: Path, name: str) -> str:
    try:
        if path.is_dir():
            raise _error([f"{name}: is a folder; give the path of the claims file"])
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise _error([f"{name}: file not found; check the path given with --claims"]) from None
    except OSError as err:
        raise _error([f"{name}: cannot be read ({err.strerror or err})"]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise _error(
            [
                f"{name}: the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; "
                "a claims file is a short list of claims, check that this is the right file"
            ]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        where = _place_of_offset(raw[: err.start].decode("utf-8", errors="replace"), err.start)
        raise _error(
            [
                f"{name}:{where}: not UTF-8 text (byte 0x{raw[err.start]:02x}); "
                "save the file with UTF-8 encoding"
            ]
        ) from None
    return text.removeprefix("\ufeff")


def _error(problems: list[str]) -> ClaimsError:
    """The error for ``problems``: one line each, whatever characters the file held."""
    return ClaimsError([one_line(problem) for problem in problems])


def _place_of_offset(text: str, offset: int) -> _Place:
    before = text[:offset]
    line = before.count("\n") + 1
    return _Place(line, offset - (before.rfind("\n") + 1) + 1)


class _AliasFound(Exception):
    def __init__(self, mark: Any) -> None:
        self.mark = mark


class _NoAliasComposer(Composer):
    """ruamel's composer, stopping at the first alias (``*name``) instead of following it."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.parser.check_event(AliasEvent):
            raise _AliasFound(self.parser.peek_event().start_mark)
        return super().compose_node(parent, index)


_UNUSUAL_RE = re.compile("[^\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\U0010ffff]|%YAML")


class _CEvents:
    """What ruamel's composer needs of a loader, with the events parsed in C."""

    max_depth = MAX_DEPTH

    def __init__(self, text: str) -> None:
        self._parser = _CParser(text)
        self._resolver = VersionedResolver(loadumper=self)  # YAML 1.2, as the pure loader


def _compose_fast(text: str) -> Node | None:
    """``text``'s node tree from C-parsed events, composed by the same (alias-refusing) Python
    composer; None when anything is unusual (an error, an anchor, an empty value, a %YAML
    directive, a tab, a control character or a byte order mark after the first character,
    which libyaml reads otherwise): then the pure parser reads it, to say exactly what and
    where."""
    if _CParser is None or _UNUSUAL_RE.search(text, 1 if text.startswith("\ufeff") else 0):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            node: Node | None = _NoAliasComposer(loader=_CEvents(text)).get_single_node()
    except Exception:  # any trouble is reported by the pure parser, below
        return None
    return node if node is None or _plain(node) else None


def _plain(node: Node) -> bool:
    """No anchor and no empty value in the tree: the C parser places those nodes otherwise than
    the pure one (a value's position is where a problem with it is reported)."""
    if getattr(node, "anchor", None) is not None:
        return False
    if isinstance(node, ScalarNode):
        return bool(node.value != "")
    items = node.value if isinstance(node, SequenceNode) else [n for kv in node.value for n in kv]
    return all(_plain(item) for item in items)


def _compose(text: str, name: str) -> Node | None:
    """The YAML node tree of ``text``, or None when it holds no document.

    The safe parser builds nodes only (no objects) and keeps each node's line and column.
    Aliases are refused where they stand, before any is followed, so a "billion laughs" file
    costs no more than reading it; nesting beyond ``MAX_DEPTH`` is refused before the
    composer recurses into it.
    """
    fast = _compose_fast(text)
    if fast is not None:
        return fast
    yaml = YAML(typ="safe", pure=True)
    yaml.Composer = _NoAliasComposer
    yaml.max_depth = MAX_DEPTH
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            node: Node | None = yaml.compose(text)
    except _AliasFound as alias:
        raise _error(
            [
                f"{name}:{_mark(alias.mark)}: YAML aliases (*name) are not allowed "
                "in a claims file; write the value out in full"
            ]
        ) from None
    except MaxDepthExceededError as err:
        raise _error(
            [
                f"{name}:{_mark(err.problem_mark)}: lists and mappings are nested more than "
                f"{MAX_DEPTH} deep; a claims file needs only a few levels"
            ]
        ) from None
    except MarkedYAMLError as err:
        raise _error([_syntax_problem(err, name, text)]) from None
    except YAMLError as err:
        position = getattr(err, "position", None)
        where = f":{_place_of_offset(text, position)}" if isinstance(position, int) else ""
        reason = getattr(err, "reason", None) or str(err).splitlines()[0]
        character = getattr(err, "character", None)
        if isinstance(character, int):
            reason = f"the character U+{character:04X} is not allowed in YAML; remove it"
        raise _error([f"{name}{where}: {reason}"]) from None
    except (AssertionError, ValueError, TypeError, IndexError, KeyError, AttributeError) as err:
        # ruamel.yaml lets some malformed input through as a plain exception, e.g. an
        # AssertionError for '%YAML 1.9'; it is still the file's fault, not a bug of ours.
        detail = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise _error([f"{name}: not valid YAML ({detail}); check the file's syntax"]) from None
    return node


def _mark(mark: Any) -> _Place:
    return _Place(int(mark.line) + 1, int(mark.column) + 1)


_SYNTAX_HINTS = {
    "mapping values are not allowed here": (
        "a ': ' inside unquoted text, or a key indented too far; put the text in quotes"
    ),
    "cannot start any token": "indent with spaces, not tabs",
    "but found another document": "a claims file holds one document; remove the extra '---'",
    "found unexpected end of stream": "a quote or bracket is never closed",
}


def _syntax_problem(err: MarkedYAMLError, name: str, text: str) -> str:
    mark = err.problem_mark or err.context_mark
    where = f":{_mark(mark)}" if mark is not None else ""
    problem = err.problem or err.context or "not valid YAML"
    sentence = f"YAML syntax error: {problem}"
    if err.context and err.problem:
        sentence += f" {err.context}"
        if err.context_mark is not None and err.context_mark.line != getattr(mark, "line", None):
            sentence += f" (from line {err.context_mark.line + 1})"
    for needle, hint in _SYNTAX_HINTS.items():
        if needle in problem:
            sentence += f"; {hint}"
            break
    return f"{name}{where}: {sentence}"


class _Tree:
    """Turns a YAML node tree into plain data, remembering where each value stands."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.places: dict[Loc, _Where] = {}
        self.problems: list[_Problem] = []

    def problem(self, place: _Place, loc: Loc, message: str) -> None:
        self.problems.append(_Problem(place, f"{_label(loc)}: {message}"))

    def convert(self, node: Node, loc: Loc, key: _Place | None = None) -> Any:
        value_place = _mark(node.start_mark)
        self.places[loc] = _Where(key or value_place, value_place)
        tag = str(node.tag)
        if isinstance(node, ScalarNode):
            if tag not in _SCALAR_TAGS:
                self.problem(value_place, loc, f"the YAML tag '{tag}' is not supported; remove it")
                return str(node.value)
            return _scalar(tag, str(node.value))
        if tag not in _COLLECTION_TAGS:
            self.problem(value_place, loc, f"the YAML tag '{tag}' is not supported; remove it")
        if isinstance(node, SequenceNode):
            return [self.convert(item, (*loc, i)) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self._mapping(node, loc)
        return None  # pragma: no cover - ruamel has no other node kinds

    def _mapping(self, node: MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_place = _mark(key_node.start_mark)
            if not isinstance(key_node, ScalarNode):
                self.problem(key_place, loc, "a key must be a plain name, not a list or mapping")
                continue
            key = str(key_node.value)
            if key in first_line:
                self.problem(
                    key_place,
                    (*loc, key),
                    f"duplicate key (first at line {first_line[key]}); remove one of them",
                )
                continue
            first_line[key] = key_place.line
            result[key] = self.convert(value_node, (*loc, key), key_place)
        return result


_INT = re.compile(r"[-+]?(?:[0-9][0-9_]*|0o[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+)")


def _scalar(tag: str, value: str) -> Any:
    """The plain Python value of a resolved YAML scalar. Dates stay text for pydantic."""
    if tag == _CORE + "null":
        return None
    if tag == _CORE + "bool":
        return value.lower() in {"true", "yes", "on", "y"}
    if tag == _CORE + "int" and _INT.fullmatch(value):
        digits = value.replace("_", "")
        try:
            return int(digits, 0)
        except ValueError:
            try:
                return int(digits, 10)
            except ValueError:
                return value
    if tag == _CORE + "float":
        lowered = value.lower().replace("_", "")
        specials = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}
        if lowered in specials:
            return specials[lowered]
        try:
            return float(lowered)
        except ValueError:
            return value
    return value


# --- validation ---------------------------------------------------------------------------


def _label(loc: Loc) -> str:
    """``('claims', 3, 'text')`` -> ``claims[3].text``, the way an editor would point at it."""
    label = ""
    for part in loc:
        if isinstance(part, int):
            label += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z0-9_-]+", part):
            label += f".{part}" if label else part
        else:
            label += f"[{part!r}]"
    return label or "(top level)"


def _model_at(loc: Loc) -> type[BaseModel]:
    """The model whose field ``loc[-1]`` is."""
    return Claim if len(loc) >= 3 and loc[0] == "claims" else ClaimsFile


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
    return f"text ({_show(value)})"


def _show(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str, ensure_ascii=False)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"'{text}'"


def _explain(error: ErrorDetails, tree: _Tree) -> _Problem:
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
        place = _find(tree, loc[:-1]).value
        description = model.model_fields[field].description if field in model.model_fields else ""
        about = f" ({description[:1].lower()}{description[1:].rstrip('.')})" if description else ""
        return _Problem(place, f"{_label(loc)}: field required; add '{field}: ...'{about}")

    where = _find(tree, loc)
    place = where.key if on_key or kind == "extra_forbidden" or value is None else where.value
    return _Problem(place, f"{_label(loc)}: {_complaint(error, loc, field, model)}")


def _complaint(error: ErrorDetails, loc: Loc, field: str, model: type[BaseModel]) -> str:
    """What is wrong with the value at ``loc`` and how to fix it."""
    kind = error["type"]
    value = error.get("input")
    allowed = ", ".join(model.model_fields)

    if kind == "extra_forbidden":
        owner = "a claim" if model is Claim else "the file"
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
        return f"{_show(value)} is not a valid id; {SLUG_RULE} (try '{suggestion}')"
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
        choices = ", ".join(v.value for v in Verdict)
        return f"{_show(value)} is not a verdict; use one of {choices}"
    if kind.startswith(("date_", "datetime_")):
        return f"{_show(value)} is not a date; write it as YYYY-MM-DD, e.g. 2024-03-15"
    if kind == "list_type":
        return (
            f"expected a list, got {_kind(value)}; write one item per line, each starting with '- '"
        )
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        if len(loc) == 2 and loc[0] == "claims":
            return f"expected a claim (lines 'id: ...' and 'text: ...'), got {_kind(value)}"
        return f"expected a mapping (lines 'key: value'), got {_kind(value)}"
    return str(error["msg"])


def _find(tree: _Tree, loc: Loc) -> _Where:
    """Where the deepest known part of ``loc`` stands in the file."""
    for end in range(len(loc), -1, -1):
        where = tree.places.get(loc[:end])
        if where is not None:
            return where
    return _Where(_Place(1, 1), _Place(1, 1))  # pragma: no cover - () is always known


def _numbers_as_dates(data: dict[str, Any], tree: _Tree) -> dict[Loc, _Problem]:
    claims = data.get("claims")
    items = enumerate(claims) if isinstance(claims, list) else iter(())
    locs: list[Loc] = [("as_of",)]
    locs += [("claims", i, "as_of") for i, item in items if isinstance(item, dict)]
    found: dict[Loc, _Problem] = {}
    for loc in locs:
        if loc not in tree.places:
            continue
        value: Any = data
        for part in loc:
            value = value[part]
        if isinstance(value, int | float) and not isinstance(value, bool):
            found[loc] = _Problem(
                tree.places[loc].value,
                f"{_label(loc)}: {value} is a number, not a date; "
                "write it as YYYY-MM-DD, e.g. 2024-03-15",
            )
    return found


def _duplicate_ids(data: dict[str, Any], tree: _Tree) -> list[_Problem]:
    claims = data.get("claims")
    if not isinstance(claims, list):
        return []
    first: dict[str, int] = {}
    problems: list[_Problem] = []
    for i, item in enumerate(claims):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        claim_id = item["id"]
        if claim_id in first:
            where = tree.places[("claims", i, "id")].value
            problems.append(
                _Problem(
                    where,
                    f"{_label(('claims', i, 'id'))}: duplicate id '{claim_id}' "
                    f"(first defined at line {first[claim_id]}); give each claim its own id",
                )
            )
        else:
            first[claim_id] = tree.places[("claims", i)].value.line
    return problems
