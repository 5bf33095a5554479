"""``dossier review``: the editor's decisions, given as options (for scripts) or key by key at
the terminal.

Both judge the claims exactly as a build does (through the build cache), with the reviews
already in the claims file laid over; every decision is written to the claims file at once, so
quitting (or a closed terminal) loses nothing decided before it.

At the terminal, the claims walked are those given, or else every claim that needs a person:
one not yet reviewed, one with a citation no one decided about (the tool found new evidence),
one whose approved citation the article no longer holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from rich.console import RenderableType
from rich.text import Text

from dossier.claims.load import load_claims
from dossier.errors import DossierError
from dossier.incremental.build import AFRESH, Preparing, prepared
from dossier.models import ClaimResult, ClaimSet, Corpus, Decision, Evidence, Stance, Verdict
from dossier.review.actions import (
    Editor,
    added,
    added_quote,
    decided,
    place,
    resolve,
    short,
    with_verdict,
)
from dossier.review.store import write_review
from dossier.sanitise import one_line
from dossier.tools.explain import cited, find_claim_index, format_citation
from dossier.tools.terminal import (
    HEADING_STYLE,
    PATH_STYLE,
    Look,
    badge,
    indented,
    render,
)
from dossier.verdict import decide

LOCK_HINT = (
    "Run `dossier lock` to record what was approved, so that `dossier check` fails when it "
    "no longer holds."
)


@dataclass(frozen=True)
class Asked:
    """The decisions given as options, for one claim (or, with ``accept_all``, several)."""

    accept_all: bool = False
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    add: str | None = None
    source: str | None = None
    stance: Stance | None = None
    verdict: Verdict | None = None
    note: str | None = None

    @property
    def anything(self) -> bool:
        return bool(
            self.accept_all or self.accept or self.reject or self.add is not None
            or self.source is not None or self.stance is not None
            or self.verdict is not None or self.note is not None
        )  # fmt: skip

    def problems(self, ids: Sequence[str]) -> list[str]:
        """What is wrong with these options together (before any work)."""
        found = []
        one = self.accept or self.reject or self.add is not None
        if not ids:
            found.append("name the claim to decide about: dossier review ID [options]")
        elif len(ids) > 1 and (one or (not self.accept_all and self.anything)):
            found.append(
                "--accept, --reject, --add, --verdict and --note decide about one claim; "
                f"{len(ids)} were named ({', '.join(ids)})"
            )
        if self.add is not None and (self.source is None or self.stance is None):
            found.append("--add needs --source FILE and --stance supports|conflicts")
        if self.add is None and (self.source is not None or self.stance is not None):
            found.append('--source and --stance go with --add "QUOTE"')
        clash = set(self.accept) & set(self.reject)
        if clash:
            found.append(f"{', '.join(sorted(clash))}: both accepted and rejected")
        return found


def run_asked(
    claims_path: Path,
    corpus_path: Path,
    ids: Sequence[str],
    asked: Asked,
    editor: Editor,
    how: Preparing = AFRESH,
) -> list[str]:
    """Record the decisions ``asked`` about the claims ``ids``; the lines to print."""
    if problems := asked.problems(ids):
        raise DossierError(*problems)
    claims = load_claims(claims_path)
    for claim_id in ids:
        find_claim_index(claims, claim_id)  # a wrong id is said before any work
    said: list[str] = []
    with prepared(claims_path, corpus_path, how, claims=claims) as ready:
        results = {r.id: r for r in ready.check(claims.only(ids))}
        for claim_id in ids:
            claims, lines = _decide(claims, ready.corpus, results[claim_id], asked, editor)
            said.extend(lines)
    said.append(LOCK_HINT)
    return said


def _decide(
    claims: ClaimSet, corpus: Corpus, result: ClaimResult, asked: Asked, editor: Editor
) -> tuple[ClaimSet, list[str]]:
    claim = claims.claims[find_claim_index(claims, result.id)]
    review, evidence = claim.review, result.evidence
    lines: list[str] = []
    accepting = [resolve(ref, claim.id, evidence, corpus) for ref in asked.accept]
    rejecting = [resolve(ref, claim.id, evidence, corpus) for ref in asked.reject]
    if clash := set(accepting) & set(rejecting):
        numbers = ", ".join(f"[{i + 1}]" for i in sorted(clash))
        raise DossierError(f"{claim.id}: {numbers} would be both accepted and rejected")
    if asked.accept_all:
        accepting = [i for i, e in enumerate(evidence) if e.reviewed is not Decision.ADDED]
    for i in accepting:
        review = decided(review, evidence[i], Decision.ACCEPTED, editor)
        lines.append(_said(claim.id, "accepted", i, evidence[i], corpus))
    for i in rejecting:
        review = decided(review, evidence[i], Decision.REJECTED, editor)
        lines.append(_said(claim.id, "rejected", i, evidence[i], corpus))
    if asked.add is not None and asked.source is not None and asked.stance is not None:
        name, quote = added_quote(corpus, asked.source, asked.add)
        review = added(review, name, quote, asked.stance, editor)
        where = (Path(corpus.root) / name).as_posix()
        lines.append(f"{claim.id}: added {where} ({asked.stance.value}): {short(quote)!r}")
    verdict = asked.verdict
    if verdict is None and asked.accept_all and (review is None or review.verdict is None):
        kept = [e for i, e in enumerate(evidence) if i not in rejecting]
        verdict = decide(kept)  # the tool's verdict on what was approved
    if verdict is not None or asked.note is not None:
        review = with_verdict(review, verdict, asked.note, editor)
        if review.verdict is not None:
            note = f" ({one_line(review.note)})" if review.note else ""
            lines.append(f"{claim.id}: verdict {review.verdict.value}{note}")
    if review is None or review == claim.review:
        return claims, [*lines, f"{claim.id}: nothing changed"]
    return write_review(Path(claims.path), claim.id, review), lines


def _said(claim_id: str, what: str, i: int, e: Evidence, corpus: Corpus) -> str:
    return f"{claim_id}: {what} [{i + 1}] {place(e, corpus)} ({e.stance.value}): {short(e.quote)!r}"


# --- at the terminal ----------------------------------------------------------------------


class Terminal(Protocol):
    """How the walk talks with the editor (the CLI: one key at a time, on stdin)."""

    def show(self, text: str) -> None: ...

    def key(self, prompt: str) -> str:
        """One key pressed ('' for Enter; 'q' when the input is closed)."""
        ...

    def line(self, prompt: str, default: str) -> str: ...


class Quit(Exception):
    """The editor pressed q: stop the walk (what was decided is written already)."""


@dataclass
class Walked:
    """What a walk did, for its last line."""

    claims: int = 0
    decisions: int = 0
    verdicts: int = 0
    quit: bool = False
    left: list[str] = field(default_factory=list)


CITATION_KEYS = {"a": "accept", "r": "reject", "s": "skip", "v": "verdict now", "q": "quit"}
VERDICT_KEYS = {
    "s": Verdict.SUPPORTED,
    "c": Verdict.CONTRADICTED,
    "d": Verdict.DISPUTED,
    "u": Verdict.UNVERIFIED,
}


def needs_review(result: ClaimResult) -> bool:
    """Whether a person should look at the claim: not yet reviewed, new evidence no one
    decided about, an accepted citation the tool now judges otherwise, or an approved citation
    the article no longer holds."""
    review = result.review
    if review is None or review.verdict is None:
        return True
    return review.unreviewed > 0 or review.changed > 0 or bool(review.lost)


def walk(
    claims_path: Path,
    corpus_path: Path,
    ids: Sequence[str],
    editor: Editor,
    terminal: Terminal,
    look: Look,
    how: Preparing = AFRESH,
) -> Walked:
    """Walk the claims ``ids`` (none: every claim that needs review), citation by citation."""
    claims = load_claims(claims_path)
    for claim_id in ids:
        find_claim_index(claims, claim_id)
    walked = Walked()
    with prepared(claims_path, corpus_path, how, claims=claims) as ready:
        results = ready.check(claims.only(ids) if ids else claims)
        todo = results if ids else [r for r in results if needs_review(r)]
        if not todo:
            terminal.show("Nothing to review: every claim is reviewed, with no new evidence.\n")
            return walked
        terminal.show(f"{len(todo)} claim{'' if len(todo) == 1 else 's'} to review.\n")
        for n, result in enumerate(todo, start=1):
            try:
                claims = _walk_claim(claims, ready.corpus, result, n, len(todo), editor,
                                     terminal, look, walked)  # fmt: skip
            except Quit:
                walked.quit = True
                walked.left = [r.id for r in todo[n - 1 :]]
                break
            walked.claims += 1
    return walked


def _walk_claim(
    claims: ClaimSet,
    corpus: Corpus,
    result: ClaimResult,
    n: int,
    total: int,
    editor: Editor,
    terminal: Terminal,
    look: Look,
    walked: Walked,
) -> ClaimSet:
    claim_id = result.id
    terminal.show(render(_claim_head(claims, result, n, total, look), look))
    evidence = result.evidence
    kept: list[Evidence] = []
    show_all = _walk_all(result)
    for i, e in enumerate(evidence):
        if e.reviewed is not None and not show_all:
            kept.append(e)
            continue
        terminal.show(render(_citation(result, corpus, i, look), look))
        key = _ask(terminal, CITATION_KEYS)
        if key == "q":
            raise Quit
        if key == "v":
            kept.extend(x for x in evidence[i:] if x.reviewed is not None)
            break
        if key in {"a", "r"}:
            claim = claims.claims[find_claim_index(claims, claim_id)]
            decision = Decision.ACCEPTED if key == "a" else Decision.REJECTED
            claims = write_review(
                Path(claims.path), claim_id, decided(claim.review, e, decision, editor)
            )
            walked.decisions += 1
            if decision is Decision.ACCEPTED:
                kept.append(e.model_copy(update={"reviewed": Decision.ACCEPTED}))
            continue
        kept.append(e)  # skipped: stays, undecided
    claim = claims.claims[find_claim_index(claims, claim_id)]
    current = claim.review.verdict if claim.review is not None else None
    default = current or decide(kept)
    options = " · ".join(f"{k} {v.value}" for k, v in VERDICT_KEYS.items())
    key = _ask(
        terminal,
        {"": f"Enter: {default.value}", **{k: v.value for k, v in VERDICT_KEYS.items()},
         "k": "decide later", "q": "quit"},
        prompt=f"Verdict for {claim_id} (Enter: {default.value}; {options}; k later; q quit)",
    )  # fmt: skip
    if key == "q":
        raise Quit
    if key == "k":
        return claims
    verdict = VERDICT_KEYS.get(key, default)
    old_note = claim.review.note if claim.review is not None and claim.review.note else ""
    note = terminal.line("Note for the reader (Enter: " + ("keep" if old_note else "none") + ")",
                         old_note)  # fmt: skip
    claims = write_review(
        Path(claims.path), claim_id, with_verdict(claim.review, verdict, note, editor)
    )
    walked.verdicts += 1
    terminal.show(f"{claim_id}: {verdict.value}, recorded in {claims.path}\n")
    return claims


def _walk_all(result: ClaimResult) -> bool:
    """Whether to show the citations already decided too (a claim named on the command line
    that has nothing new: the editor came back to it)."""
    return not any(e.reviewed is None for e in result.evidence)


def _ask(terminal: Terminal, keys: dict[str, str], prompt: str | None = None) -> str:
    """A key among ``keys``, asked again until one is pressed."""
    shown = prompt or "  " + " · ".join(f"{k} {v}" for k, v in keys.items())
    while True:
        key = terminal.key(shown).lower()
        if key in keys:
            return key
        terminal.show(f"  ({one_line(key)!r} is not one of {', '.join(repr(k) for k in keys)})\n")


def _claim_head(
    claims: ClaimSet, result: ClaimResult, n: int, total: int, look: Look
) -> list[RenderableType]:
    line = claims.lines.get(result.id)
    head = Text(f"[{n}/{total}] ")
    head.append(result.id, style=HEADING_STYLE)
    head.append(f"  ({claims.path}:{line})" if line else "", style=PATH_STYLE if look.color else "")
    items: list[RenderableType] = [Text(""), head, indented(Text(result.text), 2)]
    review = result.review
    tool = Text("Tool: ")
    tool.append_text(badge(review.tool_verdict if review else result.verdict, look))
    tool.append(f" {review.tool_explanation if review else result.explanation}")
    items.append(tool)
    if review is not None and review.verdict is not None:
        said = Text("Editor: ")
        said.append_text(badge(review.verdict, look))
        by = f" by {review.by}" if review.by else ""
        when = f", {review.date.isoformat()}" if review.date else ""
        said.append(f"{by}{when}" + (f": {review.note}" if review.note else ""))
        items.append(said)
    if review is not None:
        for lost in review.lost:
            items.append(Text(f"! {lost.decision.value} citation lost: {lost.source}: {lost.why}"))
        if review.changed:
            items.append(
                Text(f"! {review.changed} accepted citation(s) the tool now judges otherwise")
            )
        if review.rejected:
            items.append(Text(f"{len(review.rejected)} citation(s) rejected before"))
    if not result.evidence:
        items.append(Text("No citation. Add one with: dossier review ID --add QUOTE --source FILE"))
    return items


def _citation(result: ClaimResult, corpus: Corpus, i: int, look: Look) -> list[RenderableType]:
    e = result.evidence[i]
    title = Text("Supports the claim" if e.stance is Stance.SUPPORTS else "Conflicts with it")
    title.stylize(HEADING_STYLE)
    return [Text(""), title, *format_citation(cited(i + 1, e, corpus), look)]
