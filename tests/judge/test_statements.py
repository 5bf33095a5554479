"""Claims without a figure: coverage of the claim, then the polarity of what the sentence says.
Self-made examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from judging import ANALYZER, decided, each_rule_decides, explain, stance

from dossier.corpus.read import load_corpus
from dossier.judge.analyze import analyze_claim, analyze_passage
from dossier.judge.assess import judge
from dossier.judge.match import Matcher
from dossier.judge.outcome import Judgment
from dossier.models import Claim, Stance


def test_a_denial_conflicts_with_what_it_denies() -> None:
    j = stance(
        "Russian jets bombed the Kurdish Front near Tabqa.",
        "Moscow denied reports that its jets bombed the Kurdish Front near Tabqa.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "passage denies it (“denied”)"


def test_a_claim_about_the_denial_is_backed_by_the_denial() -> None:
    claim = "Russia denied bombing the Kurdish Front."
    j = stance(claim, "Moscow denied reports that its jets bombed the Kurdish Front near Tabqa.")
    assert j is not None and j.stance is Stance.SUPPORTS
    assert (
        stance(claim, "Russian jets bombed the Kurdish Front near Tabqa, officials said.") is None
    )


def test_a_negated_passage_conflicts() -> None:
    j = stance(
        "Foreign advisers were wounded in the strike.",
        "Foreign advisers were present but were not wounded in the strike.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "passage negates it (“not”)"


def test_shared_words_without_the_claims_content_are_not_evidence() -> None:
    assert (
        stance(
            "The Kurdish Front is coordinating with Russia.",
            "The Kurdish Front accused Russia of shelling its positions.",
        )
        is None
    )


def test_the_verb_after_an_auxiliary_must_be_said() -> None:
    claim = "Russian and KF ground forces in Tabqa are speaking directly with each other."
    passage = "The deployment raises the specter of a direct clash on the ground in Tabqa "
    assert stance(claim, passage + "between Russian and KF forces.") is None


def test_a_relational_participle_is_said_by_the_words_it_relates() -> None:
    claim = "Susceptibility to severe mould allergy is associated with genetics."
    passage = "The survey found genetic loci of susceptibility to severe mould allergy."
    j = stance(claim, passage)
    assert j is not None and j.stance is Stance.SUPPORTS
    assert j.rule == "statements.states"
    # An act is still an act: "were shelled" must be said.
    assert stance("Farms near Tabqa were shelled.", "Farms near Tabqa were visited.") is None


def test_an_accusation_and_its_denial_in_one_sentence_are_cited_apart() -> None:
    text = "The KF accused Russia of bombing its fighters near Tabqa, a claim Moscow denied."
    j = stance("Russia bombed KF fighters near Tabqa.", text)
    assert j is not None and j.stance is Stance.SUPPORTS
    assert j.counter is not None
    start, end, reason, _ = j.counter
    assert text[start:end] == "a claim Moscow denied"
    assert reason == "the passage reports a denial (“denied”)"


def test_a_quote_that_goes_on_keeps_what_was_said_before() -> None:
    claim = "The KF is coordinating its offensive against IS with Russia."
    j = stance(
        claim,
        '"We are not coordinating with Russia."',
        before="The KF offensive against IS goes on.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert (
        stance(
            "Russia bombed the KF.",
            '"We are not coordinating with Russia."',
            before="The KF was bombed.",
        )
        is None
    )


def test_the_reason_lists_words_in_one_order_whatever_the_hash_seed() -> None:
    j = stance(
        "Apple growers in Raqqa sold apples.", "Apple and apple growers sold apples in Raqqa."
    )
    assert j is not None
    assert j.reason == "passage states it: Apple, apple, apples, growers, Raqqa, sold"


def test_a_negation_governs_only_what_it_says_first() -> None:
    claim = "The price covers the cost of the gold case."
    passage = "The price covers the cost of the gold case and does not leave Apple selling gold."
    j = stance(claim, passage)
    assert j is not None and j.stance is Stance.SUPPORTS


def test_control_of_a_place_names_the_place_not_who_controls_it() -> None:
    claim = "IS militants are attempting to seize control of the Malian capital."
    j = stance(claim, claim)
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_negation_in_an_opening_clause_ends_at_its_comma() -> None:
    claim = "An audio recording of the Tabqa shooting has surfaced."
    opening = "While it has not been verified, an audio recording of the Tabqa shooting surfaced."
    j = stance(claim, opening)
    assert j is not None and j.stance is Stance.SUPPORTS
    j = stance(claim, "An audio recording of the Tabqa shooting has not surfaced, officials said.")
    assert j is not None and j.stance is Stance.CONFLICTS


def test_a_negation_that_makes_an_exception_ends_at_its_comma() -> None:
    claim = "Lorem therapy reduces the frequency of chronic headache."
    exception = "Lorem therapy reduced the frequency of chronic, but not of episodic, headache."
    j = stance(claim, exception)
    assert j is not None and j.stance is Stance.SUPPORTS
    j = stance(claim, "Lorem therapy did not reduce the frequency of chronic headache.")
    assert j is not None and j.stance is Stance.CONFLICTS
    # without its closing comma, the negation reaches as far as before
    j = stance(claim, "It reduced the frequency, but not of chronic headache with Lorem therapy.")
    assert j is not None and j.stance is Stance.CONFLICTS


def test_not_for_the_first_time_is_no_negation() -> None:
    claim = "The Lorem car has been stolen in Tabqa."
    for passage in (
        "It would not be the first time the Lorem car has been stolen in Tabqa.",
        "Not for the first time, the Lorem car has been stolen in Tabqa.",
    ):
        j = stance(claim, passage)
        assert j is not None and j.stance is Stance.SUPPORTS, passage
    # "not the first to" still negates
    j = stance("The KF was the first to enter Tabqa.", "The KF was not the first to enter Tabqa.")
    assert j is not None and j.stance is Stance.CONFLICTS


def test_in_no_uncertain_terms_is_no_negation() -> None:
    claim = "The KF condemned the attack on Tabqa."
    j = stance(claim, "The KF condemned in no uncertain terms the attack on Tabqa.")
    assert j is not None and j.stance is Stance.SUPPORTS
    j = stance(claim, "The KF did not condemn the attack on Tabqa.")
    assert j is not None and j.stance is Stance.CONFLICTS


def test_the_reason_says_which_names_the_article_gave() -> None:
    claim = "The KF repelled an IS attack near Deir ez-Zor on Monday."
    said = explain(claim, "It repelled an IS attack on Monday.", before="The KF held Deir ez-Zor.")
    assert said == (
        "supports: passage states it: attack, IS, Monday, repelled;"
        " named before it: KF, Deir ez-Zor"
    )
    said = explain(
        claim,
        "The KF repelled an IS attack on Monday.",
        article="Fighting went on in Deir ez-Zor.",
        topic="Deir ez-Zor",
    )
    assert said == (
        "supports: passage states it: attack, IS, KF, Monday, repelled; in the article: Deir ez-Zor"
    )


def test_what_rises_in_the_claim_and_falls_in_the_passage_conflicts() -> None:
    claim = "Ultraviolet light is associated with higher flu growth rates."
    j = stance(claim, "We found that ultraviolet light was associated with lower flu growth rates.")
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.rule == "statements.other-way"
    assert j.reason == "claim: higher (up); passage: lower (down)"
    same = "We found that ultraviolet light was associated with higher flu growth rates."
    j = stance(claim, same)
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_rise_and_fall_of_other_things_or_of_a_lack_are_not_compared() -> None:
    claim = "Regular exercise reduces the risk of heart disease in older adults."
    # both ways in one sentence: not read as the other way
    both = "Regular exercise reduced the risk of heart disease but increased the risk of falls."
    j = stance(claim, both + " in older adults")
    assert j is None or j.rule != "statements.other-way"
    # what a lack of it does is the other way: "a lack of exercise increased the risk"
    lack = "In older adults, a lack of regular exercise increased the risk of heart disease."
    j = stance(claim, lack)
    assert j is None or j.rule != "statements.other-way"
    # ... but a lack said on both sides compares: "lack of sleep slows" against "speeds"
    j = stance(
        "A lack of sleep slows recovery after surgery in older adults.",
        "In older adults, sleep deficiency accelerated recovery after surgery.",
    )
    assert j is not None and j.rule == "statements.other-way"


# What the claim says rises the passage says falls (or no difference against a difference),
# in other words than round 8's "higher" and "lower": (claim, passage, reason).
OTHER_WAY_CASES = [
    pytest.param(
        # the claim's subject is long and said far from the passage's word; what it says
        # rises is its object, "thyroid volume"
        "Radioiodine treatment of large toxic nodular goitre increases thyroid volume.",
        "In large toxic nodular goitre, radioiodine treatment was followed by a substantial"
        " and marked reduction in thyroid volume.",
        "claim: increases (up); passage: reduction (down)",
        id="the claim's object alone",
    ),
    pytest.param(
        # "inhibits activation" is a fall; "activation" alone a rise
        "The drug inhibits activation of the kinase in liver cells.",
        "The drug caused activation of the kinase in liver cells.",
        "claim: inhibits activation (down); passage: activation (up)",
        id="two words of change composed",
    ),
    pytest.param(
        # "activity" is a state, not an activation; "reduced" of pressure is another thing
        "Sympathetic nerve activity is reduced throughout normal pregnancy.",
        "Sympathetic nerve activity is increased throughout normal pregnancy,"
        " with reduced blood pressure.",
        "claim: reduced (down); passage: increased (up)",
        id="activity names a state",
    ),
    pytest.param(
        "There is a positive correlation between hip fractures and statin use.",
        "Statin use by elderly patients was associated with a reduction in hip fracture risk.",
        "claim: positive (up); passage: reduction (down)",
        id="a positive correlation rises together",
    ),
    pytest.param(
        "Pregnant women are at the same risk of being hospitalized as other women.",
        "Pregnant women were more likely to be hospitalized than other women.",
        "claim: same (no difference); passage: more (up)",
        id="the same against more",
    ),
    pytest.param(
        "Lorem infection decreases the risk of gastric cancer.",
        "The odds ratio for the risk of gastric cancer among those with Lorem infection"
        " was 2.77 (95% confidence interval 1.04 to 7.97).",
        "claim: decreases (down); passage: odds ratio 2.77 (up)",
        id="an odds ratio above one",
    ),
    pytest.param(
        "Ipsum use increases mortality in older patients.",
        "Ipsum use was associated with mortality in older patients (aHR 0.61, 95% CI 0.45-0.83).",
        "claim: increases (up); passage: aHR 0.61 (down)",
        id="a hazard ratio below one, in parentheses",
    ),
    pytest.param(
        "Ipsum supplements reduce the risk of fractures.",
        "Ipsum supplements and the risk of fractures were studied (RR 0.95; 95% CI, 0.82-1.10).",
        "claim: reduce (down); passage: RR 0.95 (no difference)",
        id="a ratio whose interval holds one",
    ),
]


@pytest.mark.parametrize(("claim", "passage", "reason"), OTHER_WAY_CASES)
def test_the_other_way_said_in_other_words(claim: str, passage: str, reason: str) -> None:
    j = stance(claim, passage)
    assert j is not None and j.rule == "statements.other-way"
    assert j.reason == reason


def test_reduced_activation_is_a_fall_as_inhibiting_it_is() -> None:
    claim = "The drug inhibits activation of the kinase in liver cells."
    j = stance(claim, "The drug caused reduced activation of the kinase in liver cells.")
    assert j is not None and j.stance is Stance.SUPPORTS


def test_positive_of_no_relation_is_no_way() -> None:
    # "tested positive" says nothing rises
    passage = "Statin use by elderly patients was associated with a reduction in hip fracture risk."
    j = stance("Most patients tested positive for hip fractures.", passage)
    assert j is None or j.rule != "statements.other-way"


def test_a_difference_against_no_difference_conflicts() -> None:
    # a difference against no difference, said of the same thing
    j = stance(
        "Partnered patients progress to death at a slower rate than single patients.",
        "The rate of progression to death was similar in partnered and single patients.",
    )
    assert j is not None and j.rule == "statements.other-way"
    # "similar" before a noun is no comparison; nor is "the same" without "as"
    j = stance(
        "Attacks on aid convoys in the province rose in March.",
        "Similar attacks on aid convoys in the province were reported in March.",
    )
    assert j is None or j.rule != "statements.other-way"


def test_no_difference_in_other_words_against_a_difference_conflicts() -> None:
    for claim, passage in (
        (
            "Partnered patients have a lower risk of death from the fever than single patients.",
            "Partnered patients have a similar risk of death from the fever to single patients.",
        ),
        (
            "Partnered patients were just as likely to die from the fever as single patients.",
            "Partnered patients were less likely to die from the fever than single patients.",
        ),
        (
            "Rates of the fever among partnered patients remained flat in March.",
            "Rates of the fever among partnered patients rose sharply in March.",
        ),
    ):
        j = stance(claim, passage)
        assert j is not None and j.rule == "statements.other-way", (claim, j)
    # "as" of a comparison's standard or a role is no difference
    j = stance(
        "Partnered patients were more likely to die from the fever than single patients.",
        "As partnered patients were more likely to die from the fever than single patients,"
        " doctors acted.",
    )
    assert j is not None and j.stance is Stance.SUPPORTS


def test_words_of_delay_and_blocking_say_a_thing_falls() -> None:
    claim = "Antibody treatment encourages tumour metastasis in mice."
    j = stance(claim, "In mice, antibody treatment blocked tumour metastasis.")
    assert j is not None and j.rule == "statements.other-way"
    j = stance(claim, "In mice, antibody treatment delayed tumour metastasis.")
    assert j is not None and j.rule == "statements.other-way"


def test_a_passage_that_agrees_on_one_of_the_claims_changes_is_not_the_other_way() -> None:
    # the claim's fall of growth rates is the passage's; its rise of light is not compared
    claim = "Flu growth rates decrease in summer due to increased ultraviolet light."
    j = stance(claim, "Ultraviolet light in summer was associated with lower flu growth rates.")
    assert j is None or j.rule != "statements.other-way"
    # its own word, said of the same thing, agrees too
    claim = "Rural clusters are smaller in size than urban clusters of the network."
    passage = (
        "Although smaller in size, rural clusters of the network are more central than urban ones."
    )
    j = stance(claim, passage)
    assert j is None or j.rule != "statements.other-way"


def test_little_effect_and_lacking_evidence_negate() -> None:
    claim = "Charcoal is an effective treatment for paraquat poisoning."
    j = stance(claim, "Charcoal treatment had little effect on paraquat poisoning.")
    assert j is not None and j.rule == "statements.negates"
    assert j.reason == "passage negates it (“little”)"
    claim = "Headaches are correlated with cognitive impairment."
    passage = "Evidence was lacking for cognitive impairment in any headache type."
    j = stance(claim, passage)
    assert j is not None and j.rule == "statements.negates"
    # "little" of anything else is no negation
    j = stance(
        "The little village of Lorem was shelled on Monday.",
        "The little village of Lorem was shelled on Monday.",
    )
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_rise_or_fall_the_claim_predicates_is_said_by_one_of_the_same_thing() -> None:
    claim = "Sympathetic nerve activity is elevated throughout normal pregnancy."
    j = stance(claim, "Muscle sympathetic nerve activity is increased throughout normal pregnancy.")
    assert j is not None and j.stance is Stance.SUPPORTS
    said = explain(claim, "Sympathetic nerve activity is measured throughout normal pregnancy.")
    assert said == "left out: the passage does not say “elevated”"
    j = stance(
        "Incidence of lorem dementia is lower than the incidence of ipsum dementia.",
        "Incidence of lorem dementia was two times higher than the incidence of ipsum dementia.",
    )
    assert j is not None and j.rule == "statements.other-way"


def test_an_adverb_is_not_the_claims_verb() -> None:
    # "negatively" is no verb to find; the way it says the relation goes is read
    j = stance(
        "Birth weight is negatively associated with breast cancer.",
        "Increased risk of breast cancer was noted with increased birth weight.",
    )
    assert j is not None and j.rule == "statements.other-way"
    # "have successfully isolated" is active: the scientists isolated it, were not isolated
    j = stance(
        "Scientists have successfully isolated infectious lorem virus from urine.",
        "Here, infectious lorem virus was successfully isolated from urine of a patient.",
    )
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_word_said_as_its_opposite_conflicts_when_said_of_the_same_thing() -> None:
    claim = "The virus is able to infect cats in the lab."
    j = stance(claim, "The virus was unable to infect cats in the lab.")
    assert j is not None and j.rule == "statements.opposite-word"
    assert j.reason == "claim: able; passage: unable, its opposite"
    # the opposite said of another thing is no answer; nor is it when the word is said too
    other = "The virus was able to infect cats in the lab, though unable to infect dogs in the lab."
    j = stance(claim, other)
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_negated_claim_is_contradicted_by_what_it_negates() -> None:
    claim = "The Tabqa flu does not spread through airborne droplets."
    j = stance(claim, "The Tabqa flu spreads through airborne droplets, the study found.")
    assert j is not None and j.stance is Stance.CONFLICTS
    said = decided(claim, "To stop the Tabqa flu from spreading through the town, it closed.")
    assert said.reason == "the passage does not say what the claim negates: airborne, droplets"
    # every word the negation governs must be said: droplets that are not said to be airborne
    part = decided(claim, "The Tabqa flu spreads through droplets, the study found.")
    assert part.reason == "the passage does not say what the claim negates: airborne", part


def test_cannot_negates() -> None:
    j = stance("Cats cannot catch the Tabqa flu.", "Cats can catch the Tabqa flu, the study found.")
    assert j is not None and j.stance is Stance.CONFLICTS


def test_a_name_written_with_its_initial_is_said() -> None:
    claim = "Infection with Helicobacter pylori increases the risk of stomach ulcers in adults."
    for written in ("H. pylori", "H pylori"):
        passage = f"In adults with a history of infection with {written}, the risk of stomach "
        j = stance(claim, passage + "ulcers was increased.")
        assert j is not None and j.stance is Stance.SUPPORTS, written
    other = "In adults with a history of infection with K. pylori, the risk of stomach ulcers rose."
    assert stance(claim, other) is None


# --- each rule of the family, on a case it decides -------------------------------------------


test_each_rule_decides_its_own_case = each_rule_decides(
    [
        (
            "statements.subject-unsaid",
            "The pilots of both planes were killed in the crash.",
            "The crash of both planes killed 40 passengers, the airline said.",
            {},
            None,
        ),
        (
            "statements.other-rank",
            "The Tabqa fire was the deadliest blaze in Syria's history.",
            "The Tabqa fire, the third deadliest blaze in Syria, burned for two days.",
            {},
            Stance.CONFLICTS,
        ),
        (
            "statements.other-direction",
            "The Greens won more votes than the Kurdish Front.",
            "The Greens won 2.1 million votes, some 300,000 fewer than the Kurdish Front.",
            {},
            Stance.CONFLICTS,
        ),
        (
            "statements.other-grade",
            "The agency rated the flood risk in the valley as high.",
            "The agency said the flood risk in the valley is moderate, and high only upstream.",
            {},
            Stance.CONFLICTS,
        ),
        (
            "statements.other-way",
            "Regular exercise reduces the risk of heart disease in older adults.",
            "In older adults, regular exercise increased the risk of heart disease in the trial.",
            {},
            Stance.CONFLICTS,
        ),
        (
            "statements.opposite-word",
            "Manual contact tracing is effective against the outbreak in the city.",
            "Manual contact tracing was ineffective against the outbreak in the city.",
            {},
            Stance.CONFLICTS,
        ),
        (
            "statements.denied-unsaid",
            "The Tabqa flu does not spread through airborne droplets.",
            "To stop the Tabqa flu from spreading through the town, doctors closed the wards.",
            {},
            None,
        ),
        # a claim that no one reported a thing is not answered by a sentence that only
        # speaks of the thing
        (
            "statements.denied-unsaid",
            "Lorem Ipsum said it was strange that no one had reported a streak of light.",
            "It is strange: a meteor burning up in the air produces a streak of light.",
            {"article": "Lorem Ipsum studies meteors."},
            None,
        ),
        (
            "statements.speaker-affirms",
            "Ana Ruiz denied that she was responsible for the delay.",
            "Ana Ruiz said she took responsibility for the delay.",
            {},
            Stance.CONFLICTS,
        ),
        (
            "statements.other-fate",
            "The pilots of both planes were killed in the crash.",
            "The pilots of both planes were injured in the crash but survived.",
            {},
            Stance.CONFLICTS,
        ),
        (
            "statements.withheld",
            "The Lorem Front confirmed on Tuesday that Tom Baker had been killed.",
            "The Lorem Front has not publicly confirmed Baker's death.",
            {},
            Stance.CONFLICTS,
        ),
        (
            "statements.word-coverage",
            "The Kurdish Front is coordinating with Russia.",
            "The Kurdish Front accused Russia of shelling its positions.",
            {},
            None,
        ),
        (
            "statements.verb-unsaid",
            "Russian and KF ground forces in Tabqa are speaking directly with each other.",
            "The deployment raises the specter of a direct clash on the ground in Tabqa between "
            "Russian and KF forces.",
            {},
            None,
        ),
        (
            "statements.missing-name",
            "Loud music greeted the victory in Tabqa.",
            "Loud music was heard.",
            {},
            None,
        ),
        (
            "statements.coverage",
            "Loud music greeted the victory in Tabqa.",
            "Loud music was heard.",
            {"article": "Fighting went on in Tabqa.", "topic": "Fighting in Tabqa"},
            None,
        ),
        (
            "statements.denial-unreported",
            "The KF rejected the ceasefire in Tabqa.",
            "The KF discussed the ceasefire in Tabqa.",
            {},
            None,
        ),
        (
            "statements.reports-denial",
            "Russia denied bombing the Kurdish Front.",
            "Moscow denied reports that its jets bombed the Kurdish Front near Tabqa.",
            {},
            Stance.SUPPORTS,
        ),
        (
            "statements.denies",
            "Russian jets bombed the Kurdish Front near Tabqa.",
            "Moscow denied reports that its jets bombed the Kurdish Front near Tabqa.",
            {},
            Stance.CONFLICTS,
        ),
        (
            "statements.talk-denied",
            "The Lorem soda was not launched in Tabqa.",
            "People are saying the Lorem soda was launched in Tabqa.",
            {},
            None,
        ),
        (
            "statements.negates",
            "Foreign advisers were wounded in the strike.",
            "Foreign advisers were present but were not wounded in the strike.",
            {},
            Stance.CONFLICTS,
        ),
        (
            "statements.states",
            "Russia bombed the KF near Tabqa.",
            "Russian jets bombed the KF near Tabqa on Monday.",
            {},
            Stance.SUPPORTS,
        ),
    ]
)


def test_a_denial_in_a_last_clause_of_its_own_is_cited_apart() -> None:
    text = "The KF accused Russia of bombing its fighters near Tabqa, a claim Moscow denied."
    outcome = decided("Russia bombed KF fighters near Tabqa.", text)
    assert isinstance(outcome, Judgment) and outcome.rule == "statements.states"
    assert outcome.counter is not None and outcome.counter.rule == "statements.denial-clause"
    assert outcome.reason.startswith("passage reports it")


def test_a_passage_that_calls_the_story_a_hoax_conflicts_with_it() -> None:
    claim = "A shark swam through the flooded streets of Houston."
    for passage in (
        "The photo of a shark swimming through the flooded streets of Houston is a hoax.",
        "A viral image of a shark swimming in the flooded streets of Houston is fake.",
        "Claims that a shark swam through the flooded streets of Houston were debunked.",
    ):
        outcome = decided(claim, passage)
        assert (outcome.rule, getattr(outcome, "stance", None)) == (
            "statements.denies",
            Stance.CONFLICTS,
        ), (passage, outcome)


def test_a_sentence_that_says_most_of_a_statement_backs_it() -> None:
    """MIN_COVERAGE_STATEMENT (0.6, on a plateau from 0.4 to 0.6 on the development stories):
    the main clause said without its adjunct backs the claim; half of it does not."""
    claim = "The regulator fined the bank over its reporting failures."
    outcome = decided(claim, "The regulator fined the bank.")
    assert (outcome.rule, getattr(outcome, "stance", None)) == (
        "statements.states",
        Stance.SUPPORTS,
    )
    half = decided(
        "The council approved the new stadium plan on Tuesday after a long debate.",
        "The council approved the stadium plan.",
    )
    assert (half.rule, getattr(half, "stance", None)) == ("statements.coverage", None)


def test_what_befell_the_subject_said_the_other_way_conflicts_and_says_so() -> None:
    j = stance(
        "The pilots of both planes were killed in the crash.",
        "The pilots of both planes were injured in the crash but survived.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim: pilots killed; passage: survived"
    back = stance(
        "The pilots of both planes survived the crash.",
        "The pilots of both planes died in the crash, the airline said.",
    )
    assert back is not None and back.stance is Stance.CONFLICTS


def test_a_passage_that_says_one_part_of_a_compound_claim_is_cited_for_that_part(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "The mayor of Tabqa dismissed the reports of looting as rumours on Monday.\n\n"
        "Both the police chiefs said the curfew in Tabqa had been lifted on Sunday.\n",
        encoding="utf-8",
    )
    matcher = Matcher(load_corpus(corpus), ANALYZER)
    claim = Claim(
        id="c",
        text="The mayor of Tabqa dismissed the reports of looting as rumours, saying the "
        "curfew in Tabqa had been lifted.",
    )
    evidence = matcher.evidence(claim)
    reasons = {e.quote[:20]: e.reason for e in evidence}
    assert reasons["Both the police chie"].startswith(
        "on “The curfew in Tabqa had been lifted.”: passage states it"
    )
    assert {e.stance for e in evidence} == {Stance.SUPPORTS}


def test_the_same_superlative_with_another_rank_conflicts_and_says_both() -> None:
    claim = "The Tabqa fire was the deadliest blaze in Syria's history."
    j = stance(claim, "The Tabqa fire, the third deadliest blaze in Syria, burned for two days.")
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason.startswith("claim: the deadliest; passage: the third deadliest")
    same = stance(claim, "The Tabqa fire was the deadliest blaze in Syria's history, police said.")
    assert same is not None and same.stance is Stance.SUPPORTS


def test_the_same_thing_graded_another_step_conflicts_and_says_both() -> None:
    claim = "The agency assessed the national flood risk as high in March."
    j = stance(
        claim,
        "The agency's assessment is that the flood risk is moderate nationally and in all "
        "regions except the north, where we assess the risk is high, the director said.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason.startswith("claim: high (national flood risk March); passage: moderate (flood")
    same = stance(claim, "The agency assessed the national flood risk as high in March, it said.")
    assert same is not None and same.stance is Stance.SUPPORTS


def test_a_grade_said_of_something_else_answers_nothing() -> None:
    claim = "The agency assessed the national flood risk as high in March."
    j = stance(claim, "The agency assessed the national flood risk in March; wages were low.")
    assert j is None or j.stance is Stance.SUPPORTS


def test_a_denial_conflicts_with_the_speakers_own_words_saying_it() -> None:
    claim = "Ana Ruiz denied that she was responsible for the delay."
    j = stance(claim, "Ana Ruiz said she took responsibility for the delay.")
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim: Ana Ruiz denied it; passage: Ana Ruiz says it"
    # the same words from someone else are no answer to her denial
    assert stance(claim, "Tom Hale said Ana Ruiz was responsible for the delay.") is None
    # nor a passage that only shares a synonym of the act
    bombed = "The Kurdish Front denied that its fighters had bombed the Tabqa dam."
    assert (
        stance(bombed, "The Kurdish Front said its fighters faced attacks near the Tabqa dam.")
        is None
    )


def test_a_quotation_closed_by_a_last_name_is_that_speakers_own_words() -> None:
    claim = analyze_claim("Ana Ruiz denied that she was responsible for the delay.", ANALYZER)
    keys = frozenset({"#rz", "ruiz", "#an", "ana"})

    def quoted(text: str) -> Judgment | None:  # a quotation that closes "..., Ruiz said."
        return judge(claim, analyze_passage(text, ANALYZER, None, quoted_by="Ruiz"), keys)

    said = quoted("“I was responsible for the delay.")
    assert said is not None and said.stance is Stance.CONFLICTS, said
    # talk she reports is not her word: "rumours" of it say nothing of whether it is so
    assert quoted("“I have heard rumours that I was responsible for the delay.") is None


def test_a_comparison_with_the_same_name_the_other_way_conflicts() -> None:
    claim = "The Greens won more votes nationally than the Kurdish Front."
    j = stance(
        claim, "The Greens won 2.1 million votes, some 300,000 fewer than the Kurdish Front."
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason.startswith("claim: more than")
    same = stance(claim, "The Greens won more votes nationally than the Kurdish Front, it said.")
    assert same is not None and same.stance is Stance.SUPPORTS
    # a comparison with someone else answers nothing of it
    other = stance(claim, "The Greens won more votes nationally than Labour, fewer than Mali.")
    assert other is None or other.stance is not Stance.CONFLICTS


def test_a_story_told_as_talk_does_not_contradict_the_claim_that_denies_it() -> None:
    claim = "The Lorem soda was not launched in Tabqa."
    for talk in (
        "The Lorem soda was reportedly launched in Tabqa.",
        "Rumours that the Lorem soda was launched in Tabqa spread on Monday.",
        "It was claimed that the Lorem soda was launched in Tabqa.",
    ):
        outcome = decided(claim, talk)
        assert outcome.rule == "statements.talk-denied", (talk, outcome)
    told = decided(claim, "The Lorem soda was launched in Tabqa on Monday.")
    assert getattr(told, "stance", None) is Stance.CONFLICTS, told
    # talk after what the passage states does not govern it
    after = decided(claim, "The Lorem soda was launched in Tabqa, and rumours spread.")
    assert getattr(after, "stance", None) is Stance.CONFLICTS, after


def test_a_denial_backs_a_claim_that_negates_what_it_denies() -> None:
    claim = "The woman detained in Tabqa is not the wife of the Lorem leader, officials say."
    denial = (
        "A Lorem official denied that the woman detained in Tabqa is the wife of the Lorem leader."
    )
    backed = decided(claim, denial)
    assert (backed.rule, getattr(backed, "stance", None)) == (
        "statements.denies",
        Stance.SUPPORTS,
    )
    assert backed.reason == "passage denies it too (“denied”)"
    plain = decided("The woman detained in Tabqa is the wife of the Lorem leader.", denial)
    assert getattr(plain, "stance", None) is Stance.CONFLICTS, plain


def test_a_ratio_is_read_only_by_its_name_and_a_decimal() -> None:
    from dossier.judge.rules.statements import ways

    read = ways("Deaths increased, with an HR of 1.52 in men; the OR 12 ward was shut.")
    assert [w[:2] for w in read] == [("increased", "up"), ("HR 1.52", "up")]
    assert ways("They ate one or 2.5 apples a day, or 95% of them.") == ()


def test_what_precludes_a_thing_negates_it() -> None:
    claim = "The miss distance of the comet made a related impact at Lorem possible."
    j = stance(claim, "The miss distance of the comet precludes any related impact at Lorem.")
    assert j is not None and j.stance is Stance.CONFLICTS


def test_a_negated_claim_is_contradicted_only_by_a_sentence_that_tells_all_of_it() -> None:
    assert explain("The Lorem mayor did not resign.", "The Lorem mayor resigned on Monday.") == (
        "conflicts: claim negates what the passage states"
    )
    assert explain("No one was hurt in the blast.", "The blast injured 40 people.") == (
        "conflicts: claim negates what the passage states"
    )
    # what did happen, told of no one the claim names, or of part of it only
    claim = "Tom Baker was not in Lorem when it was attacked."
    assert explain(claim, "Lorem was attacked on Monday.", before="Tom Baker lives in Lorem.") == (
        "left out: the claim negates what the passage states, but the sentence does not name Baker"
    )
    assert explain(
        "Rosenberg was not in Lorem when it was attacked.",
        "Lorem was attacked on Monday.",
        article="Rosenberg",
    ) == (
        "left out: the claim negates what the passage states, but the sentence does not say "
        "Rosenberg"
    )
    assert explain("No one was hurt.", "The blast injured 40 people.") == (
        "left out: the claim negates what the passage states, but the claim says too little to "
        "tell what it is of"
    )


def test_a_speakers_silence_contradicts_what_they_are_said_to_have_told() -> None:
    claim = "Spokesman Tom Baker confirmed the Lorem Post's account that the man reached the hall."
    j = stance(
        claim,
        '"We have no comment on that at this time," Tom Baker said of the Lorem Post account.',
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason.startswith("claim: Spokesman Tom Baker told it; passage: “have no comment”")
    # silence on something else, or another's, says nothing of it
    other = decided(claim, "Tom Baker declined to comment on his health.")
    assert getattr(other, "stance", None) is not Stance.CONFLICTS, other
    # another's silence, or silence on another thing, is not the speaker's
    claim = "Ann Ipsum said Lorem agents interviewed her client about the tape on Monday."
    another = decided(claim, "A Lorem spokesman declined to address the issue of the tape.")
    assert getattr(another, "stance", None) is not Stance.CONFLICTS, another
    claim = "Lorem said it would start telling affected staff on January 18."
    number = decided(claim, "Lorem has not confirmed the number it expects to let go.")
    assert getattr(number, "stance", None) is not Stance.CONFLICTS, number
    # a detail withheld is not the claim withheld
    claim = "Tom Baker said that the bodies had been burned before they were buried."
    detail = decided(claim, "Tom Baker declined to say how many bodies were buried.")
    assert getattr(detail, "stance", None) is not Stance.CONFLICTS, detail
    # a claim of a refusal is not contradicted by one
    refused = decided(
        "The Lorem Front would not say whether Tom Baker was killed.",
        "The Lorem Front has not confirmed that Tom Baker was killed.",
    )
    assert getattr(refused, "stance", None) is not Stance.CONFLICTS, refused


def test_a_verb_that_tells_what_reports_say_is_not_the_claims_act() -> None:
    """ "reports that Ann Ipsum had been captured" tells of the reports: the act is pursuing."""
    claim = (
        "The ministry said it was pursuing all channels to find out more about reports that"
        " Ann Ipsum had been captured in Dolor."
    )
    passage = (
        "The ministry said it was pursuing all channels to find out more about Ann Ipsum in Dolor."
    )
    j = stance(claim, passage)
    assert j is not None and j.stance is Stance.SUPPORTS
    # the claim's own act after an auxiliary must still be said
    own = decided("Ann Ipsum had been captured in Dolor.", "Ann Ipsum had been seen in Dolor.")
    assert own.rule == "statements.verb-unsaid"


def test_unable_and_refused_say_not() -> None:
    """ "was unable to verify" is "could not verify"; "refused to confirm" is "did not confirm"."""
    claim = "The Lorem Times said it could not independently verify the recording."
    unable = decided(
        claim, "The Lorem Times said it was unable to independently verify the recording."
    )
    assert getattr(unable, "stance", None) is Stance.SUPPORTS, unable
    refused = "The Lorem police refused to confirm the name of the gunman."
    not_going = decided(
        refused, "The Lorem police said they were not going to confirm the name of the gunman."
    )
    assert getattr(not_going, "stance", None) is Stance.SUPPORTS, not_going
    confirmed = decided(refused, "The Lorem police confirmed the name of the gunman.")
    assert getattr(confirmed, "stance", None) is Stance.CONFLICTS, confirmed
