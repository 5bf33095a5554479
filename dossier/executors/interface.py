"""What a stage asks of an executor: a function mapped over tasks, the results in order.

The function is a module-level function of two arguments: what every task shares (the analyzer
and furniture rules, the matcher), given once, and the task. Results come back in the tasks'
order as they are done, so the caller tells the progress as it takes them. The results are the
same whatever runs them. An executor is one module beside this one (``local.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    def map(self, function: Callable[[S, T], R], shared: S, tasks: Iterable[T]) -> Iterator[R]:
        """``function(shared, task)`` for each task, in the tasks' order."""
        ...
