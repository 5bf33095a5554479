"""Names fold across spellings; aliases join what no rule can; 'IS' the group is not 'is'."""

from __future__ import annotations

import pytest

from dossier.analysis.attribution import speaker
from dossier.analysis.text import Analyzer, content_keys, initial_of, is_name, name_skeleton

ALIASES = {
    "Islamic State": ["IS", "ISIS", "ISIL", "Daesh"],
    "Syrian Democratic Forces": ["SDF"],
    "United States": ["US", "U.S.", "USA", "American"],
}


def keys(text: str) -> set[str]:
    return content_keys(Analyzer(ALIASES).tokens(text))


@pytest.mark.parametrize(
    "variant", ["Deir al-Zour", "Deir el-Zour", "Deir Ezzor", "Deir al-Zor", "Déir ez-Zor"]
)
def test_transliterations_of_a_place_fold_together(variant: str) -> None:
    assert {"#dr", "#zr"} <= keys(f"fighting near {variant} city")
    assert {"#dr", "#zr"} <= keys("fighting near Deir ez-Zor city")


def test_doubled_letters_fold_but_different_places_stay_apart() -> None:
    assert name_skeleton("Raqqa") == name_skeleton("Raqa")
    assert name_skeleton("Iraq") != name_skeleton("Raqqa")
    assert name_skeleton("Mayadin") == name_skeleton("Mayadeen")


@pytest.mark.parametrize("variant", ["IS", "ISIS", "ISIL", "Daesh", "Islamic State"])
def test_aliases_of_a_group_become_one_entity(variant: str) -> None:
    assert "@islamic-state" in keys(f"the fight against {variant} in Syria")


def test_the_verb_is_never_the_group_is() -> None:
    assert "@islamic-state" not in keys("the city is still surrounded")
    assert "@islamic-state" in keys("the city IS still holds")


def test_a_persons_alias_is_also_the_surname_the_article_calls_them_by() -> None:
    """News writing names a person in full once, then by their last name."""
    analyzer = Analyzer({"Tom Lorimer": ["Tom J. Lorimer"], "Islamic State": ["IS"]})
    full = next(t for t in analyzer.tokens("Tom J. Lorimer ran.") if t.entity)
    alone = next(t for t in analyzer.tokens("Then Lorimer ran.") if t.entity)
    assert full.keys[0] == "@tom-lorimer" and set(alone.keys) & set(full.keys)
    state = next(t for t in analyzer.tokens("Islamic State fighters") if t.entity)
    assert state.keys == ("@islamic-state",)  # an English word ends it: no surname


@pytest.mark.parametrize(
    "name", ["Reform UK", "University of Westminster", "al-Tabqa", "Jon Maan", "Ed Brown"]
)
def test_a_name_that_ends_in_no_surname_gets_none(name: str) -> None:
    """An acronym, an institution, a particle's name, too short a key or an English word."""
    token = next(t for t in Analyzer({name: []}).tokens(f"{name} said.") if t.entity)
    assert len(token.keys) == 1


def test_dotted_abbreviations_match_their_alias() -> None:
    assert "@united-states" in keys("U.S. special forces")
    assert "@united-states" in keys("US special forces")


def test_multiword_alias_wins_over_its_first_word() -> None:
    tokens = Analyzer(ALIASES).tokens("the Syrian Democratic Forces advanced")
    assert [t.keys for t in tokens if t.entity] == [("@syrian-democratic-forces",)]


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        (
            '"We control 80 per cent of Raqa", said Jihan Sheikh Ahmed, spokeswoman for the'
            " operation.",
            "Jihan Sheikh Ahmed, spokeswoman for the operation",
        ),
        ("While the Pentagon says there are about 500 US troops in Syria.", "the Pentagon"),
        ("The Kurdish Front (KF) announced that it had launched a raid.", "The Kurdish Front"),
        ("The news agency Amaq has claimed killing of 3 soldiers.", "The news agency Amaq"),
        ("The SDF has already accused Russia of targeting its troops.", "The SDF"),
        ("Troops advanced, according to pro-Kurdish sources.", "pro-Kurdish sources"),
        ("The offensive was launched in early June.", None),
        # a clause before the speech verb is no speaker
        ("After the chief executive announced 9,000 more cuts, the total rose.", None),
        ("When the agency declared the emergency, cases had reached 16,000.", None),
        ("By June 2, the country had 156 cases when it reported its first death.", None),
        ("With all 650 seats declared, turnout was 59.9%.", None),
    ],
)
def test_the_speaker_of_a_sentence_is_recorded(sentence: str, who: str | None) -> None:
    assert speaker(sentence) == who


def test_he_said_is_resolved_to_the_last_named_speaker() -> None:
    assert speaker('"Attempts will be met with retaliation," he said.', "Igor Konashenkov") == (
        "Igor Konashenkov"
    )


def test_plurals_and_possessives_of_an_alias_match_it() -> None:
    assert "@united-states" in keys("the Americans said")
    assert "@islamic-state" in keys("Daesh's fighters")
    assert "@united-states" in keys("U.S.-led strikes")


def test_an_entity_is_part_of_the_entity_its_name_contains() -> None:
    analyzer = Analyzer({"Russia": ["Russian"], "Russian Defence Ministry": ["Russian MoD"]})
    ministry = analyzer.tokens("the Russian Defence Ministry said")[1]
    assert ministry.keys == ("@russian-defence-ministry", "@russia")  # a passage's ministry
    russia = analyzer.tokens("Russia said")[0]  # ... speaks for Russia; not the reverse
    assert russia.keys == ("@russia",)
    assert analyzer.with_parents(["@russian-defence-ministry"]) == {
        "@russian-defence-ministry",
        "@russia",
    }


def test_numbers_keep_their_separators() -> None:
    tokens = Analyzer().tokens("over 1,500 strikes and 2.5 km")
    assert [t.keys[0] for t in tokens if t.stop and t.keys[0][1:2].isdigit()] == ["#1500", "#2.5"]


def test_irregular_past_forms_meet_their_verb() -> None:
    assert keys("the army broke the siege") & keys("breaking the siege") >= {"break", "sieg"}
    assert "fight" in keys("they fought hard")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("siege", "blockade"),
        ("militants", "fighters"),
        ("shelled", "struck"),
        ("offensive", "campaign"),
        ("denied", "rejected"),
        ("released", "discharges"),
        ("impede", "slowing"),
    ],
)
def test_news_synonyms_meet(one: str, other: str) -> None:
    from dossier.analysis.text import expand

    def group(word: str) -> set[str]:
        (token,) = Analyzer().tokens(word)
        return {k for k in expand(token.keys) if k.startswith("~")}

    assert group(one) and group(one) == group(other)


def test_the_speaker_after_a_closing_quote_wins_over_a_passive_told() -> None:
    sentence = (
        '"The envoy in Doha was told that any attack would be answered", he said, adding more.'
    )
    assert speaker(sentence, "Igor Konashenkov") == "Igor Konashenkov"
    assert speaker("“It is a coincidence,” Konashenkov said.") == "Konashenkov"
    assert speaker("The envoy was told to leave the city.") is None


def test_a_sentence_inside_a_longer_quotation_is_the_speakers_named_at_its_close() -> None:
    from dossier.analysis.attribution import quoted_by

    curly = "“The roads are cut. The bridge is down. Nobody can leave,” the mayor said."
    assert quoted_by(curly, curly.index("The bridge")) == "the mayor"
    straight = '"The roads are cut. The bridge is down. Nobody can leave", he said.'
    assert quoted_by(straight, straight.index("The bridge"), "Ana Ruiz") == "Ana Ruiz"
    outside = "The roads are cut. “Nobody can leave,” the mayor said."
    assert quoted_by(outside, 0) is None
    unattributed = "“The roads are cut. The bridge is down.” The army said it would help."
    assert quoted_by(unattributed, unattributed.index("The bridge")) is None


def test_he_said_is_never_a_group_or_a_woman() -> None:
    quote = '"Any attack will be answered," he said.'
    assert speaker(quote, "The U.S.-backed militias") is None
    assert speaker(quote, "Russia's Ministry of Defense") is None
    assert speaker(quote, "Jihan Ahmed, spokeswoman for the operation") is None
    assert speaker(quote.replace("he said", "she said"), "Jihan Ahmed, spokeswoman") == (
        "Jihan Ahmed, spokeswoman"
    )


def test_he_said_reaches_back_past_other_sources_to_a_person_only() -> None:
    from dossier.analysis.attribution import antecedent

    earlier = [(1, "The militias"), (2, "Reuters"), (3, "Petrov"), (9, "General Igor Ivanov")]
    assert antecedent("he", earlier, near=4) == "Petrov"  # near: a surname may be a person
    far = [(1, "The militias"), (6, "SANA"), (9, "General Igor Petrov")]
    assert antecedent("he", far, near=4) == "General Igor Petrov"  # far: a titled person
    assert antecedent("he", [(1, "The militias"), (9, "Ana Ruiz")], near=4) is None


def test_an_alias_written_with_another_names_spelling_is_that_alias() -> None:
    analyzer = Analyzer({**ALIASES, "Pentagon": ["US military"]})
    for text in ("the USA military command", "the American military command"):
        assert "@pentagon" in content_keys(analyzer.tokens(text)), text
    forces = Analyzer({**ALIASES, "Syria": ["Syrian"]}).tokens("Syrian Democratic Forces")
    assert [t.keys[0] for t in forces] == ["@syrian-democratic-forces"]  # a name of its own


def test_only_the_small_words_of_a_name_join_two_capitalised_words_into_one_name() -> None:
    from dossier.judge.acts import name_groups

    tokens = Analyzer(ALIASES).tokens(
        "Syrian troops near Deir ez Zor and Raqqa, with the Bank of England"
    )
    groups = name_groups(tokens)
    number = {t.text: groups[i] for i, t in enumerate(tokens) if i in groups}
    assert number["Deir"] == number["Zor"]  # "ez": one name
    assert number["Bank"] == number["England"]  # "of": one name
    assert number["Zor"] != number["Raqqa"]  # "and": two names


def test_a_claims_word_is_widened_by_its_wordnet_synonyms() -> None:
    from dossier.analysis.text import expand, widen

    (token,) = Analyzer().tokens("fatalities")
    assert widen(token.keys)[: len(token.keys)] == expand(token.keys)  # its own keys first
    assert "death" in widen(token.keys)
    assert "~kill" in widen(token.keys)  # "deaths" is a death: its hand group comes along


def test_names_numbers_and_groups_are_not_widened() -> None:
    from dossier.analysis.text import widen

    assert widen(("#1500",)) == ("#1500",)
    assert widen(("@islamic-state",)) == ("@islamic-state",)
    assert widen(("~kill",)) == ("~kill",)


def test_a_semivowel_written_for_a_vowel_folds_with_it() -> None:
    variants = {name_skeleton(w) for w in ("Choudhary", "Chowdhary", "Chaudhary", "Chowdhury")}
    assert len(variants) == 1
    assert name_skeleton("Sayed") == name_skeleton("Saeed")
    assert name_skeleton("Haywood") != name_skeleton("Hood")


def test_an_alias_of_a_thing_in_lower_case_is_also_its_words() -> None:
    analyzer = Analyzer(
        {"acute respiratory illness": ["ARI"], "Kurdish Front": ["KF", "the front"]}
    )
    [thing] = [t for t in analyzer.tokens("cases of acute respiratory illness") if "@" in t.keys[0]]
    assert (thing.entity, thing.keys[0]) == (False, "@acute-respiratory-illness")
    assert {"respiratori", "ill"} <= set(thing.keys)
    # someone's name keeps being a name, however it is written
    [front] = [t for t in analyzer.tokens("the front advanced") if t.keys[0].startswith("@")]
    assert front.entity


def test_a_plural_name_is_found_in_its_singular() -> None:
    analyzer = Analyzer({"Greens": ["Green Party"], "Tories": [], "Paris": []})
    tokens = analyzer.tokens("a Green MP and a Tory peer in Pari")
    keys = [t.keys[0] for t in tokens if t.keys[0].startswith("@")]
    assert keys == ["@greens", "@tories"]  # "Paris" is no plural: "Pari" is not it


def test_a_title_is_found_without_its_inner_of() -> None:
    analyzer = Analyzer({"Inspector of Mines": ["IM"]})
    tokens = analyzer.tokens("led by Inspector Mines, North, and not by the inspector of mines")
    keys = [t.keys[0] for t in tokens if t.keys[0].startswith("@")]
    assert keys == ["@inspector-of-mines", "@inspector-of-mines"]
    plain = Analyzer({"Bank of Lorem": []}).tokens("a bank of lorem ipsum; Bank Lorem")
    assert [t.keys[0] for t in plain if t.keys[0].startswith("@")] == ["@bank-of-lorem"] * 2


def test_a_name_is_a_word_of_more_than_one_letter_the_analyzer_reads_as_one() -> None:
    tokens = Analyzer({"Kurdish Front": ["KF"]}).tokens("Ana Ruiz met the KF in A town.")
    assert [t.text for t in tokens if is_name(t)] == ["Ruiz", "KF"]  # "Ana" opens the sentence


def test_an_initial_stands_for_a_name_word_it_begins() -> None:
    assert initial_of("H.", "Helicobacter") and initial_of("H", "Helicobacter")
    assert not initial_of("K.", "Helicobacter")
    assert not initial_of("He", "Helicobacter")  # two letters are no initial
    assert not initial_of("U", "US")  # nor is a name of two letters one's expansion


def test_a_place_and_its_demonym_are_one_name() -> None:
    """WordNet's demonyms are built-in aliases, read with their capitals."""
    analyzer = Analyzer({})
    syria = [t.keys for t in analyzer.tokens("Syrian forces left Syria.") if t.entity]
    assert syria[0] == syria[1]
    assert not [t for t in analyzer.tokens("The man ate turkey in china.") if t.entity]
    # an editor's table that names the place decides its names
    editors = Analyzer({"Syria": ["Damascus"]}).tokens("The Syrian forces left Damascus.")
    keys_of = {t.text: t.keys for t in editors if t.entity}
    assert keys_of["Damascus"] == ("@syria",) and "@syria" not in keys_of["Syrian"]
    # and a built-in demonym does not make an editor's name a part of the place
    assert [t.keys for t in Analyzer(ALIASES).tokens("the Syrian Democratic Forces")][1:] == [
        ("@syrian-democratic-forces",)
    ]
    assert Analyzer({}, places=False).tokens("The Syrian")[1].keys != syria[0]
