"""The matcher over a corpus: speakers across sentences and articles, the sentences judged. Self-
made examples."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from judging import ALIASES, ANALYZER

from dossier.analysis.text import Analyzer
from dossier.corpus.read import load_corpus
from dossier.judge.match import Matcher
from dossier.models import Claim, Stance


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


def test_a_sentence_reads_the_same_re_wrapped_or_in_nfd_and_is_cited_verbatim(
    tmp_path: Path,
) -> None:
    said = "The KF said it controls 80 per cent of Raqa, though the share is believed much lower.\n"
    claim = Claim(id="c", text="The KF controls 80 percent of Raqa.")
    wrapped = said.replace("80 per cent", "80 per\n   cent").replace(" much", "\r\nmuch")
    nfd = unicodedata.normalize("NFD", "Ráqa")
    found = {}
    for name, text in {"plain": said, "wrapped": wrapped, "nfd": said.replace("Raqa", nfd)}.items():
        folder = tmp_path / name
        folder.mkdir()
        (folder / "a.txt").write_text(text, encoding="utf-8", newline="")
        evidence = Matcher(load_corpus(folder), ANALYZER).evidence(claim)
        assert all(text[e.start : e.end] == e.quote for e in evidence)
        found[name] = [
            (e.stance, e.quote, [e.quote[a:b] for a, b in e.highlights]) for e in evidence
        ]
    assert found["plain"] == [
        (Stance.SUPPORTS, said.strip(), ["KF", "80 per cent", "Raqa"]),
        (Stance.CONFLICTS, "though the share is believed much lower", []),
    ]
    assert found["wrapped"] == [
        (Stance.SUPPORTS, wrapped.strip(), ["KF", "80 per\n   cent", "Raqa"]),
        (Stance.CONFLICTS, "though the share is believed\r\nmuch lower", []),
    ]
    assert [(stance, marks) for stance, _, marks in found["nfd"]] == [
        (Stance.SUPPORTS, ["KF", "80 per cent", nfd]),
        (Stance.CONFLICTS, []),
    ]


def test_a_head_named_beside_their_firm_speaks_for_it(tmp_path: Path) -> None:
    """The side next to a speaker may be any name, and a speaker the alias table names whole
    is found by their last name: "Lorem CEO Ana Ruiz" speaks for Lorem when "Ruiz said"."""
    (tmp_path / "a.txt").write_text(
        "On Monday, Lorem CEO Ana Ruiz wrote to the staff.\n\n"
        '"We will tell the affected staff from January 18," Ruiz said.\n',
        encoding="utf-8",
    )
    matcher = Matcher(load_corpus(tmp_path), Analyzer({"Ana Ruiz": ["Ana M. Ruiz"]}))
    claim = Claim(id="c", text="Lorem said it would tell the affected staff from January 18.")
    [cited] = matcher.evidence(claim)
    assert cited.stance is Stance.SUPPORTS and cited.speaker == "Ruiz"


def test_a_statement_is_backed_only_in_articles_that_say_most_of_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Masks protected older patients from influenza in the hospital wards, the trial found.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Masks protected older patients from influenza in the care homes.\n",
        encoding="utf-8",
    )
    matcher = Matcher(load_corpus(tmp_path), ANALYZER)
    claim = Claim(id="c", text="Masks protected older patients from influenza in hospital wards.")
    assert [e.source for e in matcher.evidence(claim)] == ["a.txt"]
    outcomes = {p.source: o for p, o in matcher.outcomes(claim)}
    assert outcomes["b.txt"].rule == "statements.weaker-article"
    said = "its article says less of the claim than another (0.64 of the best)"
    assert outcomes["b.txt"].reason == said
    # alone, the article that says less is the one that says most
    (tmp_path / "a.txt").unlink()
    alone = Matcher(load_corpus(tmp_path), ANALYZER)
    assert [e.source for e in alone.evidence(claim)] == ["b.txt"]


def test_an_abbreviation_the_article_defines_says_its_long_form(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Lorem ipsum oxidase (LIO) is an enzyme made in the liver.\n\n"
        "LIO lowers the risk of heart attacks in adults.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "LIO lowers the risk of heart attacks in adults.\n", encoding="utf-8"
    )
    claim = Claim(id="lio", text="Lorem ipsum oxidase lowers the risk of heart attacks.")
    evidence = Matcher(load_corpus(tmp_path), ANALYZER).evidence(claim)
    cited = [(e.source, e.quote) for e in evidence]
    assert cited == [("a.txt", "LIO lowers the risk of heart attacks in adults.")]


def test_a_figure_said_of_an_abbreviation_is_said_of_its_long_form(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "The Lorem Relief Agency (LRA) opened a depot on Sunday.\n\n"
        "The LRA fed 500 families in Ipsum on Monday, officials said.\n",
        encoding="utf-8",
    )
    claim = Claim(id="fed", text="The Lorem Relief Agency fed 500 families in Ipsum.")
    evidence = Matcher(load_corpus(tmp_path), ANALYZER).evidence(claim)
    assert [(e.stance, e.quote[:11]) for e in evidence] == [(Stance.SUPPORTS, "The LRA fed")]


def test_a_claims_year_is_not_asked_of_a_corpus_that_dates_no_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "About 3,000 Russian troops are now deployed to Tabqa.\n", encoding="utf-8"
    )
    claim = Claim(id="c", text="About 3,000 Russian troops were deployed to Tabqa in 2014.")
    cited = Matcher(load_corpus(tmp_path), ANALYZER).evidence(claim)
    assert [e.stance for e in cited] == [Stance.SUPPORTS]
    # Once an article is dated, an undated one cannot speak for 2014: it may be of any year.
    (tmp_path / "2017-09-12-b.txt").write_text("The front moved little.\n", encoding="utf-8")
    assert Matcher(load_corpus(tmp_path), ANALYZER).evidence(claim) == []


def test_an_article_that_tells_the_story_and_calls_it_false_does_not_back_it(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text(
        "A video shows Tom Baker giving a homeless man $100 in Tabqa.\n\n"
        "It has been watched millions of times.\n\n"
        "The video was a fake, according to a witness who was there.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "A video shows Tom Baker giving a homeless man $100 in Tabqa.\n\n"
        "It has been watched millions of times.\n",
        encoding="utf-8",
    )
    matcher = Matcher(load_corpus(tmp_path), ANALYZER)
    claim = Claim(id="gift", text="Tom Baker gave a homeless man $100 in Tabqa.")
    cited = sorted((e.source, e.stance, e.rule) for e in matcher.evidence(claim))
    assert cited == [
        ("a.txt", Stance.CONFLICTS, "statements.story-called-false"),
        ("b.txt", Stance.SUPPORTS, "figures.agree"),
    ]
    (conflict,) = [e for e in matcher.evidence(claim) if e.stance is Stance.CONFLICTS]
    assert conflict.quote == "The video was a fake, according to a witness who was there."
    assert "calls it false (“The video was a fake”)" in conflict.reason
    # a claim that itself calls the story false is read by the rules
    denial = Claim(id="fake", text="The video of Tom Baker giving a homeless man $100 is a fake.")
    assert all(e.rule != "statements.story-called-false" for e in matcher.evidence(denial))
