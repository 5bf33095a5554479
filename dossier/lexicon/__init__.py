"""Word lists and thresholds as data: what the analysis and the judge know of English news
writing, by theme (``calendar``, ``negation``, ``speech``, ``hedges``, ``numbers``, ``words``,
``acts``) and the judge's ``thresholds``. Code reads them; no module here does any work."""
