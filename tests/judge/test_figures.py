"""Claims with a figure: the figures must measure the same thing, then agree or conflict. Self-made
examples."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from judging import ANALYZER, decided, each_rule_decides, explain, stance

from dossier.corpus.read import load_corpus
from dossier.judge.match import Matcher
from dossier.judge.outcome import Judgment
from dossier.models import Claim, Stance


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


def test_shares_of_one_place_held_by_two_sides_cannot_exceed_the_whole() -> None:
    j = stance(
        "The Kurdish Front controls about 60 percent of Tabqa.",
        "IS still holds about 70 percent of Tabqa.",
        article="The Kurdish Front is advancing.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert "held by IS: the two shares add up to more than 100%" in j.reason
    assert (
        stance(
            "The Kurdish Front controls about 20 percent of Tabqa.",
            "IS still holds about 70 percent of Tabqa.",
            article="The Kurdish Front is advancing.",
        )
        is None
    )


def test_troops_of_one_country_are_not_the_forces_of_another() -> None:
    assert (
        stance(
            "About 3,000 Nigerien troops are in Gao.",
            "Trainers in Gao have trained almost 60,000 Malian security forces.",
        )
        is None
    )


def test_troops_counted_for_one_country_are_not_trainees_of_another() -> None:
    j = stance(
        "Trainers helped train nearly 9,000 members of Mali's security forces.",
        "Trainers have helped train almost 9,000 Malian security forces.",
    )
    assert j is not None and j.stance is Stance.SUPPORTS
    assert (
        stance(
            "Trainers helped train nearly 9,000 members of Mali's security forces.",
            "There are about 500 Nigerien troops now deployed with the trainers.",
        )
        is None
    )


def test_one_days_count_does_not_contradict_a_total() -> None:
    claim = "The KF conducted over 1,500 strikes against Islamic State."
    assert stance(claim, "On Friday the KF said it conducted two strikes against IS.") is None
    j = stance(claim, "The KF has conducted 900 strikes against IS so far.")
    assert j is not None and j.stance is Stance.CONFLICTS


def test_more_before_the_counted_noun_is_skipped() -> None:
    from dossier.analysis.quantity import extract

    (q,) = extract("plans to send up to 1500 more US troops")
    assert q.noun == "troops"


def test_a_count_of_the_killed_is_not_the_size_of_a_force() -> None:
    assert (
        stance("The KF has about 50,000 fighters.", "In Tabqa about 40 KF fighters were killed.")
        is None
    )
    j = stance("The KF has about 50,000 fighters.", "The KF now has some 30,000 fighters.")
    assert j is not None and j.stance is Stance.CONFLICTS


def test_a_share_lost_is_held_by_the_other_side() -> None:
    lost = "IS militants have lost more than half of Tabqa."
    j = stance("The KF had captured less than half of Tabqa.", lost, article="The KF advanced.")
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim less than half vs passage more than half of Tabqa lost by IS"
    j = stance("IS holds less than half of Tabqa.", lost)
    assert j is not None and j.stance is Stance.SUPPORTS
    assert j.reason.endswith("lost by IS, the rest held")
    j = stance("IS holds about 70 percent of Tabqa.", lost)
    assert j is not None and j.stance is Stance.CONFLICTS


def test_a_sentence_saying_who_the_killed_were_disputes_the_count(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "The news agency Amaq has claimed killing of 2 Malian soldiers near Tabqa.\n\n"
        "However, photos suggest that the killed fighters were likely private military"
        " contractors (PMCs) supporting the advance.\n",
        encoding="utf-8",
    )
    matcher = Matcher(load_corpus(tmp_path), ANALYZER)
    evidence = matcher.evidence(Claim(id="c", text="Two Malian soldiers were killed near Tabqa."))
    assert [(e.stance, e.reason) for e in evidence if e.stance is Stance.CONFLICTS] == [
        (
            Stance.CONFLICTS,
            "the passage says the killed fighters were likely private military contractors,"
            " not soldiers",
        )
    ]


def test_who_the_killed_were_speaks_only_of_the_same_people_and_event() -> None:
    claim = "Two Malian soldiers were killed near Tabqa."
    before = "Amaq has claimed killing of 2 Malian soldiers near Tabqa."
    assert stance(claim, "The killed were civilians from the village.", before=before) is not None
    assert stance(claim, "The killed fighters were Malian soldiers.", before=before) is None
    assert stance(claim, "The dead were buried on Friday.", before=before) is None
    assert stance(claim, "The dead were identified by their families.", before=before) is None
    elsewhere = "Amaq has claimed killing of 2 Nigerien soldiers near Gao."
    assert stance(claim, "The killed were civilians from the village.", before=elsewhere) is None


def test_troops_sent_are_not_people_trained() -> None:
    claim = "Coalition troops trained more than 8,000 Malian soldiers."
    passage = "Mali approved sending up to 1,500 more troops to train Malian soldiers."
    assert stance(claim, passage) is None
    j = stance(claim, "Coalition troops have trained about 6,000 Malian soldiers.")
    assert j is not None and j.stance is Stance.CONFLICTS


def test_every_figure_the_passage_answers_must_agree() -> None:
    j = stance(
        "After 301 years of British rule, Hong Kong adopted two systems.",
        "After 150 years of British rule, Hong Kong adopted two systems.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim 301 years vs passage 150 years"


def test_a_bare_number_is_compared_where_the_words_around_it_agree() -> None:
    claim = "Charles Manson, now 161 and in prison for life, received a marriage license."
    j = stance(claim, "Charles Manson, now 80 and in prison for life, received a marriage license.")
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim 161 vs passage 80"


def test_a_figure_the_passage_measures_but_does_not_settle_keeps_it_from_backing_the_claim() -> (
    None
):
    claim = "At least 133 journalists, all but 10 of them Malian, have been killed in the war."
    weaker = "At least 66 journalists, all but 10 of them Malian, have been killed in the war."
    assert explain(claim, weaker) == (
        "left out: claim At least 133 is not settled by passage At least 66 journalists"
    )
    j = stance(claim, claim)
    assert j is not None and j.stance is Stance.SUPPORTS


# --- each rule of the family, on a case it decides -------------------------------------------


test_each_rule_decides_its_own_case = each_rule_decides(
    [
        (
            "figures.elsewhere",
            "About 40 Lorem soldiers were killed fighting off the KF attack in northern Tabqa.",
            "Officials said three Lorem soldiers were killed fighting off the KF attack.",
            {"article": "KF fighters attacked a Lorem base in Ipsum."},
            None,
        ),
        (
            "figures.reidentified",
            "Two Malian soldiers were killed near Tabqa.",
            "The killed were civilians from the village.",
            {"before": "Amaq has claimed killing of 2 Malian soldiers near Tabqa."},
            Stance.CONFLICTS,
        ),
        (
            "figures.exclusive-shares",
            "The Kurdish Front controls about 60 percent of Tabqa.",
            "IS still holds about 70 percent of Tabqa.",
            {"article": "The Kurdish Front is advancing."},
            Stance.CONFLICTS,
        ),
        (
            "figures.other-owner",
            "The Kurdish Front controls about 20 percent of Tabqa.",
            "IS still holds about 70 percent of Tabqa.",
            {"article": "The Kurdish Front is advancing."},
            None,
        ),
        (
            "figures.missing-name",
            "The Kurdish Front controls 70% of Tabqa.",
            "The army controls about 40 percent of Manbij.",
            {},
            None,
        ),
        (
            "figures.coverage",
            "The Kurdish Front controls 70% of Tabqa.",
            "About 70 percent of voters stayed at home.",
            {"article": "The Kurdish Front entered Tabqa."},
            None,
        ),
        (
            "figures.same-measure",
            "Islamic State killed 4 soldiers near Tabqa.",
            "Near Tabqa, about 30 militants of Islamic State were killed.",
            {},
            None,
        ),
        (
            "figures.unsettled",
            "At least 133 journalists, all but 10 of them Malian, have been killed in the war.",
            "At least 66 journalists, all but 10 of them Malian, have been killed in the war.",
            {},
            None,
        ),
        (
            "figures.one-day",
            "The KF conducted over 1,500 strikes against Islamic State.",
            "On Friday the KF said it conducted two strikes against IS.",
            {},
            None,
        ),
        (
            "figures.agree",
            "The Kurdish Front controls 70% of Tabqa.",
            "The KF now controls 70 per cent of Tabqa.",
            {},
            Stance.SUPPORTS,
        ),
        (
            "figures.disagree",
            "The Kurdish Front controls 70% of Tabqa.",
            "The offensive on the city of Tabqa by the KF has seized around 40 percent of the "
            "city.",
            {},
            Stance.CONFLICTS,
        ),
    ]
)


def test_a_clause_that_sets_a_backing_figure_aside_is_cited_apart() -> None:
    passage = (
        "Moscow says about 300 Russian troops are in Libya, but the real number is believed to be"
        " much higher."
    )
    outcome = decided("About 300 Russian troops are deployed in Libya.", passage)
    assert isinstance(outcome, Judgment) and outcome.rule == "figures.agree"
    assert outcome.counter is not None and outcome.counter.rule == "figures.set-aside"
    assert passage[outcome.counter.start : outcome.counter.end] == (
        "the real number is believed to be much higher"
    )
    # a comparison with something else sets nothing aside
    compared = decided(
        "About 300 Russian troops are deployed in Libya.",
        "About 300 Russian troops are in Libya, much higher than the 50 sent last year.",
    )
    assert isinstance(compared, Judgment) and compared.rule == "figures.agree"
    assert compared.counter is None


def test_a_passage_figure_found_by_one_claim_figure_does_not_contradict_another() -> None:
    """'down from 67.3% in 2019' is the claim's second figure, not an answer to its first."""
    claim = "Turnout was 59.9%, down from 67.3% in 2019."
    outcome = decided(claim, "This compares with an overall turnout of 67.3% in 2019.")
    assert getattr(outcome, "stance", None) is Stance.SUPPORTS, outcome
    other = decided(claim, "Turnout was 52.1%, down from 67.3% in 2019.")
    assert (other.rule, getattr(other, "stance", None)) == ("figures.disagree", Stance.CONFLICTS)


def test_the_same_number_backs_a_claim_whose_noun_the_passage_leaves_out() -> None:
    """'Spain (156)' counts what the sentence says at its end; the number is the claim's."""
    claim = "Spain had 156 confirmed cases by June 2."
    passage = "Behind the UK, Spain (156) and Portugal (138) have the most confirmed cases."
    outcome = decided(claim, passage)
    assert (outcome.rule, getattr(outcome, "stance", None)) == (
        "figures.same-value",
        Stance.SUPPORTS,
    )
    assert "the same number" in outcome.reason
    # another number is no conflict: it may count something else
    other = decided(claim, passage.replace("156", "150"))
    assert getattr(other, "stance", None) is None
    # two nouns that do not meet are two counts: 40 militants are not 40 soldiers
    soldiers = decided("About 40 soldiers were killed in Hama.", "About 40 militants were killed.")
    assert getattr(soldiers, "stance", None) is None


def test_one_name_of_several_the_article_lacks_counts_against_coverage() -> None:
    """The article writes the seat otherwise or not at all; the figure and the rest are said."""
    claim = "The Green candidate Ana Pires beat Tom Hale in North Vale by 412 votes."
    passage = "Tom Hale lost to the Green candidate Ana Pires by just 412 votes."
    outcome = decided(claim, passage)
    assert (outcome.rule, getattr(outcome, "stance", None)) == ("figures.agree", Stance.SUPPORTS)
    most = decided(claim, "The incumbent lost by just 412 votes.")
    assert (most.rule, getattr(most, "stance", None)) == ("figures.missing-name", None)


def test_a_count_of_another_day_does_not_contradict_a_dated_claim() -> None:
    """Tallies move: a count reported days before (or after) the claim's day is not its count."""
    claim = "By July 31, 2022, Spain had reported two deaths from the virus."
    passage = "Spain has reported one death from the virus, officials said."
    before = decided(claim, passage, published_on=dt.date(2022, 7, 29))
    assert (before.rule, getattr(before, "stance", None)) == ("figures.another-day", None)
    assert before.reason.startswith("reported on 29 July 2022, before the claim's date")
    same = decided(claim, passage, published_on=dt.date(2022, 7, 31))
    assert (same.rule, getattr(same, "stance", None)) == ("figures.disagree", Stance.CONFLICTS)
    # a part of a month: "in early June 2022" is 1-10 June
    early = "Global cases of the virus passed 6,000 in early June 2022."
    later = decided(
        early, "Global cases of the virus passed 16,000.", published_on=dt.date(2022, 7, 23)
    )
    assert (later.rule, getattr(later, "stance", None)) == ("figures.another-day", None)
    # a day written without its year is the last such day before the article appeared
    yearless = "On July 4, the ministry revised the toll down to 30."
    revised = decided(
        yearless,
        "On Thursday the ministry said the toll had risen to 36.",
        published_on=dt.date(2022, 7, 7),
    )
    assert (revised.rule, getattr(revised, "stance", None)) == ("figures.another-day", None)
    assert revised.reason.startswith("On Thursday, after the claim's date (July 4)")
    # an undated claim is judged as before
    undated = decided(
        "Spain had reported two deaths from the virus.", passage, published_on=dt.date(2022, 7, 29)
    )
    assert getattr(undated, "stance", None) is Stance.CONFLICTS


def test_a_tally_reported_lower_after_the_claims_day_contradicts_it() -> None:
    """Tallies grow: fewer reported later says the claim's count was not reached by its day."""
    claim = "By July 31, 2022, Spain had reported three deaths from the virus."
    passage = "Spain has reported one death from the virus, officials said."
    later = decided(claim, passage, published_on=dt.date(2022, 8, 20))
    assert (later.rule, getattr(later, "stance", None)) == ("figures.later-lower", Stance.CONFLICTS)
    assert later.reason == (
        "claim three vs passage one death, reported on 20 August 2022, after the claim's date"
        " (July 31, 2022): a tally does not fall"
    )
    higher = "Spain has reported five deaths from the virus, officials said."
    moved = decided(claim, higher, published_on=dt.date(2022, 8, 20))
    assert (moved.rule, getattr(moved, "stance", None)) == ("figures.another-day", None)
    # a count of places is no tally: it may fall
    places = "By July 31, 2022, cases of the virus had been reported in 75 countries."
    fewer = "New cases of the virus were reported in 21 countries last week."
    other = decided(places, fewer, published_on=dt.date(2022, 10, 13))
    assert getattr(other, "stance", None) is None


def test_a_figures_words_stop_at_the_next_figure() -> None:
    """ "3,400 cases of the virus and one death": the death is the next figure's; the cases are
    no count of deaths, and answer a count of cases."""
    claim = "Spain had more than 3,000 cases of the virus."
    passage = "Spain has had more than 3,400 cases of the virus and one death."
    j = stance(claim, passage)
    assert j is not None and (j.stance, j.rule) == (Stance.SUPPORTS, "figures.agree")


def test_a_claims_figure_finds_a_count_named_by_a_synonym() -> None:
    """The claim's 'fatalities' (WordNet: a fatality is a kind of death) counts what the
    passage's 'deaths' do."""
    agreed = decided(
        "The crash caused 40 fatalities in Mali.", "The crash caused 40 deaths in Mali."
    )
    assert isinstance(agreed, Judgment) and agreed.stance is Stance.SUPPORTS
    assert agreed.rule == "figures.agree"
    conflicting = decided(
        "The crash caused 40 fatalities in Mali.", "The crash caused 25 deaths in Mali."
    )
    assert isinstance(conflicting, Judgment) and conflicting.stance is Stance.CONFLICTS
    assert conflicting.rule == "figures.disagree"


def test_the_name_just_before_a_figure_in_its_clause_owns_it() -> None:
    """'the Greens are expected to secure 10 seats' counts the Greens' seats, not the claim's."""
    claim = "The exit poll projected 410 seats for Labour."
    other = decided(
        claim,
        "The exit poll projected that the Greens would secure 10 seats.",
        article="The poll had Labour far ahead.",
    )
    assert (other.rule, getattr(other, "stance", None)) == ("figures.owned-by-another", None)
    assert other.reason == "the figure is said of Greens, whom the claim does not name"
    # a name in another clause, or after "of", owns nothing: the count is judged
    judged = decided(claim, "In the parlance of UK elections, the poll gave Labour 410 seats.")
    assert (judged.rule, getattr(judged, "stance", None)) == ("figures.agree", Stance.SUPPORTS)
    # a distance is not owned: "7 km of IS-held territory"
    apart = decided(
        "At least 7 kilometres separate the SDF and the army.",
        "The Kurdish Front says at least 7 kilometres of territory separate the SDF and the army.",
    )
    assert getattr(apart, "stance", None) is Stance.SUPPORTS


def test_figures_of_different_kinds_do_not_contradict() -> None:
    """A gain is not a total, a threshold not a result, a part not the whole."""
    for claim, passage in [
        ("Labour won 412 seats.", "This is a gain of 211 seats for Labour."),
        (
            "The Tories won 131 seats.",
            "The Tories fell short of the 326 seats needed for a majority.",
        ),
        ("Spain had 156 confirmed cases.", "Of the cases in Spain, only two have been women."),
        ("Spain had 156 confirmed cases.", "Spain has 617 confirmed cases across the globe."),
        ("Reform won five seats.", "Reform would have won 100 seats under another system."),
        ("The Blues won 131 seats.", "The Blues are on course for 140 seats."),
        (
            "Turnout in the city was 59.9%.",
            "If turnout in the city stays at 58%, it is the lowest.",
        ),
        (
            "The city's turnout was 59.9% in 2024.",
            "The city's turnout was 59.9%, up from 52% in 2019.",
        ),
        ("The crash killed 275 people.", "The crash killed 261 people and injured more than 900."),
        (
            "Shares fell about 2% on the day.",
            "Most of the staff on the day were told to stay home.",
        ),
        ("Shares fell about 2% on the day.", "The cuts on the day were about 1.2% of the workers."),
    ]:
        outcome = decided(claim, passage)
        assert not isinstance(outcome, Judgment) or outcome.stance is not Stance.CONFLICTS, (
            claim,
            passage,
        )


def test_a_figure_of_another_kind_is_left_out_saying_why() -> None:
    outcome = decided("Labour won 412 seats.", "Labour won a gain of 211 seats.")
    assert outcome.rule == "figures.same-measure"
    assert outcome.reason == (
        "the passage's 211 is a change (“a gain of”), the claim's 412 is a count or level"
    )


def test_a_change_still_backs_the_same_number() -> None:
    j = stance(
        "The agency ordered 2.5 million doses.", "The agency ordered 2.5 million more doses."
    )
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_claim_of_what_someone_puts_a_figure_at_is_not_taken_back_by_the_writers_doubt() -> None:
    claim = "The ministry puts the number of soldiers deployed at about 400."
    passage = (
        "The ministry says there are about 400 soldiers deployed, but the real number is "
        "believed to be much higher."
    )
    outcome = decided(claim, passage)
    assert isinstance(outcome, Judgment) and outcome.stance is Stance.SUPPORTS
    assert outcome.counter is None
    unattributed = decided("About 400 soldiers are deployed.", passage)
    assert isinstance(unattributed, Judgment) and unattributed.counter is not None


def test_a_hedged_number_at_the_end_of_a_claim_is_a_figure() -> None:
    from dossier.analysis.quantity import extract

    found = extract("Cuts since late 2022 totalled about 27,000.")
    assert [(q.text, q.unit) for q in found] == [("about 27,000", "number")]


def test_a_change_backs_a_level_only_with_the_same_number() -> None:
    assert (
        stance("The vote share rose by more than five points.", "The vote share was 19 points.")
        is None
    )


def test_two_earlier_figures_of_different_years_do_not_meet() -> None:
    from dossier.judge.analyze import analyze_claim, analyze_passage
    from dossier.judge.measure import answers

    claim = analyze_claim("Turnout was 59.9%, down from 67.3% in 2019.", ANALYZER)
    other_year = analyze_passage("Turnout was lowest in 2001, when it was 59.4%.", ANALYZER, None)
    same_year = analyze_passage("Turnout was down from 61% in 2019.", ANALYZER, None)
    assert not answers(claim, other_year, frozenset()).contradicted
    assert answers(claim, same_year, frozenset()).contradicted


def test_a_figure_is_owned_by_the_subject_of_its_verb() -> None:
    """The parse finds the owner beyond a word window: the subject of the verb whose object the
    figure counts, through a relative clause."""
    claim = "Contoso cut 18,000 job cuts in January."
    for passage in [
        "In a memo, Northwind announced 11,000 job cuts in January.",
        "Analysts cited Northwind, which said in January it would make 11,000 job cuts.",
    ]:
        outcome = decided(claim, passage, article="Contoso and Northwind cut jobs.")
        assert outcome.rule == "figures.owned-by-another", passage
        assert "Northwind" in outcome.reason


def test_a_count_in_brackets_is_the_name_before_it() -> None:
    passage = (
        "Behind Ruritania, Elbonia (156), Latveria (138) and Genovia (54) have logged the "
        "highest number of confirmed cases."
    )
    backed = stance("Elbonia had 156 confirmed cases.", passage)
    assert backed is not None and backed.stance is Stance.SUPPORTS
    contradicted = stance("Latveria had fewer than 50 confirmed cases.", passage)
    assert contradicted is not None and contradicted.stance is Stance.CONFLICTS
    assert contradicted.figures == ["138"]


def test_a_count_of_people_counts_a_kind_of_people() -> None:
    claim = "Acme said about 250 Acme employees would lose their jobs."
    j = stance(claim, "Acme said approximately 250 people would lose their jobs in the cuts.")
    assert j is not None and j.stance is Stance.SUPPORTS
    assert j.reason == "claim about 250 matches passage approximately 250 people (employees)"
    other = stance(claim, "Acme said about 400 people would lose their jobs in the cuts.")
    assert other is not None and other.stance is Stance.CONFLICTS
    # a count of things is no count of people
    assert stance(claim, "Acme said about 250 stores would lose their leases in the cuts.") is None
    # the kinds of people news counts: militants, hostages, detainees, ...
    j = stance(
        "Six militants were killed in the Lorem strike.", "Six people died in the Lorem strike."
    )
    assert j is not None and j.stance is Stance.SUPPORTS, j


def test_a_clause_saying_when_a_figure_held_need_not_be_said_by_the_passage() -> None:
    claim = "Acme had about 9,000 employees when it announced the March cuts to its stores."
    passage = "Most of Acme's 9,000 employees work in its warehouses."
    j = stance(claim, passage)
    assert j is not None and j.stance is Stance.SUPPORTS
    # the clause still counts when it holds the figure itself
    claim = "Acme cut jobs when it had about 9,000 employees in its stores and warehouses."
    assert stance(claim, "Acme has 9,000 employees.") is None


def test_a_count_of_people_that_befell_something_else_is_not_evidence() -> None:
    claim = "The harbour fire killed 12 dock workers."
    assert stance(claim, "A fire official said 31 people were taken to hospital.") is None
    assert stance(claim, "The harbour fire killed 31 people, a fire official said.") is not None


def test_sums_of_money_are_no_count_of_one_day() -> None:
    claim = "The state announced Rs 10 lakh for the family of each resident killed in the crash."
    passage = (
        "The state announced Rs 5 lakh for the kin of residents killed in the crash on Friday."
    )
    j = stance(claim, passage)
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason.startswith("claim Rs 10 lakh vs passage Rs 5 lakh")


def test_a_figure_of_the_clause_that_says_when_is_no_figure_of_the_claim() -> None:
    claim = "Northwind shares fell about 2% on the day the firm announced 3,000 job cuts."
    assert stance(claim, "Northwind said it would cut about 4,000 jobs in all.") is None
    j = stance(claim, "Northwind shares fell 2% on Tuesday, traders said.")
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_change_measures_what_its_verb_is_said_of() -> None:
    claim = "Northwind shares fell about 2% after the announcement."
    assert stance(claim, "Online sales at Northwind fell 0.3% last year.") is None
    j = stance(claim, "Northwind shares fell 5% after the announcement.")
    assert j is not None and j.stance is Stance.CONFLICTS


def test_money_another_announced_is_not_the_speakers() -> None:
    claim = "Jane Moreau announced Rs 10 lakh for each family of the dead."
    quoted = "Moreau said “Railway has announced Rs 10 lakh for each family of the dead."
    outcome = decided(claim, quoted)
    assert (outcome.rule, getattr(outcome, "stance", None)) == ("figures.owned-by-another", None)
    j = stance(claim, "Jane Moreau announced Rs 10 lakh for each family of the dead.")
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_name_is_told_by_its_words_but_its_kind() -> None:
    """Two trains' names share their kind ("Express"), not which train they are."""
    claim = "The Coral Express was travelling at about 128 km/h."
    other = decided(claim, "The Harbour Superfast Express was travelling at 116 km/h.")
    assert (other.rule, getattr(other, "stance", None)) == ("figures.owned-by-another", None)
    same = stance(
        "The Harbour Superfast Express was travelling at 116 km/h.",
        "The City – HBR Superfast Express was travelling at 126 km/h, officials said.",
    )
    assert same is not None and same.stance is Stance.CONFLICTS


def test_a_possessive_ends_the_name_that_owns_a_count() -> None:
    j = stance(
        "The Green Party won a total of five seats.",
        "Ana Ruiz's Green party secured 1.9 million votes but only four seats.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS


def test_a_share_of_what_its_subject_has_is_its_subjects() -> None:
    claim = "Northwind cut about 10% of its staff in March."
    other = decided(
        claim,
        "Last week Globex said it would cut 13% of its staff.",
        article="Northwind cuts jobs in March. Northwind staff fear more.",
    )
    assert (other.rule, getattr(other, "stance", None)) == ("figures.owned-by-another", None)
    own = stance(claim, "Northwind said in March it would cut 13% of its staff.")
    assert own is not None and own.stance is Stance.CONFLICTS


def test_the_same_number_backs_a_claim_of_a_day_only_on_that_day() -> None:
    claim = "On July 6, the council revised its flood figure to 288."
    passage = "The council revised its flood figure, and 288 bodies have been found."
    that_day = decided(claim, passage, published_on=dt.date(2022, 7, 6))
    assert (that_day.rule, getattr(that_day, "stance", None)) == (
        "figures.same-value",
        Stance.SUPPORTS,
    )
    before = decided(claim, passage, published_on=dt.date(2022, 7, 2))
    assert getattr(before, "stance", None) is None


def test_a_word_english_lacks_is_a_name_though_it_opens_the_sentence() -> None:
    outcome = decided(
        "Northwind cut about 10% of its staff in March.",
        "Brightwave said this week it would cut 10% of its staff.",
        article="Northwind cuts jobs in March. Northwind staff fear more.",
    )
    assert (outcome.rule, getattr(outcome, "stance", None)) == ("figures.owned-by-another", None)
    assert outcome.reason == "the figure is said of Brightwave, whom the claim does not name"


def test_a_figure_of_an_earlier_year_says_nothing_of_an_undated_claim() -> None:
    claim = "The Greens finished the election with 131 seats."
    passage = "It is a few seats shy of the 138 seats won by the Greens in 1997."
    old = decided(claim, passage, published=2024)
    assert (old.rule, getattr(old, "stance", None)) == ("figures.another-year", None)
    assert old.reason == "the passage's 138 is of 1997, before its article"
    now = decided(claim, "The Greens finished the election with 138 seats.", published=2024)
    assert (now.rule, getattr(now, "stance", None)) == ("figures.disagree", Stance.CONFLICTS)
    dated = decided("In 1997 the Greens won 131 seats.", passage, published=2024)
    assert dated.rule != "figures.another-year"  # a claim that names its year is judged by it


def test_a_sentence_of_earlier_years_does_not_contradict_an_undated_claim() -> None:
    claim = "With all 40 wards counted, turnout was 61.2%, down from 64.5% in 2019."
    past = "Turnout stayed above 70% at every one of the council's elections until 1990."
    old = decided(claim, past, published=2024)
    assert (old.rule, getattr(old, "stance", None)) == ("figures.another-year", None)
    assert old.reason == "the passage speaks of 1990, before its article"
    final = decided(claim, "With all results declared, turnout was 61.2%.", published=2024)
    assert getattr(final, "stance", None) is Stance.SUPPORTS, final
    # the claim's own earlier figure, of its year, is no contradiction
    earlier = decided(claim, "Turnout was 64.5% at the last election in 2019.", published=2024)
    assert getattr(earlier, "stance", None) is not Stance.CONFLICTS, earlier


def test_an_interim_figure_does_not_contradict_a_final_one() -> None:
    claim = "Turnout in the Lorem poll was 59.9%."
    passage = "After 30 of 40 wards had been declared, turnout in the Lorem poll stood at 59.8%."
    early = decided(claim, passage)
    assert (early.rule, getattr(early, "stance", None)) == ("figures.interim", None)
    assert (
        early.reason == "the passage gives an interim figure (“30 of 40 wards had been declared”)"
    )
    final = decided(claim, passage.replace("30 of 40", "all 40"))
    assert (final.rule, getattr(final, "stance", None)) == ("figures.disagree", Stance.CONFLICTS)


def test_a_figure_of_the_party_is_of_the_one_named_first_before(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "The Ipsum defeat was even heavier than the Lorem victory. The party lost 52 seats and"
        " was reduced to a rump of 21, its worst result.\n\n"
        "The Lorem victory came as no surprise. The party won 131 seats and a majority.\n",
        encoding="utf-8",
    )
    matcher = Matcher(load_corpus(tmp_path), ANALYZER)
    outcomes = matcher.outcomes(Claim(id="c", text="Lorem won 120 seats."))
    rump = next(o for p, o in outcomes if "rump" in p.text)
    assert (rump.rule, getattr(rump, "stance", None)) == ("figures.described-other", None)
    assert rump.reason == (
        "the figure is said of “The party”, which takes up Ipsum, named first in the sentence"
        " before, not the claim's"
    )
    won = next(o for p, o in outcomes if "131" in p.text)
    assert (won.rule, getattr(won, "stance", None)) == ("figures.disagree", Stance.CONFLICTS)


def test_a_figure_of_it_is_of_the_name_the_sentence_gives_first() -> None:
    article = "Lorem and the Kurdish Front fought the election. Lorem did well."
    claim = "Lorem won 412 seats."
    theirs = decided(
        claim,
        "Kurdish Front leader Ana Ruiz hailed a record night for her party after it won 71 seats.",
        article=article,
    )
    assert (theirs.rule, getattr(theirs, "stance", None)) == ("figures.described-other", None)
    assert theirs.reason == (
        "the figure is said of “it”, which takes up Kurdish Front, named first in the sentence,"
        " not the claim's"
    )
    ours = decided(
        claim, "Lorem leader Ana Ruiz hailed a record night after it won 71 seats.", article=article
    )
    assert getattr(ours, "stance", None) is Stance.CONFLICTS


def test_a_name_of_several_words_owns_the_figure_its_last_word_is_parsed_as_subject() -> None:
    outcome = decided(
        "Lorem won 412 seats.",
        "The other big winner were the Kurdish Front, who won a record 71 seats.",
        article="Lorem and the Kurdish Front fought the election. Lorem did well.",
    )
    assert (outcome.rule, getattr(outcome, "stance", None)) == ("figures.owned-by-another", None)
    assert outcome.reason == "the figure is said of Kurdish Front, whom the claim does not name"


def test_a_projection_backs_no_result() -> None:
    outcome = decided(
        "The Blues won 131 seats.",
        "Projections say the Blues will have about 130 seats once all results are counted.",
    )
    assert (outcome.rule, getattr(outcome, "stance", None)) == ("figures.same-measure", None)
    assert "is a projection" in outcome.reason


def test_a_part_of_a_whole_counts_what_the_whole_does() -> None:
    claim = "Lorem won 412 of the 650 seats."
    fewer = decided(claim, "Lorem won 411 seats, the count showed.", article="Lorem won.")
    assert (fewer.rule, getattr(fewer, "stance", None)) == ("figures.disagree", Stance.CONFLICTS)
    assert fewer.reason == "claim 412 vs passage 411 seats"


def test_a_floor_is_not_a_final_figure() -> None:
    floor = "Police appealed for calm after the Lorem crash, where at least 275 people have died."
    final = decided("The final death toll of the Lorem crash was 275.", floor)
    assert (final.rule, getattr(final, "stance", None)) == ("figures.floor-not-final", None)
    assert final.reason == "the passage gives a floor (“at least 275”), not a final figure"
    fixed = decided(
        "The final death toll of the Lorem crash was 275.",
        "The final toll of the Lorem crash has been fixed at 275.",
    )
    assert getattr(fixed, "stance", None) is Stance.SUPPORTS
    undated = decided("The Lorem crash killed 275 people.", floor)
    assert getattr(undated, "stance", None) is Stance.SUPPORTS


def test_a_figure_of_last_year_does_not_contradict_an_undated_claim() -> None:
    claim = "Seven girls fell ill after a school trip to Lorem."
    passage = "Last year in Lorem, 31 girls fell ill after a school trip."
    old = decided(claim, passage, published=2015)
    assert (old.rule, getattr(old, "stance", None)) == ("figures.another-year", None)
    assert old.reason == "the passage speaks of 2014 (“Last year”), before its article"
    now = decided(claim, "In Lorem, 31 girls fell ill after a school trip.", published=2015)
    assert getattr(now, "stance", None) is Stance.CONFLICTS


def test_votes_cast_for_another_are_its_own() -> None:
    outcome = decided(
        "Ipsum won 9.7 million votes in the general election.",
        "Nine million votes were cast for Lorem in the general election.",
        article="Ipsum and Lorem fought the election.",
    )
    assert (outcome.rule, getattr(outcome, "stance", None)) == ("figures.owned-by-another", None)
    assert outcome.reason == "the figure is said of Lorem, whom the claim does not name"


def test_a_firms_workers_staff_and_workforce_are_one_count() -> None:
    outcome = decided(
        "Globex's roughly 18,000 job cuts amounted to about 10% of its workforce.",
        "The roughly 18,000 job cuts at Globex represent about 1.2% of the 1.544 million full-"
        " and part-time workers the company reported.",
    )
    assert (outcome.rule, getattr(outcome, "stance", None)) == (
        "figures.disagree",
        Stance.CONFLICTS,
    )
    assert (
        outcome.reason == "claim about 10% vs passage about 1.2% of the full- and part-time workers"
    )


def test_a_round_share_meets_a_numbered_one_only_where_it_says_the_same_act() -> None:
    claim = "Globex's roughly 18,000 job cuts amounted to about 10% of its workforce."
    article = "Globex cut jobs."
    where = decided(
        claim,
        "While most of Globex's 1.5 million employees work in warehouses, the job cuts will"
        " largely affect its corporate workforce.",
        article=article,
    )
    assert (where.rule, getattr(where, "stance", None)) == ("figures.same-measure", None)
    cut = decided(claim, "Most of Globex's employees were let go in the job cuts.", article=article)
    assert getattr(cut, "stance", None) is Stance.CONFLICTS


def test_a_day_of_the_months_before_the_article_is_of_its_time_not_history() -> None:
    claim = "Globex's roughly 18,000 job cuts amounted to about 10% of its workforce."
    passage = (
        "The roughly 18,000 job cuts at Globex represent about 1.2% of the 1.5 million workers"
        " the company reported as of Sept. 30, {year}."
    )
    recent = decided(claim, passage.format(year=2022), published_on=dt.date(2023, 1, 4))
    assert (recent.rule, getattr(recent, "stance", None)) == ("figures.disagree", Stance.CONFLICTS)
    old = decided(claim, passage.format(year=2019), published_on=dt.date(2023, 1, 4))
    assert (old.rule, getattr(old, "stance", None)) == ("figures.another-year", None)
    assert old.reason == "the passage speaks of 2019, before its article"


def test_a_later_lower_tally_contradicts_a_claims_bare_number() -> None:
    claim = "Global Lorem fever cases passed 6,000 in early June 2022."
    passage = "Globally, there have been more than {n} cases of Lorem fever since May."
    later = decided(claim, passage.format(n="3,400"), published_on=dt.date(2022, 7, 1))
    assert (later.rule, getattr(later, "stance", None)) == (
        "figures.later-lower-tally",
        Stance.CONFLICTS,
    )
    assert later.reason == (
        "claim 6,000 vs passage more than 3,400 cases, reported on 1 July 2022, after the"
        " claim's date (early June 2022): a tally does not fall"
    )
    near = decided(claim, passage.format(n="4,500"), published_on=dt.date(2022, 7, 1))
    assert getattr(near, "stance", None) is not Stance.CONFLICTS  # 4,500 may be 6,750
    before = decided(claim, passage.format(n="3,400"), published_on=dt.date(2022, 6, 2))
    assert getattr(before, "stance", None) is not Stance.CONFLICTS


def test_a_figure_in_an_article_that_never_names_the_claims_place_does_not_contradict_it() -> None:
    claim = "About 40 Lorem soldiers were killed fighting off the KF attack in northern Tabqa."
    passage = "Officials said three Lorem soldiers were killed fighting off the KF attack."
    elsewhere = decided(claim, passage, article="KF fighters attacked a Lorem base in Ipsum.")
    assert (elsewhere.rule, getattr(elsewhere, "stance", None)) == ("figures.elsewhere", None)
    assert elsewhere.reason == (
        "its article never names Tabqa, the claim's place: the figure may be another's"
    )
    # an article about Tabqa (its topic: ``figures.disagree`` asks that of a count that leaves
    # the place out)
    there = decided(
        claim, passage, article="KF fighters attacked a Lorem base near Tabqa.", topic="KF in Tabqa"
    )
    assert getattr(there, "stance", None) is Stance.CONFLICTS, there
    # backing is asked before, and stands: the article may write the place otherwise
    same = decided(claim, passage.replace("three", "40"), article="KF hit Ipsum.")
    assert getattr(same, "stance", None) is Stance.SUPPORTS, same


def test_the_place_of_a_when_clause_is_the_claims_place_too() -> None:
    claim = "More than 30 militants were killed when Lorem forces repelled the KF attack in Tabqa."
    passage = "Four militants were killed in a contested zone."
    elsewhere = decided(claim, passage, article="Lorem forces fought KF fighters in Ipsum.")
    assert elsewhere.rule == "figures.elsewhere", elsewhere
    there = decided(
        claim, passage, article="Lorem forces fought KF fighters in Tabqa.", topic="KF in Tabqa"
    )
    assert getattr(there, "stance", None) is Stance.CONFLICTS, there
    # four militants who stopped a car are not a count of the killed
    stopped = "The car was stopped by four militants in a contested zone."
    other = decided(claim, stopped, article="Lorem forces fought KF fighters in Tabqa.")
    assert other.rule == "figures.same-measure", other


def test_people_counted_by_a_name_are_not_the_claims_troops() -> None:
    claim = "About 500 Lorem troops are deployed in Ipsum."
    passage = (
        "About 500 Dolorians are believed to be fighting in Ipsum, as well as several hundred"
        " individuals from Lorem."
    )
    j = stance(claim, passage)
    assert j is None or j.stance is not Stance.SUPPORTS


def test_a_count_of_the_arrested_or_the_missing_is_not_a_toll() -> None:
    claim = "Six people were killed in the attacks in Lorem."
    assert stance(claim, "About 50 people have been arrested over the attacks in Lorem.") is None
    assert stance(claim, "About 50 people went missing after the attacks in Lorem.") is None
    j = stance(claim, "Two people were killed in the attacks in Lorem.")
    assert j is not None and j.stance is Stance.CONFLICTS
    # "detained" is said by "arrested"
    j = stance("About 30 people were detained in Lorem.", "About 30 people were arrested in Lorem.")
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_time_before_now_is_no_length_of_time() -> None:
    """ "Ago" dates an act: two such figures are compared only where their acts' words meet."""
    claim = "Ann Ipsum was married to Tom Baker for only three months six years ago."
    other = decided(
        claim,
        "Tom Baker said the woman who was detained about 10 days ago while travelling with a"
        " fake ID is Ann Ipsum.",
    )
    assert (other.rule, getattr(other, "stance", None)) == ("figures.same-measure", None)
    j = stance(claim, "Ann Ipsum was married to Tom Baker for only three months ten years ago.")
    assert j is not None and j.stance is Stance.CONFLICTS


def test_an_age_written_before_a_noun_is_an_age() -> None:
    claim = "The boy detained with Ann Lorem is nine years old."
    j = stance(claim, "Ann Lorem was detained with her 4-year-old son.")
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim nine years vs passage 4-year"
    j = stance(claim, "Ann Lorem was detained with her 9-year-old son.")
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_closed_compound_counts_what_its_head_does_but_for_people() -> None:
    j = stance(
        "Tom Baker counted 11 gunshots on the tape.", "Baker said there are 10 shots on the tape."
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim 11 vs passage 10 shots"
    other = decided(
        "Lorem sent 12 firefighters to the mill.", "Lorem sent 500 fighters to the mill."
    )
    assert getattr(other, "stance", None) is not Stance.CONFLICTS


def test_a_part_counted_without_its_noun_is_not_held_against_its_whole() -> None:
    claim = "50 passengers died when the Lorem bus crashed."
    for passage in (
        "Of the 300 passengers on the Lorem bus, 50 died.",
        "The Lorem bus carried 300 passengers and 50 died when it crashed.",
    ):
        j = stance(claim, passage)
        assert j is not None and j.stance is Stance.SUPPORTS, (passage, j)
        assert j.reason == "claim 50 matches passage 50 passengers"
    j = stance(
        "Seven girls as young as 13 fell ill on the Lorem trip.",
        "The 28 girls on the Lorem trip were 13 or 14, and seven of them fell ill.",
    )
    assert j is not None and j.stance is Stance.SUPPORTS, j
    # the verb it leaves its noun for still says what it counts
    j = stance(
        "Three of the Lorem singers fell ill, and six died.",
        "Of the 53 people who fell ill at the Lorem concert, two died.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS, j


def test_the_dead_are_counted_however_the_sentence_writes_them() -> None:
    for claim in ("50 passengers died in the Lorem bus crash.", "The Lorem bus crash killed 50."):
        for passage, said in (
            ("The death toll from the Lorem bus crash rose to 60.", "60 dead"),
            ("There were 60 fatalities in the Lorem bus crash.", "60 fatalities"),
            ("The Lorem bus crash claimed 60 lives.", "60 lives"),
            ("60 people lost their lives in the Lorem bus crash.", "60 people"),
        ):
            j = stance(claim, passage)
            assert j is not None and j.stance is Stance.CONFLICTS, (claim, passage, j)
            assert j.reason.endswith(f"vs passage {said}"), j.reason
        backed = stance(claim, "The Lorem bus crash claimed 50 lives.")
        assert backed is not None and backed.stance is Stance.SUPPORTS, backed
    # not the living: those the bus carried, the homes destroyed, other people killed
    claim = "50 passengers died in the Lorem bus crash."
    j = stance(claim, "The Lorem bus carried 300 passengers when it crashed.")
    assert j is None or j.stance is not Stance.CONFLICTS, j
    j = stance(claim, "The Lorem bus crash killed 12 and destroyed 40 homes.")
    assert j is not None and j.reason == "claim 50 vs passage 12 dead", j
    # and so are the injured
    for passage, said in (
        ("The Lorem bus crash left 1,175 injured.", "1,175 injured"),
        ("Officials put the number of injured in the Lorem bus crash at 1,175.", "1,175 injured"),
        ("The Lorem bus crash caused 1,175 injuries.", "1,175 injuries"),
        ("The Lorem bus crash killed 12 and injured 1,175.", "1,175 injured"),
    ):
        j = stance("The Lorem bus crash injured 900.", passage)
        assert j is not None and j.reason == f"claim 900 vs passage {said}", (passage, j)
    j = stance("The Lorem bus crash injured 900.", "The Lorem bus crash killed 1,175.")
    assert j is None or j.stance is not Stance.CONFLICTS, j
    # a count said with its own verb is of that verb; a ratio, a range or a scale's point no toll
    claim = "Six Lorem patients died."
    j = stance(claim, "Of the 48 Lorem patients, 2 had died and 15 were still hospitalized.")
    assert j is not None and j.reason == "claim Six vs passage 2 patients", j
    for passage in (
        "Lorem patients were less likely to die (hazard ratio, 0.7; 95% CI, 0.6-0.9).",
        "Lorem patients were scored from 1=discharged to 6=death.",
    ):
        j = stance(claim, passage)
        assert j is None, (passage, j)
    # a claim's synonyms do not make a death of "the end of September"
    employed = "Lorem employed about 1.5 million people at the end of September."
    j = stance(employed, "Lorem employed about 1.5 million people at the end of September.")
    assert j is not None and j.stance is Stance.SUPPORTS, j
    j = stance("Lorem killed 4 soldiers near Tabqa.", "Near Tabqa, 30 Lorem militants were killed.")
    assert j is None or j.stance is not Stance.CONFLICTS, j


def test_a_higher_tally_does_not_contradict_a_count_of_an_earlier_moment() -> None:
    claim = "When Lorem declared the emergency, 900 cases had been reported and five had died."
    outcome = decided(claim, "The Lorem outbreak has caused 26 deaths among 4,000 cases.")
    assert outcome.rule == "figures.grown-tally", outcome
    assert outcome.reason == (
        "a tally grows: the passage's 26 deaths may be a later count than the claim's five "
        "(“had died”)"
    )
    # a lower count, or a claim of no earlier moment, still contradicts
    lower = stance(claim, "The Lorem outbreak has caused two deaths among 400 cases.")
    assert lower is not None and lower.stance is Stance.CONFLICTS, lower
    plain = stance(
        "Five people died in the Lorem outbreak.", "The Lorem outbreak caused 26 deaths."
    )
    assert plain is not None and plain.stance is Stance.CONFLICTS, plain
    # "had" of having is no earlier moment
    held = "Lorem had about 600 cases when it declared the emergency."
    had = stance(held, "With over 7,000 cases recorded, Lorem declared the emergency.")
    assert had is not None and had.stance is Stance.CONFLICTS, had


def test_a_figure_that_is_another_of_the_claims_numbers_contradicts_none() -> None:
    claim = "Of the 276 girls seized in Lorem, 57 escaped and 219 remained in captivity."
    for passage in (
        "The fate of 219 girls seized in Lorem is unknown.",
        "More than 200 girls seized in Lorem are still held.",
    ):
        j = stance(claim, passage)
        assert j is None or j.stance is Stance.SUPPORTS, (passage, j)
    j = stance(claim, "Of the 276 girls seized in Lorem, 12 escaped.")
    assert j is not None and j.stance is Stance.CONFLICTS
    # another of the claim's numbers counts another thing: "two Iraqis" are no wives
    j = stance(
        "Lorem said Tom Baker has three wives: two Iraqis and a Syrian.",
        "Lorem added that Tom Baker has two wives but neither is named Ann.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS


def test_a_count_that_is_part_of_another_backs_its_number_and_contradicts_no_total() -> None:
    claim = "At least six attacks have hit Lorem since the truce."
    for passage in (
        "Violence went on in Lorem since the truce, including one attack that left eight dead.",
        "In one attack since the truce, gunmen hit a market in Lorem.",
    ):
        j = stance(claim, passage)
        assert j is None or j.stance is Stance.SUPPORTS, passage
    j = stance(
        "22 police officers were arrested in Lorem.",
        "Thirty people, including 22 police officers, were arrested in Lorem.",
    )
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_distance_the_claim_measures_from_a_place_is_said_by_one_from_there() -> None:
    claim = "The strike hit the camp about 170 kilometres south of Ipsum."
    said = decided(claim, "The attack took place 105 miles (170 kilometers) south of Ipsum.")
    assert (said.rule, getattr(said, "stance", None)) == ("figures.agree", Stance.SUPPORTS), said


def test_a_toll_is_not_read_as_another_events_count_nor_owned_by_who_caused_it() -> None:
    claim = "A bombing in Lorem on Friday killed eight people and wounded 41."
    passage = "A car bomb planted by the Ipsum group killed at least 10 people in Lorem on Friday."
    j = stance(claim, passage)
    assert j is not None and j.stance is Stance.CONFLICTS, j
    assert j.reason == "claim eight vs passage at least 10 people"


def test_a_count_named_as_known_beside_the_claim_is_not_what_it_says() -> None:
    claim = "The Lorem mayor was detained along with the 22 police officers arrested last week."
    passage = "Lorem officials said 22 police officers had been arrested last week."
    j = stance(claim, passage)
    assert j is None or j.stance is not Stance.SUPPORTS, j


def test_one_events_count_is_what_happened_on_its_day() -> None:
    claim = "The army said the operation killed 15 Lorem militants."
    passage = "The army said an operation early on Saturday killed 10 Lorem militants."
    assert explain(claim, passage) == "conflicts: claim 15 vs passage 10 militants"
    total = "The army said its operations killed 15 Lorem militants."
    assert stance(total, passage) is None  # many operations: one day's count is not the total


def test_a_count_that_leaves_out_the_claims_event_may_count_another() -> None:
    claim = "The siege of the Lorem Mall in Tabqa left 67 people dead."
    article = "The siege of the Lorem Mall in Tabqa shocked the region. Rebels blamed the army."
    other = decided(claim, "Six people were killed in the attack.", article=article)
    assert other.rule == "figures.disagree" and getattr(other, "stance", None) is None
    assert other.reason.startswith("the passage's figure may count another event")
    # named just before it, the event is the claim's
    before = decided(
        claim, "Six people were killed in the attack.", article=article,
        before="The siege of the Lorem Mall in Tabqa ended on Monday.",
    )  # fmt: skip
    assert getattr(before, "stance", None) is Stance.CONFLICTS
    # a pronoun may stand for it, and a toll is the story's own count
    they = decided(
        "The Lorem Front has carried out fewer than 1,000 raids.",
        "They have carried out over 1,500 raids.",
        article="The Lorem Front began its campaign in 2014.",
    )
    assert getattr(they, "stance", None) is Stance.CONFLICTS
    toll = decided(
        "The final death toll of the Lorem crash was 275.",
        "The top civil servant said the official death toll had risen to 288.",
        article="The Lorem crash was the worst in decades.",
    )
    assert getattr(toll, "stance", None) is Stance.CONFLICTS
    # a count that agrees is still read as backing
    same = decided(claim, "At least 67 people were killed in the attack.", article=article)
    assert getattr(same, "stance", None) is Stance.SUPPORTS


def test_a_depth_does_not_answer_a_width() -> None:
    claim = "The blast left a 16-foot-deep crater in Tabqa."
    wide = decided(claim, "The blast left a 40-foot-wide crater in Tabqa.")
    assert (wide.rule, getattr(wide, "stance", None)) == ("figures.same-measure", None)
    assert wide.reason == "the passage's 40 is a width, the claim's 16 is a depth"
    both = decided(claim, "The crater the blast left in Tabqa is 40 feet wide and 16 feet deep.")
    assert getattr(both, "stance", None) is Stance.SUPPORTS, both
    deeper = decided(claim, "The blast left a 20-foot-deep crater in Tabqa.")
    assert getattr(deeper, "stance", None) is Stance.CONFLICTS, deeper
