"""The ``Executor`` on a Dask cluster (``distributed``): each task a Dask task, submitted in
order, its result taken in order.

What the tasks share is scattered once to every worker (``broadcast``), not sent with each
task. The function is sent by reference (a module-level function), so every worker runs the
same ``dossier`` as the build. A worker that dies has its tasks run again on another one, up
to Dask's ``distributed.scheduler.allowed-failures`` times (3 unless configured); a task that
kills every worker it runs on ends the build with a ``ClusterError``. When every worker that
held what the tasks share ended at once, it is scattered again and the tasks that were lost
with it submitted again (``RESUBMITTED`` times at most).

The article analysis runs here, and the judging through a recipe of the matcher, which each
worker makes again (``incremental.remote``; docs/cluster.md).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError
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
        given = _Shared(self.client, shared)
        submitted = (
            (task, self.client.submit(function, given.future, task, pure=False))
            for task in chain(first, tasks)
        )
        limit = None if self.ahead is None else self.ahead * self.threads()
        pending: deque[tuple[T, Future[R]]] = deque(islice(submitted, limit))
        try:
            while pending:
                task, future = pending.popleft()
                pending.extend(islice(submitted, 1))
                for attempt in range(RESUBMITTED + 1):
                    try:
                        yield future.result()
                        break
                    except KilledWorker:
                        raise ClusterError(
                            "a task was lost with every Dask worker that ran it: the workers may"
                            " be short of memory (each worker's log says why it ended)"
                        ) from None
                    except CancelledError:
                        # What the tasks share was lost with every worker that held it (they
                        # all died at once): scattered again, and the task submitted again.
                        if attempt == RESUBMITTED:
                            raise ClusterError(
                                "the Dask workers kept ending: a task was given up after"
                                f" {RESUBMITTED} new starts (each worker's log says why it ended)"
                            ) from None
                        future = self.client.submit(function, given.again(), task, pure=False)
        finally:
            self.client.cancel([future for _, future in pending] + given.futures)


RESUBMITTED = 3
"""How many times a task whose shared data was lost with every worker is submitted again."""


class _Shared:
    """What the tasks of one ``map`` share, scattered once to every worker (``broadcast``), and
    again when every worker that held it is gone."""

    def __init__(self, client: Client, shared: object) -> None:
        self.client = client
        self.shared = shared
        self.futures: list[Future[object]] = []
        self.future = self._scatter()

    def _scatter(self) -> Future[object]:
        # In a list: a list or tuple given to scatter alone is scattered item by item.
        scattered: list[Future[object]] = self.client.scatter(
            [self.shared], broadcast=True, hash=False
        )
        self.futures.extend(scattered)
        return scattered[0]

    def again(self) -> Future[object]:
        """The shared data, scattered again unless it still is on a worker."""
        if self.future.status != "finished":
            self.future = self._scatter()
        return self.future
