"""`dossier build` end to end on the seed corpus: the JSON contract, verbatim quotes, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from dossier.cli import app

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
CLAIMS = ROOT / "tests" / "fixtures" / "pipeline" / "claims.yaml"


def read_source(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(
        app,
        [
            "build",
            "--no-cache",  # a test writes nothing beside the fixtures
            "--claims",
            str(CLAIMS),
            "--corpus",
            str(CORPUS),
            "--out",
            str(out),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert f"wrote {out / 'dossier.json'}" in result.output
    data: dict = json.loads((out / "dossier.json").read_text(encoding="utf-8"))  # type: ignore[type-arg]
    return data


def test_the_json_keeps_the_contract(built: dict) -> None:  # type: ignore[type-arg]
    ids = [c["id"] for c in built["claims"]]
    assert ids[:4] == ["us-troops", "sdf-raqqa", "seven-km", "strikes"]
    for claim in built["claims"]:
        assert {"id", "text", "verdict", "evidence"} <= claim.keys()
        assert claim["verdict"] in {"supported", "contradicted", "disputed", "unverified"}
        for e in claim["evidence"]:
            assert {"stance", "source", "start", "end", "quote", "reason"} <= e.keys()
            assert e["stance"] in {"supports", "conflicts"}
            assert e["reason"]


def test_every_quote_is_verbatim_at_its_offsets(built: dict) -> None:  # type: ignore[type-arg]
    quotes = [e for c in built["claims"] for e in c["evidence"]]
    assert quotes
    for e in quotes:
        text = read_source(CORPUS / e["source"])
        assert text[e["start"] : e["end"]] == e["quote"]
        assert text[e["context_start"] : e["context_end"]] == e["context"]


def test_the_named_claims_get_their_evidence(built: dict) -> None:  # type: ignore[type-arg]
    by_id = {c["id"]: c for c in built["claims"]}
    raqqa = by_id["sdf-raqqa"]["evidence"]
    assert any("80 per cent of Raqa" in e["quote"] and e["stance"] == "supports" for e in raqqa)
    assert by_id["aleppo"] == {**by_id["aleppo"], "verdict": "unverified", "evidence": []}


def test_the_same_input_gives_the_same_bytes(tmp_path: Path, built: dict) -> None:  # type: ignore[type-arg]
    result = CliRunner().invoke(
        app,
        [
            "-q",
            "build",
            "--no-cache",  # a test writes nothing beside the fixtures
            "--claims",
            str(CLAIMS),
            "--corpus",
            str(CORPUS),
            "--out",
            str(tmp_path),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert json.loads((tmp_path / "dossier.json").read_text(encoding="utf-8")) == built


def test_a_broken_claims_file_is_reported_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "claims.yaml"
    bad.write_text("claims:\n  - id: a-claim\n    txt: The SDF controls 80% of Raqqa.\n")
    result = CliRunner().invoke(
        app, ["build", "--claims", str(bad), "--corpus", str(CORPUS), "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert f"Error: {bad}:2:5:" in result.output
    assert "Traceback" not in result.output


def test_an_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["build", "--claims", str(CLAIMS), "--corpus", str(CORPUS), "--format", "docx"]
    )
    assert result.exit_code == 2
    assert result.output == (
        "Error: --format: unknown output 'docx'; use a comma-separated list of html, pdf, json\n"
    )


def test_a_missing_corpus_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    claims = tmp_path / "claims.yaml"
    claims.write_bytes(CLAIMS.read_bytes())
    result = CliRunner().invoke(
        app, ["build", "--claims", str(claims), "--corpus", str(tmp_path / "nope")]
    )
    assert result.exit_code == 2
    assert result.output.startswith("Error: ")
    assert "Traceback" not in result.output
    assert not (tmp_path / ".dossier").exists()  # a build that cannot start leaves no cache


def test_the_command_line_starts_without_the_libraries_few_builds_need() -> None:
    import subprocess
    import sys

    # A build from the cache splits no sentence and renders no template: blingfire (with numpy)
    # and jinja2 are imported when first used, not when every command starts.
    probe = "import sys, dossier.cli, dossier.pipeline; print(sorted(set(sys.modules) & {M}))"
    modules = {"blingfire", "numpy", "jinja2"}
    done = subprocess.run(
        [sys.executable, "-c", probe.replace("{M}", repr(modules))],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.strip() == "[]"


def test_the_plain_pipeline_never_imports_the_incremental_build() -> None:
    import subprocess
    import sys

    # The cache wraps the pipeline: the pipeline, and what it imports, never see it.
    probe = "import sys, dossier.pipeline; print(sorted(m for m in sys.modules if 'incr' in m))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )  # fmt: skip
    assert done.stdout.strip() == "[]"


def test_the_incremental_build_gives_the_plain_pipelines_dossier(tmp_path: Path) -> None:
    from dossier import pipeline
    from dossier.incremental import build as incremental

    cold = pipeline.build_dossier(CLAIMS, CORPUS, tmp_path / "cold", {"json", "html"})
    warm = incremental.build_dossier(
        CLAIMS, CORPUS, tmp_path / "warm", {"json", "html"}, tmp_path / "cache"
    )
    again = incremental.build_dossier(
        CLAIMS, CORPUS, tmp_path / "again", {"json", "html"}, tmp_path / "cache"
    )
    for fmt in ("json", "html"):
        expected = (tmp_path / "cold" / f"dossier.{fmt}").read_bytes()
        assert (tmp_path / "warm" / f"dossier.{fmt}").read_bytes() == expected
        assert (tmp_path / "again" / f"dossier.{fmt}").read_bytes() == expected
    assert (warm.claims, warm.documents, warm.verdicts) == (
        cold.claims,
        cold.documents,
        cold.verdicts,
    )
    assert (again.claims, again.verdicts) == (cold.claims, cold.verdicts)


def test_splitting_sentences_loads_blingfire_without_numpy() -> None:
    import subprocess
    import sys

    # An edit segments one article: blingfire's package module would import numpy (0.15 s);
    # its library is loaded alone.
    probe = (
        "import sys; from dossier.corpus.segment import _blingfire_starts; "
        "print(_blingfire_starts('It rained. Dr. No came.'), 'numpy' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split("]")[1].strip() == "False"


_HINT_PIECES = [
    *" aAnN.,-_\n\té1٣",  # ("٣": an Arabic-Indic three is a digit too)
    *"İıſK",  # letters the regex matches case-blind to 'i', 's' and 'k'
    *["a day", "an hour", "a  day", "an\nhour", "a_day", "A Year", "an Miles", "Dozens", "dozen"],
    *["most", "MOST", "almost", "majority", "thirds", "ſix", "ſeven", "fifteen", "fifteens"],
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_HINT_PIECES), max_size=10))
def test_the_quick_figure_test_says_what_its_regex_says(pieces: list[str]) -> None:
    from dossier.judge.match import _FIGURE_HINT_RE, _figure_hint

    sentence = "".join(pieces)
    assert _figure_hint(sentence) == (_FIGURE_HINT_RE.search(sentence) is not None)


def build_small(tmp_path: Path, articles: dict[str, str], claims: str) -> list[dict]:  # type: ignore[type-arg]
    """The claims of a dossier built from ``articles`` (name -> text) and ``claims`` (the YAML
    of a claims file), without the cache."""
    (tmp_path / "corpus").mkdir()
    for name, text in articles.items():
        (tmp_path / "corpus" / name).write_text(text, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(claims, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["-q", "build", "--no-cache", "--format", "json", "--workers", "1",
         "--claims", str(tmp_path / "claims.yaml"), "--corpus", str(tmp_path / "corpus"),
         "--out", str(tmp_path / "out")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "dossier.json").read_text(encoding="utf-8"))
    return report["claims"]  # type: ignore[no-any-return]


def test_counts_in_round_words_are_checked_against_the_counts_of_the_corpus(
    tmp_path: Path,
) -> None:
    articles = {
        "a.txt": "Strike on Raqqa market\n\nAt least 43 civilians were killed in an air strike "
        "on a market in Raqqa on Monday, activists said.\n",
        "b.txt": "Coalition denies toll\n\nThe coalition said only 3 civilians were killed in "
        "the strike on the Raqqa market.\n",
        "c.txt": "Refugees flee\n\nHundreds of families fled Raqqa this week, the UN said. "
        "Dozens of airstrikes hit the city.\n",
    }
    claims = build_small(
        tmp_path,
        articles,
        "title: Round words\nclaims:\n"
        "  - id: toll\n"
        "    text: Dozens of civilians were killed in the strike on the Raqqa market.\n"
        "  - id: families\n    text: More than 100 families fled Raqqa this week.\n"
        "  - id: strikes\n    text: The coalition conducted over 1,500 airstrikes on Raqqa.\n",
    )
    found = {
        c["id"]: (c["verdict"], [(e["source"], e["stance"]) for e in c["evidence"]]) for c in claims
    }

    assert found == {
        "toll": ("disputed", [("a.txt", "supports"), ("b.txt", "conflicts")]),
        "families": ("supported", [("c.txt", "supports")]),
        "strikes": ("unverified", []),  # "dozens of airstrikes" contradicts no total
    }
    (families,) = [c for c in claims if c["id"] == "families"]
    assert "passage Hundreds of families" in families["evidence"][0]["reason"]


@pytest.mark.parametrize("between", [True, False], ids=["he-said-between", "right-after"])
def test_a_quotation_naming_no_one_goes_on_from_the_nearest_speaker(
    tmp_path: Path, between: bool
) -> None:
    """'...', he said (of someone the article does not name): the quotation after is his, not
    the militias' of the sentence before."""
    he_said = "\u201cAny attempt to open fire would be shut down\u201d, he said.\n\n"
    article = (
        "Strikes on Daesh\n\nThe U.S.-backed militias said on Saturday they had come under "
        "attack from Russian jets.\n\n" + (he_said if between else "") + "\u201cThey have "
        "conducted over 1,500 strikes against Daesh terrorist targets.\u201d\n"
    )
    (claim,) = build_small(
        tmp_path,
        {"a.txt": article},
        "title: Strikes\nclaims:\n  - id: strikes\n"
        "    text: The coalition conducted over 1,500 strikes against Daesh.\n",
    )
    (evidence,) = [e for e in claim["evidence"] if "1,500" in e["quote"]]
    assert evidence["speaker"] == (None if between else "The U.S.-backed militias")


def test_the_two_forces_do_not_contradict_a_count_of_troops(tmp_path: Path) -> None:
    """'the two forces' names the two sides again; it does not count troops."""
    article = (
        "US troops in Syria\n\nRoughly five hundred American soldiers are stationed in Syria, "
        "officials said. The Pentagon declined to give details of their mission.\n\n"
        "Seven kilometres of territory held by Islamic State separate the two forces, the "
        "officials added.\n"
    )
    (claim,) = build_small(
        tmp_path,
        {"a.txt": article},
        "title: Troops\naliases:\n  United States: [US, American]\nclaims:\n"
        "  - id: troops\n    text: About 500 US troops are deployed in Syria.\n",
    )
    assert claim["verdict"] == "supported"
    assert [e["stance"] for e in claim["evidence"]] == ["supports"]


def test_a_figure_written_in_any_number_word_is_looked_at(tmp_path: Path) -> None:
    from dossier.judge.match import has_figure
    from dossier.lexicon.numbers import NUMBER_WORDS

    # Retrieval keeps, for a claim with a figure, only the sentences that may hold one.
    assert [w for w in NUMBER_WORDS if not has_figure(f"It said {w} soldiers were there.")] == []

    (claim,) = build_small(
        tmp_path,
        {"a.txt": "Rebels hold part of Raqqa\n\nThe SDF said that it controls fifteen percent of "
         "Raqqa.\n"},
        "title: Teens\nclaims:\n  - id: sdf-raqqa\n    text: The SDF controls 15% of Raqqa.\n",
    )  # fmt: skip
    assert claim["verdict"] == "supported"
    assert [e["quote"] for e in claim["evidence"]] == [
        "The SDF said that it controls fifteen percent of Raqqa."
    ]


def test_a_claims_file_without_claims_builds_an_empty_dossier_through_the_cache(
    tmp_path: Path,
) -> None:
    """`claims: []` is a dossier to start from, not a crash (it ended in exit 3 as JSON)."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("The bridge opened in May.\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text("title: New story\nclaims: []\n", encoding="utf-8")
    outputs = []
    for cache in (["--cache-dir", str(tmp_path / "cache")], ["--no-cache"]):
        out = tmp_path / f"out{len(outputs)}"
        result = CliRunner().invoke(
            app,
            ["build", *cache, "--format", "json", "--claims", str(tmp_path / "claims.yaml"),
             "--corpus", str(tmp_path / "corpus"), "--out", str(out)],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert result.output.splitlines()[0] == "0 claims checked against 1 article"
        outputs.append((out / "dossier.json").read_bytes())
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["claims"] == []


def test_an_article_dated_by_its_file_name_speaks_of_that_year(tmp_path: Path) -> None:
    """A claim that names its year is judged against an article whose only date is in its file
    name; the same article without it, beside a dated one, cannot say which year it speaks of
    (alone, in a corpus that dates no article, the year is not asked)."""
    text = "Flooding\n\nAt least 40 people died in the floods in Kerala, officials said.\n"
    claims = (
        "title: t\nclaims:\n  - id: kerala\n"
        "    text: At least 40 people died in the Kerala floods in 2018.\n"
    )
    (tmp_path / "dated").mkdir()
    (tmp_path / "undated").mkdir()
    dated = build_small(tmp_path / "dated", {"wire-2018-08-16-floods.txt": text}, claims)
    other = "Rain\n\nThe rain stopped on Tuesday, officials said.\n"
    undated = build_small(
        tmp_path / "undated", {"wire-floods.txt": text, "wire-2018-08-16-rain.txt": other}, claims
    )
    assert [(e["stance"], e["rule"]) for e in dated[0]["evidence"]] == [
        ("supports", "figures.agree")
    ]
    assert dated[0]["verdict"] == "supported"
    assert undated[0]["verdict"] == "unverified"
