"""Recall on a corpus of another topic, without a hand-made gold set. Run by hand, not a test.

    .venv/bin/python bench/selfcheck.py [--corpus ../shared/data/news-fnc1] [--claims 300]

Takes sentences of the corpus at random (seeded), keeps their first clause as a claim, and in
one claim of three with a figure changes the figure (doubled plus one). Then judges every claim
against the whole corpus, with no alias table (a newsroom's first run on a new archive), and
prints how often the sentence a claim was taken from is cited as support (unchanged claims) and
as conflict (changed figures), and how many claims got a wrong-way citation of their own
sentence. A clause taken word for word should always be found; a changed figure should be
caught. What this cannot measure: paraphrase, and whether other citations are right.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier.analysis.text import Analyzer  # noqa: E402
from dossier.corpus.read import load_corpus  # noqa: E402
from dossier.judge.match import Matcher  # noqa: E402
from dossier.models import Claim, Stance  # noqa: E402

_FIGURE = re.compile(r"\b\d[\d,]*\b")
_CLAUSE = re.compile(r",\s(?:said|according|the\s)|;\s")


@dataclass
class Probe:
    claim: Claim
    source: str
    sentence: str
    changed: bool


def probes(corpus_dir: Path, count: int) -> tuple[list[Probe], object]:
    corpus = load_corpus(corpus_dir)
    rng = random.Random(20171001)
    passages = [p for p in corpus.passages if 40 < len(p.text) < 300]
    out: list[Probe] = []
    seen: set[str] = set()
    while len(out) < count and len(seen) < len(passages):
        p = passages[rng.randrange(len(passages))]
        if p.text in seen:
            continue
        seen.add(p.text)
        clause = _CLAUSE.split(p.text)[0].rstrip(".").strip()
        if len(clause.split()) < 6 or clause[:1] in "\"“'‘":
            continue  # a quotation's fragment or a headline stub is no claim
        changed = len(out) % 3 == 0 and _FIGURE.search(clause) is not None
        if changed:
            clause = _FIGURE.sub(
                lambda m: str(int(m.group().replace(",", "")) * 2 + 1), clause, count=1
            )
        claim = Claim(id=f"probe-{len(out):04d}", text=clause + ".")
        out.append(Probe(claim, p.source, p.text, changed))
    return out, corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/data/news-fnc1")
    parser.add_argument("--claims", type=int, default=300)
    args = parser.parse_args()
    started = time.perf_counter()
    found, corpus = probes(args.corpus, args.claims)
    matcher = Matcher(corpus, Analyzer({}))  # type: ignore[arg-type]
    kept = hit = changed = caught = wrong = 0
    for probe in found:
        evidence = matcher.evidence(probe.claim)
        own = [e for e in evidence if e.source == probe.source and e.quote in probe.sentence]
        stances = {e.stance for e in own}
        if probe.changed:
            changed += 1
            caught += Stance.CONFLICTS in stances
            wrong += Stance.SUPPORTS in stances
        else:
            kept += 1
            hit += Stance.SUPPORTS in stances
            wrong += Stance.CONFLICTS in stances
    took = time.perf_counter() - started
    print(
        f"corpus {args.corpus}: {len(corpus.documents)} articles, {len(corpus.passages)} passages"
    )
    print(f"{len(found)} claims taken from its sentences, judged in {took:.0f} s")
    print(f"clause kept        own sentence cited as support   {hit}/{kept} ({hit / kept:.1%})")
    print(f"figure changed     own sentence cited as conflict  {caught}/{changed}", end="")
    print(f" ({caught / changed:.1%})" if changed else "")
    print(f"own sentence cited the wrong way                   {wrong}")


if __name__ == "__main__":
    main()
