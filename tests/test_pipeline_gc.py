"""The garbage collector pauses while a report is read (`ingest.pdfium._read_page`, each page)
and while its facts are made (`pipeline._collector_paused`). That is only free where those
stages leave no reference cycles behind: what they drop is freed at once by reference
counting, and nothing waits for the collector meanwhile."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from rapportextract.pipeline import _collector_paused, extract

ROOT = Path(__file__).resolve().parents[1]

CASES = [
    pytest.param(ROOT / "corpus" / "aedes-huurschulden-2023.pdf", id="corpus-report"),
    pytest.param(ROOT / "fixtures" / "layout" / "two_columns.pdf", id="two-columns"),
    pytest.param(ROOT / "fixtures" / "charts" / "bars_multi_series.pdf", id="bar-chart"),
]


@pytest.mark.parametrize("pdf", CASES)
def test_reading_a_report_leaves_no_reference_cycles(pdf: Path) -> None:
    extract(pdf, edition=2023)  # once first: what is made once a process (types, caches)
    gc.collect()
    gc.disable()
    try:
        extraction = extract(pdf, edition=2023)
        del extraction
        # a few objects of ctypes' own at most (array types made for a buffer), never one or
        # more a letter, a text object or a page
        assert gc.collect() <= 20
    finally:
        gc.enable()


def test_the_collector_is_enabled_again_after_the_facts() -> None:
    extract(ROOT / "fixtures" / "layout" / "one_column.pdf", edition=2023)
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused() -> None:
    gc.disable()
    try:
        with _collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_enabled_again_after_an_error() -> None:
    with pytest.raises(RuntimeError), _collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("stage failed")
    assert gc.isenabled()
