"""`dossier lock` records what each claim rests on; `dossier check` fails when that gives way.

Every CLI test starts from a copy of one locked workspace: the claims in
``tests/fixtures/lock/claims.yaml`` over the seed ``corpus/``, locked once per module.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from dossier.claims.load import load_claims
from dossier.cli import app
from dossier.lock.check import Reason, shorten

ROOT = Path(__file__).parents[2]
FIXTURE = Path(__file__).parents[1] / "fixtures" / "lock"

runner = CliRunner()


def dossier(*args: str) -> Result:
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def locked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus and the fixture claims, with `dossier lock` run once."""
    ws = tmp_path_factory.mktemp("locked")
    shutil.copy(FIXTURE / "claims.yaml", ws / "claims.yaml")
    shutil.copytree(ROOT / "corpus", ws / "corpus")
    result = dossier("lock", "--claims", str(ws / "claims.yaml"), "--corpus", str(ws / "corpus"))
    assert result.exit_code == 0, result.output
    return ws


@pytest.fixture
def ws(locked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the locked workspace, as the current folder."""
    copy = tmp_path / "ws"
    shutil.copytree(locked, copy)
    monkeypatch.chdir(copy)
    return copy


def lock_data(ws: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ws / "dossier.lock").read_text(encoding="utf-8"))
    return data


def supporting(ws: Path, claim_id: str) -> dict[str, Any]:
    """The first locked supporting citation of a claim."""
    citations = lock_data(ws)["claims"][claim_id]["citations"]
    found: dict[str, Any] = next(c for c in citations if c["stance"] == "supports")
    return found


def exact(citation: dict[str, Any]) -> str:
    text: str = citation["selector"][0]["exact"]
    return text


def line(ws: Path, claim_id: str) -> int:
    return load_claims(ws / "claims.yaml").lines[claim_id]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8", newline="")


def summary(ws: Path, state: str) -> str:
    data = lock_data(ws)
    citations = sum(len(c["citations"]) for c in data["claims"].values())
    return f"dossier check: {len(data['claims'])} claims, {citations} locked citations: {state}"


# --- dossier lock ---------------------------------------------------------------------------


def test_lock_records_each_claim_with_w3c_selectors(ws: Path) -> None:
    data = lock_data(ws)
    assert sorted(data["claims"]) == sorted(load_claims(ws / "claims.yaml").lines)
    citation = supporting(ws, "coalition-strikes")
    quote, position = citation["selector"]
    assert quote["type"] == "TextQuoteSelector"
    assert position["type"] == "TextPositionSelector"
    text = (ws / "corpus" / citation["source"]).read_text(encoding="utf-8")
    assert text[position["start"] : position["end"]] == quote["exact"]
    assert text[: position["start"]].endswith(quote["prefix"])
    assert len(quote["prefix"]) == 32
    assert text[position["end"] :].startswith(quote["suffix"])
    assert citation["figures"] == ["over 1,500"]
    assert len(citation["quote_sha256"]) == len(citation["source_sha256"]) == 64
    assert citation["line"] == text.count("\n", 0, position["start"]) + 1


def test_lock_is_stable_sorted_json(ws: Path) -> None:
    before = (ws / "dossier.lock").read_text(encoding="utf-8")
    data = lock_data(ws)
    citations = sum(len(c["citations"]) for c in data["claims"].values())
    result = dossier("lock")
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote dossier.lock: 5 claims, {citations} citations\n"
    assert (ws / "dossier.lock").read_text(encoding="utf-8") == before
    assert before == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# --- dossier check: what holds --------------------------------------------------------------


def test_untouched_workspace_holds(ws: Path) -> None:
    result = dossier("check")
    assert result.exit_code == 0, result.output
    assert result.output == summary(ws, "all hold") + "\n"


def test_paragraph_inserted_above_and_sentence_reflowed_still_hold(ws: Path) -> None:
    citation = supporting(ws, "coalition-strikes")
    quote = exact(citation)
    words = quote.split(" ")
    reflowed = " ".join(words[:5]) + "\n" + "  ".join(words[5:])
    edit(
        ws / "corpus" / citation["source"],
        quote,
        "A new paragraph, inserted above the cited one.\n\n" + reflowed,
    )
    result = dossier("check")
    assert result.exit_code == 0, result.output
    assert result.output == summary(ws, "all hold") + "\n"


def test_typo_fixed_in_a_cited_sentence_is_a_note(ws: Path) -> None:
    citation = supporting(ws, "coalition-strikes")
    quote = exact(citation)
    edited = quote.replace("terrorist", "terorist")  # one letter: the same as fixing a typo
    assert edited != quote
    edit(ws / "corpus" / citation["source"], quote, edited)
    result = dossier("check")
    assert result.exit_code == 0, result.output
    n = line(ws, "coalition-strikes")
    assert result.output.splitlines() == [
        f"claims.yaml:{n}: coalition-strikes: quote re-anchored: "
        f"corpus/{citation['source']}:{citation['line']}: "
        "... strikes against Daesh [-terrorist-] {+terorist+} targets and helped ...; "
        "run `dossier lock` to update it",
        summary(ws, "0 failures, 1 note"),
    ]


# --- dossier check: what fails --------------------------------------------------------------


def test_supporting_sentence_deleted_fails_naming_the_claim(ws: Path) -> None:
    citation = supporting(ws, "us-troops-in-syria")
    edit(ws / "corpus" / citation["source"], exact(citation), "")
    result = dossier("check")
    assert result.exit_code == 1, result.output
    n = line(ws, "us-troops-in-syria")
    assert (
        f"claims.yaml:{n}: us-troops-in-syria: support lost: "
        f"corpus/{citation['source']}:{citation['line']}: the supporting quote is no longer "
        f'in the article: "{shorten(exact(citation))}"'
    ) in result.output.splitlines()


def test_figure_changed_fails(ws: Path) -> None:
    citation = supporting(ws, "sdf-controls-raqqa")
    quote = exact(citation)
    assert citation["figures"] == ["80 per cent"]
    edit(ws / "corpus" / citation["source"], quote, quote.replace("80 per cent", "70 per cent"))
    result = dossier("check")
    assert result.exit_code == 1, result.output
    n = line(ws, "sdf-controls-raqqa")
    prefix = f"claims.yaml:{n}: sdf-controls-raqqa: figure changed: "
    found = [x for x in result.output.splitlines() if x.startswith(prefix)]
    assert len(found) == 1, result.output
    assert ": 80 per cent -> 70 per cent" in found[0]


@pytest.mark.parametrize("lines_locked", [True, False], ids=["lock", "lock-without-lines"])
def test_article_removed_fails_naming_where_the_quote_was(ws: Path, lines_locked: bool) -> None:
    citation = supporting(ws, "coalition-strikes")
    if not lines_locked:  # a lock written before lines were recorded
        data = lock_data(ws)
        for claim in data["claims"].values():
            for c in claim["citations"]:
                del c["line"]
        (ws / "dossier.lock").write_text(json.dumps(data), encoding="utf-8")
    (ws / "corpus" / citation["source"]).unlink()
    removed = dossier("source", "remove", citation["source"])  # its metadata goes with it
    assert removed.exit_code == 0, removed.output
    result = dossier("check")
    assert result.exit_code == 1, result.output
    n = line(ws, "coalition-strikes")
    where = f"corpus/{citation['source']}" + (f":{citation['line']}" if lines_locked else "")
    assert (
        f"claims.yaml:{n}: coalition-strikes: source removed: {where}: the article is gone "
        f'from the corpus; it held the supporting quote "{shorten(exact(citation))}"'
    ) in result.output.splitlines()
    assert result.stderr == ""


def test_claim_reworded_is_rejudged(ws: Path) -> None:
    edit(
        ws / "claims.yaml",
        "The coalition conducted over 1,500 strikes.",
        "The coalition carried out over 1,500 strikes.",
    )
    result = dossier("check")
    assert result.exit_code == 0, result.output
    n = line(ws, "coalition-strikes")
    assert result.output.splitlines()[0] == (
        f"claims.yaml:{n}: coalition-strikes: claim reworded: "
        "[The coalition [-conducted-] {+carried out+} over 1,500 strikes.] "
        "re-judged against the corpus; run `dossier lock` to record its new citations"
    )

    edit(ws / "claims.yaml", "carried out over 1,500", "carried out 9,000")
    result = dossier("check")
    assert result.exit_code == 1, result.output
    assert any(
        x.startswith(f"claims.yaml:{n}: coalition-strikes: verdict changed: supported -> ")
        for x in result.output.splitlines()
    ), result.output


def test_expectation_not_met_fails_even_without_a_lock_entry(ws: Path) -> None:
    with (ws / "claims.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "\n  - id: turkey-troops-pinned\n"
            "    text: Turkey sent 2,000 troops to Aleppo.\n"
            "    expect: supported\n"
        )
    result = dossier("check")
    assert result.exit_code == 1, result.output
    n = line(ws, "turkey-troops-pinned")
    lines = result.output.splitlines()
    assert any(
        x.startswith(
            f"claims.yaml:{n}: turkey-troops-pinned: expectation not met: "
            "expected supported, now unverified"
        )
        for x in lines
    ), result.output
    assert (
        f"claims.yaml:{n}: turkey-troops-pinned: claim not locked: "
        "now unverified; run `dossier lock` to record its citations"
    ) in lines


def test_format_github_annotations(ws: Path) -> None:
    edit(ws / "claims.yaml", "id: turkey-troops-aleppo", "id: turkey-sent-troops")
    locked_at = next(
        i
        for i, x in enumerate((ws / "dossier.lock").read_text(encoding="utf-8").splitlines(), 1)
        if x.strip().startswith('"turkey-troops-aleppo"')
    )
    result = dossier("check", "--format", "github")
    assert result.exit_code == 1, result.output
    n = line(ws, "turkey-sent-troops")
    assert result.output.splitlines() == [
        f"::error file=claims.yaml,line={n}::turkey-sent-troops: claim not locked: "
        "now unverified; run `dossier lock` to record its citations",
        f"::error file=dossier.lock,line={locked_at}::turkey-troops-aleppo: "
        "lock entry for a claim that no longer exists: "
        "it is not in the claims file; run `dossier lock` to drop it",
        summary(ws, "2 failures, 0 notes"),
    ]


def test_format_json(ws: Path) -> None:
    citation = supporting(ws, "coalition-strikes")
    edit(ws / "corpus" / citation["source"], exact(citation), "")
    result = dossier("check", "--format", "json")
    assert result.exit_code == 1, result.output
    report = json.loads(result.output)
    assert report["ok"] is False
    reasons = {(f["claim"], f["reason"], f["severity"]) for f in report["findings"]}
    assert ("coalition-strikes", "support lost", "failure") in reasons
    assert ("coalition-strikes", "expectation not met", "failure") in reasons


# --- bad input ------------------------------------------------------------------------------


def test_missing_lock_is_bad_input(ws: Path) -> None:
    (ws / "dossier.lock").unlink()
    result = dossier("check")
    assert result.exit_code == 2
    assert result.output == (
        "Error: dossier.lock: no lock file; "
        "run `dossier lock` to record what each claim rests on.\n"
    )


def test_broken_lock_names_file_and_line(ws: Path) -> None:
    path = ws / "dossier.lock"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"stance": "supports"', '"stance": "agrees"', 1))
    bad_line = next(i for i, x in enumerate(path.read_text().splitlines(), 1) if '"agrees"' in x)
    result = dossier("check")
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: dossier.lock:{bad_line}: claims.")
    assert "stance: Input should be 'supports' or 'conflicts'" in result.output

    path.write_text(text[:200])
    result = dossier("check")
    assert result.exit_code == 2
    assert result.output.startswith("Error: dossier.lock:")
    assert "not valid JSON" in result.output


def test_unknown_format_is_bad_input(ws: Path) -> None:
    result = dossier("check", "--format", "xml")
    assert result.exit_code == 2
    assert result.output == "Error: --format: unknown format 'xml'; use one of text, github, json\n"


# --- docs -----------------------------------------------------------------------------------


def test_docs_name_every_reason_and_exit_code() -> None:
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [reason.value for reason in Reason if f"`{reason.value}`" not in docs]
    assert missing == []
    assert "## CI: lock and check" in readme
    for code in ("**0**", "**1**", "**2**"):
        assert code in readme.split("## CI: lock and check")[1]
