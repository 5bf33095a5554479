"""Loading a corpus: articles, their metadata, paragraphs, page furniture and sentence passages."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import blingfire
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.corpus import read as corpus_module
from dossier.corpus.read import load_corpus, segment_document
from dossier.errors import CorpusError
from dossier.models import Corpus, Document, ParagraphKind, Paragraphs, Passages

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "corpus"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return load_corpus(SEEDS)


def passage_texts(corpus: Corpus) -> list[str]:
    return [p.text for p in corpus.passages]


def paragraph_texts(corpus: Corpus, kind: ParagraphKind) -> list[str]:
    return [
        corpus.document(p.source).text[p.start : p.end] for p in corpus.paragraphs if p.kind is kind
    ]


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


# --- reading ------------------------------------------------------------------------------


def test_every_passage_quotes_its_document_exactly(seeds: Corpus) -> None:
    assert [d.path for d in seeds.documents] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert len(seeds.passages) > 100
    for i, passage in enumerate(seeds.passages):
        text = seeds.document(passage.source).text
        assert passage.id == i
        assert text[passage.start : passage.end] == passage.text
        assert passage.text == passage.text.strip() and passage.text
        assert passage.paragraph_start <= passage.start < passage.end <= passage.paragraph_end


def test_documents_keep_the_file_text_and_hash(seeds: Corpus) -> None:
    for document in seeds.documents:
        data = (SEEDS / document.path).read_bytes()
        with open(SEEDS / document.path, encoding="utf-8", newline="") as f:
            assert document.text == f.read()
        assert document.sha256 == hashlib.sha256(data).hexdigest()


def test_passages_follow_document_and_offset_order(seeds: Corpus) -> None:
    keys = [(p.source, p.start) for p in seeds.passages]
    assert keys == sorted(keys)


def test_files_are_found_recursively_in_path_order_and_hidden_ones_ignored() -> None:
    corpus = load_corpus(FIXTURES / "mixed")
    assert [d.path for d in corpus.documents] == ["a.txt", "notes/b.md"]


def test_crlf_files_keep_exact_offsets(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Headline here\r\n\r\nFirst sentence. Second one.\r\nThird one.\r\n")
    corpus = load_corpus(tmp_path)
    assert passage_texts(corpus) == ["First sentence.", "Second one.", "Third one."]
    for p in corpus.passages:
        assert corpus.documents[0].text[p.start : p.end] == p.text


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


def test_headlines_and_bylines_are_headings_and_give_the_title(seeds: Corpus) -> None:
    headings = paragraph_texts(seeds, ParagraphKind.HEADING)
    assert "U.S.-Backed Forces Advance Against IS In East Syria" in headings
    assert "By [South Front](#)" in headings
    untitled = load_corpus(FIXTURES / "mixed")
    assert untitled.documents[1].meta.title == "Harbour works delayed"


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
        ("The ceasefire held.", None),
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
        assert corpus_module._blingfire_starts(flat) == [a for a, _ in offsets]


# --- sources.yaml -------------------------------------------------------------------------


def test_seed_metadata_shows_only_what_the_text_shows(seeds: Corpus) -> None:
    meta = {d.path[:3]: d.meta for d in seeds.documents}
    assert meta["004"].outlet == "Global Research"
    assert str(meta["004"].date) == "2017-09-21"
    assert meta["003"].title is not None and meta["003"].title.startswith("Russia warns US")
    assert all(m.url is None for m in meta.values())
    assert meta["000"].date is None and meta["002"].title is None


def test_sources_yaml_errors_name_line_and_column(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A sentence here.\n")
    write(
        tmp_path / "sources.yaml",
        "sources:\n  a.txt:\n    title: A\n    date: yesterday\n    author: me\n",
    )
    with pytest.raises(CorpusError) as err:
        load_corpus(tmp_path)
    where = tmp_path / "sources.yaml"
    assert str(err.value).splitlines() == [
        f"{where}:4:11: sources[\"a.txt\"].date: 'yesterday' is not a date; "
        "write it as YYYY-MM-DD, e.g. 2017-09-21.",
        f'{where}:5:5: sources["a.txt"].author: unknown key; use title, outlet, date, url, notes.',
    ]


def test_sources_yaml_errors_suggest_the_key_or_file_meant(tmp_path: Path) -> None:
    write(tmp_path / "article.txt", "A sentence here.\n")
    write(
        tmp_path / "sources.yaml",
        "sources:\n  article.txt:\n    outlett: X\n    date: 20170921\n  artcle.txt:\n",
    )
    with pytest.raises(CorpusError) as err:
        load_corpus(tmp_path)
    where = tmp_path / "sources.yaml"
    assert str(err.value).splitlines() == [
        f"{where}:3:5: sources[\"article.txt\"].outlett: unknown key; did you mean 'outlet'?",
        f'{where}:4:11: sources["article.txt"].date: 20170921 is a number, not a date; '
        "write it as YYYY-MM-DD, e.g. 2017-09-21.",
        f'{where}:5:3: sources["artcle.txt"]: no such article file in the corpus folder '
        f"{tmp_path} (names are paths relative to it, e.g. 'article.txt'); "
        "did you mean 'article.txt'?",
    ]


def test_sources_yaml_naming_an_unknown_file_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A sentence here.\n")
    write(tmp_path / "sources.yaml", "sources:\n  a.txt:\n    title: A\n  missing.txt:\n")
    with pytest.raises(
        CorpusError, match=r"sources\.yaml:4:3: sources\[\"missing\.txt\"\]: no such"
    ):
        load_corpus(tmp_path)


def test_sources_yaml_syntax_error_and_bad_regex_name_their_place(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A sentence here.\n")
    write(tmp_path / "sources.yaml", "sources:\n  a.txt: {title: [x\n")
    with pytest.raises(CorpusError, match=r"sources\.yaml:3:1: invalid YAML: "):
        load_corpus(tmp_path)
    write(tmp_path / "sources.yaml", "furniture:\n  - 'ok'\n  - '(unclosed'\n")
    with pytest.raises(CorpusError, match=r"sources\.yaml:3:5: furniture\[1\]: invalid regular"):
        load_corpus(tmp_path)


def test_sources_yaml_is_loaded_safely(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A sentence here.\n")
    write(tmp_path / "sources.yaml", "sources: !!python/object/apply:os.system ['true']\n")
    with pytest.raises(CorpusError, match=r"sources\.yaml:1:"):
        load_corpus(tmp_path)


# --- bad folders and bad files ------------------------------------------------------------


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"corpus folder not found\.$"):
        load_corpus(tmp_path / "nowhere")


def test_a_file_instead_of_a_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r": not a folder"):
        load_corpus(write(tmp_path / "a.txt", "Text."))


def test_a_folder_without_articles_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "notes.rst", "Not an article.")
    with pytest.raises(CorpusError, match=r"no article files \(\.txt or \.md\)"):
        load_corpus(tmp_path)


def test_bad_files_are_skipped_with_a_warning_naming_them(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", "A good sentence.\n")
    write(tmp_path / "latin1.txt", "Caf\xe9 au lait.".encode("latin-1"))
    write(tmp_path / "binary.txt", b"PK\x03\x04\x00\x00binary")
    outside = write(tmp_path.parent / f"{tmp_path.name}-outside" / "secret.txt", "Secret.\n")
    os.symlink(outside, tmp_path / "link.txt")
    os.symlink(outside.parent, tmp_path / "linked-dir")
    warnings: list[str] = []
    corpus = load_corpus(tmp_path, warn=warnings.append)
    assert [d.path for d in corpus.documents] == ["good.txt"]
    assert len(warnings) == 4
    assert any("latin1.txt" in w and "not valid UTF-8" in w for w in warnings)
    assert any("binary.txt" in w and "binary" in w for w in warnings)
    assert any("link.txt" in w and "outside the corpus folder" in w for w in warnings)
    assert any("linked-dir" in w and "outside the corpus folder" in w for w in warnings)


def test_a_symlink_inside_the_folder_is_followed(tmp_path: Path) -> None:
    write(tmp_path / "a" / "story.txt", "A good sentence.\n")
    os.symlink(tmp_path / "a" / "story.txt", tmp_path / "alias.txt")
    assert [d.path for d in load_corpus(tmp_path).documents] == ["a/story.txt", "alias.txt"]


def test_a_very_large_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus_module, "MAX_FILE_BYTES", 100)
    write(tmp_path / "big.txt", "Long sentence here. " * 10)
    write(tmp_path / "small.txt", "Short.\n")
    warnings: list[str] = []
    corpus = load_corpus(tmp_path, warn=warnings.append)
    assert [d.path for d in corpus.documents] == ["small.txt"]
    assert warnings == [
        f"{tmp_path / 'big.txt'}: skipped: 200 bytes is more than the limit of 100."
    ]


def test_only_unreadable_files_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "binary.txt", b"\x00\x01")
    with pytest.raises(CorpusError, match="no readable article files"):
        load_corpus(tmp_path, warn=lambda _message: None)


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


def test_a_corpus_read_without_keeping_texts_reads_each_again_checked_by_its_hash(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text("Café “quoted” text.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"caf\xe9\n")  # not UTF-8: skipped as ever
    said: list[str] = []

    files = corpus_module.read_corpus(tmp_path, warn=said.append, keep_texts=False)

    (document,) = files.documents
    assert "text" not in document.__dict__  # not held
    assert document.text == "Café “quoted” text.\n"
    assert document.sha256 == hashlib.sha256((tmp_path / "a.txt").read_bytes()).hexdigest()
    assert said == [f"{tmp_path / 'b.txt'}: skipped: not valid UTF-8 (byte 3)."]
    corpus_module._checked_text.cache_clear()
    (tmp_path / "a.txt").write_text("Edited.\n", encoding="utf-8")
    with pytest.raises(corpus_module.CorpusError, match=r"a\.txt: changed while the build"):
        _ = document.text


def test_articles_taken_in_runs_equal_the_same_articles_added_one_by_one() -> None:
    paragraphs = {
        "a.txt": [(0, 9, "heading", None), (11, 40, "furniture", "donate"), (42, 80, "body", None)],
        "b.txt": [(0, 30, "body", None)],
        "c.txt": [(0, 12, "furniture", "share"), (14, 50, "body", None)],
        "x.txt": [(0, 20, "body", None)],
    }
    sentences = {
        "a.txt": [(0, 9, 0, 9), (42, 60, 42, 80), (61, 80, 42, 80)],
        "b.txt": [(0, 30, 0, 30)],
        "c.txt": [(14, 50, 14, 50)],
        "x.txt": [(0, 20, 0, 20)],
    }

    def added(names: list[str]) -> tuple[Paragraphs, Passages]:
        made = Paragraphs(), Passages()
        for name in names:
            made[0].add(name, paragraphs[name])
            made[1].add(name, None, sentences[name])
        return made

    base_paragraphs, base_passages = added(["a.txt", "b.txt", "c.txt"])

    def taken(plan: list[str | range]) -> tuple[Paragraphs, Passages]:
        made = Paragraphs(), Passages()
        for step in plan:
            if isinstance(step, str):
                made[0].add(step, paragraphs[step])
                made[1].add(step, None, sentences[step])
            else:
                made[0].take(base_paragraphs, step)
                made[1].take(base_passages, step)
        return made

    for plan, names in [
        ([range(0, 3)], ["a.txt", "b.txt", "c.txt"]),
        (["x.txt", range(1, 3)], ["x.txt", "b.txt", "c.txt"]),  # each one place later
        ([range(1, 2), "x.txt", range(0, 1)], ["b.txt", "x.txt", "a.txt"]),
    ]:
        got, expected = taken(plan), added(names)
        assert got[0].columns() == expected[0].columns()
        assert got[1].columns() == expected[1].columns()
        assert got[1].articles() == expected[1].articles()
        assert [got[0].rows(range(i, i + 1)) for i in range(3)] == [
            range(0, len(paragraphs[names[0]])),
            range(len(paragraphs[names[0]]), len(paragraphs[names[0]]) + len(paragraphs[names[1]])),
            range(len(got[0]) - len(paragraphs[names[2]]), len(got[0])),
        ]


def test_each_articles_first_heading_is_found_among_its_paragraphs() -> None:
    store = Paragraphs()
    store.add("a.txt", [(0, 5, "body", None), (6, 20, "heading", None), (21, 30, "heading", None)])
    store.add("b.txt", [(0, 9, "body", None)])
    store.add("c.txt", [(0, 7, "heading", None), (8, 30, "furniture", "share")])

    assert store.first_of_kind(ParagraphKind.HEADING) == {"a.txt": (6, 20), "c.txt": (0, 7)}
    assert store.first_of_kind(ParagraphKind.FURNITURE) == {"c.txt": (8, 30)}


def test_the_articles_kept_as_columns_are_made_once_each_and_only_when_read(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text("Raqqa fell.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Tabqa dam was taken.\n", encoding="utf-8")
    files = corpus_module.read_corpus(tmp_path, keep_texts=False)
    documents = files.documents

    assert isinstance(documents, corpus_module.Documents)
    assert documents._made == {}  # none made by reading the folder
    assert documents[-1].text == "Tabqa dam was taken.\n"
    assert documents[1] is documents[-1] and list(documents._made) == [1]
    assert [d.path for d in documents[0:2]] == ["a.txt", "b.txt"]
    with pytest.raises(IndexError):
        documents[2]
    with pytest.raises(IndexError):
        documents[-3]
