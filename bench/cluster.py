"""Benchmark of `dossier build` on a Dask cluster against local processes; prints a table for
docs/cluster.md. Run by hand, not a test.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/cluster.py [--articles 5000] [--claims 200]

1. The corpus and claims of ``bench/build.py`` (``bench/work/corpus-<articles>/``, kept between
   runs): the seed articles, then articles recombined from ``../shared/data/news-fnc1/``.
2. Each build in a fresh process (``dossier -q build --no-cache --format json``): on local
   processes (``--workers 2``, today's default here), then on a Dask ``LocalCluster`` of 1 and
   of 2 worker processes started by this script beforehand (``--scheduler tcp://...``: the
   cluster's start-up is timed apart), and once with ``--scheduler local:2`` (start-up
   included). The JSON of every build is compared with the local one's, byte for byte.
3. From Dask's task stream of each cluster build: the analysis tasks' compute time, and the time
   the workers spent on anything else (receiving the articles' text, unpickling, waiting for
   the scheduler) as a share of their wall time over the analysis stage.
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


def stream_figures(tasks: list[dict[str, Any]], threads: int) -> tuple[int, float, float, float]:
    """Of the analysis tasks: their number, their compute seconds summed, the seconds from the
    first one's start to the last one's end, and the share of the workers' time over that span
    spent not computing (transfer, unpickling, scheduling, idle)."""
    analysis = [t for t in tasks if "_prepare_chunk" in str(t["key"])]
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

    def build(out: str, *options: str) -> tuple[float, bytes]:
        folder = WORK / out
        shutil.rmtree(folder, ignore_errors=True)
        seconds = run(
            [
                str(DOSSIER), "-q", "build", "--claims", str(claims_path), "--corpus",
                str(corpus), "--out", str(folder), "--format", "json", "--no-cache", *options,
            ]
        ).seconds  # fmt: skip
        return seconds, (folder / "dossier.json").read_bytes()

    rows: list[tuple[str, float, str, str]] = []
    local, expected = build("out-local", "--workers", "2")
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
            with get_task_stream(client) as stream:
                seconds, got = build(
                    f"out-dask-{workers}", "--scheduler", cluster.scheduler_address
                )
            tasks, compute, span, other = stream_figures(stream.data, workers)
        name = f"Dask LocalCluster, {workers} worker{'s' if workers > 1 else ''} (started before)"
        detail = (
            f"{tasks} analysis tasks: {compute:.1f} s computing over {span:.1f} s;"
            f" {other:.0%} of the workers' time not computing; cluster start {startup:.1f} s"
        )
        rows.append((name, seconds, detail, "yes" if got == expected else "NO"))
        print(f"  {name}: {seconds:.1f} s; {detail}", flush=True)
    seconds, got = build("out-dask-local-2", "--scheduler", "local:2")
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
