"""Names a sentence leaves to its article: the topic, a quoted "we", whom the act hit. Self-made
examples."""

from __future__ import annotations

from pathlib import Path

from judging import ANALYZER, decided, each_rule_decides, stance

from dossier.corpus.read import load_corpus
from dossier.judge.analyze import analyze_claim, analyze_passage
from dossier.judge.assess import judge
from dossier.judge.match import Matcher
from dossier.judge.outcome import Judgment
from dossier.models import Claim, Stance


def test_one_name_the_article_is_about_may_go_unsaid() -> None:
    j = stance(
        "Russia bombed the KF in Tabqa.",
        "The KF said Russian jets bombed its fighters.",
        before="Fighting went on.",
    )
    assert j is None  # Tabqa said nowhere near
    c = analyze_claim("Russia bombed the KF in Tabqa.", ANALYZER)
    p = analyze_passage("The KF said Russian jets bombed its fighters.", ANALYZER, None)
    topic = frozenset(analyze_passage("Tabqa", ANALYZER, None).keys)
    names = frozenset(
        k for t in analyze_passage("KF Tabqa Russia", ANALYZER, None).tokens for k in t.keys
    )
    j = judge(c, p, names, frozenset(), None, topic)
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_strike_in_an_article_about_the_target_is_not_a_strike_on_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "KF fighters hold the Tabqa dam\n\n"
        "The KF advanced on Monday.\n\nThe KF took the bridge.\n\nThe KF lost two men.\n\n"
        "The weather was cold.\n\nThe roads were closed.\n\n"
        "Russian jets bombed targets near Tabqa on Tuesday.\n",
        encoding="utf-8",
    )
    matcher = Matcher(load_corpus(tmp_path), ANALYZER)
    assert matcher.evidence(Claim(id="c", text="Russia bombed the KF near Tabqa.")) == []
    act = analyze_claim("Russia bombed the KF near Tabqa.", ANALYZER).act
    assert act is not None and "#tbq" not in act[2] and "@kurdish-front" in act[2]


def test_a_target_named_only_before_needs_a_word_that_points_back_at_it() -> None:
    claim = "The KF fired on Malian troops near Tabqa."
    before = "Malian troops held the bridge near Tabqa."
    assert (
        stance(claim, "Nigerien advisers are with the KF, providing artillery.", before=before)
        is None
    )
    j = stance(claim, "The KF fired mortars at them on Monday.", before=before)
    assert j is not None and j.stance is Stance.SUPPORTS


def test_one_of_two_targets_said_is_enough() -> None:
    claim = "The KF fired on Malian troops and their Russian allies near Tabqa."
    j = stance(
        claim, "The KF has shelled Malian positions near Tabqa twice.", before="Russia is there."
    )
    assert j is not None and j.stance is Stance.SUPPORTS


def _in_article_about(claim: str, passage: str, names: str, topic: str) -> Judgment | None:
    """``passage`` judged in an article that names ``names`` and is about ``topic``."""
    c = analyze_claim(claim, ANALYZER)
    p = analyze_passage(passage, ANALYZER, None)
    named = frozenset(k for t in ANALYZER.tokens(names) for k in t.keys)
    about = frozenset(k for t in ANALYZER.tokens(topic) if t.entity for k in t.keys)
    return judge(c, p, named, frozenset(), None, about)


def test_one_of_two_targets_hit_is_enough_when_the_other_goes_unsaid() -> None:
    claim = "The KF fired on Malian troops and their Russian allies near Tabqa."
    names, topic = "KF Mali Russia Tabqa Niger", "Mali Tabqa"
    hit_russians = (
        "Russia's defence ministry said rockets had been fired at its own soldiers from "
        "positions held by the KF."
    )
    j = _in_article_about(claim, hit_russians, names, topic)
    assert j is not None and j.stance is Stance.SUPPORTS
    hit_others = (
        "Russia's defence ministry said rockets had been fired at Nigerien soldiers from "
        "positions held by the KF."
    )
    assert _in_article_about(claim, hit_others, names, topic) is None  # Russia only speaks


# --- each rule of the family, on a case it decides -------------------------------------------


test_each_rule_decides_its_own_case = each_rule_decides(
    [
        (
            "names.target-unsaid",
            "The KF fired on Malian troops near Tabqa.",
            "Nigerien advisers are with the KF, providing artillery.",
            {"before": "Malian troops held the bridge near Tabqa."},
            None,
        ),
        (
            "names.unsaid",
            "Mali sent advisers to Gao.",
            "Advisers arrived in Gao.",
            {"article": "Mali and Niger"},
            None,
        ),
    ]
)


def test_the_body_a_person_is_of_need_not_be_said_with_their_full_name() -> None:
    claim = "On Monday, Ipsum's Ana Ruiz called the Lorem mill's closure a shame."
    said = decided(claim, "Ana Ruiz called the Lorem mill's closure a shame on Monday.")
    assert getattr(said, "stance", None) is Stance.SUPPORTS, said
