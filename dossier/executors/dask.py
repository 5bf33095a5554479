"""The ``Executor`` on a Dask cluster (``distributed``): each task a Dask task, submitted in
order, its result taken in order.

What the tasks share is scattered once to every worker (``broadcast``), not sent with each
task. The function is sent by reference (a module-level function), so every worker runs the
same ``dossier`` as the build. A worker that dies has its tasks run again on another one, up
to Dask's ``distributed.scheduler.allowed-failures`` times (3 unless configured); a task that
kills every worker it runs on ends the build with a ``ClusterError``.

Only the article analysis runs here: the judging's shared ``Matcher`` (its tantivy index and
caches) does not pickle, so judging stays on local processes (``docs/cluster.md``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from typing import TypeVar

from distributed import Client, Future, KilledWorker

from dossier.errors import ClusterError

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")


class DaskExecutor:
    """Maps on the workers of ``client``'s cluster, at most ``ahead`` tasks per worker thread
    handed out before their results are taken (None: all at once)."""

    def __init__(self, client: Client, *, ahead: int | None = None) -> None:
        self.client = client
        self.ahead = ahead

    def threads(self) -> int:
        """The threads the cluster's workers run tasks on, all told (at least 1)."""
        return max(1, sum(int(n) for n in self.client.nthreads().values()))

    def map(self, function: Callable[[S, T], R], shared: S, tasks: Iterable[T]) -> Iterator[R]:
        tasks = iter(tasks)
        first = list(islice(tasks, 1))
        if not first:
            return
        # In a list: a list or tuple given to scatter alone is scattered item by item.
        (scattered,) = self.client.scatter([shared], broadcast=True, hash=False)
        submitted = (
            self.client.submit(function, scattered, task, pure=False)
            for task in chain(first, tasks)
        )
        limit = None if self.ahead is None else self.ahead * self.threads()
        pending: deque[Future[R]] = deque(islice(submitted, limit))
        try:
            while pending:
                future = pending.popleft()
                pending.extend(islice(submitted, 1))
                try:
                    yield future.result()
                except KilledWorker:
                    raise ClusterError(
                        "a task was lost with every Dask worker that ran it: the workers may be"
                        " short of memory (each worker's log says why it ended)"
                    ) from None
        finally:
            self.client.cancel([*pending, scattered])
