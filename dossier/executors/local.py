"""The ``Executor`` on this machine: in this process when there is little to do, else on worker
processes forked from it, one per core.

The workers are forked, so what the tasks share (the matcher and its index, the analyzer) is
inherited, not copied up front; the cycle collector is frozen while they run, so that theirs
leaves what they inherit alone and those pages stay shared. Where processes cannot be forked,
everything runs in this process.

The workers end with the process that forked them, however it ends (kill -9 included): on Linux
the kernel sends them SIGKILL when it dies (``PR_SET_PDEATHSIG``), elsewhere a thread in each
worker watches its parent's pid (``_follow_parent``).
"""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import sys
import threading
import time
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


PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCH_EVERY = 0.5
"""How often (seconds) a worker without ``PR_SET_PDEATHSIG`` checks that its parent lives."""


def _follow_parent(parent: int) -> None:
    """Worker initialiser: end this worker when ``parent`` (the build) ends."""
    if not _die_with_parent():
        threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it ended before this worker could follow it
        os.kill(os.getpid(), signal.SIGKILL)


def _die_with_parent() -> bool:
    """Ask Linux to kill this process when its parent ends (False: not Linux, or refused)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return False
    return bool(prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_EVERY)
    os.kill(os.getpid(), signal.SIGKILL)


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
            with ProcessPoolExecutor(
                self.workers,
                mp_context=get_context("fork"),
                initializer=_follow_parent,
                initargs=(os.getpid(),),
            ) as pool:
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
