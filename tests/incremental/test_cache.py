"""The build cache: a build that reuses it gives the same bytes as a cold build, whatever changed.

Each case builds once (filling the cache), changes the claims or the corpus, builds again with
the cache and once more with ``--no-cache``, and compares ``out/dossier.json`` byte for byte. The
counters show that only what changed was recomputed.
"""

from __future__ import annotations

import json
import marshal
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner, Result

import dossier.corpus.documents
import dossier.corpus.files
import dossier.corpus.read
import dossier.incremental.build
import dossier.incremental.cache
import dossier.incremental.prepare
import dossier.judge.match
import dossier.judge.prepare
import dossier.pipeline
import dossier.retrieval.tantivy
from dossier.cli import app
from dossier.errors import CorpusError
from dossier.incremental.cache import DB_NAME, FILES_DIR, INDEX_DIR, Cache, _seal
from dossier.models import Corpus
from dossier.pipeline import build_report

ROOT = Path(__file__).resolve().parents[2]
SEED_CORPUS = ROOT / "corpus"
SEED_CLAIMS = ROOT / "tests" / "fixtures" / "pipeline" / "claims.yaml"

runner = CliRunner()

NEW_ARTICLE = """Fighting near Deir ez-Zor

The SDF said on Friday that about 500 US troops are deployed in Syria, a figure the Pentagon
did not confirm. Russian jets bombed positions near Deir ez-Zor, the SDF said.
"""


@dataclass
class Counts:
    analysed: int = 0  # articles segmented and analysed
    judged: int = 0  # claims judged


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seed corpus and a small claims file, copied into an empty working folder."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEED_CORPUS, tmp_path / "corpus")
    shutil.copy(SEED_CLAIMS, tmp_path / "claims.yaml")
    return tmp_path


@pytest.fixture
def counts(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counts]:
    c = Counts()
    prepare_document = dossier.judge.prepare.prepare_document
    evidence = dossier.judge.match.Matcher.evidence

    def counting_prepare(*args, **kwargs):  # type: ignore[no-untyped-def]
        c.analysed += 1
        return prepare_document(*args, **kwargs)

    def counting_evidence(self, claim, candidates=None):  # type: ignore[no-untyped-def]
        c.judged += 1
        return evidence(self, claim, candidates)

    monkeypatch.setattr(dossier.judge.prepare, "prepare_document", counting_prepare)
    monkeypatch.setattr(dossier.incremental.prepare, "prepare_document", counting_prepare)
    monkeypatch.setattr(dossier.judge.match.Matcher, "evidence", counting_evidence)
    yield c


def build(*extra: str, out: str = "out") -> Result:
    result = runner.invoke(
        app, ["-q", "build", "--out", out, "--format", "json", "--workers", "1", *extra]
    )
    assert result.exit_code == 0, result.output
    return result


def cold_json() -> bytes:
    build("--no-cache", out="cold")
    return Path("cold/dossier.json").read_bytes()


def replace_in(path: str, old: str, new: str) -> None:
    text = Path(path).read_text(encoding="utf-8")
    assert old in text
    Path(path).write_text(text.replace(old, new, 1), encoding="utf-8")


def first_article() -> str:
    return sorted(str(p) for p in Path("corpus").glob("*.txt"))[0]


@dataclass(frozen=True)
class Change:
    apply: Callable[[], None]
    analysed: int  # articles analysed again by the warm build
    judged: int | None  # claims judged again (None: all of them)


def edit_article() -> None:
    path = first_article()
    Path(path).write_text(Path(path).read_text(encoding="utf-8") + "\nOne more line.\n")


def add_article() -> None:
    Path("corpus/zz_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")


def delete_article() -> None:
    path = Path(first_article())
    path.unlink()
    yaml = YAML()
    sources = yaml.load(Path("corpus/sources.yaml"))
    del sources["sources"][path.name]
    yaml.dump(sources, Path("corpus/sources.yaml"))


def add_claim() -> None:
    with open("claims.yaml", "a", encoding="utf-8") as f:
        f.write("  - id: new-claim\n    text: The Pentagon confirmed the Russian strike.\n")


def edit_claim() -> None:
    replace_in("claims.yaml", "About 500 US troops", "About 2,000 US troops")


def delete_claim() -> None:
    replace_in("claims.yaml", "  - id: aleppo\n    text: Turkey sent 2,000 troops to Aleppo.\n", "")


def change_aliases() -> None:
    replace_in("claims.yaml", "  Syrian Democratic Forces: [SDF]\n", "")


def change_furniture() -> None:
    replace_in("corpus/sources.yaml", "furniture: []", "furniture: ['^The SDF said']")


def change_metadata() -> None:
    replace_in("corpus/sources.yaml", "outlet: firstpost.com", "outlet: Firstpost")


def nothing() -> None:
    return None


CHANGES = {
    "nothing-changed": Change(nothing, analysed=0, judged=0),
    "an-article-edited": Change(edit_article, analysed=1, judged=None),
    # The claims whose candidates the new article changed: all but the one about strikes.
    "an-article-added": Change(add_article, analysed=1, judged=9),
    "an-article-deleted": Change(delete_article, analysed=0, judged=None),
    "a-claim-added": Change(add_claim, analysed=0, judged=1),
    "a-claim-edited": Change(edit_claim, analysed=0, judged=1),
    "a-claim-deleted": Change(delete_claim, analysed=0, judged=0),
    "aliases-changed": Change(change_aliases, analysed=5, judged=None),
    "furniture-rules-changed": Change(change_furniture, analysed=5, judged=None),
    "metadata-changed": Change(change_metadata, analysed=0, judged=0),
}


@pytest.fixture(params=[False, True], ids=["files-read", "files-stamped"])
def stamps(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Twice each case: with the corpus stamp untrusted (files just written, as in any test)
    and trusted (as for files older than the build by the margin)."""
    if request.param:
        monkeypatch.setattr(dossier.incremental.build, "STAMP_MARGIN_NS", 0)
    return bool(request.param)


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_build_from_the_cache_equals_a_cold_build(
    project: Path, counts: Counts, change: Change, stamps: bool
) -> None:
    build()
    assert (counts.analysed, counts.judged) == (5, 10)
    change.apply()
    counts.analysed = counts.judged = 0

    build()

    assert counts.analysed == change.analysed
    claims = Path("claims.yaml").read_text(encoding="utf-8").count("  - id: ")
    assert counts.judged == (claims if change.judged is None else change.judged)
    assert Path("out/dossier.json").read_bytes() == cold_json()


@pytest.mark.parametrize("change", [add_claim, edit_claim, change_metadata])
def test_a_corpus_seen_before_is_read_back_without_its_articles_analyses(
    project: Path, monkeypatch: pytest.MonkeyPatch, change: Callable[[], None]
) -> None:
    build()
    change()
    loads: list[int] = []
    entries = dossier.judge.prepare.Preparer._entries

    def counting(self: dossier.judge.prepare.Preparer) -> Iterator[object]:
        loads.append(1)
        return entries(self)

    monkeypatch.setattr(dossier.judge.prepare.Preparer, "_entries", counting)

    build()

    assert loads == []  # segmentation, statistics, profiles and index from the corpus state
    assert Path("out/dossier.json").read_bytes() == cold_json()


@pytest.mark.parametrize("change", [edit_article, add_article, change_aliases])
def test_analyses_read_a_few_at_a_time_and_computed_ones_are_folded_in_order(
    project: Path, counts: Counts, monkeypatch: pytest.MonkeyPatch, change: Callable[[], None]
) -> None:
    monkeypatch.setattr(dossier.incremental.prepare, "READ_CHUNK", 2)
    build()
    change()
    build()
    assert Path("out/dossier.json").read_bytes() == cold_json()


def test_the_cache_lives_beside_the_claims_file_and_can_be_moved(project: Path) -> None:
    build()
    assert (project / ".dossier" / "cache" / DB_NAME).is_file()

    build("--cache-dir", "elsewhere")
    assert (project / "elsewhere" / DB_NAME).is_file()


def test_no_cache_reads_and_writes_nothing(project: Path, counts: Counts) -> None:
    build()
    counts.analysed = counts.judged = 0
    shutil.rmtree(".dossier")

    build("--no-cache")

    assert not Path(".dossier").exists()
    assert (counts.analysed, counts.judged) == (5, 10)


def truncate_database(cache: Path) -> None:
    data = (cache / DB_NAME).read_bytes()
    (cache / DB_NAME).write_bytes(data[: len(data) // 3])


def garbage_database(cache: Path) -> None:
    (cache / DB_NAME).write_bytes(b"not a database at all\n" * 100)


def other_schema(cache: Path) -> None:
    db = sqlite3.connect(cache / DB_NAME)
    db.execute("UPDATE meta SET value = 'dossier-cache-0' WHERE key = 'schema'")
    db.commit()
    db.close()


def foreign_database(cache: Path) -> None:
    (cache / DB_NAME).unlink()
    db = sqlite3.connect(cache / DB_NAME)
    db.execute("CREATE TABLE photos (id INTEGER, name TEXT)")
    db.commit()
    db.close()


def bad_entries(cache: Path) -> None:
    db = sqlite3.connect(cache / DB_NAME)
    for table in ("documents", "claims"):
        db.execute(f"UPDATE {table} SET data = x'00ff00'")
    db.commit()
    db.close()
    bad_files(cache)


def bad_files(cache: Path) -> None:
    for path in (cache / FILES_DIR).glob("*/*"):
        path.write_bytes(b"\x00\xff\x00")


def truncated_files(cache: Path) -> None:
    for path in (cache / FILES_DIR).glob("*/*"):
        path.write_bytes(path.read_bytes()[:10])


def truncated_index(cache: Path) -> None:
    for path in (cache / INDEX_DIR).glob("*/*.idx"):
        path.write_bytes(path.read_bytes()[:10])


def missing_index(cache: Path) -> None:
    shutil.rmtree(cache / INDEX_DIR)


REBUILT = ("the cache could not be used", "; rebuilding it.")
UNSEALED = ("the cache held values that were not stored under their keys", "computing them again.")
CORRUPTIONS = {
    "truncated-database": (truncate_database, REBUILT),
    "not-a-database": (garbage_database, REBUILT),
    "another-cache-layout": (other_schema, REBUILT),
    "another-programs-database": (foreign_database, REBUILT),
    "unreadable-entries": (bad_entries, UNSEALED),
    "unreadable-files": (bad_files, UNSEALED),
    "truncated-files": (truncated_files, UNSEALED),
    "truncated-index": (truncated_index, REBUILT),
    "missing-index": (missing_index, REBUILT),
}


@pytest.mark.parametrize(("corrupt", "said"), CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_broken_cache_is_reported_once_and_rebuilt(
    project: Path, corrupt: Callable[[Path], None], said: tuple[str, str]
) -> None:
    build()
    corrupt(project / ".dossier" / "cache")
    add_claim()  # so that the build needs the index, not only the stored report

    result = build()

    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1, result.stderr
    assert warnings[0].startswith(f"Warning: {Path('.dossier/cache')}: {said[0]}")
    assert warnings[0].endswith(said[1])
    assert Path("out/dossier.json").read_bytes() == cold_json()
    assert build().stderr == ""  # rebuilt: the next build reads it without complaint
    replace_in("claims.yaml", "The Pentagon confirmed", "The Kremlin confirmed")
    assert build().stderr == ""  # and so does one that needs the index again


def test_a_build_interrupted_while_judging_leaves_a_usable_cache(
    project: Path, counts: Counts, monkeypatch: pytest.MonkeyPatch
) -> None:
    evidence = dossier.judge.match.Matcher.evidence
    ctrl_c = [True]

    def interrupted(self, claim, candidates=None):  # type: ignore[no-untyped-def]
        if ctrl_c[0] and counts.judged == 3:
            raise KeyboardInterrupt
        return evidence(self, claim, candidates)

    monkeypatch.setattr(dossier.judge.match.Matcher, "evidence", interrupted)
    result = runner.invoke(app, ["-q", "build", "--out", "out", "--format", "json"])
    assert result.exit_code != 0
    assert not Path("out/dossier.json").exists()
    ctrl_c[0] = False
    counts.analysed = counts.judged = 0

    result = build()

    assert result.stderr == ""
    assert (counts.analysed, counts.judged) == (0, 10)  # the articles were kept, not the claims
    assert Path("out/dossier.json").read_bytes() == cold_json()
    assert not list((project / ".dossier" / "cache" / INDEX_DIR).glob("tmp-*"))


@pytest.mark.parametrize("table", ["documents", "states"], ids=["in the database", "as files"])
def test_keep_only_forgets_every_other_entry_of_the_table(tmp_path: Path, table: str) -> None:
    cache = Cache(tmp_path / "cache")
    for key in ("a", "b", "c"):
        cache.put(table, key, key.upper())
        cache.put("claims", key, key)
    cache.flush()

    cache.keep_only(table, ["b", "z"])

    assert cache.get_many(table, ["a", "b", "c"]) == {"b": "B"}
    assert cache.present("claims", ["a", "b", "c"]) == {"a", "b", "c"}  # other tables as they were
    cache.close()
    again = Cache(tmp_path / "cache")  # and so it stays
    assert again.get_many(table, ["a", "b", "c"]) == {"b": "B"}
    again.close()


@pytest.mark.parametrize("table", ["documents", "states"], ids=["in the database", "as files"])
def test_values_moved_under_other_keys_are_not_read_and_said_once(
    tmp_path: Path, table: str
) -> None:
    said: list[str] = []
    cache = Cache(tmp_path / "cache", said.append)
    for key in ("a", "b", "c"):
        cache.put(table, key, key.upper())
    cache.flush()
    assert cache.get_many(table, ["a", "b", "c"]) == {"a": "A", "b": "B", "c": "C"}
    if table == "states":
        files = tmp_path / "cache" / FILES_DIR / table
        (files / "a").rename(files / "tmp")
        (files / "b").rename(files / "a")
        (files / "tmp").rename(files / "b")
    else:
        db = sqlite3.connect(tmp_path / "cache" / DB_NAME)
        db.execute(f"UPDATE {table} SET data = (SELECT data FROM {table} WHERE key = 'c')")
        db.commit()
        db.close()

    assert cache.get_many(table, ["a", "b", "c"]) == {"c": "C"}
    assert cache.get_many(table, ["a", "b"]) == {}
    assert said == [
        f"{tmp_path / 'cache'}: the cache held values that were not stored under their keys "
        "(moved or damaged); not using them, computing them again."
    ]
    cache.put(table, "a", "A")  # computed again, and stored right
    cache.flush()
    assert cache.get(table, "a") == "A"
    cache.close()


@pytest.mark.parametrize(
    ("table", "key"),
    [("states", "../../../victim/precious.txt"), ("indexes", "../../victim"), ("indexes", "..")],
)
def test_pruning_removes_nothing_outside_the_cache_whatever_its_database_says(
    tmp_path: Path, table: str, key: str
) -> None:
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "precious.txt").write_text("mine\n", encoding="utf-8")
    cache = Cache(tmp_path / "cache")
    cache.close()
    (tmp_path / "cache" / FILES_DIR / "states").mkdir(parents=True)
    (tmp_path / "cache" / INDEX_DIR).mkdir()
    db = sqlite3.connect(tmp_path / "cache" / DB_NAME)
    db.execute(f"INSERT INTO {table} VALUES (?, NULL, 0)", (key,))
    db.commit()
    db.close()

    cache = Cache(tmp_path / "cache")
    cache.keep_only(table, [])
    cache.close()

    assert (victim / "precious.txt").read_text(encoding="utf-8") == "mine\n"
    assert (tmp_path / "cache" / "CACHEDIR.TAG").is_file()


def test_a_table_of_kept_files_holds_no_values(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    (tmp_path / "written.json").write_text("{}\n", encoding="utf-8")
    kept = cache.keep_file("rendered", "k.json", tmp_path / "written.json")

    assert cache.kept_file("rendered", "k.json", kept) is not None
    with pytest.raises(ValueError, match="holds files"):
        cache.get_many("rendered", ["k.json"])  # would read a dossier as a marshalled value
    with pytest.raises(ValueError, match="holds files"):
        cache.put("rendered", "k.json", b"{}")
    cache.close()


def test_the_large_values_are_files_beside_the_database(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        dossier.incremental.build, "STAMP_MARGIN_NS", 0
    )  # the files are trusted at once
    cache = project / ".dossier" / "cache"
    build()
    dead = cache / FILES_DIR / "states" / "tmp-999999999-0"  # a build that died while writing
    dead.write_bytes(b"half a state")
    (cache / FILES_DIR / "incoming").mkdir()  # and analyses its cluster's workers wrote
    (cache / FILES_DIR / "incoming" / "tmp-999999999-0a").write_bytes(b"analyses")

    build()

    files = sorted(f"{p.parent.name}/{len(p.name)}" for p in (cache / FILES_DIR).glob("*/*"))
    assert not any((cache / FILES_DIR / "incoming").iterdir())
    # The state and the pointer to it, the folder's reading, the corpus under its stamp and the
    # rendered report: each a file named by its 64-digit key (the report's file itself by its
    # key and format).
    assert files == [
        "corpora/64", "corpora/64", "outputs/64", "rendered/69", "states/64", "states/64"
    ]  # fmt: skip
    db = sqlite3.connect(cache / DB_NAME)
    for table in ("states", "corpora", "outputs", "rendered"):  # the files are recorded alone
        rows = db.execute(f"SELECT key, data FROM {table}").fetchall()
        assert sorted(key for key, _ in rows) == sorted(
            p.name for p in (cache / FILES_DIR / table).iterdir()
        )
        assert {data for _, data in rows} == {None}
    db.close()
    assert Path("out/dossier.json").read_bytes() == cold_json()


@pytest.mark.parametrize("cache", [(), ("--no-cache",)], ids=["through the cache", "no cache"])
def test_the_result_does_not_depend_on_the_number_of_workers(
    project: Path, monkeypatch: pytest.MonkeyPatch, cache: tuple[str, ...]
) -> None:
    """Through the cache, the texts are let go once hashed and read again to be analysed."""
    one = cold_json()
    monkeypatch.setattr(dossier.judge.prepare, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(dossier.judge.prepare, "CHUNK_CHARS", 2000)  # several chunks per worker
    monkeypatch.setattr(dossier.judge.prepare, "IN_FLIGHT_PER_WORKER", 1)  # sent as they are done
    dossier.corpus.documents._checked_text.cache_clear()

    build(*cache, "--workers", "2", out="two")

    assert Path("two/dossier.json").read_bytes() == one


def test_analyses_made_by_worker_processes_are_cached_as_those_made_in_the_build(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workers send each analysis as the cache stores it (``marshal``); it is stored as it
    came. (Its bytes may differ: marshal writes an object shared within the value once.)"""
    build("--cache-dir", "one")
    monkeypatch.setattr(dossier.judge.prepare, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(dossier.judge.prepare, "CHUNK_CHARS", 2000)

    build("--cache-dir", "two", "--workers", "2", out="two")

    def analyses(folder: str) -> dict[str, object]:
        db = sqlite3.connect(Path(folder) / DB_NAME)
        rows = {k: marshal.loads(data) for k, data in db.execute("SELECT key, data FROM documents")}
        db.close()
        return rows

    one = analyses("one")
    assert len(one) == len(list(Path("corpus").glob("*.txt"))) and analyses("two") == one
    assert Path("two/dossier.json").read_bytes() == Path("out/dossier.json").read_bytes()


def test_claims_retrieved_on_two_threads_and_judged_on_two_processes_give_the_same_dossier(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = cold_json()
    monkeypatch.setattr(dossier.pipeline, "PARALLEL_MIN_CLAIMS", 2)
    monkeypatch.setattr(dossier.pipeline, "CLAIMS_PER_TASK", 3)

    build("--no-cache", "--workers", "2", out="two")

    assert Path("two/dossier.json").read_bytes() == one


@pytest.mark.parametrize("edited", [False, True], ids=["empty-cache", "after-an-edit"])
def test_two_builds_at_once_share_the_cache_safely(project: Path, edited: bool) -> None:
    if edited:
        build()
        edit_article()  # both patch the last state's index at once
    dossier_cli = Path(sys.executable).parent / "dossier"
    args = [str(dossier_cli), "-q", "build", "--format", "json", "--workers", "1"]
    builds = [subprocess.Popen([*args, "--out", out], stderr=subprocess.PIPE) for out in "ab"]
    errors = [b.communicate()[1] for b in builds]

    assert [b.returncode for b in builds] == [0, 0], errors
    cold = cold_json()
    assert Path("a/dossier.json").read_bytes() == cold
    assert Path("b/dossier.json").read_bytes() == cold
    add_claim()
    assert build().stderr == ""  # the cache they left is whole
    assert Path("out/dossier.json").read_bytes() == cold_json()


@pytest.mark.parametrize("replace", [False, True])
def test_an_index_another_build_put_in_place_is_kept_unless_it_is_broken(
    tmp_path: Path, replace: bool
) -> None:
    cache = Cache(tmp_path / "cache")
    for content in ("first build's", "second build's"):
        with cache.new_index_folder("state", replace=replace and content != "first build's") as f:
            assert f is not None
            (f / "meta.json").write_text(content, encoding="utf-8")
    cache.close()

    kept = (tmp_path / "cache" / INDEX_DIR / "state" / "meta.json").read_text(encoding="utf-8")
    assert kept == ("second build's" if replace else "first build's")
    assert [p.name for p in (tmp_path / "cache" / INDEX_DIR).iterdir()] == ["state"]


def counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    reads: list[Path] = []
    read_corpus = dossier.incremental.build.read_corpus

    def counting(root: Path, **kwargs):  # type: ignore[no-untyped-def]
        reads.append(root)
        return read_corpus(root, **kwargs)

    monkeypatch.setattr(dossier.incremental.build, "read_corpus", counting)
    return reads


def counting_opens(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the article files read again for their text from now on (none is
    remembered from before, as in a new process)."""
    opened: list[str] = []
    read_checked = dossier.corpus.documents._read_checked

    def opening(file: str, sha256: str, store: object = None) -> str:
        opened.append(Path(file).name)
        return read_checked(file, sha256, store)

    monkeypatch.setattr(dossier.corpus.documents, "_read_checked", opening)
    dossier.corpus.documents._checked_text.cache_clear()
    return opened


def counting_made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the articles made as objects from now on (``corpus.Documents``)."""
    made: list[str] = []
    unread = dossier.corpus.documents.unread

    def making(path: str, *args):  # type: ignore[no-untyped-def]
        made.append(path)
        return unread(path, *args)

    monkeypatch.setattr(dossier.corpus.documents, "unread", making)
    return made


def test_unchanged_files_are_not_even_read(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Path("corpus/bad.txt").write_bytes(b"caf\xe9 au lait\n")  # skipped, with a warning
    monkeypatch.setattr(dossier.incremental.build, "STAMP_MARGIN_NS", 0)
    first = build()
    reads = counting_reads(monkeypatch)

    again = build()

    assert reads == []
    assert again.stderr == first.stderr  # the warnings of the articles are given again
    assert "bad.txt: skipped: not valid UTF-8" in again.stderr
    assert Path("out/dossier.json").read_bytes() == cold_json()


def test_a_claim_added_to_an_unchanged_corpus_reads_only_the_articles_it_judges(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path("corpus/bad.txt").write_bytes(b"caf\xe9 au lait\n")  # skipped, with a warning
    Path("corpus/weather.txt").write_text("Rain is expected in Oslo on Tuesday.\n", "utf-8")
    monkeypatch.setattr(dossier.incremental.build, "STAMP_MARGIN_NS", 0)
    first = build()
    add_claim()
    reads = counting_reads(monkeypatch)
    opened = counting_opens(monkeypatch)
    made = counting_made(monkeypatch)

    again = build()

    assert reads == []  # the corpus is known from its stamp
    assert again.stderr == first.stderr  # what reading it said, said again
    report = json.loads(Path("out/dossier.json").read_text(encoding="utf-8"))
    (new,) = [c for c in report["claims"] if c["id"] == "new-claim"]
    assert {e["source"] for e in new["evidence"]} <= set(opened)  # each read once, if judged
    assert len(opened) == len(set(opened)) and "weather.txt" not in opened
    assert sorted(made) == sorted(opened)  # no article is even made but those read
    assert Path("out/dossier.json").read_bytes() == cold_json()


def test_other_formats_of_an_unchanged_corpus_read_no_article_again(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dossier.incremental.build, "STAMP_MARGIN_NS", 0)
    build()
    reads = counting_reads(monkeypatch)

    build("--format", "json,html")  # no rendered HTML kept yet: the report is made again

    assert reads == []
    assert Path("out/dossier.json").read_bytes() == cold_json()


def test_an_unread_article_that_changed_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First version.\n", encoding="utf-8")
    files = dossier.corpus.read.read_corpus(tmp_path)
    unread = dossier.corpus.documents.unread_corpus(tmp_path, files.record(), {})
    (tmp_path / "a.txt").write_text("Second version.\n", encoding="utf-8")

    with pytest.raises(CorpusError, match=r"a\.txt: changed while the build was running"):
        _ = unread.documents[0].text


def test_a_json_build_puts_the_stored_evidence_in_place_without_reading_it_back(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nor does it make a model of each source: a dossier of 50,000 articles lists 50,000
    sources, whose JSON is dumped from rows."""
    build()
    add_claim()
    expected = cold_json()

    def reading_back(*_args: object) -> object:
        raise AssertionError("the stored evidence was read back into models")

    monkeypatch.setattr(dossier.incremental.build, "_with_evidence", reading_back)
    monkeypatch.setattr(dossier.incremental.build, "SourceEntry", None)  # any use of it fails

    build()

    assert Path("out/dossier.json").read_bytes() == expected


def test_nothing_changed_writes_the_last_outputs_again_without_rendering(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dossier.incremental.build, "STAMP_MARGIN_NS", 0)
    build("--format", "json,html")
    first = {name: Path("out", name).read_bytes() for name in ("dossier.json", "dossier.html")}
    shutil.rmtree("out")
    rendered: list[set[str]] = []
    render = dossier.incremental.build.render_outputs

    def counting(report: object, formats: set[str], *evidence: object) -> dict[str, bytes]:
        rendered.append(formats)
        return render(report, formats, *evidence)  # type: ignore[arg-type]

    monkeypatch.setattr(dossier.incremental.build, "render_outputs", counting)

    again = build("--format", "html,json")
    assert rendered == []  # nor was the report read back
    assert {name: Path("out", name).read_bytes() for name in first} == first
    assert again.output == ""

    build("--format", "json")  # other formats: rendered from the cached judgments
    assert rendered == [{"json"}]
    monkeypatch.setattr(dossier.incremental.build, "output_version", lambda: "other templates")
    build("--format", "json")
    assert rendered == [{"json"}, {"json"}]
    assert Path("out/dossier.json").read_bytes() == first["dossier.json"] == cold_json()


def test_the_outputs_are_kept_as_the_files_written_and_left_alone_when_nothing_changed(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dossier of 1,000 claims is tens of megabytes: the cache links to it, not a copy."""
    monkeypatch.setattr(dossier.incremental.build, "STAMP_MARGIN_NS", 0)
    build("--format", "json,html")
    kept = sorted((project / ".dossier" / "cache" / FILES_DIR / "rendered").iterdir())
    assert [p.suffix for p in kept] == [".html", ".json"]
    assert all(os.path.samefile(p, Path("out") / f"dossier{p.suffix}") for p in kept)
    before = {p.name: os.stat(p) for p in Path("out").iterdir()}

    build("--format", "json,html")  # nothing changed: nothing written

    after = {p.name: os.stat(p) for p in Path("out").iterdir()}
    assert {n: (s.st_ino, s.st_mtime_ns) for n, s in after.items()} == {
        n: (s.st_ino, s.st_mtime_ns) for n, s in before.items()
    }
    build("--format", "json,html", out="elsewhere")  # a copy for another folder
    assert not os.path.samefile("elsewhere/dossier.json", "out/dossier.json")
    assert Path("elsewhere/dossier.json").read_bytes() == cold_json()


def test_an_output_written_into_in_place_is_not_given_again(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dossier.incremental.build, "STAMP_MARGIN_NS", 0)
    build()
    with open("out/dossier.json", "r+b") as f:  # the same file, which the cache links to
        f.write(b"[garbled]")

    build()

    assert Path("out/dossier.json").read_bytes() == cold_json()


def test_outputs_are_kept_as_copies_where_no_link_can_be_made(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dossier.incremental.build, "STAMP_MARGIN_NS", 0)
    expected = cold_json()

    def no_link(*_args: object) -> None:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(dossier.incremental.cache.os, "link", no_link)
    build()
    (kept,) = (project / ".dossier" / "cache" / FILES_DIR / "rendered").iterdir()
    assert not os.path.samefile(kept, "out/dossier.json")
    Path("out/dossier.json").unlink()
    rendered: list[object] = []
    monkeypatch.setattr(dossier.incremental.build, "render_outputs", lambda *a: rendered.append(a))

    build()

    assert rendered == [] and Path("out/dossier.json").read_bytes() == expected


def test_the_summary_is_the_same_from_the_cached_outputs(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dossier.incremental.build, "STAMP_MARGIN_NS", 0)
    args = ["build", "--out", "out", "--format", "json", "--workers", "1"]
    first = runner.invoke(app, args)
    again = runner.invoke(app, args)
    assert first.exit_code == again.exit_code == 0, again.output
    assert "claims checked against 5 articles" in first.output
    assert again.output == first.output


def test_files_written_just_before_the_build_are_read_again(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build()  # the articles were copied a moment ago: within the margin, their stamp is not kept
    reads = counting_reads(monkeypatch)

    build()

    assert reads == [Path("corpus")]


def test_progress_is_reported_for_every_step(project: Path) -> None:
    seen: dict[str, tuple[int, int]] = {}

    def progress(step: str, done: int, total: int) -> None:
        seen[step] = (done, total)

    build_report(Path("claims.yaml"), Path("corpus"), progress=progress, workers=1)

    assert seen == {
        "analysing articles": (5, 5),
        "indexing passages": (1, 1),
        "finding passages": (10, 10),
        "judging claims": (10, 10),
    }


TWO_TOPICS = {
    "dams.txt": "Dams near Tabqa\n\nThe KF said water levels at the Tabqa dam rose on Monday.\n\n"
    "Engineers opened two spillways to ease the pressure.\n",
    "bread.txt": "Markets in Gao\n\nTraders in Gao said bread prices doubled this month.\n\n"
    "Flour deliveries from the south have stopped.\n",
}
TWO_CLAIMS = """title: Two topics
aliases:
  Kurdish Front: [KF]
claims:
  - id: dam
    text: Water levels at the Tabqa dam rose.
  - id: bread
    text: Bread prices in Gao doubled.
"""


@pytest.fixture
def two_topics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two articles that share no word with each other's claim."""
    monkeypatch.chdir(tmp_path)
    Path("corpus").mkdir()
    for name, text in TWO_TOPICS.items():
        Path("corpus", name).write_text(text, encoding="utf-8")
    Path("corpus/sources.yaml").write_text(
        "sources:\n  bread.txt:\n    date: 2017-09-20\n", encoding="utf-8"
    )
    Path("claims.yaml").write_text(TWO_CLAIMS, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "change",
    [
        lambda: replace_in("corpus/bread.txt", "doubled", "tripled"),
        lambda: replace_in("corpus/sources.yaml", "2017-09-20", "2014-09-20"),
    ],
    ids=["article-edited", "article-date-changed"],
)
def test_an_edit_judges_again_only_the_claims_whose_passages_it_touched(
    two_topics: Path, counts: Counts, change: Callable[[], None]
) -> None:
    build()
    assert counts.judged == 2
    change()
    counts.judged = 0

    build()

    assert counts.judged == 1  # the bread claim; the dam claim's passages are as they were
    assert Path("out/dossier.json").read_bytes() == cold_json()


def counting_file_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    read = dossier.corpus.files.read_article

    def counting(file, say):  # type: ignore[no-untyped-def]
        reads.append(file.rel)
        return read(file, say)

    monkeypatch.setattr(dossier.corpus.files, "read_article", counting)
    return reads


@pytest.mark.parametrize("margin", [0, 10**18], ids=["files-settled", "files-just-written"])
def test_after_an_edit_only_the_files_written_since_are_read(
    project: Path, monkeypatch: pytest.MonkeyPatch, margin: int
) -> None:
    monkeypatch.setattr(dossier.incremental.build, "STAMP_MARGIN_NS", margin)
    build()
    edit_article()
    reads = counting_file_reads(monkeypatch)

    build()

    articles = sorted(p.name for p in Path("corpus").glob("*.txt"))
    # A file is trusted unread only if it was old enough when last read.
    assert reads == ([Path(first_article()).name] if margin == 0 else articles)
    assert Path("out/dossier.json").read_bytes() == cold_json()


def test_a_build_after_an_edit_makes_no_article_but_those_it_reads(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dossier.incremental.build, "STAMP_MARGIN_NS", 0)
    Path("corpus/weather.txt").write_text("Rain is expected in Oslo on Tuesday.\n", "utf-8")
    with open("claims.yaml", "a", encoding="utf-8") as f:
        f.write("  - id: rain\n    text: Rain is expected in Oslo on Tuesday.\n")
    build()
    edit_article()
    opened = counting_opens(monkeypatch)
    made = counting_made(monkeypatch)

    build()

    assert Path(first_article()).name in opened  # analysed again
    assert "weather.txt" not in opened  # the rain claim is not judged again
    assert sorted(Path(path).name for path in made) == sorted(opened)
    assert Path("out/dossier.json").read_bytes() == cold_json()


def test_a_build_after_an_edit_lists_the_folder_once_and_says_what_listing_said(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dossier.incremental.build, "STAMP_MARGIN_NS", 0)
    Path("outside.txt").write_text("The coalition conducted 9,999 strikes.\n", encoding="utf-8")
    Path("corpus/leak.txt").symlink_to(project / "outside.txt")
    build()
    edit_article()
    walks: list[Path] = []
    walk = dossier.corpus.files.walk

    def counting(root: Path, warn, other=None):  # type: ignore[no-untyped-def]
        walks.append(root)
        return walk(root, warn, other)

    monkeypatch.setattr(dossier.corpus.files, "walk", counting)

    result = build()

    assert walks == [Path("corpus")]  # the stamp's listing is the one read
    warning = "Warning: corpus/leak.txt: symbolic link to"
    assert result.output.count(warning) == 1, result.output
    assert Path("out/dossier.json").read_bytes() == cold_json()


def test_an_article_known_unread_is_titled_as_a_cold_build_titles_it(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dossier.incremental.build, "STAMP_MARGIN_NS", 0)
    title = "    title: Syria Army Liberates More Areas in Deir Ez-zor\n"
    build()
    replace_in("corpus/sources.yaml", title, "    title:\n")  # now from its heading
    build()
    assert Path("out/dossier.json").read_bytes() == cold_json()
    assert b'"Syria Army Liberates More Areas in Deir Ez-zor"' in cold_json()

    # Rules that make that heading furniture: the title known from the last build is stale.
    replace_in("corpus/sources.yaml", "furniture: []", "furniture: ['^Syria Army Liberates']")
    build()
    assert Path("out/dossier.json").read_bytes() == cold_json()


@pytest.mark.parametrize("margin", [0, 10**18], ids=["files-settled", "files-just-written"])
def test_an_edited_heading_titles_its_article_anew(
    project: Path, monkeypatch: pytest.MonkeyPatch, margin: int
) -> None:
    monkeypatch.setattr(dossier.incremental.build, "STAMP_MARGIN_NS", margin)
    title = "    title: Syria Army Liberates More Areas in Deir Ez-zor\n"
    replace_in("corpus/sources.yaml", title, "    title:\n")  # from its heading
    build()
    replace_in(first_article(), "Syria Army Liberates", "Syrian Army Frees")

    build()

    assert b'"Syrian Army Frees More Areas in Deir Ez-zor"' in cold_json()
    assert Path("out/dossier.json").read_bytes() == cold_json()


def test_a_build_lets_the_texts_go_once_analysed_and_reads_them_again_when_judging(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpora: list[Corpus] = []
    prepare = dossier.incremental.build._prepare

    def keeping(*args, **kwargs):  # type: ignore[no-untyped-def]
        made = prepare(*args, **kwargs)
        corpora.append(made[0])
        return made

    monkeypatch.setattr(dossier.incremental.build, "_prepare", keeping)
    opened = counting_opens(monkeypatch)

    build()  # cold: every article read and analysed

    (corpus,) = corpora
    assert all("text" not in d.__dict__ for d in corpus.documents)  # none held
    cited = {c["source"] for claim in json.loads(Path("out/dossier.json").read_text("utf-8"))[
        "claims"] for c in claim["evidence"]}  # fmt: skip
    assert cited and cited <= set(opened)  # read again to be judged and quoted
    assert Path("out/dossier.json").read_bytes() == cold_json()


def counting_index_writes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], int]]:
    """Each write to an index: the articles it deleted and how many passages it added."""
    writes: list[tuple[list[str], int]] = []
    replace = dossier.retrieval.tantivy.TantivyIndex.replace

    def counting(self, articles, items, threads=1, removed=()):  # type: ignore[no-untyped-def]
        articles, items = list(articles), list(items)
        writes.append((articles, len(items)))
        return replace(self, articles, items, threads, removed)

    monkeypatch.setattr(dossier.retrieval.tantivy.TantivyIndex, "replace", counting)
    return writes


def test_an_edit_patches_the_last_index_rather_than_writing_it_again(
    project: Path, counts: Counts, monkeypatch: pytest.MonkeyPatch
) -> None:
    build()
    edited = Path(first_article())
    edit_article()
    writes = counting_index_writes(monkeypatch)
    counts.analysed = 0

    build()

    sentences = sum(
        1
        for p in dossier.corpus.read.load_corpus(Path("corpus")).passages
        if p.source == edited.name
    )
    assert writes == [([edited.name], sentences)]  # its old passages out, its new ones in
    assert counts.analysed == 1
    (folder,) = (Path(".dossier/cache") / INDEX_DIR).iterdir()
    assert dossier.retrieval.tantivy.TantivyIndex(str(folder))._live()[
        2
    ]  # its statistics still usable
    assert Path("out/dossier.json").read_bytes() == cold_json()


def test_edits_one_after_another_each_equal_a_cold_build(project: Path) -> None:
    build()
    for change in (edit_article, add_article, edit_article, delete_article, add_claim):
        change()
        build()
        assert Path("out/dossier.json").read_bytes() == cold_json()


def test_many_articles_changed_write_the_index_afresh(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build()
    for path in sorted(Path("corpus").glob("*.txt"))[:2]:  # two of five: over a quarter
        path.write_text(path.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    writes = counting_index_writes(monkeypatch)

    build()

    assert [articles for articles, _ in writes] == [[]]  # nothing deleted: a new index
    assert Path("out/dossier.json").read_bytes() == cold_json()


def test_a_broken_last_index_is_not_patched(project: Path) -> None:
    build()
    (folder,) = (Path(".dossier/cache") / INDEX_DIR).iterdir()
    meta = folder / "meta.json"
    meta.write_text(meta.read_text(encoding="utf-8") + " ", encoding="utf-8")
    edit_article()

    result = build()

    assert "index files changed since they were written" in result.output
    assert Path("out/dossier.json").read_bytes() == cold_json()
    assert "Warning" not in build().output  # the index written afresh is read back as written


def test_a_patch_that_fails_halfway_leaves_no_index_in_place(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build()
    edit_article()
    linked: list[Path] = []
    link = dossier.incremental.prepare._link_or_copy

    def failing(source: Path, target: Path) -> None:
        if linked:
            raise OSError("disk full")
        linked.append(target)
        link(source, target)

    monkeypatch.setattr(dossier.incremental.prepare, "_link_or_copy", failing)

    result = build()

    assert "index unreadable: disk full" in result.output
    assert Path("out/dossier.json").read_bytes() == cold_json()
    assert "Warning" not in build().output  # the index in place is whole


def test_patching_an_index_leaves_the_files_of_the_last_one_as_they_were(project: Path) -> None:
    from dossier.incremental.build import Preparing, prepared
    from dossier.incremental.cache import folder_manifest

    build()
    (folder,) = (Path(".dossier/cache") / INDEX_DIR).iterdir()
    before = folder_manifest(folder)
    edit_article()

    how = Preparing(cache_dir=Path(".dossier/cache"))
    with prepared(Path("claims.yaml"), Path("corpus"), how) as ready:
        assert ready.state is not None and ready.state != folder.name  # a state of its own
        patched = Path(".dossier/cache") / INDEX_DIR / ready.state
        assert patched.is_dir()

    assert folder_manifest(folder) == before
    shared = {
        file.name
        for file in patched.iterdir()
        if (folder / file.name).exists() and file.samefile(folder / file.name)
    }
    assert shared  # the segments are links, not copies
    # ... but not the files tantivy writes again, nor its locks (two builds patching at once
    # would wait on each other's).
    assert not {name for name in shared if name.endswith((".json", ".lock"))}


def test_an_added_article_retrieves_again_only_the_claims_whose_words_it_holds(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bread = "Bread prices in Gao doubled."
    with open("claims.yaml", "a", encoding="utf-8") as f:
        f.write(f"  - id: bread\n    text: {bread}\n")
    build()
    Path("corpus/zz_bread.txt").write_text(TWO_TOPICS["bread.txt"], encoding="utf-8")
    retrieved = counting_retrievals(monkeypatch)
    analysed: list[str] = []
    analyse = dossier.judge.match.Matcher._analyze_text

    def counting_analyse(self, text):  # type: ignore[no-untyped-def]
        analysed.append(text)
        return analyse(self, text)

    monkeypatch.setattr(dossier.judge.match.Matcher, "_analyze_text", counting_analyse)

    build()

    assert retrieved == [bread]  # the other claims' words are in no article that changed
    assert set(analysed) == {bread}
    report = json.loads(Path("out/dossier.json").read_text(encoding="utf-8"))
    (result,) = [c for c in report["claims"] if c["id"] == "bread"]
    assert result["verdict"] == "supported"
    assert Path("out/dossier.json").read_bytes() == cold_json()


def counting_retrievals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    retrieved: list[str] = []
    candidates = dossier.judge.match.Matcher.candidates

    def counting(self, claim):  # type: ignore[no-untyped-def]
        retrieved.append(claim.text)
        return candidates(self, claim)

    monkeypatch.setattr(dossier.judge.match.Matcher, "candidates", counting)
    return retrieved


def test_a_sentence_added_after_a_claims_passages_retrieves_that_claim_again(
    two_topics: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for path in SEED_CORPUS.glob("*.txt"):  # more articles: an edit to one patches the state
        shutil.copy(path, Path("corpus", path.name))
    build()
    with open("corpus/bread.txt", "a", encoding="utf-8") as f:
        f.write("\nMillers blame the drought.\n")  # none of the bread claim's words
    retrieved = counting_retrievals(monkeypatch)

    build()

    # The bread claim's passages are in the edited article: the new sentence follows them.
    assert retrieved == ["Bread prices in Gao doubled."]
    assert Path("out/dossier.json").read_bytes() == cold_json()


def reseal(path: Path, data: bytes) -> None:
    """Write ``data`` as the value of the file ``path`` of the cache, sealed as the cache seals
    it: as if it had been stored so."""
    path.write_bytes(data)
    table, key = path.parent.name, path.name
    db = sqlite3.connect(path.parents[2] / DB_NAME)
    db.execute(f"UPDATE {table} SET seal = ? WHERE key = ?", (_seal(key, data), key))
    db.commit()
    db.close()


def test_a_last_state_whose_rows_cannot_be_read_is_not_built_on(project: Path) -> None:
    import marshal

    build()
    for path in (Path(".dossier/cache") / FILES_DIR / "states").iterdir():
        record = marshal.loads(path.read_bytes())
        if isinstance(record, tuple):  # the state, not the pointer to it: profiles garbled
            garbled = (*record[:5], [b"not a profile"] * len(record[5]), *record[6:])
            reseal(path, marshal.dumps(garbled))  # as stored there, not damaged after
    edit_article()

    result = build()

    assert "corpus state unreadable" in result.output
    assert Path("out/dossier.json").read_bytes() == cold_json()


def test_the_code_version_covers_the_packages_data_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """A changed word table or template changes what a build computes: cached values go."""
    from dossier.incremental.cache import code_version

    code_version.cache_clear()
    before = code_version()
    real = Path.read_bytes

    def edited(path: Path) -> bytes:
        data = real(path)
        return data + b"#" if path.name == "wordnet.tsv.gz" else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    code_version.cache_clear()
    try:
        assert code_version() != before
    finally:
        monkeypatch.undo()
        code_version.cache_clear()
