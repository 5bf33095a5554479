"""Peak memory: a build against a one-line article, and the PDF of N claims.

Run by hand (a benchmark prints figures; it is not a test):

    .venv/bin/python bench/memory.py [--article-mib 1] [--claims 100,500,1000] [--whole]

Each job runs in a fresh process held to an address-space limit (``--limit-gb``, 4 by default:
the machine may be shared), which prints its peak resident memory (``ru_maxrss`` of its largest
process) and CPU time:

* **article**: ``dossier build --format json,html --no-cache`` with the seed's claims against one
  article of ``--article-mib`` MiB on one line, the seed corpus's body paragraphs over and over
  (every citation used to carry that whole paragraph);
* **pdf N**: the PDF of the hand-built report of ``tests/render/report_factory.py`` replicated to
  N claims (as ``bench/render.py`` makes it), through the renderer ``dossier build`` uses (in
  parts above ``render.pdf.PART_CLAIMS`` claims); with ``--whole`` also as one document, as it
  was printed before (``render_pdf`` of the whole HTML).

A job that goes past the limit shows its exit instead of figures.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "render"))


def _peak() -> dict[str, float]:
    """The job's peak memory: that of its largest process (the build analyses articles in
    worker processes), and its CPU time, workers' included."""
    own, workers = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    cpu = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime
    return {"rss_mb": max(own.ru_maxrss, workers.ru_maxrss) / 1024, "cpu_s": cpu}


def child_article(mib: float) -> dict[str, float]:
    from test_robustness_memory import one_line

    from dossier.cli import app

    work = Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    try:
        (work / "corpus").mkdir()
        text = one_line(int(mib * 2**20))()
        (work / "corpus" / "one.txt").write_text(text, encoding="utf-8")
        shutil.copy(ROOT / "claims.yaml", work / "claims.yaml")
        args = ["-q", "build", "--no-cache", "--format", "json,html"]
        args += ["--claims", str(work / "claims.yaml"), "--corpus", str(work / "corpus")]
        args += ["--out", str(work / "out")]
        try:
            app(args)
        except SystemExit as done:
            if done.code:
                raise
        built = json.loads((work / "out" / "dossier.json").read_text(encoding="utf-8"))
        cited = sum(len(claim["evidence"]) for claim in built["claims"])
        json_mb = (work / "out" / "dossier.json").stat().st_size / 2**20
        return {**_peak(), "citations": cited, "json_mb": json_mb}
    finally:
        shutil.rmtree(work)


def child_pdf(claims: int, whole: bool) -> dict[str, float]:
    from pypdf import PdfReader
    from render import scaled_report

    from dossier.render import pdf
    from dossier.render.html import render_html
    from dossier.render.interface import Rendering

    report = scaled_report(claims)
    rendering = Rendering(report)
    data = pdf.render_pdf(render_html(report)) if whole else pdf.RENDERER.render(rendering)

    pages = len(PdfReader(io.BytesIO(data)).pages)
    return {**_peak(), "pages": pages, "pdf_mb": len(data) / 2**20}


def run(job: list[str], limit_gb: float) -> dict[str, float] | str:
    limit = int(limit_gb * 1e9)

    def held() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    done = subprocess.run(
        [sys.executable, __file__, "--child", *job],
        capture_output=True,
        text=True,
        preexec_fn=held,
        check=False,
    )
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return f"exit {done.returncode}: {last[:90]}"
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--article-mib", type=float, default=1.0)
    parser.add_argument("--claims", default="100,500,1000")
    parser.add_argument("--whole", action="store_true", help="also print each PDF whole")
    parser.add_argument("--limit-gb", type=float, default=4.0)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, size, *rest = args.child
        if kind == "article":
            print(json.dumps(child_article(float(size))))
        else:
            print(json.dumps(child_pdf(int(size), whole=bool(rest))))
        return

    print(f"address-space limit {args.limit_gb:g} GB; peak RSS and CPU time of each job")
    if args.article_mib:
        got = run(["article", str(args.article_mib)], args.limit_gb)
        if isinstance(got, str):
            print(f"article {args.article_mib:g} MiB on one line: {got}")
        else:
            print(
                f"article {args.article_mib:g} MiB on one line: {got['rss_mb']:7.0f} MB"
                f" {got['cpu_s']:7.1f} s  ({got['citations']:.0f} citations,"
                f" JSON {got['json_mb']:.1f} MB)"
            )
    for claims in [int(c) for c in args.claims.split(",") if c]:
        ways = [("as built", [])] + ([("whole", ["whole"])] if args.whole else [])
        for label, extra in ways:
            got = run(["pdf", str(claims), *extra], args.limit_gb)
            head = f"pdf {claims:5d} claims, {label:8s}"
            if isinstance(got, str):
                print(f"{head}: {got}")
            else:
                print(
                    f"{head}: {got['rss_mb']:7.0f} MB {got['cpu_s']:7.1f} s"
                    f"  ({got['pages']:.0f} pages, {got['pdf_mb']:.1f} MB)"
                )


if __name__ == "__main__":
    main()
