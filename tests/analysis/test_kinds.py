"""The kind of quantity a figure is, from the words of its clause. Self-made examples."""

from __future__ import annotations

import pytest

from dossier.analysis.kinds import figure_kind, figure_kinds, own_year, year_beside
from dossier.analysis.quantity import extract
from dossier.lexicon import aspects

CASES = [
    # (sentence, the figure as written, kind, the words that tell it)
    ("The party has 412 seats.", "412", aspects.LEVEL, ""),
    ("She was married to him six years ago.", "six years", aspects.AGO, "six years ago"),
    ("They were detained about 10 days ago.", "about 10 days", aspects.AGO, "about 10 days ago"),
    ("He served six years in jail.", "six years", aspects.LEVEL, ""),
    ("Thirty people, including 22 police, were held.", "22", aspects.PART, "including"),
    ("In one attack, gunmen killed eight people.", "one", aspects.PART, "In one"),
    # one event of several, or a count added to others: a part, not a total
    ("In one attack, gunmen killed eight people.", "eight", aspects.PART, "In one attack"),
    ("On Friday, eight people were also killed.", "eight", aspects.PART, "people were also"),
    ("Gunmen also killed eight people.", "eight", aspects.PART, "also killed"),
    ("Police have also arrested 12 people.", "12", aspects.PART, "also arrested"),
    ("One person was killed in the attack.", "One", aspects.LEVEL, ""),
    ("The toll had risen to 288.", "288", aspects.LEVEL, ""),
    ("The firm will cut 9,000 more jobs.", "9,000", aspects.CHANGE, "more"),
    ("It won more than 200 additional seats.", "200", aspects.CHANGE, "additional"),
    ("Officials found 1,200 new cases on Monday.", "1,200", aspects.CHANGE, "new"),
    ("They hold 174 more than all the others.", "174", aspects.CHANGE, "more"),
    ("This is a gain of 211 seats.", "211", aspects.CHANGE, "a gain of"),
    ("Sales rose by 5% last year.", "5%", aspects.CHANGE, "rose by"),
    ("Northwind shares fell about 2% on Monday.", "about 2%", aspects.CHANGE, "fell"),
    ("Northwind shares fell to 2% of the index.", "2%", aspects.LEVEL, ""),
    ("The firm reported a net loss of $2.7 billion.", "$2.7 billion", aspects.LEVEL, ""),
    ("They passed the 326 seats needed for a majority.", "326", aspects.THRESHOLD, "seats needed"),
    ("It set a target of 500 homes.", "500", aspects.THRESHOLD, "target of"),
    ("She held her seat by a majority of just 891.", "891", aspects.MARGIN, "majority of just"),
    ("He lost by 630 votes.", "630", aspects.MARGIN, "lost by"),
    ("The Greens finished second in 40 seats.", "40", aspects.PLACING, "finished second in"),
    ("They came third in 12 of the races.", "12", aspects.PLACING, "came third in"),
    ("The Greens won 40 seats.", "40", aspects.LEVEL, ""),
    ("Only two cases have been women.", "two", aspects.PART, "cases have been women"),
    ("Of those, 40 were civilians.", "40", aspects.PART, "were civilians"),
    ("The 156 cases were confirmed by labs.", "156", aspects.LEVEL, ""),
    ("There are 617 cases across the globe.", "617", aspects.WHOLE, "cases across the globe"),
    ("The global count passed 6,000 on Monday.", "6,000", aspects.WHOLE, "global count passed"),
    ("Three out of 40 passengers were hurt.", "40", aspects.BASE, "out of"),
    ("Out of the 28 pupils, seven came home.", "28", aspects.BASE, "Out of the"),
    ("Among the 40 passengers, three were hurt.", "40", aspects.BASE, "Among the"),
    ("Globally, there have been 3,400 cases.", "3,400", aspects.WHOLE, "Globally"),
    ("It sits in the 650-seat parliament.", "650", aspects.MODIFIER, "650-seat parliament"),
    ("A 41-year-old man died.", "41", aspects.MODIFIER, "41-year-old man"),
    ("That number could grow to 4,000.", "4,000", aspects.PROJECTED, "could grow to"),
    ("The toll may rise to 300.", "300", aspects.PROJECTED, "may rise to"),
    ("The gold model could cost $5,000.", "5,000", aspects.PROJECTED, "could cost"),
    ("The gold model may cost as much as $900.", "900", aspects.PROJECTED, "may cost as much as"),
    ("The gold model might sell for 1,000 euros.", "1,000", aspects.PROJECTED, "might sell for"),
    ("In May 2022, 40 cases were reported.", "40", aspects.LEVEL, ""),
    (
        "Gruber wagers that the steel watch will start at $999.",
        "999",
        aspects.PROJECTED,
        "wagers that the steel watch will start at",
    ),
    ("The firm expects to sell 24 million watches.", "24", aspects.PROJECTED, "expects to sell"),
    (
        "It would have won 100 seats under another system.",
        "100",
        aspects.HYPOTHETICAL,
        "would have won",
    ),
]


@pytest.mark.parametrize(("text", "figure", "kind", "cue"), CASES)
def test_the_words_next_to_a_figure_tell_its_kind(
    text: str, figure: str, kind: str, cue: str
) -> None:
    found = next(q for q in extract(text) if figure in q.text)
    assert figure_kind(text, found.start, found.end) == (kind, cue)


def test_a_clause_ends_what_is_read() -> None:
    text = "Labour won 412 seats, and the Tories needed 326 more."
    q = extract(text)[0]
    assert figure_kind(text, q.start, q.end) == (aspects.LEVEL, "")


def test_a_figure_joined_to_the_one_before_shares_its_kind() -> None:
    text = "The poll projected 410 seats for the Reds and 131 for the Blues."
    spans = [(q.start, q.end) for q in extract(text)]
    assert [k for k, _ in figure_kinds(text, spans)] == [aspects.PROJECTED, aspects.PROJECTED]
    text = "The poll projected 410 seats. The Blues won 131."
    spans = [(q.start, q.end) for q in extract(text)]
    assert [k for k, _ in figure_kinds(text, spans)] == [aspects.PROJECTED, aspects.LEVEL]


def test_an_earlier_figure_carries_the_year_beside_it() -> None:
    text = "Turnout was 59.9%, down from 67.3% in 2019."
    q = extract(text)[1]
    assert year_beside(text, q.start, q.end) == "2019"
    assert year_beside("It was 40% then.", 7, 10) == ""


def test_a_figure_is_given_for_the_year_written_next_to_it() -> None:
    def year(text: str, figure: str) -> int | None:
        at = text.index(figure)
        return own_year(text, at, at + len(figure))

    assert year("a few seats shy of the 418 seats won by the Greens in 1997", "418") == 1997
    assert year("In 2005, the Greens won 355 seats.", "355") == 2005
    assert year("Turnout was 59.9%, down from 67.3% in 2019.", "59.9%") is None  # 67.3%'s
    assert year("Turnout of 59.9% was the lowest since 2001.", "59.9%") is None
    assert year("Turnout was 59.9% on Friday.", "59.9%") is None
