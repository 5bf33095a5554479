"""Who says it: the speaker of a sentence. Self-made examples."""

from __future__ import annotations

from dossier.analysis.attribution import speaker


def test_a_quotation_that_goes_on_is_the_last_speakers() -> None:
    assert speaker("“We will not stop until the city is ours.", "Jihan Ahmed") == "Jihan Ahmed"
    assert speaker("The city is calm.", "Jihan Ahmed") is None


def test_an_estimate_names_its_source() -> None:
    assert speaker("The Pentagon puts the number of troops at about 500.") == "The Pentagon"
    assert speaker("Officials placed the toll at 288 on Tuesday.") == "Officials"
    assert speaker("He put the book on the table.") is None


def test_a_time_before_the_speaker_is_not_the_speaker() -> None:
    assert speaker("On 4 January 2023 the Daily Post reported that 17 died.") == "the Daily Post"
    assert speaker("On Monday Reuters reported that 5 died.") == "Reuters"
    assert speaker("Late last year, the Times reported that 5 died.") == "the Times"
