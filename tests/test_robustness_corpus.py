"""No text is dropped in silence: what README's "Security and robustness" promises of the corpus,
end to end through the real command line (``typer.testing.CliRunner`` on ``dossier.cli.app``).

* A furniture phrase ("Follow us on", "please support", "All rights reserved") inside a paragraph
  of facts drops only its own sentence: the facts stay article text, judged and cited with
  exact offsets, and ``dossier text FILE --furniture`` lists what was dropped and why.
* An article without text is skipped with a warning that names it (one warning for many), and a
  corpus without any text, or without a sentence to judge, is an error, not a dossier of
  "unverified".

The cases are tables: to add a promise, add a row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_robustness import GOOD_ARTICLE, invoke
from typer.testing import Result

FACTS = (
    "The Syrian Observatory for Human Rights said 40 civilians were killed in Aleppo in "
    "September 2017."
)
CLAIMS = f"claims:\n  - id: aleppo-civilians\n    text: {FACTS}\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty ``corpus/`` and a claims file about its facts, in the working folder."""
    monkeypatch.chdir(tmp_path)
    Path("claims.yaml").write_text(CLAIMS, encoding="utf-8")
    Path("corpus").mkdir()
    return tmp_path


def build() -> Result:
    return invoke(
        "-q", "build", "--claims", "claims.yaml", "--corpus", "corpus", "--out", "out",
        "--format", "json", "--no-cache",
    )  # fmt: skip


# --- furniture inside a paragraph of facts --------------------------------------------------


@dataclass(frozen=True)
class FurnitureCase:
    article: str
    """The only article of the corpus, one line: the facts with page furniture beside them."""
    dropped: list[str]
    """Exactly what ``dossier text corpus/a.txt --furniture`` lists after its summary line."""


FURNITURE_CASES = {
    "follow-us-after-the-facts": FurnitureCase(
        f"{FACTS} It blamed air strikes. Follow us on Twitter for more updates.\n",
        ["corpus/a.txt:1  furniture (follow-us)", "    Follow us on Twitter for more updates."],
    ),
    "please-support-after-the-facts": FurnitureCase(
        f"{FACTS} It blamed air strikes. If you value our reporting, please support us.\n",
        [
            "corpus/a.txt:1  furniture (donation)",
            "    If you value our reporting, please support us.",
        ],
    ),
    "all-rights-reserved-after-the-facts": FurnitureCase(
        f"{FACTS} It blamed air strikes. Copyright 2017 Example News. All rights reserved.\n",
        [
            "corpus/a.txt:1  furniture (copyright)",
            "    Copyright 2017 Example News. All rights reserved.",
        ],
    ),
    "furniture-before-the-facts": FurnitureCase(
        f"Follow us on Twitter. {FACTS}\n",
        ["corpus/a.txt:1  furniture (follow-us)", "    Follow us on Twitter."],
    ),
    "furniture-before-a-figure-blingfire-does-not-split": FurnitureCase(
        f"Subscribe to our newsletter. 40 civilians were killed in Aleppo. {FACTS}\n",
        ["corpus/a.txt:1  furniture (newsletter)", "    Subscribe to our newsletter."],
    ),
}


@pytest.mark.parametrize("case", FURNITURE_CASES.values(), ids=FURNITURE_CASES.keys())
def test_a_furniture_phrase_drops_its_sentence_never_the_facts_beside_it(
    project: Path, case: FurnitureCase
) -> None:
    Path("corpus/a.txt").write_text(case.article, encoding="utf-8")

    result = build()

    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    claim = json.loads(Path("out/dossier.json").read_text(encoding="utf-8"))["claims"][0]
    assert claim["verdict"] == "supported"
    quotes = [(e["quote"], case.article[e["start"] : e["end"]]) for e in claim["evidence"]]
    # the facts are cited whole, exactly where they stand; a fact beside the furniture may be
    # cited too ("40 civilians were killed in Aleppo."), the furniture never
    assert (FACTS, FACTS) in quotes
    assert all(quote == text and quote in case.article for quote, text in quotes)
    assert not any(line.strip() in quote for quote, _ in quotes for line in case.dropped[1:])

    listed = invoke("text", "corpus/a.txt", "--furniture")
    assert listed.exit_code == 0
    assert listed.stdout.splitlines()[2:] == case.dropped


# --- articles without text ----------------------------------------------------------------


@dataclass(frozen=True)
class NoTextCase:
    empty: int
    """How many article files hold no text (every other one is whitespace alone)."""
    article: str | None
    """The text of ``corpus/good.txt`` beside them, if there is one."""
    exit_code: int
    messages: list[str]
    """Exactly the lines on stderr."""


EMPTY_CASES = {
    "ten-thousand-empty-files-is-an-error": NoTextCase(
        10_000,
        None,
        2,
        [
            "Error: corpus: none of the 10,000 articles holds any text (each is empty or only "
            "whitespace): corpus/e00000.txt, corpus/e00001.txt, corpus/e00002.txt, "
            "corpus/e00003.txt, corpus/e00004.txt and 9,995 more; nothing to check claims "
            "against."
        ],
    ),
    "one-empty-file-is-an-error": NoTextCase(
        1,
        None,
        2,
        [
            "Error: corpus: the only article, corpus/e00000.txt, holds no text (it is empty "
            "or only whitespace); nothing to check claims against."
        ],
    ),
    "one-empty-file-beside-an-article-is-named": NoTextCase(
        1,
        GOOD_ARTICLE,
        0,
        [
            "Warning: corpus/e00000.txt: skipped: the article holds no text (it is empty or "
            "only whitespace).",
            "Warning: corpus: 1 article file read, 1 not read: e00000.txt (empty).",
        ],
    ),
    "many-empty-files-are-one-warning-with-a-count": NoTextCase(
        7,
        GOOD_ARTICLE,
        0,
        [
            "Warning: 7 articles hold no text (each is empty or only whitespace) and were "
            "skipped: corpus/e00000.txt, corpus/e00001.txt, corpus/e00002.txt, "
            "corpus/e00003.txt, corpus/e00004.txt and 2 more.",
            "Warning: corpus: 1 article file read, 7 not read: e00000.txt (empty), e00001.txt "
            "(empty), e00002.txt (empty), e00003.txt (empty), e00004.txt (empty), e00005.txt "
            "(empty), e00006.txt (empty).",
        ],
    ),
    "an-article-of-furniture-alone-is-an-error": NoTextCase(
        0,
        "Breaking News\n\nFollow us on Twitter for more updates.\n",
        2,
        [
            "Error: corpus: no sentence to judge: every paragraph of corpus/good.txt is a "
            "heading or page furniture (dossier text corpus/good.txt --furniture shows how it "
            "is read)."
        ],
    ),
}


@pytest.mark.parametrize("case", EMPTY_CASES.values(), ids=EMPTY_CASES.keys())
def test_an_article_without_text_is_named_and_a_corpus_without_text_is_an_error(
    project: Path, case: NoTextCase
) -> None:
    for n in range(case.empty):
        Path(f"corpus/e{n:05}.txt").write_bytes(b"" if n % 2 == 0 else b" \n\t\r\n")
    if case.article is not None:
        Path("corpus/good.txt").write_text(case.article, encoding="utf-8")

    result = build()

    assert result.exit_code == case.exit_code, result.output
    assert result.stderr.splitlines() == case.messages
    if case.exit_code == 0:
        built = json.loads(Path("out/dossier.json").read_text(encoding="utf-8"))
        assert [source["path"] for source in built["sources"]] == ["good.txt"]
    else:
        assert not Path("out").exists()
