"""WordNet's demonyms: the shipped table is the one the code names, and the build keeps a place's
demonym and names (scripts/build_demonyms.py, run here on a small made-up WordNet)."""

from __future__ import annotations

import hashlib
from importlib.resources import files
from pathlib import Path

from building import WORDNET_HEADER, load_script

from dossier.lexicon.wordnet import DEMONYMS, DEMONYMS_SHA256, demonyms


def test_the_table_is_the_one_the_code_names() -> None:
    data = files("dossier.lexicon").joinpath("data", DEMONYMS).read_bytes()
    assert hashlib.sha256(data).hexdigest() == DEMONYMS_SHA256


def test_a_place_is_written_by_its_demonym() -> None:
    assert "Syrian" in demonyms()["Syria"]
    assert "South African" in demonyms()["South Africa"]


def test_the_build_keeps_places_and_leaves_common_words(tmp_path: Path) -> None:
    files_ = {
        # Lorem (a place, lexicographer file 15) and lorem-ish; "dolor" is first a common word
        "data.noun": [
            "00000001 15 n 02 Lorem 0 Republic_of_Lorem 0 000 | a country",
            "00000002 15 n 01 Dolor 0 000 | a country",
            "00000003 05 n 01 dolor 0 000 | a bird",
            "00000004 09 n 01 Ipsum 0 000 | a belief, not a place",
        ],
        "index.noun": [
            "dolor n 2 0 2 0 00000003 00000002",
            "ipsum n 1 0 1 0 00000004",
            "lorem n 1 0 1 0 00000001",
        ],
        "data.adj": [
            "00000010 01 a 01 Loremian 0 001 \\ 00000001 n 0101 | of Lorem",
            "00000011 01 a 01 Dolorish 0 001 \\ 00000002 n 0101 | of Dolor",
            "00000012 01 a 01 Ipsumic 0 001 \\ 00000004 n 0101 | of Ipsum",
        ],
        "index.adj": [
            "dolorish a 1 1 \\ 1 0 00000011",
            "ipsumic a 1 1 \\ 1 0 00000012",
            "loremian a 1 1 \\ 1 0 00000010",
        ],
    }
    for name, lines in files_.items():
        (tmp_path / name).write_text(WORDNET_HEADER + "\n".join(lines) + "\n", encoding="latin-1")
    table = load_script("build_demonyms").demonyms(tmp_path)
    # a place's demonym and the other names of its synset; not a belief's adjective, and not
    # a place whose name is first a common word (it is left with no other name)
    assert table == {"Lorem": ["Loremian", "Republic of Lorem"]}
