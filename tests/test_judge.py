"""One passage, one claim: the stance and the reason a person can check. Self-made examples."""

from __future__ import annotations

from dossier.judge import Judgment, analyze_claim, analyze_passage, judge
from dossier.models import Stance
from dossier.text import Analyzer

ALIASES = {
    "Islamic State": ["IS", "ISIS", "Daesh"],
    "Kurdish Front": ["KF"],
    "Russia": ["Russian", "Moscow"],
}
ANALYZER = Analyzer(ALIASES)


def stance(claim: str, passage: str, article: str = "") -> Judgment | None:
    c = analyze_claim(claim, ANALYZER)
    p = analyze_passage(passage, ANALYZER, None)
    doc = analyze_passage(article or passage, ANALYZER, None)
    entity_keys = frozenset(k for t in doc.tokens if t.entity for k in t.keys)
    return judge(c, p, entity_keys)


def test_a_matching_figure_on_the_same_measure_supports() -> None:
    j = stance(
        "The Kurdish Front controls 70% of Tabqa.", "The KF now controls 70 per cent of Tabqa."
    )
    assert j is not None and j.stance is Stance.SUPPORTS
    assert j.reason == "claim 70% matches passage 70 per cent of Tabqa"
    assert j.figures == ["70 per cent"]


def test_a_different_figure_on_the_same_measure_conflicts_and_says_of_what() -> None:
    j = stance(
        "The Kurdish Front controls 70% of Tabqa.",
        "The offensive on the city of Tabqa by the KF has seized around 40 percent of the city.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim 70% vs passage around 40 percent of the city (Tabqa)"


def test_a_figure_about_another_place_is_not_evidence() -> None:
    assert (
        stance(
            "The Kurdish Front controls 70% of Tabqa.",
            "The Kurdish Front controls about 40 percent of Manbij.",
        )
        is None
    )


def test_a_count_of_other_people_is_not_evidence() -> None:
    assert (
        stance(
            "Islamic State killed 4 soldiers near Tabqa.",
            "Near Tabqa, about 30 militants of Islamic State were killed.",
        )
        is None
    )


def test_hedged_figures_compare_by_their_intervals() -> None:
    j = stance("The alliance conducted more than 900 strikes.", "It conducted over 900 strikes.")
    assert j is not None and j.stance is Stance.SUPPORTS
    j = stance("The alliance conducted fewer than 500 strikes.", "It conducted over 900 strikes.")
    assert j is not None and j.stance is Stance.CONFLICTS


def test_a_qualified_figure_still_supports_but_the_reason_says_so() -> None:
    j = stance(
        "About 300 Russian troops are deployed in Libya.",
        "Moscow says about 300 Russian troops are in Libya, but the real number is believed to be"
        " much higher.",
    )
    assert j is not None and j.stance is Stance.SUPPORTS
    assert "qualifies" in j.reason


def test_name_variants_and_aliases_meet() -> None:
    j = stance(
        "Daesh shelled Deir ez-Zor airport.", "IS militants shelled the Deir al-Zour airport."
    )
    assert j is not None and j.stance is Stance.SUPPORTS


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


def test_a_claim_phrased_as_someones_claim_needs_that_speaker() -> None:
    claim = "Amaq claimed that three Russian soldiers were killed near Tabqa."
    j = stance(claim, "The news agency Amaq has claimed killing of 3 Russian soldiers near Tabqa.")
    assert j is not None and j.stance is Stance.SUPPORTS
    assert j.speaker == "The news agency Amaq"
    assert (
        stance(claim, "Three Russian soldiers were killed near Tabqa, the ministry said.") is None
    )


def test_shared_words_without_the_claims_content_are_not_evidence() -> None:
    assert (
        stance(
            "The Kurdish Front is coordinating with Russia.",
            "The Kurdish Front accused Russia of shelling its positions.",
        )
        is None
    )
