"""Who did what to whom: the doer, the target, the side, another actor. Self-made examples."""

from __future__ import annotations

from judging import ANALYZER, decided, each_rule_decides, explain, stance

from dossier.judge.analyze import analyze_claim
from dossier.models import Stance


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


def test_the_subject_of_a_passive_act_is_the_head_of_its_noun_phrase() -> None:
    claim = "The inquiry into the fire was led by the fire chief Jane Moreau."
    passage = "The inquiry into the warehouse blaze was led by Jane Moreau, the fire chief."
    j = stance(claim, passage)
    assert j is not None and j.stance is Stance.SUPPORTS
    other = explain(claim, "The rescue after the warehouse blaze was led by Jane Moreau.")
    assert other == "left out: the passage says rescue were led, not inquiry"


def test_who_does_it_to_whom() -> None:
    claim = "Russia bombed the KF near Tabqa."
    assert stance(claim, "Russia says the KF bombed its positions near Tabqa.") is None
    assert stance(claim, "The KF said it was bombed near Tabqa by Russia.") is not None
    j = stance(claim, "Russian jets bombed the KF near Tabqa on Monday.")
    assert j is not None and j.stance is Stance.SUPPORTS


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


def test_only_against_another_target_denies_the_claims() -> None:
    passage = "Moscow said it had only carried out strikes against IS near Tabqa."
    j = stance("Russia bombed the KF near Tabqa.", passage, article="The KF was hit.")
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "the passage says it was done only to IS"
    j = stance("Moscow denied that Russia had bombed the KF.", passage, article="The KF was hit.")
    assert j is not None and j.stance is Stance.SUPPORTS


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


def test_the_side_of_the_people_doing_it_is_the_doer() -> None:
    claim = "The KF fired on Russian troops."
    passage = "Russian forces struck a target known to contain KF fighters."
    assert explain(claim, passage) == "left out: the passage has Russian, the claim has KF doing it"
    passage = "Moscow denied allegations that it bombed US-backed KF positions."
    assert stance("The KF bombed Russian troops.", passage) is None


def test_its_own_people_belong_to_the_name_the_sentence_opens_with() -> None:
    from dossier.judge.acts import possessor

    tokens = ANALYZER.tokens("Russia's ministry said shells had hit its own soldiers.")
    its = next(i for i, t in enumerate(tokens) if t.text == "its")
    owner = possessor(tokens, its)
    assert owner is not None and "@russia" in owner
    tokens = ANALYZER.tokens("The KF said Mali had shelled its positions.")
    its = next(i for i, t in enumerate(tokens) if t.text == "its")
    assert possessor(tokens, its) is None  # the KF's or Mali's: another name stands between


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


# --- each rule of the family, on a case it decides -------------------------------------------


test_each_rule_decides_its_own_case = each_rule_decides(
    [
        (
            "actors.other-side",
            "Malian troops fought alongside the KF near Gao.",
            "Malian troops fought against the KF near Gao on Monday.",
            {},
            None,
        ),
        (
            "actors.other-subject",
            "Kurdish Front advisers were wounded in the Russian strike.",
            "The Russian strike hit a base known to hold KF advisers, and several KF fighters "
            "were wounded as a result.",
            {},
            None,
        ),
        (
            "actors.reversed-roles",
            "Russia bombed the KF near Tabqa.",
            "Russia says the KF bombed its positions near Tabqa.",
            {},
            None,
        ),
        (
            "actors.exclusive-act",
            "Abu Saad, the IS commander, was killed by a Russian strike.",
            "On May 4, a US strike killed Islamic State commander Abu Saad.",
            {"article": "Russia has also carried out strikes."},
            Stance.CONFLICTS,
        ),
        (
            "actors.other-holder",
            "Lorem's layoffs came days after its CEO Ana Ruiz resigned.",
            "The layoffs came days after Lorem CEO Tom Hale resigned.",
            {},
            Stance.CONFLICTS,
        ),
        (
            "actors.other-actor",
            "Russia sent advisers to Gao.",
            "Niger sent advisers to Gao.",
            {"article": "Russia is there."},
            None,
        ),
        (
            "actors.only-against",
            "Russia bombed the KF near Tabqa.",
            "Moscow said it had only carried out strikes against IS near Tabqa.",
            {"article": "The KF was hit."},
            Stance.CONFLICTS,
        ),
        (
            "actors.other-target",
            "Russia bombed the KF near Tabqa.",
            "Russian jets carried out a bombing raid on terrorist positions near Tabqa, the KF "
            "said.",
            {},
            None,
        ),
        (
            "actors.doer-unsaid",
            "Russia bombed the KF near Tabqa.",
            "The KF was bombed near Tabqa on Monday.",
            {},
            None,
        ),
    ]
)


def test_a_count_of_another_named_party_is_not_the_claims() -> None:
    """Any name, not only the alias table's, can own the act: the Greens' seats are not Labour's."""
    claim = "In the election, Labour won 412 seats."
    for passage, owner in (
        ("The other winners were the Liberal Democrats, who won a record 71 seats.", "Democrats"),
        ("In Wales, the Greens won four seats with 1.9 million votes.", "Greens"),
    ):
        outcome = decided(claim, passage, article="The count gave Labour a landslide.")
        assert (outcome.rule, getattr(outcome, "stance", None)) == ("figures.other-owner", None)
        assert outcome.reason == f"the figure belongs to {owner}, whom the claim does not name"


def test_another_holder_of_a_sole_post_doing_the_act_conflicts() -> None:
    claim = "Lorem's March layoffs came days after its CEO Ana Ruiz resigned."
    passage = "The layoffs came days after the previous Lorem CEO, Tom Hale, resigned."
    j = stance(claim, passage)
    assert j is not None and j.stance is Stance.CONFLICTS
    assert j.reason == "claim: CEO Ruiz; passage: CEO Hale, another holder of the post"
    # a sentence that names her too may say both; another act, or another firm, says nothing
    assert stance(claim, "Lorem CEO Tom Hale resigned and Ana Ruiz took over.") is None
    assert stance(claim, "Lorem CEO Tom Hale visited the plant.") is None
    assert stance(claim, "Ipsum CEO Tom Hale resigned on Monday.") is None


def test_a_sentence_about_another_names_act_says_nothing_of_the_claims() -> None:
    claim = "The job cuts Globex announced in January were the largest in the company’s history."
    article = "Globex cut jobs. Acme cut jobs too."
    rival = decided(
        claim,
        "Rival Acme recently announced 11,000 job cuts, the largest in the company’s history.",
        article=article,
    )
    assert (rival.rule, getattr(rival, "stance", None)) == ("actors.another-subject", None)
    assert rival.reason == "the sentence is about Acme, whom the claim does not name"
    for passage in [
        "Reuters reported that the cuts were the largest in the company’s history.",
        "Globex recently announced 11,000 job cuts, the largest in the company’s history.",
    ]:
        outcome = decided(claim, passage, article=article)
        assert getattr(outcome, "stance", None) is Stance.SUPPORTS, passage


def test_a_one_actor_act_said_as_a_noun_gives_it_to_no_one() -> None:
    claim = "A US strike killed the Lorem group leader in Ipsum."
    article = "The US and Russia strike Ipsum."
    noun = decided(
        claim,
        "Officials confirmed the death of the leader of the Dolor group in a strike in Ipsum.",
        article=article,
    )
    assert (noun.rule, getattr(noun, "stance", None)) == ("actors.other-actor", None)
    verb = decided(
        claim, "The Lorem group leader was killed in Ipsum by a Russian strike.", article=article
    )
    assert (verb.rule, getattr(verb, "stance", None)) == ("actors.exclusive-act", Stance.CONFLICTS)


def test_the_head_of_a_compound_says_the_claims_subject() -> None:
    claim = "The schoolgirls were kidnapped in Lorem."
    girls = decided(claim, "The girls were kidnapped in Lorem.")
    assert getattr(girls, "stance", None) is Stance.SUPPORTS
    boys = decided(claim, "The boys were kidnapped in Lorem.")
    assert boys.rule == "actors.other-subject"


def test_a_passive_without_by_gives_a_one_actor_act_to_no_one() -> None:
    claim = "Sergeant Ipsum shot the gunman dead."
    passage = "Reports said the gunman at the Lorem Centre Block was shot and killed."
    outcome = decided(claim, passage, article="Sergeant Ipsum guarded the Lorem Centre Block.")
    assert outcome.rule != "actors.exclusive-act"
    assert getattr(outcome, "stance", None) is not Stance.CONFLICTS


def test_a_post_followed_by_another_word_names_no_other_holder() -> None:
    claim = "Lorem President Ana Ruiz said the strike had the full agreement of her government."
    passage = "The Lorem president said the U.S. strike had the full agreement of her government."
    said = decided(claim, passage, article="Lorem President Ana Ruiz spoke on Monday.")
    assert getattr(said, "stance", None) is Stance.SUPPORTS, said
