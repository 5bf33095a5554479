"""The days a claim names with their year: a day, or a part of a month."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.analysis.dates import day_before, written_period, years_ago

D = dt.date


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("By June 2, 2022, Spain had 156 cases.", (D(2022, 6, 2), D(2022, 6, 2), "June 2, 2022")),
        (
            "On 4 January 2023 the paper reported it.",
            (D(2023, 1, 4), D(2023, 1, 4), "4 January 2023"),
        ),
        (
            "Cases passed 6,000 in early June 2022.",
            (D(2022, 6, 1), D(2022, 6, 10), "early June 2022"),
        ),
        (
            "In mid-October 2022, the agency said so.",
            (D(2022, 10, 11), D(2022, 10, 20), "mid-October 2022"),
        ),
        (
            "It decided in late June 2022 not to act.",
            (D(2022, 6, 21), D(2022, 6, 30), "late June 2022"),
        ),
        ("at the start of June 2022.", (D(2022, 6, 1), D(2022, 6, 7), "the start of June 2022")),
        (
            "at the end of February 2023.",
            (D(2023, 2, 24), D(2023, 2, 28), "the end of February 2023"),
        ),
        ("It was declared in August 2022.", (D(2022, 8, 1), D(2022, 8, 31), "August 2022")),
        ("in the Sept. 2021 vote", (D(2021, 9, 1), D(2021, 9, 30), "Sept. 2021")),
    ],
)
def test_a_day_or_a_part_of_a_month_is_read_with_its_year(
    text: str, period: tuple[dt.date, dt.date, str]
) -> None:
    assert written_period(text) == period


@pytest.mark.parametrize(
    "text", ["On June 4, the toll was revised.", "Labour won 412 seats.", "in 2022", "on Tuesday"]
)
def test_a_date_without_its_year_names_no_period(text: str) -> None:
    assert written_period(text) is None


def test_a_day_without_its_year_is_the_last_such_day_before_the_report() -> None:
    report = dt.date(2023, 3, 10)
    assert day_before("On March 4, the toll was revised.", report) == (
        dt.date(2023, 3, 4),
        dt.date(2023, 3, 4),
        "March 4",
    )
    assert day_before("On 20 December the count rose.", report)[0] == dt.date(2022, 12, 20)  # type: ignore[index]
    assert day_before("By June 2, 2022, it had risen.", report) is None  # its year is written
    assert day_before("The toll rose on Tuesday.", report) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Last year in Lorem, 31 girls fell ill.", [(1, "Last year")]),
        ("Three years ago the mill closed.", [(3, "Three years ago")]),
        ("It had 12 staff a year ago and 40 now.", [(1, "a year ago")]),
        ("In the previous year it cut 2 jobs.", [(1, "the previous year")]),
        ("Cases have doubled since last year.", []),
        ("The year began well.", []),
    ],
)
def test_a_year_said_relative_to_the_articles(text: str, found: list[tuple[int, str]]) -> None:
    assert years_ago(text) == found
