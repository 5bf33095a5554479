"""The published edition (``review.publish``, ``dossier build --published``): the claims an
editor gave a verdict, each with only the citations approved; the same bytes through the build
cache as without it."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dossier.incremental.build
import dossier.verdict
from dossier.cli import app
from dossier.models import (
    ClaimPart,
    ClaimResult,
    Decision,
    Evidence,
    QuotedCitation,
    Report,
    Review,
    ReviewedCitation,
    ReviewOutcome,
    SourceEntry,
    SourceMeta,
    Stance,
    Verdict,
)
from dossier.review.publish import NothingToPublish, publish
from dossier.review.store import write_review

ROOT = Path(__file__).resolve().parents[2]

# --- the pure function ------------------------------------------------------------------------


def _evidence(source: str, quote: str, stance: Stance, reviewed: Decision | None) -> Evidence:
    return Evidence(
        stance=stance,
        source=source,
        start=0,
        end=len(quote),
        quote=quote,
        reason="a reason",
        rule="statements.states",
        score=1.0,
        paragraph_start=0,
        paragraph_end=len(quote),
        context_start=0,
        context_end=len(quote),
        context=quote,
        reviewed=reviewed,
    )


def _claim(
    claim_id: str, evidence: list[Evidence], review: ReviewOutcome | None, verdict: Verdict
) -> ClaimResult:
    return ClaimResult(
        id=claim_id,
        text=f"The claim {claim_id}.",
        verdict=verdict,
        explanation="As the tool or the editors said.",
        evidence=evidence,
        review=review,
    )


def _outcome(verdict: Verdict | None, **fields: object) -> ReviewOutcome:
    return ReviewOutcome(
        verdict=verdict,
        tool_verdict=Verdict.DISPUTED,
        tool_explanation="Sources disagree.",
        **fields,  # type: ignore[arg-type]
    )


def _report(claims: list[ClaimResult]) -> Report:
    sources = [
        SourceEntry(path=path, sha256="", meta=SourceMeta(), passages=3, cited=cited)
        for path, cited in (("a.txt", 3), ("b.txt", 2), ("c.txt", 0))
    ]
    return Report(
        title="Story",
        as_of=dt.date(2026, 1, 2),
        claims_file="claims.yaml",
        corpus_dir="corpus",
        documents=3,
        passages=9,
        furniture_paragraphs=0,
        sources=sources,
        claims=claims,
    )


def sample() -> Report:
    """A reviewed claim (an accepted, an added and an undecided citation), one under review,
    one no one reviewed, and a reviewed one whose approved citations are all lost."""
    reviewed = _claim(
        "reviewed",
        [
            _evidence("a.txt", "Backed.", Stance.SUPPORTS, Decision.ACCEPTED),
            _evidence("a.txt", "Undecided.", Stance.CONFLICTS, None),
            _evidence("b.txt", "Added.", Stance.CONFLICTS, Decision.ADDED),
        ],
        _outcome(
            Verdict.CONTRADICTED,
            by="Jane Doe",
            date=dt.date(2026, 1, 3),
            note="Why.",
            rejected=[QuotedCitation(source="b.txt", quote="No.", decision=Decision.REJECTED)],
            unreviewed=1,
        ),
        Verdict.CONTRADICTED,
    )
    in_progress = _claim(
        "in-progress",
        [_evidence("a.txt", "Backed.", Stance.SUPPORTS, Decision.ACCEPTED)],
        _outcome(None),
        Verdict.SUPPORTED,
    )
    unreviewed = _claim(
        "unreviewed",
        [_evidence("b.txt", "Other.", Stance.SUPPORTS, None)],
        None,
        Verdict.SUPPORTED,
    )
    lost = _claim(
        "lost",
        [_evidence("a.txt", "Undecided.", Stance.SUPPORTS, None)],
        _outcome(
            Verdict.UNVERIFIED,
            lost=[
                QuotedCitation(
                    source="c.txt", quote="Gone.", decision=Decision.ACCEPTED, why="edited"
                )
            ],
        ),
        Verdict.UNVERIFIED,
    )
    return _report([reviewed, in_progress, unreviewed, lost])


def test_the_published_edition_keeps_the_reviewed_claims_in_order() -> None:
    edition = publish(sample())

    assert edition.published is True
    assert [c.id for c in edition.claims] == ["reviewed", "lost"]


def test_a_published_claim_keeps_only_its_approved_citations() -> None:
    reviewed, lost = publish(sample()).claims

    assert [(e.quote, e.reviewed) for e in reviewed.evidence] == [
        ("Backed.", Decision.ACCEPTED),
        ("Added.", Decision.ADDED),
    ]
    assert lost.evidence == []
    assert lost.review == sample().claims[3].review  # the lost citation is still told


def test_a_published_compound_claim_judges_its_known_parts_on_what_it_keeps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unread(text: str) -> list[str]:
        raise AssertionError("the claim's parts are known: it is not read again")

    monkeypatch.setattr(dossier.verdict, "claim_parts", unread)
    first, second = "The mayor closed the bridge.", "The mayor reopened the school."
    backed = _evidence("a.txt", "Backed.", Stance.SUPPORTS, Decision.ACCEPTED)
    undecided = _evidence("a.txt", "Undecided.", Stance.SUPPORTS, None)
    claim = _claim(
        "parts",
        [backed.model_copy(update={"part": first}), undecided.model_copy(update={"part": second})],
        _outcome(Verdict.SUPPORTED, by="Jane Doe"),
        Verdict.SUPPORTED,
    )
    told = "Backed by 1 passage in 1 source; no passage conflicts with it."
    claim = claim.model_copy(
        update={
            "parts": [
                ClaimPart(text=first, verdict=Verdict.SUPPORTED, explanation=told),
                ClaimPart(text=second, verdict=Verdict.SUPPORTED, explanation=told),
            ]
        }
    )

    [published] = publish(_report([claim])).claims

    assert [(p.text, p.verdict) for p in published.parts] == [
        (first, Verdict.SUPPORTED),
        (second, Verdict.UNVERIFIED),
    ]


def test_a_published_claim_keeps_the_editors_verdict_and_explains_what_it_shows() -> None:
    reviewed, lost = publish(sample()).claims

    assert reviewed.verdict is Verdict.CONTRADICTED  # the editor's, though the tool's differs
    assert reviewed.review is not None and reviewed.review.tool_verdict is Verdict.DISPUTED
    assert reviewed.explanation == (
        "The verdict of Jane Doe, 2026-01-03. Sources disagree: backed by 1 passage in 1 "
        "source, contradicted by 1 passage in 1 source."
    )
    assert lost.explanation == (
        "The verdict of the editors. No passage in the corpus addresses this claim."
    )


def test_the_sources_count_the_citations_of_the_edition() -> None:
    edition = publish(sample())

    assert [(s.path, s.cited) for s in edition.sources] == [
        ("a.txt", 1),
        ("b.txt", 1),
        ("c.txt", 0),
    ]


def test_publishing_leaves_the_report_it_is_given_as_it_was() -> None:
    report = sample()
    before = report.model_dump_json()

    publish(report)

    assert report.model_dump_json() == before


def test_a_dossier_with_no_reviewed_claim_has_nothing_to_publish() -> None:
    report = sample()
    unreviewed = report.model_copy(update={"claims": report.claims[1:3]})

    with pytest.raises(NothingToPublish) as raised:
        publish(unreviewed)

    assert str(raised.value) == (
        "claims.yaml: no claim has an editor's verdict yet, so the published edition would be "
        "empty; review claims first (dossier review ID --verdict ...), or build without "
        "--published."
    )


# --- dossier build --published, end to end ----------------------------------------------------

RAQQA_80 = (
    '"We control 80 per cent of Raqa and the other 20 per cent is in the firing line of our '
    'forces", said Jihan Sheikh Ahmed, spokeswoman for the "Wrath of the Euphrates" operation.'
)
RAQQA_65 = (
    "The offensive to retake the northern Syrian city of Raqqa was launched by the SDF in early "
    "June and forces have already seized around 65 percent of the city."
)
AMAQ = "The ISIS-linked news agency Amaq has claimed killing of 3 Russian soldiers near Khusham."
CONTRACTORS = (
    "However, photos allow to suggest that the killed fighters were likely private military "
    "contractors (PMCs) supporting the SAA advance."
)
STRIKES = (
    '"They have conducted over 1,500 strikes against Daesh terrorist targets and helped train '
    'almost 60,000 Iraqi security forces".'
)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """The seed corpus and the pipeline's claims, two claims reviewed and one under review."""
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    claims = tmp_path / "claims.yaml"
    shutil.copy(ROOT / "tests" / "fixtures" / "pipeline" / "claims.yaml", claims)
    day = dt.date(2017, 9, 22)
    write_review(
        claims,
        "sdf-raqqa",
        Review(
            verdict=Verdict.CONTRADICTED,
            by="Jane Doe",
            date=day,
            note="The spokeswoman's 80% is her side's claim.",
            citations=[
                ReviewedCitation(
                    source="000_3f27ff8ca29bbeac.txt", quote=RAQQA_80, decision=Decision.REJECTED
                ),
                ReviewedCitation(
                    source="001_bc0f7c810eb851fd.txt", quote=RAQQA_65, decision=Decision.ACCEPTED
                ),
            ],
        ),
    )
    write_review(
        claims,
        "amaq",
        Review(
            verdict=Verdict.DISPUTED,
            by="Omar Haddad",
            date=day,
            citations=[
                ReviewedCitation(
                    source="004_789f6fb8151edd24.txt", quote=AMAQ, decision=Decision.ACCEPTED
                ),
                ReviewedCitation(
                    source="004_789f6fb8151edd24.txt",
                    quote=CONTRACTORS,
                    decision=Decision.ADDED,
                    stance=Stance.CONFLICTS,
                ),
            ],
        ),
    )
    write_review(
        claims,
        "strikes",
        Review(
            citations=[
                ReviewedCitation(
                    source="000_3f27ff8ca29bbeac.txt", quote=STRIKES, decision=Decision.ACCEPTED
                )
            ]
        ),
    )
    return tmp_path


def build(story: Path, out: str, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        app,
        ["build", *options, "--format", "json,html", "--claims", str(story / "claims.yaml"),
         "--corpus", str(story / "corpus"), "--out", str(story / out)],
    )  # fmt: skip
    return result.exit_code, result.output


def outputs(story: Path, out: str) -> tuple[bytes, bytes]:
    return (story / out / "dossier.json").read_bytes(), (story / out / "dossier.html").read_bytes()


@pytest.mark.slow
def test_build_published_writes_the_reviewed_claims_with_their_approved_citations(
    story: Path,
) -> None:
    code, output = build(story, "out", "--no-cache", "--published")

    assert code == 0, output
    assert output.splitlines()[0] == (
        "published edition: 2 reviewed claims, checked against 5 articles: "
        "1 contradicted, 1 disputed"
    )
    data = json.loads((story / "out" / "dossier.json").read_text(encoding="utf-8"))
    assert data["published"] is True
    assert [(c["id"], c["verdict"]) for c in data["claims"]] == [
        ("sdf-raqqa", "contradicted"),
        ("amaq", "disputed"),
    ]
    raqqa, amaq = data["claims"]
    assert [(e["quote"], e["reviewed"]) for e in raqqa["evidence"]] == [(RAQQA_65, "accepted")]
    assert [(e["quote"], e["stance"], e["reviewed"]) for e in amaq["evidence"]] == [
        (AMAQ, "supports", "accepted"),
        (CONTRACTORS, "conflicts", "added"),
    ]
    assert raqqa["review"]["tool_verdict"] == "disputed"
    assert {s["path"]: s["cited"] for s in data["sources"]} == {
        "000_3f27ff8ca29bbeac.txt": 0,
        "001_bc0f7c810eb851fd.txt": 1,
        "002_ef5497ef43890298.txt": 0,
        "003_82c97ecf1f039aa3.txt": 0,
        "004_789f6fb8151edd24.txt": 2,
    }
    html = (story / "out" / "dossier.html").read_text(encoding="utf-8")
    assert "<title>Test (published edition)</title>" in html
    assert "Reviewed by Jane Doe, 22 September 2017" in html


@pytest.mark.slow
def test_build_published_gives_the_same_bytes_through_the_cache_as_without_it(
    story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dossier.incremental.build, "STAMP_MARGIN_NS", 0)  # outputs kept at once
    cache = ("--cache-dir", str(story / "cache"))

    assert build(story, "full", *cache)[0] == 0
    assert build(story, "cold", *cache, "--published")[0] == 0  # not the full dossier kept
    assert build(story, "warm", *cache, "--published")[0] == 0  # the published one kept
    assert build(story, "again", *cache)[0] == 0
    assert build(story, "afresh", "--no-cache", "--published")[0] == 0

    published = outputs(story, "afresh")
    assert outputs(story, "cold") == published
    assert outputs(story, "warm") == published
    assert outputs(story, "again") == outputs(story, "full") != published
    assert json.loads(outputs(story, "full")[0])["published"] is False


@pytest.mark.parametrize("cache", [["--no-cache"], ["--cache-dir", "cache"]])
def test_build_published_with_no_reviewed_claim_is_an_error_and_writes_nothing(
    tmp_path: Path, cache: list[str]
) -> None:
    claims = ROOT / "tests" / "fixtures" / "pipeline" / "claims.yaml"
    out = tmp_path / "out"
    options = [o if o != "cache" else str(tmp_path / "cache") for o in cache]

    result = CliRunner().invoke(
        app,
        ["build", *options, "--published", "--format", "json", "--claims", str(claims),
         "--corpus", str(ROOT / "corpus"), "--out", str(out)],
    )  # fmt: skip

    assert result.exit_code == 2
    assert result.output == (
        f"Error: {claims}: no claim has an editor's verdict yet, so the published edition "
        "would be empty; review claims first (dossier review ID --verdict ...), or build "
        "without --published.\n"
    )
    assert not out.exists()
