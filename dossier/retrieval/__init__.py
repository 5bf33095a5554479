"""Finding the passages a claim may be judged against."""
