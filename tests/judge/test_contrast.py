"""When and where: another year, day, hour or direction conflicts; none given is left out. Self-
made examples."""

from __future__ import annotations

from judging import ANALYZER, decided, each_rule_decides, explain, stance

from dossier.analysis.facets import contrast
from dossier.judge.analyze import analyze_claim, analyze_passage
from dossier.models import Stance


def test_another_year_for_the_same_event_conflicts() -> None:
    j = stance(
        "Russia began its air campaign in Tabqa in 2014.",
        "Russia began its air campaign in Tabqa in 2015.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim says 2014, passage says 2015"


def test_since_a_year_covers_the_years_after_it() -> None:
    j = stance(
        "The Kurdish Front has held Tabqa since 2016.",
        "Since 2016, the KF has held Tabqa.",
    )
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_passage_without_a_year_speaks_of_its_articles_year() -> None:
    claim = "About 3,000 Russian troops were deployed to Tabqa in 2014."
    passage = "About 3,000 Russian troops are now deployed to Tabqa."
    assert stance(claim, passage, published=2017) is None  # another year's count
    assert stance(claim, passage, published=2014) is not None
    assert stance(claim, passage) is None  # an undated article cannot speak for 2014


def test_another_direction_conflicts_and_none_is_not_evidence() -> None:
    claim = "The Wadi oil field lies north of Tabqa."
    j = stance(claim, "The Wadi oil field is located in a desert south of Tabqa.")
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim says north, passage says south"
    assert stance(claim, "The Wadi oil field near Tabqa was retaken.") is None


def test_a_direction_that_is_part_of_a_place_name_is_not_the_claims_point() -> None:
    j = stance(
        "More than 30 militants were killed in northern Hama.",
        "In northern Hama, about 40 militants were killed.",
    )
    assert j is not None and j.stance is Stance.SUPPORTS


def test_another_direction_still_covers_the_claims_bearing() -> None:
    j = stance(
        "Tabqa forces broke the siege of Raqqa from the east.",
        "Tabqa forces finally broke the siege of Raqqa from the west.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim says east, passage says west"


def test_another_day_of_the_same_month_or_another_hour_conflicts() -> None:
    j = stance("The residency runs through June 15.", "The residency runs through June 7.")
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim says June 15, passage says June 7"
    j = stance("The residency runs through June 15.", "The residency runs through June.")
    assert j is not None and j.stance is Stance.SUPPORTS
    j = stance("The talk is set for 7:30 p.m. today.", "The talk is set for 3:30 p.m. today.")
    assert j is not None and j.reason == "claim says 7:30 p.m., passage says 3:30 p.m."


def test_the_lowest_since_a_year_does_not_date_the_passage() -> None:
    claim = "Brent crude traded above $55 a barrel in 2017."
    assert stance(claim, "Brent crude rose to $78 a barrel, its highest since 2011.") is None
    j = stance(
        "IS held about 80 percent of Tabqa in 2017.", "Since 2014, IS has held 60 percent of Tabqa."
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    j = stance(
        "IS held about 80 percent of Tabqa in 2017.",
        "IS has held 60 percent of Tabqa in the west since 2014.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS  # "the west" is no superlative


def test_the_lowest_since_a_year_in_the_claim_dates_nothing_but_must_agree() -> None:
    claim = "The rupee fell to 81.63, its weakest level since late 2010."
    j = stance(claim, "The rupee fell to 41.63, its weakest level since late 2010.")
    assert j is not None and j.stance is Stance.CONFLICTS  # not left out for want of a date
    assert explain(claim, "The rupee fell to 81.63, its weakest level since 2012.") == (
        "left out: claim says since 2010, passage says since 2012"  # another day, as for years
    )


# --- each rule of the family, on a case it decides -------------------------------------------


test_each_rule_decides_its_own_case = each_rule_decides(
    [
        (
            "contrast.figure",
            "About 3,000 Russian troops were deployed to Tabqa in 2014.",
            "About 3,000 Russian troops are now deployed to Tabqa.",
            {"published": 2017},
            None,
        ),
        (
            "contrast.unanswered",
            "The Wadi oil field lies north of Tabqa.",
            "The Wadi oil field near Tabqa was retaken.",
            {},
            None,
        ),
        (
            "contrast.answered-otherwise",
            "Russia began its air campaign in Tabqa in 2014.",
            "Russia began its air campaign in Tabqa in 2015.",
            {},
            Stance.CONFLICTS,
        ),
    ]
)


def test_a_majority_is_in_one_place_only() -> None:
    claim = "Most of the jobs cut in the January round were in the Northwind Cloud unit."
    other = decided(
        claim,
        "The majority of the jobs cut in the January round were in the Northwind Retail unit.",
        published=2023,
    )
    assert (other.rule, getattr(other, "stance", None)) == ("contrast.figure", Stance.CONFLICTS)
    assert other.reason.startswith("claim says in Northwind Cloud, passage says in Northwind")
    same = decided(
        claim,
        "The majority of the jobs cut in the January round were in the Northwind Cloud unit.",
        published=2023,
    )
    assert getattr(same, "stance", None) is Stance.SUPPORTS
    # a count of another place is only not the claim's
    count = decided(
        "About 400 of the jobs cut were in the Northwind Cloud unit.",
        "About 300 of the jobs cut were in the Northwind Retail unit.",
        published=2023,
    )
    assert getattr(count, "stance", None) is None


def test_no_year_is_asked_where_the_corpus_dates_no_article() -> None:
    claim = analyze_claim("About 3,000 Russian troops were deployed to Tabqa in 2014.", ANALYZER)
    passage = analyze_passage(
        "About 3,000 Russian troops are now deployed to Tabqa.", ANALYZER, None
    )
    found = contrast(claim.facets, passage.facets, None, passage.keys)
    assert found is not None and found.reason == "claim says 2014; the passage's date is not known"
    assert contrast(claim.facets, passage.facets, None, passage.keys, dated_corpus=False) is None


def test_a_claim_of_what_happened_on_a_day_needs_a_passage_that_gives_a_day() -> None:
    claim = "The Lorem bridge was closed on April 14, 2014."
    vague = decided(claim, "The Lorem bridge was closed in April.")
    assert (vague.rule, vague.reason) == (
        "contrast.unanswered",
        "claim says April 14; the passage gives no day",
    )
    for passage, published in [
        ("The Lorem bridge was closed in April.", 2014),  # its article's date answers
        ("The Lorem bridge was closed on Monday.", 2014),
    ]:
        said = decided(claim, passage, published=published)
        assert getattr(said, "stance", None) is Stance.SUPPORTS, passage
    other = decided(claim, "The Lorem bridge was closed on April 15.")
    assert (other.rule, getattr(other, "stance", None)) == (
        "contrast.answered-otherwise",
        Stance.CONFLICTS,
    )
    # The day someone said a thing is the saying's: what they said is reported without it.
    said = decided(
        "On Tuesday, April 14, the mayor of Lorem said the bridge was closed.",
        "The mayor of Lorem said the bridge was closed.",
    )
    assert getattr(said, "stance", None) is Stance.SUPPORTS


def test_another_weekday_or_month_for_the_same_event_conflicts() -> None:
    claim = "Protesters set fire to the state buildings in Lorem on Monday."
    j = stance(claim, "Protesters set fire to the state buildings in Lorem on Tuesday.")
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim says on Monday, passage says on Tuesday"
    # the day something was said is not the day it happened
    said = "The mayor said on Tuesday that protesters set fire to the state buildings in Lorem."
    j = stance(claim, said)
    assert j is not None and j.stance is Stance.SUPPORTS
    j = stance("Tom Baker flew to Lorem in May 2009.", "Tom Baker flew to Lorem in August 2009.")
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim says in May, passage says in August"


def test_a_place_the_claim_names_is_no_other_place() -> None:
    claim = analyze_claim("Tom Baker was kidnapped in Dolor's capital Lorem in 2013.", ANALYZER)
    passage = analyze_passage("Tom Baker was abducted in Lorem in 2013.", ANALYZER, None)
    other = contrast(claim.facets, passage.facets, None, passage.keys)
    assert other is not None and other.reason == "claim says in Dolor's, passage says in Lorem"
    assert (
        contrast(claim.facets, passage.facets, None, passage.keys, claim_keys=claim.names) is None
    )


def test_a_bearing_meets_the_compound_it_is_part_of() -> None:
    claim = analyze_claim("The strike hit the camp about 170 km south of Lorem.", ANALYZER)
    for written, meets in (("southwest", True), ("south-west", True), ("north-west", False)):
        passage = analyze_passage(f"The camp lies 300 km {written} of Lorem.", ANALYZER, None)
        differs = contrast(claim.facets, passage.facets, None, passage.keys)
        assert (differs is None) is meets, written
    ours = analyze_claim("The town lies north-east of Lorem.", ANALYZER)
    theirs = analyze_passage("The town lies north-west of Lorem.", ANALYZER, None)
    assert contrast(ours.facets, theirs.facets, None, theirs.keys) is not None
