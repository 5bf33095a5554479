"""Match claims to passages: retrieve candidates from the index, judge each, keep the evidence."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from dossier import attribution
from dossier.index import PassageIndex, passage_terms
from dossier.judge import (
    ClaimAnalysis,
    PassageAnalysis,
    analyze_claim,
    analyze_passage,
    expand,
    judge,
)
from dossier.models import Claim, Corpus, Evidence, Passage, Stance
from dossier.text import Analyzer

CANDIDATES = 64  # passages retrieved per claim before judging
SPEAKER_LOOKBACK = 4  # earlier sentences searched for the antecedent of "he said"
CONTEXT_SENTENCES = 2  # earlier sentences whose names a passage may leave out
PASSAGE_CACHE = 16_384  # passage analyses kept in memory (per process): bounds the memory


class Matcher:
    """Holds the corpus, its index and analyses; gives the evidence for a claim."""

    def __init__(
        self,
        corpus: Corpus,
        analyzer: Analyzer,
        *,
        index: PassageIndex | None = None,
        df: Counter[str] | None = None,
        doc_keys: dict[str, set[str]] | None = None,
    ) -> None:
        """Analyses every passage and indexes it, unless the index and the statistics are given
        (``dossier.prepare`` computes them in parallel and through the build cache)."""
        self.corpus = corpus
        self.analyzer = analyzer
        self._texts = {d.path: d.text for d in corpus.documents}
        self._doc_keys: dict[str, set[str]] = defaultdict(set, doc_keys or {})
        if index is not None and df is not None and doc_keys is not None:
            self.index = index
            self._df = df
        else:
            self.index = PassageIndex()
            items = []
            self._df = Counter()
            for p in corpus.passages:
                tokens = analyzer.tokens(p.text)
                items.append((p.id, passage_terms(tokens)))
                self._df.update({k for t in tokens if not t.stop for k in t.keys})
                source_keys = self._doc_keys[p.source]
                for t in tokens:
                    if t.entity:
                        source_keys.update(expand(t.keys))
            self.index.add(items)
        self._passage = lru_cache(maxsize=PASSAGE_CACHE)(self._analyze_passage)
        self._names = lru_cache(maxsize=PASSAGE_CACHE)(self._entity_keys)
        self._speaker = lru_cache(maxsize=PASSAGE_CACHE)(self._speaker_of)

    def _context_keys(self, passage: Passage) -> frozenset[str]:
        """Names in the sentences just before a passage: what "it" and "the city" refer to."""
        keys: set[str] = set()
        for pid in range(passage.id - 1, max(-1, passage.id - 1 - CONTEXT_SENTENCES), -1):
            prev = self.corpus.passages[pid]
            if prev.source != passage.source:
                break
            keys.update(self._names(pid))
        return frozenset(keys)

    def _entity_keys(self, pid: int) -> tuple[str, ...]:
        """The keys of a passage's names (its tokens only: no figures, no speaker)."""
        tokens = self.analyzer.tokens(self.corpus.passages[pid].text)
        return tuple(k for t in tokens if t.entity for k in t.keys)

    def _speaker_of(self, pid: int) -> str | None:
        return attribution.speaker(self.corpus.passages[pid].text)

    def _previous_speaker(self, passage: Passage) -> str | None:
        for pid in range(passage.id - 1, max(-1, passage.id - 1 - SPEAKER_LOOKBACK), -1):
            prev = self.corpus.passages[pid]
            if prev.source != passage.source:
                break
            who = self._speaker(pid)
            if attribution.is_named(who):
                return who
        return None

    def _analyze_passage(self, pid: int) -> PassageAnalysis:
        passage = self.corpus.passages[pid]
        return analyze_passage(passage.text, self.analyzer, self._previous_speaker(passage))

    def idf(self, keys: Iterable[str]) -> float:
        """Inverse passage frequency of a word (its rarest spelling): rare words weigh more."""
        df = min((self._df.get(k, 0) for k in keys), default=0)
        return math.log((1 + len(self.corpus.passages)) / (1 + df)) + 1.0

    def analyze(self, claim: Claim) -> ClaimAnalysis:
        return analyze_claim(claim.text, self.analyzer, self.idf)

    def candidates(self, claim: Claim) -> list[int]:
        """The passages retrieved for a claim, to be judged."""
        return self.index.search(self.analyze(claim).search_groups(), CANDIDATES)

    def evidence(self, claim: Claim, candidates: list[int] | None = None) -> list[Evidence]:
        """The claim's evidence among its candidates (retrieved here unless given)."""
        analysis = self.analyze(claim)
        if candidates is None:
            candidates = self.index.search(analysis.search_groups(), CANDIDATES)
        found: list[Evidence] = []
        for pid in candidates:
            passage = self.corpus.passages[pid]
            doc_keys = frozenset(self._doc_keys[passage.source])
            judgment = judge(analysis, self._passage(pid), doc_keys, self._context_keys(passage))
            if judgment is None:
                continue
            text = self._texts[passage.source]
            paragraph = text[passage.paragraph_start : passage.paragraph_end]
            found.append(
                Evidence(
                    stance=judgment.stance,
                    source=passage.source,
                    start=passage.start,
                    end=passage.end,
                    quote=passage.text,
                    reason=judgment.reason,
                    speaker=judgment.speaker,
                    figures=judgment.figures,
                    highlights=judgment.highlights,
                    score=judgment.score,
                    paragraph_start=passage.paragraph_start,
                    paragraph_end=passage.paragraph_end,
                    paragraph=paragraph,
                )
            )
            if judgment.counter is not None:
                # The same sentence sets its figure aside: cite that clause as conflicting.
                start, end, qualifier = judgment.counter
                found.append(
                    Evidence(
                        stance=Stance.CONFLICTS,
                        source=passage.source,
                        start=passage.start + start,
                        end=passage.start + end,
                        quote=passage.text[start:end],
                        reason=f"the passage sets the figure aside (“{qualifier}”)",
                        speaker=None,
                        figures=[],
                        highlights=[],
                        score=judgment.score,
                        paragraph_start=passage.paragraph_start,
                        paragraph_end=passage.paragraph_end,
                        paragraph=paragraph,
                    )
                )
        order = {Stance.SUPPORTS: 0, Stance.CONFLICTS: 1}
        found.sort(key=lambda e: (order[e.stance], -e.score, e.source, e.start))
        return found
