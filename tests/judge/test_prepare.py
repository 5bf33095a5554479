"""The corpus prepared for the judge (``judge.prepare``): what it gives the matcher is what the
matcher would read by itself."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from dossier.analysis.text import Analyzer
from dossier.claims.load import load_claims
from dossier.corpus.read import load_corpus
from dossier.judge.match import ArticleNames, Matcher, has_figure
from dossier.judge.prepare import Preparer
from dossier.models import Passages
from dossier.retrieval.interface import passage_terms

ROOT = Path(__file__).resolve().parents[2]
SEED_CORPUS = ROOT / "corpus"
SEED_CLAIMS = ROOT / "tests" / "fixtures" / "pipeline" / "claims.yaml"


def test_the_prepared_article_profiles_are_those_the_matcher_reads(tmp_path: Path) -> None:
    aliases = {"Kurdish Front": ["KF"], "Russia": ["Russian"], "Russian MoD": ["Russian ministry"]}
    (tmp_path / "a.txt").write_text(
        "KF fighters enter Tabqa\n\n"
        "The Moscow-backed KF said it took Tabqa. Russian ministry spokesman Ivan Petrov spoke.\n\n"
        "Petrov said Tabqa was quiet. The KF holds Tabqa.\n\n"
        "The Lorem Relief Agency (LRA) fed 500 people. The LRA left.\n",
        encoding="utf-8",
    )
    preparer = Preparer(aliases, workers=1)
    corpus = load_corpus(tmp_path, segment=preparer.segment)
    prepared = preparer.matcher(corpus)._profiles["a.txt"]
    read = Matcher(corpus, Analyzer(aliases))._article("a.txt")
    assert prepared.topic == read.topic and prepared.near == read.near
    assert prepared.defined == read.defined and [d[0] for d in read.defined] == ["LRA"]
    assert prepared.descriptions == {k: v for k, v in read.descriptions.items() if v}
    assert prepared.topic  # the headline's names and Tabqa, named three times


def test_the_prepared_figure_column_is_what_each_passage_has() -> None:
    preparer = Preparer(load_claims(SEED_CLAIMS).file.aliases, workers=1)
    corpus = load_corpus(SEED_CORPUS, segment=preparer.segment)
    matcher = preparer.matcher(corpus)
    column = [matcher._has_figure(p.id) for p in corpus.passages]
    assert column == [has_figure(p.text) for p in corpus.passages]
    assert 10 < sum(column) < len(column)


def test_article_names_kept_as_strings_count_a_claims_names_as_sets_would() -> None:
    names = ArticleNames({"a.txt": "@kf\0tabqa\0@russia", "b.txt": "@kf-x"}, "\0")
    groups = [frozenset({"@kf"}), frozenset({"@mali", "tabqa"}), frozenset({"@ru"})]
    for path in ("a.txt", "b.txt", "c.txt"):
        made = names.get(path, frozenset())
        assert names.count(path, groups) == sum(1 for g in groups if g & made), path
    assert names["a.txt"] == {"@kf", "tabqa", "@russia"}


def test_the_index_tells_how_many_passages_hold_each_word() -> None:

    preparer = Preparer(load_claims(SEED_CLAIMS).file.aliases, workers=1)
    corpus = load_corpus(SEED_CORPUS, segment=preparer.segment)
    matcher = preparer.matcher(corpus)
    assert isinstance(corpus.passages, Passages)
    counts: Counter[str] = Counter()
    for p in corpus.passages:
        defined = matcher._article(p.source).defined  # "Syrian Arab Army (SAA)"
        counts.update(set(passage_terms(preparer.analyzer.tokens(p.text), defined).split()))

    assert len(counts) > 500
    assert {k: matcher.index.frequency(k) for k in counts} == counts
    assert matcher.index.frequency("no-such-word") == 0
