"""Word lists and thresholds as data: what the analysis and the judge know of English news
writing, by theme (``calendar``, ``negation``, ``speech``, ``hedges``, ``numbers``, ``words``,
``acts``) and the judge's ``thresholds``; ``wordnet``: WordNet's synonyms, from a table the
package ships (``data/``). Code reads them; no module here does any work but reading its data."""
