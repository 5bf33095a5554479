"""Files a cluster's worker reads itself: a task names a file under a folder shared with the
workers (its path under the folder, and its sha256), not its bytes, and the worker reads it
where it runs, checked against that hash.

Two folders are shared: the corpus (the articles a worker analyses, and the sentences it
judges) and the build cache (the corpus state and the index a worker judges with). Each must be
mounted at the same path on every worker as on the build's machine (a network file system, an
object store mounted as one); a worker that has one elsewhere is told where by
``DOSSIER_CORPUS_ROOT`` or ``DOSSIER_CACHE_ROOT`` in its environment. A file that is not there
or is another file on a worker (a folder not shared, a stale copy) stops the build with an
error naming the file and the worker: never a dossier computed from other articles.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from dataclasses import dataclass

from dossier.errors import ClusterError


@dataclass(frozen=True)
class Shared:
    """A folder the workers share with the build: what it is, and the variable that tells a
    worker where it is mounted when not at the build's path."""

    what: str
    variable: str

    def help(self) -> str:
        return (
            f"the {self.what} must be mounted at the same path on every worker as on the build's"
            f" machine, or {self.variable} set on the worker to where it is (docs/cluster.md)"
        )

    def path(self, root: str, path: str) -> str:
        """Where the file ``path`` under the build's folder ``root`` is on this worker."""
        return os.path.join(os.environ.get(self.variable) or root, path)


CORPUS = Shared("corpus folder", "DOSSIER_CORPUS_ROOT")
CACHE = Shared("build cache folder", "DOSSIER_CACHE_ROOT")


def read_hashed(where: str) -> tuple[bytes, str]:
    """The bytes of the file ``where`` and their sha256 (an ``OSError`` when it cannot be
    read)."""
    with open(where, "rb") as handle:
        data = handle.read()
    return data, hashlib.sha256(data).hexdigest()


def read_shared(root: str, path: str, sha256: str, folder: Shared = CORPUS) -> bytes:
    """The bytes of the file ``path`` under the build's folder ``root`` (or under the folder
    the worker's variable names, see ``Shared``), which must have ``sha256``."""
    where = folder.path(root, path)
    try:
        data, digest = read_hashed(where)
    except OSError as err:
        raise not_there(path, where, err, folder) from None
    if digest != sha256:
        raise ClusterError(
            f"{path}: on the Dask worker {worker()}, {where} is not the file the build read"
            " (its sha256 differs: a folder not shared, a stale copy, or a file changed during"
            f" the build): {folder.help()}"
        )
    return data


def write_shared(root: str, folder: str, prefix: str, data: bytes) -> tuple[str, str]:
    """``data`` written on this worker as a new file in ``folder`` under the build cache folder
    ``root`` (shared, see ``CACHE``), named ``prefix`` and a random part, written under another
    name and renamed into place: its path under ``root`` and its sha256, which the build takes
    it by (``take_written``)."""
    name = f"{folder}/{prefix}{uuid.uuid4().hex}"
    where = CACHE.path(root, name)
    temp = CACHE.path(root, f"{folder}/{prefix}{uuid.uuid4().hex}")  # (the cache's own names)
    try:
        os.makedirs(os.path.dirname(where), exist_ok=True)
        with open(temp, "wb") as handle:
            handle.write(data)
        os.replace(temp, where)
    except OSError as err:
        raise ClusterError(
            f"{name}: on the Dask worker {worker()}, {where} cannot be written"
            f" ({err.strerror}): {CACHE.help()}"
        ) from None
    return name, hashlib.sha256(data).hexdigest()


def take_written(root: str, name: str, sha256: str) -> bytes:
    """The bytes a worker wrote as ``name`` under the build cache folder ``root``
    (``write_shared``), read on the build's machine, checked against ``sha256`` and removed."""
    where = os.path.join(root, name)
    try:
        data, digest = read_hashed(where)
    except OSError as err:
        raise ClusterError(
            f"{name}: what a Dask worker wrote in the build cache cannot be read on the build's"
            f" machine at {where} ({err.strerror}): {CACHE.help()}"
        ) from None
    if digest != sha256:
        raise ClusterError(
            f"{name}: what a Dask worker wrote in the build cache is not what the build reads"
            f" at {where} (its sha256 differs): {CACHE.help()}"
        )
    os.unlink(where)
    return data


def not_there(path: str, where: str, err: OSError, folder: Shared = CORPUS) -> ClusterError:
    """The error of a worker that cannot read a shared file."""
    return ClusterError(
        f"{path}: on the Dask worker {worker()}, {where} cannot be read ({err.strerror}):"
        f" {folder.help()}"
    )


def worker() -> str:
    """The address of the Dask worker this runs on (``this process`` outside one)."""
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        return "this process"
