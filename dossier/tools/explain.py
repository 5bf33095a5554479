"""One claim's evidence, for the editor at the terminal (``dossier explain``, ``dossier add``).

``explain_claim`` judges one claim of the claims file against the corpus, exactly as a build
would, and ``format_explanation`` lays the result out: the verdict as a word, the one-sentence
explanation, then every citation numbered, with its place in the file (``corpus/a.txt:12``),
what is known of its source, its speaker, the reason for its stance and the judge's rule that
gave it, and the quote within its paragraph with the matched names and figures highlighted.
Asked for its candidates, it then lists the passages retrieved for the claim but not cited, best
first, each with the rule that left it out and why, and how many each rule left out: what the
judge saw.
"""

from __future__ import annotations

import difflib
from collections import Counter
from pathlib import Path

from pydantic import BaseModel
from rich.console import RenderableType
from rich.text import Text

from dossier.claims.load import load_claims
from dossier.errors import DossierError
from dossier.incremental.build import AFRESH, Prepared, Preparing, prepared
from dossier.judge.match import Matcher
from dossier.judge.outcome import LeftOut
from dossier.models import (
    Claim,
    ClaimResult,
    ClaimSet,
    Corpus,
    Evidence,
    SourceMeta,
    Stance,
    Verdict,
    cited_page,
)
from dossier.pipeline import check_claims
from dossier.render.view import page_label
from dossier.sanitise import one_line
from dossier.tools.terminal import (
    CONTEXT_STYLE,
    HEADING_STYLE,
    PATH_STYLE,
    Look,
    badge,
    indented,
    line_and_column,
    marked,
    render,
    source_label,
)


class Citation(BaseModel):
    """A piece of evidence with its number and where it stands."""

    number: int
    evidence: Evidence
    path: str
    line: int
    column: int
    meta: SourceMeta


SENTENCE_CHARS = 200  # a candidate's sentence is shortened to this many characters


class Uncited(BaseModel):
    """A passage retrieved for the claim but not cited: its rank among the candidates (1 is
    the best), where it is, and the rule that left it out with its reason."""

    rank: int
    path: str
    line: int
    page: int | None = None
    rule: str
    reason: str
    sentence: str


class Candidates(BaseModel):
    """What the judge saw of a claim besides its citations: how many passages were retrieved,
    the first of those it left out (at most the limit asked for), how many more it left out,
    and how many each rule left out (most first)."""

    retrieved: int
    left_out: list[Uncited]
    more: int
    by_rule: list[tuple[str, int]]


class Explanation(BaseModel):
    """One claim's verdict and its citations, as ``dossier explain`` shows them; with its
    candidates left out when asked for."""

    claims_file: str
    line: int | None
    result: ClaimResult
    citations: list[Citation]
    candidates: Candidates | None = None


def find_claim_index(claims: ClaimSet, claim_id: str) -> int:
    """The position of the claim ``claim_id``, or an error that suggests the closest ids."""
    ids = [claim.id for claim in claims.claims]
    if claim_id in ids:
        return ids.index(claim_id)
    close = difflib.get_close_matches(claim_id, ids, n=3, cutoff=0.6)
    hint = (
        "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
        if close
        else "the ids are the 'id:' lines of the file"
    )
    raise DossierError(f"{claims.path}: no claim has the id '{claim_id}'; {hint}")


def explain_claim(
    claims_path: Path,
    corpus_path: Path,
    claim_id: str,
    how: Preparing = AFRESH,
    *,
    candidates: int | None = None,
) -> Explanation:
    """Judge the claim ``claim_id`` of the claims file against the corpus; through the build
    cache when ``how`` has one (a corpus a build has seen is not analysed again, and a claim it
    has judged is not judged again). With ``candidates``, the first that many passages
    retrieved but left out are listed too (each judged again: why a passage is left out is not
    kept)."""
    claims = load_claims(claims_path)
    index = find_claim_index(claims, claim_id)  # a wrong id is said before any work
    if candidates is not None and candidates < 1:
        raise DossierError(f"--limit: {candidates} is too small; list at least 1 candidate")
    with prepared(claims_path, corpus_path, how, claims=claims) as ready:
        explained = explanation(claims, ready.corpus, index, ready)
        if candidates is None:
            return explained
        seen = left_out(ready.matcher, ready.corpus, claims.claims[index], candidates)
        return explained.model_copy(update={"candidates": seen})


def left_out(matcher: Matcher, corpus: Corpus, claim: Claim, limit: int) -> Candidates:
    """The claim's candidates the judge leaves out, best first (the first ``limit`` of them
    listed), each with the rule that left it out; ``Matcher.outcomes`` judges them as
    ``Matcher.evidence`` does."""
    judged = matcher.outcomes(claim)
    uncited: list[Uncited] = []
    rules: Counter[str] = Counter()
    for rank, (passage, outcome) in enumerate(judged, start=1):
        if not isinstance(outcome, LeftOut):
            continue
        rules[outcome.rule] += 1
        if len(uncited) < limit:
            document = corpus.document(passage.source)
            line, _ = line_and_column(document.text, passage.start)
            uncited.append(
                Uncited(
                    rank=rank,
                    path=(Path(corpus.root) / passage.source).as_posix(),
                    line=line,
                    page=cited_page(document.meta.pages, passage.start),
                    rule=outcome.rule,
                    reason=outcome.reason,
                    sentence=passage.text,
                )
            )
    return Candidates(
        retrieved=len(judged),
        left_out=uncited,
        more=rules.total() - len(uncited),
        by_rule=sorted(rules.items(), key=lambda r: (-r[1], r[0])),
    )


def explanation(
    claims: ClaimSet, corpus: Corpus, index: int, ready: Prepared | None = None
) -> Explanation:
    """The explanation of the claim at ``index``: only that claim is judged (by ``ready``, the
    corpus prepared for judging, when given)."""
    claim = claims.claims[index]
    one = claims.only([claim.id])
    [result] = ready.check(one) if ready is not None else check_claims(one, corpus)
    return Explanation(
        claims_file=claims.path,
        line=claims.lines.get(claim.id),
        result=result,
        citations=[
            cited(number, evidence, corpus)
            for number, evidence in enumerate(result.evidence, start=1)
        ],
    )


def cited(number: int, evidence: Evidence, corpus: Corpus) -> Citation:
    """A piece of evidence as ``explain`` numbers and places it (``corpus/a.txt:12``)."""
    document = corpus.document(evidence.source)
    line, column = line_and_column(document.text, evidence.start)
    return Citation(
        number=number,
        evidence=evidence,
        path=(Path(corpus.root) / evidence.source).as_posix(),
        line=line,
        column=column,
        meta=document.meta,
    )


# --- presentation -------------------------------------------------------------------------

_GROUPS = ((Stance.SUPPORTS, "Supporting"), (Stance.CONFLICTS, "Conflicting"))


def format_explanation(explained: Explanation, look: Look) -> str:
    """The explanation as text for the terminal (styled) or for a pipe (plain)."""
    result = explained.result
    where = f"{explained.claims_file}:{explained.line}" if explained.line else explained.claims_file
    head = Text()
    head.append(result.id, style=HEADING_STYLE)
    head.append(f"  ({where})", style=PATH_STYLE if look.color else "")
    verdict = Text()
    verdict.append_text(badge(result.verdict, look))
    verdict.append(f" {result.explanation}")
    items: list[RenderableType] = [head, indented(Text(result.text), 2), verdict]
    if result.parts:
        items.append(Text("Part by part:"))
        for part in result.parts:
            line = Text()
            line.append_text(badge(part.verdict, look))
            line.append(f" “{part.text}” {part.explanation}")
            items.append(indented(line, 2))
    if result.expect is not None:
        met = "met" if result.expect is result.verdict else "NOT met: `dossier check` will fail"
        items.append(Text(f"Expected: {result.expect.value} ({met})"))
    for stance, title in _GROUPS:
        group = [c for c in explained.citations if c.evidence.stance is stance]
        if group:
            items.append(Text(""))
            items.append(Text(f"{title} ({len(group)})", style=HEADING_STYLE))
            for citation in group:
                items.extend(format_citation(citation, look))
    if explained.candidates is not None:
        items.extend(_candidates(explained.candidates, look))
    if result.verdict is Verdict.UNVERIFIED:
        items.append(
            Text(f'To see the passages that share its words, run: dossier search "{result.text}"')
        )
    return render(items, look)


def format_citation(citation: Citation, look: Look) -> list[RenderableType]:
    e = citation.evidence
    head = Text(f"[{citation.number}] ")
    head.append(
        _place(citation.path, citation.line, e.page), style=PATH_STYLE if look.color else ""
    )
    if e.reviewed is not None:
        head.append(f"  {e.reviewed.value} by the editors", style=HEADING_STYLE)
    lines: list[RenderableType] = [indented(head, 2)]
    details = [Text(source_label(citation.meta))]
    if citation.meta.notes:
        details.append(Text(f"Source note: {' '.join(citation.meta.notes.split())}"))
    if e.speaker:
        details.append(Text(f"Speaker: {e.speaker}"))
    details.append(Text(f"Why: {e.reason}"))
    if e.part_unnamed:
        details.append(Text(f"Part: {e.part_unnamed}"))
    if e.rule:
        details.append(Text(f"Rule: {e.rule}"))
    offset = e.start - e.context_start
    marks = [(offset + a, offset + b) for a, b in e.highlights]
    details.append(
        marked(
            e.context,
            marks,
            look,
            quote=(offset, offset + len(e.quote)),
            base_style=CONTEXT_STYLE,
            cut=(e.cut_before, e.cut_after),
        )
    )
    lines.extend(indented(d, 6) for d in details)
    return lines


def _place(path: str, line: int, page: int | None) -> str:
    """Where a passage stands: ``corpus/a.txt:12``, and its page when its file has pages
    (``corpus/report.pdf:12, p. 3``)."""
    place = f"{one_line(path)}:{line}"
    return place if page is None else f"{place}, {page_label(page)}"


def _candidates(seen: Candidates, look: Look) -> list[RenderableType]:
    """The candidates left out, each with its rank, place, rule and reason and its sentence
    (shortened); then how many more, and how many each rule left out."""
    total = len(seen.left_out) + seen.more
    if not seen.retrieved:
        return [Text(""), Text("Not cited: no passage was retrieved for the claim.")]
    passages = "passage" if seen.retrieved == 1 else "passages"
    if not total:
        every = f"the {seen.retrieved} {passages} retrieved"
        every += " is" if seen.retrieved == 1 else " are"
        return [Text(""), Text(f"Not cited: none; {every} cited.")]
    head = f"Not cited ({total} of {seen.retrieved} {passages} retrieved, best first)"
    items: list[RenderableType] = [Text(""), Text(head, style=HEADING_STYLE)]
    for uncited in seen.left_out:
        place = Text(f"#{uncited.rank} ")
        place.append(
            _place(uncited.path, uncited.line, uncited.page), style=PATH_STYLE if look.color else ""
        )
        sentence = _shortened(uncited.sentence)
        items.append(indented(place, 2))
        items.append(indented(Text(f"left out by {uncited.rule}: {uncited.reason}"), 6))
        items.append(indented(Text(sentence, style=CONTEXT_STYLE if look.color else ""), 6))
    if seen.more:
        items.append(indented(Text(f"… {seen.more} more (--limit {total} lists all)"), 2))
    rules = ", ".join(f"{rule} {count}" for rule, count in seen.by_rule)
    items.append(Text(f"Left out by rule: {rules}"))
    return items


def _shortened(sentence: str) -> str:
    """The sentence on one line, cut after ``SENTENCE_CHARS`` characters at a space when there
    is one in its second half (a word too long to wrap is cut where it stands), with ``…``."""
    text = " ".join(sentence.split())
    if len(text) <= SENTENCE_CHARS:
        return text
    cut = text[:SENTENCE_CHARS]
    space = cut.rfind(" ")
    return (cut[:space] if space > SENTENCE_CHARS // 2 else cut) + " …"
