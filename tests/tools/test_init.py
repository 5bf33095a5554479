"""``dossier init [DIR]``: a new dossier's files, ready to edit; it validates and builds as
written, and never writes over a file unless told to."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from dossier.claims.load import claims_json_schema_text, load_claims
from dossier.cli import app
from dossier.corpus.files import article_paths
from dossier.tools.init import FILES, init_project
from dossier.tools.sources import sources_json_schema_text

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "000_3f27ff8ca29bbeac.txt"
WRITTEN = [
    "claims.yaml",
    "corpus/sources.yaml",
    "schema/claims.schema.json",
    "schema/sources.schema.json",
    ".gitignore",
    ".github/workflows/dossier.yml",
    ".pre-commit-config.yaml",
]

runner = CliRunner()


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_init_writes_every_file_and_says_what_to_run_next(here: Path) -> None:
    result = runner.invoke(app, ["init", "harbour-bridge"])

    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert sorted(files_under(here / "harbour-bridge")) == sorted(WRITTEN)
    assert result.stdout == (
        "".join(f"wrote harbour-bridge/{rel}\n" for rel in WRITTEN) + "\n"
        "Next, copy the articles into harbour-bridge/corpus/ and write the claims in "
        "harbour-bridge/claims.yaml, then run:\n"
        "  cd harbour-bridge && dossier build  # writes the dossier to out/\n"
        "  dossier lock                        "
        "# records its verdicts in dossier.lock: commit it, CI checks it\n"
        "For CI, write in harbour-bridge/.github/workflows/dossier.yml where to install "
        "dossier from (DOSSIER).\n"
    )


def test_init_with_no_folder_starts_the_dossier_in_the_current_one(here: Path) -> None:
    result = runner.invoke(app, ["init"])

    assert result.exit_code == 0, result.output
    assert sorted(files_under(here)) == sorted(WRITTEN)
    assert "  dossier build  # writes the dossier to out/\n" in result.stdout
    assert "cd " not in result.stdout


def test_the_claims_file_is_valid_as_written_and_dated_today(here: Path) -> None:
    init_project(here / "story", dt.date(2026, 12, 6))

    claims = load_claims(here / "story" / "claims.yaml")
    text = (here / "story" / "claims.yaml").read_text(encoding="utf-8")

    assert text.startswith("# yaml-language-server: $schema=schema/claims.schema.json\n")
    assert claims.file.title == "story — fact-check dossier"
    assert claims.file.as_of == dt.date(2026, 12, 6)
    assert claims.file.aliases == {"European Union": ["EU"]}
    assert [claim.id for claim in claims.claims] == ["bridge-cost-40-million"]
    for field in ("id", "text", "tags", "notes", "expect", "as_of", "aliases", "title"):
        assert f"{field} " in text.replace(":", " "), f"no comment tells what {field} does"


def test_validate_passes_on_the_new_dossier(here: Path) -> None:
    runner.invoke(app, ["init"])

    result = runner.invoke(app, ["validate"])

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "claims.yaml: 1 claim, all valid\ncorpus/sources.yaml: 0 articles described, all valid\n"
    )


def test_the_corpus_folder_holds_no_article_until_one_is_copied_in(here: Path) -> None:
    init_project(here, dt.date(2026, 12, 6))

    assert article_paths(here / "corpus") == []
    sources = (here / "corpus" / "sources.yaml").read_text(encoding="utf-8")
    assert sources.startswith("# yaml-language-server: $schema=../schema/sources.schema.json\n")
    assert "This folder holds the articles" in sources


def test_the_sources_file_is_what_its_schema_asks_for(here: Path) -> None:
    init_project(here, dt.date(2026, 12, 6))

    data = YAML(typ="safe").load(here / "corpus" / "sources.yaml")

    assert data == {"sources": {}}  # an empty mapping: `sources:` alone is null, which the
    # schema (and an editor checking the file against it) refuses


def test_the_schemas_are_those_dossier_schema_prints(here: Path) -> None:
    init_project(here, dt.date(2026, 12, 6))

    assert (here / "schema/claims.schema.json").read_text() == claims_json_schema_text()
    assert (here / "schema/sources.schema.json").read_text() == sources_json_schema_text()


def test_git_ignores_what_a_build_writes(here: Path) -> None:
    init_project(here, dt.date(2026, 12, 6))

    ignored = (here / ".gitignore").read_text().splitlines()

    assert {"out/", ".dossier/"} <= set(ignored)


def test_the_ci_workflow_checks_the_lock_with_annotations_then_builds(here: Path) -> None:
    init_project(here, dt.date(2026, 12, 6))

    workflow = YAML(typ="safe").load(here / ".github/workflows/dossier.yml")
    steps = workflow["jobs"]["check"]["steps"]
    runs = [step.get("run") for step in steps]

    assert "dossier --quiet check --format github" in runs
    assert "dossier --quiet build" in runs
    assert steps[-1]["with"]["path"] == "out/"
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["key"] == "dossier-cache-${{ github.sha }}"
    install = next(step for step in steps if step.get("name") == "Install dossier")
    assert install["env"]["DOSSIER"].endswith("/dossier@v0.2.0")


def test_the_pre_commit_hook_runs_dossier_validate(here: Path) -> None:
    init_project(here, dt.date(2026, 12, 6))

    config = YAML(typ="safe").load(here / ".pre-commit-config.yaml")
    (repo,) = config["repos"]
    (hook,) = repo["hooks"]

    assert repo["repo"] == "local"
    assert hook["entry"] == "dossier validate"
    assert hook["language"] == "unsupported"  # `system` before pre-commit 4.4.0
    assert config["minimum_pre_commit_version"] == "4.4.0"
    assert hook["pass_filenames"] is False


@pytest.mark.slow
def test_the_example_builds_with_one_article_copied_in(here: Path) -> None:
    runner.invoke(app, ["init"])
    shutil.copy(ROOT / "corpus" / ARTICLE, here / "corpus" / ARTICLE)

    result = runner.invoke(app, ["build", "--format", "json", "--no-cache"])

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 claim checked against 1 article: 1 unverified\n")
    report = json.loads((here / "out" / "dossier.json").read_text(encoding="utf-8"))
    assert report["title"] == f"{here.name} — fact-check dossier"
    assert [claim["id"] for claim in report["claims"]] == ["bridge-cost-40-million"]


def test_running_it_twice_names_each_file_and_changes_nothing(here: Path) -> None:
    runner.invoke(app, ["init", "story"])
    (here / "story" / "claims.yaml").write_text("claims: []\n", encoding="utf-8")
    before = files_under(here / "story")

    result = runner.invoke(app, ["init", "story"])

    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "".join(f"Error: story/{rel}: already exists.\n" for rel in WRITTEN)
        + "Error: dossier init never writes over a file, and wrote nothing: start the dossier "
        "in a new folder, or rerun with --force to replace these files.\n"
    )
    assert files_under(here / "story") == before


def test_one_file_in_the_way_is_named_and_nothing_is_written(here: Path) -> None:
    (here / ".gitignore").write_text("node_modules/\n", encoding="utf-8")

    result = runner.invoke(app, ["init"])

    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "Error: .gitignore: already exists."
    assert files_under(here) == {".gitignore": b"node_modules/\n"}


def test_force_replaces_the_files_and_keeps_the_rest(here: Path) -> None:
    runner.invoke(app, ["init"])
    (here / "claims.yaml").write_text("claims: []\n", encoding="utf-8")
    os.chmod(here / "claims.yaml", 0o600)
    (here / "corpus" / ARTICLE).write_text("An article.\n", encoding="utf-8")

    result = runner.invoke(app, ["init", "--force"])

    assert result.exit_code == 0, result.output
    assert load_claims(here / "claims.yaml").claims[0].id == "bridge-cost-40-million"
    assert (here / "claims.yaml").stat().st_mode & 0o777 == 0o600
    assert (here / "corpus" / ARTICLE).read_text() == "An article.\n"


def test_a_folder_name_that_does_not_print_gives_the_default_title(here: Path) -> None:
    init_project(here / "a\u202eb", dt.date(2026, 12, 6))

    claims = load_claims(here / "a\u202eb" / "claims.yaml")

    assert claims.file.title == "Fact-check dossier"


def test_a_folder_name_with_quotes_is_a_valid_title(here: Path) -> None:
    init_project(here / 'the "bridge" \\ story', dt.date(2026, 12, 6))

    claims = load_claims(here / 'the "bridge" \\ story' / "claims.yaml")

    assert claims.file.title == 'the "bridge" \\ story — fact-check dossier'


def test_every_template_is_in_the_table_and_every_file_in_it_is_written() -> None:
    templates = {path.name for path in (ROOT / "dossier/tools/init_templates").iterdir()}

    assert list(FILES) == WRITTEN
    assert templates == {
        "claims.yaml.j2",
        "sources.yaml.j2",
        "gitignore.j2",
        "dossier.yml.j2",
        "pre-commit-config.yaml.j2",
    }


def test_a_line_break_in_the_folder_name_stays_on_its_line(here: Path) -> None:
    result = runner.invoke(app, ["init", "a\nError: b"])

    assert result.exit_code == 0, result.output
    assert not any(line.startswith("Error:") for line in result.stdout.splitlines())
    assert "wrote a\\nError: b/claims.yaml\n" in result.stdout
