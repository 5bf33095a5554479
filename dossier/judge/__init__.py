"""The judge: the stance of a passage toward a claim, and the rules that decide it.

- ``analyze.py`` reads a claim and a passage into the types of ``analyses.py``;
- ``cover.py`` (what of the claim a sentence says), ``measure.py`` (figures against figures),
  ``polarity.py`` (asserted, negated, denied) and ``acts.py`` (who did what to whom) are what
  the rules read, through a ``Case`` (``case.py``);
- ``rules/`` holds the rules, one module per family, registered in ``registry.py`` in one
  order; ``assess.py`` asks them in turn; ``outcome.py`` is what they answer;
- ``match.py`` retrieves a claim's candidate passages and turns judgments into evidence.

The word lists and thresholds the judge reads are in ``dossier.lexicon``.
"""
