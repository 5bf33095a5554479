"""One module per kind of article file (``txt.py``, ``md.py``), each a ``Reader`` (see
``interface.py``); the table of them is ``corpus.files.READERS``."""
