"""Text analysis shared by retrieval and judgment: tokens, name folding, aliases, stems.

Every token carries one or more *keys*; two tokens match when they share a key.

- Ordinary words are keyed by their Snowball stem ("controls" -> "control").
- Capitalised words are also keyed by a *name skeleton* that folds transliteration variants
  together: diacritics removed, Arabic articles dropped (al-, el-, ez-, ad-, ...; also when
  assimilated into the word, as in "Ezzor"), vowels after the first letter dropped (and "w" or
  "y" written for one: Chowdhary, Choudhary, Chaudhary) and doubled letters collapsed. So Deir
  ez-Zor, Deir al-Zour, Deir el-Zour, Deir Ezzor and Deir al-Zor all
  key to "#dr #zr"; Raqqa and Raqa to "#rq" (while Iraq stays "#irq").
- Names from the editors' alias table (what no rule can know: IS = ISIS = Daesh = Islamic State)
  become one entity key "@<canonical>". Short all-capital aliases match only when written in
  capitals, so "IS" the group never matches "is" the verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import Stemmer
from anyascii import anyascii

from dossier.lexicon import thresholds
from dossier.lexicon.calendar import CALENDAR
from dossier.lexicon.synonyms import COLLOCATIONS, SYNONYMS
from dossier.lexicon.wordnet import demonyms, known, synonyms
from dossier.lexicon.words import (
    ARABIC_ARTICLES,
    IRREGULAR_VERBS,
    NAME_JOINS,
    NAME_PARTICLES,
    STOPWORDS,
)

_SUN_LETTERS = "tdrzsnl"

_TOKEN_RE = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+\.\d+|(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’][^\W_]+)*",
    re.UNICODE,
)
_VOWELS_RE = re.compile(r"[aeiou]")
# A semivowel that writes a vowel: "w" after a vowel before a consonant ("Chowdhary" =
# "Choudhary"), "y" after a vowel or ending the word ("Chaudhary", "Sayed" = "Saeed").
_SEMIVOWEL_RE = re.compile(r"(?<=[aeiou])w(?=[^aeiouwy])|(?<=[aeiou])y|y$")
_POSSESSIVE_RE = re.compile(r"['’]s$")
_DOTTED_RE = re.compile(r"(?:[A-Za-z]\.){2,}$")
_DOUBLE_RE = re.compile(r"(.)\1+")


def possessive(word: str) -> bool:
    """Whether a word is written as a possessive: "Syria's", "Farage’s"."""
    return _POSSESSIVE_RE.search(word) is not None


class Token(NamedTuple):
    """A word of a text, with its span in that text and its matching keys (a named tuple: texts
    are read into millions of them)."""

    text: str
    start: int
    end: int
    keys: tuple[str, ...]
    stop: bool = False  # a function word: not a content term
    entity: bool = False  # an alias-table entity or a capitalised name


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a lower-case ASCII word, with possessives removed."""
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = IRREGULAR_VERBS.get(word, word)
    return str(_stemmer().stemWord(word.strip("'")))


@lru_cache(maxsize=65536)
def name_skeleton(word: str) -> str:
    """Fold a capitalised name so transliteration variants meet: 'Zour', 'Zor', 'Ezzor' -> 'zr'."""
    w = anyascii(word).lower().replace("'", "").replace("’", "")
    # An assimilated article joined to the word: "Ezzor" = ez + Zor, "Assad" = as + Sad.
    if len(w) > 4 and w[0] in "ae" and w[1] in _SUN_LETTERS and w[2] == w[1]:
        w = w[2:]
    head, tail = w[:1], w[1:]
    tail = _VOWELS_RE.sub("", _SEMIVOWEL_RE.sub("", tail))
    return _DOUBLE_RE.sub(r"\1", head + tail)


def name_key(word: str) -> str:
    """The key a capitalised word is matched by as a name: its skeleton, without a possessive or
    dots ("Ruiz's" -> "#rz", "A.M." -> "#am")."""
    return "#" + name_skeleton(_POSSESSIVE_RE.sub("", anyascii(word).lower()).replace(".", ""))


def is_name(token: Token) -> bool:
    """Whether a token is a name someone or something is called by: a name the analyzer found
    (an alias, or a capitalised word) of more than one letter."""
    return token.entity and len(token.text) > 1 and any(k[0] in "@#" for k in token.keys)


def initial_of(written: str, name: str) -> bool:
    """Whether ``written`` is the initial of the name word ``name``, as news and science write a
    first name or a genus before the next word: "H" or "H." for "Helicobacter" ("H. pylori")."""
    return len(written.rstrip(".")) == 1 and len(name) > 2 and name[:1] == written[:1]


def fold(text: str) -> str:
    """Lower-case ASCII form of a text, for comparisons that ignore accents and case."""
    return anyascii(text).lower()


@dataclass(frozen=True, slots=True)
class _Alias:
    words: tuple[str, ...]
    case_sensitive: bool
    key: str
    common: bool = False  # a canonical name in lower case: a thing, not someone


def _singular(word: str) -> str | None:
    """The singular of a plural name, which news writing uses before a noun: "Conservatives"
    -> "Conservative" (MP), "Tories" -> "Tory", "Liberal Democrats" -> "Liberal Democrat";
    None for a word that is no capitalised plural."""
    if len(word) < 5 or not word[:1].isupper() or word.isupper() or not word.endswith("s"):
        return None
    if word.endswith(("ss", "us", "is")):
        return None  # "Congress", "Corpus", "Paris"
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]


def _without_of(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """A title written without its inner "of", as headlines and lists of posts do: "Commissioner
    of Railway Safety" -> "Commissioner Railway Safety"; None when the name has no "of" between
    two capitalised words."""
    for i in range(1, len(words) - 1):
        if words[i] == "of" and words[i - 1][:1].isupper() and words[i + 1][:1].isupper():
            return (*words[:i], *words[i + 1 :])
    return None


@lru_cache(maxsize=65536)
def _alias_word(word: str) -> str:
    """A word as alias lookup sees it: ASCII, no possessive, 'U.S.' -> 'US'."""
    if word.isascii() and word.isalnum():
        return word  # the common case, at no cost
    word = _POSSESSIVE_RE.sub("", anyascii(word))
    return word.replace(".", "") if _DOTTED_RE.match(word) else word


_LEAST_SURNAME_KEY = 3  # "#" and at least three consonants: "Maan" ("#mn") tells too little


def _surname(canonical: str) -> str | None:
    """The name key of the word a person's name is shortened to after its first mention: the
    last word of a name of several capitalised words, when English has no such word ("Omar J.
    Gonzalez" is then "Gonzalez"; not "Islamic State", "Reform UK", "Michael Brown"). None
    for other names."""
    words = _TOKEN_RE.findall(anyascii(canonical))
    if len(words) < 2 or words[0].lower() in NAME_PARTICLES or any(w in NAME_JOINS for w in words):
        return None  # "al-Qaeda", "University of Westminster": no person's
    if not all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words):
        return None
    last = _POSSESSIVE_RE.sub("", words[-1])
    if last.isupper() or not last[:1].isupper() or known(stem(last.lower())):
        return None
    key = name_key(last)
    return key if len(key) > _LEAST_SURNAME_KEY else None


def _entity_key(canonical: str) -> str:
    return "@" + "-".join(w.lower() for w in _TOKEN_RE.findall(anyascii(canonical)))


WORD_MEMO = 200_000  # distinct words whose keys an analyzer remembers
_tuple_new = tuple.__new__


def _composed(spellings: list[tuple[str, tuple[str, ...]]]) -> list[tuple[str, tuple[str, ...]]]:
    """An alias that is another name followed by common words is written with that name's other
    spellings too: "US military" (the Pentagon) as "USA military", "American military". A name
    that goes on in capitals ("Syrian Democratic Forces") is a name of its own, not composed."""
    by_key: dict[str, list[tuple[str, ...]]] = {}
    for key, words in spellings:
        by_key.setdefault(key, []).append(words)
    known = {tuple(w.lower() for w in words) for _, words in spellings}
    by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = {}  # (in the spellings' order)
    for key, words in spellings:
        by_first.setdefault(words[0].lower(), []).append((key, words))
    out: list[tuple[str, tuple[str, ...]]] = []
    for key, words in spellings:
        for inner_key, inner in by_first[words[0].lower()]:
            n = len(inner)
            rest = words[n:]
            if (
                inner_key == key
                or not rest
                or not all(w.islower() for w in rest)
                or tuple(w.lower() for w in words[:n]) != tuple(w.lower() for w in inner)
            ):
                continue
            for other in by_key[inner_key]:
                composed = (*other, *rest)
                folded = tuple(w.lower() for w in composed)
                if folded not in known:  # a spelling another name has stays that name's
                    known.add(folded)
                    out.append((key, composed))
    return out


def _with_places(aliases: Mapping[str, Iterable[str]]) -> tuple[dict[str, list[str]], list[str]]:
    """The editors' aliases with WordNet's demonyms ("Syria": "Syrian", "Syrian Arab Republic";
    ``lexicon.wordnet.demonyms``) for each place none of whose names the editors' table writes
    (theirs decide), and the places added. A place's names are read as written, with their
    capitals: "Jordanian", not "jordanian"."""
    table = {canonical: list(variants) for canonical, variants in aliases.items()}
    written = {n.lower() for canonical, variants in table.items() for n in [canonical, *variants]}
    added = []
    for place, names in demonyms().items():
        if not {n.lower() for n in (place, *names)} & written:
            table[place] = list(names)
            added.append(place)
    return table, added


class Analyzer:
    """Tokenises texts into keyed tokens, applying the alias table. Build once, reuse."""

    def __init__(
        self, aliases: Mapping[str, Iterable[str]] | None = None, *, places: bool = True
    ) -> None:
        """``aliases``: the editors' table (canonical name -> other names); with ``places``,
        WordNet's demonyms too ("Syria": "Syrian"), for each place the table does not name."""
        built_in: set[str] = set()
        if places:
            aliases, added = _with_places(aliases or {})
            built_in = {_entity_key(place) for place in added}
        self._aliases: dict[str, list[_Alias]] = {}
        self.max_alias_words = 1
        spellings: list[tuple[str, tuple[str, ...]]] = []
        common: set[str] = set()
        self._surnames: dict[str, str] = {}
        for canonical, variants in (aliases or {}).items():
            key = _entity_key(canonical)
            if canonical.islower():
                common.add(key)
            if (surname := _surname(canonical)) is not None:
                self._surnames[key] = surname
            for variant in [canonical, *variants]:
                words = tuple(_alias_word(w) for w in _TOKEN_RE.findall(anyascii(variant)))
                if words:
                    spellings.append((key, words))
                    if (one := _singular(words[-1])) is not None:
                        spellings.append((key, (*words[:-1], one)))
                    if (short := _without_of(words)) is not None:
                        spellings.append((key, short))
        for key, words in [*spellings, *_composed(spellings)]:
            case_sensitive = key in built_in or (
                len(words) == 1 and len(words[0]) <= 4 and words[0].isupper()
            )
            alias = _Alias(
                words=words if case_sensitive else tuple(w.lower() for w in words),
                case_sensitive=case_sensitive,
                key=key,
                common=key in common,
            )
            self._aliases.setdefault(words[0].lower(), []).append(alias)
            self.max_alias_words = max(self.max_alias_words, len(words))
        for candidates in self._aliases.values():
            candidates.sort(key=lambda a: -len(a.words))
        self._parents = self._find_parents(built_in)
        # A word's keys depend on the word, on whether it opens the text and on whether the next
        # word is capitalised ("the" before a name): read once, remembered (bounded).
        self._words: dict[tuple[str, bool, bool], tuple[tuple[str, ...], bool, bool]] = {}
        self._starts: dict[str, tuple[list[_Alias], bool]] = {}

    def _find_parents(self, built_in: set[str]) -> dict[str, frozenset[str]]:
        """Entities whose names contain another entity's name: 'Russian Defense Ministry' is
        part of 'Russia' (its alias 'Russian'), 'US military' of 'United States'. Only the
        editors' names: a built-in demonym does not make "Syrian Democratic Forces" Syria's."""
        parents: dict[str, set[str]] = {}
        for group in self._aliases.values():
            for alias in group:
                words = [w.lower() for w in alias.words]
                for i, word in enumerate(words):
                    for inner in self._aliases.get(word, ()):
                        n = len(inner.words)
                        if (
                            inner.key != alias.key
                            and inner.key not in built_in
                            and n < len(words)
                            and [w.lower() for w in inner.words] == words[i : i + n]
                        ):
                            parents.setdefault(alias.key, set()).add(inner.key)
        return {k: frozenset(v) for k, v in parents.items()}

    def with_parents(self, keys: Iterable[str]) -> set[str]:
        """The keys plus the entities they are part of (the ministry speaks for the state)."""
        out = set(keys)
        for k in list(out):
            out.update(self._parents.get(k, ()))
        return out

    def entity_keys(self) -> set[str]:
        return {a.key for group in self._aliases.values() for a in group}

    def tokens(self, text: str) -> list[Token]:
        # (The hottest loop of analysing a corpus: locals, and each token made as a tuple
        # without NamedTuple's __new__ in Python.)
        raw = [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
        out: list[Token] = []
        append = out.append
        n = len(raw)
        last = n - 1
        starts, memo = self._starts, self._words
        i = 0
        while i < n:
            word, start, end = raw[i]
            opening = starts.get(word)
            if opening is None or opening[0]:
                alias = self._match_alias(raw, i)
                if alias is not None:
                    size = len(alias.words)
                    stop = raw[i + size - 1][2]
                    keys = (alias.key, *sorted(self._parents.get(alias.key, ())))
                    if alias.key in self._surnames:
                        keys = (*keys, self._surnames[alias.key])
                    written = [w for w, _, _ in raw[i : i + size]]
                    if alias.common and size > 1 and all(w.islower() for w in written):
                        # A common-noun phrase ("public health emergency of international
                        # concern"): a name for the aliases, and words a paraphrase shares.
                        stems = {stem(w.lower()) for w in written if w.lower() not in STOPWORDS}
                        keys = (*keys, *sorted(stems))
                        append(
                            _tuple_new(Token, (text[start:stop], start, stop, keys, False, False))
                        )
                    else:
                        append(
                            _tuple_new(Token, (text[start:stop], start, stop, keys, False, True))
                        )
                    i += size
                    continue
            key = (word, i > 0, i < last and raw[i + 1][0][0].isupper())
            known = memo.get(key)
            if known is None:
                t = self._word(word, start, end, raw, i)
                if len(memo) >= WORD_MEMO:
                    memo.clear()
                memo[key] = (t.keys, t.stop, t.entity)
                append(t)
            else:
                append(_tuple_new(Token, (word, start, end, *known)))
            i += 1
        return out

    def _alias_start(self, word: str) -> tuple[list[_Alias], bool]:
        """The aliases a text word may open, and whether it is their plural ("Russians")."""
        first = _alias_word(word)
        candidates = self._aliases.get(first.lower().rstrip("."))
        if not candidates:
            candidates = self._aliases.get(first.lower())
        if not candidates and len(first) > 4 and first.endswith("s") and first[:1].isupper():
            # A plural of a name: "the Russians", "Americans".
            return self._aliases.get(first.lower()[:-1]) or [], True
        return candidates or [], False

    def _match_alias(self, raw: list[tuple[str, int, int]], i: int) -> _Alias | None:
        start = self._starts.get(raw[i][0])
        if start is None:
            start = self._alias_start(raw[i][0])
            if len(self._starts) >= WORD_MEMO:
                self._starts.clear()
            self._starts[raw[i][0]] = start
        candidates, plural = start
        if not candidates:
            return None
        if plural:
            raw = [*raw[:i], (raw[i][0][:-1], raw[i][1], raw[i][2]), *raw[i + 1 :]]
        for alias in candidates:
            n = len(alias.words)
            if i + n > len(raw):
                continue
            words = [_alias_word(w) for w, _, _ in raw[i : i + n]]
            if alias.case_sensitive:
                if tuple(words) == alias.words:
                    return alias
            elif tuple(w.lower() for w in words) == alias.words:
                return alias
        return None

    @staticmethod
    def _word(word: str, start: int, end: int, raw: list[tuple[str, int, int]], i: int) -> Token:
        ascii_word = anyascii(word)
        lower = ascii_word.lower().rstrip(".")
        number = number_key(lower)
        if number is not None:
            return Token(word, start, end, (number,), stop=True)
        is_article = lower in ARABIC_ARTICLES and i + 1 < len(raw) and raw[i + 1][0][:1].isupper()
        if is_article or lower in STOPWORDS:
            return Token(word, start, end, (lower,), stop=True)
        keys = [stem(lower)]
        capitalised = word[:1].isupper() and lower not in CALENDAR
        if capitalised:
            keys.append(name_key(lower))
        return Token(word, start, end, tuple(keys), entity=capitalised and i > 0)


def number_key(word: str) -> str | None:
    """The key of a number written in digits: '1,500' and '1500' -> '#1500'; else None."""
    if not word[:1].isdigit():
        return None
    digits = word.replace(",", "")
    if digits.replace(".", "", 1).isdigit():
        return "#" + digits.rstrip("0").rstrip(".") if "." in digits else "#" + digits
    return None


_SYNONYM_OF = {s: "~" + group[0] for group in SYNONYMS for s in group}


def collocation(tokens: Sequence[Token], i: int) -> str | None:
    """The act of token i with its object as one key, when the two are a collocation: "broke the
    siege", "the lifting of the blockade", "ended a three-year siege" -> "~siege-lift"."""
    word = tokens[i]
    if word.stop or word.entity:
        return None
    for obj, verbs in COLLOCATIONS:
        if word.keys[0] in verbs and any(
            obj in expand(t.keys) for t in tokens[i + 1 : i + 1 + thresholds.OBJECT_REACH]
        ):
            return f"{obj}-{min(verbs)}"
    return None


def expand(keys: Sequence[str]) -> tuple[str, ...]:
    """A token's keys plus its synonym group, if any."""
    if isinstance(keys, tuple):
        return _expand(keys)
    extra = [_SYNONYM_OF[k] for k in keys if k in _SYNONYM_OF]
    return (*keys, *extra)


@lru_cache(maxsize=65536)
def _expand(keys: tuple[str, ...]) -> tuple[str, ...]:
    extra = [_SYNONYM_OF[k] for k in keys if k in _SYNONYM_OF]
    return (*keys, *extra) if extra else keys


@lru_cache(maxsize=65536)
def widen(keys: tuple[str, ...]) -> tuple[str, ...]:
    """A claim's word's keys: ``expand``'s, then the stems of its WordNet synonyms and their
    hand groups, so that a claim's "fatalities" finds a passage's "deaths" (and, as "deaths"
    does, "killed"). Only a claim's words are widened: a passage keeps its own keys, so the
    index and what the judge reads of a passage do not grow. (Names, numbers and groups, keyed
    "#", "@", "~", have no synonyms.)"""
    own = expand(keys)
    words = {s for k in keys if k[:1] not in _NOT_WORDS for s in synonyms(k)}
    extra = (words | {_SYNONYM_OF[s] for s in words if s in _SYNONYM_OF}) - set(own)
    return (*own, *sorted(extra)) if extra else own


_NOT_WORDS = ("#", "@", "~")  # the marks of keys that are not word stems


def content_keys(tokens: Iterable[Token]) -> set[str]:
    """Every key of the content (non-stop) tokens."""
    return {k for t in tokens if not t.stop for k in t.keys}
