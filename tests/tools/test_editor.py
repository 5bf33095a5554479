"""The editor's commands, as an editor runs them: add, explain, search, source.

Each test drives the real command line through ``CliRunner`` in a folder holding a small desk
(``claims.yaml``, ``corpus/`` with two articles and ``corpus/sources.yaml``) and asserts what
the editor reads. Output to a pipe is plain text, so it can be asserted exactly.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.judge.match import Matcher
from dossier.judge.prepare import Preparer
from dossier.models import Claim
from dossier.tools.explain import explain_claim, format_explanation
from dossier.tools.terminal import Look

runner = CliRunner()

SEEDS = Path(__file__).parents[2]

CLAIMS = """\
# yaml-language-server: $schema=schema/claims.schema.json
title: Desk test
aliases:
  Islamic State: [IS, Daesh]
claims:
  - id: sdf-controls-80-percent-raqqa
    text: The SDF controls 80% of Raqqa.
    expect: disputed
  - id: penguins-in-raqqa
    text: Penguins live in Raqqa.
"""

ARTICLE_A = """\
SDF says it holds most of Raqqa

The fighting went on all week.
"We control 80 percent of Raqqa," said Jihan Ahmed, a spokeswoman for the SDF.

Islamic State fighters still hold the old city.
"""

ARTICLE_B = """\
Raqqa battle enters fifth month

The SDF has seized around 65 percent of Raqqa, monitors said on Tuesday. Deir ez-Zor is next.
"""

SOURCES = """\
# What is known about each article.
sources:
  a.txt:
    outlet: Example News
    date: 2017-09-21
  b.txt:
    outlet: State TV
    notes: state-affiliated outlet
"""


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with claims.yaml and corpus/, as the current directory."""
    monkeypatch.chdir(tmp_path)
    Path("claims.yaml").write_text(CLAIMS, encoding="utf-8")
    Path("corpus").mkdir()
    Path("corpus/a.txt").write_text(ARTICLE_A, encoding="utf-8")
    Path("corpus/b.txt").write_text(ARTICLE_B, encoding="utf-8")
    Path("corpus/sources.yaml").write_text(SOURCES, encoding="utf-8")
    return tmp_path


EXPLAINED = """\
sdf-controls-80-percent-raqqa  (claims.yaml:6)
  The SDF controls 80% of Raqqa.
[DISPUTED] Sources disagree: backed by 1 passage in 1 source, contradicted by 1 passage
in 1 source.
Expected: disputed (met)

Supporting (1)
  [1] corpus/a.txt:4
      Example News, 2017-09-21, “SDF says it holds most of Raqqa”
      Speaker: Jihan Ahmed, a spokeswoman for the SDF
      Why: claim 80% matches passage 80 percent of Raqqa
      Rule: figures.agree
      "We control *80 percent* of *Raqqa*," said Jihan Ahmed, a spokeswoman for the
      *SDF*.

Conflicting (1)
  [2] corpus/b.txt:3
      State TV, undated, “Raqqa battle enters fifth month”
      Source note: state-affiliated outlet
      Why: claim 80% vs passage around 65 percent of Raqqa
      Rule: figures.disagree
      >>The *SDF* has seized *around 65 percent* of *Raqqa*, monitors said on Tuesday.<<
      Deir ez-Zor is next.
"""


# --- explain ------------------------------------------------------------------------------


def test_explain_shows_the_verdict_and_each_quote_in_its_paragraph(desk: Path) -> None:
    result = runner.invoke(app, ["explain", "sdf-controls-80-percent-raqqa"])

    assert result.exit_code == 0, result.output
    assert result.stdout == EXPLAINED
    assert result.stderr == ""


def test_explain_an_unverified_claim_points_to_search(desk: Path) -> None:
    result = runner.invoke(app, ["explain", "penguins-in-raqqa"])

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "penguins-in-raqqa  (claims.yaml:9)\n"
        "  Penguins live in Raqqa.\n"
        "[UNVERIFIED] No passage in the corpus addresses this claim.\n"
        'To see the passages that share its words, run: dossier search "Penguins live in Raqqa."\n'
    )


def test_explain_an_unknown_id_suggests_the_closest(desk: Path) -> None:
    close = runner.invoke(app, ["explain", "sdf-controls-80-percent"])
    far = runner.invoke(app, ["explain", "zzz"])

    assert (close.exit_code, far.exit_code) == (2, 2)
    assert close.stderr == (
        "Error: claims.yaml: no claim has the id 'sdf-controls-80-percent'; "
        "did you mean 'sdf-controls-80-percent-raqqa'?\n"
    )
    assert far.stderr == (
        "Error: claims.yaml: no claim has the id 'zzz'; the ids are the 'id:' lines of the file\n"
    )
    assert close.stdout == far.stdout == ""


def test_explain_names_a_missing_corpus_and_a_broken_claims_file(desk: Path) -> None:
    missing = runner.invoke(app, ["explain", "penguins-in-raqqa", "--corpus", "nowhere"])
    Path("claims.yaml").write_text("claims:\n  - id: a\n    text: [unclosed\n", encoding="utf-8")
    broken = runner.invoke(app, ["explain", "a"])

    assert missing.exit_code == 2
    assert missing.stderr == "Error: nowhere: corpus folder not found.\n"
    assert broken.exit_code == 2
    assert broken.stderr.startswith("Error: claims.yaml:4:1: YAML syntax error: ")


def test_explain_on_a_terminal_styles_but_still_names_the_verdict(desk: Path) -> None:
    explained = explain_claim(Path("claims.yaml"), Path("corpus"), "sdf-controls-80-percent-raqqa")

    styled = format_explanation(explained, Look(color=True, width=120))

    assert "\x1b[" in styled
    assert " DISPUTED " in styled, "the verdict is a word, not a colour alone"
    assert ">>" not in styled and "*SDF*" not in styled, "styles replace the plain markers"


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Articles analysed and claims judged from now on."""
    seen: dict[str, list[str]] = {"analysed": [], "judged": []}
    entries, evidence = Preparer._entries, Matcher.evidence

    def analysing(self: Preparer) -> Iterator[object]:
        seen["analysed"].append("corpus")
        return entries(self)

    def judging(self: Matcher, claim: Claim, candidates: list[int] | None = None) -> object:
        seen["judged"].append(claim.id)
        return evidence(self, claim, candidates)

    monkeypatch.setattr(Preparer, "_entries", analysing)
    monkeypatch.setattr(Matcher, "evidence", judging)
    return seen


def test_explain_after_a_build_neither_analyses_nor_judges_again(
    desk: Path, counted: dict[str, list[str]]
) -> None:
    assert runner.invoke(app, ["-q", "build", "--format", "json"]).exit_code == 0
    counted["analysed"].clear()
    counted["judged"].clear()

    cached = runner.invoke(app, ["explain", "sdf-controls-80-percent-raqqa"])

    assert cached.exit_code == 0, cached.output
    assert counted == {"analysed": [], "judged": []}  # the build's cache had both
    assert cached.stdout == EXPLAINED
    fresh = runner.invoke(app, ["explain", "sdf-controls-80-percent-raqqa", "--no-cache"])
    assert fresh.stdout == EXPLAINED
    assert counted == {"analysed": ["corpus"], "judged": ["sdf-controls-80-percent-raqqa"]}


def test_a_claim_added_with_its_evidence_is_not_judged_again_by_the_next_build(
    desk: Path, counted: dict[str, list[str]]
) -> None:
    added = runner.invoke(app, ["add", "The SDF controls 80% of Raqqa city."])
    assert added.exit_code == 0, added.output
    assert counted["judged"] == ["the-sdf-controls-80-of-raqqa-city"]

    assert runner.invoke(app, ["-q", "build", "--format", "json"]).exit_code == 0

    assert counted["judged"].count("the-sdf-controls-80-of-raqqa-city") == 1
    assert counted["analysed"] == ["corpus"]  # by add; the build read the state back


def test_lock_and_check_after_a_build_judge_nothing_again(
    desk: Path, counted: dict[str, list[str]]
) -> None:
    assert runner.invoke(app, ["-q", "build", "--format", "json"]).exit_code == 0
    judged = list(counted["judged"])

    locked = runner.invoke(app, ["lock"])
    checked = runner.invoke(app, ["check"])

    assert locked.exit_code == checked.exit_code == 0, locked.output + checked.output
    assert counted["judged"] == judged  # every claim's judgment came from the build's cache
    assert runner.invoke(app, ["check", "--no-cache"]).stdout == checked.stdout


@pytest.mark.parametrize("query", ["Deir al-Zour", "SDF 80 percent", "65 percent", "Raqqa"])
def test_search_after_a_build_analyses_nothing_and_finds_the_same(
    desk: Path, counted: dict[str, list[str]], query: str
) -> None:
    fresh = runner.invoke(app, ["search", query, "--no-cache"])
    assert runner.invoke(app, ["-q", "build", "--format", "json"]).exit_code == 0
    counted["analysed"].clear()

    cached = runner.invoke(app, ["search", query])

    assert cached.exit_code == 0, cached.output
    assert counted["analysed"] == []  # the build's index and analyses
    assert cached.stdout == fresh.stdout


def test_explain_every_seed_claim(monkeypatch: pytest.MonkeyPatch) -> None:
    """On the project's own claims and corpus: structure only (the judge keeps improving)."""
    monkeypatch.chdir(SEEDS)
    ids = [
        line.split("id:", 1)[1].strip()
        for line in Path("claims.yaml").read_text(encoding="utf-8").splitlines()
        if line.startswith("  - id:")
    ]
    assert len(ids) > 10

    for claim_id in ids:
        result = runner.invoke(app, ["explain", claim_id])
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert lines[0].startswith(f"{claim_id}  (claims.yaml:")
        verdict = next(line for line in lines[1:] if not line.startswith(" "))
        assert verdict.startswith(
            ("[SUPPORTED] ", "[CONTRADICTED] ", "[DISPUTED] ", "[UNVERIFIED] ")
        )
        for line in lines:
            if line.startswith("  ["):
                path = line.split("] ", 1)[1]
                assert path.startswith("corpus/") and path.rsplit(":", 1)[1].isdigit()


# --- add ----------------------------------------------------------------------------------


def test_add_prints_the_id_then_the_new_claims_evidence(desk: Path) -> None:
    result = runner.invoke(app, ["add", "The SDF controls 80% of Raqqa city.", "--tag", "raqqa"])

    assert result.exit_code == 0, result.output
    head, _, body = result.stdout.partition("\n\n")
    assert head == "the-sdf-controls-80-of-raqqa-city"
    assert body.startswith(
        "the-sdf-controls-80-of-raqqa-city  (claims.yaml:11)\n"
        "  The SDF controls 80% of Raqqa city.\n"
        "[DISPUTED] "
    )
    assert "  [1] corpus/a.txt:4\n" in body
    assert Path("claims.yaml").read_text(encoding="utf-8") == CLAIMS + (
        "  - id: the-sdf-controls-80-of-raqqa-city\n"
        "    text: The SDF controls 80% of Raqqa city.\n"
        "    tags: [raqqa]\n"
    )


def test_add_says_when_the_expected_verdict_is_not_met(desk: Path) -> None:
    result = runner.invoke(app, ["add", "Penguins left Raqqa.", "--expect", "supported"])

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "penguins-left-raqqa\n"
        "\n"
        "penguins-left-raqqa  (claims.yaml:11)\n"
        "  Penguins left Raqqa.\n"
        "[UNVERIFIED] No passage in the corpus addresses this claim.\n"
        "Expected: supported (NOT met: `dossier check` will fail)\n"
        'To see the passages that share its words, run: dossier search "Penguins left Raqqa."\n'
    )


def test_add_without_evidence_prints_only_the_id(desk: Path) -> None:
    result = runner.invoke(app, ["add", "Penguins left Raqqa.", "--no-evidence"])

    assert result.exit_code == 0, result.output
    assert result.stdout == "penguins-left-raqqa\n"


def test_add_keeps_the_claim_when_the_corpus_cannot_be_read(desk: Path) -> None:
    result = runner.invoke(app, ["add", "Penguins left Raqqa.", "--corpus", "nowhere"])

    assert result.exit_code == 0, result.output
    assert result.stdout == "penguins-left-raqqa\n"
    assert result.stderr == (
        "Warning: nowhere: corpus folder not found.\n"
        "Warning: the claim was added to claims.yaml, but its evidence cannot be shown until "
        "the corpus can be read; then run: dossier explain penguins-left-raqqa\n"
    )
    assert "id: penguins-left-raqqa" in Path("claims.yaml").read_text(encoding="utf-8")


def test_a_long_paragraph_is_cut_around_the_quote() -> None:
    from dossier.tools.terminal import PLAIN, marked

    before = " ".join(f"b{i}" for i in range(100))
    after = " ".join(f"a{i}" for i in range(100))
    text = f"{before} The quote\nhere. {after}"
    start = text.index("The")

    shown = marked(text, [(start, start + 3)], PLAIN, quote=(start, start + 15)).plain

    assert shown.startswith("… b")
    assert ">>*The* quote here.<< a0 a1" in shown
    assert shown.endswith(" …")
    assert 480 < len(shown) < 540


# --- search -------------------------------------------------------------------------------


def test_what_is_wrong_with_a_search_is_said_before_the_corpus_is_read(desk: Path) -> None:
    common = runner.invoke(app, ["search", "the of", "--corpus", "nowhere"])
    limit = runner.invoke(app, ["search", "Raqqa", "--limit", "0", "--corpus", "nowhere"])

    assert "has only common words" in common.output
    assert "--limit: 0 is too small" in limit.output


def test_search_finds_a_name_in_another_spelling(desk: Path) -> None:
    result = runner.invoke(app, ["search", "Deir al-Zour"])

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "1 passage matches “Deir al-Zour” in corpus:\n"
        "\n"
        "corpus/b.txt:3\n"
        "    State TV, undated, “Raqqa battle enters fifth month”\n"
        "    *Deir ez-Zor* is next.\n"
    )


def test_search_uses_the_aliases_of_the_claims_file(desk: Path) -> None:
    with_aliases = runner.invoke(app, ["search", "IS"])
    Path("other.yaml").write_text("claims: []\n", encoding="utf-8")
    without = runner.invoke(app, ["search", "Daesh", "--claims", "other.yaml"])

    assert with_aliases.exit_code == 0, with_aliases.output
    assert with_aliases.stdout == (
        "1 passage matches “IS” in corpus:\n"
        "\n"
        "corpus/a.txt:6\n"
        "    Example News, 2017-09-21, “SDF says it holds most of Raqqa”\n"
        "    *Islamic State* fighters still hold the old city.\n"
    )
    assert without.stdout.startswith("No passage of corpus matches “Daesh”.")


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("65 per cent", "The SDF has seized *around 65 percent* of Raqqa,"),
        ("65%", "The SDF has seized *around 65 percent* of Raqqa,"),
        ("80", '"We control *80 percent* of Raqqa," said'),
    ],
)
def test_search_finds_a_figure_however_it_is_written(desk: Path, query: str, shown: str) -> None:
    result = runner.invoke(app, ["search", query])

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"1 passage matches “{query}” in corpus:\n")
    assert f"    {shown}" in result.stdout


def test_search_ranks_passages_that_match_more_and_says_what_is_left_out(desk: Path) -> None:
    result = runner.invoke(app, ["search", "SDF 80 percent", "--limit", "1"])

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "2 passages match “SDF 80 percent” in corpus; the best 1 is shown "
        "(--limit 2 shows all):\n"
        "\n"
        "corpus/a.txt:4\n"
        "    Example News, 2017-09-21, “SDF says it holds most of Raqqa”\n"
        '    "We control *80 percent* of Raqqa," said Jihan Ahmed, a spokeswoman for the *SDF*.\n'
    )
    everything = runner.invoke(app, ["search", "SDF 80 percent"])
    assert "corpus/b.txt:3  (matches 1 of 2)\n" in everything.stdout


def test_among_passages_that_match_as_much_the_rarer_matches_come_first(desk: Path) -> None:
    # Every wire story names the SDF and Raqqa; one gives the figure.
    common = "\n\n".join(f"The SDF advanced in Raqqa on day {n}." for n in range(12))
    Path("corpus/wire.txt").write_text(f"Wire\n\n{common}\n", encoding="utf-8")
    Path("corpus/figure.txt").write_text(
        "Figure\n\nFighters hold 80 percent of Raqqa, a spokeswoman said.\n", encoding="utf-8"
    )

    result = runner.invoke(app, ["search", "SDF 80 percent Raqqa", "--limit", "2"])

    assert result.exit_code == 0, result.output
    shown = [line for line in result.stdout.splitlines() if line.startswith("corpus/")]
    # a.txt holds all three; of the passages that hold two, the figure (in one passage of the
    # corpus) tells more than the SDF (in a dozen): it comes first, whatever retrieval's order.
    assert shown == ["corpus/a.txt:4", "corpus/figure.txt:3  (matches 2 of 3)"]


def test_search_without_a_match_says_what_to_try(desk: Path) -> None:
    result = runner.invoke(app, ["search", "penguins"])

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "No passage of corpus matches “penguins”. Try fewer words, another spelling of a name, "
        'or a figure as the articles write it (e.g. "65 percent").\n'
    )


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["  "], 'the search is empty; give words or a figure, e.g. dossier search "Deir ez-Zor"'),
        (
            ["the of it"],
            "the search 'the of it' has only common words; "
            "give a name, a less common word or a figure",
        ),
        (["Raqqa", "--limit", "0"], "--limit: 0 is too small; show at least 1 passage"),
        (["Raqqa", "--corpus", "nowhere"], "nowhere: corpus folder not found."),
        (
            ["Raqqa", "--claims", "nope.yaml"],
            "nope.yaml: file not found; check the path given with --claims",
        ),
    ],
)
def test_search_refuses_bad_input(desk: Path, args: list[str], error: str) -> None:
    result = runner.invoke(app, ["search", *args])

    assert result.exit_code == 2
    assert result.stderr == f"Error: {error}\n"
    assert result.stdout == ""


def test_search_the_seed_corpus_across_spellings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SEEDS)

    result = runner.invoke(app, ["search", "Deir al-Zour", "--limit", "100"])

    assert result.exit_code == 0, result.output
    for spelling in ("*Deir al-Zour*", "*Deir ez-Zor*", "*Deir Ezzor*"):
        assert spelling in result.stdout


# --- source -------------------------------------------------------------------------------


def test_source_list_shows_what_is_known_of_each_article(desk: Path) -> None:
    Path("corpus/c.txt").write_text("A third article about Raqqa.\n", encoding="utf-8")

    result = runner.invoke(app, ["source", "list"])

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "corpus/sources.yaml: 2 of 3 articles described\n"
        "\n"
        "a.txt\n"
        "    outlet: Example News\n"
        "    date: 2017-09-21\n"
        "\n"
        "b.txt\n"
        "    outlet: State TV\n"
        "    notes: state-affiliated outlet\n"
        "\n"
        "c.txt\n"
        "    nothing known yet; add what the article shows, e.g. dossier source set c.txt\n"
        "    --outlet NAME --date YYYY-MM-DD\n"
    )
    one = runner.invoke(app, ["source", "list", "corpus/b.txt"])
    assert one.stdout == (
        "corpus/sources.yaml\n\nb.txt\n    outlet: State TV\n    notes: state-affiliated outlet\n"
    )


def test_source_set_changes_one_entry_and_keeps_the_rest_of_the_file(desk: Path) -> None:
    result = runner.invoke(
        app,
        ["source", "set", "corpus/b.txt", "--date", "2017-09-20", "--url", "https://tv.example/b"],
    )

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "corpus/sources.yaml: b.txt\n"
        "    outlet: State TV\n"
        "    date: 2017-09-20\n"
        "    url: https://tv.example/b\n"
        "    notes: state-affiliated outlet\n"
    )
    assert Path("corpus/sources.yaml").read_text(encoding="utf-8") == SOURCES.replace(
        "    outlet: State TV\n",
        "    outlet: State TV\n    date: 2017-09-20\n    url: https://tv.example/b\n",
    )
    cleared = runner.invoke(app, ["source", "set", "a.txt", "--outlet", ""])
    assert cleared.exit_code == 0, cleared.output
    assert "    outlet:\n    date: 2017-09-21\n" in Path("corpus/sources.yaml").read_text(
        encoding="utf-8"
    )


def test_source_set_on_the_seed_metadata_changes_only_its_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("corpus").mkdir()
    for article in (SEEDS / "corpus").iterdir():
        Path("corpus", article.name).write_bytes(article.read_bytes())
    before = Path("corpus/sources.yaml").read_text(encoding="utf-8").splitlines()

    result = runner.invoke(app, ["source", "set", "002_ef5497ef43890298.txt", "--outlet", "RT"])

    assert result.exit_code == 0, result.output
    after = Path("corpus/sources.yaml").read_text(encoding="utf-8").splitlines()
    changed = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
    assert changed == [("    outlet:", "    outlet: RT")]


def test_source_set_creates_the_file_with_a_header(desk: Path) -> None:
    Path("corpus/sources.yaml").unlink()

    result = runner.invoke(app, ["source", "set", "b.txt", "--title", "Raqqa: the fifth month"])

    assert result.exit_code == 0, result.output
    assert Path("corpus/sources.yaml").read_text(encoding="utf-8") == (
        "# What is known about each article of this corpus folder, from the article itself.\n"
        "# Fields: title, outlet, date (YYYY-MM-DD), url (http or https), notes. Leave out what"
        " is\n"
        "# not known; never invent it. Edit by hand or with: dossier source set FILE --outlet"
        " NAME\n"
        "sources:\n"
        "  b.txt:\n"
        "    title: 'Raqqa: the fifth month'\n"
    )
    listed = runner.invoke(app, ["source", "list", "b.txt"])
    assert "    title: Raqqa: the fifth month\n" in listed.stdout


@pytest.mark.parametrize(
    ("args", "errors"),
    [
        (
            ["bb.txt", "--outlet", "X"],
            [
                "bb.txt: no such article file in the corpus folder corpus (names are paths "
                "relative to it, e.g. 'article.txt'); did you mean 'b.txt'?"
            ],
        ),
        (
            ["b.txt", "--date", "20 September 2017", "--url", "javascript:alert(1)"],
            [
                "--date: '20 September 2017' is not a date; write it as YYYY-MM-DD, "
                "e.g. 2017-09-21.",
                "--url: 'javascript:alert(1)' is not a web address; give the whole address, "
                "starting with https:// or http://",
            ],
        ),
        (
            ["b.txt", "--url", "www.example.org"],
            [
                "--url: 'www.example.org' is not a web address; give the whole address, "
                "starting with https:// or http://"
            ],
        ),
        (
            ["b.txt"],
            ["nothing to set; give at least one of --title, --outlet, --date, --url, --note"],
        ),
        (["b.txt", "--outlet", "X", "--corpus", "nowhere"], ["nowhere: corpus folder not found."]),
    ],
)
def test_source_set_refuses_bad_input_and_leaves_the_file_alone(
    desk: Path, args: list[str], errors: list[str]
) -> None:
    result = runner.invoke(app, ["source", "set", *args])

    assert result.exit_code == 2
    assert result.stderr == "".join(f"Error: {e}\n" for e in errors)
    assert Path("corpus/sources.yaml").read_text(encoding="utf-8") == SOURCES


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (
            "sources:\n  a.txt: {outlet: [x\n",
            "corpus/sources.yaml:3:1: invalid YAML: expected ',' or ']', but got '<stream end>'.",
        ),
        (
            "sources:\n  a.txt:\n    outlett: X\n",
            'corpus/sources.yaml:3:5: sources["a.txt"].outlett: '
            "unknown key; did you mean 'outlet'?",
        ),
        (
            "sources:\n  a.txt:\n    date: 2017-13-01\n",
            "corpus/sources.yaml:3:11: '2017-13-01' is not a date (month must be in 1..12); "
            "write it as YYYY-MM-DD, e.g. 2017-09-21.",
        ),
    ],
)
def test_a_broken_sources_file_is_reported_where_it_is_broken(
    desk: Path, text: str, error: str
) -> None:
    Path("corpus/sources.yaml").write_text(text, encoding="utf-8")

    edit = runner.invoke(app, ["source", "set", "b.txt", "--outlet", "X"])
    listing = runner.invoke(app, ["source", "list"])
    build = runner.invoke(app, ["search", "Raqqa"])

    for result in (edit, listing, build):
        assert result.exit_code == 2
        assert result.stderr == f"Error: {error}\n"
    assert Path("corpus/sources.yaml").read_text(encoding="utf-8") == text


# --- help and README ----------------------------------------------------------------------

EDITOR_COMMANDS = [
    ["add"],
    ["explain"],
    ["search"],
    ["validate"],
    ["schema"],
    ["source", "list"],
    ["source", "set"],
]


def _commands() -> list[list[str]]:
    import typer.main

    group = typer.main.get_command(app)
    names: list[list[str]] = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        if subcommands:
            names.extend([name, sub] for sub in subcommands)
        else:
            names.append([name])
    return names


def test_every_command_has_help_with_an_example() -> None:
    commands = _commands()
    assert all(c in commands for c in EDITOR_COMMANDS)

    for command in commands:
        result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        assert "Example: dossier " + " ".join(command) in result.stdout, command


def test_shell_completion_is_offered() -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "200"})

    assert "--install-completion" in result.stdout


def test_the_readme_shows_editors_every_command() -> None:
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    editors = readme.split("## For editors", 1)[1].split("\n## ", 1)[0]

    for command in EDITOR_COMMANDS:
        if command[0] != "schema":
            assert f"dossier {' '.join(command)}" in editors, command
    assert "--install-completion" in editors
    assert "# yaml-language-server: $schema=schema/claims.schema.json" in editors


# --- validate -----------------------------------------------------------------------------


def test_validate_checks_the_sources_file_beside_the_claims(desk: Path) -> None:
    result = runner.invoke(app, ["validate"])

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "claims.yaml: 2 claims, all valid\ncorpus/sources.yaml: 2 articles described, all valid\n"
    )


def test_validate_reports_the_problems_of_both_files_at_once(desk: Path) -> None:
    Path("claims.yaml").write_text(CLAIMS.replace("    text: Penguins", "    txt: Penguins"))
    Path("corpus/sources.yaml").write_text("sources:\n  a.txt:\n    date: 21/09/2017\n")

    result = runner.invoke(app, ["validate"])

    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Error: claims.yaml:9:5: claims[1].text: field required; "
        "add 'text: ...' (the claim as a fact-checker would phrase it)\n"
        "Error: claims.yaml:10:5: claims[1].txt: unknown key; did you mean 'text'?\n"
        "Error: corpus/sources.yaml:3:11: sources[\"a.txt\"].date: '21/09/2017' is not a date; "
        "write it as YYYY-MM-DD, e.g. 2017-09-21.\n"
    )


# --- schema of sources.yaml ---------------------------------------------------------------


def test_the_sources_schema_file_is_up_to_date() -> None:
    from dossier.tools.sources import sources_json_schema_text

    result = runner.invoke(app, ["schema", "--sources"])

    assert result.exit_code == 0, result.output
    assert result.stdout == sources_json_schema_text()
    assert (SEEDS / "schema" / "sources.schema.json").read_text(encoding="utf-8") == (
        result.stdout
    ), "stale; regenerate: dossier schema --sources > schema/sources.schema.json"
    assert (
        (SEEDS / "corpus" / "sources.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../schema/sources.schema.json\n")
    )


def test_a_new_sources_file_points_to_the_projects_schema(desk: Path) -> None:
    Path("corpus/sources.yaml").unlink()
    Path("schema").mkdir()
    Path("schema/sources.schema.json").write_text("{}\n", encoding="utf-8")

    result = runner.invoke(app, ["source", "set", "a.txt", "--outlet", "X"])

    assert result.exit_code == 0, result.output
    assert (
        Path("corpus/sources.yaml")
        .read_text(encoding="utf-8")
        .startswith(
            "# yaml-language-server: $schema=../schema/sources.schema.json\n# What is known"
        )
    )


def test_text_from_an_article_cannot_drive_the_terminal(desk: Path) -> None:
    Path("corpus/c.txt").write_text(
        "Penguins \x1b]0;owned\x07 reached Raqqa \x1b[2J\u202eyesterday.\n", encoding="utf-8"
    )

    result = runner.invoke(app, ["search", "penguins"])
    styled = runner.invoke(app, ["search", "penguins"], env={"FORCE_COLOR": "1"})

    assert result.exit_code == 0, result.output
    assert result.stdout.endswith(
        "    *Penguins* \ufffd]0;owned reached Raqqa \ufffd[2J\ufffdyesterday.\n"
    )
    assert "\x1b" not in result.stdout
    assert "\x1b]" not in styled.stdout and "\x1b[2J" not in styled.stdout
