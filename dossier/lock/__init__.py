"""The CI gate: locking citations and checking them again."""
