"""Measure the judgment against gold files: ``dossier eval GOLD [GOLD ...]``.

Two formats of gold file are read; which one a file is, is recognised from its claims.

**A seed gold file** (``tests/gold/seeds.yaml``, judged on the ``--corpus`` folder) lists, for
each claim, the verdict it should get and every passage of the corpus that should be cited for
it, on each side::

    aliases:
      Islamic State: [IS, ISIS, ISIL, Daesh]
    claims:
      - id: sdf-controls-80-percent-raqqa
        text: The SDF controls 80% of Raqqa.
        verdict: disputed
        covers: [quantity-percent, name-variant]
        support:
          - source: 000_3f27ff8ca29bbeac.txt
            quote: "We control 80 per cent of Raqa"
        conflict:
          - source: 001_bc0f7c810eb851fd.txt
            quote: forces have already seized around 65 percent of the city
        note: Why these passages and no others.

A gold quote is a verbatim piece of the sentence the tool must cite, in a file of the corpus
folder (paths relative to it). A tool citation **matches** a gold entry when it is in the same
source and its span ``[start, end)`` holds at least half of the gold quote (a whole sentence
holds all of it; a cited clause may hold part of it).

The figures, each against its target:

* **verdicts**: claims whose verdict is the gold verdict, of all claims (target ≥ 95%);
* **support recall**: gold support entries matched by a ``supports`` citation (target 100%);
* **conflict recall**: gold conflict entries matched by a ``conflicts`` citation (target ≥ 90%);
* **misattributed**: citations that match a gold entry of the opposite stance and none of their
  own (a sentence listed on both sides is not misattributed on either) (target 0);
* **non-verbatim**: citations whose quote is not exactly the source text at their offsets
  (target 0);
* **extra citations**: citations that match no gold entry; reported, not a target (the gold set
  lists passages that must be cited, and a few more may be fair).

**A topic gold file** is the ``gold.yaml`` of a topic folder, beside its ``claims.yaml`` and
``corpus/`` (the format of ``../shared/data/topics-dev/README.md``); the topic is built from
those, as ``dossier build --no-cache`` builds it. Its passages are substrings, in groups of
alternatives a good judge must cite one of, and lists of passages that may also be cited::

    claims:
      - id: spain-two-deaths-by-july-31
        text: By July 31, 2022, Spain had reported two monkeypox deaths.
        verdict: supported
        support: [["Two other fatalities have since been reported in Spain"]]
        conflict: []
        also_support: ["Spain confirmed Europe's first known death in the outbreak"]
        also_conflict: []
        why: An earlier count of one death does not contradict the dated claim.

A substring is found in a cited quote case-blind, after folding runs of whitespace to one space
and curly quotes to straight ones. The figures, summed over the topics:

* **verdicts**: claims whose verdict is the gold verdict;
* **support recall**, **conflict recall**: groups of which a citation of that stance holds one
  alternative;
* **citation precision**: citations holding a listed substring (a group's or an ``also_``
  list's) of their own stance, of all citations;
* **misattributed**: citations holding a substring of the other stance and none of their own;
* **non-verbatim**: citations whose quote is not exactly the source text at their offsets.

Then, per rule of the judge (``dossier/judge/registry.py``), how many citations it decided and
how many of those the gold agrees with (a matched entry, or a listed substring, of their stance).

The figures are a measurement, not a gate: ``dossier eval`` exits 0 whatever they are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

from dossier.claims.load import load_claims
from dossier.corpus.read import load_corpus
from dossier.errors import DossierError
from dossier.models import (
    Claim,
    ClaimResult,
    ClaimSet,
    ClaimsFile,
    Corpus,
    Evidence,
    Paragraph,
    Passage,
    Report,
    Slug,
    Stance,
    Verdict,
)
from dossier.pipeline import Progress, build_report, check_claims
from dossier.yamlfile import Loc, Problem, Voice, YamlDoc, read_yaml, validate_located

__all__ = [
    "FORMATTERS",
    "Citation",
    "ClaimEval",
    "EvalReport",
    "Figure",
    "GoldClaim",
    "GoldEntry",
    "GoldError",
    "GoldFile",
    "GoldFormat",
    "GoldGroup",
    "GoldQuote",
    "GoldSet",
    "RuleFigure",
    "TopicClaimEval",
    "TopicEval",
    "TopicFigures",
    "TopicGold",
    "TopicGoldClaim",
    "TopicGoldFile",
    "TopicsReport",
    "combine_corpora",
    "evaluate",
    "evaluate_topics",
    "fold",
    "format_json",
    "format_text",
    "gold_format",
    "load_gold",
    "read_gold",
    "run_eval",
    "score_topic",
]

MIN_OVERLAP = 0.5
"""A citation matches a gold quote when it holds at least this share of the quote's length."""


class GoldError(DossierError):
    """The gold set is missing or invalid. Holds every problem found, one per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(*problems)


GOLD = Voice(
    what="a gold file",
    error=GoldError,
    quote='"',
    missing="{name}: gold file not found; check the path.",
    syntax="{where}: invalid YAML: {problem}.",
    alias="{where}: YAML aliases (*name) are not allowed; write values out.",
)
"""How the problems of a gold file are worded (read like every YAML file: ``yamlfile``)."""


# --- the gold file ------------------------------------------------------------------------


class GoldQuote(BaseModel):
    """A passage the tool must cite: a verbatim piece of its sentence, and the file it is in."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: Annotated[str, StringConstraints(min_length=1)] = Field(
        description="Path of the article relative to the corpus folder."
    )
    quote: Annotated[str, StringConstraints(min_length=1)] = Field(
        description="A verbatim substring of the sentence that must be cited."
    )


class GoldClaim(BaseModel):
    """A claim, the verdict it should get and every passage that should be cited for it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=2000)]
    verdict: Verdict
    covers: list[str] = Field(
        default_factory=list, description="What the claim exercises, e.g. quantity-percent."
    )
    support: list[GoldQuote] = Field(default_factory=list)
    conflict: list[GoldQuote] = Field(default_factory=list)
    note: str | None = Field(default=None, description="Why these passages and no others.")

    @field_validator("covers", "support", "conflict", mode="before")
    @classmethod
    def _nothing_is_empty(cls, value: Any) -> Any:
        return [] if value is None else value


class GoldFile(BaseModel):
    """The whole gold file."""

    model_config = ConfigDict(extra="forbid")

    aliases: dict[str, list[str]] = Field(
        default_factory=dict, description="Alias table, as in claims.yaml."
    )
    claims: list[GoldClaim] = Field(min_length=1)


class GoldEntry(BaseModel):
    """A gold quote found in its source: where it stands there, and in the gold file."""

    claim: str
    stance: Stance
    index: int = Field(description="Position in the claim's support or conflict list.")
    source: str
    quote: str
    spans: list[tuple[int, int]] = Field(description="Every place of the quote in the source.")
    line: int = Field(description="Line of the entry in the gold file.")

    def matched_by(self, citation: Evidence | Citation | Passage) -> bool:
        """Whether the citation holds at least half of the quote, at one of its places."""
        if citation.source != self.source:
            return False
        for start, end in self.spans:
            overlap = min(end, citation.end) - max(start, citation.start)
            if overlap > 0 and overlap >= MIN_OVERLAP * (end - start):
                return True
        return False


class GoldSet(BaseModel):
    """A validated gold file, its quotes located in the corpus folder."""

    path: str
    corpus_dir: str
    file: GoldFile
    lines: dict[str, int] = Field(default_factory=dict, description="claim id -> line number")
    entries: dict[str, list[GoldEntry]] = Field(
        default_factory=dict, description="claim id -> its gold entries, support first"
    )

    def claim_set(self) -> ClaimSet:
        """The gold claims as a claims file: ids, texts, aliases, and the gold verdict expected."""
        claims = [Claim(id=c.id, text=c.text, expect=c.verdict) for c in self.file.claims]
        return ClaimSet(
            path=self.path,
            file=ClaimsFile(title="Gold set", aliases=self.file.aliases, claims=claims),
            lines=dict(self.lines),
        )


def load_gold(path: Path, corpus_dir: Path) -> GoldSet:
    """Read and validate a seed gold file and find each quote in its source under ``corpus_dir``.

    Raises ``GoldError`` listing every problem found, each as ``path:line:column: message``.
    """
    doc = _load_yaml(path)
    if gold_format(doc) is GoldFormat.TOPIC:
        raise GoldError(
            [
                f"{doc.name}: a topic gold file, judged on its own folder's claims.yaml and "
                f"corpus/: dossier eval {Path(doc.name).parent}"
            ]
        )
    return _seed_gold(doc, corpus_dir)


def _seed_gold(doc: YamlDoc, corpus_dir: Path) -> GoldSet:
    name = doc.name
    gold, problems = validate_located(GoldFile, doc)
    problems[:0] = doc.problems
    if gold is None:
        raise GoldError([f"{name}:{line}:{col}: {msg}" for line, col, msg in sorted(problems)])

    lines, duplicates = _claim_lines(doc, [c.id for c in gold.claims])
    problems.extend(duplicates.values())
    entries: dict[str, list[GoldEntry]] = {}
    texts: dict[str, str | None] = {}
    for i, claim in enumerate(gold.claims):
        if i in duplicates:
            continue
        found: list[GoldEntry] = []
        for stance, side in ((Stance.SUPPORTS, "support"), (Stance.CONFLICTS, "conflict")):
            for j, entry in enumerate(claim.support if side == "support" else claim.conflict):
                where = f"claims[{i}].{side}[{j}] of {claim.id}"
                if entry.source not in texts:
                    texts[entry.source] = _read_source(corpus_dir, entry.source)
                text = texts[entry.source]
                if text is None:
                    s_line, s_col = doc.place(("claims", i, side, j, "source"))
                    problems.append(
                        Problem(
                            s_line,
                            s_col,
                            f"{where}: no article '{entry.source}' in the corpus folder "
                            f"{corpus_dir} (sources are paths relative to it).",
                        )
                    )
                    continue
                spans = _occurrences(text, entry.quote)
                q_line, q_col = doc.place(("claims", i, side, j, "quote"))
                if not spans:
                    problems.append(
                        Problem(
                            q_line,
                            q_col,
                            f"{where}: the quote {json.dumps(entry.quote, ensure_ascii=False)} "
                            f"is not in {entry.source}; copy it from the article exactly.",
                        )
                    )
                    continue
                e_line, _ = doc.place(("claims", i, side, j))
                found.append(
                    GoldEntry(
                        claim=claim.id,
                        stance=stance,
                        index=j,
                        source=entry.source,
                        quote=entry.quote,
                        spans=spans,
                        line=e_line,
                    )
                )
        entries[claim.id] = found
    if problems:
        raise GoldError([f"{name}:{line}:{col}: {msg}" for line, col, msg in sorted(problems)])
    return GoldSet(path=name, corpus_dir=str(corpus_dir), file=gold, lines=lines, entries=entries)


def _claim_lines(doc: YamlDoc, ids: list[str]) -> tuple[dict[str, int], dict[int, Problem]]:
    """Each claim id's line in the file, and a problem for each claim (by position) whose id
    an earlier claim has."""
    lines: dict[str, int] = {}
    duplicates: dict[int, Problem] = {}
    for i, claim_id in enumerate(ids):
        if claim_id in lines:
            message = (
                f"claims[{i}].id: duplicate id '{claim_id}' (first defined at line "
                f"{lines[claim_id]}); give each claim its own id."
            )
            duplicates[i] = Problem.at(doc.place(("claims", i, "id")), message)
            continue
        lines[claim_id] = doc.place(("claims", i)).line
    return lines, duplicates


def _load_yaml(path: Path) -> YamlDoc:
    doc = read_yaml(path, GOLD)
    if doc.data is None and not doc.problems:
        raise GOLD.fail([f"{doc.name}: the file is empty; it needs a 'claims:' list."])
    if not isinstance(doc.data, dict):
        where = doc.places[()].value
        raise GOLD.fail(
            [f"{doc.name}:{where}: expected a mapping with a 'claims:' list at the top."]
        )
    return doc


def _read_source(corpus_dir: Path, source: str) -> str | None:
    """The text of an article of the corpus folder, offsets as the corpus has them."""
    parts = source.split("/")
    if source.startswith("/") or any(not part or part.startswith(".") for part in parts):
        return None
    try:
        with open(corpus_dir / source, encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    spans = []
    at = text.find(quote)
    while at != -1:
        spans.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return spans


# --- which format a gold file is ------------------------------------------------------------


class GoldFormat(StrEnum):
    """The two formats of gold file ``dossier eval`` reads."""

    SEED = "seed"
    """Passages as ``{source, quote}``, judged on the ``--corpus`` folder."""
    TOPIC = "topic"
    """Passages as groups of alternative substrings; the ``gold.yaml`` of a topic folder."""


_MARKS = {
    GoldFormat.SEED: "passages as 'source' and 'quote', 'covers', 'note'",
    GoldFormat.TOPIC: "passages as lists of substrings, 'also_support', 'also_conflict', 'why'",
}
_TOPIC_KEYS = ("also_support", "also_conflict", "why")
_SEED_KEYS = ("covers", "note")


def gold_format(doc: YamlDoc) -> GoldFormat:
    """The format of a gold file, recognised from its claims: a topic gold claim has
    ``also_support``, ``also_conflict`` or ``why``, or lists its passages as lists of substrings;
    a seed gold claim has ``covers`` or ``note``, or lists passages as ``{source, quote}``. A file
    whose claims have neither mark but give verdicts is read as a seed gold file (whose passages
    may be left out). Raises ``GoldError`` at the claim that mixes formats, or at the first claim
    of a file that is no gold file (a claims file, say)."""
    claims = doc.data.get("claims") if isinstance(doc.data, dict) else None
    if not isinstance(claims, list) or not claims:
        return GoldFormat.SEED  # validation says what is missing
    marked = [(i, *mark) for i, claim in enumerate(claims) if (mark := _mark(claim))]
    if not marked:
        if any(isinstance(claim, dict) and "verdict" in claim for claim in claims):
            return GoldFormat.SEED
        raise GoldError(
            [
                f"{doc.name}:{doc.place(('claims', 0))}: not a gold file: its claims give no "
                "verdict and no passage to cite. A seed gold file lists each claim's 'verdict' "
                "and passages as 'support: [{source, quote}]'; a topic gold file (gold.yaml, "
                "beside a topic's claims.yaml and corpus/) as 'support: [[substring, ...]]', "
                "with 'also_support' and 'why'."
            ]
        )
    first, kind, _ = marked[0]
    for i, other, loc in marked:
        if other is not kind:
            raise GoldError(
                [
                    f"{doc.name}:{doc.place(('claims', i, *loc))}: claims[{i}] is written as a "
                    f"{other} gold claim ({_MARKS[other]}), but claims[{first}] (line "
                    f"{doc.place(('claims', first)).line}) as a {kind} gold claim; a gold file "
                    "is written in one format."
                ]
            )
    return kind


def _mark(claim: Any) -> tuple[GoldFormat, Loc] | None:
    """The format a claim's keys or passages show, and where (None: no sign of either)."""
    if not isinstance(claim, dict):
        return None
    for key, value in claim.items():
        if key in _TOPIC_KEYS:
            return GoldFormat.TOPIC, (key,)
        if key in _SEED_KEYS:
            return GoldFormat.SEED, (key,)
        if key in ("support", "conflict") and isinstance(value, list):
            for j, item in enumerate(value):
                if isinstance(item, list | str):
                    return GoldFormat.TOPIC, (key, j)
                if isinstance(item, dict):
                    return GoldFormat.SEED, (key, j)
    return None


def read_gold(path: Path, corpus_dir: Path) -> GoldSet | TopicGold:
    """The gold file at ``path``, in either format: a seed gold file's quotes are found under
    ``corpus_dir``; a topic (its folder, or the folder's ``gold.yaml``) is read with its
    folder's ``claims.yaml`` and ``corpus/``."""
    if path.is_dir():
        if not (path / TOPIC_GOLD).is_file():
            raise GoldError(
                [
                    f"{path}: no {TOPIC_GOLD} in this folder; a topic folder holds {TOPIC_GOLD}, "
                    f"{TOPIC_CLAIMS} and {TOPIC_CORPUS}/."
                ]
            )
        path = path / TOPIC_GOLD
    doc = _load_yaml(path)
    if gold_format(doc) is GoldFormat.TOPIC:
        return _topic_gold(doc)
    return _seed_gold(doc, corpus_dir)


# --- the topic gold file ------------------------------------------------------------------

TOPIC_GOLD = "gold.yaml"
TOPIC_CLAIMS = "claims.yaml"
TOPIC_CORPUS = "corpus"

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """``text`` as topic gold substrings are matched: whitespace runs as one space, curly
    quotes straight, lower case."""
    return _SPACES.sub(" ", text.translate(_QUOTES)).strip().lower()


def _something(text: str) -> str:
    if not fold(text):
        raise ValueError("a blank substring is in every passage; write some words of it")
    return text


Substring = Annotated[str, AfterValidator(_something)]
Group = Annotated[list[Substring], Field(min_length=1)]


class TopicGoldClaim(BaseModel):
    """A claim of a topic gold file: its verdict, the passages a good judge must cite (one
    alternative of each group) and those it may also cite."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    text: str | None = Field(default=None, description="The claim, as in claims.yaml.")
    verdict: Verdict
    support: list[Group] = Field(default_factory=list)
    conflict: list[Group] = Field(default_factory=list)
    also_support: list[Substring] = Field(default_factory=list)
    also_conflict: list[Substring] = Field(default_factory=list)
    why: str | None = Field(default=None, description="What decides it.")

    @field_validator("support", "conflict", "also_support", "also_conflict", mode="before")
    @classmethod
    def _nothing_is_empty(cls, value: Any) -> Any:
        return [] if value is None else value

    def listed(self, stance: Stance) -> list[str]:
        """Every substring a citation of ``stance`` may hold, folded."""
        if stance is Stance.SUPPORTS:
            groups, also = self.support, self.also_support
        else:
            groups, also = self.conflict, self.also_conflict
        return [fold(a) for group in groups for a in group] + [fold(a) for a in also]


class TopicGoldFile(BaseModel):
    """The whole topic gold file."""

    model_config = ConfigDict(extra="forbid")

    claims: list[TopicGoldClaim] = Field(min_length=1)


class TopicGold(BaseModel):
    """A validated topic gold file, with its folder's claims file and corpus."""

    name: str = Field(description="The topic: its folder's name.")
    path: str
    claims_path: str
    corpus_dir: str
    file: TopicGoldFile
    lines: dict[str, int] = Field(default_factory=dict, description="claim id -> line number")


def _topic_gold(doc: YamlDoc) -> TopicGold:
    name = doc.name
    gold, problems = validate_located(TopicGoldFile, doc)
    problems[:0] = doc.problems
    lines: dict[str, int] = {}
    if gold is not None:
        lines, duplicates = _claim_lines(doc, [c.id for c in gold.claims])
        problems.extend(duplicates.values())
    if gold is None or problems:
        raise GoldError([f"{name}:{line}:{col}: {msg}" for line, col, msg in sorted(problems)])
    folder = Path(name).parent
    claims_path, corpus_dir = folder / TOPIC_CLAIMS, folder / TOPIC_CORPUS
    missing = [str(p) for p in (claims_path, corpus_dir) if not p.exists()]
    if missing:
        raise GoldError(
            [
                f"{name}: a topic gold file is judged on its folder's {TOPIC_CLAIMS} and "
                f"{TOPIC_CORPUS}/; not found: {', '.join(missing)}."
            ]
        )
    return TopicGold(
        name=folder.resolve().name,
        path=name,
        claims_path=str(claims_path),
        corpus_dir=str(corpus_dir),
        file=gold,
        lines=lines,
    )


# --- the corpus ---------------------------------------------------------------------------


def combine_corpora(main: Corpus, extras: list[Corpus]) -> Corpus:
    """One corpus of ``main`` and ``extras``: the main documents keep their paths, those of each
    extra folder are prefixed with its folder name (``news-fnc1/a.txt``), and passage ids are
    renumbered so that each is its passage's position in the combined list."""
    documents = list(main.documents)
    paragraphs = list(main.paragraphs)
    passages = list(main.passages)
    taken = {d.path.split("/")[0] for d in main.documents}
    for extra in extras:
        base = Path(extra.root).resolve().name or "extra"
        prefix, n = base, 1
        while prefix in taken:
            n += 1
            prefix = f"{base}-{n}"
        taken.add(prefix)
        offset = len(passages)
        documents.extend(
            d.model_copy(update={"path": f"{prefix}/{d.path}"}) for d in extra.documents
        )
        paragraphs.extend(
            Paragraph.model_validate({**p.model_dump(), "source": f"{prefix}/{p.source}"})
            for p in extra.paragraphs
        )
        passages.extend(
            Passage.model_validate(
                {**p.model_dump(), "id": p.id + offset, "source": f"{prefix}/{p.source}"}
            )
            for p in extra.passages
        )
    return Corpus(root=main.root, documents=documents, paragraphs=paragraphs, passages=passages)


# --- the measurement ----------------------------------------------------------------------


class Citation(BaseModel):
    """A citation the tool made, as the evaluation shows it."""

    stance: Stance
    source: str
    start: int
    end: int
    quote: str

    def __str__(self) -> str:
        return f"{self.stance.value} {self.source}:{self.start}-{self.end} {_short(self.quote)}"


class GoldGroup(BaseModel):
    """A group of a topic gold claim: a citation of ``stance`` must hold one alternative."""

    stance: Stance
    alternatives: list[str]


class Scored(BaseModel):
    """How one claim fared against its gold: its verdict, and the passages found of those the
    gold says must be cited (in either format)."""

    id: str
    line: int | None
    expected: Verdict
    got: Verdict | None = Field(description="None: the claim was not judged.")
    support_total: int
    support_found: int
    conflict_total: int
    conflict_found: int
    missed: Sequence[GoldEntry | GoldGroup] = Field(
        description="What the gold says must be cited that no citation of its stance matched."
    )
    misattributed: list[Citation] = Field(
        description="Citations matching the gold's passages of the opposite stance only."
    )
    non_verbatim: list[Citation] = Field(description="Citations whose quote is not the source's.")

    @property
    def verdict_ok(self) -> bool:
        return self.expected is self.got


class ClaimEval(Scored):
    """How one claim fared: its verdict, and which citations were missed, wrong or extra."""

    got: Verdict
    missed: list[GoldEntry] = Field(description="Gold entries no citation of their stance matched.")
    extra: list[Citation] = Field(description="Citations matching no gold entry.")

    @property
    def failed(self) -> bool:
        return not self.verdict_ok or bool(self.missed or self.misattributed or self.non_verbatim)


class Figure(BaseModel):
    """One measured figure beside its target."""

    name: str
    count: int
    total: int
    rate: float | None = Field(description="count / total for a rate; None for a plain count.")
    target: str | None = Field(description="The target as written, e.g. '≥ 95%'; None if none.")
    met: bool | None


class RuleFigure(BaseModel):
    """How often one of the judge's rules decided a citation, and how often the gold agreed."""

    rule: str = Field(description="The rule's name; '-' for citations that name none.")
    cited: int = Field(description="Citations the rule decided.")
    agreed: int = Field(description="Of those, citations matching a gold entry of their stance.")


class EvalReport(BaseModel):
    """The figures of one evaluation run and every claim's misses."""

    gold: str
    corpus_dirs: list[str]
    documents: int
    passages: int
    claims: int
    gold_entries: int
    citations: int
    figures: list[Figure]
    results: list[ClaimEval]
    distractor_citations: int = Field(
        default=0, description="Citations of articles of the extra (--with) folders."
    )
    unreachable: list[GoldEntry] = Field(
        default_factory=list,
        description="Gold entries no passage of the corpus matches, so no citation ever can "
        "(a quote in a heading or furniture, or across two sentences): a gold set to fix.",
    )
    rules: list[RuleFigure] = Field(
        default_factory=list, description="Per rule of the judge, by name: cited and agreed."
    )


def run_eval(
    paths: list[Path],
    corpus_dir: Path,
    extra_corpus: list[Path] | None = None,
    *,
    warn: Callable[[str], None] | None = None,
    progress: Progress | None = None,
) -> EvalReport | TopicsReport:
    """``dossier eval``: one seed gold file judged on ``corpus_dir`` (and any ``extra_corpus``
    folders), or any number of topics, each judged on its own folder. Every gold file and
    claims file is read before anything is judged."""
    golds = [read_gold(path, corpus_dir) for path in paths]
    seeds = [g for g in golds if isinstance(g, GoldSet)]
    topics = [g for g in golds if isinstance(g, TopicGold)]
    if seeds and len(golds) > 1:
        raise GoldError(
            [
                f"{seeds[0].path}: a seed gold file is measured alone, on --corpus; "
                "give several gold files only as topics (folders with gold.yaml, claims.yaml "
                "and corpus/)."
            ]
        )
    if seeds:
        return evaluate(seeds[0], corpus_dir, extra_corpus, warn=warn, progress=progress)
    if extra_corpus:
        raise GoldError(
            [
                "--with: extra folders are added to a seed gold file's corpus; a topic is "
                "judged on its own corpus/ folder."
            ]
        )
    for topic in topics:
        load_claims(Path(topic.claims_path))
    return evaluate_topics(topics, warn=warn, progress=progress)


def evaluate(
    gold: GoldSet,
    corpus_dir: Path,
    extra_corpus: list[Path] | None = None,
    *,
    warn: Callable[[str], None] | None = None,
    progress: Progress | None = None,
) -> EvalReport:
    """Judge the gold claims against the corpus (and any extra folders) and score the result."""
    if Path(gold.corpus_dir).resolve() != corpus_dir.resolve():
        raise GoldError(
            [
                f"{gold.path}: its quotes were found in {gold.corpus_dir}, not {corpus_dir}; "
                "load the gold set with the corpus folder it is evaluated on."
            ]
        )
    main = load_corpus(corpus_dir, warn=warn)
    extras = [load_corpus(root, warn=warn) for root in extra_corpus or []]
    corpus = combine_corpora(main, extras) if extras else main
    results = check_claims(gold.claim_set(), corpus, progress)
    report = score(gold, corpus, results, [corpus_dir, *(extra_corpus or [])])
    own = {d.path for d in main.documents}
    report.distractor_citations = sum(1 for r in results for e in r.evidence if e.source not in own)
    return report


def score(
    gold: GoldSet, corpus: Corpus, results: list[ClaimResult], corpus_dirs: list[Path]
) -> EvalReport:
    """The figures of ``results`` against the gold set."""
    texts = {d.path: d.text for d in corpus.documents}
    passages: dict[str, list[Passage]] = {}
    for p in corpus.passages:
        passages.setdefault(p.source, []).append(p)
    by_id = {r.id: r for r in results}
    evals = [
        _score_claim(claim, by_id[claim.id], gold.entries.get(claim.id, []), texts)
        for claim in gold.file.claims
    ]

    def total(attr: str) -> int:
        return sum(int(getattr(e, attr)) for e in evals)

    citations = sum(len(r.evidence) for r in results)
    verdicts = sum(1 for e in evals if e.verdict_ok)
    figures = [
        _rate("verdicts", verdicts, len(evals), 0.95, "≥ 95%"),
        _rate("support recall", total("support_found"), total("support_total"), 1.0, "100%"),
        _rate("conflict recall", total("conflict_found"), total("conflict_total"), 0.9, "≥ 90%"),
        _count("misattributed", sum(len(e.misattributed) for e in evals), citations, "0"),
        _count("non-verbatim", sum(len(e.non_verbatim) for e in evals), citations, "0"),
        _count("extra citations", sum(len(e.extra) for e in evals), citations, None),
    ]
    return EvalReport(
        gold=gold.path,
        corpus_dirs=[str(d) for d in corpus_dirs],
        documents=len(corpus.documents),
        passages=len(corpus.passages),
        claims=len(evals),
        gold_entries=sum(len(v) for v in gold.entries.values()),
        citations=citations,
        figures=figures,
        results=evals,
        rules=_rule_figures(
            (e.rule or "-", 1, int(_agrees(e, gold.entries.get(r.id, []))))
            for r in results
            for e in r.evidence
        ),
        unreachable=[
            g
            for entries in gold.entries.values()
            for g in entries
            if not any(g.matched_by(p) for p in passages.get(g.source, []))
        ],
    )


def _rule_figures(decided: Iterable[tuple[str, int, int]]) -> list[RuleFigure]:
    """Per rule, by name, the citations it decided and those of them the gold agrees with,
    summed from ``(rule, cited, agreed)``."""
    counts: dict[str, tuple[int, int]] = {}
    for rule, cited, agreed in decided:
        was_cited, was_agreed = counts.get(rule, (0, 0))
        counts[rule] = (was_cited + cited, was_agreed + agreed)
    return [RuleFigure(rule=r, cited=c, agreed=a) for r, (c, a) in sorted(counts.items())]


def _agrees(citation: Evidence, entries: list[GoldEntry]) -> bool:
    """Whether the citation matches a gold entry of its own stance."""
    return any(g.matched_by(citation) for g in entries if g.stance is citation.stance)


def _score_claim(
    claim: GoldClaim, result: ClaimResult, entries: list[GoldEntry], texts: dict[str, str]
) -> ClaimEval:
    misattributed: list[Citation] = []
    non_verbatim: list[Citation] = []
    extra: list[Citation] = []
    for e in result.evidence:
        citation = Citation(
            stance=e.stance, source=e.source, start=e.start, end=e.end, quote=e.quote
        )
        if texts.get(e.source, "")[e.start : e.end] != e.quote or e.start >= e.end:
            non_verbatim.append(citation)
        own = _agrees(e, entries)
        other = any(g.matched_by(e) for g in entries if g.stance is not e.stance)
        if other and not own:
            misattributed.append(citation)
        elif not own:
            extra.append(citation)
    found = {
        (g.stance, g.index)
        for g in entries
        if any(e.stance is g.stance and g.matched_by(e) for e in result.evidence)
    }
    support = [g for g in entries if g.stance is Stance.SUPPORTS]
    conflict = [g for g in entries if g.stance is Stance.CONFLICTS]
    return ClaimEval(
        id=claim.id,
        line=result.line,
        expected=claim.verdict,
        got=result.verdict,
        support_total=len(support),
        support_found=sum(1 for g in support if (g.stance, g.index) in found),
        conflict_total=len(conflict),
        conflict_found=sum(1 for g in conflict if (g.stance, g.index) in found),
        missed=[g for g in entries if (g.stance, g.index) not in found],
        misattributed=misattributed,
        non_verbatim=non_verbatim,
        extra=extra,
    )


def _rate(name: str, count: int, total: int, target: float, written: str) -> Figure:
    rate = count / total if total else 1.0
    return Figure(
        name=name,
        count=count,
        total=total,
        rate=rate,
        target=written,
        met=rate >= target - 1e-12,
    )


def _count(name: str, count: int, total: int, written: str | None) -> Figure:
    return Figure(
        name=name,
        count=count,
        total=total,
        rate=None,
        target=written,
        met=None if written is None else count == 0,
    )


# --- the measurement of topics ------------------------------------------------------------


class TopicClaimEval(Scored):
    """How one claim of a topic fared against its gold (``got`` is None when the claim is not
    in the topic's claims.yaml; ``line`` is its line in the gold file)."""

    why: str | None
    cited: int
    listed: int = Field(description="Citations holding a listed substring of their stance.")
    support_without_gold: bool = Field(
        description="Support cited for a claim whose gold has no support group."
    )
    missed: list[GoldGroup] = Field(description="Groups no citation of their stance holds.")
    unlisted: list[Citation] = Field(description="Citations holding no listed substring.")

    @property
    def failed(self) -> bool:
        return not self.verdict_ok or bool(
            self.missed or self.misattributed or self.non_verbatim or self.unlisted
        )


class TopicFigures(BaseModel):
    """The counts behind the figures of a topic, or of several summed."""

    claims: int = 0
    verdicts: int = Field(default=0, description="Claims whose verdict is the gold's.")
    support_total: int = 0
    support_found: int = 0
    conflict_total: int = 0
    conflict_found: int = 0
    cited: int = 0
    listed: int = Field(default=0, description="Citations holding a listed substring.")
    misattributed: int = 0
    non_verbatim: int = 0
    support_without_gold: int = Field(
        default=0, description="Claims with no support group that cite support."
    )
    missing: int = Field(default=0, description="Gold claims not in the claims file.")

    @classmethod
    def of(cls, results: list[TopicClaimEval]) -> TopicFigures:
        return cls(
            claims=len(results),
            verdicts=sum(r.verdict_ok for r in results),
            support_total=sum(r.support_total for r in results),
            support_found=sum(r.support_found for r in results),
            conflict_total=sum(r.conflict_total for r in results),
            conflict_found=sum(r.conflict_found for r in results),
            cited=sum(r.cited for r in results),
            listed=sum(r.listed for r in results),
            misattributed=sum(len(r.misattributed) for r in results),
            non_verbatim=sum(len(r.non_verbatim) for r in results),
            support_without_gold=sum(r.support_without_gold for r in results),
            missing=sum(r.got is None for r in results),
        )

    def __add__(self, other: TopicFigures) -> TopicFigures:
        names = type(self).model_fields
        return TopicFigures(**{n: getattr(self, n) + getattr(other, n) for n in names})


class TopicEval(BaseModel):
    """One topic's figures and every claim's result."""

    name: str
    gold: str
    claims_file: str
    corpus_dir: str
    documents: int
    passages: int
    figures: TopicFigures
    results: list[TopicClaimEval]
    rules: list[RuleFigure] = Field(description="Per rule of the judge: cited and agreed.")


class TopicsReport(BaseModel):
    """The figures of each topic, their total, per rule, and every claim's misses."""

    topics: list[TopicEval]
    total: TopicFigures
    rules: list[RuleFigure] = Field(description="Per rule of the judge, over all topics.")


def evaluate_topics(
    topics: list[TopicGold],
    *,
    warn: Callable[[str], None] | None = None,
    progress: Progress | None = None,
) -> TopicsReport:
    """Build each topic as ``dossier build --no-cache`` does, one at a time, and score it."""
    evals = []
    for topic in topics:
        report = build_report(
            Path(topic.claims_path), Path(topic.corpus_dir), warn=warn, progress=progress
        )
        evals.append(score_topic(topic, report))
    total = sum((t.figures for t in evals), TopicFigures())
    rules = _rule_figures((r.rule, r.cited, r.agreed) for t in evals for r in t.rules)
    return TopicsReport(topics=evals, total=total, rules=rules)


def score_topic(topic: TopicGold, report: Report) -> TopicEval:
    """The figures of a topic's built report against its gold."""
    corpus_dir = Path(topic.corpus_dir)
    texts: dict[str, str | None] = {}

    def text_of(source: str) -> str | None:
        if source not in texts:
            texts[source] = _read_source(corpus_dir, source)
        return texts[source]

    by_id = {r.id: r for r in report.claims}
    results = []
    decided: list[tuple[str, int, int]] = []
    for claim in topic.file.claims:
        result = by_id.get(claim.id)
        line = topic.lines[claim.id]
        results.append(_score_topic_claim(claim, line, result, text_of))
        for e in result.evidence if result else []:
            decided.append((e.rule or "-", 1, int(_holds(e, claim.listed(e.stance)))))
    return TopicEval(
        name=topic.name,
        gold=topic.path,
        claims_file=topic.claims_path,
        corpus_dir=topic.corpus_dir,
        documents=report.documents,
        passages=report.passages,
        figures=TopicFigures.of(results),
        results=results,
        rules=_rule_figures(decided),
    )


def _holds(citation: Evidence, substrings: list[str]) -> bool:
    """Whether the citation's quote holds one of the (folded) substrings."""
    quote = fold(citation.quote)
    return any(a in quote for a in substrings)


def _hit(group: list[str], quotes: list[str]) -> bool:
    """Whether one of the (folded) quotes holds one alternative of the group."""
    return any(fold(a) in q for a in group for q in quotes)


def _score_topic_claim(
    claim: TopicGoldClaim,
    line: int,
    result: ClaimResult | None,
    text_of: Callable[[str], str | None],
) -> TopicClaimEval:
    evidence = result.evidence if result else []
    cited = {stance: [fold(e.quote) for e in evidence if e.stance is stance] for stance in Stance}
    groups = {Stance.SUPPORTS: claim.support, Stance.CONFLICTS: claim.conflict}
    found = {stance: [_hit(group, cited[stance]) for group in groups[stance]] for stance in Stance}
    misattributed, non_verbatim, unlisted = [], [], []
    listed = 0
    for e in evidence:
        citation = Citation(
            stance=e.stance, source=e.source, start=e.start, end=e.end, quote=e.quote
        )
        text = text_of(e.source)
        if text is None or text[e.start : e.end] != e.quote:
            non_verbatim.append(citation)
        other = Stance.CONFLICTS if e.stance is Stance.SUPPORTS else Stance.SUPPORTS
        if _holds(e, claim.listed(e.stance)):
            listed += 1
        elif _holds(e, claim.listed(other)):
            misattributed.append(citation)
        else:
            unlisted.append(citation)
    return TopicClaimEval(
        id=claim.id,
        line=line,
        expected=claim.verdict,
        got=result.verdict if result else None,
        why=claim.why,
        support_total=len(claim.support),
        support_found=sum(found[Stance.SUPPORTS]),
        conflict_total=len(claim.conflict),
        conflict_found=sum(found[Stance.CONFLICTS]),
        cited=len(evidence),
        listed=listed,
        support_without_gold=not claim.support and bool(cited[Stance.SUPPORTS]),
        missed=[
            GoldGroup(stance=stance, alternatives=group)
            for stance in Stance
            for group, hit in zip(groups[stance], found[stance], strict=True)
            if not hit
        ],
        misattributed=misattributed,
        non_verbatim=non_verbatim,
        unlisted=unlisted,
    )


# --- output -------------------------------------------------------------------------------


def _flat(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def _short(text: str, limit: int = 90) -> str:
    return json.dumps(_flat(text, limit), ensure_ascii=False)


def _aligned(rows: Sequence[Sequence[str]]) -> list[str]:
    """``rows`` as lines, each column as wide as its widest cell."""
    widths = [max(len(row[k]) for row in rows) for k in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def _result(figure: Figure) -> str:
    if figure.rate is None:
        return f"{figure.count} of {figure.total} citations"
    return f"{figure.count}/{figure.total}  {figure.rate:.1%}"


def format_text(report: EvalReport | TopicsReport) -> str:
    """The figures as an aligned table (beside their targets for a seed gold file, one line per
    topic for topics), the per-rule table, then every claim's misses."""
    if isinstance(report, TopicsReport):
        return _topics_text(report)
    return _seed_text(report)


def _seed_text(report: EvalReport) -> str:
    dirs = " + ".join(report.corpus_dirs)
    lines = [
        f"Gold set {report.gold}: {report.claims} claims, {report.gold_entries} gold quotes.",
        f"Corpus {dirs}: {report.documents} articles, {report.passages} passages; "
        f"{report.citations} citations made.",
    ]
    if len(report.corpus_dirs) > 1:
        lines.append(
            f"{report.distractor_citations} of the citations are of articles in the --with folders."
        )
    lines.append("")
    rows = [("figure", "result", "target", "met")]
    for f in report.figures:
        met = "-" if f.met is None else ("yes" if f.met else "NO")
        rows.append((f.name, _result(f), f.target or "-", met))
    lines.extend(_aligned(rows))
    if report.rules:
        lines.append("")
        lines.extend(_rule_table(report.rules))
    failed = [e for e in report.results if e.failed]
    lines.append("")
    if report.unreachable:
        lines.append(
            f"Unreachable gold quotes ({len(report.unreachable)}): no passage of the corpus holds "
            "them, so no citation can match; fix the gold set."
        )
        for g in report.unreachable:
            lines.append(f"- {g.claim} (line {g.line}): {g.source} {_short(g.quote)}")
        lines.append("")
    if not failed:
        lines.append("No misses: every verdict as expected, every gold quote cited.")
        return "\n".join(lines) + "\n"
    lines.append(f"Misses ({len(failed)} of {report.claims} claims):")
    for e in failed:
        where = f" (line {e.line})" if e.line else ""
        verdict = (
            f"verdict {e.got.value}, as expected"
            if e.verdict_ok
            else f"verdict {e.got.value}, expected {e.expected.value}"
        )
        lines.append(f"- {e.id}{where}: {verdict}")
        for g in e.missed:
            side = "support" if g.stance is Stance.SUPPORTS else "conflict"
            lines.append(f"    missed {side}: {g.source} {_short(g.quote)}")
        for c in e.misattributed:
            lines.append(f"    misattributed: {c}")
        for c in e.non_verbatim:
            lines.append(f"    non-verbatim: {c}")
        if not e.verdict_ok:  # citations outside the gold set may be what turned the verdict
            for c in e.extra:
                lines.append(f"    extra: {c}")
    return "\n".join(lines) + "\n"


def _rule_table(rules: list[RuleFigure]) -> list[str]:
    """The per-rule figures as an aligned table: rule, citations it decided, gold agreeing."""
    rows = [("rule", "cited", "agreed")]
    for r in rules:
        rows.append((r.rule, str(r.cited), f"{r.agreed}  {r.agreed / r.cited:.1%}"))
    return _aligned(rows)


def _share(count: int, total: int) -> str:
    """``36/80 (45%)``, as the bench's scorer writes a rate."""
    return f"{count}/{total} ({100 * count / total:.0f}%)" if total else f"{count}/0"


def _topic_row(name: str, f: TopicFigures) -> tuple[str, ...]:
    return (
        name,
        _share(f.verdicts, f.claims),
        _share(f.support_found, f.support_total),
        _share(f.conflict_found, f.conflict_total),
        _share(f.listed, f.cited),
        str(f.misattributed),
        str(f.non_verbatim),
    )


def _topics_text(report: TopicsReport) -> str:
    total = report.total
    lines = [
        f"{len(report.topics)} topics, {total.claims} claims: {total.support_total} support and "
        f"{total.conflict_total} conflict groups in the gold; {total.cited} citations made.",
        "",
    ]
    rows: list[tuple[str, ...]] = [
        (
            "topic",
            "verdicts",
            "support recall",
            "conflict recall",
            "citation precision",
            "misattributed",
            "non-verbatim",
        )
    ]
    rows.extend(_topic_row(t.name, t.figures) for t in report.topics)
    rows.append(_topic_row("total", total))
    lines.extend(_aligned(rows))
    lines.append(
        f"Support cited for claims the gold gives no support: {total.support_without_gold}."
    )
    if total.missing:
        lines.append(f"Gold claims missing from their topic's claims file: {total.missing}.")
    if report.rules:
        lines.append("")
        lines.extend(_rule_table(report.rules))
    for topic in report.topics:
        failed = [r for r in topic.results if r.failed]
        lines.append("")
        if not failed:
            lines.append(f"{topic.name} ({topic.gold}): no misses.")
            continue
        lines.append(
            f"Misses in {topic.name} ({topic.gold}; {len(failed)} of {len(topic.results)} claims):"
        )
        for r in failed:
            lines.extend(_topic_misses(r))
    return "\n".join(lines) + "\n"


def _topic_misses(r: TopicClaimEval) -> list[str]:
    if r.got is None:
        verdict = f"not in the claims file, expected {r.expected.value}"
    elif r.verdict_ok:
        verdict = f"verdict {r.got.value}, as expected"
    else:
        verdict = f"verdict {r.got.value}, expected {r.expected.value}"
    lines = [f"- {r.id} (line {r.line}): {verdict}"]
    if r.why:
        lines.append(f"    why: {_flat(r.why, 110)}")
    for g in r.missed:
        side = "support" if g.stance is Stance.SUPPORTS else "conflict"
        more = len(g.alternatives) - 1
        others = f" (or {more} other{'s' if more > 1 else ''})" if more else ""
        lines.append(f"    missed {side}: {_short(g.alternatives[0])}{others}")
    lines.extend(f"    misattributed: {c}" for c in r.misattributed)
    lines.extend(f"    non-verbatim: {c}" for c in r.non_verbatim)
    lines.extend(f"    not in the gold: {c}" for c in r.unlisted)
    return lines


def format_json(report: EvalReport | TopicsReport) -> str:
    """The whole report as JSON (figures, then every claim's result), with a final newline."""
    return report.model_dump_json(indent=2) + "\n"


FORMATTERS: dict[str, Callable[[EvalReport | TopicsReport], str]] = {
    "text": format_text,
    "json": format_json,
}
