"""Reading a corpus folder: every article file, exactly as written; bad files skipped."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from articles import FIXTURES, SEEDS, passage_texts, write

from dossier.corpus import files as files_module
from dossier.corpus.read import load_corpus, read_corpus
from dossier.errors import CorpusError
from dossier.models import Corpus

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


# --- bad folders and bad files ------------------------------------------------------------


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"corpus folder not found\.$"):
        load_corpus(tmp_path / "nowhere")


def test_a_file_instead_of_a_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r": not a folder"):
        load_corpus(write(tmp_path / "a.txt", "Text."))


def test_a_folder_without_articles_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "notes.rst", "Not an article.")
    message = (
        r"no article files dossier reads \(\.htm, \.html, \.md, \.pdf, \.txt\).*1 \.rst file\."
    )
    with pytest.raises(CorpusError, match=message):
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
    assert len(warnings) == 5
    assert warnings[-1] == (
        f"{tmp_path}: 1 article file read, 2 not read: binary.txt (a binary file (it holds NUL "
        "bytes), not an article), latin1.txt (not valid UTF-8 (byte 3))."
    )
    assert any("latin1.txt" in w and "not valid UTF-8" in w for w in warnings)
    assert any("binary.txt" in w and "binary" in w for w in warnings)
    assert any("link.txt" in w and "outside the corpus folder" in w for w in warnings)
    assert any("linked-dir" in w and "outside the corpus folder" in w for w in warnings)


def test_a_symlink_inside_the_folder_is_followed(tmp_path: Path) -> None:
    write(tmp_path / "a" / "story.txt", "A good sentence.\n")
    os.symlink(tmp_path / "a" / "story.txt", tmp_path / "alias.txt")
    assert [d.path for d in load_corpus(tmp_path).documents] == ["a/story.txt", "alias.txt"]


def test_a_very_large_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files_module, "MAX_FILE_BYTES", 100)
    write(tmp_path / "big.txt", "Long sentence here. " * 10)
    write(tmp_path / "small.txt", "Short.\n")
    warnings: list[str] = []
    corpus = load_corpus(tmp_path, warn=warnings.append)
    assert [d.path for d in corpus.documents] == ["small.txt"]
    assert warnings == [
        f"{tmp_path / 'big.txt'}: skipped: 200 bytes is more than the limit of 100.",
        f"{tmp_path}: 1 article file read, 1 not read: big.txt (200 bytes is more than the "
        "limit of 100).",
    ]


def test_only_unreadable_files_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "binary.txt", b"\x00\x01")
    with pytest.raises(CorpusError, match="no readable article files"):
        load_corpus(tmp_path, warn=lambda _message: None)


@pytest.mark.parametrize("keep_texts", [True, False])
def test_articles_without_text_are_skipped_with_one_warning(
    tmp_path: Path, keep_texts: bool
) -> None:
    write(tmp_path / "story.txt", "It rained.\n")
    for name in ["a.txt", "b.md", "c/d.txt"]:
        write(tmp_path / name, " \r\n\t\n" if name == "b.md" else "")
    said: list[str] = []
    files = read_corpus(tmp_path, warn=said.append, keep_texts=keep_texts)
    assert [d.path for d in files.documents] == ["story.txt"]
    names = ", ".join(str(tmp_path / n) for n in ["a.txt", "b.md", "c/d.txt"])
    assert said == [
        "3 articles hold no text (each is empty or only whitespace) and were skipped: "
        + names
        + ".",
        f"{tmp_path}: 1 article file read, 3 not read: a.txt (empty), b.md (empty), "
        "c/d.txt (empty).",
    ]
