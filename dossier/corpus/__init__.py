"""The corpus: reading article files, segmenting them into passages, sources.yaml."""
