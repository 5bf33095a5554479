"""Replace a file the safe way: write the new text beside it, then rename it into place.

A failed write (a full disk, Ctrl-C) leaves the old file whole and no temporary file behind.
Used by the commands that edit an editor's files (``dossier add``, ``dossier source set``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from dossier.errors import DossierError


def replace_file(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) beside ``path``, then rename it over ``path``, keeping its mode.

    When ``path`` does not exist yet, it is created.
    """
    temp: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "wb", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as handle:
            temp = Path(handle.name)
            handle.write(text.encode("utf-8"))
        if path.exists():
            shutil.copymode(path, temp)
        else:
            os.chmod(temp, 0o644)  # as a text editor would create it
        os.replace(temp, path)
    except OSError as err:
        if temp is not None:
            temp.unlink(missing_ok=True)
        raise DossierError(f"{path}: cannot be written ({err.strerror or err})") from None
