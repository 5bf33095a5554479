"""Measure the judgment against a gold set: ``dossier eval GOLD``.

A gold set is a YAML file of claims, each with the verdict it should get and every passage of
the corpus that should be cited for it, on each side::

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

Then, per rule of the judge (``dossier/judge/registry.py``), how many citations it decided and
how many of those match a gold entry of their own stance.

The figures are a measurement, not a gate: ``dossier eval`` exits 0 whatever they are.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

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
    Slug,
    Stance,
    Verdict,
)
from dossier.pipeline import Progress, check_claims
from dossier.yamlfile import Problem, Voice, YamlDoc, read_yaml, validate_located

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
    "GoldQuote",
    "GoldSet",
    "RuleFigure",
    "combine_corpora",
    "evaluate",
    "format_json",
    "format_text",
    "load_gold",
]

MIN_OVERLAP = 0.5
"""A citation matches a gold quote when it holds at least this share of the quote's length."""


class GoldError(DossierError):
    """The gold set is missing or invalid. Holds every problem found, one per line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


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
    """Read and validate a gold file and find each quote in its source under ``corpus_dir``.

    Raises ``GoldError`` listing every problem found, each as ``path:line:column: message``.
    """
    doc = _load_yaml(path)
    name = doc.name
    gold, problems = validate_located(GoldFile, doc)
    problems[:0] = doc.problems
    if gold is None:
        raise GoldError([f"{name}:{line}:{col}: {msg}" for line, col, msg in sorted(problems)])

    seen: dict[str, int] = {}
    lines: dict[str, int] = {}
    entries: dict[str, list[GoldEntry]] = {}
    texts: dict[str, str | None] = {}
    for i, claim in enumerate(gold.claims):
        line, _ = doc.place(("claims", i))
        if claim.id in seen:
            id_line, id_col = doc.place(("claims", i, "id"))
            problems.append(
                Problem(
                    id_line,
                    id_col,
                    f"claims[{i}].id: duplicate id '{claim.id}' (first defined at line "
                    f"{seen[claim.id]}); give each claim its own id.",
                )
            )
            continue
        seen[claim.id] = line
        lines[claim.id] = line
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


class ClaimEval(BaseModel):
    """How one claim fared: its verdict, and which citations were missed, wrong or extra."""

    id: str
    line: int | None
    expected: Verdict
    got: Verdict
    support_total: int
    support_found: int
    conflict_total: int
    conflict_found: int
    missed: list[GoldEntry] = Field(description="Gold entries no citation of their stance matched.")
    misattributed: list[Citation] = Field(
        description="Citations matching a gold entry of the opposite stance only."
    )
    non_verbatim: list[Citation] = Field(description="Citations whose quote is not the source's.")
    extra: list[Citation] = Field(description="Citations matching no gold entry.")

    @property
    def verdict_ok(self) -> bool:
        return self.expected is self.got

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
        rules=_rule_figures(gold, results),
        unreachable=[
            g
            for entries in gold.entries.values()
            for g in entries
            if not any(g.matched_by(p) for p in passages.get(g.source, []))
        ],
    )


def _rule_figures(gold: GoldSet, results: list[ClaimResult]) -> list[RuleFigure]:
    """Per rule, by name, the citations it decided and those of them the gold agrees with."""
    counts: dict[str, tuple[int, int]] = {}
    for result in results:
        entries = gold.entries.get(result.id, [])
        for e in result.evidence:
            cited, agreed = counts.get(e.rule or "-", (0, 0))
            counts[e.rule or "-"] = (cited + 1, agreed + _agrees(e, entries))
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


# --- output -------------------------------------------------------------------------------


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 3] + "..."
    return json.dumps(flat, ensure_ascii=False)


def _result(figure: Figure) -> str:
    if figure.rate is None:
        return f"{figure.count} of {figure.total} citations"
    return f"{figure.count}/{figure.total}  {figure.rate:.1%}"


def format_text(report: EvalReport) -> str:
    """The figures as an aligned table beside their targets, then every claim's misses."""
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
    widths = [max(len(row[k]) for row in rows) for k in range(4)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
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
    widths = [max(len(row[k]) for row in rows) for k in range(3)]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def format_json(report: EvalReport) -> str:
    """The whole report as JSON (figures, then every claim's result), with a final newline."""
    return report.model_dump_json(indent=2) + "\n"


FORMATTERS: dict[str, Callable[[EvalReport], str]] = {"text": format_text, "json": format_json}
