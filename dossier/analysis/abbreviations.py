"""Abbreviations a text defines: "the World Food Programme (WFP)", "trimethylamine N-oxide
(TMAO)", "medullary thymic epithelial cells (mTECs)".

The algorithm of Schwartz and Hearst (2003), "A simple algorithm for identifying abbreviation
definitions in biomedical text" (Pacific Symposium on Biocomputing 8: 451-462): a short form in
parentheses after its long form (or, when the parentheses hold no short form, a short form
before them), found by matching the short form's letters and digits from its end, right to
left, in the words just before it, its first letter at the start of a word. The one Python
implementation on PyPI (``abbreviations``, 2019) is GPL-licensed and unmaintained, so the
algorithm is written here (about thirty lines).

A short form must be written with a capital letter (or a digit): news writing sets
"(pictured)", "(left)" and "(aged 41)" in parentheses too, and those define nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from dossier.analysis.text import Token, expand

_PARENS_RE = re.compile(r"\(([^()]{1,80})\)")
_WORD_RE = re.compile(r"\S+")
_SHORT_CUT_RE = re.compile(r"[;,]\s")  # "(EBI2, also known as GPR183)": the first is the one
MAX_SHORT_CHARS = 10
MAX_SHORT_WORDS = 2


@dataclass(frozen=True, slots=True)
class Definition:
    """A short form and the long form it abbreviates, each as (start, end) into the text."""

    short: tuple[int, int]
    long: tuple[int, int]


def definitions(text: str) -> list[Definition]:
    """Every abbreviation the text defines, in order."""
    found = []
    for m in _PARENS_RE.finditer(text):
        inside = _SHORT_CUT_RE.split(m.group(1), maxsplit=1)[0].strip()
        start = m.start(1) + m.group(1).index(inside) if inside else m.start(1)
        if _short_form(inside):
            long = _long_form(text, m.start(), inside)
            if long is not None:
                found.append(Definition((start, start + len(inside)), long))
        else:
            # "TMAO (trimethylamine N-oxide)": the short form before, the long form inside
            before = re.search(r"(\S+)\s*$", text[: m.start()])
            if before is not None and _short_form(before.group(1), marked=True):
                span = _best_long(inside, before.group(1))
                if span is not None:
                    found.append(Definition(before.span(1), (start + span[0], start + span[1])))
    return found


def _short_form(candidate: str, *, marked: bool = False) -> bool:
    """Whether parentheses' content may be a short form: two to ten characters in at most two
    words, opening with a letter or digit, with a letter, and a capital or a digit in it (with
    ``marked``, after its first character: a word before parentheses is a short form only when
    written as one, "TMAO (trimethylamine N-oxide)", not "Paris (the capital of France)")."""
    return (
        2 <= len(candidate) <= MAX_SHORT_CHARS
        and len(candidate.split()) <= MAX_SHORT_WORDS
        and candidate[0].isalnum()
        and any(c.isalpha() for c in candidate)
        and any(c.isupper() or c.isdigit() for c in candidate[1 if marked else 0 :])
        and not candidate.isdigit()
    )


def _long_form(text: str, before: int, short: str) -> tuple[int, int] | None:
    """The long form of ``short`` among the words just before ``before`` (at most
    ``min(len + 5, 2 * len)`` of them, ``len`` the short form's characters), in its sentence."""
    limit = min(len(short) + 5, len(short) * 2)
    head = text[:before].rstrip()
    clause = max(head.rfind(". "), head.rfind("; "), head.rfind(": ")) + 1
    words = list(_WORD_RE.finditer(head, clause))[-limit:]
    if not words:
        return None
    start = words[0].start()
    span = _best_long(head[start:], short)
    return None if span is None else (start + span[0], start + span[1])


def _best_long(candidate: str, short: str) -> tuple[int, int] | None:
    """Where in ``candidate`` the long form of ``short`` starts (Schwartz and Hearst's
    ``findBestLongForm``): each letter or digit of the short form found right to left, its
    first at the start of a word; None when one is not found, or when the long form is not
    longer than the short form or contains it as a word."""
    s, at = len(short) - 1, len(candidate) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while at >= 0 and (
            candidate[at].lower() != c or (s == 0 and at > 0 and candidate[at - 1].isalnum())
        ):
            at -= 1
        if at < 0:
            return None
        at -= 1
        s -= 1
    begin = candidate.rfind(" ", 0, at + 1) + 1
    long = candidate[begin:].rstrip(" ,")
    if len(long) <= len(short) or short.lower() in long.lower().split():
        return None
    return begin, begin + len(long)


Defined = tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]]
"""An abbreviation an article defines: the short form as written ("TMAO"), its keys, and the
keys of each content word of its long form ("trimethylamine", "N", "oxide"), with their
synonym groups."""


def defined_in(text: str, tokens: Sequence[Token]) -> list[Defined]:
    """The abbreviations a sentence defines (``definitions``), as ``Defined``, of its tokens: a
    short form of one word only (a sentence finds it by how it is written)."""
    found = []
    for d in definitions(text):
        short = [t for t in tokens if d.short[0] <= t.start < d.short[1]]
        long = [t for t in tokens if d.long[0] <= t.start < d.long[1] and not t.stop]
        if len(short) == 1 and long and short[0] not in long:
            keys = tuple(expand(short[0].keys))
            found.append((short[0].text, keys, tuple(tuple(expand(t.keys)) for t in long)))
    return found


def first_definitions(defined: Iterable[Defined]) -> list[Defined]:
    """Each short form's first definition in an article, in order: an article that defines
    "SAA" again (or repeats its text) defines it once."""
    seen: dict[str, Defined] = {}
    for d in defined:
        seen.setdefault(d[0], d)
    return list(seen.values())


def also_said(
    tokens: Sequence[Token], defined: Sequence[Defined]
) -> Iterator[tuple[tuple[int, ...], tuple[str, ...]]]:
    """What a sentence says by an abbreviation its article defines, or by its long form: the
    tokens, and the keys they say besides their own. "TMAO" says "trimethylamine", "N" and
    "oxide"; those three words, each said, say "TMAO"."""
    for short, short_keys, long in defined:
        written = tuple(i for i, t in enumerate(tokens) if t.text == short)
        if written:
            yield written, tuple(k for keys in long for k in keys)
            continue
        where = [[i for i, t in enumerate(tokens) if t.keys[0] == keys[0]] for keys in long]
        if all(where):
            yield tuple(sorted({i for at in where for i in at})), short_keys
