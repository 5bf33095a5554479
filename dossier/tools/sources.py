"""Show and edit what is known about each article: ``corpus/sources.yaml``.

``set_source`` changes one article's entry and leaves every other byte of the file as it was
(ruamel.yaml round trip: comments, order and quoting kept); a missing file is created with a
header comment. ``remove_source`` drops an entry's lines, with the comment lines just above it.
The edited text is validated exactly as a build validates it (``corpus.sources.parse_sources``)
before it replaces the file, so an edit never leaves a file the build would refuse; a file that
is already broken is reported, ``PATH:LINE:COL: message``, and left alone.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import json
import re
import shlex
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from rich.console import RenderableType
from rich.text import Text
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from dossier.atomic import replace_file
from dossier.corpus.files import article_paths, is_article_path
from dossier.corpus.sources import (
    SOURCES_FILE,
    LeftOut,
    SourcesFile,
    load_sources,
    no_article,
    parse_sources,
    source_problem,
    web_address_problem,
)
from dossier.errors import CorpusError
from dossier.models import READ_FIELDS, SourceMeta
from dossier.sanitise import one_line
from dossier.tools.terminal import HEADING_STYLE, Look, indented, render

SCHEMA_FILE = "schema/sources.schema.json"
FIELDS = tuple(f for f in SourceMeta.model_fields if f not in READ_FIELDS)  # the file's order

HEADER = """\
# What is known about each article of this corpus folder, from the article itself.
# Fields: title, outlet, date (YYYY-MM-DD), url (http or https), notes. Leave out what is
# not known; never invent it. Edit by hand or with: dossier source set FILE --outlet NAME
"""


def sources_json_schema_text() -> str:
    """The JSON Schema of ``sources.yaml``, as ``dossier schema --sources`` prints it."""
    schema = SourcesFile.model_json_schema()
    for field in READ_FIELDS:  # (set from the file dossier reads, never written here)
        schema["$defs"]["SourceMeta"]["properties"].pop(field, None)
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


class Listing(BaseModel):
    """Articles of a corpus and what ``sources.yaml`` says of each (None: nothing)."""

    file: str
    entries: list[tuple[str, SourceMeta | None]]
    articles: int


def _check_corpus(root: Path) -> None:
    if not root.exists():
        raise CorpusError(f"{root}: corpus folder not found.")
    if not root.is_dir():
        raise CorpusError(f"{root}: not a folder; the corpus must be a folder of .txt/.md files.")


def article_name(root: Path, name: str) -> str:
    """The name ``sources.yaml`` uses for the article ``name`` (``corpus/a.txt`` -> ``a.txt``)."""
    for rel in _spellings(root, name):
        if is_article_path(root, rel):
            return rel
    raise CorpusError(f"{name}: {no_article(name, root)}")


def _spellings(root: Path, name: str) -> list[str]:
    """The names ``name`` may mean in ``sources.yaml``: as written, or under the corpus folder."""
    rel = name.replace("\\", "/")
    prefix = root.as_posix().rstrip("/") + "/"
    return [rel, rel[len(prefix) :]] if rel.startswith(prefix) else [rel]


def validate_sources(root: Path) -> str:
    """Check ``sources.yaml`` of the corpus at ``root`` as a build would; a one-line summary."""
    _check_corpus(root)
    path = root / SOURCES_FILE
    if not path.is_file():
        return f"{path.as_posix()}: no such file; no article is described yet"
    described = len(load_sources(path, root).sources)
    s = "" if described == 1 else "s"
    return f"{path.as_posix()}: {described} article{s} described, all valid"


def list_sources(root: Path, names: list[str] | None = None) -> Listing:
    """What ``sources.yaml`` says of the articles ``names`` (all articles by default)."""
    _check_corpus(root)
    path = root / SOURCES_FILE
    known = load_sources(path, root, _kept).sources if path.is_file() else {}
    wanted = [article_name(root, n) for n in names] if names else article_paths(root)
    return Listing(
        file=path.as_posix(),
        entries=[(name, known.get(name)) for name in wanted],
        articles=len(article_paths(root)) if names else len(wanted),
    )


def set_source(root: Path, name: str, changes: Mapping[str, str]) -> tuple[str, SourceMeta]:
    """Set the fields ``changes`` (field -> text; empty text clears a field) of one article.

    Returns the article's name in ``sources.yaml`` and its metadata as now written.
    """
    _check_corpus(root)
    rel = article_name(root, name)
    if not changes:
        raise CorpusError(
            "nothing to set; give at least one of --title, --outlet, --date, --url, --note"
        )
    values = _values(changes)
    path = root / SOURCES_FILE
    if path.is_file():
        load_sources(path, root, _kept)  # a broken file is reported as it is, not edited
        raw = path.read_text(encoding="utf-8")
    else:
        raw = HEADER
        if (root.parent / SCHEMA_FILE).is_file():  # the project's schema, for the editor
            raw = f"# yaml-language-server: $schema=../{SCHEMA_FILE}\n" + raw
    new = _edited(raw, rel, values)
    parse_sources(new, path, root, _kept)
    replace_file(path, new)
    return rel, load_sources(path, root, _kept).sources[rel]


def _kept(_left: LeftOut) -> None:
    """What an edit of one entry leaves as it is in the others: an entry for an article that
    is gone, a URL that is no web address (``validate`` reports them, a build warns)."""


def remove_source(root: Path, name: str) -> str:
    """Remove the entry of the article ``name`` (``a.txt`` or ``corpus/a.txt``) from
    ``sources.yaml``, keeping every other byte of the file; the article need not exist (it
    was removed or renamed). Returns the entry's name as the file spelled it."""
    _check_corpus(root)
    path = root / SOURCES_FILE
    if not path.is_file():
        raise CorpusError(f"{path.as_posix()}: no such file; no article is described yet.")
    before = load_sources(path, root, _kept)  # a broken file is reported as it is, not edited
    raw = path.read_text(encoding="utf-8")
    yaml = _yaml(raw)
    data = yaml.load(raw)
    entries = data.get("sources") if isinstance(data, CommentedMap) else None
    names = list(entries) if isinstance(entries, CommentedMap) else []
    rel = next((n for n in _spellings(root, name) if n in names), None)
    if rel is None:
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else "."
        raise CorpusError(f"{path.as_posix()}: no entry for '{name}'{hint}")
    assert isinstance(entries, CommentedMap)
    new = _without_entry(raw, entries, rel)
    before.sources.pop(rel, None)  # None: the entry of an article that is gone
    if new is None or parse_sources(new, path, root, _kept) != before:
        del entries[rel]  # a layout the lines do not show: ruamel.yaml writes it back
        new = _dumped(yaml, data, raw)
        parse_sources(new, path, root, _kept)
    replace_file(path, new)
    return rel


def _without_entry(raw: str, entries: CommentedMap, name: str) -> str | None:
    """``raw`` without the lines of the entry ``name`` of a block mapping: the comment lines
    just above its key (they speak of it), its key and its value. A comment above the next
    key stays with it, which ruamel.yaml, tying a comment to the value before it, would drop."""
    if entries.fa.flow_style():
        return None
    key_line, column = entries.lc.key(name)
    lines = raw.splitlines(keepends=True)

    def indent(line: str) -> int:
        return len(line) - len(line.lstrip(" "))

    def blank(line: str) -> bool:
        return not line.strip()

    first = key_line
    while first > 0 and lines[first - 1].lstrip(" ").startswith("#"):
        if indent(lines[first - 1]) != column:
            break
        first -= 1
    end = key_line + 1
    while end < len(lines) and (blank(lines[end]) or indent(lines[end]) > column):
        end += 1
    if first == 0 or not blank(lines[first - 1]):  # keep the blank lines that set it apart
        while end > key_line + 1 and blank(lines[end - 1]):
            end -= 1
    return "".join(lines[:first] + lines[end:])


def _values(changes: Mapping[str, str]) -> dict[str, Any]:
    """The changes as the file holds them; every problem with them reported at once."""
    values: dict[str, Any] = {}
    problems = []
    for field in FIELDS:
        if field not in changes:
            continue
        text = changes[field].strip()
        option = "--note" if field == "notes" else f"--{field}"
        if not text:
            values[field] = None
            continue
        if field == "url" and (bad := web_address_problem(text)) is not None:
            problems.append(f"{option}: {bad}")
            continue
        try:
            checked = SourceMeta.model_validate({field: text})
        except ValidationError as err:
            error = err.errors()[0]
            problems.append(f"{option}: {source_problem(error) or error['msg']}")
            continue
        values[field] = getattr(checked, field)
    if problems:
        raise CorpusError(*problems)
    return values


def _yaml(raw: str) -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.width = 4096  # never re-wrap a line
    yaml.preserve_quotes = True
    if re.search(r"^[ \t]+- ", raw, re.MULTILINE):  # lists indented under their key
        yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _edited(raw: str, name: str, values: Mapping[str, Any]) -> str:
    """``raw`` with the entry of article ``name`` changed by ``values``."""
    yaml = _yaml(raw)
    data = yaml.load(raw)
    prefix = ""
    if data is None:  # an empty file, or comments only: keep them, add the mapping below
        prefix, data = raw if raw.endswith("\n") or not raw else raw + "\n", CommentedMap()
    if data.get("sources") is None:
        data["sources"] = CommentedMap()
    entries: CommentedMap = data["sources"]
    if entries.get(name) is None:
        keys = list(entries)
        at = len(keys)
        if keys == sorted(keys):  # keep a sorted list sorted
            at = next((i for i, key in enumerate(keys) if key > name), len(keys))
        if name in entries:
            entries[name] = CommentedMap()
        else:
            entries.insert(at, name, CommentedMap())
    entry: CommentedMap = entries[name]
    for field, value in values.items():
        if field in entry:
            entry[field] = value
        elif value is not None:
            before = FIELDS[: FIELDS.index(field)]
            entry.insert(sum(1 for key in entry if key in before), field, value)
    return prefix + _dumped(yaml, data, raw)


def _dumped(yaml: YAML, data: Any, raw: str) -> str:
    """``data`` written back as ``raw`` was, with its line endings."""
    out = io.StringIO()
    yaml.dump(data, out)
    text = out.getvalue()
    return text.replace("\n", "\r\n") if "\r\n" in raw else text


# --- presentation -------------------------------------------------------------------------


def _fields(meta: SourceMeta) -> list[RenderableType]:
    lines: list[RenderableType] = []
    for field in FIELDS:
        value = getattr(meta, field)
        if value is None:
            continue
        shown = value.isoformat() if isinstance(value, dt.date) else " ".join(str(value).split())
        lines.append(indented(Text(f"{field}: {shown}"), 4))
    return lines


def format_listing(listing: Listing, look: Look) -> str:
    described = sum(1 for _, meta in listing.entries if meta is not None)
    if len(listing.entries) == listing.articles:
        head = f"{listing.file}: {described} of {listing.articles} articles described"
    else:
        head = listing.file
    items: list[RenderableType] = [Text(head, style=HEADING_STYLE)]
    for name, meta in listing.entries:
        items += [Text(""), Text(one_line(name), style=HEADING_STYLE)]
        fields = _fields(meta) if meta is not None else []
        items += fields or [
            indented(
                Text(
                    "nothing known yet; add what the article shows, e.g. "
                    f"dossier source set {one_line(shlex.quote(name))}"
                    " --outlet NAME --date YYYY-MM-DD"
                ),
                4,
            )
        ]
    return render(items, look)


def format_set(file: str, name: str, meta: SourceMeta, look: Look) -> str:
    items: list[RenderableType] = [
        Text(f"{one_line(file)}: {one_line(name)}", style=HEADING_STYLE),
        *_fields(meta),
    ]
    return render(items, look)
