"""How sensitive the judgment is to its thresholds: the gold eval at values around each one.

Run by hand (not a test):

    .venv/bin/python bench/thresholds.py [--with ../shared/data/news-fnc1]

Each row moves one threshold and keeps the others at their defaults. A threshold sitting on a
plateau (the figures do not move for nearby values) was not tuned to one passage.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from dossier.judge import match
from dossier.lexicon import thresholds
from dossier.tools.evaluate import evaluate, load_gold

ROOT = Path(__file__).resolve().parents[1]
SWEEPS: list[tuple[ModuleType, str, tuple[float, ...]]] = [
    (thresholds, "MIN_WORD_COVERAGE", (0.4, 0.45, 0.5, 0.55, 0.6)),
    (thresholds, "MIN_COVERAGE_STATEMENT", (0.6, 0.7, 0.8)),
    (thresholds, "MIN_COVERAGE_FIGURE", (0.4, 0.5, 0.6)),
    (match, "CONTEXT_SENTENCES", (1, 2, 3)),
    (match, "CANDIDATES", (32, 64, 128)),
]
SHOWN = ("verdicts", "support recall", "conflict recall", "misattributed")


@contextmanager
def setting(module: ModuleType, name: str, value: float) -> Iterator[None]:
    old = getattr(module, name)
    setattr(module, name, type(old)(value))
    try:
        yield
    finally:
        setattr(module, name, old)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--with", dest="extra", type=Path, action="append", default=[])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests/gold/seeds.yaml")
    args = parser.parse_args()
    corpus = ROOT / "corpus"
    gold = load_gold(args.gold, corpus)
    print(f"{'threshold':<28}" + "".join(f"{s:>20}" for s in SHOWN))
    for module, name, values in SWEEPS:
        default = getattr(module, name)
        for value in values:
            with setting(module, name, value):
                report = evaluate(gold, corpus, args.extra or None)
            figures = {f.name: f for f in report.figures}
            mark = " *" if value == default else ""
            cells = "".join(f"{figures[s].count:>13}/{figures[s].total:<6}" for s in SHOWN)
            print(f"{name + '=' + str(value) + mark:<28}{cells}")


if __name__ == "__main__":
    main()
