"""Claims without a figure: the passage must cover most of the claim's content words and every
name it can (names fold across spellings; the editors' aliases join what no rule can). Its
polarity then decides: a passage that denies or negates what the claim asserts conflicts with
it; one that asserts it supports it. A claim *about* a denial ("Russia denied bombing the SDF")
is backed only by passages that report the denial."""

from __future__ import annotations

import re
from functools import lru_cache

from dossier.analysis.parse import graded
from dossier.analysis.text import expand, stem
from dossier.judge.analyses import ClaimAnalysis, Term
from dossier.judge.case import Case
from dossier.judge.cover import Cover, claim_subject
from dossier.judge.outcome import Counter, Judgment, LeftOut, left_out
from dossier.judge.polarity import denial_word, has_denial, negation_word
from dossier.judge.registry import Stage, decide, rule
from dossier.lexicon import thresholds, wordnet
from dossier.lexicon.negation import (
    HEARSAY_PHRASES,
    HEARSAY_WORDS,
    NEGATION_WORDS,
    RUMOUR_STEMS,
)
from dossier.lexicon.speech import PRONOUNS, SPEECH_VERBS, TELLING_VERBS
from dossier.lexicon.synonyms import DEATH, SURVIVAL
from dossier.lexicon.words import (
    EQUAL_BEFORE_AS,
    FALL_STEMS,
    GRADE_SCALES,
    GRADES,
    LACK_RE,
    LESS_WORDS,
    LIKE_AFTER,
    LIKE_BEFORE,
    LIKE_MEASURES,
    LIKE_WORDS,
    MORE_WORDS,
    RANKS,
    RATIO_ABBREVIATIONS,
    RATIO_NAMES,
    RELATION_STEMS,
    RELATIONAL,
    RISE_STEMS,
    SIGNED_WORDS,
    STOPWORDS,
    WAY_STATE_WORDS,
)
from dossier.models import Stance

_SUPERLATIVE_RE = re.compile(
    r"\bthe\s+(?:(?P<rank>" + "|".join(RANKS) + r")[\s-]+)?"
    r"(?P<word>[a-z]{3,}est|most\s+[a-z]+)\b",
    re.IGNORECASE,
)


def _ranks(text: str) -> dict[str, str]:
    """Each superlative of a text after "the", and the rank written before it: "the fourth
    deadliest" -> {"deadliest": "fourth"}, "the deadliest" -> {"deadliest": ""}."""
    found: dict[str, str] = {}
    for m in _SUPERLATIVE_RE.finditer(text):
        word = " ".join(m.group("word").lower().split())
        found.setdefault(word, (m.group("rank") or "").lower())
    return found


@rule("statements.other-rank", Stage.STATEMENTS)
def other_rank(case: Case) -> Judgment | None:
    """The same superlative with another rank conflicts: "the fourth deadliest in India"
    against "the deadliest train accident in India's history", when the sentence says the
    claim's names (or its article does) and more of its words than the superlative."""
    claim_ranks = _ranks(case.claim.text)
    if not claim_ranks or case.cover.missing:
        return None
    said = _ranks(case.passage.text)
    for word, rank in claim_ranks.items():
        other = said.get(word)
        if other is None or other == rank or len(case.cover.said) < 2:
            continue
        ours = f"the {rank + ' ' if rank else ''}{word}"
        theirs = f"the {other + ' ' if other else ''}{word}"
        return _stated(case, Stance.CONFLICTS, f"claim: {ours}; passage: {theirs}")
    return None


# Words by which a speaker withholds what a claim says they told: "declined to comment", "would
# not say", "has not publicly confirmed", "has yet to confirm", "had no comment".
_WITHHELD_RE = re.compile(
    r"\b(?:(?:declined|refused)\s+to\s+(?:comment|confirm|say|address|discuss|disclose)"
    r"|(?:would|could|did|does|do|has|have|had)\s*(?:not|n't)\s+(?:yet\s+)?(?:publicly\s+)?"
    r"(?:say|confirm(?:ed)?|comment(?:ed)?|announce[sd]?)"
    r"|(?:has|have|had|is|are|was|were)\s+yet\s+to\s+(?:confirm|comment|say|release|announce)"
    r"|(?:had|has|have)\s+no\s+comment|no\s+comment\s+on)\b",
    re.IGNORECASE,
)


@rule("statements.withheld", Stage.STATEMENTS)
def withheld(case: Case) -> Judgment | None:
    """A speaker who declined to comment, would not say or has not confirmed did not tell what
    a claim says they told: "Al-Lorem has not publicly confirmed Baker's death" contradicts
    "Al-Lorem confirmed that Baker had been killed", when the sentence names the claim's
    speaker (or the one just before it does) and what the claim is about."""
    claim, passage = case.claim, case.passage
    if not claim.speaker_keys or claim.negated or claim.denial:
        return None
    words = {w.lower() for w in _WORDS_RE.findall(claim.text)}
    if not words & TELLING_VERBS or words & _OPEN_QUESTION:
        return None  # ("said it was still assessing whether ...": what was not known)
    m = _WITHHELD_RE.search(passage.text)
    if m is None or not _withheld_by(case, m.start()) or not _withheld_of(case, m.end()):
        return None
    about = [t for t in case.cover.said if not t.keys & claim.speaker_keys]
    if not about:
        return None  # a refusal to speak of something else
    return _stated(
        case, Stance.CONFLICTS, f"claim: {claim.speaker} told it; passage: “{m.group()}”"
    )


_WORDS_RE = re.compile(r"[A-Za-z']+")
_OPEN_QUESTION = frozenset({"whether", "if"})
# Where the subject of the words that withhold starts: after a comma, a quotation mark or a
# word that joins clauses ("Ndjamena refused to comment *but* security sources said ...").
_SUBJECT_START_RE = re.compile(r"[,;:“”\"]|\b(?:but|and|though|although|while|that)\b", re.I)


_OBJECT_WORDS = 2  # the first content words after the withholding words: what is withheld
_DETAIL_RE = re.compile(r"\s*(?:how|what|when|where|who|whom|why|which)\b", re.I)
_BACK_RE = re.compile(r"\s*(?:on|about|to)?\s*(?:that|it|this|them)\b", re.I)
_CLAUSE_END_RE = re.compile(r"[,;:.!?“”\"]|\b(?:but|and|though|although|while)\b", re.I)


def _withheld_of(case: Case, at: int) -> bool:
    """Whether what is withheld (the first words after ``at``, in its clause) is of the claim:
    one of its words is there, none is written ("declined to comment."), or a word for what
    was asked ("no comment on that"); not "has not confirmed the number it expects to let go"
    against a claim of when staff are told, nor a question of a detail ("declined to say how
    many bodies were buried") against a claim that gives none."""
    rest = case.passage.text[at:]
    if _BACK_RE.match(rest):
        return True  # "had no comment on that": on what was asked
    if _DETAIL_RE.match(rest):
        return False  # "declined to say how many bodies were buried": a detail withheld
    end = _CLAUSE_END_RE.search(rest)
    stop = at + (end.start() if end else len(rest))
    said = [i for i, t in enumerate(case.passage.tokens) if at <= t.start and t.end <= stop]
    content = [i for i in said if not case.passage.tokens[i].stop][:_OBJECT_WORDS]
    return not content or bool(set(content) & case.cover.matched)


def _withheld_by(case: Case, at: int) -> bool:
    """Whether the words that withhold at ``at`` are the claim's speaker's: their subject names
    the speaker ("Gen. Tom Baker, the commander, declined to comment"), or is a pronoun for the
    speaker the sentence gives ("the Pentagon said it could not confirm")."""
    claim, passage = case.claim, case.passage
    names = {k for k in claim.speaker_keys if k[0] in "#@"} | claim.speaker_surname
    before = passage.text[:at]
    # the starts of the clauses before, the last holding words (the subject's)
    starts = [0, *(m.end() for m in _SUBJECT_START_RE.finditer(before))]
    while len(starts) > 1 and not before[starts[-1] :].strip():
        starts.pop()
    start = starts[-1]
    if before.rstrip().endswith(",") and len(starts) > 1:
        start = starts[-2]  # "Tom Baker, the head of Lorem Command, declined": set off
    subject = [t for t in passage.tokens if start <= t.start and t.end <= at]
    if any(set(t.keys) & names for t in subject):
        return True
    pronoun = len(subject) == 1 and subject[0].text in PRONOUNS
    return pronoun and bool(passage.speaker_keys & names)


@rule("statements.word-coverage", Stage.STATEMENTS)
def word_coverage(case: Case) -> Judgment | LeftOut | None:
    """The sentence must say enough of the claim's words other than names, rare ones weighing
    more (``MIN_WORD_COVERAGE``): "Russia bombed the SDF near Deir ez-Zor" is not said by
    "Russia and the SDF met near Deir ez-Zor". Its words of which way a thing goes ("a reduced
    risk"), answered the other way of the same thing ("a similar risk"), count as said when
    that makes it a conflict (``statements.other-way``)."""
    words = case.cover.word_coverage
    if words >= thresholds.MIN_WORD_COVERAGE:
        return None
    if words + _ways_answered(case) >= thresholds.MIN_WORD_COVERAGE:
        # enough with the words of which way, answered the other way: a conflict, if any
        outcome = decide(case, after="statements.word-coverage")
        if isinstance(outcome, Judgment) and outcome.rule == "statements.other-way":
            return outcome
    return LeftOut(f"the passage says too little of the claim (words {words:.2f})")


def _ways_answered(case: Case) -> float:
    """The share of the claim's words (rare ones weighing more) that say which way a thing
    goes ("reduced", "remained flat", "just as likely") and that the passage answers the other
    way, of the same thing ("a similar risk", "3-fold higher"): said, to the coverage, as its
    other words are, for ``statements.other-way`` to read (a passage that says the same way in
    other words must say the rest of the claim as much as any)."""
    said = {id(t) for t in case.cover.said}
    words = [t for t in case.claim.terms if not t.entity and not t.timing]
    total = sum(t.idf for t in words)
    if not total:
        return 0.0
    theirs = ways(case.passage.text)
    answered: set[str] = set()
    for way in ways(case.claim.text):
        if any(_of_the_same(way, other) and other[1] != way[1] for other in theirs):
            answered |= set(way[0].lower().split())
    credit = sum(t.idf for t in words if id(t) not in said and t.text.lower() in answered)
    return credit / total


@rule("statements.other-fate", Stage.STATEMENTS)
def other_fate(case: Case) -> Judgment | None:
    """What befell the claim's subject, said the other way: "the drivers were injured but
    survived" contradicts "the drivers were killed", and the other way round."""
    claim, passage = case.claim, case.passage
    if not any(t.people for t in claim.terms):
        return None
    subject = claim_subject(claim)
    if subject is None or subject not in case.cover.said:
        return None
    acts = {k for t in claim.terms if not t.entity for k in expand(tuple(t.keys))}
    said = set(expand(tuple(passage.keys)))
    for ours, theirs in ((DEATH, SURVIVAL), (SURVIVAL, DEATH)):
        if acts & ours and said & theirs and not said & ours:
            word = next(t.text for t in passage.tokens if set(expand(t.keys)) & theirs)
            reason = f"claim: {subject.text} {_act(claim, ours)}; passage: {word}"
            return _stated(case, Stance.CONFLICTS, reason)
    return None


def _act(claim: ClaimAnalysis, fate: frozenset[str]) -> str:
    return next(t.text for t in claim.terms if set(expand(tuple(t.keys))) & fate)


@rule("statements.verb-unsaid", Stage.STATEMENTS)
def verb_unsaid(case: Case) -> LeftOut | None:
    """The verb after an auxiliary is the claim's act and must be said: "US and Russian
    officials are speaking" is not backed by "US and Russian officials met". A word of rising
    or falling ("is elevated", "is lower") is said by one of the passage's said of the same
    thing, either way ("activity is increased"): which way, ``statements.other-way`` reads."""
    unsaid = [v for v in case.cover.unsaid_verbs if not _way_said(case, v)]
    return LeftOut(f"the passage does not say “{unsaid[0]}”") if unsaid else None


def _way_said(case: Case, word: str) -> bool:
    """Whether the claim's ``word`` says a thing rises, falls or stays the same, and the
    passage says one of these of the same thing (``ways``, ``_same_thing``)."""
    ours = [way for way in ways(case.claim.text) if word in way[0].split()]
    if not ours:
        return False
    theirs = ways(case.passage.text)
    return any(_of_the_same(way, said) for way in ours for said in theirs)


@rule("statements.subject-unsaid", Stage.STATEMENTS)
def subject_unsaid(case: Case) -> LeftOut | None:
    """The common noun the claim's act is said of must be said, in the sentence or just before
    it: "The drivers of both trains were killed" is not backed by "The death toll has risen to
    261"."""
    claim = case.claim
    subject = claim_subject(claim)
    if subject is None or subject in case.cover.said or subject.keys & case.context_keys:
        return None
    if subject.keys & claim.speaker_keys or subject.bearing:
        return None  # the speaker, found speaking for the claim; a direction, judged apart
    return LeftOut(f"the passage does not say whom or what: “{subject.text}”")


@rule("statements.missing-name", Stage.STATEMENTS)
def missing_name(case: Case) -> LeftOut | None:
    """A name of the claim its article never gives: "Russia bombed the SDF" is not backed by
    an article that never names Russia."""
    return left_out(case.cover.unnamed())


@rule("statements.coverage", Stage.STATEMENTS)
def coverage(case: Case) -> LeftOut | None:
    """The sentence must cover most of the claim's content, names counting double
    (``MIN_COVERAGE_STATEMENT``): "Loud music was heard" says too little of "Loud music greeted
    the victory in Tabqa", even in an article about Tabqa."""
    return left_out(case.cover.short_of(thresholds.MIN_COVERAGE_STATEMENT))


@rule("statements.speaker-affirms", Stage.STATEMENTS)
def speaker_affirms(case: Case) -> Judgment | None:
    """A claim that someone denied a thing conflicts with their own words saying it: "Ana
    Ruiz denied that she was responsible for the delay" against "..., Ruiz said, adding that
    she took responsibility for the delay"."""
    claim, passage = case.claim, case.passage
    if not claim.denial or not claim.speaker_keys or passage.speaker is None:
        return None
    if not claim.speaker_keys & passage.speaker_keys or has_denial(passage):
        return None
    if any(set(t.keys) & RUMOUR_STEMS for t in passage.tokens):
        return None  # "I have seen rumours being spread about ...": talk, not their word
    said = case.polarity
    if said.denied or said.negated or not _in_own_words(case):
        return None
    reason = f"claim: {claim.speaker} denied it; passage: {passage.speaker} says it"
    return _stated(case, Stance.CONFLICTS, reason)


def _in_own_words(case: Case) -> bool:
    """Whether the passage says the claim's act as the claim writes it (its stem, not only a
    synonym: "took responsibility" for "was responsible", not "faced attacks" for "had
    bombed"): the words after its auxiliaries, else any word of it other than a name."""
    keys = case.passage.positions
    terms = [t for t in case.claim.terms if t.required] or [
        t for t in case.cover.said if not t.entity
    ]
    return bool(terms) and all(
        any(k in keys and not k.startswith("~") for k in t.keys - t.synonyms) for t in terms
    )


@rule("statements.denial-unreported", Stage.STATEMENTS)
def denial_unreported(case: Case) -> LeftOut | None:
    """A claim about a denial ("Russia denied bombing the SDF") is backed only by a passage
    that reports one, not by "Russia bombed the SDF"."""
    if case.claim.denial and not case.polarity.denied and not has_denial(case.passage):
        return LeftOut("the claim is about a denial; the passage reports none")
    return None


_COMPARED_RE = re.compile(
    r"\b(?P<word>" + "|".join(sorted(MORE_WORDS | LESS_WORDS)) + r")\b"
    r"(?:\s+[\w'’,-]+){0,3}?\s+than\s+(?:the\s+)?(?P<than>(?:[A-Z][\w'’.-]*\s*)+)",
)


def _compared(text: str) -> list[tuple[str, set[str]]]:
    """Each comparison a text makes with a name: "more votes nationally than Reform UK" ->
    ("more", {reform, uk}), as the direction ("more" or "less") and the name's stems."""
    found = []
    for m in _COMPARED_RE.finditer(text):
        way = "more" if m.group("word").lower() in MORE_WORDS else "less"
        words = (w.strip(".,'’").lower() for w in m.group("than").split())
        found.append((way, {stem(w) for w in words if w}))
    return found


@rule("statements.other-direction", Stage.STATEMENTS)
def other_direction(case: Case) -> Judgment | None:
    """A comparison with the same name the other way conflicts: "the Liberal Democrats won
    3.5 million votes, almost 600,000 fewer than Reform" against "The Lib Dems won more votes
    than Reform UK"; the same way it is judged as any statement."""
    ours = _compared(case.claim.text)
    if not ours:
        return None
    for way, name in ours:
        for other, theirs in _compared(case.passage.text):
            if other != way and name & theirs:
                reason = f"claim: {way} than {' '.join(sorted(name))}; passage: {other} than"
                return _stated(case, Stance.CONFLICTS, reason + f" {' '.join(sorted(theirs))}")
    return None


@rule("statements.other-grade", Stage.STATEMENTS)
def other_grade(case: Case) -> Judgment | None:
    """The same thing graded another step of a scale conflicts: "the risk is moderate
    globally" against "the global risk is high". Of the passage's grades, the one said of
    most of what the claim's grade is said of answers it ("... and high in one region" grades
    a region the claim does not name)."""
    ours = [g for g in graded(case.claim.text, GRADES) if g.scope]
    if not ours:
        return None
    claim_grade = ours[0]
    graded_keys = _stems(claim_grade.scope)
    scale = {w for s in GRADE_SCALES if claim_grade.word in s for w in s}
    answers = [
        (len(_stems(g.scope) & graded_keys), g)
        for g in graded(case.passage.text, GRADES)
        if g.word in scale
    ]
    best = max((n for n, _ in answers), default=0)
    said = {g.word: g for n, g in answers if n == best}
    if not best or len(said) > 1 or claim_grade.word in said:
        return None
    [theirs] = said.values()
    reason = (
        f"claim: {claim_grade.word} ({' '.join(claim_grade.scope)}); "
        f"passage: {theirs.word} ({' '.join(theirs.scope)})"
    )
    return _stated(case, Stance.CONFLICTS, reason)


def _stems(words: tuple[str, ...]) -> set[str]:
    return {stem(w.lower()) for w in words}


_WAY_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*|\d[\w-]*|[,;:()]")
# Where a clause ends, for what a word is said of (``_beside``) and what a negation governs
# (``negated_terms``): a mark, or a conjunction that opens another clause.
_CLAUSE_END_MARKS = ",;:()"
_CLAUSE_END_WORDS = ("whereas", "while", "but", "although", "though")
_WAY_CLAUSE_ENDS = frozenset(_CLAUSE_END_MARKS) | frozenset(_CLAUSE_END_WORDS)
_LACK_RE = re.compile(LACK_RE, re.IGNORECASE)
_WAY_STEMS = RISE_STEMS | FALL_STEMS
# The word as written, "up" or "down", what it is said of, and what follows it (its object).
Way = tuple[str, str, frozenset[str], frozenset[str]]


@lru_cache(maxsize=4096)
def _worded(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A text's words (and clause marks) and their stems, for ``ways`` and ``opposite_word``."""
    words = tuple(_WAY_WORD_RE.findall(text))
    return words, tuple(stem(w.lower()) for w in words)


def _beside(
    words: tuple[str, ...], stems: tuple[str, ...], i: int, steps: tuple[int, ...] = (1, -1)
) -> frozenset[str]:
    """The stems of what the word at i is said of: the content words on each side of it in its
    clause, ``WAY_REACH`` each way (not words of rising or falling themselves); with
    ``steps=(1,)``, those after it only."""
    thing: set[str] = set()
    for step in steps:
        j, taken = i + step, 0
        while 0 <= j < len(words) and taken < thresholds.WAY_REACH:
            word = words[j].lower()
            if word in _WAY_CLAUSE_ENDS:
                break
            if word not in STOPWORDS and stems[j] not in _WAY_STEMS:
                thing.add(stems[j])
                taken += 1
            j += step
    return frozenset(thing)


@lru_cache(maxsize=4096)
def ways(text: str) -> tuple[Way, ...]:
    """Each word of a text that says a thing rises, falls or stays the same ("reduces",
    "higher", "increased", "at the same rate as": ``_way_at``; two together composed, "reduced
    activation"), which way, the stems of what it is said of and of what follows it
    (``_beside``: "Hydroxychloroquine reduces the risk of death" -> ("reduces", "down",
    {hydroxychloroquin, risk, death}, {risk, death}))."""
    words, stems = _worded(text)
    found: list[Way] = []
    i = 0
    while i < len(stems):
        way = _way_at(words, stems, i)
        if way is None:
            i += 1
            continue
        # "reduced activation", "increased inhibition": one way, the two composed
        then = _way_at(words, stems, i + 1) if i + 1 < len(stems) else None
        j = i + 1 if way != "same" and then in ("up", "down") else i
        if j > i:
            way = "up" if way == then else "down"
        thing = _beside(words, stems, i) | _beside(words, stems, j)
        word = " ".join(words[i : j + 1])
        found.append((word, way, thing, _beside(words, stems, j, (1,))))
        i = j + 1
    return (*found, *_ratio_ways(text, words, stems))


_NAME_GAP = r"[^\d;.]{0,100}?"  # "odds ratio for the risk of gastric cancer ... was 2.77"
_RATIO_RE = re.compile(
    r"\b(?:(?P<name>(?i:" + "|".join(n + "s?" for n in RATIO_NAMES) + r"))" + _NAME_GAP
    + r"|(?P<short>" + "|".join(RATIO_ABBREVIATIONS) + r")s?\W{0,4}(?:(?:of|was|is)\s+)?)"
    r"(?<![\d.])(?P<value>\d{1,3}\.\d+)(?![\d%])"
    r"(?:.{0,30}?(?i:\bCI|confidence interval)\]?[^\d;]{0,8}"
    r"(?P<low>\d+(?:\.\d+)?)\s*(?:-|–|—|to)\s*(?P<high>\d+(?:\.\d+)?))?"
)  # fmt: skip


def _ratio_ways(text: str, words: tuple[str, ...], stems: tuple[str, ...]) -> list[Way]:
    """The ways a ratio a study reports says ("an odds ratio of 2.77", "HR, 0.61; 95% CI,
    0.45-0.83": ``RATIO_NAMES``): up above one, down below it, no difference when its 95%
    confidence interval holds one. It is said of the words beside its name, or, in
    parentheses, of those before them ("associated with gastric cancer (OR 2.77)")."""
    found: list[Way] = []
    for m in _RATIO_RE.finditer(text):
        value = float(m.group("value"))
        low, high = m.group("low"), m.group("high")
        if (low and high and float(low) <= 1 <= float(high)) or value == 1:
            way = "same"
        else:
            way = "up" if value > 1 else "down"
        name = m.group("name") or m.group("short")
        at = len(_WAY_WORD_RE.findall(text, 0, m.start())) + len(name.split()) - 1
        opened = text.rfind("(", 0, m.start())
        if opened > text.rfind(")", 0, m.start()):  # in parentheses: of what comes before
            paren = len(_WAY_WORD_RE.findall(text, 0, opened))
            thing = _beside(words, stems, paren, (-1,))
        else:
            thing = _beside(words, stems, at)
        found.append((f"{name} {m.group('value')}", way, thing, frozenset()))
    return found


_WAY_SAID = {"up": "up", "down": "down", "same": "no difference"}


def _way_at(words: tuple[str, ...], stems: tuple[str, ...], i: int) -> str | None:
    """Which way the word at i says a thing goes: "up", "down", "same" (no difference: "the
    same rate as", "was similar in", "comparable to") or None. "A positive correlation" rises
    together, "an inverse association" the other way; "activity" is a state, not a rise."""
    word = words[i].lower()
    if word in WAY_STATE_WORDS:
        return None
    after = words[i + 1].lower() if i + 1 < len(words) else ""
    if word in SIGNED_WORDS:
        related = i + 1 < len(stems) and stems[i + 1] in RELATION_STEMS
        return SIGNED_WORDS[word] if related else None
    if word == "same":
        reach = words[i + 1 : i + 1 + thresholds.SAME_AS_REACH]
        return "same" if "as" in (w.lower() for w in reach) else None
    before = words[i - 1].lower() if i else ""
    if word in LIKE_WORDS:
        like = before in LIKE_BEFORE or after in LIKE_AFTER or after in LIKE_MEASURES
        return "same" if like else None
    if word == "as" and after.isalpha() and after != "well":
        again = words[i + 2].lower() if i + 2 < len(words) else ""
        return "same" if before in EQUAL_BEFORE_AS or again == "as" else None
    if word == "equally" and after.isalpha():
        return "same"
    stem_ = stems[i]
    return "up" if stem_ in RISE_STEMS else "down" if stem_ in FALL_STEMS else None


def _same_thing(ours: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether two words are said of the same thing: at least half of what the claim's word is
    said of is beside the passage's."""
    return bool(ours) and 2 * len(ours & theirs) >= len(ours)


def _of_the_same(ours: Way, theirs: Way) -> bool:
    """Whether the passage's word of change is said of what the claim's is: of half of what
    the claim's is said of, or of half of its object (``_same_thing``)."""
    return _same_thing(ours[2], theirs[2]) or _same_thing(ours[3], theirs[2])


@rule("statements.other-way", Stage.STATEMENTS)
def other_way(case: Case) -> Judgment | None:
    """What the claim says rises, the passage says falls, or the other way round: "Ultraviolet
    light is associated with lower COVID-19 growth rates" against "... with higher COVID-19
    growth rates"; "DUSP4 overexpression increased apoptosis" against "DUSP4 decreases
    apoptosis". The same thing: at least half of what the claim's word is said of is beside
    the passage's, or of what follows it, its object ("Radioiodine treatment of goitre
    increases thyroid volume" against "a substantial reduction in thyroid volume"). No
    difference is a way too ("at the same rate as", "was similar in"): against a rise or a
    fall it conflicts, as "a positive correlation" does against a fall. Not when
    the passage says any of the claim's rises or falls its own way too (it says it both ways,
    or agrees on one of two), negates it (``statements.negates`` reads that), or one of them
    speaks of a thing's lack and the other does not ("loss of X increases Y" is X reducing Y;
    "lack of X slows Y" and "X deficiency speeds Y" compare)."""
    ours = ways(case.claim.text)
    if not ours or case.polarity.negated or case.polarity.denied:
        return None
    theirs = ways(case.passage.text)
    if not theirs or bool(_LACK_RE.search(case.claim.text)) != bool(
        _LACK_RE.search(case.passage.text)
    ):
        return None
    against: tuple[str, str, str, str] | None = None
    for ours_way in ours:
        word, way, thing, _ = ours_way
        said = [(t[0], t[1]) for t in theirs if _of_the_same(ours_way, t)]
        if any(y == way for _, y in said) or any(
            y == way and _stems(tuple(w.split())) == _stems(tuple(word.split())) and t & thing
            for w, y, t, _ in theirs
        ):
            return None
        if said and against is None:
            against = (word, way, *said[0])
    if against is None:
        return None
    word, way, theirs_word, theirs_way = against
    reason = f"claim: {word} ({_WAY_SAID[way]}); passage: {theirs_word} ({_WAY_SAID[theirs_way]})"
    return _stated(case, Stance.CONFLICTS, reason)


@rule("statements.opposite-word", Stage.STATEMENTS)
def opposite_word(case: Case) -> Judgment | None:
    """A word of the claim that the passage says as its opposite, of the same thing (as
    ``statements.other-way`` tells it): "Contact tracing is effective against the outbreak"
    against "contact tracing was ineffective against the outbreak". Opposites are WordNet's
    antonyms that are each other's (effective/ineffective, possible/impossible, best/worst);
    not when the passage says the claim's word too, or negates it (but by the opposite itself,
    "unable" against "able"). Asked before the claim's
    verb must be said (``statements.verb-unsaid``: its opposite says it, the other way), so it
    asks for the names and the coverage a statement needs itself."""
    polar = case.polarity
    claim_words, claim_stems = _worded(case.claim.text)
    # (a negation word that is itself the opposite, "unable" of "able", says it the other way)
    if polar.denied or (polar.negated and not _opposite_cue(polar.cue, claim_stems)):
        return None
    if case.cover.unnamed() or case.cover.short_of(thresholds.MIN_COVERAGE_STATEMENT):
        return None
    words, stems = _worded(case.passage.text)
    said = set(stems)
    for i, s in enumerate(claim_stems):
        if claim_words[i].lower() in STOPWORDS or s in said:
            continue
        opposite = _opposites(s) - set(claim_stems)
        if not opposite & said:
            continue
        ours = _beside(claim_words, claim_stems, i)
        for j, theirs in enumerate(stems):
            if theirs in opposite and _same_thing(ours, _beside(words, stems, j)):
                reason = f"claim: {claim_words[i]}; passage: {words[j]}, its opposite"
                return _stated(case, Stance.CONFLICTS, reason)
    return None


def _opposite_cue(cue: str | None, claim_stems: tuple[str, ...]) -> bool:
    """Whether the word that negates the sentence is the opposite of one of the claim's words
    ("unable" against "able")."""
    return cue is not None and any(stem(cue.lower()) in _opposites(s) for s in claim_stems)


def _opposites(word: str) -> frozenset[str]:
    """WordNet's antonyms of a word stem that have it as their antonym too."""
    return frozenset(a for a in wordnet.antonyms(word) if word in wordnet.antonyms(a))


@rule("statements.weaker-article", Stage.STATEMENTS)
def weaker_article(case: Case) -> LeftOut | None:
    """A sentence that says the claim's words backs or contradicts it only in an article that
    says at least ``ARTICLE_SHARE`` of what the article saying most of the claim says
    (``Case.article_share``): among abstracts that all speak of "patients" and "risk", these
    words in one about another drug meet the claim's by chance. Figures, another rank,
    another holder of the claim's post and another fate of its people are judged before."""
    share = case.article_share
    if share < thresholds.ARTICLE_SHARE:
        return LeftOut(f"its article says less of the claim than another ({share:.2f} of the best)")
    return None


@rule("statements.reports-denial", Stage.STATEMENTS)
def reports_denial(case: Case) -> Judgment | None:
    """A passage that reports the denial backs a claim about it: "Moscow denied the strike"
    supports "Russia denied bombing the SDF"."""
    if not case.claim.denial:
        return None
    reason = f"passage reports the denial (“{denial_word(case.passage)}”)"
    return _stated(case, Stance.SUPPORTS, reason)


@rule("statements.denies", Stage.STATEMENTS)
def denies(case: Case) -> Judgment | None:
    """A passage that denies what the claim asserts conflicts with it: "Russia denied bombing
    the SDF" against "Russia bombed the SDF". A claim that negates it is backed by the denial,
    when the passage says every word the claim's negation governs: "The woman detained is not
    the leader's wife" by "An official denied that the woman detained is the leader's wife"."""
    said = case.polarity
    if not said.denied:
        return None
    if case.claim.negated:
        if _negation_unsaid(case):
            return None
        return _stated(case, Stance.SUPPORTS, f"passage denies it too (“{said.cue}”)")
    return _stated(case, Stance.CONFLICTS, f"passage denies it (“{said.cue}”)")


_NEGATION_RE = re.compile(
    r"\b(?:" + "|".join(sorted(NEGATION_WORDS - {"n't"})) + r")\b|n't\b",
    re.IGNORECASE,
)
_SCOPE_END_RE = re.compile(
    "[" + re.escape(_CLAUSE_END_MARKS + ".") + r"]|\b(?:" + "|".join(_CLAUSE_END_WORDS) + r")\b"
)


def negated_terms(claim: ClaimAnalysis) -> list[Term]:
    """The claim's words that its negation governs: the first ``NEGATION_WINDOW`` after its
    first "not", "no", "never", ... in its clause ("The virus does not spread via airborne
    droplets" -> spread, airborne, droplets), but a relational word ("associated"), said by
    the words it relates."""
    cue = _NEGATION_RE.search(claim.text)
    if cue is None:
        return []
    end = _SCOPE_END_RE.search(claim.text, cue.end())
    scope = claim.text[cue.end() : end.start() if end else len(claim.text)]
    words = {w.lower() for w in re.findall(r"[\w'’-]+", scope)} - RELATIONAL
    return [t for t in claim.terms if t.text.lower() in words][: thresholds.NEGATION_WINDOW]


def _negation_unsaid(case: Case) -> list[str]:
    """The words the claim's negation governs (``negated_terms``) that the passage does not say,
    and the verb of saying it negates when the passage has none: "no one reported a streak of
    light" is not answered by a sentence that only speaks of a streak of light."""
    unsaid = [t.text for t in negated_terms(case.claim) if t not in case.cover.said]
    report = _negated_report(case.claim.text)
    if report and not any(t.text.lower() in _SPEECH for t in case.passage.tokens):
        unsaid.append(report)
    return unsaid


_SPEECH = frozenset(SPEECH_VERBS)
_REPORT_WINDOW = 3  # words after the negation in which its verb of saying stands


@lru_cache(maxsize=4096)
def _negated_report(text: str) -> str | None:
    """The verb of saying a claim's negation governs ("no one *reported* ...", "did not *say*
    ..."), as written, or None."""
    cue = _NEGATION_RE.search(text)
    if cue is None:
        return None
    after = re.findall(r"[\w'’-]+", text[cue.end() :])[:_REPORT_WINDOW]
    return next((w for w in after if w.lower() in _SPEECH), None)


def _states_what_claim_negates(case: Case) -> bool:
    """Whether the claim negates something and the passage says it without negating or
    denying it."""
    return case.claim.negated and not case.polarity.negated and not case.polarity.denied


@rule("statements.denied-unsaid", Stage.STATEMENTS)
def denied_unsaid(case: Case) -> LeftOut | None:
    """A claim that negates something is contradicted only by a passage that says that thing:
    every word its negation governs ("The virus does not spread via airborne droplets" is not
    answered by "To prevent the spread of the virus in restaurants, ...", which says nothing of
    droplets, nor by "the virus spreads in droplets", which does not say they are airborne)."""
    if not _states_what_claim_negates(case):
        return None
    unsaid = _negation_unsaid(case)
    if unsaid:
        return LeftOut(f"the passage does not say what the claim negates: {', '.join(unsaid)}")
    return None


_HEARSAY_RE = re.compile(
    r"\b(?:" + "|".join((*HEARSAY_WORDS, *HEARSAY_PHRASES)) + r")\b", re.IGNORECASE
)


@rule("statements.talk-denied", Stage.STATEMENTS)
def talk_denied(case: Case) -> LeftOut | None:
    """A claim that denies a story ("The pumpkin spice soda is not happening") is not
    contradicted by a passage that tells the story as talk ("people are saying we launched a
    pumpkin spice soda", "the soda was reportedly launched"): it reports what the claim denies,
    and says nothing of whether it is so."""
    if not _states_what_claim_negates(case):
        return None
    m = _HEARSAY_RE.search(case.passage.text)
    tokens = case.passage.tokens
    if m is None or not any(tokens[j].start >= m.end() for j in case.cover.matched):
        return None
    return LeftOut(f"the passage tells it as talk (“{m.group()}”), which the claim denies")


@rule("statements.negates", Stage.STATEMENTS)
def negates(case: Case) -> Judgment | LeftOut | None:
    """A passage that negates what the claim asserts, or asserts what it negates, conflicts
    with it: "The US has not deployed troops to Raqqa" against "The US deployed troops to
    Raqqa"."""
    said = case.polarity
    if said.negated == case.claim.negated:
        return None
    if case.claim.negated:
        unsaid = _unsaid_of_negated(case)
        if unsaid:
            return LeftOut(f"the claim negates what the passage states, but {unsaid}")
    reason = (
        f"passage negates it (“{said.cue}”)"
        if said.negated
        else "claim negates what the passage states"
    )
    return _stated(case, Stance.CONFLICTS, reason)


def _unsaid_of_negated(case: Case) -> str | None:
    """What a sentence that tells what a claim negates leaves unsaid of it, if anything: such a
    claim is contradicted only by a sentence that tells all of it, of the claim's own names.
    "Rosenberg was not in Kobani when it was attacked" is not contradicted by "Kobani was
    attacked", nor "No one was hurt" (a claim of one word) by another blast's injured."""
    cover = case.cover
    if cover.absent:
        return f"the sentence does not name {', '.join(cover.absent)}"
    unsaid = [
        t.text
        for t in case.claim.terms
        if not t.entity
        and t not in cover.said
        and not t.keys & case.passage.keys
        and not negation_word(t.text)
    ]
    if unsaid:
        return f"the sentence does not say {', '.join(unsaid)}"
    if len(case.claim.terms) < 2:
        return "the claim says too little to tell what it is of"
    return None


@rule("statements.states", Stage.STATEMENTS)
def states(case: Case) -> Judgment:
    """A passage that says what the claim says backs it: "Russian jets bombed SDF positions"
    supports "Russia bombed the SDF". Where the same sentence goes on to deny it ("..., a claim
    Moscow denied"), the passage reports it, and the denial is cited apart."""
    said = case.polarity
    tokens = case.passage.tokens
    words = sorted({tokens[i].text for i in case.cover.matched}, key=lambda w: (w.lower(), w))
    verb = "reports" if said.counter else "states"
    reason = f"passage {verb} it: " + ", ".join(words[:8])
    return _stated(case, Stance.SUPPORTS, reason, said.counter)


def _stated(case: Case, stance: Stance, reason: str, counter: Counter | None = None) -> Judgment:
    """The judgment of a statement, its reason saying what of the claim the sentence leaves to
    its article."""
    cover = case.cover
    return Judgment(
        stance=stance,
        reason=reason + _supplied(case.claim, cover) if cover.absent else reason,
        speaker=case.passage.speaker,
        figures=[],
        highlights=sorted(set(cover.highlights)),
        score=round(cover.coverage, 4),
        counter=counter,
    )


def _supplied(claim: ClaimAnalysis, cover: Cover) -> str:
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
