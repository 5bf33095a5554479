"""The judge: the stance of a passage toward a claim, and the rules that decide it."""
