"""Compile WordNet 3.0's demonyms into the table dossier ships (dossier/lexicon/data/demonyms.tsv).

usage: python scripts/build_demonyms.py [--wordnet /usr/share/wordnet] [--out PATH]

A demonym is the adjective a place's people and things are called by: "Syrian" forces are
Syria's, a "South African" hostage is from South Africa. News writing uses the two forms for one
name, and a judge that keys "Syrian" apart from "Syria" misses that "the Syrian government" and
"Syria's government" are one. WordNet says it with a pertainym pointer from the adjective to the
noun ("Syrian" -> "Syria"); this script keeps those whose noun is a place (the noun.location
lexicographer file) and whose adjective is written with a capital, each adjective by its first
sense that has one ("American" -> "America", not "the Americas").

Each line is one place: its name, then the other names it is written by, tab-separated:

    Syria <TAB> Syrian <TAB> Syrian Arab Republic

The other names are the demonym and the words of the place's synset ("Netherlands": "Dutch",
"Holland", "The Netherlands"), less a name that is another line's place ("China" is not also
written "Taiwan", though WordNet puts "China" in Taiwan's synset as the Republic of China) and
a name two lines would share ("Republic of China"), and a one-word name whose most frequent
sense is a common word ("Turkey": the bird comes first; "Man"), which would key the word. A
place left with no other name is left out.

The package reads the table as built-in aliases (``dossier.analysis.text.Analyzer``); an editor's
alias table in claims.yaml wins where it names the same place. The build is deterministic (sorted
lines); after a rebuild, set ``DEMONYMS_SHA256`` in dossier/lexicon/wordnet.py to the digest
printed. WordNet 3.0 is Copyright 2006 by Princeton University, used under the WordNet 3.0 licence
(dossier/lexicon/data/WORDNET-LICENSE).
"""

from __future__ import annotations

import argparse
import hashlib
from collections import Counter
from pathlib import Path

DEFAULT_WORDNET = Path("/usr/share/wordnet")
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "dossier/lexicon/data/demonyms.tsv"
LOCATION = 15  # WordNet's lexicographer file noun.location
PERTAINYM = "\\"


# a pointer: (symbol, target offset, target part of speech, source word, target word)
Pointer = tuple[str, str, str, int, int]
# a synset by offset: (lexicographer file, words as written, pointers)
Synsets = dict[str, tuple[int, list[str], list[Pointer]]]


def _synsets(path: Path) -> Synsets:
    """Each synset of a data file by offset: its lexicographer file, words (as written, with
    underscores) and pointers (symbol, target offset, target part of speech, source word,
    target word; 0 for the whole synset)."""
    out: Synsets = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue  # the licence header
        fields = line.split(" | ")[0].split()
        n_words = int(fields[3], 16)
        words = [fields[4 + 2 * i].split("(")[0] for i in range(n_words)]
        at = 4 + 2 * n_words
        pointers = []
        for i in range(int(fields[at])):
            symbol, target, pos, where = fields[at + 1 + 4 * i : at + 5 + 4 * i]
            pointers.append((symbol, target, pos, int(where[:2], 16), int(where[2:], 16)))
        out[fields[0]] = (int(fields[1]), words, pointers)
    return out


def demonyms(wordnet: Path) -> dict[str, list[str]]:
    """Each place's name and the other names it is written by (see the module's docstring)."""
    adjectives = _synsets(wordnet / "data.adj")
    nouns = _synsets(wordnet / "data.noun")
    found: dict[str, tuple[str, list[str]]] = {}  # demonym -> (place, the place's synset)
    for line in (wordnet / "index.adj").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma, n_senses = fields[0], int(fields[2])
        for offset in fields[-n_senses:]:
            _, words, pointers = adjectives[offset]
            mine = next((i for i, w in enumerate(words, 1) if w.lower() == lemma), 0)
            written = words[mine - 1] if mine else lemma
            named: tuple[str, list[str]] | None = None  # (the place, its synset's words)
            for symbol, target, pos, source, word in pointers:
                if symbol != PERTAINYM or pos != "n" or source not in {0, mine}:
                    continue
                lexfile, names, _ = nouns[target]
                if lexfile == LOCATION:
                    named = (names[word - 1] if word else names[0], names)
                    break
            if named is not None:
                if written[:1].isupper():
                    found[written] = named
                break  # the first sense that names a place decides
    places = {place for place, _ in found.values()}
    table: dict[str, set[str]] = {}
    for demonym, (place, synset) in found.items():
        others = {n for n in synset if n[:1].isupper() and (n == place or n not in places)}
        table.setdefault(place, set()).update({demonym, *others} - {place})
    # a name two places are written by tells neither ("Republic of China": China, Taiwan)
    seen = Counter(name for place, others in table.items() for name in {place, *others})
    common = _common_words(wordnet, {"n": nouns, "a": adjectives})
    out = {}
    for place, others in table.items():
        kept = [n for n in sorted({place, *others}) if seen[n] == 1 and n.lower() not in common]
        if place in kept and len(kept) > 1:
            out[place.replace("_", " ")] = [n.replace("_", " ") for n in kept if n != place]
    return out


def _common_words(wordnet: Path, synsets: dict[str, Synsets]) -> set[str]:
    """The one-word lemmas whose most frequent sense, as a noun or an adjective, is written in
    lower case: "turkey" (the bird before the country), "man", "polish"; not "china", whose
    first sense is the country."""
    common = set()
    for pos, name in (("n", "noun"), ("a", "adj")):
        for line in (wordnet / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma, n_senses = fields[0], int(fields[2])
            if "_" in lemma:
                continue
            _, words, _ = synsets[pos][fields[-n_senses]]
            if any(w.lower() == lemma and w.islower() for w in words):
                common.add(lemma)
    return common


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=DEFAULT_WORDNET)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    table = demonyms(args.wordnet)
    lines = ["# WordNet 3.0 demonyms: place <TAB> the other names it is written by"]
    lines += ["\t".join([place, *names]) for place, names in sorted(table.items())]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    print(f"{args.out}: {len(table)} places; DEMONYMS_SHA256 = {digest!r}")


if __name__ == "__main__":
    main()
