"""What of a claim a sentence says: each of the claim's words and names found in the sentence
(or what the rules read as saying it: "Damascus forces", "working alongside", "instead of
liberating", a threat told), or named just before it, or in its article; and who else the
sentence gives the claim's act to."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from dossier.analysis import attribution
from dossier.analysis.parse import classifiers, figure_frame, subject_noun
from dossier.analysis.text import Token, collocation, expand, initial_of, possessive, stem
from dossier.judge.acts import hit_by, name_groups
from dossier.judge.analyses import ClaimAnalysis, Figure, PassageAnalysis, Term
from dossier.judge.analyze import of_name
from dossier.lexicon import thresholds, wordnet
from dossier.lexicon.numbers import UNITS
from dossier.lexicon.speech import REPORT_NOUNS
from dossier.lexicon.synonyms import (
    ATTACKS,
    CAMPAIGN_ACTS,
    COUNTED_EVENTS,
    PEOPLE_OF,
    PRESENCE_VERBS,
    WARNING,
    WITH_SIDE,
)
from dossier.lexicon.words import BEARINGS, DEFINITE, FIRST_PERSON, STOPWORDS

_THREAT_RE = re.compile(r"[^.;!?]{0,120}?\b(?:would|will)\b")
_ANY_RE = re.compile(r"\bany (?:further |more |new |other )?$", re.IGNORECASE)
_INITIALS_RE = re.compile(r"(?:[A-Z]\.){2,4}")


@dataclass(slots=True)
class Cover:
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
    named: int = 0  # the claim's names
    reference: list[str] = field(default_factory=list)  # named only as a distance's start

    def unnamed(self, most: bool = False) -> str | None:
        """Why the sentence cannot say the claim when its article never gives one of its names
        (with ``most``: most of its names. An article that gives the others may write one of
        them otherwise, "the Liberal Democrats" for "the Lib Dems", or what reads as a name may
        be none, "MPs", "Rs 10 lakh": a name it lacks then counts against the sentence's
        coverage, as any word it lacks)."""
        if self.reference:
            where = ", ".join(self.reference)
            return f"the sentence names {where} only as where a distance is measured from"
        if self.missing and (not most or len(self.missing) * 2 > self.named):
            return f"the article does not name {', '.join(self.missing)}"
        return None

    def short_of(self, least: float) -> str | None:
        """Why the sentence cannot say the claim when it covers less than ``least`` of it."""
        if self.coverage < least:
            return f"the passage covers too little of the claim ({self.coverage:.2f})"
        return None


def claim_subject(claim: ClaimAnalysis) -> Term | None:
    """The noun for people the claim's main verb is said of ("The *drivers* of both trains were
    killed"), by the sentence's parse; None without one. Parsed only when a rule asks (the
    parser takes about a second to load), once per claim text."""
    people = [t for t in claim.terms if t.people]
    if not people:
        return None
    span = subject_noun(claim.text)
    if span is None:
        return None
    word = claim.text[span[0] : span[1]]
    return next((t for t in people if t.text == word), None)


def cover(
    claim: ClaimAnalysis,
    passage: PassageAnalysis,
    document_keys: frozenset[str],
    context_keys: frozenset[str],
    topic_keys: frozenset[str],
) -> Cover:
    """Each of the claim's terms found in the sentence, or just before it, or in its article."""
    cover = Cover(first_person=any(t.text in FIRST_PERSON for t in passage.tokens))
    # A quoted "we" goes on from the sentence before; so does "the announcement" of what it said.
    goes_on = cover.first_person or _refers_back(passage.tokens)
    covered = total = 0.0
    words_total = words_covered = words_from_context = 0.0
    claim_keys = {k for t in claim.terms for k in t.keys} | claim.names
    cover.named = sum(1 for t in claim.terms if t.entity)
    reference_name = -1
    borrowed = _abbreviated(claim, passage) if claim.defined else {}
    for term in claim.terms:
        if term.timing and not _hits(claim, term, passage):
            continue  # when the figure held: its date is judged apart, its words need not be said
        total += term.weight
        if claim.speaker_keys and term.keys & claim.speaker_keys:
            covered += term.weight  # the speaker, already found speaking for the claim's source
            continue
        if not term.entity:
            words_total += term.idf
        hit = _hits(claim, term, passage) or borrowed.get(term.keys, [])
        if len(hit) > 1:  # "its own special forces ... held by US troops": the claim's forces
            own = [i for i in hit if not foreign_actor(claim_keys, passage, i)]
            hit = own or hit
        if term.bearing and passage.facets.directions:
            covered += term.weight
            words_covered += term.idf
            continue
        if not hit and term.entity and _measured_from(claim.text, term.text):
            hit = _hits(claim, term, passage, references=True)  # the claim's start too
        if term.required and not hit:
            cover.unsaid_verbs.append(term.text)
        if not hit and term.entity and _hits(claim, term, passage, references=True):
            # "330 miles north of Lorem": not in Lorem ("Sao Paulo" one name, not two)
            if cover.reference and term.name >= 0 and term.name == reference_name:
                cover.reference[-1] += " " + term.text
            else:
                cover.reference.append(term.text)
            reference_name = term.name
            continue
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
            covered += term.weight * thresholds.DOCUMENT_ENTITY_CREDIT
            cover.absent.append(term.text)
            (cover.topical if term.keys & topic_keys else cover.unsettled).append(term.text)
        elif term.entity and claim.figures and _classifies(claim.text, term.text):
            total -= term.weight  # a kind the story's setting gives: "a Commons majority of 174"
        elif term.entity:
            cover.missing.append(term.text)
        elif term.keys & context_keys:
            covered += term.weight * thresholds.CONTEXT_WORD_CREDIT
            if goes_on:  # "We are not coordinating ...": the quote goes on from before
                words_from_context += term.idf * thresholds.CONTEXT_WORD_CREDIT
    if words_covered:  # the sentence says part of it itself; what was said before adds to it
        words_covered += words_from_context
    cover.coverage = covered / total if total else 1.0
    cover.word_coverage = words_covered / words_total if words_total else 1.0
    return cover


def _abbreviated(claim: ClaimAnalysis, passage: PassageAnalysis) -> dict[frozenset[str], list[int]]:
    """The claim's terms said by an abbreviation the claim defines, or by its long form, and
    where: "mTECs" says each word of "medullary thymic epithelial cells (mTECs)"; the four
    words together say "mTECs"."""
    terms = {t.keys: t for t in claim.terms}
    borrowed: dict[frozenset[str], list[int]] = {}
    for short, long in claim.defined:
        short_at = [_hits(claim, terms[k], passage) for k in short]
        long_at = [_hits(claim, terms[k], passage) for k in long]
        if all(short_at):
            at = sorted({i for hit in short_at for i in hit})
            borrowed.update((k, at) for k, hit in zip(long, long_at, strict=True) if not hit)
        elif all(long_at):
            at = sorted({i for hit in long_at for i in hit})
            borrowed.update((k, at) for k, hit in zip(short, short_at, strict=True) if not hit)
    return borrowed


def _classifies(text: str, name: str) -> bool:
    """Whether a name only says what kind a thing of the claim is ("a Commons majority"): by
    the parse, asked only when a determiner comes before the name (an adjective or two
    between) and a lower-case word that does not read as a verb after it ("The SDF controls"
    does not ask: the parser takes a second to load in a process that has not used it)."""
    if re.search(_KIND_BEFORE + re.escape(name) + _KIND_AFTER, text, re.IGNORECASE) is None:
        return False
    return name in classifiers(text)


_KIND_BEFORE = r"\b(?:a|an|any|the|its|their|his|her|this|that|each|every)\s+(?:[a-z]+\s+){0,2}"
_KIND_AFTER = r"\s+(?![a-z]+(?:s|ed)\b)(?-i:[a-z]+)"


def _hits(
    claim: ClaimAnalysis, term: Term, passage: PassageAnalysis, *, references: bool = False
) -> list[int]:
    """The content tokens of the sentence that say a term of the claim, in order: its words and
    synonyms, and what the rules read as saying it ("Damascus forces", "working alongside",
    "fired at its own forces", "instead of liberating", a threat told, a collocation). A name
    where a distance is measured from ("300 miles north of Lorem") does not say it; with
    ``references``, only such names are given."""
    tokens = passage.tokens
    if not term.entity and " " in term.text and any(k[0] == "@" for k in term.keys):
        return _phrase_said(term, passage)
    found: set[int] = set()
    for k in term.keys:
        found.update(passage.positions.get(k, ()))
    if term.entity and _INITIALS_RE.fullmatch(term.text):
        found.update(_initials(term.text, tokens))
    if term.entity and not found:
        found.update(_initial_said(claim.text, term.text, passage))
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
        # "air" is not the "Air" of "Russian Air Force"
        if (
            term.entity
            or not tokens[i].entity
            or _named(term.text)
            or term.keys & passage.given.get(i, frozenset())  # "oxidase" said by "LIO"
        )
        and not _of_another(term, tokens, i)
        and (term.entity and _reference_point(tokens, i)) == references
    ]


_DISTANCES = frozenset(w for w, (unit, _) in UNITS.items() if unit == "km" and " " not in w)


def _abbreviating(keys: set[str], passage: PassageAnalysis) -> set[str]:
    """The own keys of the sentence's tokens that say some of ``keys`` by a key their article
    gives them: "WFP", where the article defines "the World Food Programme (WFP)", is the
    claim's "World Food Programme"."""
    tokens = passage.tokens
    return {k for i, given in passage.given.items() if given & keys for k in tokens[i].keys}


def _named(word: str) -> bool:
    """Whether a word opening the claim is a name all the same, written with a capital or a
    digit after its first letter ("ALDH1 expression is ...", "DUSP4 downregulation ..."): the
    tokenizer takes the first word of a sentence for a name only when the alias table knows
    it."""
    return word[:1].isupper() and any(c.isupper() or c.isdigit() for c in word[1:])


def _reference_point(tokens: Sequence[Token], i: int) -> bool:
    """Whether the name at ``i`` is where a distance is measured from: "a man from a town
    about 300 miles north of Lorem" is not from Lorem, nor in it."""
    while i > 0 and tokens[i - 1].entity and tokens[i - 1].text[:1].isupper():
        i -= 1  # the first word of the name: "Sao" of "Sao Paulo"
    words = [t.text.lower() for t in tokens[max(0, i - 3) : i]]
    return len(words) == 3 and words[2] == "of" and words[1] in BEARINGS and words[0] in _DISTANCES


@lru_cache(maxsize=4096)
def _measured_from(text: str, name: str) -> bool:
    """Whether the claim itself names ``name`` as where a distance is measured from ("about
    170 kilometres (105 miles) south of Lorem"): a passage that does so says it."""
    at = text.find(name)
    if at < 0:
        return False
    words = [w.lower() for w in _LETTERS_RE.findall(text[:at])][-4:]
    return (
        len(words) >= 3
        and words[-1] == "of"
        and words[-2] in BEARINGS
        and any(w in _DISTANCES for w in words[:-2])
    )


_LETTERS_RE = re.compile(r"[A-Za-z]+")


def _phrase_said(term: Term, passage: PassageAnalysis) -> list[int]:
    """Where the sentence says a common-noun phrase of the alias table: whole (or by its
    alias), or by its head noun with another of its words: "a global health emergency" says
    "a public health emergency of international concern", "an emergency" alone does not."""
    positions = passage.positions
    whole = [i for k in term.keys if k[0] == "@" for i in positions.get(k, ())]
    if whole:
        return sorted(whole)
    words = term.text.lower().split()
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    head_at = positions.get(stem(head), ())
    others = {stem(w) for w in words if w != head and w not in STOPWORDS}
    beside = [i for k in others for i in positions.get(k, ())]
    return sorted({*head_at, *beside}) if head_at and beside else []


def _initials(written: str, tokens: Sequence[Token]) -> list[int]:
    """Where a sentence writes a person's initials ("A.M.") spaced out: "A M Chowdhary"."""
    letters = written.replace(".", "")
    n = len(letters)
    for i in range(len(tokens) - n):
        spelled = tokens[i : i + n]
        if all(t.text.rstrip(".") == c for t, c in zip(spelled, letters, strict=True)) and (
            tokens[i + n].text[:1].isupper()
        ):
            return list(range(i, i + n))
    return []


def _initial_said(text: str, name: str, passage: PassageAnalysis) -> list[int]:
    """Where a sentence writes the first word of a claim's name as its initial, before the
    word that follows it in the claim: "H. pylori" (or "H pylori") for "Helicobacter
    pylori"."""
    letter = name[:1]
    at = passage.positions.get(letter.lower(), ())
    if len(name) < 3 or not letter.isupper() or not at:
        return []
    after = re.search(re.escape(name) + r"\s+([a-z]\w+)", text)
    if after is None:
        return []
    following = stem(after.group(1))
    tokens = passage.tokens
    found = []
    for i in at:
        nxt = i + 2 if i + 2 < len(tokens) and tokens[i + 1].text == "." else i + 1
        if initial_of(tokens[i].text, name) and nxt < len(tokens):
            found.extend([i] if following in tokens[nxt].keys else [])
    return found


def _of_another(term: Term, tokens: Sequence[Token], i: int) -> bool:
    """'the siege of Raqqa' is not 'the siege of Deir ez-Zor'."""
    of = of_name(tokens, i) if term.of else frozenset()
    return bool(of) and not of & term.of


def _refers_back(tokens: Sequence[Token]) -> bool:
    """'The September 9 announcement came as ...': a report named by a determiner a few words
    before it is the report of the sentences just before."""
    for i, t in enumerate(tokens):
        if t.text.lower() in REPORT_NOUNS and any(
            w.text.lower() in DEFINITE for w in tokens[max(0, i - 3) : i]
        ):
            return True
    return False


def _forces_of(term: Term, tokens: Sequence[Token], i: int) -> bool:
    """'Damascus forces' for 'Syrian government forces': the people of what the name is part of."""
    if not term.broader or not term.broader & set(tokens[i].keys) or i + 1 >= len(tokens):
        return False
    return bool(set(expand(tokens[i + 1].keys)) & PEOPLE_OF)


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
    place = next((t for t in tokens[i + 3 : i + 3 + thresholds.OBJECT_WORDS] if t.entity), None)
    return place is not None and bool(term.forgone & set(place.keys))


def _threatens(term: Term, passage: PassageAnalysis, i: int) -> bool:
    """The "attempts" of "told that any attempts ... would be shut down", for a claim's
    "warning"."""
    return WARNING in term.keys and threat_at(passage, i)


def threat_at(passage: PassageAnalysis, i: int) -> bool:
    """Whether token i is the "attempts" of what any attempt will meet, told or said to someone:
    a warning, whose "would" is the warning's content, not a supposed act."""
    t = passage.tokens[i]
    if t.keys[0] != "attempt" or not _ANY_RE.search(passage.text[: t.start]):
        return False
    if _THREAT_RE.match(passage.text, t.end) is None:
        return False
    return any(attribution.is_speech_verb(w.text) for w in passage.tokens[:i])


def _present(claim: ClaimAnalysis, term: Term, tokens: Sequence[Token], i: int) -> bool:
    """'Syrian troops working alongside Russian special forces' for a claim that Russia 'deployed'
    forces: the people at work there are the deployer's (named next to the verb or after
    'alongside'), not anyone's ("Iran has militiamen fighting alongside ...")."""
    if (
        "~deploy" not in term.keys
        or tokens[i].keys[0] not in PRESENCE_VERBS
        or i + 1 >= len(tokens)
        or tokens[i + 1].text.lower() not in WITH_SIDE
    ):
        return False
    at = claim.terms.index(term)
    deployer = {k for t in claim.terms[:at] if t.entity for k in t.keys}
    near = [
        *tokens[max(0, i - thresholds.ACTOR_WINDOW) : i],
        *tokens[i + 2 : i + 2 + thresholds.ACTOR_WINDOW],
    ]
    return any(t.entity and deployer & set(t.keys) for t in near)


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
    aimed = tokens[
        max(0, i - thresholds.ACTOR_WINDOW) : i + 2 + thresholds.AIM_WORDS
    ]  # "at its own special forces"
    return any("~troop" in expand(t.keys) for t in aimed if not t.entity)


def other_actor(claim: ClaimAnalysis, passage: PassageAnalysis, matched: set[int]) -> str | None:
    """Who, in the passage, does what the claim says, when the claim does not name them?

    The actor is an alias-table name just before a word of the claim's predicate
    ("IS has held ... 60 percent" against "the SDF controls 60 percent").
    """
    claim_keys = {k for t in claim.terms for k in t.keys} | claim.names
    for j in sorted(matched):
        if not passage.tokens[j].entity and (actor := foreign_actor(claim_keys, passage, j)):
            return actor
    return None


_ANOTHER_CLAUSE_RE = re.compile(r"[;:]|,(?!\s*(?:who|which)\b)")


def foreign_actor(claim_keys: set[str], passage: PassageAnalysis, j: int) -> str | None:
    """The name just before the word at j, when it is a name the claim does not have (an
    alias-table name, or any other: "the Liberal Democrats, who won 71 seats" is not a count
    of Labour's seats), and not one joined to the claim's names."""
    speaker = speaker_span(passage)
    tokens = passage.tokens
    before = [t for t in tokens[max(0, j - thresholds.ACTOR_WINDOW) : j] if not t.stop]
    for t in reversed(before):  # the nearest name before the act is its actor
        if _ANOTHER_CLAUSE_RE.search(passage.text, t.end, tokens[j].start):
            break  # "in the parlance of UK elections, a majority of 174": not the UK's
        if t.start in speaker or passage.text[t.end : t.end + 2].strip().startswith("-"):
            continue  # the speaker, or a description ("US-backed forces")
        if not t.entity:
            continue
        if any(k[0] in "@#" and k not in claim_keys for k in t.keys):
            return None if _joined_to_claims(tokens, t, claim_keys) else t.text
        break
    return None


def _joined_to_claims(tokens: Sequence[Token], name: Token, claim_keys: set[str]) -> bool:
    """Whether a name is coordinated with one of the claim's ("blamed Russia and Syria"): a
    partner in the act, not another actor."""
    at = tokens.index(name)
    if at < 2 or tokens[at - 1].text.lower() not in {"and", "or", "&", ","}:
        return False
    return bool(set(tokens[at - 2].keys) & claim_keys)


def speaker_span(passage: PassageAnalysis) -> range:
    if not passage.speaker:
        return range(0)
    at = passage.text.find(passage.speaker)
    return range(at, at + len(passage.speaker)) if at >= 0 else range(0)


_CLAUSE_BREAK_RE = re.compile(r"[,;:()\u2013\u2014]|\b(?:and|but|while|whereas|which|who|of)\b")


def unknown_capital(t: Token) -> bool:
    """A capitalised word English does not have (not in WordNet): a name, though it opens the
    sentence ("Salesforce said it would cut 10% of its staff")."""
    return t.text[:1].isupper() and not t.stop and not wordnet.known(t.keys[0])


def _telling_words(tokens: Sequence[Token], names: Sequence[Token]) -> list[Token]:
    """The words that tell which thing the names ``names`` are words of are: each whole name's
    words but its last, when it has more ("SMVB – HWH Superfast Express" shares "Superfast"
    with "Bengaluru-Howrah Superfast Express", and only its kind, "Express", with "Coromandel
    Express"); a name of one word is its own."""
    groups = name_groups(tokens)
    at = {t.start: i for i, t in enumerate(tokens)}
    telling = []
    for t in names:
        i = at.get(t.start)
        if i is None or i not in groups:
            telling.append(t)
            continue
        whole = _own_name(tokens, [j for j, g in groups.items() if g == groups[i]], i)
        telling.extend(tokens[j] for j in (whole[:-1] if len(whole) > 1 else whole))
    return telling


def _own_name(tokens: Sequence[Token], whole: list[int], i: int) -> list[int]:
    """The part of a run of names that token i belongs to: a possessive ends a name ("Nigel
    Farage's Reform" names Reform, and Farage)."""
    start, end = whole[0], whole[-1]
    for j in whole:
        if possessive(tokens[j].text):
            if j < i:
                start = j + 1
            else:
                end = min(end, j)
    return [j for j in whole if start <= j <= end]


def figure_owner(claim: ClaimAnalysis, passage: PassageAnalysis, figure: Figure) -> str | None:
    """Who a passage's figure is said of, when the claim does not name them (nor one joined to
    them): the subject of the verb the figure belongs to, in the sentence's parse
    (``analysis.parse.figure_frame``: "Parent firm Acme recently announced 11,000 job
    cuts" -> "Acme"; "Globex, which said it would cut its workforce by 10 percent" ->
    "Globex"). Where the parse shows no named subject, the name just before the figure in
    its clause: "the SNP are expected to secure 10 seats" -> "SNP"; a count in brackets is the
    name's before it ("Spain (156), Portugal (138)"). A comma, a conjunction or
    "of" ends the clause: "in the parlance of UK elections, a majority of 174" is no count of
    the UK's."""
    claim_keys = {k for t in claim.terms for k in t.keys} | claim.names
    tokens = passage.tokens
    claim_keys |= _abbreviating(claim_keys, passage)
    if figure.listed is not None:  # "Spain (156), Portugal (138)": the name before the brackets
        name, keys = figure.listed
        return None if keys & claim_keys else name
    frame = figure_frame(passage.text, figure.quantity.start, figure.quantity.end)
    verb = next((t for t in tokens if frame and t.start == frame.verb[0]), None)
    if verb is not None and set(expand(verb.keys)) & COUNTED_EVENTS:
        return None  # who kills or wounds those counted does not own them: "IS killed 4"
    if frame is not None:
        start, end = frame.subject
        # a name the parse tags as one counts though it opens the sentence ("Northwind said")
        names = [
            t
            for t in tokens
            if t.start < end
            and start < t.end  # "Liberal Democrats": the parse's "Democrats"
            and len(t.text) > 1
            and (t.entity or frame.proper or unknown_capital(t))
        ]
        if any(set(t.keys) & claim_keys for t in _telling_words(tokens, names)):
            return None  # the claim's own
        named = [t for t in names if any(k[0] in "@#" for k in t.keys) or unknown_capital(t)]
        if named and not _joined_to_claims(tokens, named[0], claim_keys):
            return " ".join(t.text for t in named)
    at = next((i for i, t in enumerate(tokens) if t.start >= figure.quantity.start), len(tokens))
    speaker = speaker_span(passage)
    for i in range(at - 1, max(-1, at - 1 - thresholds.OWNER_WINDOW), -1):
        t = tokens[i]
        if _CLAUSE_BREAK_RE.search(passage.text, t.end, figure.quantity.start):
            return None
        if not t.entity and set(expand(t.keys)) & COUNTED_EVENTS:
            return None  # the name before "killed 10" is who killed them
        if not t.entity or t.start in speaker or len(t.text) < 2:
            continue
        if set(t.keys) & claim_keys or not any(k[0] in "@#" for k in t.keys):
            return None
        return None if _joined_to_claims(tokens, t, claim_keys) else t.text
    return None
