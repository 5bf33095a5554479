"""What the judge reads of a claim and of a passage: their terms, figures, speaker and facets,
as ``dossier.judge.analyze`` makes them. Types only: the rules, the act readers and the
analysis all share them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from dossier.analysis.facets import Facets
from dossier.analysis.text import Token, number_key
from dossier.lexicon import thresholds
from dossier.models import Quantity

_DIGITS_RE = re.compile(r"\d[\d,.]*\d|\d")


@dataclass(frozen=True, slots=True)
class Term:
    """One content word or name of a claim and the keys that match it."""

    text: str
    keys: frozenset[str]
    entity: bool
    idf: float = 1.0  # how rare the word is in the corpus: rare words say more
    required: bool = False  # the verb after an auxiliary ("are speaking"): the claim's act
    # What a name is part of: "Syrian government forces" are met by "Damascus forces".
    broader: frozenset[str] = frozenset()
    bearing: bool = False  # a direction: any direction answers it, the facets judge which
    name: int = -1  # which name of the claim a name's word belongs to ("Deir" and "Zor": one)
    of: frozenset[str] = frozenset()  # the name after "of": the siege *of Deir ez-Zor*
    collocated: str = ""  # the verb with its object: "broke the siege" is "lifted the blockade"
    # The place whose fight a word of "neglecting the fight for Raqqa" leaves undone.
    forgone: frozenset[str] = frozenset()
    # The keys WordNet's synonyms add ("death" for "fatalities"): the judge reads them, retrieval
    # does not search them (measured: they found no more cited sentences, only more noise).
    synonyms: frozenset[str] = frozenset()
    # In a clause that says when the claim's figure held ("... when it announced the cuts"):
    # the figure's date decides that, the passage need not say its words.
    timing: bool = False
    # A noun for people in a claim without a figure: the claim's subject when the parse says so
    # (``judge.cover.claim_subject``: "the drivers ... were killed").
    people: bool = False

    @property
    def weight(self) -> float:
        return thresholds.ENTITY_WEIGHT if self.entity else thresholds.WORD_WEIGHT


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure and the keys of what it measures (its noun or its 'of' object)."""

    quantity: Quantity
    measure: frozenset[str]
    measure_names: frozenset[str]  # the name/entity keys among them
    generic: bool  # 'the city', 'the province': resolved from the rest of the sentence
    context: frozenset[str]  # the words around it ("advanced about 5 miles in the clashes")
    owners: frozenset[str] = frozenset()  # names in the counted noun: "500 US troops" -> US
    modifiers: frozenset[str] = frozenset()  # its other words: "Iraqi security" of "... forces"
    # What kind of quantity it is (``dossier.lexicon.aspects``): a level, a change ("9,000
    # more"), a threshold ("326 seats needed"), ...; and the words that tell it.
    kind: str = "level"
    cue: str = ""
    year: str = ""  # the year said beside an earlier figure: "down from 67.3% in 2019"
    # The name a count in brackets belongs to ("Portugal (138)"): its text and keys.
    listed: tuple[str, frozenset[str]] | None = None
    # Which size a length is of, said after it ("16 feet deep", "a 40-foot-wide crater"):
    # "depth", "width", "length", "height", "thickness"; "" when it says none.
    dimension: str = ""
    # The words around it as written, without a claim's synonyms: what befell those it counts
    # ("died"), where a claim's synonyms would read "at the end of" as a death.
    said: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ClaimAnalysis:
    text: str
    terms: tuple[Term, ...]
    figures: tuple[Figure, ...]
    negated: bool
    denial: bool
    speaker: str | None
    speaker_keys: frozenset[str]
    facets: Facets
    # The name keys of the speaker's last name word: "Moreau" of "Jane Moreau", what news
    # writing calls a person by after naming them in full once.
    speaker_surname: frozenset[str] = frozenset()
    # "Coalition advisers were wounded": (who, what was done to them) as keys and words.
    passive: tuple[frozenset[str], frozenset[str], str, str] | None = None
    names: frozenset[str] = frozenset()  # every name the claim writes, descriptions included
    # A transitive act and who does it to whom: "Russia bombed the SDF" -> (bomb, Russia, SDF).
    act: tuple[frozenset[str], frozenset[str], frozenset[str]] | None = None
    act_agent: str = ""
    # Names put with or against the subject: "alongside Syrian government troops".
    sides: tuple[tuple[frozenset[str], str, str], ...] = ()
    # The days it names with their year ("By June 2, 2022", "in early June 2022"): the first
    # and last day meant, and the words that name them.
    dated: tuple[dt.date, dt.date, str] | None = None
    # The abbreviations it defines: the keys of the short form's terms and of the long form's
    # ("mTECs"; "medullary", "thymic", "epithelial", "cells"), each said by the other.
    defined: tuple[tuple[tuple[frozenset[str], ...], tuple[frozenset[str], ...]], ...] = ()

    def search_groups(self) -> list[tuple[list[str], bool]]:
        """What retrieval looks for: each term's keys (not its WordNet synonyms), and each
        figure's number as written in digits (weighed like a name: "1,500" is as telling as
        "Raqqa")."""
        groups = [(sorted(t.keys - t.synonyms), t.entity) for t in self.terms]
        for f in self.figures:
            written = _DIGITS_RE.findall(f.quantity.text)
            numbers = sorted({k for w in written if (k := number_key(w))})
            if numbers:
                groups.append((numbers, True))
        return groups


@dataclass(frozen=True, slots=True)
class PassageAnalysis:
    text: str
    tokens: tuple[Token, ...]
    keys: frozenset[str]
    figures: tuple[Figure, ...]
    speaker: str | None
    facets: Facets
    # Whom the passage speaks for: its names, its speaker's affiliation, and what they are part of.
    voice: frozenset[str] = frozenset()
    # Its speaker's own names and affiliation (not the names the passage speaks of).
    speaker_keys: frozenset[str] = frozenset()
    # Each key of its content words (with their synonym groups) -> where they stand, in order.
    positions: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    # The keys a token says by an abbreviation its article defines, besides its own: "LIO"
    # -> the keys of "Lorem ipsum oxidase" (all of them are in ``positions`` too).
    given: Mapping[int, frozenset[str]] = field(default_factory=dict)
