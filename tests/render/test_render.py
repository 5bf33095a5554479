"""Rendering the dossier: JSON, HTML and PDF from a hand-built report (see report_factory.py)."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import textwrap
import tracemalloc
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_factory import make_report, make_reviewed_report

from dossier.errors import RenderError
from dossier.models import (
    CONTEXT_CHARS,
    Report,
    SourceEntry,
    SourceMeta,
    SourceRow,
    Stance,
    Verdict,
)
from dossier.render import pdf as pdf_module
from dossier.render import view
from dossier.render.html import render_html
from dossier.render.json import EVIDENCE_JSON, json_with_evidence, render_json
from dossier.render.output import write_outputs
from dossier.render.pdf import render_pdf

# --- reading the HTML back --------------------------------------------------------------------


class Page(HTMLParser):
    """Every element with its attributes, the text of each element, and the JSON-LD blocks."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.json_ld: list[str] = []
        self.text: list[str] = []
        self._in_json_ld = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        self._in_json_ld = tag == "script" and attributes.get("type") == "application/ld+json"

    def handle_endtag(self, tag: str) -> None:
        self._in_json_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld.append(data)
        else:
            self.text.append(data)

    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.elements if a.get("id")]  # type: ignore[misc]

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [a for tag, a in self.elements if tag == name]


@pytest.fixture(scope="module")
def report() -> Report:
    return make_report()


@pytest.fixture(scope="module")
def html(report: Report) -> str:
    return render_html(report)


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    return Page(html)


# --- golden files: regenerate with DOSSIER_REGENERATE=1 pytest tests/render/test_render.py ---

GOLDEN = Path(__file__).parents[1] / "fixtures" / "render"


@pytest.mark.parametrize(
    ("name", "renderer", "made"),
    [
        ("dossier.json", render_json, make_report),
        ("dossier.html", render_html, make_report),
        ("reviewed.json", render_json, make_reviewed_report),
        ("reviewed.html", lambda report: _markup(render_html(report)), make_reviewed_report),
    ],
)
def test_output_matches_the_golden_file(
    name: str, renderer: Callable[[Report], str], made: Callable[[], Report]
) -> None:
    text = renderer(made())
    golden = GOLDEN / name
    if os.environ.get("DOSSIER_REGENERATE") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="")
    assert text == golden.read_bytes().decode("utf-8"), (
        f"{name} changed; if on purpose: DOSSIER_REGENERATE=1 pytest tests/render/test_render.py"
    )


def _markup(html: str) -> str:
    """The page from its first ClaimReview on: its markup, without the stylesheets that
    ``dossier.html`` holds already."""
    return html[html.index('<script type="application/ld+json">') :]


# --- JSON -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kept", [[], [0], [0, 2], "all"])
def test_evidence_kept_as_json_is_put_in_place_as_the_whole_report_would_write_it(
    report: Report, kept: list[int] | str
) -> None:
    numbers = range(len(report.claims)) if kept == "all" else kept
    stored = {n: EVIDENCE_JSON.dump_json(report.claims[n].evidence, indent=2) for n in numbers}
    lean = report.model_copy(
        update={
            "claims": [
                c.model_copy(update={"evidence": []}) if n in stored else c
                for n, c in enumerate(report.claims)
            ]
        }
    )

    assert json_with_evidence(lean, stored) == render_json(report).encode("utf-8")


@pytest.mark.parametrize("kept", [[], [0]])
def test_sources_given_as_rows_are_put_in_place_as_the_whole_report_would_write_them(
    report: Report, kept: list[int]
) -> None:
    odd = SourceEntry(
        path="wire/tab\tand\x01control “quoted”.txt",
        sha256="0" * 64,
        meta=SourceMeta(title='A "title" \\ with\nlines', notes="\u2028 \x7f é"),
        passages=0,
        cited=0,
    )
    whole = report.model_copy(update={"sources": [*report.sources, odd]})
    stored = {n: EVIDENCE_JSON.dump_json(whole.claims[n].evidence, indent=2) for n in kept}
    lean = whole.model_copy(
        update={
            "sources": [],
            "claims": [
                c.model_copy(update={"evidence": []}) if n in stored else c
                for n, c in enumerate(whole.claims)
            ],
        }
    )
    rows: list[SourceRow] = [
        {"path": s.path, "sha256": s.sha256, "meta": s.meta, "passages": s.passages,
         "cited": s.cited}
        for s in whole.sources
    ]  # fmt: skip

    assert json_with_evidence(lean, stored, rows) == render_json(whole).encode("utf-8")
    assert list(SourceRow.__annotations__) == list(SourceEntry.model_fields)


def test_the_json_dossier_is_written_claim_by_claim_never_held_twice(report: Report) -> None:
    claims = [c.model_copy(update={"id": f"{c.id}-{n}"}) for n in range(400) for c in report.claims]
    big = report.model_copy(update={"claims": claims})
    expected = render_json(big).encode("utf-8")

    tracemalloc.start()
    try:
        written = _built_json(big)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert written == expected
    assert peak < 1.5 * len(written), f"held {peak / len(written):.1f} times the JSON"


def _built_json(report: Report) -> bytes:
    """The JSON as ``dossier build`` writes it."""
    from dossier.render.interface import Rendering
    from dossier.render.json import RENDERER

    return RENDERER.render(Rendering(report))


def test_json_round_trips_to_the_same_report(report: Report) -> None:
    text = render_json(report)
    assert text.endswith("}\n")
    assert Report.model_validate_json(text) == report


def test_json_is_byte_identical_across_renders() -> None:
    assert render_json(make_report()) == render_json(make_report())


# --- HTML -------------------------------------------------------------------------------------


def test_html_is_deterministic() -> None:
    assert render_html(make_report()) == render_html(make_report())


def test_every_internal_link_has_a_target_and_ids_are_unique(page: Page) -> None:
    ids = page.ids()
    assert len(ids) == len(set(ids))
    internal = [a["href"] for a in page.tags("a") if (a.get("href") or "").startswith("#")]
    assert len(internal) > 20
    missing = [href for href in internal if href and href[1:] not in ids]
    assert missing == []


def test_every_claim_has_its_anchor_and_every_citation_is_numbered(
    report: Report, page: Page
) -> None:
    ids = set(page.ids())
    for claim in report.claims:
        assert f"claim-{claim.id}" in ids
    cited = sum(len(claim.evidence) for claim in report.claims)
    assert {f"cite-{n}" for n in range(1, cited + 1)} <= ids
    assert f"cite-{cited + 1}" not in ids
    assert len([i for i in ids if i.startswith("src-")]) == len(report.sources)
    cite_links = [a for a in page.tags("a") if (a.get("id") or "").startswith("cite-")]
    assert all((a.get("href") or "").startswith("#src-") for a in cite_links)


def test_hostile_text_is_shown_as_text_never_as_markup(html: str, page: Page) -> None:
    assert "<script>alert" not in html
    assert [a for a in page.tags("script") if a.get("type") != "application/ld+json"] == []
    assert page.tags("img") == []
    assert page.tags("link") == []
    assert [a for t, a in page.elements if any(k.startswith("on") for k in a)] == []
    hrefs = [a.get("href") or "" for a in page.tags("a")]
    assert all(h.startswith(("#", "https://", "http://")) for h in hrefs), hrefs
    assert not any("javascript:" in h or "file:" in h for h in hrefs)
    text = "".join(page.text)
    assert "<script>alert(1)</script>" in text  # shown to the reader, as text
    assert "javascript:alert(document.cookie)" in text
    assert "file:///etc/passwd" in text


def test_the_page_loads_nothing_and_runs_nothing(page: Page) -> None:
    (html_tag,) = page.tags("html")
    assert html_tag["lang"] == "en"
    policies = [a["content"] for a in page.tags("meta") if a.get("http-equiv")]
    assert policies == ["default-src 'none'; style-src 'unsafe-inline'; img-src data:"]
    for tag in ("img", "link", "iframe", "object", "embed"):
        assert page.tags(tag) == []


def test_quotes_are_marked_where_the_highlights_say(report: Report, html: str) -> None:
    assert "<mark>about 1,500 strikes</mark>" in html
    assert "<mark>six fighters</mark>" in html


def test_an_unverified_claim_says_the_corpus_does_not_address_it(page: Page) -> None:
    text = " ".join("".join(page.text).split())
    assert "The corpus does not address this claim." in text


def test_summary_shows_every_verdict_as_text(page: Page) -> None:
    text = "".join(page.text)
    for label in ("Supported", "Contradicted", "Disputed", "Unverified"):
        assert label in text


def test_json_ld_is_a_claim_review_per_claim(report: Report, html: str, page: Page) -> None:
    reviews = [json.loads(block) for block in page.json_ld]
    assert [r["claimReviewed"] for r in reviews] == [c.text for c in report.claims]
    for review, claim in zip(reviews, report.claims, strict=True):
        assert review["@type"] == "ClaimReview"
        rating = review["reviewRating"]
        assert rating["alternateName"] == claim.verdict.value.capitalize()
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["author"] == {"@type": "Organization", "name": report.title}
        assert len(review["itemReviewed"]["appearance"]) == len({e.source for e in claim.evidence})
    urls = [a.get("url") for r in reviews for a in r["itemReviewed"]["appearance"]]
    assert not any(u and not u.startswith("https://") for u in urls)
    # the claim text with </script> inside cannot end the script element early
    for block in page.json_ld:
        assert "<" not in block and ">" not in block


def test_the_sources_show_each_cited_passage_in_its_paragraph(report: Report, html: str) -> None:
    ev = report.claims[0].evidence[1]
    start = ev.start - ev.context_start
    assert ev.context[start : start + 3] == ev.quote[:3]
    assert (ev.context_start, ev.context_end) == (ev.paragraph_start, ev.paragraph_end)
    assert "head of the Deir ez-Zor Military Council.</mark>" in html


@pytest.mark.parametrize(
    ("quotes", "marked"),
    [
        # two quotes close together: one context, both marked
        (
            ["First quote here.", "Second quote there."],
            " <mark>First quote here.</mark> <mark>Second quote there.</mark> a0 a1 ",
        ),
        # one quote: its context alone
        (["Second quote there."], " First quote here. <mark>Second quote there.</mark> a0 a1 "),
    ],
)
def test_a_long_paragraph_is_shown_around_its_quotes_cut_at_words(
    quotes: list[str], marked: str
) -> None:
    from report_factory import Article, _evidence

    before = " ".join(f"b{i}" for i in range(500))
    after = " ".join(f"a{i}" for i in range(500))
    text = f"{before} First quote here. Second quote there. {after}\n"
    article = Article("long.txt", text, SourceMeta(), passages=1)
    base = make_report()
    evidence = [_evidence(article, q, Stance.SUPPORTS, "test") for q in quotes]
    claim = base.claims[0].model_copy(update={"evidence": evidence})
    source = SourceEntry(path="long.txt", sha256="", meta=SourceMeta(), passages=1, cited=1)
    report = base.model_copy(update={"claims": [claim], "sources": [source]})

    html = render_html(report)
    tag = '<blockquote class="paragraph">'
    shown = html[html.index(tag) + len(tag) : html.index("</blockquote>", html.index(tag))]

    assert all(len(e.context) <= len(e.quote) + 2 * CONTEXT_CHARS for e in evidence)
    assert all(e.cut_before and e.cut_after for e in evidence)
    assert shown.count(tag) == 0 and html.count(tag) == 1
    assert shown.startswith("… b") and shown.endswith(" …")
    assert marked in shown
    assert shown.split()[1] in before.split() and shown.split()[-2] in after.split()  # words
    plain = shown.replace("<mark>", "").replace("</mark>", "")
    assert len(plain) <= len("… First quote here. Second quote there. …") + 2 * CONTEXT_CHARS


def _figure_of(html: str, anchor: str) -> str:
    start = html.rindex('<figure class="quote">', 0, html.index(f'id="{anchor}"'))
    return html[start : html.index("</figure>", start)]


def test_each_citation_shows_its_source_link_and_note(html: str) -> None:
    reuters = _figure_of(html, "cite-1")
    assert '<a class="source-link" href="https://www.reuters.com/article/' in reuters
    assert ">reuters.com</a>" in reuters
    rt = _figure_of(html, "cite-3")  # a javascript: URL is no link
    assert "source-link" not in rt and "javascript" not in rt
    blog = _figure_of(html, "cite-6")
    assert "Unverified blog post; author’s identity unconfirmed." in blog


def test_the_timeline_marks_date_words_it_cannot_resolve(report: Report) -> None:
    sources = [
        s.model_copy(update={"meta": s.meta.model_copy(update={"date": None})})
        for s in report.sources
    ]
    html = render_html(report.model_copy(update={"sources": sources}))
    section = html[html.index('<section class="timeline"') :]
    assert "“on Saturday”: not resolved, the source has no date" in section
    assert "<time" not in section[: section.index("</section>")]


def test_the_timeline_marks_a_date_it_cannot_parse_though_the_source_is_dated(
    report: Report,
) -> None:
    claim = report.claims[1]
    bad = claim.evidence[0].model_copy(update={"quote": "Strikes resumed on September 31."})
    claims = [claim.model_copy(update={"evidence": [bad]})]
    html = render_html(report.model_copy(update={"claims": claims}))
    section = html[html.index('<section class="timeline"') :]
    assert "“September 31”: not resolved</span>" in section
    assert 'published <time datetime="2017-09-16">' in section


def test_a_dossier_without_citations_says_its_timeline_is_empty(report: Report) -> None:
    claims = [claim.model_copy(update={"evidence": []}) for claim in report.claims]
    page = Page(render_html(report.model_copy(update={"claims": claims})))
    text = " ".join("".join(page.text).split())
    assert "No passage of the corpus is cited, so there is nothing to place in time." in text
    assert page.tags("ol")  # the contents list; the timeline has none
    assert all("timeline-list" not in (tag.get("class") or "") for tag in page.tags("ol"))


def _on_page(report: Report, page: int) -> Report:
    """The report with its second claim's first citation on page ``page`` of its article."""
    claim = report.claims[1]
    cited = claim.evidence[0].model_copy(update={"page": page})
    evidence = [cited, *claim.evidence[1:]]
    claims = [*report.claims[:1], claim.model_copy(update={"evidence": evidence})]
    claims += report.claims[2:]
    return report.model_copy(update={"claims": claims})


def test_a_citation_from_a_page_says_it_beside_its_source(report: Report, html: str) -> None:
    paged = render_html(_on_page(report, 3))
    figure = _figure_of(paged, "cite-4")
    assert '</time>, <span class="page">p. 3</span>' in figure
    timeline = paged[paged.index('<section class="timeline"') :]
    assert '</cite>, <span class="page">p. 3</span> <a href="#cite-4">' in timeline
    assert 'class="page"' not in html  # a citation of a file without pages says none


def test_the_printed_dossier_says_a_citations_page(report: Report) -> None:
    from pypdf import PdfReader

    printed = render_pdf(render_html(_on_page(report, 3)))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(printed)).pages)
    assert "16 September 2017, p. 3" in " ".join(text.split())


def test_highlight_escapes_and_merges_spans() -> None:
    out = view.highlight("a <b> c", [(2, 5), (4, 7), (9, 12)])
    assert str(out) == "a <mark>&lt;b&gt; c</mark>"


def test_only_http_urls_become_links() -> None:
    assert view.safe_href("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for url in ("javascript:alert(1)", "file:///etc/passwd", "JaVaScRiPt:x", "http://", "//x"):
        assert view.safe_href(url) is None, url


# --- PDF --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf(html: str) -> bytes:
    return render_pdf(html)


def _outline_titles(pdf_bytes: bytes) -> list[str]:
    from pypdf import PdfReader

    titles: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(" ".join(str(item.title).split()))  # type: ignore[attr-defined]

    walk(PdfReader(io.BytesIO(pdf_bytes)).outline)
    return titles


def test_pdf_has_an_outline_entry_and_the_text_of_every_claim(report: Report, pdf: bytes) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=1)  # A4
    titles = _outline_titles(pdf)
    for claim in report.claims:
        assert any(claim.text in title for title in titles), claim.text
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for claim in report.claims:
        assert claim.text in text
    assert "Page 1 of" in text


_SECTION_TITLES = ("Summary", "Contents", "Claims", "Timeline", "Sources")


def _header_and_body(pdf_page: object) -> tuple[str, list[str]]:
    """The running header on the right of a PDF page, and the lines of its body, top down."""
    lines: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            lines.append((tm[5] * cm[3] + cm[5], tm[4] * cm[0] + cm[4], text.strip()))

    pdf_page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    top = float(pdf_page.mediabox.height) - 22 / 25.4 * 72  # type: ignore[attr-defined]
    header = [text for y, _, text in sorted(lines, key=lambda line: line[1]) if y > top]
    body = [text for y, _, text in sorted(lines, key=lambda line: -line[0]) if y <= top]
    return (header[-1] if header else ""), body


def _section_start(line: str) -> str | None:
    """The running-header text of a section that starts with this line of the body."""
    if line in _SECTION_TITLES:
        return line
    if line.startswith("CLAIM ") and line[6:].isdigit():
        return f"Claim {line[6:]}"  # the label is upper-cased by CSS, not in the header
    return None


def test_the_running_header_names_the_section_each_page_starts_in(report: Report) -> None:
    """A page that begins inside claim 1 says "Claim 1", though claim 2 starts lower down.

    Claim 1's citations are repeated until some page break falls inside it with claim 2 below
    (where it falls depends on the layout); every page's header is checked on the way."""
    from pypdf import PdfReader

    first = report.claims[0]
    inside_one = False
    for copies in range(2, 7):
        long_first = first.model_copy(update={"evidence": first.evidence * copies})
        pdf = render_pdf(
            render_html(report.model_copy(update={"claims": [long_first, *report.claims[1:]]}))
        )
        current, checked = None, 0
        for number, pdf_page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
            header, body = _header_and_body(pdf_page)
            starts = [label for line in body if (label := _section_start(line))]
            opening = _section_start(body[0]) if body else None
            # The contents' entries name the sections too: after its heading, and on a page it
            # goes on to, only a page that opens with a section starts one (the claims do).
            if "Contents" in starts:
                starts = starts[: starts.index("Contents") + 1]
            elif current == "Contents":
                starts = [opening] if opening else []
            if number > 1:
                assert header == (opening or current), (copies, number, header, body[:2])
                checked += 1
            if opening is None and current == "Claim 1" and "Claim 2" in starts:
                inside_one = True
            current = starts[-1] if starts else current
        assert checked >= 5
        if inside_one:
            break
    assert inside_one, "no page starts inside claim 1 and holds the start of claim 2"


def test_pdf_embeds_dejavu_fonts_only(pdf: bytes) -> None:
    from pypdf import PdfReader

    fonts: set[str] = set()
    for pdf_page in PdfReader(io.BytesIO(pdf)).pages:
        resources = pdf_page["/Resources"].get_object()
        for font in resources.get("/Font", {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    assert fonts
    assert all(name.startswith("/DejaVu") or name.startswith("DejaVu") for name in fonts), fonts


def test_pdf_is_byte_identical_across_renders(html: str, pdf: bytes) -> None:
    assert render_pdf(html) == pdf


def test_pdf_carries_the_as_of_date_not_the_clock(pdf: bytes) -> None:
    from pypdf import PdfReader

    info = PdfReader(io.BytesIO(pdf)).metadata
    assert info is not None
    assert str(info["/CreationDate"]).startswith("D:20170920")


def test_rendering_fetches_nothing(tmp_path: Path) -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.setblocking(False)
        port = server.getsockname()[1]
        report = make_report(port=port)
        html = render_html(report)
        assert f"127.0.0.1:{port}" in html
        assert render_pdf(html).startswith(b"%PDF")
        with pytest.raises(BlockingIOError):
            server.accept()


# --- writing ----------------------------------------------------------------------------------


def test_write_outputs_writes_each_format(report: Report, tmp_path: Path) -> None:
    written = write_outputs(report, tmp_path / "out", {"json", "html"})
    assert written == [tmp_path / "out" / "dossier.html", tmp_path / "out" / "dossier.json"]
    assert Report.model_validate_json(written[1].read_text(encoding="utf-8")) == report
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["dossier.html", "dossier.json"]


def test_json_alone_does_not_import_weasyprint(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from pathlib import Path
        from report_factory import make_report
        from dossier.render.output import write_outputs
        write_outputs(make_report(), Path({str(tmp_path)!r}), {{"json"}})
        assert "weasyprint" not in sys.modules, "weasyprint was imported"
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok\n"
    assert (tmp_path / "dossier.json").is_file()


def test_a_failed_render_leaves_the_previous_dossier(
    report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "dossier.pdf").write_bytes(b"%PDF previous")
    (tmp_path / "dossier.json").write_text("previous", encoding="utf-8")

    def broken(html: str) -> bytes:
        raise RuntimeError("weasyprint fell over")

    monkeypatch.setattr(pdf_module, "render_pdf", broken)
    with pytest.raises(RuntimeError):
        write_outputs(report, tmp_path, {"html", "pdf", "json"})
    assert (tmp_path / "dossier.pdf").read_bytes() == b"%PDF previous"
    assert (tmp_path / "dossier.json").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier.json", "dossier.pdf"]


def test_out_pointing_at_a_file_is_an_error(report: Report, tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(RenderError) as err:
        write_outputs(report, target, {"json"})
    assert (
        str(err.value)
        == f"--out {target} is a file, not a folder; choose a folder for the dossier."
    )


def test_out_that_cannot_be_created_is_an_error(report: Report, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    target = tmp_path / "file" / "out"
    with pytest.raises(RenderError) as err:
        write_outputs(report, target, {"json"})
    assert str(err.value).startswith(f"cannot create the output folder {target}: ")


def test_unknown_format_is_an_error(report: Report, tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="unknown output format docx"):
        write_outputs(report, tmp_path, {"docx"})


def test_verdicts_all_have_labels() -> None:
    assert [view.verdict_label(v) for v in Verdict] == [
        "Supported",
        "Contradicted",
        "Disputed",
        "Unverified",
    ]


def test_the_pdf_renderer_refuses_every_url_even_in_raw_markup() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.setblocking(False)
        port = server.getsockname()[1]
        html = (
            f'<html><head><link rel="stylesheet" href="http://127.0.0.1:{port}/s.css"></head>'
            f'<body><img src="http://127.0.0.1:{port}/x"><p>text</p></body></html>'
        )
        assert render_pdf(html).startswith(b"%PDF")
        with pytest.raises(BlockingIOError):
            server.accept()


def test_without_an_as_of_date_the_dossier_carries_no_date() -> None:
    page = Page(render_html(make_report(as_of=None)))
    assert [a for a in page.tags("meta") if (a.get("name") or "").startswith("dcterms.")] == []
    assert "no date given" in "".join(page.text)
