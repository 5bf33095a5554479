"""The README and docs/ keep up with the code: every command has help text and is named in the
README's commands section; every page the README links to exists; no commit hashes in it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer.main
from typer.core import TyperCommand, TyperGroup

from dossier.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    """The README's text under ``## title``, up to the next section."""
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def walk(command: object, path: tuple[str, ...] = ()) -> Iterator[tuple[str, TyperCommand]]:
    """Every command a user can run, as ``dossier build`` or ``dossier source set``, with itself."""
    if isinstance(command, TyperGroup):
        for name, sub in command.commands.items():
            yield from walk(sub, (*path, name))
    else:
        assert isinstance(command, TyperCommand), command
        yield " ".join(("dossier", *path)), command


COMMANDS = dict(walk(typer.main.get_command(app)))


def test_the_cli_has_the_commands_this_test_knows() -> None:
    assert {"dossier build", "dossier check", "dossier source set"} <= COMMANDS.keys()


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_text(name: str) -> None:
    assert COMMANDS[name].get_short_help_str(limit=200).strip(), name


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_named_in_the_readme_commands_section(name: str) -> None:
    lines = section("Commands").splitlines()

    assert any(line.startswith(name + " ") for line in lines), name


def test_the_readme_links_only_to_pages_that_exist() -> None:
    links = re.findall(r"\]\(((?:docs/)?[\w./-]+\.md)(?:#[\w-]*)?\)", README)

    assert "docs/ci.md" in links
    assert [link for link in links if not (ROOT / link).is_file()] == []


def test_the_docs_link_only_to_pages_that_exist() -> None:
    for page in (ROOT / "docs").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        links = re.findall(r"\]\(([\w./-]+\.md)(?:#[\w-]*)?\)", text)
        assert [link for link in links if not (page.parent / link).is_file()] == [], page.name


def test_the_readme_names_no_commit() -> None:
    hexadecimal = r"(?<![\w/])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{7,12}(?![\w/])"
    hashes = re.findall(hexadecimal, README)

    assert hashes == []
