from __future__ import annotations

import pytest
from articles import SEEDS

from dossier.corpus.read import load_corpus
from dossier.models import Corpus


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return load_corpus(SEEDS)
