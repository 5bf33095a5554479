"""Saved web pages (``.html``, ``.htm``): the article's main text and its metadata, found by
trafilatura (a well-kept extractor of news pages: navigation, comments and other page
furniture left out).

Offline and deterministic: the page's bytes only (nothing is fetched, a ``<base>`` or
canonical URL is only read), no time limit (a signal would make the text depend on the
machine's load), and dates checked against a fixed latest date rather than today's. Options:
``favor_precision`` (a sentence of a comment or a teaser taken for the article could back a
claim it does not), comments left out, tables kept (a table of figures in a news article is
what claims about numbers are checked against). Paragraphs are separated by a blank line.
"""

from __future__ import annotations

import datetime as dt
from configparser import ConfigParser
from dataclasses import dataclass
from functools import lru_cache

from dossier.corpus.readers.interface import Extracted, Unreadable
from dossier.models import SourceMeta

LATEST_DATE = "2100-12-31"
"""The latest publication date believed (trafilatura's default is today: not deterministic)."""


@lru_cache(maxsize=1)
def _config() -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


@dataclass(frozen=True)
class Html:
    suffixes: frozenset[str]
    origin: str | None = "extracted from HTML"

    def read(self, data: bytes, name: str) -> Extracted:
        import trafilatura  # (slow to import: only when a corpus has a web page)

        if b"\x00" in data:
            raise Unreadable("a binary file (it holds NUL bytes), not a web page")
        found = trafilatura.bare_extraction(
            data,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            with_metadata=True,
            date_extraction_params={
                "original_date": True,
                "extensive_search": False,
                "max_date": LATEST_DATE,
            },
            config=_config(),
        )
        text = getattr(found, "text", None) or ""
        paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
        if not paragraphs:
            raise Unreadable("no article text found in the web page")
        return Extracted("\n\n".join(paragraphs) + "\n", _meta(found))


def _meta(found: object) -> SourceMeta:
    def given(field: str) -> str | None:
        value = getattr(found, field, None)
        return value.strip() or None if isinstance(value, str) else None

    url = given("url")
    if url is not None and not url.lower().startswith(("https://", "http://")):
        url = None
    date = None
    if (text := given("date")) is not None:
        try:
            date = dt.date.fromisoformat(text[:10])
        except ValueError:
            date = None
    return SourceMeta(
        title=given("title"), outlet=given("sitename"), date=date, url=url, author=given("author")
    )


READER = Html(frozenset({".html", ".htm"}))
