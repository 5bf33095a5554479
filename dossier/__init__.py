"""dossier: check claims against a corpus and render a cited fact-check dossier."""

__version__ = "0.2.0"
