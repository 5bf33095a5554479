"""WordNet's synonyms and antonyms, by the analyzer's word keys (Snowball stems).

The table (data/wordnet.tsv.gz) is compiled from WordNet 3.0 by scripts/build_wordnet.py, which
says what it holds; WordNet's licence is in data/WORDNET-LICENSE. Two words are synonyms when
they share a synset among their common senses (and the narrower kinds of those): "vessel" and
"ship" (a ship is a kind of vessel), "death" and "fatal" (fatality); "increase" has the antonym
"decreas". Each line is read when its word is first asked for: loading the table is reading it.
"""

from __future__ import annotations

import gzip
from functools import cache, lru_cache
from importlib.resources import files

from pydantic import BaseModel, ConfigDict

TABLE = "wordnet.tsv.gz"
# The table's SHA-256, kept in code so that a rebuilt table changes the code's version, which
# keys the build cache (the cache hashes the package's .py files); scripts/build_wordnet.py
# prints it and a test checks it.
TABLE_SHA256 = "e6f7ae175000bd382b2dc60c0a203d8074693ac91d3b958ed58d92ea344d35de"


class WordNetTable(BaseModel):
    """The table as read: each stem's line, its synonym stems and its antonym stems, as written
    (split when asked for)."""

    model_config = ConfigDict(frozen=True)

    rows: dict[str, str]


@cache
def table() -> WordNetTable:
    """The table shipped in the package, read once."""
    raw = gzip.decompress(files("dossier.lexicon").joinpath("data", TABLE).read_bytes())
    lines = raw.decode().splitlines()[1:]  # after the "#" line of choices
    return WordNetTable.model_construct(rows=dict(line.split("\t", 1) for line in lines))


@lru_cache(maxsize=65536)
def _row(stem: str) -> tuple[tuple[str, ...], frozenset[str]]:
    synonyms, _, antonyms = table().rows.get(stem, "\t").partition("\t")
    return tuple(synonyms.split()), frozenset(antonyms.split())


def known(stem: str) -> bool:
    """Whether WordNet has the word stem (as the table holds it): an English word, not a name."""
    return stem in table().rows


def synonyms(stem: str) -> tuple[str, ...]:
    """The stems of the words that share a synset with a word stem, sorted, the stem left out:
    "fatal" -> ("credenc", "death", "deceas", "expiri", "kill"); () for a word WordNet lacks."""
    return _row(stem)[0]


def antonyms(stem: str) -> frozenset[str]:
    """The stems WordNet gives as direct antonyms of a word stem's common senses."""
    return _row(stem)[1]


DEMONYMS = "demonyms.tsv"
# (as TABLE_SHA256: a rebuilt table changes the code's version)
DEMONYMS_SHA256 = "835324a4d2c8d358dac60623b6a1f23b01613284c453219703d964b6e0ab6416"


@cache
def demonyms() -> dict[str, tuple[str, ...]]:
    """Each place WordNet gives a demonym for, and the other names it is written by, the
    demonym among them: "Syria" -> ("Syrian", "Syrian Arab Republic"). Compiled from WordNet
    3.0 by scripts/build_demonyms.py (data/demonyms.tsv)."""
    text = files("dossier.lexicon").joinpath("data", DEMONYMS).read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if not line.startswith("#"))
    return {place: tuple(names) for place, *names in rows}
