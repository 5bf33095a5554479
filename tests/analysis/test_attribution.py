"""Who says it: the speaker of a sentence. Self-made examples."""

from __future__ import annotations

from dossier.analysis.attribution import antecedent, is_description, speaker


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


def test_a_speaker_named_by_their_post_is_the_person_named_just_before() -> None:
    assert is_description("the Green leader")
    assert is_description("the former finance minister")
    assert not is_description("Ana Ruiz")
    assert not is_description("the minister's adviser")  # someone's post: another person
    earlier = [(2, "a tired-looking Ana Ruiz"), (3, "the council")]
    assert antecedent("the Green leader", earlier, 4) == "Ana Ruiz".join(["a tired-looking ", ""])
    assert antecedent("the Green leader", [(6, "Ana Ruiz")], 4) is None  # too far back
    assert antecedent("the Green leader", [(1, "the mayor"), (2, "the council")], 4) is None

    def resolve(who: str) -> str | None:
        return antecedent(who, earlier, 4)

    said = '"We lost," the Green leader added, saying she took responsibility for it.'
    assert speaker(said, resolve=resolve) == "a tired-looking Ana Ruiz"
    assert speaker(said) == "the Green leader"  # nothing to resolve against: as written


def test_reports_after_a_determiner_or_a_past_verb_is_a_noun_not_the_speech_verb() -> None:
    assert speaker("Ana Ruiz dismissed reports of a leak as rumours.") == "Ana Ruiz"
    assert speaker("The mayor denied the claims of a cover-up.") == "The mayor"
    assert speaker("Police chief Tom Hale dismissed the reports.") == "Police chief Tom Hale"
    assert speaker("The agency reports that 40 died.") == "The agency"


def test_reports_with_its_own_speech_verb_after_it_is_the_subjects_noun() -> None:
    said = "Early reports from doctors in Lorem have said that the drug is harmful."
    assert speaker(said) == "Early reports from doctors in Lorem"
    assert speaker("New estimates suggest 500 died.") is None
    assert speaker("The agency reports that the mayor said no.") == "The agency"


def test_reports_cited_or_amid_are_a_noun_and_the_phrase_no_speaker() -> None:
    said = "Citing reports available till late Saturday, the official said 288 people died."
    assert speaker(said) == "the official"
    assert speaker("Amid claims that the video was fake, the police said nothing.") == "the police"
    assert speaker("Lorem claims the islands.") == "Lorem"


def test_a_report_described_is_a_noun_and_a_lone_determiner_no_speaker() -> None:
    pegged = "Previous estimates from industry experts have pegged the price at $1,000."
    assert speaker(pegged) is None
    assert speaker("Earlier reports claiming that Lorem had been captured were denied.") is None
    assert speaker("Some said the hostage had been rescued while others said he was dead.") is None
    assert speaker("Ana Ruiz said he was dead.") == "Ana Ruiz"


def test_admitted_to_hospital_is_no_speech() -> None:
    assert speaker("Most patients admitted with the fever were men.") is None
    assert speaker("The mayor was admitted to hospital on Monday.") is None
    assert speaker("Patients admitted to intensive care units were older.") is None
    assert speaker("The mayor admitted that the figures were wrong.") == "The mayor"
    assert speaker("The mayor admitted to lying about the figures.") == "The mayor"


def test_a_toll_that_claimed_lives_is_no_speech() -> None:
    assert speaker("The crash claimed 60 lives.") is None
    assert speaker("The virus has claimed the lives of more than 300 people.") is None
    assert speaker("The quake claimed more than two thousand lives.") is None
    assert speaker("Ana Ruiz claimed that lives were lost.") == "Ana Ruiz"
    assert speaker("Officials said 60 lives were lost.") == "Officials"


def test_a_dateline_before_the_speaker_is_not_the_speaker() -> None:
    assert speaker("LIMA, June 3 (Agencia) - The health ministry said 40 died.") == (
        "The health ministry"
    )
    assert speaker("date 2031-01-06 Lorem's chief Ana Ruiz announced 300 cuts.") == (
        "Lorem's chief Ana Ruiz"
    )
    assert speaker("Spain had 156 cases, the ministry said.") == "the ministry"
    assert speaker("The 2 men said they left.") is None  # a figure, not a dateline


def test_an_adverb_or_a_phrase_open_at_its_end_is_not_the_speaker() -> None:
    assert speaker("Parent firm Acme recently announced 11,000 job cuts.") == "Parent firm Acme"
    assert speaker("The ministry officially announced the toll.") == "The ministry"
    assert (
        speaker("Combined with previously announced layoffs, that is a total of 27,000 cuts.")
        is None
    )


def test_who_refutes_or_rejects_a_claim_speaks() -> None:
    assert speaker("The ministry refuted the allegation that the dam had failed.") == "The ministry"
    assert speaker("Ana Ruiz rejected the claim.") == "Ana Ruiz"


def test_a_speaker_set_off_by_a_description_without_an_article_speaks() -> None:
    said = "Gen. Tom Baker, head of Lorem Command, confirmed Ann Ipsum's death in Dolor."
    assert speaker(said) == "Gen. Tom Baker"  # not "Ann Ipsum's death in Dolor"


def test_who_tweets_speaks() -> None:
    assert speaker("Minister Ana Ruiz tweeted that she was safe.") == "Minister Ana Ruiz"


def test_a_time_between_the_speaker_and_the_verb_and_a_participle_are_not_the_speaker() -> None:
    assert speaker("The Lorem Agency (LA) last Saturday declared an emergency.") == (
        "The Lorem Agency"
    )
    assert speaker("The ministry on Friday announced the toll.") == "The ministry"
    assert speaker("Ana Ruiz said that the reported 238 deaths were not the latest.") == "Ana Ruiz"
    assert speaker("Bo Dee countered that the reported 238 deaths were from Friday.") is None


def test_an_and_between_capitalised_words_does_not_cut_the_speaker() -> None:
    assert speaker("Lorem cut 2 jobs, the Department of Health and Human Services said.") == (
        "the Department of Health and Human Services"
    )
    assert speaker("Russia and Syria said the strikes hit IS.") == "Russia and Syria"
    assert speaker("The army advanced and officials said the city fell.") is None


def test_a_name_described_between_commas_is_the_speaker() -> None:
    said = "Ana Ruiz, the lawyer for the man who filmed it, said she heard 11 shots."
    assert speaker(said) == "Ana Ruiz"
    described = "Council spokeswoman Ana Ruiz, the wife of the mayor, said the bridge was shut."
    assert speaker(described) == "Council spokeswoman Ana Ruiz"
    assert speaker("In Lorem, the mayor said the bridge was shut.") == "the mayor"


def test_a_titles_full_stop_does_not_end_the_speakers_name() -> None:
    assert speaker('"It is closed," said Army Col. Carl Moreau.') == "Army Col. Carl Moreau"
    assert speaker('"It is closed," said Dr. Ana Ruiz.') == "Dr. Ana Ruiz"
    assert speaker('"It is closed," said Ana Ruiz. Then she left.') == "Ana Ruiz"


def test_a_speaker_after_the_verb_keeps_a_title_written_short() -> None:
    assert speaker("The convoy was hit twice, said Supt. Jane Moreau.") == "Supt. Jane Moreau"
    assert speaker("The convoy was hit twice, said Cpl. Jane Moreau.") == "Cpl. Jane Moreau"
