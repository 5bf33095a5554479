"""WordNet's table: it loads, links a word with its narrower kind, gives antonyms, and is built
the same way every time (scripts/build_wordnet.py, run here on a three-word WordNet)."""

from __future__ import annotations

import gzip
import hashlib
from importlib.resources import files
from pathlib import Path

import pytest
from building import WORDNET_HEADER, load_script

from dossier.lexicon.wordnet import TABLE, TABLE_SHA256, antonyms, known, synonyms, table


def test_the_table_is_the_one_the_code_names() -> None:
    """A rebuilt table must change TABLE_SHA256, or cached builds would keep the old keys."""
    data = files("dossier.lexicon").joinpath("data", TABLE).read_bytes()
    assert hashlib.sha256(data).hexdigest() == TABLE_SHA256


def test_the_table_loads_once() -> None:
    assert table() is table()
    assert len(table().rows) > 10_000


def test_synonyms_go_both_ways() -> None:
    assert all("death" in synonyms(other) for other in synonyms("death"))


@pytest.mark.parametrize(
    ("word", "kind"),
    [("death", "fatal"), ("vessel", "ship"), ("worker", "employe")],  # stems, as tokens key them
)
def test_a_word_meets_its_narrower_kind(word: str, kind: str) -> None:
    assert kind in synonyms(word)
    assert word in synonyms(kind)


def test_a_word_is_not_its_own_synonym() -> None:
    assert "death" not in synonyms("death")
    assert list(synonyms("death")) == sorted(synonyms("death"))


def test_two_kinds_of_one_thing_do_not_meet() -> None:
    """A ship and a boat are both vessels, not each other."""
    assert "boat" not in synonyms("ship")


def test_a_word_wordnet_lacks_has_nothing() -> None:
    assert synonyms("zzyzx") == ()
    assert antonyms("zzyzx") == frozenset()


def test_antonyms() -> None:
    assert "decreas" in antonyms("increas")
    assert "fall" in antonyms("rise")


FIXTURE = {
    "data.noun": [
        "00000000 03 n 01 entity 0 001 ~ 00000001 n 0000 | that which exists",
        "00000001 26 n 01 death 0 002 @ 00000000 n 0000 ~ 00000002 n 0000 | the event of dying",
        "00000002 26 n 02 fatality 0 human_death 0 001 @ 00000001 n 0000 | a death in an accident",
    ],
    "index.noun": [
        "death n 1 2 @ ~ 1 1 00000001",
        "entity n 1 1 ~ 1 0 00000000",
        "fatality n 1 1 @ 1 0 00000002",
    ],
    "data.verb": [
        "00000010 30 v 01 increase 0 001 ! 00000011 v 0101 01 + 02 00 | become bigger",
        "00000011 30 v 01 decrease 0 001 ! 00000010 v 0101 01 + 02 00 | become smaller",
    ],
    "index.verb": ["decrease v 1 1 ! 1 1 00000011", "increase v 1 1 ! 1 1 00000010"],
    "cntlist.rev": ["death%1:26:00:: 1 5", "increase%2:30:00:: 1 3"],
}


@pytest.fixture
def wordnet(tmp_path: Path) -> Path:
    for name in ("data.adj", "data.adv", "index.adj", "index.adv"):
        (tmp_path / name).write_text(WORDNET_HEADER)
    for name, lines in FIXTURE.items():
        head = WORDNET_HEADER if name.startswith(("data.", "index.")) else ""
        (tmp_path / name).write_text(head + "\n".join(lines) + "\n")
    return tmp_path


def test_the_build_reads_wordnet_and_is_the_same_twice(wordnet: Path) -> None:
    build = load_script("build_wordnet")
    choices = build.Choices(min_depth=0)
    once = build.gzipped(build.table(wordnet, choices))
    assert once == build.gzipped(build.table(wordnet, choices))
    lines = gzip.decompress(once).decode().splitlines()
    assert lines[0] == choices.line()
    assert lines[1:] == [
        # "entity" lends its hyponym "death"; "death" lends "fatality"; "entity"'s own synset
        # has no other word; "human_death" is two words and is not read
        "death\tentiti fatal\t",
        "decreas\t\tincreas",
        "entiti\tdeath\t",
        "fatal\tdeath\t",
        "increas\t\tdecreas",
    ]


def test_a_broad_sense_lends_no_hyponyms(wordnet: Path) -> None:
    build = load_script("build_wordnet")
    text = build.table(wordnet, build.Choices(min_depth=2))
    assert "fatal\t" not in text  # "death" is one step below the top: too broad


def test_a_word_keeps_its_own_senses_before_its_kinds(wordnet: Path) -> None:
    """With one key each, "death" and "entity" keep their own synsets, which no other word
    shares: nothing is left to match but the antonyms."""
    build = load_script("build_wordnet")
    lines = build.table(wordnet, build.Choices(min_depth=0, max_keys=1)).splitlines()
    assert lines[1:] == ["decreas\t\tincreas", "increas\t\tdecreas"]


def test_a_word_wordnet_has_is_known_and_a_name_it_lacks_is_not() -> None:
    assert known("river")
    assert not known("brightwav")
