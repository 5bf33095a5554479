"""``dossier import`` never writes what it cannot read, never fetches but http(s), never waits
or downloads without end, and never stops at the first bad article. Each row imports from a
real server on the loopback address (``tests/tools/loopback.py``) or from local files, runs
the real command line and asserts the exit code, exactly the lines printed, and what the
corpus folder holds afterwards. Like ``tests/test_robustness.py``, the cases are a table: to
add a promise, add a row. In the expected lines, ``{site}`` is the server's address and
``{silent}`` that of a server that never answers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from tools.loopback import news_site, serve, silent
from typer.testing import CliRunner

from dossier.cli import app

runner = CliRunner()
STORM = "coastal-herald-2024-03-18-storm-closes-port-aldric-for-three-days.html"
LIMIT = "the limit of 20 MiB"


@dataclass(frozen=True)
class ImportCase:
    args: list[str]
    exit_code: int
    errors: list[str]
    """Exactly the lines printed on stderr."""
    written: list[str] = field(default_factory=list)
    """The files the corpus folder holds afterwards (besides sources.yaml, if any)."""
    files: dict[str, bytes] = field(default_factory=dict)
    """Files made in the working folder first."""
    output: list[str] | None = None
    """Exactly the lines printed on stdout, when the row says."""


CASES = {
    "a-404-is-an-error-naming-the-address": ImportCase(
        ["{site}/gone"], 2, ["Error: {site}/gone: not imported: the server answered 404 Not Found."]
    ),
    "a-server-error-is-an-error": ImportCase(
        ["{site}/broken"],
        2,
        ["Error: {site}/broken: not imported: the server answered 500 Internal Server Error."],
    ),
    "a-body-said-too-large-is-not-downloaded": ImportCase(
        ["{site}/said-too-large"],
        2,
        [f"Error: {{site}}/said-too-large: not imported: it is 20971521 bytes, more than {LIMIT}."],
    ),
    "a-body-streamed-too-large-is-cut-off": ImportCase(
        ["{site}/streams-too-much"],
        2,
        [f"Error: {{site}}/streams-too-much: not imported: it is more than {LIMIT}."],
    ),
    "a-server-that-never-answers-times-out": ImportCase(
        ["--timeout", "0.3", "{silent}"],
        2,
        ["Error: {silent}: not imported: no answer within 0.3 seconds."],
    ),
    "a-server-that-sends-slowly-is-given-up-at-the-time-limit": ImportCase(
        ["--timeout", "0.5", "{site}/trickles"],
        2,
        ["Error: {site}/trickles: not imported: it did not all come within 0.5 seconds."],
    ),
    "a-non-http-address-is-never-fetched": ImportCase(
        ["file:///etc/passwd", "ftp://127.0.0.1/a.html", "javascript:alert(1)"],
        2,
        [
            "Error: file:///etc/passwd: not imported: only http and https addresses are "
            "fetched, not file:.",
            "Error: ftp://127.0.0.1/a.html: not imported: only http and https addresses are "
            "fetched, not ftp:.",
            "Error: javascript:alert(1): not imported: only http and https addresses are "
            "fetched, not javascript:.",
        ],
    ),
    "a-redirect-to-ftp-is-not-followed": ImportCase(
        ["{site}/to-ftp"],
        2,
        [
            "Error: {site}/to-ftp: not imported: it redirects to 'ftp://127.0.0.1/article.html',"
            " which is not an http or https address."
        ],
    ),
    "a-redirect-to-a-file-is-not-followed": ImportCase(
        ["{site}/to-file"],
        2,
        [
            "Error: {site}/to-file: not imported: it redirects to 'file:///etc/passwd', which "
            "is not an http or https address."
        ],
    ),
    "a-redirect-loop-ends": ImportCase(
        ["{site}/loop"],
        2,
        [
            "Error: {site}/loop: not imported: it redirects too many times (or in a loop; the "
            "last answer was 302)."
        ],
    ),
    "a-page-of-a-type-no-reader-takes-is-refused": ImportCase(
        ["{site}/photo.png"],
        2,
        [
            "Error: {site}/photo.png: not imported: a page of type image/png, which dossier "
            "does not read (it reads web pages, PDFs, plain text and Markdown)."
        ],
    ),
    "a-page-with-no-article-is-not-written": ImportCase(
        ["{site}/empty.html"],
        2,
        ["Error: {site}/empty.html: not imported: no article text found in the web page."],
    ),
    "a-bad-article-does-not-stop-the-others": ImportCase(
        ["{site}/gone", "{site}/article.html", "nope.txt"],
        2,
        [
            "Error: {site}/gone: not imported: the server answered 404 Not Found.",
            "Error: nope.txt: not imported: no such file.",
        ],
        [STORM],
    ),
    "local-files-a-build-would-skip-are-not-copied": ImportCase(
        ["empty.txt", "latin1.txt", "memo.docx", "saved", "corpus/mine.txt"],
        2,
        [
            "Error: empty.txt: not imported: it is empty.",
            "Error: latin1.txt: not imported: not valid UTF-8 (byte 3).",
            "Error: memo.docx: not imported: not an article file; dossier reads .htm, .html, "
            ".md, .pdf, .txt files.",
            "Error: saved: not imported: a folder; give the article files in it.",
            "Error: corpus/mine.txt: not imported: it is in the corpus folder corpus already; "
            "describe it with: dossier source set",
        ],
        ["mine.txt"],
        {
            "empty.txt": b"\n",
            "latin1.txt": "Caf\xe9 opens.\n".encode("latin-1"),
            "memo.docx": b"PK\x03\x04",
            "saved/a.txt": b"An article.\n",
            "corpus/mine.txt": b"Mine.\n",
        },
    ),
    "a-file-name-cannot-forge-a-line": ImportCase(
        ["a\nError: forged\x1b[2J.txt"],
        0,
        [],
        ["a-error-forged-2j.txt"],
        {"a\nError: forged\x1b[2J.txt": b"A strike.\n"},
        [
            "imported a\\nError: forged\\x1b[2J.txt -> corpus/a-error-forged-2j.txt "
            "(no title, outlet, date or url found)"
        ],
    ),
    "a-sources-file-that-cannot-take-the-entry-leaves-no-article": ImportCase(
        ["b.md"],
        2,
        [
            "Error: b.md: not imported: corpus/sources.yaml cannot take its entry: "
            "corpus/sources.yaml:2:3: sources: Input should be a valid dictionary."
        ],
        [],
        {"corpus/sources.yaml": b"sources:\n  - a\n", "b.md": b"---\ntitle: B\n---\nText.\n"},
    ),
    "a-local-file-named-like-an-address-is-a-file": ImportCase(
        ["news:today.txt"], 0, [], ["news-today.txt"], {"news:today.txt": b"A strike.\n"}
    ),
}


@pytest.fixture(scope="module")
def servers() -> Iterator[dict[str, str]]:
    with serve(news_site()) as site, silent() as quiet:
        yield {"site": site, "silent": quiet}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_import(
    case: ImportCase,
    servers: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    for rel, data in case.files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(data)

    result = runner.invoke(app, ["import", *[arg.format(**servers) for arg in case.args]])

    assert result.exit_code == case.exit_code, result.output
    assert result.stderr.splitlines() == [line.format(**servers) for line in case.errors]
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir() if p.name != "sources.yaml") == (
        sorted(case.written)
    )
    assert not list((tmp_path / "corpus").glob(".*")), "a temporary file was left"
    if case.output is not None:
        assert result.stdout.splitlines() == case.output


def test_a_missing_corpus_folder_is_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    result = runner.invoke(app, ["import", "a.txt"])

    assert result.exit_code == 2
    assert result.stderr == (
        "Error: corpus: corpus folder not found; start a dossier with: dossier init, or give "
        "the folder with --corpus.\n"
    )
