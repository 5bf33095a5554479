"""One passage, one claim: the stance and the reason a person can check. Self-made examples."""

from __future__ import annotations

from pathlib import Path

from dossier.analysis.text import Analyzer
from dossier.corpus.read import load_corpus
from dossier.judge.analyze import analyze_claim, analyze_passage
from dossier.judge.assess import assess, judge
from dossier.judge.match import Matcher
from dossier.judge.outcome import Judgment
from dossier.models import Claim, Stance

ALIASES = {
    "Islamic State": ["IS", "ISIS", "Daesh"],
    "Kurdish Front": ["KF"],
    "Russia": ["Russian", "Moscow"],
    "United States": ["US", "U.S.", "American"],
    "Mali": ["Malian"],
    "Niger": ["Nigerien"],
}
ANALYZER = Analyzer(ALIASES)


def stance(
    claim: str,
    passage: str,
    article: str = "",
    before: str = "",
    published: int | None = None,
) -> Judgment | None:
    """``before``: the sentences just before the passage; ``published``: its article's year."""
    c = analyze_claim(claim, ANALYZER)
    p = analyze_passage(passage, ANALYZER, None)
    doc = analyze_passage(" ".join([article, before, passage]), ANALYZER, None)
    entity_keys = frozenset(k for t in doc.tokens if t.entity for k in t.keys)
    context = analyze_passage(before, ANALYZER, None).keys
    return judge(c, p, entity_keys, context, published)


def test_a_matching_figure_on_the_same_measure_supports() -> None:
    j = stance(
        "The Kurdish Front controls 70% of Tabqa.", "The KF now controls 70 per cent of Tabqa."
    )
    assert j is not None and j.stance is Stance.SUPPORTS
    assert j.reason == "claim 70% matches passage 70 per cent of Tabqa"
    assert j.figures == ["70 per cent"]


def test_a_different_figure_on_the_same_measure_conflicts_and_says_of_what() -> None:
    j = stance(
        "The Kurdish Front controls 70% of Tabqa.",
        "The offensive on the city of Tabqa by the KF has seized around 40 percent of the city.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim 70% vs passage around 40 percent of the city (Tabqa)"


def test_a_figure_about_another_place_is_not_evidence() -> None:
    assert (
        stance(
            "The Kurdish Front controls 70% of Tabqa.",
            "The Kurdish Front controls about 40 percent of Manbij.",
        )
        is None
    )


def test_a_count_of_other_people_is_not_evidence() -> None:
    assert (
        stance(
            "Islamic State killed 4 soldiers near Tabqa.",
            "Near Tabqa, about 30 militants of Islamic State were killed.",
        )
        is None
    )


def test_hedged_figures_compare_by_their_intervals() -> None:
    j = stance("The alliance conducted more than 900 strikes.", "It conducted over 900 strikes.")
    assert j is not None and j.stance is Stance.SUPPORTS
    j = stance("The alliance conducted fewer than 500 strikes.", "It conducted over 900 strikes.")
    assert j is not None and j.stance is Stance.CONFLICTS


def test_a_qualified_figure_still_supports_but_the_reason_says_so() -> None:
    j = stance(
        "About 300 Russian troops are deployed in Libya.",
        "Moscow says about 300 Russian troops are in Libya, but the real number is believed to be"
        " much higher.",
    )
    assert j is not None and j.stance is Stance.SUPPORTS
    assert "qualifies" in j.reason


def test_name_variants_and_aliases_meet() -> None:
    j = stance(
        "Daesh shelled Deir ez-Zor airport.", "IS militants shelled the Deir al-Zour airport."
    )
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_denial_conflicts_with_what_it_denies() -> None:
    j = stance(
        "Russian jets bombed the Kurdish Front near Tabqa.",
        "Moscow denied reports that its jets bombed the Kurdish Front near Tabqa.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "passage denies it (“denied”)"


def test_a_claim_about_the_denial_is_backed_by_the_denial() -> None:
    claim = "Russia denied bombing the Kurdish Front."
    j = stance(claim, "Moscow denied reports that its jets bombed the Kurdish Front near Tabqa.")
    assert j is not None and j.stance is Stance.SUPPORTS
    assert (
        stance(claim, "Russian jets bombed the Kurdish Front near Tabqa, officials said.") is None
    )


def test_a_negated_passage_conflicts() -> None:
    j = stance(
        "Foreign advisers were wounded in the strike.",
        "Foreign advisers were present but were not wounded in the strike.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "passage negates it (“not”)"


def test_a_claim_phrased_as_someones_claim_needs_that_speaker() -> None:
    claim = "Amaq claimed that three Russian soldiers were killed near Tabqa."
    j = stance(claim, "The news agency Amaq has claimed killing of 3 Russian soldiers near Tabqa.")
    assert j is not None and j.stance is Stance.SUPPORTS
    assert j.speaker == "The news agency Amaq"
    assert (
        stance(claim, "Three Russian soldiers were killed near Tabqa, the ministry said.") is None
    )


def test_shared_words_without_the_claims_content_are_not_evidence() -> None:
    assert (
        stance(
            "The Kurdish Front is coordinating with Russia.",
            "The Kurdish Front accused Russia of shelling its positions.",
        )
        is None
    )


# --- what a claim pins down: year, direction, role, owner --------------------------------------


def test_another_year_for_the_same_event_conflicts() -> None:
    j = stance(
        "Russia began its air campaign in Tabqa in 2014.",
        "Russia began its air campaign in Tabqa in 2015.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim says 2014, passage says 2015"


def test_since_a_year_covers_the_years_after_it() -> None:
    j = stance(
        "The Kurdish Front has held Tabqa since 2016.",
        "Since 2016, the KF has held Tabqa.",
    )
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_passage_without_a_year_speaks_of_its_articles_year() -> None:
    claim = "About 3,000 Russian troops were deployed to Tabqa in 2014."
    passage = "About 3,000 Russian troops are now deployed to Tabqa."
    assert stance(claim, passage, published=2017) is None  # another year's count
    assert stance(claim, passage, published=2014) is not None
    assert stance(claim, passage) is None  # an undated article cannot speak for 2014


def test_another_direction_conflicts_and_none_is_not_evidence() -> None:
    claim = "The Wadi oil field lies north of Tabqa."
    j = stance(claim, "The Wadi oil field is located in a desert south of Tabqa.")
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim says north, passage says south"
    assert stance(claim, "The Wadi oil field near Tabqa was retaken.") is None


def test_a_direction_that_is_part_of_a_place_name_is_not_the_claims_point() -> None:
    j = stance(
        "More than 30 militants were killed in northern Hama.",
        "In northern Hama, about 40 militants were killed.",
    )
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_passage_that_gives_the_role_to_someone_else_is_not_evidence() -> None:
    assert (
        stance(
            "The Kurdish Front is coordinating its offensive with Russia.",
            "We are coordinating our offensive with the United States, said a KF spokesman.",
            before="We are not talking to Russia.",
        )
        is None
    )


def test_one_killing_has_one_killer() -> None:
    j = stance(
        "Abu Saad, the IS commander, was killed by a Russian strike.",
        "On May 4, a US strike killed Islamic State commander Abu Saad.",
        article="Russia has also carried out strikes.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim says Russian, passage says US"


def test_shares_of_one_place_held_by_two_sides_cannot_exceed_the_whole() -> None:
    j = stance(
        "The Kurdish Front controls about 60 percent of Tabqa.",
        "IS still holds about 70 percent of Tabqa.",
        article="The Kurdish Front is advancing.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert "held by IS: the two shares add up to more than 100%" in j.reason
    assert (
        stance(
            "The Kurdish Front controls about 20 percent of Tabqa.",
            "IS still holds about 70 percent of Tabqa.",
            article="The Kurdish Front is advancing.",
        )
        is None
    )


def test_troops_of_one_country_are_not_the_forces_of_another() -> None:
    assert (
        stance(
            "About 3,000 Nigerien troops are in Gao.",
            "Trainers in Gao have trained almost 60,000 Malian security forces.",
        )
        is None
    )


def test_a_name_said_just_before_counts_as_said() -> None:
    j = stance(
        "More than 30 militants were killed when the KF repelled an IS attack on Tabqa.",
        "In total, about 40 militants were killed.",
        before="The KF repelled an IS attack on Tabqa on Monday.",
    )
    assert j is not None and j.stance is Stance.SUPPORTS


def petrov_speaking(folder: Path, rest: str) -> Matcher:
    """A matcher over one article that introduces a Russian MoD spokesman, then ``rest``."""
    (folder / "a.txt").write_text(
        "Russian MoD spokesman Igor Petrov spoke on Monday about the front.\n\n" + rest,
        encoding="utf-8",
    )
    analyzer = Analyzer({**ALIASES, "Russian Defence Ministry": ["Russian MoD"]})
    return Matcher(load_corpus(folder), analyzer)


def test_a_speaker_speaks_for_the_side_the_article_gives_them(tmp_path: Path) -> None:
    matcher = petrov_speaking(
        tmp_path,
        "The front moved little.\n\nPetrov said the warning was delivered to the KF command.\n",
    )
    said = "Russia said it had delivered its warning to the KF command."
    evidence = matcher.evidence(Claim(id="warning", text=said))
    assert [(e.stance, e.speaker) for e in evidence] == [(Stance.SUPPORTS, "Petrov")]
    other = "Amaq said it had delivered its warning to the KF command."
    assert matcher.evidence(Claim(id="amaq", text=other)) == []


# --- who did what: subjects, verbs, descriptions, compounds, a denial in the same breath -------


def test_wounded_fighters_are_not_wounded_advisers() -> None:
    claim = "Kurdish Front advisers were wounded in the Russian strike."
    j = stance(
        claim,
        "The Russian strike hit a base known to hold KF advisers, and several KF fighters "
        "were wounded as a result.",
    )
    assert j is None
    j = stance(claim, "KF advisers were present but were not wounded in the Russian strike.")
    assert j is not None and j.stance is Stance.CONFLICTS


def test_the_verb_after_an_auxiliary_must_be_said() -> None:
    claim = "Russian and KF ground forces in Tabqa are speaking directly with each other."
    passage = "The deployment raises the specter of a direct clash on the ground in Tabqa "
    assert stance(claim, passage + "between Russian and KF forces.") is None


def test_a_description_of_a_name_need_not_be_repeated() -> None:
    j = stance(
        "Russia bombed Moscow-backed KF fighters near Tabqa.",
        "Near Tabqa, Russia bombed the KF.",
    )
    assert j is not None and j.stance is Stance.SUPPORTS


def test_an_accusation_and_its_denial_in_one_sentence_are_cited_apart() -> None:
    text = "The KF accused Russia of bombing its fighters near Tabqa, a claim Moscow denied."
    j = stance("Russia bombed KF fighters near Tabqa.", text)
    assert j is not None and j.stance is Stance.SUPPORTS
    assert j.counter is not None
    start, end, reason, _ = j.counter
    assert text[start:end] == "a claim Moscow denied"
    assert reason == "the passage reports a denial (“denied”)"


def test_a_quotation_that_goes_on_is_the_last_speakers() -> None:
    from dossier.analysis.attribution import speaker

    assert speaker("“We will not stop until the city is ours.", "Jihan Ahmed") == "Jihan Ahmed"
    assert speaker("The city is calm.", "Jihan Ahmed") is None


def test_the_groups_forces_are_the_forces_of_its_state() -> None:
    analyzer = Analyzer(
        {"Malian government": ["Bamako"], "Malian Army": ["Malian government forces"]}
    )
    c = analyze_claim("The KF was ordered to attack Malian government forces.", analyzer)
    p = analyze_passage("The KF was instructed not to act against Bamako forces.", analyzer, None)
    j = judge(c, p, frozenset())
    assert j is not None and j.stance is Stance.CONFLICTS


def test_troops_counted_for_one_country_are_not_trainees_of_another() -> None:
    j = stance(
        "Trainers helped train nearly 9,000 members of Mali's security forces.",
        "Trainers have helped train almost 9,000 Malian security forces.",
    )
    assert j is not None and j.stance is Stance.SUPPORTS
    assert (
        stance(
            "Trainers helped train nearly 9,000 members of Mali's security forces.",
            "There are about 500 Nigerien troops now deployed with the trainers.",
        )
        is None
    )


def test_one_days_count_does_not_contradict_a_total() -> None:
    claim = "The KF conducted over 1,500 strikes against Islamic State."
    assert stance(claim, "On Friday the KF said it conducted two strikes against IS.") is None
    j = stance(claim, "The KF has conducted 900 strikes against IS so far.")
    assert j is not None and j.stance is Stance.CONFLICTS


def test_another_direction_still_covers_the_claims_bearing() -> None:
    j = stance(
        "Tabqa forces broke the siege of Raqqa from the east.",
        "Tabqa forces finally broke the siege of Raqqa from the west.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim says east, passage says west"


def test_more_before_the_counted_noun_is_skipped() -> None:
    from dossier.analysis.quantity import extract

    (q,) = extract("plans to send up to 1500 more US troops")
    assert q.noun == "troops"


def test_who_does_it_to_whom() -> None:
    claim = "Russia bombed the KF near Tabqa."
    assert stance(claim, "Russia says the KF bombed its positions near Tabqa.") is None
    assert stance(claim, "The KF said it was bombed near Tabqa by Russia.") is not None
    j = stance(claim, "Russian jets bombed the KF near Tabqa on Monday.")
    assert j is not None and j.stance is Stance.SUPPORTS


def test_what_would_happen_is_not_what_happened() -> None:
    claim = "The KF opened fire on Russian troops near Tabqa."
    assert (
        stance(claim, "Any KF attempt to open fire on Russian troops near Tabqa would be met.")
        is None
    )


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


def test_a_name_is_found_by_the_articles_description_of_it() -> None:
    from dossier.judge.analyze import described, descriptions_in

    article = "The Moscow-backed KF moved in."
    tokens = ANALYZER.tokens(article)
    descriptions = dict(descriptions_in(tokens, article))
    sentence = "The Moscow -backed fighters said they were shelled."
    found = described(ANALYZER.tokens(sentence), sentence, descriptions)
    assert found == set(ANALYZER.tokens("KF")[0].keys) & found and found


def test_a_ministry_speaks_for_its_state_but_the_state_is_not_the_ministry() -> None:
    analyzer = Analyzer(
        {"Russia": ["Moscow", "Russian"], "Russian Defence Ministry": ["Russian MoD"]}
    )
    state = analyze_claim("Russia bombed the KF.", analyzer)
    ministry = analyze_claim("The Russian Defence Ministry bombed the KF.", analyzer)
    by_ministry = analyze_passage("The Russian MoD bombed the KF.", analyzer, None)
    by_state = analyze_passage("Moscow bombed the KF.", analyzer, None)
    assert judge(state, by_ministry, frozenset()) is not None
    assert judge(ministry, by_state, frozenset()) is None


def test_shelled_twice_by_the_target_is_the_target_doing_it() -> None:
    assert (
        stance(
            "Russia bombed the KF near Tabqa.",
            "Russian troops near Tabqa have been shelled twice by the KF.",
        )
        is None
    )


def test_a_sentence_must_say_who_did_it() -> None:
    claim = "Russia bombed the KF near Tabqa."
    before = "Russia has warned the KF near Tabqa."
    assert (
        stance(claim, "Trainers are working with the KF, providing artillery.", before=before)
        is None
    )
    j = stance(claim, "It bombed the KF near Tabqa on Monday.", before=before)
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_quote_that_goes_on_keeps_what_was_said_before() -> None:
    claim = "The KF is coordinating its offensive against IS with Russia."
    j = stance(
        claim,
        '"We are not coordinating with Russia."',
        before="The KF offensive against IS goes on.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert (
        stance(
            "Russia bombed the KF.",
            '"We are not coordinating with Russia."',
            before="The KF was bombed.",
        )
        is None
    )


def test_only_against_another_target_denies_the_claims() -> None:
    passage = "Moscow said it had only carried out strikes against IS near Tabqa."
    j = stance("Russia bombed the KF near Tabqa.", passage, article="The KF was hit.")
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "the passage says it was done only to IS"
    j = stance("Moscow denied that Russia had bombed the KF.", passage, article="The KF was hit.")
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_count_of_the_killed_is_not_the_size_of_a_force() -> None:
    assert (
        stance("The KF has about 50,000 fighters.", "In Tabqa about 40 KF fighters were killed.")
        is None
    )
    j = stance("The KF has about 50,000 fighters.", "The KF now has some 30,000 fighters.")
    assert j is not None and j.stance is Stance.CONFLICTS


def test_the_reason_lists_words_in_one_order_whatever_the_hash_seed() -> None:
    j = stance(
        "Apple growers in Raqqa sold apples.", "Apple and apple growers sold apples in Raqqa."
    )
    assert j is not None
    assert j.reason == "passage states it: Apple, apple, apples, growers, Raqqa, sold"


# --- what frames a claim, and sentences that go on from the one before ------------------------


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


def test_the_announcement_of_the_sentence_before_carries_its_words() -> None:
    claim = "The KF launched its offensive against IS in Tabqa province on September 9."
    before = "The Kurdish Front announced that it launched an offensive on IS in Tabqa province."
    j = stance(
        claim,
        "The September 9 announcement came as Malian forces waged a separate push.",
        before=before,
    )
    assert j is not None and j.stance is Stance.SUPPORTS
    plain = "On September 9 Malian forces waged a separate push."
    assert stance(claim, plain, before=before) is None


def test_to_stop_and_to_abandon_are_one_act() -> None:
    j = stance("The KF has abandoned the siege of Tabqa.", "The KF halted the siege of Tabqa.")
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_share_lost_is_held_by_the_other_side() -> None:
    lost = "IS militants have lost more than half of Tabqa."
    j = stance("The KF had captured less than half of Tabqa.", lost, article="The KF advanced.")
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim less than half vs passage more than half of Tabqa lost by IS"
    j = stance("IS holds less than half of Tabqa.", lost)
    assert j is not None and j.stance is Stance.SUPPORTS
    assert j.reason.endswith("lost by IS, the rest held")
    j = stance("IS holds about 70 percent of Tabqa.", lost)
    assert j is not None and j.stance is Stance.CONFLICTS


def test_a_sentence_saying_who_the_killed_were_disputes_the_count(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "The news agency Amaq has claimed killing of 2 Malian soldiers near Tabqa.\n\n"
        "However, photos suggest that the killed fighters were likely private military"
        " contractors (PMCs) supporting the advance.\n",
        encoding="utf-8",
    )
    matcher = Matcher(load_corpus(tmp_path), ANALYZER)
    evidence = matcher.evidence(Claim(id="c", text="Two Malian soldiers were killed near Tabqa."))
    assert [(e.stance, e.reason) for e in evidence if e.stance is Stance.CONFLICTS] == [
        (
            Stance.CONFLICTS,
            "the passage says the killed fighters were likely private military contractors,"
            " not soldiers",
        )
    ]


def test_who_the_killed_were_speaks_only_of_the_same_people_and_event() -> None:
    claim = "Two Malian soldiers were killed near Tabqa."
    before = "Amaq has claimed killing of 2 Malian soldiers near Tabqa."
    assert stance(claim, "The killed were civilians from the village.", before=before) is not None
    assert stance(claim, "The killed fighters were Malian soldiers.", before=before) is None
    assert stance(claim, "The dead were buried on Friday.", before=before) is None
    assert stance(claim, "The dead were identified by their families.", before=before) is None
    elsewhere = "Amaq has claimed killing of 2 Nigerien soldiers near Gao."
    assert stance(claim, "The killed were civilians from the village.", before=elsewhere) is None


def test_the_sentences_after_the_best_hits_are_judged_too(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "The KF launched an offensive against IS in Tabqa province.\n\n"
        "Photos suggest they were private contractors.\n\n"
        "The announcement came as Nigerien forces waged a separate push.\n\n"
        "Nothing else happened that week.\n",
        encoding="utf-8",
    )
    matcher = Matcher(load_corpus(tmp_path), ANALYZER)
    claim = Claim(id="c", text="The KF launched its offensive against IS in Tabqa province.")
    texts = [matcher.corpus.passages[pid].text for pid in matcher.candidates(claim)]
    assert texts == [
        "The KF launched an offensive against IS in Tabqa province.",
        "Photos suggest they were private contractors.",
        "The announcement came as Nigerien forces waged a separate push.",
    ]


# --- who was it done to: the target said, not guessed ------------------------------------------


def explain(claim: str, passage: str, article: str = "", before: str = "", topic: str = "") -> str:
    """The judge's reason, whether it cites the passage or leaves it out; ``topic``: the names
    its article is about."""
    doc = analyze_passage(" ".join([article, before, passage]), ANALYZER, None)
    verdict = assess(
        analyze_claim(claim, ANALYZER),
        analyze_passage(passage, ANALYZER, None),
        frozenset(k for t in doc.tokens if t.entity for k in t.keys),
        analyze_passage(before, ANALYZER, None).keys,
        topic_keys=frozenset(k for t in ANALYZER.tokens(topic) if t.entity for k in t.keys),
    )
    return f"{getattr(verdict, 'stance', 'left out')}: {verdict.reason}"


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


def test_who_did_a_passive_act_is_in_its_by_or_from_phrase() -> None:
    claim = "Russia bombed the KF."
    assert explain(
        claim, "Russian troops came under heavy rocket fire from positions held by the KF."
    ) == ("left out: the passage has KF, the claim has Russia doing it")
    j = stance(claim, "KF positions came under attack from Russian jets.")
    assert j is not None and j.stance is Stance.SUPPORTS


def test_an_accusation_says_who_is_accused_not_who_did_it() -> None:
    claim = "Russia bombed the KF."
    assert explain(claim, "The KF denied Russian accusations of shelling.") == (
        "left out: the passage has Russian accusing others of it, the claim has Russia doing it"
    )
    accused = "The KF said Mali accused Russia of shelling its positions, a claim Moscow denied."
    assert explain("The KF shelled Malian positions.", accused) == (
        "left out: the passage has Russia, the claim has KF doing it"
    )
    j = stance(claim, "The KF accused Russia of bombing its positions.")
    assert j is not None and j.stance is Stance.SUPPORTS
    said = analyze_claim("A KF commander denied Malian claims that the KF shelled Gao.", ANALYZER)
    assert said.act_agent == "KF"  # not the speaker's own words


def test_a_strike_aimed_at_another_target_is_not_evidence() -> None:
    assert explain(
        "Russia bombed the KF near Tabqa.",
        "Russian jets carried out a bombing raid on terrorist positions near Tabqa, the KF said.",
    ) == ("left out: the passage has it done to terrorist positions")


def test_a_word_bound_to_another_name_does_not_count() -> None:
    claim = "Malian troops broke the siege of Tabqa."
    assert stance(claim, "The KF halted the siege of Gao to hamper Malian troops in Tabqa.") is None
    j = stance(claim, "Malian troops have broken the siege of Tabqa.")
    assert j is not None and j.stance is Stance.SUPPORTS


def test_troops_sent_are_not_people_trained() -> None:
    claim = "Coalition troops trained more than 8,000 Malian soldiers."
    passage = "Mali approved sending up to 1,500 more troops to train Malian soldiers."
    assert stance(claim, passage) is None
    j = stance(claim, "Coalition troops have trained about 6,000 Malian soldiers.")
    assert j is not None and j.stance is Stance.CONFLICTS


# --- figures and dates anywhere in a sentence ---------------------------------------------------


def test_every_figure_the_passage_answers_must_agree() -> None:
    j = stance(
        "After 301 years of British rule, Hong Kong adopted two systems.",
        "After 150 years of British rule, Hong Kong adopted two systems.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim 301 years vs passage 150 years"


def test_a_bare_number_is_compared_where_the_words_around_it_agree() -> None:
    claim = "Charles Manson, now 161 and in prison for life, received a marriage license."
    j = stance(claim, "Charles Manson, now 80 and in prison for life, received a marriage license.")
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim 161 vs passage 80"


def test_another_day_of_the_same_month_or_another_hour_conflicts() -> None:
    j = stance("The residency runs through June 15.", "The residency runs through June 7.")
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim says June 15, passage says June 7"
    j = stance("The residency runs through June 15.", "The residency runs through June.")
    assert j is not None and j.stance is Stance.SUPPORTS
    j = stance("The talk is set for 7:30 p.m. today.", "The talk is set for 3:30 p.m. today.")
    assert j is not None and j.reason == "claim says 7:30 p.m., passage says 3:30 p.m."


def test_a_negation_governs_only_what_it_says_first() -> None:
    claim = "The price covers the cost of the gold case."
    passage = "The price covers the cost of the gold case and does not leave Apple selling gold."
    j = stance(claim, passage)
    assert j is not None and j.stance is Stance.SUPPORTS


def test_control_of_a_place_names_the_place_not_who_controls_it() -> None:
    claim = "IS militants are attempting to seize control of the Malian capital."
    j = stance(claim, claim)
    assert j is not None and j.stance is Stance.SUPPORTS


def test_a_claim_that_says_may_is_backed_by_a_passage_that_says_may() -> None:
    claim = "Cutting saturated fat—found in meat and palm oil—may lower the risk of heart disease."
    j = stance(claim, claim)
    assert j is not None and j.stance is Stance.SUPPORTS


def test_the_lowest_since_a_year_does_not_date_the_passage() -> None:
    claim = "Brent crude traded above $55 a barrel in 2017."
    assert stance(claim, "Brent crude rose to $78 a barrel, its highest since 2011.") is None
    j = stance(
        "IS held about 80 percent of Tabqa in 2017.", "Since 2014, IS has held 60 percent of Tabqa."
    )
    assert j is not None and j.stance is Stance.CONFLICTS
    j = stance(
        "IS held about 80 percent of Tabqa in 2017.",
        "IS has held 60 percent of Tabqa in the west since 2014.",
    )
    assert j is not None and j.stance is Stance.CONFLICTS  # "the west" is no superlative


def test_the_lowest_since_a_year_in_the_claim_dates_nothing_but_must_agree() -> None:
    claim = "The rupee fell to 81.63, its weakest level since late 2010."
    j = stance(claim, "The rupee fell to 41.63, its weakest level since late 2010.")
    assert j is not None and j.stance is Stance.CONFLICTS  # not left out for want of a date
    assert explain(claim, "The rupee fell to 81.63, its weakest level since 2012.") == (
        "left out: claim says since 2010, passage says since 2012"  # another day, as for years
    )


def test_a_figure_the_passage_measures_but_does_not_settle_keeps_it_from_backing_the_claim() -> (
    None
):
    claim = "At least 133 journalists, all but 10 of them Malian, have been killed in the war."
    weaker = "At least 66 journalists, all but 10 of them Malian, have been killed in the war."
    assert explain(claim, weaker) == (
        "left out: claim At least 133 is not settled by passage At least 66 journalists"
    )
    j = stance(claim, claim)
    assert j is not None and j.stance is Stance.SUPPORTS


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


def test_the_side_of_the_people_doing_it_is_the_doer() -> None:
    claim = "The KF fired on Russian troops."
    passage = "Russian forces struck a target known to contain KF fighters."
    assert explain(claim, passage) == "left out: the passage has Russian, the claim has KF doing it"
    passage = "Moscow denied allegations that it bombed US-backed KF positions."
    assert stance("The KF bombed Russian troops.", passage) is None


def _in_article_about(claim: str, passage: str, names: str, topic: str) -> Judgment | None:
    """``passage`` judged in an article that names ``names`` and is about ``topic``."""
    c = analyze_claim(claim, ANALYZER)
    p = analyze_passage(passage, ANALYZER, None)
    named = frozenset(k for t in ANALYZER.tokens(names) for k in t.keys)
    about = frozenset(k for t in ANALYZER.tokens(topic) if t.entity for k in t.keys)
    return judge(c, p, named, frozenset(), None, about)


def test_its_own_people_belong_to_the_name_the_sentence_opens_with() -> None:
    from dossier.judge.acts import possessor

    tokens = ANALYZER.tokens("Russia's ministry said shells had hit its own soldiers.")
    its = next(i for i, t in enumerate(tokens) if t.text == "its")
    owner = possessor(tokens, its)
    assert owner is not None and "@russia" in owner
    tokens = ANALYZER.tokens("The KF said Mali had shelled its positions.")
    its = next(i for i, t in enumerate(tokens) if t.text == "its")
    assert possessor(tokens, its) is None  # the KF's or Mali's: another name stands between


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


def test_lifting_a_blockade_is_breaking_a_siege_but_lifting_is_not_breaking() -> None:
    claim = "Malian troops have broken the siege of Tabqa."
    lifted = "Fighting grew after the lifting of the blockade of Tabqa by Malian troops."
    j = stance(claim, lifted)
    assert j is not None and j.stance is Stance.SUPPORTS
    j = stance(claim, "Malian troops ended a three-year siege of Tabqa on Monday.")
    assert j is not None and j.stance is Stance.SUPPORTS
    rules = "Malian troops have lifted the rules in Tabqa."
    assert explain("Malian troops have broken the rules in Tabqa.", rules) == (
        "left out: the passage does not say “broken”"
    )


def test_forces_working_alongside_others_are_deployed_there() -> None:
    claim = "Russia has deployed special forces alongside Malian troops near Tabqa."
    working = "Malian soldiers working alongside Russian special forces near Tabqa came under fire."
    j = stance(claim, working)
    assert j is not None and j.stance is Stance.SUPPORTS
    planning = "Russian special forces are working on a plan with Malian troops near Tabqa."
    assert explain(claim, planning) == "left out: the passage does not say “deployed”"
    others = "Niger has thousands of special forces fighting alongside Malian troops near Tabqa."
    assert explain(claim, others, article="Russia sent help.", topic="Russia") == (
        "left out: the passage does not say “deployed”"  # Niger's forces, not Russia's
    )


def test_a_sentence_inside_a_quotation_is_the_word_of_who_is_named_at_its_close(
    tmp_path: Path,
) -> None:
    matcher = petrov_speaking(
        tmp_path, "“The front is calm. The KF has left the Tabqa dam. We will see,” Petrov said.\n"
    )
    said = "Russia said the KF has left the Tabqa dam."
    evidence = matcher.evidence(Claim(id="left", text=said))
    assert [(e.stance, e.quote, e.speaker) for e in evidence] == [
        (Stance.SUPPORTS, "The KF has left the Tabqa dam.", "Petrov")
    ]


def test_doing_something_instead_of_fighting_for_a_place_is_neglecting_that_fight() -> None:
    claim = "The KF neglected the fight for Tabqa."
    j = stance(claim, "KF units are resting in Gao instead of liberating Tabqa.")
    assert j is not None and j.stance is Stance.SUPPORTS
    assert stance(claim, "KF units are resting in Gao instead of visiting Tabqa.") is None
    assert stance(claim, "KF units are resting in Tabqa instead of liberating Gao.") is None


def test_telling_what_any_attempt_will_meet_is_delivering_a_warning() -> None:
    claim = "Russia said it had delivered its warning to the KF."
    said = ", Russian general Ivan Petrov said."
    told = '"The KF was told that any attempts to open fire would be shut down"'
    j = stance(claim, told + said)
    assert j is not None and j.stance is Stance.SUPPORTS, j
    assert stance(claim, '"The KF was told that the bridge would be shut down"' + said) is None


def test_in_no_uncertain_terms_is_no_negation() -> None:
    claim = "The KF condemned the attack on Tabqa."
    j = stance(claim, "The KF condemned in no uncertain terms the attack on Tabqa.")
    assert j is not None and j.stance is Stance.SUPPORTS
    j = stance(claim, "The KF did not condemn the attack on Tabqa.")
    assert j is not None and j.stance is Stance.CONFLICTS


def test_a_spokesman_speaks_for_his_ministry_in_every_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Russian MoD spokesman Igor Petrov spoke on Monday about the front.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "The front moved little.\n\nPetrov said the KF had twice shelled Malian troops near Gao.\n",
        encoding="utf-8",
    )
    analyzer = Analyzer({**ALIASES, "Russian Defence Ministry": ["Russian MoD"]})
    matcher = Matcher(load_corpus(tmp_path), analyzer)
    claim = "The Russian MoD said the KF had twice shelled Malian troops near Gao."
    evidence = matcher.evidence(Claim(id="twice", text=claim))
    assert [(e.source, e.speaker) for e in evidence] == [("b.txt", "Petrov")]


def test_he_said_after_other_sources_is_the_general_quoted_before(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "General Ivan Petrov said the Malian troops had been shelled twice.\n\n"
        "The front moved little on Monday.\n\nThe KF militias said they had come under attack.\n\n"
        "Local media reported heavy rain.\n\nThe KF said the road was cut.\n\n"
        '"The KF command was told in no uncertain terms that any attempts to open fire would'
        ' be shut down," he said.\n',
        encoding="utf-8",
    )
    matcher = Matcher(load_corpus(tmp_path), ANALYZER)
    told = matcher.corpus.passages[-1]
    assert told.text.startswith('"The KF command was told')
    assert matcher._passage(told.id).speaker == "General Ivan Petrov"


def test_troops_fired_at_are_troops_deployed_there() -> None:
    claim = "Russia has deployed special forces near Tabqa."
    passage = (
        "Russia said mortars had been fired at its own special forces near Tabqa from positions"
        " held by US troops."
    )
    j = stance(claim, passage)
    assert j is not None and j.stance is Stance.SUPPORTS, j
    assert stance(claim, "Russia said mortars had been fired near Tabqa.") is None
    j = stance("The US has deployed special forces near Tabqa.", passage)
    assert j is None or j.stance is not Stance.SUPPORTS  # fired from, not at
    # The US troops are not the claim's forces: Russia's own are, so it is not the US's act.
    claim = "Russia has deployed special forces alongside Malian troops near Tabqa."
    j = stance(claim, passage, before="Malian troops advanced on Tabqa.")
    assert j is not None and j.stance is Stance.SUPPORTS, j


def test_fighting_a_side_is_not_fighting_alongside_it() -> None:
    claim = "Malian troops fought alongside the KF near Gao."
    assert explain(claim, "Malian troops fought against the KF near Gao on Monday.") == (
        "left out: the claim has it alongside KF, the passage against KF"
    )
    assert stance(claim, "Malian troops fought the KF near Gao on Monday.") is None
    j = stance(claim, "Malian troops, fighting alongside KF fighters, advanced near Gao.")
    assert j is not None and j.stance is Stance.SUPPORTS
    claim = "Malian troops fought against the KF near Gao."
    assert stance(claim, "Malian troops fought beside the KF near Gao on Monday.") is None
    j = stance(claim, "Malian troops battled KF fighters near Gao on Monday.")
    assert j is not None and j.stance is Stance.SUPPORTS


def _mortar_article(first: str) -> str:
    return (
        f"{first}\n\nThe front moved little on Monday.\n\nLocal media reported heavy rain.\n\n"
        "Aid convoys waited at the border.\n\nRussia's defence ministry said mortars had been "
        "fired at its own special forces from positions held by the KF.\n"
    )


def test_its_own_forces_are_the_forces_the_article_named_before(tmp_path: Path) -> None:
    """'its own special forces' four sentences after 'Malian troops working alongside Russian
    special forces outside Gao': the same forces, so what was said of them counts as context."""
    claim = Claim(id="c", text="Russia has deployed special forces alongside Malian troops in Gao.")
    first = "Malian troops working alongside Russian special forces outside Gao were shelled."
    (tmp_path / "a.txt").write_text(_mortar_article(first), encoding="utf-8")
    cited = [e.quote for e in Matcher(load_corpus(tmp_path), ANALYZER).evidence(claim)]
    assert any(q.startswith("Russia's defence ministry said mortars") for q in cited), cited
    # Nigerien special forces named before are not Russia's own: nothing to carry over.
    (tmp_path / "a.txt").write_text(_mortar_article(first.replace("Russian", "Nigerien")))
    cited = [e.quote for e in Matcher(load_corpus(tmp_path), ANALYZER).evidence(claim)]
    assert not any(q.startswith("Russia's defence ministry said mortars") for q in cited), cited


def test_the_reason_says_which_names_the_article_gave() -> None:
    claim = "The KF repelled an IS attack near Deir ez-Zor on Monday."
    said = explain(claim, "It repelled an IS attack on Monday.", before="The KF held Deir ez-Zor.")
    assert said == (
        "supports: passage states it: attack, IS, Monday, repelled;"
        " named before it: KF, Deir ez-Zor"
    )
    said = explain(
        claim,
        "The KF repelled an IS attack on Monday.",
        article="Fighting went on in Deir ez-Zor.",
        topic="Deir ez-Zor",
    )
    assert said == (
        "supports: passage states it: attack, IS, KF, Monday, repelled; in the article: Deir ez-Zor"
    )
