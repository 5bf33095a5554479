"""Memory and time bounded by design, whatever the article: the probes of issue 21, each a row.

Each probe builds a few of the seed's claims against a one-line article made from the seed
corpus's own paragraphs, in a fresh process that says its peak memory, under a time limit (and
an address-space limit, ``resource.setrlimit``, to spare the machine): before the fix, each one
went past one or the other. A citation
carries at most a bounded context of its paragraph (``models.CONTEXT_CHARS`` each side of the
quote), and a sentence longer than ``segment.MAX_SENTENCE_CHARS`` is judged in pieces.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from dossier.corpus.segment import MAX_SENTENCE_CHARS, segment_document
from dossier.models import CONTEXT_CHARS, Document, ParagraphKind

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="peak memory is read from /proc (Linux)"
)

CLAIMS = """\
title: Memory probe
aliases:
  Syrian Democratic Forces: [SDF]
  US-led coalition: [coalition]
claims:
  - id: strikes
    text: The coalition conducted over 1,500 strikes around Raqqa.
  - id: sdf-raqqa
    text: The SDF controls 80 per cent of Raqqa.
  - id: russian-jets
    text: Russian jets struck SDF positions near Deir ez-Zor.
"""


def _seed_body() -> str:
    """The seed corpus's body paragraphs, each on one line, joined by spaces."""
    parts = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs, _ = segment_document(Document(path=path.name, text=text, sha256=""))
        parts += [
            " ".join(text[p.start : p.end].split())
            for p in paragraphs
            if p.kind is ParagraphKind.BODY
        ]
    return " ".join(parts)


def one_line(size: int, *, full_stops: bool = True) -> Callable[[], str]:
    """An article of ``size`` characters on one line: the seed's paragraphs over and over
    (without ``full_stops``: every sentence end taken out, so it is one sentence)."""

    def make() -> str:
        body = _seed_body()
        if not full_stops:
            body = re.sub(r"[.!?;:…]", "", body)
        text = (body + " ") * (size // len(body) + 1)
        return text[:size].rsplit(" ", 1)[0] + "\n"

    return make


@dataclass(frozen=True)
class Probe:
    article: Callable[[], str]
    """The text of the corpus's one article."""
    max_rss: int = 400 * 2**20
    """The most the build may hold at once (its peak resident memory), in bytes."""
    seconds: float = 25
    """The build's time limit."""


ADDRESS_SPACE = 3 * 2**30
"""The builds run under this address-space limit, to spare the machine should a bound fail."""

PROBES = {
    # Each citation carried the whole paragraph, several times over (models, JSON, HTML): the
    # build held 814 MB at once (and a 1 MiB article under the seed's 21 claims over 6 GB).
    "a one-line article of 1.5 MiB": Probe(one_line(1536 * 1024)),
    # One sentence of 384 KiB: the judge's work grows faster than a sentence's length (128 KiB
    # took 11 s, 256 KiB 38 s).
    "a one-line article of 384 KiB without a full stop": Probe(
        one_line(384 * 1024, full_stops=False)
    ),
}

RUN = (
    "import atexit, re, sys; "
    "atexit.register(lambda: print('peak', re.search(r'VmHWM:\\s*(\\d+)', "
    "open('/proc/self/status').read())[1], file=sys.stderr)); "
    "from dossier.cli import app; sys.argv[0] = 'dossier'; app()"
)
"""The command line in a fresh process that says its peak memory (in KiB) as it ends: its
``VmHWM`` (``ru_maxrss`` would count the memory of the process it was forked from)."""


def _limited(address_space: int) -> Callable[[], None]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))

    return limit


@pytest.mark.parametrize("probe", PROBES.values(), ids=PROBES.keys())
def test_a_huge_one_line_article_builds_in_bounded_memory_and_time(
    tmp_path: Path, probe: Probe
) -> None:
    (tmp_path / "corpus").mkdir()
    article = probe.article()
    (tmp_path / "corpus" / "one.txt").write_text(article, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    args = ["-q", "build", "--no-cache", "--format", "json,html", "--out", "out"]

    done = subprocess.run(
        [sys.executable, "-c", RUN, *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=probe.seconds,
        preexec_fn=_limited(ADDRESS_SPACE),
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )

    assert done.returncode == 0, done.stderr[-2000:]
    peak = int(done.stderr.split("peak ")[-1]) * 1024
    assert 50 * 2**20 < peak < probe.max_rss, f"the build held {peak >> 20} MiB at once"
    built = json.loads((tmp_path / "out" / "dossier.json").read_text(encoding="utf-8"))
    cited = [e for claim in built["claims"] for e in claim["evidence"]]
    assert cited, "the article backs the claims: the probe must cite it"
    for e in cited:
        assert article[e["start"] : e["end"]] == e["quote"]
        assert article[e["context_start"] : e["context_end"]] == e["context"]
        assert len(e["quote"]) <= MAX_SENTENCE_CHARS
        assert len(e["context"]) <= len(e["quote"]) + 2 * CONTEXT_CHARS
        assert e["paragraph_end"] - e["paragraph_start"] > len(article) // 2  # one paragraph


@pytest.mark.parametrize("full_stops", [True, False], ids=["sentences", "no full stop"])
def test_an_article_sent_to_blingfire_in_windows_splits_into_the_same_sentences(
    monkeypatch: pytest.MonkeyPatch, full_stops: bool
) -> None:
    from dossier.corpus import segment

    document = Document(path="one.txt", text=one_line(200_000, full_stops=full_stops)(), sha256="")
    whole = segment.segment_document(document)[1]
    monkeypatch.setattr(segment, "BLINGFIRE_CHARS", 7_000)  # some 30 windows
    windowed = segment.segment_document(document)[1]

    assert len(whole) > 30
    assert windowed == whole
