"""What is left of the helper processes of earlier versions: `run_shares`, done in this process.

Processes are started by `executor` alone. `facts.extract_facts(workers=...)` still calls this
until its paragraph shares go; the shares are done one after the other, to the same result.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def run_shares(work: Callable[[int], T], shares: int) -> list[T]:
    """``[work(0), ..., work(shares - 1)]``, in this process."""
    return [work(k) for k in range(shares)]


__all__ = ["run_shares"]
