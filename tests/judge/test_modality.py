"""What would happen is not what happened. Self-made examples."""

from __future__ import annotations

from judging import each_rule_decides, stance

from dossier.models import Stance


def test_what_would_happen_is_not_what_happened() -> None:
    claim = "The KF opened fire on Russian troops near Tabqa."
    assert (
        stance(claim, "Any KF attempt to open fire on Russian troops near Tabqa would be met.")
        is None
    )


def test_a_claim_of_what_was_planned_is_backed_by_what_will_happen() -> None:
    claim = "The inquiry into the fire was to be led by the fire chief Jane Moreau."
    j = stance(claim, "The inquiry into the fire will be led by Jane Moreau, the fire chief.")
    assert j is not None and j.stance is Stance.SUPPORTS
    told = "The inquiry into the fire was led by the fire chief Jane Moreau."
    assert stance(told, "The inquiry into the fire will be led by Jane Moreau, the chief.") is None


def test_a_claim_that_says_may_is_backed_by_a_passage_that_says_may() -> None:
    claim = "Cutting saturated fat—found in meat and palm oil—may lower the risk of heart disease."
    j = stance(claim, claim)
    assert j is not None and j.stance is Stance.SUPPORTS


# --- each rule of the family, on a case it decides -------------------------------------------


test_each_rule_decides_its_own_case = each_rule_decides(
    [
        (
            "modality.supposed",
            "The KF opened fire on Russian troops near Tabqa.",
            "Any KF attempt to open fire on Russian troops near Tabqa would be met.",
            {},
            None,
        ),
    ]
)
