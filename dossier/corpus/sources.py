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
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import ErrorDetails

from dossier.corpus.files import article_paths, is_article_path
from dossier.errors import CorpusError
from dossier.models import SourceMeta
from dossier.yamlfile import Voice, YamlDoc, parse_yaml, read_yaml, validate_located

SOURCES_FILE = "sources.yaml"
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

    def meta(self, path: str) -> SourceMeta:
        """What is known of the article at ``path``: its entry here, and, when that gives no
        date, the date its file's name carries (``2023-06-04-toll-revised.txt``,
        ``reuters/2022-07-23_who.md``), as news archives and scrapers name their files."""
        given = self.sources.get(path)
        meta = given.model_copy() if given is not None else SourceMeta()
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
        close = difflib.get_close_matches(field, list(model.model_fields), n=1)
        if close:
            return f"unknown key; did you mean '{close[0]}'?"
        return f"unknown key; use {', '.join(model.model_fields)}."
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


def load_sources(path: Path, root: Path) -> SourcesFile:
    """Read and validate ``sources.yaml``; every problem found is reported, each with its place."""
    return _sources_of(read_yaml(path, SOURCES), root)


def parse_sources(raw: str, path: Path, root: Path) -> SourcesFile:
    """Validate the text ``raw`` of ``sources.yaml`` (read from ``path``)."""
    return _sources_of(parse_yaml(raw, str(path), SOURCES), root)


def _sources_of(doc: YamlDoc, root: Path) -> SourcesFile:
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
    if isinstance(entries, dict):
        for name in entries:
            if not is_article_path(root, name):
                problems.append(doc.problem(("sources", name), no_article(name, root), at_key=True))
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
    return sources
