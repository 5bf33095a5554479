"""What a rule decides: a passage's stance toward a claim (``Judgment``), or why it is not
evidence (``LeftOut``); each names the rule that decided it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from dossier.models import Stance


class Counter(NamedTuple):
    """A clause of the same passage that takes the judgment back ("..., a claim Moscow denied";
    "believed to be much higher"): offsets in the passage, the reason, and the rule that found
    it. Cited apart, as conflicting."""

    start: int
    end: int
    reason: str
    rule: str


@dataclass(frozen=True, slots=True)
class Judgment:
    stance: Stance
    reason: str
    speaker: str | None
    figures: list[str]
    highlights: list[tuple[int, int]]
    score: float
    counter: Counter | None = None
    rule: str = ""  # the rule that decided it (set by ``assess`` from the registry)


@dataclass(frozen=True, slots=True)
class LeftOut:
    """Why a passage that shares words with a claim is not evidence for it."""

    reason: str
    rule: str = ""


Outcome = Judgment | LeftOut


def left_out(reason: str | None) -> LeftOut | None:
    """The passage left out for ``reason``; no opinion when there is none."""
    return LeftOut(reason) if reason else None
