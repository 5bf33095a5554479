"""The stance of one passage toward one claim, with a reason a person can check.

``assess`` asks the judge's rules (``dossier.judge.rules``) in the registry's order
(``dossier.judge.registry.ORDER``); the first that answers decides, and its name goes with the
answer. In short:

- **Scope.** The claim must have content; a claim phrased as someone's claim ("Amaq claimed
  that ...") is backed only by passages in which that speaker claims it, or that report it
  unattributed in an article naming that speaker (and then they only back it).
- **Figures.** When the claim has a figure, the passage must have a figure of the same kind that
  measures the same thing; the figures then agree (supports) or exclude each other (conflicts).
- **Statements.** Without figures, the passage must cover most of the claim's content words and
  every name it can; its polarity then decides.
- **Who did what to whom** (``actors``), **names** left to the article, what **would** happen
  (``modality``), and **when and where** (``contrast``): another year, day, hour or direction
  conflicts.
"""

from __future__ import annotations

import datetime as dt

from dossier.judge.analyses import ClaimAnalysis, PassageAnalysis
from dossier.judge.case import Case
from dossier.judge.outcome import Judgment, LeftOut
from dossier.judge.registry import decide
from dossier.judge.rules import RULES  # noqa: F401  (each module registers its rules)


def judge(
    claim: ClaimAnalysis,
    passage: PassageAnalysis,
    document_keys: frozenset[str],
    context_keys: frozenset[str] = frozenset(),
    published: int | None = None,
    topic_keys: frozenset[str] = frozenset(),
    published_on: dt.date | None = None,
    antecedent: tuple[str, frozenset[str]] = ("", frozenset()),
    article_share: float = 1.0,
    dated_corpus: bool = True,
) -> Judgment | None:
    """The stance of ``passage`` toward ``claim``, or None when it is not evidence (see
    ``Case`` for what the arguments are)."""
    verdict = assess(
        claim,
        passage,
        document_keys,
        context_keys,
        published,
        topic_keys,
        published_on,
        antecedent,
        article_share,
        dated_corpus,
    )
    return verdict if isinstance(verdict, Judgment) else None


def assess(
    claim: ClaimAnalysis,
    passage: PassageAnalysis,
    document_keys: frozenset[str],
    context_keys: frozenset[str] = frozenset(),
    published: int | None = None,
    topic_keys: frozenset[str] = frozenset(),
    published_on: dt.date | None = None,
    antecedent: tuple[str, frozenset[str]] = ("", frozenset()),
    article_share: float = 1.0,
    dated_corpus: bool = True,
) -> Judgment | LeftOut:
    """Like ``judge``, but says why a passage is left out; either way, which rule decided."""
    return decide(
        Case(
            claim,
            passage,
            document_keys,
            context_keys,
            published,
            topic_keys,
            published_on,
            antecedent,
            article_share,
            dated_corpus,
        )
    )
