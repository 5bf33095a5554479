"""Editors' tools: explain, search, sources, evaluation, and the terminal's look."""
