"""``review.store.write_review``: a claim's ``review:`` written into the claims file, every other
byte of the file kept (comments, blank lines, quoting, line endings, a BOM)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from dossier.claims.load import load_claims
from dossier.errors import ClaimsError
from dossier.models import Decision, Review, ReviewedCitation, Stance, Verdict
from dossier.review.store import write_review

ROOT = Path(__file__).parents[2]

REVIEW = Review(
    verdict=Verdict.DISPUTED,
    note="Official count: doubted in the same sentence.",
    by="J. Doe",
    date=dt.date(2026, 12, 6),
    citations=[
        ReviewedCitation(
            source="000_3f27ff8ca29bbeac.txt",
            quote='"We control 80 per cent of Raqa" - said: she #not a comment',
            decision=Decision.ACCEPTED,
            stance=Stance.SUPPORTS,
        ),
        ReviewedCitation(
            source="001_bc0f7c810eb851fd.txt",
            quote="a quote\nwrapped over two lines, with  two spaces",
            decision=Decision.REJECTED,
        ),
        ReviewedCitation(
            source="002_ef5497ef43890298.txt",
            quote="'single' and “curly” quotes: 65%",
            decision=Decision.ADDED,
            stance=Stance.CONFLICTS,
        ),
    ],
)


@pytest.fixture
def claims(tmp_path: Path) -> Path:
    """The repository's own claims file (comments, block notes, flow lists), copied."""
    path = tmp_path / "claims.yaml"
    shutil.copy(ROOT / "claims.yaml", path)
    return path


def without_block(text: str, first_line: str) -> str:
    """``text`` with the block that starts at the line ``first_line`` (and goes on with the
    lines indented deeper) cut out."""
    lines = text.splitlines(keepends=True)
    start = lines.index(first_line)
    indent = len(first_line) - len(first_line.lstrip())
    end = start + 1
    while end < len(lines) and len(lines[end]) - len(lines[end].lstrip()) > indent:
        end += 1
    return "".join(lines[:start] + lines[end:])


@pytest.mark.parametrize("claim_id", ["us-troops-in-syria", "aleppo-civilians-killed"])
def test_the_review_is_written_and_every_other_byte_kept(claims: Path, claim_id: str) -> None:
    before = claims.read_text(encoding="utf-8")

    after_set = write_review(claims, claim_id, REVIEW)

    after = claims.read_text(encoding="utf-8")
    assert without_block(after, "    review:\n") == before
    assert [c.review for c in after_set.claims if c.id == claim_id] == [REVIEW]
    assert load_claims(claims).claims == after_set.claims
    assert all(c.review is None for c in after_set.claims if c.id != claim_id)


def test_a_review_is_replaced_in_place_and_removed(claims: Path) -> None:
    before = claims.read_text(encoding="utf-8")
    write_review(claims, "us-troops-in-syria", REVIEW)
    changed = REVIEW.model_copy(update={"verdict": Verdict.SUPPORTED, "citations": []})

    write_review(claims, "us-troops-in-syria", changed)

    text = claims.read_text(encoding="utf-8")
    assert text.count("review:") == 1
    assert [c.review for c in load_claims(claims).claims if c.id == "us-troops-in-syria"] == [
        changed
    ]
    write_review(claims, "us-troops-in-syria", None)
    assert claims.read_text(encoding="utf-8") == before


def test_crlf_line_endings_and_a_bom_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_bytes(
        b"\xef\xbb\xbf# top comment\r\nclaims:\r\n  - id: a\r\n    text: First claim.\r\n"
        b"  # between\r\n  - id: b\r\n    text: Second claim."
    )

    write_review(path, "b", REVIEW)
    write_review(path, "a", REVIEW)

    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# top comment\r\nclaims:\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"  # between\r\n" in data
    assert [c.review for c in load_claims(path).claims] == [REVIEW, REVIEW]


def test_a_claim_in_braces_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    text = "claims:\n  - {id: a, text: First claim.}\n"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(ClaimsError, match=r"claims\.yaml:2:5: the claim 'a' is written in braces"):
        write_review(path, "a", REVIEW)
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    "review, problem",
    [
        (
            "    review:\n      verdict: supportd\n",
            "claims.yaml:5:16: claims[0].review.verdict: 'supportd' is not a verdict",
        ),
        (
            "    review:\n      citations:\n        - source: a.txt\n          quote: x\n"
            "          decision: added\n",
            "claims.yaml:6:11: claims[0].review.citations[0]: an added citation needs its "
            "stance: supports or conflicts",
        ),
        (
            "    review:\n      citations:\n        - source: a.txt\n          quote: x\n"
            "          decision: acepted\n",
            "claims.yaml:8:21: claims[0].review.citations[0].decision: 'acepted' is not a "
            "decision; use one of accepted, rejected, added",
        ),
        (
            "    review:\n      verdict: disputed\n      by_whom: me\n",
            "claims.yaml:6:7: claims[0].review.by_whom: unknown key; a review may have verdict, "
            "note, by, date, citations",
        ),
        (
            "    review:\n      date: 20261206\n",
            "claims.yaml:5:13: claims[0].review.date: 20261206 is a number, not a date",
        ),
    ],
    ids=["verdict", "added without stance", "decision", "unknown key", "number as date"],
)
def test_a_mistake_typed_into_a_review_is_told_at_its_line(
    tmp_path: Path, review: str, problem: str
) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text("claims:\n  - id: a\n    text: First claim.\n" + review, encoding="utf-8")

    with pytest.raises(ClaimsError) as raised:
        load_claims(path)

    [told] = raised.value.problems
    assert problem in told
