"""Bad input never hurts: every promise of README's "Security and robustness", end to end.

Each case runs the real command line (``typer.testing.CliRunner`` on ``dossier.cli.app``) and
asserts the exit code, the exact ``Error: ...`` or ``Warning: ...`` lines, and that no traceback
reaches the user. The cases are tables: to add a promise, add a row.
"""

from __future__ import annotations

import errno
import html.parser
import io
import json
import os
import re
import select
import socket
import subprocess
import sys
import textwrap
import threading
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from typer.testing import CliRunner, Result

import dossier.incremental.build  # imported up front: memory measured in a build is its own
from dossier.cli import app
from dossier.corpus.files import MAX_FILE_BYTES as MAX_ARTICLE_BYTES
from dossier.render import pdf
from dossier.yamlfile import MAX_FILE_BYTES as MAX_CLAIMS_BYTES

FIXTURES = Path(__file__).parent / "fixtures" / "robustness"
ROOT = Path(__file__).resolve().parent.parent

runner = CliRunner()

GOOD_ARTICLE = "Strike report\n\nThe coalition conducted 1,500 strikes in September.\n"
GOOD_CLAIMS = "claims:\n  - id: strikes\n    text: The coalition conducted 1,500 strikes.\n"


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in an empty folder, so paths in messages read ``claims.yaml:LINE:COL``."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str) -> Result:
    """Run the command line and check what must hold whatever happens: no traceback."""
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result


def error_lines(result: Result) -> list[str]:
    return result.stderr.splitlines()


# --- the claims file ----------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimsCase:
    content: bytes | None
    """The bytes of claims.yaml; None: there is no such file."""
    errors: list[str]
    """Exactly the lines printed on stderr."""
    max_seconds: float = 5.0


def big_claim(characters: int) -> bytes:
    return b"claims:\n  - id: big\n    text: " + b"x" * characters + b"\n"


CLAIMS_CASES = {
    "python-object-tag-is-refused-and-runs-nothing": ClaimsCase(
        (FIXTURES / "python-object.yaml").read_bytes(),
        [
            "Error: claims.yaml:4:11: claims[0].text: the YAML tag "
            "'tag:yaml.org,2002:python/object/apply:os.system' is not supported; remove it",
            "Error: claims.yaml:4:11: claims[0].text: expected text, got a list",
        ],
    ),
    "billion-laughs-is-refused-at-once": ClaimsCase(
        (FIXTURES / "billion-laughs.yaml").read_bytes(),
        [
            "Error: claims.yaml:2:8: YAML aliases (*name) are not allowed in a claims file; "
            "write the value out in full"
        ],
        max_seconds=1.0,
    ),
    "missing-file": ClaimsCase(
        None, ["Error: claims.yaml: file not found; check the path given with --claims"]
    ),
    "empty-file": ClaimsCase(
        b"", ["Error: claims.yaml: the file is empty; it needs a 'claims:' list"]
    ),
    "comments-only-file": ClaimsCase(
        b"# nothing yet\n", ["Error: claims.yaml: the file is empty; it needs a 'claims:' list"]
    ),
    "top-level-list": ClaimsCase(
        b"- id: a\n  text: abc\n",
        [
            "Error: claims.yaml:1:1: the file must be a mapping with a 'claims:' list at the "
            "top, not a list"
        ],
    ),
    "claims-is-a-mapping": ClaimsCase(
        b"claims: {id: a}\n",
        [
            "Error: claims.yaml:1:9: claims: expected a list, got a mapping; "
            "write one item per line, each starting with '- '"
        ],
    ),
    "wrong-field-types": ClaimsCase(
        b"claims:\n  - id: 12\n    text: [a, b]\n    tags: news\n    expect: true\n",
        [
            "Error: claims.yaml:2:9: claims[0].id: expected text, got a number (12); "
            "put the value in quotes",
            "Error: claims.yaml:3:11: claims[0].text: expected text, got a list",
            "Error: claims.yaml:4:11: claims[0].tags: expected a list, got text ('news'); "
            "write one item per line, each starting with '- '",
            "Error: claims.yaml:5:13: claims[0].expect: 'true' is not a verdict; "
            "use one of supported, contradicted, disputed, unverified",
        ],
    ),
    "one-megabyte-claim-text": ClaimsCase(
        big_claim(1_000_000),
        [
            "Error: claims.yaml:3:11: claims[0].text: too long (1000000 characters, at most "
            "2000 allowed); split the claim or move detail to notes"
        ],
    ),
    "file-over-the-size-limit": ClaimsCase(
        big_claim(MAX_CLAIMS_BYTES),
        [
            "Error: claims.yaml: the file is larger than 1 MB; a claims file is a short list "
            "of claims, check that this is the right file"
        ],
        max_seconds=1.0,
    ),
    "tab-indentation": ClaimsCase(
        b"claims:\n\t- id: a\n",
        [
            "Error: claims.yaml:2:1: YAML syntax error: found character '\\t' that cannot "
            "start any token while scanning for the next token; indent with spaces, not tabs"
        ],
    ),
    "not-utf8": ClaimsCase(
        b"claims:\n  - id: a\n    text: caf\xe9\n",
        ["Error: claims.yaml:3:14: not UTF-8 text (byte 0xe9); save the file with UTF-8 encoding"],
    ),
}


@pytest.mark.parametrize("command", ["validate", "build"])
@pytest.mark.parametrize("case", CLAIMS_CASES.values(), ids=CLAIMS_CASES.keys())
def test_a_bad_claims_file_is_one_located_error_per_problem(
    in_tmp: Path, case: ClaimsCase, command: str
) -> None:
    if case.content is not None:
        Path("claims.yaml").write_bytes(case.content)
    args = ["--claims", "claims.yaml"]
    if command == "build":
        Path("corpus").mkdir()
        Path("corpus/a.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
        args += ["--corpus", "corpus", "--out", "out"]

    start = time.perf_counter()
    result = invoke(command, *args)
    elapsed = time.perf_counter() - start

    assert result.exit_code == 2
    assert error_lines(result) == case.errors
    assert result.stdout == ""
    assert elapsed < case.max_seconds
    assert not Path("out").exists(), "bad input must write nothing"
    assert not Path("pwned-by-yaml").exists(), "loading the claims file ran a command"


def test_a_folder_given_as_the_claims_file(in_tmp: Path) -> None:
    Path("claims").mkdir()

    result = invoke("validate", "--claims", "claims")

    assert result.exit_code == 2
    assert error_lines(result) == ["Error: claims: is a folder; give the path of the claims file"]


def test_an_unknown_option_is_a_usage_error(in_tmp: Path) -> None:
    result = invoke("build", "--nope")

    assert result.exit_code == 2
    assert "No such option: --nope" in result.output


# Pieces of YAML that hostile or careless files are made of; test_claims.py drives the loader
# with them directly, this drives the command line, so a crash anywhere after loading shows too.
YAML_TOKENS = [
    *("claims:", "- id: ", "  text: ", "title: ", "as_of: ", "aliases:", "tags: ", "expect: "),
    *("&a ", "*a", "<<: *a", "!!", "!!python/object/apply:os.system ", "!!binary ", "%TAG ! x"),
    *("{", "}", "[", "]", ", ", ": ", "\t", "---", "...", "\n", "\n  ", "\n    ", "- "),
    *("'", '"', "#", "|", ">-", "?", "supported", "2024-02-30", "1e309", "0x1F", "~", "é"),
]


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    text=st.one_of(
        st.lists(st.sampled_from(YAML_TOKENS), max_size=30).map("".join),
        st.text(max_size=120),
    )
)
def test_any_text_given_to_validate_is_valid_or_a_usage_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")

    result = invoke("validate", "--claims", str(path))

    assert result.exit_code in {0, 2}, result.output
    if result.exit_code == 0:
        assert re.fullmatch(rf"{re.escape(str(path))}: \d+ claims?, all valid\n", result.stdout)
    else:
        assert result.stderr
        assert all(line.startswith(f"Error: {path}") for line in error_lines(result))


# --- the corpus ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusCase:
    setup: Callable[[Path], None]
    """Makes ``corpus`` (and whatever else) in the working folder, given its absolute path."""
    exit_code: int
    messages: list[str]
    """Exactly the lines on stderr; ``{tmp}`` stands for the working folder, resolved."""
    sources: list[str] = field(default_factory=list)
    """The articles the dossier is built from, when it is built."""


def with_good_article(then: Callable[[Path], None]) -> Callable[[Path], None]:
    def setup(tmp: Path) -> None:
        Path("corpus").mkdir()
        Path("corpus/good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
        then(tmp)

    return setup


def write(path: str, data: bytes) -> Callable[[Path], None]:
    def setup(_tmp: Path) -> None:
        Path(path).parent.mkdir(exist_ok=True)
        Path(path).write_bytes(data)

    return setup


def outside_link(name: str, *, folder: bool = False) -> Callable[[Path], None]:
    def setup(tmp: Path) -> None:
        Path("outside").mkdir()
        Path("outside/secret.txt").write_text(
            "Secret memo\n\nThe coalition conducted 1,500 strikes, says the secret memo.\n",
            encoding="utf-8",
        )
        target = tmp / "outside" if folder else tmp / "outside" / "secret.txt"
        Path("corpus", name).symlink_to(target, target_is_directory=folder)

    return setup


def sparse_file(path: str, size: int) -> Callable[[Path], None]:
    """A file of ``size`` bytes that takes no disk space and no time to make."""

    def setup(_tmp: Path) -> None:
        with open(path, "wb") as handle:
            handle.truncate(size)

    return setup


CORPUS_CASES = {
    "missing-folder": CorpusCase(lambda _tmp: None, 2, ["Error: corpus: corpus folder not found."]),
    "empty-folder": CorpusCase(
        lambda _tmp: Path("corpus").mkdir(),
        2,
        ["Error: corpus: no article files (.htm, .html, .md, .pdf, .txt) in the corpus folder."],
    ),
    "a-file-not-a-folder": CorpusCase(
        write("corpus", GOOD_ARTICLE.encode()),
        2,
        ["Error: corpus: not a folder; the corpus must be a folder of .txt/.md files."],
    ),
    "not-utf8-is-skipped-with-a-warning": CorpusCase(
        with_good_article(write("corpus/latin1.txt", b"Caf\xe9 society\n\nIt was 1,500.\n")),
        0,
        [
            "Warning: corpus/latin1.txt: skipped: not valid UTF-8 (byte 3).",
            "Warning: corpus: 1 article file read, 1 not read: latin1.txt (not valid UTF-8 "
            "(byte 3)).",
        ],
        ["good.txt"],
    ),
    "binary-is-skipped-with-a-warning": CorpusCase(
        with_good_article(write("corpus/photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")),
        0,
        [
            "Warning: corpus/photo.txt: skipped: a binary file (it holds NUL bytes), not an "
            "article.",
            "Warning: corpus: 1 article file read, 1 not read: photo.txt (a binary file (it "
            "holds NUL bytes), not an article).",
        ],
        ["good.txt"],
    ),
    "symlink-to-a-file-outside-is-not-followed": CorpusCase(
        with_good_article(outside_link("leak.txt")),
        0,
        [
            "Warning: corpus/leak.txt: symbolic link to {tmp}/outside/secret.txt, "
            "outside the corpus folder; skipped."
        ],
        ["good.txt"],
    ),
    "symlink-to-a-folder-outside-is-not-followed": CorpusCase(
        with_good_article(outside_link("more", folder=True)),
        0,
        [
            "Warning: corpus/more: symbolic link to {tmp}/outside, "
            "outside the corpus folder; skipped."
        ],
        ["good.txt"],
    ),
    "a-huge-file-is-skipped-unread": CorpusCase(
        with_good_article(sparse_file("corpus/huge.txt", MAX_ARTICLE_BYTES + 1)),
        0,
        [
            f"Warning: corpus/huge.txt: skipped: {MAX_ARTICLE_BYTES + 1} bytes is more than "
            f"the limit of {MAX_ARTICLE_BYTES}.",
            f"Warning: corpus: 1 article file read, 1 not read: huge.txt ({MAX_ARTICLE_BYTES + 1} "
            f"bytes is more than the limit of {MAX_ARTICLE_BYTES}).",
        ],
        ["good.txt"],
    ),
    "a-file-name-cannot-forge-lines-or-drive-the-terminal": pytest.param(
        CorpusCase(
            with_good_article(write("corpus/evil\x1b[2J\nError: forged.txt", b"\x00")),
            0,
            [
                "Warning: corpus/evil\\x1b[2J\\nError: forged.txt: skipped: a binary file "
                "(it holds NUL bytes), not an article.",
                "Warning: corpus: 1 article file read, 1 not read: evil\\x1b[2J\\nError: "
                "forged.txt (a binary file (it holds NUL bytes), not an article).",
            ],
            ["good.txt"],
        ),
    ),
    "only-bad-files-is-an-error": CorpusCase(
        write("corpus/photo.txt", b"\x00\x01"),
        2,
        [
            "Warning: corpus/photo.txt: skipped: a binary file (it holds NUL bytes), "
            "not an article.",
            "Error: corpus: no readable article files in the corpus folder.",
        ],
    ),
}


@pytest.mark.parametrize("case", CORPUS_CASES.values(), ids=CORPUS_CASES.keys())
def test_a_bad_corpus_is_an_error_or_a_warning_naming_the_file(
    in_tmp: Path, case: CorpusCase
) -> None:
    Path("claims.yaml").write_text(GOOD_CLAIMS, encoding="utf-8")
    case.setup(in_tmp.resolve())

    tracemalloc.start()
    try:
        result = invoke(
            "-q", "build", "--claims", "claims.yaml", "--corpus", "corpus", "--out", "out",
            "--format", "json",
        )  # fmt: skip
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert result.exit_code == case.exit_code, result.output
    assert error_lines(result) == [m.format(tmp=in_tmp.resolve()) for m in case.messages]
    assert peak < MAX_ARTICLE_BYTES // 2, f"the build held {peak} bytes at once"
    if case.exit_code == 0:
        built = json.loads(Path("out/dossier.json").read_text(encoding="utf-8"))
        assert [source["path"] for source in built["sources"]] == case.sources
        assert "secret memo" not in json.dumps(built)
    else:
        assert not Path("out").exists()


# --- the output folder --------------------------------------------------------------------


def build_args(out: str = "out", formats: str = "html,pdf,json") -> list[str]:
    return [
        "-q", "build", "--claims", "claims.yaml", "--corpus", "corpus", "--out", out,
        "--format", formats,
    ]  # fmt: skip


@pytest.fixture
def small_project(in_tmp: Path) -> Path:
    Path("claims.yaml").write_text(GOOD_CLAIMS, encoding="utf-8")
    Path("corpus").mkdir()
    Path("corpus/good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    return in_tmp


OUT_CASES = {
    "out-is-a-file": (
        "taken",
        "Error: --out taken is a file, not a folder; choose a folder for the dossier.",
    ),
    "out-under-a-file-cannot-be-created": (
        "taken/sub",
        "Error: cannot create the output folder taken/sub: Not a directory.",
    ),
}


@pytest.mark.parametrize(("out", "message"), OUT_CASES.values(), ids=OUT_CASES.keys())
def test_an_output_folder_that_cannot_be_written_is_an_error(
    small_project: Path, out: str, message: str
) -> None:
    Path("taken").write_text("not a folder", encoding="utf-8")

    result = invoke(*build_args(out, "json"))

    assert result.exit_code == 2
    assert error_lines(result) == [message]
    assert Path("taken").read_text(encoding="utf-8") == "not a folder"


def pdf_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(html: str) -> bytes:
        raise RuntimeError("weasyprint fell over")

    monkeypatch.setattr(pdf, "render_pdf", broken)


def nth_fsync_raises(n: int, error: BaseException) -> Callable[[pytest.MonkeyPatch], None]:
    """The n-th file written fails at its last step (the disk fills up, or Ctrl-C)."""

    def inject(monkeypatch: pytest.MonkeyPatch) -> None:
        calls = []
        real = os.fsync

        def fsync(fd: int) -> None:
            calls.append(fd)
            if len(calls) == n:
                raise error
            real(fd)

        monkeypatch.setattr(os, "fsync", fsync)

    return inject


@dataclass(frozen=True)
class FailedBuild:
    inject: Callable[[pytest.MonkeyPatch], None]
    exit_code: int | None
    errors: list[str]


FAILED_BUILDS = {
    "pdf-rendering-fails": FailedBuild(
        pdf_fails,
        3,
        [
            "Error: internal error: RuntimeError: weasyprint fell over. This is a bug in "
            "dossier; rerun with --debug to see the traceback."
        ],
    ),
    "the-disk-fills-up-writing-the-second-file": pytest.param(
        FailedBuild(
            nth_fsync_raises(2, OSError(errno.ENOSPC, "No space left on device")),
            2,
            ["Error: cannot write out/dossier.pdf: No space left on device."],
        ),
    ),
    "interrupted-while-writing-the-second-file": pytest.param(
        FailedBuild(nth_fsync_raises(2, KeyboardInterrupt()), None, []),
    ),
}


@pytest.mark.parametrize(
    "case",
    FAILED_BUILDS.values(),
    ids=FAILED_BUILDS.keys(),
)
def test_a_failed_build_leaves_the_previous_dossier_intact(
    small_project: Path, monkeypatch: pytest.MonkeyPatch, case: FailedBuild
) -> None:
    first = invoke(*build_args())
    assert first.exit_code == 0, first.output
    before = {p.name: p.read_bytes() for p in Path("out").iterdir()}
    assert sorted(before) == ["dossier.html", "dossier.json", "dossier.pdf"]
    Path("claims.yaml").write_text(
        GOOD_CLAIMS.replace("1,500 strikes.", "1,500 strikes, a new claim."), encoding="utf-8"
    )
    case.inject(monkeypatch)

    result = runner.invoke(app, build_args())

    assert "Traceback" not in result.output
    if case.exit_code is not None:
        assert result.exit_code == case.exit_code
        assert error_lines(result) == case.errors
    after = {p.name: p.read_bytes() for p in Path("out").iterdir()}
    assert sorted(after) == sorted(before), "temporary files were left behind"
    assert after == before


# --- markup: text from articles and claims is data ----------------------------------------


class Listener:
    """A TCP server on 127.0.0.1 that records every connection made to it while it runs."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.server.setblocking(False)
        self.port: int = self.server.getsockname()[1]
        self.connections: list[Any] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        deadline = time.monotonic() + 120
        while not self._stop.is_set() and time.monotonic() < deadline:
            ready, _, _ = select.select([self.server], [], [], 0.05)
            if ready:
                try:
                    conn, address = self.server.accept()
                except BlockingIOError:
                    continue
                self.connections.append(address)
                conn.close()

    def __enter__(self) -> Listener:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        time.sleep(0.1)  # a request the build started must still get through to be seen
        self._stop.set()
        self._thread.join(timeout=5)
        self.server.close()


def copy_with_port(source: Path, target: Path, port: int) -> None:
    if source.is_dir():
        target.mkdir()
        for child in sorted(source.iterdir()):
            copy_with_port(child, target / child.name, port)
    else:
        target.write_text(
            source.read_text(encoding="utf-8").replace("PORT", str(port)), encoding="utf-8"
        )


@dataclass
class HostileBuild:
    folder: Path
    port: int
    connections: list[Any]
    claim_text: str
    html: str
    pdf: bytes
    built: dict[str, Any]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> HostileBuild:
    folder = tmp_path_factory.mktemp("hostile")
    with Listener() as listener:
        copy_with_port(FIXTURES / "hostile-claims.yaml", folder / "claims.yaml", listener.port)
        copy_with_port(FIXTURES / "hostile-corpus", folder / "corpus", listener.port)
        result = invoke(
            "-q", "build", "--claims", str(folder / "claims.yaml"),
            "--corpus", str(folder / "corpus"), "--out", str(folder / "out"),
        )  # fmt: skip
        assert result.exit_code == 0, result.output
    built = json.loads((folder / "out" / "dossier.json").read_text(encoding="utf-8"))
    return HostileBuild(
        folder=folder,
        port=listener.port,
        connections=listener.connections,
        claim_text=built["claims"][0]["text"],
        html=(folder / "out" / "dossier.html").read_text(encoding="utf-8"),
        pdf=(folder / "out" / "dossier.pdf").read_bytes(),
        built=built,
    )


class Page(html.parser.HTMLParser):
    """Every element with its attributes and position, the text, and each script's content."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.text: list[str] = []
        self._script: dict[str, str | None] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, content = self.scripts[-1]
            self.scripts[-1] = (attrs, content + data)
        else:
            self.text.append(data)


def test_the_hostile_sentence_is_cited(hostile: HostileBuild) -> None:
    [claim] = hostile.built["claims"]
    assert claim["verdict"] == "supported"
    assert any("<script>alert(1)</script>" in e["quote"] for e in claim["evidence"])


def test_the_html_runs_no_script_but_the_json_ld(hostile: HostileBuild) -> None:
    page = Page(hostile.html)

    assert page.scripts, "each claim has its JSON-LD"
    assert [attrs for attrs, _ in page.scripts] == [{"type": "application/ld+json"}] * len(
        hostile.built["claims"]
    )
    text = "".join(page.text)
    assert "<script>alert(1)</script>" in text, "the hostile markup is shown as text"
    assert f'<img src="http://127.0.0.1:{hostile.port}/x.png">' in text


URL_ATTRIBUTES = {"src", "href", "srcset", "data", "action", "formaction", "poster", "background"}


def test_the_html_loads_and_links_nothing(hostile: HostileBuild) -> None:
    page = Page(hostile.html)

    for tag, attrs in page.elements:
        for name, value in attrs.items():
            if name in URL_ATTRIBUTES:
                assert (value or "").startswith("#"), f"<{tag} {name}={value!r}>"
            assert not name.startswith("on"), f"<{tag} {name}=...>"
        assert tag not in {"img", "link", "iframe", "object", "embed", "base", "form"}, tag
        assert (attrs.get("http-equiv") or "").lower() != "refresh"


def test_the_json_ld_cannot_be_broken_out_of(hostile: HostileBuild) -> None:
    page = Page(hostile.html)

    [(_, content)] = page.scripts
    assert "</" not in content
    review = json.loads(content)
    assert review["claimReviewed"] == hostile.claim_text
    assert "</script><script>alert(1)</script>" in hostile.claim_text
    [work] = review["itemReviewed"]["appearance"]
    assert work["name"] == "Hostile Times </script><script>alert(2)</script>"
    assert "url" not in work, "javascript: is no link"


def csp_of(text: str) -> tuple[int, dict[str, list[str]]]:
    """The index among the elements of the CSP meta, and its directives."""
    for index, (tag, attrs) in enumerate(Page(text).elements):
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            directives: dict[str, list[str]] = {}
            for part in (attrs.get("content") or "").split(";"):
                name, *values = part.split()
                directives[name.lower()] = values
            return index, directives
    raise AssertionError("no Content-Security-Policy meta")


def test_the_html_carries_a_policy_forbidding_scripts_and_remote_loads(
    hostile: HostileBuild,
) -> None:
    index, policy = csp_of(hostile.html)
    elements = Page(hostile.html).elements

    assert policy["default-src"] == ["'none'"]
    assert policy.get("script-src", ["'none'"]) == ["'none'"]
    allowed = {"'none'", "'unsafe-inline'", "data:"}
    assert all(set(values) <= allowed for values in policy.values()), policy
    first_script = next(i for i, (tag, _) in enumerate(elements) if tag in {"script", "style"})
    assert index < first_script, "the policy must come before anything it governs"


def test_the_listener_would_see_a_fetch() -> None:
    with Listener() as listener, socket.create_connection(("127.0.0.1", listener.port)):
        pass
    assert len(listener.connections) == 1


def test_the_pdf_build_made_no_connection(hostile: HostileBuild) -> None:
    assert f"127.0.0.1:{hostile.port}/x.png" in hostile.html, "the URLs point at the listener"
    assert hostile.connections == []


def test_the_pdf_has_no_script_and_no_foreign_link(hostile: HostileBuild) -> None:
    reader = PdfReader(io.BytesIO(hostile.pdf))
    catalog = reader.root_object

    assert "/OpenAction" not in catalog
    assert "/JavaScript" not in catalog.get("/Names", {})
    for page in reader.pages:
        for annotation in page.get("/Annots", []):
            action = annotation.get_object().get("/A", {})
            assert action.get("/S") in {None, "/GoTo"}, action
    text = "".join(page.extract_text() for page in reader.pages)
    assert "alert(1)" in text, "the hostile text is in the PDF, as text"


# --- unexpected errors --------------------------------------------------------------------


def test_a_bug_is_a_short_message_pointing_at_debug(
    small_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(dossier.incremental.build, "build_dossier", broken)

    result = invoke(*build_args())

    assert result.exit_code == 3
    assert error_lines(result) == [
        "Error: internal error: RuntimeError: boom. This is a bug in dossier; "
        "rerun with --debug to see the traceback."
    ]
    assert not Path("out").exists()


BROKEN_CLI = textwrap.dedent(
    """
    import sys
    import dossier.incremental.build
    from dossier.cli import app

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    dossier.incremental.build.build_dossier = broken
    app(prog_name="dossier", args=sys.argv[1:])
    """
)


def run_broken_cli(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real program in its own process (CliRunner swallows tracebacks), with a bug in it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", BROKEN_CLI, *args],
        capture_output=True,
        text=True,
        cwd=folder,
        env=env,
        check=False,
        timeout=60,
    )


def test_with_debug_a_bug_shows_its_traceback_and_still_exits_3(small_project: Path) -> None:
    result = run_broken_cli(small_project, "--debug", *build_args()[1:])

    assert "Traceback (most recent call last)" in result.stderr
    assert result.stderr.rstrip().endswith("RuntimeError: boom")
    assert result.returncode == 3, "exit 1 would read as a failed check"


def test_without_debug_the_real_program_shows_no_traceback(small_project: Path) -> None:
    result = run_broken_cli(small_project, *build_args()[1:])

    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert result.stderr == (
        "Error: internal error: RuntimeError: boom. This is a bug in dossier; "
        "rerun with --debug to see the traceback.\n"
    )


# --- the README keeps these promises --------------------------------------------------------


def test_the_readme_states_the_promises_and_the_exit_codes() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Security and robustness", 1)[1].split("\n## ", 1)[0]
    exit_codes = readme.split("## Exit codes", 1)[1].split("\n## ", 1)[0]

    for code in ("`0`", "`1`", "`2`", "`3`"):
        assert code in exit_codes
    assert "--debug" in section
    assert "--debug" in exit_codes
