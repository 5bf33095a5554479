"""A corpus of mixed articles (.html, .pdf, .md, .txt): every citation exact in the text dossier
extracted, the metadata each file gives filled in (``sources.yaml`` overriding it), and every
file not read named, in the warnings and in the JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

import dossier.incremental.build
from dossier.cli import app
from dossier.corpus.files import article_text

runner = CliRunner()


def invoke(*args: str) -> Result:
    return runner.invoke(app, list(args))


def build(*extra: str) -> tuple[Result, dict[str, Any]]:
    result = invoke("build", "--out", "out", "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return result, json.loads(Path("out/dossier.json").read_text(encoding="utf-8"))


def test_citations_are_exact_in_the_extracted_text(mixed: Path) -> None:
    _, dossier = build("--no-cache")
    verdicts = {c["id"]: c["verdict"] for c in dossier["claims"]}
    assert verdicts == dict.fromkeys(["toll", "sprinklers", "review", "toll-wire"], "supported")
    cited = set()
    for claim in dossier["claims"]:
        for evidence in claim["evidence"]:
            _, extracted = article_text(f"corpus/{evidence['source']}", evidence["source"])
            assert extracted.text[evidence["start"] : evidence["end"]] == evidence["quote"]
            cited.add(evidence["source"])
    assert cited == {
        "harbour-fire.html",
        "inquiry.pdf",
        "2024-03-19-ministry.md",
        "wire-2024-03-20.txt",
    }


def test_the_metadata_the_files_give_is_filled_in(mixed: Path) -> None:
    _, dossier = build("--no-cache")
    meta = {s["path"]: s["meta"] for s in dossier["sources"]}
    html = meta["harbour-fire.html"]
    assert (html["outlet"], html["date"], html["author"]) == (
        "Coastal Herald", "2024-03-18", "Mara Lindqvist",
    )  # fmt: skip
    assert html["url"] == "https://coastalherald.example/news/2024/03/18/port-aldric-fire"
    assert html["text"] == "extracted from HTML"
    assert meta["inquiry.pdf"]["text"] == "extracted from PDF"
    assert meta["inquiry.pdf"]["pages"][0] == 0 and len(meta["inquiry.pdf"]["pages"]) == 2
    assert meta["inquiry.pdf"]["title"] == "Port Aldric inquiry: interim findings"
    md = meta["2024-03-19-ministry.md"]
    assert (md["outlet"], md["date"], md["text"]) == ("Northern Ledger", "2024-03-19", None)
    assert meta["wire-2024-03-20.txt"]["text"] is None


def test_sources_yaml_overrides_what_a_file_says(mixed: Path) -> None:
    Path("corpus/sources.yaml").write_text(
        "sources:\n  harbour-fire.html:\n    outlet: herald.example\n", encoding="utf-8"
    )
    _, dossier = build("--no-cache")
    (html,) = [s["meta"] for s in dossier["sources"] if s["path"] == "harbour-fire.html"]
    assert html["outlet"] == "herald.example"
    assert html["author"] == "Mara Lindqvist"  # what sources.yaml does not say, the page does


def test_sources_yaml_cannot_set_what_dossier_reads_from_the_file(mixed: Path) -> None:
    Path("corpus/sources.yaml").write_text(
        "sources:\n  inquiry.pdf:\n    pages: [0]\n", encoding="utf-8"
    )
    result = invoke("build", "--out", "out", "--format", "json", "--no-cache")
    assert result.exit_code == 2
    assert 'sources["inquiry.pdf"].pages: dossier sets it from the file it reads' in result.output


def test_every_file_not_read_is_named_with_its_reason(mixed: Path) -> None:
    result, dossier = build("--no-cache")
    assert dossier["skipped"] == [
        {"path": "notes.docx", "reason": "unsupported type"},
        {"path": "scan.pdf", "reason": "no text layer"},
    ]
    assert (
        "Warning: corpus: 4 article files read, 2 not read: notes.docx (unsupported type), "
        "scan.pdf (no text layer)." in result.output
    )


def test_a_warm_build_says_the_same_and_gives_the_same_dossier(mixed: Path) -> None:
    _, first = build()
    Path("claims.yaml").write_text(
        Path("claims.yaml").read_text(encoding="utf-8") + "  - id: hospital\n"
        '    text: "31 people were taken to hospital after the Port Aldric fire."\n',
        encoding="utf-8",
    )  # a claim added: the articles are known from the stamp, not read again
    _, second = build()
    assert second["skipped"] == first["skipped"]
    assert [s["meta"] for s in second["sources"]] == [s["meta"] for s in first["sources"]]
    assert [c["id"] for c in second["claims"]][-1] == "hospital"
    assert second["claims"][:4] == first["claims"]
    Path("corpus/wire-2024-03-20.txt").write_text("Port Aldric toll unchanged\n\nNo news.\n")
    _, third = build()  # one file edited: only it is read again; the others' metadata stays
    assert [s["meta"] for s in third["sources"] if s["path"] != "wire-2024-03-20.txt"] == [
        s["meta"] for s in first["sources"] if s["path"] != "wire-2024-03-20.txt"
    ]
    assert third["skipped"] == first["skipped"]


def test_a_warm_build_does_not_extract_a_text_again(
    mixed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dossier.incremental.build, "STAMP_MARGIN_NS", 0)
    build()
    import pypdf
    import trafilatura

    extracted: list[str] = []
    for module, name in ((trafilatura, "bare_extraction"), (pypdf, "PdfReader")):
        real = getattr(module, name)

        def counting(*args: Any, real: Any = real, **kwargs: Any) -> Any:
            extracted.append(real.__name__)
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)
    Path("claims.yaml").write_text(
        Path("claims.yaml").read_text(encoding="utf-8").replace("12 dock", "twelve dock"),
        encoding="utf-8",
    )  # a claim changed: judged again, quoting the web page, which is not extracted again
    _, built = build()
    assert built["claims"][0]["evidence"][0]["source"] == "harbour-fire.html"
    assert extracted == []


def test_an_empty_web_page_or_pdf_is_skipped_as_empty(mixed: Path) -> None:
    Path("corpus/blank.html").write_bytes(b"")
    Path("corpus/blank.pdf").write_bytes(b"\n")
    _, dossier = build("--no-cache")
    assert {"path": "blank.html", "reason": "empty"} in dossier["skipped"]
    assert {"path": "blank.pdf", "reason": "empty"} in dossier["skipped"]


def test_a_file_added_that_is_not_read_is_named_by_the_next_build(mixed: Path) -> None:
    build()
    Path("corpus/minutes.rtf").write_text("{\\rtf1 minutes}", encoding="utf-8")
    _, dossier = build()
    assert {"path": "minutes.rtf", "reason": "unsupported type"} in dossier["skipped"]


def test_the_lock_reanchors_in_the_extracted_text(mixed: Path) -> None:
    assert invoke("lock").exit_code == 0
    build()
    result = invoke("check")
    assert result.exit_code == 0, result.output


def test_a_folder_of_unsupported_files_names_what_it_holds(mixed: Path) -> None:
    for path in Path("corpus").iterdir():
        path.unlink()
    for name in ("a.docx", "b.docx", "c.docx", "d.rtf"):
        Path("corpus", name).write_bytes(b"PK")
    result = invoke("-q", "build", "--out", "out", "--no-cache")
    assert result.exit_code == 2
    assert result.output == (
        "Error: corpus: no article files dossier reads (.htm, .html, .md, .pdf, .txt) in the "
        "corpus folder; it holds 3 .docx files, 1 .rtf file.\n"
    )


def test_text_prints_the_extracted_text(mixed: Path) -> None:
    result = invoke("text", "corpus/harbour-fire.html")
    assert result.exit_code == 0, result.output
    assert "The text extracted from HTML" in result.output
    assert "killed 12 dock workers" in result.output
    assert "50 people died" not in result.output
