"""What the templates see: the report laid out as one typed object (``DossierView``: claims and
sources with numbered citations and anchors, the timeline, the figures chart, the inlined
stylesheets), and the filters that do every bit of formatting the templates use.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from dossier.analysis.dates import chronological, date_phrase, event_date, format_day
from dossier.analysis.quantity import extract
from dossier.errors import RenderError
from dossier.models import (
    ClaimResult,
    Decision,
    Evidence,
    QuotedCitation,
    Report,
    ReviewOutcome,
    SourceEntry,
    SourceMeta,
    Stance,
    Verdict,
)

if TYPE_CHECKING:
    import jinja2

_STYLESHEETS = ("base.css", "screen.css", "print.css")
_NARROW_STYLESHEET = "narrow.css"  # in its own <style media=...>: weasyprint knows no queries

_VERDICT_LABELS = {
    Verdict.SUPPORTED: "Supported",
    Verdict.CONTRADICTED: "Contradicted",
    Verdict.DISPUTED: "Disputed",
    Verdict.UNVERIFIED: "Unverified",
}
_VERDICT_SYMBOLS = {
    Verdict.SUPPORTED: "✓",
    Verdict.CONTRADICTED: "✗",
    Verdict.DISPUTED: "±",
    Verdict.UNVERIFIED: "?",
}
# schema.org Rating for ClaimReview: 1 (worst) .. 4 (best); alternateName carries the verdict.
_VERDICT_RATINGS = {
    Verdict.CONTRADICTED: 1,
    Verdict.DISPUTED: 2,
    Verdict.UNVERIFIED: 3,
    Verdict.SUPPORTED: 4,
}
_DECISION_LABELS = {
    Decision.ACCEPTED: "Accepted by the editor",
    Decision.ADDED: "Added by the editor",
}
_UNDECIDED_LABEL = "Not yet reviewed"
"""The mark of a citation no one decided about, in a claim whose review has begun."""
# ClaimReview's creativeWorkStatus (CreativeWork: "its stage in a lifecycle", Text allowed).
_REVIEWED_STATUS, _UNREVIEWED_STATUS = "Reviewed", "Not yet reviewed"


# --- where the templates are ----------------------------------------------------------------


def templates_dir() -> Path:
    """The templates folder, inside the package beside this module."""
    return Path(__file__).resolve().parent / "templates"


# --- the template context -------------------------------------------------------------------


@dataclass(frozen=True)
class CitationView:
    """One piece of evidence with its citation number, as cited in a claim section."""

    number: int
    claim_id: str
    claim_anchor: str
    evidence: Evidence
    source_anchor: str
    meta: SourceMeta
    in_review: bool = False
    """Whether an editor has begun to review the claim (then an undecided citation says so)."""

    @property
    def anchor(self) -> str:
        return f"cite-{self.number}"

    @property
    def review_mark(self) -> tuple[str, str] | None:
        """(css class, words) of the citation's review mark: approved by an editor, or not
        yet decided about in a claim under review; None in a claim no one has reviewed."""
        decision = self.evidence.reviewed
        if decision is not None:
            return f"review-{decision.value}", _DECISION_LABELS[decision]
        return ("review-undecided", _UNDECIDED_LABEL) if self.in_review else None

    @property
    def href(self) -> str | None:
        """The source's URL when it may become a link."""
        return safe_href(self.meta.url)


@dataclass(frozen=True)
class ColumnView:
    """One side of a claim's evidence: the supporting or the conflicting passages."""

    stance: Stance
    title: str
    empty: str
    citations: list[CitationView]


@dataclass(frozen=True)
class ListedView:
    """A citation an editor approved that the dossier lists apart (its words no longer found),
    with what is known of its source."""

    citation: QuotedCitation
    meta: SourceMeta


@dataclass(frozen=True)
class ClaimView:
    number: int
    anchor: str
    result: ClaimResult
    supporting: list[CitationView]
    conflicting: list[CitationView]
    json_ld: Markup
    figures_chart: Markup | None = None
    published: bool = False
    """In the published edition: the citations shown are the approved ones only."""
    lost: list[ListedView] = field(default_factory=list)

    @property
    def review(self) -> ReviewOutcome | None:
        return self.result.review

    @property
    def reviewed(self) -> bool:
        return self.result.reviewed

    @property
    def tool_verdict(self) -> Verdict | None:
        """The tool's own verdict, for a reviewed claim whose editor's verdict differs."""
        review = self.result.review
        if review is None or not self.reviewed or review.tool_verdict is self.result.verdict:
            return None
        return review.tool_verdict

    @property
    def rejected(self) -> int:
        """How many of the tool's citations the editors rejected."""
        return len(self.result.review.rejected) if self.result.review else 0

    @property
    def in_progress(self) -> str | None:
        """'1 citation approved, 2 rejected': how far the review of a claim without the
        editor's verdict has gone; None when no one has begun it."""
        if self.result.review is None or self.reviewed:
            return None
        approved = sum(1 for e in self.result.evidence if e.reviewed is not None)
        done = [f"{plural(approved, 'citation')} approved"] if approved else []
        if self.rejected:
            done.append(f"{plural(self.rejected, 'citation')} rejected")
        return ", ".join(done) or "nothing decided yet"

    @property
    def columns(self) -> tuple[ColumnView, ColumnView]:
        where = "approved by the editors" if self.published else "in the corpus"
        return (
            ColumnView(
                Stance.SUPPORTS,
                "Supporting",
                f"No passage {where} supports this claim.",
                self.supporting,
            ),
            ColumnView(
                Stance.CONFLICTS,
                "Conflicting",
                f"No passage {where} conflicts with this claim.",
                self.conflicting,
            ),
        )


@dataclass
class ContextView:
    """Where cited quotes stand in a paragraph of a source: their contexts (``Evidence.context``)
    joined where they overlap, every cited quote marked; ``cut_before`` and ``cut_after`` say
    that the paragraph goes on beyond it."""

    text: str
    start: int
    spans: list[tuple[int, int]]
    citations: list[CitationView]
    paragraph_start: int
    cut_before: bool
    cut_after: bool

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @classmethod
    def of(cls, cite: CitationView) -> ContextView:
        ev = cite.evidence
        return cls(
            ev.context, ev.context_start, [], [], ev.paragraph_start, ev.cut_before, ev.cut_after
        )

    def joins(self, cite: CitationView) -> bool:
        """Whether the citation's context overlaps or touches this one, in the same paragraph."""
        ev = cite.evidence
        return (
            ev.paragraph_start == self.paragraph_start
            and len(ev.context) == ev.context_end - ev.context_start
            and self.start <= ev.context_start <= self.end
        )

    def add(self, cite: CitationView) -> None:
        """Add the citation (one that ``joins`` it, or made it), its context and its mark."""
        ev = cite.evidence
        if ev.context_end > self.end:
            self.text += ev.context[self.end - ev.context_start :]
            self.cut_after = ev.cut_after
        self.citations.append(cite)
        start, end = ev.start - self.start, ev.end - self.start
        if not (0 <= start <= end <= len(self.text) and self.text[start:end] == ev.quote):
            found = self.text.find(ev.quote) if ev.quote else -1
            if found < 0:
                return  # the offsets do not agree: the quote is shown in its claim alone
            start, end = found, found + len(ev.quote)
        self.spans.append((start, end))


@dataclass(frozen=True)
class SourceView:
    anchor: str
    entry: SourceEntry
    href: str | None
    contexts: list[ContextView]


@dataclass(frozen=True)
class TimelineEntry:
    """A cited passage placed in time: when its source appeared and when its event happened.

    `date_words` are the passage's own words that date the event ("on Saturday"); when `event`
    is None they could not be resolved (the source has no publication date).
    """

    cite: CitationView
    published: dt.date | None
    event: dt.date | None
    date_words: str | None


@dataclass(frozen=True)
class PartView:
    """The piece of the dossier one part of a PDF printed in parts shows (``render.pdf``): the
    front (cover, summary, contents), a run of claims, of timeline entries or of sources, and
    how its pages are numbered."""

    front: bool = False
    claims: range = range(0)
    timeline: range = range(0)
    sources: range = range(0)
    opens: frozenset[str] = frozenset()
    """The sections ('claims', 'timeline', 'sources') whose heading this part prints."""
    colophon: bool = False
    first_page: int = 1
    total_pages: int = 0
    pages: Mapping[str, int] = field(default_factory=dict)
    """The page of each anchor the front refers to (known once every part is laid out)."""
    foreign: tuple[str, ...] = ()
    """Anchors this part links to that another part prints: each is given an empty element
    here, so that the link is kept (the joined PDF points it to the right page)."""


@dataclass(frozen=True)
class DossierView:
    """Everything the templates see: the whole dossier, or one part of it (``part``)."""

    report: Report
    claims: list[ClaimView]
    sources: list[SourceView]
    citations: int
    stylesheet: Markup
    narrow_stylesheet: Markup
    timeline: list[TimelineEntry]
    part: PartView | None = None

    @property
    def title(self) -> str:
        """The dossier's title as its pages name it: the published edition says so."""
        return self.report.title + (" (published edition)" if self.report.published else "")

    @property
    def reviewed(self) -> int:
        """How many claims an editor gave a verdict."""
        return sum(1 for claim in self.claims if claim.reviewed)

    @property
    def not_reviewed(self) -> int:
        """How many claims show the tool's verdict, no editor having given one."""
        return len(self.claims) - self.reviewed

    @property
    def front(self) -> bool:
        return self.part is None or self.part.front

    @property
    def shown_claims(self) -> list[ClaimView]:
        return self.claims if self.part is None else self.claims[_slice(self.part.claims)]

    @property
    def shown_timeline(self) -> list[TimelineEntry]:
        return self.timeline if self.part is None else self.timeline[_slice(self.part.timeline)]

    @property
    def shown_sources(self) -> list[SourceView]:
        return self.sources if self.part is None else self.sources[_slice(self.part.sources)]

    def shows(self, section: str) -> bool:
        """Whether this part shows ``section`` ('claims', 'timeline', 'sources') at all."""
        return self.part is None or self.heads(section) or bool(getattr(self.part, section))

    def heads(self, section: str) -> bool:
        """Whether this part shows the heading of ``section`` (the part that opens it)."""
        return self.part is None or section in self.part.opens

    @property
    def colophon(self) -> bool:
        return self.part is None or self.part.colophon

    def page_attr(self, anchor: str) -> Markup:
        """`` data-page="N"``: the page of ``anchor``, for a front printed apart (its page
        references cannot be counted by the printer); nothing otherwise."""
        if self.part is None or anchor not in self.part.pages:
            return Markup("")
        return Markup(' data-page="{}"').format(self.part.pages[anchor])

    @property
    def part_style(self) -> Markup:
        """The page rules of a part printed apart: pages numbered on from the parts before,
        out of the whole dossier's, and, past the front, the running headers the cover sets."""
        if self.part is None:
            return Markup("")
        rules = [
            '@page { @bottom-right { content: "Page " counter(page) " of '
            f'{self.part.total_pages}"; }} }}',
            '.summary-table td a::after { content: "(p. " attr(data-page) ")"; }',
            '.contents a::after { content: leader(". ") attr(data-page); }',
            ".part-anchors { height: 0; overflow: hidden; }",
        ]
        if not self.part.front:
            title = css_string(self.title)
            as_of = (
                css_string("As of " + format_date(self.report.as_of)) if self.report.as_of else '""'
            )
            rules += [
                f"@page {{ @top-left {{ content: {title}; }} "
                f"@bottom-left {{ content: {as_of}; }} }}",
                f"@page :first {{ counter-reset: page {self.part.first_page}; "
                f"@top-left {{ content: {title}; }} "
                "@top-right { content: string(section, start); } }",
            ]
        return Markup("@media print {\n  " + "\n  ".join(rules) + "\n}")


def _slice(numbers: range) -> slice:
    return slice(numbers.start, numbers.stop)


def css_string(text: str) -> str:
    """``text`` as a CSS string: every character but letters, digits and spaces escaped (so
    nothing in it can end the string, the rule or the style element)."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text) + '"'


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _unique(base: str, taken: set[str]) -> str:
    anchor, n = base, 2
    while anchor in taken:
        anchor, n = f"{base}-{n}", n + 1
    taken.add(anchor)
    return anchor


def safe_href(url: str | None) -> str | None:
    """`url` if it is a plain http(s) URL that may become a link, else None."""
    if not url or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url
    return None


def _json_ld(
    claim: ClaimResult, anchor: str, citations: Sequence[CitationView], report: Report
) -> Markup:
    """A schema.org ClaimReview, serialised so no text in it can close the script element."""
    appearances: list[dict[str, Any]] = []
    seen: set[str] = set()
    for cite in citations:
        if cite.evidence.source in seen:
            continue
        seen.add(cite.evidence.source)
        work: dict[str, Any] = {
            "@type": "CreativeWork",
            "name": source_title(cite.meta, cite.evidence.source),
        }
        if href := safe_href(cite.meta.url):
            work["url"] = href
        if cite.meta.outlet:
            work["publisher"] = {"@type": "Organization", "name": cite.meta.outlet}
        if cite.meta.date:
            work["datePublished"] = cite.meta.date.isoformat()
        appearances.append(work)
    organization = {"@type": "Organization", "name": report.title or "dossier"}
    outcome = claim.review if claim.reviewed else None
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"#{anchor}",
        "claimReviewed": claim.text,
        "author": organization,
        "reviewRating": _rating(claim.verdict, claim.explanation),
        "itemReviewed": {"@type": "Claim", "appearance": appearances},
        "creativeWorkStatus": _REVIEWED_STATUS if outcome else _UNREVIEWED_STATUS,
    }
    if outcome is not None:
        if outcome.by:
            review["author"] = {"@type": "Person", "name": outcome.by}
        if outcome.note:
            review["reviewRating"]["ratingExplanation"] = outcome.note
        # The tool's own verdict beside the editor's: a ClaimReview of the same claim, linked by
        # associatedClaimReview (a Review property: "an associated ClaimReview, related by
        # specific common content, topic or claim"). A second reviewRating would leave a
        # reader of the markup (a fact-check search) to guess which verdict is the published
        # one; schema.org's additionalProperty is not a property of a Review at all.
        review["associatedClaimReview"] = {
            "@type": "ClaimReview",
            "name": "The tool's verdict, before the editors' review",
            "claimReviewed": claim.text,
            "author": organization,
            "reviewRating": _rating(outcome.tool_verdict, outcome.tool_explanation),
        }
    published = outcome.date if outcome and outcome.date else report.as_of  # never the clock
    if published:
        review["datePublished"] = published.isoformat()
    text = json.dumps(review, ensure_ascii=False, indent=2)
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escaped)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def _rating(verdict: Verdict, explanation: str) -> dict[str, Any]:
    """A verdict as a schema.org Rating."""
    return {
        "@type": "Rating",
        "ratingValue": _VERDICT_RATINGS[verdict],
        "bestRating": max(_VERDICT_RATINGS.values()),
        "worstRating": min(_VERDICT_RATINGS.values()),
        "alternateName": _VERDICT_LABELS[verdict],
        "ratingExplanation": explanation,
    }


def _contexts(citations: Sequence[CitationView]) -> list[ContextView]:
    """The contexts of a source's citations, in the order of the source, those that overlap
    joined; each context's citations in the order of their quotes."""
    contexts: list[ContextView] = []
    order = sorted(citations, key=lambda c: (c.evidence.context_start, c.evidence.start, c.number))
    for cite in order:
        if not contexts or not contexts[-1].joins(cite):
            contexts.append(ContextView.of(cite))
        contexts[-1].add(cite)
    for context in contexts:
        context.citations.sort(key=lambda c: (c.evidence.start, c.number))
    return contexts


def build_view(report: Report) -> DossierView:
    """The one object the templates see: claims and sources with numbered citations and anchors."""
    taken: set[str] = set()
    entries = {entry.path: entry for entry in report.sources}
    cited_paths = [ev.source for claim in report.claims for ev in claim.evidence]
    for path in sorted(set(cited_paths) - entries.keys()):
        entries[path] = SourceEntry(path=path, sha256="", meta=SourceMeta(), passages=0, cited=0)
    source_anchors = {path: _unique(f"src-{_slug(path)}", taken) for path in entries}

    number = 0
    claims: list[ClaimView] = []
    by_source: dict[str, list[CitationView]] = {path: [] for path in entries}
    for index, claim in enumerate(report.claims, start=1):
        anchor = _unique(f"claim-{_slug(claim.id)}", taken)
        columns: dict[Stance, list[CitationView]] = {Stance.SUPPORTS: [], Stance.CONFLICTS: []}
        ordered = [ev for ev in claim.evidence if ev.stance is Stance.SUPPORTS] + [
            ev for ev in claim.evidence if ev.stance is Stance.CONFLICTS
        ]
        for ev in ordered:
            number += 1
            cite = CitationView(
                number=number,
                claim_id=claim.id,
                claim_anchor=anchor,
                evidence=ev,
                source_anchor=source_anchors[ev.source],
                meta=entries[ev.source].meta,
                in_review=claim.review is not None,
            )
            columns[ev.stance].append(cite)
            by_source[ev.source].append(cite)
        supporting, conflicting = columns[Stance.SUPPORTS], columns[Stance.CONFLICTS]
        claims.append(
            ClaimView(
                number=index,
                anchor=anchor,
                result=claim,
                supporting=supporting,
                conflicting=conflicting,
                json_ld=_json_ld(claim, anchor, supporting + conflicting, report),
                figures_chart=figures_chart(claim, supporting + conflicting),
                published=report.published,
                lost=[
                    ListedView(c, entries[c.source].meta if c.source in entries else SourceMeta())
                    for c in (claim.review.lost if claim.review else [])
                ],
            )
        )

    sources: list[SourceView] = []
    for path, entry in entries.items():
        sources.append(
            SourceView(
                anchor=source_anchors[path],
                entry=entry,
                href=safe_href(entry.meta.url),
                contexts=_contexts(by_source[path]),
            )
        )

    return DossierView(
        report=report,
        claims=claims,
        sources=sources,
        citations=number,
        stylesheet=_stylesheet(*_STYLESHEETS),
        narrow_stylesheet=_stylesheet(_NARROW_STYLESHEET),
        timeline=build_timeline(
            [c for claim in claims for c in claim.supporting + claim.conflicting]
        ),
    )


def build_timeline(citations: Sequence[CitationView]) -> list[TimelineEntry]:
    """Each cited passage once (first citation wins), by event date, undated ones last.

    Passages whose event cannot be dated follow in the order of their publication dates.
    """
    entries: list[TimelineEntry] = []
    seen: set[tuple[str, int, int]] = set()
    for cite in sorted(citations, key=lambda c: c.number):
        ev = cite.evidence
        if (key := (ev.source, ev.start, ev.end)) in seen:
            continue
        seen.add(key)
        resolved = event_date(ev.quote, cite.meta.date)
        entries.append(
            TimelineEntry(
                cite=cite,
                published=cite.meta.date,
                event=resolved[0] if resolved else None,
                date_words=resolved[1] if resolved else date_phrase(ev.quote),
            )
        )
    by_publication = chronological(entries, lambda entry: entry.published)
    return chronological(by_publication, lambda entry: entry.event)


# --- the figures chart ----------------------------------------------------------------------

_STANCE_COLOURS = {Stance.SUPPORTS: "#1d6b3a", Stance.CONFLICTS: "#a5231b"}
_STANCE_WORDS = {Stance.SUPPORTS: "supports", Stance.CONFLICTS: "conflicts"}
_CLAIM_COLOUR = "#0b3d66"
_CHART_WIDTH, _LABEL_WIDTH, _BAR_WIDTH, _ROW_HEIGHT = 760, 300, 180, 22
_LABEL_CHARS = 50  # what fits in _LABEL_WIDTH at 11px


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def _chart_rows(
    claim: ClaimResult, citations: Sequence[CitationView]
) -> tuple[tuple[float, str] | None, list[tuple[CitationView, str, float]]]:
    """The claim's figure (value, unit) and each cited figure in that unit."""
    cited = [
        (cite, figure, quantity)
        for cite in citations
        for figure in cite.evidence.figures
        for quantity in extract(figure, alone=True)[:1]  # "about 500": the troops are the claim's
    ]
    stated = [q for q in extract(claim.text) if not q.vague]  # "dozens" is no bar
    units = {q.unit for _, _, q in cited}
    own = next((q for q in stated if q.unit in units), stated[0] if stated else None)
    if own is not None:
        unit = own.unit
    elif cited:
        unit = cited[0][2].unit
    else:
        return None, []
    rows = [(cite, figure, q.value) for cite, figure, q in cited if q.unit == unit]
    return ((own.value, unit) if own is not None else None), rows


def figures_chart(claim: ClaimResult, citations: Sequence[CitationView]) -> Markup | None:
    """An inline SVG bar chart: the claim's figure against each cited figure in its unit.

    One row per cited figure, labelled with outlet (or source path), date and stance in words;
    colour only repeats what the words say. None when no evidence of the claim has figures.
    """
    if not any(cite.evidence.figures for cite in citations):
        return None
    own, rows = _chart_rows(claim, citations)
    if not rows:
        return None
    values = [value for _, _, value in rows] + ([own[0]] if own else [])
    scale = max(max(values), 1e-9)
    lines: list[tuple[str, str, str, float, str]] = []  # css class, label, colour, value, note
    if own is not None:
        lines.append(("fig-claim", "The claim", _CLAIM_COLOUR, own[0], "claimed"))
    for cite, figure, value in rows:
        source = source_name(cite.meta, cite.evidence.source)
        suffix = f", {format_date(cite.meta.date)} [{cite.number}]"
        room = _LABEL_CHARS - len(suffix)
        label = (source if len(source) <= room else source[: room - 1] + "…") + suffix
        note = f"{_STANCE_WORDS[cite.evidence.stance]}: {figure}"
        lines.append(("fig-row", label, _STANCE_COLOURS[cite.evidence.stance], value, note))
    height = _ROW_HEIGHT * len(lines) + 8
    unit = own[1] if own else ""
    title = f"Figures reported for claim {claim.id}" + (f" ({unit})" if unit else "")
    parts = [
        Markup(
            '<svg class="figures-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
            'width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
            'font-family="DejaVu Sans, sans-serif" font-size="11">'
        ).format(w=_CHART_WIDTH, h=height),
        Markup("<title>{}</title>").format(title),
    ]
    for i, (css, label, colour, value, note) in enumerate(lines):
        y = 4 + i * _ROW_HEIGHT
        width = round(_BAR_WIDTH * value / scale, 1)
        text_y = y + _ROW_HEIGHT / 2 + 4
        parts.append(
            Markup(
                '<g class="{css}"><text x="0" y="{ty}" fill="#1a1a1a">{label}</text>'
                '<rect x="{bx}" y="{ry}" width="{bw}" height="{bh}" fill="{colour}"/>'
                '<text x="{tx}" y="{ty}" fill="#1a1a1a">{value} — {note}</text></g>'
            ).format(
                css=css,
                ty=text_y,
                label=label,
                bx=_LABEL_WIDTH,
                ry=y + 4,
                bw=width,
                bh=_ROW_HEIGHT - 8,
                colour=colour,
                tx=_LABEL_WIDTH + width + 6,
                value=_number(value),
                note=note,
            )
        )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def _stylesheet(*names: str) -> Markup:
    """The stylesheets' text, to inline in a <style> element."""
    css = "\n".join((templates_dir() / name).read_text(encoding="utf-8") for name in names)
    if "</" in css:
        raise RenderError(f"the stylesheets in {templates_dir()} must not contain '</'.")
    return Markup(css)


# --- filters: every bit of formatting the templates use ------------------------------------


def format_date(value: dt.date | None, missing: str = "undated") -> str:
    """4 September 2017, in English whatever the locale."""
    if value is None:
        return missing
    return format_day(value)


def verdict_label(verdict: Verdict) -> str:
    return _VERDICT_LABELS[verdict]


def verdict_symbol(verdict: Verdict) -> str:
    return _VERDICT_SYMBOLS[verdict]


def verdict_class(verdict: Verdict) -> str:
    return f"verdict-{verdict.value}"


def iso_date(value: dt.date) -> str:
    return value.isoformat()


def reviewed_by(review: ReviewOutcome) -> str:
    """'Reviewed by Jane Doe, 22 September 2017', as much of it as the review tells."""
    who = review.by or "the editors"
    return f"Reviewed by {who}" + (f", {format_date(review.date)}" if review.date else "")


def highlight(text: str, spans: Iterable[tuple[int, int]]) -> Markup:
    """`text` escaped, with each span (offsets within `text`) wrapped in <mark>."""
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = Markup(""), 0
    for start, end in merged:
        out += escape(text[pos:start]) + Markup("<mark>") + escape(text[start:end])
        out += Markup("</mark>")
        pos = end
    return out + escape(text[pos:])


def citation(number: int) -> str:
    return f"[{number}]"


def source_name(meta: SourceMeta, path: str) -> str:
    """What a reader calls the source: its outlet, else its title, else its file."""
    return meta.outlet or meta.title or path


def source_title(meta: SourceMeta, path: str) -> str:
    """The heading of a source: its title, else its file."""
    return meta.title or path


def page_label(page: int) -> str:
    """'p. 3': the page of a PDF a quote is on, beside its source."""
    return f"p. {page}"


def url_host(url: str) -> str:
    """reuters.com for https://www.reuters.com/article/...: a link's short text."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def plural(count: int, singular: str, many: str | None = None) -> str:
    """'1 source', '3 sources', with thousands separated."""
    word = singular if count == 1 else (many or singular + "s")
    return f"{count:,} {word}"


def register_filters(env: jinja2.Environment) -> None:
    """The one place where the templates' formatting is defined."""
    env.filters.update(
        date=format_date,
        verdict_label=verdict_label,
        verdict_symbol=verdict_symbol,
        verdict_class=verdict_class,
        iso=iso_date,
        reviewed_by=reviewed_by,
        highlight=highlight,
        citation=citation,
        plural=plural,
        source_name=source_name,
        source_title=source_title,
        url_host=url_host,
        page=page_label,
    )
