"""Whether this process may fork helper processes (reading a long PDF's pages, drawing plots).

A forked helper starts with every module loaded and shares nothing it writes. Where fork is
missing (Windows) or unsafe (macOS system libraries), and inside a daemonic process (which may
not start children), the work is done in this process instead.
"""

from __future__ import annotations

import multiprocessing
import sys


def can_fork() -> bool:
    return sys.platform.startswith("linux") and not multiprocessing.current_process().daemon


__all__ = ["can_fork"]
