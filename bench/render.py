"""Render speed: each render step for 10, 100 and 1,000 claims, beside raw weasyprint.

Run by hand (a benchmark prints figures; it is not a test):

    .venv/bin/python bench/render.py [--claims 10,100,1000] [--repeat 1] [--profile 100]

The report is the hand-built one of tests/render/report_factory.py, replicated with distinct
claim ids
until it has the asked number of claims: five claims with 0-3 citations each (every verdict,
figures, speakers), and a fresh copy of its four articles for every 25 claims, so the claim
sections, the timeline and the sources grow together. Every size runs in two fresh
subprocesses, so each peak RSS is that of one job alone: ours (template context, HTML, JSON, and
the PDF through `render_pdf`, the path `dossier build` takes) and raw weasyprint,
`HTML(string=html).write_pdf()` on the very same HTML. The ratio is ours / raw for the PDF
step, and for the whole of context + HTML + PDF.

Times are CPU seconds of the process (`time.process_time`): the machine this runs on is shared,
and CPU time moves far less than wall time when other jobs compete for the cores (weasyprint is
single-threaded, so on an idle machine the two agree).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "render"))

from report_factory import make_report  # noqa: E402

from dossier.models import Report  # noqa: E402
from dossier.render.html import _environment, render_html  # noqa: E402
from dossier.render.json import render_json  # noqa: E402
from dossier.render.pdf import render_pdf  # noqa: E402
from dossier.render.view import build_view  # noqa: E402

CLAIMS_PER_ARTICLE_SET = 25


def scaled_report(claims: int) -> Report:
    """The factory report with `claims` claims: its claims repeated with distinct ids."""
    base = make_report()
    out_claims, sources = [], []
    replica = 0
    while len(out_claims) < claims:
        article_set = replica * len(base.claims) // CLAIMS_PER_ARTICLE_SET
        prefix = f"set-{article_set:03d}/"
        if replica * len(base.claims) % CLAIMS_PER_ARTICLE_SET == 0:
            sources += [s.model_copy(update={"path": prefix + s.path}) for s in base.sources]
        for claim in base.claims[: claims - len(out_claims)]:
            evidence = [
                ev.model_copy(update={"source": prefix + ev.source}) for ev in claim.evidence
            ]
            out_claims.append(
                claim.model_copy(update={"id": f"{claim.id}-{replica + 1}", "evidence": evidence})
            )
        replica += 1
    return base.model_copy(
        update={
            "claims": out_claims,
            "sources": sources,
            "documents": len(sources),
            "passages": base.passages * len(sources) // len(base.sources),
        }
    )


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def _count_page_layouts() -> list[int]:
    """Count weasyprint's page layouts (a page is laid out again when a page number it shows,
    or one of the pages before it, changed): a measure of work that no other job disturbs."""
    import weasyprint.layout.page as page_layout

    count = [0]
    remake_page = page_layout.remake_page

    def counted(*args: object, **kwargs: object) -> object:
        count[0] += 1
        return remake_page(*args, **kwargs)

    page_layout.remake_page = counted
    return count


def run_ours(claims: int, html_path: Path) -> dict[str, float]:
    """Each step of our render path, timed; writes the HTML for the raw run."""
    layouts = _count_page_layouts()  # imports weasyprint before the clock, as in run_raw
    report = scaled_report(claims)
    template = _environment().get_template("dossier.html.j2")
    t0 = time.process_time()
    view = build_view(report)
    t1 = time.process_time()
    html = template.render(view=view)
    t2 = time.process_time()
    render_json(report)
    t3 = time.process_time()
    pdf = render_pdf(html)
    t4 = time.process_time()
    assert html == render_html(report), "the timed HTML is not what dossier renders"
    html_path.write_text(html, encoding="utf-8")
    return {
        "layouts": layouts[0],
        "context": t1 - t0,
        "html": t2 - t1,
        "json": t3 - t2,
        "pdf": t4 - t3,
        "pages": _pages(pdf),
        "rss": _peak_rss_mb(),
        "html_kb": len(html.encode("utf-8")) / 1024,
    }


def run_raw(html_path: Path) -> dict[str, float]:
    """Raw weasyprint on the same HTML, with its defaults."""
    import weasyprint

    html = html_path.read_text(encoding="utf-8")
    t0 = time.process_time()
    pdf = weasyprint.HTML(string=html).write_pdf()
    t1 = time.process_time()
    return {"pdf": t1 - t0, "pages": _pages(pdf), "rss": _peak_rss_mb()}


def _child(args: list[str]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def measure(claims: int, repeat: int) -> dict[str, float]:
    """The best of `repeat` runs of each job, each in a fresh subprocess."""
    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        html_path = Path(tmp) / "dossier.html"
        for _ in range(repeat):
            ours = _child(["--child-ours", str(claims), str(html_path)])
            raw = _child(["--child-raw", str(html_path)])
            run = {**ours, "raw": raw["pdf"], "raw_rss": raw["rss"], "raw_pages": raw["pages"]}
            if not best or run["pdf"] + run["raw"] < best["pdf"] + best["raw"]:
                best = run
    return best


def profile(claims: int) -> None:
    """cProfile of our path (context, HTML, PDF), the top functions by cumulative time."""
    report = scaled_report(claims)
    profiler = cProfile.Profile()
    profiler.enable()
    render_pdf(render_html(report))
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(r"dossier|jinja2|markupsafe", 20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", default="10,100,1000", help="comma-separated sizes")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the best counts")
    parser.add_argument("--profile", type=int, metavar="CLAIMS", help="cProfile one size")
    parser.add_argument("--child-ours", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--child-raw", nargs=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_ours:
        print(json.dumps(run_ours(int(args.child_ours[0]), Path(args.child_ours[1]))))
        return
    if args.child_raw:
        print(json.dumps(run_raw(Path(args.child_raw[0]))))
        return
    if args.profile:
        profile(args.profile)
        return

    header = (
        f"{'claims':>6} {'pages':>5} {'layouts':>7} {'HTML':>8} "
        f"{'context':>8} {'html':>7} {'json':>7} "
        f"{'pdf ours':>9} {'pdf raw':>8} {'pdf ratio':>9} {'all/raw':>7} "
        f"{'RSS ours':>9} {'RSS raw':>8}"
    )
    print(header)
    print("-" * len(header))
    for claims in (int(size) for size in args.claims.split(",")):
        m = measure(claims, args.repeat)
        assert m["pages"] == m["raw_pages"], "ours and raw laid out different pages"
        whole = m["context"] + m["html"] + m["pdf"]
        print(
            f"{claims:>6} {m['pages']:>5.0f} {m['layouts']:>7.0f} {m['html_kb']:>6.0f}kB "
            f"{m['context']:>7.3f}s "
            f"{m['html']:>6.3f}s {m['json']:>6.3f}s {m['pdf']:>8.2f}s {m['raw']:>7.2f}s "
            f"{m['pdf'] / m['raw']:>8.2f}× {whole / m['raw']:>6.2f}× "
            f"{m['rss']:>7.0f}MB {m['raw_rss']:>6.0f}MB",
            flush=True,
        )


if __name__ == "__main__":
    main()
