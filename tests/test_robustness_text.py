"""An editor's tools never change a verdict: re-wrapped lines, line breaks inside figures,
another Unicode form, CRLF line endings, curly or straight quotes.

Each case locks the seed project (``corpus/`` and ``claims.yaml``) in a temporary folder, edits
every article (and, in some cases, the claims file) as such a tool would, and runs
``dossier check`` through the real command line: it must exit 0, every claim holding its
verdict and its citations. The cases are a table: to add an edit, add a row.
"""

from __future__ import annotations

import re
import shutil
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

Edit = Callable[[str], str]


def unchanged(text: str) -> str:
    return text


def rewrapped(text: str, width: int = 40) -> str:
    """Every paragraph (each line of the seed articles) filled to ``width`` columns, as
    ``textwrap`` does: also after a word's hyphen ("Deir al-\\nZour") and inside figures."""
    return "\n".join(textwrap.fill(line, width) for line in text.split("\n"))


_FIGURE_SPACE = re.compile(
    r"(?<=\d) (?=per ?cent|percent|km|kilomet|miles|people|troops|strikes)|(?<=per) (?=cent)"
)


def broken_figures(text: str) -> str:
    """A line break in every figure: "80 per\\ncent of Raqa", "80\\nper cent", "7\\nkilometres"."""
    return _FIGURE_SPACE.sub("\n", text)


def accented(text: str) -> str:
    """The village's name with its accent, as an editor may write it (NFC)."""
    return text.replace("Khusham", "Kh\u00fasham")


def nfd(text: str) -> str:
    """What a tool that re-normalises files (NFD, as macOS file systems did) writes."""
    return unicodedata.normalize("NFD", text)


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def curly(text: str) -> str:
    """ "Smart quotes": straight quotation marks and apostrophes made typographic."""
    text = re.sub(r"\"(?=\w)", "\u201c", text).replace('"', "\u201d")
    return text.replace("'", "\u2019")


def straight(text: str) -> str:
    """Typographic quotation marks and apostrophes made straight."""
    return re.sub("[\u201c\u201d]", '"', re.sub("[\u2018\u2019]", "'", text))


@dataclass(frozen=True)
class EditCase:
    articles: Edit
    """What the tool does to every article after the lock."""
    before_lock: Edit = unchanged
    """What the articles and claims say when locked (the seed, unless this changes it)."""
    claims: Edit = unchanged
    """What the tool does to the claims file after the lock."""
    changes: str = ""
    """A string the edited corpus holds, to show the edit did what it says."""
    cache: bool = False
    """Lock and check through the build cache (in the project folder), not afresh."""


EDIT_CASES = {
    "rewrapped-at-40-columns": EditCase(rewrapped, changes="0\nkilometers"),
    "line-break-inside-per-cent": EditCase(
        lambda t: t.replace("80 per cent of Raqa", "80 per\ncent of Raqa"),
        changes="80 per\ncent of Raqa",
    ),
    "line-break-after-the-number": EditCase(
        lambda t: t.replace("80 per cent of Raqa", "80\nper cent of Raqa"),
        changes="80\nper cent of Raqa",
    ),
    "line-breaks-inside-every-figure": EditCase(
        broken_figures, changes="20\nper\ncent is in the firing line"
    ),
    "rewrapped-through-the-cache": EditCase(rewrapped, cache=True),
    "nfd-unicode": EditCase(nfd, before_lock=accented, changes="Khu\u0301sham"),
    "nfd-unicode-claims-too": EditCase(nfd, before_lock=accented, claims=nfd),
    "crlf-line-endings": EditCase(crlf, claims=crlf, changes="\r\n"),
    "non-breaking-spaces-in-figures": EditCase(
        lambda t: re.sub(r"(?<=\d) (?=\w)", "\u00a0", t), changes="80\u00a0per cent"
    ),
    "two-spaces-after-a-full-stop": EditCase(lambda t: t.replace(". ", ".  "), changes=".  "),
    "indented-lines": EditCase(
        lambda t: re.sub(r"(?m)^(?=\S)", "  ", t), changes='\n  "We control 80 per cent'
    ),
    "curly-quotes": EditCase(curly, changes="\u201cWe control 80 per cent"),
    "straight-quotes": EditCase(straight, changes="Russia's Kommersant"),
    "all-at-once": EditCase(
        lambda t: curly(crlf(nfd(rewrapped(t)))), before_lock=accented, claims=nfd
    ),
}


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed project, copied."""
    root = tmp_path_factory.mktemp("seed")
    shutil.copytree(ROOT / "corpus", root / "corpus")
    shutil.copy(ROOT / "claims.yaml", root / "claims.yaml")
    return root


def edit_files(paths: list[Path], edit: Edit) -> None:
    for path in paths:
        path.write_bytes(edit(path.read_bytes().decode("utf-8")).encode("utf-8"))


def run(project: Path, *args: str, cache: bool) -> tuple[int, str]:
    where = ["--cache-dir", str(project / "cache")] if cache else ["--no-cache"]
    files = ["--claims", str(project / "claims.yaml"), "--corpus", str(project / "corpus")]
    result = runner.invoke(app, ["-q", *args, *files, *where])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.output


@pytest.mark.parametrize("case", EDIT_CASES.values(), ids=EDIT_CASES.keys())
def test_an_editors_tool_changes_no_verdict(seed: Path, tmp_path: Path, case: EditCase) -> None:
    project = tmp_path / "project"
    shutil.copytree(seed, project)
    articles = sorted((project / "corpus").glob("*.txt"))
    edit_files([*articles, project / "claims.yaml"], case.before_lock)
    code, output = run(project, "lock", cache=case.cache)
    assert code == 0, output
    locked = (project / "dossier.lock").read_text(encoding="utf-8")

    edit_files(articles, case.articles)
    edit_files([project / "claims.yaml"], case.claims)
    code, output = run(project, "check", cache=case.cache)

    assert case.changes in "".join(p.read_bytes().decode("utf-8") for p in articles)
    assert code == 0, output
    assert output.endswith("locked citations: all hold\n"), output
    assert (project / "dossier.lock").read_text(encoding="utf-8") == locked
