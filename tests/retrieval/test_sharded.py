"""An index in shards answers as one index over the whole corpus: the same passages, in the same
order, with the same scores, the same frequencies and statistics, before and after articles are
replaced; it is written in shard folders and opened again from them, and `dossier build
--shards` writes the same dossier, in the cache and after an article is edited."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.retrieval.interface import Groups, Item
from dossier.retrieval.sharded import ShardedIndex, new_index, open_index, shard_of
from dossier.retrieval.tantivy import TantivyIndex

WORDS = "dam tabqa raqqa city fell held taken river bridge siege truce convoy strike".split()


def _corpus(seed: int, articles: int) -> dict[str, list[Item]]:
    """Articles of sentences drawn from a few words, many alike (ties), of many lengths."""
    draw = random.Random(seed)
    corpus = {}
    for a in range(articles):
        path = f"article-{a:03d}.txt"
        sentences = [
            " ".join(draw.choice(WORDS) for _ in range(draw.choice([1, 2, 3, 5, 8, 13, 40])))
            for _ in range(draw.randint(1, 12))
        ]
        corpus[path] = [(path, n, s) for n, s in enumerate(sentences)]
    return corpus


def _starts(corpus: dict[str, list[Item]]) -> dict[str, int]:
    starts, at = {}, 0
    for path, items in corpus.items():
        starts[path] = at
        at += len(items)
    return starts


QUERIES: list[Groups] = [
    [(["dam"], False)],
    [(["tabqa", "raqqa"], True), (["city"], False)],
    [(["siege"], False), (["truce"], False), (["convoy"], True)],
    [(["nowhere"], False)],
    [([w], w == "raqqa") for w in WORDS],
]


def _same(one: TantivyIndex, sharded: ShardedIndex, corpus: dict[str, list[Item]]) -> None:
    starts = _starts(corpus)
    one.place(starts)
    sharded.place(starts)
    assert sharded.statistics() == one.statistics()
    for word in [*WORDS, "nowhere"]:
        assert sharded.frequency(word) == one.frequency(word)
    for groups in QUERIES:
        assert sharded.weights(groups) == one.weights(groups)
        for limit in (1, 3, 10, 50, 1000):
            assert sharded.scored(groups, limit) == one.scored(groups, limit)
            assert sharded.search(groups, limit) == one.search(groups, limit)


@pytest.mark.parametrize("shards", [2, 3, 7])
def test_a_sharded_index_ranks_as_one_index(shards: int, tmp_path: Path) -> None:
    corpus = _corpus(shards, 60)
    items = [item for items in corpus.values() for item in items]
    one = TantivyIndex()
    one.add(items)
    sharded = new_index(tmp_path, shards)
    assert isinstance(sharded, ShardedIndex)
    sharded.add(items)
    assert {len(s.lengths()) for s in sharded.shards} == {32}
    assert all(sum(s.lengths()) for s in sharded.shards)  # every shard holds some passages
    _same(one, sharded, corpus)
    again = open_index(tmp_path)  # the shards' folders opened again
    assert isinstance(again, ShardedIndex)
    _same(one, again, corpus)


@pytest.mark.parametrize("known", [True, False])
def test_a_patched_sharded_index_ranks_as_one_written_afresh(known: bool, tmp_path: Path) -> None:
    corpus = _corpus(11, 40)
    new_index(tmp_path, 3).add([item for items in corpus.values() for item in items])
    edits = _corpus(12, 40)
    for path in ["article-003.txt", "article-017.txt", "article-028.txt"]:
        removed = [(p, terms) for p, _, terms in corpus[path]] if known else None
        new = [(path, n, terms) for _, n, terms in edits[path]]
        open_index(tmp_path).replace([path], new, removed=removed)
        corpus[path] = new
    patched = open_index(tmp_path)
    assert isinstance(patched, ShardedIndex)
    fresh = TantivyIndex()
    fresh.add([item for items in corpus.values() for item in items])
    _same(fresh, patched, corpus)


def test_an_article_keeps_its_shard_and_an_unsharded_folder_opens_as_one(tmp_path: Path) -> None:
    assert [shard_of("a/b.txt", 4) for _ in range(3)] == [shard_of("a/b.txt", 4)] * 3
    assert {shard_of(f"{n}.txt", 4) for n in range(40)} == {0, 1, 2, 3}
    assert isinstance(new_index(tmp_path, 1), TantivyIndex)
    assert isinstance(open_index(tmp_path), TantivyIndex)
    with pytest.raises(ValueError, match="no shard"):
        ShardedIndex([])


ROOT = Path(__file__).resolve().parent.parent.parent


def _built(folder: Path, out: str, *options: str) -> bytes:
    result = CliRunner().invoke(
        app,
        ["-q", "build", "--claims", str(folder / "claims.yaml"), "--corpus",
         str(folder / "corpus"), "--out", str(folder / out), "--format", "json", *options],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return (folder / out / "dossier.json").read_bytes()


@pytest.mark.slow
def test_a_build_with_the_index_in_shards_writes_the_same_dossier(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copy(ROOT / "claims.yaml", tmp_path / "claims.yaml")
    cache = ("--cache-dir", str(tmp_path / "cache"))
    assert _built(tmp_path, "sharded", *cache, "--shards", "3") == _built(
        tmp_path, "one", "--no-cache"
    )
    (index,) = (tmp_path / "cache" / "index").iterdir()
    assert sorted(p.name for p in index.iterdir() if p.is_dir()) == [
        "shard-000", "shard-001", "shard-002"
    ]  # fmt: skip
    article = sorted((tmp_path / "corpus").glob("*.txt"))[0]
    text = article.read_text("utf-8")
    article.write_text(text.replace("Deir ez-Zor", "Deir ez-Zor city", 1), "utf-8")
    patched = _built(tmp_path, "patched", *cache)  # the sharded index patched, shard by shard
    assert patched == _built(tmp_path, "edited", "--no-cache")
    assert patched != (tmp_path / "one" / "dossier.json").read_bytes()
