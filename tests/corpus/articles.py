"""What the corpus tests share: the seed corpus, and a way to write an article."""

from __future__ import annotations

from pathlib import Path

from dossier.models import Corpus, ParagraphKind

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "corpus"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def passage_texts(corpus: Corpus) -> list[str]:
    return [p.text for p in corpus.passages]


def paragraph_texts(corpus: Corpus, kind: ParagraphKind) -> list[str]:
    return [
        corpus.document(p.source).text[p.start : p.end] for p in corpus.paragraphs if p.kind is kind
    ]


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path
