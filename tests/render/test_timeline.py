"""Dating cited passages (dossier.analysis.dates), and the dossier's figures chart and timeline."""

from __future__ import annotations

import datetime as dt
import re

from report_factory import make_report

from dossier.analysis.dates import chronological, event_date
from dossier.models import Report
from dossier.render.html import render_html
from dossier.render.view import build_view

THURSDAY = dt.date(2017, 9, 21)


def test_an_explicit_date_is_parsed() -> None:
    assert event_date("It fell on 20 September 2017 at dawn.", THURSDAY) == (
        dt.date(2017, 9, 20),
        "20 September 2017",
    )
    assert event_date("September 9 was quiet.", THURSDAY) == (dt.date(2017, 9, 9), "September 9")


def test_an_abbreviated_month_takes_the_year_of_publication() -> None:
    resolved = event_date("On Sept. 4, the army crossed.", dt.date(2017, 9, 10))
    assert resolved is not None
    assert resolved[0] == dt.date(2017, 9, 4)


def test_weekdays_resolve_to_the_latest_such_day_on_or_before_publication() -> None:
    assert THURSDAY.weekday() == 3
    saturday = event_date("Jets struck on Saturday, the SDF said.", THURSDAY)
    tuesday = event_date("Last Tuesday the convoy left.", THURSDAY)
    assert saturday is not None and saturday[0] == dt.date(2017, 9, 16)
    assert tuesday is not None and tuesday[0] == dt.date(2017, 9, 19)
    same_day = event_date("on Thursday", THURSDAY)
    assert same_day is not None and same_day[0] == THURSDAY


def test_without_a_publication_date_or_date_words_nothing_is_resolved() -> None:
    assert event_date("On Sept. 4, the army crossed.", None) is None
    assert event_date("on Saturday", None) is None
    assert event_date("about 1,500 strikes since the spring", THURSDAY) is None


def test_chronological_puts_undated_last_and_is_stable() -> None:
    items = [("a", None), ("b", dt.date(2017, 9, 5)), ("c", None), ("d", dt.date(2017, 9, 1))]
    assert [k for k, _ in chronological(items, lambda i: i[1])] == ["d", "b", "a", "c"]


def test_the_timeline_orders_every_cited_passage_once() -> None:
    view = build_view(make_report())
    quotes = {(ev.source, ev.start) for claim in view.report.claims for ev in claim.evidence}
    assert len(view.timeline) == len(quotes)
    dated = [entry.event for entry in view.timeline if entry.event is not None]
    assert dated == sorted(dated) and dated
    assert view.timeline[0].event == dt.date(2017, 9, 16)  # "on Saturday", published the 16th
    seen_undated = False
    for entry in view.timeline:
        seen_undated = seen_undated or entry.event is None
        assert not (seen_undated and entry.event is not None)


def test_the_html_has_a_timeline_with_links_to_its_citations() -> None:
    html = render_html(make_report())
    assert 'id="timeline-heading"' in html and 'href="#timeline-heading"' in html
    section = html[html.index('<section class="timeline"') :]
    section = section[: section.index("</section>")]
    assert "undated" in section
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    for target in re.findall(r'href="#([^"]+)"', section):
        assert target in ids, target


def test_a_claim_with_figures_gets_a_chart_with_one_row_per_figure() -> None:
    report = make_report()
    html = render_html(report)
    for claim in report.claims:
        start = html.index(f'id="claim-{claim.id}"')
        article = html[start : html.index("</article>", start)]
        figures = [f for ev in claim.evidence for f in ev.figures]
        if not figures:
            assert "<svg" not in article
            continue
        assert "Figures reported" in article
        svg = article[article.index("<svg") : article.index("</svg>")]
        assert svg.count('class="fig-row"') == len(figures)
        assert "supports:" in svg or "conflicts:" in svg  # stance in words, not colour alone
        assert "href" not in svg and "<script" not in svg


def _chart_of(report: Report, claim_id: str) -> str:
    html = render_html(report)
    start = html.index(f'id="claim-{claim_id}"')
    article = html[start : html.index("</article>", start)]
    return article[article.index("<svg") : article.index("</svg>")] if "<svg" in article else ""


def test_a_count_cited_without_its_noun_is_charted() -> None:
    """The pipeline cites a count as its figure alone ("about 1,500"): the noun is the claim's."""
    report = make_report()
    (n,) = [i for i, c in enumerate(report.claims) if c.id == "1500-strikes-raqqa"]
    claim = report.claims[n]
    evidence = [ev.model_copy(update={"figures": ["about 1,500"]}) for ev in claim.evidence[:1]]
    claims = list(report.claims)
    claims[n] = claim.model_copy(update={"evidence": evidence})

    svg = _chart_of(report.model_copy(update={"claims": claims}), claim.id)

    assert svg.count('class="fig-row"') == 1 and "1,500 — supports: about 1,500" in svg


def test_a_claim_in_round_words_is_no_bar_of_the_chart() -> None:
    report = make_report()
    (n,) = [i for i, c in enumerate(report.claims) if c.id == "1500-strikes-raqqa"]
    claims = list(report.claims)
    claims[n] = claims[n].model_copy(update={"text": "The coalition flew dozens of strikes."})

    svg = _chart_of(report.model_copy(update={"claims": claims}), claims[n].id)

    assert 'class="fig-row"' in svg and 'class="fig-claim"' not in svg  # not "24 — claimed"
