"""Who says it: the speaker a sentence attributes its content to.

"..., said Jihan Sheikh Ahmed, spokeswoman for the operation" -> "Jihan Sheikh Ahmed, spokeswoman
for the operation"; "While the Pentagon says there are ..." -> "the Pentagon"; "The ISIS-linked news
agency Amaq has claimed ..." -> "The ISIS-linked news agency Amaq"; "..., Reuters reports." ->
"Reuters"; "according to pro-Kurdish sources" -> "pro-Kurdish sources"; "The Pentagon puts the
number of troops at about 500" -> "The Pentagon" (an estimate's source). A pronoun ("he said") is
resolved to a named speaker before it in the same article: "they" and "it" to the last one a few
sentences back, "he" and "she" only to one who can be a person ("General Igor Konashenkov", not
"The U.S.-backed militias"), and further back only to one the article shows to be a person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from dossier.lexicon.calendar import WEEKDAYS, month_pattern
from dossier.lexicon.numbers import NUMBER_WORDS
from dossier.lexicon.speech import (
    CLAUSE_OPENERS,
    CLAUSE_VERBS,
    ESTIMATE_VERBS,
    FEMALE_WORDS,
    GROUP_NOUNS,
    INVERTED_SPEECH_VERBS,
    MALE_WORDS,
    PERSON_ROLES,
    PRONOUNS,
    REPORT_ADJECTIVES,
    REPORT_OBJECT_OPENERS,
    SPEECH_AUXILIARIES,
    SPEECH_VERBS,
    TITLE_ABBREVIATIONS,
    TITLES,
)
from dossier.lexicon.words import NAME_DETERMINERS

# A speech verb as written, after an auxiliary or not: "said", "has claimed".
_SPEECH = (
    "(?:" + "|".join(f"{a} " for a in SPEECH_AUXILIARIES) + ")?(?:" + "|".join(SPEECH_VERBS) + ")"
)
# A title's full stop does not end the name after it: "said Army Col. Steven Warren".
_TITLE_STOP = "(?:" + "|".join(rf"(?<=\b{t})" for t in TITLE_ABBREVIATIONS) + r")\."
# The verbs news writing puts before their speaker ("..., said Jane Moreau"): not those that
# take an object ("..., confirmed Moreau's death").
_INVERTING = "(?:" + "|".join(INVERTED_SPEECH_VERBS) + ")"
_INVERTED_RE = re.compile(
    r"[,”\"’]\s*" + _INVERTING + r"\s+(?P<who>[A-Z](?:[^.;!?]|(?:" + _TITLE_STOP + r")){1,160}?)"
    r"\s*(?:(?!" + _TITLE_STOP + r")[.;!?]|$)"
)
# The attribution after a closing quote: '"...", he said, adding'; '...,” Konashenkov said.'
_AFTER_QUOTE_RE = re.compile(
    r"(?:,\s*[”\"’]|[”\"’]\s*,)\s*(?P<who>[^,.;:!?“”\"()\[\]]{1,80}?)\s+" + _SPEECH + r"\b"
)
_ACCORDING_RE = re.compile(r"\baccording to (?P<who>[^,.;:]{2,100})", re.IGNORECASE)
_VERB_RE = re.compile(r"\b" + _SPEECH + r"\b")
_ESTIMATE_RE = re.compile(
    r"\b(?:" + "|".join(ESTIMATE_VERBS) + r")\b(?=[^.;]{0,80}?\bat\s+(?:[a-z]+\s+){0,2}\d)"
)
_BOUNDARY_RE = re.compile(r"[,“”\":;(\[]|\b(?:that|while|While|but|But|However|and|as)\b")
_PASSIVE_RE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s*$")  # "he was told"
# Speech verbs that are also nouns, and what comes before one that is then a noun: a
# determiner ("the reports"), a verb in the past ("dismissed reports of ...", "denied claims"),
# or a word that takes a report as its object ("Citing reports available till Saturday, ...",
# "Amid claims that ...").
_NOUN_LIKE = frozenset({"reports", "claims", "claim", "estimates", "states", "shows"})
_NOUN_BEFORE_RE = re.compile(
    r"(?:\b(?:"
    + "|".join(sorted(NAME_DETERMINERS))
    + r")|\b[a-z]+ed|\b(?i:"
    + "|".join(sorted(REPORT_OBJECT_OPENERS | REPORT_ADJECTIVES))
    + r"))\s*$"
)
# "admitted" of entry, not of owning up: "patients admitted with fever", "admitted to hospital".
_ENTRY_VERBS = frozenset({"admitted", "admits", "admit"})
_ENTERED_RE = re.compile(
    r"\s+(?:with|into|to\s+(?:(?:the|a|an|intensive|critical|emergency)\s+)*"
    r"(?:hospitals?|ICU|wards?|care|units?|clinics?|hospice))\b"
)
# "claimed 60 lives", "has claimed the lives of": a toll, not a claim ("said 60 lives were
# lost" is still said).
_CLAIMING = frozenset({"claim", "claims", "claimed", "claiming"})
_LIVES_AFTER_RE = re.compile(
    r"(?:\s+(?:the|at|least|more|than|over|about|some|nearly|almost|an|estimated|[\d,.]+|"
    + "|".join(sorted(NUMBER_WORDS))
    + r")){0,4}\s+lives\b"
)
# A speech verb after a noun-like one in the same clause, its verb: "Early reports from doctors
# in China have said that ...", "New estimates suggest ..."; not "Reuters reports that ... said".
_ITS_VERB_RE = re.compile(
    r"(?:\s+(?!that\b)[\w'’-]+){0,8}?\s+(?:" + _SPEECH + r"|suggest|indicate|show|put)\b"
)
# A determiner right before a speech verb's participle: "the reported 238 deaths".
_DETERMINER_BEFORE_RE = re.compile(
    r"\b(?:" + "|".join(sorted(NAME_DETERMINERS)) + r")\s*$", re.IGNORECASE
)
# When, said between a speaker and their verb: "on Saturday", "last Saturday", "this week".
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_TIME_BEFORE_VERB_RE = re.compile(
    rf"\s+(?:(?:late|early|earlier)\s+)?(?:on\s+|last\s+|this\s+)?(?:{_WEEKDAYS})\s*$"
    r"|\s+(?:yesterday|today|tonight)\s*$"
    r"|\s+(?:last|this|earlier\s+this)\s+(?:week|month|year|morning|evening)\s*$"
)
_DIGIT_RE = re.compile(r"\d")
_LEADING_RE = re.compile(r"^(?:While|But|However|And|Meanwhile|Also|So)\s+", re.IGNORECASE)
# A time said before the speaker: "On 4 January 2023 the Wall Street Journal reported".
_WHEN_RE = re.compile(
    r"^(?:on|in|by|late|early|last|this|earlier|later)(?:\s+(?:\d{1,2}(?:st|nd|rd|th)?|\d{4}|"
    + month_pattern()
    + "|"
    + "|".join(WEEKDAYS)
    + r"|the|of|year|week|month|day|morning|afternoon|evening|night|last|early|late|mid)\b,?)+\s+",
    re.IGNORECASE,
)
_MAX_WORDS = 14
# A dateline before the speaker: "LONDON, June 3 (Reuters) - ", "date 2023-01-06 ": everything up
# to the last word with a digit, an agency in brackets and a dash, before a capitalised name.
_DATELINE_RE = re.compile(
    r"^(?:.*\d\S*\s+(?:\([^()]{1,30}\)\s+)?(?:[-–—]+\s+)?|[^()]{1,30}\)\s+[-–—]+\s+)(?=[A-Z])"
)
_OPENING_QUOTES = '“"‘'
_ASIDE_RE = re.compile(r"\s*\([^()]{1,40}\)(?=\s*$)")


# Whether a speaker can be "he" or "she": a title before a name, or a word for a person's role,
# makes a person; a plural head or an organisation makes a group.
_TITLE_RE = re.compile(
    r"\b(?:(?:" + "|".join(TITLE_ABBREVIATIONS) + r")\.?|" + "|".join(TITLES) + r")\s+[A-Z]"
)
_ROLE_RE = re.compile(r"\b(?:" + "|".join(PERSON_ROLES) + r")\b")
_GROUP_RE = re.compile(
    r"\b(?:"
    + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" if w[0].islower() else w for w in GROUP_NOUNS)
    + r")\b"
)
_HEAD_RE = re.compile(r"^[^,(]*?([A-Za-z]+)\s*(?:$|,|\(|\b(?:of|for|in|at|from|on)\b)")
_FEMALE_RE = re.compile(r"\b(?:" + "|".join(FEMALE_WORDS) + r")\b")
_MALE_RE = re.compile(r"\b(?:" + "|".join(MALE_WORDS) + r")\b")
Resolve = Callable[[str], str | None]  # a pronoun ("he") -> the earlier speaker it stands for
# A person named by their post alone: "the Tory leader", "the former finance minister".
_DESCRIPTION_RE = re.compile(
    r"the\s+(?:[A-Za-z-]+\s+){0,3}(?:" + "|".join(PERSON_ROLES) + r")", re.IGNORECASE
)


def is_description(who: str) -> bool:
    """A speaker named by their post alone ("the Tory leader", "the prime minister"): news
    writing's second reference to a person it has named, not a name of its own. Not someone's
    post ("the minister's adviser")."""
    return _DESCRIPTION_RE.fullmatch(who) is not None


def is_person(who: str) -> bool:
    """A speaker the sentence shows to be a person: "General Igor Konashenkov", "Jihan Sheikh
    Ahmed, spokeswoman for the operation", "a senior US official"; not "US officials"."""
    if is_group(who):
        return False
    return _TITLE_RE.search(who) is not None or _ROLE_RE.search(who) is not None


def is_group(who: str) -> bool:
    """A speaker that is many or an organisation: "The U.S.-backed militias", "US officials",
    "Russia's Ministry of Defense", "SANA" -- "they" or "it", never "he" or "she". A role word
    makes a person of a group's member: "Russian Defense Ministry spokesman Igor Konashenkov"."""
    words = who.split()
    m = _HEAD_RE.search(who)
    head = m.group(1) if m else words[-1]
    if head.isupper() and len(head) > 1:
        return True  # an acronym: SANA, AFP, the SDF
    if _ROLE_RE.fullmatch(head.lower()):
        return False
    if head.islower() and head.endswith("s") and not head.endswith(("ss", "us", "is")):
        return True  # militias, officials, sources
    return _GROUP_RE.search(who) is not None and _ROLE_RE.search(who) is None


def can_be(pronoun: str, who: str) -> bool:
    """Whether "he" or "she" can stand for ``who``: not a group, and not of the other sex where
    the sentence says it ("spokeswoman", "Mr")."""
    if is_group(who):
        return False
    if pronoun == "he":
        return _FEMALE_RE.search(who) is None
    return _MALE_RE.search(who) is None


def antecedent(pronoun: str, earlier: Iterable[tuple[int, str]], near: int) -> str | None:
    """Whom "he" or "she" stands for, from the named speakers before it in the article, nearest
    first, each with how many sentences back it is: the nearest one who can be that person,
    within ``near`` sentences, or further back one the article shows to be a person (the
    general whose statement an article goes on quoting after other sources). A post
    (``is_description``: "the Tory leader") stands for the nearest speaker named by name
    within ``near`` sentences who is no group."""
    if is_description(pronoun):
        for back, who in earlier:
            if back > near:
                return None
            named = any(w[:1].isupper() for w in who.split())
            if named and not is_description(who) and not is_group(who):
                return who
        return None
    for back, who in earlier:
        if can_be(pronoun, who) and (back <= near or is_person(who)):
            return who
    return None


def _pronoun(word: str, previous: str | None, resolve: Resolve | None) -> str | None:
    """The speaker a pronoun subject stands for: "he"/"she" by ``resolve`` (or the previous
    speaker, if that can be a person), other pronouns the previous speaker."""
    pronoun = word.lower()
    if pronoun not in {"he", "she"}:
        return previous
    if resolve is not None:
        return resolve(pronoun)
    return previous if previous and can_be(pronoun, previous) else None


_TRAILING_RE = re.compile(
    r"(?:\s+(?:(?i:has|have|had|already|also|again|later|earlier|now|then|once)|[a-z]+ly))+$"
)  # (an adverb in -ly, lower case: "Parent firm Acme recently announced")
# A phrase that ends in one of these is no one: "Combined with previously announced layoffs".
_OPEN_ENDS = frozenset({"with", "by", "of", "for", "from", "to", "in", "on", "at", "as", "than"})
# Words that alone name no one: "The reports of ...", "Some said ... while others said".
_NO_ONE = frozenset("the a an some not no this these those any all many most".split())


def _clean(who: str) -> str | None:
    who = _LEADING_RE.sub("", who.strip(" ,\"“”'’"))
    dateline = _DATELINE_RE.match(who)
    if dateline and not _DIGIT_RE.search(who[dateline.end() :]):
        who = who[dateline.end() :]
    when = _WHEN_RE.match(who)
    if when:  # the time goes, the article stays: "On 4 January the Journal" -> "the Journal"
        article = re.search(r"\b(?:the|The)\s+$", when.group())
        who = (article.group() if article else "") + who[when.end() :]
    who = _TRAILING_RE.sub("", who)
    who = re.sub(r"\s+", " ", who)
    if not who or not any(c.isalpha() for c in who) or len(who.split()) > _MAX_WORDS:
        return None
    words = who.lower().split()
    if words[-1] in _OPEN_ENDS or all(w in _NO_ONE for w in words):
        return None  # (and "The", "Some", "Not": no one)
    if words[0] in CLAUSE_OPENERS or not CLAUSE_VERBS.isdisjoint(words) or _DIGIT_RE.search(who):
        return None  # "After CEO Ana Ruiz", "Spain had 156": a clause, not who speaks
    return who


def _within_name(head: str, boundary: re.Match[str]) -> bool:
    """Whether an "and" stands between capitalised words: inside a name ("the Department of
    Health and Human Services said"), or between two names said together ("Russia and Syria
    said": both speak)."""
    if boundary.group() != "and":
        return False
    before, after = head[: boundary.start()].split(), head[boundary.end() :].split()
    return bool(before and after and before[-1][:1].isupper() and after[0][:1].isupper())


def speaker(
    sentence: str,
    previous: str | None = None,
    quoted: str | None = None,
    resolve: Resolve | None = None,
) -> str | None:
    """The speaker of ``sentence``, or None when the sentence attributes nothing.

    ``previous`` is the last named speaker before this sentence in the article, used to resolve
    "he said" and the like, and for a quotation that opens without saying whose it is (news
    writing goes on quoting the last speaker). ``quoted`` is the speaker named where a quotation
    the sentence is inside closes (``quoted_by``): whose words a sentence that names no one is.
    ``resolve`` gives whom "he" or "she" stands for (see ``antecedent``).
    """
    m = _INVERTED_RE.search(sentence)
    if m and (who := _clean(m.group("who"))):
        return _pronoun(who.split()[0], previous, resolve) if who.split()[0] in PRONOUNS else who
    m = _AFTER_QUOTE_RE.search(sentence)
    if m and (who := _clean(m.group("who"))) and (who in PRONOUNS or who[:1].isupper()):
        return _pronoun(who.split()[0], previous, resolve) if who.split()[0] in PRONOUNS else who
    m = _ACCORDING_RE.search(sentence)
    if m and (who := _clean(m.group("who"))):
        return who
    verbs = sorted(
        [*_VERB_RE.finditer(sentence), *_ESTIMATE_RE.finditer(sentence)], key=re.Match.start
    )
    for verb in verbs:
        # "The Syrian Democratic Forces (SDF) announced": the aside is not where the name ends.
        # (and a time said between is not either: "The WHO (WHO) last Saturday declared")
        head = _ASIDE_RE.sub("", _TIME_BEFORE_VERB_RE.sub("", sentence[: verb.start()]))
        word = verb.group().split()[-1]
        if word in _NOUN_LIKE and _NOUN_BEFORE_RE.search(head):
            continue  # "dismissed the reports", "denied claims": a noun, not the speech verb
        if word in _NOUN_LIKE and _ITS_VERB_RE.match(sentence, verb.end()):
            continue  # "Early reports from doctors have said that ...": the subject's noun
        if word.endswith("ed") and _DETERMINER_BEFORE_RE.search(head):
            continue  # "the reported 238 deaths", "the alleged attack": a participle
        if _PASSIVE_RE.search(head):
            continue  # "the envoy was told": the envoy is not the one speaking
        if word in _ENTRY_VERBS and _ENTERED_RE.match(sentence, verb.end()):
            continue  # "patients admitted with the virus": let in, not owning up
        if word in _CLAIMING and _LIVES_AFTER_RE.match(sentence, verb.end()):
            continue  # "The crash claimed 60 lives": took them, said nothing
        cut = _last_boundary(head)
        who = _clean(head[cut:])
        if who is None:
            continue
        set_off = who[:1].islower() and head.rstrip().endswith(",")  # ", head of X, confirmed"
        described = who.split()[0] in {"the", "a", "an"} or set_off
        named = _named_before(head, cut) if described else None
        if named:
            who = named  # "Lopa Blumenthal, the lawyer for the man, said": Blumenthal speaks
            # (and "Gen. Lloyd Austin, head of Central Command, confirmed": Austin)
        if who in PRONOUNS or who.lower() in {"he", "she", "they", "it", "we"}:
            return _pronoun(who, previous, resolve)
        if is_description(who) and resolve is not None:
            return resolve(who) or who  # "the Tory leader added": the leader named before
        if who[:1].isupper() or who.split()[0].lower() in {"the", "a", "an"}:
            return who
    if quoted:
        return quoted  # "“A. B. C,” Konashenkov said.": B is his
    if previous and sentence.lstrip()[:1] in _OPENING_QUOTES:
        return previous  # a quotation that goes on from the last speaker's
    return None


def _last_boundary(head: str) -> int:
    """Where the words before a speech verb start to name its speaker: after the last comma,
    quotation mark or joining word with words after it, not inside a name."""
    cut = 0
    for b in _BOUNDARY_RE.finditer(head):
        if head[b.end() :].strip() and not _within_name(head, b):
            cut = b.end()
    return cut


def _named_before(head: str, cut: int) -> str | None:
    """The name a description set off by commas follows, when it does: "Lopa Blumenthal" of
    "Lopa Blumenthal, the lawyer for the man who made it, said"; "Government spokeswoman
    Rosario Murillo" of "Government spokeswoman Rosario Murillo, the wife of the president,"."""
    before = head[:cut].rstrip()
    if not before.endswith(","):
        return None
    before = before[:-1]
    who = _clean(before[_last_boundary(before) :])
    if who is None or len(who.split()) > 8:
        return None
    last = who.split()[-1]
    return who if last[:1].isupper() and who.split()[0] not in PRONOUNS else None


_SENTENCE_END_RE = re.compile(r"[.!?](?=\s|$)")


def quoted_by(
    paragraph: str, at: int, previous: str | None = None, resolve: Resolve | None = None
) -> str | None:
    """The speaker of a quotation that runs on over the sentence at offset ``at`` of a paragraph
    and is attributed where it closes: in "“A. B. C,” Konashenkov said." sentence B is
    Konashenkov's. None when the sentence is not inside a quotation, or the quotation closes
    without naming whose it is. ``previous`` and ``resolve`` resolve "he said" (see ``speaker``)."""
    while at < len(paragraph) and paragraph[at] in _OPENING_QUOTES + " ":
        at += 1  # the sentence's own opening mark: the quotation it opens
    before = paragraph[:at]
    curly = before.rfind("“") > before.rfind("”")
    straight = before.count('"') % 2 == 1
    if not (curly or straight):
        return None
    close = paragraph.find("”" if curly else '"', at)
    if close < 0 or (curly and "“" in paragraph[at:close]):
        return None
    end = _SENTENCE_END_RE.search(paragraph, close + 1)
    attribution = paragraph[max(0, close - 1) : end.end() if end else len(paragraph)]
    for pattern in (_AFTER_QUOTE_RE, _INVERTED_RE):
        m = pattern.search(attribution)
        if m and (who := _clean(m.group("who"))):
            return (
                _pronoun(who.split()[0], previous, resolve) if who.split()[0] in PRONOUNS else who
            )
    return None


_SPEECH_WORD_RE = re.compile(_SPEECH)


def is_speech_verb(word: str) -> bool:
    """'claimed', 'said', 'accused': a verb that says who says something."""
    return _SPEECH_WORD_RE.fullmatch(word) is not None


def is_named(who: str | None) -> bool:
    """True for a speaker that names someone (not a pronoun), to carry forward in an article."""
    return who is not None and who not in PRONOUNS
