"""dossier add: a claim appended to the claims file, every other byte of it left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.claims.edit import add_claim
from dossier.claims.load import load_claims
from dossier.cli import app
from dossier.errors import ClaimsError
from dossier.models import Verdict

runner = CliRunner()


COMMENTED = """\
# The claims of this dossier.   (comments, spacing and quoting stay exactly as written)
title: "A dossier"

claims:
  # --- first section ---
  - id: first
    text: 'The first claim.'   # a trailing comment
    tags: [a,b]

  - id: second
    text: The second claim.
    notes: >-
      Folded notes
      over two lines.

# after the claims
as_of: 2024-03-15
"""


def test_add_appends_a_claim_and_leaves_every_other_byte_alone(in_tmp: Path) -> None:
    Path("claims.yaml").write_text(COMMENTED, encoding="utf-8")

    claim = add_claim(
        Path("claims.yaml"),
        "US forces: about 500 in Syria.",
        id=None,
        expect=Verdict.DISPUTED,
        tags=["us", "quantity"],
    )

    assert claim.id == "us-forces-about-500-in-syria"
    assert Path("claims.yaml").read_text(encoding="utf-8") == COMMENTED.replace(
        "      over two lines.\n",
        "      over two lines.\n"
        "\n"
        "  - id: us-forces-about-500-in-syria\n"
        "    text: 'US forces: about 500 in Syria.'\n"
        "    expect: disputed\n"
        "    tags: [us, quantity]\n",
    )
    assert load_claims(Path("claims.yaml")).lines["us-forces-about-500-in-syria"] == 16


def test_add_follows_the_layout_of_the_list(in_tmp: Path) -> None:
    Path("claims.yaml").write_text("claims:\n- id: a\n  text: abc", encoding="utf-8")

    add_claim(Path("claims.yaml"), "A new claim", id="new", expect=None, tags=[])

    assert Path("claims.yaml").read_text(encoding="utf-8") == (
        "claims:\n- id: a\n  text: abc\n- id: new\n  text: A new claim\n"
    )


def test_add_to_an_empty_list(in_tmp: Path) -> None:
    Path("claims.yaml").write_text("claims: []  # none yet\ntitle: T\n", encoding="utf-8")

    add_claim(Path("claims.yaml"), "A new claim", id=None, expect=None, tags=["x"])

    assert Path("claims.yaml").read_text(encoding="utf-8") == (
        "claims:   # none yet\n"
        "  - id: a-new-claim\n    text: A new claim\n    tags: [x]\n"
        "title: T\n"
    )


def test_add_keeps_windows_line_breaks(in_tmp: Path) -> None:
    Path("claims.yaml").write_bytes(b"claims:\r\n  - id: a\r\n    text: abc\r\n")

    add_claim(Path("claims.yaml"), "A new claim", id=None, expect=None, tags=[])

    assert Path("claims.yaml").read_bytes() == (
        b"claims:\r\n  - id: a\r\n    text: abc\r\n  - id: a-new-claim\r\n    text: A new claim\r\n"
    )


def test_add_makes_the_id_unique(in_tmp: Path) -> None:
    Path("claims.yaml").write_text("claims:\n- id: a-claim\n  text: abc\n", encoding="utf-8")

    first = add_claim(Path("claims.yaml"), "A claim!", id=None, expect=None, tags=[])
    second = add_claim(Path("claims.yaml"), "A claim?", id=None, expect=None, tags=[])

    assert (first.id, second.id) == ("a-claim-2", "a-claim-3")


def test_add_refuses_a_taken_or_bad_id_and_leaves_the_file_alone(in_tmp: Path) -> None:
    Path("claims.yaml").write_text(COMMENTED, encoding="utf-8")

    with pytest.raises(ClaimsError) as taken:
        add_claim(Path("claims.yaml"), "Some claim", id="second", expect=None, tags=[])
    with pytest.raises(ClaimsError) as bad:
        add_claim(Path("claims.yaml"), "ab", id="Bad Id", expect=None, tags=[])

    assert taken.value.problems == [
        "claims.yaml:10: the id 'second' is already taken here; choose another with --id"
    ]
    assert bad.value.problems == [
        "claims.yaml: the new claim's id: 'Bad Id' is not a valid id; an id is a slug: "
        "lowercase letters and digits, in words joined by single hyphens, "
        "e.g. us-troops-in-syria (try 'bad-id')",
        "claims.yaml: the new claim's text: too short (2 characters, at least 3 needed)",
    ]
    assert Path("claims.yaml").read_text(encoding="utf-8") == COMMENTED
    assert [p.name for p in in_tmp.iterdir()] == ["claims.yaml"]


def test_add_refuses_an_invalid_file(in_tmp: Path) -> None:
    Path("claims.yaml").write_text("claims:\n- id: a\n", encoding="utf-8")

    with pytest.raises(ClaimsError) as caught:
        add_claim(Path("claims.yaml"), "A new claim", id=None, expect=None, tags=[])

    assert caught.value.problems == [
        "claims.yaml:2:3: claims[0].text: field required; "
        "add 'text: ...' (the claim as a fact-checker would phrase it)"
    ]


def test_add_command_prints_the_new_id(in_tmp: Path) -> None:
    Path("claims.yaml").write_text(COMMENTED, encoding="utf-8")

    result = runner.invoke(
        app, ["add", "The third claim.", "--expect", "supported", "--tag", "x", "--tag", "y"]
    )

    assert result.exit_code == 0, result.output
    assert result.stdout == "the-third-claim\n"
    assert load_claims(Path("claims.yaml")).claims[-1].tags == ["x", "y"]


def test_add_command_refuses_an_unknown_verdict(in_tmp: Path) -> None:
    Path("claims.yaml").write_text(COMMENTED, encoding="utf-8")

    result = runner.invoke(app, ["add", "The third claim.", "--expect", "suported"])

    assert result.exit_code == 2
    assert result.stderr == (
        "Error: 'suported' is not a verdict; "
        "use one of supported, contradicted, disputed, unverified\n"
    )
    assert Path("claims.yaml").read_text(encoding="utf-8") == COMMENTED
