"""Finding a locked citation again after its article changed, without the pipeline."""

from __future__ import annotations

import unicodedata

import pytest

from dossier.lock.anchor import Anchoring, anchor, figure_changes, word_diff
from dossier.lock.lock import LockedCitation, TextPositionSelector, TextQuoteSelector
from dossier.models import Stance

ARTICLE = (
    "Officials met on Monday.\n\n"
    "We control 80 per cent of the city, said the spokeswoman.\n\n"
    "Fighting went on elsewhere."
)
QUOTE = "We control 80 per cent of the city, said the spokeswoman."


def citation_in(text: str, quote: str) -> LockedCitation:
    start = text.index(quote)
    end = start + len(quote)
    return LockedCitation(
        source="a.txt",
        source_sha256="0" * 64,
        quote_sha256="0" * 64,
        selector=(
            TextQuoteSelector(exact=quote, prefix=text[start - 32 : start], suffix=text[end:][:32]),
            TextPositionSelector(start=start, end=end),
        ),
        stance=Stance.SUPPORTS,
        figures=["80 per cent"],
    )


@pytest.mark.parametrize(
    ("new_text", "how"),
    [
        (ARTICLE, Anchoring.EXACT),
        ("A new first paragraph.\n\n" + ARTICLE, Anchoring.MOVED),
        (ARTICLE.replace("80 per cent of", "80 per\n  cent of"), Anchoring.REFLOWED),
        (ARTICLE.replace("spokeswoman", "spokeswomen"), Anchoring.EDITED),
        (
            ARTICLE.replace(QUOTE, "The talks ended without any agreement at all."),
            Anchoring.ORPHANED,
        ),
    ],
)
def test_anchor(new_text: str, how: Anchoring) -> None:
    found = anchor(citation_in(ARTICLE, QUOTE), new_text, [])
    assert found.how is how
    if how is not Anchoring.ORPHANED:
        assert new_text[found.start : found.end] == found.text
        assert found.text.split() == new_text[found.start : found.end].split()


ACCENTED = ARTICLE.replace("the city", "Khúsham").replace("said", "’said’")
ACCENTED_QUOTE = QUOTE.replace("the city", "Khúsham").replace("said", "’said’")


@pytest.mark.parametrize(
    "new_text",
    [
        unicodedata.normalize("NFD", ACCENTED),
        ACCENTED.replace("\n", "\r\n"),
        ACCENTED.replace("80 per cent", "80\nper\ncent").replace(" said", "\n  said"),
        ACCENTED.replace("’", "'"),
        unicodedata.normalize("NFD", ACCENTED.replace("’", "'").replace(" ", "\r\n")),
    ],
    ids=["nfd", "crlf", "rewrapped", "straight-quotes", "all-at-once"],
)
def test_an_editors_tool_never_moves_a_quote(new_text: str) -> None:
    found = anchor(citation_in(ACCENTED, ACCENTED_QUOTE), new_text, [])
    assert found.how in {Anchoring.MOVED, Anchoring.REFLOWED}  # never "edited": no note
    assert found.text == new_text[found.start : found.end]
    assert found.text.startswith("We") and found.text.endswith("spokeswoman.")


def test_a_figure_across_a_line_break_is_no_change() -> None:
    found = ARTICLE.replace("80 per cent", "80 per\ncent")
    assert figure_changes(citation_in(ARTICLE, QUOTE), found) == []
    nfd = unicodedata.normalize("NFD", "We control 80 per cent of Khúsham")
    assert figure_changes(citation_in(ARTICLE, QUOTE), nfd) == []


def test_anchor_snaps_an_edited_quote_to_its_sentence() -> None:
    new_text = ARTICLE.replace("80 per cent", "70 per cent")
    sentence = new_text.index("We control")
    spans = [(sentence, sentence + len(QUOTE))]
    found = anchor(citation_in(ARTICLE, QUOTE), new_text, spans)
    assert found.how is Anchoring.EDITED
    assert found.text == QUOTE.replace("80", "70")
    assert figure_changes(citation_in(ARTICLE, QUOTE), found.text) == [
        ("80 per cent", "70 per cent")
    ]


def test_word_diff() -> None:
    assert word_diff(QUOTE, QUOTE.replace("80", "70")) == (
        "We control [-80-] {+70+} per cent of ..."
    )
    assert word_diff("a b c", "a b c") == "a b c"
    nfd = unicodedata.normalize("NFD", "near Khúsham")
    assert (
        word_diff("killed near Khúsham", "were killed\r\n" + nfd) == "{+were+} killed near Khúsham"
    )
