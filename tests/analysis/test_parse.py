"""Sentence structure from the shipped parser: who a figure is said of. Self-made examples."""

from __future__ import annotations

import pytest

from dossier.analysis.parse import (
    MODEL,
    classifiers,
    describes_noun,
    doer_span,
    figure_frame,
    graded,
    is_verb,
    main_actor,
    opening_end,
    parse,
    subject_at,
    time_clauses,
    time_phrases,
)
from dossier.analysis.quantity import extract

CASES = [
    # (sentence, figure, its subject, its verb)
    ("Northwind recently announced 11,000 job cuts.", "11,000", "Northwind", "announced"),
    ("Labour won 412 seats.", "412", "Labour", "won"),
    (
        "Analysts cited the firm Contoso, which said it would cut its staff by 10 percent.",
        "10 percent",
        "Contoso",
        "cut",
    ),
    ("The party lost 252 seats and was reduced to a rump of 121.", "121", "party", "reduced"),
    # a passive verb's "for" phrase: whose votes they are
    (
        "More than four million votes were cast for Reform in the general election.",
        "More than four million",
        "Reform",
        "cast",
    ),
]


@pytest.mark.parametrize(("text", "figure", "subject", "verb"), CASES)
def test_a_figure_is_said_of_the_subject_of_its_verb(
    text: str, figure: str, subject: str, verb: str
) -> None:
    q = next(q for q in extract(text) if q.text == figure)
    frame = figure_frame(text, q.start, q.end)
    assert frame is not None
    assert text[frame.subject[0] : frame.subject[1]].endswith(subject)
    assert text[frame.verb[0] : frame.verb[1]] == verb


def test_the_counted_noun_is_no_subject_of_its_own() -> None:
    text = "Officials said 40 civilians were killed."
    q = extract(text)[0]
    assert figure_frame(text, q.start, q.end) is None


def test_the_model_is_shipped_with_its_licence_and_parses_offsets_exactly() -> None:
    assert (MODEL / "meta.json").is_file()
    assert "CC BY-SA 4.0" in (MODEL / "LICENSE").read_text(encoding="utf-8")
    text = "The ministry put the toll at 288 on Tuesday."
    words = parse(text).words
    assert [text[w.start : w.end] for w in words] == [w.text for w in words]
    assert any(w.tag == "CD" and w.text == "288" for w in words)


def test_a_title_keeps_its_full_stop_and_the_sentence_goes_on() -> None:
    # "Cpl." split from its stop ended the sentence to the parser: two roots, the name cut off
    p = parse("The gunman shot Cpl. Tom Baker near the memorial and fled.")
    assert "Cpl." in [w.text for w in p.words]
    assert sum(1 for w in p.words if w.dep == "root") == 1


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        (
            "Acme had about 9,000 employees when it announced the March cuts.",
            ["when it announced the March cuts"],
        ),
        ("The army advanced 5 miles before it stopped.", ["before it stopped"]),
        ("Acme cut 9,000 jobs in March.", []),
        (
            "Shares fell 2% on the day the firm announced its 9,000 job cuts.",
            ["on the day the firm announced its 9,000 job cuts"],
        ),
        ("Turnout was 60% on the day of the vote.", []),
        (
            "Six people were killed in Lorem on the night the 43 students disappeared.",
            ["on the night the 43 students disappeared"],
        ),
        ("The cuts came as a surprise to the staff.", []),
        ("With all 40 wards counted, turnout was 61.2%.", ["With all 40 wards counted"]),
        (
            "With just one ward left to declare, the Greens had 21 seats.",
            ["With just one ward left to declare"],
        ),
        ("With 21 seats, the Greens won a majority.", []),
    ],
)
def test_a_clause_that_says_when_is_found(text: str, clauses: list[str]) -> None:
    assert [text[a:b] for a, b in time_clauses(text)] == clauses


@pytest.mark.parametrize(
    ("text", "verb", "subject"),
    [
        ("The inquiry into the fire will be led by Jane Moreau.", "led", "inquiry"),
        ("The review was to be chaired by the mayor.", "chaired", "review"),
        ("A KF commander told reporters that it was instructed to wait.", "instructed", "it"),
    ],
)
def test_the_subject_of_a_verb_is_the_head_of_its_subject(
    text: str, verb: str, subject: str
) -> None:
    span = subject_at(text, text.index(verb))
    assert span is not None and text[span[0] : span[1]] == subject


def test_a_grade_is_read_with_what_it_grades_not_as_a_modifier() -> None:
    grades = frozenset({"low", "moderate", "high"})
    text = "The agency assessed the national flood risk as high, behind a high wall."
    [grade] = graded(text, grades)
    assert (grade.word, text[grade.start : grade.end]) == ("high", "high")
    assert set(grade.scope) >= {"national", "flood", "risk"}
    spoken = graded("The risk is moderate nationally.", grades)
    assert [(g.word, set(g.scope)) for g in spoken] == [("moderate", {"risk", "nationally"})]
    assert graded("Wages rose.", grades) == []


def test_a_subject_named_with_its_post_spans_the_post() -> None:
    text = "Railway minister Jane Moreau has announced Rs 10 lakh for each family."
    q = next(q for q in extract(text) if q.text.startswith("Rs"))
    frame = figure_frame(text, q.start, q.end)
    assert frame is not None
    assert text[frame.subject[0] : frame.subject[1]] == "Railway minister Jane Moreau"


def test_a_phrase_that_says_when_is_found() -> None:
    text = "The council put the toll at 40 after a fresh count of the wards."
    assert [text[a:b] for a, b in time_phrases(text)] == ["after a fresh count of the wards"]
    assert time_phrases("The council put the toll at 40 in March.") == []


def test_a_name_before_a_common_noun_outside_the_subject_only_classifies_it() -> None:
    assert classifiers("Labour won a Commons majority of 174.") == {"Commons"}
    assert classifiers("Turnout was the lowest at any UK general election.") == {"UK"}
    assert classifiers("Russian jets bombed the dam near Tabqa.") == frozenset()  # the doer
    assert classifiers("The Lorem Express reached 128 km/h.") == frozenset()  # a name


def test_a_figure_after_an_opening_with_phrase_is_read_in_the_clause_after_it() -> None:
    text = "With all 40 wards counted, the party's share fell 2.1%."
    frame = figure_frame(text, text.index("2.1%"), text.index("2.1%") + 4)
    assert frame is not None and text[slice(*frame.subject)].endswith("share")
    assert opening_end(text, text.index("2.1%")) == text.index(",")
    assert opening_end("The party's share fell 2.1%.", 20) == 0


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Rival Acme recently announced 11,000 job cuts, the largest in its history.",
            "Rival Acme",
        ),
        ("The Liberal Democrats won 71 seats.", "Democrats"),
        ("Reuters reported that the company would cut 10,000 jobs.", None),
        ("In Lorem, the toll rose to 288.", None),
    ],
)
def test_the_main_actor_is_a_named_subject_of_an_act_not_of_a_report(
    text: str, actor: str | None
) -> None:
    span = main_actor(text)
    assert (text[span[0] : span[1]] if span else None) == actor


def test_who_does_an_act_is_its_subject_or_its_by_phrase() -> None:
    passive = "The commander was killed by a Russian strike."
    span = doer_span(passive, passive.index("killed"))
    assert span is not None and passive[span[0] : span[1]] == "by a Russian strike"
    active = "Islamic State fighters seized a cache of weapons."
    span = doer_span(active, active.index("seized"))
    assert span is not None and active[span[0] : span[1]] == "Islamic State fighters"
    noun = "Officials confirmed the death of the leader."
    assert not is_verb(noun, noun.index("death"))
    assert doer_span(noun, noun.index("death")) is None


def test_a_clause_that_tells_of_a_noun_is_read_as_such() -> None:
    text = "The ministry is looking into reports that Ann Ipsum had been captured in Dolor."
    assert describes_noun(text, text.index("captured"))
    assert not describes_noun(text, text.index("looking"))
