"""Benchmark of `dossier build` at newsroom scale; prints a table. Run by hand, not a test.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/build.py [--articles 50000] [--claims 1000] [--bm25-passages 20000]

1. Builds a large corpus deterministically in ``bench/work/corpus-<articles>/`` (kept between runs,
   never committed): the seed articles of ``corpus/``, then articles recombined from the
   paragraphs of ``../shared/data/news-fnc1/`` (``--source``) with a seeded random generator,
   until there are ``--articles`` of them. And ``--claims`` claims: the project's own, then
   sentences of the corpus reworded (their first clause; one in three with its figure changed).
2. Runs the real command line, each time in a fresh process (``dossier -q build --format json``),
   and measures wall time and peak memory (the proportional set sizes of the process and its
   workers, summed, sampled every 50 ms): a cold build (empty cache), a warm rebuild with
   nothing changed, a rebuild after adding one claim and one after editing one article.
3. On the same passages and claims, two references: the floor (raw tantivy: index the passages'
   text with its default tokenizer, on 2 threads, and run one query per claim, top 64; nothing
   judged) and what a newcomer would write (rank_bm25's BM25Okapi over the passages split into
   lower-case words, one ``get_top_n`` per claim), on ``--bm25-passages`` passages and 50
   claims, scaled linearly to the whole corpus and every claim.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"
SEEDS = ROOT / "corpus"
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "news-fnc1"
DOSSIER = Path(sys.executable).parent / "dossier"
TOP = 64
BM25_QUERIES = 50


# --- the corpus and the claims ------------------------------------------------------------


def paragraphs_of(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.strip()) > 40]


def make_corpus(source: Path, articles: int) -> Path:
    """``articles`` article files: the seeds, then recombined news-fnc1 paragraphs. Cached."""
    folder = WORK / f"corpus-{articles}"
    marker = folder / ".complete"
    if marker.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for path in sorted(SEEDS.iterdir()):
        if path.is_file():
            shutil.copy(path, folder / path.name)
    pool: list[list[str]] = []
    for path in sorted(source.glob("*.txt")):
        paras = paragraphs_of(path.read_text(encoding="utf-8", errors="replace"))
        if paras:
            pool.append(paras)
    seeds = len(list(folder.glob("*.txt")))
    rng = random.Random(20170922)
    for n in range(articles - seeds):
        base = pool[rng.randrange(len(pool))]
        other = pool[rng.randrange(len(pool))]
        third = pool[rng.randrange(len(pool))]
        keep = base + other[: rng.randint(0, 6)] + third[: rng.randint(0, 6)]
        title = keep[0].split(". ")[0][:120].rstrip(".")
        body = "\n\n".join(keep[1:] if len(keep) > 1 else keep)
        text = f"{title}\n\nArchive item {n}.\n\n{body}\n"
        (folder / f"bench-{n:06d}.txt").write_text(text, encoding="utf-8")
    marker.write_text("", encoding="utf-8")
    return folder


_FIGURE = re.compile(r"\b\d[\d,]*\b")


def make_claims(corpus: Path, count: int) -> str:
    """The project's claims file with its claims, then reworded corpus sentences, ``count`` in
    all, as YAML text."""
    from dossier.claims.load import load_claims

    own = load_claims(ROOT / "claims.yaml").file
    texts = [c.text for c in own.claims]
    rng = random.Random(1000)
    files = sorted(corpus.glob("bench-*.txt"))
    while len(texts) < count:
        text = files[rng.randrange(len(files))].read_text(encoding="utf-8")
        sentences = [
            s.strip()
            for p in paragraphs_of(text)[1:]
            for s in re.split(r"(?<=[.!?])\s+", p)
            if 40 < len(s.strip()) < 300
        ]
        if not sentences:
            continue
        sentence = sentences[rng.randrange(len(sentences))]
        clause = re.split(r",\s(?:said|according|the\s)|;\s", sentence)[0].rstrip(".")
        if len(texts) % 3 == 0 and _FIGURE.search(clause):
            clause = _FIGURE.sub(lambda m: str(int(m.group().replace(",", "")) * 2 + 1), clause, 1)
        texts.append(clause.replace('"', "'").strip() + ".")
    lines = [f"title: {quote(own.title)}\nas_of: {own.as_of}\naliases:\n"]
    for name, variants in own.aliases.items():
        lines.append(f"  {quote(name)}: [{', '.join(quote(v) for v in variants)}]\n")
    lines.append("claims:\n")
    for i, text in enumerate(texts[:count]):
        lines.append(f"  - id: claim-{i:05d}\n    text: {quote(text)}\n")
    return "".join(lines)


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- measuring ----------------------------------------------------------------------------


def tree_memory(pid: int) -> int:
    """Memory (bytes) of a process and its children: the sum of their proportional set sizes,
    so pages the forked workers share with the build process are counted once."""
    total = 0
    pids = [pid]
    while pids:
        p = pids.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
            with open(f"/proc/{p}/task/{p}/children") as f:
                pids.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total


@dataclass
class Run:
    seconds: float
    peak_rss: int


def run(args: list[str]) -> Run:
    """Run a command in a fresh process; wall time and the peak of its processes' memory."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_memory(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, stderr = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{stderr.decode()}")
    return Run(seconds, peak)


def floor_and_newcomer(
    corpus: Path, claims_path: Path, cache: Path, bm25_passages: int
) -> tuple[float, float, int, str]:
    """(floor seconds, newcomer seconds scaled, passages, how the newcomer was measured)."""
    import tantivy
    from rank_bm25 import BM25Okapi

    from dossier.claims.load import load_claims
    from dossier.corpus.read import load_corpus
    from dossier.incremental.cache import Cache
    from dossier.incremental.prepare import CachedPreparer

    claims = load_claims(claims_path)
    texts = [c.text for c in claims.claims]
    store = Cache(cache)  # the passages as the build segmented them (read from its cache)
    preparer = CachedPreparer(claims.file.aliases, store)
    passages = [p.text for p in load_corpus(corpus, segment=preparer.segment).passages]
    store.close()

    # The floor: tantivy over the passage text, 2 threads, one query per claim.
    with tempfile.TemporaryDirectory(dir=WORK) as folder:
        start = time.perf_counter()
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("body", stored=False, index_option="freq")
        builder.add_integer_field("pid", stored=True, indexed=False, fast=True)
        schema = builder.build()
        index = tantivy.Index(schema, path=folder)
        writer = index.writer(heap_size=128_000_000, num_threads=2)
        for pid, text in enumerate(passages):
            writer.add_document(tantivy.Document(body=text, pid=[pid]))
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        searcher = index.searcher()
        for text in texts:
            query = index.parse_query_lenient(text, ["body"])[0]
            for _score, addr in searcher.search(query, TOP).hits:
                searcher.doc(addr)
        floor = time.perf_counter() - start

    # The newcomer: rank_bm25 on a subset, scaled per query to the whole corpus.
    subset = passages[: min(bm25_passages, len(passages))]
    queries = texts[:BM25_QUERIES]
    start = time.perf_counter()
    bm25 = BM25Okapi([p.lower().split() for p in subset])
    built = time.perf_counter() - start
    start = time.perf_counter()
    for text in queries:
        bm25.get_top_n(text.lower().split(), subset, n=TOP)
    per_query = (time.perf_counter() - start) / len(queries)
    scale = len(passages) / len(subset)
    newcomer = built * scale + per_query * scale * len(texts)
    how = (
        f"rank_bm25 measured on {len(subset):,} passages and {len(queries)} claims, "
        f"scaled x{scale:.1f} per query to {len(passages):,} passages and {len(texts):,} claims"
    )
    return floor, newcomer, len(passages), how


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().split()[1]
        ram = f"{int(mem) / 1024 / 1024:.0f} GB RAM"
    except OSError:
        ram = "unknown RAM"
    return f"{os.cpu_count()} CPUs ({cpu}), {ram}, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--bm25-passages", type=int, default=20_000)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    opts = parser.parse_args()

    WORK.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    corpus = make_corpus(opts.source, opts.articles)
    size = sum(p.stat().st_size for p in corpus.glob("*.txt"))
    claims_path = WORK / f"claims-{opts.articles}-{opts.claims}.yaml"
    claims_text = make_claims(corpus, opts.claims)
    claims_path.write_text(claims_text, encoding="utf-8")
    print(f"corpus {corpus}: {opts.articles:,} articles, {size / 1e6:.0f} MB;", end=" ")
    print(f"{opts.claims:,} claims (made in {time.perf_counter() - t:.0f} s)", flush=True)

    cache = WORK / "cache"
    out = WORK / "out"
    shutil.rmtree(cache, ignore_errors=True)
    build = [
        str(DOSSIER), "-q", "build", "--claims", str(claims_path), "--corpus", str(corpus),
        "--out", str(out), "--format", "json", "--cache-dir", str(cache),
    ]  # fmt: skip
    rows: list[tuple[str, Run]] = []
    rows.append(("cold build (empty cache)", run(build)))
    print(f"  {rows[-1][0]}: {rows[-1][1].seconds:.1f} s", flush=True)
    rows.append(("warm, nothing changed", run(build)))
    claims_path.write_text(
        claims_text + '  - id: one-more\n    text: "The SDF controls 90% of Raqqa."\n',
        encoding="utf-8",
    )
    rows.append(("one claim added", run(build)))
    edited = sorted(corpus.glob("bench-*.txt"))[7]
    original = edited.read_bytes()
    try:
        edited.write_bytes(original + b"\nThe SDF said it controls 90% of Raqqa.\n")
        rows.append(("one article edited", run(build)))
    finally:
        edited.write_bytes(original)

    floor, newcomer, passages, how = floor_and_newcomer(
        corpus, claims_path, cache, opts.bm25_passages
    )
    cold = rows[0][1].seconds
    print()
    print(f"machine: {machine()}")
    print(f"scale: {opts.articles:,} articles ({size / 1e6:.0f} MB), {passages:,} passages,")
    print(f"       {opts.claims:,} claims (+1)")
    print()
    print("| step | time | peak memory (PSS) |")
    print("| --- | ---: | ---: |")
    for name, r in rows:
        print(f"| {name} | {r.seconds:.2f} s | {r.peak_rss / 2**20:.0f} MB |")
    print(f"| floor: raw tantivy, index + {opts.claims:,} queries | {floor:.2f} s | |")
    print(f"| newcomer: rank_bm25 (scaled) | {newcomer:.0f} s | |")
    print()
    print(f"cold build / floor: {cold / floor:.2f}x")
    print(f"newcomer / cold build: {newcomer / cold:.0f}x (per claim: {newcomer / opts.claims:.3f}")
    print(f"  s vs {cold / opts.claims:.4f} s); {how}")


if __name__ == "__main__":
    main()
