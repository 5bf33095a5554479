"""Irregular verb forms from WordNet (scripts/build_irregular.py, run here on a small made-up
verb.exc): a past form meets its base, a form that is a word of its own keeps its stem."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from dossier.analysis.text import stem

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_irregular.py"


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_irregular", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("form", "base"),
    [("told", "tells"), ("took", "taking"), ("ran", "running"), ("bought", "buy")],
)
def test_a_past_form_meets_its_base(form: str, base: str) -> None:
    assert stem(form) == stem(base)


def test_a_form_that_is_a_word_of_its_own_keeps_its_stem() -> None:
    assert stem("found") != stem("find")  # "to found a city"
    assert stem("wound") != stem("wind")  # "a wound"
    assert stem("shot") == stem("shoot")  # read as a verb all the same (words.IRREGULAR_VERBS)


def test_the_table_is_built_from_verb_exc_the_same_way_every_time(tmp_path: Path) -> None:
    wordnet = tmp_path / "wordnet"
    wordnet.mkdir()
    exc = "told tell\nwound wind\nran run\nx-ed x\n"
    (wordnet / "verb.exc").write_text(exc, encoding="latin-1")
    (wordnet / "index.noun").write_text("  licence header\nwound n 1 0 0 1 0 01234567\n")
    (wordnet / "index.verb").write_text("tell v 1 0 0 1 0 01234567\n")
    builder = _builder()
    forms = builder.irregular(wordnet)
    assert forms == {"told": "tell", "ran": "run"}
    text = builder.module(forms)
    assert text == builder.module(builder.irregular(wordnet))
    assert '    "ran": "run",\n    "told": "tell",\n' in text
