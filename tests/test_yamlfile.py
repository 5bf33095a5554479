"""Every YAML file is read one way: sources.yaml and gold sets are refused as claims files are.

(The claims file's own cases are in tests/claims/test_claims.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.corpus.read import load_corpus
from dossier.errors import CorpusError
from dossier.tools.evaluate import GoldError, load_gold
from dossier.yamlfile import MAX_DEPTH, MAX_FILE_BYTES, label

HOSTILE = {
    "an alias": (
        "sources:\n  a.txt: &a {title: A}\n  b.txt: *a\n",
        "3:10: YAML aliases (*name) are not allowed in sources.yaml; write the value out in full",
    ),
    "a python tag": (
        "sources: !!python/object/apply:os.system ['true']\n",
        "1:10: sources: the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' "
        "is not supported; remove it",
    ),
    "a duplicate key": (
        "sources:\n  a.txt: {title: A}\n  a.txt: {title: B}\n",
        '3:3: sources["a.txt"]: duplicate key (first at line 2); remove one of them',
    ),
    "deep nesting": (
        "furniture: " + "[" * (MAX_DEPTH + 5),
        f"1:{11 + MAX_DEPTH}: lists and mappings are nested more than {MAX_DEPTH} deep; "
        "sources.yaml needs only a few levels",
    ),
    "a byte that is not UTF-8": (
        "sources:\n  a.txt: {title: caf\udce9}\n",
        "2:21: not UTF-8 text (byte 0xe9); save the file with UTF-8 encoding",
    ),
}


@pytest.mark.parametrize("text, problem", HOSTILE.values(), ids=HOSTILE.keys())
def test_sources_yaml_is_refused_where_it_is_hostile(
    tmp_path: Path, text: str, problem: str
) -> None:
    (tmp_path / "a.txt").write_text("A sentence here.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Another sentence.\n", encoding="utf-8")
    where = tmp_path / "sources.yaml"
    where.write_bytes(text.encode("utf-8", errors="surrogateescape"))

    with pytest.raises(CorpusError) as caught:
        load_corpus(tmp_path)

    assert str(caught.value).splitlines()[0] == f"{where}:{problem}"


def test_a_sources_yaml_over_its_size_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("A sentence here.\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_bytes(b"#" * (MAX_FILE_BYTES * 32 + 1))

    with pytest.raises(CorpusError) as caught:
        load_corpus(tmp_path)

    assert str(caught.value) == (
        f"{tmp_path / 'sources.yaml'}: the file is larger than 32 MB; "
        "check that this is the right file"
    )


@pytest.mark.parametrize(
    "text, problem",
    [
        (
            "claims:\n  - id: a\n    verdict: unverified\n"
            "    text: !!python/name:os.system A claim.\n",
            "4:11: claims[0].text: the YAML tag 'tag:yaml.org,2002:python/name:os.system' "
            "is not supported; remove it",
        ),
        (
            "claims:\n  - id: a\n    verdict: unverified\n    text: A claim.\n    text: Again.\n",
            "5:5: claims[0].text: duplicate key (first at line 4); remove one of them",
        ),
        (
            "claims: " + "[" * (MAX_DEPTH + 5),
            f"1:{8 + MAX_DEPTH}: lists and mappings are nested more than {MAX_DEPTH} deep; "
            "a gold file needs only a few levels",
        ),
    ],
)
def test_a_gold_file_is_refused_where_it_is_hostile(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(GoldError) as caught:
        load_gold(path, tmp_path)

    assert caught.value.problems[0] == f"{path}:{problem}"


def test_a_place_is_labelled_as_an_editor_points_at_it() -> None:
    assert label(("claims", 3, "text")) == "claims[3].text"
    assert label(("aliases", "Islamic State")) == "aliases['Islamic State']"
    assert label(("sources", "a.txt", "date"), '"') == 'sources["a.txt"].date'
    assert label(()) == "(top level)"
