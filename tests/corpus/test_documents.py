"""Articles kept as columns, made and read only when needed, checked by their hash."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from dossier.corpus import documents as documents_module
from dossier.corpus.read import read_corpus
from dossier.errors import CorpusError
from dossier.models import ParagraphKind, Paragraphs, Passages


def test_a_corpus_read_without_keeping_texts_reads_each_again_checked_by_its_hash(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text("Café “quoted” text.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"caf\xe9\n")  # not UTF-8: skipped as ever
    said: list[str] = []

    files = read_corpus(tmp_path, warn=said.append, keep_texts=False)

    (document,) = files.documents
    assert "text" not in document.__dict__  # not held
    assert document.text == "Café “quoted” text.\n"
    assert document.sha256 == hashlib.sha256((tmp_path / "a.txt").read_bytes()).hexdigest()
    assert said == [
        f"{tmp_path / 'b.txt'}: skipped: not valid UTF-8 (byte 3).",
        f"{tmp_path}: 1 article file read, 1 not read: b.txt (not valid UTF-8 (byte 3)).",
    ]
    documents_module._checked_text.cache_clear()
    (tmp_path / "a.txt").write_text("Edited.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"a\.txt: changed while the build"):
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
    files = read_corpus(tmp_path, keep_texts=False)
    documents = files.documents

    assert isinstance(documents, documents_module.Documents)
    assert documents._made == {}  # none made by reading the folder
    assert documents[-1].text == "Tabqa dam was taken.\n"
    assert documents[1] is documents[-1] and list(documents._made) == [1]
    assert [d.path for d in documents[0:2]] == ["a.txt", "b.txt"]
    with pytest.raises(IndexError):
        documents[2]
    with pytest.raises(IndexError):
        documents[-3]
