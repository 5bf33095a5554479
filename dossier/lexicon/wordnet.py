"""WordNet's synonyms and antonyms, by the analyzer's word keys (Snowball stems).

The table (data/wordnet.tsv.gz) is compiled from WordNet 3.0 by scripts/build_wordnet.py, which
says what it holds; WordNet's licence is in data/WORDNET-LICENSE. It gives each stem the synsets
of its common senses (and of their narrower kinds); two words are synonyms when they share one:
"vessel" and "ship" share n04194289 (a ship, one of the narrower kinds of a vessel), "death" and
"fatal" (fatality) n07355491. Read at run time as stem -> the stems of its synonyms (the table
keeps the synset ids, the smaller of the two forms). "increase" has the antonym "decreas".
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from functools import cache, lru_cache
from importlib.resources import files

from pydantic import BaseModel, ConfigDict

TABLE = "wordnet.tsv.gz"
# The table's SHA-256, kept in code so that a rebuilt table changes the code's version, which
# keys the build cache (the cache hashes the package's .py files); scripts/build_wordnet.py
# prints it and a test checks it.
TABLE_SHA256 = "5bebcd25ee58188c573c21a8858c7eeef545ab6181cc8815604f6db39ba19a8b"


class WordNetTable(BaseModel):
    """The table as read: each stem's synset ids, each synset's stems, and each stem's antonym
    stems."""

    model_config = ConfigDict(frozen=True)

    senses: dict[str, list[str]]
    stems: dict[str, list[str]]
    antonyms: dict[str, frozenset[str]]


@cache
def table() -> WordNetTable:
    """The table shipped in the package, read once."""
    raw = gzip.decompress(files("dossier.lexicon").joinpath("data", TABLE).read_bytes())
    senses: dict[str, list[str]] = {}
    stems: dict[str, list[str]] = defaultdict(list)
    antonyms: dict[str, frozenset[str]] = {}
    for line in raw.decode().splitlines()[1:]:  # after the "#" line of choices
        stem, ids, opposites = line.split("\t")
        if ids:
            senses[stem] = synsets = ids.split(" ")
            for synset in synsets:
                stems[synset].append(stem)
        if opposites:
            antonyms[stem] = frozenset(opposites.split(" "))
    return WordNetTable.model_construct(senses=senses, stems=stems, antonyms=antonyms)


def senses(stem: str) -> tuple[str, ...]:
    """The synset ids of a word stem's common senses and their narrower kinds; () for a word
    WordNet lacks."""
    return tuple(table().senses.get(stem, ()))


@lru_cache(maxsize=65536)
def synonyms(stem: str) -> tuple[str, ...]:
    """The stems of the words that share a synset with a word stem, sorted, the stem left out:
    "fatal" -> ("credenc", "death", "deceas", "expiri", "kill")."""
    by_synset = table().stems
    return tuple(sorted({s for i in senses(stem) for s in by_synset[i]} - {stem}))


def antonyms(stem: str) -> frozenset[str]:
    """The stems WordNet gives as direct antonyms of a word stem's common senses."""
    return table().antonyms.get(stem, frozenset())
