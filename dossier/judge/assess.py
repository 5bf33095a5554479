"""The stance of one passage toward one claim, with a reason a person can check.

A passage is evidence only when it speaks of the claim's content, not merely its words:

- **Figures.** When the claim has a figure, the passage must have a figure of the same kind that
  measures the same thing (troops with troops, percent *of Raqqa* with percent of Raqqa); the
  figures then agree (supports) or exclude each other (conflicts). Anything else is left out.
- **Statements.** Without figures, the passage must cover most of the claim's content words and
  every name it can (names fold across spellings; the editors' aliases join what no rule can).
  Its polarity then decides: a passage that denies or negates what the claim asserts conflicts
  with it; one that asserts it supports it. A claim *about* a denial ("Russia denied bombing the
  SDF") is backed only by passages that report the denial.
- **Attribution.** The speaker of every cited passage is recorded. A claim phrased as someone's
  claim ("Amaq claimed that ...") is backed by passages in which that speaker claims it.
- **Who did what to whom** (``dossier.acts``): a claim that one side did something to another
  is backed only by a sentence that gives the act to that doer and that target.
- **When and where** (``dossier.facets``): another year, day, hour or direction conflicts.
- **Said otherwise.** A few acts news writing says in other words meet the claim's: "lifted the
  blockade" is "broke the siege", "working alongside" is "deployed alongside", doing something
  "instead of liberating Raqqa" is "neglecting the fight for Raqqa".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from dossier.analysis import attribution
from dossier.analysis.facets import Contrast, Facets, contrast, facets
from dossier.analysis.quantity import Agreement, compare, complement, extract
from dossier.analysis.text import (
    Analyzer,
    Token,
    collocation,
    expand,
    number_key,
    stem,
)
from dossier.judge.acts import (
    AIM_WORDS,
    CLAUSE_WORDS,
    OBJECT_PRONOUNS,
    PEOPLE_OF,
    after_auxiliary,
    claim_act,
    doer_said,
    hit_by,
    hit_targets,
    name_groups,
    only_against,
    other_side,
    other_subject,
    other_target,
    passive_subject,
    reversed_roles,
    sides,
    span_of,
)
from dossier.lexicon.negation import DENIAL_STEMS, NEGATION_WORDS
from dossier.models import Quantity, Stance

ENTITY_WEIGHT = 2.0
WORD_WEIGHT = 1.0
MIN_COVERAGE_FIGURE = (
    0.5  # share of the claim's content a passage with a matching figure must cover
)
MIN_COVERAGE_STATEMENT = 0.7  # share of the claim's content a passage without figures must cover
MIN_WORD_COVERAGE = 0.5  # share of the claim's other words (its predicate) a statement must cover
FIRST_PERSON = frozenset({"we", "We", "our", "Our", "us", "ours"})  # not "US"
ACTOR_WINDOW = 3  # tokens before a predicate word where its actor is looked for
MEASURE_WINDOW = 4  # content words each side of a figure that say what it measures
DOCUMENT_ENTITY_CREDIT = 0.5  # a name missing from the sentence but present in its article
CONTEXT_WORD_CREDIT = 0.5  # a word missing from the sentence but said just before it
NEGATION_WINDOW = 6  # tokens after a negation that it governs
GENERIC_OBJECTS = frozenset(
    "city town village province region area territory country capital it them there".split()
)
QUALIFIERS = (
    "unknown", "believed to be", "unconfirmed", "allegedly", "reportedly",
    "could not be verified", "cannot be verified", "likely", "estimated",
)  # fmt: skip
# Words that set a figure aside in the same breath: "about 500 ... believed to be much higher".
COUNTER_QUALIFIERS = (
    "much higher", "much lower", "far higher", "far lower", "significantly higher",
    "significantly lower", "considerably higher", "considerably lower", "much larger",
    "much smaller", "far more", "far fewer", "many more", "much more", "much less",
)  # fmt: skip
# A single day: "on Friday", "yesterday", "Sept. 4", "September 9".
_WEEKDAY_RE = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|last night)\b"
)
_DIGITS_RE = re.compile(r"\d[\d,.]*\d|\d")
_CLAUSE_BOUNDARIES = (" - ", " – ", " — ", "; ", ", but ", " but ", ", while ", ", ")

# Verbs that give a name: the quoted name after them is what the passage must say.
NAMING_WORDS = frozenset(
    "named called dubbed codenamed code-named titled christened nicknamed labelled labeled".split()
)
_QUOTES = ('"', "“", "‘", "'")
# Nouns by which a sentence refers to what an earlier one said: "The September 9 announcement".
REPORT_NOUNS = frozenset(
    "announcement announcements statement statements report reports claim claims accusation "
    "accusations allegation allegations warning warnings remarks comments assertion".split()
)
# Nouns that, after "the", stand for a name already given: "the group had been ordered".
ANAPHORS = frozenset({"group", "organisation", "organization", "movement"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_DETERMINERS = frozenset({"the", "this", "that", "its", "their"})
# What happened to the people counted: a count of the killed is not a count of the force.
COUNTED_EVENTS = frozenset({"~kill", "~wound", "~deploy"})
# Losing a share of a place: what the loser lost, the other side holds.
LOSS = frozenset({"lose", "cede", "surrend", "forfeit"})
# Acts that have one actor: one strike killed him, one force holds the street.
EXCLUSIVE_ACTS = frozenset({"~kill", "~control"})


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

    @property
    def weight(self) -> float:
        return ENTITY_WEIGHT if self.entity else WORD_WEIGHT


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
    # "Coalition advisers were wounded": (who, what was done to them) as keys and words.
    passive: tuple[frozenset[str], frozenset[str], str, str] | None = None
    names: frozenset[str] = frozenset()  # every name the claim writes, descriptions included
    # A transitive act and who does it to whom: "Russia bombed the SDF" -> (bomb, Russia, SDF).
    act: tuple[frozenset[str], frozenset[str], frozenset[str]] | None = None
    act_agent: str = ""
    # Names put with or against the subject: "alongside Syrian government troops".
    sides: tuple[tuple[frozenset[str], str, str], ...] = ()

    def search_groups(self) -> list[tuple[list[str], bool]]:
        """What retrieval looks for: each term's keys, and each figure's number as written
        in digits (weighed like a name: "1,500" is as telling as "Raqqa")."""
        groups = [(sorted(t.keys), t.entity) for t in self.terms]
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
    # Each key of its content words (with their synonym groups) -> where they stand, in order.
    positions: Mapping[str, tuple[int, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Judgment:
    stance: Stance
    reason: str
    speaker: str | None
    figures: list[str]
    highlights: list[tuple[int, int]]
    score: float
    # A clause of the same passage that takes it back ("..., a claim Moscow denied"; "believed
    # to be much higher"): (start, end, reason), offsets in the passage.
    counter: tuple[int, int, str] | None = None


@dataclass(frozen=True, slots=True)
class LeftOut:
    """Why a passage that shares words with a claim is not evidence for it."""

    reason: str


def _keys(tokens: Sequence[Token]) -> frozenset[str]:
    return frozenset(k for t in tokens if not t.stop for key in (t.keys,) for k in expand(key))


def _context(tokens: Sequence[Token], start: int, end: int) -> frozenset[str]:
    """Keys of the content words (not names) next to a span: what a bare figure is about."""
    before = [t for t in tokens if t.end <= start and not t.stop and not t.entity]
    after = [t for t in tokens if t.start >= end and not t.stop and not t.entity]
    near = before[-MEASURE_WINDOW:] + after[:MEASURE_WINDOW]
    return frozenset(k for t in near for k in expand(t.keys))


def _figures(text: str, analyzer: Analyzer, tokens: Sequence[Token]) -> tuple[Figure, ...]:
    out = []
    for q in extract(text):
        noun_tokens = analyzer.tokens(q.noun) if q.noun else []
        measure = _keys(noun_tokens)
        names = frozenset(
            k for t in noun_tokens if t.entity or t.text[:1].isupper() for k in t.keys
        )
        generic = any(t.text.lower() in GENERIC_OBJECTS for t in noun_tokens) and all(
            t.stop or t.text.lower() in GENERIC_OBJECTS for t in noun_tokens
        )
        owners: frozenset[str] = frozenset()
        modifiers: frozenset[str] = frozenset()
        at = text.find(q.noun, q.end) if q.noun and q.unit == "count" else -1
        if q.noun and at >= q.end:
            phrase = [t for t in tokens if q.end <= t.start < at + len(q.noun) and not t.stop]
            owners = frozenset(k for t in phrase if t.entity for k in t.keys if k[0] in "@#")
            modifiers = frozenset(k for t in phrase[:-1] for k in t.keys) - measure
        out.append(
            Figure(q, measure, names, generic, _context(tokens, q.start, q.end), owners, modifiers)
        )
    return tuple(out)


def _polarity(tokens: Sequence[Token], matched: set[int]) -> tuple[bool, bool, str | None]:
    """(negated, denied, cue) for the matched content of a token list."""
    for i, t in enumerate(tokens):
        low = t.text.lower().replace("’", "'")
        keys = set(t.keys)
        if keys & DENIAL_STEMS:
            after = any(j > i for j in matched)
            at_end = i >= len(tokens) - 4 and any(j < i for j in matched)
            if after or at_end:
                return False, True, t.text
        negation = (low in NEGATION_WORDS or low.endswith("n't")) and not _idiom(tokens, i)
        if negation and any(
            i < j <= i + NEGATION_WINDOW and not _said_before(tokens, matched, j, i)
            for j in matched
        ):
            return True, False, t.text
    return False, False, None


# A negation that opens an idiom saying the opposite of "not": "told in no uncertain terms",
# "no doubt", "not only ... but", "not least".
AFFIRMING_IDIOMS = frozenset(
    {("no", "uncertain"), ("no", "doubt"), ("not", "only"), ("not", "least")}
)


def _idiom(tokens: Sequence[Token], i: int) -> bool:
    """Whether the negation at token i opens an idiom that affirms (``AFFIRMING_IDIOMS``)."""
    after = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
    return (tokens[i].text.lower(), after) in AFFIRMING_IDIOMS


def _said_before(tokens: Sequence[Token], matched: set[int], j: int, before: int) -> bool:
    """Was the word at j already matched before token ``before``? ('the gold case ... does not
    leave Apple subsidizing the gold market': the claim's gold was said, unnegated, before.)"""
    keys = set(tokens[j].keys)
    return any(k < before and keys & set(tokens[k].keys) for k in matched)


def analyze_claim(
    text: str, analyzer: Analyzer, idf: Callable[[Iterable[str]], float] | None = None
) -> ClaimAnalysis:
    tokens = analyzer.tokens(text)
    figures = _figures(text, analyzer, tokens)
    spans = [(f.quantity.start, f.quantity.end) for f in figures]
    claim_facets = facets(text, tokens)
    bearings = [(start, end) for _, start, end in claim_facets.directions]
    descriptors = _descriptors(text, tokens)
    names = name_groups(tokens)
    compounds = _compounds(text, tokens, idf)
    who = attribution.speaker(text)
    frame = _frame_words(text, tokens, who)
    forgone = _forgone(tokens)
    terms: dict[frozenset[str], Term] = {}
    for i, t in enumerate(tokens):
        if t.stop or i in descriptors or any(s <= t.start < e for s, e in spans):
            continue
        if i + 1 in compounds and i not in compounds:
            continue  # "air" of "air strike": the compound is one term, under its head
        if t.text.lower() in ANAPHORS and i and tokens[i - 1].text.lower() in _DETERMINERS:
            continue  # "the group": a name said before, not a word to find
        if i in frame:
            continue  # "in order to"; "Amaq claimed"; "named ... 'Jazeera Storm'": no content
        keys = frozenset(expand(_own(t))) | compounds.get(i, frozenset())
        broader = frozenset(analyzer.with_parents(keys) - keys) if t.entity else frozenset()
        required = not t.entity and after_auxiliary(tokens, i)
        weight = idf(t.keys) if idf else 1.0
        if i in compounds and idf:
            weight = max(weight, idf(tokens[i - 1].keys))  # "air strike" says more than "strike"
        bearing = any(s <= t.start < e for s, e in bearings)
        name = names.get(i, -1)
        of = frozenset() if t.entity else _of_name(tokens, i)
        if keys not in terms:
            terms[keys] = Term(
                t.text,
                keys,
                t.entity,
                weight,
                required,
                broader,
                bearing,
                name,
                of,
                collocation(tokens, i) or "",
                forgone.get(i, frozenset()),
            )
    negated, _, _ = _polarity(tokens, set(range(len(tokens))))
    # A claim's own denial word is part of what it says, not a negation of its content.
    has_denial = any(set(t.keys) & DENIAL_STEMS for t in tokens)
    speaker_keys = (
        {k for t in analyzer.tokens(who) if not t.stop for k in _own(t)} if who else set()
    )
    return ClaimAnalysis(
        text=text,
        terms=tuple(terms.values()),
        figures=figures,
        negated=negated and not has_denial,
        denial=has_denial,
        speaker=who,
        speaker_keys=frozenset(speaker_keys),
        facets=claim_facets,
        passive=passive_subject(tokens),
        names=frozenset(k for t in tokens if t.entity for k in t.keys),
        sides=sides(tokens),
        **claim_act(tokens, span_of(text, who), descriptors),
    )


def _frame_words(text: str, tokens: Sequence[Token], who: str | None) -> set[int]:
    """Words of a claim that frame its content rather than state it: the "order" of "in order
    to"; the verb that gives the claim's speaker ("Amaq claimed"; a denial stays content); a
    naming verb before a quoted name ("named its offensive 'Jazeera Storm'": the name says it)."""
    frame: set[int] = set()
    speaker_end = text.find(who) + len(who) if who and who in text else -1
    for i, t in enumerate(tokens):
        low = t.text.lower()
        before = tokens[i - 1].text.lower() if i else ""
        after = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
        in_order_to = low == "order" and before == "in" and after == "to"
        naming = low in NAMING_WORDS and any(q in text[t.end :] for q in _QUOTES)
        says = (
            speaker_end >= 0
            and 0 <= t.start - speaker_end <= len(" has already")
            and attribution.is_speech_verb(t.text)
            and not set(t.keys) & DENIAL_STEMS
        )
        if in_order_to or naming or says or _light_verb(tokens, i):
            frame.add(i)
    return frame


# A verb that only carries a message noun: "delivered its warning" says "warned".
LIGHT_VERBS = frozenset({"delivered", "deliver", "issued", "issue", "sent", "send", "gave", "give"})
MESSAGE_NOUNS = frozenset({"warn", "messag", "threat", "ultimatum"})


def _light_verb(tokens: Sequence[Token], i: int) -> bool:
    """'delivered' of 'delivered its warning', 'issued a stern warning': what is said is the
    warning; the verb that carries it need not be found."""
    if tokens[i].text.lower() not in LIGHT_VERBS:
        return False
    return any(t.keys[0] in MESSAGE_NOUNS for t in tokens[i + 1 : i + 4])


def _own(token: Token) -> tuple[str, ...]:
    """A token's keys without the entities its name is part of (a claim names exactly)."""
    return token.keys[:1] if token.keys[0].startswith("@") else token.keys


def _hyphened(text: str, left: Token, right: Token) -> bool:
    """'US-backed', 'U.S. -backed': the two tokens are joined by a hyphen."""
    return text[left.end : right.start].strip() == "-"


# A person's post, written between the name of whom they serve and their own name.
ROLE_WORDS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "commander", "minister", "envoy", "ambassador"}
)


def descriptions_in(tokens: Sequence[Token], text: str) -> list[tuple[tuple[str, str], set[str]]]:
    """'the US-backed SDF' -> ((US key, 'back'), {SDF keys}): how a text describes a name; and
    'Russian Defence Ministry spokesman Maj Gen Igor Konashenkov' -> ((ministry key,
    'spokesman'), {Konashenkov's key}): whom a person speaks for (see ``roles``)."""
    out = []
    for i in range(len(tokens) - 2):
        a, b, c = tokens[i], tokens[i + 1], tokens[i + 2]
        if a.entity and not b.entity and c.entity and _hyphened(text, a, b):
            out.append(((a.keys[0], b.keys[0]), {k for k in c.keys if k[0] in "@#"}))
        elif a.entity and b.text.lower() in ROLE_WORDS and _proper(c):
            end = i + 2
            while end + 1 < len(tokens) and _proper(tokens[end + 1]):
                end += 1
            out.append(((a.keys[0], b.text.lower()), {tokens[end].keys[-1]}))
    return out


def _proper(token: Token) -> bool:
    """A capitalised word of a person's name: not a name of the alias table."""
    return token.text[:1].isupper() and not token.keys[0].startswith("@")


def roles(uses: Mapping[tuple[str, str], Iterable[str]]) -> dict[str, frozenset[str]]:
    """Each person's surname key -> the names the corpus says they hold a post for, from the
    descriptions of ``descriptions_in``: a later "Konashenkov said" in another article speaks
    for the ministry."""
    out: dict[str, set[str]] = defaultdict(set)
    for (by, word), names in uses.items():
        if word in ROLE_WORDS:
            for name in names:
                for key in name.split(" "):
                    out[key].add(by)
    return {k: frozenset(v) for k, v in out.items()}


def described(
    tokens: Sequence[Token], text: str, descriptions: dict[tuple[str, str], set[str]]
) -> set[str]:
    """Names a text refers to by their description alone: 'the U.S.-backed militias' are the
    SDF when the article calls the SDF 'US-backed'."""
    out: set[str] = set()
    for i in range(len(tokens) - 2):
        a, b, c = tokens[i], tokens[i + 1], tokens[i + 2]
        people = not c.entity and set(expand(c.keys)) & PEOPLE_OF
        if a.entity and not b.entity and people and _hyphened(text, a, b):
            out.update(descriptions.get((a.keys[0], b.keys[0]), ()))
    return out


def _descriptors(text: str, tokens: Sequence[Token]) -> set[int]:
    """Descriptions of a name, 'US-backed', 'IS-held', 'SDF fighters': they say who the name
    is, not what the claim says of it, so a passage need not repeat them."""
    out: set[int] = set()
    for i in range(1, len(tokens)):
        prev, t = tokens[i - 1], tokens[i]
        if prev.entity and not t.entity and _hyphened(text, prev, t):
            out.update({i - 1, i})
        elif prev.entity and not t.entity and set(expand(t.keys)) & PEOPLE_OF:
            out.add(i)  # "SDF fighters", "IS militants": the name's people, not a new term
    return out


def _of_name(tokens: Sequence[Token], i: int) -> frozenset[str]:
    """The keys of the name right after 'of' following token i ("siege of Deir ez-Zor")."""
    if i + 2 >= len(tokens) or tokens[i + 1].text.lower() != "of" or not tokens[i + 2].entity:
        return frozenset()
    return frozenset(tokens[i + 2].keys)


def _compounds(
    text: str, tokens: Sequence[Token], idf: Callable[[Iterable[str]], float] | None
) -> dict[int, frozenset[str]]:
    """Two words the corpus also writes as one ('air strike', 'airstrike'): the head word
    (its index) gets the joined key, and the pair counts as one term."""
    out: dict[int, frozenset[str]] = {}
    if idf is None:
        return out
    unseen = idf(["\x00"])
    for i in range(1, len(tokens)):
        a, b = tokens[i - 1], tokens[i]
        if a.stop or b.stop or a.entity or b.entity or b.start - a.end != 1:
            continue
        if text[a.end] not in " -" or i - 1 in out:
            continue
        joined = stem((a.text + b.text).lower())
        if idf([joined]) < unseen:
            out[i] = frozenset({joined})
    return out


def analyze_passage(
    text: str,
    analyzer: Analyzer,
    previous_speaker: str | None,
    affiliation: Callable[[str], Iterable[str]] | None = None,
    quoted_by: str | None = None,
    resolve: attribution.Resolve | None = None,
) -> PassageAnalysis:
    """``affiliation(speaker)`` gives the names the article attaches to a speaker elsewhere
    ("Russian Defense Ministry spokesman Igor Konashenkov" for a later "Konashenkov said");
    ``quoted_by`` who is named where a quotation the passage is inside closes; ``resolve`` whom
    "he" or "she" stands for."""
    tokens = tuple(analyzer.tokens(text))
    keys = _keys(tokens)
    who = attribution.speaker(text, previous_speaker, quoted_by, resolve)
    voice = set(keys)
    if who:
        # "he said" resolved to an earlier "Russian officials": they speak, though unnamed here.
        voice.update(k for t in analyzer.tokens(who) if t.entity for k in t.keys)
        if affiliation:
            voice.update(affiliation(who))
    return PassageAnalysis(
        text=text,
        tokens=tokens,
        keys=keys,
        figures=_figures(text, analyzer, tokens),
        speaker=who,
        facets=facets(text, tokens),
        voice=frozenset(analyzer.with_parents(voice)),
        positions=_positions(tokens),
    )


def _positions(tokens: Sequence[Token]) -> dict[str, tuple[int, ...]]:
    """Each key of the content tokens (with their synonym groups) -> their indices, in order."""
    at: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(tokens):
        if not t.stop:
            for k in expand(t.keys):
                at[k].append(i)
    return {k: tuple(v) for k, v in at.items()}


def _same_measure(claim: Figure, passage: Figure, sentence_keys: frozenset[str]) -> str | None:
    """How the two figures measure the same thing, as words for the reason; None if they don't."""
    cq, pq = claim.quantity, passage.quantity
    if cq.unit != pq.unit:
        return None
    if claim.owners and passage.owners and not claim.owners & passage.owners:
        return None  # US troops are not Iraqi forces
    if cq.unit == "count" and (passage.context & COUNTED_EVENTS) - (claim.context & COUNTED_EVENTS):
        return None  # 40 militants killed are not a force of 50,000 fighters
    if not claim.measure:
        # A bare figure ("advanced about 5 miles"): the words around both must meet.
        return "" if claim.context & passage.context else None
    shared = claim.measure & passage.measure
    if shared and not passage.generic:
        if all(k.startswith("~") for k in shared) and not claim.modifiers <= sentence_keys:
            return None  # "troops" and "security forces" meet as words, not as these people
        return f" {pq.noun}" if pq.unit in {"count"} and not pq.vague else f" of {pq.noun}"
    place = {k for k in claim.measure_names if k[0] in "@#"}  # names as names, not as words
    if passage.generic and place and place <= sentence_keys:
        return f" of {pq.noun} ({claim.quantity.noun})"
    return None


def _qualifier(text: str) -> str | None:
    low = text.lower()
    for q in QUALIFIERS:
        if q in low:
            return q
    return None


def judge(
    claim: ClaimAnalysis,
    passage: PassageAnalysis,
    document_keys: frozenset[str],
    context_keys: frozenset[str] = frozenset(),
    published: int | None = None,
    topic_keys: frozenset[str] = frozenset(),
) -> Judgment | None:
    """The stance of ``passage`` toward ``claim``, or None when it is not evidence.

    ``document_keys`` are the names of the passage's article, ``context_keys`` the words and
    names of the sentences just before it, ``topic_keys`` the names the article is about (one
    of them may go unsaid: "the city" of an article about Deir ez-Zor). ``published`` is the
    year the article appeared, when known: a passage that names no year speaks of that year."""
    verdict = assess(claim, passage, document_keys, context_keys, published, topic_keys)
    return verdict if isinstance(verdict, Judgment) else None


def assess(
    claim: ClaimAnalysis,
    passage: PassageAnalysis,
    document_keys: frozenset[str],
    context_keys: frozenset[str] = frozenset(),
    published: int | None = None,
    topic_keys: frozenset[str] = frozenset(),
) -> Judgment | LeftOut:
    """Like ``judge``, but says why a passage is left out."""
    if not claim.terms and not claim.figures:
        return LeftOut("the claim has no content words")
    if claim.speaker_keys and not (passage.speaker and claim.speaker_keys & passage.voice):
        return LeftOut(f"the claim is {claim.speaker}'s word; the passage is not")
    cover = _cover(claim, passage, document_keys, context_keys, topic_keys)
    matched_idx, coverage = cover.matched, cover.coverage
    differs = contrast(claim.facets, passage.facets, published, passage.keys)
    actor = _other_actor(claim, passage, matched_idx) if cover.absent else None
    side = other_side(claim, passage)
    if side is not None:
        return LeftOut(side)
    if claim.figures:
        if differs is not None:
            return LeftOut(differs.reason)
        place_keys = passage.keys | context_keys | topic_keys
        others = _reidentified(claim, passage, context_keys)
        if others is not None:
            return others
        if actor is not None:
            # The sentence's figure belongs to someone the claim does not name.
            return _judge_shares(claim, passage, actor, coverage, place_keys)
        return _judge_figures(claim, passage, coverage, cover.missing, cover.highlights, place_keys)
    if cover.word_coverage < MIN_WORD_COVERAGE:
        return LeftOut(
            f"the passage says too little of the claim (words {cover.word_coverage:.2f})"
        )
    if cover.unsaid_verbs:
        return LeftOut(f"the passage does not say “{cover.unsaid_verbs[0]}”")
    roles = other_subject(claim, passage) or reversed_roles(claim, passage)
    if roles:
        return LeftOut(roles)
    modal = _modal(claim, passage, matched_idx)
    if modal:
        return LeftOut(f"the passage says what {modal} happen, not what happened")
    if actor is not None:
        return _judge_actor(claim, passage, actor, cover.absent, coverage)
    only = only_against(claim, passage)
    if only is not None:
        return _judge_only(claim, passage, only, coverage)
    aimed = other_target(claim, passage)
    if aimed is not None:
        return LeftOut(f"the passage has it done to {aimed}")
    if claim.act is not None and not doer_said(claim, passage):
        return LeftOut(f"the sentence does not say that {claim.act_agent} did it")
    unnamed = _names_left_unsaid(claim, passage, cover)
    if unnamed is not None:
        return unnamed
    judgment = _judge_statement(
        claim, passage, coverage, cover.missing, matched_idx, cover.highlights
    )
    if isinstance(judgment, Judgment) and cover.absent:
        judgment = replace(judgment, reason=judgment.reason + _supplied(claim, cover))
    return _apply_contrast(judgment, differs)


@dataclass(slots=True)
class _Cover:
    """What of the claim a sentence says, and where the rest of its names are."""

    matched: set[int] = field(default_factory=set)  # the sentence's tokens that say the claim
    highlights: list[tuple[int, int]] = field(default_factory=list)  # its names, as spans
    coverage: float = 1.0  # of the claim's weight, names counting double
    word_coverage: float = 1.0  # of the claim's words other than names, rare ones weighing more
    said: list[Term] = field(default_factory=list)  # the claim's words and names it has
    missing: list[str] = field(default_factory=list)  # names its article never gives
    absent: list[str] = field(default_factory=list)  # names the article gives, not the sentence
    from_context: list[str] = field(default_factory=list)  # ... of those, named just before
    unsettled: list[str] = field(default_factory=list)  # ... named neither before nor as topic
    topical: list[str] = field(default_factory=list)  # ... not before, but the article's topic
    unsaid_verbs: list[str] = field(default_factory=list)  # the claim's verbs it does not use
    first_person: bool = False  # a quoted "we" that goes on from the sentence before


def _cover(
    claim: ClaimAnalysis,
    passage: PassageAnalysis,
    document_keys: frozenset[str],
    context_keys: frozenset[str],
    topic_keys: frozenset[str],
) -> _Cover:
    """Each of the claim's terms found in the sentence, or just before it, or in its article."""
    cover = _Cover(first_person=any(t.text in FIRST_PERSON for t in passage.tokens))
    # A quoted "we" goes on from the sentence before; so does "the announcement" of what it said.
    goes_on = cover.first_person or _refers_back(passage.tokens)
    covered = total = 0.0
    words_total = words_covered = words_from_context = 0.0
    claim_keys = {k for t in claim.terms for k in t.keys} | claim.names
    for term in claim.terms:
        total += term.weight
        if claim.speaker_keys and term.keys & claim.speaker_keys:
            covered += term.weight  # the speaker, already found speaking for the claim's source
            continue
        if not term.entity:
            words_total += term.idf
        hit = _hits(claim, term, passage)
        if len(hit) > 1:  # "its own special forces ... held by US troops": the claim's forces
            own = [i for i in hit if not _foreign_actor(claim_keys, passage, i)]
            hit = own or hit
        if term.bearing and passage.facets.directions:
            covered += term.weight
            words_covered += term.idf
            continue
        if term.required and not hit:
            cover.unsaid_verbs.append(term.text)
        if hit:
            cover.said.append(term)
            covered += term.weight
            words_covered += 0 if term.entity else term.idf
            cover.matched.update(hit)
            cover.highlights.extend(
                (passage.tokens[i].start, passage.tokens[i].end)
                for i in hit
                if passage.tokens[i].entity
            )
        elif term.entity and term.keys & context_keys:
            covered += term.weight  # named just before: "it", "the city" refer to it
            cover.absent.append(term.text)
            cover.from_context.append(term.text)
        elif term.entity and term.keys & document_keys:
            covered += term.weight * DOCUMENT_ENTITY_CREDIT
            cover.absent.append(term.text)
            (cover.topical if term.keys & topic_keys else cover.unsettled).append(term.text)
        elif term.entity:
            cover.missing.append(term.text)
        elif term.keys & context_keys:
            covered += term.weight * CONTEXT_WORD_CREDIT
            if goes_on:  # "We are not coordinating ...": the quote goes on from before
                words_from_context += term.idf * CONTEXT_WORD_CREDIT
    if words_covered:  # the sentence says part of it itself; what was said before adds to it
        words_covered += words_from_context
    cover.coverage = covered / total if total else 1.0
    cover.word_coverage = words_covered / words_total if words_total else 1.0
    return cover


def _hits(claim: ClaimAnalysis, term: Term, passage: PassageAnalysis) -> list[int]:
    """The content tokens of the sentence that say a term of the claim, in order: its words and
    synonyms, and what the rules read as saying it ("Damascus forces", "working alongside",
    "fired at its own forces", "instead of liberating", a threat told, a collocation)."""
    tokens = passage.tokens
    found: set[int] = set()
    for k in term.keys:
        found.update(passage.positions.get(k, ()))
    for k in term.broader:  # "Damascus forces" for "Syrian government forces"
        found.update(i for i in passage.positions.get(k, ()) if _forces_of(term, tokens, i))
    if "~deploy" in term.keys or term.forgone or WARNING in term.keys or term.collocated:
        for i, t in enumerate(tokens):
            if not t.stop and (
                _present(claim, term, tokens, i)
                or _under_fire(claim, term, tokens, i)
                or _instead(term, tokens, i)
                or _threatens(term, passage, i)
                or (term.collocated and collocation(tokens, i) == term.collocated)
            ):
                found.add(i)
    return [
        i
        for i in sorted(found)
        if (term.entity or not tokens[i].entity)  # "air" is not the "Air" of "Russian Air Force"
        and not _of_another(term, tokens, i)
    ]


def _names_left_unsaid(
    claim: ClaimAnalysis, passage: PassageAnalysis, cover: _Cover
) -> LeftOut | None:
    """A name the sentence leaves out is tolerated only where a quoted "we" stands for it, or
    where the whole article is about it; and whom an act was done to must be said, or pointed
    back at ("them"), unless another of the claim's targets is said. When the sentence has the
    act hit one of the claim's targets ("fired on Syrian forces and their Russian allies":
    "fired at its own forces", said by Russia), the others need not be named."""
    unsaid = cover.unsettled + cover.topical
    agent = claim.act[1] if claim.act else frozenset()
    patient = claim.act[2] if claim.act else frozenset()
    if claim.act is not None and patient & hit_targets(passage.tokens, claim.act[0]):
        others = {t.text for t in claim.terms if t.entity and t.keys & patient}
        unsaid = [n for n in unsaid if n not in others]
    referred = any(not t.entity and t.text.lower() in OBJECT_PRONOUNS for t in passage.tokens)
    target_unsaid = [
        t.text
        for t in claim.terms
        if t.keys & patient
        and (t.text in unsaid or (t.text in cover.from_context and not referred))
    ]
    target_said = any(t.entity and t.keys & patient for t in cover.said)
    if target_unsaid and not target_said and not cover.first_person:
        # "Russia bombed the SDF": a strike in an article about the SDF may have hit anyone.
        return LeftOut(f"the sentence does not say it was done to {target_unsaid[0]}")
    claim_name = {t.text: t.name for t in claim.terms if t.entity and t.name >= 0}
    unsaid_count = len({claim_name.get(n, n) for n in unsaid})
    doer_unsaid = any(t.text in cover.topical and t.keys & agent for t in claim.terms)
    tolerated = unsaid_count == 1 and (cover.first_person or (cover.topical and not doer_unsaid))
    if unsaid and not tolerated:
        return LeftOut(f"the sentence does not name {', '.join(unsaid)}")
    return None


def _of_another(term: Term, tokens: Sequence[Token], i: int) -> bool:
    """'the siege of Raqqa' is not 'the siege of Deir ez-Zor'."""
    of = _of_name(tokens, i) if term.of else frozenset()
    return bool(of) and not of & term.of


def _refers_back(tokens: Sequence[Token]) -> bool:
    """'The September 9 announcement came as ...': a report named by a determiner a few words
    before it is the report of the sentences just before."""
    for i, t in enumerate(tokens):
        if t.text.lower() in REPORT_NOUNS and any(
            w.text.lower() in _DEFINITE for w in tokens[max(0, i - 3) : i]
        ):
            return True
    return False


def _forces_of(term: Term, tokens: Sequence[Token], i: int) -> bool:
    """'Damascus forces' for 'Syrian government forces': the people of what the name is part of."""
    if not term.broader or not term.broader & set(tokens[i].keys) or i + 1 >= len(tokens):
        return False
    return bool(set(expand(tokens[i + 1].keys)) & PEOPLE_OF)


# To leave a fight undone: "neglecting", "abandoned", "halted" (one synonym group).
FORGOING = "~halt"
# What is done in a fight for a place: "the fight for Raqqa", "instead of liberating Raqqa".
CAMPAIGN_ACTS = frozenset(
    {"~fight", "~bomb", "~control", "~siege", "~offens", "liber", "advanc", "defend"}
)
OBJECT_WORDS = 4  # words after a verb where its place is looked for


def _forgone(tokens: Sequence[Token]) -> dict[int, frozenset[str]]:
    """'neglecting the fight for Raqqa': the forgoing verb and the fight, each with the place."""
    out: dict[int, frozenset[str]] = {}
    for i, t in enumerate(tokens):
        if t.entity or FORGOING not in expand(t.keys):
            continue
        ahead = list(enumerate(tokens[i + 1 : i + 1 + OBJECT_WORDS], i + 1))
        place = next(((j, p) for j, p in ahead if p.entity), None)
        if place is None:
            continue
        at, name = place
        out[i] = frozenset(name.keys)
        for j, w in ahead:
            if j < at and not w.stop and CAMPAIGN_ACTS & set(expand(w.keys)):
                out[j] = frozenset(name.keys)
    return out


def _instead(term: Term, tokens: Sequence[Token], i: int) -> bool:
    """'instead of liberating Raqqa' says the fight for Raqqa is left undone: it meets the
    'neglecting' and the 'fight' of 'neglecting the fight for Raqqa'."""
    if not term.forgone or tokens[i].text.lower() != "instead" or i + 2 >= len(tokens):
        return False
    of, act = tokens[i + 1], tokens[i + 2]
    if of.text.lower() != "of" or not act.text.endswith("ing"):
        return False
    if not CAMPAIGN_ACTS & set(expand(act.keys)):
        return False
    place = next((t for t in tokens[i + 3 : i + 3 + OBJECT_WORDS] if t.entity), None)
    return place is not None and bool(term.forgone & set(place.keys))


# Telling someone what any attempt will meet is warning them: "the envoy was told that any
# attempts to open fire would be shut down"; "they said any new attempt will be met with force".
WARNING = "warn"
_THREAT_RE = re.compile(r"[^.;!?]{0,120}?\b(?:would|will)\b")
_ANY_RE = re.compile(r"\bany (?:further |more |new |other )?$", re.IGNORECASE)


def _threatens(term: Term, passage: PassageAnalysis, i: int) -> bool:
    """The "attempts" of "told that any attempts ... would be shut down", for a claim's
    "warning"."""
    return WARNING in term.keys and _threat_at(passage, i)


def _threat_at(passage: PassageAnalysis, i: int) -> bool:
    """Whether token i is the "attempts" of what any attempt will meet, told or said to someone:
    a warning, whose "would" is the warning's content, not a supposed act."""
    t = passage.tokens[i]
    if t.keys[0] != "attempt" or not _ANY_RE.search(passage.text[: t.start]):
        return False
    if _THREAT_RE.match(passage.text, t.end) is None:
        return False
    return any(attribution.is_speech_verb(w.text) for w in passage.tokens[:i])


# Verbs of being at work somewhere with others: "troops working alongside Russian special forces"
# says both are there, as "deployed alongside" does.
PRESENCE_VERBS = frozenset({"work", "oper", "fight", "serv"})
ALONGSIDE = frozenset({"alongside", "beside"})


def _present(claim: ClaimAnalysis, term: Term, tokens: Sequence[Token], i: int) -> bool:
    """'Syrian troops working alongside Russian special forces' for a claim that Russia 'deployed'
    forces: the people at work there are the deployer's (named next to the verb or after
    'alongside'), not anyone's ("Iran has militiamen fighting alongside ...")."""
    if (
        "~deploy" not in term.keys
        or tokens[i].keys[0] not in PRESENCE_VERBS
        or i + 1 >= len(tokens)
        or tokens[i + 1].text.lower() not in ALONGSIDE
    ):
        return False
    at = claim.terms.index(term)
    deployer = {k for t in claim.terms[:at] if t.entity for k in t.keys}
    near = [*tokens[max(0, i - ACTOR_WINDOW) : i], *tokens[i + 2 : i + 2 + ACTOR_WINDOW]]
    return any(t.entity and deployer & set(t.keys) for t in near)


ATTACKS = "~bomb"  # fired at, shelled, struck, attacked


def _under_fire(claim: ClaimAnalysis, term: Term, tokens: Sequence[Token], i: int) -> bool:
    """'mortars had been fired at its own special forces' (Russia's) for a claim that Russia
    'deployed' forces: troops are where they are fired at. The troops hit must be the
    deployer's."""
    if "~deploy" not in term.keys or ATTACKS not in expand(tokens[i].keys):
        return False
    at = claim.terms.index(term)
    deployer = {k for t in claim.terms[:at] if t.entity for k in t.keys}
    if not deployer & hit_by(tokens, i):
        return False
    aimed = tokens[max(0, i - ACTOR_WINDOW) : i + 2 + AIM_WORDS]  # "at its own special forces"
    return any("~troop" in expand(t.keys) for t in aimed if not t.entity)


MODALS = frozenset({"would", "could", "might", "may", "should", "will", "if", "unless"})
_CLAUSE_END_RE = re.compile(r"[,;:”\"]|\s[-–—]\s")


def _modal(claim: ClaimAnalysis, passage: PassageAnalysis, matched: set[int]) -> str | None:
    """'Attempts to open fire would be met with retaliation': the act is supposed, not told."""
    if any(w in MODALS for w in re.findall(r"[a-z]+", claim.text.lower())):
        return None  # "... oil—may lower the risk": the claim says what may happen
    tokens = passage.tokens
    acts = [j for j in matched if not tokens[j].entity and not _threat_at(passage, j)]
    if not acts:
        return None
    end = max(acts) + 1
    while (
        end < len(tokens)
        and tokens[end].text.lower() not in CLAUSE_WORDS
        and not _CLAUSE_END_RE.search(passage.text[tokens[end - 1].end : tokens[end].start])
    ):
        end += 1  # to the end of the act's clause: "Fire from ... will be suppressed"
    for t in tokens[max(0, min(acts) - 3) : end]:
        if t.text.lower() in MODALS:
            return t.text.lower()
    return None


def _judge_only(
    claim: ClaimAnalysis, passage: PassageAnalysis, target: str, coverage: float
) -> Judgment | LeftOut:
    """Doing it only to another target denies doing it to the claim's."""
    if not doer_said(claim, passage):
        return LeftOut(f"the sentence does not say that {claim.act_agent} did it")
    reason = f"the passage says it was done only to {target}"
    return Judgment(
        stance=Stance.SUPPORTS if claim.denial else Stance.CONFLICTS,
        reason=reason + (": a denial" if claim.denial else ""),
        speaker=passage.speaker,
        figures=[],
        highlights=[],
        score=round(coverage, 4),
    )


def _apply_contrast(judgment: Judgment | LeftOut, differs: Contrast | None) -> Judgment | LeftOut:
    """A passage that answers the claim's year or direction otherwise conflicts with it; one that
    does not answer it at all is left out."""
    if differs is None or isinstance(judgment, LeftOut):
        return judgment
    if not differs.explicit:
        return LeftOut(differs.reason)
    if judgment.stance is Stance.CONFLICTS:
        return judgment
    return Judgment(
        stance=Stance.CONFLICTS,
        reason=differs.reason,
        speaker=judgment.speaker,
        figures=[],
        highlights=judgment.highlights,
        score=judgment.score,
    )


def _judge_actor(
    claim: ClaimAnalysis,
    passage: PassageAnalysis,
    actor: str,
    absent: list[str],
    coverage: float,
) -> Judgment | LeftOut:
    """The passage gives the claim's act to someone else. Killing someone and holding a place
    have one actor: then the passage conflicts; otherwise both can be true and it is left out."""
    exclusive = any(k in EXCLUSIVE_ACTS for t in claim.terms for k in t.keys)
    if not exclusive or coverage < MIN_COVERAGE_STATEMENT:
        return LeftOut(f"the passage gives it to {actor}, not {', '.join(absent)}")
    return Judgment(
        stance=Stance.CONFLICTS,
        reason=f"claim says {', '.join(absent)}, passage says {actor}",
        speaker=passage.speaker,
        figures=[],
        highlights=[],
        score=round(coverage, 4),
    )


def _other_actor(claim: ClaimAnalysis, passage: PassageAnalysis, matched: set[int]) -> str | None:
    """Who, in the passage, does what the claim says, when the claim does not name them?

    The actor is an alias-table name just before a word of the claim's predicate
    ("IS has held ... 60 percent" against "the SDF controls 60 percent").
    """
    claim_keys = {k for t in claim.terms for k in t.keys} | claim.names
    for j in sorted(matched):
        if not passage.tokens[j].entity and (actor := _foreign_actor(claim_keys, passage, j)):
            return actor
    return None


def _foreign_actor(claim_keys: set[str], passage: PassageAnalysis, j: int) -> str | None:
    """The name just before the word at j, when it is a name the claim does not have."""
    speaker = _speaker_span(passage)
    tokens = passage.tokens
    before = [t for t in tokens[max(0, j - ACTOR_WINDOW) : j] if not t.stop]
    for t in reversed(before):  # the nearest name before the act is its actor
        if t.start in speaker or passage.text[t.end : t.end + 2].strip().startswith("-"):
            continue  # the speaker, or a description ("US-backed forces")
        if not t.entity:
            continue
        if any(k.startswith("@") and k not in claim_keys for k in t.keys):
            return t.text
        break
    return None


def _judge_shares(
    claim: ClaimAnalysis,
    passage: PassageAnalysis,
    actor: str,
    coverage: float,
    place_keys: frozenset[str],
) -> Judgment | LeftOut:
    """Control of a place is exclusive: when someone else holds a share of it, the claim's share
    conflicts if the two cannot both be true (IS holds about 60 percent vs the SDF 60 percent)."""
    left = LeftOut(f"the figure belongs to {actor}, whom the claim does not name")
    holds = any("~control" in t.keys for t in claim.terms)
    if not holds or coverage < MIN_COVERAGE_FIGURE:
        return left
    for cf in claim.figures:
        for pf in passage.figures:
            if cf.quantity.unit != "percent" or pf.quantity.unit != "percent":
                continue
            measure = _same_measure(cf, pf, place_keys)
            if measure is None:
                continue
            low = cf.quantity.low + pf.quantity.low
            if low > 100 or (low == 100 and (cf.quantity.low_open or pf.quantity.low_open)):
                return Judgment(
                    stance=Stance.CONFLICTS,
                    reason=(
                        f"claim {cf.quantity.text} vs passage {pf.quantity.text}{measure} held by"
                        f" {actor}: the two shares add up to more than 100%"
                    ),
                    speaker=passage.speaker,
                    figures=[pf.quantity.text],
                    highlights=[(pf.quantity.start, pf.quantity.end)],
                    score=round(1.0 + coverage, 4),
                )
    return left


def _speaker_span(passage: PassageAnalysis) -> range:
    if not passage.speaker:
        return range(0)
    at = passage.text.find(passage.speaker)
    return range(at, at + len(passage.speaker)) if at >= 0 else range(0)


def _counter_clause(text: str) -> tuple[int, int, str] | None:
    """The clause that sets a figure aside, as (start, end, qualifier), if the text has one."""
    low = text.lower()
    hits = [(low.find(q), q) for q in COUNTER_QUALIFIERS if q in low]
    if not hits:
        return None
    at, qualifier = min(hits)
    start, end = _clause_at(text, at, 0)
    reason = f"the passage sets the figure aside (“{qualifier}”)"
    return start, max(end, at + len(qualifier)), reason


def _clause_at(text: str, at: int, after: int) -> tuple[int, int]:
    """The span of the trailing clause holding ``at``: from the last clause boundary before it
    (but not before ``after``) to the end of the sentence."""
    start = after
    for boundary in _CLAUSE_BOUNDARIES:
        b = text.rfind(boundary, after, at)
        if b >= 0:
            start = max(start, b + len(boundary))
    return start, len(text.rstrip(" .\"”'’"))


def _one_day(text: str, said: Facets) -> str | None:
    """The single day a text names, as written: "on Friday", "yesterday", "Sept. 4"."""
    weekday = _WEEKDAY_RE.search(text)
    if weekday is not None:
        return weekday.group()
    return said.days[0][2] if said.days else None


def _judge_figures(
    claim: ClaimAnalysis,
    passage: PassageAnalysis,
    coverage: float,
    missing_names: list[str],
    highlights: list[tuple[int, int]],
    place_keys: frozenset[str],
) -> Judgment | LeftOut:
    if missing_names:
        return LeftOut(f"the article does not name {', '.join(missing_names)}")
    if coverage < MIN_COVERAGE_FIGURE:
        return LeftOut(f"the passage covers too little of the claim ({coverage:.2f})")
    agreed: list[tuple[Agreement, Figure, Figure, str]] = []
    contradicted: list[tuple[Agreement, Figure, Figure, str]] = []
    unsettled: list[tuple[Figure, Figure, str]] = []  # measured, neither backed nor contradicted
    for cf in claim.figures:
        mine: tuple[Agreement, Figure, Figure, str] | None = None
        open_: tuple[Figure, Figure, str] | None = None
        for pf in passage.figures:
            measure = _same_measure(cf, pf, place_keys)
            if measure is None:
                continue
            held = pf.quantity
            loss = _loss(claim, passage, cf, pf)
            if loss is not None:
                loser, same_side = loss
                if loser is None:
                    continue  # one side's loss, and no telling whose
                measure += f" lost by {loser}"
                if same_side:  # "IS lost more than half" leaves IS "less than half"
                    held = complement(held)
                    measure += ", the rest held"
            agreement = compare(cf.quantity, held)
            if agreement is Agreement.UNCLEAR:
                open_ = open_ or (cf, pf, measure)
                continue
            if mine is None or (agreement is Agreement.AGREE and mine[0] is not Agreement.AGREE):
                mine = (agreement, cf, pf, measure)
        if mine is not None:
            (agreed if mine[0] is Agreement.AGREE else contradicted).append(mine)
        elif open_ is not None:
            unsettled.append(open_)
    # Every figure the passage answers must agree: "after 150 years" contradicts "after 301
    # years ... two systems" though "two systems" agrees; and "at least 66 journalists" leaves
    # "at least 133 journalists, all but 10 of them Syrian" open though "10" agrees.
    answered = contradicted or agreed
    if not answered:
        return LeftOut("no figure of the passage measures what the claim's figure does")
    if not contradicted and unsettled:
        cf, pf, measure = unsettled[0]
        return LeftOut(
            f"claim {cf.quantity.text} is not settled by passage {pf.quantity.text}{measure}"
        )
    agreement, cf, pf, measure = answered[0]
    day = _one_day(passage.text, passage.facets)
    episodic = pf.quantity.unit in {"count", "times"}  # a share or a distance is a state
    if (
        episodic
        and day
        and not _one_day(claim.text, claim.facets)
        and cf.quantity.high > pf.quantity.high
    ):
        # "conducted two airstrikes on Friday" is one day's count, not the claim's total; it
        # neither backs nor contradicts "fewer than 1,000" or "over 1,500".
        return LeftOut(f"the passage counts what happened on one day (“{day}”)")
    stance = Stance.SUPPORTS if agreement is Agreement.AGREE else Stance.CONFLICTS
    verb = "matches" if stance is Stance.SUPPORTS else "vs"
    reason = f"claim {cf.quantity.text} {verb} passage {pf.quantity.text}{measure}"
    qualifier = _qualifier(passage.text)
    if qualifier and stance is Stance.SUPPORTS:
        reason += f"; the passage qualifies it (“{qualifier}”)"
    counter = _counter_clause(passage.text) if stance is Stance.SUPPORTS else None
    spans = [*highlights, (pf.quantity.start, pf.quantity.end)]
    return Judgment(
        stance=stance,
        reason=reason,
        speaker=passage.speaker,
        figures=[pf.quantity.text],
        highlights=sorted(set(spans)),
        score=round(1.0 + coverage, 4),
        counter=counter,
    )


def _loss(
    claim: ClaimAnalysis, passage: PassageAnalysis, cf: Figure, pf: Figure
) -> tuple[str | None, bool] | None:
    """When one side says a share was lost and the other that it was held or taken: who lost
    it and whether that is the claim's side (then the passage's share is the complement of the
    claim's). None when no loss is involved; no loser when the sides cannot be told."""
    if cf.quantity.unit != "percent" or bool(cf.context & LOSS) == bool(pf.context & LOSS):
        return None
    ours = next(
        (
            t
            for t in claim.terms
            if t.entity and not t.keys <= cf.measure and not t.keys & claim.speaker_keys
        ),
        None,
    )
    wanted = LOSS if pf.context & LOSS else frozenset({"~control"})
    tokens = passage.tokens
    verb = next((i for i, t in enumerate(tokens) if set(expand(t.keys)) & wanted), None)
    theirs = None
    if verb is not None:
        near = [t for t in tokens[max(0, verb - ACTOR_WINDOW - 1) : verb] if t.entity]
        theirs = near[-1] if near else None
    if ours is None or theirs is None:
        return None, False
    same = bool(ours.keys & set(theirs.keys))
    return (theirs.text if pf.context & LOSS else ours.text), same


# "the killed fighters were likely private military contractors": who the counted really were.
_REIDENTIFY_RE = re.compile(
    r"\b[Tt]he (?P<event>killed|dead|slain|wounded|injured)(?: (?P<who>(?:\w+ ){0,2}?\w+))? "
    r"(?:were|was|are|is) (?P<hedge>(?:most likely|likely|probably|possibly|in fact|actually|"
    r"apparently|reportedly) )?(?P<what>[a-z][\w-]*(?: [\w-]+){0,4}?)(?=\s*[,;.(]| (?:who|which|"
    r"that|supporting|fighting|working|from|in|near|with)\b|$)"
)


_NOT_AN_IDENTITY = frozenset(
    "not also still being among in at from on to by under found buried held".split()
)


def reidentifies(text: str) -> bool:
    """Does the sentence say who the killed or wounded really were? (A claim's count is judged
    against it though it has no figure.)"""
    return _REIDENTIFY_RE.search(text) is not None


def _reidentified(
    claim: ClaimAnalysis, passage: PassageAnalysis, context_keys: frozenset[str]
) -> Judgment | None:
    """A passage that says the people the claim counts were someone else ("the killed fighters
    were likely private military contractors") conflicts with the count of the sentence before:
    the claim's names are said there or here, the act is the same, the people are not."""
    m = _REIDENTIFY_RE.search(passage.text)
    first = m.group("what").split()[0] if m else ""
    if m is None or first in _NOT_AN_IDENTITY or first.endswith(("ed", "en")):
        return None  # "the dead were buried", "were taken", "were among ...": not who they were
    event = {k for t in passage.tokens if t.start == m.start("event") for k in expand(t.keys)}
    said = passage.keys | context_keys
    for cf in claim.figures:
        acts = (cf.context | (claim.passive[1] if claim.passive else frozenset())) & event
        if cf.quantity.unit != "count" or not cf.measure or not acts & COUNTED_EVENTS:
            continue
        what = {
            k
            for t in passage.tokens
            if m.start("what") <= t.start < m.end("what") and not t.stop
            for k in expand(t.keys)
        }
        if not what or what & cf.measure:
            continue  # "were soldiers": the same people
        if any(t.entity and not t.keys & said for t in claim.terms):
            return None  # another event: the claim's names are not said here or just before
        hedge = m.group("hedge") or ""
        return Judgment(
            stance=Stance.CONFLICTS,
            reason=(
                f"the passage says the {' '.join(filter(None, m.group('event', 'who')))} were "
                f"{hedge}{m.group('what')}, not {cf.quantity.noun}"
            ),
            speaker=passage.speaker,
            figures=[],
            highlights=[(m.start(), m.end())],
            score=1.0,
        )
    return None


def _supplied(claim: ClaimAnalysis, cover: _Cover) -> str:
    """What of the claim the sentence leaves to its article, for the reason: "; named before
    it: Syrian government troops; in the article: Deir el-Zour"."""
    parts = []
    for label, names in (
        ("named before it", cover.from_context),
        ("in the article", [n for n in cover.absent if n not in cover.from_context]),
    ):
        groups: dict[int | str, list[str]] = {}
        for term in claim.terms:
            if term.text in names:
                groups.setdefault(term.name if term.name >= 0 else term.text, []).append(term.text)
        if groups:
            parts.append(
                f"; {label}: " + ", ".join(_as_written(claim.text, g) for g in groups.values())
            )
    return "".join(parts)


def _as_written(text: str, words: list[str]) -> str:
    """A name's words as the claim writes them: "Deir" and "Zour" -> "Deir el-Zour"."""
    start = text.find(words[0])
    end = text.find(words[-1], start) if start >= 0 else -1
    if end < 0 or len(words) == 1:
        return " ".join(words)
    return text[start : end + len(words[-1])]


def _judge_statement(
    claim: ClaimAnalysis,
    passage: PassageAnalysis,
    coverage: float,
    missing_names: list[str],
    matched_idx: set[int],
    highlights: list[tuple[int, int]],
) -> Judgment | LeftOut:
    if missing_names:
        return LeftOut(f"the article does not name {', '.join(missing_names)}")
    if coverage < MIN_COVERAGE_STATEMENT:
        return LeftOut(f"the passage covers too little of the claim ({coverage:.2f})")
    negated, denied, cue = _polarity(passage.tokens, matched_idx)
    counter = None
    if denied and not claim.denial:
        counter = _denial_clause(passage, matched_idx)
        denied = counter is None
    if claim.denial:
        if not denied and not _has_denial(passage):
            return LeftOut("the claim is about a denial; the passage reports none")
        stance, reason = Stance.SUPPORTS, f"passage reports the denial (“{_denial_word(passage)}”)"
    elif denied:
        stance, reason = Stance.CONFLICTS, f"passage denies it (“{cue}”)"
    elif negated != claim.negated:
        stance = Stance.CONFLICTS
        reason = (
            f"passage negates it (“{cue}”)" if negated else "claim negates what the passage states"
        )
    else:
        stance = Stance.SUPPORTS
        words = sorted({passage.tokens[i].text for i in matched_idx}, key=lambda w: (w.lower(), w))
        verb = "reports" if counter else "states"
        reason = f"passage {verb} it: " + ", ".join(words[:8])
    return Judgment(
        stance=stance,
        reason=reason,
        speaker=passage.speaker,
        figures=[],
        highlights=sorted(set(highlights)),
        score=round(coverage, 4),
        counter=counter if stance is Stance.SUPPORTS else None,
    )


def _denial_clause(passage: PassageAnalysis, matched: set[int]) -> tuple[int, int, str] | None:
    """ "The SDF accused Russia of ..., a claim Moscow denied": the sentence reports the
    accusation (support) and, in its last clause, the denial (conflict)."""
    tokens = passage.tokens
    at = next((i for i, t in enumerate(tokens) if set(t.keys) & DENIAL_STEMS), None)
    if at is None or not matched or max(matched) > at:
        return None
    start, end = _clause_at(passage.text, tokens[at].start, 0)
    if not any(tokens[i].end <= start for i in matched):
        return None  # what is said and its denial are one clause: "Moscow denied bombing ..."
    return start, end, f"the passage reports a denial (“{tokens[at].text}”)"


def _has_denial(passage: PassageAnalysis) -> bool:
    return any(set(t.keys) & DENIAL_STEMS for t in passage.tokens)


def _denial_word(passage: PassageAnalysis) -> str:
    for t in passage.tokens:
        if set(t.keys) & DENIAL_STEMS:
            return t.text
    return ""
