"""The CI gate is exact under real edits, and the files dossier writes for you are safe.

Each case starts from the seed project (``corpus/`` and ``claims.yaml``) locked once, applies
what an editor (or a full disk) does, runs the real command line and asserts the exit code, the
lines it must print and what it leaves on disk. Like ``tests/test_robustness.py``, the cases are
a table: to add a promise, add a row.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from test_robustness import nth_fsync_raises
from typer.testing import CliRunner, Result

from dossier.cli import app

ROOT = Path(__file__).resolve().parent.parent
RENAMED_FROM = "001_bc0f7c810eb851fd.txt"
RENAMED_TO = "001_renamed.txt"
FIGURE_ARTICLE = "000_3f27ff8ca29bbeac.txt"

runner = CliRunner()


@pytest.fixture(scope="module")
def locked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed project with `dossier lock` run once (and its cache filled)."""
    project = tmp_path_factory.mktemp("seed")
    shutil.copytree(ROOT / "corpus", project / "corpus")
    shutil.copy(ROOT / "claims.yaml", project / "claims.yaml")
    cwd = Path.cwd()
    os.chdir(project)
    try:
        result = runner.invoke(app, ["lock"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return project


@pytest.fixture
def project(locked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh copy of the locked seed project, as the current folder; the umask restored."""
    copy = tmp_path / "project"
    shutil.copytree(locked, copy)
    monkeypatch.chdir(copy)
    umask = os.umask(0o022)
    yield copy
    os.umask(umask)


# --- what editors do --------------------------------------------------------------------------


def replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} should occur once in {path}"
        file.write_text(text.replace(old, new), encoding="utf-8")

    return edit


def rename_article(project: Path) -> None:
    (project / "corpus" / RENAMED_FROM).rename(project / "corpus" / RENAMED_TO)
    replace("corpus/sources.yaml", RENAMED_FROM, RENAMED_TO)(project)


def remove_article(project: Path) -> None:
    (project / "corpus" / RENAMED_FROM).unlink()  # sources.yaml still names it


def set_lock_mode(project: Path) -> None:
    (project / "dossier.lock").chmod(0o640)


def new_lock_under_umask_027(project: Path) -> None:
    (project / "dossier.lock").unlink()
    os.umask(0o027)


# --- what must hold afterwards ----------------------------------------------------------------


def lock_untouched_and_alone(project: Path, locked: Path) -> None:
    assert (project / "dossier.lock").read_bytes() == (locked / "dossier.lock").read_bytes()
    assert sorted(p.name for p in project.iterdir() if p.is_file()) == [
        "claims.yaml",
        "dossier.lock",
    ]


def lock_mode(mode: int) -> Callable[[Path, Path], None]:
    def after(project: Path, locked: Path) -> None:
        assert stat.S_IMODE((project / "dossier.lock").stat().st_mode) == mode

    return after


def json_finding(**wanted: object) -> Callable[[Result], None]:
    """The JSON report holds a finding with these fields."""

    def check(result: Result) -> None:
        findings = json.loads(result.stdout)["findings"]
        assert any(all(f[k] == v for k, v in wanted.items()) for f in findings), findings

    return check


def built_without(text: str) -> Callable[[Path, Path], None]:
    def after(project: Path, locked: Path) -> None:
        assert text not in (project / "out" / "dossier.json").read_text(encoding="utf-8")

    return after


@dataclass(frozen=True)
class Probe:
    edit: Callable[[Path], None] | None
    """What is done to the locked seed project first."""
    args: list[str]
    exit_code: int
    stdout: list[str] = field(default_factory=list)
    """Lines that must be among those printed on stdout."""
    stderr: list[str] | None = None
    """Exactly the lines printed on stderr (None: not checked)."""
    inject: Callable[[pytest.MonkeyPatch], None] | None = None
    after: Callable[[Path, Path], None] | None = None
    """What must hold of the project (and the locked original) afterwards."""
    output: Callable[[Result], None] | None = None


STALE = (
    f'sources["{RENAMED_FROM}"]: no such article file in the corpus folder corpus (names are '
    "paths relative to it, e.g. 'article.txt'). Its entry is ignored. If the article was "
    f"removed, drop its entry: dossier source remove {RENAMED_FROM}"
)
STALE_ENTRY = f"Warning: corpus/sources.yaml:12:3: {STALE}"
SIEGE_GONE = (
    f"siege-nearly-three-years: source removed: corpus/{RENAMED_FROM}:19: the article is gone "
    'from the corpus; it held the supporting quote "This week, Syrian troops and their '
    'Iranian-backed allies reached Deir al-Zour..."'
)
SIEGE_QUOTE = (
    "This week, Syrian troops and their Iranian-backed allies reached Deir al-Zour, "
    "breaking a nearly three-year siege by IS on government-held parts of the city."
)
DATA_URL = "data:text/html,<script>alert(1)</script>"
URL_LINE = "    url:\n    notes: Outlet and date are not shown in the text; it cites Reuters"


PROBES = {
    "renamed-article-is-found-by-its-hash": Probe(
        rename_article,
        ["check"],
        0,
        [
            "claims.yaml:116: sdf-offensive-launched-september-9: source moved: "
            f"corpus/{RENAMED_TO}:7: the article was moved from corpus/{RENAMED_FROM}; "
            "run `dossier lock` to record its new name",
            "dossier check: 21 claims, 39 locked citations: 0 failures, 7 notes",
        ],
        [],
    ),
    "removed-article-fails-each-claim-that-cited-it": Probe(
        remove_article,
        ["check"],
        1,
        [
            f"claims.yaml:104: {SIEGE_GONE}",
            "claims.yaml:116: sdf-offensive-launched-september-9: verdict changed: "
            "supported -> unverified: No passage in the corpus addresses this claim.",
            f"corpus/sources.yaml:12: stale source entry: {STALE}",
            "dossier check: 21 claims, 39 locked citations: 13 failures, 1 warning, 4 notes",
        ],
        [],  # the stale entry is in the report, not also a warning
    ),
    "removed-article-is-a-github-annotation": Probe(
        remove_article,
        ["check", "--format", "github"],
        1,
        [
            f"::error file=claims.yaml,line=104::{SIEGE_GONE}",
            f"::warning file=corpus/sources.yaml,line=12::stale source entry: {STALE}",
        ],
        [],
    ),
    "removed-article-is-a-json-finding": Probe(
        remove_article,
        ["check", "--format", "json"],
        1,
        output=json_finding(
            claim="siege-nearly-three-years",
            file="claims.yaml",
            line=104,
            reason="source removed",
            severity="failure",
            source=f"corpus/{RENAMED_FROM}",
            source_line=19,
        ),
    ),
    "removed-article-still-named-in-sources-yaml-warns-and-builds": Probe(
        remove_article,
        ["-q", "build", "--format", "json", "--out", "out"],
        0,
        stderr=[STALE_ENTRY],
    ),
    "deleted-sentence-fails-naming-the-claim-and-the-line": Probe(
        replace(f"corpus/{RENAMED_FROM}", SIEGE_QUOTE, ""),
        ["check"],
        1,
        [
            "claims.yaml:104: siege-nearly-three-years: support lost: "
            f"corpus/{RENAMED_FROM}:19: the supporting quote is no longer in the article: "
            '"This week, Syrian troops and their Iranian-backed allies reached Deir al-Zour..."'
        ],
        [],
    ),
    "changed-figure-names-the-line-as-explain-does": Probe(
        replace(
            f"corpus/{FIGURE_ARTICLE}",
            "We control 80 per cent of Raqa",
            "We control 70 per cent of Raqa",
        ),
        ["check"],
        1,
        [
            "claims.yaml:42: sdf-controls-80-percent-raqqa: figure changed: "
            f"corpus/{FIGURE_ARTICLE}:25: 80 per cent -> 70 per cent; "
            "the passage now conflicts with it",
            "claims.yaml:42: sdf-controls-80-percent-raqqa: verdict changed: disputed -> "
            "contradicted: Contradicted by 2 passages in 2 sources; no passage backs it. "
            f"Now cited: corpus/{FIGURE_ARTICLE}:25 (conflicts), "
            f"corpus/{RENAMED_FROM}:27 (conflicts).",
        ],
        [],
    ),
    "lock-on-a-full-disk-leaves-no-temporary-file": Probe(
        None,
        ["lock"],
        2,
        stderr=["Error: dossier.lock: cannot be written (No space left on device)."],
        inject=nth_fsync_raises(1, OSError(errno.ENOSPC, "No space left on device")),
        after=lock_untouched_and_alone,
    ),
    "lock-interrupted-leaves-no-temporary-file": Probe(
        None,
        ["lock"],
        130,  # Ctrl-C
        inject=nth_fsync_raises(1, KeyboardInterrupt()),
        after=lock_untouched_and_alone,
    ),
    "lock-keeps-the-files-mode": Probe(
        set_lock_mode,
        ["lock"],
        0,
        ["wrote dossier.lock: 21 claims, 39 citations"],
        after=lock_mode(0o640),
    ),
    "a-new-lock-has-the-umasks-mode": Probe(
        new_lock_under_umask_027, ["lock"], 0, after=lock_mode(0o640)
    ),
    "javascript-url-in-sources-yaml-is-refused": Probe(
        replace(
            "corpus/sources.yaml", URL_LINE, URL_LINE.replace("url:", "url: javascript:alert(1)")
        ),
        ["validate"],
        2,
        stderr=[
            'Error: corpus/sources.yaml:10:10: sources["000_3f27ff8ca29bbeac.txt"].url: '
            "'javascript:alert(1)' is not a web address; give the whole address, starting "
            "with https:// or http://"
        ],
    ),
    "data-url-in-sources-yaml-is-refused": Probe(
        replace("corpus/sources.yaml", URL_LINE, URL_LINE.replace("url:", f"url: '{DATA_URL}'")),
        ["validate"],
        2,
        stderr=[
            'Error: corpus/sources.yaml:10:10: sources["000_3f27ff8ca29bbeac.txt"].url: '
            f"'{DATA_URL}' is not a web address; give the whole address, starting with "
            "https:// or http://"
        ],
    ),
    "data-url-in-sources-yaml-is-left-out-of-the-dossier-with-a-warning": Probe(
        replace("corpus/sources.yaml", URL_LINE, URL_LINE.replace("url:", f"url: '{DATA_URL}'")),
        ["-q", "build", "--format", "json", "--out", "out"],
        0,
        stderr=[
            'Warning: corpus/sources.yaml:10:10: sources["000_3f27ff8ca29bbeac.txt"].url: '
            f"'{DATA_URL}' is not a web address; give the whole address, starting with "
            "https:// or http://; it is ignored."
        ],
        after=built_without("data:"),
    ),
}


@pytest.mark.parametrize("probe", PROBES.values(), ids=PROBES.keys())
def test_probe(project: Path, locked: Path, monkeypatch: pytest.MonkeyPatch, probe: Probe) -> None:
    if probe.edit is not None:
        probe.edit(project)
    if probe.inject is not None:
        probe.inject(monkeypatch)

    result = runner.invoke(app, probe.args)

    assert "Traceback" not in result.output
    assert result.exit_code == probe.exit_code, result.output
    lines = result.stdout.splitlines()
    assert [line for line in probe.stdout if line not in lines] == [], result.stdout
    if probe.stderr is not None:
        assert result.stderr.splitlines() == probe.stderr
    if probe.after is not None:
        probe.after(project, locked)
    if probe.output is not None:
        probe.output(result)
