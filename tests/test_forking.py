"""run_shares: shares of work done by forked helpers, in order, as if done in one process."""

from __future__ import annotations

import multiprocessing
import os
import sys

import pytest

from rapportextract.forking import run_shares

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="helper processes are forked on Linux only"
)


def test_results_come_back_in_share_order_from_other_processes() -> None:
    results = run_shares(lambda k: (k * k, os.getpid()), 4)
    assert [value for value, _ in results] == [0, 1, 4, 9]
    pids = [pid for _, pid in results]
    assert pids[0] == os.getpid() and len(set(pids)) == 4
    assert multiprocessing.active_children() == []


def test_a_share_that_fails_in_a_helper_fails_here_the_same_way() -> None:
    def work(k: int) -> int:
        if k == 2:
            raise ValueError(f"share {k} cannot be done")
        return k

    with pytest.raises(ValueError, match="share 2 cannot be done"):
        run_shares(work, 3)
    assert multiprocessing.active_children() == []


def test_the_share_of_a_helper_that_dies_is_done_here() -> None:
    parent = os.getpid()

    def work(k: int) -> tuple[int, bool]:
        if k == 1 and os.getpid() != parent:
            os._exit(1)
        return k, os.getpid() == parent

    assert run_shares(work, 3)[:2] == [(0, True), (1, True)]


def test_a_result_that_cannot_be_sent_is_made_here() -> None:
    parent = os.getpid()

    def work(k: int) -> object:
        if os.getpid() != parent:
            return lambda: k  # a function cannot be sent between processes
        return k

    assert run_shares(work, 3) == [0, 1, 2]
