"""The judge's registry: every rule says what it decides with an example, sits in the one order,
lives in the module of its family, and is named by a test."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.judge import registry
from dossier.judge.measure import SET_ASIDE
from dossier.judge.polarity import DENIAL_CLAUSE
from dossier.judge.registry import ORDER, Rule, Stage, rule
from dossier.judge.rules import RULES

TESTS = Path(__file__).parents[1]
COUNTERS = (SET_ASIDE, DENIAL_CLAUSE)  # rules that cite a clause of a judged sentence apart


def _tests_text() -> str:
    """Every test module but this one, as one text."""
    here = Path(__file__).resolve()
    paths = sorted(p for p in TESTS.rglob("*.py") if p.resolve() != here)
    return "\n".join(p.read_text(encoding="utf-8") for p in paths)


@pytest.mark.parametrize("judged", RULES, ids=lambda r: r.name)
def test_every_rule_says_what_it_decides_with_an_example(judged: Rule) -> None:
    assert judged.doc, f"the rule {judged.name} has no docstring"
    assert any(q in judged.doc for q in '"“'), f"the docstring of {judged.name} quotes no example"


@pytest.mark.parametrize("name", [*ORDER, *COUNTERS])
def test_every_rule_is_named_by_a_test(name: str) -> None:
    assert f'"{name}"' in _tests_text(), f"no test under tests/ names the rule {name}"


def test_the_rules_are_asked_in_the_one_order_each_in_its_familys_module() -> None:
    assert [r.name for r in RULES] == list(ORDER)
    for judged in RULES:
        family = judged.name.split(".")[0]
        assert judged.decide.__module__ == f"dossier.judge.rules.{family}", judged.name


def test_a_rule_registered_but_not_ordered_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_REGISTERED", dict(registry._REGISTERED))
    rule("scope.unordered", Stage.SCOPE)(lambda case: None)
    with pytest.raises(ValueError, match=r"rules not in ORDER: \['scope\.unordered'\]"):
        registry.ordered()
    with pytest.raises(ValueError, match=r"two rules are named 'scope\.unordered'"):
        rule("scope.unordered")(lambda case: None)
