"""One month table: every reader of dates derives its months from it."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.analysis.dates import event_date
from dossier.analysis.facets import facets
from dossier.analysis.text import Analyzer
from dossier.lexicon.calendar import MONTH_NAMES, MONTH_WORDS, MONTHS, month_pattern

WRITTEN = [(n, word) for n, (name, short) in enumerate(MONTHS, 1) for word in (name, *short)]


def test_the_month_words_are_every_name_and_abbreviation() -> None:
    written = "january february march april may june july august september october november"
    written += " december jan feb mar apr jun jul aug sep sept oct nov dec"
    assert set(written.split()) == MONTH_WORDS
    assert MONTH_NAMES[0] == "January" and MONTH_NAMES[-1] == "December"
    assert month_pattern().split("|")[:3] == ["January", "Jan", "February"]


@pytest.mark.parametrize(("number", "written"), WRITTEN)
def test_each_way_a_month_is_written_is_read_as_that_month(number: int, written: str) -> None:
    text = f"The talks ended on {written} 4, 2017."
    assert event_date(text, dt.date(2018, 1, 1)) == (dt.date(2017, number, 4), f"{written} 4, 2017")
    said = facets(text, Analyzer().tokens(text))
    assert [(month, day) for month, day, _ in said.days] == [
        (MONTH_NAMES[number - 1][:3].lower(), 4)
    ]
