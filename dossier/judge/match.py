"""Match claims to passages: retrieve candidates from the index, judge each, keep the evidence."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Protocol, TypeVar

from dossier.analysis import attribution
from dossier.analysis.abbreviations import Defined, defined_in, first_definitions
from dossier.analysis.normal import Folded, fold
from dossier.analysis.parts import claim_parts, descriptions
from dossier.analysis.text import Analyzer, Token, expand, name_key
from dossier.corpus.documents import article_columns
from dossier.judge.acts import names_owned, owned_phrases
from dossier.judge.analyses import ClaimAnalysis, PassageAnalysis
from dossier.judge.analyze import (
    analyze_claim,
    analyze_passage,
    described,
    descriptions_in,
    roles,
)
from dossier.judge.assess import assess
from dossier.judge.measure import reidentifies
from dossier.judge.outcome import Judgment, LeftOut, Outcome
from dossier.lexicon.negation import STORY_CALLED_FALSE, TALK_OF_FALSE
from dossier.lexicon.numbers import NUMBER_WORDS
from dossier.models import (
    Claim,
    Corpus,
    Evidence,
    Passage,
    Passages,
    Stance,
    on_part,
)
from dossier.retrieval.interface import PassageIndex, passage_terms
from dossier.retrieval.tantivy import TantivyIndex, bm25_weight, significant

V = TypeVar("V")

CANDIDATES = 64  # passages judged per claim
FOLLOWED = 4  # the best hits whose next sentences (CONTEXT_SENTENCES) are judged too
CANDIDATE_POOL = 512  # passages retrieved per claim, re-ranked by their article's names
# A digit or a number word: the cheap test a sentence passes before it is read for figures.
_FIGURE_WORDS = (
    *NUMBER_WORDS,  # every number word ``quantity.extract`` reads ("fifteen percent" was missed)
    *"hundreds thousands millions billions dozen dozens half third thirds quarter quarters".split(),
    *"twice thrice couple most majority".split(),
)
_PER_ONE = ("hour", "day", "week", "month", "year", "mile")  # "a day", "an hour"
_FIGURE_HINT_RE = re.compile(
    r"\d|\b(?:" + "|".join(_FIGURE_WORDS) + r"|an? (?:" + "|".join(_PER_ONE) + r"))\b",
    re.IGNORECASE,
)
# The same test, three times faster (a tenth of analysing an article was this regex): the
# sentence's words looked up in a set; the regex decides when a word "a" or "an" and a word of
# _PER_ONE are both there, or a letter it matches case-blind to another (Kelvin sign, dotted I).
_DIGIT_RE = re.compile(r"\d")
_WORD_RUN_RE = re.compile(r"\w+")
_CASE_FOLDED_RE = re.compile("[\u0130\u0131\u017f\u212a]")  # İ ı ſ K: 'i', 's', 'k' to re.I
_FIGURE_WORD_SET = frozenset(_FIGURE_WORDS)
_PER_ONE_SET = frozenset(_PER_ONE)
SPEAKER_LOOKBACK = 4  # earlier sentences searched for the antecedent of "he said"
CONTEXT_SENTENCES = 2  # earlier sentences whose names a passage may leave out
TOPIC_SENTENCES = 3  # an article is about the names of its headline and of this many sentences
AFFILIATION_WINDOW = 6  # tokens around a speaker's surname where the article names their side
_NONE: frozenset[str] = frozenset()
IDF_DECIMALS = 2  # a word's weight to the judge: its idf to two decimals
PASSAGE_CACHE = 2_048  # passage analyses kept in memory (per process): bounds the memory
CLAIMS_KEPT = 2_048  # claim analyses kept: a claim is analysed to retrieve, key and judge it
Weights = tuple[tuple[tuple[str, ...], float], ...]  # each word's keys looked up, and its idf


# How the corpus describes its names: ("@united-states", "back") -> {SDF keys (sorted, joined
# by a space): times the corpus writes "US-backed SDF"}.
Descriptions = dict[tuple[str, str], dict[str, int]]


def judge_idf(df: int, total: int) -> float:
    """A word's weight to the judge when ``df`` of ``total`` passages hold it: its inverse
    passage frequency (of the total to ``index.significant`` digits), rounded."""
    return round(math.log((1 + significant(total)) / (1 + df)) + 1.0, IDF_DECIMALS)


def count_description(uses: Descriptions, described_by: tuple[str, str], name: set[str]) -> None:
    if name:
        named = " ".join(sorted(name))
        counts = uses.setdefault(described_by, {})
        counts[named] = counts.get(named, 0) + 1


def corpus_descriptions(uses: Descriptions) -> dict[tuple[str, str], set[str]]:
    """The name each description stands for, where one name has most of its uses."""
    out: dict[tuple[str, str], set[str]] = {}
    for described_by, counts in sorted(uses.items()):
        (most, count), *_ = sorted(counts.items(), key=lambda u: (-u[1], u[0]))
        if count * 2 > sum(counts.values()):
            out[described_by] = set(most.split(" "))
    return out


@dataclass(frozen=True, slots=True)
class ArticleProfile:
    """What the judge needs to know of a sentence's article (see ``Matcher._article``)."""

    topic: frozenset[str]
    descriptions: dict[tuple[str, str], set[str]]
    near: dict[str, frozenset[str]]
    defined: tuple[Defined, ...] = ()  # the abbreviations it defines


def article_profile(
    sentences: Sequence[tuple[str, Sequence[Token]]],
    described: Sequence[list[tuple[tuple[str, str], set[str]]]] | None = None,
) -> ArticleProfile:
    """What an article is about (the names of its headline and of at least three of its
    sentences), how it describes its names ('the US-backed SDF'), and the names written next to
    each capitalised word (a speaker's side), from its sentences' texts and tokens
    (``described``: each sentence's ``descriptions_in``, when they are known already)."""
    counts: Counter[str] = Counter()
    descriptions: dict[tuple[str, str], set[str]] = defaultdict(set)
    near: dict[str, set[str]] = defaultdict(set)
    defined: list[Defined] = []
    for n, (text, tokens) in enumerate(sentences):
        defined.extend(defined_in(text, tokens))
        names = {k for t in tokens if t.entity for k in t.keys if k[0] in "@#"}
        counts.update({k: TOPIC_SENTENCES if n == 0 else 1 for k in names})
        said = descriptions_in(tokens, text) if described is None else described[n]
        for described_by, name in said:
            descriptions[described_by].update(name)
        for i, t in enumerate(tokens):
            if not t.text[:1].isupper() or t.stop:
                continue
            window = tokens[max(0, i - AFFILIATION_WINDOW) : i + AFFILIATION_WINDOW + 1]
            # A person named in full ("Ana Ruiz") is a speaker whose side may be any name beside
            # them ("Lorem CEO Ana Ruiz"); a lone capitalised word ("Syrian commanders") has only
            # the alias table's names for sides.
            before = tokens[i - 1] if i else None
            whole = " " in t.text or (
                before is not None and before.text[:1].isupper() and not before.stop
            )
            kinds = "@#" if whole else "@"
            sides = {k for w in window if w.entity and w is not t for k in w.keys if k[0] in kinds}
            if not sides:
                continue
            if t.keys[0].startswith("@"):  # a person the alias table names whole: by surname
                near[name_key(t.text.split()[-1])].update(sides)
            else:
                near[t.keys[-1]].update(sides)
    return ArticleProfile(
        frozenset(k for k, c in counts.items() if c >= TOPIC_SENTENCES),
        dict(descriptions),
        {k: frozenset(v) for k, v in near.items()},
        tuple(first_definitions(defined)),
    )


class Made(Mapping[str, V]):
    """Values made from their cached rows when first asked for (a few hundred bytes of rows per
    article against kilobytes of sets); the most recent ``KEPT`` are kept."""

    KEPT = 1_024

    def __init__(self, rows: Mapping[str, Any], make: Callable[[Any], V]) -> None:
        self._rows = rows
        self._make = make
        self._made: dict[str, V] = {}

    def __getitem__(self, path: str) -> V:
        made = self._made.get(path)
        if made is None:
            made = self._make(self._rows[path])
            if len(self._made) >= self.KEPT:
                self._made.clear()
            self._made[path] = made
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


class ArticleNames(Made[frozenset[str]]):
    """Each article's name keys, kept as one string per article (keys joined by ``sep``): 50,000
    sets would take hundreds of megabytes. ``count`` answers retrieval's question without
    making the set."""

    def __init__(self, rows: Mapping[str, str], sep: str) -> None:
        super().__init__(rows, lambda row: frozenset(row.split(sep)))
        self._sep = sep

    def count(self, path: str, groups: Sequence[AbstractSet[str]]) -> int:
        """How many of the key groups have a key among the article's names."""
        row = self._rows.get(path)
        if row is None:
            return 0
        sep = self._sep
        padded = sep + row + sep
        return sum(1 for keys in groups if any(sep + k + sep in padded for k in keys))


def _parts(claim: Claim) -> list[Claim]:
    """The parts of a compound claim as claims of their own (none for a simple claim)."""
    return [claim.model_copy(update={"text": text}) for text in claim_parts(claim.text)]


def _at(e: Evidence) -> tuple[str, int, int]:
    """Where a citation stands: its article and span."""
    return e.source, e.start, e.end


def _in_order(found: list[Evidence]) -> list[Evidence]:
    """Citations as the dossier lists them: supporting first, the strongest first."""
    order = {Stance.SUPPORTS: 0, Stance.CONFLICTS: 1}
    return sorted(found, key=lambda e: (order[e.stance], -e.score, e.source, e.start))


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# The rule that cites an article's sentence calling the story it tells false.
STORY_FALSE = "statements.story-called-false"
_CALLED_FALSE_RE = re.compile("|".join(STORY_CALLED_FALSE), re.IGNORECASE)
_TALK_OF_FALSE_RE = re.compile(TALK_OF_FALSE, re.IGNORECASE)


def called_false(text: str) -> re.Match[str] | None:
    """Where a sentence calls the story it tells false (``STORY_CALLED_FALSE``), unless it
    tells that as talk in turn ("amid claims it is a hoax")."""
    for m in _CALLED_FALSE_RE.finditer(text):
        if not _TALK_OF_FALSE_RE.search(text[max(0, m.start() - 40) : m.start()]):
            return m
    return None


FIGURE_FLAG = 1  # a sentence's flag (``sentence_flags``): it has a figure (``has_figure``)
CALLED_FALSE_FLAG = 2  # ... it calls the story it tells false (``called_false``)


def sentence_flags(sentence: str) -> int:
    """What the judge asks of each sentence of a corpus before a claim is judged, read once
    when the corpus is analysed: ``FIGURE_FLAG`` and ``CALLED_FALSE_FLAG`` set or not."""
    flags = FIGURE_FLAG if has_figure(sentence) else 0
    return flags | (CALLED_FALSE_FLAG if called_false(sentence) else 0)


def has_figure(sentence: str) -> bool:
    """A figure, or a sentence saying who the counted were ("the killed were civilians"): only
    such a sentence can back or contradict a claim's figure."""
    return _figure_hint(sentence) or reidentifies(sentence)


def _figure_hint(sentence: str) -> bool:
    """``_FIGURE_HINT_RE.search(sentence) is not None``, mostly without it."""
    if _DIGIT_RE.search(sentence) is not None:
        return True
    if _CASE_FOLDED_RE.search(sentence) is not None:
        return _FIGURE_HINT_RE.search(sentence) is not None
    words = set(_WORD_RUN_RE.findall(sentence.lower()))
    if not words.isdisjoint(_FIGURE_WORD_SET):
        return True
    if ("a" in words or "an" in words) and not words.isdisjoint(_PER_ONE_SET):
        return _FIGURE_HINT_RE.search(sentence) is not None
    return False


_SOMEONE = "someone"  # (compared by identity) see Matcher._speaker_of


def _in_source(judgment: Judgment, folded: Folded) -> Judgment:
    """The judgment of a passage read ``folded``, its spans put back in the passage's text."""
    if folded.starts is None:
        return judgment
    counter = judgment.counter
    if counter is not None:
        start, end = folded.source_span(counter.start, counter.end)
        counter = counter._replace(start=start, end=end)
    return replace(
        judgment,
        highlights=[folded.source_span(start, end) for start, end in judgment.highlights],
        counter=counter,
    )


def _story_called_false(
    analysis: ClaimAnalysis, judged: list[tuple[Passage, Outcome]]
) -> list[tuple[Passage, Outcome]]:
    """An article that tells the claim's story and calls it false ("The video was a fake",
    "This report is entirely false") does not back it: its sentence that says so is cited
    as conflicting (``STORY_CALLED_FALSE``), and its sentences that tell the story are not
    cited as support. Not for a claim that is itself a denial or negated (the sentence
    then says what the claim says, and the rules read it)."""
    if analysis.negated or analysis.denial:
        return judged
    backed: dict[str, float] = {}
    for p, o in judged:
        if isinstance(o, Judgment) and o.stance is Stance.SUPPORTS:
            backed[p.source] = max(backed.get(p.source, 0.0), o.score)
    called: dict[str, tuple[Passage, re.Match[str]]] = {}
    for p, _ in judged:
        if p.source in backed and p.source not in called:
            m = called_false(p.text)
            if m is not None:
                called[p.source] = (p, m)
    if not called:
        return judged
    out: list[tuple[Passage, Outcome]] = []
    for p, o in judged:
        if p.source not in called:
            out.append((p, o))
        elif called[p.source][0] is p:
            said = called[p.source][1].group()
            reason = f"its article tells the story and calls it false (“{said}”)"
            score = backed[p.source]
            out.append(
                (p, Judgment(Stance.CONFLICTS, reason, None, [], [], score, rule=STORY_FALSE))
            )
        elif isinstance(o, Judgment) and o.stance is Stance.SUPPORTS:
            reason = f"its article calls the story false (“{called[p.source][1].group()}”)"
            out.append((p, LeftOut(reason, rule=STORY_FALSE)))
        else:
            out.append((p, o))
    return out


def _someone(pronoun: str) -> str:
    """Whom a pronoun stands for when the speakers before it are not looked up: someone the
    sentence does not name (a post, "the Tory leader", stays as written)."""
    return pronoun if attribution.is_description(pronoun) else _SOMEONE


class _Remembering(Analyzer):
    """The matcher's analyzer: the same tokens, remembered for the last texts read, since a
    judged sentence is often the context of the next one judged, and the other way round."""

    def __init__(self, analyzer: Analyzer, size: int) -> None:
        self.__dict__.update(analyzer.__dict__)
        self._read = lru_cache(maxsize=size)(self._tokens)

    def _tokens(self, text: str) -> tuple[Token, ...]:
        return tuple(super().tokens(text))

    def tokens(self, text: str) -> list[Token]:
        return list(self._read(text))


class Remote(Protocol):
    """What judges claims on a cluster's worker without the matcher being sent there: it
    pickles small, and makes the same matcher again where it runs."""

    def judge(self, work: Sequence[tuple[Claim, list[int]]]) -> list[list[Evidence]]:
        """Each claim's evidence among its candidates, as ``Matcher.evidence`` gives it."""
        ...


class Matcher:
    """Holds the corpus, its index and analyses; gives the evidence for a claim."""

    def __init__(
        self,
        corpus: Corpus,
        analyzer: Analyzer,
        *,
        index: PassageIndex | None = None,
        doc_keys: Mapping[str, AbstractSet[str]] | None = None,
        descriptions: Descriptions | None = None,
        profiles: Mapping[str, ArticleProfile] | None = None,
        figures: bytes | None = None,
    ) -> None:
        """Analyses every passage and indexes it, unless the index and the statistics are given
        (``judge.prepare`` computes them in parallel, through the build cache or not). How rare
        a word is, the index tells: the passages that hold it."""
        self.corpus = corpus
        self.remote: Remote | None = None
        """How a cluster's worker makes this matcher again and judges with it (set by the
        cached build, whose corpus state and index a worker can read: ``incremental.remote``);
        None: the judging runs on this machine."""
        self._figures = figures  # per passage, its ``sentence_flags``: given by judge.prepare
        self.analyzer: Analyzer = _Remembering(analyzer, PASSAGE_CACHE)
        paths, hashes, metas = article_columns(corpus.documents)  # (none of them made)
        self._hashes = dict(zip(paths, hashes, strict=True))
        self._published = {p: m.date for p, m in zip(paths, metas, strict=True) if m.date}
        self._by_source: Mapping[str, Sequence[int]]
        if isinstance(corpus.passages, Passages):
            self._by_source = corpus.passages.by_source()
        else:
            by_source: dict[str, list[int]] = defaultdict(list)
            for p in corpus.passages:
                by_source[p.source].append(p.id)
            self._by_source = dict(by_source)
        self._profiles = profiles or {}  # given by judge.prepare, for every article
        self._articles: dict[str, ArticleProfile] = {}  # read here, for those it did not give
        self._doc_keys: Mapping[str, AbstractSet[str]]
        self._frequency: Callable[[str], int]
        if index is not None and doc_keys is not None:
            self.index = index
            self._frequency = index.frequency
            self._doc_keys = doc_keys
            uses = descriptions or {}
        else:
            self.index = TantivyIndex()
            items = []
            counts: Counter[str] = Counter()
            names: dict[str, set[str]] = defaultdict(set)
            uses = {}
            read = []
            defined: dict[str, list[Defined]] = defaultdict(list)  # by article
            for p in corpus.passages:
                text = fold(p.text).text
                read.append((p, text, tokens := analyzer.tokens(text)))
                defined[p.source].extend(defined_in(text, tokens))
            defined = {source: first_definitions(d) for source, d in defined.items()}
            for p, text, tokens in read:
                terms = passage_terms(tokens, defined[p.source])
                items.append((p.source, p.id - self._by_source[p.source][0], terms))
                counts.update(set(terms.split()))
                for described_by, name in descriptions_in(tokens, text):
                    count_description(uses, described_by, name)
                source_keys = names[p.source]
                for t in tokens:
                    if t.entity:
                        source_keys.update(expand(t.keys))
            self.index.add(items)
            self._frequency, self._doc_keys = counts.__getitem__, dict(names)
        self.index.place({path: ids[0] for path, ids in self._by_source.items() if len(ids)})
        self._descriptions = corpus_descriptions(uses)
        self._roles = roles(uses)
        self._read = lru_cache(maxsize=PASSAGE_CACHE)(self._folded)
        self._passage = lru_cache(maxsize=PASSAGE_CACHE)(self._analyze_passage)
        self._words = lru_cache(maxsize=PASSAGE_CACHE)(self._words_of)
        self._speaker = lru_cache(maxsize=PASSAGE_CACHE)(self._speaker_of)
        self._analyzed = lru_cache(maxsize=CLAIMS_KEPT)(self._analyze_text)

    def _context_keys(self, passage: Passage) -> frozenset[str]:
        """Words and names in the sentences just before a passage: what "it" and "the city"
        refer to, what "the offensive" is."""
        keys: set[str] = set()
        for pid in range(passage.id - 1, max(-1, passage.id - 1 - CONTEXT_SENTENCES), -1):
            if self._source(pid) != passage.source:
                break
            keys.update(self._words(pid))
        analysis = self._passage(passage.id)
        tokens, text = analysis.tokens, analysis.text
        for owner, words in owned_phrases(tokens):
            keys.update(self._owned_before(passage, owner, words))
        descriptions = self._article(passage.source).descriptions
        keys.update(
            described(tokens, text, descriptions) or described(tokens, text, self._descriptions)
        )
        return frozenset(keys)

    def _antecedent(self, passage: Passage) -> tuple[str, frozenset[str]]:
        """The keys of the first name of the sentence just before a passage in its article (a
        run of name tokens): the subject a description opening the passage takes up ("The
        Conservative defeat was ... than the Labour victory. The party lost 252 seats")."""
        pid = passage.id - 1
        if pid < 0 or self._source(pid) != passage.source:
            return "", frozenset()
        keys: set[str] = set()
        words: list[str] = []
        for t in self.analyzer.tokens(self._text(pid)):
            if t.entity and len(t.text) > 1:
                keys.update(expand(t.keys))
                words.append(t.text)
            elif keys:
                break
        return " ".join(words), frozenset(keys)

    def _owned_before(
        self, passage: Passage, owner: frozenset[str], words: tuple[str, ...]
    ) -> frozenset[str]:
        """ "its own special forces" in a sentence of Russia's: the words of the article's last
        earlier sentence that names them ("Syrian troops working alongside Russian special
        forces outside the city"), which says more of the same forces."""
        for pid in range(passage.id - 1, -1, -1):
            if self._source(pid) != passage.source:
                break
            if set(words) <= self._words(pid) and names_owned(
                self.analyzer.tokens(self._text(pid)), owner, words
            ):
                return self._words(pid)
        return frozenset()

    def _words_of(self, pid: int) -> frozenset[str]:
        """A sentence's words and names with their synonyms (no figures, no speaker)."""
        tokens = self.analyzer.tokens(self._text(pid))
        return frozenset(k for t in tokens if not t.stop for k in expand(t.keys))

    def _speaker_of(self, pid: int) -> str | None:
        """The sentence's named speaker; ``_SOMEONE`` for "he said" of someone it does not name."""
        return attribution.speaker(self._text(pid), resolve=_someone)

    def _article(self, source: str) -> ArticleProfile:
        """The article's profile: given by ``judge.prepare``, or read here once."""
        cached = self._profiles.get(source) or self._articles.get(source)
        if cached is not None:
            return cached
        sentences = []
        for pid in self._by_source.get(source, ()):
            text = self._text(pid)
            sentences.append((text, self.analyzer.tokens(text)))
        profile = article_profile(sentences)
        if len(self._articles) >= PASSAGE_CACHE:
            self._articles.clear()  # bounded memory; an article is cheap to read again
        self._articles[source] = profile
        return profile

    def _earlier_speakers(
        self, passage: Passage, within: int | None = None, *, unnamed: bool = False
    ) -> Iterator[tuple[int, str]]:
        """The named speakers of the sentences before a passage in its article (or ``within``
        that many sentences), nearest first, each with how many sentences back it is; with
        ``unnamed``, also ``_SOMEONE`` for each "he said" of someone the sentence does not name."""
        stop = -1 if within is None else max(-1, passage.id - 1 - within)
        for pid in range(passage.id - 1, stop, -1):
            if self._source(pid) != passage.source:
                return
            who = self._speaker(pid)
            if who is _SOMEONE:
                if unnamed:
                    yield passage.id - pid, who
            elif who is not None and attribution.is_named(who):
                yield passage.id - pid, who

    def _previous_speaker(self, passage: Passage) -> str | None:
        """The last named speaker a few sentences back: whom "they said" stands for, and whose
        words a quotation that opens without naming anyone goes on with. None when a sentence
        between quotes "he" or "she" without naming them: the quotation goes on from that
        speaker, not from one before ("The militias said ... / '...', he said. / '...'")."""
        earlier = self._earlier_speakers(passage, SPEAKER_LOOKBACK, unnamed=True)
        who = next((who for _, who in earlier), None)
        return None if who is _SOMEONE else who

    def _analyze_passage(self, pid: int) -> PassageAnalysis:
        passage = self.corpus.passages[pid]
        previous = self._previous_speaker(passage)

        def resolve(pronoun: str) -> str | None:
            earlier = self._earlier_speakers(passage)
            return attribution.antecedent(pronoun, earlier, SPEAKER_LOOKBACK)

        return analyze_passage(
            self._text(pid),
            self.analyzer,
            previous,
            lambda who: self._affiliation(passage.source, who),
            attribution.quoted_by(*self._in_paragraph(passage), previous, resolve),
            resolve,
            self._article(passage.source).defined,
        )

    def _in_paragraph(self, passage: Passage) -> tuple[str, int]:
        """A passage's paragraph, and where the passage starts in it, as analysis reads them
        (``fold``): a quotation may open sentences before it and close, naming its speaker,
        after it."""
        text = self.corpus.document(passage.source).text  # read already: the passage is from it
        paragraph = fold(text[passage.paragraph_start : passage.paragraph_end])
        return paragraph.text, paragraph.folded_offset(passage.start - passage.paragraph_start)

    def _affiliation(self, source: str, who: str) -> frozenset[str]:
        """The names next to the speaker's surname anywhere in the article, and those the corpus
        gives them a post for: for "Konashenkov", "Russian Defense Ministry spokesman Igor
        Konashenkov" gives the ministry."""
        names = [
            t
            for t in self.analyzer.tokens(who)
            if t.text[:1].isupper() and not t.stop and not t.keys[0].startswith("@")
        ]
        if not names:
            return frozenset()
        surname = names[-1].keys[-1]
        return self._article(source).near.get(surname, frozenset()) | self._roles.get(
            surname, frozenset()
        )

    def idf(self, keys: Iterable[str]) -> float:
        """Inverse passage frequency of a word (its rarest spelling): rare words weigh more.
        Rounded (``IDF_DECIMALS``): an edit elsewhere in the corpus moves it by far less, so a
        claim's judgment stays valid unless its own words became rarer or commoner."""
        df = min((self._frequency(k) for k in keys), default=0)
        return judge_idf(df, len(self.corpus.passages))

    def analyze(self, claim: Claim) -> ClaimAnalysis:
        return self._analyzed(claim.text)[0]

    def _analyze_text(self, text: str) -> tuple[ClaimAnalysis, Weights]:
        """A claim's analysis, with the weight of each word it looked up (remembered for the few
        claims last analysed: retrieval, judging and the cache key each need it)."""
        weights: dict[tuple[str, ...], float] = {}

        def idf(keys: Iterable[str]) -> float:
            looked_up = tuple(keys)
            weights[looked_up] = self.idf(looked_up)
            return weights[looked_up]

        return analyze_claim(text, self.analyzer, idf), tuple(sorted(weights.items()))

    def judgment_inputs(
        self, claim: Claim, candidates: Sequence[int], weights: Weights | None = None
    ) -> list[object]:
        """What ``evidence(claim, candidates)`` reads of the claim and its candidates, besides
        the code, the alias table, the furniture rules and the corpus's descriptions
        (``corpus_wide``): the weight of each word the claim's analysis looked up (``weights``,
        when known, spares analysing the claim), each candidate (article, which sentence) and
        each of their articles (hash, year). Equal inputs give an equal judgment, so a claim
        need not be judged again after an edit that left them alone."""
        if weights is None:
            weights = self._analyzed(claim.text)[1]
        spans = sorted(self._spans(candidates))
        # (article, which of its sentences): what they say, the article's hash tells
        sources = sorted({source for source, _ in spans})
        return [
            claim.text,
            weights,
            spans,
            [(s, self._hashes[s], _iso(self._published.get(s))) for s in sources],
            bool(self._published),  # whether the corpus dates any article (``Case.dated_corpus``)
        ]

    def _spans(self, pids: Iterable[int]) -> list[tuple[str, int]]:
        """Each passage as (its article, which of its sentences): what stays the same when
        articles before it change."""
        return [(source := self._source(pid), pid - self._by_source[source][0]) for pid in pids]

    def retrieval(self, claim: Claim, candidates: Sequence[int]) -> list[object]:
        """What retrieving ``candidates`` for the claim read, with them (as ``_spans``): the
        weight of each word its analysis looked up, the weight of each key it searched, how
        many passages hold each of those keys, and the passages' average length. A later
        corpus that changed no sentence holding one of the keys nor an article of the
        candidates, and in which these weights and that length come out the same, gives the
        same analysis and the same candidates (``retrieved_again``)."""
        analysis, weights = self._analyzed(claim.text)
        groups = analysis.search_groups()
        held = {k: self._frequency(k) for keys, _ in weights for k in keys}
        held.update((k, self.index.frequency(k)) for keys, _ in groups for k in keys)
        names = [entity for keys, entity in groups for _ in keys]  # one per key, as weights
        searched = [
            [key, entity, weight]
            for entity, (key, weight) in zip(names, self.index.weights(groups), strict=True)
        ]
        return [
            [[list(keys), idf] for keys, idf in weights],
            searched,
            sorted(held.items()),
            self.index.statistics()[1],
            self._spans(candidates),
        ]

    def retrieved_again(
        self, record: Any, changed: AbstractSet[str], articles: AbstractSet[str]
    ) -> tuple[list[int], Weights] | None:
        """The candidates and word weights ``record`` holds (see ``retrieval``), when they hold
        in this corpus, which differs from the one it was recorded in only in the ``articles``
        given, and there only in sentences whose keys are all in ``changed``; None when they
        may not hold. A candidate in one of those articles may have moved or lost the sentence
        after it: such a claim is retrieved again."""
        try:
            looked_up, searched, held, length, spans = record
            held = dict(held)
            if any(key in changed for key in held):
                return None
            if any(source in articles for source, _ in spans):
                return None
            if length != self.index.statistics()[1]:
                return None
            total = len(self.corpus.passages)
            weights: Weights = tuple((tuple(keys), idf) for keys, idf in looked_up)
            for keys, idf in weights:
                if judge_idf(min((held[k] for k in keys), default=0), total) != idf:
                    return None
            for key, entity, weight in searched:
                if bm25_weight(held[key], total, entity) != weight:
                    return None
            pids = [self._by_source[source][0] + n for source, n in spans]
        except (ValueError, TypeError, KeyError, IndexError):
            return None
        return pids, weights

    def dates(self) -> list[tuple[str, str]]:
        """Each dated article's date, by path: the judge reads it (a 2014 figure is not 2017's;
        a count reported on 3 June is not one of 6 June)."""
        return sorted((path, day.isoformat()) for path, day in self._published.items())

    def corpus_wide(self) -> tuple[list[Any], list[Any]]:
        """The corpus's descriptions of names and posts (see ``roles``), as every claim's
        judgment reads them."""
        return (
            sorted((list(k), sorted(v)) for k, v in self._descriptions.items()),
            sorted((k, sorted(v)) for k, v in self._roles.items()),
        )

    def candidates(self, claim: Claim) -> list[int]:
        """The passages worth judging, best first: BM25 over the analysed keys, then re-ranked
        by how many of the claim's names their article names (a sentence is read in its
        article: "We control 80 per cent of Raqa" is the SDF speaking). For a compound claim
        (``claim_parts``), then those of each part not found for the whole."""
        found = self._candidates(claim)
        taken = set(found)
        for part in _parts(claim):
            for pid in self._candidates(part):
                if pid not in taken:
                    found.append(pid)
                    taken.add(pid)
        return found

    def _candidates(self, claim: Claim) -> list[int]:
        analysis = self.analyze(claim)
        hits = self.index.scored(analysis.search_groups(), CANDIDATE_POOL)
        if analysis.figures:
            # Only a sentence with a figure can back or contradict a figure.
            hits = [(pid, score) for pid, score in hits if self._has_figure(pid)]
        names = [t.keys for t in analysis.terms if t.entity]
        named: dict[str, float] = {}  # by article: the share of the claim's names it has

        def rank(hit: tuple[int, float]) -> tuple[float, int]:
            pid, score = hit
            source = self._source(pid)
            share = named.get(source)
            if share is None:
                share = named[source] = self._named(source, names) / len(names)
            return -score * (1.0 + share), pid

        ranked = [pid for pid, _ in (sorted(hits, key=rank) if names else hits)]
        chosen = self._with_followers(ranked, bool(analysis.figures))
        if analysis.negated or analysis.denial:
            return chosen
        taken = set(chosen)
        return chosen + [pid for pid in self._called_false(chosen) if pid not in taken]

    def _called_false(self, best: Sequence[int]) -> list[int]:
        """The sentences of the judged hits' articles that call the story they tell false
        ("The video was a fake", ``STORY_CALLED_FALSE``): judged with the rest, they may name
        none of the claim's words, and ``_story_called_false`` reads them with what their
        article says."""
        found: list[int] = []
        count = len(self.corpus.passages)
        seen: set[str] = set()
        for pid in best:
            source = self._source(pid)
            if source in seen:
                continue
            seen.add(source)
            first = pid  # an article's passages follow each other
            while first > 0 and self._source(first - 1) == source:
                first -= 1
            at = first
            while at < count and self._source(at) == source:
                if self._calls_false(at):
                    found.append(at)
                at += 1
        return found

    def _named(self, source: str, names: Sequence[AbstractSet[str]]) -> int:
        """How many of the claim's names (each a group of keys) the article names."""
        if isinstance(self._doc_keys, ArticleNames):
            return self._doc_keys.count(source, names)
        doc_keys = self._doc_keys.get(source, _NONE)
        return sum(1 for keys in names if keys & doc_keys)

    def _with_followers(self, ranked: list[int], figures: bool) -> list[int]:
        """The best hits, and the sentences right after the very best: they may go on about the
        same thing without its words ("The September 9 announcement ..."; "the killed fighters
        were likely contractors")."""
        chosen = ranked[:CANDIDATES]
        taken = set(chosen)
        count = len(self.corpus.passages)
        for pid in ranked[:FOLLOWED]:
            for after in range(pid + 1, min(pid + 1 + CONTEXT_SENTENCES, count)):
                if self._source(after) != self._source(pid):
                    break
                if after not in taken and (not figures or self._has_figure(after)):
                    chosen.append(after)
                    taken.add(after)
        return chosen

    def _has_figure(self, pid: int) -> bool:
        """A figure, or a sentence saying who the counted were (``has_figure``): from the
        column ``judge.prepare`` made, or read here."""
        if self._figures is not None:
            return bool(self._figures[pid] & FIGURE_FLAG)
        return has_figure(self._text(pid))

    def _calls_false(self, pid: int) -> bool:
        """Whether a sentence calls the story it tells false (``called_false``): from the
        column ``judge.prepare`` made, or read here."""
        if self._figures is not None:
            return bool(self._figures[pid] & CALLED_FALSE_FLAG)
        return called_false(self._text(pid)) is not None

    def _text(self, pid: int) -> str:
        """A passage's text as analysis reads it (``fold``: NFC, one space between words)."""
        return self._read(pid).text

    def _folded(self, pid: int) -> Folded:
        passages = self.corpus.passages
        return fold(passages.text(pid) if isinstance(passages, Passages) else passages[pid].text)

    def _source(self, pid: int) -> str:
        passages = self.corpus.passages
        return passages.source(pid) if isinstance(passages, Passages) else passages[pid].source

    def outcomes(
        self, claim: Claim, candidates: list[int] | None = None
    ) -> list[tuple[Passage, Outcome]]:
        """Each of the claim's candidates (retrieved here unless given), best first, with how
        the judge takes it in its article's context (the article's names, the sentences before
        it, its date and topic): a ``Judgment``, or a ``LeftOut`` saying why it is not
        evidence; either names the rule that decided. ``evidence`` cites the judgments."""
        analysis = self.analyze(claim)
        if candidates is None:
            candidates = self.candidates(claim)
        judged: list[tuple[Passage, Outcome]] = []
        # (read by a statement's rules only: a claim with a figure is judged by its figures)
        shares = {} if analysis.figures else self.article_shares(analysis, candidates)
        for pid in candidates:
            passage = self.corpus.passages[pid]
            doc_keys = frozenset(self._doc_keys.get(passage.source, _NONE))
            day = self._published.get(passage.source)
            outcome = assess(
                analysis,
                self._passage(pid),
                doc_keys,
                self._context_keys(passage),
                day.year if day else None,
                self._article(passage.source).topic,
                day,
                self._antecedent(passage),
                shares.get(passage.source, 1.0),
                bool(self._published),
            )
            if isinstance(outcome, Judgment):
                outcome = _in_source(outcome, self._read(pid))
            judged.append((passage, outcome))
        return _story_called_false(analysis, judged)

    def article_shares(self, analysis: ClaimAnalysis, candidates: list[int]) -> dict[str, float]:
        """How much of the claim each candidate's article says in its candidate sentences (the
        claim's words and names it has, rare ones weighing more: their idf), as a share of what
        the article that says most of the claim says: among abstracts that all speak of
        patients and risk, the one about the claim's drug and outcome says most."""
        said: dict[str, set[str]] = {}
        for pid in candidates:
            said.setdefault(self._source(pid), set()).update(self._passage(pid).keys)
        total = sum(t.idf for t in analysis.terms) or 1.0
        scores = {
            source: sum(t.idf for t in analysis.terms if t.keys & keys) / total
            for source, keys in said.items()
        }
        best = max(scores.values(), default=0.0)
        return {source: score / best if best else 1.0 for source, score in scores.items()}

    def evidence(self, claim: Claim, candidates: list[int] | None = None) -> list[Evidence]:
        """The claim's evidence among its candidates (retrieved here unless given): each
        passage the judge does not leave out (see ``outcomes``), cited. A compound claim's
        parts are judged too, each on the same candidates: a passage that says one part is
        cited for it, its reason naming the part; a passage cited for the whole claim that
        only one part's judgment cites too is that part's. A part that describes one of the
        claim's names (``parts.descriptions``) is background: its citations stand only beside
        one for what the claim says ("Crump, the family's lawyer, brought the tape to CNN":
        that Crump is the lawyer does not answer who brought the tape), and it is cited by its
        strongest passage of each stance alone (a name is described in every article)."""
        if candidates is None:
            candidates = self.candidates(claim)
        found = self._cited(claim, candidates)
        background = descriptions(claim.text)
        if not background:
            return found
        if all(e.part in background for e in found):
            return []
        best: dict[tuple[str | None, Stance], Evidence] = {}
        for e in found:
            if e.part in background:
                key = (e.part, e.stance)
                if key not in best or e.score > best[key].score:
                    best[key] = e
        kept = {id(e) for e in best.values()}
        return [e for e in found if e.part not in background or id(e) in kept]

    def _cited(self, claim: Claim, candidates: list[int]) -> list[Evidence]:
        found = self._evidence(claim, candidates)
        parts = _parts(claim)
        by_part = [{_at(e): e for e in self._evidence(part, candidates)} for part in parts]
        for n, e in enumerate(found):
            saying = [p for p, cited in zip(parts, by_part, strict=True) if _at(e) in cited]
            if len(saying) == 1 and len(parts) > 1:
                found[n] = e.model_copy(update={"part": saying[0].text})
        taken = {_at(e) for e in found}
        for part, cited in zip(parts, by_part, strict=True):
            for at, e in cited.items():
                if at not in taken:
                    taken.add(at)
                    reason = on_part(part.text, e.reason)
                    found.append(e.model_copy(update={"reason": reason, "part": part.text}))
        return _in_order(found)

    def _evidence(self, claim: Claim, candidates: list[int]) -> list[Evidence]:
        found: list[Evidence] = []
        for passage, judgment in self.outcomes(claim, candidates):
            if not isinstance(judgment, Judgment):
                continue
            document = self.corpus.document(passage.source)
            paragraph = (passage.paragraph_start, passage.paragraph_end)
            found.append(
                Evidence.cited(
                    document,
                    passage.start,
                    passage.end,
                    paragraph,
                    stance=judgment.stance,
                    reason=judgment.reason,
                    rule=judgment.rule,
                    speaker=judgment.speaker,
                    figures=judgment.figures,
                    highlights=judgment.highlights,
                    score=judgment.score,
                )
            )
            if judgment.counter is not None:
                # The same sentence takes it back: cite that clause as conflicting.
                start, end, reason, rule = judgment.counter
                found.append(
                    Evidence.cited(
                        document,
                        passage.start + start,
                        passage.start + end,
                        paragraph,
                        stance=Stance.CONFLICTS,
                        reason=reason,
                        rule=rule,
                        score=judgment.score,
                    )
                )
        return _in_order(found)
