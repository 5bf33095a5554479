"""Whether a passage can speak to a claim at all: the claim has content, and a claim phrased
as someone's word is backed only by that speaker."""

from __future__ import annotations

import re
from functools import lru_cache

from dossier.judge.case import Case
from dossier.judge.cover import speaker_span, unknown_capital
from dossier.judge.outcome import Judgment, LeftOut
from dossier.judge.registry import decide, rule
from dossier.lexicon.calendar import CALENDAR
from dossier.lexicon.negation import (
    HEARSAY_PHRASES,
    HEARSAY_WORDS,
    RELAYED_PHRASES,
    TALK_PHRASES,
)
from dossier.lexicon.speech import RESEARCH_SPEAKERS
from dossier.lexicon.words import STOPWORDS
from dossier.models import Stance


@rule("scope.no-content")
def no_content(case: Case) -> LeftOut | None:
    """A claim of function words alone ("It was there.") has nothing a passage could say."""
    if not case.claim.terms and not case.claim.figures:
        return LeftOut("the claim has no content words")
    return None


# Words a claim quotes: inside double quotes, or single quotes that open after a space or a
# colon and close before punctuation or a space (not an apostrophe: "the group's leader").
_QUOTED_RE = re.compile(r"[“\"]([^”\"]+)[”\"]|(?<![\w])'([^']+?)'(?![\w])")
_FOLD_RE = re.compile(r"[^\w\s]")
MIN_QUOTED_WORDS = 5  # a shorter quotation ("a hoax") may be anyone's words


@rule("scope.quote-of-another")
def quote_of_another(case: Case) -> Judgment | None:
    """Words a claim quotes as one speaker's, which the passage quotes as another named
    speaker's, conflict with it: a quotation is one person's. "Government spokesman Mike Omeri
    declared: 'On the war front, we can say there is peace now.'" against "'On the war front,
    we can say there is peace now,' he said", where he is Doyin Okupe."""
    claim, passage = case.claim, case.passage
    if not claim.speaker_keys or not passage.speaker_keys:
        return None
    if claim.speaker_keys & passage.speaker_keys and not _another_person(case):
        return None
    quoted = _quotations(claim.text)
    if not quoted:
        return None
    said = f" {_folded(passage.text)} "
    for words in quoted:
        if f" {words} " in said:
            reason = f"the passage gives these words to {passage.speaker}, not {claim.speaker}"
            return Judgment(
                stance=Stance.CONFLICTS,
                reason=reason,
                speaker=passage.speaker,
                figures=[],
                highlights=sorted(set(case.cover.highlights)),
                score=round(case.cover.coverage, 4),
            )
    return None


def _another_person(case: Case) -> bool:
    """Whether the passage's speaker is a person other than the claim's, though the two share
    a title ("Israeli Prime Minister Ben Lorimer" and "Israeli Defence Minister Tom Bexley"):
    the claim's speaker has a surname, the passage's speaker ends in a surname of their own (not
    "the commissioner", not an organisation), and the sentence does not name the claim's."""
    claim, passage = case.claim, case.passage
    surname = claim.speaker_surname
    if not surname or surname & (passage.speaker_keys | passage.keys):
        return False
    span = speaker_span(passage)
    said = [t for t in passage.tokens if t.start in span]
    if not said:
        return False
    last = said[-1]  # a person's name ends in their surname: "Defence Minister Tom Bexley"
    return unknown_capital(last) and any(
        k[0] == "#" and k not in claim.speaker_keys for k in last.keys
    )


@lru_cache(maxsize=1024)
def _quotations(text: str) -> tuple[str, ...]:
    """The claim's quotations of ``MIN_QUOTED_WORDS`` words or more, folded (``_folded``)."""
    found = (m.group(1) or m.group(2) for m in _QUOTED_RE.finditer(text))
    return tuple(f for q in found if len((f := _folded(q)).split()) >= MIN_QUOTED_WORDS)


def _folded(text: str) -> str:
    """Lower case, punctuation gone, one space between words: how two quotations are compared."""
    return " ".join(_FOLD_RE.sub(" ", text.lower().replace("’", "'")).split())


@rule("scope.speaker")
def speaker(case: Case) -> Judgment | LeftOut | None:
    """A claim phrased as someone's claim needs that speaker: "Amaq claimed that IS fighters
    shot down a drone" is not backed by "IS fighters shot down a drone, the army said". A
    sentence that attributes nothing, in an article that names the claim's speaker, may carry
    their word (news writing names a speaker once, then reports what they said): "Amazon said
    it would notify staff on January 18" and "Affected staff will be notified from January 18"
    in an article about Amazon's memo. A person named in full in the claim is named by their
    last name in the article ("Ms Moreau" for Jane Moreau)."""
    claim, passage = case.claim, case.passage
    if not claim.speaker_keys:
        return None
    if passage.speaker and claim.speaker_keys & passage.voice and not _another_person(case):
        return None
    if _research(claim.speaker) and (passage.speaker is None or _research(passage.speaker)):
        return None  # "Scientists have confirmed that ...": a study's own word says it
    named = case.document_keys | case.context_keys | passage.keys
    names = {k for k in claim.speaker_keys if k[0] in "#@"} or claim.speaker_keys
    # A person named in full once is then called by their last name ("Ms Moreau").
    if passage.speaker is None and (
        names <= named or (claim.speaker_surname and claim.speaker_surname <= named)
    ):
        outcome = decide(case, after="scope.speaker")
        if (
            isinstance(outcome, Judgment)
            and outcome.stance is Stance.CONFLICTS
            and outcome.rule != "statements.withheld"  # (the speaker's own silence is theirs)
        ):
            # The writer's own doubt ("However, the photos suggest ...") does not contradict
            # what the speaker said.
            return LeftOut(f"the passage is not {claim.speaker}'s word; it cannot contradict it")
        return outcome
    return LeftOut(f"the claim is {claim.speaker}'s word; the passage is not")


# A passage tells a story as talk when one of these stands before what it says of the claim:
# "reportedly", "rumours that", "a report claiming that", "it was claimed that".
_TALK_RE = re.compile(
    r"\b(?:" + "|".join((*HEARSAY_WORDS, *HEARSAY_PHRASES, *TALK_PHRASES)) + r")\b",
    re.IGNORECASE,
)

_RELAYED_RE = re.compile(r"\b(?:" + "|".join(RELAYED_PHRASES) + r")\b", re.IGNORECASE)

# A claim about talk itself: "Reports say ...", "the photo was reported to be doctored", "an
# alleged plot": talk backs it.
_TALKED_OF_RE = re.compile(r"\b(?:report\w*|alleg\w*|claim\w*|rumou?r\w*|purport\w*)\b", re.I)


@rule("scope.talk")
def talk(case: Case) -> Judgment | LeftOut | None:
    """A passage that tells what the claim says as talk ("The actor has reportedly agreed to
    play the part", "a rumour that the car had been stolen", "a story claiming that the singer
    had died") reports that it is said, not that it is so: it does not back the claim; nor does
    one that relays another outlet's report or unnamed sources' word, wherever it says so ("...,
    according to a report by the paper", "..., citing sources", "the site is reporting"). It may
    still contradict it ("... a rumour that the police have since called false"); a claim that
    is itself talk ("Reports say ..."), a denial, or someone's word is read as the other rules
    read it."""
    claim, passage = case.claim, case.passage
    if claim.negated or claim.denial or claim.speaker_keys or _of_talk(claim.text):
        return None
    m = _RELAYED_RE.search(passage.text)  # the whole sentence another's report
    if m is None:
        m = _TALK_RE.search(passage.text)
        if m is None:
            return None
        # The words of the claim it tells: most of those the sentence says (not its names;
        # "the car was reportedly stolen"), not the ones before it ("police are hunting a man
        # who allegedly slapped ...": the hunt is told as fact).
        words = case.said_words
        after = sum(t.start >= m.end() for t in words)
        if not after or after < len(words) - after:
            return None
    outcome = decide(case, after="scope.talk")
    if isinstance(outcome, Judgment) and outcome.stance is Stance.SUPPORTS:
        return LeftOut(f"the passage tells it as talk (“{m.group()}”), not as what happened")
    return outcome


@lru_cache(maxsize=4096)
def _of_talk(claim: str) -> bool:
    """Whether a claim is itself of talk or of a relayed report ("Reports say ...", "..., citing
    sources"): read once per claim, not per passage."""
    return bool(_TALKED_OF_RE.search(claim) or _RELAYED_RE.search(claim))


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z-]*")
_UNNAMED = RESEARCH_SPEAKERS | STOPWORDS  # capitalised words that name no one in particular
# Where and when research was published, which names no one who found it: "published on Monday
# in the journal Nature", "published Wednesday", "writing in the journal Science".
_PUBLISHED_RE = re.compile(
    r"\b(?:published|appearing|writing)\b(?:\s+(?:on|in|last|this|the|journal|online|"
    + "|".join(sorted(CALENDAR))
    + r"|[A-Z][\w&-]*|\d[\w,]*))+",
)


@lru_cache(maxsize=4096)
def _research(speaker: str | None) -> bool:
    """Whether a speaker is research or those who do it, unnamed: "Scientists", "The
    investigators", "the early results of a study among medical workers", "a modeling study
    published on Monday in the journal Nature" (where and when it was published names none of
    its authors); not "Oxford researchers confirmed", not "Dr Lee's study": a named speaker is
    theirs alone."""
    words = _WORD_RE.findall(_PUBLISHED_RE.sub(" ", speaker or ""))
    if any(w[:1].isupper() and w.lower() not in _UNNAMED for w in words):
        return False
    return any(w.lower() in RESEARCH_SPEAKERS for w in words)


_STUDY = (
    r"(?:study|paper|review|article|analysis|meta-analysis|trial|survey|research|work|protocol)"
)
# A sentence that says what a study set out to do: "Objective: To evaluate the efficacy of ...",
# "This paper presents a meta-analysis of the association between ...", "We aimed to assess".
_AIM_RE = re.compile(
    r"^\W*(?:(?:objectives?|aims?|purpose|goals?|background|introduction|methods?)\s*[:.-]\s*"
    r"|(?:objectives?|aims?|purpose|goals?)\s+)?"
    r"(?:to\s+(?:evaluate|assess|examine|investigate|determine|explore|compare|describe|estimate|"
    r"review|analy[sz]e|test|study|identify|characteri[sz]e|quantify|understand)\b"
    r"|(?:we|(?:this|the|our|a)\s+(?:[a-z-]+\s+)?" + _STUDY + r")\s+(?:aimed|aims?|sought|seeks?|"
    r"set\s+out|was\s+designed|is\s+designed|presents?|describes?|proposes?)\b"
    r"|(?:the\s+)?(?:aim|purpose|objective|goal)\s+of\s+(?:this|the|our)\b)",
    re.IGNORECASE,
)


@rule("scope.aim")
def aim(case: Case) -> Judgment | LeftOut | None:
    """What a study set out to do neither backs nor contradicts what a claim says it found:
    "To evaluate whether plasma therapy shortens recovery" is no answer to "Plasma therapy did
    not shorten recovery", nor to "Plasma therapy shortens recovery" (though it names what the
    study is about)."""
    if not _AIM_RE.match(case.passage.text):
        return None
    outcome = decide(case, after="scope.aim")
    if isinstance(outcome, Judgment) or outcome.rule == "modality.asked":
        # ("To determine whether ...": what it asks is its aim)
        return LeftOut("the passage says what a study set out to do, not what it found")
    return outcome


# A sentence that says what a study did, not what it found: "We enrolled 400 patients ...",
# "Here we investigated the infection of the virus in cats" (not "We found", "we show"), or
# one a structured abstract heads as its methods ("METHODS", "DESIGN, SETTING, AND
# PARTICIPANTS").
_METHOD_RE = re.compile(
    r"^\W*(?-i:(?:(?:MATERIALS|PATIENTS|SUBJECTS)\s+AND\s+)?METHODS?|(?:STUDY\s+)?DESIGN|"
    r"SETTING|PARTICIPANTS|INTERVENTIONS?|MEASUREMENTS?)\b"
    r"|^\W*(?:here\s+)?we\s+(?:then\s+|also\s+|further\s+)?(?:enrolled|included|recruited|"
    r"analy[sz]ed|assessed|examined|investigated|studied|measured|performed|conducted|used|"
    r"collected|evaluated|compared|surveyed|sampled|followed|screened|tested|reviewed|searched)\b",
    re.IGNORECASE,
)
_FINDING_RE = re.compile(
    r"\b(?:found|find|finds|show|shows|showed|shown|observed|demonstrated?|reveal(?:ed|s)?|"
    r"report(?:ed)?|suggest(?:s|ed)?|indicat(?:e|es|ed)|conclude[ds]?|identified|confirmed)\b",
    re.IGNORECASE,
)


@rule("scope.method")
def method(case: Case) -> LeftOut | None:
    """What a study did neither backs nor contradicts what a claim says it found: "We
    investigated the infection of the virus in cats by detecting serum antibodies" is no
    answer to "Cats cannot catch the virus"; a sentence that goes on to say what was found
    ("We measured ... and found ...") is read."""
    text = case.passage.text
    if _METHOD_RE.match(text) and not _FINDING_RE.search(text):
        return LeftOut("the passage says what a study did, not what it found")
    return None
