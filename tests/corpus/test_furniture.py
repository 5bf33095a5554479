"""Page furniture is caught by a named rule and never becomes a passage."""

from __future__ import annotations

from pathlib import Path

import pytest
from articles import passage_texts, write

from dossier.corpus.furniture import unquoted
from dossier.corpus.read import load_corpus
from dossier.models import Corpus, ParagraphKind

# --- furniture ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "rule"),
    [
        ("Accessibility links", "navigation"),
        ("Breaking News", "label"),
        ("With reporting by AP and AFP", "reporting-credit"),
        ("READ MORE: ‘Not satisfied’", "read-more"),
        ("Sponsored by", "label"),
        ("Representational image. AP", "caption"),
        ("Your guide to the latest election news", "follow-us"),
        ("Updated Date: Sep 21, 2017", "updated"),
        ("Also See", "label"),
        ("Global Research, September 21, 2017", "dateline"),
        ("Region: [Middle East", "taxonomy"),
        ("Theme: [Terrorism]", "taxonomy"),
        ("In-depth Report: [SYRIA]", "taxonomy"),
        ("If you’re able, and if you like our content and approach, please support", "donation"),
        ("Featured image is from South Front.", "image-credit"),
        ("The original source of this article is", "original-source"),
        ("Copyright ©", "copyright"),
        ("[Comment on Global Research Articles on our Facebook page](#)", "comment-on"),
        ("[Become a Member of Global Research](#)", "membership"),
        ("Articles by: [South Front](#)", "articles-by"),
        ("Disclaimer: The contents of this article", "disclaimer"),
        ("For media inquiries:", "media-inquiries"),
    ],
)
def test_page_furniture_of_the_seeds_is_caught_by_a_named_rule(
    seeds: Corpus, start: str, rule: str
) -> None:
    found = [
        p.rule
        for p in seeds.paragraphs
        if seeds.document(p.source).text[p.start : p.end].startswith(start)
    ]
    assert found == [rule]
    assert not any(t.startswith(start) for t in passage_texts(seeds))


def test_furniture_never_becomes_a_passage(seeds: Corpus) -> None:
    text = " ".join(passage_texts(seeds))
    for piece in ["PayPal", "globalresearch.ca", "firstpost.com", "Facebook", "Follow us"]:
        assert piece not in text


def test_a_repeated_headline_is_furniture_but_its_first_occurrence_is_a_heading(
    seeds: Corpus,
) -> None:
    headline = "Russia warns US of retaliation if troops come under fire from Washington-backed"
    kinds = [
        (p.kind, p.rule)
        for p in seeds.paragraphs
        if seeds.document(p.source).text[p.start : p.end].startswith(headline)
    ]
    assert kinds == [(ParagraphKind.HEADING, None), (ParagraphKind.FURNITURE, "repeated")]


def test_real_sentences_near_furniture_are_passages(seeds: Corpus) -> None:
    texts = passage_texts(seeds)
    for sentence in [
        "It has become the latest epicenter of the war against IS.",
        "US special forces are also operating with the SDF, providing artillery and other support.",
        "However, an SDF commander told Sputnik that it was instructed not to act against "
        "Damascus forces and its allies.",
        "Konashenkov added that water discharges from the Euphrates dams controlled by the "
        "US-backed forces hamper the government advance north of Deir Ezzor.",
        "That advance would block potential IS reinforcements from Al-Mayadeen, which is close "
        "to the Iraqi border.",
    ]:
        assert sentence in texts


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("ADVERTISEMENT", "label"),
        ("(Reporting by Jane Roe; Editing by John Doe)", "reporting-credit"),
        ("© 2014 Example Media Inc. All Rights Reserved.", "copyright"),
        ("Sign up for our newsletter here.", "newsletter"),
        ("Updated 5:09 a.m. Wednesday:", "updated"),
        ("RELATED: What the ceasefire means", "read-more"),
        ("Tags: Syria, Iraq", "taxonomy"),
        ("[Home](/) | [World](/world)", "link-only"),
        ("— Jane Roe (@janeroe) October 4, 2014", "dateline"),
        ("Please support independent journalism. Donate now.", "donation"),
        ("The Associated Press contributed to this report.", "contributors"),
        ("This article originally appeared at Example News.", "original-source"),
        ("Reprinted with permission of Example News.", "original-source"),
        ("Follow Jane Roe on Twitter @janeroe.", "follow-us"),
        ("Join the conversation on Facebook.", "follow-us"),
        ("Download the Example News app for more stories!", "promo"),
        ("Do not reproduce this article without consent.", "copyright"),
        ("CBS Logo TM and Copyright 2014 Example Inc. Used under license.", "copyright"),
        ("The ceasefire held.", None),
        ("Follow-up reports on Twitter said 40 people died.", None),
        ("Protesters like to post videos on Facebook.", None),
        ("Copyright law changed in 2019.", None),
        ("Officials first published the toll on Monday.", None),
        ("UPDATED: The plot thickens as officials deny the report.", None),
        ("Russia said it would support US efforts to donate blood supplies.", None),
        ("Rights groups said the photo was taken in March.", None),
    ],
)
def test_furniture_rules_are_general(tmp_path: Path, line: str, rule: str | None) -> None:
    write(tmp_path / "a.txt", f"The first sentence of the story.\n\n{line}\n")
    paragraph = load_corpus(tmp_path).paragraphs[1]
    assert paragraph.rule == rule
    assert (paragraph.kind is ParagraphKind.FURNITURE) == (rule is not None)


def test_an_extra_furniture_rule_from_sources_yaml_is_applied(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "The dam was repaired.\n\nPresented by the Example Times.\n")
    assert passage_texts(load_corpus(tmp_path)) == [
        "The dam was repaired.",
        "Presented by the Example Times.",
    ]
    write(tmp_path / "sources.yaml", "furniture:\n  - '^presented by'\n")
    corpus = load_corpus(tmp_path)
    assert passage_texts(corpus) == ["The dam was repaired."]
    assert corpus.paragraphs[1].rule == "custom:^presented by"


# --- furniture sentences inside a paragraph of facts --------------------------------------


def pieces(folder: Path, text: str) -> list[tuple[str, str | None, str]]:
    """Each paragraph of a one-paragraph article: its kind, its rule and its exact text (beside
    an article with a sentence to judge: a corpus without one is an error)."""
    write(folder / "a.txt", text)
    write(folder / "b.txt", "It rained.\n")
    corpus = load_corpus(folder)
    article = corpus.document("a.txt").text
    found = [p for p in corpus.paragraphs if p.source == "a.txt"]
    return [(p.kind.value, p.rule, article[p.start : p.end]) for p in found]


FACTS = "Rebels said 40 civilians were killed in Aleppo."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"{FACTS} Follow us on Twitter for more.",
            [("body", None, FACTS), ("furniture", "follow-us", "Follow us on Twitter for more.")],
        ),
        (
            f"Please support our journalism. {FACTS}",
            [("furniture", "donation", "Please support our journalism."), ("body", None, FACTS)],
        ),
        (
            f"{FACTS} All rights reserved. The army denied it.",
            [
                ("body", None, FACTS),
                ("furniture", "copyright", "All rights reserved."),
                ("body", None, "The army denied it."),
            ],
        ),
        # A sentence that speaks to the reader next to an appeal is part of it.
        (
            f"{FACTS} You can help. Please donate now. Thank you for your support.",
            [
                ("body", None, FACTS),
                (
                    "furniture",
                    "donation",
                    "You can help. Please donate now. Thank you for your support.",
                ),
            ],
        ),
        # An appeal quoted is what someone said: article text.
        (
            f"“Please support us, follow us on Twitter,” the mayor said. {FACTS}",
            [("body", None, f"“Please support us, follow us on Twitter,” the mayor said. {FACTS}")],
        ),
        # blingfire does not split before a figure; the furniture is cut from it there.
        (
            "Follow us on Twitter. 40 civilians were killed in Aleppo.",
            [
                ("furniture", "follow-us", "Follow us on Twitter."),
                ("body", None, "40 civilians were killed in Aleppo."),
            ],
        ),
        # Wrapped lines: the cut keeps the exact offsets of each piece.
        (
            f"{FACTS} Follow us\non Twitter.",
            [("body", None, FACTS), ("furniture", "follow-us", "Follow us\non Twitter.")],
        ),
        # What is left of a cut line has the kind its own shape gives.
        (
            "Follow us on Twitter. Aleppo toll rises",
            [
                ("furniture", "follow-us", "Follow us on Twitter."),
                ("heading", None, "Aleppo toll rises"),
            ],
        ),
        # A paragraph all furniture is one piece of furniture, named by its first rule.
        (
            "If you like our work, please support it. Your help matters: PayPal: a@b.org",
            [
                (
                    "furniture",
                    "donation",
                    "If you like our work, please support it. Your help matters: PayPal: a@b.org",
                )
            ],
        ),
    ],
)
def test_a_furniture_phrase_takes_its_sentence_never_the_facts_beside_it(
    tmp_path: Path, text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert pieces(tmp_path, text + "\n") == expected


def test_the_facts_of_a_cut_paragraph_are_passages_with_exact_offsets(tmp_path: Path) -> None:
    text = f"Title\n\n{FACTS} It blamed air strikes. Follow us on Twitter.\n"
    write(tmp_path / "a.txt", text)
    corpus = load_corpus(tmp_path)
    found = [
        (p.text, text[p.start : p.end], text[p.paragraph_start : p.paragraph_end])
        for p in corpus.passages
    ]
    body = f"{FACTS} It blamed air strikes."
    assert found == [
        (FACTS, FACTS, body),
        ("It blamed air strikes.", "It blamed air strikes.", body),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No quotes here.", "No quotes here."),
        ("“Follow us,” he said.", "“" + " " * 10 + "” he said."),
        ('He said "please support" us.', 'He said "' + " " * 14 + '" us.'),
        ("“It goes on", "“" + " " * 10),
        ("and ends here,” he said.", " " * 14 + "” he said."),
    ],
)
def test_unquoted_blanks_what_stands_between_quotation_marks(text: str, expected: str) -> None:
    assert unquoted(text) == expected
