"""The dossier's outputs: JSON, HTML and PDF, from one report."""
