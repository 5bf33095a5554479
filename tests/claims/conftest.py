from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in an empty folder, so paths in messages read ``claims.yaml:LINE:COL``."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
