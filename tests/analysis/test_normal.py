"""Analysis reads one Unicode form and one space; every span it finds maps back to the file."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier.analysis.normal import fold
from dossier.analysis.quantity import extract

NFD_NAME = unicodedata.normalize("NFD", "Khúsham")


@pytest.mark.parametrize(
    ("source", "folded"),
    [
        ("We control 80 per cent of Raqa.", "We control 80 per cent of Raqa."),
        ("We control 80 per\ncent of Raqa.", "We control 80 per cent of Raqa."),
        ("We control 80\r\n   per cent", "We control 80 per cent"),
        ("80\u00a0per\tcent", "80 per cent"),
        (f"near {NFD_NAME}.", "near Khúsham."),
        ("Deir al-\nZour, pro-\r\ngovernment", "Deir al-Zour, pro-government"),
        ("Syria -\nmostly", "Syria - mostly"),
        ("“We” said it’s", "“We” said it’s"),
    ],
)
def test_fold(source: str, folded: str) -> None:
    assert fold(source).text == folded


def test_a_folded_text_is_its_own_source() -> None:
    text = "Russia’s ministry said 80 per cent of Khúsham."
    folded = fold(text)
    assert folded.text is text
    assert folded.starts is None
    assert folded.source_span(5, 9) == (5, 9)


def test_a_figure_across_a_line_break_is_read_and_cited_verbatim() -> None:
    source = f'"We control 80 per\n   cent of Raqa", {NFD_NAME} said.'
    folded = fold(source)
    (figure,) = extract(folded.text)
    assert (figure.text, figure.unit) == ("80 per cent", "percent")
    start, end = folded.source_span(figure.start, figure.end)
    assert source[start:end] == "80 per\n   cent"
    at = folded.text.index("Khúsham")
    start, end = folded.source_span(at, at + len("Khúsham"))
    assert source[start:end] == NFD_NAME


def test_the_lock_folds_spaces_and_quotation_marks_away() -> None:
    source = "“We control\r\n80 per cent,” it’s said"
    folded = fold(source, spaces="", quotes=True)
    assert folded.text == '"Wecontrol80percent,"it\'ssaid'
    at = folded.text.index("80")
    assert source[slice(*folded.source_span(at, at + len("80percent")))] == "80 per cent"


def test_a_source_offset_finds_its_folded_character() -> None:
    source = "One.\n\n  Two  words."
    folded = fold(source)
    assert folded.text == "One. Two words."
    assert folded.folded_offset(source.index("Two")) == folded.text.index("Two")
    assert folded.folded_offset(source.index("words")) == folded.text.index("words")


_TEXT = st.text(
    alphabet=st.sampled_from(list("ab8 -\n\r\t\u00a0’“\u0301\u0327e\u00e9\u1100\u1161")),
    max_size=40,
)


def _bare(text: str) -> str:
    return fold(text, spaces="").text


@given(_TEXT)
def test_every_folded_span_comes_from_its_source(source: str) -> None:
    folded = fold(source)
    assert fold(folded.text).text == folded.text  # folding twice changes nothing more
    for start in range(len(folded.text)):
        for end in range(start + 1, len(folded.text) + 1):
            a, b = folded.source_span(start, end)
            assert 0 <= a <= b <= len(source)
            # (A piece folded to several characters, "ȩ́" or Hangul jamo, is cited whole.)
            assert _bare(folded.text[start:end]) in _bare(source[a:b])
    for word in re.finditer(r"\S+", folded.text):  # a word is cited exactly
        a, b = folded.source_span(word.start(), word.end())
        assert _bare(source[a:b]) == _bare(word.group())
