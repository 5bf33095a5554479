"""Reading a claim and a passage for the judge: their content words and names (with what the
rules read as saying them), their figures and what each measures, their speaker, polarity and
facets, and how an article describes its names ("the US-backed SDF")."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from dossier.analysis import attribution
from dossier.analysis.abbreviations import Defined, also_said, definitions
from dossier.analysis.dates import written_period
from dossier.analysis.facets import facets
from dossier.analysis.kinds import figure_kinds, year_beside
from dossier.analysis.normal import fold
from dossier.analysis.parse import (
    describes_noun,
    figure_frame,
    opening_end,
    time_clauses,
    time_phrases,
)
from dossier.analysis.quantity import extract
from dossier.analysis.text import (
    Analyzer,
    Token,
    collocation,
    expand,
    name_key,
    possessive,
    stem,
    widen,
)
from dossier.judge.acts import (
    after_auxiliary,
    claim_act,
    name_groups,
    passive_subject,
    sides,
    span_of,
)
from dossier.judge.analyses import ClaimAnalysis, Figure, PassageAnalysis, Term
from dossier.judge.polarity import polarity
from dossier.lexicon import thresholds, wordnet
from dossier.lexicon.aspects import CHANGE, EARLIER
from dossier.lexicon.negation import DENIAL_STEMS
from dossier.lexicon.numbers import LENGTH_UNITS, SIZES
from dossier.lexicon.speech import (
    FINDING_VERBS,
    LIGHT_VERBS,
    MEDIUM_NOUNS,
    MESSAGE_NOUNS,
    NAMING_WORDS,
    QUOTES,
    RESEARCH_SPEAKERS,
    ROLE_WORDS,
)
from dossier.lexicon.synonyms import CAMPAIGN_ACTS, COUNTED_EVENTS, FORGOING, PEOPLE_OF
from dossier.lexicon.words import (
    ANAPHORS,
    DETERMINERS,
    GENERIC_OBJECTS,
    KINDS_OF_PEOPLE,
    RELATIONAL,
)
from dossier.models import Quantity


def _keys(tokens: Sequence[Token]) -> frozenset[str]:
    return frozenset(k for t in tokens if not t.stop for key in (t.keys,) for k in expand(key))


def _context(
    tokens: Sequence[Token],
    start: int,
    end: int,
    claim: bool = False,
    within: tuple[int, int] = (0, 2**31),
    floor: int = 0,
) -> frozenset[str]:
    """Keys of the content words (not names) next to a span: what a bare figure is about (a
    ``claim``'s words with their synonyms: its "40 fatalities" count deaths). Only ``within``
    (from the end of the figure before to the start of the one after): "more than 3,400 cases
    of flu and one death" counts cases, and the death is the next figure's. A figure with no
    word of its own since the one before shares the words before both: "Turnout was 59.9%,
    down from 67.3%", "from 288 to 275". Never before ``floor``: the words of an opening
    phrase that says when ("With all 650 seats declared, turnout was 59.9%")."""
    first, last = within
    before = [t for t in tokens if floor <= t.start and t.end <= start and not t.stop]
    before = [t for t in before if not t.entity]
    if any(t.start >= first for t in before):
        before = [t for t in before if t.start >= first]
    after = [t for t in tokens if t.start >= end and t.end <= last and not t.stop and not t.entity]
    near = before[-thresholds.MEASURE_WINDOW :] + after[: thresholds.MEASURE_WINDOW]
    keys = widen if claim else expand
    # ("ago" says when, never what is measured: "six years ago" and "10 days ago" need more)
    return frozenset(k for t in near if t.text.lower() != "ago" for k in keys(t.keys))


def _claim_keys(token: Token) -> tuple[str, ...]:
    """A claim's word with its synonyms (hand groups and WordNet's); a name with its group; a
    common-noun phrase of the alias table with its own words (``cover`` reads them)."""
    if token.entity:
        return expand(_own(token))
    return _own(token) if token.keys[0].startswith("@") else widen(_own(token))


_OUT_OF_RE = re.compile(
    r"\d\s*(?:%|per ?cent)?\s+(?:out\s+)?of\s+(?:the\s+|a\s+total\s+of\s+)?$", re.I
)


def _within(figure: Figure, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= figure.quantity.start < b for a, b in spans)


def _figures(
    text: str, analyzer: Analyzer, tokens: Sequence[Token], claim: bool = False
) -> tuple[Figure, ...]:
    """The figures of a text and what each measures; a ``claim``'s with its nouns' synonyms
    ("fatalities" counts what "deaths" do). The whole a part is counted out of ("412 of the
    650 seats") is no figure of its own: it would be held against other counts of seats."""
    out = []
    quantities = [q for q in extract(text) if not _OUT_OF_RE.search(text, 0, q.start)]
    kinds = figure_kinds(text, [(q.start, q.end) for q in quantities])
    for n, (q, kind) in enumerate(zip(quantities, kinds, strict=True)):
        # (words before it may be said of both: "Turnout was 59.9%, down from 67.3%")
        within = (
            quantities[n - 1].end if n else 0,
            quantities[n + 1].start if n + 1 < len(quantities) else len(text),
        )
        listed = _listed_count(text, tokens, q) if not q.noun else None
        if listed is not None:  # "Spain (156), Portugal (138) ... the number of confirmed cases"
            q = q.model_copy(update={"unit": "count", "noun": listed[1]})
        noun_tokens = analyzer.tokens(q.noun) if q.noun else []
        measure = _keys(noun_tokens)
        if claim:
            measure |= {k for t in noun_tokens if not t.stop for k in _claim_keys(t)}
        if q.elided:
            # "seven of them returned": the girls counted before; "two of the 53 passengers
            # died": the dead, whom the rules compare with any count of the dead
            acted = _keys(analyzer.tokens(q.elided))
            measure = acted if acted & COUNTED_EVENTS else measure | acted
        names = frozenset(
            k for t in noun_tokens if t.entity or t.text[:1].isupper() for k in t.keys
        )
        generic = any(t.text.lower() in GENERIC_OBJECTS for t in noun_tokens) and all(
            t.stop or t.text.lower() in GENERIC_OBJECTS for t in noun_tokens
        )
        if not q.noun and kind[0] == CHANGE:
            measure = _changed(text, analyzer, q)
        owners: frozenset[str] = frozenset()
        modifiers: frozenset[str] = frozenset()
        at = text.find(q.noun, q.end) if q.noun and q.unit == "count" else -1
        if q.noun and at >= q.end and listed is None:
            phrase = [t for t in tokens if q.end <= t.start < at + len(q.noun) and not t.stop]
            owners = frozenset(k for t in phrase if t.entity for k in t.keys if k[0] in "@#")
            modifiers = frozenset(k for t in phrase[:-1] for k in t.keys) - measure
        floor = opening_end(text, q.start)
        context = _context(tokens, q.start, q.end, claim, within, floor)
        out.append(
            Figure(
                q,
                measure,
                names,
                generic,
                context,
                owners,
                modifiers,
                *kind,
                year_beside(text, q.start, q.end) if kind[0] == EARLIER else "",
                (listed[0].text, frozenset(listed[0].keys)) if listed else None,
                dimension(text, q.end),
                _context(tokens, q.start, q.end, False, within, floor) if claim else context,
            )
        )
    return tuple(out)


# A unit of length and the adjective of size after a number: "16 feet deep", "40-foot-wide".
_DIMENSION_RE = re.compile(
    r"[\s-]*(?:" + "|".join(LENGTH_UNITS) + r")[\s-]+(?P<size>" + "|".join(SIZES) + r")\b",
    re.IGNORECASE,
)


def dimension(text: str, end: int) -> str:
    """Which size the length that ends at ``end`` is of ("16 feet deep": "depth"; ``SIZES``),
    or "" when no unit of length and word of size follow it: a depth does not answer a
    width ("a 16-foot-deep crater" and "a 40-foot-wide crater" may be one crater)."""
    m = _DIMENSION_RE.match(text, end)
    return SIZES[m.group("size").lower()] if m else ""


def _changed(text: str, analyzer: Analyzer, q: Quantity) -> frozenset[str]:
    """What a change without a noun of its own measures: the common noun its verb is said of,
    by the parse ("Shares fell 2%": shares; "ecommerce sales fell 0.3%": sales)."""
    frame = figure_frame(text, q.start, q.end)
    if frame is None:
        return frozenset()
    head = [t for t in analyzer.tokens(text[frame.subject[0] : frame.subject[1]]) if not t.stop]
    if not head or head[-1].entity:
        return frozenset()  # a name ("Amazon fell 2%"): its owner, judged apart
    return frozenset(head[-1].keys)  # (not its synonyms: "share" is also a "percentage")


# A count in brackets after a name, in a list: "Spain (156), Portugal (138) and Canada (54)
# have logged the highest number of confirmed cases".
_BRACKETED_RE = re.compile(r"\(\s*$")
_NUMBER_OF_RE = re.compile(r"\bnumbers?\s+of\s+((?:[a-z-]+\s+){0,2}?[a-z-]+s)\b", re.IGNORECASE)


def _listed_count(text: str, tokens: Sequence[Token], q: Quantity) -> tuple[Token, str] | None:
    """For a number in brackets right after a name ("Portugal (138)"), the name and what the
    sentence says the list counts ("the number of confirmed cases" -> "confirmed cases")."""
    bracketed = _BRACKETED_RE.search(text, max(0, q.start - 3), q.start)
    if not bracketed or text[q.end : q.end + 1] != ")":
        return None
    before = [t for t in tokens if t.end <= q.start - 1]
    if not before or not before[-1].entity:
        return None
    counted = _NUMBER_OF_RE.search(text, q.end)
    if counted is None:
        return None
    return before[-1], counted.group(1)


def analyze_claim(
    text: str, analyzer: Analyzer, idf: Callable[[Iterable[str]], float] | None = None
) -> ClaimAnalysis:
    """A claim as the judge reads it: its text folded (``fold``: NFC, one space), as the
    passages it is judged against are."""
    text = fold(text).text
    tokens = analyzer.tokens(text)
    if idf is not None and headline_case(tokens):
        text = _sentence_case(text, tokens, idf)
        tokens = analyzer.tokens(text)
    figures = _figures(text, analyzer, tokens, claim=True)
    spans = [(f.quantity.start, f.quantity.end) for f in figures]
    claim_facets = facets(text, tokens)
    earlier = {int(f.year) for f in figures if f.kind == EARLIER and f.year}
    if earlier:  # "59.9%, down from 67.3% in 2019": 2019 is the earlier figure's, not the claim's
        kept = tuple(y for y in claim_facets.years if y.since or y.year not in earlier)
        claim_facets = replace(claim_facets, years=kept)
    bearings = [(start, end) for _, start, end in claim_facets.directions]
    descriptors = _descriptors(text, tokens)
    names = name_groups(tokens)
    compounds = _compounds(text, tokens, idf)
    who = attribution.speaker(text)
    if who and claim_facets.on_days:
        # "On Tuesday, September 9, Strauch said ...": the day is the saying's; what is said
        # may be reported without it.
        claim_facets = replace(claim_facets, on_days=())
    frame = _frame_words(text, tokens, who)
    told_by = _research_frame(text, tokens)
    if told_by:
        # "A study of more than 130,000 people found that ...": its figure frames the claim
        frame |= told_by
        end = tokens[max(told_by)].end
        figures = tuple(f for f in figures if f.quantity.start >= end)
        spans = [(f.quantity.start, f.quantity.end) for f in figures]
    given = [f for f in figures if _ALONG_WITH_RE.search(text[: f.quantity.start])]
    if given:
        # "The mayor was detained along with the 22 officers arrested earlier": the 22 are
        # known already; what the claim says is of the mayor.
        figures = tuple(f for f in figures if f not in given)
        spans = [(f.quantity.start, f.quantity.end) for f in figures]
    forgone = _forgone(tokens)
    clauses = time_clauses(text) if figures else []
    told = [f for f in figures if not _within(f, clauses)]
    if told and len(told) < len(figures):
        # "Shares fell 2% on the day the firm announced 18,000 cuts": the figures of the clause
        # that says when are its words, not what the claim says; the 2% is.
        figures = tuple(told)
        spans = [(f.quantity.start, f.quantity.end) for f in figures]
    # the phrases that say when ("after 301 years of rule") keep their figures
    phrases = time_phrases(text) if figures else []
    timing = [(a, b) for a, b in clauses + phrases if not any(a <= s < b for s, _ in spans)]
    terms: dict[frozenset[str], Term] = {}
    term_at: dict[int, frozenset[str]] = {}  # each token's term, by its keys
    for i, t in enumerate(tokens):
        if t.stop or i in descriptors or any(s <= t.start < e for s, e in spans):
            continue
        if i + 1 in compounds and i not in compounds:
            continue  # "air" of "air strike": the compound is one term, under its head
        if t.text.lower() in ANAPHORS and i and tokens[i - 1].text.lower() in DETERMINERS:
            continue  # "the group": a name said before, not a word to find
        if i in frame:
            continue  # "in order to"; "Amaq claimed"; "named ... 'Jazeera Storm'": no content
        keys = frozenset(_claim_keys(t)) | compounds.get(i, frozenset())
        term_at[i] = keys
        broader = frozenset(analyzer.with_parents(keys) - keys) if t.entity else frozenset()
        # (a relational participle, "is associated with", is said by the words it relates)
        required = (
            not t.entity
            and after_auxiliary(tokens, i)
            and t.text.lower() not in RELATIONAL
            and not describes_noun(text, t.start)  # "reports that she had been captured"
        )
        weight = idf(t.keys) if idf else 1.0
        if i in compounds and idf:
            weight = max(weight, idf(tokens[i - 1].keys))  # "air strike" says more than "strike"
        bearing = any(s <= t.start < e for s, e in bearings)
        name = names.get(i, -1)
        of = frozenset() if t.entity else of_name(tokens, i)
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
                keys - frozenset(expand(_own(t))) - compounds.get(i, frozenset()),
                any(a <= t.start < b for a, b in timing),
                not figures and not t.entity and bool(set(t.keys) & KINDS_OF_PEOPLE),
            )
    negated, _, _ = polarity(tokens, set(range(len(tokens))), text)
    # A claim's own denial word is part of what it says, not a negation of its content.
    has_denial = any(set(t.keys) & DENIAL_STEMS for t in tokens)
    speaker_tokens = [t for t in analyzer.tokens(who) if not t.stop] if who else []
    whose = [t for t in speaker_tokens if possessive(t.text)]
    if whose and any(t not in whose and t.text[:1].isupper() for t in speaker_tokens):
        # "Syria's state news agency SANA": SANA speaks; Syria is only whose agency it is
        speaker_tokens = [t for t in speaker_tokens if t not in whose]
    speaker_keys = {k for t in speaker_tokens for k in _own(t)}
    named = [t for t in speaker_tokens if t.entity or t.text[:1].isupper()]
    if who and not named and _DEFINITE_RE.match(who):
        # "In a video attributed to Shekau, the group denied ...": "the group" is whom the
        # claim named before it, as a passage writes them.
        at = text.find(who)
        before = [t for t in tokens if t.entity and t.end <= at]
        if before and not any(t.text.lower() in RESEARCH_SPEAKERS for t in speaker_tokens):
            speaker_keys.update(k for t in before for k in _own(t))
    surname = (
        frozenset(k for k in _own(named[-1]) if k[0] in "#@") if len(named) >= 2 else frozenset()
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
        speaker_surname=surname,
        passive=passive_subject(text, tokens),
        names=frozenset(k for t in tokens if t.entity for k in t.keys),
        sides=sides(tokens),
        dated=written_period(text),
        defined=_defined(text, tokens, term_at),
        **claim_act(tokens, span_of(text, who), descriptors),
    )


def _defined(
    text: str, tokens: Sequence[Token], term_at: Mapping[int, frozenset[str]]
) -> tuple[tuple[tuple[frozenset[str], ...], tuple[frozenset[str], ...]], ...]:
    """The abbreviations the claim defines ("medullary thymic epithelial cells (mTECs)"), each
    as the keys of its short form's terms and of its long form's."""
    found = []
    for d in definitions(text):
        short = tuple(k for i, k in term_at.items() if d.short[0] <= tokens[i].start < d.short[1])
        long = tuple(k for i, k in term_at.items() if d.long[0] <= tokens[i].start < d.long[1])
        if short and long and not set(short) & set(long):
            found.append((short, long))
    return tuple(found)


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
        naming = low in NAMING_WORDS and any(q in text[t.end :] for q in QUOTES)
        says = (
            speaker_end >= 0
            and 0 <= t.start - speaker_end <= len(" has already")
            and attribution.is_speech_verb(t.text)
            and not set(t.keys) & DENIAL_STEMS
        )
        if in_order_to or naming or says or _light_verb(tokens, i):
            frame.add(i)
    return frame | _medium_words(text, tokens, who)


_MEDIUM_OPENING_RE = re.compile(r"(?:In|On|Through)\s+(?:a|an|the|his|her|its|their)\s[^,]*,")


def _medium_words(text: str, tokens: Sequence[Token], who: str | None) -> set[int]:
    """The words, not names, of an opening phrase that says where the claim's speaker said it
    ("*In a video attributed to* Shekau, the group denied ...", "*In a statement on* Monday,
    the ministry said ..."): a passage reports what was said without them."""
    m = _MEDIUM_OPENING_RE.match(text)
    if m is None or not who or text.find(who) < m.end():
        return set()
    inside = [i for i, t in enumerate(tokens) if t.end <= m.end()]
    if not any(tokens[i].text.lower() in MEDIUM_NOUNS for i in inside):
        return set()
    return {i for i in inside if not tokens[i].entity}


def _research_frame(text: str, tokens: Sequence[Token]) -> set[int]:
    """The words with which a claim says research found it, up to the finding verb and its
    "that": "And a study of more than 130,000 people found that ...", "Small studies have
    shown that ...", "Researchers at a university estimated that ..." (a word of research,
    ``RESEARCH_SPEAKERS``, before a verb of finding, ``FINDING_VERBS``, and "that" after it).
    An abstract reports its own finding without naming itself a study. A finding verb with no
    "that" frames nothing ("Scientists found the virus in sewage": the finding is the act),
    unless a few words on another one has it ("a study also showed promise, concluding that
    ...": the promise is the finding's)."""
    first = -1
    for i, t in enumerate(tokens):
        if t.text.lower() not in FINDING_VERBS or i == 0:
            continue
        if not any(w.text.lower() in RESEARCH_SPEAKERS for w in tokens[:i]):
            return set()
        if first < 0:
            first = i
        if i - first > FINDING_REACH:
            return set()
        if i + 1 < len(tokens) and tokens[i + 1].text.lower() == "that":
            return set(range(i + 2))
    return set()


FINDING_REACH = 3  # tokens from a finding verb to the next that may carry its "that"


def _light_verb(tokens: Sequence[Token], i: int) -> bool:
    """'delivered' of 'delivered its warning', 'issued a stern warning': what is said is the
    warning; the verb that carries it need not be found."""
    if tokens[i].text.lower() not in LIGHT_VERBS:
        return False
    return any(t.keys[0] in MESSAGE_NOUNS for t in tokens[i + 1 : i + 4])


# A count the claim names as known, beside what it says: "along with the 22 officers".
_ALONG_WITH_RE = re.compile(
    r"\b(?:along\s+with|together\s+with|alongside|as\s+well\s+as|like)\s+the\s+$", re.IGNORECASE
)
_DEFINITE_RE = re.compile(r"(?:the|this|that)\s+[a-z]", re.IGNORECASE)


def _own(token: Token) -> tuple[str, ...]:
    """A token's keys without the entities its name is part of (a claim names exactly); a
    common-noun phrase of the alias table keeps its words' stems."""
    if not token.keys[0].startswith("@"):
        return token.keys
    if token.entity:
        return token.keys[:1]
    return (token.keys[0], *(k for k in token.keys[1:] if not k.startswith("@")))


def _hyphened(text: str, left: Token, right: Token) -> bool:
    """'US-backed', 'U.S. -backed': the two tokens are joined by a hyphen."""
    return text[left.end : right.start].strip() == "-"


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
    """Descriptions of a name, 'US-backed', 'IS-held', 'SDF fighters', and the body a person
    is of ("*Ineter's* Wilfried Strauch": a person's full name after a possessive name): they
    say who the name is, not what the claim says of it, so a passage need not repeat them."""
    out: set[int] = set()
    for i in range(1, len(tokens)):
        prev, t = tokens[i - 1], tokens[i]
        if prev.entity and not t.entity and _hyphened(text, prev, t):
            out.update({i - 1, i})
        elif prev.entity and not t.entity and set(expand(t.keys)) & PEOPLE_OF:
            out.add(i)  # "SDF fighters", "IS militants": the name's people, not a new term
        elif prev.entity and _POSSESSIVE_RE.search(prev.text) and _full_name(tokens, i):
            out.add(i - 1)
    return out


_POSSESSIVE_RE = re.compile(r"['’]s?$")


def _full_name(tokens: Sequence[Token], i: int) -> bool:
    """Whether the name at ``i`` is a person's full name as written: two or more capitalised
    words ("Wilfried Strauch", one token or two), not one ("Syria")."""
    words = tokens[i].text.split()
    if i + 1 < len(tokens) and len(words) == 1:
        following = tokens[i + 1]
        if following.entity and not _POSSESSIVE_RE.search(tokens[i].text):
            words.append(following.text)
    return tokens[i].entity and len(words) >= 2 and all(w[:1].isupper() for w in words)


def of_name(tokens: Sequence[Token], i: int) -> frozenset[str]:
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


def headline_case(tokens: Sequence[Token]) -> bool:
    """Whether a text is written as a headline: every word of four letters or more after the
    first capitalised ("Soldier Shot At War Memorial In Ottawa"; "SOLDIER SHOT ..."), at least
    two of them. Its capitals then do not tell its names from its words."""
    long = [t.text for t in tokens[1:] if len(t.text) >= 4 and t.text[:1].isalpha()]
    return len(long) >= 2 and all(w[:1].isupper() for w in long)


def _sentence_case(
    text: str, tokens: Sequence[Token], idf: Callable[[Iterable[str]], float]
) -> str:
    """A headline's words in lower case where the corpus writes them so: a capitalised word
    (not an alias, not an abbreviation in capitals) whose capitalised spelling is found in
    fewer than half of the passages that have the word ("Shot", "Memorial"), or, one the
    corpus lacks, that WordNet has ("Discovered"); names keep their capitals ("Ottawa").
    Lower case keeps every offset."""
    shouting = not any(c.islower() for c in text)
    unseen = idf(["\x00"])  # the weight of a word no passage has
    chars = list(text)
    for i, t in enumerate(tokens):
        if i == 0 or not t.text[:1].isupper() or (not shouting and t.text[1:2].isupper()):
            continue  # the first word, a lower-case one, an abbreviation ("DHS", "U.S.")
        if t.stop and t.text.isalpha():
            chars[t.start : t.end] = t.text.lower()  # "Shot At War Memorial": "at"
            continue
        if not t.entity or len(t.keys) != 2 or not t.keys[1].startswith("#"):
            continue  # an alias, a number
        word, name = t.keys
        common = idf([word])
        # idf = log((1 + N) / (1 + df)) + 1: the name is in fewer than half the word's passages
        lower = wordnet.known(word) if common >= unseen else idf([name]) - common > math.log(2)
        if lower:
            chars[t.start : t.end] = t.text.lower()
    return "".join(chars)


def _forgone(tokens: Sequence[Token]) -> dict[int, frozenset[str]]:
    """'neglecting the fight for Raqqa': the forgoing verb and the fight, each with the place."""
    out: dict[int, frozenset[str]] = {}
    for i, t in enumerate(tokens):
        if t.entity or FORGOING not in expand(t.keys):
            continue
        ahead = list(enumerate(tokens[i + 1 : i + 1 + thresholds.OBJECT_WORDS], i + 1))
        place = next(((j, p) for j, p in ahead if p.entity), None)
        if place is None:
            continue
        at, name = place
        out[i] = frozenset(name.keys)
        for j, w in ahead:
            if j < at and not w.stop and CAMPAIGN_ACTS & set(expand(w.keys)):
                out[j] = frozenset(name.keys)
    return out


def analyze_passage(
    text: str,
    analyzer: Analyzer,
    previous_speaker: str | None,
    affiliation: Callable[[str], Iterable[str]] | None = None,
    quoted_by: str | None = None,
    resolve: attribution.Resolve | None = None,
    defined: Sequence[Defined] = (),
) -> PassageAnalysis:
    """``affiliation(speaker)`` gives the names the article attaches to a speaker elsewhere
    ("Russian Defense Ministry spokesman Igor Konashenkov" for a later "Konashenkov said");
    ``quoted_by`` who is named where a quotation the passage is inside closes; ``resolve`` whom
    "he" or "she" stands for; ``defined`` the abbreviations its article defines."""
    tokens = tuple(analyzer.tokens(text))
    keys = _keys(tokens)
    given = _given(tokens, defined)
    who = attribution.speaker(text, previous_speaker, quoted_by, resolve)
    said_by: set[str] = set()
    if who:
        # "he said" resolved to an earlier "Russian officials": they speak, though unnamed here.
        # (A capitalised word opening the speaker is a name too: "Sinha", read alone; and each
        # word of a name the alias table knows whole is a name of its own: "Jassy" of "Andy
        # Jassy", as a claim may call them.)
        for t in analyzer.tokens(who):
            if t.entity or (t.text[:1].isupper() and not t.stop):
                said_by.update(t.keys)
                if t.keys[0].startswith("@"):
                    said_by.update(name_key(w) for w in t.text.split() if w[:1].isupper())
        if affiliation:
            said_by.update(affiliation(who))
    return PassageAnalysis(
        text=text,
        tokens=tokens,
        keys=keys,
        figures=_figures(text, analyzer, tokens),
        speaker=who,
        facets=facets(text, tokens),
        voice=frozenset(analyzer.with_parents(set(keys) | said_by)),
        speaker_keys=frozenset(analyzer.with_parents(said_by)),
        positions=_positions(tokens, given),
        given=given,
    )


def _given(tokens: Sequence[Token], defined: Sequence[Defined]) -> dict[int, frozenset[str]]:
    """The keys each token says by an abbreviation its article defines, besides its own: an
    abbreviation says its long form's words where it stands, and the long form's words, all
    said, say the abbreviation ("TMAO" for "trimethylamine N-oxide")."""
    given: dict[int, set[str]] = defaultdict(set)
    for where, keys in also_said(tokens, defined):
        for i in where:
            given[i].update(k for k in keys if k not in expand(tokens[i].keys))
    return {i: frozenset(keys) for i, keys in given.items() if keys}


def _positions(
    tokens: Sequence[Token], given: Mapping[int, frozenset[str]]
) -> dict[str, tuple[int, ...]]:
    """Each key of the content tokens (with their synonym groups, and the keys ``given`` them
    by their article's abbreviations) -> their indices, in order."""
    at: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(tokens):
        if not t.stop:
            for k in expand(t.keys):
                at[k].append(i)
    for i, keys in given.items():
        for k in keys:
            at[k] = sorted({*at.get(k, ()), i})
    return {k: tuple(v) for k, v in at.items()}
