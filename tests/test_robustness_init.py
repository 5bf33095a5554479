"""``dossier init`` never hurts what is already there: every way a folder can be in its way,
end to end. Each case prepares the current folder, runs the real command line and asserts the
exit code, exactly the ``Error:`` lines, and what is left on disk. Like
``tests/test_robustness.py``, the cases are a table: to add a promise, add a row.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from test_robustness import nth_fsync_raises
from typer.testing import CliRunner

from dossier.cli import app

runner = CliRunner()
NOTHING_WRITTEN = (
    "Error: dossier init never writes over a file, and wrote nothing: start the dossier in a "
    "new folder, or rerun with --force to replace these files."
)


def files(folder: Path) -> dict[str, bytes | str]:
    """Everything under ``folder``: a file's bytes, a link's target, a folder as ``/``."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[rel] = "-> " + os.readlink(path)
        elif path.is_dir():
            found[rel] = "/"
        else:
            found[rel] = path.read_bytes()
    return found


def write(rel: str, text: str = "mine\n") -> Callable[[Path], None]:
    def prepare(here: Path) -> None:
        (here / rel).parent.mkdir(parents=True, exist_ok=True)
        (here / rel).write_text(text, encoding="utf-8")

    return prepare


def folder(rel: str) -> Callable[[Path], None]:
    return lambda here: (here / rel).mkdir(parents=True)


def broken_link(rel: str) -> Callable[[Path], None]:
    return lambda here: (here / rel).symlink_to(here / "nowhere")


@dataclass(frozen=True)
class InitCase:
    prepare: list[Callable[[Path], None]]
    args: list[str]
    exit_code: int
    errors: list[str]
    """Exactly the lines printed on stderr."""
    inject: Callable[[pytest.MonkeyPatch], None] | None = None
    unchanged: bool = True
    """Whether the folder is left exactly as it was prepared."""
    leaves: list[str] = field(default_factory=list)
    """Otherwise: the paths it holds afterwards."""


INIT_CASES = {
    "dir-is-a-file": InitCase(
        [write("story")],
        ["init", "story"],
        2,
        [
            "Error: story: is a file, not a folder; give the folder to start the dossier in "
            "(a new one is created)."
        ],
    ),
    "dir-inside-a-file": InitCase(
        [write("story")],
        ["init", "story/new"],
        2,
        ["Error: story/new: cannot be created (Not a directory)."],
    ),
    "one-file-in-the-way": InitCase(
        [write(".gitignore", "node_modules/\n"), write("corpus/a.txt", "An article.\n")],
        ["init"],
        2,
        ["Error: .gitignore: already exists.", NOTHING_WRITTEN],
    ),
    "a-file-in-the-way-in-a-new-folder": InitCase(
        [write("story/claims.yaml", "claims: []\n")],
        ["init", "story"],
        2,
        ["Error: story/claims.yaml: already exists.", NOTHING_WRITTEN],
    ),
    "a-broken-link-counts-as-a-file": InitCase(
        [broken_link("claims.yaml")],
        ["init"],
        2,
        ["Error: claims.yaml: already exists.", NOTHING_WRITTEN],
    ),
    "a-folder-where-a-file-goes-even-with-force": InitCase(
        [folder("claims.yaml")],
        ["init", "--force"],
        2,
        ["Error: claims.yaml: is a folder where dossier init writes a file; move it away."],
    ),
    "a-file-where-a-folder-goes-even-with-force": InitCase(
        [write(".github")],
        ["init", "--force"],
        2,
        [
            "Error: .github: is a file where dossier init needs a folder (for "
            ".github/workflows/dossier.yml); move it away first."
        ],
    ),
    "a-full-disk-leaves-no-half-made-dossier": InitCase(
        [],
        ["init", "story"],
        2,
        ["Error: story/schema/claims.schema.json: cannot be written (No space left on device)."],
        inject=nth_fsync_raises(3, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))),
        unchanged=False,
        leaves=["story", "story/corpus", "story/schema"],
    ),
    "ctrl-c-leaves-no-half-made-dossier": InitCase(
        [],
        ["init", "story"],
        130,
        [],
        inject=nth_fsync_raises(6, KeyboardInterrupt()),
        unchanged=False,
        leaves=[
            "story",
            "story/.github",
            "story/.github/workflows",
            "story/corpus",
            "story/schema",
        ],
    ),
    "a-full-disk-with-force-keeps-the-files-it-did-not-make": InitCase(
        [write("claims.yaml", "claims: []\n")],
        ["init", "--force"],
        2,
        ["Error: corpus/sources.yaml: cannot be written (No space left on device)."],
        inject=nth_fsync_raises(2, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))),
        unchanged=False,
        leaves=["claims.yaml", "corpus"],
    ),
}


@pytest.mark.parametrize("name", INIT_CASES)
def test_init_refuses_what_is_in_its_way(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = INIT_CASES[name]
    monkeypatch.chdir(tmp_path)
    for prepare in case.prepare:
        prepare(tmp_path)
    before = files(tmp_path)
    if case.inject is not None:
        case.inject(monkeypatch)

    result = runner.invoke(app, case.args)

    assert result.exit_code == case.exit_code, result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""
    assert result.stderr.splitlines() == case.errors
    if case.unchanged:
        assert files(tmp_path) == before
    else:
        assert sorted(files(tmp_path)) == case.leaves
