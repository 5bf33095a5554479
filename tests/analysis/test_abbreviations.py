"""Abbreviations a text defines (Schwartz and Hearst's algorithm). Self-made examples."""

from __future__ import annotations

import pytest

from dossier.analysis.abbreviations import definitions

CASES = [
    # (text, [(short form, long form)])
    ("The World Food Programme (WFP) said so.", [("WFP", "World Food Programme")]),
    ("Dietary trimethylamine N-oxide (TMAO) rose.", [("TMAO", "trimethylamine N-oxide")]),
    (
        "Aire-expressing medullary thymic epithelial cells (mTECs) mature.",
        [("mTECs", "medullary thymic epithelial cells")],
    ),
    ("Cells of T-helper 17 (Th17) type.", [("Th17", "T-helper 17")]),
    ("Ribonuclease P (RNase P) cleaves.", [("RNase P", "Ribonuclease P")]),
    (
        "Virus-induced gene 2 (VIG2, also known as GPR9) moved.",
        [("VIG2", "Virus-induced gene 2")],
    ),
    # the short form first, the long form in the parentheses
    ("TMAO (trimethylamine N-oxide) rose.", [("TMAO", "trimethylamine N-oxide")]),
    # two in one sentence
    (
        "The Lorem Relief Agency (LRA) and the Ipsum Border Force (IBF) met.",
        [("LRA", "Lorem Relief Agency"), ("IBF", "Ipsum Border Force")],
    ),
    # no capital, a number, letters that do not match: no definition
    ("Jane Moreau (pictured) and the mayor (left) spoke.", []),
    ("The victim (41) was named.", []),
    # a name before parentheses is no short form: "manager at the bank" holds M-a-r-t-a
    ("Marta (a former manager at the bank) spoke.", []),
    ("The vote (2019) was close.", []),
    ("The lorem ipsum agency (XYZ) spoke.", []),
    # the long form stays in its sentence
    ("Reports said so. Then it (RST) rose.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_definitions(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(text[slice(*d.short)], text[slice(*d.long)]) for d in definitions(text)]
    assert found == expected


def test_an_article_that_defines_a_short_form_again_defines_it_once() -> None:
    from dossier.analysis.abbreviations import defined_in, first_definitions
    from dossier.analysis.text import Analyzer

    analyzer = Analyzer()
    texts = [
        "The Lorem Relief Agency (LRA) fed 500 people.",
        "The Ipsum Border Force (IBF) came.",
        "The Lorem Relief Agency (LRA) left.",
    ]
    defined = [d for t in texts for d in defined_in(t, analyzer.tokens(t))]
    assert [d[0] for d in defined] == ["LRA", "IBF", "LRA"]
    assert [d[0] for d in first_definitions(defined)] == ["LRA", "IBF"]
