"""Every YAML file dossier reads (the claims file, ``sources.yaml``, a gold set) is read here.

The file is read as YAML without constructing any object: ruamel.yaml composes a node tree
(which keeps the line and column of every key and value), and ``YamlDoc`` turns that tree into
plain data itself, remembering where each value stands, so that every problem a reader finds
(here, or when it validates the data with a pydantic model) is told as ``path:line:col:
message``.

Hostile input is refused early, the same way in every file: files over ``MAX_FILE_BYTES`` (a
reader may allow more), text that is not UTF-8 (with the line and column of the first bad
byte), YAML aliases (refused where they stand, before any is followed: no "billion laughs"),
nesting deeper than ``MAX_DEPTH``, and tags that would construct an object
(``!!python/object``). Each kind of file words these problems for its own editor: a ``Voice``.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer, MaxDepthExceededError
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver

try:  # ruamel.yaml.clib: the same YAML events, parsed in C (about ten times faster)
    from _ruamel_yaml import CParser as _CParser  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - the pure parser gives the same nodes, slower
    _CParser = None

from dossier.errors import DossierError
from dossier.sanitise import one_line

MAX_FILE_BYTES = 1024 * 1024
"""YAML files larger than this are refused unread (unless their ``Voice`` allows more). A
claims file is a few kilobytes; the pure Python YAML parser (used when the file has an error,
to say where) reads about 300 kB a second, so this bounds a load to a few seconds."""

MAX_DEPTH = 32
"""Deepest nesting of lists and mappings accepted, the top-level mapping included (a claims
file needs four levels: file, claims, claim, tags)."""

Loc = tuple[str | int, ...]

_CORE = "tag:yaml.org,2002:"
_COLLECTION_TAGS = {_CORE + t for t in ("map", "seq", "omap", "pairs", "set")}
_SCALAR_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp")}


# --- places and problems ------------------------------------------------------------------


class Place(NamedTuple):
    """A 1-based line and column in a file; shown as ``line:column``."""

    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


class Problem(NamedTuple):
    """One problem and where it is; shown as ``line:column: message`` after the file name."""

    line: int
    column: int
    message: str

    @classmethod
    def at(cls, place: Place, message: str) -> Problem:
        return cls(place.line, place.column, message)

    @property
    def place(self) -> Place:
        return Place(self.line, self.column)

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class Where:
    """Where a value stands: its key (or list dash) and the value itself."""

    key: Place
    value: Place


_NAME = re.compile(r"[A-Za-z0-9_-]+")


def label(loc: Loc, quote: str = "'") -> str:
    """``('claims', 3, 'text')`` -> ``claims[3].text``, the way an editor would point at it; a
    key that is no plain name is quoted: ``aliases['Islamic State']`` (``quote='"'``:
    ``sources["a.txt"]``)."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _NAME.fullmatch(part):
            text += f".{part}" if text else part
        else:
            text += f"[{part!r}]" if quote == "'" else f"[{quote}{part}{quote}]"
    return text or "(top level)"


# --- how a kind of file words its problems ------------------------------------------------


@dataclass(frozen=True)
class Voice:
    """How the problems of one kind of YAML file are worded for the editor who writes it.

    Each message is a format string; ``{name}`` is the file's name, ``{where}`` its name with
    ``:line:column`` when the place is known, ``{what}`` the file as a sentence names it.
    """

    what: str
    """The file in a sentence: ``a claims file``."""
    error: Callable[[list[str]], DossierError]
    """The error raised, given every problem found (one line each)."""
    max_bytes: int = MAX_FILE_BYTES
    quote: str = "'"
    """The quote around a key that is no plain name in a problem's place (see ``label``)."""
    dates: str | None = None
    """With a message (``{value}``, ``{reason}``), a YAML date is read as a ``datetime.date``
    and an impossible one (2017-13-01) is that problem; without, dates stay text."""
    missing: str = "{name}: file not found; check the path"
    folder: str = "{name}: is a folder; give the path of {what}"
    unreadable: str = "{name}: cannot be read ({strerror})"
    too_large: str = (
        "{name}: the file is larger than {megabytes} MB; check that this is the right file"
    )
    not_utf8: str = "{where}: not UTF-8 text (byte 0x{byte:02x}); save the file with UTF-8 encoding"
    syntax: str = "{where}: YAML syntax error: {sentence}"
    """``{sentence}``: the problem, its context and a hint; ``{problem}``: the problem alone."""
    alias: str = (
        "{where}: YAML aliases (*name) are not allowed in {what}; write the value out in full"
    )
    too_deep: str = (
        "{where}: lists and mappings are nested more than {depth} deep; "
        "{what} needs only a few levels"
    )

    def fail(self, problems: list[str]) -> DossierError:
        """The error for ``problems``: one line each, whatever characters the file held."""
        return self.error([one_line(problem) for problem in problems])

    def say(self, template: str, name: str, place: Place | None = None, **details: Any) -> str:
        where = f"{name}:{place}" if place is not None else name
        return template.format(name=name, where=where, what=self.what, **details)


# --- reading ------------------------------------------------------------------------------


@dataclass
class YamlDoc:
    """A YAML file read as plain data, with the place of every value and the problems found in
    its structure (a tag, a key that is a list, a duplicate key), to report with the others."""

    name: str
    text: str
    voice: Voice
    root: Node | None = None
    data: Any = None
    places: dict[Loc, Where] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def find(self, loc: Loc) -> Where:
        """Where the deepest known part of ``loc`` stands in the file."""
        for end in range(len(loc), -1, -1):
            where = self.places.get(loc[:end])
            if where is not None:
                return where
        return Where(Place(1, 1), Place(1, 1))

    def place(self, loc: Loc, *, at_key: bool = False) -> Place:
        """The place of the deepest value along ``loc`` (a pydantic error location) found in the
        file: the place of its key when it is empty, or with ``at_key`` when the whole of
        ``loc`` is found (for a key that should not be there)."""
        found, use_key, value = Place(1, 1), False, self.data
        for end in range(1, len(loc) + 1):
            where = self.places.get(loc[:end])
            if where is None:
                break
            value = value[loc[end - 1]]
            use_key = value is None or (at_key and end == len(loc))
            found = where.key if use_key else where.value
        return found

    def problem(self, loc: Loc, message: str, *, at_key: bool = False) -> Problem:
        """``message`` about the value at ``loc``, labelled and placed."""
        return Problem.at(self.place(loc, at_key=at_key), f"{self.label(loc)}: {message}")

    def label(self, loc: Loc) -> str:
        return label(loc, self.voice.quote)


M = TypeVar("M", bound=BaseModel)


def validate_located(
    model: type[M],
    doc: YamlDoc,
    explain: Callable[[ErrorDetails], str | None] | None = None,
) -> tuple[M | None, list[Problem]]:
    """Validate ``doc``'s data with ``model``; each problem comes with the line and column it is
    at. ``explain`` may word an error for the reader (``None``: pydantic's own message)."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as err:
        problems: list[Problem] = []
        for error in err.errors():
            loc = tuple(error["loc"])
            place = doc.place(loc, at_key=error["type"] == "extra_forbidden")
            message = (explain(error) if explain else None) or f"{error['msg']}."
            what = f"{doc.label(loc)}: " if loc else ""
            problems.append(Problem.at(place, what + message))
        return None, problems


def read_yaml(path: Path, voice: Voice) -> YamlDoc:
    """Read and parse the YAML file at ``path``; the file's problems raise ``voice``'s error."""
    name = str(path)
    return parse_yaml(read_text(path, voice), name, voice)


def read_text(path: Path, voice: Voice) -> str:
    """The text of ``path``, at most ``voice.max_bytes`` of UTF-8, without a byte order mark."""
    name = str(path)
    limit = voice.max_bytes
    try:
        if path.is_dir():
            raise voice.fail([voice.say(voice.folder, name)])
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise voice.fail([voice.say(voice.missing, name)]) from None
    except OSError as err:
        message = voice.say(voice.unreadable, name, strerror=err.strerror or err)
        raise voice.fail([message]) from None
    if len(raw) > limit:
        message = voice.say(voice.too_large, name, megabytes=limit // (1024 * 1024))
        raise voice.fail([message])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[: err.start].decode("utf-8", errors="replace")
        # err.start counts bytes: after a non-ASCII character the column is too large (as it was)
        place = _place_of_offset(before, err.start)
        message = voice.say(voice.not_utf8, name, place, byte=raw[err.start])
        raise voice.fail([message]) from None
    return text.removeprefix("\ufeff")


def parse_yaml(text: str, name: str, voice: Voice) -> YamlDoc:
    """``text`` (read from ``name``) as plain data with places; syntax errors, aliases and deep
    nesting raise ``voice``'s error, other problems are listed in ``YamlDoc.problems``."""
    doc = YamlDoc(name, text, voice, root=_compose(text, name, voice))
    if doc.root is not None:
        doc.data = _Converter(doc).convert(doc.root, ())
    return doc


def _place_of_offset(text: str, offset: int) -> Place:
    before = text[:offset]
    line = before.count("\n") + 1
    return Place(line, offset - (before.rfind("\n") + 1) + 1)


class _AliasFound(Exception):
    def __init__(self, mark: Any) -> None:
        self.mark = mark


class NoAliasComposer(Composer):
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


def compose_fast(text: str) -> Node | None:
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
            node: Node | None = NoAliasComposer(loader=_CEvents(text)).get_single_node()
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


def _compose(text: str, name: str, voice: Voice) -> Node | None:
    """The YAML node tree of ``text``, or None when it holds no document.

    The safe parser builds nodes only (no objects) and keeps each node's line and column.
    Aliases are refused where they stand, before any is followed, so a "billion laughs" file
    costs no more than reading it; nesting beyond ``MAX_DEPTH`` is refused before the
    composer recurses into it.
    """
    fast = compose_fast(text)
    if fast is not None:
        return fast
    yaml = YAML(typ="safe", pure=True)
    yaml.Composer = NoAliasComposer
    yaml.max_depth = MAX_DEPTH
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            node: Node | None = yaml.compose(text)
    except _AliasFound as alias:
        raise voice.fail([voice.say(voice.alias, name, place_of(alias.mark))]) from None
    except MaxDepthExceededError as err:
        message = voice.say(voice.too_deep, name, place_of(err.problem_mark), depth=MAX_DEPTH)
        raise voice.fail([message]) from None
    except MarkedYAMLError as err:
        raise voice.fail([_syntax_problem(err, name, voice)]) from None
    except YAMLError as err:
        position = getattr(err, "position", None)
        where = f":{_place_of_offset(text, position)}" if isinstance(position, int) else ""
        reason = getattr(err, "reason", None) or str(err).splitlines()[0]
        character = getattr(err, "character", None)
        if isinstance(character, int):
            reason = f"the character U+{character:04X} is not allowed in YAML; remove it"
        raise voice.fail([f"{name}{where}: {reason}"]) from None
    except (AssertionError, ValueError, TypeError, IndexError, KeyError, AttributeError) as err:
        # ruamel.yaml lets some malformed input through as a plain exception, e.g. an
        # AssertionError for '%YAML 1.9'; it is still the file's fault, not a bug of ours.
        detail = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise voice.fail([f"{name}: not valid YAML ({detail}); check the file's syntax"]) from None
    return node


def place_of(mark: Any) -> Place:
    """The 1-based place of a ruamel.yaml mark (0-based)."""
    return Place(int(mark.line) + 1, int(mark.column) + 1)


_SYNTAX_HINTS = {
    "mapping values are not allowed here": (
        "a ': ' inside unquoted text, or a key indented too far; put the text in quotes"
    ),
    "cannot start any token": "indent with spaces, not tabs",
    "but found another document": "{what} holds one document; remove the extra '---'",
    "found unexpected end of stream": "a quote or bracket is never closed",
}


def _syntax_problem(err: MarkedYAMLError, name: str, voice: Voice) -> str:
    mark = err.problem_mark or err.context_mark
    problem = err.problem or err.context or "not valid YAML"
    sentence = problem
    if err.context and err.problem:
        sentence += f" {err.context}"
        if err.context_mark is not None and err.context_mark.line != getattr(mark, "line", None):
            sentence += f" (from line {err.context_mark.line + 1})"
    for needle, hint in _SYNTAX_HINTS.items():
        if needle in problem:
            sentence += f"; {hint.format(what=voice.what)}"
            break
    place = place_of(mark) if mark is not None else None
    return voice.say(voice.syntax, name, place, sentence=sentence, problem=problem)


class _Converter:
    """Turns a YAML node tree into plain data, remembering where each value stands."""

    def __init__(self, doc: YamlDoc) -> None:
        self.doc = doc
        self.places = doc.places
        self.problems = doc.problems

    def problem(self, place: Place, loc: Loc, message: str) -> None:
        self.problems.append(Problem.at(place, f"{self.doc.label(loc)}: {message}"))

    def convert(self, node: Node, loc: Loc, key: Place | None = None) -> Any:
        value_place = place_of(node.start_mark)
        self.places[loc] = Where(key or value_place, value_place)
        tag = str(node.tag)
        if isinstance(node, ScalarNode):
            if tag not in _SCALAR_TAGS:
                self.problem(value_place, loc, f"the YAML tag '{tag}' is not supported; remove it")
                return str(node.value)
            if tag == _CORE + "timestamp" and self.doc.voice.dates is not None:
                return self._date(node, value_place)
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
            key_place = place_of(key_node.start_mark)
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

    def _date(self, node: ScalarNode, place: Place) -> Any:
        """A YAML date as ruamel.yaml reads it (a ``date``, or a ``datetime`` with a time); an
        impossible one is a problem, reported once (the value is then read as empty)."""
        try:
            return _DATES.construct_yaml_timestamp(node)
        except ValueError as err:
            template = self.doc.voice.dates or ""
            self.problems.append(Problem.at(place, template.format(value=node.value, reason=err)))
            return None


_DATES = RoundTripConstructor(loader=None)

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
