"""The judge's rules, registered by name, and the one order in which they are asked.

A rule is a small function of a ``Case`` that returns a ``Judgment`` (the passage supports or
conflicts with the claim), a ``LeftOut`` (it is not evidence, and why), or None (no opinion: the
next rule is asked). ``assess`` asks the rules in ``ORDER``; the first answer decides, and the
evidence records the rule's name. A rule's docstring says what it decides, with an example::

    @rule("figures.agree", Stage.FIGURES)
    def agree(case: Case) -> Judgment | None:
        '''The passage's figure measures what the claim's does and agrees with it:
        "about 2,000 US troops" supports "The US has 2,000 troops in Syria".'''
        ...

Adding a rule: write it in the module of its family (``dossier/judge/rules/``), put its name
in ``ORDER`` where it is to be asked, and name it in a test (``tests/judge/test_<family>.py``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache

from dossier.judge.case import Case
from dossier.judge.outcome import Judgment, LeftOut

Decide = Callable[[Case], Judgment | LeftOut | None]


class Stage(StrEnum):
    """Which claims a rule is asked about."""

    SCOPE = "scope"  # every claim
    FIGURES = "figures"  # a claim with a figure: judged by its figures
    STATEMENTS = "statements"  # a claim without one: judged by its words and names


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    stage: Stage
    decide: Decide

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.decide) or ""

    def applies(self, case: Case) -> bool:
        if self.stage is Stage.SCOPE:
            return True
        return bool(case.claim.figures) == (self.stage is Stage.FIGURES)


_REGISTERED: dict[str, Rule] = {}


def rule(name: str, stage: Stage = Stage.SCOPE) -> Callable[[Decide], Decide]:
    """Register a rule under ``name`` ("family.what-it-decides")."""

    def register(decide: Decide) -> Decide:
        if name in _REGISTERED:
            raise ValueError(f"two rules are named {name!r}")
        _REGISTERED[name] = Rule(name, stage, decide)
        return decide

    return register


ORDER: tuple[str, ...] = (
    # Whether the passage can speak to the claim at all.
    "scope.no-content",
    "scope.aim",
    "scope.method",
    "scope.quote-of-another",
    "scope.speaker",
    "scope.talk",
    "actors.other-side",
    # A claim with a figure: the figures decide.
    "contrast.figure",
    "figures.reidentified",
    "figures.exclusive-shares",
    "figures.other-owner",
    "figures.missing-name",
    "figures.coverage",
    "figures.floor-not-final",
    "figures.later-lower-tally",
    "figures.same-value",
    "figures.same-measure",
    "modality.supposed-figure",
    "figures.unsettled",
    "figures.one-day",
    "figures.owned-by-another",
    "figures.another-year",
    "figures.interim",
    "figures.agree",
    "figures.later-lower",
    "figures.another-day",
    "figures.grown-tally",
    "figures.described-other",
    "figures.elsewhere",
    "figures.disagree",
    # A claim without one: who did what to whom, then what the sentence says of it.
    "statements.other-rank",
    "actors.other-holder",
    "statements.withheld",
    "statements.word-coverage",
    "statements.other-fate",
    "statements.weaker-article",
    "statements.opposite-word",
    "statements.verb-unsaid",
    "statements.subject-unsaid",
    "actors.other-subject",
    "actors.another-subject",
    "actors.reversed-roles",
    "modality.supposed",
    "modality.unknown",
    "modality.asked",
    "modality.conditional",
    "actors.exclusive-act",
    "actors.other-actor",
    "actors.only-against",
    "actors.other-target",
    "actors.doer-unsaid",
    "names.target-unsaid",
    "names.unsaid",
    "statements.missing-name",
    "statements.coverage",
    "statements.speaker-affirms",
    "statements.denial-unreported",
    "contrast.unanswered",
    "contrast.answered-otherwise",
    "statements.other-direction",
    "statements.other-grade",
    "statements.other-way",
    "statements.reports-denial",
    "statements.denies",
    "statements.denied-unsaid",
    "statements.talk-denied",
    "statements.negates",
    "statements.states",
)


def ordered() -> tuple[Rule, ...]:
    """The registered rules in ``ORDER``; an error when a rule is registered and not ordered,
    or ordered and not registered."""
    unordered = sorted(set(_REGISTERED) - set(ORDER))
    missing = sorted(set(ORDER) - set(_REGISTERED))
    if unordered or missing:
        raise ValueError(f"rules not in ORDER: {unordered}; in ORDER, not registered: {missing}")
    return tuple(_REGISTERED[name] for name in ORDER)


def decide(case: Case, after: str | None = None) -> Judgment | LeftOut:
    """The first answer of the rules in ``ORDER`` (those after the rule named ``after``, when
    given) that apply to the case, with the name of the rule that gave it."""
    rules = _ordered()
    start = 0 if after is None else [r.name for r in rules].index(after) + 1
    for each in rules[start:]:
        if each.applies(case):
            outcome = each.decide(case)
            if outcome is not None:  # named by the rule that gave it, if it asked further
                return outcome if outcome.rule else replace(outcome, rule=each.name)
    raise AssertionError("the last rule of each stage always decides")


@cache
def _ordered() -> tuple[Rule, ...]:
    return ordered()
