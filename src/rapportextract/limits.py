"""A per-document time limit.

pdfminer is pure Python, so a PDF built to make the parser loop can be stopped by a signal:
where we run in the main thread of a Unix process (the CLI, and every local worker process of
`build`), an interval timer raises `ExtractionTimeout` wherever the parser is. Elsewhere (a
thread, as on a Dask worker; Windows) the limit falls back to `Deadline.check()` calls between
pages.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from rapportextract.errors import ExtractionTimeout

_REFIRE_SECONDS = 0.5


class Deadline:
    def __init__(self, seconds: float | None, path: str | Path) -> None:
        self.seconds = seconds
        self.path = path
        self.expires = None if seconds is None else time.monotonic() + seconds

    def error(self) -> ExtractionTimeout:
        return ExtractionTimeout(
            f"gave up after {self.seconds:g} s",
            path=self.path,
            hint="the file may be damaged or built to stall parsers; raise --timeout to try longer",
        )

    def remaining(self) -> float | None:
        """Seconds left (None: no limit)."""
        return None if self.expires is None else max(self.expires - time.monotonic(), 0.0)

    def check(self) -> None:
        if self.expires is not None and time.monotonic() > self.expires:
            raise self.error()


@contextmanager
def deadline(seconds: float | None, path: str | Path) -> Iterator[Deadline]:
    """Run the body under a time limit of `seconds` (None: no limit)."""
    limit = Deadline(seconds, path)
    use_signal = (
        seconds is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if seconds is None or not use_signal:
        yield limit
        return

    active = True

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        if active:
            raise limit.error()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    # The timer fires again every half second after the limit: the parsers catch `Exception`
    # in places (pdfminer around a token's decoding), and a stop that lands there is lost.
    try:
        # Armed inside the try: a limit that ends at once still disarms the timer.
        signal.setitimer(signal.ITIMER_REAL, max(seconds, 1e-6), _REFIRE_SECONDS)
        yield limit
    finally:
        active = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
