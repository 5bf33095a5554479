"""``sources.yaml``: what is known about each article of a corpus folder, and extra furniture rules.

The file is optional and is not an article. It gives per-article metadata (see ``SourceMeta``)
and furniture rules of its own; it is read as every YAML file is (``dossier.yamlfile``), and
every problem in it is reported with its place, ``corpus/sources.yaml:LINE:COL: message``, all
of them together.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import ErrorDetails

from dossier.corpus.files import SOURCES_FILE as SOURCES_FILE  # (its home is corpus.files)
from dossier.corpus.files import article_paths, is_article_path
from dossier.errors import CorpusError
from dossier.models import READ_FIELDS, SourceMeta
from dossier.yamlfile import Problem, Voice, YamlDoc, parse_yaml, read_yaml, validate_located

_NAME_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_]([01]\d)[-_]([0-3]\d)(?!\d)")


def date_in_name(path: str) -> dt.date | None:
    """The last valid YYYY-MM-DD (or YYYY_MM_DD) date written in a file's path, if any."""
    for year, month, day in reversed(_NAME_DATE_RE.findall(path)):
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            continue
    return None


class SourcesFile(BaseModel):
    """The optional metadata sidecar ``sources.yaml`` of a corpus folder."""

    model_config = ConfigDict(extra="forbid")

    furniture: list[str] = Field(
        default_factory=list,
        description="Extra furniture rules: regular expressions searched case-insensitively "
        "in a paragraph's whole text, added to the built-in ones.",
    )
    sources: dict[str, SourceMeta] = Field(
        default_factory=dict, description="Article path relative to the corpus folder -> metadata."
    )

    def meta(self, path: str, found: SourceMeta | None = None) -> SourceMeta:
        """What is known of the article at ``path``: its entry here; for each field it does
        not give, what the file says of itself (``found``: a web page's metadata, a front
        matter); and, when neither gives a date, the date its file's name carries
        (``2023-06-04-toll-revised.txt``, ``reuters/2022-07-23_who.md``), as news archives and
        scrapers name their files."""
        given = self.sources.get(path)
        meta = given.model_copy() if given is not None else SourceMeta()
        if found is not None:
            for field in found.model_fields_set:
                if getattr(meta, field) is None and getattr(found, field) is not None:
                    setattr(meta, field, getattr(found, field))
        if meta.date is None and (date := date_in_name(path)) is not None:
            meta.date = date
        return meta

    @field_validator("furniture", mode="before")
    @classmethod
    def _none_is_empty_list(cls, value: Any) -> Any:
        return [] if value is None else value

    @field_validator("sources", mode="before")
    @classmethod
    def _none_entries_are_empty(cls, value: Any) -> Any:
        if value is None:
            return {}
        if isinstance(value, dict):
            return {k: ({} if v is None else v) for k, v in value.items()}
        return value


def no_article(name: str, root: Path) -> str:
    """Why ``name`` names no article of the corpus at ``root``, with the closest name."""
    close = difflib.get_close_matches(name, article_paths(root), n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else "."
    return (
        f"no such article file in the corpus folder {root} "
        f"(names are paths relative to it, e.g. 'article.txt'){hint}"
    )


def removed_hint(name: str) -> str:
    """What to run when the article ``name`` was removed from the corpus."""
    return f"If the article was removed, drop its entry: dossier source remove {shlex.quote(name)}"


def web_address_problem(url: str) -> str | None:
    """Why ``url`` is not a web address a source may have (None: it is one). Only ``http`` and
    ``https`` addresses are: a ``javascript:`` or ``data:`` URL must never reach a reader."""
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return (
            f"'{url}' is not a web address; give the whole address, "
            "starting with https:// or http://"
        )
    return None


def source_problem(error: ErrorDetails) -> str | None:
    """An error about a source's metadata, worded for the editor (None: pydantic's words)."""
    kind = error["type"]
    value = error.get("input")
    loc = error["loc"]
    field = str(loc[-1]) if loc else ""
    if kind.startswith(("date_", "datetime_")):
        return f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2017-09-21."
    if kind == "value_error" and field == "date":
        return f"{value} is a number, not a date; write it as YYYY-MM-DD, e.g. 2017-09-21."
    if kind == "extra_forbidden":
        model: type[BaseModel] = SourceMeta if len(loc) == 3 else SourcesFile
        fields = [f for f in model.model_fields if model is not SourceMeta or f not in READ_FIELDS]
        close = difflib.get_close_matches(field, fields, n=1)
        if close:
            return f"unknown key; did you mean '{close[0]}'?"
        given = [f for f in model.model_fields if model is not SourceMeta or f not in READ_FIELDS]
        return f"unknown key; use {', '.join(given)}."
    if kind == "string_type":
        return "expected text; put the value in quotes."
    return None


def _sources_error(problems: list[str]) -> CorpusError:
    return CorpusError(*problems)


SOURCES = Voice(
    what="sources.yaml",
    error=_sources_error,
    max_bytes=32 * 1024 * 1024,  # a corpus of 100,000 articles, each fully described
    quote='"',
    dates="'{value}' is not a date ({reason}); write it as YYYY-MM-DD, e.g. 2017-09-21.",
    syntax="{where}: invalid YAML: {problem}.",
)
"""How the problems of ``sources.yaml`` are worded."""


class LeftOut(NamedTuple):
    """Something of ``sources.yaml`` a build leaves out, and where it is in the file."""

    file: str
    problem: Problem
    entry: str
    """The article's name, as the file gives it."""
    url_only: bool
    """True: the entry's URL, which is no web address; False: the whole entry, which names no
    article (it was removed or renamed)."""

    def __str__(self) -> str:
        return f"{self.file}:{self.problem}"


Ignored = Callable[[LeftOut], None]
"""Told of what in the file is left out. Without one, each is an error."""


def load_sources(path: Path, root: Path, ignored: Ignored | None = None) -> SourcesFile:
    """Read and validate ``sources.yaml``; every problem found is reported, each with its place.
    An entry for no article and a URL that is no web address are errors, or left out and told
    to ``ignored`` when one is given (as a build does)."""
    return _sources_of(read_yaml(path, SOURCES), root, ignored)


def parse_sources(raw: str, path: Path, root: Path, ignored: Ignored | None = None) -> SourcesFile:
    """Validate the text ``raw`` of ``sources.yaml`` (read from ``path``)."""
    return _sources_of(parse_yaml(raw, str(path), SOURCES), root, ignored)


def _sources_of(doc: YamlDoc, root: Path, ignored: Ignored | None) -> SourcesFile:
    data = doc.data
    if data is None and not doc.problems:
        return SourcesFile()
    if not isinstance(data, dict):
        raise SOURCES.fail(
            [
                f"{doc.name}:{doc.places[()].value}: expected a mapping with 'sources' "
                "(and optionally 'furniture')."
            ]
        )
    sources, problems = validate_located(SourcesFile, doc, source_problem)
    problems[:0] = doc.problems

    entries = data.get("sources")
    left_out: list[LeftOut] = []
    if isinstance(entries, dict):
        for name, entry in entries.items():
            if not is_article_path(root, name):
                why = no_article(name, root)
                if ignored is None:
                    why += f" {removed_hint(name)}"
                    problems.append(doc.problem(("sources", name), why, at_key=True))
                else:
                    why += f" Its entry is ignored. {removed_hint(name)}"
                    problem = doc.problem(("sources", name), why, at_key=True)
                    left_out.append(LeftOut(doc.name, problem, name, url_only=False))
            for field in sorted(READ_FIELDS & set(entry) if isinstance(entry, dict) else ()):
                said = "dossier sets it from the file it reads; remove it."
                problems.append(doc.problem(("sources", name, field), said, at_key=True))
            url = entry.get("url") if isinstance(entry, dict) else None
            if isinstance(url, str) and (bad := web_address_problem(url)) is not None:
                if ignored is None:
                    problems.append(doc.problem(("sources", name, "url"), bad))
                else:
                    problem = doc.problem(("sources", name, "url"), f"{bad}; it is ignored.")
                    left_out.append(LeftOut(doc.name, problem, name, url_only=True))
    patterns = data.get("furniture")
    if isinstance(patterns, list):
        for i, pattern in enumerate(patterns):
            if not isinstance(pattern, str):
                continue
            try:
                re.compile(pattern)
            except re.error as err:
                bad = f"invalid regular expression: {err}."
                problems.append(doc.problem(("furniture", i), bad))
    if problems or sources is None:
        problems.sort(key=lambda p: (p.line, p.column))
        raise SOURCES.fail([f"{doc.name}:{problem}" for problem in problems])
    for left in sorted(left_out, key=lambda left: left.problem.place):
        if left.url_only:
            sources.sources[left.entry].url = None
        if ignored is not None:
            ignored(left)
    return sources
