"""Sentence structure: a dependency parse of the sentences the judge reads closely.

The parser is a spaCy pipeline (tagger and parser) trained by ``scripts/train_parser.py`` on the
Universal Dependencies English Web Treebank and shipped in ``dossier/analysis/parser/model``
(CC BY-SA 4.0, its LICENSE beside it): nothing is downloaded. It is loaded on first use, and
only the sentences a rule asks about are parsed (the index and retrieval never need it), each
once per process; the build cache keeps what the judge decided from them.

What the judge asks of a parse is who a figure is said of (``figure_frame``): from the
number, up to the noun it counts, up to the verb that noun belongs to, and that verb's subject,
through a relative pronoun to its antecedent ("Globex, which said it would cut its
workforce by 10 percent"), through "it"/"they" in a clause reported by a speech verb to the
speaker's subject, and through a coordinated verb to the subject it shares ("The party lost
252 seats and were reduced to a rump of 121").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from dossier.lexicon.calendar import CALENDAR
from dossier.lexicon.speech import NAMING_WORDS, SPEECH_VERBS, TITLE_ABBREVIATIONS

MODEL = Path(__file__).resolve().parent / "parser" / "model"

_TO_NOUN = frozenset({"nummod", "compound", "amod", "quantmod", "nmod", "det", "appos", "conj"})
_TO_VERB = frozenset(
    {"obj", "iobj", "obl", "nmod", "nsubj", "nsubj:pass", "conj", "appos", "xcomp"}
)
_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
_REPORTED = frozenset({"ccomp", "parataxis"})  # what a verb of saying reports
_RELATIVE = frozenset({"which", "who", "that", "whom"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
_HOPS = 6  # a figure's subject is never further than a few arcs away


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str
    tag: str  # Penn Treebank tag: NNP, CD, VBD, ...
    dep: str  # Universal Dependencies relation to its head
    head: int  # index of its head word (itself for the root)


@dataclass(frozen=True, slots=True)
class Parse:
    text: str
    words: tuple[Word, ...]

    def children(self, i: int) -> list[int]:
        return [j for j, w in enumerate(self.words) if w.head == i and j != i]

    def extent(self, words: Iterable[int]) -> tuple[int, int]:
        """The character span the words (by index) cover, from the first's start to the last's
        end."""
        at = list(words)
        return min(self.words[j].start for j in at), max(self.words[j].end for j in at)

    def at(self, start: int) -> int | None:
        """The index of the word that starts at character ``start``, or None."""
        return next((i for i, w in enumerate(self.words) if w.start == start), None)

    def span(self, i: int) -> tuple[int, int]:
        """The name a word heads: the word with its compound parts ("SMVB – HWH Superfast
        Express") and the post written before it, with its own parts ("Railway minister
        Ashwini Vaishnaw"), as character offsets."""
        parts, todo = [i], [i]
        while todo:
            for j in self.children(todo.pop()):
                if self.words[j].dep == "nmod:desc":
                    parts.extend(_subtree(self, j))  # the post, as written: all its words
                elif self.words[j].dep in {"compound", "flat", "flat:name"}:
                    parts.append(j)
                    todo.append(j)
        return self.extent(parts)


@cache
def _pipeline() -> Any:
    import spacy  # a second to import: only when a sentence is first parsed

    nlp: Any = spacy.load(MODEL)
    # A title's abbreviation keeps its full stop ("Cpl. Nathan Cirillo"): split off, it ends a
    # sentence to the parser, and the name after it starts another.
    for title in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(f"{title}.", [{"ORTH": f"{title}."}])
    return nlp


@lru_cache(maxsize=8192)
def parse(text: str) -> Parse:
    """The parse of one sentence (cached by its text)."""
    doc = _pipeline()(text)
    words = tuple(
        Word(t.idx, t.idx + len(t.text), t.text, t.tag_, t.dep_.lower(), t.head.i) for t in doc
    )
    return Parse(text, words)


def _verb_of(p: Parse, i: int) -> int | None:
    """The verb (or the predicate of a copula) a word belongs to, climbing its heads."""
    for _ in range(_HOPS):
        w = p.words[i]
        if w.tag.startswith("VB") and w.dep not in {"amod", "compound"}:
            return i
        if w.dep == "root" or w.head == i:
            return i
        # ("obl:unmarked" is newer UD's name for "obl:npmod": "fell 0.3%")
        if w.dep not in _TO_NOUN | _TO_VERB | {
            "case",
            "obl:tmod",
            "obl:npmod",
            "obl:unmarked",
            "nmod:poss",
        }:
            return None
        i = w.head
    return None


@dataclass(frozen=True, slots=True)
class Frame:
    """What a figure belongs to: the verb (character span) and its subject's span."""

    verb: tuple[int, int]
    subject: tuple[int, int]
    proper: bool  # whether the subject is a name (tagged NNP): "Northwind announced ..."


def _subject(p: Parse, verb: int, reported: bool = True) -> int | None:
    """The subject of a verb, followed through relative pronouns (and, with ``reported``,
    reported ones: "Globex said it would cut") and shared by a coordinated verb."""
    for _ in range(_HOPS):
        subjects = [j for j in p.children(verb) if p.words[j].dep in _SUBJECTS]
        if not subjects:
            w = p.words[verb]
            if w.dep in {"conj", "xcomp"} and w.head != verb:
                verb = w.head  # "lost 252 seats and were reduced to 121": the party's
                continue
            return None
        s = subjects[0]
        word = p.words[s].text.lower()
        w = p.words[verb]
        if word in _RELATIVE and w.dep == "acl:relcl":
            return w.head  # "Globex, which said ...": Globex
        if reported and word in _PRONOUNS and w.dep in {"ccomp", "xcomp"} and w.head != verb:
            verb = w.head  # "... said it would cut": whoever said it
            continue
        return s
    return None


def opening_end(text: str, before: int) -> int:
    """Where the clause a figure at ``before`` is in starts: after an opening "with" phrase
    ("With all 40 wards counted, turnout was 61.2%": its words are not the figure's), else 0."""
    opening = _WITH_RE.match(text)
    return opening.end() if opening is not None and before > opening.end() else 0


def figure_frame(text: str, start: int, end: int) -> Frame | None:
    """Who the figure at ``text[start:end]`` is said of: the verb it belongs to and that verb's
    subject (a name with its compound parts), or None when the parse shows none; the figure's
    own noun is no subject of its own ("40 civilians were killed"). A figure after an opening
    "with" phrase is read in the clause after it ("With all 40 wards counted, turnout was
    61.2%": turnout)."""
    if opening := opening_end(text, start):
        cut = opening + 1  # after its comma and the space after it
        cut += len(text[cut:]) - len(text[cut:].lstrip())
        inner = figure_frame(text[cut:], start - cut, end - cut)
        if inner is None:
            return None
        (v0, v1), (s0, s1) = inner.verb, inner.subject
        return Frame((v0 + cut, v1 + cut), (s0 + cut, s1 + cut), inner.proper)
    p = parse(text)
    numbers = [i for i, w in enumerate(p.words) if start <= w.start < end and w.tag == "CD"]
    if not numbers:
        return None
    i = numbers[-1]
    noun = i
    for _ in range(_HOPS):  # up to the noun the number counts
        w = p.words[noun]
        if w.dep not in {"nummod", "compound", "quantmod"} or w.head == noun:
            break
        noun = w.head
    verb = _verb_of(p, noun)
    if verb is None:
        return None
    subject = _subject(p, verb)
    if subject in {i, noun}:
        subject = _passive_for(p, verb)  # "four million votes were cast for Reform": Reform
    if subject is None or subject in {i, noun}:
        return None
    start, end = p.span(subject)
    proper = any(w.tag.startswith("NNP") for w in p.words if start <= w.start < end)
    return Frame((p.words[verb].start, p.words[verb].end), (start, end), proper)


def _passive_for(p: Parse, verb: int) -> int | None:
    """The name a passive verb's "for" or "by" phrase gives ("votes were cast *for Reform*",
    "seats were won *by the SNP*"): whom what its subject counts is said of; None without one."""
    if not any(p.words[j].dep == "aux:pass" for j in p.children(verb)):
        return None
    for j in p.children(verb):
        w = p.words[j]
        cases = {p.words[k].text.lower() for k in p.children(j) if p.words[k].dep == "case"}
        if w.dep in {"obl", "obl:agent"} and cases & {"for", "by"} and w.tag.startswith("NNP"):
            return j
    return None


_TIME_MARKS = frozenset({"when", "after", "before", "while", "until", "once", "since"})
_TIME_PREPOSITIONS = frozenset({"after", "before", "following", "until"})
_TIME_MARK_RE = re.compile(
    r"\b(?:" + "|".join(sorted(_TIME_MARKS | _TIME_PREPOSITIONS)) + r")\b", re.IGNORECASE
)


# An opening "with" phrase that says at what point of a count or a process the rest holds:
# "With all 650 seats declared, ...", "With just one seat left to declare, ..." (an absolute
# phrase: a noun and a participle, up to its comma).
_WITH_RE = re.compile(
    r"^\s*With\s+(?:[^,;:.!?]|[,.](?=\d)){1,60}?\b(?:[a-z]+ed|left|remaining|to go)\b"
    r"(?:[^,;:.!?]|[,.](?=\d))*(?=,)"
)
_ON_THE_DAY_RE = re.compile(
    r"\b(?:on|in|during)\s+the\s+(?:same\s+)?(?:day|week|month|year|morning|afternoon|evening|"
    r"night)\s+(?:that\s+|when\s+)?(?=\w+\s+\w+)(?:[^,;:.!?]|[,.](?=\d))+",
    re.IGNORECASE,
)


def time_clauses(text: str) -> list[tuple[int, int]]:
    """The character spans of the clauses that say when the rest happened: "Amazon had 1.5
    million employees *when it announced the cuts*" (an adverbial clause opened by when, after,
    before, while, until, once or since), "shares fell 2% *on the day the firm announced the
    cuts*" (a time named by what happened on it), "*With all 650 seats declared*, turnout was
    59.9%" (the point of a count the rest holds at)."""
    spans = [m.span() for m in _ON_THE_DAY_RE.finditer(text) if _has_verb(m.group())]
    spans += [m.span() for m in _WITH_RE.finditer(text)]
    if not _TIME_MARK_RE.search(text):
        return sorted(spans)  # (no parse, a second to load, for a sentence with no such word)
    p = parse(text)
    for w in p.words:
        if w.dep not in {"mark", "advmod"} or w.text.lower() not in _TIME_MARKS:
            continue
        head = w.head
        if p.words[head].dep != "advcl":
            continue
        spans.append(p.extent(_subtree(p, head)))
    return sorted(spans)


def time_phrases(text: str) -> list[tuple[int, int]]:
    """The character spans of the phrases of after, before, following or until that say when
    the rest happened: "the toll was put at 288 *after a fresh count*"."""
    if not _TIME_MARK_RE.search(text):
        return []
    p = parse(text)
    spans = []
    for w in p.words:
        if w.dep != "case" or w.text.lower() not in _TIME_PREPOSITIONS:
            continue
        if p.words[w.head].dep not in {"obl", "nmod"} or p.words[w.head].tag.startswith("CD"):
            continue
        spans.append(p.extent(_subtree(p, w.head)))
    return spans


def _has_verb(words: str) -> bool:
    """Whether a time phrase says what happened on it (a verb after its first three words, by
    the parse): "on the day the firm announced the cuts", not "on the day of the vote"."""
    return any(w.tag.startswith("VB") for w in parse(words).words[3:])


def _subtree(p: Parse, i: int) -> list[int]:
    found, todo = [i], [i]
    while todo:
        for j in p.children(todo.pop()):
            found.append(j)
            todo.append(j)
    return found


def subject_at(text: str, start: int) -> tuple[int, int] | None:
    """The span of the head word of the subject of the verb at ``text[start:]`` ("The
    *inquiry* into the crash will be led by ..."; "The *drivers*, who were injured"), followed
    through relative pronouns and a shared subject, not through a reported pronoun ("told
    Sputnik that *it* was instructed"); None when the parse shows none."""
    p = parse(text)
    verb = p.at(start)
    if verb is None:
        return None
    subject = _subject(p, verb, reported=False)
    if subject is None or subject == verb:
        return None
    return p.words[subject].start, p.words[subject].end


@dataclass(frozen=True, slots=True)
class Graded:
    """A grading word said of something ("the risk is *moderate* globally") and the words
    that say what it grades: its subject or object with their modifiers, and its own."""

    word: str  # lower case
    start: int
    end: int
    scope: tuple[str, ...]  # the words, as written


_SCOPE_OF_NOUN = frozenset({"amod", "nmod", "compound"})
_SCOPE_OF_GRADE = frozenset({"advmod", "obl", "nmod", "obl:tmod", "obl:npmod"})


def graded(text: str, grades: frozenset[str]) -> list[Graded]:
    """Each word of ``grades`` the sentence says of something (not a modifier: "a *high*
    wall"), with what it grades: "WHO assessed the global risk as high" grades "risk",
    "global"; "the risk is moderate globally" grades "risk", "globally"."""
    if not any(w.lower() in grades for w in re.findall(r"[A-Za-z]+", text)):
        return []  # (no parse for a sentence without one)
    p = parse(text)
    found = []
    for i, w in enumerate(p.words):
        if w.text.lower() not in grades or w.dep in {"amod", "compound", "nummod"}:
            continue
        nouns = [j for j in p.children(i) if p.words[j].dep in _SUBJECTS]
        if w.dep in {"obl", "xcomp", "advmod"} and w.head != i:  # "assessed the risk as high"
            nouns += [j for j in p.children(w.head) if p.words[j].dep in {"obj", "nsubj:pass"}]
        scope = set(nouns)
        for n in nouns:
            scope.update(j for j in p.children(n) if p.words[j].dep in _SCOPE_OF_NOUN)
        scope.update(j for j in p.children(i) if p.words[j].dep in _SCOPE_OF_GRADE)
        words = tuple(p.words[j].text for j in sorted(scope))
        found.append(Graded(w.text.lower(), w.start, w.end, words))
    return found


_COORDINATORS_RE = re.compile(r"\b(?:and|but)\b", re.IGNORECASE)
_MIN_PART_WORDS = 3  # a coordinated verb with fewer words of its own states no fact apart


def coordinated(text: str) -> list[str]:
    """The statements a sentence joins by coordinating its verbs, each a sentence of its own
    (none when it joins none): "The firm cut 300 jobs and closed two plants" -> "The firm cut
    300 jobs." and "The firm closed two plants."; "A said the mill had shut and that 40
    workers had left" -> "A said the mill had shut." and "A said that 40 workers had left."
    A verb without a subject of its own takes what comes before its first conjunct (its
    subject, and when it was); one with a subject in a reported clause, the words that report
    it. Nouns joined by "and" ("Rs 2 lakh for the injured and Rs 50,000 for ...") are one
    statement."""
    if not _COORDINATORS_RE.search(text):
        return []  # (no parse for a sentence with no conjunction)
    p = parse(text)
    if sum(1 for w in p.words if w.dep == "root") > 1:
        return []  # the parser read two sentences: its arcs are not to be trusted here
    joined = {
        i: head
        for i, w in enumerate(p.words)
        if w.dep == "conj"
        and (head := _conjunct_of(p, i)) is not None
        and (_same_form(w.text, w.tag, _form(p, head)) or _own_clause(p, i))
    }
    if not joined:
        return []
    cut: list[tuple[int, int]] = []  # the character spans of the joined verbs' clauses
    parts = []
    for i, head in joined.items():
        inside = _subtree(p, i)
        own = [j for j in inside if p.words[j].dep not in {"cc", "punct"}]
        if len(own) < _MIN_PART_WORDS:
            continue
        start = p.extent(own)[0]
        end = p.extent(inside)[1]  # (with its closing quotation mark)
        first = p.words[head]
        subjects = [j for j in p.children(i) if p.words[j].dep in _SUBJECTS]
        if any(_share_of_before(p, j) for j in subjects):
            continue  # "...: between 1.5 and 2.8 percent had been infected": of those before
        if subjects:
            frame = _frame_of(p, head)
            if frame is None and _own_clause(p, i):
                frame = ""  # ", and the BBC released ...": a sentence of its own
            if frame is None and (reporter := _reported_again(p, i)) is not None:
                frame = text[: p.words[reporter].end] + " "  # "A said X and that Y": A said Y
        elif first.tag in _FINITE_OR_PARTICIPLE and not _has_subject(p, head):
            frame = text[: first.start]  # (the parse found no subject: all before the verb)
        else:
            frame = text[: _with_subject(p, head)]
        if first.dep == "root" or frame is not None:
            parts.append(_sentence((frame or "") + text[start:end]))
            cut.append((p.extent(inside)[0], end))
    if not parts:
        return []
    kept, at = [], 0
    for start, end in sorted(cut):
        kept.append(text[at:start].rstrip(" ,;"))
        at = end
    kept.append(text[at:])
    return [_sentence("".join(kept)), *parts]


# Words in -ing that lead a phrase, not an act: "27 hostages, *including* 10 workers".
_NOT_PARTICIPLES = frozenset(
    "including according following regarding concerning excluding considering during pending"
    " notwithstanding barring starting beginning ranging totalling totaling".split()
)
_FINITE_OR_PARTICIPLE = frozenset({"VBD", "VBZ", "VBP", "VBN", "MD"})
_VERB_GROUP = frozenset({"MD", "VB", "VBD", "VBZ", "VBP", "VBN", "RB"})
_SUBORDINATE_RE = re.compile(
    r",\s+(?:when|where|while|whereas|because|although|though)\s+", re.IGNORECASE
)
_COMMA_ING_RE = re.compile(r",\s+[A-Za-z-]+ing\b")
_MIN_CLAUSE_WORDS = 2  # "killing dozens"


def participial(text: str, skip: frozenset[str] = frozenset()) -> list[str]:
    """The statements a sentence joins by a participle clause after a comma, each a sentence of
    its own (none when it has none): "Fighters seized the town, killing dozens and forcing
    thousands to flee" -> "Fighters seized the town." and "Fighters killing dozens and forcing
    thousands to flee." The clause's doer is the subject of the verb before it: the words up
    to that verb's group. A clause runs to the sentence's end, or to a comma and a coordinated
    verb ("was at home, chatting with a friend, and did not realize" keeps "and did not
    realize" in the first). Participles in ``skip`` (those of saying, split elsewhere) and
    words in -ing that lead a phrase ("including") join nothing."""
    if not _COMMA_ING_RE.search(text):
        return []  # (no parse for a sentence without one)
    p = parse(text)
    words = p.words
    for i, w in enumerate(words):
        low = w.text.lower()
        if w.tag != "VBG" or i < 2 or words[i - 1].text != ",":
            continue
        if low in _NOT_PARTICIPLES or low in skip:
            continue
        verb = next(
            (
                j
                for j in range(i - 2, -1, -1)
                if words[j].tag in _FINITE_OR_PARTICIPLE and words[j].dep != "amod"
            ),
            None,
        )
        if verb is None:
            continue
        while verb > 0 and words[verb - 1].tag in _VERB_GROUP:
            verb -= 1  # (its auxiliaries: "had been", "has also")
        if i + 1 < len(words) and words[i + 1].text in {",", "and", "or"}:
            continue  # ("deforestation, hunting, and trade": a list's noun)
        doer = text[: words[verb].start].strip()
        if not doer or words[verb - 1].tag == "EX" or doer.count('"') % 2:
            continue  # ("there was a resemblance, making him certain": no one does it)
        opener = list(_SUBORDINATE_RE.finditer(doer))
        if opener:
            doer = doer[opener[-1].end() :]  # "..., when Chartier's dynamite exploded": its own
        last = len(words)
        for j in range(i + 1, len(words) - 1):
            if (
                words[j].text.lower() in _COORDINATORS
                and words[j - 1].text == ","
                and words[j + 1].tag in _VERB_GROUP
            ):
                last = j - 1  # (its comma)
                break
        clause = [j for j in range(i, last) if words[j].tag not in {".", ","}]
        if len(clause) < _MIN_CLAUSE_WORDS:
            continue
        start, end = p.extent(clause)
        comma = words[i - 1].start
        rest = text[words[last].start :] if last < len(words) else ""
        first = text[:comma].rstrip() + (" " + rest.lstrip(", ") if rest else "")
        return [_sentence(first), _sentence(doer + " " + text[start:end])]
    return []


_RELATIVE_RE = re.compile(r",\s+(?:who|which)\s", re.IGNORECASE)
_NOUN_PHRASE = frozenset(
    {"NN", "NNS", "NNP", "NNPS", "JJ", "DT", "CD", "HYPH", "POS", "PRP$", "NML"}
)


def relative(text: str) -> list[str]:
    """The statements a sentence joins by a relative clause set off by commas, each a sentence
    of its own (none when it has none): "Vickers, who had served 29 years, shot the gunman" ->
    "Vickers shot the gunman." and "Vickers had served 29 years."; "... a link to Rouleau,
    who ran down two soldiers" -> "... a link to Rouleau." and "Rouleau ran down two
    soldiers." The clause's antecedent is the noun phrase right before its comma; the clause
    ends where its verb's words end, at a comma or the sentence's end."""
    if not _RELATIVE_RE.search(text):
        return []
    p = parse(text)
    words = p.words
    for r, w in enumerate(words):
        if w.text.lower() not in {"who", "which"} or r < 2 or words[r - 1].text != ",":
            continue
        verb = w.head
        if verb <= r or not words[verb].tag.startswith("VB"):
            continue
        if words[verb].dep != "acl:relcl":
            continue  # (the parse does not say what the clause describes)
        noun = words[verb].head
        if any(words[j].text.lower() in {"and", "or"} for j in range(noun, r - 1)):
            noun = r - 2  # (of two joined nouns, the nearer: "a link between A and B, who")
        if noun >= r - 1 or not words[noun].tag.startswith("NN"):
            continue
        begin = _phrase_start(p, noun, r - 1)
        end_word = max(j for j in _subtree(p, verb) if words[j].tag not in {".", ","})
        after = end_word + 1
        if after < len(words) and words[after].text not in {",", "."}:
            continue  # (the parse does not close the clause where the text does)
        clause_start = words[r + 1].start
        clause_end = words[end_word].end
        antecedent = text[words[begin].start : words[r - 2].end]
        rest = text[words[after].end :] if after < len(words) and words[after].text == "," else ""
        first = text[: words[r - 1].start] + ((" " + rest.lstrip()) if rest.strip() else "")
        return [_sentence(first), _sentence(antecedent + " " + text[clause_start:clause_end])]
    return []


_COMMA_PARTICIPLE_RE = re.compile(r",\s+[a-z]+ed\b[^,]*,")


def set_off_participle(text: str) -> list[str]:
    """A sentence with a past participle phrase set off by commas in its middle, without it,
    and the phrase as a statement of the noun it describes where the parse says which:
    "The report, released on Tuesday, found ..." -> "The report found ..." and "The report was
    released on Tuesday."; "In a video attributed to Shekau, released two weeks later, the
    group denied ..." -> "In a video attributed to Shekau, the group denied ..." (which noun
    was released, the parse does not tell: the phrase is left to the whole claim)."""
    if not _COMMA_PARTICIPLE_RE.search(text):
        return []
    p = parse(text)
    words = p.words
    for i, w in enumerate(words):
        if (
            w.tag != "VBN"
            or i < 2
            or words[i - 1].text != ","
            or not words[i - 2].tag.startswith("NN")
        ):
            continue
        close = next((j for j in range(i + 1, len(words)) if words[j].text == ","), None)
        if close is None or close - i < _MIN_CLAUSE_WORDS or close + 1 >= len(words) - 1:
            continue
        if w.text.lower() in _NAMING or words[close + 1].text.lower() in _COORDINATORS | {"or"}:
            continue  # ("a disease, called MIS, or ...": a name; the phrase goes on)
        opening = _opens_with_phrase(p)
        if opening and "," not in text[: words[i - 1].start]:
            first = text[: words[i - 1].start] + text[words[close].start :]  # (its comma kept)
        else:
            first = text[: words[i - 1].start] + " " + text[words[close].end :].lstrip()
        found = [_sentence(first)]
        noun = w.head
        if w.dep == "acl" and noun < i and words[noun].tag.startswith("NN"):
            begin = _phrase_start(p, noun, i - 1)
            be = "were" if words[noun].tag in {"NNS", "NNPS"} else "was"
            phrase = text[words[begin].start : words[i - 2].end]
            found.append(_sentence(f"{phrase} {be} {text[w.start : words[close - 1].end]}"))
        return found
    return []


# What an appositive of time says ("on Monday, the day of the funeral"): no statement of its own.
_TIME_NOUNS = frozenset(
    "day days week weeks month months year years night morning evening afternoon time eve "
    "anniversary".split()
)


def appositive(text: str) -> list[str]:
    """A sentence with a description of a name set off by commas, without it, and the
    description as a statement of its own (none when it has none): "Benjamin Crump, the
    attorney for the family, brought the recording to CNN" -> "Benjamin Crump brought the
    recording to CNN." and "Benjamin Crump is the attorney for the family." The name is the
    proper nouns right before the first comma; the description a noun phrase ("the ...",
    "a ...", "head of ...") up to the next comma, followed by a verb or the sentence's end. A
    time's description ("on Monday, the day of the funeral") states nothing apart."""
    if text.count(",") < 1:
        return []
    p = parse(text)
    words = p.words
    n = len(words)
    for comma, w in enumerate(words):
        if w.text != "," or comma < 1 or not words[comma - 1].tag.startswith("NNP"):
            continue
        if words[comma - 1].text.lower() in _TIME_NOUNS | CALENDAR:
            continue
        first_word = comma + 1
        if first_word >= n or words[first_word].tag not in {"DT", "NN", "NNS", "JJ"}:
            continue
        if words[first_word].text.lower() in _RELATIVE:
            continue  # ("..., that should have been seen")
        opening = _opens_with_phrase(p)
        if opening and "," not in text[: w.start]:
            continue  # ("In a video attributed to Shekau, the group denied": an opening phrase)
        close = next((j for j in range(first_word, n) if words[j].text in {",", "."}), n)
        inside = range(first_word, close)
        nouns = [j for j in inside if words[j].tag in {"NN", "NNS"} and not _hyphened(words, j)]
        if not nouns or words[nouns[0]].text.lower() in _TIME_NOUNS:
            continue
        relative_at = next((j for j in inside if words[j].text.lower() in _RELATIVE_WORDS), close)
        if any(words[j].tag in _FINITE for j in inside if j < relative_at):
            continue  # (a clause, not a description: "..., female workers are less affected")
        after = close + 1
        if close < n - 1 and words[close].text == ",":
            if not words[after].tag.startswith("VB") and words[after].text.lower() not in (
                _COORDINATORS
            ):
                continue
        elif close < n - 1 or words[first_word].text.lower() not in {"a", "an", "the"}:
            continue  # (at the sentence's end only "..., a professor at X")
        begin = comma - 1
        while begin > 0 and (
            words[begin - 1].tag.startswith("NNP") or words[begin - 1].end == words[begin].start
        ):
            begin -= 1
        name = text[words[begin].start : words[comma - 1].end]
        description = text[words[first_word].start : words[close - 1].end]
        rest = ""
        if close < n - 1:
            keep = words[after].tag == "VBG" or words[after].text.lower() in _COORDINATORS
            rest = text[words[close].start if keep else words[after].start :]
        main = text[: w.start] + ("" if rest.startswith(",") else " ") + rest
        return [_sentence(main), _sentence(f"{name} is {description}")]
    return []


def _hyphened(words: Sequence[Word], j: int) -> bool:
    """Whether the word is joined to the next or the one before by a hyphen: part of a modifier
    ("a 33-year-old photojournalist"), not the noun a phrase is of."""
    return any(0 <= k < len(words) and words[k].text == "-" for k in (j - 1, j + 1))


_RELATIVE_WORDS = _RELATIVE | {"whose", "where", "when"}
_NAMING = NAMING_WORDS | {"known"}  # ("a disease, called MIS-C, ...", "known as")


def _opens_with_phrase(p: Parse) -> bool:
    """Whether the sentence opens with a prepositional phrase ("In a video attributed to ...,",
    "According to the Pentagon,")."""
    return _OPENING_PHRASE_RE.match(p.text) is not None or p.words[0].tag == "IN"


_OPENING_PHRASE_RE = re.compile(
    r"(?:In|On|At|According\s+to|After|Before|During|Despite|Following|From|For|With|Under|By"
    r"|Since|Amid|Among|Throughout|Over|Within|Unlike|Like|As|Through)\b"
)


_NOT_OF_PHRASE = frozenset({"case", "punct", "cc", "mark", "acl:relcl", "advcl", "parataxis"})
_MAX_ANTECEDENT_WORDS = 12


def _phrase_start(p: Parse, noun: int, before: int) -> int:
    """Where the noun phrase a noun heads starts (its determiner, modifiers, possessor and
    attached phrases, not the preposition it hangs on), among the words before ``before``;
    a hyphenated name's pieces ("Sergeant-at-Arms") stay together. A phrase the parse makes
    implausibly long is taken as the words of a noun phrase right before the noun."""
    inside, todo = {noun}, [noun]
    while todo:
        for j in p.children(todo.pop()):
            if j < before and p.words[j].dep not in _NOT_OF_PHRASE:
                inside.add(j)
                todo.append(j)
    begin = min(inside)
    if any(j not in inside for j in range(begin, noun)) or noun - begin > _MAX_ANTECEDENT_WORDS:
        begin = noun
        while begin > 0 and p.words[begin - 1].tag in _NOUN_PHRASE:
            begin -= 1
    while begin > 0 and p.words[begin - 1].end == p.words[begin].start:
        begin -= 1  # (glued to the word before: one hyphenated word)
    return begin


_COORDINATORS = frozenset({"and", "but"})
_NOUN_TAGS = frozenset({"CD", "NN", "NNS", "NNP", "NNPS", "PRP"})


def _conjunct_of(p: Parse, i: int) -> int | None:
    """The verb a conjunct verb is joined to, as English punctuation reads it, or None when
    the parse's "conjunct" is no coordination: one with no "and"/"but" of its own ("a video
    attributed to X, released two weeks later" lists no second act), or one whose "and" is
    followed by words the conjunct does not hold (the parser missed its own subject: "57
    escaped and *219* remained"). A comma before the coordinator closes a reported clause
    ("A told the BBC that B had the girls and would free them, and said he was hopeful":
    "said" is A's, joined to "told", not to a verb inside what A reported), unless the
    conjunct has a subject of its own ("suggests that 8.7 million fell ill, but 80% of them
    were never diagnosed")."""
    cc = _coordinator(p, i)
    if cc is None or p.words[cc].text.lower() not in _COORDINATORS:
        return None
    inside = set(_subtree(p, i))
    if any(j not in inside and p.words[j].tag in _NOUN_TAGS for j in range(cc + 1, i)):
        return None
    head = p.words[i].head
    if cc > 0 and p.words[cc - 1].text == "," and not _has_subject(p, i):
        reporter = _reporting(p, head)
        if reporter is not None and reporter < i:
            return reporter
    return head


def _reported_again(p: Parse, i: int) -> int | None:
    """The sentence's verb of saying, when a conjunct is a second clause it reports: "and
    that" with a subject of its own ("Blanco said the remains had been found and that the
    bodies had been burned"), however the parser attached it. None otherwise."""
    cc = _coordinator(p, i)
    if cc is None or cc + 1 >= len(p.words) or p.words[cc + 1].text.lower() != "that":
        return None
    if not _subject_before(p, i):
        return None
    root = next((j for j, w in enumerate(p.words) if w.dep == "root"), None)
    if root is None or root > cc or p.words[root].text.lower() not in SPEECH_VERBS:
        return None
    return root


def _own_clause(p: Parse, i: int) -> bool:
    """Whether a conjunct is a clause of its own: a comma and "and"/"but" before it, and a
    subject of its own ("... was the first to publish the name, and the BBC released its own
    report"; "... for three months, and she is now pregnant"), whatever the parser took it to
    be joined to."""
    cc = _coordinator(p, i)
    return cc is not None and cc > 0 and p.words[cc - 1].text == "," and _subject_before(p, i)


def _coordinator(p: Parse, i: int) -> int | None:
    """The index of a conjunct's own coordinator before it ("and", "but"), or None."""
    return next((j for j in p.children(i) if p.words[j].dep == "cc" and j < i), None)


def _subject_before(p: Parse, i: int) -> bool:
    """Whether the word at ``i`` has a subject of its own written before it."""
    return any(p.words[j].dep in _SUBJECTS and j < i for j in p.children(i))


def _reporting(p: Parse, verb: int) -> int | None:
    """The verb that reports the clause ``verb`` stands in (through heads, up to a word whose
    relation is a reported clause), or None when it stands in none."""
    for _ in range(_HOPS):
        w = p.words[verb]
        if w.dep in _REPORTED:
            return w.head
        if w.head == verb:
            return None
        verb = w.head
    return None


_SHARE_WORDS = frozenset({"percent", "%", "cent", "half", "third", "quarter", "fifth", "tenth"})


def _share_of_before(p: Parse, subject: int) -> bool:
    """Whether a subject is a number or share alone, of what was named before: "... tested 3,300
    people: *between 1.5 and 2.8 percent* had been infected", "*Two* were released"."""
    w = p.words[subject]
    if w.tag == "CD" or w.text.lower() in _SHARE_WORDS:
        return not any(p.words[j].dep == "nmod" for j in p.children(subject))
    return False


_FINITE = frozenset({"VBD", "VBZ", "VBP"})
# Verbs whose past is written as their base form: the tagger may read one as the other.
_PAST_AS_BASE = frozenset(
    "put cut set hit let shut spread cost quit split hurt cast burst bet bid broadcast"
    " forecast read".split()
)


def _form(p: Parse, i: int) -> str:
    """The tag of a word as a verb: its own, or for a predicate with a copula ("she was
    safe"), the copula's: "was safe and told readers" coordinates two past verbs."""
    w = p.words[i]
    if w.tag.startswith("VB"):
        return w.tag
    copula = next((j for j in p.children(i) if p.words[j].dep == "cop"), None)
    return p.words[copula].tag if copula is not None else w.tag


def _same_form(word: str, tag: str, head: str) -> bool:
    """Whether two verbs' tags let them be coordinated: the same form ("cut and closed", "was
    arrested and charged"), both finite ("says and added"), a past in -ed read as a participle,
    or a past written as its base ("put the toll at 40 ... and put"). A "verb" joined to a verb
    of another form is a tagging slip ("There is no link between smoking and illness
    progression": "illness" tagged a verb beside "is")."""
    if not (tag.startswith("VB") and head.startswith("VB")):
        return False
    forms = {tag, head}
    return (
        len(forms) == 1
        or forms <= _FINITE
        or forms == {"VBD", "VBN"}
        or ("VB" in forms and word.lower() in _PAST_AS_BASE)
    )


def _frame_of(p: Parse, verb: int) -> str | None:
    """The words that report a clause ("When he declared it, Tedros said "): all before the
    clause of ``verb`` when that clause is reported (``ccomp``); "" for a main clause."""
    w = p.words[verb]
    if w.dep == "root":
        return ""
    if w.dep != "ccomp":
        return None
    return p.text[: p.extent(_subtree(p, verb))[0]]


def _has_subject(p: Parse, verb: int) -> bool:
    return any(p.words[j].dep in _SUBJECTS for j in p.children(verb))


def _with_subject(p: Parse, verb: int) -> int:
    """Where the verb that has the subject of ``verb`` starts: a participle ("..., saying")
    takes its subject from the verb it hangs on."""
    for _ in range(_HOPS):
        w = p.words[verb]
        if _has_subject(p, verb) or w.head == verb:
            break
        verb = w.head
    if not p.words[verb].tag.startswith("VB"):
        # a predicate with a copula ("she was totally safe"): its verb group starts the clause
        group = [
            j
            for j in p.children(verb)
            if j < verb and p.words[j].dep in {"cop", "aux", "aux:pass", "advmod", "punct"}
        ]
        if any(p.words[j].dep == "cop" for j in group):
            return p.words[min(group)].start
    return p.words[verb].start


def _sentence(text: str) -> str:
    text = text.strip().rstrip(" ,;:.")
    return text[:1].upper() + text[1:] + "."


def classifiers(text: str) -> frozenset[str]:
    """The names that only say what kind a thing is, written before its common noun outside
    the subject: "a *Commons* majority", "at any *UK* general election". A sentence may leave
    them to its story's setting, as it cannot the names that say who did it ("Russian jets
    bombed ...")."""
    p = parse(text)
    out = set()
    for w in p.words[1:]:
        head = p.words[w.head]
        if (
            w.dep == "compound"
            and w.text[:1].isupper()
            and head.tag in {"NN", "NNS"}
            and head.text.islower()
            and head.dep not in _SUBJECTS
        ):
            out.add(w.text)
    return frozenset(out)


def subject_noun(text: str) -> tuple[int, int] | None:
    """The span of the common noun that is the subject of the sentence's main verb ("The
    *drivers* of both trains were killed"), or None (a name, a pronoun, or no subject)."""
    p = parse(text)
    root = next((i for i, w in enumerate(p.words) if w.dep == "root"), None)
    if root is None:
        return None
    subject = next((j for j in p.children(root) if p.words[j].dep in _SUBJECTS), None)
    if subject is None or p.words[subject].tag not in {"NN", "NNS"}:
        return None
    return p.words[subject].start, p.words[subject].end


def main_actor(text: str) -> tuple[int, int] | None:
    """The span of the name that is the subject of the sentence's main verb when that verb is
    an act, not a report of a clause ("Meta recently announced 11,000 job cuts": Meta; not
    "Reuters reported that the company would cut jobs"), with its compound parts; None when
    the subject is no name (tagged NNP) or the verb reports what someone said."""
    p = parse(text)
    root = next((i for i, w in enumerate(p.words) if w.dep == "root"), None)
    if root is None or any(p.words[j].dep in _REPORTED for j in p.children(root)):
        return None
    subject = next((j for j in p.children(root) if p.words[j].dep in _SUBJECTS), None)
    if subject is None or not p.words[subject].tag.startswith("NNP"):
        return None
    return p.span(subject)


def doer_span(text: str, start: int) -> tuple[int, int] | None:
    """The span of whoever does the act of the verb at ``text[start:]``, by the parse: its
    subject's phrase ("*a US strike* killed the commander"), or for a passive its "by" phrase
    ("the commander was killed *by a Russian strike*"); None when the parse shows neither, or
    no verb there."""
    p = parse(text)
    verb = p.at(start)
    if verb is None or not p.words[verb].tag.startswith("VB"):
        return None
    passive = _passive(p, verb)
    for j in p.children(verb):
        dep = p.words[j].dep
        if (not passive and dep == "nsubj") or dep == "obl:agent":
            return p.extent(_subtree(p, j))
    return None


def describes_noun(text: str, start: int) -> bool:
    """Whether the verb at ``text[start:]`` is in a clause that tells of a noun, by the parse:
    what reports say ("reports that she had been *captured*"), who someone is ("the man who
    had *made* it"), not what the sentence says happened."""
    p = parse(text)
    verb = p.at(start)
    if verb is None:
        return False
    w = p.words[verb]
    return w.dep in {"acl", "acl:relcl"} and p.words[w.head].tag.startswith(("NN", "PRP", "WP"))


def is_passive(text: str, start: int) -> bool:
    """Whether the verb at ``text[start:]`` is passive by the parse ("the gunman *was shot*"),
    or joined to one ("was shot and *killed*")."""
    p = parse(text)
    verb = p.at(start)
    if verb is None:
        return False
    if p.words[verb].dep == "conj":
        verb = p.words[verb].head
    return _passive(p, verb)


def _passive(p: Parse, verb: int) -> bool:
    return any(p.words[j].dep in {"aux:pass", "nsubj:pass"} for j in p.children(verb))


def is_verb(text: str, start: int) -> bool:
    """Whether the word at ``text[start:]`` is a verb by the parse ("killed", not "death")."""
    return _tagged(text, start, "VB")


def noun_after(text: str, end: int) -> bool:
    """Whether the word after ``text[:end]`` is a noun by the parse ("two *Iraqis*"), not a
    verb ("57 *escaped*")."""
    return _tagged(text, len(text) - len(text[end:].lstrip()), "NN")


def _tagged(text: str, start: int, tag: str) -> bool:
    p = parse(text)
    at = p.at(start)
    return at is not None and p.words[at].tag.startswith(tag)
