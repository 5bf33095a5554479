"""The Markdown reader: a YAML front matter is metadata, not text; a bad one is a warning."""

from __future__ import annotations

from readerfiles import READERS

from dossier.corpus.readers.md import READER

ARTICLE = (READERS / "mixed" / "2024-03-19-ministry.md").read_bytes()


def test_the_front_matter_is_metadata_and_not_text() -> None:
    found = READER.read(ARTICLE, "ministry.md")
    assert found.meta.title == "Ministry orders safety review of all ports"
    assert found.meta.outlet == "Northern Ledger"
    assert found.meta.author == "Jonas Berg"
    assert found.meta.url == "https://northernledger.example/2024/ministry-ports"
    assert "Northern Ledger" not in found.text and "tags" not in found.text
    assert found.said == ()


def test_every_line_keeps_its_number() -> None:
    text = READER.read(ARTICLE, "ministry.md").text
    lines = ARTICLE.decode().splitlines()
    assert text.splitlines()[7:] == lines[7:]
    assert text.splitlines()[:7] == [""] * 7


def test_a_file_without_front_matter_is_its_text() -> None:
    data = b"# Title\n\n---\nNot a front matter: not at the top.\n---\n"
    found = READER.read(data, "a.md")
    assert found.text == data.decode()
    assert found.meta.model_fields_set == set()


def test_a_bad_front_matter_is_a_warning_naming_file_and_line() -> None:
    data = b"---\ntitle: Fine\ndate: 2024-13-45\n---\nThe body.\n"
    found = READER.read(data, "corpus/a.md")
    assert found.text == "\n\n\n\nThe body.\n"
    assert found.meta.title is None
    (said,) = found.said
    assert said.startswith("corpus/a.md:3:")
    assert "not a date" in said and said.endswith("The front matter is ignored.")


def test_front_matter_that_is_not_yaml_is_a_warning_and_read_as_text() -> None:
    data = b"---\ntitle: [unclosed\n---\nBody.\n"
    found = READER.read(data, "a.md")
    (said,) = found.said
    assert said.startswith("a.md:3:1: the front matter is not valid YAML")
    assert said.endswith("; it is read as text.")
    assert found.text == data.decode()


def test_prose_between_rules_at_the_top_is_text() -> None:
    data = b"---\nThe council met on Monday.\n---\nBody.\n"
    found = READER.read(data, "a.md")
    assert found.text == data.decode()
    assert found.said == ("a.md:2: the front matter is not a YAML mapping; it is read as text.",)


def test_a_url_that_is_no_web_address_is_a_warning() -> None:
    found = READER.read(b"---\nurl: javascript:alert(1)\n---\nBody.\n", "a.md")
    (said,) = found.said
    assert said.startswith("a.md:2: url: 'javascript:alert(1)' is not a web address")
    assert found.meta.url is None
