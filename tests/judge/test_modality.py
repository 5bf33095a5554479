"""What would happen is not what happened. Self-made examples."""

from __future__ import annotations

from judging import decided, each_rule_decides, explain, stance

from dossier.models import Stance


def test_what_would_happen_is_not_what_happened() -> None:
    claim = "The KF opened fire on Russian troops near Tabqa."
    assert (
        stance(claim, "Any KF attempt to open fire on Russian troops near Tabqa would be met.")
        is None
    )


def test_a_condition_after_the_act_is_the_threats_not_the_acts() -> None:
    claim = "The group posted a video threatening to kill Tom Baker."
    told = "The group posted a video threatening to kill Tom Baker if its demands were not met."
    j = stance(claim, told)
    assert j is not None and j.stance is Stance.SUPPORTS
    later = "The Lorem bridge will collapse if the rains go on."
    assert stance("The Lorem bridge collapsed.", later) is None


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
        (
            "modality.supposed-figure",
            "Turnout in the Lorem poll was 59.9%.",
            "Were turnout in the Lorem poll to fall below 59.4%, it would be the lowest.",
            {},
            None,
        ),
    ]
)


def test_a_figure_in_a_condition_is_no_report_of_it() -> None:
    claim = "Turnout in the Lorem poll was 59.9%."
    for supposed in (
        "If turnout in the Lorem poll stays at 59.8%, it would be the lowest.",
        "Had turnout in the Lorem poll been 61.2%, it would have set a record.",
    ):
        assert explain(claim, supposed).startswith("left out: the passage's"), supposed
    # a verb's "were ... to" is no inversion: "were reduced to 58.1%" reports it
    told = explain(claim, "Turnout in the Lorem poll was 58.1%, officials said.")
    assert told.startswith("conflicts"), told


def test_what_a_claim_says_was_advised_is_told_with_should() -> None:
    passage = (
        "The panel resolved by consensus to advise the minister that the Lorem dam should be"
        " closed to traffic."
    )
    advised = stance("The panel advised that the Lorem dam be closed to traffic.", passage)
    assert advised is not None and advised.stance is Stance.SUPPORTS


def test_what_no_one_knows_neither_backs_nor_contradicts() -> None:
    claim = "The meteorite disintegrated on impact near Lorem."
    passage = (
        "Experts said it was not clear whether the meteorite had disintegrated on impact near"
        " Lorem."
    )
    unknown = decided(claim, passage)
    assert (unknown.rule, getattr(unknown, "stance", None)) == ("modality.unknown", None)
    assert unknown.reason == "the passage says it is not known (“not clear whether”)"
    said = "Experts said the meteorite had disintegrated on impact near Lorem."
    assert getattr(stance(claim, said), "stance", None) is Stance.SUPPORTS


def test_who_cannot_verify_or_is_not_aware_of_a_thing_does_not_deny_it() -> None:
    claim = "Lorem fighters are flying captured jets in Tabqa."
    for passage in (
        "Reuters was not immediately able to verify that Lorem fighters fly captured jets in"
        " Tabqa.",
        "The army said it was not aware of Lorem fighters flying captured jets in Tabqa.",
    ):
        outcome = decided(claim, passage)
        assert outcome.rule == "modality.unknown", (passage, outcome)
    denied = stance(claim, "Lorem fighters are not flying captured jets in Tabqa, the army said.")
    assert denied is not None and denied.stance is Stance.CONFLICTS
    # "it has not been verified" looks back: it does not govern what the sentence goes on to say
    claim = "An audio recording of the Tabqa shooting has surfaced."
    opening = "While it has not been verified, an audio recording of the Tabqa shooting surfaced."
    assert getattr(stance(claim, opening), "stance", None) is Stance.SUPPORTS


def test_a_claim_that_someone_would_not_say_is_backed_by_their_not_confirming() -> None:
    claim = "Police chief Tom Hale would not say whether police were still searching for suspects."
    passage = (
        "At a press conference, police chief Tom Hale would not confirm whether police were "
        "still searching for suspects."
    )
    said = decided(claim, passage)
    assert getattr(said, "stance", None) is Stance.SUPPORTS, said


def test_what_a_passage_asks_it_neither_says_nor_denies() -> None:
    claim = "Lorem masks protect the wearer from the Tabqa virus."
    for passage in (
        "There is ongoing debate, however, whether Lorem masks protect the wearer from the Tabqa"
        " virus.",
        "Researchers asked whether Lorem masks protect the wearer from the Tabqa virus.",
    ):
        outcome = decided(claim, passage)
        assert (outcome.rule, getattr(outcome, "stance", None)) == ("modality.asked", None)
    # a "whether" clause that holds little of what the sentence says of the claim
    said = "Lorem masks protect the wearer from the Tabqa virus, whether worn indoors or out."
    assert getattr(stance(claim, said), "stance", None) is Stance.SUPPORTS
    # a claim that itself asks
    asked = "Researchers asked whether Lorem masks protect the wearer from the Tabqa virus."
    assert decided(asked, asked).rule != "modality.asked"


def test_what_a_passage_sets_as_a_condition_it_does_not_say() -> None:
    claim = "Tom Baker is opening a restaurant in Tabqa."
    for passage in (
        "If Tom Baker does open a restaurant in Tabqa, we will be surprised.",
        "Were Tom Baker to open a restaurant in Tabqa, we would be surprised.",
    ):
        outcome = decided(claim, passage)
        assert outcome.rule == "modality.conditional", (passage, outcome)
        assert not hasattr(outcome, "stance")
    # "as if", and a condition that holds little of what the sentence says, are no condition
    for passage in (
        "Tom Baker is opening a restaurant in Tabqa, as if nothing had happened.",
        "Tom Baker is opening a restaurant in Tabqa if the permit comes.",
    ):
        assert getattr(stance(claim, passage), "stance", None) is Stance.SUPPORTS, passage
    # "had" mid-sentence is no inverted condition ("Had he opened it, ...")
    had = "Tom Baker, who was away for six weeks, had opened a restaurant in Tabqa."
    outcome = decided("Tom Baker had opened a restaurant in Tabqa.", had)
    assert getattr(outcome, "stance", None) is Stance.SUPPORTS, outcome
    # a claim that is itself conditional
    supposed = "If Tom Baker opens a restaurant in Tabqa, it will be his first."
    assert decided(supposed, supposed).rule != "modality.conditional"


def test_the_verb_after_a_modal_is_the_claims_act() -> None:
    claim = "Lorem could release the kidnapped girls."
    outcome = decided(claim, "Protesters marched for the girls kidnapped by Lorem.")
    assert outcome.rule == "statements.verb-unsaid", outcome
    assert outcome.reason == "the passage does not say “release”"
    said = stance(claim, "Lorem could release the kidnapped girls within days.")
    assert getattr(said, "stance", None) is Stance.SUPPORTS, said
