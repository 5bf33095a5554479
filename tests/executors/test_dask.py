"""The Dask executor and `dossier build --scheduler`: the same results in the same order as
the local executor, the same dossier bytes out (web pages and Markdown read on the workers as
in the build), tasks that name the articles instead of carrying them, claims judged on the
workers with the corpus state and index they read from the shared cache, a lost worker's task
run again, and one-line errors for a scheduler that is not there or a worker with another
corpus or cache."""

from __future__ import annotations

import logging
import os
import pickle
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.errors import ClusterError
from dossier.executors import choose
from dossier.executors.local import LocalExecutor

distributed = pytest.importorskip("distributed")
from dossier.executors.dask import DaskExecutor  # noqa: E402  (needs distributed)

ROOT = Path(__file__).resolve().parent.parent.parent
SEED = (ROOT / "corpus", ROOT / "claims.yaml")
READERS = (ROOT / "tests/fixtures/readers/mixed", ROOT / "tests/fixtures/readers/claims.yaml")
"""A web page, a Markdown article with front matter, a text file and a file no reader takes."""
TASKS = [[n, n + 1] for n in range(0, 40, 2)]


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    """One two-worker LocalCluster for the module (it starts in a few seconds)."""
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            dashboard_address=":0",
            worker_dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def _scaled(factor: int, task: list[int]) -> tuple[int, list[int]]:
    return os.getpid(), [factor * n for n in task]


def test_tasks_run_on_the_workers_in_order_with_what_they_share(
    client: distributed.Client,
) -> None:
    local = [r for _, r in LocalExecutor(1).map(_scaled, 3, TASKS)]
    for ahead in (None, 1):
        results = list(DaskExecutor(client, ahead=ahead).map(_scaled, 3, iter(TASKS)))
        assert [r for _, r in results] == local
        assert os.getpid() not in {pid for pid, _ in results}
    assert list(DaskExecutor(client).map(_scaled, 3, [])) == []


def test_the_stages_run_on_the_cluster_only_inside_on_cluster(client: distributed.Client) -> None:
    assert isinstance(choose.executor(2, ahead=3, min_size=10), LocalExecutor)
    with choose.on_cluster(None):
        assert isinstance(choose.executor(2, ahead=3, min_size=10), LocalExecutor)
    with choose.on_cluster(client.scheduler.address):
        executor = choose.executor(2, ahead=3, min_size=10)
        assert isinstance(executor, DaskExecutor)
        assert executor.ahead == 3
    assert isinstance(choose.executor(2), LocalExecutor)


def _dies_once(marker: Path, task: int) -> int:
    if not marker.exists():
        marker.touch()
        os._exit(1)  # the worker process ends, as a worker killed for its memory does
    return task * 2


def test_a_task_whose_worker_dies_is_run_again(client: distributed.Client, tmp_path: Path) -> None:
    marker = tmp_path / "died"
    assert list(DaskExecutor(client).map(_dies_once, marker, [1, 2, 3])) == [2, 4, 6]
    assert marker.exists()


def _times(factor: int, task: int) -> int:
    return factor * task


def test_what_the_tasks_share_is_scattered_again_when_every_worker_lost_it(
    client: distributed.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.executors import dask

    scattered: list[Any] = []
    scatter = dask._Shared._scatter

    def recording(self: Any) -> Any:
        scattered.append(scatter(self))
        return scattered[-1]

    monkeypatch.setattr(dask._Shared, "_scatter", recording)
    results = DaskExecutor(client, ahead=1).map(_times, 3, range(10))
    assert next(results) == 0
    client.cancel([scattered[0]], force=True)  # gone, as when every worker holding it ends
    assert list(results) == [3 * n for n in range(1, 10)]
    assert len(scattered) == 2


def _build(folder: Path, out: str, *options: str, env: dict[str, str] | None = None) -> Path:
    result = CliRunner().invoke(
        app,
        [
            "build",
            "--claims",
            str(folder / "claims.yaml"),
            "--corpus",
            str(folder / "corpus"),
            "--out",
            str(folder / out),
            "--format",
            "json,html",
            *options,
        ],
        env=env,
    )
    assert result.exit_code == 0, result.output
    return folder / out


def _project(tmp_path: Path, corpus: Path, claims: Path) -> None:
    shutil.copytree(corpus, tmp_path / "corpus")
    shutil.copy(claims, tmp_path / "claims.yaml")


@pytest.mark.slow
@pytest.mark.parametrize("project", [SEED, READERS], ids=["seed", "readers"])
def test_a_build_on_the_cluster_writes_the_same_bytes(
    client: distributed.Client, tmp_path: Path, project: tuple[Path, Path]
) -> None:
    _project(tmp_path, *project)
    address = client.scheduler.address
    local = _build(tmp_path, "local", "--no-cache")
    with distributed.get_task_stream(client) as stream:
        afresh = _build(tmp_path, "afresh", "--no-cache", "--scheduler", address)
    assert any("_prepare_files" in task["key"] for task in stream.data)  # analysed there
    cached = _build(tmp_path, "cached", "--cache-dir", str(tmp_path / "cache-local"))
    on_cluster = _build(
        tmp_path,
        "on-cluster",
        "--cache-dir",
        str(tmp_path / "cache-cluster"),
        env={"DOSSIER_SCHEDULER": "local:2"},  # a LocalCluster started for the build
    )
    for name in ("dossier.json", "dossier.html"):
        expected = (local / name).read_bytes()
        for out in (afresh, cached, on_cluster):
            assert (out / name).read_bytes() == expected, out / name


def test_a_task_names_its_articles_and_the_workers_read_them(
    client: distributed.Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(tmp_path, *READERS)
    long = "The harbour authority counted the containers again. " * 8_000  # 416 KB
    (tmp_path / "corpus" / "long.txt").write_text(f"Harbour ledger\n\n{long}\n", "utf-8")
    sent: list[tuple[str, int]] = []
    mapped = DaskExecutor.map

    def recording(self: DaskExecutor, function: Any, shared: Any, tasks: Any) -> Any:
        def recorded() -> Iterator[Any]:
            for task in tasks:
                sent.append((function.__name__, len(pickle.dumps(task))))
                yield task

        return mapped(self, function, shared, recorded())

    monkeypatch.setattr(DaskExecutor, "map", recording)
    _build(tmp_path, "on-cluster", "--no-cache", "--scheduler", client.scheduler.address)
    assert [name for name, _ in sent] == ["_prepare_files"]  # 4 articles, 420 KB: one task
    assert sent[0][1] < 500  # their paths and hashes, not their text


def _judged_on(client: distributed.Client, build: Any) -> tuple[Path, int]:
    """What ``build()`` wrote, and how many judging tasks ran on the cluster's workers."""
    with distributed.get_task_stream(client) as stream:
        out = build()
    return out, sum("_judge_remotely" in task["key"] for task in stream.data)


ADDED = """
  - id: added-on-the-cluster
    text: Russian warplanes struck Deir ez-Zor.
"""


@pytest.mark.slow
def test_claims_are_judged_on_the_workers_through_the_shared_cache(
    client: distributed.Client, tmp_path: Path
) -> None:
    _project(tmp_path, *SEED)
    address = client.scheduler.address
    # (the index in shards: each worker opens them from the cache)
    on_cluster = ("--cache-dir", str(tmp_path / "cache"), "--scheduler", address, "--shards", "2")
    local = _build(tmp_path, "local", "--no-cache")
    cold, tasks = _judged_on(client, lambda: _build(tmp_path, "cold", *on_cluster))
    assert tasks == 3  # 21 claims, 8 a task
    warm, tasks = _judged_on(client, lambda: _build(tmp_path, "warm", *on_cluster))
    assert tasks == 0  # every judgment read back from the cache
    with (tmp_path / "claims.yaml").open("a", encoding="utf-8") as claims:
        claims.write(ADDED)
    added, tasks = _judged_on(client, lambda: _build(tmp_path, "added", *on_cluster))
    assert tasks == 1  # the claim added, alone
    local_added = _build(tmp_path, "local-added", "--no-cache")
    for name in ("dossier.json", "dossier.html"):
        expected = (local / name).read_bytes()
        assert (cold / name).read_bytes() == expected
        assert (warm / name).read_bytes() == expected
        assert (added / name).read_bytes() == (local_added / name).read_bytes()


def test_through_the_cache_the_workers_write_the_analyses_there(
    client: distributed.Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(tmp_path, *READERS)
    received: list[tuple[str, int]] = []
    mapped = DaskExecutor.map

    def recording(self: DaskExecutor, function: Any, shared: Any, tasks: Any) -> Any:
        for result in mapped(self, function, shared, tasks):
            received.append((function.__name__, len(pickle.dumps(result))))
            yield result

    monkeypatch.setattr(DaskExecutor, "map", recording)
    cache = tmp_path / "cache"
    out = _build(
        tmp_path, "on-cluster", "--cache-dir", str(cache), "--scheduler", client.scheduler.address
    )
    local = _build(tmp_path, "local", "--no-cache")
    assert (out / "dossier.json").read_bytes() == (local / "dossier.json").read_bytes()
    analysed = [size for name, size in received if name == "_prepare_files"]
    assert len(analysed) == 1 and analysed[0] < 300  # a file's name and hash, not the analyses
    assert list((cache / "files" / "incoming").iterdir()) == []  # each taken as it came


def test_what_a_worker_wrote_is_taken_once_and_checked(tmp_path: Path) -> None:
    from dossier.executors.shared import take_written, write_shared

    name, sha256 = write_shared(str(tmp_path), "files/incoming", "tmp-1-", b"analyses")
    assert name.startswith("files/incoming/tmp-1-")
    assert take_written(str(tmp_path), name, sha256) == b"analyses"
    assert not (tmp_path / name).exists()
    with pytest.raises(ClusterError, match="cannot be read on the build's machine"):
        take_written(str(tmp_path), name, sha256)
    name, _ = write_shared(str(tmp_path), "files/incoming", "tmp-1-", b"analyses")
    with pytest.raises(
        ClusterError, match=r"is not what the build reads .* \(its sha256 differs\)"
    ):
        take_written(str(tmp_path), name, "0" * 64)


def _set_root(root: str | None, variable: str = "DOSSIER_CORPUS_ROOT") -> None:
    if root is None:
        os.environ.pop(variable, None)
    else:
        os.environ[variable] = root


def test_a_worker_reads_the_corpus_where_it_is_mounted_and_never_another(
    client: distributed.Client, tmp_path: Path
) -> None:
    _project(tmp_path, *READERS)
    mounted = tmp_path / "mnt" / "corpus"  # the workers' mount of the same folder
    shutil.copytree(tmp_path / "corpus", mounted)
    local = _build(tmp_path, "local", "--no-cache")
    client.run(_set_root, str(mounted))
    try:
        on_cluster = _build(
            tmp_path, "on-cluster", "--no-cache", "--scheduler", client.scheduler.address
        )
        assert (on_cluster / "dossier.json").read_bytes() == (local / "dossier.json").read_bytes()
        page = "harbour-fire.html"
        (mounted / page).write_bytes((mounted / page).read_bytes().replace(b"12", b"13"))
        stale = _failed_build(tmp_path, client.scheduler.address)
        worker = "tcp://127.0.0.1:[0-9]+"  # whichever ran the task
        said = re.escape(
            f"Error: {page}: on the Dask worker WORKER, {mounted / page} is not the file the"
            " build read (its sha256 differs: a folder not shared, a stale copy, or a file"
            " changed during the build): the corpus folder must be mounted at the same path on"
            " every worker as on the build's machine, or DOSSIER_CORPUS_ROOT set on the worker"
            " to where it is (docs/cluster.md)\n"
        )
        assert re.fullmatch(said.replace("WORKER", worker), stale), stale
        (mounted / page).unlink()
        missing = _failed_build(tmp_path, client.scheduler.address)
        assert f", {mounted / page} cannot be read (No such file or directory): " in missing
    finally:
        client.run(_set_root, None)


def test_a_worker_reads_the_cache_where_it_is_mounted_and_never_another(
    client: distributed.Client, tmp_path: Path
) -> None:
    _project(tmp_path, *SEED)
    address = client.scheduler.address
    cache = ("--cache-dir", str(tmp_path / "cache"))
    _build(tmp_path, "first", *cache)  # judged here: the cache holds the state and index
    with (tmp_path / "claims.yaml").open("a", encoding="utf-8") as claims:
        claims.write(ADDED)
    local = _build(tmp_path, "local", "--no-cache")
    mounts = tmp_path / "mnt"
    for copy in ("good", "other-index", "other-state"):
        shutil.copytree(tmp_path / "cache", mounts / copy)
    (index,) = (mounts / "other-index" / "index").iterdir()
    meta = index / "meta.json"
    meta.write_bytes(meta.read_bytes() + b" ")
    (state,) = (mounts / "other-state" / "files" / "states").glob(f"{index.name}*")
    state.write_bytes(state.read_bytes()[:-1] + b"\0")
    try:
        client.run(_set_root, str(mounts / "good"), "DOSSIER_CACHE_ROOT")
        on_cluster, tasks = _judged_on(
            client, lambda: _build(tmp_path, "on-cluster", *cache, "--scheduler", address)
        )
        assert tasks == 1  # the claim added
        assert (on_cluster / "dossier.json").read_bytes() == (local / "dossier.json").read_bytes()
        (tmp_path / "claims.yaml").write_text(
            (tmp_path / "claims.yaml").read_text("utf-8").replace("warplanes", "jets"), "utf-8"
        )
        worker = "tcp://127.0.0.1:[0-9]+"  # whichever ran the task
        help = (
            "the build cache folder must be mounted at the same path on every worker as on the"
            " build's machine, or DOSSIER_CACHE_ROOT set on the worker to where it is"
            " (docs/cluster.md)"
        )
        client.run(_set_root, str(mounts / "other-index"), "DOSSIER_CACHE_ROOT")
        said = _failed_build(tmp_path, address, *cache)
        where = mounts / "other-index" / "index" / index.name
        expected = re.escape(
            f"Error: index/{index.name}: on the Dask worker WORKER, {where} is not the index the"
            f" build wrote (its files differ): {help}\n"
        )
        assert re.fullmatch(expected.replace("WORKER", worker), said), said
        client.run(_set_root, str(mounts / "other-state"), "DOSSIER_CACHE_ROOT")
        said = _failed_build(tmp_path, address, *cache)
        assert f", {state} is not the file the build read (its sha256 differs: " in said
        client.run(_set_root, str(mounts / "none"), "DOSSIER_CACHE_ROOT")
        said = _failed_build(tmp_path, address, *cache)
        assert "cannot be read (No such file or directory): the build cache folder" in said
    finally:
        client.run(_set_root, None, "DOSSIER_CACHE_ROOT")


def _failed_build(folder: Path, scheduler: str, *options: str) -> str:
    """The error lines of a build on the cluster that must fail, which writes nothing
    (``options``: the cache's, by default none)."""
    out = folder / "failed"
    result = CliRunner().invoke(
        app,
        ["build", *(options or ["--no-cache"]), "--claims", str(folder / "claims.yaml"),
         "--corpus", str(folder / "corpus"), "--out", str(out), "--scheduler", scheduler],
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert not out.exists()
    return "".join(line for line in result.stderr.splitlines(True) if line.startswith("Error"))


@pytest.mark.parametrize(
    ("scheduler", "error"),
    [
        ("nonsense", "not a scheduler address (tcp://HOST:8786, or local:N)"),
        ("local:0", "local:N needs N, a number of workers >= 1"),
        (
            "tcp://127.0.0.1:1",
            "cannot reach the scheduler: Timed out trying to connect to tcp://127.0.0.1:1"
            " after 0.5 s",
        ),
    ],
)
def test_a_bad_scheduler_is_one_error_line(
    scheduler: str, error: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(choose, "CONNECT_TIMEOUT", 0.5)
    result = CliRunner().invoke(
        app,
        [
            "build",
            "--no-cache",
            "--claims",
            str(ROOT / "claims.yaml"),
            "--corpus",
            str(ROOT / "corpus"),
            "--out",
            str(tmp_path),
            "--scheduler",
            scheduler,
        ],
    )
    assert result.exit_code == 2
    assert result.stderr == f"Error: --scheduler {scheduler}: {error}\n"
    assert not (tmp_path / "dossier.json").exists()


class _Workers:
    """A client whose workers run the given code versions."""

    def __init__(self, versions: dict[str, str]) -> None:
        self.versions = versions

    def wait_for_workers(self, n: int, timeout: float) -> None:
        if len(self.versions) < n:
            raise TimeoutError

    def run(self, function: object) -> dict[str, str]:
        return self.versions


def test_every_worker_must_run_this_dossier() -> None:
    from dossier.incremental.cache import code_version

    ours = code_version()
    choose._check_workers(_Workers({"tcp://a:1": ours}), "tcp://s:8786")
    with pytest.raises(ClusterError) as raised:
        choose._check_workers(_Workers({"tcp://a:1": ours, "tcp://b:1": "0ld"}), "tcp://s:8786")
    assert str(raised.value) == (
        "--scheduler tcp://s:8786: 1 of 2 workers run another dossier than this build"
        " (tcp://b:1 first): install the same on every worker"
    )
    with pytest.raises(ClusterError, match="no worker joined the scheduler in 10 s"):
        choose._check_workers(_Workers({}), "tcp://s:8786")
