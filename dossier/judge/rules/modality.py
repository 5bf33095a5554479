"""What would happen is not what happened: an act the passage only supposes ("would", "could",
"if") does not back a claim that it was done."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dossier.judge.case import Case
from dossier.judge.cover import threat_at
from dossier.judge.outcome import LeftOut
from dossier.judge.registry import Stage, rule
from dossier.lexicon.hedges import CONDITIONS, MODALS, PLANNED_BEFORE_TO
from dossier.lexicon.words import CLAUSE_WORDS

_CLAUSE_END_RE = re.compile(r"[,;:”\"]|\s[-–—]\s")
_PLANNED_RE = re.compile(
    r"\b(?:am|is|are|was|were|be|been)\s+(?:not\s+)?(?:(?:"
    + "|".join(PLANNED_BEFORE_TO)
    + r")\s+)?to\s+[a-z]+",
    re.IGNORECASE,
)


@rule("modality.supposed", Stage.STATEMENTS)
def supposed(case: Case) -> LeftOut | None:
    """ "Attempts to open fire would be met with retaliation": the act is supposed, not told,
    and does not back "The attempts to open fire were met with retaliation". A claim that says
    what may happen ("... may lower the risk") or what was planned ("the inquiry was to be led
    by ...") is judged as any other."""
    modal = _modal(case)
    return LeftOut(f"the passage says what {modal} happen, not what happened") if modal else None


# A claim that reports advice: what was advised is said with "should" ("advised that the
# outbreak should be determined not to constitute ..."). Not "suggest": a study suggests
# what it found.
_ADVICE_RE = re.compile(r"\b(?:advis|recommend|urg)(?:e|es|ed|ing|s)?\b", re.IGNORECASE)


def _modal(case: Case) -> str | None:
    """The modal word of the clause that says the claim's act, if any."""
    claim, passage = case.claim, case.passage
    if any(w in MODALS for w in re.findall(r"[a-z]+", claim.text.lower())):
        return None  # "... oil—may lower the risk": the claim says what may happen
    if _PLANNED_RE.search(claim.text):
        return None  # "the inquiry was to be led by ...": the claim says what was planned
    if _ADVICE_RE.search(claim.text):
        return None  # "the committee advised that ...": what it advised "should" be is told
    tokens = passage.tokens
    acts = [j for j in case.cover.matched if not tokens[j].entity and not threat_at(passage, j)]
    if not acts:
        return None
    end = max(acts) + 1
    while (
        end < len(tokens)
        and tokens[end].text.lower() not in CLAUSE_WORDS
        and not _CLAUSE_END_RE.search(passage.text[tokens[end - 1].end : tokens[end].start])
    ):
        end += 1  # to the end of the act's clause: "Fire from ... will be suppressed"
    first = min(acts)
    for j in range(max(0, first - 3), end):
        word = tokens[j].text.lower()
        if word in CONDITIONS and j > first:
            continue  # "posted a video threatening to kill him if ...": the condition is the
            # threat's; the act is told (what "would" happen is read by its modal)
        if word in MODALS:
            return word
    return None


# A clause that supposes: "If turnout stays at 59.8%, ...", "Were the figure to fall below
# 59.4%, ...", "Should the count pass 300, ...", up to its comma.
_CONDITION_RE = re.compile(
    r"(?:\b(?:if|unless)|(?:^|(?<=[,;]))\s*(?:should|were\s+(?:\w+\s+){1,6}?to|"
    r"had\s+(?:\w+\s+){1,6}?(?:been|[a-z]+ed)))\b[^,;:.!?]*(?:[,.]\d[^,;:.!?]*)*",
    re.IGNORECASE,
)


# Words that say a thing is not known: "it was not clear whether", "it is unclear if", "it
# remains unknown whether", "officials could not confirm whether", "could not verify", "was not
# aware of".
_UNKNOWN_RE = re.compile(
    r"\b(?:(?:not|n't)\s+(?:yet\s+)?(?:clear|known|certain|sure|confirm(?:ed)?)|unclear|"
    r"unknown|uncertain)\s+(?:whether|if)\b"
    # "Reuters was not immediately able to verify the report", "the army said it was not aware
    # of any strike": whoever says so does not know, and does not deny it
    # (not "it has not been verified": that looks back to what was said before)
    r"|\b(?:(?:not|n't)\s+(?:immediately\s+|independently\s+)?(?:able\s+to\s+)?"
    r"(?:verify|confirm)|(?:not|n't)\s+aware\s+of|unaware\s+of)\b",
    re.IGNORECASE,
)


# A claim that someone withheld an answer: "would not say whether", "declined to confirm if".
_WITHHELD_RE = re.compile(
    r"\b(?:not|n't|declined\s+to|refused\s+to)\s+(?:say|confirm|disclose|reveal|comment\s+on)"
    r"\s+(?:whether|if)\b",
    re.IGNORECASE,
)


@rule("modality.unknown", Stage.STATEMENTS)
def unknown(case: Case) -> LeftOut | None:
    """ "Experts said it was not clear whether the meteorite had disintegrated on impact" says
    that no one knows, not that it did or did not: it neither backs nor contradicts "the
    meteorite disintegrated on impact". Only when the claim's words come after the words that
    say so, and the claim is not itself of what is unknown."""
    claim, passage = case.claim, case.passage
    if _UNKNOWN_RE.search(claim.text) or _WITHHELD_RE.search(claim.text):
        return None  # ("the chief would not say whether ...": what the passage says too)
    m = _UNKNOWN_RE.search(passage.text)
    if m is None:
        return None
    tokens = passage.tokens
    if not any(tokens[j].start >= m.end() for j in case.cover.matched):
        return None
    return LeftOut(f"the passage says it is not known (“{m.group()}”)")


# An indirect question: "whether" and the clause it opens, up to the next comma, colon or
# semicolon ("There is ongoing debate whether masks protect", "asked whether the car was
# stolen").
_ASKED_RE = re.compile(r"\bwhether\b[^,;:]*", re.IGNORECASE)


@rule("modality.asked", Stage.STATEMENTS)
def asked(case: Case) -> LeftOut | None:
    """What a passage asks ("There is debate over whether the masks protect the wearer",
    "Researchers asked whether the drug shortens recovery") it neither says nor denies: a
    sentence whose words of the claim are most of them in a clause opened by "whether" does
    not answer it. A claim that itself asks ("... would not say whether") is read as the other
    rules read it."""
    if _ASKED_RE.search(case.claim.text):
        return None
    clause = _holding_most(case, _ASKED_RE.finditer(case.passage.text))
    return LeftOut(f"the passage asks it (“{clause}”), it does not say it") if clause else None


def _holding_most(case: Case, clauses: Iterator[re.Match[str]]) -> str | None:
    """The first of the passage's ``clauses`` that holds most of the claim's words the
    sentence says (``Case.said_words``), as its first 40 characters; None if none does."""
    words = case.said_words
    for m in clauses:
        inside = sum(m.start() <= t.start < m.end() for t in words)
        if inside and inside * 2 > len(words):
            return m.group()[:40].strip()
    return None


_AS_BEFORE_RE = re.compile(r"\b(?:as|even)\s*$", re.IGNORECASE)
_OPENER_RE = re.compile(r"\s*(?:if|unless)\b", re.IGNORECASE)  # not an inversion ("Were it to")


@rule("modality.conditional", Stage.STATEMENTS)
def conditional(case: Case) -> LeftOut | None:
    """What a passage sets as a condition ("If Lorem does open a restaurant in Tabqa, we will
    be embarrassed") it does not say happened: a sentence whose words of the claim are most of
    them in a clause that supposes (``_CONDITION_RE``: "if", "unless", "should ...") does not answer
    it ("as if" opens no condition; an inverted one, "Were Lorem to open ...", only opens the
    sentence). A claim that is itself conditional is read as the other rules read it."""
    if _CONDITION_RE.search(case.claim.text):
        return None
    text = case.passage.text
    conditions = (
        m
        for m in _CONDITION_RE.finditer(text)
        # "as if nothing had happened" is a manner; "Kim Jong Un, who ..., had a cyst
        # removed" no inversion: one opens only the sentence
        if not _AS_BEFORE_RE.search(text, 0, m.start())
        and (_OPENER_RE.match(m.group()) or not text[: m.start()].strip())
    )
    clause = _holding_most(case, conditions)
    if clause is None:
        return None
    return LeftOut(f"the passage sets it as a condition (“{clause}”), it does not say it")


@rule("modality.supposed-figure", Stage.FIGURES)
def supposed_figure(case: Case) -> LeftOut | None:
    """A figure in a clause that supposes it is no report of it: "Were the figure to fall below
    59.4%, it would rank as the lowest" neither backs nor contradicts "turnout was 59.9%"."""
    answer = case.answers.deciding
    if answer is None:
        return None
    pf = answer[2]
    for m in _CONDITION_RE.finditer(case.passage.text):
        if m.start() <= pf.quantity.start < m.end():
            clause = m.group().strip()
            return LeftOut(f"the passage's {pf.quantity.text} is supposed (“{clause}”)")
    return None
