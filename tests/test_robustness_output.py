"""What dossier prints is shown, never obeyed: every command and format, through one sanitiser.

A hostile project: an article whose file name holds a line break followed by a forged GitHub
workflow command, an OSC escape sequence (it would set the terminal's title), BEL and a bidi
override (U+202E), and whose text holds the same characters beside the sentence a claim cites.
Each row runs one command on it and checks what must hold of anything printed: no character
that does not print reaches the output (line breaks of our own aside), no line is forged (a
line that starts ``::error file=claims.yaml,line=1`` or an ``Error:`` line holding one), and
the names stay readable, written out as ``\\n``, ``\\x1b``, ``\\u202e``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from dossier.cli import app
from dossier.sanitise import json_text, lines, one_line, printable

runner = CliRunner()

FORGED = "::error file=claims.yaml,line=1::all good"
NASTY = "\x1b]0;pwned\x07 \u202e"
NAME = f"evil\n{FORGED} {NASTY}.txt"
SHOWN_NAME = r"evil\n::error file=claims.yaml,line=1::all good \x1b]0;pwned\x07 \u202e.txt"
ARTICLE = (
    f"Strike report\n\nThe coalition conducted 1,500 strikes in September, {NASTY}said officials.\n"
)
CLAIMS = "claims:\n  - id: strikes\n    text: The coalition conducted 1,500 strikes.\n"


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / NAME).write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    return tmp_path


def locked_then_changed(root: Path) -> None:
    """The project locked, then the cited figure changed: ``check`` reports the file by name."""
    assert runner.invoke(app, ["lock", "--no-cache"]).exit_code == 0
    article = root / "corpus" / NAME
    article.write_text(ARTICLE.replace("1,500", "1,700"), encoding="utf-8")


def hostile_claim(root: Path) -> None:
    """A claim whose text holds an escape sequence and BEL (YAML's ``\\e`` and ``\\a``)."""
    (root / "claims.yaml").write_text(
        "claims:\n  - id: strikes\n"
        '    text: "The coalition\\e]0;pwned\\a conducted 1,500 strikes."\n',
        encoding="utf-8",
    )


@dataclass(frozen=True)
class Printed:
    args: tuple[str, ...]
    exit_code: int
    shows: str  # what the output must show (the name or value, escaped)
    setup: Callable[[Path], None] | None = None
    json: bool = False


CASES = {
    "build": Printed(("build", "--no-cache", "--out", "out", "--format", "json"), 0, "1 supported"),
    "explain": Printed(("explain", "strikes", "--no-cache"), 0, r"evil\n::error"),
    "search": Printed(("search", "strikes"), 0, SHOWN_NAME),
    "source list": Printed(("source", "list"), 0, SHOWN_NAME),
    "check text": Printed(("check", "--no-cache"), 1, SHOWN_NAME, locked_then_changed),
    "check github": Printed(
        ("check", "--no-cache", "--format", "github"), 1, SHOWN_NAME, locked_then_changed
    ),
    "check json": Printed(
        ("check", "--no-cache", "--format", "json"), 1, r"\u202e", locked_then_changed, True
    ),
    "Error: a corpus folder's name": Printed(
        ("build", "--no-cache", "--corpus", f"no\n{FORGED}"), 2, rf"no\n{FORGED}"
    ),
    "Error: a claim id asked for": Printed(("explain", f"x\n{FORGED}"), 2, rf"x\n{FORGED}"),
    "a claim's text": Printed(("explain", "strikes", "--no-cache"), 0, "]0;pwned", hostile_claim),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_nothing_printed_can_drive_a_terminal_or_forge_a_line(hostile: Path, case: Printed) -> None:
    if case.setup is not None:
        case.setup(hostile)
    result: Result = runner.invoke(app, list(case.args))
    output = result.output
    assert "Traceback" not in output
    assert result.exit_code == case.exit_code, output
    assert [c for c in output if not c.isprintable() and c != "\n"] == []
    for line in output.splitlines():
        assert not line.startswith("::error file=claims.yaml,line=1"), line
        assert not line.startswith("Error: ::"), line
    assert case.shows in output
    if case.json:  # still JSON, and it holds the very name
        finding = json.loads(result.stdout)["findings"][0]
        assert any(NAME in str(value) for value in finding.values())


@pytest.mark.parametrize(
    ("show", "text", "shown"),
    [
        (one_line, "a\nb\tc\r", r"a\nb\tc\r"),
        (
            one_line,
            "OSC \x1b]0;x\x07 bidi \u202e del \x7f c1 \x9b",
            r"OSC \x1b]0;x\x07 bidi \u202e del \x7f c1 \x9b",
        ),
        (one_line, "Khúsham, “quoted” – fine", "Khúsham, “quoted” – fine"),
        (one_line, "tag \U000e0041", r"tag \U000e0041"),
        (printable, "a\n\x1bb\u202e", "a\n\ufffdb\ufffd"),
        (lines, "one\ntwo\x07\nthree\u2028", "one\ntwo\\x07\nthree\\u2028"),
        (
            json_text,
            '{"a": "x\u202ey\x85 \U000e0041 ú"}',
            '{"a": "x\\u202ey\\u0085 \\udb40\\udc41 ú"}',
        ),
    ],
)
def test_the_sanitiser_shows_each_unsafe_character(
    show: Callable[[str], str], text: str, shown: str
) -> None:
    assert show(text) == shown


def test_escaped_json_parses_to_the_same_values() -> None:
    value = {"name": NAME, "quote": "x\u202ey\x85\U000e0041 ú"}
    text = json.dumps(value, ensure_ascii=False)
    assert json.loads(json_text(text)) == value
