"""The tantivy passage index: ties ranked in passage order; patched as written afresh."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.retrieval.tantivy import DELETED_FILE, TantivyIndex


def test_passages_that_score_alike_are_taken_in_passage_order() -> None:
    index = TantivyIndex()
    index.add([("a.txt", n, "dam tabqa") for n in reversed(range(40))])  # written last to first
    index.place({"a.txt": 0})
    groups = [(["dam"], False), (["tabqa"], False)]
    assert [pid for pid, _ in index.scored(groups, 3)] == [0, 1, 2]
    assert [pid for pid, _ in index.scored(groups, 30)] == list(range(30))


@pytest.mark.parametrize("known", [True, False], ids=["deleted-known", "deleted-unknown"])
def test_a_patched_index_ranks_and_counts_as_one_written_afresh(
    tmp_path: Path, known: bool
) -> None:
    def article(name: str, sentences: list[str]) -> list[tuple[str, int, str]]:
        return [(name, n, s) for n, s in enumerate(sentences)]

    first = article("a.txt", ["dam tabqa raqqa", "dam", "raqqa city fell"] * 5)
    second = article("b.txt", ["tabqa dam was taken", "dam dam tabqa"] * 4)
    third = article("c.txt", ["raqqa", "the dam at tabqa held", "city"] * 3)
    TantivyIndex(str(tmp_path)).add(first + second + third)
    # b.txt edited three times (tantivy lets a segment whose passages are all deleted go: the
    # second edit's), then c.txt once.
    corpus = {"a.txt": first, "b.txt": second, "c.txt": third}
    for name, sentences in [
        ("b.txt", ["raqqa dam", "tabqa"] * 2),
        ("b.txt", ["raqqa city", "dam held"] * 3),
        ("b.txt", ["tabqa"]),
        ("c.txt", ["raqqa dam held", "city"]),
    ]:
        edited = article(name, sentences)
        removed = [(p, terms) for p, _, terms in corpus[name]] if known else None
        TantivyIndex(str(tmp_path)).replace([name], edited, removed=removed)
        corpus[name] = edited
        patched = TantivyIndex(str(tmp_path))  # opened again: what it knows of its deleted
        fresh = TantivyIndex()
        fresh.add([item for items in corpus.values() for item in items])
        a, b = len(corpus["a.txt"]), len(corpus["b.txt"])
        starts = {"a.txt": 0, "b.txt": a, "c.txt": a + b}
        patched.place(starts)
        fresh.place(starts)

        groups = [(["dam"], False), (["tabqa", "raqqa"], True), (["city"], False)]
        for limit in (1, 5, 40):
            assert patched.scored(groups, limit) == fresh.scored(groups, limit)
        for key in ("dam", "tabqa", "raqqa", "city", "taken", "held", "none"):
            assert patched.frequency(key) == fresh.frequency(key)
        assert patched.statistics() == fresh.statistics()
        # Known deletions keep tantivy's statistics usable; unknown ones make it count.
        assert patched._live()[2] is known


def test_an_index_whose_deleted_passages_are_all_let_go_keeps_no_count_of_them(
    tmp_path: Path,
) -> None:
    old = [("b.txt", n, terms) for n, terms in enumerate(["tabqa dam was taken", "dam"] * 4)]
    TantivyIndex(str(tmp_path)).add(old)
    new = [("b.txt", 0, "raqqa dam"), ("b.txt", 1, "tabqa")]
    # Every passage of the only segment deleted: tantivy drops the segment, and its counts.
    TantivyIndex(str(tmp_path)).replace(["b.txt"], new, removed=[(p, t) for p, _, t in old])

    patched = TantivyIndex(str(tmp_path))
    assert not (tmp_path / DELETED_FILE).exists()
    assert patched._live()[2]  # frequencies read from the statistics, not counted
    assert [patched.frequency(k) for k in ("dam", "tabqa", "taken")] == [1, 1, 0]


def test_a_passage_is_indexed_by_its_own_keys_not_its_synonyms() -> None:
    """WordNet widens a claim's words only: the index holds what the sentence says."""
    from dossier.analysis.text import Analyzer
    from dossier.retrieval.interface import passage_terms

    terms = passage_terms(Analyzer().tokens("The crash caused 40 deaths among the workers."))
    assert terms.split() == ["crash", "caus", "#40", "death", "~kill", "worker", "~workforc"]
