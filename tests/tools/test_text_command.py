"""``dossier text FILE [--furniture]``: how dossier reads one article, through the real command
line (plain output, asserted exactly), and what it says of a path that is no article."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from dossier.cli import app

runner = CliRunner()

ARTICLE = """\
Accessibility links

Strikes hit Aleppo

The Syrian Observatory said 40 civilians were killed. It blamed air strikes. Follow us
on Twitter for more updates.

“Please support us,” the mayor told residents.

© 2017 Example News. All rights reserved.
"""

READ = """\
corpus/a.txt: 6 paragraphs (2 body, 1 heading, 3 furniture), 3 sentences judged:

corpus/a.txt:1  furniture (navigation)
    Accessibility links

corpus/a.txt:3  heading
    Strikes hit Aleppo

corpus/a.txt:5  body
    [1] The Syrian Observatory said 40 civilians were killed.
    [2] It blamed air strikes.

corpus/a.txt:5  furniture (follow-us)
    Follow us on Twitter for more updates.

corpus/a.txt:8  body
    [1] “Please support us,” the mayor told residents.

corpus/a.txt:10  furniture (copyright)
    © 2017 Example News. All rights reserved.
"""

FURNITURE = """\
corpus/a.txt: 3 of 6 paragraphs are furniture, left out of judging:

corpus/a.txt:1  furniture (navigation)
    Accessibility links

corpus/a.txt:5  furniture (follow-us)
    Follow us on Twitter for more updates.

corpus/a.txt:10  furniture (copyright)
    © 2017 Example News. All rights reserved.
"""


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("corpus").mkdir()
    Path("corpus/a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def text(*args: str) -> Result:
    """``dossier text ARGS``, which ends in an exit code whatever the path: no traceback."""
    result = runner.invoke(app, ["text", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result


def test_text_shows_each_paragraph_with_its_kind_and_the_sentences_judged(in_tmp: Path) -> None:
    result = text("corpus/a.txt")

    assert result.exit_code == 0
    assert result.stdout == READ


def test_text_furniture_lists_what_was_left_out_with_its_rule_and_line(in_tmp: Path) -> None:
    result = text("corpus/a.txt", "--furniture")

    assert result.exit_code == 0
    assert result.stdout == FURNITURE


def test_text_finds_an_article_named_as_sources_yaml_names_it(in_tmp: Path) -> None:
    """``a.txt`` is ``corpus/a.txt``; the places shown are paths from here."""
    assert text("a.txt", "--furniture").stdout == FURNITURE


def test_text_applies_the_furniture_rules_of_sources_yaml(in_tmp: Path) -> None:
    Path("corpus/sources.yaml").write_text("furniture:\n  - '^strikes hit'\n", encoding="utf-8")

    result = text("corpus/a.txt", "--furniture")

    assert result.stdout.splitlines()[:2] == [
        "corpus/a.txt: 4 of 6 paragraphs are furniture, left out of judging:",
        "Furniture rules: built-in, and 1 rule from corpus/sources.yaml.",
    ]
    assert "corpus/a.txt:3  furniture (custom:^strikes hit)" in result.stdout


def test_text_says_when_nothing_is_furniture(in_tmp: Path) -> None:
    Path("corpus/b.txt").write_text("It rained.\n", encoding="utf-8")

    result = text("corpus/b.txt", "--furniture")

    assert result.stdout == "corpus/b.txt: no furniture; none of its 1 paragraph is left out.\n"


def test_text_shows_no_control_character_of_an_article(in_tmp: Path) -> None:
    Path("corpus/b.txt").write_text("It rained\x1b]0;title\x07 all day.\n", encoding="utf-8")

    result = text("corpus/b.txt")

    assert "[1] It rained\ufffd]0;title" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


@dataclass(frozen=True)
class BadCase:
    name: str
    content: bytes | None
    """The file's bytes; None: nothing is written there (for a folder, it is made)."""
    exit_code: int
    output: str
    """Exactly what is printed (stderr for an error, stdout otherwise)."""


BAD_CASES = {
    "missing-file": BadCase(
        "corpus/nope.txt",
        None,
        2,
        "Error: corpus/nope.txt: file not found; give the path of an article "
        "(.htm, .html, .md, .pdf, .txt).\n",
    ),
    "a-folder": BadCase(
        "corpus", None, 2, "Error: corpus: is a folder; give the path of one article in it.\n"
    ),
    "a-binary-file": BadCase(
        "corpus/photo.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00",
        2,
        "Error: corpus/photo.txt: cannot be read: a binary file (it holds NUL bytes), "
        "not an article.\n",
    ),
    "not-utf8": BadCase(
        "corpus/latin1.txt",
        b"Caf\xe9\n",
        2,
        "Error: corpus/latin1.txt: cannot be read: not valid UTF-8 (byte 3).\n",
    ),
    "not-an-article-suffix": BadCase(
        "corpus/report.docx",
        b"PK\x03\x04",
        2,
        "Error: corpus/report.docx: not an article file; dossier reads .htm, .html, .md, .pdf, "
        ".txt files.\n",
    ),
    "a-pdf-without-text": BadCase(
        "corpus/report.pdf",
        b"%PDF-1.4",
        2,
        "Error: corpus/report.pdf: cannot be read: not a readable PDF (damaged, or not a PDF).\n",
    ),
    "a-name-too-long": BadCase(
        "a" * 300 + ".txt",
        None,
        2,
        f"Error: {'a' * 300}.txt: cannot be read: File name too long.\n",
    ),
    "an-empty-file": BadCase(
        "corpus/empty.txt",
        b" \n\n",
        0,
        "corpus/empty.txt holds no text (it is empty or only whitespace); a build skips it.\n",
    ),
}


@pytest.mark.parametrize("case", BAD_CASES.values(), ids=BAD_CASES.keys())
def test_text_of_what_is_no_article_says_so_in_one_line(in_tmp: Path, case: BadCase) -> None:
    if case.content is not None:
        Path(case.name).write_bytes(case.content)

    result = text(case.name)

    assert result.exit_code == case.exit_code
    assert (result.stderr if case.exit_code else result.stdout) == case.output
