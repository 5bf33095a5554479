"""The PDF dossier: the HTML printed by weasyprint (A4, an outline entry per heading), which
fetches nothing but the files of the templates folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from dossier.render.html import page
from dossier.render.interface import Renderer, Rendering
from dossier.render.view import templates_dir

if TYPE_CHECKING:
    from weasyprint.urls import URLFetcherResponse


def _local_only_fetcher() -> Any:
    """A weasyprint URL fetcher that serves files of the templates folder and refuses the rest."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = templates_dir().resolve()

    class LocalOnlyFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            parts = urlsplit(url)
            if parts.scheme == "file" and not parts.netloc:
                path = Path(parts.path).resolve()
                if path.is_relative_to(root) and path.is_file():
                    return URLFetcherResponse(url, path.read_bytes())
            raise ValueError(f"dossier does not fetch {url[:80]!r}")

    return LocalOnlyFetcher()


def render_pdf(html: str) -> bytes:
    """The PDF of the dossier's HTML: A4, outline per heading, dates fixed by the HTML."""
    import weasyprint

    document = weasyprint.HTML(
        string=html,
        base_url=templates_dir().resolve().as_uri() + "/",
        url_fetcher=_local_only_fetcher(),
    )
    pdf: bytes = document.write_pdf()
    return pdf


def _pdf(rendering: Rendering) -> bytes:
    return render_pdf(page(rendering))


RENDERER = Renderer("pdf", _pdf)
