"""Furniture: the page chrome of a scraped article (navigation, captions, bylines, donation
appeals, copyright lines), never article content. Each rule is named, so that a paragraph
says which rule made it furniture; ``sources.yaml`` may add rules of its own (``custom:...``).

A rule matches one of two things, never more (``Scope``):

* a **paragraph** rule, a whole paragraph (one line, as scraped pages put them, or lines
  wrapped inside it): what the paragraph is or starts with ("Accessibility links",
  "Tags: ...", "Featured image is from ...");
* a **sentence** rule, one sentence of a paragraph, by a phrase it holds outside quotation
  marks ("Follow us on Twitter", "please support", "All rights reserved", "This article
  originally appeared at ...", "AP contributed to this report"): that sentence is
  furniture, and so are the sentences next to it that speak to the reader ("you", "your":
  "Your guide to the latest election news ..."); the paragraph's other sentences stay article
  text. A paragraph whose every sentence is furniture is furniture whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from dossier.lexicon.calendar import month_pattern


class Scope(StrEnum):
    """What a furniture rule matches: a whole paragraph, or one sentence of a paragraph."""

    PARAGRAPH = "paragraph"
    SENTENCE = "sentence"


@dataclass(frozen=True)
class FurnitureRule:
    """A named regular expression, searched (case-insensitively) in a paragraph's whole text
    or, for a ``Scope.SENTENCE`` rule, in each of its sentences."""

    name: str
    pattern: re.Pattern[str]
    needles: tuple[str, ...] = ()
    """Lowercase strings one of which a matching text holds, checked first because a substring
    test is much cheaper than a regular expression search (a sentence rule must have some: a
    paragraph holding none is not split into sentences to try it)."""
    scope: Scope = Scope.PARAGRAPH

    def may_match(self, lowered: str) -> bool:
        """Whether a text (lowercased) holds one of the needles (or the rule has none)."""
        return not self.needles or any(needle in lowered for needle in self.needles)

    def matches(self, text: str, lowered: str | None = None) -> bool:
        if self.needles and not self.may_match(text.lower() if lowered is None else lowered):
            return False
        return self.pattern.search(text) is not None


def _rule(name: str, pattern: str, *needles: str) -> FurnitureRule:
    return FurnitureRule(name, re.compile(pattern, re.IGNORECASE), needles)


def _phrase(name: str, pattern: str, *needles: str) -> FurnitureRule:
    return FurnitureRule(name, re.compile(pattern, re.IGNORECASE), needles, Scope.SENTENCE)


_LINK = r"(?:\[[^\]\n]*\]\([^)\s]*\)|<?(?:https?://|www\.)[^\s>]+>?)"
MONTH_PATTERN = r"(?:" + month_pattern() + r")\.?"  # the rules are read case-blind
_DATE = (
    rf"(?:\d{{1,2}}\s+{MONTH_PATTERN},?\s+\d{{4}}|{MONTH_PATTERN}\s+\d{{1,2}},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)

FURNITURE_RULES: tuple[FurnitureRule, ...] = (
    # Site navigation and labels that stand alone on a line.
    _rule("navigation", r"^(?:accessibility links|skip to (?:main )?(?:content|navigation)|menu)$"),
    _rule(
        "label",
        r"^(?:breaking(?: news)?|advertisement|advertising|sponsored(?: content)?"
        r"|sponsored by\b.{0,60}"
        r"|also see|see also|also read|related(?: articles| stories| news| content| coverage)?"
        r"|recommended(?: for you)?|trending(?: now)?|most (?:read|popular)"
        r"|more (?:from|on)\b.{0,60}"
        r"|share(?: this(?: article| story)?)?|print|email|comments?)$",
    ),
    _rule("read-more", r"^(?:read more|also read|read also|see also|related|watch)\s*[:|>»-]"),
    # Pictures: captions with an agency credit, and image credit lines.
    _rule(
        "caption",
        r"^(?:representational|representative|illustrative|file|stock)\s+(?:image|photo|picture)\b",
    ),
    _rule(
        "image-credit",
        r"^(?:(?:featured|top|header|cover|lead|main)\s+(?:image|photo|picture)\b.{0,80}"
        r"\b(?:is )?(?:from|by|courtesy|credit)"
        r"|(?:image|photo|picture)s?(?: credits?)?\s*:|(?:image|photo)s? courtesy\b)",
    ),
    # Publication metadata.
    _rule(
        "updated",
        rf"^(?:(?:last )?updated|published|posted|first published)(?: date| on| at)?\s*:?\s*"
        rf"(?:{MONTH_PATTERN}\s|\d).{{0,60}}$",
    ),
    _rule("dateline", rf"^(?:[^.!?\n]{{0,80}}?[,\s]\s*)?{_DATE}$"),
    _rule(
        "taxonomy",
        r"^(?:region|theme|in-depth report|tags?|topics?|categor(?:y|ies)|filed under"
        r"|keywords)\s*:",
    ),
    _rule("reporting-credit", r"^\(?(?:with )?(?:additional )?(?:reporting|writing|editing) by\b"),
    _rule("articles-by", r"^(?:articles?|more|posts?) by\s*:"),
    _rule("disclaimer", r"^disclaimer\s*:"),
    _rule("media-inquiries", r"^for (?:media|press) (?:inquiries|enquiries)\b"),
    _rule("comment-on", r"^\[?comment on\b.{0,120}\b(?:facebook|twitter)\b"),
    _rule("membership", r"^\[?become a (?:member|subscriber|patron|supporter)\b"),
    _rule("link-only", rf"^(?:{_LINK}[\s,;|·•/-]*)+$"),
    # Sentences: where the article comes from, copyright notices, and appeals to the reader.
    _phrase(
        "original-source",
        r"^the original source of this (?:article|story|report) is\b"
        r"|^this (?:article|story|report|post|piece) (?:was )?(?:originally|first) "
        r"(?:appeared|published|ran)\b"
        r"|^(?:reprinted|republished|reproduced) with (?:the )?permission\b",
        "original source",
        "originally",
        "first appeared",
        "first published",
        "first ran",
        "with permission",
        "with the permission",
    ),
    _phrase("contributors", r"\bcontributed to this (?:report|story|article)\b", "contributed to"),
    _phrase(
        "copyright",
        r"©|^\(c\)\s*\d{4}\b|^copyright\s+(?:©|\(c\)|by\b)|\bcopyright\s+(?:19|20)\d{2}\b"
        r"|\ball rights reserved\b|\b(?:this|the) (?:material|article|story|content) may not be\b"
        r"|^(?:please )?do not (?:re)?(?:produce|publish|post|copy|cut|distribute)\b"
        r"|^permission to (?:use|reproduce|republish|repost|copy)\b|\bused under licen[cs]e\b"
        r"|\blicensed under (?:cc\b|creative commons\b|the gnu\b|gfdl\b)",
        "©",
        "(c)",
        "copyright",
        "rights reserved",
        "may not be",
        "do not",
        "permission to",
        "licen",
    ),
    _phrase(
        "donation",
        r"\bplease (?:support|donate|consider (?:supporting|donating))\b"
        r"|\bdonate (?:now|today|here)\b|\bpaypal\s*:|\bpatreon\.com\b"
        r"|\bsupport (?:our work|our journalism|independent journalism)\b",
        "please",
        "donate",
        "paypal",
        "patreon",
        "support ",
    ),
    _phrase(
        "follow-us",
        r"\bfollow us on\b|\blike (?:us|our page) on facebook\b"
        r"|^(?:(?:and|also|please|be sure to|don['’]t forget to) )?(?:follow|check out|find|join"
        r"|connect with)(?![\w-]).{0,80}\bon (?:facebook|twitter|instagram|pinterest|tiktok"
        r"|youtube|linkedin|x)(?![\w-])",
        "follow us",
        "like us",
        "like our page",
        "facebook",
        "twitter",
        "instagram",
        "pinterest",
        "tiktok",
        "youtube",
        "linkedin",
        " on x",
    ),
    _phrase(
        "promo",
        r"^download (?:the|our)\b.{0,60}\bapp\b|^(?:want|looking for) more\b[^.!?]{0,60}\?$"
        r"|^keep in touch\b",
        "download",
        "want more",
        "looking for more",
        "keep in touch",
    ),
    _phrase(
        "newsletter",
        r"^(?:sign up|subscribe)\b.{0,120}$|\bsubscribe to our (?:newsletter|channel)\b"
        r"|\bsign up for our newsletter\b",
        "sign up",
        "subscribe",
    ),
)
"""The built-in furniture rules, tried in this order; the first that matches names the rule."""

REPEATED_RULE = "repeated"

_READER = re.compile(r"\byou(?:r|rs|rself|rselves)?\b|^please\b", re.IGNORECASE)
"""A sentence that speaks to the reader ("you", "your", or a request: "Please use sharing
tools."): next to a furniture sentence, it is furniture too."""


def compile_furniture(patterns: list[str]) -> tuple[FurnitureRule, ...]:
    """Extra rules from ``sources.yaml``: each is named ``custom:<pattern>``, and is searched
    in a paragraph's whole text."""
    return tuple(_rule(f"custom:{p}", p) for p in patterns)


def paragraph_rule(text: str, rules: Sequence[FurnitureRule]) -> str | None:
    """The name of the first paragraph rule that matches ``text`` (a paragraph, newlines as
    spaces), if any."""
    lowered = text.lower()
    for rule in rules:
        if rule.scope is Scope.PARAGRAPH and rule.matches(text, lowered):
            return rule.name
    return None


def may_hold_furniture_sentences(text: str, rules: Sequence[FurnitureRule]) -> bool:
    """Whether a sentence rule may match a sentence of the paragraph ``text``: whether it is
    worth splitting into sentences to find out (``furniture_sentences``)."""
    lowered = text.lower()
    return any(rule.scope is Scope.SENTENCE and rule.may_match(lowered) for rule in rules)


def furniture_sentences(
    sentences: Sequence[str], rules: Sequence[FurnitureRule]
) -> list[str | None]:
    """The furniture rule of each sentence of a paragraph (None: article text).

    A sentence is furniture when a sentence rule matches it outside its quotation marks (a
    quoted "please support us" is what someone said); the sentences next to a furniture
    sentence that speak to the reader (outside quotation marks) belong to the same chrome and
    take its rule's name."""
    plain = [unquoted(s) for s in sentences]
    names: list[str | None] = []
    for text in plain:
        lowered = text.lower()
        names.append(
            next(
                (r.name for r in rules if r.scope is Scope.SENTENCE and r.matches(text, lowered)),
                None,
            )
        )
    for i in range(1, len(names)):  # after a furniture sentence
        if names[i] is None and names[i - 1] is not None and _READER.search(plain[i]):
            names[i] = names[i - 1]
    for i in range(len(names) - 2, -1, -1):  # before one
        if names[i] is None and names[i + 1] is not None and _READER.search(plain[i]):
            names[i] = names[i + 1]
    return names


_QUOTE_MARKS = re.compile(r"[\"“”]")


def unquoted(text: str) -> str:
    """``text`` with what stands between double quotation marks blanked (same length): a
    quotation left open runs to the end, and one closed without opening runs from the start
    (a quotation of several sentences)."""
    marks = list(_QUOTE_MARKS.finditer(text))
    if not marks:
        return text
    chars = list(text)
    opened: int | None = None
    for m in marks:
        mark = m.group()
        if opened is None and mark == "”":
            chars[: m.start()] = " " * m.start()  # closes a quotation opened before
        elif opened is None:
            opened = m.end()
        elif mark != "“":
            chars[opened : m.start()] = " " * (m.start() - opened)
            opened = None
    if opened is not None:
        chars[opened:] = " " * (len(text) - opened)
    return "".join(chars)
