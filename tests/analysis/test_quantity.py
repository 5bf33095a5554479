"""Figures: numbers, number words, units, hedges, and how a passage's figure meets a claim's."""

from __future__ import annotations

import math

import pytest

from dossier.analysis.quantity import Agreement, compare, extract


def one(text: str):  # type: ignore[no-untyped-def]
    found = extract(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "unit", "noun"),
    [
        ("they conducted over 1,500 strikes", 1500, 1500, math.inf, "count", "strikes"),
        ("there are about 500 US troops", 500, 450, 550, "count", "troops"),
        ("We control 80 per cent of Raqa and the other", 80, 80, 80, "percent", "Raqa"),
        ("seized around 65 percent of the city.", 65, 62.5, 67.5, "percent", "the city"),
        ("the SDF holds 80% of Raqqa", 80, 80, 80, "percent", "Raqqa"),
        ("at least 7 kilometres of territory", 7, 7, math.inf, "km", "territory"),
        (
            "helped train almost 60,000 Iraqi security forces",
            60000,
            54000,
            60000,
            "count",
            "forces",
        ),
        ("a dozen soldiers were wounded", 12, 12, 12, "count", "soldiers"),
        ("seven militants", 7, 7, 7, "count", "militants"),
        ("fewer than 1,000 strikes", 1000, 0, 1000, "count", "strikes"),
        ("up to 300 fighters", 300, 0, 300, "count", "fighters"),
        ("between 400 and 600 troops", 400, 400, 600, "count", "troops"),
        ("IS lost more than half of Raqqa", 50, 50, 100, "percent", "Raqqa"),
        ("the army took control of most of the town", 50, 50, 100, "percent", "the town"),
        ("the majority of the valley", 50, 50, 100, "percent", "the valley"),
        ("around 5.8 million people face hunger", 5.8e6, 5.55e6, 6.05e6, "count", "people"),
        ("France paid $13.2 million for the release", 13.2e6, 13.2e6, 13.2e6, "usd", None),
        ("an ex gratia of Rs 10 lakh to the kin", 1e6, 1e6, 1e6, "inr", None),
        ("its share rose one percentage point", 1, 1, 1, "percent", None),
        ("Rs. 2 crore was paid", 2e7, 2e7, 2e7, "inr", None),
        ("a grant of ₹50,000 each", 5e4, 5e4, 5e4, "inr", None),
        ("Manson, now 80 and in prison", 80, 80, 80, "number", None),
        (
            "trained nearly 9,000 members of Mali's police force",
            9000,
            8100,
            9000,
            "count",
            "Mali's police force",
        ),
    ],
)
def test_figures_are_read_with_their_hedge_unit_and_noun(
    text: str, value: float, low: float, high: float, unit: str, noun: str | None
) -> None:
    q = one(text)
    assert (q.value, q.unit, q.noun) == (value, unit, noun)
    assert (q.low, q.high) == pytest.approx((low, high))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("a vandal hit a £1.5million car", 1.5e6, "gbp"),
        ("the firm sold $2.5bn of watches", 2.5e9, "usd"),
        ("the repair cost $3m", 3e6, "usd"),
        ("she was paid £40k", 4e4, "gbp"),
        ("a debt of 3.2tn yen", 3.2e12, "count"),
        ("1.5million people signed it", 1.5e6, "count"),
        ("a 5km run", 5, "km"),
        ("the train ran at 128kmph", 128, "km/h"),
    ],
)
def test_a_scale_or_unit_glued_to_its_number_is_read(text: str, value: float, unit: str) -> None:
    q = one(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


def test_m_and_k_are_scales_only_after_a_currency_sign() -> None:
    assert extract("a 5m wall") == []
    assert extract("he ran 10k") == []


def test_a_part_counted_out_of_a_whole_counts_what_the_whole_does() -> None:
    part, whole = extract("Three out of 40 passengers were hurt.")
    assert (part.value, part.noun, whole.value, whole.noun) == (3, "passengers", 40, "passengers")
    whole, part = extract("Out of the 28 pupils, seven reportedly came home early.")
    assert (part.value, part.noun) == (7, "pupils")
    won, _ = extract("Labour won 412 of the 650 seats.")
    assert (won.unit, won.noun) == ("count", "seats")  # whose seats, the judge tells apart


def test_units_convert_to_one_scale() -> None:
    assert one("about 4 miles of road").value == pytest.approx(6.437, abs=0.001)
    assert one("spent an hour on the phone").value == 1
    assert one("at least two hours in advance").low == 2
    assert one("a nearly three-year siege").unit == "hour"


@pytest.mark.parametrize(
    "text", ["at about 128 km/h", "at 128 kph", "at 128 kmph", "at 128 km per hour"]
)
def test_a_speed_is_a_speed_however_it_is_written(text: str) -> None:
    q = one(text)
    assert (q.unit, q.noun) == ("km/h", None)
    assert q.low <= 128 <= q.high
    assert one("at 80 mph").value == pytest.approx(128.75, abs=0.01)
    assert compare(one("at about 128 km/h"), one("at 128 kph")) is Agreement.AGREE


@pytest.mark.parametrize(
    "text", ["Since 2014, IS has held", "On September 9 the SDF", "on 20 September 2017"]
)
def test_years_and_days_of_the_month_are_not_figures(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        ("more than 1,500 strikes", "over 1,500 strikes", Agreement.AGREE),
        ("over 1,500 strikes", "over 1,500 strikes", Agreement.AGREE),
        ("80% of Raqqa", "80 per cent of Raqa", Agreement.AGREE),
        ("80% of Raqqa", "around 65 percent of the city", Agreement.CONFLICT),
        ("about 500 troops", "about 500 troops", Agreement.AGREE),
        ("about 500 troops", "520 troops", Agreement.AGREE),
        ("about 500 troops", "900 troops", Agreement.CONFLICT),
        ("7 km of territory", "at least 7 kilometres of territory", Agreement.AGREE),
        ("fewer than 1,000 strikes", "over 1,500 strikes", Agreement.CONFLICT),
        ("more than 2,000 strikes", "over 1,500 strikes", Agreement.UNCLEAR),
        ("80% of Raqqa", "more than half of Raqqa", Agreement.UNCLEAR),
        ("less than half of Raqqa", "more than half of Raqqa", Agreement.CONFLICT),
        ("7 km of territory", "7 miles of territory", Agreement.CONFLICT),
        ("7 km of territory", "65 percent of the city", Agreement.UNCLEAR),
        # A count in round words: the passage's least count must be "dozens" ...
        ("dozens of civilians", "43 civilians", Agreement.AGREE),
        ("dozens of civilians", "at least 43 civilians", Agreement.AGREE),
        ("dozens of civilians", "about 30 civilians", Agreement.AGREE),
        ("dozens of civilians", "3 civilians", Agreement.CONFLICT),
        ("dozens of civilians", "fewer than 20 civilians", Agreement.CONFLICT),
        ("dozens of civilians", "150 civilians", Agreement.UNCLEAR),  # loosely, still dozens
        # ... and in a passage, it sets a floor and contradicts nothing.
        ("more than 20 airstrikes", "dozens of airstrikes", Agreement.AGREE),
        ("dozens of airstrikes", "dozens of airstrikes", Agreement.AGREE),
        ("over 1,500 airstrikes", "dozens of airstrikes", Agreement.UNCLEAR),
        ("fewer than 1,000 airstrikes", "hundreds of airstrikes", Agreement.UNCLEAR),
        ("about 50 airstrikes", "dozens of airstrikes", Agreement.UNCLEAR),
        # a figure is as precise as it is written, wherever its number stands in its words
        ("about 42 million people", "some 42.4 million people", Agreement.AGREE),
        ("over 1.5 million workers", "more than 1.544 million workers", Agreement.AGREE),
        ("nearly 3,000 troops", "about 2,950 troops", Agreement.AGREE),
        ("about 42 million people", "27 million people", Agreement.CONFLICT),
        ("at most 42 million people", "42.4 million people", Agreement.UNCLEAR),
        # "more than N" is said of a number a little above N, not of any larger one
        ("more than 17,000 workers", "17,500 workers", Agreement.AGREE),
        ("more than 17,000 workers", "1.5 million workers", Agreement.UNCLEAR),
        ("more than 4,000 cases", "more than 16,000 cases", Agreement.UNCLEAR),
        ("more than 4,000 cases", "3,200 cases", Agreement.CONFLICT),
    ],
)
def test_a_passage_figure_backs_contradicts_or_leaves_open_a_claim_figure(
    claim: str, passage: str, expected: Agreement
) -> None:
    assert compare(one(claim), one(passage)) is expected


def test_twice_counts_the_act_not_the_next_word() -> None:
    q = one("the depot was shelled twice by the rebels")
    assert (q.value, q.unit, q.noun) == (2, "times", None)


def test_most_is_a_share_only_before_of() -> None:
    assert extract("the most severe attacks") == []


@pytest.mark.parametrize(
    "text",
    ["a news conference at 3:30 p.m. on Friday", "A second lump was removed", "in 2014"],
)
def test_clock_times_ordinals_and_years_are_not_figures(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "figure", "hedge"),
    [
        ("The house is under 24-hour guard.", "24-hour", None),  # under guard, all day long
        ("Yields on over 10-year bonds rose.", "10-year", None),
        ("He spent under 24 hours there.", "under 24 hours", "under"),
        ("It ended a nearly three-year siege.", "nearly three-year", "nearly"),  # not a preposition
    ],
)
def test_a_preposition_before_a_figure_that_qualifies_a_noun_is_no_hedge(
    text: str, figure: str, hedge: str | None
) -> None:
    [quantity] = extract(text)

    assert (quantity.text, quantity.hedge) == (figure, hedge)
    assert text[quantity.start : quantity.end] == quantity.text


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Dozens of civilians were killed.", ("Dozens", 24, 99, "civilians")),
        ("Hundreds of families fled.", ("Hundreds", 200, 999, "families")),
        ("Thousands of Syrian refugees left.", ("Thousands", 2_000, 9_999, "refugees")),
        ("hundreds of thousands of people", None),  # no count in round words
        ("tens of thousands of refugees", None),
        ("dozens of them", None),  # counts nothing named
        ("Dozens were killed.", None),
    ],
)
def test_a_count_in_round_words_is_the_numbers_it_allows(
    text: str, read: tuple[str, float, float, str] | None
) -> None:
    vague = [(q.text, q.low, q.high, q.noun) for q in extract(text) if q.vague]
    assert vague == ([read] if read else [])


@pytest.mark.parametrize("without_of", ["Thousands fled the city.", "Hundreds killed in Raqqa"])
def test_a_round_word_that_counts_nothing_named_is_no_figure(without_of: str) -> None:
    assert extract(without_of) == []  # not 2,000 people who "fled", nor 200 "killed"


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Seven kilometres separate the two forces.", ["Seven kilometres"]),
        ("The three men were killed on Sunday.", []),
        ("Those five soldiers were never found.", []),
        ("Three men were killed on Sunday.", ["Three"]),  # counted here
        ("The 500 troops stay.", ["500"]),  # in digits: a figure the text gives
        ("the majority of the civilians", ["the majority"]),
        ("the ten-day truce", ["ten-day"]),  # a length of time, not a group
        # "one of" after a copula says who belongs to a group, not how many did something
        ("The gunman was not one of the 93 people on the list.", ["93"]),
        ("She is one of the hostages.", []),
        ("One soldier was killed.", ["One"]),
    ],
)
def test_a_number_word_after_the_points_back_to_a_group_and_is_no_count(
    text: str, figures: list[str]
) -> None:
    assert [q.text for q in extract(text)] == figures


@pytest.mark.parametrize(
    ("text", "value"),
    [("It was No. 497 on the list.", 497), ("He is ranked number 3.", 3), ("the #1 bestseller", 1)],
)
def test_a_place_in_a_ranking_is_a_rank_not_a_count(text: str, value: float) -> None:
    [quantity] = extract(text)

    assert (quantity.unit, quantity.value) == ("rank", value)


def test_a_rank_is_compared_with_ranks_only() -> None:
    claim = extract("The song was No. 497 on the list of The 500 Greatest Songs.")
    passage = extract("The song was No. 248 on the list of The 500 Greatest Songs.")

    assert [(c.unit, p.unit, compare(c, p)) for c, p in zip(claim, passage, strict=True)] == [
        ("rank", "rank", Agreement.CONFLICT),
        ("number", "number", Agreement.AGREE),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "COVID-19 patients",
        "levels of IL-10 rose",
        "the F-16 jets",
        "traffic on I-71 near the city",
        "patients with type 1 diabetes",
        "a phase 3 trial",
        "Section 144 was imposed",
        "the 12841 Shalimar Express derailed",
        "date 2023-06-02 at the station",
        "on 06/02 at the station",
        "flight 06 landed",
        "depletion of T-helper 17 (Th17) cells",
        "levels of interleukin 6 (IL-6) rose",
        "ahead of the 9/11 anniversary",
        "a 24/7 helpline",
        "the 80's Brat Pack star",
        "conversion of PGE 2 to its ligand",
    ],
)
def test_a_number_in_a_name_or_code_is_no_figure(text: str) -> None:
    assert extract(text) == []


def test_numbers_beside_names_are_still_figures() -> None:
    assert [q.value for q in extract("Labour 412, Conservatives 121")] == [412, 121]
    assert [q.value for q in extract("SNP 9, Reform 5")] == [9, 5]
    assert [q.value for q in extract("US 500 troops")] == [500]
    assert [q.value for q in extract("It killed 17 (seventeen) people")] == [17]
    figures = extract("COVID-19 cases rose to 12,841 in a 49-day span")
    assert [q.value for q in figures][:1] == [12841]
    assert one("a 49-day tenure").unit == "hour"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The rapper died at 57.", 57, 57),
        ("Jackson has died at age 57 from kidney failure.", 57, 57),
        ("He was 57.", 57, 57),
        ("The victim, 41, was a Lorem man.", 41, 41),
        ("The man is 57 years old.", 57, 57),
        ("The 44-year-old aid worker was kidnapped.", 44, 44),
        ("Seven girls aged 13-14 fell ill.", 13, 14),
        ("Girls as young as 13 fell ill.", 13, 13),
    ],
)
def test_an_age_is_an_age(text: str, low: int, high: int) -> None:
    ages = [q for q in extract(text) if q.unit == "age"]
    assert [(q.low, q.high) for q in ages] == [(low, high)]


def test_people_counted_by_a_name_are_its_noun() -> None:
    assert extract("About 500 Dolorians are believed to be fighting")[0].noun == "Dolorians"
    assert extract("500 Lorem troops")[0].noun == "troops"
    assert extract("The 500 Greatest Songs")[0].noun is None


def test_a_count_that_leaves_its_noun_out_counts_the_earlier_counts_noun() -> None:
    died = extract("Of the 300 passengers on board, 50 died.")
    assert [(q.text, q.noun, q.elided) for q in died] == [
        ("300", "passengers", None),
        ("50", "passengers", "died"),
    ]
    returned = extract("The 28 girls were on a trip when seven of them returned.")
    assert [(q.text, q.noun) for q in returned] == [("28", "girls"), ("seven", "girls")]
    wounded = extract("Of the 700 soldiers, 500 were wounded.")
    assert [(q.noun, q.elided) for q in wounded] == [("soldiers", None), ("soldiers", "wounded")]
    died = extract("Of 900 cases, five had died and 12 were still hospitalized.")
    assert [q.elided for q in died] == [None, "died", "hospitalized"]
    assert [(q.noun, q.elided) for q in extract("The crash killed 50.")] == [(None, "killed")]
    # not across a sentence's end, nor when nothing was counted before
    assert extract("The blast killed 40 people; 12 were children.")[1].noun is None
    assert extract("12 fled the city.")[0].noun == "fled"
    assert extract("Two armed men killed 12 people.")[0].noun == "men"


def test_a_point_of_a_scale_is_no_figure() -> None:
    assert extract("scored from 1=discharged to 6=death") == []
    assert [q.text for q in extract("p=0.03 in 40 patients")] == ["40"]


def test_what_is_no_age() -> None:
    assert [q.unit for q in extract("57 people died at 3 p.m.")] == ["count", "count"]
    assert [q.unit for q in extract("The toll was 57.")] == ["number"]
    assert [q.unit for q in extract("The war lasted 57 years.")] == ["hour"]
    assert [q.unit for q in extract("Labour 412, Conservatives 121")] == ["number", "number"]


def test_the_confidence_of_an_interval_is_no_figure() -> None:
    text = "a hazard ratio of 0.69 (95% CI: 0.56 to 0.84); OR, 1.52 (95% confidence interval)"
    assert [q.value for q in extract(text)] == [0.69, 1.52]
    assert [q.value for q in extract("95% of the city was destroyed")] == [95]


def test_a_figure_is_as_precise_as_it_is_written() -> None:
    """'75' and '74' are two counts; '80%' and '80.5 percent' one share, rounding aside; an
    'about' allows a tenth of the value, but no more than five roundings of the number as
    written ('about 500': 450-550; 'about 128 km/h': 125.5-130.5)."""
    assert compare(one("in 75 countries"), one("in 74 countries")) is Agreement.CONFLICT
    assert compare(one("80% of the city"), one("80.5 percent of the city")) is Agreement.AGREE
    assert compare(one("59.9% of voters"), one("around 59.8% of voters")) is Agreement.AGREE
    assert (one("about 500 troops").low, one("about 500 troops").high) == (450, 550)
    speed = one("at about 128 km/h")
    assert (speed.low, speed.high) == pytest.approx((125.5, 130.5))
    assert compare(speed, one("at 116 kmph")) is Agreement.CONFLICT
    assert compare(one("more than 2,000 strikes"), one("over 1,500 strikes")) is Agreement.UNCLEAR


def test_a_number_before_a_month_is_a_day_only_when_it_can_be_one() -> None:
    assert extract("On September 9 the SDF advanced") == []
    assert [q.value for q in extract("The global count passed 6,000 June 7, the agency said")] == [
        6000
    ]


def test_a_change_is_two_figures_and_a_range_one() -> None:
    """'revised down from 288 to 275' gives the old toll and the new, not a range 288-275."""
    down = extract("The toll was revised down from 288 to 275, and 1,175 were injured.")
    assert [(q.value, q.low, q.high) for q in down] == [
        (288, 288, 288),
        (275, 275, 275),
        (1175, 1175, 1175),
    ]
    assert [q.value for q in extract("the toll rose from 261 to 288 dead")] == [261, 288]
    (between,) = extract("between 200 and 300 people")
    assert (between.low, between.high) == (200, 300)
    (span,) = extract("a front of 5-6 km")
    assert (span.low, span.high) == (5, 6)


@pytest.mark.parametrize(
    ("claim", "passage", "agreement"),
    [
        ("630 votes", "more than 600 votes", Agreement.AGREE),
        ("1,175 injured", "over 1,100 injured", Agreement.AGREE),
        ("1.54 million workers", "more than 1.5 million workers", Agreement.AGREE),
        ("700 votes", "more than 600 votes", Agreement.UNCLEAR),
        ("276 people", "at least 275 people", Agreement.UNCLEAR),
    ],
)
def test_a_round_floor_stands_for_the_values_up_to_its_next_step(
    claim: str, passage: str, agreement: Agreement
) -> None:
    assert compare(one(claim), one(passage)) is agreement


def test_a_share_of_a_counted_whole_is_of_the_wholes_noun() -> None:
    text = "They were about 1.2% of the 1.544 million full- and part-time workers on its books."
    share = extract(text)[0]
    assert (share.text, share.noun) == ("about 1.2%", "the full- and part-time workers")


@pytest.mark.parametrize(
    ("text", "low", "high", "noun"),
    [
        ("more than two dozen injured", 24, math.inf, "injured"),
        ("nearly four dozen people missing", 45.5, 48, "people"),
        ("half a dozen soldiers", 6, 6, "soldiers"),
        ("the attacks killed several dozen people", 24, 99, "people"),
        ("a few dozen protesters gathered", 24, 99, "protesters"),
    ],
)
def test_dozens_are_counted_by_twelve(text: str, low: float, high: float, noun: str) -> None:
    q = one(text)
    assert (q.low, q.high, q.noun) == (low, high, noun)


def test_one_as_a_pronoun_counts_nothing() -> None:
    assert extract("He said he knew no one named Danladi.") == []
    assert extract("Every one of them fled.") == []
    assert one("One person was killed.").value == 1
