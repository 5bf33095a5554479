"""The ``Executor`` on this machine: in this process when there is little to do, else on worker
processes forked from it, one per core.

The workers are forked, so what the tasks share (the matcher and its index, the analyzer) is
inherited, not copied up front; the cycle collector is frozen while they run, so that theirs
leaves what they inherit alone and those pages stay shared. Where processes cannot be forked,
everything runs in this process.
"""

from __future__ import annotations

import ctypes
import gc
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from multiprocessing import get_all_start_methods, get_context
from typing import Any, TypeVar

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

_shared: Any = None
"""What the tasks share, set while a pool runs: its forked workers inherit it."""


def default_workers() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def give_back_memory() -> None:
    """Return the memory freed so far to the system: glibc keeps freed blocks in its heaps,
    and after the articles are analysed that is hundreds of megabytes at 50,000 articles.
    Nothing where there is no ``malloc_trim`` (not glibc)."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)


def _run(function: Callable[[Any, T], R], task: T, give_back: bool) -> R:
    result = function(_shared, task)
    if give_back:
        give_back_memory()  # what the task freed: the workers run side by side
    return result


class LocalExecutor:
    """Maps on ``workers`` processes (default: one per core) when the tasks' sizes (``size``)
    add up to ``min_size`` at least, else in this process; at most ``ahead`` tasks per worker
    are handed out before their results are taken (None: all at once). With ``give_back``,
    the memory freed is given back to the system before the workers are forked and by each
    worker after each task."""

    def __init__(
        self,
        workers: int | None = None,
        *,
        min_size: int = 1,
        size: Callable[[Any], int] = len,
        ahead: int | None = None,
        give_back: bool = False,
    ) -> None:
        self.workers = workers or default_workers()
        self.min_size = min_size
        self.size = size
        self.ahead = ahead
        self.give_back = give_back

    def map(self, function: Callable[[S, T], R], shared: S, tasks: Iterable[T]) -> Iterator[R]:
        tasks = iter(tasks)
        peeked: list[T] = []  # enough to know whether processes are worth it
        size = 0
        for task in tasks:
            peeked.append(task)
            size += self.size(task)
            if size >= self.min_size:
                break
        everything = chain(peeked, tasks)
        if self.workers <= 1 or size < self.min_size or "fork" not in get_all_start_methods():
            for task in everything:
                yield function(shared, task)
            return
        yield from self._forked(function, shared, everything)

    def _forked(self, function: Callable[[S, T], R], shared: S, tasks: Iterator[T]) -> Iterator[R]:
        global _shared
        _shared = shared
        if self.give_back:
            give_back_memory()  # the workers share what is left; what is given back, no one holds
        gc.freeze()
        try:
            with ProcessPoolExecutor(self.workers, mp_context=get_context("fork")) as pool:
                submitted = (pool.submit(_run, function, task, self.give_back) for task in tasks)
                # A few tasks in flight per worker, not all, when results finished before they
                # are taken would wait in memory.
                limit = None if self.ahead is None else self.ahead * self.workers
                pending: deque[Future[R]] = deque(islice(submitted, limit))
                while pending:
                    future = pending.popleft()
                    pending.extend(islice(submitted, 1))
                    yield future.result()
        finally:
            _shared = None
            gc.unfreeze()
