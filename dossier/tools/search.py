"""Search the corpus for words or a figure: the tool an editor uses while drafting a claim.

Words are matched the way claims are (``text.Analyzer``, ``PassageIndex``): by stem, by
folded name ("Deir al-Zour" finds "Deir ez-Zor") and through the claims file's aliases ("IS"
finds "Islamic State"). A figure is matched by its value and unit, whatever its spelling or
hedge ("65 percent" finds "around 65 per cent" and "65%"; "1,500" finds "over 1500 strikes").
Passages matching more of the query come first; among those matching as many, the one whose
matches are rarer in the corpus (their idf summed: a figure found in few passages tells more than
a name found in thousands), then retrieval order, then corpus order.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel
from rich.console import RenderableType
from rich.text import Text

from dossier.analysis.abbreviations import Defined, defined_in, first_definitions
from dossier.analysis.quantity import extract
from dossier.analysis.text import Analyzer, Token
from dossier.claims.load import load_claims
from dossier.corpus.read import load_corpus
from dossier.errors import DossierError
from dossier.incremental.build import AFRESH, Preparing, prepared
from dossier.models import Corpus, Passages, SourceMeta
from dossier.retrieval.interface import PassageIndex, passage_terms
from dossier.retrieval.tantivy import TantivyIndex, bm25_weight
from dossier.sanitise import one_line
from dossier.tools.terminal import (
    CONTEXT_STYLE,
    HEADING_STYLE,
    PATH_STYLE,
    Look,
    indented,
    line_and_column,
    marked,
    render,
    source_label,
)

DEFAULT_LIMIT = 10
_BARE_NUMBER = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w])")


class Hit(BaseModel):
    """One passage that matches, where it stands and what in it matched."""

    path: str
    line: int
    column: int
    meta: SourceMeta
    text: str
    marks: list[tuple[int, int]]
    matched: int
    wanted: int


class SearchResult(BaseModel):
    query: str
    corpus: str
    total: int
    hits: list[Hit]


@dataclass(frozen=True)
class _Figure:
    start: int
    end: int
    value: float
    unit: str | None  # None: a bare number, which matches any unit


def _figures(text: str) -> list[_Figure]:
    """The figures of ``text``: quantities with their unit, then bare numbers not among them."""
    found = [
        _Figure(q.start, q.end, q.value, None if q.unit == "number" else q.unit)
        for q in extract(text)
    ]
    for m in _BARE_NUMBER.finditer(text):
        if not any(f.start <= m.start() < f.end for f in found):
            found.append(_Figure(m.start(), m.end(), float(m.group().replace(",", "")), None))
    return found


def _same_figure(wanted: _Figure, seen: _Figure) -> bool:
    if wanted.unit is not None and seen.unit is not None and wanted.unit != seen.unit:
        return False
    return math.isclose(wanted.value, seen.value, rel_tol=1e-3)


def search_corpus(
    corpus_path: Path,
    query: str,
    *,
    claims_path: Path | None = None,
    limit: int = DEFAULT_LIMIT,
    how: Preparing = AFRESH,
) -> SearchResult:
    """Passages of the corpus that match ``query``, using the aliases of the claims file; with
    a claims file, through the build cache when ``how`` has one (its index, and no article
    analysed again when a build has seen the corpus)."""
    if not query.strip():
        raise DossierError(
            'the search is empty; give words or a figure, e.g. dossier search "Deir ez-Zor"'
        )
    _check_limit(limit)  # what can be said of the query is said before the corpus is read
    if claims_path is None:
        _Query(query, Analyzer({}))
        return search(load_corpus(corpus_path, warn=how.warn), query, Analyzer({}), limit)
    claims = load_claims(claims_path)
    _Query(query, Analyzer(claims.file.aliases))
    with prepared(claims_path, corpus_path, how, claims=claims) as ready:
        matcher = ready.matcher
        return search(ready.corpus, query, matcher.analyzer, limit, matcher.index)


def _check_limit(limit: int) -> None:
    if limit < 1:
        raise DossierError(f"--limit: {limit} is too small; show at least 1 passage")


class _Query:
    """What a search looks for: its words (their keys, and the index's key groups) and its
    figures; a query of common words alone is refused."""

    def __init__(self, query: str, analyzer: Analyzer) -> None:
        self.figures = _figures(query)
        self.terms: list[frozenset[str]] = []
        self.groups: list[tuple[list[str], bool]] = []
        for token in analyzer.tokens(query):
            keys = frozenset(token.keys)
            in_figure = any(f.start <= token.start < f.end for f in self.figures)
            if token.stop or in_figure or keys in self.terms:
                continue
            self.terms.append(keys)
            self.groups.append((sorted(keys), token.entity))
        if not self.terms and not self.figures:
            raise DossierError(
                f"the search {query.strip()!r} has only common words; "
                "give a name, a less common word or a figure"
            )


def search(
    corpus: Corpus,
    query: str,
    analyzer: Analyzer,
    limit: int,
    index: PassageIndex | None = None,
) -> SearchResult:
    """The passages matching most of the query's words and figures, best first; ``index``:
    the corpus's passages indexed as ``passage_terms`` writes them (made here if not
    given). Only the passages holding a word of the query are analysed, and the others are
    read for figures only when the query has one."""
    _check_limit(limit)
    asked = _Query(query, analyzer)
    figures, terms, groups = asked.figures, asked.terms, asked.groups
    passages = corpus.passages
    tokens: dict[int, list[Token]] = {}
    if index is None:
        index = TantivyIndex()
        tokens = {p.id: analyzer.tokens(p.text) for p in passages}
        starts: dict[str, int] = {}
        defined: dict[str, list[Defined]] = {}  # by article
        for p in passages:
            starts.setdefault(p.source, p.id)
            defined.setdefault(p.source, []).extend(defined_in(p.text, tokens[p.id]))
        defined = {source: first_definitions(d) for source, d in defined.items()}
        index.add(
            (p.source, p.id - starts[p.source], passage_terms(tokens[p.id], defined[p.source]))
            for p in passages
        )
        index.place(starts)
    rank = {pid: n for n, pid in enumerate(index.search(groups, len(passages) or 1))}
    candidates = set(rank) | (set(range(len(passages))) if figures else set())

    wanted = len(terms) + len(figures)
    found: list[tuple[list[int], int, int, list[tuple[int, int]]]] = []
    held = [0] * wanted  # how many passages hold each word, then each figure
    for pid in candidates:
        text = passages.text(pid) if isinstance(passages, Passages) else passages[pid].text
        # Outside the ranking a passage holds none of the query's words: only figures to find.
        words = (tokens.get(pid) or analyzer.tokens(text)) if pid in rank else []
        which, marks = _match(text, words, terms, figures)
        if which:
            found.append((which, rank.get(pid, len(rank)), pid, marks))
            for n in which:
                held[n] += 1
    total = len(passages)
    weights = [
        max((weight for _, weight in index.weights([group])), default=0.0) for group in groups
    ] + [bm25_weight(held[len(terms) + j], total, False) for j in range(len(figures))]
    scored = sorted(
        (-len(which), -round(sum(weights[n] for n in which), 6), order, pid, marks)
        for which, order, pid, marks in found
    )
    hits = []
    for negative, _, _, pid, marks in scored[:limit]:
        passage = corpus.passages[pid]
        document = corpus.document(passage.source)
        line, column = line_and_column(document.text, passage.start)
        hits.append(
            Hit(
                path=(Path(corpus.root) / passage.source).as_posix(),
                line=line,
                column=column,
                meta=document.meta,
                text=passage.text,
                marks=marks,
                matched=-negative,
                wanted=wanted,
            )
        )
    return SearchResult(query=query.strip(), corpus=corpus.root, total=len(scored), hits=hits)


def _match(
    text: str,
    tokens: list[Token],
    terms: list[frozenset[str]],
    figures: list[_Figure],
) -> tuple[list[int], list[tuple[int, int]]]:
    """Which of the query's words, then figures (by number), a passage's ``text`` holds, and
    where."""
    which: list[int] = []
    marks: list[tuple[int, int]] = []
    for n, keys in enumerate(terms):
        spans = [(t.start, t.end) for t in tokens if not t.stop and keys & set(t.keys)]
        if spans:
            which.append(n)
            marks.extend(spans)
    if figures:
        seen = _figures(text)
        for j, wanted in enumerate(figures):
            spans = [(f.start, f.end) for f in seen if _same_figure(wanted, f)]
            if spans:
                which.append(len(terms) + j)
                marks.extend(spans)
    return which, _joined(text, sorted(set(marks)))


_NAME_GAP = re.compile(
    r"[\s-]*(?:(?:al|el|il|ul|ad|ed|ar|as|ash|at|az|ez|an|es|et|bin|ibn|abu|de|du|la|le)[\s-]+)?"
)


def _joined(text: str, marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Marks next to each other, or apart by an article ("Deir al-Zour"), as one mark."""
    joined: list[tuple[int, int]] = []
    for start, end in marks:
        if joined and _NAME_GAP.fullmatch(text[joined[-1][1] : start]):
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


# --- presentation -------------------------------------------------------------------------


def format_search(result: SearchResult, look: Look) -> str:
    if not result.hits:
        return (
            f"No passage of {result.corpus} matches “{result.query}”. Try fewer words, another "
            'spelling of a name, or a figure as the articles write it (e.g. "65 percent").\n'
        )
    many = "passages match" if result.total > 1 else "passage matches"
    head = f"{result.total} {many} “{result.query}” in {result.corpus}"
    if result.total > len(result.hits):
        shown = len(result.hits)
        head += (
            f"; the best {shown} {'is' if shown == 1 else 'are'} shown "
            f"(--limit {result.total} shows all)"
        )
    items: list[RenderableType] = [Text(head + ":", style=HEADING_STYLE)]
    for hit in result.hits:
        line = Text()
        line.append(f"{one_line(hit.path)}:{hit.line}", style=PATH_STYLE if look.color else "")
        if hit.matched < hit.wanted:
            line.append(f"  (matches {hit.matched} of {hit.wanted})")
        label = Text(source_label(hit.meta), style=CONTEXT_STYLE if look.color else "")
        sentence = marked(hit.text, hit.marks, look)
        items += [Text(""), line, indented(label, 4), indented(sentence, 4)]
    return render(items, look)
