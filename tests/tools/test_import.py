"""``dossier import FILE|URL...``: articles copied or fetched (from a real server on the
loopback address) into the corpus, named by outlet, date and title, and described in
``sources.yaml`` with what their reader found, and nothing else."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from loopback import PAGE, news_site, serve
from typer.testing import CliRunner

from dossier.cli import app
from dossier.corpus.sources import load_sources
from dossier.models import SourceMeta
from dossier.tools.importer import file_name

runner = CliRunner()

MARKDOWN = """\
---
title: "Harbour Bridge reopens after £40m repairs — café owners relieved"
outlet: The Daily Example
date: 2024-03-01
url: https://example.org/news/bridge
author: Ana Ruiz
---
The bridge reopened on Friday after repairs costing 40 million pounds.
"""
STORM = "coastal-herald-2024-03-18-storm-closes-port-aldric-for-three-days.html"
BRIDGE = "the-daily-example-2024-03-01-harbour-bridge-reopens-after-gbp40m-repairs-cafe-owners.md"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new dossier's folder (an empty corpus), the working directory; no proxy in the way."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "corpus").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serve(news_site()) as base:
        yield base


def sources(project: Path) -> dict[str, SourceMeta]:
    return load_sources(project / "corpus" / "sources.yaml", project / "corpus").sources


def test_a_web_page_is_fetched_named_and_described(project: Path, site: str) -> None:
    result = runner.invoke(app, ["import", f"{site}/article.html"])

    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout == (
        f"imported {site}/article.html -> corpus/{STORM} (title: Storm closes Port Aldric for "
        f"three days; outlet: Coastal Herald; date: 2024-03-18; url: {site}/article.html)\n"
    )
    assert (project / "corpus" / STORM).read_bytes() == PAGE
    assert sources(project) == {
        STORM: SourceMeta(
            title="Storm closes Port Aldric for three days",
            outlet="Coastal Herald",
            date=dt.date(2024, 3, 18),
            url=f"{site}/article.html",  # where it came from, not the canonical address
        )
    }


def test_a_redirect_is_followed_and_the_page_is_described_by_where_it_came_from(
    project: Path, site: str
) -> None:
    result = runner.invoke(app, ["import", f"{site}/old-address"])

    assert result.exit_code == 0, result.output
    assert sources(project)[STORM].url == f"{site}/news/storm"


def test_a_pdf_is_fetched_and_only_what_it_says_is_written(project: Path, site: str) -> None:
    result = runner.invoke(app, ["import", f"{site}/reports/inquiry"])

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"imported {site}/reports/inquiry -> corpus/inquiry-into-the-harbour-fire.pdf "
        f"(title: Inquiry into the harbour fire; url: {site}/reports/inquiry)\n"
    )
    assert (project / "corpus" / "inquiry-into-the-harbour-fire.pdf").read_bytes()[:5] == b"%PDF-"
    raw = (project / "corpus" / "sources.yaml").read_text(encoding="utf-8")
    assert raw.endswith(  # never a field the reader did not find
        "sources:\n  inquiry-into-the-harbour-fire.pdf:\n"
        f"    title: Inquiry into the harbour fire\n    url: {site}/reports/inquiry\n"
    )


def test_a_text_page_in_another_charset_is_saved_as_utf8(project: Path, site: str) -> None:
    result = runner.invoke(app, ["import", f"{site}/wire.txt", f"{site}/notes.md"])

    assert result.exit_code == 0, result.output
    assert (project / "corpus" / "wire.txt").read_text(encoding="utf-8") == (
        "Dock workers’ union calls a strike.\n"
    )
    assert (project / "corpus" / "notes.md").is_file()  # Markdown served as text/plain


def test_local_files_are_copied_byte_for_byte_with_their_metadata(project: Path) -> None:
    (project / "saved").mkdir()
    (project / "saved" / "bridge.md").write_text(MARKDOWN, encoding="utf-8")
    (project / "saved" / "Wire Copy (1).txt").write_text("A strike is called.\n", "utf-8")

    result = runner.invoke(app, ["import", "saved/bridge.md", "saved/Wire Copy (1).txt"])

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"imported saved/bridge.md -> corpus/{BRIDGE} (title: Harbour Bridge reopens after "
        "£40m repairs — café owners relieved; outlet: The Daily Example; date: 2024-03-01; "
        "url: https://example.org/news/bridge)\n"
        "imported saved/Wire Copy (1).txt -> corpus/wire-copy-1.txt "
        "(no title, outlet, date or url found)\n"
    )
    assert (project / "corpus" / BRIDGE).read_text(encoding="utf-8") == MARKDOWN
    assert sources(project) == {
        BRIDGE: SourceMeta(
            title="Harbour Bridge reopens after £40m repairs — café owners relieved",
            outlet="The Daily Example",
            date=dt.date(2024, 3, 1),
            url="https://example.org/news/bridge",
        )
    }  # (no entry for a file that says nothing of itself; the author stays in the file)


def test_a_name_taken_is_never_written_over(project: Path) -> None:
    (project / "bridge.md").write_text(MARKDOWN, encoding="utf-8")
    (project / "corpus" / BRIDGE).write_text("mine\n", encoding="utf-8")

    result = runner.invoke(app, ["import", "bridge.md", "bridge.md"])

    assert result.exit_code == 0, result.output
    stem = BRIDGE.removesuffix(".md")
    assert result.stdout.count(" -> corpus/") == 2
    assert f"-> corpus/{stem}-2.md " in result.stdout
    assert f"-> corpus/{stem}-3.md " in result.stdout
    assert (project / "corpus" / BRIDGE).read_text(encoding="utf-8") == "mine\n"
    assert (project / "corpus" / f"{stem}-3.md").read_text(encoding="utf-8") == MARKDOWN


def test_sources_yaml_keeps_its_comments_and_entries(project: Path) -> None:
    (project / "corpus" / "a.txt").write_text("An article.\n", encoding="utf-8")
    before = "# Our notes on the sources.\nsources:\n  a.txt:\n    notes: wire copy # checked\n"
    (project / "corpus" / "sources.yaml").write_text(before, encoding="utf-8")
    (project / "bridge.md").write_text(MARKDOWN, encoding="utf-8")

    result = runner.invoke(app, ["import", "bridge.md", "--corpus", "corpus"])

    assert result.exit_code == 0, result.output
    after = (project / "corpus" / "sources.yaml").read_text(encoding="utf-8")
    assert after.startswith(before)
    assert sorted(sources(project)) == ["a.txt", BRIDGE]


def test_an_imported_corpus_validates(project: Path, site: str) -> None:
    (project / "claims.yaml").write_text(
        'title: T\nclaims:\n  - id: storm\n    text: "A storm closed Port Aldric."\n',
        encoding="utf-8",
    )
    assert runner.invoke(app, ["import", f"{site}/article.html"]).exit_code == 0

    result = runner.invoke(app, ["validate"])

    assert result.exit_code == 0, result.output
    assert "corpus/sources.yaml: 1 article described, all valid" in result.stdout


@pytest.mark.parametrize(
    ("meta", "fallback", "name"),
    [
        (
            SourceMeta(title="Storm", outlet="BBC News", date=dt.date(2024, 1, 2)),
            "x",
            "bbc-news-2024-01-02-storm",
        ),
        (SourceMeta(title="Storm"), "x", "storm"),
        (SourceMeta(date=dt.date(2024, 1, 2)), "Saved Page", "2024-01-02-saved-page"),
        (SourceMeta(title="Ελλάδα: «Σεισμός» 5,2 ρίχτερ"), "x", "ellada-seismos-5-2-richter"),
        (SourceMeta(title="“—”"), "", "article"),
        (SourceMeta(title=" ".join(["word"] * 30)), "x", "-".join(["word"] * 12)),
        (SourceMeta(title="x" * 70 + " y"), "", "x" * 60),
    ],
)
def test_file_names_are_ascii_slugs_of_what_was_found(
    meta: SourceMeta, fallback: str, name: str
) -> None:
    assert file_name(meta, fallback) == name


def test_a_date_in_a_local_files_name_dates_it_when_the_file_does_not(project: Path) -> None:
    """The corpus dates an article by a YYYY-MM-DD in its name; the imported name keeps it."""
    (project / "saved").mkdir()
    (project / "saved" / "2024-03-20-wire.txt").write_text("A strike is called.\n", "utf-8")

    result = runner.invoke(app, ["import", "saved/2024-03-20-wire.txt"])

    assert result.exit_code == 0, result.output
    assert "-> corpus/2024-03-20-wire.txt (date: 2024-03-20)" in result.stdout
    assert sources(project) == {"2024-03-20-wire.txt": SourceMeta(date=dt.date(2024, 3, 20))}
