"""What a rule reads: one claim and one passage, as analysed, with what is known of the passage's
article (its names, the words just before it, its topic, its year), and what is computed from
them once for every rule that asks (the cover, the contrast, another actor, the figures'
answers, the polarity)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from dossier.analysis.dates import day_before, event_date, format_day
from dossier.analysis.facets import Contrast, contrast
from dossier.analysis.text import Token
from dossier.judge.analyses import ClaimAnalysis, PassageAnalysis
from dossier.judge.cover import Cover, cover, other_actor
from dossier.judge.measure import Answers, answers
from dossier.judge.polarity import Polarity, statement_polarity


@dataclass(frozen=True, eq=False)
class Case:
    """One passage judged against one claim.

    ``document_keys`` are the names of the passage's article, ``context_keys`` the words and
    names of the sentences just before it, ``topic_keys`` the names the article is about (one
    of them may go unsaid: "the city" of an article about Deir ez-Zor). ``published`` is the
    year the article appeared, when known: a passage that names no year speaks of that year;
    ``published_on`` its date."""

    claim: ClaimAnalysis
    passage: PassageAnalysis
    document_keys: frozenset[str]
    context_keys: frozenset[str] = frozenset()
    published: int | None = None
    topic_keys: frozenset[str] = frozenset()
    published_on: dt.date | None = None  # the article's date, when known
    # The first name of the sentence just before: whom "the party" or "the company" opening
    # this one most likely is (the subject comes first, and a description takes it up).
    antecedent: tuple[str, frozenset[str]] = ("", frozenset())  # the name as written, its keys
    # How much of the claim the passage's article says, in the sentences retrieved for it, as a
    # share of what the article that says most of it says (``Matcher.article_shares``).
    article_share: float = 1.0
    # Whether the corpus dates any of its articles: where none is dated, no article can be told
    # apart from another by its date, and a claim's year is not asked of them.
    dated_corpus: bool = True

    @cached_property
    def dated(self) -> tuple[dt.date, str] | None:
        """When the passage says it happened: a date it writes, resolved against its article's
        date ("on Tuesday"), else the article's date; with the words that say so."""
        if self.published_on is None:
            return None
        said = event_date(self.passage.text, self.published_on)
        return said or (self.published_on, f"reported on {format_day(self.published_on)}")

    @cached_property
    def claimed(self) -> tuple[dt.date, dt.date, str] | None:
        """The days the claim names: with their year, or a day it writes without one ("On
        June 4") as the last such day on or before the passage's article appeared."""
        if self.claim.dated is not None or self.published_on is None:
            return self.claim.dated
        return day_before(self.claim.text, self.published_on)

    @cached_property
    def claim_names(self) -> frozenset[str]:
        """The claim's names: those it writes as names, and a capitalised word it opens with
        that the article writes as a name ("Labour won ..."; not "Excess weight gain ...")."""
        opening = {k for t in self.claim.terms for k in t.keys if k[0] == "#"}
        return self.claim.names | (opening & self.document_keys)

    @cached_property
    def cover(self) -> Cover:
        """What of the claim the sentence says, and where the rest of its names are."""
        return cover(
            self.claim, self.passage, self.document_keys, self.context_keys, self.topic_keys
        )

    @cached_property
    def said_words(self) -> tuple[Token, ...]:
        """The sentence's tokens that say the claim's words other than its names, in order:
        where they stand tells what a cue before them governs ("reportedly", "whether")."""
        tokens = self.passage.tokens
        return tuple(tokens[j] for j in sorted(self.cover.matched) if not tokens[j].entity)

    @cached_property
    def differs(self) -> Contrast | None:
        """Another year, day, hour or direction than the claim's, if the passage gives one."""
        return contrast(
            self.claim.facets,
            self.passage.facets,
            self.published,
            self.passage.keys,
            dated_corpus=self.dated_corpus,
            claim_keys=self.claim.names,
            events=not self.claim.figures,
        )

    @cached_property
    def actor(self) -> str | None:
        """Who else the sentence gives the claim's act to, when it leaves out one of the
        claim's names ("IS has held ... 60 percent" against "the SDF controls 60 percent")."""
        if not self.cover.absent:
            return None
        return other_actor(self.claim, self.passage, self.cover.matched)

    @cached_property
    def place_keys(self) -> frozenset[str]:
        """The names said in the sentence, just before it, or as its article's topic: where a
        figure of "the city" is."""
        return self.passage.keys | self.context_keys | self.topic_keys

    @cached_property
    def answers(self) -> Answers:
        """How the passage's figures answer the claim's."""
        return answers(self.claim, self.passage, self.place_keys)

    @cached_property
    def polarity(self) -> Polarity:
        """Whether the sentence asserts, negates or denies what it says of the claim."""
        return statement_polarity(self.claim, self.passage, self.cover.matched)
