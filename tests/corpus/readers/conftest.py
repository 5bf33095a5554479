from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from readerfiles import READERS, pdf_of


@pytest.fixture
def mixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project of mixed articles (.html, .pdf, .md, .txt, one .docx no reader takes and a PDF
    without a text layer), the working directory."""
    shutil.copytree(READERS / "mixed", tmp_path / "corpus")
    shutil.copy(READERS / "claims.yaml", tmp_path / "claims.yaml")
    (tmp_path / "corpus" / "inquiry.pdf").write_bytes(pdf_of(READERS / "inquiry-pdf.html"))
    (tmp_path / "corpus" / "scan.pdf").write_bytes(pdf_of(READERS / "no-text-pdf.html"))
    monkeypatch.chdir(tmp_path)
    return tmp_path
