"""Whether this process may fork helper processes (reading a long PDF's pages, drawing plots).

A forked helper starts with every module loaded and shares nothing it writes. Where fork is
missing (Windows) or unsafe (macOS system libraries), and inside a daemonic process (which may
not start children), the work is done in this process instead.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import multiprocessing.connection
import sys
import time
from collections.abc import Callable, Iterable
from multiprocessing.process import BaseProcess
from typing import TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    return sys.platform.startswith("linux") and not multiprocessing.current_process().daemon


def fork_helper(
    target: Callable[..., object], *args: object
) -> tuple[BaseProcess, multiprocessing.connection.Connection]:
    """Start ``target(*args, sender)`` in a forked, daemonic helper process; return the process
    and the end of the pipe that receives what it sends (this process keeps no sending end, so
    a helper that dies reads as end of file)."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=target, args=(*args, sender), daemon=True)
    # What exists now is frozen for the helper: its garbage collector never walks (and so
    # never writes to, copying each page) the objects it shares with this process, a long
    # document's pages and sentences above all.
    gc.freeze()
    try:
        process.start()
    finally:
        gc.unfreeze()
    sender.close()
    return process, receiver


def stop_helpers(processes: Iterable[BaseProcess], *, grace: float = 0.0) -> None:
    """Kill the helpers still running after `grace` seconds (given to all together), and
    reap every one."""
    processes = list(processes)
    end = time.monotonic() + grace
    for process in processes:
        if grace > 0:
            process.join(max(0.0, end - time.monotonic()))
        if process.is_alive():
            process.kill()
        process.join()
        process.close()


def run_shares(work: Callable[[int], T], shares: int) -> list[T]:
    """``[work(0), ..., work(shares - 1)]``, share 0 done in this process and the others each
    in a forked helper at the same time. A helper that fails or dies leaves its share to this
    process, which then raises what the share raises (the same as without helpers). `work`
    must depend only on what this process holds at the fork, and its result must pickle."""
    if shares <= 1 or not can_fork():
        return [work(k) for k in range(shares)]
    receivers: dict[int, multiprocessing.connection.Connection] = {}
    processes: list[BaseProcess] = []
    try:
        for share in range(1, shares):
            process, receivers[share] = fork_helper(_share_main, work, share)
            processes.append(process)
        results: dict[int, T] = {0: work(0)}
        for share, receiver in receivers.items():
            try:
                ok, value = receiver.recv()
            except (EOFError, OSError):
                ok = False
            results[share] = value if ok else work(share)
        return [results[k] for k in range(shares)]
    finally:
        for receiver in receivers.values():
            receiver.close()
        stop_helpers(processes)


def _share_main(
    work: Callable[[int], object], share: int, sender: multiprocessing.connection.Connection
) -> None:
    try:
        try:
            message: tuple[bool, object] = (True, work(share))
        except BaseException:  # this process does the share again and raises it there
            message = (False, None)
        with contextlib.suppress(Exception):  # a result that cannot be sent: done there too
            sender.send(message)
    finally:
        sender.close()


__all__ = ["can_fork", "fork_helper", "run_shares", "stop_helpers"]
