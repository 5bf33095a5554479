"""``dossier review`` end to end, on a copy of the repository's seed claims and corpus: every
action (accept, reject, add, verdict, accept-all, the keys at the terminal), what the dossier
then says, robustness to edits of the articles, and what ``dossier check`` makes of it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from dossier.claims.load import load_claims
from dossier.cli import app
from dossier.models import Decision, Review, ReviewedCitation, Stance, Verdict
from dossier.review.store import write_review

ROOT = Path(__file__).parents[2]
ARTICLE = "000_3f27ff8ca29bbeac.txt"
TROOPS = "us-troops-in-syria"  # [1] supports, [2] conflicts: both in ARTICLE, line 27
RAQQA = "sdf-controls-80-percent-raqqa"  # [1] supports (80 per cent), [2] conflicts (65 percent)
SENTENCE = (
    "While the Pentagon says there are about 500 US troops now deployed to Syria - mostly "
    "special operations forces - the actual number is unknown and believed to be much higher."
)
CLAUSE = "the actual number is unknown and believed to be much higher"

runner = CliRunner()


def dossier(*args: str, input: str | None = None) -> Result:
    return runner.invoke(app, list(args), input=input)


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seed claims and corpus, as the current folder."""
    shutil.copy(ROOT / "claims.yaml", tmp_path / "claims.yaml")
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def review_of(ws: Path, claim_id: str) -> Review | None:
    [claim] = [c for c in load_claims(ws / "claims.yaml").claims if c.id == claim_id]
    return claim.review


def built(ws: Path, *options: str) -> dict[str, Any]:
    result = dossier("build", "--format", "json", "--no-cache", *options)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads((ws / "out" / "dossier.json").read_text(encoding="utf-8"))
    return data


def claim_in(data: dict[str, Any], claim_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in data["claims"] if c["id"] == claim_id)
    return found


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8", newline="")


# --- actions for scripts ------------------------------------------------------------------


def test_accept_reject_and_verdict_are_recorded_and_shown(ws: Path) -> None:
    result = dossier(
        "review", TROOPS, "--accept", "1", "--reject", "2", "--verdict", "disputed",
        "--note", "Official count, doubted in the same sentence.", "--by", "J. Doe",
        "--date", "2026-12-06",
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    assert f"{TROOPS}: accepted [1] corpus/{ARTICLE}:27 (supports)" in result.stdout
    assert f"{TROOPS}: rejected [2] corpus/{ARTICLE}:27 (conflicts)" in result.stdout
    review = review_of(ws, TROOPS)
    assert review is not None
    assert (review.verdict, review.by, str(review.date)) == ("disputed", "J. Doe", "2026-12-06")
    assert [(c.quote, c.decision, c.stance) for c in review.citations] == [
        (SENTENCE, Decision.ACCEPTED, Stance.SUPPORTS),
        (CLAUSE, Decision.REJECTED, None),
    ]
    claim = claim_in(built(ws), TROOPS)
    assert claim["verdict"] == "disputed"
    assert [(e["quote"], e["reviewed"]) for e in claim["evidence"]] == [(SENTENCE, "accepted")]
    assert claim["review"]["tool_verdict"] == "disputed"
    assert claim["review"]["note"] == "Official count, doubted in the same sentence."
    assert [r["quote"] for r in claim["review"]["rejected"]] == [CLAUSE]


def test_a_rejected_citation_never_comes_back(ws: Path) -> None:
    assert dossier("review", TROOPS, "--reject", "2").exit_code == 0

    explained = dossier("explain", TROOPS)
    walked = dossier("review", TROOPS, input="s\nk")

    assert "Conflicting" not in explained.stdout and "[2]" not in explained.stdout
    assert walked.stdout.count("Conflicts with it") == 0
    assert claim_in(built(ws), TROOPS)["verdict"] == "supported"  # the tool's, on what is left


@pytest.mark.parametrize(
    "ref",
    ["2", "corpus/001_bc0f7c810eb851fd.txt:27", "001_bc0f7c810eb851fd.txt:27", "65 PERCENT"],
    ids=["number", "place", "place without the corpus folder", "words, any case"],
)
def test_a_citation_is_named_by_number_place_or_words(ws: Path, ref: str) -> None:
    result = dossier("review", RAQQA, "--reject", ref)

    assert result.exit_code == 0, result.output
    review = review_of(ws, RAQQA)
    assert review is not None
    assert [(c.source, c.decision) for c in review.citations] == [
        ("001_bc0f7c810eb851fd.txt", Decision.REJECTED)
    ]
    assert "around 65 percent of the city" in review.citations[0].quote


@pytest.mark.parametrize(
    "ref, problem",
    [
        ("9", f"{TROOPS}: there is no citation [9]; the claim has 2"),
        (
            f"corpus/{ARTICLE}:27",
            f"{TROOPS}: 'corpus/{ARTICLE}:27' names 2 citations: [1] corpus/{ARTICLE}:27",
        ),
        ("Pentagon says nothing", f"{TROOPS}: no citation is at 'Pentagon says nothing'"),
    ],
    ids=["number out of range", "place of two", "words of none"],
)
def test_a_citation_named_wrongly_is_refused_and_nothing_written(
    ws: Path, ref: str, problem: str
) -> None:
    before = (ws / "claims.yaml").read_bytes()

    result = dossier("review", TROOPS, "--accept", "1", "--reject", ref)

    assert result.exit_code == 2
    assert problem in result.stderr
    assert (ws / "claims.yaml").read_bytes() == before


def test_an_added_passage_must_be_in_the_article_word_for_word(ws: Path) -> None:
    near = "the actual number is known and believed to be much higher"
    wrong = dossier("review", TROOPS, "--add", near, "--source", ARTICLE, "--stance", "conflicts")
    missing = dossier(
        "review", TROOPS, "--add", near, "--source", "000_3f27.txt", "--stance", "conflicts"
    )
    rewrapped = "We control 80 per cent\nof Raqa"  # a line break copied from a narrow column
    added = dossier(
        "review", RAQQA, "--add", rewrapped, "--source", f"corpus/{ARTICLE}", "--stance",
        "supports", "--verdict", "disputed",
    )  # fmt: skip

    assert wrong.exit_code == 2
    assert (
        f"corpus/{ARTICLE} does not hold '{near}' word for word; the closest passage reads "
        f"'{CLAUSE}'"
    ) in wrong.stderr
    assert missing.exit_code == 2
    assert "--source: 000_3f27.txt is not an article of corpus/; did you mean" in missing.stderr
    assert added.exit_code == 0, added.output
    review = review_of(ws, RAQQA)
    assert review is not None
    assert [(c.quote, c.decision, c.stance) for c in review.citations] == [
        ("We control 80 per cent of Raqa", Decision.ADDED, Stance.SUPPORTS)
    ]
    [cited] = [e for e in claim_in(built(ws), RAQQA)["evidence"] if e["reviewed"] == "added"]
    text = (ws / "corpus" / ARTICLE).read_text(encoding="utf-8")
    assert text[cited["start"] : cited["end"]] == cited["quote"]


def test_an_added_passage_the_tool_never_cites_is_cited_with_the_editors_stance(
    ws: Path,
) -> None:
    quote = "But U.S. forces on the ground are not speaking with Russian forces on the ground"
    result = dossier(
        "review", TROOPS, "--add", quote, "--source", ARTICLE, "--stance", "conflicts",
        "--by", "J. Doe",
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    [cited] = [e for e in claim_in(built(ws), TROOPS)["evidence"] if e["reviewed"] == "added"]
    assert (cited["quote"], cited["stance"], cited["rule"]) == (quote, "conflicts", "review.added")
    assert cited["reason"] == "added by J. Doe as it conflicts with the claim"


def test_accept_all_takes_the_tools_verdict_on_what_was_accepted(ws: Path) -> None:
    result = dossier("review", "--accept-all", TROOPS, RAQQA, "--by", "Desk")

    assert result.exit_code == 0, result.output
    for claim_id in (TROOPS, RAQQA):
        review = review_of(ws, claim_id)
        assert review is not None and review.verdict is Verdict.DISPUTED
        assert {c.decision for c in review.citations} == {Decision.ACCEPTED}
        assert review.by == "Desk" and review.date is None  # never the clock unless asked


@pytest.mark.parametrize(
    "args, problem",
    [
        (["review", "--reject", "1"], "name the claim to decide about"),
        (["review", TROOPS, RAQQA, "--verdict", "disputed"], "decide about one claim; 2 were"),
        (["review", TROOPS, "--add", "x"], "--add needs --source FILE and --stance"),
        (["review", TROOPS, "--stance", "supports"], '--source and --stance go with --add "QUOTE"'),
        (["review", TROOPS, "--verdict", "maybe"], "--verdict: 'maybe' is not a verdict"),
        (["review", TROOPS, "--date", "6 Dec", "--verdict", "disputed"], "--date: '6 Dec' is not"),
        (["review", "us-troops", "--verdict", "disputed"], "did you mean 'us-troops-in-syria'?"),
        (["review", TROOPS, "--accept", "1", "--reject", "1"], "1: both accepted and rejected"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else "",
)
def test_wrong_options_are_refused_before_anything_is_written(
    ws: Path, args: list[str], problem: str
) -> None:
    before = (ws / "claims.yaml").read_bytes()

    result = dossier(*args)

    assert result.exit_code == 2, result.output
    assert problem in result.stderr
    assert (ws / "claims.yaml").read_bytes() == before


# --- at the terminal ----------------------------------------------------------------------


def test_the_walk_records_each_key_and_the_verdict(ws: Path) -> None:
    # us-troops-in-syria: accept [1], reject [2], Enter: the tool's verdict on what was kept,
    # a note; then quit at the next claim.
    result = dossier("review", "--by", "Ed", input="ar\nOnly the official count.\nq")

    assert result.exit_code == 0, result.output
    assert "21 claims to review." in result.stdout
    assert "Verdict for us-troops-in-syria (Enter: supported;" in result.stdout
    assert "2 citation decision(s), 1 verdict(s) recorded; 20 claim(s) left" in result.stdout
    review = review_of(ws, TROOPS)
    assert review is not None
    assert (review.verdict, review.note, review.by) == (
        Verdict.SUPPORTED, "Only the official count.", "Ed"
    )  # fmt: skip
    again = dossier("review", input="q")
    assert "20 claims to review." in again.stdout  # a reviewed claim is not walked again
    assert f"[1/20] {TROOPS}" not in again.stdout


def test_quitting_loses_nothing_decided_before(ws: Path) -> None:
    result = dossier("review", TROOPS, input="aq")

    assert result.exit_code == 0, result.output
    review = review_of(ws, TROOPS)
    assert review is not None and review.verdict is None
    assert [c.decision for c in review.citations] == [Decision.ACCEPTED]
    shown = claim_in(built(ws), TROOPS)
    assert shown["review"]["verdict"] is None and shown["review"]["unreviewed"] == 1


def test_a_key_that_means_nothing_is_asked_again(ws: Path) -> None:
    result = dossier("review", TROOPS, input="xas\nd\n\n")

    assert "('x' is not one of 'a', 'r', 's', 'v', 'q')" in result.stdout
    review = review_of(ws, TROOPS)
    assert review is not None and review.verdict is Verdict.DISPUTED


def test_a_claim_named_again_shows_its_decided_citations(ws: Path) -> None:
    assert dossier("review", "--accept-all", TROOPS).exit_code == 0

    result = dossier("review", TROOPS, input="src\n")

    assert "accepted by the editors" in result.stdout
    review = review_of(ws, TROOPS)
    assert review is not None and review.verdict is Verdict.CONTRADICTED
    assert [c.decision for c in review.citations] == [Decision.ACCEPTED, Decision.REJECTED]


def test_nothing_to_review_is_said(ws: Path) -> None:
    claims = load_claims(ws / "claims.yaml")
    ids = [c.id for c in claims.claims]
    assert dossier("review", "--accept-all", *ids).exit_code == 0

    result = dossier("review")

    assert "Nothing to review: every claim is reviewed, with no new evidence." in result.stdout


# --- robust to edits of the articles ------------------------------------------------------


@pytest.mark.parametrize("change", ["rewrapped", "renamed"])
def test_approvals_hold_when_the_article_is_rewrapped_or_renamed(ws: Path, change: str) -> None:
    assert dossier("review", TROOPS, "--accept", "1", "--reject", "2").exit_code == 0
    article = ws / "corpus" / ARTICLE
    if change == "rewrapped":
        edit(article, "there are about 500 US troops", "there are\nabout 500 US troops")
    else:
        article.rename(ws / "corpus" / "renamed.txt")

    claim = claim_in(built(ws), TROOPS)

    source = "renamed.txt" if change == "renamed" else ARTICLE
    assert [(e["source"], e["reviewed"]) for e in claim["evidence"]] == [(source, "accepted")]
    assert claim["review"]["lost"] == [] and len(claim["review"]["rejected"]) == 1


def test_an_approved_quote_edited_in_the_article_fails_the_check(ws: Path) -> None:
    assert dossier("review", TROOPS, "--accept", "1", "--verdict", "disputed").exit_code == 0
    assert dossier("lock").exit_code == 0
    edit(ws / "corpus" / ARTICLE, "about 500 US troops now", "about 600 US troops now")

    check = dossier("check")
    claim = claim_in(built(ws), TROOPS)

    assert check.exit_code == 1
    assert (
        f"{TROOPS}: approved citation lost: corpus/{ARTICLE}: accepted in review, "
        '"While the Pentagon says'
    ) in check.stdout
    assert "about [-500-] {+600+} US troops" in check.stdout
    assert [lost["quote"] for lost in claim["review"]["lost"]] == [SENTENCE]


# --- what dossier check makes of it -------------------------------------------------------


def test_new_evidence_on_a_reviewed_claim_is_a_note_or_a_failure_when_asked(ws: Path) -> None:
    assert dossier("review", TROOPS, "--accept", "1", "--verdict", "supported").exit_code == 0
    assert dossier("lock").exit_code == 0

    noted = dossier("check")
    failed = dossier("check", "--fail-on-new-evidence")

    new = (
        f"{TROOPS}: new evidence: the tool cites what no editor has reviewed: "
        f"corpus/{ARTICLE}:27 (conflicts); run `dossier review {TROOPS}`"
    )
    assert new in noted.stdout and new in failed.stdout
    assert "expectation not met" in noted.stdout  # expect: disputed; the editor said supported
    assert dossier("check", "--fail-on-new-evidence", "--format", "json").exit_code == 1


def test_a_locked_citation_rejected_since_is_a_note_until_relocked(ws: Path) -> None:
    assert dossier("lock").exit_code == 0
    assert dossier("review", RAQQA, "--reject", "2").exit_code == 0

    check = dossier("check")
    assert f"{RAQQA}: citation rejected: corpus/001_bc0f7c810eb851fd.txt:27:" in check.stdout
    assert "support lost" not in check.stdout
    assert dossier("lock").exit_code == 0
    assert "citation rejected" not in dossier("check").stdout


def test_a_reviewed_dossier_is_the_same_through_the_cache(ws: Path) -> None:
    assert dossier("review", TROOPS, "--accept", "1", "--reject", "2").exit_code == 0
    quote = "But U.S. forces on the ground are not speaking with Russian forces on the ground"
    added = ("review", RAQQA, "--add", quote, "--source", ARTICLE, "--stance", "conflicts")
    assert dossier(*added).exit_code == 0
    assert claim_in(built(ws), RAQQA)["review"] is not None  # afresh (--no-cache)
    afresh = (ws / "out" / "dossier.json").read_bytes()

    for _ in range(2):  # the first fills the cache, the second reads it back
        result = dossier("build", "--format", "json")
        assert result.exit_code == 0, result.output
        assert (ws / "out" / "dossier.json").read_bytes() == afresh
    result = dossier("build", "--format", "json,html")
    assert result.exit_code == 0, result.output
    assert (ws / "out" / "dossier.json").read_bytes() == afresh


def test_an_accepted_citation_the_tool_now_judges_otherwise_is_walked_again(ws: Path) -> None:
    clause = ReviewedCitation(
        source=ARTICLE, quote=CLAUSE, decision=Decision.ACCEPTED, stance=Stance.SUPPORTS
    )
    write_review(ws / "claims.yaml", TROOPS, Review(verdict=Verdict.SUPPORTED, citations=[clause]))
    assert dossier("review", "--accept-all", RAQQA).exit_code == 0

    claim = claim_in(built(ws), TROOPS)
    walked = dossier("review", input="q")

    assert claim["review"]["changed"] == 1
    [kept] = [e for e in claim["evidence"] if e["quote"] == CLAUSE]
    assert (kept["stance"], kept["reviewed"]) == ("supports", "accepted")
    assert "the tool finds that it conflicts with the claim" in kept["reason"]
    assert f"[1/20] {TROOPS}" in walked.stdout  # reviewed, but walked: it changed
    assert "! 1 accepted citation(s) the tool now judges otherwise" in walked.stdout
