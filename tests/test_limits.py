import threading
import time

import pytest

from rapportextract.errors import ExtractionTimeout
from rapportextract.limits import deadline


def test_signal_deadline_interrupts_a_busy_loop() -> None:
    with pytest.raises(ExtractionTimeout) as info, deadline(0.2, "slow.pdf"):
        while True:  # a parser stuck in a loop
            pass
    assert "slow.pdf" in str(info.value) and "--timeout" in str(info.value)


def test_no_limit_lets_the_body_finish() -> None:
    with deadline(None, "x.pdf") as limit:
        limit.check()
        time.sleep(0.01)


def test_outside_the_main_thread_the_limit_is_checked_between_steps() -> None:
    caught: list[BaseException] = []

    def work() -> None:
        try:
            with deadline(0.05, "t.pdf") as limit:
                time.sleep(0.1)
                limit.check()
        except ExtractionTimeout as exc:
            caught.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert len(caught) == 1
