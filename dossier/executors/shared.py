"""Files a cluster's worker reads itself: a task names a file under a folder shared with the
workers (its path under the folder, and its sha256), not its bytes, and the worker reads it
where it runs, checked against that hash.

The folder must be mounted at the same path on every worker as on the build's machine (a
network file system, an object store mounted as one); a worker that has it elsewhere is told
where by ``DOSSIER_CORPUS_ROOT`` in its environment. A file that is not there or is another
file on a worker (a folder not shared, a stale copy) stops the build with an error naming the
file and the worker: never a dossier computed from other articles.
"""

from __future__ import annotations

import hashlib
import os

from dossier.errors import ClusterError

ROOT_VARIABLE = "DOSSIER_CORPUS_ROOT"
"""On a worker: where it finds the build's corpus folder, when not at the build's path."""

HELP = (
    "the corpus folder must be mounted at the same path on every worker as on the build's"
    f" machine, or {ROOT_VARIABLE} set on the worker to where it is (docs/cluster.md)"
)


def read_shared(root: str, path: str, sha256: str) -> bytes:
    """The bytes of the file ``path`` under the build's folder ``root`` (or under the worker's
    ``DOSSIER_CORPUS_ROOT``), which must have ``sha256``."""
    where = os.path.join(os.environ.get(ROOT_VARIABLE) or root, path)
    try:
        with open(where, "rb") as handle:
            data = handle.read()
    except OSError as err:
        raise ClusterError(
            f"{path}: on the Dask worker {worker()}, {where} cannot be read ({err.strerror}):"
            f" {HELP}"
        ) from None
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ClusterError(
            f"{path}: on the Dask worker {worker()}, {where} is not the file the build read"
            " (its sha256 differs: a folder not shared, a stale copy, or a file changed during"
            f" the build): {HELP}"
        )
    return data


def worker() -> str:
    """The address of the Dask worker this runs on (``this process`` outside one)."""
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        return "this process"
