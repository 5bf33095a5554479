"""Every output format, and writing the outputs: rendered first, then written atomically.

``RENDERERS`` is the one table of output formats, in the order they are written; each is a
module beside this one (see ``interface``).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from dossier.errors import DossierError, RenderError
from dossier.models import Report, SourceRow
from dossier.render import html, json, pdf
from dossier.render.interface import Renderer, Rendering
from dossier.render.view import templates_dir

RENDERERS: dict[str, Renderer] = {r.name: r for r in (html.RENDERER, pdf.RENDERER, json.RENDERER)}
"""Every output format by name, in the order they are written."""

FORMATS = tuple(RENDERERS)


def parse_formats(spec: str) -> set[str]:
    """'html,pdf' -> {'html', 'pdf'}; unknown names are a usage error."""
    wanted = {part.strip().lower() for part in spec.split(",") if part.strip()}
    unknown = sorted(wanted - set(FORMATS))
    if unknown or not wanted:
        raise DossierError(
            f"--format: unknown output {', '.join(repr(u) for u in unknown) or 'none given'}; "
            f"use a comma-separated list of {', '.join(FORMATS)}"
        )
    return wanted


# --- writing --------------------------------------------------------------------------------


def _prepare(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise RenderError(
            f"--out {out_dir} is a file, not a folder; choose a folder for the dossier."
        )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise RenderError(f"cannot create the output folder {out_dir}: {err.strerror}.") from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise RenderError(f"cannot write to the output folder {out_dir}: permission denied.")


def _write_all(files: dict[Path, bytes]) -> None:
    """Write every file to a temporary name beside it, then rename them all into place.

    Nothing is renamed until every file is fully written, so a full disk or an interrupt
    (even Ctrl-C) leaves the previous dossier whole and no temporary file behind.
    """
    temps: dict[Path, str] = {}
    current: Path | None = None
    try:
        for path, data in files.items():
            current = path
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            temps[path] = tmp
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
        for path, tmp in temps.items():
            current = path
            os.replace(tmp, path)
    except BaseException as err:
        for tmp in temps.values():
            if os.path.exists(tmp):
                os.unlink(tmp)
        if isinstance(err, OSError):
            raise RenderError(f"cannot write {current}: {err.strerror or err}.") from None
        raise


def check_formats(formats: set[str]) -> None:
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise RenderError(
            f"unknown output format {', '.join(unknown)}; choose from {', '.join(FORMATS)}."
        )


def render_outputs(
    report: Report,
    formats: set[str],
    evidence: Mapping[int, bytes] | None = None,
    sources: Sequence[SourceRow] | None = None,
) -> dict[str, bytes]:
    """Each requested format rendered (format name -> bytes). `json` alone never imports
    weasyprint. ``evidence``: claims whose evidence is given as JSON, and ``sources``: the
    sources as rows (see ``json.json_with_evidence``), for `json` alone."""
    check_formats(formats)
    if (evidence or sources is not None) and formats != {"json"}:
        raise ValueError("render_outputs: evidence or sources apart render the JSON alone")
    rendering = Rendering(report, evidence or {}, sources)
    return {name: r.render(rendering) for name, r in RENDERERS.items() if name in formats}


def write_rendered(out_dir: Path, rendered: dict[str, bytes]) -> list[Path]:
    """Write rendered outputs atomically into ``out_dir``; returns the paths written."""
    _prepare(out_dir)
    files = {
        out_dir / r.file_name: rendered[name] for name, r in RENDERERS.items() if name in rendered
    }
    _write_all(files)
    return list(files)


def write_kept(out_dir: Path, files: Mapping[str, Path]) -> list[Path]:
    """Write the outputs kept as files (format -> file) into ``out_dir`` as ``write_rendered``
    would; an output that already is its kept file (the same file: the cache keeps a link to
    what it wrote) is left as it is. Returns the paths."""
    _prepare(out_dir)
    targets = {name: out_dir / r.file_name for name, r in RENDERERS.items() if name in files}
    copies = {}
    for fmt, target in targets.items():
        try:
            same = os.path.samefile(target, files[fmt])
        except OSError:
            same = False
        if not same:
            copies[target] = files[fmt].read_bytes()
    _write_all(copies)
    return list(targets.values())


def write_outputs(report: Report, out_dir: Path, formats: set[str]) -> list[Path]:
    """Render the requested formats, then write each one atomically; returns the paths written.

    Everything is rendered before anything is written, so a failed render leaves the previous
    dossier as it was. `json` alone never imports weasyprint.
    """
    check_formats(formats)
    _prepare(out_dir)
    return write_rendered(out_dir, render_outputs(report, formats))


def output_version() -> str:
    """A hash of what the HTML and JSON outputs depend on besides the report: the templates
    and the libraries that render them (the build cache keeps outputs under it)."""
    from importlib.metadata import version

    digest = hashlib.sha256(f"{version('jinja2')}\0{version('pydantic')}".encode())
    root = templates_dir()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
