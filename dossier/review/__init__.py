"""The editors' review: what a person decided about each claim, laid over what the tool found
(``apply``), written into the claims file (``store``), and the ``dossier review`` actions."""
