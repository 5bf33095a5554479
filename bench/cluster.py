"""Benchmark of `dossier build` on a Dask cluster against local processes; prints the table of
docs/performance.md. Run by hand, not a test.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/cluster.py [--articles 50000] [--claims 1000] [--source FOLDER]

1. The corpus and claims of ``bench/build.py`` (``bench/work/corpus-<articles>/``, kept between
   runs): the seed articles, then articles recombined from ``../shared/data/news-fnc1/``.
2. Each build cold (a fresh build cache, so every article is analysed and every claim judged)
   in a fresh process, ``dossier -q build --format json --cache-dir ...``: on local processes
   (``--workers 2``, today's default here), the same with the index in two shards
   (``--shards 2``), then on a Dask ``LocalCluster`` of 1 and of 2 worker processes started by
   this script beforehand (``--scheduler tcp://...``; the cluster's start-up is timed apart).
   The JSON of every build is compared with the first local one's, byte for byte.
3. Of each cluster build, from Dask's task stream, for the analysis tasks and for the judging
   tasks apart: how many, their compute time summed, the stage's span (first start to last
   end), and the share of the workers' time over that span spent on anything else than
   computing (receiving the tasks and their results, unpickling, waiting for the scheduler,
   idle): what scheduling and transfer cost. The bytes of the tasks, and of what every task
   shares (scattered once to each worker), pickled once more by the build (``SENDING``).
4. From the one-worker build, the per-worker throughput (articles analysed and claims judged
   per second of compute) and the time the build's own machine spent outside the two stages
   (reading and hashing the corpus, folding the analyses, writing the index, retrieving,
   rendering), from which a build of ten million articles on N workers is extrapolated.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from build import DEFAULT_SOURCE, DOSSIER, WORK, machine, make_claims, make_corpus, run
from distributed import Client, LocalCluster, get_task_stream

SENDING = """
import json, pickle, sys
from dossier.cli import app
from dossier.executors.dask import DaskExecutor

record = sys.argv[1]
mapped, sent = DaskExecutor.map, {}

def recording(self, function, shared, tasks):
    name = function.__name__
    counts = sent.setdefault(name, {"shared": len(pickle.dumps(shared)), "tasks": 0, "bytes": 0})
    def recorded():
        for task in tasks:
            counts["tasks"] += 1
            counts["bytes"] += len(pickle.dumps(task))
            yield task
    return mapped(self, function, shared, recorded())

DaskExecutor.map = recording
sys.argv = ["dossier", *sys.argv[2:]]
try:
    app()
finally:
    with open(record, "w") as out:
        json.dump(sent, out)
"""
"""``python -c SENDING RECORD ARGS...``: ``dossier ARGS...``, the tasks' bytes written to
``RECORD`` as JSON, by task function."""

STAGES = {"analysis": ("_prepare_files", "_prepare_chunk"), "judging": ("_judge_remotely",)}


def stage_figures(
    tasks: list[dict[str, Any]], names: tuple[str, ...], threads: int
) -> dict[str, float]:
    """Of the tasks of one stage: their number, compute seconds summed, the seconds from the
    first one's start to the last one's end, and the share of the workers' time over that
    span spent not computing (transfer, unpickling, scheduling, idle)."""
    mine = [t for t in tasks if any(name in str(t["key"]) for name in names)]
    if not mine:
        return {"tasks": 0, "compute": 0.0, "span": 0.0, "other": 0.0}
    stops = [s for t in mine for s in t["startstops"]]
    compute = sum(s["stop"] - s["start"] for s in stops if s["action"] == "compute")
    start, stop = min(s["start"] for s in stops), max(s["stop"] for s in stops)
    span = stop - start
    other = 1 - compute / (span * threads) if span else 0.0
    return {"tasks": len(mine), "compute": compute, "span": span, "other": other}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--claims", type=int, default=1_000)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--target", type=int, default=10_000_000, help="articles extrapolated to")
    opts = parser.parse_args()

    WORK.mkdir(parents=True, exist_ok=True)
    corpus = make_corpus(opts.source, opts.articles)
    size = sum(p.stat().st_size for p in corpus.glob("*.txt"))
    claims_path = WORK / f"claims-{opts.articles}-{opts.claims}.yaml"
    claims_path.write_text(make_claims(corpus, opts.claims), encoding="utf-8")
    print(f"corpus {corpus}: {opts.articles:,} articles, {size / 1e6:.0f} MB;", end=" ")
    print(f"{opts.claims:,} claims", flush=True)
    record = WORK / "sent-bytes.json"

    def build(
        out: str, *options: str, recorded: bool = False
    ) -> tuple[float, bytes, dict[str, Any]]:
        """Seconds, the JSON, and the bytes sent by task function (``recorded``: through
        ``SENDING``), of a cold build (a fresh cache)."""
        folder, cache = WORK / out, WORK / f"cache-{out}"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        args = [
            "-q", "build", "--claims", str(claims_path), "--corpus", str(corpus), "--out",
            str(folder), "--format", "json", "--cache-dir", str(cache), *options,
        ]  # fmt: skip
        if recorded:
            record.unlink(missing_ok=True)
            seconds = run([sys.executable, "-c", SENDING, str(record), *args]).seconds
            sent = json.loads(record.read_text())
        else:
            seconds, sent = run([str(DOSSIER), *args]).seconds, {}
        shutil.rmtree(cache, ignore_errors=True)
        return seconds, (folder / "dossier.json").read_bytes(), sent

    rows: list[tuple[str, float, str]] = []
    local, expected, _ = build("out-local", "--workers", "2")
    rows.append(("local, 2 processes (`--workers 2`)", local, "yes"))
    print(f"  {rows[-1][0]}: {local:.1f} s", flush=True)
    seconds, got, _ = build("out-local-shards", "--workers", "2", "--shards", "2")
    rows.append(("local, 2 processes, index in 2 shards (`--shards 2`)", seconds,
                 "yes" if got == expected else "NO"))  # fmt: skip
    print(f"  {rows[-1][0]}: {seconds:.1f} s", flush=True)
    stages: dict[int, dict[str, dict[str, float]]] = {}
    sent_by: dict[int, dict[str, Any]] = {}
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
            with get_task_stream(client) as stream:
                seconds, got, sent = build(
                    f"out-dask-{workers}", "--scheduler", cluster.scheduler_address, recorded=True
                )
            stages[workers] = {
                stage: stage_figures(stream.data, names, workers) for stage, names in STAGES.items()
            }
            sent_by[workers] = sent
        plural = "s" if workers > 1 else ""
        name = f"Dask LocalCluster, {workers} worker{plural} (started in {startup:.1f} s)"
        rows.append((name, seconds, "yes" if got == expected else "NO"))
        print(f"  {name}: {seconds:.1f} s; {stages[workers]}; {sent}", flush=True)

    print()
    print(f"machine: {machine()}")
    print(f"scale: {opts.articles:,} articles ({size / 1e6:.0f} MB), {opts.claims:,} claims")
    print()
    print("| cold build (a fresh cache) | time | same JSON |")
    print("| --- | ---: | :---: |")
    for name, seconds, same in rows:
        print(f"| {name} | {seconds:.1f} s | {same} |")
    print()
    print(
        "| on the cluster | stage | tasks | compute, summed | span | workers' time not computing"
        " | sent: tasks / shared, once a worker |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    functions = {"analysis": "_prepare_files", "judging": "_judge_remotely"}
    for workers, figures in stages.items():
        for stage, f in figures.items():
            sent = sent_by[workers].get(functions[stage], {})
            bytes_ = f"{sent.get('bytes', 0) / 1e6:.2f} MB / {sent.get('shared', 0) / 1e6:.2f} MB"
            who = f"{workers} worker{'s' if workers > 1 else ''}"
            print(f"| {who} | {stage} | {f['tasks']:.0f} | {f['compute']:.1f} s |"
                  f" {f['span']:.1f} s | {f['other']:.0%} | {bytes_} |")  # fmt: skip

    one = stages[1]
    total_one = rows[2][1]
    analysis, judging = one["analysis"], one["judging"]
    outside = total_one - analysis["span"] - judging["span"]
    per_article = analysis["compute"] / opts.articles
    per_claim = judging["compute"] / opts.claims
    print()
    print(f"per worker: {opts.articles / analysis['compute']:.0f} articles analysed a second,"
          f" {opts.claims / judging['compute']:.1f} claims judged a second;"
          f" the build's machine outside the two stages: {outside:.1f} s"
          f" ({outside / opts.articles * 1e3:.2f} ms an article)")  # fmt: skip
    scale = opts.target / opts.articles
    print()
    print(
        f"| {opts.target:,} articles, {opts.claims:,} claims | analysis | judging"
        " | build's machine | total |"
    )
    print("| --- | ---: | ---: | ---: | ---: |")
    for n in (1, 10, 40, 100):
        a = per_article * opts.target / n
        j = per_claim * opts.claims / n
        b = outside * scale
        print(f"| {n} worker{'s' if n > 1 else ''} | {a / 60:.0f} min | {j / 60:.1f} min |"
              f" {b / 60:.0f} min | {(a + j + b) / 60:.0f} min |")  # fmt: skip
    if any(same != "yes" for *_, same in rows):
        sys.exit("a build wrote other bytes than the local one")


if __name__ == "__main__":
    main()
