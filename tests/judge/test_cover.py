"""What of a claim a sentence says: names across spellings and posts, synonyms, what the rules read
as saying a word. Self-made examples."""

from __future__ import annotations

import pytest
from judging import ANALYZER, explain, stance

from dossier.analysis.abbreviations import defined_in
from dossier.analysis.text import Analyzer
from dossier.judge import cover as cover_module
from dossier.judge.analyze import analyze_claim, analyze_passage
from dossier.judge.assess import judge
from dossier.judge.cover import cover, foreign_actor
from dossier.models import Stance


def test_name_variants_and_aliases_meet() -> None:
    j = stance(
        "Daesh shelled Deir ez-Zor airport.", "IS militants shelled the Deir al-Zour airport."
    )
    assert j is not None and j.stance is Stance.SUPPORTS


def test_initials_written_with_or_without_dots_meet() -> None:
    claim = "The inquiry into the fire was led by J.K. Moreau."
    j = stance(claim, "The inquiry into the fire was led by J K Moreau, the fire chief.")
    assert j is not None and j.stance is Stance.SUPPORTS
    assert stance(claim, "The inquiry into the fire was led by A J Moreau, the fire chief.") is None


def test_a_name_said_just_before_counts_as_said() -> None:
    j = stance(
        "More than 30 militants were killed when the KF repelled an IS attack on Tabqa.",
        "In total, about 40 militants were killed.",
        before="The KF repelled an IS attack on Tabqa on Monday.",
    )
    assert j is not None and j.stance is Stance.SUPPORTS


def test_the_groups_forces_are_the_forces_of_its_state() -> None:
    analyzer = Analyzer(
        {"Malian government": ["Bamako"], "Malian Army": ["Malian government forces"]}
    )
    c = analyze_claim("The KF was ordered to attack Malian government forces.", analyzer)
    p = analyze_passage("The KF was instructed not to act against Bamako forces.", analyzer, None)
    j = judge(c, p, frozenset())
    assert j is not None and j.stance is Stance.CONFLICTS


def test_a_ministry_speaks_for_its_state_but_the_state_is_not_the_ministry() -> None:
    analyzer = Analyzer(
        {"Russia": ["Moscow", "Russian"], "Russian Defence Ministry": ["Russian MoD"]}
    )
    state = analyze_claim("Russia bombed the KF.", analyzer)
    ministry = analyze_claim("The Russian Defence Ministry bombed the KF.", analyzer)
    by_ministry = analyze_passage("The Russian MoD bombed the KF.", analyzer, None)
    by_state = analyze_passage("Moscow bombed the KF.", analyzer, None)
    assert judge(state, by_ministry, frozenset()) is not None
    assert judge(ministry, by_state, frozenset()) is None


def test_the_announcement_of_the_sentence_before_carries_its_words() -> None:
    claim = "The KF launched its offensive against IS in Tabqa province on September 9."
    before = "The Kurdish Front announced that it launched an offensive on IS in Tabqa province."
    j = stance(
        claim,
        "The September 9 announcement came as Malian forces waged a separate push.",
        before=before,
    )
    assert j is not None and j.stance is Stance.SUPPORTS
    plain = "On September 9 Malian forces waged a separate push."
    assert stance(claim, plain, before=before) is None


def test_to_stop_and_to_abandon_are_one_act() -> None:
    j = stance("The KF has abandoned the siege of Tabqa.", "The KF halted the siege of Tabqa.")
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_word_bound_to_another_name_does_not_count() -> None:
    claim = "Malian troops broke the siege of Tabqa."
    assert stance(claim, "The KF halted the siege of Gao to hamper Malian troops in Tabqa.") is None
    j = stance(claim, "Malian troops have broken the siege of Tabqa.")
    assert j is not None and j.stance is Stance.SUPPORTS


def test_lifting_a_blockade_is_breaking_a_siege_but_lifting_is_not_breaking() -> None:
    claim = "Malian troops have broken the siege of Tabqa."
    lifted = "Fighting grew after the lifting of the blockade of Tabqa by Malian troops."
    j = stance(claim, lifted)
    assert j is not None and j.stance is Stance.SUPPORTS
    j = stance(claim, "Malian troops ended a three-year siege of Tabqa on Monday.")
    assert j is not None and j.stance is Stance.SUPPORTS
    rules = "Malian troops have lifted the rules in Tabqa."
    assert explain("Malian troops have broken the rules in Tabqa.", rules) == (
        "left out: the passage does not say “broken”"
    )


def test_forces_working_alongside_others_are_deployed_there() -> None:
    claim = "Russia has deployed special forces alongside Malian troops near Tabqa."
    working = "Malian soldiers working alongside Russian special forces near Tabqa came under fire."
    j = stance(claim, working)
    assert j is not None and j.stance is Stance.SUPPORTS
    planning = "Russian special forces are working on a plan with Malian troops near Tabqa."
    assert explain(claim, planning) == "left out: the passage does not say “deployed”"
    others = "Niger has thousands of special forces fighting alongside Malian troops near Tabqa."
    assert explain(claim, others, article="Russia sent help.", topic="Russia") == (
        "left out: the passage does not say “deployed”"  # Niger's forces, not Russia's
    )


def test_doing_something_instead_of_fighting_for_a_place_is_neglecting_that_fight() -> None:
    claim = "The KF neglected the fight for Tabqa."
    j = stance(claim, "KF units are resting in Gao instead of liberating Tabqa.")
    assert j is not None and j.stance is Stance.SUPPORTS
    assert stance(claim, "KF units are resting in Gao instead of visiting Tabqa.") is None
    assert stance(claim, "KF units are resting in Tabqa instead of liberating Gao.") is None


def test_telling_what_any_attempt_will_meet_is_delivering_a_warning() -> None:
    claim = "Russia said it had delivered its warning to the KF."
    said = ", Russian general Ivan Petrov said."
    told = '"The KF was told that any attempts to open fire would be shut down"'
    j = stance(claim, told + said)
    assert j is not None and j.stance is Stance.SUPPORTS, j
    assert stance(claim, '"The KF was told that the bridge would be shut down"' + said) is None


def test_troops_fired_at_are_troops_deployed_there() -> None:
    claim = "Russia has deployed special forces near Tabqa."
    passage = (
        "Russia said mortars had been fired at its own special forces near Tabqa from positions"
        " held by US troops."
    )
    j = stance(claim, passage)
    assert j is not None and j.stance is Stance.SUPPORTS, j
    assert stance(claim, "Russia said mortars had been fired near Tabqa.") is None
    j = stance("The US has deployed special forces near Tabqa.", passage)
    assert j is None or j.stance is not Stance.SUPPORTS  # fired from, not at
    # The US troops are not the claim's forces: Russia's own are, so it is not the US's act.
    claim = "Russia has deployed special forces alongside Malian troops near Tabqa."
    j = stance(claim, passage, before="Malian troops advanced on Tabqa.")
    assert j is not None and j.stance is Stance.SUPPORTS, j


def test_a_name_joined_to_the_claims_is_a_partner_not_another_actor() -> None:
    russia = {k for t in ANALYZER.tokens("Russia") for k in t.keys}

    def actor(sentence: str) -> str | None:
        passage = analyze_passage(sentence, ANALYZER, None)
        j = next(i for i, t in enumerate(passage.tokens) if t.text == "airstrikes")
        return foreign_actor(russia, passage, j)

    assert actor("The commander blamed Syria for alleged airstrikes on the SDF.") == "Syria"
    assert actor("The commander blamed Russia and Syria for alleged airstrikes on the SDF.") is None


def test_a_place_a_distance_is_measured_from_is_not_where_it_was() -> None:
    claim = "The first death, a Lorem man aged 41, occurred in Ipsum City."
    passage = (
        "The victim was a 41-year-old Lorem man from Dolor, about 300 miles north of Ipsum City."
    )
    article = "Officials in Ipsum City said the outbreak was spreading."
    assert explain(claim, passage, article) == (
        "left out: the sentence names Ipsum City only as where a distance is measured from"
    )
    near = "The victim, 41, was a Lorem man from Ipsum City."
    j = stance(claim, near, article)
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_name_that_only_classifies_a_figures_noun_may_be_left_to_the_setting() -> None:
    claim = "The Greens won an outright Lorem majority of 174."
    article = "The Greens won the election."
    j = stance(claim, "With one seat left, the Greens can boast a majority of 176 MPs.", article)
    assert j is not None and j.stance is Stance.CONFLICTS, j
    # a name that says who did it may not be left out
    doer = stance("Ipsum won a majority of 176.", "The party can boast a majority of 176 MPs.")
    assert doer is None


def test_an_alias_phrase_is_said_by_its_head_noun_with_another_of_its_words() -> None:
    analyzer = Analyzer({"public safety emergency of regional concern": ["PSERC"]})
    claim = analyze_claim(
        "The council classed the flood as a public safety emergency of regional concern.", analyzer
    )

    def said(text: str) -> bool:
        passage = analyze_passage(text, analyzer, None)
        found = cover(claim, passage, frozenset(), frozenset(), frozenset()).said
        return any(" " in t.text for t in found)

    assert said("The council classed the flood as a local safety emergency.")
    assert said("The council classed the flood as a PSERC.")
    # the head alone, or its other words without it, is not the phrase
    assert not said("The council classed the flood as an emergency.")
    assert not said("The council classed the flood as a public safety concern.")


def test_a_name_is_asked_of_the_parse_only_where_it_may_classify_a_noun(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_parse(text: str) -> frozenset[str]:
        raise AssertionError(f"parsed {text!r}")

    monkeypatch.setattr(cover_module, "classifiers", no_parse)
    # a name before its verb needs no parse (the parser takes a second to load)
    assert not cover_module._classifies("The Lorem Front controls 90% of Ipsum.", "Front")
    assert not cover_module._classifies("Lorem won 174 seats.", "Lorem")


def test_an_abbreviation_the_claim_defines_says_its_long_form() -> None:
    claim = "The medullary thymic epithelial cells (mTECs) need the protein to mature."
    j = stance(claim, "The mTECs need the protein to mature.")
    assert j is not None and j.stance is Stance.SUPPORTS
    assert stance(claim.replace(" (mTECs)", ""), "The mTECs need the protein to mature.") is None


ARTICLE_DEFINES = [
    # (the article's sentence that defines it, claim, passage)
    (
        "Medullary thymic epithelial cells (mTECs) line the thymus.",
        "The medullary thymic epithelial cells need the protein to mature.",
        "The mTECs need the protein to mature.",
    ),
    (
        "Lorem ipsum oxidase (LIO) is an enzyme.",
        "Lorem ipsum oxidase lowers the risk of heart attacks.",
        "LIO lowers the risk of heart attacks in adults.",
    ),
    (
        "Lorem ipsum oxidase (LIO) is an enzyme.",
        "Lorem ipsum oxidase lowers the risk of heart attacks.",
        "In adults, LIO lowers the risk of heart attacks.",  # a name inside the sentence
    ),
]


@pytest.mark.parametrize(("definition", "claim", "passage"), ARTICLE_DEFINES)
def test_an_abbreviation_its_article_defines_says_its_long_form(
    definition: str, claim: str, passage: str
) -> None:
    defined = defined_in(definition, ANALYZER.tokens(definition))
    c = analyze_claim(claim, ANALYZER)
    names = frozenset(k for t in ANALYZER.tokens(definition) if t.entity for k in t.keys)
    j = judge(c, analyze_passage(passage, ANALYZER, None, defined=defined), names)
    assert j is not None and j.stance is Stance.SUPPORTS
    assert judge(c, analyze_passage(passage, ANALYZER, None), names) is None


def test_a_name_opening_the_claim_is_said_by_the_same_name_in_the_passage() -> None:
    # the first word of a sentence is no name by its capital alone; "LRP7" is by its digit
    claim = "LRP7 expression is associated with poor prognosis in lorem cancer."
    j = stance(
        claim, "In 577 tumours, expression of LRP7 correlated with poor prognosis in lorem cancer."
    )
    assert j is not None and j.stance is Stance.SUPPORTS and "LRP7" in j.reason
    # a common word opening the claim is not said by a name: "Air" of "Lorem Air Force"
    c = analyze_claim("Air strikes hit the port.", ANALYZER)
    p = analyze_passage("The Lorem Air Force hit the port.", ANALYZER, None)
    air = next(t for t in c.terms if t.text == "Air")
    assert cover_module._hits(c, air, p) == []
