"""Who did what to whom: a claim's act, its doer and its target, and how a passage tells them.

"Russia bombed the SDF" has an act (bombing), a doer (Russia) and a target (the SDF). A passage
backs it only if it gives the act to that doer and that target: not "the SDF shelled Syrian
positions" (the roles reversed), "came under fire from areas where SDF fighters are" (a passive
act, its doer in the "from" phrase), "accused Russia of targeting" (the accused is the doer, the
accuser is not), "a strike on terrorist positions" (another target), "only against ISIS" (the
act restricted to someone else), nor a strike in an article about the SDF that never says the
SDF was hit. Places ("near Deir ez-Zor") are where an act happened, not whom it was done to.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dossier.analysis.attribution import is_speech_verb
from dossier.analysis.parse import subject_at
from dossier.analysis.text import Token, expand
from dossier.judge.analyses import ClaimAnalysis, PassageAnalysis
from dossier.lexicon import thresholds
from dossier.lexicon.hedges import CONDITIONS, MODALS
from dossier.lexicon.speech import ACCUSATIONS, ACCUSING
from dossier.lexicon.synonyms import (
    AGAINST_SIDE,
    DESCRIBING,
    FIGHT,
    PEOPLE_OF,
    TRANSITIVE_ACTS,
    WITH_SIDE,
)
from dossier.lexicon.words import (
    AIMS,
    AUXILIARIES,
    BE_FORMS,
    BEARINGS,
    CLAUSE_WORDS,
    LOCATIVES,
    NAME_DETERMINERS,
    NAME_JOINS,
    NAME_PARTICLES,
    POSSESSIVES,
    PRONOUN_SUBJECTS,
    REPEATS,
    VERB_GROUP_WORDS,
)

_VERB_GROUP = AUXILIARIES | VERB_GROUP_WORDS
# ... and the modals, whose verb after them is the claim's act too: "could release".
_AUXILIARIES_OR_MODALS = AUXILIARIES | (MODALS - CONDITIONS) | {"can", "must", "shall"}
_PASSIVE_MARKERS = AUXILIARIES | {"under"}


def span_of(text: str, part: str | None) -> range:
    at = text.find(part) if part else -1
    return range(at, at + len(part)) if part and at >= 0 else range(0)


def claim_act(tokens: Sequence[Token], speaker: range, descriptors: set[int]) -> dict[str, Any]:
    """The claim's transitive act with the name before it (who) and the names after it (whom),
    descriptions aside ("Moscow-backed")."""
    for i, t in enumerate(tokens):
        if t.entity or not set(expand(t.keys)) & TRANSITIVE_ACTS:
            continue
        agents = [a for a in tokens[:i] if a.entity and a.start not in speaker]
        patient = frozenset(
            k
            for j, p in enumerate(tokens)
            if j > i and p.entity and j not in descriptors and not _a_place(tokens, j)
            for k in p.keys
        )
        passive = (i and tokens[i - 1].text.lower() in BE_FORMS) or (
            i + 1 < len(tokens) and tokens[i + 1].text.lower() == "by"
        )
        if not agents or not patient or passive:
            return {}
        agent = agents[-1]
        act = frozenset(expand(t.keys)) & TRANSITIVE_ACTS | frozenset(t.keys)
        doer = frozenset(agent.keys) - patient
        if not doer:
            return {}
        return {"act": (act, doer, patient), "act_agent": agent.text}
    return {}


def _a_place(tokens: Sequence[Token], j: int) -> bool:
    """Is the name at token j where the act happened ("near Deir ez-Zor", "east of Raqqa")
    rather than whom it was done to?"""
    groups = name_groups(tokens)
    k = j - 1
    while k >= 0:
        word = tokens[k].text.lower()
        if word in LOCATIVES or (word == "of" and k and tokens[k - 1].text.lower() in BEARINGS):
            return True
        if not (tokens[k].entity or groups.get(k - 1, -1) == groups.get(j)):
            return False
        k -= 1  # back over the rest of the name ("Deir ez-" of "Deir ez-Zor")
    return False


def after_be(tokens: Sequence[Token], i: int) -> bool:
    """Is token i a passive participle: after a form of "be" ('were wounded', 'was
    successfully isolated'), not after "have" ('have isolated' is active)?"""
    return _verb_group_head(tokens, i) in BE_FORMS


def after_auxiliary(tokens: Sequence[Token], i: int) -> bool:
    """Is token i the verb of 'are speaking', 'were wounded', 'has not deployed', 'is
    significantly associated', 'could release'?"""
    if is_adverb(tokens[i].text):
        return False  # "is significantly associated": the verb is after the adverb
    return _verb_group_head(tokens, i, frozenset({"been", "being"})) in _AUXILIARIES_OR_MODALS


def _verb_group_head(tokens: Sequence[Token], i: int, also: frozenset[str] = frozenset()) -> str:
    """The word before token i's verb group, lower-cased: past the words that stand inside
    one (``VERB_GROUP_WORDS``: "has not already"), adverbs ("is significantly") and ``also``;
    "" at the text's start."""
    j = i - 1
    while j >= 0 and (
        (low := tokens[j].text.lower()) in VERB_GROUP_WORDS or low in also or is_adverb(low)
    ):
        j -= 1
    return tokens[j].text.lower() if j >= 0 else ""


def is_adverb(word: str) -> bool:
    """An adverb of manner or degree by its ending ("significantly", "negatively", "markedly"),
    not a short verb that ends so ("rely", "apply", "supply")."""
    low = word.lower()
    return len(low) >= 6 and low.endswith("ly") and not low.endswith(("ply", "ely"))


def passive_subject(
    text: str, tokens: Sequence[Token]
) -> tuple[frozenset[str], frozenset[str], str, str] | None:
    """'Coalition advisers were wounded' -> (advisers, wounded): who underwent the act, the
    head of the passive verb's subject by the sentence's parse ("The *inquiry* into the crash
    was to be led by ..."); None when that subject is a name, a pronoun or not written."""
    for i, t in enumerate(tokens):
        if t.stop or t.entity or not t.text.endswith("ed") or not after_be(tokens, i):
            continue
        subject = _subject_token(text, tokens, i)
        if subject is None or subject.entity or subject.stop:
            return None
        return frozenset(expand(subject.keys)), frozenset(expand(t.keys)), subject.text, t.text
    return None


def _subject_token(text: str, tokens: Sequence[Token], i: int) -> Token | None:
    """The token that is the subject's head word of the verb at token i, by the parse."""
    span = subject_at(text, tokens[i].start)
    if span is None:
        return None
    return next((t for t in tokens if t.start == span[0]), None)


def name_groups(tokens: Sequence[Token]) -> dict[int, int]:
    """Token index -> name number: the words of one name ('Deir', 'ez', 'Zor') share one."""
    groups: dict[int, int] = {}
    current, last = -1, -2
    for i, t in enumerate(tokens):
        if not t.entity:
            continue
        joined = last == i - 1 or (
            last == i - 2 and tokens[i - 1].text.lower() in NAME_PARTICLES and t.text[:1].isupper()
        )
        if not joined:
            current += 1
        groups[i] = current
        last = i
    return groups


def reversed_roles(claim: ClaimAnalysis, passage: PassageAnalysis) -> str | None:
    """'The SDF shelled government positions' does not say 'Russia bombed the SDF': the name
    before the act is the one the claim has on the receiving end."""
    if claim.act is None:
        return None
    act_keys, agent, patient = claim.act
    tokens = passage.tokens
    doers: list[str] = []
    for j, t in enumerate(tokens):
        if t.entity or not act_keys & set(expand(t.keys)):
            continue
        doer = _side_of(tokens, j, -1)
        target = _side_of(tokens, j, +1)
        accused = _accused(tokens, j)
        if accused is not None:
            who, accuses = accused
            if accuses:  # "Russian accusations of shelling": Russia says someone else did it
                if set(who.keys) & agent:
                    doers.append(f"{who.text} accusing others of it")
                continue
            if set(who.keys) & agent:
                return None  # "accused the SDF of shelling": the claim's doer
            doers.append(who.text)
            continue
        if _passive_at(tokens, j):
            # "were shelled by", "came under attack from Russian jets and Syrian forces", "had
            # been fired at ... from positions held by US troops and the SDF"
            named = _passive_doers(tokens, j)
            if any(set(d.keys) & agent for d in named):
                return None
            doers.extend(d.text for d in named if set(d.keys) & patient)
            continue
        after = tokens[j + 1].text.lower() if j + 1 < len(tokens) else ""
        if after == "of" and "~bomb" not in act_keys:
            doer = None  # "control of the capital", "the killing of civilians": the target
        elif after in {"of", "by", "from"}:
            doer, target = target, None  # "an attack of HTS", "shelling by the SDF"
        elif (
            j + 2 < len(tokens)
            and tokens[j + 1].text.lower() in REPEATS
            and (tokens[j + 2].text.lower() in {"by", "from"})
        ):
            doer, target = next_content(tokens, j + 2, +1), None  # "shelled twice by the SDF"
        if doer is None and target is None:
            continue
        if doer is not None and doer.entity and set(doer.keys) & agent:
            return None
        if target is not None and target.entity and set(target.keys) & patient:
            return None
        if doer is not None and doer.entity and set(doer.keys) & patient:
            doers.append(doer.text)  # "the SDF have already shelled ..."
        elif target is not None and target.entity and set(target.keys) & agent:
            doers.append(f"it done to {target.text}")  # "airstrikes on the SDF"
    if doers:
        return f"the passage has {doers[0]}, the claim has {claim.act_agent} doing it"
    return None


def _accused(tokens: Sequence[Token], j: int) -> tuple[Token, bool] | None:
    """The act at token j as something someone is accused of: ('accused Russia of targeting')
    -> (Russia, False), the accused doing it; ('Russian accusations of shelling') -> (Russian,
    True), the accuser, who is not the one said to do it."""
    if j < 2 or tokens[j - 1].text.lower() not in {"of", "for"}:
        return None
    before = tokens[j - 2]
    if before.entity:
        k = j - 3
        while k >= 0 and (tokens[k].entity or tokens[k].text.lower() == "the"):
            k -= 1
        if k >= 0 and tokens[k].text.lower() in ACCUSING:
            return before, False
        return None
    if before.text.lower() in ACCUSATIONS and j >= 3 and tokens[j - 3].entity:
        return tokens[j - 3], True
    return None


def _passive_at(tokens: Sequence[Token], j: int) -> bool:
    """'were shelled', 'came under attack', 'come under massive mortar ... fire'."""
    if j and tokens[j - 1].text.lower() in _PASSIVE_MARKERS:
        return True
    for k in range(j - 1, max(-1, j - 4), -1):
        if tokens[k].entity:
            return False
        if tokens[k].text.lower() == "under":
            return True
    return False


def other_target(claim: ClaimAnalysis, passage: PassageAnalysis) -> str | None:
    """'a cruise missile strike on terrorist positions' is a strike on someone else than the
    claim's target: every act of the sentence is aimed ('on', 'against') at another."""
    if claim.act is None:
        return None
    act, _agent, patient = claim.act
    tokens = passage.tokens
    others = []
    for j, t in enumerate(tokens):
        if t.entity or not act & set(expand(t.keys)):
            continue
        if j + 2 >= len(tokens) or tokens[j + 1].text.lower() not in {"on", "against"}:
            continue
        aim = []
        for w in tokens[j + 2 : j + 2 + thresholds.AIM_WORDS]:
            if w.text.lower() in CLAUSE_WORDS | LOCATIVES:
                break  # "on terrorist positions near Tabqa"
            if passage.text[w.end : w.end + 1] in ",;":
                aim.append(w)
                break
            aim.append(w)
        if any(w.entity and set(w.keys) & patient for w in aim) or any(
            w.text.lower() in PRONOUN_SUBJECTS | {"them", "him", "her"} for w in aim
        ):
            return None
        words = [w.text for w in aim if not w.stop]
        if words:
            others.append(" ".join(words[:3]))
    return others[0] if others else None


def _passive_doers(tokens: Sequence[Token], j: int) -> list[Token]:
    """Who did the passive act at token j: the names of the 'by' or 'from' phrase after it."""
    for k in range(j + 1, min(len(tokens), j + thresholds.PASSIVE_REACH)):
        if tokens[k].text.lower() in {"by", "from"}:
            return [t for t in tokens[k + 1 : k + thresholds.PASSIVE_REACH] if t.entity]
    return []


def only_against(claim: ClaimAnalysis, passage: PassageAnalysis) -> str | None:
    """'had only carried out strikes against ISIS': the act, restricted to another target."""
    if claim.act is None:
        return None
    act, _agent, patient = claim.act
    tokens = passage.tokens
    for j, t in enumerate(tokens):
        if t.entity or not act & set(expand(t.keys)):
            continue
        if not any(b.text.lower() == "only" for b in tokens[max(0, j - 3) : j]):
            continue
        target = next_content(tokens, j, +1)
        if target is not None and target.entity and not set(target.keys) & patient:
            return target.text
    return None


def doer_said(claim: ClaimAnalysis, passage: PassageAnalysis) -> bool:
    """A claim that someone did something to someone is told only by a sentence that names the
    doer (or says "it", "they", "we" for them, or is the doer speaking)."""
    assert claim.act is not None
    agent = claim.act[1]
    if agent & passage.keys or (passage.speaker and agent & passage.voice):
        return True
    return any(t.text.lower() in PRONOUN_SUBJECTS for t in passage.tokens)


def _side_of(tokens: Sequence[Token], j: int, step: int) -> Token | None:
    """The word next to an act, one way or the other; for the people of a side ("Russian
    forces struck", "struck SDF fighters"), the side's name."""
    word = next_content(tokens, j, step)
    if step > 0 and word is not None and word.entity:
        at = tokens.index(word)
        if at + 1 < len(tokens) and tokens[at + 1].text.lower() in DESCRIBING:
            word = next_content(tokens, at + 1, step)  # "bombed US-backed SDF": the SDF
    if word is None or word.entity or not set(expand(word.keys)) & PEOPLE_OF:
        return word
    at = tokens.index(word)
    name = tokens[at - 1] if step < 0 and at else None
    if step > 0:
        k = at - 1
        while k > j and tokens[k].stop:
            k -= 1
        name = tokens[k] if k > j else None
    return name if name is not None and name.entity else word


def next_content(tokens: Sequence[Token], j: int, step: int) -> Token | None:
    """The first word that is not a function word from token j on, one way or the other."""
    k = j + step
    while 0 <= k < len(tokens) and tokens[k].stop:
        k += step
    return tokens[k] if 0 <= k < len(tokens) else None


def other_subject(claim: ClaimAnalysis, passage: PassageAnalysis) -> str | None:
    """'several SDF fighters were wounded' does not say 'advisers were wounded', even when the
    sentence names advisers elsewhere: the subject of the passage's act, by its parse, is
    another common noun ("The inquiry into the accident will be led by ..." says the inquiry
    is led, not the accident)."""
    if claim.passive is None:
        return None
    subject_keys, verb_keys, subject, verb = claim.passive
    tokens = passage.tokens
    others = []
    for i, t in enumerate(tokens):
        if not verb_keys & set(expand(t.keys)) or not after_auxiliary(tokens, i):
            continue
        theirs = _subject_token(passage.text, tokens, i)
        if theirs is None or theirs.stop or subject_keys & set(expand(theirs.keys)):
            return None  # the claim's subject, or none written ("... but were not wounded")
        if head_of(subject, theirs.text):
            return None  # "girls" of the claim's "schoolgirls": the compound's head says it
        others.append(theirs.text)
    if not others:
        return None
    return f"the passage says {others[0]} were {verb}, not {subject}"


def head_of(compound: str, word: str) -> bool:
    """Whether ``word`` is the head of the closed compound ``compound`` (English puts it last):
    "girls" of "schoolgirls", "strikes" of "airstrikes"; at least three letters before it."""
    compound, word = compound.lower(), word.lower()
    return len(compound) >= len(word) + 3 and compound.endswith(word) and word.isalpha()


def possessor(tokens: Sequence[Token], i: int) -> frozenset[str] | None:
    """Whose "its" or "their" at token i is: the name the sentence opens with, when no other name
    stands between ("Russia's Defense Ministry said shells hit its own forces": Russia's forces).
    None when another name could own it ("The SDF said Russia shelled its positions")."""
    names = [k for k in range(i) if tokens[k].entity]
    if not names:
        return None
    first = last = names[0]
    while True:  # to the end of the name: "Russia's Ministry of Defense"
        if last + 1 < i and tokens[last + 1].entity:
            last += 1
        elif last + 2 < i and tokens[last + 1].text in NAME_JOINS and tokens[last + 2].entity:
            last += 2
        else:
            break
    if any(k > last for k in names):
        return None
    return frozenset(k for t in tokens[first : last + 1] if t.entity for k in t.keys)


def hit_targets(tokens: Sequence[Token], act: frozenset[str]) -> set[str]:
    """The keys of whom the sentence's acts are aimed at: the names right after "fired at",
    "struck", "shelled" (or the owner of "its own forces" there), and the names before a
    passive act in its clause ("Syrian troops ... have been shelled")."""
    out: set[str] = set()
    for j, t in enumerate(tokens):
        if not t.entity and act & set(expand(t.keys)):
            out.update(hit_by(tokens, j))
    return out


def hit_by(tokens: Sequence[Token], j: int) -> set[str]:
    """The keys of whom the act at token j is aimed at (see ``hit_targets``)."""
    out: set[str] = set()
    if _passive_at(tokens, j):
        for b in reversed(tokens[:j]):
            if b.text.lower() in CLAUSE_WORDS or is_speech_verb(b.text):
                break  # "X said that ..." : the speaker is not who was hit
            if b.entity:
                out.update(b.keys)
    k = j + 1 + (j + 1 < len(tokens) and tokens[j + 1].text.lower() in AIMS)
    for n in range(k, min(len(tokens), k + thresholds.AIM_WORDS)):
        w = tokens[n]
        low = w.text.lower()
        if low in CLAUSE_WORDS | LOCATIVES | {"by"}:
            break  # "... from positions held by", "near Tabqa": no longer whom it hit
        if w.entity:
            out.update(w.keys)
        elif low in POSSESSIVES:
            out.update(possessor(tokens, n) or ())
    return out


def sides(tokens: Sequence[Token]) -> tuple[tuple[frozenset[str], str, str], ...]:
    """Each name put with or against the subject by a preposition: (its keys, "alongside" or
    "against", the name as written). "alongside the US-backed SDF": the first name after it."""
    found = []
    for i, t in enumerate(tokens):
        word = t.text.lower()
        if t.entity:
            continue
        if word in WITH_SIDE or word in AGAINST_SIDE:
            side = "alongside" if word in WITH_SIDE else "against"
        elif FIGHT in expand(t.keys):
            side = "against"  # "fought the SDF": the name fought is the other side
        else:
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].text.lower() in NAME_DETERMINERS:
            j += 1
        if j < len(tokens) and tokens[j].entity:
            found.append((frozenset(tokens[j].keys), side, tokens[j].text))
    return tuple(found)


def other_side(claim: ClaimAnalysis, passage: PassageAnalysis) -> str | None:
    """'Malian troops fought against the KF' does not say they fought alongside it."""
    if not claim.sides:
        return None
    said = sides(passage.tokens)
    for keys, side, name in claim.sides:
        for their_keys, their_side, their_name in said:
            if keys & their_keys and side != their_side:
                return f"the claim has it {side} {name}, the passage {their_side} {their_name}"
    return None


def owned_phrases(tokens: Sequence[Token]) -> list[tuple[frozenset[str], tuple[str, ...]]]:
    """What a sentence calls someone's own: "Russia's ministry said mortars were fired at its own
    special forces" -> (Russia's keys, ("special", "forc")). The words are those after "its"
    ("own" aside) up to the next small word or name."""
    found = []
    for i, t in enumerate(tokens):
        if t.text.lower() not in POSSESSIVES:
            continue
        owner = possessor(tokens, i)
        if not owner:
            continue
        j = i + 1
        if j < len(tokens) and tokens[j].text.lower() == "own":
            j += 1
        words = []
        while j < len(tokens) and not tokens[j].stop and not tokens[j].entity:
            words.append(_head(tokens[j]))
            j += 1
        if words:
            found.append((owner, tuple(words)))
    return found


def names_owned(tokens: Sequence[Token], owner: frozenset[str], words: tuple[str, ...]) -> bool:
    """Whether a sentence names the owner's such things: "Russian special forces"."""
    n = len(words)
    for j, t in enumerate(tokens[: len(tokens) - n]):
        if (
            t.entity
            and owner & set(t.keys)
            and tuple(_head(w) for w in tokens[j + 1 : j + 1 + n]) == words
        ):
            return True
    return False


def _head(token: Token) -> str:
    return token.keys[0] if token.keys else token.text.lower()
