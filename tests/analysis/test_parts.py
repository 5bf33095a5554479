"""The statements a compound claim joins. Self-made examples."""

from __future__ import annotations

import pytest

from dossier.analysis.parts import claim_parts, descriptions


@pytest.mark.parametrize(
    ("claim", "parts"),
    [
        (
            "The minister dismissed the reports as rumours, saying the driver had a green signal.",
            ["The minister dismissed the reports as rumours.", "The driver had a green signal."],
        ),
        (
            "The mayor put the toll at 40, while the police stood by a figure of 31.",
            ["The mayor put the toll at 40.", "The police stood by a figure of 31."],
        ),
        (
            "Acme cut 500 jobs, adding that more cuts would follow next year.",
            ["Acme cut 500 jobs.", "More cuts would follow next year."],
        ),
        (
            "The firm cut 300 jobs and closed two plants.",
            ["The firm cut 300 jobs.", "The firm closed two plants."],
        ),
        (
            "On Monday the mayor said the bridge had reopened and that 40 families had returned.",
            [
                "On Monday the mayor said the bridge had reopened.",
                "On Monday the mayor said that 40 families had returned.",
            ],
        ),
        (
            "The mayor put the toll at 40, saying two bodies were counted twice, and put the "
            "number of injured at 120.",
            [
                "The mayor put the toll at 40.",
                "Two bodies were counted twice.",
                "The mayor put the number of injured at 120.",
            ],
        ),
        (
            "The Lorem Post was the first to publish the name, and the Ipsum Times released its"
            " own report an hour later.",
            [
                "The Lorem Post was the first to publish the name.",
                "The Ipsum Times released its own report an hour later.",
            ],
        ),
        (
            "The army took the town on Monday, but the rebels held the hills.",
            ["The army took the town on Monday.", "The rebels held the hills."],
        ),
        (
            "The Lorem prosecutor said the remains of at least 28 people had been found in the"
            " graves and that the bodies had been covered in gasoline.",
            [
                "The Lorem prosecutor said the remains of at least 28 people had been found in"
                " the graves.",
                "The Lorem prosecutor said that the bodies had been covered in gasoline.",
            ],
        ),
        # a verb joined to a predicate with a copula ("was safe") is coordinated with it,
        # whatever clause the parser put it in
        (
            "The Lorem mayor said the bridge was safe, but admitted that the repairs had not been"
            " finished.",
            [
                "The Lorem mayor said the bridge was safe.",
                "The Lorem mayor admitted that the repairs had not been finished.",
            ],
        ),
        (
            "Tom Baker wrote that he was safe and told readers to ignore the reports.",
            [
                "Tom Baker wrote that he was safe.",
                "Tom Baker wrote that he told readers to ignore the reports.",
            ],
        ),
        ("The fund paid Rs 2 lakh to the injured and Rs 50,000 to the others.", []),
        ("About 500 US troops are deployed in Syria.", []),
        ("The fire spread, saying nothing.", []),  # a part too short to be a statement
        ("While the army advanced, the rebels withdrew to the hills.", []),
        # a noun the tagger read as a verb beside a verb of another form joins no statements
        ("There is no link between smoking and illness progression in Tabqa.", []),
        # a share said alone is of those named before: no statement of its own
        (
            "Researchers reported results from antibody tests on 3,300 people in Tabqa in April,"
            " 2020: between 1.5 percent and 2.8 percent had been infected, they claimed.",
            [],
        ),
        # nor does a text the parser reads as two sentences
        ("Acme cut jobs. It closed two plants and sold a mill in Tabqa.", []),
    ],
)
def test_a_compound_claim_is_split_where_two_statements_are_joined(
    claim: str, parts: list[str]
) -> None:
    assert claim_parts(claim) == parts


@pytest.mark.parametrize(
    ("claim", "parts", "described"),
    [
        # a participle clause after a comma: the verb before it says who did it
        (
            "Rebels seized the town of Tabqa, killing 12 people and forcing hundreds to flee.",
            [
                "Rebels seized the town of Tabqa.",
                "Rebels killing 12 people and forcing hundreds to flee.",
            ],
            [],
        ),
        # a relative clause set off by commas describes the noun before it
        (
            "The mayor, who had served for 12 years before joining the council in 2006, shot "
            "the intruder.",
            [
                "The mayor shot the intruder.",
                "The mayor had served for 12 years before joining the council in 2006.",
            ],
            ["The mayor had served for 12 years before joining the council in 2006."],
        ),
        # an appositive: the name's description
        (
            "Tom Baker, the lawyer for the driver, said he heard four shots.",
            ["Tom Baker said he heard four shots.", "Tom Baker is the lawyer for the driver."],
            ["Tom Baker is the lawyer for the driver."],
        ),
        # ... whose noun comes after a hyphened modifier
        (
            "Tom Baker, a 33-year-old photographer, was kidnapped in Lorem in 2013.",
            [
                "Tom Baker was kidnapped in Lorem in 2013.",
                "Tom Baker is a 33-year-old photographer.",
            ],
            ["Tom Baker is a 33-year-old photographer."],
        ),
        # a past participle phrase set off by commas
        (
            "The report, released on Tuesday, found that 40 workers had left the mill.",
            [
                "The report found that 40 workers had left the mill.",
                "The report was released on Tuesday.",
            ],
            ["The report was released on Tuesday."],
        ),
        # a comma before "and" closes what the mayor reported: "said" is the mayor's
        (
            "The mayor told the radio station that the firm had the permits and would open the "
            "plant, and said he was hopeful.",
            [
                "The mayor told the radio station that the firm had the permits and would open "
                "the plant.",
                "The mayor said he was hopeful.",
            ],
            [],
        ),
        # "and 243 stayed": a conjunct whose own subject the parse missed is no statement
        ("Acme said 57 of the 300 workers left and 243 stayed.", [], []),
        # a time's description and an opening phrase are no statements of their own
        ("The mill closed on Monday, the day of the strike.", [], []),
        ("In a letter to the mayor, Tom Baker asked for help.", [], []),
        # nor is a noun of a list in -ing
        ("The risk rose with drought, hunting, and the wildlife trade.", [], []),
    ],
)
def test_descriptions_and_participle_clauses_are_parts(
    claim: str, parts: list[str], described: list[str]
) -> None:
    assert claim_parts(claim) == parts
    assert descriptions(claim) == frozenset(described)
