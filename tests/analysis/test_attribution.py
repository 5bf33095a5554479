"""Who says it: the speaker of a sentence. Self-made examples."""

from __future__ import annotations


def test_a_quotation_that_goes_on_is_the_last_speakers() -> None:
    from dossier.analysis.attribution import speaker

    assert speaker("“We will not stop until the city is ours.", "Jihan Ahmed") == "Jihan Ahmed"
    assert speaker("The city is calm.", "Jihan Ahmed") is None
