"""Paragraphs, their kinds, and sentences: every passage quotes its article exactly."""

from __future__ import annotations

import textwrap
from pathlib import Path

import blingfire
from articles import FIXTURES, paragraph_texts, passage_texts, write
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.corpus import segment as segment_module
from dossier.corpus.read import load_corpus
from dossier.corpus.segment import segment_document
from dossier.models import Corpus, Document, ParagraphKind

# --- paragraphs ---------------------------------------------------------------------------


def test_a_hard_wrapped_sentence_is_one_passage(seeds: Corpus) -> None:
    wrapped = [t for t in passage_texts(seeds) if "but has\nmostly focused" in t]
    assert wrapped == [
        "Russia began its operation to support president Bashar Assad's offensive against the "
        "Islamic State in Syria in 2015 but has\nmostly focused on providing air cover to "
        "government troops on the ground."
    ]


def test_one_paragraph_per_line_gives_separate_paragraphs(seeds: Corpus) -> None:
    paragraphs = [p for p in seeds.paragraphs if p.source.startswith("002_")]
    text = seeds.document(paragraphs[0].source).text
    lines = [line for line in text.split("\n") if line.strip()]
    assert [text[p.start : p.end] for p in paragraphs] == lines


def test_a_line_after_a_comma_or_starting_lowercase_continues_the_paragraph() -> None:
    corpus = load_corpus(FIXTURES / "mixed")
    assert "She thanked the\nengineers,\nand the residents for their patience." in (
        passage_texts(corpus)
    )
    assert "Residents welcomed the news." in passage_texts(corpus)


def test_a_text_re_wrapped_to_a_width_keeps_its_paragraphs_and_headings() -> None:
    """Filled to 40 columns, a line that starts with a capital is no new paragraph when the
    word would not have fit on the line before; the headline stays one heading."""
    lines = [
        "Russia warns US of retaliation if troops come under fire",
        "Moscow said that its own special forces were deployed alongside Syrian troops. "
        "The SDF said Russian jets struck its positions near the Euphrates.",
        "Washington fears further advances by pro-government forces could help Iran.",
    ]

    def read(text: str) -> list[tuple[str, ParagraphKind]]:
        paragraphs, _ = segment_document(Document(path="a.txt", text=text, sha256="0" * 64))
        return [(" ".join(text[p.start : p.end].split()), p.kind) for p in paragraphs]

    wrapped = "\n\n".join(textwrap.fill(line, 40, break_on_hyphens=False) for line in lines)
    assert "troops.\nThe SDF said" in wrapped
    assert read(wrapped) == read("\n\n".join(lines))
    assert [kind for _, kind in read(wrapped)][:2] == [ParagraphKind.HEADING, ParagraphKind.BODY]


def read(text: str) -> list[tuple[str, ParagraphKind]]:
    paragraphs, _ = segment_document(Document(path="a.txt", text=text, sha256="0" * 64))
    return [(text[p.start : p.end], p.kind) for p in paragraphs]


def test_a_line_ending_mid_sentence_is_no_heading_and_goes_on() -> None:
    """A line that ends on "the" or "of" goes on whatever starts the next; a line cut there,
    or on a comma, is body text (judged), not a heading."""
    text = "Jobs cut\nAmazon will cut jobs, according to the\nWall Street Journal.\n\nTold of\n"
    assert read(text) == [
        ("Jobs cut", ParagraphKind.HEADING),
        ("Amazon will cut jobs, according to the\nWall Street Journal.", ParagraphKind.BODY),
        ("Told of", ParagraphKind.BODY),
    ]
    assert read("Media caption,")[0][1] is ParagraphKind.BODY
    assert read("Lights out")[0][1] is ParagraphKind.HEADING  # "out" closes a phrase
    assert read("Results are IN")[0][1] is ParagraphKind.HEADING  # not running text


def test_a_figure_or_a_bracket_before_a_lowercase_word_goes_on() -> None:
    text = "The company said it would cut\n18,000 jobs in stores\n(the biggest cut) this year."
    assert read(text) == [(text, ParagraphKind.BODY)]
    # a date or an agency's name after a headline starts a line of its own
    assert [
        kind for _, kind in read("Amazon cuts jobs\n5 January 2023\n(Reuters) Amazon said so.")
    ] == [
        ParagraphKind.HEADING,
        ParagraphKind.FURNITURE,
        ParagraphKind.BODY,
    ]


def test_widths_join_lines_only_in_wrapped_prose() -> None:
    """A full line goes on in text wrapped to a width (a PDF's lines); a file of one paragraph
    a line, or a table without a full stop, keeps its lines apart."""
    wrapped = (
        "Amazon to cut 18,000 jobs\n"
        "Amazon's chief executive told staff on Wednesday that the company would\n"
        "eliminate just over 18,000 roles, far more than had been reported, the\n"
        "company said in a memo published on its website on Wednesday, Andy\n"
        "Jassy wrote, and more cuts would follow in Europe later in the year.\n"
        "Biggest cut in its history\n"
        "The company employed about 1.5 million people at the end of September\n"
        "2022, most of them in its warehouses around the United States and Europe.\n"
    )
    assert [kind for _, kind in read(wrapped)] == [
        ParagraphKind.HEADING,
        ParagraphKind.BODY,
        ParagraphKind.HEADING,
        ParagraphKind.BODY,
    ]
    table = "".join(f"Party number {i} won seats in Region {i} and Region X\n" for i in range(9))
    assert len(read(table)) == 9
    lines = "".join(
        f"Paragraph {i} of the article says{' a thing' * i} in one sentence of its own.\n"
        for i in range(9)
    )
    assert len(read(lines)) == 9


def test_a_headline_wrapped_in_two_lines_is_one_heading() -> None:
    assert read("Amazon to cut\n18,000 jobs\n\nThe company said so.") == [
        ("Amazon to cut\n18,000 jobs", ParagraphKind.HEADING),
        ("The company said so.", ParagraphKind.BODY),
    ]


def test_a_heading_that_states_a_figure_is_a_passage_too() -> None:
    """A headline with a figure is judged, its Markdown marks left out; a heading without a
    figure, a byline, or one of two words is not."""
    text = (
        "## Amazon to cut 18,000 jobs\n\nBy Jane Doe 2023\n\nAnnouncement of the layoffs\n\n"
        "2023 cuts\n\nIt did.\n"
    )
    paragraphs, sentences = segment_document(Document(path="a.txt", text=text, sha256="0" * 64))
    assert [p.kind for p in paragraphs][:4] == [ParagraphKind.HEADING] * 4
    assert [text[a:b] for a, b, _, _ in sentences] == ["Amazon to cut 18,000 jobs", "It did."]
    assert sentences[0][2:] == (paragraphs[0].start, paragraphs[0].end)


def test_headlines_and_bylines_are_headings_and_give_the_title(seeds: Corpus) -> None:
    headings = paragraph_texts(seeds, ParagraphKind.HEADING)
    assert "U.S.-Backed Forces Advance Against IS In East Syria" in headings
    assert "By [South Front](#)" in headings
    untitled = load_corpus(FIXTURES / "mixed")
    assert untitled.documents[1].meta.title == "Harbour works delayed"


# --- sentences ----------------------------------------------------------------------------


def test_abbreviations_do_not_split_sentences(seeds: Corpus) -> None:
    texts = passage_texts(seeds)
    assert any(t.startswith("The U.S. -backed militia warned Monday") for t in texts)
    assert any(t.startswith("On Sept. 4, a US strike killed") for t in texts)
    assert any("Maj Gen Igor Konashenkov said in a statement." in t for t in texts)
    assert any(t.startswith("Syrian fighters backed by U.S. special forces") for t in texts)
    assert not any(t in {"U.S.", "Sept.", "Gen."} for t in texts)


def test_a_sentence_ending_inside_a_closing_quote_keeps_the_quote(seeds: Corpus) -> None:
    texts = passage_texts(seeds)
    assert (
        '"The firing positions in those areas will be immediately destroyed with all the '
        'arsenal at our disposal."' in texts
    )
    assert any(t.endswith("without striking a blow.”") for t in texts)


def test_markdown_link_text_is_kept_as_written(tmp_path: Path) -> None:
    text = "Fighting went on, [South Front](#) reported on Sunday. Nothing else changed.\n"
    write(tmp_path / "a.md", text)
    corpus = load_corpus(tmp_path)
    assert passage_texts(corpus) == [
        "Fighting went on, [South Front](#) reported on Sunday.",
        "Nothing else changed.",
    ]


def test_sentence_offsets_are_characters_even_with_curly_quotes(tmp_path: Path) -> None:
    text = "“Go,” he said — now. It’s “done.” Last 😀 one.\n"
    write(tmp_path / "a.txt", text)
    corpus = load_corpus(tmp_path)
    assert passage_texts(corpus) == ["“Go,” he said — now.", "It’s “done.”", "Last 😀 one."]


def test_our_blingfire_call_matches_its_public_wrapper(seeds: Corpus) -> None:
    body = [p for p in seeds.paragraphs if p.kind is ParagraphKind.BODY]
    for p in body:
        flat = seeds.document(p.source).text[p.start : p.end].replace("\n", " ")
        _, offsets = blingfire.text_to_sentences_and_offsets(flat)
        assert segment_module._blingfire_starts(flat) == [a for a, _ in offsets]


# --- any text -----------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "The U.S. said so.",
                "“Quoted,” he said.",
                "Dr.",
                "Sept. 4",
                "and then",
                " ",
                "\n",
                "\r\n",
                "\n\n",
                "é’😀",
                "(6)",
                "Advertisement",
                "[link](#)",
                "…",
                "\t",
                " Follow us on Twitter.",
                " You can help.",
                " 40 died.",
                "“Please donate,” he said.",
                "Amazon to cut 18,000 jobs",
                "# 5 killed in crash",
                "according to the",
                "(the",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_any_text_gives_exact_non_overlapping_passages(text: str) -> None:
    document = Document(path="a.txt", text=text, sha256="0")
    paragraphs, sentences = segment_document(document)
    end = 0
    for p in paragraphs:
        assert p.start >= end and text[p.start : p.end] == text[p.start : p.end].strip() != ""
        end = p.end
    end = 0
    for start, stop, p_start, p_end in sentences:
        piece = text[start:stop]
        assert piece and piece == piece.strip()
        assert start >= end and p_start <= start < stop <= p_end
        end = stop
