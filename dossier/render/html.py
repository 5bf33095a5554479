"""The HTML dossier: one self-contained page from the jinja2 templates (the stylesheets are
inlined), autoescaped, every undefined name an error."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from dossier.errors import RenderError
from dossier.models import Report
from dossier.render.interface import Renderer, Rendering
from dossier.render.view import DossierView, build_view, register_filters, templates_dir

if TYPE_CHECKING:
    import jinja2


@cache
def _environment() -> jinja2.Environment:
    import jinja2  # here: a JSON build renders no template

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    register_filters(env)
    return env


def render_html(report: Report) -> str:
    return render_view(build_view(report))


def render_view(view: DossierView) -> str:
    """The HTML of a view: the whole dossier, or the part of it the view says."""
    import jinja2

    try:
        template = _environment().get_template("dossier.html.j2")
    except jinja2.TemplateNotFound as err:
        raise RenderError(f"the template {err.name} is missing from {templates_dir()}.") from None
    return template.render(view=view)


def page(rendering: Rendering) -> str:
    """The HTML of the report being rendered, made once (the PDF is printed from it)."""
    return rendering.shared("html", lambda: render_html(rendering.report))


def _html(rendering: Rendering) -> bytes:
    return page(rendering).encode("utf-8")


RENDERER = Renderer("html", _html)
