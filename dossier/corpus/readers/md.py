"""Markdown articles (``.md``): read as plain text, the markup kept (it is what is quoted);
segmenting knows a ``#`` heading (``corpus.segment``).

A YAML front matter (between ``---`` lines at the very top) is the article's metadata (title,
outlet, date, url, author), read with the one hardened YAML reader (``dossier.yamlfile``), and
not its text: its lines are left blank, so that every other line keeps its number (a citation's
``FILE:LINE`` is the file's line). A front matter whose fields cannot be read (a date that is
no date) is a warning naming ``FILE:LINE``, and the article is read without its metadata; one
that is no YAML mapping (a rule and prose, perhaps) is a warning too, and read as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.corpus.readers.interface import Extracted
from dossier.corpus.readers.txt import decoded
from dossier.errors import DossierError
from dossier.models import SourceMeta
from dossier.yamlfile import Voice, parse_yaml, validate_located

_FRONT = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.M | re.S
)
"""A front matter: ``---`` on the first line, the YAML, and ``---`` (or ``...``) on a line."""

FRONT_FIELDS = ("title", "outlet", "date", "url", "author")


def _error(problems: list[str]) -> DossierError:
    return DossierError("; ".join(problems))


FRONT_MATTER = Voice(
    what="a front matter",
    error=_error,
    dates="'{value}' is not a date ({reason}); write it as YYYY-MM-DD, e.g. 2017-09-21",
    syntax="{where}: the front matter is not valid YAML: {problem}",
)


@dataclass(frozen=True)
class Markdown:
    suffixes: frozenset[str]
    origin: str | None = None

    def read(self, data: bytes, name: str) -> Extracted:
        text = decoded(data)
        found = _FRONT.match(text)
        if found is None:
            return Extracted(text)
        meta, said = _front_meta("\n" + found.group(1), name)
        if meta is None:  # no mapping: a rule (---) and prose, perhaps; kept as text
            return Extracted(text, SourceMeta(), said)
        body = "\n" * found.group(0).count("\n") + text[found.end() :]
        return Extracted(body, meta, said)


def _front_meta(yaml_text: str, name: str) -> tuple[SourceMeta | None, tuple[str, ...]]:
    """The metadata of a front matter (``yaml_text`` starts on the file's line 2 after a
    blank first line, so places are the file's), and what could not be read of it; None when
    it is no YAML mapping (then it is read as the article's text)."""
    try:
        doc = parse_yaml(yaml_text, name, FRONT_MATTER)
    except DossierError as err:
        return None, (f"{err}; it is read as text.",)
    if doc.data is None:
        return SourceMeta(), ()
    if not isinstance(doc.data, dict):
        return None, (f"{name}:2: the front matter is not a YAML mapping; it is read as text.",)
    doc.data = {k: v for k, v in doc.data.items() if k in FRONT_FIELDS}  # (tags, layout: not ours)
    meta, problems = validate_located(SourceMeta, doc)
    url = doc.data.get("url")
    if isinstance(url, str) and not url.lower().startswith(("https://", "http://")):
        problems.append(doc.problem(("url",), f"'{url}' is not a web address (https://...)."))
    problems = doc.problems + problems
    if meta is None or problems:
        said = tuple(f"{name}:{p.line}: {p.message} The front matter is ignored." for p in problems)
        return SourceMeta(), said
    return meta, ()


READER = Markdown(frozenset({".md"}))
