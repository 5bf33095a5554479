"""``dossier init [DIR]``: start a dossier in a folder of its own.

It writes the files a dossier project needs (``FILES``), each from a template in
``init_templates/`` beside this module, and the JSON Schemas its YAML files point to, so an
editor completes and checks them from the first line. It never writes over a file: when any
file it would write exists, it names each one and writes nothing (``force`` replaces them).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shlex
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from dossier import __version__
from dossier.atomic import replace_file
from dossier.claims.load import claims_json_schema_text
from dossier.errors import DossierError
from dossier.sanitise import one_line
from dossier.tools.sources import HEADER, sources_json_schema_text

if TYPE_CHECKING:
    import jinja2

TEMPLATES_DIR = Path(__file__).resolve().parent / "init_templates"
DEFAULT_TITLE = "Fact-check dossier"


class InitError(DossierError):
    """The folder cannot be made a dossier: a file is in the way, or it cannot be written."""


class Context(NamedTuple):
    """What the templates fill in."""

    title: str
    as_of: dt.date
    version: str
    header: str


def _template(name: str) -> Callable[[Context], str]:
    def render(context: Context) -> str:
        return _environment().get_template(name).render(context._asdict())

    return render


def _schema(text: Callable[[], str]) -> Callable[[Context], str]:
    return lambda _context: text()


FILES: dict[str, Callable[[Context], str]] = {
    "claims.yaml": _template("claims.yaml.j2"),
    "corpus/sources.yaml": _template("sources.yaml.j2"),
    "schema/claims.schema.json": _schema(claims_json_schema_text),
    "schema/sources.schema.json": _schema(sources_json_schema_text),
    ".gitignore": _template("gitignore.j2"),
    ".github/workflows/dossier.yml": _template("dossier.yml.j2"),
    ".pre-commit-config.yaml": _template("pre-commit-config.yaml.j2"),
}
"""Every file ``init`` writes (its path in the new folder) and how its text is made."""


class Initialised(NamedTuple):
    folder: Path
    written: list[Path]


def init_project(folder: Path, today: dt.date, *, force: bool = False) -> Initialised:
    """Write a new dossier's files into ``folder`` (created when missing), its ``as_of`` set to
    ``today``. Nothing is written when a file is in the way: each one is named, and a file
    that exists is replaced only with ``force``; a folder or a file where a folder is needed
    is never replaced."""
    if folder.exists() and not folder.is_dir():
        raise InitError(
            f"{folder}: is a file, not a folder; give the folder to start the dossier in "
            "(a new one is created)."
        )
    problems = _in_the_way(folder, force)
    if problems:
        raise InitError(*problems)
    context = Context(title=_title(folder), as_of=today, version=__version__, header=HEADER)
    texts = {folder / rel: make(context) for rel, make in FILES.items()}
    written: list[Path] = []
    new: list[Path] = []
    try:
        for path, text in texts.items():
            _make_folder(path.parent)
            if not _exists(path):
                new.append(path)
            replace_file(path, text, InitError)
            written.append(path)
    except BaseException:
        for path in new:  # a full disk or Ctrl-C leaves no half-made dossier to refuse next time
            path.unlink(missing_ok=True)
        raise
    return Initialised(folder, written)


def _in_the_way(folder: Path, force: bool) -> list[str]:
    """Why each file ``init`` would write cannot be written as it stands, in ``FILES`` order."""
    problems: list[str] = []
    existing: list[str] = []
    seen: set[Path] = set()
    for rel in FILES:
        path = folder / rel
        for parent in reversed(Path(rel).parents[:-1]):  # corpus/, .github/, .github/workflows/
            where = folder / parent
            if where not in seen and _exists(where) and not where.is_dir():
                problems.append(
                    f"{where}: is a file where dossier init needs a folder (for {rel}); "
                    "move it away first."
                )
            seen.add(where)
        if path.is_dir():
            problems.append(f"{path}: is a folder where dossier init writes a file; move it away.")
        elif _exists(path):
            existing.append(str(path))
    if existing and not force:
        problems.extend(f"{path}: already exists." for path in existing)
        problems.append(
            "dossier init never writes over a file, and wrote nothing: start the dossier in a "
            "new folder, or rerun with --force to replace these files."
        )
    return problems


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InitError(f"{folder}: cannot be created ({err.strerror or err}).") from None


def _exists(path: Path) -> bool:
    """Whether anything is at ``path``, a broken symbolic link too."""
    return os.path.lexists(path)


def _title(folder: Path) -> str:
    """The dossier's title, after the folder's name (``harbour-bridge``) when it prints."""
    name = folder.resolve().name
    return f"{name} — fact-check dossier" if name and name.isprintable() else DEFAULT_TITLE


def format_initialised(result: Initialised) -> str:
    """What ``dossier init`` prints: each file written, then what to do next. A path is shown
    on one line whatever its name holds (``sanitise.one_line``)."""
    folder = result.folder
    lines = [f"wrote {one_line(str(path))}" for path in result.written]
    here = folder.resolve() == Path.cwd().resolve()
    build = ("" if here else f"cd {one_line(shlex.quote(str(folder)))} && ") + "dossier build"
    width = len(build) + 2
    lines += [
        "",
        f"Next, copy the articles into {one_line(str(folder / 'corpus'))}/ and write the claims "
        f"in {one_line(str(folder / 'claims.yaml'))}, then run:",
        f"  {build:<{width}}# writes the dossier to out/",
        f"  {'dossier lock':<{width}}# records its verdicts in dossier.lock: commit it, "
        "CI checks it",
        f"For CI, write in {one_line(str(folder / '.github/workflows/dossier.yml'))} where to "
        "install dossier from (DOSSIER).",
    ]
    return "\n".join(lines) + "\n"


def _yaml_string(value: str) -> str:
    """``value`` as a YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(value, ensure_ascii=False)


@cache
def _environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=False,  # YAML, not HTML: values go through the yaml_string filter
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["yaml_string"] = _yaml_string
    return env
