"""Benchmark of the judge on every development set, beside a lexical BM25 baseline; prints one
table. Run by hand, not a test.

    .venv/bin/pip install -e '.[test,bench]'
    .venv/bin/python bench/judge.py [--data ../shared/data] [--sets seeds,topics,...] [--verbose]

The sets (``--data`` holds them; nothing is copied into the repository, work files go to
``bench/work/judge/``):

- ``seeds``: ``dossier eval tests/gold/seeds.yaml`` (no baseline: the gold was written beside
  the judge).
- ``distractors``: the seed gold with ``<data>/news-fnc1/`` added as distractor articles
  (``dossier eval --with``): what stories of other years on the same words take from it.
- ``topics``: the development stories of ``topics-dev/``, each built with ``dossier build`` and
  scored by the shared scorer ``<data>/../bench/score.py``; the baseline is
  ``<data>/../bench/baseline.py`` (the BM25 top sentence cited as support, every claim called
  supported). Totals over the stories, and each story with ``--verbose``.
- ``scifact`` (train) and ``checkcovid`` (train and dev): scored at sentence level as
  ``outside/README.md`` says. Each abstract is written as its title and then one sentence per
  paragraph, the claims as a claims file, one build per set; a citation counts for every sentence
  its span overlaps, with the label of its stance. Precision, recall and F1 of the (claim,
  document, sentence, label) tuples, the same with labels ignored, and verdict accuracy.
  Baseline: BM25 over every sentence of the set's corpus, the top sentence cited as SUPPORT and
  the claim called supported.
- ``fnc1`` (train stances): document level. Headlines are the claims, the train bodies the
  stances name are the corpus; a body cited with stance supports is predicted "agree", with
  conflicts "disagree". A cited body with no stance row for that headline counts as wrong.
  All 1,648 headlines by default (the build takes about a minute); ``--fnc-sample N`` draws N
  with a fixed seed. Baseline: BM25 over the bodies' sentences (as bench/baseline.py splits
  them); the top sentence's body is cited as support, and each of the three best bodies whose
  text holds a debunking word (``DEBUNK``) as conflict. The precision with the unlabelled
  pairs left out is shown too (outside/README.md allows either).
- ``stories``: more stories in the topics' format, kept outside the repository and the data
  folder (``--stories``, default ``../stories``): each is built and scored like ``topics``.
  They are news of 2014 on other subjects (their corpora are ``news-fnc1`` bodies), with claims
  and gold written blind, without the judge; see docs/judging.md.

``--json OUT`` writes the table's figures with the date and commit.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from rank_bm25 import BM25Okapi

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work" / "judge"
SETS = ("seeds", "distractors", "topics", "scifact", "checkcovid", "fnc1", "stories")
FNC_SAMPLE = 0  # all: the full build takes about a minute
SEED = 20
LABELS = {"supports": "SUPPORT", "conflicts": "CONTRADICT"}
VERDICTS = {"SUPPORT": "supported", "CONTRADICT": "contradicted", "NEI": "unverified"}
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")  # bench/baseline.py's sentences (at least 4 words)
FNC_STANCES = {"supports": ("support", "agree"), "conflicts": ("conflict", "disagree")}
DEBUNK = re.compile(r"\b(?:hoax|fake|false|debunk|not true|denied|deny|no evidence)")
WORD = re.compile(r"\w+")
T = TypeVar("T", bound=Hashable)
Json = dict[str, Any]


class BenchError(Exception):
    """A set could not be measured (a build failed); the table says so."""


@dataclass(frozen=True)
class Ratio:
    count: int
    total: int

    def __str__(self) -> str:
        if not self.total:
            return f"{self.count}/0"
        return f"{self.count}/{self.total} ({100 * self.count / self.total:.0f}%)"


Value = Ratio | float | int | str | None


@dataclass(frozen=True)
class Row:
    set: str
    measure: str
    dossier: Value
    baseline: Value = None


def show(value: Value) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


# --- running things -----------------------------------------------------------------------


def run(command: list[str | Path], cwd: Path = ROOT) -> str:
    """The command's stdout; BenchError with its last error line when it fails."""
    done = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True)
    if done.returncode:
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        what = " ".join([Path(command[0]).name, *map(str, command[1:3])])
        raise BenchError(f"{what} failed ({done.returncode}): {last[0]}")
    return done.stdout


def build(dossier: Path, claims: Path, corpus: Path, out: Path) -> tuple[Json, float]:
    """``dossier build`` (JSON only, no cache): the report and the seconds it took."""
    start = time.perf_counter()
    options: list[str | Path] = [
        "--claims",
        claims,
        "--corpus",
        corpus,
        "--out",
        out,
        "--format",
        "json",
    ]
    run([dossier, "-q", "build", *options, "--no-cache"])
    report = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    return report, time.perf_counter() - start


def write_claims(path: Path, title: str, claims: Iterable[tuple[str, str]]) -> None:
    """A claims file of (id, text) pairs; JSON strings are YAML double-quoted scalars."""
    lines = [f"title: {json.dumps(title)}", "claims:"]
    for id_, text in claims:
        lines += [f"  - id: {id_}", f"    text: {json.dumps(text, ensure_ascii=False)}"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def slug(raw: object) -> str:
    """A claim id the tool accepts (lowercase letters and digits joined by hyphens)."""
    return "c-" + re.sub(r"[^a-z0-9]+", "-", str(raw).lower()).strip("-")


def jsonl(path: Path) -> list[Json]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


# --- scoring ------------------------------------------------------------------------------


def precision_recall(
    name: str, what: str, gold: set[T], dossier: set[T], baseline: set[T], f1: bool = True
) -> list[Row]:
    """Precision, recall (and F1) of the dossier's and the baseline's predictions."""

    def scores(predicted: set[T]) -> tuple[Ratio, Ratio, float]:
        hit = len(predicted & gold)
        total = len(predicted) + len(gold)
        return Ratio(hit, len(predicted)), Ratio(hit, len(gold)), 2 * hit / total if total else 0.0

    d, b = scores(dossier), scores(baseline)
    measures = ["precision", "recall", "F1"][: 3 if f1 else 2]
    return [Row(name, f"{what} {m}", d[i], b[i]) for i, m in enumerate(measures)]


class BM25(BM25Okapi):  # type: ignore[misc]  # rank_bm25 has no types
    """rank_bm25's BM25Okapi, its scores summed over each query word's postings: the same
    figures as ``BM25Okapi.get_scores``, which reads every unit's counts for each query word
    (four minutes for SciFact's 809 claims over 46,000 sentences)."""

    def __init__(self, units: list[list[str]]) -> None:
        super().__init__(units)
        postings: dict[str, tuple[list[int], list[int]]] = {}
        for i, counts in enumerate(self.doc_freqs):
            for word, count in counts.items():
                ids, freqs = postings.setdefault(word, ([], []))
                ids.append(i)
                freqs.append(count)
        self.postings = {w: (np.array(i), np.array(f)) for w, (i, f) in postings.items()}
        self.norm = self.k1 * (1 - self.b + self.b * np.array(self.doc_len) / self.avgdl)

    def get_scores(self, query: list[str]) -> np.ndarray:
        score = np.zeros(self.corpus_size)
        for word in query:
            if word in self.postings:
                ids, freqs = self.postings[word]
                score[ids] += self.idf[word] * (freqs * (self.k1 + 1) / (freqs + self.norm[ids]))
        return score


def bm25_ranked(units: list[str], queries: Iterable[str], depth: int) -> Iterator[list[int]]:
    """For each query, the indices of its ``depth`` best units by BM25 over lower-cased words,
    best first, ties in corpus order."""
    bm25 = BM25([WORD.findall(u.lower()) for u in units])
    for query in queries:
        scores = bm25.get_scores(WORD.findall(query.lower()))
        yield [int(i) for i in np.argsort(-scores, kind="stable")[:depth]]


# --- the sets -----------------------------------------------------------------------------


def seeds(args: argparse.Namespace) -> list[Row]:
    """The seed gold, through ``dossier eval``."""
    return seed_eval(args, "seeds")[0]


def seed_eval(args: argparse.Namespace, name: str, *extra: str | Path) -> tuple[list[Row], Json]:
    """``dossier eval`` of the seed gold (with ``extra`` options): its rows, and the report."""
    command = [args.dossier, "eval", "tests/gold/seeds.yaml", *extra, "--format", "json"]
    report = json.loads(run(command))
    figures = {f["name"]: Ratio(f["count"], f["total"]) for f in report["figures"]}
    measures = ("verdicts", "support recall", "conflict recall", "misattributed")
    return [Row(name, m, figures[m]) for m in measures], report


def distractors(args: argparse.Namespace) -> list[Row]:
    """The seed gold with the news-fnc1 bodies added to the corpus as distractors (2,587
    articles of 2014-2015, about 390 on Syria and ISIS), through ``dossier eval --with``:
    what unrelated stories on the same words take from the seeds' verdicts."""
    name = "seeds + news-fnc1"
    rows, report = seed_eval(args, name, "--with", args.data / "news-fnc1")
    extra = Ratio(report["distractor_citations"], report["citations"])
    return [*rows, Row(name, "citations of distractor articles", extra)]


def topics(args: argparse.Namespace) -> list[Row]:
    """The development stories, scored by the shared scorer, beside the shared baseline."""
    return story_rows(args, args.data / "topics-dev", "topics")


def more_stories(args: argparse.Namespace) -> list[Row]:
    """Stories of the same format kept outside the data folder (``--stories``), made to check
    that the judge holds on stories it was not developed on (docs/judging.md)."""
    if not args.stories.is_dir():
        raise BenchError(f"no stories in {args.stories} (--stories)")
    return story_rows(args, args.stories, "stories")


def story_rows(args: argparse.Namespace, folder: Path, label: str) -> list[Row]:
    """Each story of ``folder`` built and scored; totals, and each story with ``--verbose``."""
    scorer = args.data.parent / "bench"
    stories = sorted(p.parent for p in folder.glob("*/gold.yaml"))
    totals: dict[str, Counter[str]] = {"dossier": Counter(), "baseline": Counter()}
    rows: list[Row] = []
    seconds = 0.0
    for story in stories:
        out = fresh(WORK / label / story.name)
        _, took = build(args.dossier, story / "claims.yaml", story / "corpus", out / "dossier")
        seconds += took
        run([sys.executable, scorer / "baseline.py", story, out / "baseline.json"])
        summary: dict[str, Counter[str]] = {}
        for who, report in (("dossier", out / "dossier" / "dossier.json"),
                            ("baseline", out / "baseline.json")):  # fmt: skip
            run([sys.executable, scorer / "score.py", story / "gold.yaml", report, story / "corpus",
                 "--summary", out / f"{who}-score.json"])  # fmt: skip
            summary[who] = Counter(json.loads((out / f"{who}-score.json").read_text()))
            totals[who] += summary[who]
        if args.verbose:
            rows += topic_rows(f"{label}/{story.name}", summary["dossier"], summary["baseline"])
    name = f"{label} ({len(stories)} stories)"
    return [
        *topic_rows(name, totals["dossier"], totals["baseline"]),
        Row(name, "build (s)", round(seconds)),
        *rows,
    ]


def topic_rows(name: str, d: Counter[str], b: Counter[str]) -> list[Row]:
    """score.py's summary as rows: the count and total keys of each measure."""
    measures = {
        "verdicts": ("verdict", "n"),
        "support recall": ("s_got", "s_need"),
        "conflict recall": ("c_got", "c_need"),
        "citation precision": ("cited_right", "cited"),
    }
    rows = [Row(name, m, Ratio(d[k], d[n]), Ratio(b[k], b[n])) for m, (k, n) in measures.items()]
    return [*rows, Row(name, "misattributed", d["misattributed"], b["misattributed"])]


Spans = dict[str, list[tuple[int, int]]]  # corpus file -> character span of each sentence


def write_abstracts(documents: list[Json], folder: Path) -> Spans:
    """Each document as ``<doc_id>.txt``: its title, then one sentence per paragraph."""
    spans: Spans = {}
    for doc in documents:
        text = " ".join(doc["title"].split())
        sentences = []
        for sentence in (" ".join(s.split()) for s in doc["sentences"]):
            text += "\n\n"
            sentences.append((len(text), len(text) + len(sentence)))
            text += sentence
        name = f"{doc['doc_id']}.txt"
        (folder / name).write_text(text + "\n", encoding="utf-8")
        spans[name] = sentences
    return spans


Labelled = tuple[str, str, int, str]  # claim id, corpus file, sentence index, label


def cited_sentences(report: Json, spans: Spans) -> tuple[set[Labelled], Counter[str]]:
    """Each citation's sentences (those its span overlaps), labelled by its stance; and how many
    citations overlap no sentence (the title) or more than one."""
    cited: set[Labelled] = set()
    odd: Counter[str] = Counter()
    for claim in report["claims"]:
        for e in claim["evidence"]:
            sentences = enumerate(spans[e["source"]])
            hit = [i for i, (a, b) in sentences if a < e["end"] and e["start"] < b]
            odd["none" if not hit else "several" if len(hit) > 1 else "one"] += 1
            cited |= {(claim["id"], e["source"], i, LABELS[e["stance"]]) for i in hit}
    return cited, odd


def sentence_set(args: argparse.Namespace, name: str, corpus: str, claims_file: str) -> list[Row]:
    """One sentence-level set (SciFact, Check-COVID), scored as outside/README.md says."""
    outside = args.data / "outside"
    documents = jsonl(outside / corpus)
    claims = {slug(c["id"]): c for c in jsonl(outside / claims_file)}
    work = fresh(WORK / name)
    spans = write_abstracts(documents, fresh(work / "corpus"))
    write_claims(work / "claims.yaml", name, ((i, c["claim"]) for i, c in claims.items()))
    report, seconds = build(args.dossier, work / "claims.yaml", work / "corpus", work / "out")
    cited, odd = cited_sentences(report, spans)
    verdicts = {c["id"]: c["verdict"] for c in report["claims"]}

    gold: set[Labelled] = {
        (i, f"{e['doc_id']}.txt", s, e["label"])
        for i, c in claims.items() for e in c["evidence"] for s in e["sentences"]
    }  # fmt: skip
    units = [(f, s) for f, sentences in spans.items() for s in range(len(sentences))]
    texts = {f"{d['doc_id']}.txt": d["sentences"] for d in documents}
    ranked = bm25_ranked([texts[f][s] for f, s in units], (c["claim"] for c in claims.values()), 1)
    baseline: set[Labelled] = {
        (i, *units[top[0]], "SUPPORT") for i, top in zip(claims, ranked, strict=True)
    }

    def unlabelled(tuples: set[Labelled]) -> set[tuple[str, str, int]]:
        return {t[:3] for t in tuples}

    right = sum(verdicts.get(i) == VERDICTS[c["label"]] for i, c in claims.items())
    supported = sum(c["label"] == "SUPPORT" for c in claims.values())
    return [
        *precision_recall(name, "sentence+label", gold, cited, baseline),
        *precision_recall(
            name, "sentence", unlabelled(gold), unlabelled(cited), unlabelled(baseline)
        ),
        Row(name, "verdicts", Ratio(right, len(claims)), Ratio(supported, len(claims))),
        Row(name, "passages built / sentences", Ratio(report["passages"], len(units))),
        Row(name, "citations on one sentence", Ratio(odd["one"], sum(odd.values()))),
        Row(name, "build (s)", round(seconds)),
    ]


def scifact(args: argparse.Namespace) -> list[Row]:
    return sentence_set(args, "scifact-train", "scifact_corpus.jsonl", "scifact_train_claims.jsonl")


def checkcovid(args: argparse.Namespace) -> list[Row]:
    corpus = "checkcovid_corpus.jsonl"
    train = sentence_set(args, "checkcovid-train", corpus, "checkcovid_train_claims.jsonl")
    return train + sentence_set(args, "checkcovid-dev", corpus, "checkcovid_dev_claims.jsonl")


Pair = tuple[str, str]  # headline, body file


def fnc1(args: argparse.Namespace) -> list[Row]:
    """FNC-1 train stances at document level: agree = support, disagree = conflict."""
    stances = jsonl(args.data / "outside" / "fnc1_train_stances.jsonl")
    bodies = sorted({r["body_file"] for r in stances})
    every = headlines = sorted({r["headline"] for r in stances})
    name = f"fnc1-train ({len(every)} headlines)"
    if 0 < args.fnc_sample < len(every):
        headlines = sorted(random.Random(SEED).sample(every, args.fnc_sample))
        name = f"fnc1-train ({len(headlines)} of {len(every)} headlines)"
    ids = {f"h-{n}": h for n, h in enumerate(headlines)}
    chosen = set(headlines)
    stance: dict[Pair, str] = {(r["headline"], r["body_file"]): r["stance"] for r in stances}
    work = fresh(WORK / "fnc1")
    corpus = fresh(work / "corpus")
    for body in bodies:
        shutil.copyfile(args.data / "news-fnc1" / body, corpus / body)
    write_claims(work / "claims.yaml", "fnc1", ids.items())
    report, seconds = build(args.dossier, work / "claims.yaml", corpus, work / "out")
    predicted: dict[str, set[Pair]] = {"supports": set(), "conflicts": set()}
    for claim in report["claims"]:
        for e in claim["evidence"]:
            predicted[e["stance"]].add((ids[claim["id"]], e["source"]))

    texts = {b: (corpus / b).read_text(encoding="utf-8") for b in bodies}
    units = [(b, m.group()) for b in bodies for m in SENTENCE.finditer(texts[b])]
    units = [(b, s) for b, s in units if len(s.split()) >= 4]
    baseline: dict[str, set[Pair]] = {"supports": set(), "conflicts": set()}
    ranked = bm25_ranked([s for _, s in units], headlines, 50)
    for headline, top in zip(headlines, ranked, strict=True):
        baseline["supports"].add((headline, units[top[0]][0]))
        near = list(dict.fromkeys(units[i][0] for i in top))[:3]
        baseline["conflicts"] |= {(headline, b) for b in near if DEBUNK.search(texts[b].lower())}

    rows: list[Row] = []
    for cited, (what, label) in FNC_STANCES.items():
        gold = {p for p, s in stance.items() if s == label and p[0] in chosen}
        d, b = predicted[cited], baseline[cited]
        rows += precision_recall(name, what, gold, d, b, f1=False)
        unlabelled = f"{what}: cited pairs with no stance row (counted wrong)"
        rows.append(Row(name, unlabelled, len(d - stance.keys()), len(b - stance.keys())))
        # outside/README.md allows either: the unlabelled pairs left out instead
        labelled = f"{what} precision, unlabelled pairs left out"
        rows.append(
            Row(
                name,
                labelled,
                Ratio(len(d & gold), len(d & stance.keys())),
                Ratio(len(b & gold), len(b & stance.keys())),
            )
        )
    return [*rows, Row(name, "build (s)", round(seconds))]


# --- the table ----------------------------------------------------------------------------

RUNNERS: dict[str, Callable[[argparse.Namespace], list[Row]]] = {
    "seeds": seeds, "distractors": distractors, "topics": topics, "scifact": scifact,
    "checkcovid": checkcovid, "fnc1": fnc1, "stories": more_stories,
}  # fmt: skip


def table(rows: list[Row]) -> str:
    cells = [["set", "measure", "dossier", "BM25 baseline"]]
    cells += [[r.set, r.measure, show(r.dossier), show(r.baseline)] for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(4)]
    cells.insert(1, ["-" * w for w in widths])
    return "\n".join("| " + " | ".join(map(str.ljust, row, widths)) + " |" for row in cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated: " + ",".join(SETS))
    parser.add_argument("--dossier", type=Path, default=ROOT / ".venv" / "bin" / "dossier")
    parser.add_argument(
        "--stories", type=Path, default=ROOT.parent / "stories", help="more story folders"
    )
    parser.add_argument("--fnc-sample", type=int, default=FNC_SAMPLE, help="headlines; 0 = all")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--verbose", action="store_true", help="a row group per story")
    args = parser.parse_args()
    args.data, args.dossier = args.data.resolve(), args.dossier.resolve()
    args.stories = args.stories.resolve()
    chosen = [s.strip() for s in args.sets.split(",") if s.strip()]
    if unknown := sorted(set(chosen) - set(SETS)):
        parser.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")
    if not args.dossier.is_file():
        parser.error(f"no dossier command at {args.dossier} (--dossier)")
    if not (args.data / "outside").is_dir():
        parser.error(f"no data sets in {args.data} (--data)")

    commit = run(["git", "rev-parse", "--short", "HEAD"]).strip()
    date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    rows: list[Row] = []
    for name in chosen:
        print(f"{name}...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        try:
            rows += RUNNERS[name](args)
        except BenchError as error:
            rows.append(Row(name, "FAILED", str(error)))
        rows.append(Row(name, "run time (s)", round(time.perf_counter() - start)))
    print(f"dossier judge bench, {date}, commit {commit}\n")
    print(table(rows))
    if args.json:
        figures = {"date": date, "commit": commit, "rows": [asdict(r) for r in rows]}
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=1) + "\n")


if __name__ == "__main__":
    main()
