"""The speed layer: the cache and the prepared corpus state, wrapping the plain pipeline."""
