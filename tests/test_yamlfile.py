"""Every YAML file is read one way: sources.yaml and gold sets are refused as claims files are;
any text either loads or is refused with located problems; the C parser reads as the pure one.

(The claims file's own cases are in tests/claims/test_claims.py.)
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from dossier.claims.load import load_claims
from dossier.corpus.read import load_corpus
from dossier.errors import ClaimsError, CorpusError
from dossier.tools.evaluate import GoldError, load_gold
from dossier.yamlfile import MAX_DEPTH, MAX_FILE_BYTES, NoAliasComposer, compose_fast, label

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


# --- any text -------------------------------------------------------------------------

# Pieces of claims files, good and bad, for hypothesis to put together in any order.
YAML_PIECES = [
    *("claims:", "title:", "as_of:", "aliases:", "- ", "id: ", "text: ", "expect: ", "tags: "),
    *("notes: ", "supported", "2024-01-05", "2024-13-45", "12", "1e3", "true", "null", "~"),
    *("a-slug", "Some text", "&a ", "*a", "<<: ", "!!str ", "!tag ", "[", "]", "{", "}", ", "),
    *(": ", ":", "?", "'", '"', "#", "|", ">", "---", "...", "%YAML 1.1", "\n", "\n  "),
    *("\n    ", "  ", "\t", "\\", "\x00", "\ufeff", "é"),
]
YAMLISH = st.lists(st.sampled_from(YAML_PIECES), max_size=40).map("".join)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.one_of(YAMLISH, st.text(max_size=200)))
def test_any_text_either_loads_or_is_refused_with_located_problems(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        claim_set = load_claims(path)
    except ClaimsError as err:
        assert err.problems
        assert all(problem.startswith(f"{path}") for problem in err.problems)
        assert str(err).splitlines() == err.problems
    else:
        assert set(claim_set.lines) == {claim.id for claim in claim_set.claims}


def _tree(node: Any) -> Any:
    """A node tree as plain data: kind, tag, position and value of every node."""
    if node is None:
        return None
    mark = (node.start_mark.line, node.start_mark.column)
    if isinstance(node.value, list):
        items = [
            (_tree(k), _tree(v)) if isinstance(item, tuple) else _tree(item)
            for item in node.value
            for k, v in [item if isinstance(item, tuple) else (None, None)]
        ]
        return (type(node).__name__, node.tag, mark, items)
    return (type(node).__name__, node.tag, mark, node.value)


def _pure_tree(text: str) -> Any:
    yaml = YAML(typ="safe", pure=True)
    yaml.Composer = NoAliasComposer
    yaml.max_depth = MAX_DEPTH
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _tree(yaml.compose(text))


@pytest.mark.parametrize("path", [Path("claims.yaml"), Path("tests/gold/seeds.yaml")])
def test_the_c_parser_reads_a_claims_file_as_the_pure_parser_does(path: Path) -> None:
    text = path.read_text(encoding="utf-8")

    assert _tree(compose_fast(text)) == _pure_tree(text)


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(YAMLISH, st.text(max_size=200)))
def test_what_both_parsers_read_they_read_alike(text: str) -> None:
    """Where the C parser is not sure to agree (anchors, empty values, tabs...) the pure parser
    reads the file; libyaml accepts a few odd headers the pure parser refuses, and that
    reading stands. Wherever both read the text, the trees are the same, positions included."""
    fast = compose_fast(text)
    try:
        pure = _pure_tree(text)
    except Exception:  # refused (an alias, a syntax error...): not read at all
        return
    if fast is not None:
        assert _tree(fast) == pure
