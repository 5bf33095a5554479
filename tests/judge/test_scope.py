"""Whether a passage can speak to a claim at all: content, and the claim's speaker. Self-made
examples."""

from __future__ import annotations

from judging import ANALYZER, decided, each_rule_decides, stance

from dossier.judge.analyze import analyze_claim
from dossier.models import Stance


def test_a_claim_phrased_as_someones_claim_needs_that_speaker() -> None:
    claim = "Amaq claimed that three Russian soldiers were killed near Tabqa."
    j = stance(claim, "The news agency Amaq has claimed killing of 3 Russian soldiers near Tabqa.")
    assert j is not None and j.stance is Stance.SUPPORTS
    assert j.speaker == "The news agency Amaq"
    assert (
        stance(claim, "Three Russian soldiers were killed near Tabqa, the ministry said.") is None
    )


# --- each rule of the family, on a case it decides -------------------------------------------


test_each_rule_decides_its_own_case = each_rule_decides(
    [
        ("scope.no-content", "It was there.", "It was there.", {}, None),
        (
            "scope.aim",
            "Lorem therapy did not shorten recovery from the fever.",
            "This paper presents a trial of how Lorem therapy shortens recovery from the fever"
            " (the aim).",
            {},
            None,
        ),
        (
            "scope.method",
            "Cats cannot catch the Tabqa virus.",
            "Here we investigated the infection of the Tabqa virus in cats by testing their blood.",
            {},
            None,
        ),
        (
            "scope.talk",
            "The Lorem car was stolen in Tabqa.",
            "On Friday, a rumour cropped up that the Lorem car had been stolen in Tabqa.",
            {},
            None,
        ),
        (
            "scope.speaker",
            "Amaq claimed that three Russian soldiers were killed near Tabqa.",
            "Three Russian soldiers were killed near Tabqa, the ministry said.",
            {},
            None,
        ),
    ]
)


def test_an_unattributed_sentence_in_the_speakers_article_may_carry_their_word() -> None:
    claim = "Acme said it would notify affected staff from January 18."
    article = "A memo from Acme reached its staff on Wednesday, about the job cuts."
    backed = decided(claim, "Affected staff will be notified from January 18.", article=article)
    assert (backed.rule, getattr(backed, "stance", None)) == ("statements.states", Stance.SUPPORTS)
    # without the speaker in the article, the sentence is nobody's word
    alone = decided(claim, "Affected staff will be notified from January 18.")
    assert (alone.rule, getattr(alone, "stance", None)) == ("scope.speaker", None)
    # another speaker's sentence does not carry it either
    other = decided(claim, "Staff will be notified from January 18, the union said.", article)
    assert (other.rule, getattr(other, "stance", None)) == ("scope.speaker", None)


def test_the_writers_doubt_does_not_contradict_what_the_speaker_claimed() -> None:
    claim = "Amaq claimed that three Russian soldiers were killed near Tabqa."
    article = "The news agency Amaq released photos of the Russian soldiers killed near Tabqa."
    doubt = "However, photos suggest that the killed fighters were likely private contractors."
    outcome = decided(claim, doubt, article=article, before=article)
    assert outcome.rule == "scope.speaker" and not hasattr(outcome, "stance"), outcome
    assert "cannot contradict" in outcome.reason


def test_a_person_named_in_full_is_then_named_by_their_last_name() -> None:
    claim = "Jane Moreau claimed the party would have won 100 seats under another system."
    article = "The result left Ms Moreau's party with four seats."
    passage = (
        "Claiming the party would have won 100 seats under another system, she called it unfair."
    )
    backed = decided(claim, passage, article=article)
    assert getattr(backed, "stance", None) is Stance.SUPPORTS, backed
    # another person of the same first name is not her
    other = decided(
        claim, passage, article="The result left Ms Jane Dubois's party with four seats."
    )
    assert (other.rule, getattr(other, "stance", None)) == ("scope.speaker", None)


def test_what_a_study_set_out_to_do_does_not_contradict_what_it_found() -> None:
    claim = "Lorem therapy did not shorten recovery from the fever."
    for aim in (
        "Objective: To evaluate whether Lorem therapy shortens recovery from the fever.",
        "We aimed to test whether Lorem therapy shortens recovery from the fever.",
        "This paper presents a trial of Lorem therapy and recovery from the fever.",
    ):
        outcome = decided(claim, aim)
        assert getattr(outcome, "stance", None) is not Stance.CONFLICTS, aim
    # a finding is judged as before, and so is a news sentence that merely presents something
    found = stance(claim, "We found that Lorem therapy shortened recovery from the fever.")
    assert found is not None and found.stance is Stance.CONFLICTS
    clinic = stance(
        claim, "The clinic presents Lorem therapy, which shortened recovery from the fever."
    )
    assert clinic is not None and clinic.stance is Stance.CONFLICTS


def test_what_a_study_set_out_to_do_or_did_is_no_answer_but_what_it_found_is() -> None:
    claim = "Lorem therapy shortens recovery from the fever."
    aim = decided(
        claim, "OBJECTIVE To determine whether Lorem therapy shortens recovery from the fever."
    )
    assert aim.rule == "scope.aim" and not hasattr(aim, "stance")
    did = "We compared recovery from the fever with and without Lorem therapy in 400 patients."
    assert decided(claim, did).rule == "scope.method"
    headed = "DESIGN, SETTING, AND PARTICIPANTS Trial of Lorem therapy for recovery from the fever."
    assert decided(claim, headed).rule == "scope.method"
    aim = decided(claim, "Objectives To assess whether Lorem therapy shortens fever recovery.")
    assert aim.rule == "scope.aim"
    found = "We followed 400 patients and found that Lorem therapy shortens "
    outcome = decided(claim, found + "recovery from the fever.")
    assert getattr(outcome, "stance", None) is Stance.SUPPORTS


def test_a_claim_given_to_researchers_unnamed_is_the_word_of_any_study_that_says_it() -> None:
    claim = "Scientists have confirmed that the Tabqa virus did not come from bats."
    found = "We concluded that the Tabqa virus did not come directly from bats."
    backed = decided(claim, found)
    assert getattr(backed, "stance", None) is Stance.SUPPORTS, backed
    reported = decided(claim, "A study in Lorem found the Tabqa virus did not come from bats.")
    assert getattr(reported, "stance", None) is Stance.SUPPORTS, reported
    other = decided(claim, "The Tabqa virus did come from bats, the ministry said.")
    assert (other.rule, getattr(other, "stance", None)) == ("scope.speaker", None)
    # named researchers are theirs alone
    named = decided("Oxford researchers said the Tabqa virus did not come from bats.", found)
    assert (named.rule, getattr(named, "stance", None)) == ("scope.speaker", None)
    # where and when a study was published names none of its authors
    for published in (
        "according to a study published Wednesday.",
        "according to a modelling study published on Monday in the journal Lorem.",
    ):
        claim = "The Tabqa virus did not come from bats, " + published
        backed = decided(claim, found)
        assert getattr(backed, "stance", None) is Stance.SUPPORTS, (claim, backed)


def test_words_the_claim_quotes_given_to_another_speaker_conflict() -> None:
    claim = "Spokesman Carl Moreau declared: 'On the front, we can say there is peace now.'"
    other = decided(claim, '"On the front, we can say there is peace now," Ana Ruiz said Friday.')
    assert (other.rule, getattr(other, "stance", None)) == (
        "scope.quote-of-another",
        Stance.CONFLICTS,
    )
    assert other.reason == "the passage gives these words to Ana Ruiz, not Spokesman Carl Moreau"
    own = decided(claim, '"On the front, we can say there is peace now," Moreau said Friday.')
    assert getattr(own, "stance", None) is Stance.SUPPORTS
    # a few words anyone may say are no one's quotation
    short = decided("Carl Moreau called it 'a hoax' on Friday.", "'A hoax,' Ana Ruiz said.")
    assert short.rule != "scope.quote-of-another"


def test_two_people_of_one_title_are_two_speakers() -> None:
    """A shared title ("Lorem Minister") is not a shared speaker: the surname tells them."""
    claim = 'Lorem Prime Minister Ben Lorimer said: "I cannot confirm that and I hope it is false."'
    quoted = decided(
        claim,
        '"I cannot confirm that and I hope it is false," Lorem Defence Minister Tom Bexley said.',
    )
    assert (quoted.rule, getattr(quoted, "stance", None)) == (
        "scope.quote-of-another",
        Stance.CONFLICTS,
    )
    claim = "Lorem Prime Minister Ben Lorimer said the talks in Tabqa had failed."
    other = decided(claim, "Lorem Defence Minister Tom Bexley said the talks in Tabqa had failed.")
    assert (other.rule, getattr(other, "stance", None)) == ("scope.speaker", None)
    own = decided(claim, "The talks in Tabqa had failed, Lorem Prime Minister Ben Lorimer said.")
    assert getattr(own, "stance", None) is Stance.SUPPORTS
    title = decided(claim, "The talks in Tabqa had failed, the Lorem minister said.")
    assert getattr(title, "stance", None) is Stance.SUPPORTS


def test_a_speaker_written_as_the_group_is_whom_the_claim_named_before() -> None:
    claim = "In a video attributed to Lorem leader Abu Ipsum, the group denied agreeing to a truce."
    said = decided(claim, "Lorem has denied that it agreed to a truce with the army.")
    assert getattr(said, "stance", None) is Stance.SUPPORTS, said
    # the place where it was said is not what the passage must say
    video = analyze_claim(claim, ANALYZER)
    assert "video" not in {t.text for t in video.terms}


def test_whose_agency_speaks_is_not_the_speaker() -> None:
    """ "Lorem's state news agency LNA": LNA speaks, not Lorem or anyone else of Lorem."""
    claim = "Peru's state news agency Andina reported that rebels had shelled the Tabqa bridge."
    analysed = analyze_claim(claim, ANALYZER)
    assert "andina" in analysed.speaker_keys
    assert not {k for k in analysed.speaker_keys if "peru" in k}
    other = decided(claim, "A Peruvian commander denied that rebels had shelled the Tabqa bridge.")
    assert (other.rule, getattr(other, "stance", None)) == ("scope.speaker", None)
    own = decided(claim, "Rebels shelled the Tabqa bridge, Peru's news agency Andina reported.")
    assert getattr(own, "stance", None) is Stance.SUPPORTS


def test_a_story_told_as_talk_does_not_back_the_claim() -> None:
    claim = "The Lorem car was stolen in Tabqa."
    told = decided(claim, "The Lorem car was stolen in Tabqa, police said.")
    assert (told.rule, getattr(told, "stance", None)) == ("statements.states", Stance.SUPPORTS)
    for talk in (
        "The Lorem car was reportedly stolen in Tabqa.",
        "A post claiming the Lorem car was stolen in Tabqa spread on Friday.",
        "Police claimed that the Lorem car was stolen in Tabqa.",
    ):
        outcome = decided(claim, talk)
        assert (outcome.rule, getattr(outcome, "stance", None)) == ("scope.talk", None), talk
    # talk after most of what it says does not govern it
    hunt = decided(
        "Police in Tabqa are hunting a man who slaps people.",
        "Police in Tabqa are hunting a middle-aged man who has allegedly been slapping people.",
    )
    assert getattr(hunt, "stance", None) is Stance.SUPPORTS, hunt
    after = decided(claim, "The Lorem car was stolen in Tabqa, and rumours followed.")
    assert getattr(after, "stance", None) is Stance.SUPPORTS
    # a claim that is itself talk is backed by the talk
    reported = decided("The Lorem car was reportedly stolen in Tabqa.", talk)
    assert getattr(reported, "stance", None) is Stance.SUPPORTS


def test_a_report_relayed_from_another_outlet_or_unnamed_sources_does_not_back_it() -> None:
    claim = "The Lorem car was stolen in Tabqa."
    for relayed in (
        "The Lorem car was stolen in Tabqa, according to a report by the Tabqa Times.",
        "The Lorem car was stolen in Tabqa, the paper said, citing unnamed sources.",
        "The Tabqa Times is reporting that the Lorem car was stolen in Tabqa.",
        "The Lorem car was stolen in Tabqa, sources told the paper.",
    ):
        outcome = decided(claim, relayed)
        assert (outcome.rule, getattr(outcome, "stance", None)) == ("scope.talk", None), relayed
    # the police's word is not a relayed report
    said = decided(claim, "The Lorem car was stolen in Tabqa, according to the police.")
    assert getattr(said, "stance", None) is Stance.SUPPORTS


def test_talk_that_is_called_false_still_contradicts() -> None:
    outcome = decided(
        "The Lorem car was stolen in Tabqa.",
        "Rumours that the Lorem car was stolen in Tabqa are a hoax, police said.",
    )
    assert getattr(outcome, "stance", None) is Stance.CONFLICTS
