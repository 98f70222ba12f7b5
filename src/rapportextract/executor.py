"""Where work runs: the one module that starts processes.

An executor maps a function over items and yields the results in the order of the items. Three
kinds: `InProcess` (the default for one worker), `LocalProcesses` (a
`concurrent.futures.ProcessPoolExecutor` on this machine) and `DaskCluster` (a Dask
distributed cluster: one started on this machine, or a running one given by its scheduler's
address). The function and items must pickle, and the function must catch the errors it wants
to turn into results: an exception it raises is raised from `map`.

A process that dies (a crash in a PDF library, out of memory) is not an exception of the
function: `map` gives that item's result by `crashed(item)`, so that one bad input costs its
own result only.

Dask is imported only when a `DaskCluster` is made: start-up time matters for the CLI.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Any, Literal, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

ExecutorKind = Literal["processes", "dask"]
"""How `build --executor` names the kinds that run work outside this process."""


class Executor(Protocol):
    workers: int

    def map(
        self, fn: Callable[[T], R], items: Sequence[T], *, crashed: Callable[[T], R]
    ) -> Iterator[R]:
        """`fn(item)` for each item, in the order of `items`; `crashed(item)` where the process
        running it died."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Executor: ...

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


class _Closing:
    """Context-manager plumbing shared by the executors."""

    def close(self) -> None:
        """Release what the executor holds (processes, a cluster); nothing to do here."""

    def __enter__(self) -> Any:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class InProcess(_Closing):
    """Everything in this process, one item after the other."""

    workers = 1

    def map(
        self, fn: Callable[[T], R], items: Sequence[T], *, crashed: Callable[[T], R]
    ) -> Iterator[R]:
        for item in items:
            yield fn(item)


class LocalProcesses(_Closing):
    """A pool of `workers` processes on this machine. On Linux they are forked, so they start
    with every module this process has loaded (import what the work needs first, or name it
    as `warm`). Made for each `map`, unless `start`ed beforehand and kept until `close`."""

    def __init__(self, workers: int, *, warm: Callable[[], object] | None = None) -> None:
        self.workers = workers
        self._warm = warm
        self._started: ProcessPoolExecutor | None = None

    def start(self) -> LocalProcesses:
        """Start the processes now, each running `warm` first (while this process does other
        work), and keep them for every `map` until `close`."""
        if self._started is None:
            self._started = self._pool(self.workers, self._warm)
            for _ in range(self.workers):  # the pool starts its processes on a first task
                self._started.submit(_ready)
        return self

    def map(
        self, fn: Callable[[T], R], items: Sequence[T], *, crashed: Callable[[T], R]
    ) -> Iterator[R]:
        if not items:
            return
        pool, kept = self._started, True
        try:
            if pool is None:
                raise BrokenProcessPool("no pool started")
            futures = [pool.submit(fn, item) for item in items]
        except BrokenProcessPool:  # none started, or a started one died warming up
            self.close()
            pool, kept = self._pool(min(self.workers, len(items)), self._warm), False
            futures = [pool.submit(fn, item) for item in items]
        try:
            first = len(futures)  # the first item whose process died
            for k, future in enumerate(futures):
                result = _result(future)
                if result is _BROKEN:
                    first = k
                    break
                yield result
            if first == len(futures):
                return
            # A process that dies takes the whole pool down with it: what finished still
            # counts, and each item left unfinished gets a process of its own, so that only
            # the one that kills its process is lost.
            rest = [_result(f) for f in futures[first:]]
            kept = False
            self._started = None
        finally:
            if not kept:
                pool.shutdown(cancel_futures=True)
        for item, result in zip(items[first:], rest, strict=True):
            yield self._alone(fn, item, crashed) if result is _BROKEN else result

    def _alone(self, fn: Callable[[T], R], item: T, crashed: Callable[[T], R]) -> R:
        with self._pool(1, self._warm) as solo:
            result = _result(solo.submit(fn, item))
        return crashed(item) if result is _BROKEN else result

    def close(self) -> None:
        if self._started is not None:
            self._started.shutdown(cancel_futures=True)
            self._started = None

    @staticmethod
    def _pool(workers: int, warm: Callable[[], object] | None) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("fork" if sys.platform.startswith("linux")
                                              else None)
        return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=warm)


def _ready() -> None:
    """A task that does nothing: it makes a pool start its processes."""


_BROKEN: Any = object()
"""What `_result` gives for a future whose process died."""


def _result(future: Future[R]) -> R:
    try:
        return future.result()
    except BrokenProcessPool:
        result: R = _BROKEN
        return result


class DaskCluster(_Closing):
    """A Dask distributed cluster: the running one at `scheduler` ("tcp://HOST:8786"), or else
    a `LocalCluster` of `workers` single-threaded worker processes started here (and stopped
    by `close`). Each item is a task; results come back in order."""

    def __init__(self, workers: int, scheduler: str | None = None) -> None:
        distributed = _distributed()
        self.workers = workers
        self._cluster: Any = None
        if scheduler is None:
            self._cluster = distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=True,
            )
            self.client: Any = distributed.Client(self._cluster)
        else:
            self.client = distributed.Client(scheduler)

    def map(
        self, fn: Callable[[T], R], items: Sequence[T], *, crashed: Callable[[T], R]
    ) -> Iterator[R]:
        killed = _distributed().KilledWorker
        futures = self.client.map(fn, list(items), pure=False)
        try:
            for item, future in zip(items, futures, strict=True):
                try:
                    yield future.result()
                except killed:  # the worker died on it (the scheduler's retries too)
                    yield crashed(item)
        finally:
            self.client.cancel(futures)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def _distributed() -> Any:
    """The `distributed` package (untyped), imported on first use."""
    import importlib

    return importlib.import_module("distributed")


def executor_for(
    workers: int, kind: ExecutorKind = "processes", scheduler: str | None = None
) -> Executor:
    """The executor for `workers` processes: in this process for one (unless Dask is asked
    for), a local pool, or a Dask cluster (`scheduler` given, or `kind` "dask")."""
    if scheduler is not None or kind == "dask":
        return DaskCluster(workers, scheduler)
    if workers <= 1:
        return InProcess()
    return LocalProcesses(workers)


__all__ = [
    "DaskCluster", "Executor", "ExecutorKind", "InProcess", "LocalProcesses", "executor_for",
]
