"""Reading a claim and a passage: framing words, descriptions of names, speakers resolved. Self-
made examples."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from judging import ANALYZER, stance

from dossier.analysis.text import Analyzer, name_key, stem
from dossier.judge.analyze import analyze_claim, analyze_passage
from dossier.judge.assess import judge
from dossier.judge.match import judge_idf
from dossier.models import Stance


def test_a_description_of_a_name_need_not_be_repeated() -> None:
    j = stance(
        "Russia bombed Moscow-backed KF fighters near Tabqa.",
        "Near Tabqa, Russia bombed the KF.",
    )
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_name_is_found_by_the_articles_description_of_it() -> None:
    from dossier.judge.analyze import described, descriptions_in

    article = "The Moscow-backed KF moved in."
    tokens = ANALYZER.tokens(article)
    descriptions = dict(descriptions_in(tokens, article))
    sentence = "The Moscow -backed fighters said they were shelled."
    found = described(ANALYZER.tokens(sentence), sentence, descriptions)
    assert found == set(ANALYZER.tokens("KF")[0].keys) & found and found


def claim_words(claim: str) -> list[str]:
    return [t.text for t in analyze_claim(claim, ANALYZER).terms]


def test_the_words_that_frame_a_claim_are_not_its_content() -> None:
    assert "order" not in claim_words("The KF halted the siege in order to hinder the army.")
    assert "order" in claim_words("The KF gave the order to halt the siege.")
    assert "claimed" not in claim_words("Amaq claimed that three soldiers were killed.")
    assert "denied" in claim_words("Russia denied bombing the KF.")  # the denial is the content
    assert "named" not in claim_words('The KF named its offensive "Desert Dawn".')
    assert "named" in claim_words("The KF named a new commander.")


def test_a_quoted_name_answers_the_verb_that_gives_it() -> None:
    j = stance(
        'The Kurdish Front named its latest offensive against IS "Desert Dawn".',
        'The Kurdish Front (KF) announced that it had launched operation "Desert Dawn" to oust IS.',
    )
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_speaker_resolved_from_before_speaks_for_their_side() -> None:
    claim = analyze_claim(
        "Russian officials accused the KF of halting the siege of Tabqa.", ANALYZER
    )
    passage = '"Fire will be answered", he said, adding that the KF had stopped the siege of Tabqa.'
    said = analyze_passage(passage, ANALYZER, "a Russian official")
    j = judge(claim, said, frozenset(), frozenset())
    assert j is not None and j.stance is Stance.SUPPORTS
    assert j.speaker == "a Russian official"
    unsaid = analyze_passage(passage, ANALYZER, "a Malian official")
    assert judge(claim, unsaid, frozenset(), frozenset()) is None


def test_a_claims_words_are_judged_with_their_synonyms_and_searched_without() -> None:
    """WordNet's synonyms widen what the judge finds, not what retrieval searches."""
    claim = analyze_claim("Fatalities rose sharply in Mali.", ANALYZER)
    (fatalities,) = [t for t in claim.terms if t.text == "Fatalities"]
    assert "death" in fatalities.keys and "death" in fatalities.synonyms
    assert "fatal" in fatalities.keys and "fatal" not in fatalities.synonyms
    searched = {k for keys, _ in claim.search_groups() for k in keys}
    assert "fatal" in searched and "death" not in searched


def test_the_whole_a_part_is_counted_out_of_is_no_figure() -> None:
    values = lambda text: [f.quantity.value for f in analyze_claim(text, ANALYZER).figures]  # noqa: E731
    assert values("Labour won 412 of the 650 seats.") == [412]
    assert values("Only 3 out of 10 voters turned out.") == [3]
    assert values("In all, 40% of the 2,000 workers left.") == [40]
    assert values("Labour won 412 seats and 650 candidates stood.") == [412, 650]


def test_a_speaker_the_alias_table_names_whole_is_also_found_by_each_name() -> None:
    analyzer = Analyzer({"Ana Ruiz": ["Ana M. Ruiz"]})
    claim = analyze_claim("Ruiz said most of the cuts were in sales.", analyzer)
    passage = analyze_passage("Most of the cuts were in sales, Ana Ruiz said.", analyzer, None)
    assert passage.speaker == "Ana Ruiz" and claim.speaker_keys & passage.voice
    # a sentence that only goes on quoting her, by her last name alone, is hers too
    quoted = analyze_passage("“Most of the cuts were in sales.", analyzer, None, quoted_by="Ruiz")
    assert claim.speaker_keys & quoted.voice


def test_an_earlier_figures_year_is_not_the_claims_nor_an_opening_phrases_words_its_own() -> None:
    claim = analyze_claim(
        "With all 40 wards counted, turnout was 61.2%, down from 64.5% in 2019.", ANALYZER
    )
    assert claim.facets.years == ()  # 2019 is the year of the earlier 64.5%
    assert [f.quantity.text for f in claim.figures] == ["61.2%", "64.5%"]  # not the 40 wards
    for figure in claim.figures:  # what the share is of, not the wards counted
        assert "turnout" in figure.context and "ward" not in figure.context
    dated = analyze_claim("In 2023 turnout was 61.2%, down from 64.5% in 2019.", ANALYZER)
    assert [y.year for y in dated.facets.years] == [2023]


def test_the_words_that_say_research_found_it_frame_the_claim() -> None:
    claim = "And a study of more than 130,000 people found that psoriasis raises the risk of death."
    analysis = analyze_claim(claim, ANALYZER)
    assert analysis.figures == ()
    assert {t.text for t in analysis.terms} == {"psoriasis", "raises", "risk", "death"}
    j = stance(claim, "Psoriasis raised the risk of death in hospitalised patients, we find.")
    assert j is not None and j.stance is Stance.SUPPORTS
    # a finding verb a few words on carries the "that": "showed promise, concluding that"
    claim = "In Lorem, early results of a study showed promise, concluding that Tabqa drops work."
    assert {t.text for t in analyze_claim(claim, ANALYZER).terms} == {"Tabqa", "drops", "work"}
    claim = "Scientists found the virus in sewage, suggesting that it spreads in water."
    assert "sewage" in {t.text for t in analyze_claim(claim, ANALYZER).terms}
    # what scientists found, with no "that", is the claim's act
    terms = {t.text for t in analyze_claim("Scientists found the virus in sewage.", ANALYZER).terms}
    assert "found" in terms


def _corpus_idf(counts: dict[str, int]) -> Callable[[Iterable[str]], float]:
    """The judge's word weights over a corpus of 1,000 passages where each word (as written in
    lower case) and each capitalised spelling (its name key) is found in ``counts`` of them."""
    df = {key: n for word, n in counts.items() for key in _keys(word)}
    return lambda keys: min(judge_idf(df.get(k, 0), 1000) for k in keys)


def _keys(word: str) -> tuple[str, ...]:
    return (name_key(word),) if word[:1].isupper() else (stem(word),)


def test_a_headline_is_read_with_the_capitals_the_corpus_gives_its_words() -> None:
    idf = _corpus_idf(
        {"soldier": 30, "Soldier": 2, "shot": 40, "Shot": 4, "war": 50, "War": 5}
        | {"memorial": 10, "Memorial": 3, "ottawa": 20, "Ottawa": 20}
    )
    written = {
        "Soldier Shot At War Memorial In Ottawa": "Soldier shot at war memorial in Ottawa",
        "SOLDIER SHOT AT WAR MEMORIAL IN OTTAWA": "SOLDIER shot at war memorial in OTTAWA",
        "Soldier Shot By DHS In Ottawa": "Soldier shot by DHS in Ottawa",
        # a word the corpus lacks is a word when WordNet has it, else a name
        "Memorial Discovered By Zorblat": "Memorial discovered by Zorblat",
    }
    for headline, read in written.items():
        claim = analyze_claim(headline, ANALYZER, idf)
        assert claim.text == read, headline
    names = {t.text for t in analyze_claim(headline, ANALYZER, idf).terms if t.entity}
    assert names == {"Zorblat"}, names
    # a sentence keeps its capitals; so does a headline read without the corpus
    sentence = "The soldier was shot at the War Memorial in Ottawa"
    assert analyze_claim(sentence, ANALYZER, idf).text == sentence
    assert analyze_claim("Soldier Shot At War Memorial", ANALYZER).text == (
        "Soldier Shot At War Memorial"
    )
