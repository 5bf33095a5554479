"""Replace a file the safe way: write the new text beside it, then rename it into place.

A failed write (a full disk, Ctrl-C) leaves the old file whole and no temporary file behind.
The file keeps its mode; a new file gets the mode the umask gives, as an editor would create it.
Used by every command that writes a file of the user's (``dossier add``, ``dossier source set``
and ``remove``, ``dossier lock``).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from dossier.errors import DossierError

_NEW_FILE_MODE = 0o666  # less the umask, as open(2) applies it


def replace_file(path: Path, text: str, error: type[DossierError] = DossierError) -> None:
    """Write ``text`` (UTF-8, newlines as given) beside ``path``, then rename it over ``path``.

    When ``path`` does not exist yet, it is created. A failure to write is an ``error`` naming
    the file; any failure, even an interrupt, removes the temporary file.
    """
    temp = _create_beside(path, error)
    try:
        with open(temp, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):  # a new file keeps the umask's mode
            os.chmod(temp, stat.S_IMODE(os.stat(path).st_mode))
        os.replace(temp, path)
    except BaseException as err:
        temp.unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise error(f"{path}: cannot be written ({err.strerror or err}).") from None
        raise


def _create_beside(path: Path, error: type[DossierError]) -> Path:
    """A new, empty temporary file in the folder of ``path``, with the mode the umask gives a
    new file (``tempfile.mkstemp`` would give 0600, which a rename would then carry over)."""
    for _ in range(100):
        temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _NEW_FILE_MODE)
        except FileExistsError:
            continue
        except OSError as err:
            raise error(f"{path}: cannot be written ({err.strerror or err}).") from None
        os.close(fd)
        return temp
    raise error(f"{path}: cannot be written (no free temporary name beside it).")
