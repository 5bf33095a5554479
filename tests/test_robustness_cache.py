"""The build cache never lies, keeps to its own folder, and leaves no process behind: every
promise of README's "Security and robustness" about the cache, end to end.

Each case runs the real command line on the seed corpus and asserts the exit code, the exact
``Error:`` or ``Warning:`` lines, and the dossier (the same bytes as ``--no-cache``). The cases
are tables: to add a promise, add a row.
"""

from __future__ import annotations

import marshal
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

import dossier.incremental.cache
from dossier.cli import app
from dossier.incremental.cache import DB_NAME, Cache

ROOT = Path(__file__).resolve().parent.parent
SEED_CORPUS = ROOT / "corpus"
SEED_CLAIMS = ROOT / "claims.yaml"
CACHE = Path(".dossier") / "cache"
EXTRA_CLAIM = "  - id: extra\n    text: The Pentagon confirmed the Russian strike.\n"
KEY = "ab" * 32  # a name as the cache names its files, for files it did not write

runner = CliRunner()


def build(*extra: str, out: str = "out") -> Result:
    result = runner.invoke(
        app, ["-q", "build", "--out", out, "--format", "json", "--workers", "1", *extra]
    )
    assert "Traceback" not in result.output
    return result


def warnings(result: Result) -> list[str]:
    return result.stderr.splitlines()


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The seed project built once through its cache, with ``cold.json`` (the dossier of its
    claims and ``EXTRA_CLAIM``, built with ``--no-cache``) beside it."""
    root = tmp_path_factory.mktemp("seed")
    shutil.copytree(SEED_CORPUS, root / "corpus")
    shutil.copy(SEED_CLAIMS, root / "claims.yaml")
    here = Path.cwd()
    os.chdir(root)
    try:
        assert build().exit_code == 0
        with open("claims.yaml", "a", encoding="utf-8") as f:
            f.write(EXTRA_CLAIM)
        assert build("--no-cache", out="extra").exit_code == 0
        shutil.copy("extra/dossier.json", "cold.json")
        shutil.rmtree("extra")
        shutil.copy(SEED_CLAIMS, "claims.yaml")
    finally:
        os.chdir(here)
    yield root


@pytest.fixture
def project(seed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the built seed project (its cache too), as the working folder."""
    shutil.copytree(seed, tmp_path / "project", symlinks=True)
    monkeypatch.chdir(tmp_path / "project")
    return tmp_path / "project"


def add_claim() -> None:
    with open("claims.yaml", "a", encoding="utf-8") as f:
        f.write(EXTRA_CLAIM)


# --- what the cache reads is what it wrote under that key ----------------------------------


def judged_rows(db: sqlite3.Connection) -> tuple[str, str]:
    """The keys of the judgments of 'About 500 US troops ...' and '7 km of IS-held ...'."""
    troops = km = None
    for key, data in db.execute("SELECT key, data FROM judged"):
        evidence = marshal.loads(data)[0]
        if b"about 500 US troops" in evidence:
            troops = key
        elif b"at least 7 kilometres" in evidence:
            km = key
    assert troops is not None and km is not None
    return troops, km


def swap(db: sqlite3.Connection, table: str, a: str, b: str, *, whole: bool) -> None:
    """Swap the values of the rows ``a`` and ``b`` of ``table``: their data alone, or (``whole``)
    every column but the key (the data and whatever is kept with it)."""
    columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})") if row[1] != "key"]
    names = columns if whole else ["data"]
    rows = {k: v for k, *v in db.execute(f"SELECT key, {', '.join(names)} FROM {table}")}
    sets = ", ".join(f"{n} = ?" for n in names)
    with db:
        db.execute(f"UPDATE {table} SET {sets} WHERE key = ?", (*rows[b], a))
        db.execute(f"UPDATE {table} SET {sets} WHERE key = ?", (*rows[a], b))


def swap_judged(*, whole: bool) -> Callable[[sqlite3.Connection], None]:
    def tamper(db: sqlite3.Connection) -> None:
        swap(db, "judged", *judged_rows(db), whole=whole)

    return tamper


def swap_claim_links(db: sqlite3.Connection) -> None:
    """The two claims point at each other's judgment."""
    troops, km = judged_rows(db)
    links = {marshal.loads(data): key for key, data in db.execute("SELECT key, data FROM claims")}
    swap(db, "claims", links[troops], links[km], whole=True)


@dataclass(frozen=True)
class Tampering:
    """A change made to the cache's database behind its back, after a build."""

    tamper: Callable[[sqlite3.Connection], None]


UNSEALED = (
    f"Warning: {CACHE}: the cache held values that were not stored under their keys (moved or "
    "damaged); not using them, computing them again."
)
TAMPERINGS = {
    "two-judgments-swapped": Tampering(swap_judged(whole=False)),
    "two-judgments-swapped-with-their-seals": Tampering(swap_judged(whole=True)),
    "two-claims-pointing-at-each-others-judgment": Tampering(swap_claim_links),
}


@pytest.mark.parametrize("case", TAMPERINGS.values(), ids=TAMPERINGS.keys())
def test_a_value_moved_under_another_key_is_not_used(project: Path, case: Tampering) -> None:
    db = sqlite3.connect(CACHE / DB_NAME)
    case.tamper(db)
    db.close()
    add_claim()  # so that the build reads the judgments, not the outputs it kept

    result = build()

    assert result.exit_code == 0
    assert warnings(result) == [UNSEALED]  # once, for the two rows
    assert Path("out/dossier.json").read_bytes() == (project / "cold.json").read_bytes()
    Path("claims.yaml").write_text(
        Path("claims.yaml").read_text(encoding="utf-8").replace("Pentagon confirmed", "US said"),
        encoding="utf-8",
    )
    assert warnings(build()) == []  # computed again and stored right


# --- the cache keeps to a folder of its own ------------------------------------------------


def another_programs_cache(folder: Path) -> None:
    (folder / "files" / "outputs").mkdir(parents=True)
    (folder / "index" / "x").mkdir(parents=True)
    db = sqlite3.connect(folder / DB_NAME)
    db.execute("CREATE TABLE notes (text TEXT)")
    db.execute("INSERT INTO notes VALUES ('precious')")
    db.commit()
    db.close()
    (folder / "files" / "outputs" / "report.txt").write_text("mine\n", encoding="utf-8")
    (folder / "index" / "x" / "f").write_text("mine\n", encoding="utf-8")


def outputs_folder_alone(folder: Path) -> None:
    (folder / "files" / "outputs").mkdir(parents=True)
    (folder / "files" / "outputs" / "report.txt").write_text("mine\n", encoding="utf-8")
    (folder / "files" / "outputs" / KEY).write_text("mine\n", encoding="utf-8")


def a_file(folder: Path) -> None:
    folder.write_text("mine\n", encoding="utf-8")


def another_programs_tag(folder: Path) -> None:
    folder.mkdir()
    (folder / "CACHEDIR.TAG").write_text(
        "Signature: 8a477f597d28d172789f06886806bc55\n# made by another program\n",
        encoding="utf-8",
    )
    (folder / "files").mkdir()
    (folder / "files" / "data").write_text("mine\n", encoding="utf-8")


def earlier_dossiers_cache(folder: Path) -> None:
    """A cache as dossier wrote it before it marked its folders (layout dossier-cache-10)."""
    (folder / "files" / "states").mkdir(parents=True)
    (folder / "files" / "rendered").mkdir(parents=True)
    (folder / "index" / KEY).mkdir(parents=True)
    db = sqlite3.connect(folder / DB_NAME)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO meta VALUES ('schema', 'dossier-cache-10')")
    db.execute("CREATE TABLE judged (key TEXT PRIMARY KEY, data BLOB)")
    db.commit()
    db.close()
    (folder / "files" / "states" / KEY).write_bytes(marshal.dumps(("a state",)))
    (folder / "files" / "rendered" / f"{KEY}.json").write_text("{}\n", encoding="utf-8")
    (folder / "index" / KEY / "meta.json").write_text("{}\n", encoding="utf-8")


def earlier_dossiers_cache_and_a_file(folder: Path) -> None:
    earlier_dossiers_cache(folder)
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")


def nothing(folder: Path) -> None:
    folder.mkdir()


def files_in_dossiers_own_folder(folder: Path) -> None:
    """A folder dossier made for its cache, where someone put files of their own since."""
    assert build("--cache-dir", str(folder)).exit_code == 0
    (folder / "files" / "outputs" / "notes.txt").write_text("mine\n", encoding="utf-8")
    (folder / "files" / "outputs" / KEY).write_text("mine\n", encoding="utf-8")
    (folder / "index" / KEY).mkdir()
    (folder / "index" / KEY / "meta.json").write_text("mine\n", encoding="utf-8")


def refused(why: str) -> list[str]:
    return [
        f"Error: elsewhere: this {why}, so it is not used as the build cache; give --cache-dir a "
        "new or empty folder, or use --no-cache."
    ]


NOT_DOSSIERS = "holds files that dossier did not write (no CACHEDIR.TAG of dossier's)"


@dataclass(frozen=True)
class FolderCase:
    lay_out: Callable[[Path], None]
    """What is at the path given as ``--cache-dir`` (``elsewhere``) before the build."""
    exit_code: int
    errors: list[str]
    """Exactly the lines printed on stderr."""
    theirs: tuple[str, ...] = ()
    """Files (under the folder) that are not dossier's: each must be left as it was. When the
    build is refused, nothing there may change."""
    cleared: tuple[str, ...] = ()
    """Files of an earlier dossier's cache, removed."""


FOLDER_CASES = {
    "another-programs-cache": FolderCase(
        another_programs_cache,
        2,
        refused(NOT_DOSSIERS),
        (DB_NAME, "files/outputs/report.txt", "index/x/f"),
    ),
    "a-folder-named-like-the-caches-outputs": FolderCase(
        outputs_folder_alone,
        2,
        refused(NOT_DOSSIERS),
        ("files/outputs/report.txt", f"files/outputs/{KEY}"),
    ),
    "a-file": FolderCase(a_file, 2, refused("is a file, not a folder")),
    "another-programs-cachedir-tag": FolderCase(
        another_programs_tag, 2, refused(NOT_DOSSIERS), ("CACHEDIR.TAG", "files/data")
    ),
    "an-earlier-dossiers-cache-with-a-file-of-its-own": FolderCase(
        earlier_dossiers_cache_and_a_file,
        2,
        refused(NOT_DOSSIERS),
        ("notes.txt", DB_NAME, f"files/states/{KEY}"),
    ),
    "an-empty-folder": FolderCase(nothing, 0, []),
    "an-earlier-dossiers-cache": FolderCase(
        earlier_dossiers_cache,
        0,
        [
            "Warning: elsewhere: a cache written by an earlier version of dossier; clearing it "
            "and rebuilding it."
        ],
        cleared=(f"files/states/{KEY}", f"files/rendered/{KEY}.json", f"index/{KEY}/meta.json"),
    ),
    "files-put-in-dossiers-own-folder": FolderCase(
        files_in_dossiers_own_folder,
        0,
        [],
        ("files/outputs/notes.txt", f"files/outputs/{KEY}", f"index/{KEY}/meta.json"),
    ),
}


def snapshot(folder: Path) -> dict[str, bytes]:
    if folder.is_file():
        return {".": folder.read_bytes()}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.parametrize("case", FOLDER_CASES.values(), ids=FOLDER_CASES.keys())
def test_the_cache_refuses_a_folder_that_is_not_its_own_and_deletes_nothing_it_did_not_write(
    project: Path, case: FolderCase
) -> None:
    folder = Path("elsewhere")
    case.lay_out(folder)
    before = snapshot(folder)
    add_claim()  # the outputs and the corpus state change: the build prunes what it wrote

    result = build("--cache-dir", str(folder), out="new")

    assert (result.exit_code, result.stderr.splitlines()) == (case.exit_code, case.errors)
    after = snapshot(folder)
    if case.exit_code:
        assert after == before
        assert not Path("new").exists()
        return
    assert {name: after.get(name) for name in case.theirs} == {
        name: before[name] for name in case.theirs
    }
    assert not set(case.cleared) & set(after)
    assert (folder / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f")
    assert Path("new/dossier.json").read_bytes() == (project / "cold.json").read_bytes()
    assert warnings(build("--cache-dir", str(folder))) == []  # its own from now on


# --- one build at a time -------------------------------------------------------------------


WAITING = f"Warning: {CACHE}: another dossier is using the cache; waiting for it."


@dataclass(frozen=True)
class HeldCase:
    """A build while another one holds the cache (for ``held`` seconds)."""

    held: float
    wait: float
    """How long the build waits for the cache (``cache.LOCK_WAIT``)."""
    errors: list[str]


HELD_CASES = {
    "a-second-build-waits-for-the-first": HeldCase(1.0, 60.0, [WAITING]),
    "a-second-build-that-waits-too-long-goes-on-without-the-cache": HeldCase(
        5.0,
        0.3,
        [
            WAITING,
            f"Warning: {CACHE}: another dossier still uses the cache after 0.3 s; building "
            "without it.",
        ],
    ),
}


@pytest.mark.parametrize("case", HELD_CASES.values(), ids=HELD_CASES.keys())
def test_a_build_never_uses_the_cache_while_another_one_does(
    project: Path, monkeypatch: pytest.MonkeyPatch, case: HeldCase
) -> None:
    monkeypatch.setattr(dossier.incremental.cache, "LOCK_WAIT", case.wait, raising=False)
    said: list[str] = []
    ready, let_go = threading.Event(), threading.Event()

    def first_build() -> None:  # another build, writing
        first = Cache(CACHE, said.append)
        first.put("claims", "first", "its value")
        first.flush()
        first._db.execute("BEGIN IMMEDIATE")  # type: ignore[union-attr]
        ready.set()
        let_go.wait(case.held)
        first._db.execute("COMMIT")  # type: ignore[union-attr]
        first.close()

    finishing = threading.Thread(target=first_build)
    finishing.start()
    ready.wait()
    add_claim()
    started = time.monotonic()

    result = build()

    took = time.monotonic() - started
    let_go.set()
    finishing.join()
    assert (result.exit_code, warnings(result)) == (0, case.errors)
    assert took >= min(case.held, case.wait)
    assert Path("out/dossier.json").read_bytes() == (project / "cold.json").read_bytes()
    assert said == []  # the first build's writes went through
    again = Cache(CACHE)
    # Left as the first build left it when the second went on without it; else pruned by it.
    assert again.get("claims", "first") == ("its value" if case.wait < case.held else None)
    again.close()
    Path("claims.yaml").write_text(
        Path("claims.yaml").read_text(encoding="utf-8").replace("Pentagon confirmed", "US said"),
        encoding="utf-8",
    )
    assert warnings(build()) == []  # and whole


# --- the workers end with the build ---------------------------------------------------------


BUILD_WITH_SLOW_WORKERS = """
import os, sys, time
from pathlib import Path
import dossier.judge.prepare as prepare
from dossier.cli import app

pids = sys.argv[1]
prepare.PARALLEL_MIN_CHARS = 0  # every article on the workers,
prepare.CHUNK_CHARS = 1
analyse = prepare._prepare_chunk

def slowly(shared, chunk):  # which say who they are and take their time
    Path(pids, str(os.getpid())).touch()
    time.sleep(60)
    return analyse(shared, chunk)

prepare._prepare_chunk = slowly
sys.argv = ["dossier", "-q", "build", "--format", "json", "--workers", "2"]
app()
"""
WATCHING_WORKERS = """
import os, sys, time
from pathlib import Path
from dossier.executors import local

local._die_with_parent = lambda: False  # as where there is no PR_SET_PDEATHSIG

def sleeping(folder, task):
    Path(folder, str(os.getpid())).touch()
    time.sleep(60)

list(local.LocalExecutor(2).map(sleeping, sys.argv[1], [[n] for n in range(4)]))
"""


@dataclass(frozen=True)
class KilledCase:
    script: str
    """Python run in a process of its own, in the project: its two workers write their pids as
    file names in the folder ``sys.argv[1]``, and sleep."""


KILLED_CASES = {
    "a-build": KilledCase(BUILD_WITH_SLOW_WORKERS),
    "workers-watching-their-parent-where-the-kernel-cannot": KilledCase(WATCHING_WORKERS),
}


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie has ended: it waits only to be reaped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in {"Z", "X"}


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("case", KILLED_CASES.values(), ids=KILLED_CASES.keys())
def test_the_workers_end_with_a_build_killed_with_sigkill(
    project: Path, tmp_path: Path, case: KilledCase
) -> None:
    shutil.rmtree(CACHE)
    pids = tmp_path / "pids"
    pids.mkdir()
    parent = subprocess.Popen([sys.executable, "-c", case.script, str(pids)])
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline:
            workers = [int(p.name) for p in pids.iterdir()]
            time.sleep(0.05)
        assert len(workers) == 2, "no workers started"
        parent.kill()  # SIGKILL: nothing of it runs after
        parent.wait()
        deadline = time.monotonic() + 5
        while any(map(alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if alive(pid)]
    finally:
        parent.kill()
        for pid in workers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
    # ... and the cache lock they shared is free at once
    said: list[str] = []
    Cache(CACHE, said.append).close()
    assert said == []
