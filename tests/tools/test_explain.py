"""``dossier explain ID --candidates``: after the citations, the passages retrieved for the claim
but not cited, best first, each with the rule that left it out and why, then how many each rule
left out. What the judge saw, through the real command line (plain output, asserted exactly).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.claims.load import load_claims
from dossier.cli import app
from dossier.judge.outcome import Judgment, LeftOut
from dossier.models import Stance
from dossier.pipeline import prepare

runner = CliRunner()

SEEDS = Path(__file__).parents[2]

SEED_CANDIDATES = """\
Not cited (14 of 16 passages retrieved, best first)
  #2 corpus/001_bc0f7c810eb851fd.txt:29
      left out by figures.same-measure: no figure of the passage measures what the
      claim's figure does
      The coalition has carried out airstrikes against IS in Syria since 2014 and is now
      helping the SDF to retake Raqqa from IS militants.
  #4 corpus/001_bc0f7c810eb851fd.txt:25
      left out by figures.same-measure: no figure of the passage measures what the
      claim's figure does
      IS militants have lost more than half of Raqqa and all of Iraq’s second city,
      Mosul.
  #5 corpus/003_82c97ecf1f039aa3.txt:38
      left out by figures.same-measure: no figure of the passage measures what the
      claim's figure does
      In the past two weeks, the pro-government forces gained control of most of the
      city and crossed the Euphrates River to the area of SDF operations.
  … 11 more (--limit 14 lists all)
Left out by rule: figures.same-measure 9, figures.other-owner 3, figures.coverage 2
"""


@pytest.fixture
def seeds(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The project's own claims and corpus, as the current directory."""
    monkeypatch.chdir(SEEDS)
    return SEEDS


def test_candidates_follow_the_citations_with_the_rule_that_left_each_out(
    seeds: Path, tmp_path: Path
) -> None:
    claim = "sdf-controls-80-percent-raqqa"
    plain = runner.invoke(app, ["explain", claim, "--no-cache"])
    listed = runner.invoke(app, ["explain", claim, "--candidates", "--limit", "3", "--no-cache"])

    assert listed.exit_code == 0, listed.output
    assert listed.stdout == plain.stdout + "\n" + SEED_CANDIDATES
    cache = ["--cache-dir", str(tmp_path / "cache")]
    for _ in range(2):  # the cache written, then read back: the same candidates
        cached = runner.invoke(app, ["explain", claim, "--candidates", "--limit", "3", *cache])
        assert cached.stdout == listed.stdout


def test_candidates_of_an_unverified_claim_come_before_the_search_hint(seeds: Path) -> None:
    result = runner.invoke(
        app, ["explain", "aleppo-civilians-killed", "--candidates", "--no-cache"]
    )

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = lines.index("Not cited (13 of 13 passages retrieved, best first)")
    assert lines[start + 1 : start + 4] == [
        "  #1 corpus/004_789f6fb8151edd24.txt:17",
        "      left out by figures.missing-name: the article does not name Aleppo",
        "      In total, about 40 militants were killed.",
    ]
    assert lines[-4:] == [
        "  … 3 more (--limit 13 lists all)",
        "Left out by rule: figures.missing-name 11, contrast.figure 2",
        'To see the passages that share its words, run: dossier search "More than 100 civilians',
        'were killed in Aleppo in September 2017."',
    ]


def test_the_matcher_cites_every_candidate_it_judges_and_no_other(seeds: Path) -> None:
    """``outcomes`` and ``evidence`` share one path: each judgment is cited (its counter-clause
    too), each passage left out is not, and the rules agree."""
    claims = load_claims(Path("claims.yaml"))
    _, matcher = prepare(claims, Path("corpus"), None, None, 1)

    for claim in claims.claims:
        judged = matcher.outcomes(claim)
        evidence = matcher.evidence(claim)

        assert [p.id for p, _ in judged] == matcher.candidates(claim)
        assert all(isinstance(o, Judgment | LeftOut) and o.rule for _, o in judged)
        cited = sorted(
            (p.source, p.start, o.stance, o.rule) for p, o in judged if isinstance(o, Judgment)
        )
        countered = sorted(
            (p.source, p.start + o.counter.start, Stance.CONFLICTS, o.counter.rule)
            for p, o in judged
            if isinstance(o, Judgment) and o.counter is not None
        )
        assert sorted((e.source, e.start, e.stance, e.rule) for e in evidence) == sorted(
            cited + countered
        )


CLAIMS = """\
title: Desk test
claims:
  - id: sdf-controls-80-percent-raqqa
    text: The SDF controls 80% of Raqqa.
  - id: penguins-in-raqqa
    text: Penguins live in Raqqa.
  - id: zebras-graze
    text: Zebras graze quietly.
"""

ARTICLE = (
    "SDF says it holds most of Raqqa\n\n"
    '"We control 80 percent of Raqqa," said Jihan Ahmed, a spokeswoman for the SDF.\n\n'
    "In Raqqa 3 \x1b[31mred\x1b[0m schools opened, and the long list of what the city lost goes"
    " on and on, the mosques, the markets, the bridges, the clinics, the bakeries, the river"
    " banks and the old walls of Raqqa.\n"
)


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with claims.yaml and a corpus of one article, as the current directory."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    for name, text in (("claims.yaml", CLAIMS), ("corpus/a.txt", ARTICLE)):
        Path(name).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_sentence_is_shortened_and_shown_never_obeyed(desk: Path) -> None:
    result = runner.invoke(app, ["explain", "penguins-in-raqqa", "--candidates", "--no-cache"])

    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout
    assert result.stdout.endswith(
        "Not cited (2 of 2 passages retrieved, best first)\n"
        "  #1 corpus/a.txt:3\n"
        "      left out by statements.word-coverage: the passage says too little of the claim\n"
        "      (words 0.00)\n"
        '      "We control 80 percent of Raqqa," said Jihan Ahmed, a spokeswoman for the SDF.\n'
        "  #2 corpus/a.txt:5\n"
        "      left out by statements.word-coverage: the passage says too little of the claim\n"
        "      (words 0.00)\n"
        "      In Raqqa 3 \ufffd[31mred\ufffd[0m schools opened, and the long list of what the city"
        " lost\n"
        "      goes on and on, the mosques, the markets, the bridges, the clinics, the bakeries,\n"
        "      the river banks and the old walls of …\n"
        "Left out by rule: statements.word-coverage 2\n"
        'To see the passages that share its words, run: dossier search "Penguins live in Raqqa."\n'
    )


def test_limit_bounds_the_list_and_says_how_many_more(desk: Path) -> None:
    one = runner.invoke(
        app, ["explain", "penguins-in-raqqa", "--candidates", "--limit", "1", "--no-cache"]
    )
    lines = one.stdout.splitlines()

    assert [line for line in lines if line.startswith("  #")] == ["  #1 corpus/a.txt:3"]
    assert "  … 1 more (--limit 2 lists all)" in lines
    assert "Left out by rule: statements.word-coverage 2" in lines  # every candidate counted


def test_every_candidate_cited_or_none_retrieved(desk: Path) -> None:
    Path("corpus/a.txt").write_text(ARTICLE.split("\n\nIn Raqqa")[0] + "\n", encoding="utf-8")
    cited = runner.invoke(
        app, ["explain", "sdf-controls-80-percent-raqqa", "--candidates", "--no-cache"]
    )
    nothing = runner.invoke(app, ["explain", "zebras-graze", "--candidates", "--no-cache"])

    assert cited.stdout.endswith("\nNot cited: none; the 1 passage retrieved is cited.\n")
    assert "\nNot cited: no passage was retrieved for the claim.\n" in nothing.stdout


def test_a_limit_below_one_and_an_unknown_id_are_refused_before_any_work(desk: Path) -> None:
    zero = runner.invoke(app, ["explain", "penguins-in-raqqa", "--candidates", "--limit", "0"])
    unknown = runner.invoke(app, ["explain", "penguins", "--candidates"])
    plain = runner.invoke(app, ["explain", "penguins"])

    assert zero.exit_code == unknown.exit_code == 2
    assert zero.stderr == "Error: --limit: 0 is too small; list at least 1 candidate\n"
    assert unknown.stderr == plain.stderr
    assert unknown.stderr == (
        "Error: claims.yaml: no claim has the id 'penguins'; did you mean 'penguins-in-raqqa'?\n"
    )
    assert not Path(".dossier").exists()  # nothing was read nor cached


def test_a_word_too_long_to_wrap_is_cut_where_it_stands(desk: Path) -> None:
    Path("corpus/a.txt").write_text(f"Raqqa: {'z' * 300}.\n", encoding="utf-8")

    result = runner.invoke(app, ["explain", "penguins-in-raqqa", "--candidates", "--no-cache"])

    assert result.stdout.count("z") == 200 - len("Raqqa: ")
    assert "z …\n" in result.stdout


def test_a_citation_in_a_long_paragraph_is_shown_in_its_bounded_context(desk: Path) -> None:
    before = " ".join(f"b{i}" for i in range(400))
    after = " ".join(f"a{i}" for i in range(400))
    quote = '"We control 80 percent of Raqqa," said Jihan Ahmed, a spokeswoman for the SDF.'
    Path("corpus/a.txt").write_text(f"Then {before}. {quote} Then {after}.\n", encoding="utf-8")

    result = runner.invoke(app, ["explain", "sdf-controls-80-percent-raqqa", "--no-cache"])

    assert result.exit_code == 0, result.output
    shown = " ".join(result.stdout.split("Why:")[1].split("\n", 2)[2].split())
    assert shown.startswith("… b") and shown.endswith(" …")
    assert '>>"We control *80 percent* of *Raqqa*," said' in shown
    assert "b10 " not in shown and "a300" not in shown  # at most CONTEXT_CHARS each side


def test_a_passage_of_a_pdf_is_placed_by_line_and_page(desk: Path) -> None:
    import weasyprint

    paragraphs = [
        "Raqqa was quiet on Monday, residents said.",
        '"We control 80 percent of Raqqa," said Jihan Ahmed, a spokeswoman for the SDF.',
        "In Raqqa schools opened again.",
    ]
    html = '<p style="break-before: page">'.join(f"{p}</p>" for p in paragraphs)
    Path("corpus/a.txt").unlink()
    Path("corpus/a.pdf").write_bytes(weasyprint.HTML(string=html).write_pdf())

    cited = runner.invoke(app, ["explain", "sdf-controls-80-percent-raqqa", "--no-cache"])
    uncited = runner.invoke(app, ["explain", "penguins-in-raqqa", "--candidates", "--no-cache"])

    assert cited.exit_code == 0, cited.output
    assert "\n  [1] corpus/a.pdf:3, p. 2\n" in cited.stdout
    places = [line for line in uncited.stdout.splitlines() if line.startswith("  #")]
    assert places == [
        "  #1 corpus/a.pdf:6, p. 3",
        "  #2 corpus/a.pdf:1, p. 1",
        "  #3 corpus/a.pdf:3, p. 2",
    ]
