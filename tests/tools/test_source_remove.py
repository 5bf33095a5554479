"""``dossier source remove``: an article's entry leaves ``corpus/sources.yaml``, every other
byte of the file stays, comments included."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.tools.sources import validate_sources

runner = CliRunner()

SOURCES = """\
# What is known about each article.
sources:
  a.txt:
    outlet: Example News   # as printed
  # b.txt was a wire copy
  b.txt:
    outlet: Wire
    notes: >-
      two
      lines

  # c.txt: a state outlet
  c.txt:
    notes: "state-affiliated outlet"
furniture: []  # none of our own
"""


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus of a.txt and c.txt whose sources.yaml still names b.txt, removed."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    for name in ("a.txt", "c.txt"):
        (tmp_path / "corpus" / name).write_text("A sentence here.\n", encoding="utf-8")
    (tmp_path / "corpus" / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    return tmp_path


def sources() -> str:
    return Path("corpus/sources.yaml").read_text(encoding="utf-8")


def test_source_remove_drops_the_entry_and_its_comment_and_keeps_the_rest(desk: Path) -> None:
    result = runner.invoke(app, ["source", "remove", "b.txt"])

    assert result.exit_code == 0, result.output
    assert result.output == "corpus/sources.yaml: removed b.txt\n"
    assert sources() == SOURCES.replace(
        "  # b.txt was a wire copy\n  b.txt:\n    outlet: Wire\n"
        "    notes: >-\n      two\n      lines\n\n",
        "\n",
    )


def test_source_remove_takes_the_path_under_the_corpus_folder(desk: Path) -> None:
    result = runner.invoke(app, ["source", "remove", "corpus/c.txt"])

    assert result.exit_code == 0, result.output
    assert result.output == "corpus/sources.yaml: removed c.txt\n"
    assert "c.txt" not in sources()
    assert sources().endswith("      lines\n\nfurniture: []  # none of our own\n")


def test_source_remove_of_every_entry_leaves_a_valid_file(desk: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        assert runner.invoke(app, ["source", "remove", name]).exit_code == 0
    assert (
        sources()
        == "# What is known about each article.\nsources:\n\nfurniture: []  # none of our own\n"
    )
    assert (
        validate_sources(Path("corpus")) == "corpus/sources.yaml: 0 articles described, all valid"
    )


def test_source_remove_of_a_flow_mapping(desk: Path) -> None:
    Path("corpus/sources.yaml").write_text(
        "sources: {a.txt: {outlet: X}, b.txt: {}}\n", encoding="utf-8"
    )

    result = runner.invoke(app, ["source", "remove", "b.txt"])

    assert result.exit_code == 0, result.output
    assert sources() == "sources: {a.txt: {outlet: X}}\n"


def test_source_set_leaves_an_entry_for_a_removed_article_alone(desk: Path) -> None:
    result = runner.invoke(app, ["source", "set", "c.txt", "--outlet", "State TV"])

    assert result.exit_code == 0, result.output
    assert "  b.txt:\n    outlet: Wire\n" in sources()
    assert "    outlet: State TV\n" in sources()


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["bb.txt"], "corpus/sources.yaml: no entry for 'bb.txt'; did you mean 'b.txt'?"),
        (["news.md"], "corpus/sources.yaml: no entry for 'news.md'."),
        (["a.txt", "--corpus", "nowhere"], "nowhere: corpus folder not found."),
    ],
)
def test_source_remove_refuses_what_is_not_an_entry(
    desk: Path, args: list[str], error: str
) -> None:
    result = runner.invoke(app, ["source", "remove", *args])

    assert result.exit_code == 2
    assert result.output == f"Error: {error}\n"
    assert sources() == SOURCES


def test_source_remove_without_a_sources_file(desk: Path) -> None:
    Path("corpus/sources.yaml").unlink()

    result = runner.invoke(app, ["source", "remove", "a.txt"])

    assert result.exit_code == 2
    assert result.output == (
        "Error: corpus/sources.yaml: no such file; no article is described yet.\n"
    )
