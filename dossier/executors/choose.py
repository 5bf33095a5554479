"""Which executor a stage runs on: local processes (the default), or the Dask cluster of a
``with on_cluster(scheduler)`` block around the build (``dossier build --scheduler``).

The cluster is held in a context variable, not handed down every call between the command
line and the stage: the stages ask ``executor(...)`` where they used to make a
``LocalExecutor``, and stay the same without a cluster. The article analysis asks for it, and
the judging when the matcher can be made again on the workers (``Matcher.remote``: a build
through the cache); otherwise the judging stays on ``LocalExecutor``.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from dossier.errors import ClusterError
from dossier.executors.interface import Executor
from dossier.executors.local import LocalExecutor

if TYPE_CHECKING:
    from distributed import Client

CONNECT_TIMEOUT = 10.0
"""Seconds to wait for a scheduler given by address before saying it cannot be reached."""

LOCAL = "local:"
"""``local:N``: a Dask ``LocalCluster`` of N worker processes, started for the build."""

_cluster: ContextVar[Client | None] = ContextVar("dossier_cluster", default=None)
"""The client of the cluster inside ``on_cluster``."""


def executor(workers: int | None, *, ahead: int | None = None, **local: Any) -> Executor:
    """The cluster's executor inside ``on_cluster`` (every task on the cluster, however
    little there is to do), else ``LocalExecutor(workers, ahead=ahead, **local)``."""
    client = _cluster.get()
    if client is not None:
        from dossier.executors.dask import DaskExecutor

        return DaskExecutor(client, ahead=ahead)
    return LocalExecutor(workers, ahead=ahead, **local)


def remote() -> bool:
    """Whether the stages run on a cluster (inside ``on_cluster``): its workers read the
    articles a task names from the shared corpus folder themselves (``executors.shared``)."""
    return _cluster.get() is not None


@contextlib.contextmanager
def on_cluster(scheduler: str | None) -> Iterator[None]:
    """Run the stages that can on the Dask cluster of ``scheduler`` (``tcp://HOST:PORT``, or
    ``local:N`` for a ``LocalCluster`` of N processes closed after); None: nothing changes."""
    if not scheduler:
        yield
        return
    with _client(scheduler) as client:
        _check_workers(client, scheduler)
        token = _cluster.set(client)
        try:
            yield
        finally:
            _cluster.reset(token)


def _check_workers(client: Client, scheduler: str) -> None:
    """At least one worker, and every worker running this very dossier (the same code version,
    ``incremental.cache.code_version``): another version could analyse otherwise, and the
    dossier would not be the same. A worker that joins later is not checked."""
    from dossier.incremental.cache import code_version

    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except TimeoutError:
        raise ClusterError(
            f"--scheduler {scheduler}: no worker joined the scheduler in {CONNECT_TIMEOUT:g} s"
        ) from None
    try:
        versions = client.run(code_version)
    except ImportError as err:
        raise ClusterError(f"--scheduler {scheduler}: a worker cannot run dossier: {err}") from None
    ours = code_version()
    others = sorted(worker for worker, version in versions.items() if version != ours)
    if others:
        raise ClusterError(
            f"--scheduler {scheduler}: {len(others)} of {len(versions)} workers run another"
            f" dossier than this build ({others[0]} first): install the same on every worker"
        )


@contextlib.contextmanager
def _client(scheduler: str) -> Iterator[Client]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError(
            f"--scheduler {scheduler}: Dask is not installed (pip install 'dossier[cluster]')"
        ) from None
    if scheduler.startswith(LOCAL):
        workers = _count(scheduler)
        with (
            _started(
                scheduler,
                lambda: LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",  # any free port: 8787 may be taken
                    worker_dashboard_address=None,
                    silence_logs=logging.ERROR,
                ),
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    if "://" not in scheduler:
        raise ClusterError(
            f"--scheduler {scheduler}: not a scheduler address (tcp://HOST:8786, or local:N)"
        )
    with _started(scheduler, lambda: Client(scheduler, timeout=CONNECT_TIMEOUT)) as client:
        yield client


def _count(scheduler: str) -> int:
    number = scheduler[len(LOCAL) :]
    if not number.isdigit() or int(number) < 1:
        raise ClusterError(f"--scheduler {scheduler}: local:N needs N, a number of workers >= 1")
    return int(number)


@contextlib.contextmanager
def _started(scheduler: str, start: Callable[[], Any]) -> Iterator[Any]:
    """What ``start`` gives (a cluster or a client), closed after; its failure to start as a
    ``ClusterError``."""
    try:
        made = start()
    except (OSError, TimeoutError, ValueError, RuntimeError) as err:
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ClusterError(
            f"--scheduler {scheduler}: cannot reach the scheduler: {reason}"
        ) from None
    with made:
        yield made
