"""A long PDF read by several processes at once gives the same pages as read by one."""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfgen.canvas import Canvas

import rapportextract.ingest.pdf as pdf_module
from rapportextract.cli import main
from rapportextract.errors import ExtractionTimeout
from rapportextract.ingest.pdf import MIN_PAGES_PER_PROCESS, read_pdf_pages

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="helper processes are forked on Linux only"
)

PAGES = 3 * MIN_PAGES_PER_PROCESS


def _long_report(path: Path, pages: int = PAGES) -> Path:
    canvas = Canvas(str(path), invariant=1)
    canvas.setTitle("Huurachterstand bij corporaties 2019")
    for number in range(1, pages + 1):
        if number == 1:
            canvas.setFont("Helvetica-Bold", 16)
            canvas.drawString(72, 780, "Huurachterstand bij corporaties 2019")
        canvas.setFont("Helvetica", 10)
        y = 740
        for line in range(12):
            canvas.drawString(
                72, y,
                f"Op pagina {number} staat regel {line}: in 2018 telden de corporaties "
                f"{50 + number}.{line}00 huurders met een achterstand.",
            )
            y -= 14
        canvas.rect(72, 300, 40 + 10 * number, 20, fill=1)
        canvas.drawString(300, 40, f"pagina {number}")
        canvas.showPage()
    canvas.save()
    return path


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _long_report(tmp_path_factory.mktemp("parallel") / "huurachterstand-2019.pdf")


def _count_parent_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Page numbers this process reads itself (a forked helper counts in its own copy)."""
    parent = os.getpid()
    numbers: list[int] = []
    original = pdf_module._read_page

    def counting(plumber_page: Any, number: int, path: Path) -> Any:
        if os.getpid() == parent:
            numbers.append(number)
        return original(plumber_page, number, path)

    monkeypatch.setattr(pdf_module, "_read_page", counting)
    return numbers


def test_helpers_read_their_share_to_the_same_pages(
    long_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = read_pdf_pages(long_pdf, workers=1)
    by_parent = _count_parent_reads(monkeypatch)
    shared = read_pdf_pages(long_pdf, workers=3)
    assert shared == alone
    assert [p.number for p in shared[0]] == list(range(1, PAGES + 1))
    # This process read every third page; the two helpers the rest.
    assert by_parent == [n for n in range(1, PAGES + 1) if n % 3 == 0]
    assert multiprocessing.active_children() == []


def test_damaged_pages_warn_in_page_order_whoever_reads_them(
    long_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = pdf_module._page

    def damaged_on_3_and_8(plumber_page: Any) -> Any:
        if plumber_page.page_number in (3, 8):
            raise ValueError("damaged content stream")
        return original(plumber_page)

    monkeypatch.setattr(pdf_module, "_page", damaged_on_3_and_8)
    alone = read_pdf_pages(long_pdf, workers=1)
    shared = read_pdf_pages(long_pdf, workers=2)
    assert shared == alone
    assert [w.split(": ", 1)[1] for w in shared[2]] == [
        "page 3 could not be read (ValueError); it is left empty",
        "page 8 could not be read (ValueError); it is left empty",
    ]
    assert not shared[0][2].words and shared[0][3].words


def _dies_at_once(*args: Any) -> None:
    os._exit(1)


def _dies_after_one_page(
    path: Path, password: str | None, share: int, shares: int, seconds: float | None, conn: Any
) -> None:
    pdf = pdf_module.open_pdf(path, password)
    for number, plumber_page in pdf_module.plumber_pages(pdf, path, []):
        if number % shares == share:
            conn.send(pdf_module._read_page(plumber_page, number, path))
            os._exit(1)
        if plumber_page is not None:
            plumber_page.close()


@pytest.mark.parametrize("helper", [_dies_at_once, _dies_after_one_page])
def test_pages_of_a_helper_that_dies_are_read_here(
    long_pdf: Path, monkeypatch: pytest.MonkeyPatch, helper: Any
) -> None:
    alone = read_pdf_pages(long_pdf, workers=1)
    monkeypatch.setattr(pdf_module, "_helper_main", helper)
    assert read_pdf_pages(long_pdf, workers=2) == alone
    assert multiprocessing.active_children() == []


def test_a_short_report_starts_no_helper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    short = _long_report(tmp_path / "kort-2019.pdf", pages=2 * MIN_PAGES_PER_PROCESS - 1)

    def no_helpers(*args: Any) -> None:
        raise AssertionError("a helper was started for a short report")

    monkeypatch.setattr(pdf_module, "_Helpers", no_helpers)
    pages, _, _ = read_pdf_pages(short, workers=2)
    assert len(pages) == 2 * MIN_PAGES_PER_PROCESS - 1


def test_time_limit_stops_the_helpers(long_pdf: Path) -> None:
    calls = 0

    def check() -> None:
        nonlocal calls
        calls += 1
        if calls > 2:
            raise ExtractionTimeout("gave up after 1 s", path=long_pdf, hint="raise --timeout")

    with pytest.raises(ExtractionTimeout):
        read_pdf_pages(long_pdf, workers=2, check=check)
    assert multiprocessing.active_children() == []


def test_extract_gives_the_same_facts_with_more_workers(long_pdf: Path, tmp_path: Path) -> None:
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"facts-{workers}.json"
        assert main(["-q", "extract", str(long_pdf), "--workers", workers, "-o", str(out)]) == 0
        outputs.append(json.loads(out.read_text(encoding="utf-8")))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]["facts"]) >= PAGES * 12


@pytest.mark.parametrize("bad", ["0", "-2", "twee"])
def test_workers_must_be_a_positive_whole_number(
    bad: str, long_pdf: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(long_pdf), "--workers", bad])
    assert exit_info.value.code == 2
    assert "--workers" in capsys.readouterr().err
