"""The local executor: the same results in the same order, in this process or on workers."""

from __future__ import annotations

import os

from dossier.executors.local import LocalExecutor


def _scaled(factor: int, task: list[int]) -> tuple[int, list[int]]:
    return os.getpid(), [factor * n for n in task]


TASKS = [[n, n + 1] for n in range(0, 40, 2)]


def test_few_tasks_run_in_this_process() -> None:
    executor = LocalExecutor(4, min_size=100)
    results = list(executor.map(_scaled, 3, TASKS))
    assert [r for _, r in results] == [[3 * n for n in task] for task in TASKS]
    assert {pid for pid, _ in results} == {os.getpid()}


def test_many_tasks_run_on_workers_in_order_with_what_they_share() -> None:
    for ahead in (None, 1):
        executor = LocalExecutor(2, min_size=10, ahead=ahead, give_back=True)
        results = list(executor.map(_scaled, 3, iter(TASKS)))
        assert [r for _, r in results] == [[3 * n for n in task] for task in TASKS]
        assert os.getpid() not in {pid for pid, _ in results}


def test_one_worker_runs_in_this_process() -> None:
    results = list(LocalExecutor(1).map(_scaled, 2, TASKS))
    assert {pid for pid, _ in results} == {os.getpid()}
    assert [r for _, r in results] == [[2 * n for n in task] for task in TASKS]
