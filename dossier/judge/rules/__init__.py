"""The judge's rules, one module per family; ``RULES`` holds them in the registry's order."""

from __future__ import annotations

from dossier.judge.registry import Rule, ordered
from dossier.judge.rules import (  # each module registers its family's rules
    actors,
    contrast,
    figures,
    modality,
    names,
    scope,
    statements,
)

FAMILIES = (scope, actors, contrast, figures, statements, modality, names)
RULES: tuple[Rule, ...] = ordered()
