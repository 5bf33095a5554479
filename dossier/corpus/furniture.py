"""Furniture: the page chrome of a scraped article (navigation, captions, bylines, donation
appeals, copyright lines), never article content. Each rule is named, so that a paragraph
says which rule made it furniture; ``sources.yaml`` may add rules of its own (``custom:...``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.lexicon.calendar import month_pattern


@dataclass(frozen=True)
class FurnitureRule:
    """A named regular expression, searched (case-insensitively) in a paragraph's whole text."""

    name: str
    pattern: re.Pattern[str]
    needles: tuple[str, ...] = ()
    """For a rule that is not anchored: lowercase strings one of which a matching text holds,
    checked first because a substring test is much cheaper than a regular expression search."""

    def matches(self, text: str, lowered: str | None = None) -> bool:
        if self.needles:
            lowered = text.lower() if lowered is None else lowered
            if not any(needle in lowered for needle in self.needles):
                return False
        return self.pattern.search(text) is not None


def _rule(name: str, pattern: str, *needles: str) -> FurnitureRule:
    return FurnitureRule(name, re.compile(pattern, re.IGNORECASE), needles)


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
    _rule("original-source", r"^the original source of this article is\b"),
    _rule("copyright", r"^(?:copyright\b|©)|\ball rights reserved\b", "copyright", "©", "rights"),
    _rule("disclaimer", r"^disclaimer\s*:"),
    # Appeals to the reader.
    _rule(
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
    _rule(
        "follow-us",
        r"\bfollow us on\b|\blike (?:us|our page) on facebook\b",
        "follow us",
        "like us",
        "like our page",
    ),
    _rule(
        "newsletter",
        r"^(?:sign up|subscribe)\b.{0,120}$|\bsubscribe to our (?:newsletter|channel)\b"
        r"|\bsign up for our newsletter\b",
        "sign up",
        "subscribe",
    ),
    _rule("media-inquiries", r"^for (?:media|press) (?:inquiries|enquiries)\b"),
    _rule("comment-on", r"^\[?comment on\b.{0,120}\b(?:facebook|twitter)\b"),
    _rule("membership", r"^\[?become a (?:member|subscriber|patron|supporter)\b"),
    _rule("link-only", rf"^(?:{_LINK}[\s,;|·•/-]*)+$"),
)
"""The built-in furniture rules, tried in this order; the first that matches names the rule."""

REPEATED_RULE = "repeated"


def compile_furniture(patterns: list[str]) -> tuple[FurnitureRule, ...]:
    """Extra rules from ``sources.yaml``: each is named ``custom:<pattern>``."""
    return tuple(_rule(f"custom:{p}", p) for p in patterns)
