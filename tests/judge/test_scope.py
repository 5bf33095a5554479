"""Whether a passage can speak to a claim at all: content, and the claim's speaker. Self-made
examples."""

from __future__ import annotations

from judging import each_rule_decides, stance

from dossier.models import Stance


def test_a_claim_phrased_as_someones_claim_needs_that_speaker() -> None:
    claim = "Amaq claimed that three Russian soldiers were killed near Tabqa."
    j = stance(claim, "The news agency Amaq has claimed killing of 3 Russian soldiers near Tabqa.")
    assert j is not None and j.stance is Stance.SUPPORTS
    assert j.speaker == "The news agency Amaq"
    assert (
        stance(claim, "Three Russian soldiers were killed near Tabqa, the ministry said.") is None
    )


# --- each rule of the family, on a case it decides -------------------------------------------


test_each_rule_decides_its_own_case = each_rule_decides(
    [
        ("scope.no-content", "It was there.", "It was there.", {}, None),
        (
            "scope.speaker",
            "Amaq claimed that three Russian soldiers were killed near Tabqa.",
            "Three Russian soldiers were killed near Tabqa, the ministry said.",
            {},
            None,
        ),
    ]
)
