"""``dossier import FILE|URL...``: copy or fetch articles into the corpus folder.

Each article is read by the reader of its kind (``corpus.files.extract``) before it is written,
so that a file a build would skip is never imported. It is named after what the reader found,
``<outlet>-<date>-<slug of the title>.<ext>`` (a part not found is left out; an existing file is
never written over: ``-2``, ``-3`` are added), and its entry in ``sources.yaml`` gets the fields
the reader found, and only those, through ``tools.sources.set_source`` (comments and order
kept). For a fetched page the ``url`` is the address it was fetched from.

Fetching uses the standard library (``urllib``): http and https only, redirects only to http
or https, at most ``MAX_FILE_BYTES`` (the limit a build reads, told by ``Content-Length`` or
counted as it arrives), and a time limit on the whole download as well as on each wait.
"""

from __future__ import annotations

import datetime as dt
import http.client
import os
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from http import HTTPStatus
from pathlib import Path, PurePosixPath
from typing import IO
from urllib.parse import unquote, urljoin, urlsplit

from anyascii import anyascii

from dossier import __version__
from dossier.claims.load import slugify
from dossier.corpus.files import (
    ARTICLE_SUFFIXES,
    MAX_FILE_BYTES,
    Warn,
    article_text,
    extract,
    reader_for,
)
from dossier.corpus.readers.interface import Extracted, Unreadable
from dossier.corpus.sources import SOURCES_FILE, date_in_name, web_address_problem
from dossier.errors import CorpusError, DossierError
from dossier.models import SourceMeta
from dossier.sanitise import one_line
from dossier.tools.sources import set_source

DEFAULT_TIMEOUT = 30.0
"""Seconds a download may take, in all (and the longest wait for the server)."""

WRITTEN_FIELDS = ("title", "outlet", "date", "url")
"""What an import writes in ``sources.yaml``, when the reader found it."""

SUFFIX_OF_TYPE = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
}
"""The article file a fetched page is saved as, by its ``Content-Type``."""

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")
_CHUNK = 64 * 1024


class ImportFailed(DossierError):
    """One article could not be imported: the sentence says which, and why."""


@dataclass(frozen=True)
class Imported:
    """An article now in the corpus folder."""

    source: str
    """The file or address as given."""
    path: Path
    """Where it was written."""
    meta: SourceMeta
    """What its reader found, as written in ``sources.yaml``."""


@dataclass(frozen=True)
class Failed:
    """An article that was not imported; nothing of it was written."""

    source: str
    problem: str


@dataclass(frozen=True)
class _Fetched:
    data: bytes
    suffix: str
    url: str
    """Where it came from, after redirects."""


def import_articles(
    sources: list[str], corpus: Path, *, timeout: float = DEFAULT_TIMEOUT, warn: Warn
) -> Iterator[Imported | Failed]:
    """Import each of ``sources`` (a file or an http(s) address) into the folder ``corpus``,
    in order; one that fails is told as ``Failed`` and the others go on."""
    if not corpus.is_dir():
        raise CorpusError(
            f"{corpus}: corpus folder not found; start a dossier with: dossier init, "
            "or give the folder with --corpus."
        )
    for source in sources:
        try:
            yield import_one(source, corpus, timeout=timeout, warn=warn)
        except DossierError as err:
            yield Failed(source, "; ".join(err.problems))


def import_one(source: str, corpus: Path, *, timeout: float, warn: Warn) -> Imported:
    """Import one file or web address into ``corpus``; ``ImportFailed`` when it cannot be."""
    if _is_address(source):
        fetched = fetch(source, timeout=timeout)
        found = _read(fetched.data, f"page{fetched.suffix}", source)
        meta = found.meta.model_copy(update={"url": fetched.url})
        data, suffix, fallback = fetched.data, fetched.suffix, _address_stem(fetched.url)
    else:
        path = Path(source)
        if path.is_dir():
            raise ImportFailed(f"{source}: not imported: a folder; give the article files in it.")
        suffix = path.suffix.lower()
        if suffix not in ARTICLE_SUFFIXES:
            raise ImportFailed(
                f"{source}: not imported: not an article file; dossier reads "
                f"{', '.join(sorted(ARTICLE_SUFFIXES))} files."
            )
        if path.resolve().parent == corpus.resolve() or corpus.resolve() in path.resolve().parents:
            raise ImportFailed(
                f"{source}: not imported: it is in the corpus folder {corpus} already; "
                "describe it with: dossier source set"
            )
        if not path.exists():
            raise ImportFailed(f"{source}: not imported: no such file.")
        try:
            data, found = article_text(source, source)
        except Unreadable as err:
            raise ImportFailed(f"{source}: not imported: {err}.") from None
        meta = _article(found, source).meta
        fallback = path.stem
        if meta.date is None and (named := date_in_name(path.name)) is not None:
            meta = meta.model_copy(update={"date": named})  # the corpus reads it so too
            fallback = fallback.replace(named.isoformat(), "").strip(" -_") or fallback
    for said in found.said:
        warn(said)
    written = _kept_fields(meta)
    target = _write_new(corpus, file_name(written, fallback), suffix, data)
    changes = {
        field: value.isoformat() if isinstance(value, dt.date) else str(value)
        for field in WRITTEN_FIELDS
        if (value := getattr(written, field)) is not None
    }
    if changes:
        try:
            set_source(corpus, target.name, changes)
        except DossierError as err:
            target.unlink(missing_ok=True)
            raise ImportFailed(
                f"{source}: not imported: {(corpus / SOURCES_FILE).as_posix()} cannot take "
                f"its entry: {'; '.join(err.problems)}"
            ) from None
    return Imported(source, target, written)


def _is_address(source: str) -> bool:
    """Whether ``source`` is a web address (or some other URL), not a file: it starts with a
    scheme of two letters or more (``C:`` is a drive) and names no file that exists."""
    return _SCHEME.match(source) is not None and not os.path.lexists(source)


def _read(data: bytes, name: str, where: str) -> Extracted:
    try:
        found = extract(data, name, where)
    except Unreadable as err:
        raise ImportFailed(f"{where}: not imported: {err}.") from None
    return _article(found, where)


def _article(found: Extracted, where: str) -> Extracted:
    """``found``, when it holds an article (an empty file is skipped by a build)."""
    if not found.text.strip():
        raise ImportFailed(f"{where}: not imported: it is empty.")
    return found


def _kept_fields(meta: SourceMeta) -> SourceMeta:
    """What of ``meta`` is written: the fields ``sources.yaml`` holds, a blank one left out,
    and a URL only when it is a web address."""
    values = {}
    for field in WRITTEN_FIELDS:
        value = getattr(meta, field)
        if isinstance(value, str):
            value = " ".join(value.split()) or None
            if field == "url" and value is not None and web_address_problem(value) is not None:
                value = None
        values[field] = value
    return SourceMeta(**values)


# --- naming -------------------------------------------------------------------------------


def file_name(meta: SourceMeta, fallback: str) -> str:
    """``<outlet>-<date>-<slug>`` from what was found (a part not found is left out; with
    no title, the slug is made from ``fallback``, the file's or address's own name)."""
    parts = [
        _slug(meta.outlet) if meta.outlet else None,
        meta.date.isoformat() if meta.date else None,
        _slug(meta.title) if meta.title else None,
    ]
    if parts[2] is None:
        parts[2] = _slug(fallback)
    return "-".join(part for part in parts if part) or "article"


def _slug(text: str) -> str | None:
    """An ASCII slug of ``text``, at most 60 characters (None: no letter or digit in it)."""
    ascii = anyascii(text).lower()
    ascii = re.sub(r"[a-z0-9]{61,}", lambda word: word[0][:60], ascii)  # (one word too long)
    return slugify(ascii) if re.search(r"[a-z0-9]", ascii) else None


def _address_stem(url: str) -> str:
    """The name of the page an address ends in (``/news/bridge.html`` -> ``bridge``)."""
    parts = urlsplit(url)
    last = PurePosixPath(unquote(parts.path)).name
    return PurePosixPath(last).stem or parts.hostname or ""


def _write_new(corpus: Path, stem: str, suffix: str, data: bytes) -> Path:
    """Write ``data`` to a new file ``stem + suffix`` in ``corpus``, or ``stem-2``, ``-3``...
    when the name is taken: never over a file (created exclusively)."""
    n = 1
    while True:
        path = corpus / f"{stem if n == 1 else f'{stem}-{n}'}{suffix}"
        try:
            with open(path, "xb") as handle:
                handle.write(data)
        except FileExistsError:
            n += 1
            continue
        except BaseException as err:
            path.unlink(missing_ok=True)  # (ours: it did not exist)
            if isinstance(err, OSError):
                raise ImportFailed(f"{path}: cannot be written ({err.strerror or err}).") from None
            raise
        return path


# --- fetching -----------------------------------------------------------------------------


class _Refused(Exception):
    """A redirect not followed: why."""


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to an http or https address (urllib would follow one to ftp)."""

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
    ) -> IO[bytes] | None:
        location = headers.get("Location") or headers.get("URI")
        if location is not None:
            target = urljoin(req.full_url, location)
            if web_address_problem(target) is not None:
                fp.close()
                raise _Refused(f"it redirects to '{target}', which is not an http or https address")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener() -> urllib.request.OpenerDirector:
    """An opener that speaks http and https only (no ftp, file or data handlers)."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        _HttpOnlyRedirects(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT) -> _Fetched:
    """The article at the http(s) address ``url``; ``ImportFailed`` naming it when it is no
    web address, cannot be fetched in ``timeout`` seconds, is larger than ``MAX_FILE_BYTES``
    or of a type no reader takes."""
    if (problem := web_address_problem(url)) is not None:
        scheme = url.split(":", 1)[0].lower()
        if scheme not in ("http", "https"):
            problem = f"only http and https addresses are fetched, not {scheme}:"
        raise ImportFailed(f"{url}: not imported: {problem}.")
    request = urllib.request.Request(
        url, headers={"User-Agent": f"dossier/{__version__}", "Accept-Encoding": "identity"}
    )
    deadline = time.monotonic() + timeout
    try:
        with _opener().open(request, timeout=timeout) as response:
            final = response.geturl()
            length = response.headers.get("Content-Length")
            if length is not None and length.strip().isdigit() and int(length) > MAX_FILE_BYTES:
                raise ImportFailed(_too_large(url, f"{int(length)} bytes, more than"))
            suffix = _suffix(response.headers, final)
            if suffix is None:
                kind = response.headers.get_content_type()
                raise ImportFailed(
                    f"{url}: not imported: a page of type {kind}, which dossier does not read "
                    "(it reads web pages, PDFs, plain text and Markdown)."
                )
            data = _body(response, url, deadline, timeout)
    except _Refused as err:
        raise ImportFailed(f"{url}: not imported: {err}.") from None
    except urllib.error.HTTPError as err:
        raise ImportFailed(f"{url}: not imported: {_answered(err.code)}.") from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, TimeoutError):
            raise ImportFailed(_timed_out(url, timeout)) from None
        text = getattr(reason, "strerror", None) or str(reason)
        raise ImportFailed(f"{url}: not imported: it cannot be fetched ({text}).") from None
    except TimeoutError:
        raise ImportFailed(_timed_out(url, timeout)) from None
    except (OSError, http.client.HTTPException, ValueError) as err:  # a reset, a bad answer
        text = getattr(err, "strerror", None) or str(err) or type(err).__name__
        raise ImportFailed(f"{url}: not imported: it cannot be fetched ({text}).") from None
    return _Fetched(_utf8(data, response.headers, suffix), suffix, final)


def _body(response: http.client.HTTPResponse, url: str, deadline: float, timeout: float) -> bytes:
    """The body, read as it comes, until ``MAX_FILE_BYTES`` or the ``deadline``."""
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK):  # (what has come: the deadline is checked)
        size += len(chunk)
        if size > MAX_FILE_BYTES:
            raise ImportFailed(_too_large(url, "more than"))
        if time.monotonic() > deadline:
            raise ImportFailed(
                f"{url}: not imported: it did not all come within {timeout:g} seconds."
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _answered(code: int) -> str:
    if 300 <= code < 400:
        return f"it redirects too many times (or in a loop; the last answer was {code})"
    try:
        return f"the server answered {code} {HTTPStatus(code).phrase}"
    except ValueError:
        return f"the server answered {code}"


def _too_large(url: str, size: str) -> str:
    return f"{url}: not imported: it is {size} the limit of {MAX_FILE_BYTES // 2**20} MiB."


def _timed_out(url: str, timeout: float) -> str:
    return f"{url}: not imported: no answer within {timeout:g} seconds."


def _suffix(headers: Message, url: str) -> str | None:
    """The article file suffix of a fetched page: by its type, else by its address's name."""
    kind = headers.get_content_type()
    by_name = PurePosixPath(urlsplit(url).path).suffix.lower()
    if by_name in ARTICLE_SUFFIXES and kind in ("application/octet-stream", "text/plain"):
        return by_name  # (a Markdown file served as plain text, a PDF as bytes)
    return SUFFIX_OF_TYPE.get(kind)


def _utf8(data: bytes, headers: Message, suffix: str) -> bytes:
    """A text page (``.txt``, ``.md``) in UTF-8, as those readers read it, when the server
    named another charset; web pages and PDFs are kept as they came (their readers look)."""
    charset = headers.get_content_charset()
    if reader_for(f"x{suffix}").origin is not None or charset in (None, "utf-8", "utf8"):
        return data
    try:
        return data.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return data  # (the reader says it is not UTF-8)


def describe(imported: Imported) -> str:
    """``title: ...; outlet: ...; date: ...; url: ...``: what was found, for the report line."""
    found = [
        f"{field}: {value.isoformat() if isinstance(value, dt.date) else one_line(str(value))}"
        for field in WRITTEN_FIELDS
        if (value := getattr(imported.meta, field)) is not None
    ]
    return "; ".join(found) if found else "no title, outlet, date or url found"
