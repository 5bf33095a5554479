"""What a case computes once for every rule that asks. Self-made examples."""

from __future__ import annotations

from judging import ANALYZER

from dossier.judge.analyze import analyze_claim, analyze_passage
from dossier.judge.case import Case


def _case(claim: str, article: str) -> Case:
    doc = analyze_passage(article, ANALYZER, None)
    names = frozenset(k for t in doc.tokens if t.entity for k in t.keys)
    return Case(analyze_claim(claim, ANALYZER), doc, names)


def test_an_opening_word_is_a_claim_name_when_the_article_writes_it_as_one() -> None:
    article = "Voters backed Lorem in the north, and Lorem won most seats."
    assert "#lrm" in _case("Lorem won 412 seats.", article).claim_names
    assert not _case("Excess weight gain is common.", article).claim_names
    assert not _case("Lorem won 412 seats.", "Voters backed the party.").claim_names
