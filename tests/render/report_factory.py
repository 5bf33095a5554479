"""A realistic `Report` built by hand, so the renderers can be developed and tested on their own.

It covers every verdict, evidence with and without speakers, figures and highlights, unicode
(curly quotes, dashes, Arabic names in Latin letters) and hostile text that must come out inert:
markup, `javascript:` and `file:` URLs, and links to a local port that must never be fetched.
Offsets are computed from the article texts, so `text[start:end] == quote` holds as in the
real pipeline.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

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
    cited_context,
)
from dossier.verdict import part_results


@dataclass(frozen=True)
class Article:
    path: str
    text: str
    meta: SourceMeta
    passages: int


def _articles(port: int) -> list[Article]:
    hostile = f'<img src="http://127.0.0.1:{port}/x"><link rel="stylesheet" href="http://127.0.0.1:{port}/s.css">'
    return [
        Article(
            path="reuters/2017-09-16-deir-ez-zor.txt",
            text=(
                "Russian jets strike near U.S.-backed forces in Deir ez-Zor\n"
                "\n"
                "BEIRUT (Reuters) – Russian jets struck positions of the U.S.-backed Syrian "
                "Democratic Forces (SDF) near Deir ez-Zor on Saturday, wounding six fighters, "
                "the SDF said. “Our forces were targeted by Russian aircraft,” said Ahmed Abu "
                "Khawla, head of the Deir ez-Zor Military Council.\n"
                "\n"
                "The coalition said about 1,500 strikes had been carried out around Raqqa since "
                "June. Coalition spokesman Col. Ryan Dillon said that U.S. advisers were present "
                "but none were hurt.\n"
            ),
            meta=SourceMeta(
                title="Russian jets strike near U.S.-backed forces in Deir ez-Zor",
                outlet="Reuters",
                date=dt.date(2017, 9, 16),
                url="https://www.reuters.com/article/us-mideast-crisis-syria-deirezzor",
            ),
            passages=5,
        ),
        Article(
            path="rt/kommersant-call.txt",
            text=(
                "Moscow denies bombing SDF\n"
                "\n"
                "“To avoid unnecessary escalation, the command of the Russian troops in Syria "
                "revealed the boundaries of the operation to the American partners,” the "
                "Russian Defense Ministry said. Spokesman Maj. Gen. Igor Konashenkov said "
                "Russian aircraft struck only confirmed Islamic State targets.\n"
                "\n"
                "Gen. Valery Gerasimov spent an hour on the phone with Gen. Joseph Dunford; "
                "notifications are sent at least two hours in advance.\n"
            ),
            meta=SourceMeta(
                title="Moscow denies bombing SDF — ‘only IS targets’ hit",
                outlet="RT",
                date=dt.date(2017, 9, 17),
                url="javascript:alert(document.cookie)",
            ),
            passages=4,
        ),
        Article(
            path="blog/<script>alert(1)</script>.md",
            text=(
                "Leaked notes\n"
                "\n"
                f'A local activist, Abu Mohammed al-Raqqawi, wrote: "{hostile} '
                '<script>alert(1)</script> no U.S. advisers were anywhere near Deir ez-Zor." '
                "See file:///etc/passwd and javascript:alert(2) for details.\n"
            ),
            meta=SourceMeta(
                title='<script>alert("title")</script> Leaked notes',
                outlet="Raqqa Is Being Slaughtered Silently",
                date=None,
                url="file:///etc/passwd",
                notes="Unverified blog post; author’s identity unconfirmed.",
            ),
            passages=2,
        ),
        Article(
            path="afp/no-meta.txt",
            text="Dispatch\n\nThe offensive east of the Euphrates continued on Sunday.\n",
            meta=SourceMeta(),
            passages=2,
        ),
    ]


def _rule_for(stance: Stance, figures: tuple[str, ...]) -> str:
    """The judge's rule that would decide such a citation."""
    if figures:
        return "figures.agree" if stance is Stance.SUPPORTS else "figures.disagree"
    return "statements.states" if stance is Stance.SUPPORTS else "statements.negates"


def _evidence(
    article: Article,
    quote: str,
    stance: Stance,
    reason: str,
    *,
    speaker: str | None = None,
    marks: tuple[str, ...] = (),
    figures: tuple[str, ...] = (),
    score: float = 1.0,
    rule: str | None = None,
    part: str | None = None,
) -> Evidence:
    """Evidence for `quote`, with offsets found in the article and its paragraph."""
    text = article.text
    start = text.index(quote)
    end = start + len(quote)
    paragraph_start = text.rfind("\n\n", 0, start)
    paragraph_start = 0 if paragraph_start < 0 else paragraph_start + 2
    paragraph_end = text.find("\n\n", end)
    paragraph_end = len(text.rstrip("\n")) if paragraph_end < 0 else paragraph_end
    highlights = [(quote.index(m), quote.index(m) + len(m)) for m in marks]
    return Evidence(
        stance=stance,
        source=article.path,
        start=start,
        end=end,
        quote=quote,
        reason=reason,
        rule=rule or _rule_for(stance, figures),
        speaker=speaker,
        figures=list(figures),
        highlights=highlights,
        score=score,
        part=part,
        **cited_context(text, start, end, paragraph_start, paragraph_end),
    )


def make_report(*, port: int = 9, as_of: dt.date | None = dt.date(2017, 9, 20)) -> Report:
    """The dossier as data: five claims, every verdict, hostile text in claims and quotes.

    `port` is the local port the hostile `<img>`/`<link>` point at, so a test can listen on it.
    """
    reuters, rt, blog, afp = _articles(port)
    hostile_quote = blog.text[blog.text.index("A local") : blog.text.index(" See file")]

    claims = [
        ClaimResult(
            id="russia-struck-sdf",
            text="Russian aircraft struck U.S.-backed SDF fighters near Deir ez-Zor.",
            line=3,
            expect=Verdict.DISPUTED,
            tags=["syria", "russia"],
            notes="Check the SDF’s casualty figure — six or “several”?",
            verdict=Verdict.DISPUTED,
            explanation="Two sources back the claim and one rejects it.",
            evidence=[
                _evidence(
                    reuters,
                    "Russian jets struck positions of the U.S.-backed Syrian Democratic Forces "
                    "(SDF) near Deir ez-Zor on Saturday, wounding six fighters, the SDF said.",
                    Stance.SUPPORTS,
                    "The passage reports Russian jets striking SDF positions near Deir ez-Zor.",
                    speaker="Syrian Democratic Forces",
                    marks=("Russian jets", "Deir ez-Zor", "six fighters"),
                    figures=("six fighters",),
                    score=0.92,
                ),
                _evidence(
                    reuters,
                    "“Our forces were targeted by Russian aircraft,” said Ahmed Abu Khawla, "
                    "head of the Deir ez-Zor Military Council.",
                    Stance.SUPPORTS,
                    "An SDF commander says Russian aircraft targeted his forces.",
                    speaker="Ahmed Abu Khawla",
                    marks=("Russian aircraft",),
                    score=0.81,
                ),
                _evidence(
                    rt,
                    "Spokesman Maj. Gen. Igor Konashenkov said Russian aircraft struck only "
                    "confirmed Islamic State targets.",
                    Stance.CONFLICTS,
                    "Russia’s spokesman says only Islamic State targets were struck, not the SDF.",
                    speaker="Igor Konashenkov",
                    marks=("only", "Islamic State"),
                    score=0.77,
                ),
            ],
        ),
        ClaimResult(
            id="1500-strikes-raqqa",
            text="The coalition carried out over 1,500 strikes around Raqqa, while the SDF "
            "took 80% of the city.",
            line=9,
            verdict=Verdict.SUPPORTED,
            explanation="One source gives about 1,500 strikes, which agrees with the claim.",
            evidence=[
                _evidence(
                    reuters,
                    "The coalition said about 1,500 strikes had been carried out around Raqqa "
                    "since June.",
                    Stance.SUPPORTS,
                    "“about 1,500 strikes” agrees with “over 1,500 strikes”.",
                    speaker="The coalition",
                    marks=("about 1,500 strikes", "Raqqa"),
                    figures=("about 1,500 strikes",),
                    score=0.88,
                    part="The coalition carried out over 1,500 strikes around Raqqa.",
                )
            ],
        ),
        ClaimResult(
            id="advisers-wounded",
            text="U.S. advisers were wounded in the strike <script>alert(1)</script>.",
            line=14,
            tags=["<b>us</b>"],
            verdict=Verdict.CONTRADICTED,
            explanation="Two sources say no U.S. advisers were hurt.",
            evidence=[
                _evidence(
                    reuters,
                    "Coalition spokesman Col. Ryan Dillon said that U.S. advisers were present "
                    "but none were hurt.",
                    Stance.CONFLICTS,
                    "The coalition says its advisers were present but not hurt.",
                    speaker="Ryan Dillon",
                    marks=("none were hurt",),
                    score=0.9,
                ),
                _evidence(
                    blog,
                    hostile_quote,
                    Stance.CONFLICTS,
                    'The activist says no advisers were near <a href="javascript:alert(3)">'
                    "Deir ez-Zor</a>.",
                    speaker='Abu Mohammed al-Raqqawi <img src="x" onerror="alert(4)">',
                    marks=("no U.S. advisers",),
                    score=0.4,
                ),
            ],
        ),
        ClaimResult(
            id="two-hours-notice",
            text="Russia notifies U.S. forces at least two hours before sorties.",
            line=18,
            verdict=Verdict.SUPPORTED,
            explanation="One source states notifications come at least two hours in advance.",
            evidence=[
                _evidence(
                    rt,
                    "Gen. Valery Gerasimov spent an hour on the phone with Gen. Joseph Dunford; "
                    "notifications are sent at least two hours in advance.",
                    Stance.SUPPORTS,
                    "“at least two hours in advance” matches the claim.",
                    marks=("at least two hours",),
                    figures=("at least two hours",),
                    score=0.7,
                )
            ],
        ),
        ClaimResult(
            id="albukamal-captured",
            text="Syrian forces captured Albukamal on 17 September 2017.",
            line=22,
            verdict=Verdict.UNVERIFIED,
            explanation="No passage in the corpus speaks to this claim.",
            evidence=[],
        ),
    ]

    cited: dict[str, int] = {}
    for claim in claims:
        for ev in claim.evidence:
            cited[ev.source] = cited.get(ev.source, 0) + 1
    sources = [
        SourceEntry(
            path=a.path,
            sha256=hashlib.sha256(a.text.encode("utf-8")).hexdigest(),
            meta=a.meta,
            passages=a.passages,
            cited=cited.get(a.path, 0),
        )
        for a in (reuters, rt, blog, afp)
    ]
    return Report(
        title="Deir ez-Zor, September 2017 — fact-check dossier",
        as_of=as_of,
        claims_file="claims.yaml",
        corpus_dir="corpus",
        documents=len(sources),
        passages=sum(a.passages for a in (reuters, rt, blog, afp)),
        furniture_paragraphs=1,
        sources=sources,
        # a compound claim's parts, judged on its citations as the pipeline judges them
        claims=[c.model_copy(update={"parts": part_results(c.text, c.evidence)}) for c in claims],
    )


def make_reviewed_report() -> Report:
    """``make_report`` with the editors' review laid over three claims, as ``review.apply`` lays
    it: one reviewed against the tool (its verdict changed, a citation accepted, one rejected,
    one left undecided, one approved citation no longer found), one whose review is in
    progress (a citation accepted, no verdict), one reviewed as the tool saw it (no name, no
    date, a citation added); the other two not reviewed. Hostile text in the note stays inert."""
    report = make_report()
    struck, strikes, advisers, *rest = report.claims
    accepted, undecided, rejected = struck.evidence
    struck = struck.model_copy(
        update={
            "verdict": Verdict.SUPPORTED,
            "explanation": "The verdict of Jane Doe, 2017-09-21. Backed by 2 passages in 1 "
            "source; no passage conflicts with it.",
            "evidence": [accepted.model_copy(update={"reviewed": Decision.ACCEPTED}), undecided],
            "review": ReviewOutcome(
                verdict=Verdict.SUPPORTED,
                note="Moscow’s denial is <b>reported</b>, not evidence that no strike happened.",
                by="Jane Doe",
                date=dt.date(2017, 9, 21),
                tool_verdict=struck.verdict,
                tool_explanation=struck.explanation,
                rejected=[
                    QuotedCitation(
                        source=rejected.source, quote=rejected.quote, decision=Decision.REJECTED
                    )
                ],
                lost=[
                    QuotedCitation(
                        source="afp/no-meta.txt",
                        quote="The offensive east of the Euphrates stalled on Sunday.",
                        decision=Decision.ACCEPTED,
                        why="the article no longer holds these words",
                    )
                ],
                unreviewed=1,
            ),
        }
    )
    [cited] = strikes.evidence
    strikes = strikes.model_copy(
        update={
            "evidence": [cited.model_copy(update={"reviewed": Decision.ACCEPTED})],
            "review": ReviewOutcome(
                verdict=None,
                tool_verdict=strikes.verdict,
                tool_explanation=strikes.explanation,
            ),
        }
    )
    denied, added = advisers.evidence
    advisers = advisers.model_copy(
        update={
            "explanation": f"The verdict of the editors. {advisers.explanation}",
            "evidence": [
                denied.model_copy(update={"reviewed": Decision.ACCEPTED}),
                added.model_copy(update={"reviewed": Decision.ADDED, "rule": "review.added"}),
            ],
            "review": ReviewOutcome(
                verdict=Verdict.CONTRADICTED,
                tool_verdict=advisers.verdict,
                tool_explanation=advisers.explanation,
            ),
        }
    )
    claims = [struck, strikes, advisers, *rest]
    cited: dict[str, int] = {}
    for claim in claims:
        for ev in claim.evidence:
            cited[ev.source] = cited.get(ev.source, 0) + 1
    sources = [s.model_copy(update={"cited": cited.get(s.path, 0)}) for s in report.sources]
    return report.model_copy(update={"claims": claims, "sources": sources})
