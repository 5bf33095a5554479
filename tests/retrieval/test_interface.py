"""The indexed form of a passage (``retrieval.interface.passage_terms``). Self-made examples."""

from __future__ import annotations

from dossier.analysis.abbreviations import defined_in
from dossier.analysis.text import Analyzer
from dossier.retrieval.interface import passage_terms

ANALYZER = Analyzer()
DEFINITION = "Lorem ipsum oxidase (LIO) is an enzyme."
DEFINED = defined_in(DEFINITION, ANALYZER.tokens(DEFINITION))


def test_an_abbreviation_its_article_defines_is_indexed_with_its_long_form() -> None:
    terms = passage_terms(ANALYZER.tokens("LIO lowers the risk."), DEFINED).split()
    assert {"lorem", "ipsum", "oxidas"} <= set(terms)
    assert "oxidas" not in passage_terms(ANALYZER.tokens("LIO lowers the risk.")).split()


def test_a_long_form_its_article_defines_is_indexed_with_its_abbreviation() -> None:
    terms = passage_terms(ANALYZER.tokens("Lorem ipsum oxidase lowers it."), DEFINED).split()
    assert "lio" in terms
    assert "lio" not in passage_terms(ANALYZER.tokens("Lorem oxidase lowers it."), DEFINED)
