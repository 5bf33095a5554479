"""`dossier eval GOLD`: the judgment measured against a gold set, beside its targets; and
`dossier eval TOPIC...`: several topics in the topic gold format, as the bench scores them.

The fixture gold set (tests/fixtures/evaluate/gold.yaml) has five claims over two short articles.
Claims 1-3 are labelled as a careful editor would; claims 4 and 5 are labelled wrongly on purpose,
so every figure counts something:

* only-120-workers expects "supported" (it is disputed) and lists dam.txt's "about 300 workers"
  as support, when the tool rightly cites it as a conflict: one verdict wrong, one support
  missed, one citation misattributed;
* closed-two-months-again leaves out council.txt's "closed for two months" (the tool's citation
  of it is extra) and lists the unrelated reservoir sentence as a conflict (missed).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.models import ClaimResult, Evidence, Stance, Verdict
from dossier.pipeline import build_report
from dossier.tools.evaluate import (
    EvalReport,
    GoldEntry,
    GoldError,
    GoldSet,
    TopicFigures,
    TopicGold,
    TopicsReport,
    evaluate,
    fold,
    load_gold,
    read_gold,
    run_eval,
    score,
    score_topic,
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "evaluate"
GOLD = FIXTURES / "gold.yaml"
CORPUS = FIXTURES / "corpus"
DAM = (CORPUS / "dam.txt").read_text(encoding="utf-8")

runner = CliRunner()


def figures(report: EvalReport) -> dict[str, tuple[int, int, bool | None]]:
    return {f.name: (f.count, f.total, f.met) for f in report.figures}


@pytest.fixture(scope="module")
def report() -> EvalReport:
    return evaluate(load_gold(GOLD, CORPUS), CORPUS)


# --- the figures --------------------------------------------------------------------------


def test_the_figures_of_the_fixture_gold_set(report: EvalReport) -> None:
    assert (report.claims, report.gold_entries, report.citations) == (5, 8, 8)
    assert (report.documents, report.passages) == (2, 5)
    assert figures(report) == {
        "verdicts": (4, 5, False),
        "support recall": (5, 6, False),
        "conflict recall": (1, 2, False),
        "misattributed": (1, 8, False),
        "non-verbatim": (0, 8, True),
        "extra citations": (1, 8, None),
    }


def test_each_claim_lists_what_it_missed(report: EvalReport) -> None:
    by_id = {e.id: e for e in report.results}
    assert [e.id for e in report.results if e.failed] == [
        "only-120-workers",
        "closed-two-months-again",
    ]
    wrong = by_id["only-120-workers"]
    assert (wrong.expected, wrong.got) == (Verdict.SUPPORTED, Verdict.DISPUTED)
    assert [(g.source, g.quote) for g in wrong.missed] == [
        ("dam.txt", "about 300 workers took part")
    ]
    assert [(c.stance, c.quote) for c in wrong.misattributed] == [
        (Stance.CONFLICTS, "Engineers said about 300 workers took part in the repairs.")
    ]
    incomplete = by_id["closed-two-months-again"]
    assert incomplete.verdict_ok
    assert [g.quote for g in incomplete.missed] == ["The reservoir holds 14 billion cubic metres"]
    assert [(c.source, c.quote) for c in incomplete.extra] == [
        ("council.txt", "The mayor, Ahmed Hassan, said the dam was closed for two months.")
    ]


def test_the_text_report_sets_figures_beside_targets() -> None:
    result = runner.invoke(app, ["eval", str(GOLD), "--corpus", str(CORPUS)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"Gold set {GOLD}: 5 claims, 8 gold quotes.\n"
        f"Corpus {CORPUS}: 2 articles, 5 passages; 8 citations made.\n"
        "\n"
        "figure           result            target  met\n"
        "verdicts         4/5  80.0%        ≥ 95%   NO\n"
        "support recall   5/6  83.3%        100%    NO\n"
        "conflict recall  1/2  50.0%        ≥ 90%   NO\n"
        "misattributed    1 of 8 citations  0       NO\n"
        "non-verbatim     0 of 8 citations  0       yes\n"
        "extra citations  1 of 8 citations  -       -\n"
        "\n"
        "rule              cited  agreed\n"
        "figures.agree     6      5  83.3%\n"
        "figures.disagree  2      1  50.0%\n"
        "\n"
        "Misses (2 of 5 claims):\n"
        "- only-120-workers (line 33): verdict disputed, expected supported\n"
        '    missed support: dam.txt "about 300 workers took part"\n'
        "    misattributed: conflicts dam.txt:112-170 "
        '"Engineers said about 300 workers took part in the repairs."\n'
        "- closed-two-months-again (line 43): verdict supported, as expected\n"
        '    missed conflict: dam.txt "The reservoir holds 14 billion cubic metres"\n'
    )


def test_the_json_report_holds_figures_and_every_claim() -> None:
    result = runner.invoke(app, ["eval", str(GOLD), "--corpus", str(CORPUS), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [f["name"] for f in data["figures"]] == [
        "verdicts",
        "support recall",
        "conflict recall",
        "misattributed",
        "non-verbatim",
        "extra citations",
    ]
    assert data["figures"][0] == {
        "name": "verdicts",
        "count": 4,
        "total": 5,
        "rate": 0.8,
        "target": "≥ 95%",
        "met": False,
    }
    assert [r["id"] for r in data["results"]][:2] == ["about-300-workers", "repairs-two-months"]


def test_each_rule_of_the_judge_is_counted_with_how_often_the_gold_agrees(
    report: EvalReport,
) -> None:
    # 8 citations: "figures.agree" decided 6 (the mayor's "closed for two months" is extra),
    # "figures.disagree" 2 (the engineers' "about 300 workers" is misattributed).
    assert [(r.rule, r.cited, r.agreed) for r in report.rules] == [
        ("figures.agree", 6, 5),
        ("figures.disagree", 2, 1),
    ]
    result = runner.invoke(app, ["eval", str(GOLD), "--corpus", str(CORPUS), "--format", "json"])
    assert json.loads(result.output)["rules"] == [
        {"rule": "figures.agree", "cited": 6, "agreed": 5},
        {"rule": "figures.disagree", "cited": 2, "agreed": 1},
    ]


def test_distractor_folders_add_articles_without_changing_the_gold_figures(
    tmp_path: Path, report: EvalReport
) -> None:
    distractors = tmp_path / "news"
    (distractors / "sport").mkdir(parents=True)
    (distractors / "weather.txt").write_text(
        "Rain is expected across the north on Friday, forecasters said.\n", encoding="utf-8"
    )
    (distractors / "sport" / "match.txt").write_text(
        "The home side won the final by two goals. Fans celebrated late into the night.\n",
        encoding="utf-8",
    )
    with_report = evaluate(load_gold(GOLD, CORPUS), CORPUS, [distractors])
    assert (with_report.documents, with_report.passages) == (4, 8)
    assert with_report.corpus_dirs == [str(CORPUS), str(distractors)]
    assert figures(with_report) == figures(report)
    assert with_report.distractor_citations == 0


def test_a_cited_distractor_is_counted_and_shown_where_a_verdict_is_wrong(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "ministry.txt").write_text(
        "The ministry said only 120 workers took part in the repairs of the Tabqa dam.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["eval", str(GOLD), "--corpus", str(CORPUS), "--with", str(news)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1:3] == [
        f"Corpus {CORPUS} + {news}: 3 articles, 6 passages; 10 citations made.",
        "2 of the citations are of articles in the --with folders.",
    ]
    assert "extra citations  3 of 10 citations  -       -" in lines
    # only-120-workers got the wrong verdict: its citations outside the gold set are shown.
    assert (
        "    extra: supports news/ministry.txt:0-77 "
        '"The ministry said only 120 workers took part in the repairs of the Tabqa dam."'
    ) in lines


def test_combined_corpus_keeps_paths_unique_and_ids_in_order(tmp_path: Path) -> None:
    from dossier.corpus.read import load_corpus
    from dossier.tools.evaluate import combine_corpora

    twin = tmp_path / "corpus"
    shutil.copytree(CORPUS, twin)  # same folder name and file names as the main corpus
    combined = combine_corpora(load_corpus(CORPUS), [load_corpus(twin), load_corpus(twin)])
    paths = [d.path for d in combined.documents]
    assert paths == [
        "council.txt",
        "dam.txt",
        "corpus/council.txt",
        "corpus/dam.txt",
        "corpus-2/council.txt",
        "corpus-2/dam.txt",
    ]
    assert [p.id for p in combined.passages] == list(range(15))
    for p in combined.passages:
        assert combined.document(p.source).text[p.start : p.end] == p.text
    assert {p.source for p in combined.paragraphs} == set(paths)


# --- the matching rule --------------------------------------------------------------------


def cite(stance: Stance, quote: str, *, source: str = "dam.txt", text: str = DAM) -> Evidence:
    start = text.index(quote)
    return Evidence(
        stance=stance,
        source=source,
        start=start,
        end=start + len(quote),
        quote=quote,
        reason="test",
        rule="statements.states",
        score=1.0,
        paragraph_start=0,
        paragraph_end=0,
        context_start=0,
        context_end=0,
        context="",
    )


def entry(stance: Stance, quote: str) -> GoldEntry:
    start = DAM.index(quote)
    return GoldEntry(
        claim="c",
        stance=stance,
        index=0,
        source="dam.txt",
        quote=quote,
        spans=[(start, start + len(quote))],
        line=1,
    )


def test_a_citation_matches_when_it_holds_at_least_half_the_gold_quote() -> None:
    gold = entry(Stance.SUPPORTS, "about 300 workers took part in the repairs")  # 42 characters
    assert gold.matched_by(cite(Stance.SUPPORTS, "Engineers said about 300 workers took part"))
    assert gold.matched_by(cite(Stance.SUPPORTS, "workers took part in the repairs."))  # 32 of 42
    assert not gold.matched_by(cite(Stance.SUPPORTS, "took part in the"))  # 16 of 42
    assert not gold.matched_by(
        cite(Stance.SUPPORTS, "The local council", source="council.txt", text="The local council")
    )


def scored(entries: list[GoldEntry], evidence: list[Evidence]) -> EvalReport:
    gold = GoldSet.model_validate(
        {
            "path": "gold.yaml",
            "corpus_dir": str(CORPUS),
            "file": {"claims": [{"id": "c", "text": "A claim.", "verdict": "disputed"}]},
            "lines": {"c": 2},
            "entries": {"c": entries},
        }
    )
    result = ClaimResult(
        id="c", text="A claim.", verdict=Verdict.DISPUTED, explanation="", evidence=evidence
    )
    from dossier.corpus.read import load_corpus

    return score(gold, load_corpus(CORPUS), [result], [CORPUS])


def test_a_sentence_listed_on_both_sides_is_no_misattribution() -> None:
    sentence = "Engineers said about 300 workers took part in the repairs."
    entries = [entry(Stance.SUPPORTS, "about 300 workers"), entry(Stance.CONFLICTS, "Engineers")]
    report = scored(entries, [cite(Stance.SUPPORTS, sentence)])
    assert figures(report)["misattributed"] == (0, 1, True)
    assert figures(report)["support recall"] == (1, 1, True)
    assert figures(report)["conflict recall"] == (0, 1, False)


def test_a_quote_that_is_not_the_source_text_is_counted_non_verbatim() -> None:
    good = cite(Stance.SUPPORTS, "about 300 workers took part")
    shifted = good.model_copy(update={"start": good.start + 1, "end": good.end + 1})
    retyped = good.model_copy(update={"quote": "about 300 workers took  part"})
    report = scored([entry(Stance.SUPPORTS, "about 300 workers")], [good, shifted, retyped])
    assert figures(report)["non-verbatim"] == (2, 3, False)
    assert [(c.start, c.quote) for c in report.results[0].non_verbatim] == [
        (shifted.start, shifted.quote),
        (retyped.start, retyped.quote),
    ]


# --- bad gold files -----------------------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "gold.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(GoldError) as caught:
        load_gold(path, CORPUS)
    return caught.value.problems


def test_a_quote_missing_from_its_source_is_named(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "claims:\n"
        "  - id: about-300-workers\n"
        "    text: About 300 workers repaired the dam.\n"
        "    verdict: supported\n"
        "    support:\n"
        "      - source: dam.txt\n"
        "        quote: about 500 workers took part\n"
        "      - source: missing.txt\n"
        "        quote: anything\n",
    )
    assert problems(path) == [
        f"{path}:7:16: claims[0].support[0] of about-300-workers: the quote "
        '"about 500 workers took part" is not in dam.txt; copy it from the article exactly.',
        f"{path}:8:17: claims[0].support[1] of about-300-workers: no article 'missing.txt' "
        f"in the corpus folder {CORPUS} (sources are paths relative to it).",
    ]


def test_every_problem_of_the_file_is_reported_with_its_place(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "claims:\n"
        "  - id: first\n"
        "    text: The first claim.\n"
        "    verdict: suported\n"
        "    notes: a typo for note\n"
        "  - id: Second Claim\n"
        "    verdict: supported\n",
    )
    assert problems(path) == [
        f"{path}:4:14: claims[0].verdict: Input should be 'supported', 'contradicted', "
        "'disputed' or 'unverified'.",
        f"{path}:5:5: claims[0].notes: Extra inputs are not permitted.",
        f"{path}:6:5: claims[1].text: Field required.",
        f"{path}:6:9: claims[1].id: String should match pattern '^[a-z0-9]+(?:-[a-z0-9]+)*$'.",
    ]


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    claim = "  - id: same\n    text: A claim.\n    verdict: unverified\n"
    path = write(tmp_path, "claims:\n" + claim + claim)
    assert problems(path) == [
        f"{path}:5:9: claims[1].id: duplicate id 'same' (first defined at line 2); "
        "give each claim its own id."
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "the file is empty; it needs a 'claims:' list."),
        ("- a\n- b\n", "1:1: expected a mapping with a 'claims:' list at the top."),
        ("claims: [\n", "2:1: invalid YAML: expected the node content, but found '<stream end>'."),
        (
            "aliases: &a {x: [y]}\nclaims: []\nmore: *a\n",
            "3:7: YAML aliases (*name) are not allowed; write values out.",
        ),
    ],
)
def test_files_that_are_no_gold_set(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path, text)
    sep = "" if problem[0].isdigit() else " "
    assert problems(path) == [f"{path}:{sep}{problem}"]


def test_the_cli_reports_a_bad_gold_file_and_exits_2(tmp_path: Path) -> None:
    path = write(tmp_path, "claims:\n  - id: x\n    text: A claim.\n    verdict: maybe\n")
    result = runner.invoke(app, ["eval", str(path), "--corpus", str(CORPUS)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {path}:4:14: claims[0].verdict: Input should be 'supported', 'contradicted', "
        "'disputed' or 'unverified'.\n"
    )
    missing = runner.invoke(app, ["eval", str(tmp_path / "nope.yaml"), "--corpus", str(CORPUS)])
    assert missing.exit_code == 2
    assert (
        missing.stderr == f"Error: {tmp_path / 'nope.yaml'}: gold file not found; check the path.\n"
    )


def test_an_unknown_format_is_a_usage_error() -> None:
    result = runner.invoke(app, ["eval", str(GOLD), "--corpus", str(CORPUS), "--format", "csv"])
    assert result.exit_code == 2
    assert result.stderr == "Error: --format: unknown format 'csv'; use one of text, json\n"


def test_a_gold_quote_no_passage_holds_is_reported_unreachable(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "claims:\n"
        "  - id: dam-reopened\n"
        "    text: The Tabqa dam reopened after repairs.\n"
        "    verdict: supported\n"
        "    support:\n"
        "      - source: dam.txt\n"
        "        quote: Tabqa dam reopens after repairs\n",
    )
    report = evaluate(load_gold(path, CORPUS), CORPUS)
    assert [(g.claim, g.quote, g.line) for g in report.unreachable] == [
        ("dam-reopened", "Tabqa dam reopens after repairs", 6)
    ]
    result = runner.invoke(app, ["eval", str(path), "--corpus", str(CORPUS)])
    assert result.exit_code == 0, result.output
    assert (
        "Unreachable gold quotes (1): no passage of the corpus holds them, so no citation can "
        "match; fix the gold set.\n"
        '- dam-reopened (line 6): dam.txt "Tabqa dam reopens after repairs"\n'
    ) in result.output


def test_a_gold_set_is_evaluated_on_the_corpus_it_was_checked_against(tmp_path: Path) -> None:
    gold = load_gold(GOLD, CORPUS)
    with pytest.raises(GoldError) as caught:
        evaluate(gold, tmp_path)
    assert str(caught.value) == (
        f"{GOLD}: its quotes were found in {CORPUS}, not {tmp_path}; "
        "load the gold set with the corpus folder it is evaluated on."
    )


# --- topics -------------------------------------------------------------------------------
# tests/fixtures/evaluate/topics/: two tiny topics in the topic gold format (groups of
# alternative substrings, also_* lists, why). Some gold claims are wrong on purpose (said in
# their `why`), so that every figure counts something; the figures are those the bench's scorer
# gives on the same builds.

TOPICS = FIXTURES / "topics"
BRIDGE = TOPICS / "bridge"
VOTE = TOPICS / "vote"


@pytest.fixture(scope="module")
def topics() -> TopicsReport:
    report = run_eval([BRIDGE, VOTE / "gold.yaml"], CORPUS)
    assert isinstance(report, TopicsReport)
    return report


def test_each_topic_is_scored_as_the_bench_scores_it(topics: TopicsReport) -> None:
    assert [(t.name, t.documents) for t in topics.topics] == [("bridge", 2), ("vote", 2)]
    assert [t.figures for t in topics.topics] == [
        TopicFigures(
            claims=3,
            verdicts=2,
            support_total=3,
            support_found=2,
            conflict_total=2,
            conflict_found=2,
            cited=5,
            listed=4,
            misattributed=1,
        ),
        TopicFigures(
            claims=4,
            verdicts=2,
            support_total=2,
            support_found=2,
            conflict_total=2,
            conflict_found=2,
            cited=6,
            listed=4,
            support_without_gold=1,
            missing=1,
        ),
    ]
    assert topics.total == TopicFigures(
        claims=7,
        verdicts=4,
        support_total=5,
        support_found=4,
        conflict_total=4,
        conflict_found=4,
        cited=11,
        listed=8,
        misattributed=1,
        support_without_gold=1,
        missing=1,
    )


def test_a_topic_claim_lists_its_missed_groups_and_wrong_citations(topics: TopicsReport) -> None:
    bridge = {r.id: r for r in topics.topics[0].results}
    # The gold's substrings are found after folding case, whitespace and curly quotes.
    assert not bridge["cost-40-million"].failed
    wrong = bridge["cost-55-million"]
    assert (wrong.expected, wrong.got, wrong.line) == (Verdict.SUPPORTED, Verdict.DISPUTED, 20)
    assert [(g.stance, g.alternatives) for g in wrong.missed] == [
        (Stance.SUPPORTS, ["It carries 12,000 cars a day", "12,000 vehicles"])
    ]
    assert [(c.stance, c.source) for c in wrong.misattributed] == [
        (Stance.CONFLICTS, "opening.txt")
    ]
    vote = {r.id: r for r in topics.topics[1].results}
    assert [c.quote for c in vote["greens-12-seats"].unlisted] == [
        "The Green party took 12 seats in Lorne, the electoral office said."
    ]
    assert vote["greens-12-seats"].verdict_ok
    assert vote["turnout-61-percent"].support_without_gold
    assert vote["lorne-mayor"].got is None


def test_the_rules_are_counted_over_every_topic(topics: TopicsReport) -> None:
    assert [(r.rule, r.cited, r.agreed) for r in topics.topics[0].rules] == [
        ("figures.agree", 2, 2),
        ("figures.disagree", 3, 2),
    ]
    assert [(r.rule, r.cited, r.agreed) for r in topics.rules] == [
        ("figures.agree", 6, 4),
        ("figures.disagree", 5, 4),
    ]


def test_the_text_report_of_topics_gives_a_line_per_topic_then_rules_then_misses() -> None:
    result = runner.invoke(app, ["eval", str(BRIDGE), str(VOTE / "gold.yaml")])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "2 topics, 7 claims: 5 support and 4 conflict groups in the gold; 11 citations made.\n"
        "\n"
        "topic   verdicts   support recall  conflict recall  citation precision  "
        "misattributed  non-verbatim\n"
        "bridge  2/3 (67%)  2/3 (67%)       2/2 (100%)       4/5 (80%)           "
        "1              0\n"
        "vote    2/4 (50%)  2/2 (100%)      2/2 (100%)       4/6 (67%)           "
        "0              0\n"
        "total   4/7 (57%)  4/5 (80%)       4/4 (100%)       8/11 (73%)          "
        "1              0\n"
        "Support cited for claims the gold gives no support: 1.\n"
        "Gold claims missing from their topic's claims file: 1.\n"
        "\n"
        "rule              cited  agreed\n"
        "figures.agree     6      4  66.7%\n"
        "figures.disagree  5      4  80.0%\n"
        "\n"
        f"Misses in bridge ({BRIDGE / 'gold.yaml'}; 1 of 3 claims):\n"
        "- cost-55-million (line 20): verdict disputed, expected supported\n"
        "    why: Wrong on purpose: the verdict (the 40 million conflicts), the traffic group "
        "(nothing to do with the cost) a...\n"
        '    missed support: "It carries 12,000 cars a day" (or 1 other)\n'
        "    misattributed: conflicts opening.txt:111-174 "
        '"The council’s engineers said the bridge cost 40 million pounds."\n'
        "\n"
        f"Misses in vote ({VOTE / 'gold.yaml'}; 3 of 4 claims):\n"
        "- greens-12-seats (line 4): verdict supported, as expected\n"
        '    why: Leaves out the electoral office\'s "took 12 seats" on purpose.\n'
        "    not in the gold: supports count.txt:18-84 "
        '"The Green party took 12 seats in Lorne, the electoral office said."\n'
        "- turnout-61-percent (line 20): verdict disputed, expected contradicted\n"
        "    why: Wrong on purpose, the final count's 61 percent left out.\n"
        "    not in the gold: supports count.txt:86-164 "
        '"Turnout in Lorne was 61 percent, the electoral office said in its final count."\n'
        "- lorne-mayor (line 28): not in the claims file, expected unverified\n"
        "    why: Not in claims.yaml, on purpose.\n"
    )


def test_the_json_report_of_topics_holds_each_topic_the_total_and_the_rules() -> None:
    result = runner.invoke(app, ["eval", str(BRIDGE), str(VOTE), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [t["name"] for t in data["topics"]] == ["bridge", "vote"]
    assert data["topics"][0]["gold"] == str(BRIDGE / "gold.yaml")
    assert data["total"] == {
        "claims": 7,
        "verdicts": 4,
        "support_total": 5,
        "support_found": 4,
        "conflict_total": 4,
        "conflict_found": 4,
        "cited": 11,
        "listed": 8,
        "misattributed": 1,
        "non_verbatim": 0,
        "support_without_gold": 1,
        "missing": 1,
    }
    assert data["rules"] == [
        {"rule": "figures.agree", "cited": 6, "agreed": 4},
        {"rule": "figures.disagree", "cited": 5, "agreed": 4},
    ]
    mayor = data["topics"][1]["results"][3]
    assert (mayor["id"], mayor["got"], mayor["expected"]) == ("lorne-mayor", None, "unverified")


def test_a_topic_quote_that_is_not_the_source_text_is_counted_non_verbatim() -> None:
    topic = read_gold(BRIDGE, CORPUS)
    assert isinstance(topic, TopicGold)
    report = build_report(Path(topic.claims_path), Path(topic.corpus_dir))
    first = report.claims[0]
    moved = first.evidence[0].model_copy(update={"start": first.evidence[0].start + 1})
    claims = [first.model_copy(update={"evidence": [moved, *first.evidence[1:]]})]
    scored_topic = score_topic(topic, report.model_copy(update={"claims": claims}))
    assert scored_topic.figures.non_verbatim == 1
    assert [c.start for c in scored_topic.results[0].non_verbatim] == [moved.start]
    assert scored_topic.figures.missing == 2  # the other claims were left out of the report


def test_gold_substrings_are_matched_after_folding() -> None:
    assert fold("  The Council’s\n “ENGINEERS”\u00a0said ") == 'the council\'s "engineers" said'


def test_a_file_of_claims_without_verdicts_is_no_gold_file() -> None:
    claims = BRIDGE / "claims.yaml"
    result = runner.invoke(app, ["eval", str(claims)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {claims}:3:5: not a gold file: its claims give no verdict and no passage to "
        "cite. A seed gold file lists each claim's 'verdict' and passages as 'support: "
        "[{source, quote}]'; a topic gold file (gold.yaml, beside a topic's claims.yaml and "
        "corpus/) as 'support: [[substring, ...]]', with 'also_support' and 'why'.\n"
    )


def test_a_gold_file_in_two_formats_is_refused_where_they_part(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "claims:\n"
        "  - id: first\n"
        "    text: The first claim.\n"
        "    verdict: supported\n"
        "    support:\n"
        "      - source: dam.txt\n"
        "        quote: about 300 workers took part\n"
        "  - id: second\n"
        "    text: The second claim.\n"
        "    verdict: supported\n"
        '    support: [["about 300 workers"]]\n',
    )
    result = runner.invoke(app, ["eval", str(path), "--corpus", str(CORPUS)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {path}:11:15: claims[1] is written as a topic gold claim (passages as lists of "
        "substrings, 'also_support', 'also_conflict', 'why'), but claims[0] (line 2) as a seed "
        "gold claim; a gold file is written in one format.\n"
    )


def test_every_problem_of_a_topic_gold_file_is_reported_with_its_place(tmp_path: Path) -> None:
    topic = tmp_path / "topic"
    shutil.copytree(BRIDGE, topic)
    (topic / "gold.yaml").write_text(
        "claims:\n"
        "  - id: cost-40-million\n"
        "    verdict: disputed\n"
        "    support: [[]]\n"
        '    conflict: [[" "]]\n'
        "    why: Two problems.\n"
        "  - id: cost-40-million\n"
        "    verdict: disputed\n"
        "    why: A duplicate.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["eval", str(topic)])
    assert result.exit_code == 2
    gold = topic / "gold.yaml"
    assert result.stderr == (
        f"Error: {gold}:4:15: claims[0].support[0]: List should have at least 1 item after "
        "validation, not 0.\n"
        f"Error: {gold}:5:17: claims[0].conflict[0][0]: Value error, a blank substring is in "
        "every passage; write some words of it.\n"
    )
    (topic / "gold.yaml").write_text(
        "claims:\n"
        "  - id: cost-40-million\n    verdict: disputed\n    why: One.\n"
        "  - id: cost-40-million\n    verdict: disputed\n    why: A duplicate.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["eval", str(topic)])
    assert result.stderr == (
        f"Error: {gold}:5:9: claims[1].id: duplicate id 'cost-40-million' (first defined at "
        "line 2); give each claim its own id.\n"
    )


def test_a_topic_needs_its_gold_file_claims_file_and_corpus(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {tmp_path}: no gold.yaml in this folder; a topic folder holds gold.yaml, "
        "claims.yaml and corpus/.\n"
    )
    shutil.copy(BRIDGE / "gold.yaml", tmp_path / "gold.yaml")
    result = runner.invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {tmp_path / 'gold.yaml'}: a topic gold file is judged on its folder's "
        f"claims.yaml and corpus/; not found: {tmp_path / 'claims.yaml'}, {tmp_path / 'corpus'}.\n"
    )


def test_a_seed_gold_file_is_measured_alone_and_topics_take_no_distractors() -> None:
    mixed = runner.invoke(app, ["eval", str(GOLD), str(BRIDGE), "--corpus", str(CORPUS)])
    assert mixed.exit_code == 2
    assert mixed.stderr == (
        f"Error: {GOLD}: a seed gold file is measured alone, on --corpus; give several gold "
        "files only as topics (folders with gold.yaml, claims.yaml and corpus/).\n"
    )
    distracted = runner.invoke(app, ["eval", str(BRIDGE), "--with", str(CORPUS)])
    assert distracted.exit_code == 2
    assert distracted.stderr == (
        "Error: --with: extra folders are added to a seed gold file's corpus; a topic is "
        "judged on its own corpus/ folder.\n"
    )
    with pytest.raises(GoldError) as caught:
        load_gold(BRIDGE / "gold.yaml", CORPUS)
    assert str(caught.value) == (
        f"{BRIDGE / 'gold.yaml'}: a topic gold file, judged on its own folder's claims.yaml "
        f"and corpus/: dossier eval {BRIDGE}"
    )
