"""What the editors decided, as the dossier shows it: the HTML (and PDF) of reviewed claims,
claims under review and claims not reviewed, the JSON, the ClaimReview markup, and the
published edition (see ``make_reviewed_report``)."""

from __future__ import annotations

import dataclasses
import html as htmllib
import io
import json
import re

import pytest
from report_factory import make_report, make_reviewed_report

from dossier.models import Decision, Report
from dossier.render.html import render_html
from dossier.render.json import render_json
from dossier.render.pdf import render_pdf
from dossier.render.view import PartView, build_view, css_string
from dossier.review.publish import publish


@pytest.fixture(scope="module")
def report() -> Report:
    return make_reviewed_report()


@pytest.fixture(scope="module")
def html(report: Report) -> str:
    return render_html(report)


@pytest.fixture(scope="module")
def edition() -> Report:
    return publish(make_reviewed_report())


@pytest.fixture(scope="module")
def edition_html(edition: Report) -> str:
    return render_html(edition)


def text(markup: str) -> str:
    """The text a reader sees: tags dropped, entities read, spaces folded."""
    plain = re.sub(r"<script\b.*?</script>|<style\b.*?</style>", " ", markup, flags=re.S)
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", plain)).split())


def section(html: str, claim_id: str) -> str:
    """The text of one claim's section."""
    start = html.index(f'id="claim-{claim_id}"')
    return text(html[start : html.index("</article>", start)])


def json_ld(html: str) -> dict[str, dict]:  # type: ignore[type-arg]
    """Each claim's ClaimReview, by the claim's anchor."""
    blocks = re.findall(r'<script type="application/ld\+json">\n(.*?)\n</script>', html, re.S)
    reviews = [json.loads(block) for block in blocks]
    return {review["url"].removeprefix("#claim-"): review for review in reviews}


# --- a reviewed claim -------------------------------------------------------------------------


def test_a_reviewed_claim_shows_the_editors_verdict_who_when_and_why(html: str) -> None:
    shown = section(html, "russia-struck-sdf")

    assert "✓ Supported Reviewed by Jane Doe, 21 September 2017" in shown
    assert "Reviewer’s note: Moscow’s denial is <b>reported</b>, not evidence" in shown
    assert "Two sources back the claim" not in shown.split("Tool’s verdict")[0]


def test_the_tools_own_verdict_is_shown_smaller_where_it_differs(html: str) -> None:
    assert re.search(r'<p class="tool-verdict">Tool’s verdict: Disputed\. Two sources', html)
    assert "Tool’s verdict" not in section(html, "advisers-wounded")  # the editors agree


def test_approved_citations_are_marked_and_undecided_ones_in_a_review_say_so(html: str) -> None:
    struck = html[html.index('id="claim-russia-struck-sdf"') :]
    struck = struck[: struck.index("</article>")]
    advisers = html[html.index('id="claim-advisers-wounded"') :]
    advisers = advisers[: advisers.index("</article>")]

    assert re.findall(r'class="review-mark ([\w-]+)">([^<]+)<', struck) == [
        ("review-accepted", "Accepted by the editor"),
        ("review-undecided", "Not yet reviewed"),
    ]
    assert re.findall(r'class="review-mark ([\w-]+)">([^<]+)<', advisers) == [
        ("review-accepted", "Accepted by the editor"),
        ("review-added", "Added by the editor"),
    ]


def test_a_rejected_citation_is_no_evidence_and_is_counted(report: Report, html: str) -> None:
    review = report.claims[0].review
    assert review is not None
    [rejected] = review.rejected

    assert rejected.quote not in text(html)  # neither in the claim nor among the sources
    assert "1 citation rejected by the editors." in section(html, "russia-struck-sdf")


def test_an_approved_citation_no_longer_found_is_a_warning_on_its_claim(html: str) -> None:
    shown = section(html, "russia-struck-sdf")

    assert (
        "Warning: no longer found. The editors approved 1 citation that the corpus no longer "
        "holds as quoted: The offensive east of the Euphrates stalled on Sunday."
    ) in shown
    assert "afp/no-meta.txt ): the article no longer holds these words." in shown
    assert "<q>The offensive east of the Euphrates stalled on Sunday.</q>" in html


def test_a_reviewed_claim_without_name_or_date_says_the_editors(html: str) -> None:
    assert "✗ Contradicted Reviewed by the editors Tags" in section(html, "advisers-wounded")


# --- claims not reviewed ----------------------------------------------------------------------


def test_a_claim_under_review_is_not_yet_reviewed_with_its_approved_citations(html: str) -> None:
    shown = section(html, "1500-strikes-raqqa")

    assert (
        "Not yet reviewed: the verdict is the tool’s; review in progress (1 citation approved)."
        in shown
    )
    assert "Accepted by the editor" in shown
    assert "Reviewed by" not in shown


def test_an_unreviewed_claim_is_marked_plainly_and_its_citations_are_not(html: str) -> None:
    shown = section(html, "two-hours-notice")

    assert "Not yet reviewed: the verdict is the tool’s." in shown
    assert "Accepted by" not in shown and "review-mark" not in html.split("two-hours-notice")[2]


def test_the_summary_and_contents_count_reviewed_and_not_yet_reviewed_claims(html: str) -> None:
    shown = text(html)

    assert "Reviewed 2 of 5" in shown  # the cover
    assert "2 of 5 claims reviewed by the editors; 3 not yet reviewed" in shown
    assert "Claims (2 reviewed, 3 not yet reviewed)" in shown
    summary = html[html.index('<table class="summary-table">') : html.index("</table>")]
    assert re.findall(r'<span class="review-state">([^<]+)</span>', summary) == [
        "Reviewed",
        "Not yet reviewed",
        "Reviewed",
        "Not yet reviewed",
        "Not yet reviewed",
    ]


def test_a_dossier_no_one_reviewed_says_so_once_per_claim() -> None:
    shown = text(render_html(make_report()))

    assert "0 of 5 claims reviewed by the editors; 5 not yet reviewed" in shown
    assert shown.count("Not yet reviewed: the verdict is the tool’s.") == 5
    assert "Reviewed by" not in shown and "Accepted by" not in shown


# --- JSON and ClaimReview ---------------------------------------------------------------------


def test_the_json_carries_the_editors_and_the_tools_verdicts(report: Report) -> None:
    data = json.loads(render_json(report))
    struck, strikes, advisers, notice, _ = data["claims"]

    assert data["published"] is False
    assert (struck["verdict"], struck["review"]["verdict"]) == ("supported", "supported")
    assert struck["review"]["tool_verdict"] == "disputed"
    assert (struck["review"]["by"], struck["review"]["date"]) == ("Jane Doe", "2017-09-21")
    assert [e["reviewed"] for e in struck["evidence"]] == ["accepted", None]
    assert [c["decision"] for c in struck["review"]["rejected"]] == ["rejected"]
    assert struck["review"]["lost"][0]["why"] == "the article no longer holds these words"
    assert strikes["review"]["verdict"] is None
    assert [e["reviewed"] for e in advisers["evidence"]] == ["accepted", "added"]
    assert notice["review"] is None
    assert Report.model_validate(data) == report


def test_claim_review_markup_carries_the_editors_verdict_and_the_tools(html: str) -> None:
    review = json_ld(html)["russia-struck-sdf"]

    assert review["creativeWorkStatus"] == "Reviewed"
    assert review["author"] == {"@type": "Person", "name": "Jane Doe"}
    assert review["datePublished"] == "2017-09-21"  # the review's date, not the dossier's
    assert review["reviewRating"]["alternateName"] == "Supported"
    assert review["reviewRating"]["ratingValue"] == 4
    assert review["reviewRating"]["ratingExplanation"].startswith("Moscow’s denial")
    tool = review["associatedClaimReview"]
    assert tool["@type"] == "ClaimReview"
    assert tool["claimReviewed"] == review["claimReviewed"]
    assert (tool["reviewRating"]["alternateName"], tool["reviewRating"]["ratingValue"]) == (
        "Disputed",
        2,
    )
    assert tool["author"]["@type"] == "Organization"


def test_claim_review_markup_of_a_review_without_name_or_date(report: Report, html: str) -> None:
    review = json_ld(html)["advisers-wounded"]

    assert review["author"] == {"@type": "Organization", "name": report.title}
    assert review["datePublished"] == "2017-09-20"  # the dossier's as_of, never the clock
    assert review["creativeWorkStatus"] == "Reviewed"
    assert review["associatedClaimReview"]["reviewRating"]["alternateName"] == "Contradicted"


def test_claim_review_markup_says_a_claim_is_not_yet_reviewed(html: str) -> None:
    reviews = json_ld(html)

    for anchor in ("1500-strikes-raqqa", "two-hours-notice", "albukamal-captured"):
        assert reviews[anchor]["creativeWorkStatus"] == "Not yet reviewed", anchor
        assert "associatedClaimReview" not in reviews[anchor]
        assert reviews[anchor]["author"]["@type"] == "Organization"


def test_claim_review_markup_without_any_date_has_none(report: Report) -> None:
    undated = report.model_copy(update={"as_of": None})
    reviews = json_ld(render_html(undated))

    assert reviews["russia-struck-sdf"]["datePublished"] == "2017-09-21"
    assert "datePublished" not in reviews["advisers-wounded"]


# --- the published edition -------------------------------------------------------------------


def test_the_published_edition_says_so_in_its_title_and_heading(edition_html: str) -> None:
    title = "Deir ez-Zor, September 2017 — fact-check dossier (published edition)"

    assert f"<title>{htmllib.escape(title, quote=False)}</title>" in edition_html
    assert f"{title} As of" in text(edition_html)
    assert "Edition Published: reviewed claims only" in text(edition_html)
    assert "The published edition: the claims the editors reviewed" in text(edition_html)


def test_the_published_edition_shows_reviewed_claims_and_approved_citations_only(
    edition_html: str,
) -> None:
    shown = text(edition_html)

    assert re.findall(r'id="(claim-[\w-]+)"', edition_html) == [
        "claim-russia-struck-sdf",
        "claim-advisers-wounded",
    ]
    assert "Not yet reviewed" not in shown
    assert "Ahmed Abu Khawla" not in section(edition_html, "russia-struck-sdf")  # undecided
    assert "No passage approved by the editors conflicts with this claim." in shown
    assert "(2 reviewed" not in shown  # every claim is


def test_a_part_of_the_published_edition_printed_apart_names_the_edition(edition: Report) -> None:
    view = build_view(edition)
    part = dataclasses.replace(view, part=PartView(claims=range(0, 1), total_pages=3))

    assert css_string(f"{edition.title} (published edition)") in part.part_style


def test_the_printed_dossier_shows_the_review(edition_html: str, html: str) -> None:
    from pypdf import PdfReader

    def printed(markup: str) -> str:
        pages = PdfReader(io.BytesIO(render_pdf(markup))).pages
        return " ".join(" ".join(page.extract_text() for page in pages).split())

    full, published = printed(html), printed(edition_html)

    assert "Reviewed by Jane Doe, 21 September 2017" in full
    assert "Tool’s verdict: Disputed." in full
    assert "Not yet reviewed: the verdict is the tool’s" in full
    assert "ACCEPTED BY THE EDITOR" in full  # (text-transform: uppercase)
    assert "no longer found" in full
    assert "(published edition)" in published
    assert "Not yet reviewed" not in published


def test_an_approved_citation_is_marked_for_each_decision() -> None:
    report = make_reviewed_report()
    decisions = {e.reviewed for claim in report.claims for e in claim.evidence}

    assert decisions == {Decision.ACCEPTED, Decision.ADDED, None}  # the factory covers each
