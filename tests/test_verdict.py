"""A claim's verdict, and a compound claim's verdict part by part. Self-made examples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from dossier.cli import app
from dossier.models import Document, Evidence, Stance, Verdict
from dossier.verdict import claim_verdict, decide, part_results

CLAIM = "The mayor of Tabqa closed the old bridge on Monday and reopened the school on Friday."
FIRST = "The mayor of Tabqa closed the old bridge on Monday."
SECOND = "The mayor of Tabqa reopened the school on Friday."


def _cited(stance: Stance, part: str | None = None) -> Evidence:
    quote = "The mayor closed the old bridge."
    article = Document(path="a.txt", text=quote, sha256="")
    judged = {"reason": "passage states it", "rule": "statements.states", "score": 1.0}
    return Evidence.cited(
        article, 0, len(quote), (0, len(quote)), stance=stance, part=part, **judged
    )


def test_each_part_is_judged_on_its_own_citations_and_the_whole_claims() -> None:
    only_first = [_cited(Stance.SUPPORTS, FIRST)]
    parts = part_results(CLAIM, only_first)
    assert [(p.text, p.verdict) for p in parts] == [
        (FIRST, Verdict.SUPPORTED),
        (SECOND, Verdict.UNVERIFIED),
    ]
    assert parts[1].explanation == "No passage in the corpus addresses this part."
    assert decide(only_first) is Verdict.SUPPORTED  # the claim's verdict weighs all it cites
    whole = part_results(CLAIM, [_cited(Stance.CONFLICTS)])
    assert [p.verdict for p in whole] == [Verdict.CONTRADICTED, Verdict.CONTRADICTED]
    assert part_results("The mayor of Tabqa closed the old bridge.", only_first) == []


def test_the_dossier_shows_which_part_of_a_compound_claim_the_corpus_backs(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Bridge closed in Tabqa\n\n"
        "The mayor of Tabqa closed the old bridge on Monday after the floods.\n\n"
        "Traffic was sent through the eastern districts.\n",
        encoding="utf-8",
    )
    claims = tmp_path / "claims.yaml"
    listed = f'claims:\n  - id: bridge-and-school\n    text: "{CLAIM}"\n'
    claims.write_text(listed, encoding="utf-8")
    runner = CliRunner()
    outputs = []
    for name, cache in (("cold", "--no-cache"), ("cached", None), ("warm", None)):
        out = tmp_path / name
        args = ["build", "--claims", str(claims), "--corpus", str(corpus), "--out", str(out)]
        args += ["--format", "json", *([cache] if cache else ["--cache-dir", str(tmp_path / "c")])]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        outputs.append((out / "dossier.json").read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    [claim] = json.loads(outputs[0])["claims"]
    assert claim["verdict"] == "supported"
    assert [(p["text"], p["verdict"]) for p in claim["parts"]] == [
        (FIRST, "supported"),
        (SECOND, "unverified"),
    ]
    assert [e["part"] for e in claim["evidence"]] == [FIRST]

    shown = runner.invoke(
        app, ["explain", "bridge-and-school", "--claims", str(claims), "--corpus", str(corpus)]
    )
    assert shown.exit_code == 0, shown.output
    assert "Part by part:" in shown.output
    assert f"[UNVERIFIED] “{SECOND}”" in " ".join(shown.output.split())
    assert f"Part: {FIRST}" in " ".join(shown.output.split())  # the citation says its part


def test_a_compound_claim_with_a_contradicted_part_is_contradicted() -> None:
    cited = [_cited(Stance.CONFLICTS, FIRST), _cited(Stance.SUPPORTS, SECOND)]
    parts = part_results(CLAIM, cited)
    assert [p.verdict for p in parts] == [Verdict.CONTRADICTED, Verdict.SUPPORTED]
    verdict, explanation = claim_verdict(cited, parts)
    assert verdict is Verdict.CONTRADICTED
    assert explanation.startswith(f"Its part “{FIRST}” is contradicted: contradicted by 1")
    # a part both backed and contradicted leaves the claim disputed, as its citations are
    both = [_cited(Stance.CONFLICTS, FIRST), _cited(Stance.SUPPORTS, FIRST)]
    assert claim_verdict(both, part_results(CLAIM, both))[0] is Verdict.DISPUTED


BAKER = "Tom Baker, the lawyer for the driver of the Tabqa bus, brought the tape to the police."


def _built(tmp_path: Path, articles: dict[str, str], text: str) -> dict[str, Any]:
    """The one claim of ``text`` as a cold build of these articles (name -> text) gives it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, body in articles.items():
        (corpus / name).write_text(body, encoding="utf-8")
    claims = tmp_path / "claims.yaml"
    claims.write_text(f'claims:\n  - id: baker\n    text: "{text}"\n', encoding="utf-8")
    out = tmp_path / "out"
    args = ["build", "--claims", str(claims), "--corpus", str(corpus), "--out", str(out)]
    result = CliRunner().invoke(app, [*args, "--format", "json", "--no-cache"])
    assert result.exit_code == 0, result.output
    [claim] = json.loads((out / "dossier.json").read_text())["claims"]
    return dict(claim)


def test_a_description_of_a_name_backed_alone_does_not_answer_the_claim(tmp_path: Path) -> None:
    article = (
        "Lawyer speaks in Tabqa\n\n"
        "Tom Baker is the lawyer for the driver of the Tabqa bus.\n\n"
        "He spoke to reporters outside the court in Tabqa on Monday.\n"
    )
    claim = _built(tmp_path, {"a.txt": article}, BAKER)
    assert (claim["verdict"], claim["evidence"]) == ("unverified", [])


def test_a_description_is_cited_by_its_strongest_passage_alone(tmp_path: Path) -> None:
    articles = {
        name: f"Tabqa bus crash\n\n{said}\n"
        for name, said in (
            ("a.txt", "Tom Baker, the lawyer for the driver of the Tabqa bus, spoke on Monday."),
            ("b.txt", "Tom Baker is the lawyer for the driver of the Tabqa bus."),
            ("c.txt", "Tom Baker brought the tape of the Tabqa bus crash to the police on Monday."),
        )
    }
    claim = _built(tmp_path, articles, BAKER)
    described = "Tom Baker is the lawyer for the driver of the Tabqa bus."
    assert claim["verdict"] == "supported"
    assert len([e for e in claim["evidence"] if e["part"] == described]) == 1
    assert "c.txt" in {e["source"] for e in claim["evidence"]}
