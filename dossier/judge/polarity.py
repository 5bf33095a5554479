"""Whether a sentence asserts, negates or denies what it says of a claim, and the clause of a
sentence that takes back what it said before ("..., a claim Moscow denied")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dossier.analysis.text import Token
from dossier.judge.analyses import ClaimAnalysis, PassageAnalysis
from dossier.judge.outcome import Counter
from dossier.lexicon import thresholds
from dossier.lexicon.negation import (
    AFFIRMING_IDIOMS,
    DENIAL_STEMS,
    NEGATION_WORDS,
    SCANT_OF,
    SCANT_WORDS,
    SUBORDINATORS,
)

_CLAUSE_BOUNDARIES = (" - ", " – ", " — ", "; ", ", but ", " but ", ", while ", ", ")
DENIAL_CLAUSE = "statements.denial-clause"  # the rule that cites a denial clause apart


@dataclass(frozen=True, slots=True)
class Polarity:
    """How a sentence says the claim's content: negated, denied (``cue`` the word that does
    it), and the clause of a denial that comes after what it denies (``counter``)."""

    negated: bool
    denied: bool
    cue: str | None
    counter: Counter | None


def statement_polarity(
    claim: ClaimAnalysis, passage: PassageAnalysis, matched: set[int]
) -> Polarity:
    """The polarity of the sentence's words that say the claim (``matched``). A denial in a
    last clause of its own ("..., a claim Moscow denied") is a counter, not a denial of all."""
    negated, denied, cue = polarity(passage.tokens, matched, passage.text)
    counter = None
    if denied and not claim.denial:
        counter = denial_clause(passage, matched)
        denied = counter is None
    return Polarity(negated, denied, cue, counter)


def negation_word(word: str) -> bool:
    """Whether a word negates: "not", "no", "never", "cannot", "didn't", "wasn’t"."""
    low = word.lower().replace("’", "'")
    return low in NEGATION_WORDS or low.endswith("n't")


def polarity(
    tokens: Sequence[Token], matched: set[int], text: str = ""
) -> tuple[bool, bool, str | None]:
    """(negated, denied, cue) for the matched content of a token list (of ``text``, when
    given: a negation in a clause the sentence opens with, "While it has not been verified,
    ...", does not reach past the clause's comma)."""
    opening = _opening_clause_end(tokens, text)
    for i, t in enumerate(tokens):
        keys = set(t.keys)
        if keys & DENIAL_STEMS:
            after = any(j > i for j in matched)
            at_end = i >= len(tokens) - 4 and any(j < i for j in matched)
            if after or at_end:
                return False, True, t.text
        negation = (negation_word(t.text) and not _idiom(tokens, i)) or _scant(tokens, i)
        end = _exception_end(tokens, i, text) if negation else -1
        if negation and any(
            i < j <= i + thresholds.NEGATION_WINDOW
            and not _said_before(tokens, matched, j, i)
            and not t.start < opening <= tokens[j].start
            and not (0 <= end <= tokens[j].start)
            for j in matched
        ):
            return True, False, t.text
    return False, False, None


def _opening_clause_end(tokens: Sequence[Token], text: str) -> int:
    """Where a clause the sentence opens with ends, when it opens with a subordinating word
    ("While", "Although", "If", ... ``SUBORDINATORS``): at its first comma; -1 otherwise."""
    if not tokens or not text or tokens[0].text.lower() not in SUBORDINATORS:
        return -1
    return text.find(",", tokens[0].end)


def _exception_end(tokens: Sequence[Token], i: int, text: str) -> int:
    """Where a negation that makes an exception ends: "reduced headaches in chronic, but not in
    episodic, cases", "memory, not naive, cells" negate only up to their comma; -1 for any
    other negation (or when the text is not given)."""
    if not text or i == 0:
        return -1
    between = text[tokens[i - 1].end : tokens[i].start]
    if "," not in between and tokens[i - 1].text.lower() != "but":
        return -1
    comma = text.find(",", tokens[i].end)
    return comma if comma >= 0 else -1


def _scant(tokens: Sequence[Token], i: int) -> bool:
    """Whether the word at i says there is little or none of evidence or an effect, which
    negates what follows it: "had little effect on", "a lack of evidence for", "evidence was
    lacking for" (``SCANT_WORDS`` next to one of ``SCANT_OF``, within two words)."""
    if tokens[i].text.lower() not in SCANT_WORDS:
        return False
    near = [*tokens[max(0, i - 2) : i], *tokens[i + 1 : i + 3]]
    return any(t.text.lower() in SCANT_OF for t in near)


def _idiom(tokens: Sequence[Token], i: int) -> bool:
    """Whether the negation at token i opens an idiom that affirms (``AFFIRMING_IDIOMS``)."""
    words = tuple(t.text.lower() for t in tokens[i : i + 5])
    return any(words[:n] in AFFIRMING_IDIOMS for n in range(2, len(words) + 1))


def _said_before(tokens: Sequence[Token], matched: set[int], j: int, before: int) -> bool:
    """Was the word at j already matched before token ``before``? ('the gold case ... does not
    leave Apple subsidizing the gold market': the claim's gold was said, unnegated, before.)"""
    keys = set(tokens[j].keys)
    return any(k < before and keys & set(tokens[k].keys) for k in matched)


def clause_at(text: str, at: int, after: int) -> tuple[int, int]:
    """The span of the trailing clause holding ``at``: from the last clause boundary before it
    (but not before ``after``) to the end of the sentence."""
    start = after
    for boundary in _CLAUSE_BOUNDARIES:
        b = text.rfind(boundary, after, at)
        if b >= 0:
            start = max(start, b + len(boundary))
    return start, len(text.rstrip(" .\"”'’"))


def denial_clause(passage: PassageAnalysis, matched: set[int]) -> Counter | None:
    """ "The SDF accused Russia of ..., a claim Moscow denied": the sentence reports the
    accusation (support) and, in its last clause, the denial (conflict)."""
    tokens = passage.tokens
    at = next((i for i, t in enumerate(tokens) if set(t.keys) & DENIAL_STEMS), None)
    if at is None or not matched or max(matched) > at:
        return None
    start, end = clause_at(passage.text, tokens[at].start, 0)
    if not any(tokens[i].end <= start for i in matched):
        return None  # what is said and its denial are one clause: "Moscow denied bombing ..."
    return Counter(start, end, f"the passage reports a denial (“{tokens[at].text}”)", DENIAL_CLAUSE)


def has_denial(passage: PassageAnalysis) -> bool:
    return any(set(t.keys) & DENIAL_STEMS for t in passage.tokens)


def denial_word(passage: PassageAnalysis) -> str:
    for t in passage.tokens:
        if set(t.keys) & DENIAL_STEMS:
            return t.text
    return ""
