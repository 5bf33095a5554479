"""Terminal output for editors: text with highlights, as a string (rich, styled or plain).

Text from articles and claims is shown, never obeyed: characters that do not print (terminal
escape sequences, bidi overrides) are replaced before anything is written.

The commands that show evidence in the terminal (``explain``, ``add``, ``search``,
``source list``) format their results here, as ``format_*(result, look) -> str``; ``cli.py``
only prints the string. On a terminal the output is styled (colours, bold); anywhere else
(a pipe, a file, a test) it is plain text at a fixed width, the same bytes every time, and what
a style would show is written out: the verdict as a word in brackets, the quote between ``>>``
and ``<<`` in its paragraph, matched words and figures between ``*`` stars.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.text import Text

from dossier.models import SourceMeta, Verdict, context_span
from dossier.sanitise import printable

PLAIN_WIDTH = 88


@dataclass(frozen=True)
class Look:
    """How to present output: styled for a terminal of ``width`` columns, or plain."""

    color: bool = False
    width: int = PLAIN_WIDTH


PLAIN = Look()

VERDICT_STYLES = {
    Verdict.SUPPORTED: "bold white on green",
    Verdict.CONTRADICTED: "bold white on red",
    Verdict.DISPUTED: "bold black on yellow",
    Verdict.UNVERIFIED: "bold white on bright_black",
}

MARK_STYLE = "bold yellow underline"
QUOTE_STYLE = "bold"
CONTEXT_STYLE = "dim"
HEADING_STYLE = "bold"
PATH_STYLE = "cyan"


def render(renderables: Iterable[RenderableType], look: Look) -> str:
    """The renderables printed one after another, as the text a terminal would show."""
    out = io.StringIO()
    console = Console(
        file=out,
        width=look.width,
        force_terminal=look.color,
        color_system="standard" if look.color else None,
        no_color=None if look.color else True,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
        force_jupyter=False,
        force_interactive=False,
        tab_size=4,
    )
    for item in renderables:
        text = item.renderable if isinstance(item, Padding) else item
        if isinstance(text, Text):
            # One for one, so styled spans keep their place; each line is a renderable of its
            # own, so a line break inside a text can only come from outside (a file name).
            text.plain = printable(text.plain).replace("\n", "\ufffd")
        console.print(item)
    # rich pads indented blocks to the full width; no line needs trailing spaces.
    return "".join(line.rstrip(" ") + "\n" for line in out.getvalue().splitlines())


def indented(renderable: RenderableType, indent: int) -> Padding:
    return Padding(renderable, (0, 0, 0, indent))


def badge(verdict: Verdict, look: Look) -> Text:
    """The verdict as a word, e.g. ``[DISPUTED]``: never colour alone."""
    if look.color:
        return Text(f" {verdict.value.upper()} ", style=VERDICT_STYLES[verdict])
    return Text(f"[{verdict.value.upper()}]")


def flat(text: str) -> str:
    """``text`` with each run of whitespace (line breaks too) made one space."""
    return re.sub(r"\s+", " ", text)


def marked(
    text: str,
    marks: Sequence[tuple[int, int]],
    look: Look,
    *,
    quote: tuple[int, int] | None = None,
    base_style: str = "",
    cut: tuple[bool, bool] = (False, False),
) -> Text:
    """``text`` on one line, with ``marks`` (matched words, figures) and ``quote`` shown.

    Spans are offsets into ``text``. Styled: marks bold yellow and underlined, the quote bold,
    the rest of a paragraph dim. Plain: ``*mark*`` and ``>>quote<<``. A long ``text`` is cut
    to ``CONTEXT_CHARS`` around the quote (``context_span``), with ``…`` where text was left
    out, here or before (``cut``: ``text`` is a context that leaves out the start or the end
    of its paragraph).
    """
    length = len(text)
    lo, hi = 0, length
    if quote is not None:
        lo, hi = context_span(text, *quote)
    # Boundaries where the style changes, inside the shown window.
    cuts = {lo, hi}
    spans = [(max(a, lo), min(b, hi)) for a, b in sorted(marks) if a < hi and b > lo and a < b]
    for a, b in spans:
        cuts.update((a, b))
    if quote is not None:
        cuts.update((max(quote[0], lo), min(quote[1], hi)))
    points = sorted(c for c in cuts if lo <= c <= hi)
    whole_quote = quote is not None and quote[0] <= lo and quote[1] >= hi
    out = Text()
    if lo > 0 or cut[0]:
        out.append("… ", style=base_style)
    pending_space = False
    for a, b in itertools.pairwise(points):
        piece = flat(text[a:b])
        if not piece:
            continue
        in_mark = any(s <= a and b <= e for s, e in spans)
        in_quote = quote is not None and quote[0] <= a and b <= quote[1]
        if pending_space and piece.startswith(" "):
            piece = piece[1:]
        pending_space = piece.endswith(" ")
        if look.color:
            style = MARK_STYLE if in_mark else QUOTE_STYLE if in_quote else base_style
            if in_mark and in_quote:
                style = f"{QUOTE_STYLE} {MARK_STYLE}"
            out.append(piece, style=style)
            continue
        if in_quote and quote is not None and a == max(quote[0], lo) and not whole_quote:
            out.append(">>")
        out.append(f"*{piece}*" if in_mark else piece)
        if in_quote and quote is not None and b == min(quote[1], hi) and not whole_quote:
            out.append("<<")
    if hi < length or cut[1]:
        out.append(" …", style=base_style)
    out.rstrip()
    return out


def source_label(meta: SourceMeta) -> str:
    """``firstpost.com, 2017-09-21, “Title”``: what is known of a source; unknowns left out."""
    parts = [meta.outlet or "outlet unknown", meta.date.isoformat() if meta.date else "undated"]
    if meta.title:
        parts.append(f"“{flat(meta.title)}”")
    return ", ".join(parts)


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
