"""What the lexicon's tests share: a build script of scripts/ loaded as a module, and the line
WordNet's database files open with."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
# The licence header's first line, as WordNet's data.* and index.* files begin (skipped).
WORDNET_HEADER = "  1 This software and database is being provided to you, the LICENSEE  \n"


def load_script(name: str) -> ModuleType:
    """scripts/<name>.py as a module (registered, as dataclasses look their module up)."""
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
