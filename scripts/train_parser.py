"""Train the tagger and dependency parser dossier ships (dossier/analysis/parser/model/).

usage: python scripts/train_parser.py [--ewt ../shared/data/ud-english-ewt] [--steps N]

A spaCy pipeline (tok2vec, tagger, parser), trained on the Universal Dependencies English Web
Treebank (UD_English-EWT, CC BY-SA 4.0): the tagger learns the treebank's Penn Treebank tags
(``Token.tag_``: CD, NNS, VBD, ...), the parser its UD relations (nsubj, obj, nummod, advmod,
neg is ``advmod`` of "not"). It reads the judged sentences only (``dossier.analysis.parse``):
which word a figure counts, which verb that word belongs to, who is its subject.

Steps: convert the CoNLL-U train and dev files to spaCy's binary corpus (``spacy convert``),
train with ``scripts/parser.cfg`` (spaCy's CPU "efficiency" recipe, smaller: a 96-wide CNN
without word vectors, so the package stays a few megabytes and nothing is downloaded), then copy
the best model (by the dev set's tag accuracy and attachment scores) into the package, with its
scores, and the treebank's licence and attribution beside it.

Training is deterministic for a seed and a machine; it takes about 45 minutes on two cores.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "scripts" / "parser.cfg"
TARGET = ROOT / "dossier" / "analysis" / "parser" / "model"
ATTRIBUTION = """\
The dependency parser and tagger in this folder were trained by scripts/train_parser.py on the
Universal Dependencies English Web Treebank (UD_English-EWT), which is licensed under the
Creative Commons Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0):
https://creativecommons.org/licenses/by-sa/4.0/

UD_English-EWT: Natalia Silveira, Timothy Dozat, Marie-Catherine de Marneffe, Samuel Bowman,
Miriam Connor, John Bauer and Christopher D. Manning (2014). A Gold Standard Dependency Corpus
for English. LREC 2014. Universal Dependencies: https://universaldependencies.org/

These model files are a work derived from the treebank and are shared under the same licence,
CC BY-SA 4.0. Scores on the treebank's dev set are in meta.json ("performance").
"""


def run(*args: str) -> None:
    print("+", " ".join(args), file=sys.stderr, flush=True)
    subprocess.run(args, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ewt", type=Path, default=ROOT.parent / "shared/data/ud-english-ewt")
    parser.add_argument("--steps", type=int, default=None, help="training steps (config's)")
    parser.add_argument("--work", type=Path, default=None, help="keep the work folder here")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="dossier-parser-"))
    work.mkdir(parents=True, exist_ok=True)
    python = sys.executable
    for split in ("train", "dev"):
        source = args.ewt / f"en_ewt-ud-{split}.conllu"
        run(python, "-m", "spacy", "convert", str(source), str(work), "-c", "conllu", "-n", "10")
    overrides = [
        f"--paths.train={work / 'en_ewt-ud-train.spacy'}",
        f"--paths.dev={work / 'en_ewt-ud-dev.spacy'}",
    ]
    if args.steps:
        overrides.append(f"--training.max_steps={args.steps}")
    run(python, "-m", "spacy", "train", str(CONFIG), "--output", str(work / "out"), *overrides)
    best = work / "out" / "model-best"
    if TARGET.exists():
        shutil.rmtree(TARGET)
    shutil.copytree(best, TARGET)
    (TARGET / "LICENSE").write_text(ATTRIBUTION, encoding="utf-8")
    meta = json.loads((TARGET / "meta.json").read_text(encoding="utf-8"))
    scores = {k: round(v, 4) for k, v in meta.get("performance", {}).items() if "per_type" not in k}
    print(json.dumps(scores, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
