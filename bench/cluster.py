"""Benchmark of `dossier build` on a Dask cluster against local processes; prints a table for
docs/cluster.md. Run by hand, not a test.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/cluster.py [--articles 5000] [--claims 200] [--source FOLDER]

1. The corpus and claims of ``bench/build.py`` (``bench/work/corpus-<articles>/``, kept between
   runs): the seed articles, then articles recombined from ``../shared/data/news-fnc1/``.
2. Each build in a fresh process (``dossier -q build --no-cache --format json``): on local
   processes (``--workers 2``, today's default here), then on a Dask ``LocalCluster`` of 1 and
   of 2 worker processes started by this script beforehand (``--scheduler tcp://...``: the
   cluster's start-up is timed apart), and once with ``--scheduler local:2`` (start-up
   included). On each started cluster, two builds: the analysis tasks naming the articles
   (path and sha256: each worker reads its articles from the corpus folder, as ``dossier``
   does), then carrying their text (as before the workers read the articles: the build made
   to take ``choose.remote()`` as false, which sends the texts through the scheduler). The
   JSON of every build is compared with the local one's, byte for byte.
3. Of each cluster build: the bytes of the analysis tasks sent through the scheduler (each
   task pickled once more by the build, ``SENDING``), and from Dask's task stream the analysis
   tasks' compute time (reading the articles included, when the workers read them) and the
   time the workers spent on anything else (receiving the tasks, unpickling, waiting for the
   scheduler, idle) as a share of their wall time over the analysis stage.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from build import DEFAULT_SOURCE, DOSSIER, WORK, machine, make_claims, make_corpus, run
from distributed import Client, LocalCluster, get_task_stream

SENDING = """
import pickle, sys
from dossier.cli import app
from dossier.executors import choose
from dossier.executors.dask import DaskExecutor

texts, record = sys.argv[1] == "texts", sys.argv[2]
if texts:  # the tasks carry the articles' text, as before the workers read them
    choose.remote = lambda: False
mapped, sent = DaskExecutor.map, [0]

def recording(self, function, shared, tasks):
    def recorded():
        for task in tasks:
            sent[0] += len(pickle.dumps(task))
            yield task
    return mapped(self, function, shared, recorded())

DaskExecutor.map = recording
sys.argv = ["dossier", *sys.argv[3:]]
try:
    app()
finally:
    with open(record, "w") as out:
        out.write(str(sent[0]))
"""
"""``python -c SENDING texts|paths RECORD ARGS...``: ``dossier ARGS...``, the analysis tasks
carrying the texts or naming the files, the bytes of the tasks written to ``RECORD``."""

ANALYSIS = ("_prepare_chunk", "_prepare_files")
"""The analysis tasks: carrying texts, naming files."""


def stream_figures(tasks: list[dict[str, Any]], threads: int) -> tuple[int, float, float, float]:
    """Of the analysis tasks: their number, their compute seconds summed, the seconds from the
    first one's start to the last one's end, and the share of the workers' time over that span
    spent not computing (transfer, unpickling, scheduling, idle)."""
    analysis = [t for t in tasks if any(name in str(t["key"]) for name in ANALYSIS)]
    if not analysis:
        return 0, 0.0, 0.0, 0.0
    stops = [s for t in analysis for s in t["startstops"]]
    compute = sum(s["stop"] - s["start"] for s in stops if s["action"] == "compute")
    start, stop = min(s["start"] for s in stops), max(s["stop"] for s in stops)
    span = stop - start
    return len(analysis), compute, span, 1 - compute / (span * threads) if span else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=5_000)
    parser.add_argument("--claims", type=int, default=200)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    opts = parser.parse_args()

    WORK.mkdir(parents=True, exist_ok=True)
    corpus = make_corpus(opts.source, opts.articles)
    size = sum(p.stat().st_size for p in corpus.glob("*.txt"))
    claims_path = WORK / f"claims-{opts.articles}-{opts.claims}.yaml"
    claims_path.write_text(make_claims(corpus, opts.claims), encoding="utf-8")
    print(f"corpus {corpus}: {opts.articles:,} articles, {size / 1e6:.0f} MB;", end=" ")
    print(f"{opts.claims:,} claims", flush=True)
    record = WORK / "sent-bytes"

    def build(out: str, *options: str, sending: str | None = None) -> tuple[float, bytes, int]:
        """Seconds, the JSON, and the bytes of the analysis tasks (``sending``: texts or paths,
        through ``SENDING``; None: the plain command, 0 bytes)."""
        folder = WORK / out
        shutil.rmtree(folder, ignore_errors=True)
        args = [
            "-q", "build", "--claims", str(claims_path), "--corpus", str(corpus), "--out",
            str(folder), "--format", "json", "--no-cache", *options,
        ]  # fmt: skip
        if sending is None:
            seconds = run([str(DOSSIER), *args]).seconds
            sent = 0
        else:
            record.unlink(missing_ok=True)
            seconds = run([sys.executable, "-c", SENDING, sending, str(record), *args]).seconds
            sent = int(record.read_text())
        return seconds, (folder / "dossier.json").read_bytes(), sent

    rows: list[tuple[str, float, str, str]] = []
    local, expected, _ = build("out-local", "--workers", "2")
    rows.append(("local, 2 processes (`--workers 2`)", local, "", "yes"))
    print(f"  {rows[-1][0]}: {local:.1f} s", flush=True)
    for workers in (1, 2):
        started = time.perf_counter()
        with (
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                dashboard_address=":0",
                worker_dashboard_address=None,
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster) as client,
        ):
            startup = time.perf_counter() - started
            client.run(lambda: __import__("dossier.judge.prepare") and None)  # warm, for both
            for sending in ("paths", "texts") if workers == 1 else ("texts", "paths"):
                with get_task_stream(client) as stream:
                    seconds, got, sent = build(
                        f"out-dask-{workers}-{sending}",
                        "--scheduler",
                        cluster.scheduler_address,
                        sending=sending,
                    )
                tasks, compute, span, other = stream_figures(stream.data, workers)
                name = (
                    f"LocalCluster, {workers} worker{'s' if workers > 1 else ''}, tasks carry"
                    f" {'the text' if sending == 'texts' else 'path and hash'}"
                )
                detail = (
                    f"{tasks} analysis tasks, {sent / 1e6:.3f} MB sent: {compute:.1f} s"
                    f" computing over {span:.1f} s; {other:.0%} of the workers' time not"
                    f" computing; cluster start {startup:.1f} s"
                )
                rows.append((name, seconds, detail, "yes" if got == expected else "NO"))
                print(f"  {name}: {seconds:.1f} s; {detail}", flush=True)
    seconds, got, _ = build("out-dask-local-2", "--scheduler", "local:2")
    rows.append(("`--scheduler local:2` (start-up included)", seconds, "",
                 "yes" if got == expected else "NO"))  # fmt: skip
    print(f"  {rows[-1][0]}: {seconds:.1f} s", flush=True)

    print()
    print(f"machine: {machine()}")
    print(f"scale: {opts.articles:,} articles ({size / 1e6:.0f} MB), {opts.claims:,} claims")
    print()
    print("| build (`--no-cache`) | time | same JSON | on the cluster |")
    print("| --- | ---: | :---: | --- |")
    for name, seconds, detail, same in rows:
        print(f"| {name} | {seconds:.1f} s | {same} | {detail} |")
    if any(same != "yes" for *_, same in rows):
        sys.exit("a cluster build wrote other bytes than the local one")


if __name__ == "__main__":
    main()
