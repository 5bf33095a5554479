"""Compile WordNet 3.0 into the synonym table dossier ships (dossier/lexicon/data/wordnet.tsv.gz).

usage: python scripts/build_wordnet.py [--wordnet /usr/share/wordnet] [--out PATH] [choices]

Reads the WordNet 3.0 database files (Debian's ``wordnet-base``: index.noun, data.noun, ...,
cntlist.rev in /usr/share/wordnet) directly and writes one line per word stem, sorted, after a
``#`` line naming the choices:

    stem <TAB> synonym stems <TAB> antonym stems

- The stem is the analyzer's key for the word (``dossier.analysis.text.stem``: PyStemmer's
  English Snowball stemmer after the irregular past forms), so a table key is a token key. Only
  single-word lemmas of letters are read; stop words are left out (their tokens are keyed by the
  word itself and are never matched as content).
- A stem's synonyms are the stems that share a synset with it. The synsets a lemma brings to
  its stem are those of its common senses: its first ``--senses`` noun senses and first
  ``--other-senses`` verb, adjective and adverb senses, in WordNet's sense order (most frequent
  first). A part of speech the lemma takes less than ``--pos-share`` as often as its most
  tagged one (cntlist.rev's counts) is left out: the noun "coordinate" (a number) does not
  stand for the verb.
- Narrower words: a noun sense also carries its direct hyponyms that are among the first
  ``--hyponyms`` senses of some word of theirs, so "death" meets "fatality" (a death in an
  accident) and "vessel" meets "ship", while two hyponyms of one word ("ship", "boat") do not
  meet each other. Senses fewer than ``--min-depth`` steps below the top of the hierarchy
  ("part", "substance") are too broad to lend their hyponyms; ``--max-hyponyms M`` would also
  call broad a sense with more than M (0: no bound). ``--all-hyponyms`` takes verbs'
  too; ``--derived`` adds the senses of a word's derivationally related forms ("die" the verb,
  "death" the noun). These three were measured and left out.
- A stem keeps at most ``--max-keys`` synsets (0: all): its own senses first, then the
  narrower ones most often tagged (cntlist.rev). Common words ("post", "officer") have dozens
  of kinds, and a claim's word is widened by the words of every synset it keeps.
- The antonyms are the stems WordNet gives as direct antonyms of those senses
  ("increas" -> "decreas").

The defaults are the choices measured best on the development sets (the seed gold and the four
development stories); the commit that set them gives the table of variants.

The synonym stems are written rather than the synset ids (600 KB gzipped against 460 KB): the
package then reads a line only when a claim's word asks for it, in a few milliseconds, where
inverting the synsets into stems at load took 80 ms in every process that judged.

The build is deterministic: the same WordNet gives the same bytes (sorted lines, gzip without a
name or a time stamp). The package reads the table only; WordNet is not needed at run time.
After a rebuild, set ``TABLE_SHA256`` in dossier/lexicon/wordnet.py to the digest printed
(the build cache's key hashes the code, not the data).

WordNet 3.0 is Copyright 2006 by Princeton University, used under the WordNet 3.0 licence (free
to use, copy, modify and distribute, the copyright notice and licence kept with every copy; see
dossier/lexicon/data/WORDNET-LICENSE). George A. Miller (1995). WordNet: A Lexical Database for
English. Communications of the ACM 38(11): 39-41. Christiane Fellbaum (1998, ed.) WordNet: An
Electronic Lexical Database. Cambridge, MA: MIT Press.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from dossier.analysis.text import stem
from dossier.lexicon.words import STOPWORDS

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
_COUNT_POS = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}  # a sense key's synset type
_WORD_RE = re.compile(r"[a-z]+")
_ADJ_MARKER_RE = re.compile(r"\([a-z]+\)$")  # "(a)", "(p)", "(ip)" after an adjective
DEFAULT_WORDNET = Path("/usr/share/wordnet")
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "dossier/lexicon/data/wordnet.tsv.gz"


@dataclass(frozen=True)
class Choices:
    """What the table keeps of WordNet (see the module's docstring)."""

    senses: int = 3
    other_senses: int = 1
    hyponyms: int = 1
    min_depth: int = 4
    max_hyponyms: int = 0
    max_keys: int = 10
    pos_share: float = 0.5
    all_hyponyms: bool = False
    derived: bool = False

    def line(self) -> str:
        """The table's first line: where it comes from and these choices."""
        return "# WordNet 3.0; " + " ".join(
            f"{name}={int(value) if isinstance(value, bool) else value}"
            for name, value in vars(self).items()
        )


@dataclass
class Synset:
    """A synset as data.* gives it: its words (lower case, in order) and its pointers."""

    words: list[str]
    # (pointer symbol, target synset id, source word number, target word number); 0 = the synset
    pointers: list[tuple[str, str, int, int]] = field(default_factory=list)


def read_synsets(wordnet: Path) -> dict[str, Synset]:
    """Every synset of the four data files, by id (part of speech letter + offset)."""
    synsets: dict[str, Synset] = {}
    for pos, name in POS_FILES.items():
        for line in (wordnet / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue  # the licence header
            fields = line.split(" | ")[0].split()
            offset, n_words = fields[0], int(fields[3], 16)
            words = [_ADJ_MARKER_RE.sub("", fields[4 + 2 * i]).lower() for i in range(n_words)]
            at = 4 + 2 * n_words
            pointers = []
            for i in range(int(fields[at])):
                symbol, target, target_pos, where = fields[at + 1 + 4 * i : at + 5 + 4 * i]
                target_pos = "a" if target_pos == "s" else target_pos
                pointers.append(
                    (symbol, target_pos + target, int(where[:2], 16), int(where[2:], 16))
                )
            synsets[pos + offset] = Synset(words, pointers)
    return synsets


def read_senses(wordnet: Path) -> dict[tuple[str, str], list[str]]:
    """Each single-word lemma's synset ids by (lemma, part of speech), in WordNet's sense order."""
    senses: dict[tuple[str, str], list[str]] = {}
    for pos, name in POS_FILES.items():
        for line in (wordnet / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma, n_senses = fields[0], int(fields[2])
            if _WORD_RE.fullmatch(lemma):
                senses[lemma, pos] = [pos + offset for offset in fields[-n_senses:]]
    return senses


def read_counts(wordnet: Path) -> dict[tuple[str, str, int], int]:
    """How often each sense of a lemma was tagged in the sense-tagged corpora, by (lemma, part of
    speech, sense number) (cntlist.rev: sense key, sense number, count)."""
    counts: dict[tuple[str, str, int], int] = defaultdict(int)
    for line in (wordnet / "cntlist.rev").read_text(encoding="latin-1").splitlines():
        sense_key, number, count = line.split()
        lemma, rest = sense_key.split("%", 1)
        counts[lemma, _COUNT_POS[rest[0]], int(number)] += int(count)
    return counts


def depth(synsets: dict[str, Synset], synset_id: str) -> int:
    """How many hypernym steps a synset is below the top of its hierarchy (the shortest way)."""
    level, seen, frontier = 0, {synset_id}, [synset_id]
    while True:
        up: set[str] = set()
        for s in frontier:
            parents = [t for symbol, t, _, _ in synsets[s].pointers if symbol in ("@", "@i")]
            if not parents:
                return level
            up.update(parents)
        level, frontier = level + 1, sorted(up - seen)
        seen.update(up)
        if not frontier:
            return level


def common_senses(
    senses: dict[tuple[str, str], list[str]],
    counts: dict[tuple[str, str, int], int],
    choices: Choices,
) -> dict[tuple[str, str], list[str]]:
    """Each lemma's common senses by (lemma, part of speech), as ``choices`` says."""
    by_pos: dict[tuple[str, str], int] = defaultdict(int)
    most: dict[str, int] = defaultdict(int)
    for (lemma, pos, _number), count in counts.items():
        by_pos[lemma, pos] += count
        most[lemma] = max(most[lemma], by_pos[lemma, pos])
    return {
        (lemma, pos): ids[: choices.senses if pos == "n" else choices.other_senses]
        for (lemma, pos), ids in senses.items()
        if by_pos.get((lemma, pos), 0) >= choices.pos_share * most[lemma]
    }


def tagged(
    senses: dict[tuple[str, str], list[str]], counts: dict[tuple[str, str, int], int]
) -> dict[str, int]:
    """How often each synset was tagged, through its single-word lemmas."""
    by_synset: dict[str, int] = defaultdict(int)
    for (lemma, pos, number), count in counts.items():
        ids = senses.get((lemma, pos), [])
        if 0 < number <= len(ids):
            by_synset[ids[number - 1]] += count
    return by_synset


def table(wordnet: Path, choices: Choices) -> str:
    """The table's text."""
    synsets = read_synsets(wordnet)
    senses = read_senses(wordnet)
    narrower = {
        i
        for (_, pos), ids in senses.items()
        if pos == "n" or choices.all_hyponyms
        for i in ids[: choices.hyponyms]
    }
    counts = read_counts(wordnet)
    chosen = common_senses(senses, counts, choices)
    frequency = tagged(senses, counts)
    common = {i for ids in chosen.values() for i in ids}
    depths: dict[str, int] = {}
    groups: dict[str, set[str]] = defaultdict(set)
    own: dict[str, set[str]] = defaultdict(set)
    opposites: dict[str, set[str]] = defaultdict(set)
    for (lemma, _pos), ids in sorted(chosen.items()):
        key = stem(lemma)
        if key in STOPWORDS or len(key) < 2:
            continue
        for synset_id in ids:
            synset = synsets[synset_id]
            groups[key].add(synset_id)
            own[key].add(synset_id)
            number = synset.words.index(lemma) + 1 if lemma in synset.words else -1
            if synset_id not in depths:
                depths[synset_id] = depth(synsets, synset_id)
            below = [t for symbol, t, source, _ in synset.pointers if symbol == "~" and not source]
            below = [t for t in below if t in narrower]
            broad = depths[synset_id] < choices.min_depth or (0 < choices.max_hyponyms < len(below))
            for symbol, target, source, target_word in synset.pointers:
                kind = symbol == "~" and not source and target in narrower and not broad
                form = symbol == "+" and choices.derived and source == number and target in common
                if kind or form:
                    groups[key].add(target)
                elif symbol == "!" and source == number:
                    other = synsets[target].words[target_word - 1]
                    if _WORD_RE.fullmatch(other):
                        opposites[key].add(stem(other))
    if choices.max_keys:
        for key, ids in groups.items():
            ranked = sorted(ids, key=lambda i: (i not in own[key], -frequency.get(i, 0), i))
            groups[key] = set(ranked[: choices.max_keys])
    carriers: dict[str, set[str]] = defaultdict(set)
    for key, ids in groups.items():
        for synset_id in ids:
            carriers[synset_id].add(key)
    lines = [choices.line()]
    for key in sorted(groups.keys() | opposites.keys()):
        synonyms = sorted({s for i in groups.get(key, ()) for s in carriers[i]} - {key})
        against = sorted(opposites.get(key, set()) - {key})
        if synonyms or against:
            lines.append(f"{key}\t{' '.join(synonyms)}\t{' '.join(against)}")
    return "\n".join(lines) + "\n"


def gzipped(text: str) -> bytes:
    """``text`` gzipped the same way every time: no file name, no time stamp."""
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode())
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=DEFAULT_WORDNET)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    defaults = Choices()
    for name, value in vars(defaults).items():
        flag = "--" + name.replace("_", "-")
        if isinstance(value, bool):
            parser.add_argument(flag, action="store_true")
        else:
            parser.add_argument(flag, type=type(value), default=value)
    args = parser.parse_args()
    choices = Choices(**{name: getattr(args, name) for name in vars(defaults)})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    data = gzipped(table(args.wordnet, choices))
    args.out.write_bytes(data)
    print(f"{args.out}: {len(data)} bytes; TABLE_SHA256 = {hashlib.sha256(data).hexdigest()!r}")


if __name__ == "__main__":
    main()
