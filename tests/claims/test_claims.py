"""The claims file: what loads, and what each mistake in it looks like to the editor.

Every problem is reported at once as ``PATH:LINE:COLUMN: what is wrong; how to fix it``.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.claims.load import (
    claims_json_schema,
    claims_json_schema_text,
    load_claims,
    slugify,
)
from dossier.cli import app
from dossier.errors import ClaimsError
from dossier.models import Verdict
from dossier.yamlfile import MAX_DEPTH, MAX_FILE_BYTES

FIXTURES = Path(__file__).parents[1] / "fixtures" / "claims"
SCHEMA_FILE = Path(__file__).parents[2] / "schema" / "claims.schema.json"

runner = CliRunner()


def problems_in(text: str) -> list[str]:
    """The problems reported for a claims file holding ``text`` (run inside ``in_tmp``)."""
    Path("claims.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ClaimsError) as caught:
        load_claims(Path("claims.yaml"))
    return caught.value.problems


# --- a valid file -------------------------------------------------------------------------


def test_a_valid_file_loads_with_the_line_of_each_claim() -> None:
    claim_set = load_claims(FIXTURES / "valid.yaml")

    assert claim_set.path == str(FIXTURES / "valid.yaml")
    assert claim_set.file.title == "Test dossier"
    assert claim_set.file.as_of == dt.date(2024, 3, 15)
    assert claim_set.file.aliases == {"Islamic State": ["IS", "ISIS", "Daesh"]}
    assert [claim.id for claim in claim_set.claims] == [
        "troops-in-syria",
        "strikes-over-1500",
        "minimal",
    ]
    assert claim_set.lines == {"troops-in-syria": 8, "strikes-over-1500": 14, "minimal": 24}


def test_optional_fields_load_as_typed_values() -> None:
    strikes = load_claims(FIXTURES / "valid.yaml").claims[1]

    assert strikes.text == "The coalition carried out over 1,500 strikes in the first year."
    assert strikes.expect is Verdict.DISPUTED
    assert strikes.tags == ["air-war"]
    assert strikes.notes == "Counts differ between sources: check the dates."
    assert strikes.as_of == dt.date(2015, 8, 8)


def test_a_minimal_claim_needs_only_id_and_text(in_tmp: Path) -> None:
    Path("claims.yaml").write_text("claims:\n- id: a\n  text: abc\n", encoding="utf-8")

    claim_set = load_claims(Path("claims.yaml"))

    assert claim_set.claims[0].expect is None
    assert claim_set.claims[0].tags == []
    assert claim_set.file.title == "Fact-check dossier"
    assert claim_set.lines == {"a": 2}


def test_a_file_with_no_claims_is_valid(in_tmp: Path) -> None:
    Path("claims.yaml").write_text("claims: []\n", encoding="utf-8")

    assert load_claims(Path("claims.yaml")).claims == []


def test_a_byte_order_mark_is_accepted(in_tmp: Path) -> None:
    Path("claims.yaml").write_bytes(b"\xef\xbb\xbfclaims:\n- id: a\n  text: abc\n")

    assert load_claims(Path("claims.yaml")).lines == {"a": 2}


# --- the file as a whole ------------------------------------------------------------------


def test_a_missing_file_is_named(in_tmp: Path) -> None:
    with pytest.raises(ClaimsError) as caught:
        load_claims(Path("nowhere.yaml"))

    assert caught.value.problems == [
        "nowhere.yaml: file not found; check the path given with --claims"
    ]


def test_a_folder_is_not_a_claims_file(in_tmp: Path) -> None:
    Path("folder").mkdir()

    with pytest.raises(ClaimsError) as caught:
        load_claims(Path("folder"))

    assert caught.value.problems == ["folder: is a folder; give the path of the claims file"]


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n"])
def test_an_empty_file_is_refused(in_tmp: Path, text: str) -> None:
    assert problems_in(text) == ["claims.yaml: the file is empty; it needs a 'claims:' list"]


def test_a_yaml_syntax_error_gives_its_position(in_tmp: Path) -> None:
    text = "claims:\n  - id: colon\n    text: The claim: with a colon\n"

    assert problems_in(text) == [
        "claims.yaml:3:20: YAML syntax error: mapping values are not allowed here; "
        "a ': ' inside unquoted text, or a key indented too far; put the text in quotes"
    ]


def test_an_unclosed_quote_says_where_it_started(in_tmp: Path) -> None:
    text = 'claims:\n  - id: quote\n    text: "never closed\n'

    assert problems_in(text) == [
        "claims.yaml:4:1: YAML syntax error: found unexpected end of stream "
        "while scanning a quoted scalar (from line 3); a quote or bracket is never closed"
    ]


def test_tabs_are_refused_with_a_hint(in_tmp: Path) -> None:
    assert problems_in("claims:\n\t- id: a\n") == [
        "claims.yaml:2:1: YAML syntax error: found character '\\t' that cannot start any token "
        "while scanning for the next token; indent with spaces, not tabs"
    ]


def test_a_second_document_is_refused(in_tmp: Path) -> None:
    assert problems_in("claims: []\n---\nclaims: []\n") == [
        "claims.yaml:2:1: YAML syntax error: but found another document "
        "expected a single document in the stream (from line 1); "
        "a claims file holds one document; remove the extra '---'"
    ]


def test_line_breaks_in_values_are_escaped_so_each_problem_stays_on_one_line(
    in_tmp: Path,
) -> None:
    assert problems_in('claims:\n- id: "two\\nlines"\n  text: abc\n') == [
        "claims.yaml:2:7: claims[0].id: 'two\\nlines' is not a valid id; an id is a slug: "
        "lowercase letters and digits, in words joined by single hyphens, "
        "e.g. us-troops-in-syria (try 'two-lines')"
    ]


def test_the_top_level_must_be_a_mapping(in_tmp: Path) -> None:
    assert problems_in("- id: a\n  text: abc\n") == [
        "claims.yaml:1:1: the file must be a mapping with a 'claims:' list at the top, not a list"
    ]


def test_the_claims_list_is_required(in_tmp: Path) -> None:
    assert problems_in("title: No claims here\n") == [
        "claims.yaml:1:1: claims: field required; add 'claims: ...' (the claims to check)"
    ]


def test_claims_must_be_a_list(in_tmp: Path) -> None:
    assert problems_in("title: T\nclaims: one claim\n") == [
        "claims.yaml:2:9: claims: expected a list, got text ('one claim'); "
        "write one item per line, each starting with '- '"
    ]


def test_an_empty_claims_key_is_pointed_at(in_tmp: Path) -> None:
    assert problems_in("title: T\nclaims:\n") == [
        "claims.yaml:2:1: claims: is empty; "
        "write the items below it, each on a line starting with '- '"
    ]


def test_an_unknown_top_level_key_suggests_the_right_one(in_tmp: Path) -> None:
    assert problems_in("titel: T\nclaims: []\n") == [
        "claims.yaml:1:1: titel: unknown key; did you mean 'title'?"
    ]


def test_an_unknown_top_level_key_lists_the_allowed_ones(in_tmp: Path) -> None:
    assert problems_in("claims: []\nowner: me\n") == [
        "claims.yaml:2:1: owner: unknown key; the file may have title, as_of, aliases, claims"
    ]


def test_a_bad_top_level_date(in_tmp: Path) -> None:
    assert problems_in("as_of: 15/03/2024\nclaims: []\n") == [
        "claims.yaml:1:8: as_of: '15/03/2024' is not a date; "
        "write it as YYYY-MM-DD, e.g. 2024-03-15"
    ]


def test_a_number_is_not_taken_for_a_date(in_tmp: Path) -> None:
    assert problems_in("as_of: 0\nclaims: []\n") == [
        "claims.yaml:1:8: as_of: 0 is a number, not a date; write it as YYYY-MM-DD, e.g. 2024-03-15"
    ]


def test_aliases_must_map_names_to_lists(in_tmp: Path) -> None:
    assert problems_in("aliases:\n  Islamic State: ISIS\nclaims: []\n") == [
        "claims.yaml:2:18: aliases['Islamic State']: expected a list, got text ('ISIS'); "
        "write one item per line, each starting with '- '"
    ]


# --- one claim ----------------------------------------------------------------------------

CLAIM_PROBLEMS = {
    "missing text, at the claim": (
        "claims:\n  - id: a\n    text: abc\n  - id: b\n    tags: [x]\n",
        "claims.yaml:4:5: claims[1].text: field required; "
        "add 'text: ...' (the claim as a fact-checker would phrase it)",
    ),
    "missing id, at the claim": (
        "claims:\n  - text: abc\n",
        "claims.yaml:2:5: claims[0].id: field required; "
        "add 'id: ...' (unique slug, e.g. us-troops-in-syria)",
    ),
    "empty text, at its key": (
        "claims:\n  - id: a\n    text:\n",
        "claims.yaml:3:5: claims[0].text: is empty; write a value after it",
    ),
    "a number where text belongs": (
        "claims:\n  - id: a\n    text: 1984\n",
        "claims.yaml:3:11: claims[0].text: expected text, got a number (1984); "
        "put the value in quotes",
    ),
    "true/false where text belongs": (
        "claims:\n  - id: a\n    text: abc\n    tags: [true]\n",
        "claims.yaml:4:12: claims[0].tags[0]: expected text, got true/false; "
        "put the value in quotes",
    ),
    "a claim that is not a mapping": (
        "claims:\n  - id: a\n    text: abc\n  - just some text\n",
        "claims.yaml:4:5: claims[1]: expected a claim (lines 'id: ...' and 'text: ...'), "
        "got text ('just some text')",
    ),
    "an id that is not a slug": (
        "claims:\n  - id: Troops In Syria\n    text: abc\n",
        "claims.yaml:2:9: claims[0].id: 'Troops In Syria' is not a valid id; an id is a slug: "
        "lowercase letters and digits, in words joined by single hyphens, "
        "e.g. us-troops-in-syria (try 'troops-in-syria')",
    ),
    "a duplicate id": (
        "claims:\n  - id: a\n    text: abc\n  - id: a\n    text: def\n",
        "claims.yaml:4:9: claims[1].id: duplicate id 'a' (first defined at line 2); "
        "give each claim its own id",
    ),
    "an unknown key close to a field": (
        "claims:\n  - id: a\n    text: abc\n    expct: supported\n",
        "claims.yaml:4:5: claims[0].expct: unknown key; did you mean 'expect'?",
    ),
    "an unknown key far from any field": (
        "claims:\n  - id: a\n    text: abc\n    source: BBC\n",
        "claims.yaml:4:5: claims[0].source: unknown key; "
        "a claim may have id, text, expect, tags, notes, as_of, review",
    ),
    "a date that does not exist": (
        "claims:\n  - id: a\n    text: abc\n    as_of: 2015-02-30\n",
        "claims.yaml:4:12: claims[0].as_of: '2015-02-30' is not a date; "
        "write it as YYYY-MM-DD, e.g. 2024-03-15",
    ),
    "a number where a date belongs": (
        "claims:\n  - id: a\n    text: abc\n    as_of: 20150208\n",
        "claims.yaml:4:12: claims[0].as_of: 20150208 is a number, not a date; "
        "write it as YYYY-MM-DD, e.g. 2024-03-15",
    ),
    "a verdict misspelt": (
        "claims:\n  - id: a\n    text: abc\n    expect: suported\n",
        "claims.yaml:4:13: claims[0].expect: 'suported' is not a verdict; "
        "use one of supported, contradicted, disputed, unverified",
    ),
    "a text too short": (
        "claims:\n  - id: a\n    text: ' ab '\n",
        "claims.yaml:3:11: claims[0].text: too short (2 characters, at least 3 needed)",
    ),
    "a text too long": (
        "claims:\n  - id: a\n    text: " + "word " * 401 + "\n",
        "claims.yaml:3:11: claims[0].text: too long (2004 characters, at most 2000 allowed); "
        "split the claim or move detail to notes",
    ),
    "tags that are not a list": (
        "claims:\n  - id: a\n    text: abc\n    tags: syria\n",
        "claims.yaml:4:11: claims[0].tags: expected a list, got text ('syria'); "
        "write one item per line, each starting with '- '",
    ),
    "a key written twice": (
        "claims:\n  - id: a\n    text: abc\n    text: def\n",
        "claims.yaml:4:5: claims[0].text: duplicate key (first at line 3); remove one of them",
    ),
    "a YAML tag": (
        "claims:\n  - id: a\n    text: !python/object abc\n",
        "claims.yaml:3:11: claims[0].text: the YAML tag '!python/object' is not supported; "
        "remove it",
    ),
}


@pytest.mark.parametrize("text, problem", CLAIM_PROBLEMS.values(), ids=CLAIM_PROBLEMS.keys())
def test_each_mistake_in_a_claim_is_reported_where_it_is(
    in_tmp: Path, text: str, problem: str
) -> None:
    assert problems_in(text) == [problem]


def test_every_problem_in_a_file_is_reported_at_once_in_file_order() -> None:
    with pytest.raises(ClaimsError) as caught:
        load_claims(FIXTURES / "several-problems.yaml")

    path = FIXTURES / "several-problems.yaml"
    assert caught.value.problems == [
        f"{path}:3:9: claims[0].id: 'Troops In Syria' is not a valid id; an id is a slug: "
        "lowercase letters and digits, in words joined by single hyphens, "
        "e.g. us-troops-in-syria (try 'troops-in-syria')",
        f"{path}:5:13: claims[0].expect: 'suported' is not a verdict; "
        "use one of supported, contradicted, disputed, unverified",
        f"{path}:6:5: claims[1].text: field required; "
        "add 'text: ...' (the claim as a fact-checker would phrase it)",
        f"{path}:7:5: claims[1].txet: unknown key; did you mean 'text'?",
        f"{path}:8:9: claims[2].id: duplicate id 'strikes' (first defined at line 6); "
        "give each claim its own id",
        f"{path}:10:12: claims[2].as_of: '2015-02-30' is not a date; "
        "write it as YYYY-MM-DD, e.g. 2024-03-15",
    ]
    assert str(caught.value) == "\n".join(caught.value.problems)


# --- hostile input ------------------------------------------------------------------------


def test_a_billion_laughs_file_is_refused_at_once() -> None:
    start = time.perf_counter()
    with pytest.raises(ClaimsError) as caught:
        load_claims(FIXTURES / "billion-laughs.yaml")
    elapsed = time.perf_counter() - start

    assert caught.value.problems == [
        f"{FIXTURES / 'billion-laughs.yaml'}:2:8: YAML aliases (*name) are not allowed "
        "in a claims file; write the value out in full"
    ]
    assert elapsed < 0.5


def test_an_anchor_that_is_never_used_is_harmless(in_tmp: Path) -> None:
    Path("claims.yaml").write_text("claims:\n- &first\n  id: a\n  text: abc\n", encoding="utf-8")

    assert load_claims(Path("claims.yaml")).lines == {"a": 2}


def test_deep_nesting_is_refused(in_tmp: Path) -> None:
    assert problems_in("claims: " + "[" * (MAX_DEPTH + 5)) == [
        f"claims.yaml:1:{8 + MAX_DEPTH}: lists and mappings are nested more than "
        f"{MAX_DEPTH} deep; a claims file needs only a few levels"
    ]


def test_a_file_over_the_size_limit_is_refused_unread(in_tmp: Path) -> None:
    Path("claims.yaml").write_bytes(b"#" * (MAX_FILE_BYTES + 1))

    with pytest.raises(ClaimsError) as caught:
        load_claims(Path("claims.yaml"))

    assert caught.value.problems == [
        "claims.yaml: the file is larger than 1 MB; "
        "a claims file is a short list of claims, check that this is the right file"
    ]


def test_text_that_is_not_utf8_is_located(in_tmp: Path) -> None:
    Path("claims.yaml").write_bytes(b"claims:\n- id: a\n  text: caf\xe9 au lait\n")

    with pytest.raises(ClaimsError) as caught:
        load_claims(Path("claims.yaml"))

    assert caught.value.problems == [
        "claims.yaml:3:12: not UTF-8 text (byte 0xe9); save the file with UTF-8 encoding"
    ]


def test_control_characters_are_located(in_tmp: Path) -> None:
    assert problems_in("claims:\n- id: a\n  text: a\x07bc\n") == [
        "claims.yaml:3:10: the character U+0007 is not allowed in YAML; remove it"
    ]


# --- schema -------------------------------------------------------------------------------


def test_the_schema_describes_a_claim() -> None:
    schema = claims_json_schema()

    assert schema["required"] == ["claims"]
    assert schema["$defs"]["Claim"]["required"] == ["id", "text"]
    assert schema["$defs"]["Verdict"]["enum"] == [v.value for v in Verdict]


def test_the_schema_file_is_up_to_date() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == claims_json_schema_text(), (
        "schema/claims.schema.json is stale; regenerate it with "
        "`dossier schema > schema/claims.schema.json`"
    )


def test_slugify_makes_ids_from_words() -> None:
    assert slugify("U.S. troops in Syria: about 900!") == "u-s-troops-in-syria-about-900"
    assert slugify("¿?") == "claim"


# --- command line -------------------------------------------------------------------------


def test_validate_counts_the_claims_of_a_valid_file() -> None:
    path = FIXTURES / "valid.yaml"

    result = runner.invoke(app, ["validate", "--claims", str(path)])

    assert result.exit_code == 0, result.output
    assert result.stdout == f"{path}: 3 claims, all valid\n"


def test_validate_prints_one_error_line_per_problem(in_tmp: Path) -> None:
    Path("claims.yaml").write_text("claims:\n  - id: a\n    expect: suported\n", encoding="utf-8")

    result = runner.invoke(app, ["validate"])

    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Error: claims.yaml:2:5: claims[0].text: field required; "
        "add 'text: ...' (the claim as a fact-checker would phrase it)\n"
        "Error: claims.yaml:3:13: claims[0].expect: 'suported' is not a verdict; "
        "use one of supported, contradicted, disputed, unverified\n"
    )


def test_validate_names_a_missing_file(in_tmp: Path) -> None:
    result = runner.invoke(app, ["validate", "--claims", "missing.yaml"])

    assert result.exit_code == 2
    assert result.stderr == (
        "Error: missing.yaml: file not found; check the path given with --claims\n"
    )


def test_schema_prints_the_json_schema() -> None:
    result = runner.invoke(app, ["schema"])

    assert result.exit_code == 0, result.output
    assert result.stdout == claims_json_schema_text()
    assert json.loads(result.stdout) == claims_json_schema()
    assert result.stdout.endswith("}\n")
