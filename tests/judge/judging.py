"""What the judge's tests share: a small alias table, and one claim judged against one passage
as a build would, with what is known of the passage's article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from dossier.analysis.text import Analyzer
from dossier.judge.analyze import analyze_claim, analyze_passage
from dossier.judge.assess import assess, judge
from dossier.judge.outcome import Judgment, LeftOut
from dossier.models import Stance

ALIASES = {
    "Islamic State": ["IS", "ISIS", "Daesh"],
    "Kurdish Front": ["KF"],
    "Russia": ["Russian", "Moscow"],
    "United States": ["US", "U.S.", "American"],
    "Mali": ["Malian"],
    "Niger": ["Nigerien"],
}
ANALYZER = Analyzer(ALIASES)


def stance(
    claim: str,
    passage: str,
    article: str = "",
    before: str = "",
    published: int | None = None,
) -> Judgment | None:
    """``before``: the sentences just before the passage; ``published``: its article's year."""
    c = analyze_claim(claim, ANALYZER)
    p = analyze_passage(passage, ANALYZER, None)
    doc = analyze_passage(" ".join([article, before, passage]), ANALYZER, None)
    entity_keys = frozenset(k for t in doc.tokens if t.entity for k in t.keys)
    context = analyze_passage(before, ANALYZER, None).keys
    return judge(c, p, entity_keys, context, published)


def decided(
    claim: str,
    passage: str,
    article: str = "",
    before: str = "",
    topic: str = "",
    published: int | None = None,
    published_on: dt.date | None = None,
) -> Judgment | LeftOut:
    """The judge's outcome, whether it cites the passage or leaves it out, with the rule that
    decided; ``topic``: the names its article is about."""
    doc = analyze_passage(" ".join([article, before, passage]), ANALYZER, None)
    return assess(
        analyze_claim(claim, ANALYZER),
        analyze_passage(passage, ANALYZER, None),
        frozenset(k for t in doc.tokens if t.entity for k in t.keys),
        analyze_passage(before, ANALYZER, None).keys,
        published_on.year if published_on else published,
        frozenset(k for t in ANALYZER.tokens(topic) if t.entity for k in t.keys),
        published_on,
    )


def explain(claim: str, passage: str, article: str = "", before: str = "", topic: str = "") -> str:
    """The judge's reason, whether it cites the passage or leaves it out; ``topic``: the names
    its article is about."""
    verdict = decided(claim, passage, article, before, topic)
    return f"{getattr(verdict, 'stance', 'left out')}: {verdict.reason}"


# A case a rule decides: (rule, claim, passage, what is known of the article, stance or None).
RuleCase = tuple[str, str, str, dict[str, Any], Stance | None]


def each_rule_decides(cases: list[RuleCase]) -> Callable[..., None]:
    """A test that each case is decided by its rule, with its stance (None: left out); ``known``
    holds ``decided``'s keywords (``article``, ``before``, ``topic``, ``published``)."""

    @pytest.mark.parametrize(("rule", "claim", "passage", "known", "expected"), cases)
    def test(
        rule: str, claim: str, passage: str, known: dict[str, Any], expected: Stance | None
    ) -> None:
        outcome = decided(claim, passage, **known)
        assert (outcome.rule, getattr(outcome, "stance", None)) == (rule, expected), outcome

    return test
