"""A real web server on the loopback address, in a thread, for ``dossier import``'s tests: each
path answers as a news site, a broken one or a hostile one does. ``silent()`` is a server that
takes the connection and never answers."""

from __future__ import annotations

import contextlib
import functools
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

from dossier.corpus.files import MAX_FILE_BYTES

Answer = Callable[[BaseHTTPRequestHandler], None]

PAGE = b"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Storm closes Port Aldric | Coastal Herald</title>
<meta property="og:title" content="Storm closes Port Aldric for three days">
<meta property="og:site_name" content="Coastal Herald">
<meta name="author" content="Mara Lindqvist">
<meta property="article:published_time" content="2024-03-18T09:30:00+00:00">
<link rel="canonical" href="https://coastalherald.example/news/storm">
</head><body><article><h1>Storm closes Port Aldric for three days</h1>
<p>A storm closed Port Aldric harbour on Sunday, and the harbour authority said it would stay
closed until Wednesday while two damaged cranes are inspected.</p>
<p>About 400 dock workers were sent home, the authority said in a statement on Monday.</p>
</article></body></html>
"""


def pdf_bytes() -> bytes:
    import weasyprint

    html = (
        "<title>Inquiry into the harbour fire</title><p>The inquiry found that the warehouse "
        "stored 300 tonnes of fertiliser, the prosecutor said on Tuesday.</p>"
    )
    return bytes(weasyprint.HTML(string=html).write_pdf())


def body(data: bytes, kind: str) -> Answer:
    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", kind)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    return answer


def redirect(to: str) -> Answer:
    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", to)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer


def status(code: int) -> Answer:
    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_error(code)

    return answer


def said_too_large(handler: BaseHTTPRequestHandler) -> None:
    """Says a length over the limit, and sends nothing of it."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(MAX_FILE_BYTES + 1))
    handler.end_headers()


def streams_too_much(handler: BaseHTTPRequestHandler) -> None:
    """Says no length and sends more than the limit, until the client hangs up."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    chunk = b"<p>" + b"x" * (1024 * 1024 - 7) + b"</p>\n"
    with contextlib.suppress(OSError):
        for _ in range(MAX_FILE_BYTES // len(chunk) + 2):
            handler.wfile.write(chunk)


def trickles(handler: BaseHTTPRequestHandler) -> None:
    """Sends a byte every 50 ms (each wait short, the whole long), until the client hangs up."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.end_headers()
    with contextlib.suppress(OSError):
        for _ in range(200):
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(0.05)


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, Answer]] = {}

    def do_GET(self) -> None:
        answer = self.routes.get(self.path)
        (answer or status(404))(self)

    def log_message(self, format: str, *args: object) -> None:
        pass  # (quiet)


@contextlib.contextmanager
def serve(routes: dict[str, Answer]) -> Iterator[str]:
    """A server on 127.0.0.1 answering ``routes`` (any other path: 404); yields its base URL."""
    handler = type("Handler", (_Handler,), {"routes": routes})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def silent() -> Iterator[str]:
    """A server that takes connections (the kernel does) and never answers; yields its URL."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/article.html"
    finally:
        listener.close()


@functools.cache
def news_site() -> dict[str, Answer]:
    """What the tests' server holds, by path."""
    return {
        "/article.html": body(PAGE, "text/html; charset=utf-8"),
        "/news/storm": body(PAGE, "text/html"),
        "/reports/inquiry": body(pdf_bytes(), "application/pdf"),
        "/wire.txt": body(
            "Dock workers’ union calls a strike.\n".encode("cp1252"),
            "text/plain; charset=windows-1252",
        ),
        "/notes.md": body(b"# Notes\n\nThe port reopens on Wednesday.\n", "text/plain"),
        "/old-address": redirect("/news/storm"),
        "/to-ftp": redirect("ftp://127.0.0.1/article.html"),
        "/to-file": redirect("file:///etc/passwd"),
        "/loop": redirect("/loop"),
        "/gone": status(404),
        "/broken": status(500),
        "/said-too-large": said_too_large,
        "/streams-too-much": streams_too_much,
        "/trickles": trickles,
        "/photo.png": body(b"\x89PNG\r\n\x1a\n", "image/png"),
        "/empty.html": body(b"<html><body></body></html>", "text/html"),
    }
