"""Show and edit what is known about each article: ``corpus/sources.yaml``.

``set_source`` changes one article's entry and leaves every other byte of the file as it was
(ruamel.yaml round trip: comments, order and quoting kept); a missing file is created with a
header comment. The edited text is validated exactly as a build validates it
(``corpus.sources.parse_sources``) before it replaces the file, so an edit never leaves a file the
build would refuse; a file that is already broken is reported, ``PATH:LINE:COL: message``,
and left alone.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shlex
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ValidationError
from rich.console import RenderableType
from rich.text import Text
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from dossier.atomic import replace_file
from dossier.corpus.files import article_paths, is_article_path
from dossier.corpus.sources import (
    SOURCES_FILE,
    SourcesFile,
    load_sources,
    no_article,
    parse_sources,
    source_problem,
)
from dossier.errors import CorpusError
from dossier.models import SourceMeta
from dossier.sanitise import one_line
from dossier.tools.terminal import HEADING_STYLE, Look, indented, render

SCHEMA_FILE = "schema/sources.schema.json"
FIELDS = tuple(SourceMeta.model_fields)  # title, outlet, date, url, notes: the file's order

HEADER = """\
# What is known about each article of this corpus folder, from the article itself.
# Fields: title, outlet, date (YYYY-MM-DD), url (http or https), notes. Leave out what is
# not known; never invent it. Edit by hand or with: dossier source set FILE --outlet NAME
"""


def sources_json_schema_text() -> str:
    """The JSON Schema of ``sources.yaml``, as ``dossier schema --sources`` prints it."""
    schema = SourcesFile.model_json_schema()
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
    rel = name.replace("\\", "/")
    prefix = root.as_posix().rstrip("/") + "/"
    if not is_article_path(root, rel) and rel.startswith(prefix):
        rel = rel[len(prefix) :]
    if not is_article_path(root, rel):
        raise CorpusError(f"{name}: {no_article(name, root)}")
    return rel


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
    known = load_sources(path, root).sources if path.is_file() else {}
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
        load_sources(path, root)  # a broken file is reported as it is, not edited
        raw = path.read_text(encoding="utf-8")
    else:
        raw = HEADER
        if (root.parent / SCHEMA_FILE).is_file():  # the project's schema, for the editor
            raw = f"# yaml-language-server: $schema=../{SCHEMA_FILE}\n" + raw
    new = _edited(raw, rel, values)
    parse_sources(new, path, root)
    replace_file(path, new)
    return rel, load_sources(path, root).sources[rel]


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
        if field == "url":
            parts = urlsplit(text)
            if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
                problems.append(
                    f"{option}: '{text}' is not a web address; give the whole address, "
                    "starting with https:// or http://"
                )
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
    out = io.StringIO()
    yaml.dump(data, out)
    text = prefix + out.getvalue()
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
