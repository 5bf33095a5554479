"""Who did what to whom (``dossier.judge.acts``): a claim that one side did something to
another is backed only by a sentence that gives the act to that doer and that target, with
that side and not against it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from dossier.analysis.parse import doer_span, is_passive, is_verb, main_actor
from dossier.analysis.text import Token, expand, is_name
from dossier.judge.acts import (
    doer_said,
    only_against,
    other_side,
    other_subject,
    other_target,
    reversed_roles,
)
from dossier.judge.analyses import PassageAnalysis, Term
from dossier.judge.case import Case
from dossier.judge.outcome import Judgment, LeftOut, left_out
from dossier.judge.registry import Stage, rule
from dossier.lexicon import thresholds
from dossier.lexicon.synonyms import EXCLUSIVE_ACTS
from dossier.lexicon.words import SOLE_POSTS
from dossier.models import Stance


@rule("actors.other-side")
def other_side_(case: Case) -> LeftOut | None:
    """ "Malian troops fought against the KF" does not say they fought alongside it."""
    return left_out(other_side(case.claim, case.passage))


@rule("actors.other-subject", Stage.STATEMENTS)
def other_subject_(case: Case) -> LeftOut | None:
    """ "several SDF fighters were wounded" does not say "Coalition advisers were wounded", even
    when the sentence names advisers elsewhere."""
    return left_out(other_subject(case.claim, case.passage))


@rule("actors.another-subject", Stage.STATEMENTS)
def another_subject(case: Case) -> LeftOut | None:
    """A sentence that names none of the claim's names, and whose main act is done by a name
    the claim does not have, is about that one: "Parent firm Acme recently announced 11,000
    job cuts, the largest in the company's history" says nothing of Globex's cuts being the
    largest in its history. (A sentence that reports what someone said is read for what it
    reports, and a speaker who speaks for the claim's names speaks of them.)"""
    passage, names = case.passage, case.claim_names
    if not names or names & (passage.keys | passage.voice):
        return None
    if not any(is_name(t) for t in passage.tokens):
        return None  # (the parser is loaded only for a sentence that names someone)
    span = main_actor(passage.text)
    if span is None:
        return None
    actors = [t for t in passage.tokens if t.start < span[1] and span[0] < t.end and is_name(t)]
    if not actors:
        return None
    return LeftOut(f"the sentence is about {actors[-1].text}, whom the claim does not name")


@rule("actors.reversed-roles", Stage.STATEMENTS)
def reversed_roles_(case: Case) -> LeftOut | None:
    """ "The SDF shelled government positions" does not say "Russia bombed the SDF": the name
    before the act is the one the claim has on the receiving end."""
    return left_out(reversed_roles(case.claim, case.passage))


@rule("actors.exclusive-act", Stage.STATEMENTS)
def exclusive_act(case: Case) -> Judgment | None:
    """Killing someone and holding a place have one actor: a passage that gives the act to
    someone else conflicts ("IS controls the dam" against "The SDF controls the dam")."""
    actor, coverage = case.actor, case.cover.coverage
    exclusive = any(k in EXCLUSIVE_ACTS for t in case.claim.terms for k in t.keys)
    if actor is None or not exclusive or coverage < thresholds.MIN_COVERAGE_STATEMENT:
        return None
    if not _does_it(case.passage, actor):
        return None  # the act is a noun ("the death of the leader of ..."), or done by another
    return Judgment(
        stance=Stance.CONFLICTS,
        reason=f"claim says {', '.join(case.cover.absent)}, passage says {actor}",
        speaker=case.passage.speaker,
        figures=[],
        highlights=[],
        score=round(coverage, 4),
    )


def _does_it(passage: PassageAnalysis, actor: str) -> bool:
    """Whether the sentence's parse lets ``actor`` be who does its one-actor act: the act is a
    verb ("a US strike *killed* ..."; not "the *death* of the leader of al-Shabaab"), and the
    actor is in its subject or "by" phrase where the parse shows one. A passive with no "by"
    phrase gives the act to no one ("the gunman at Parliament's Centre Block was shot")."""
    text, tokens = passage.text, passage.tokens
    acts = [t for t in tokens if set(expand(t.keys)) & EXCLUSIVE_ACTS]
    at = text.find(actor)
    for t in acts:
        if not is_verb(text, t.start):
            continue
        doer = doer_span(text, t.start)
        if doer is None and is_passive(text, t.start):
            continue
        if doer is None or doer[0] <= at < doer[1]:
            return True
    return False


@rule("actors.other-actor", Stage.STATEMENTS)
def other_actor(case: Case) -> LeftOut | None:
    """The passage gives the claim's act to someone else, and both can be true: "Iran sent
    advisers to Syria" says nothing of "Russia sent advisers to Syria"."""
    if case.actor is None:
        return None
    return LeftOut(f"the passage gives it to {case.actor}, not {', '.join(case.cover.absent)}")


@rule("actors.only-against", Stage.STATEMENTS)
def only_against_(case: Case) -> Judgment | LeftOut | None:
    """Doing it only to another target denies doing it to the claim's: "Russia said it had only
    carried out strikes against ISIS" conflicts with "Russia bombed the SDF" (and backs a claim
    that Russia denied it). The sentence must say who did it."""
    claim, passage = case.claim, case.passage
    target = only_against(claim, passage)
    if target is None:
        return None
    if not doer_said(claim, passage):
        return LeftOut(f"the sentence does not say that {claim.act_agent} did it")
    reason = f"the passage says it was done only to {target}"
    return Judgment(
        stance=Stance.SUPPORTS if claim.denial else Stance.CONFLICTS,
        reason=reason + (": a denial" if claim.denial else ""),
        speaker=passage.speaker,
        figures=[],
        highlights=[],
        score=round(case.cover.coverage, 4),
    )


@rule("actors.other-target", Stage.STATEMENTS)
def other_target_(case: Case) -> LeftOut | None:
    """ "a cruise missile strike on terrorist positions" is a strike on someone else than the
    claim's target: it does not say "Russia bombed the SDF"."""
    aimed = other_target(case.claim, case.passage)
    return LeftOut(f"the passage has it done to {aimed}") if aimed is not None else None


@rule("actors.doer-unsaid", Stage.STATEMENTS)
def doer_unsaid(case: Case) -> LeftOut | None:
    """A claim that someone did something to someone is told only by a sentence that names the
    doer (or says "it", "they", "we" for them, or is the doer speaking): "The SDF was bombed"
    does not say "Russia bombed the SDF"."""
    claim = case.claim
    if claim.act is None or doer_said(claim, case.passage):
        return None
    return LeftOut(f"the sentence does not say that {claim.act_agent} did it")


@rule("actors.other-holder", Stage.STATEMENTS)
def other_holder(case: Case) -> Judgment | None:
    """A post one person holds at a time, said with another holder doing the claim's act,
    conflicts: "the firm's CEO Ana Ruiz resigned" against "Lorem CEO Tom Hale resigned", when
    the sentence does not name Ruiz at all and says the claim's other names. The reason names
    both."""
    claim, passage = case.claim, case.passage
    ours = _holders([(t.text, t.keys) for t in claim.terms])
    if not ours:
        return None
    words = [(t.text, frozenset(t.keys)) for t in passage.tokens if not t.stop]
    # the claim's other names, as written in capitals (the firm whose post it is)
    names = {k for t in claim.terms if t.text[:1].isupper() and not t.timing for k in t.keys}
    for post, person, name, acts in ours:
        if person & passage.keys:
            return None  # the sentence names the claim's holder: it may say both
        others = names - name - {k for t in claim.terms if t.text == post for k in t.keys}
        if others and not others & case.place_keys:
            continue
        for other_post, other, _, their_acts in _holders(words):
            if not _titled(passage.text, other_post, _written(passage.tokens, other)):
                continue  # ("the Somali president said the U.S. operation ...": no holder)
            if other_post.lower() == post.lower() and acts & their_acts:
                return Judgment(
                    stance=Stance.CONFLICTS,
                    reason=f"claim: {post} {_written(claim.terms, person)}; passage: "
                    f"{other_post} {_written(passage.tokens, other)}, another holder of the post",
                    speaker=passage.speaker,
                    figures=[],
                    highlights=[],
                    score=round(case.cover.coverage, 4),
                )
    return None


_NAME_WORDS = 3  # capitalised words after a post that name its holder ("CEO Ana M. Ruiz")
_ACT_REACH = 2  # content words after the name where the holder's act is looked for


def _holders(
    words: Sequence[tuple[str, frozenset[str]]],
) -> list[tuple[str, frozenset[str], frozenset[str], frozenset[str]]]:
    """Each sole post written before its holder's name (content words, in order), as written,
    with the keys of the name's last word, of its whole name and of the words just after it:
    "CEO Ana Ruiz resigned" -> ("CEO", Ruiz, Ana Ruiz, {resign, ...})."""
    out = []
    for i, (text, _) in enumerate(words):
        if text.lower() not in SOLE_POSTS:
            continue
        j = i + 1
        while j < len(words) and j <= i + _NAME_WORDS and words[j][0][:1].isupper():
            j += 1
        if j == i + 1:
            continue
        acts = frozenset(k for _, keys in words[j : j + _ACT_REACH] for k in expand(sorted(keys)))
        out.append(
            (text, words[j - 1][1], frozenset(k for _, ks in words[i + 1 : j] for k in ks), acts)
        )
    return out


def _titled(text: str, post: str, name: str) -> bool:
    """Whether the text writes the post right before the name, capitalised words between
    ("President Hassan Sheikh Mohamud"), not another word ("president said the U.S.")."""
    between = r",?\s+(?:[A-Z][\w.'’-]*\s+){0," + str(_NAME_WORDS) + "}"
    return bool(name) and re.search(re.escape(post) + between + re.escape(name), text) is not None


def _written(words: Sequence[Term | Token], person: frozenset[str]) -> str:
    return next((w.text for w in words if person & set(w.keys)), "")
