"""A long PDF read page by page: pages in order, damaged pages noted (typed) in page order,
the time limit checked between pages, and `--workers` not changing what is read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfgen.canvas import Canvas

import rapportextract.ingest.pdf as pdf_module
from rapportextract.cli import main
from rapportextract.errors import ExtractionTimeout
from rapportextract.ingest.pdf import read_pdf_pages
from rapportextract.models import NoticeCode

PAGES = 12


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


def test_pages_come_in_order(long_pdf: Path) -> None:
    pages, title, notices = read_pdf_pages(long_pdf)
    assert [p.number for p in pages] == list(range(1, PAGES + 1))
    assert title == "Huurachterstand bij corporaties 2019" and notices == []


def test_damaged_pages_are_noted_in_page_order_with_their_code(
    long_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = pdf_module._page

    def damaged_on_3_and_8(plumber_page: Any) -> Any:
        if plumber_page.page_number in (3, 8):
            raise ValueError("damaged content stream")
        return original(plumber_page)

    monkeypatch.setattr(pdf_module, "_page", damaged_on_3_and_8)
    pages, _, notices = read_pdf_pages(long_pdf)
    assert [(n.code, n.page) for n in notices] == [
        (NoticeCode.DAMAGED_PAGE, 3), (NoticeCode.DAMAGED_PAGE, 8)]
    assert [n.message.split(": ", 1)[1] for n in notices] == [
        "page 3 could not be read (ValueError); it is left empty",
        "page 8 could not be read (ValueError); it is left empty",
    ]
    assert not pages[2].words and pages[3].words


def test_time_limit_is_checked_between_pages(long_pdf: Path) -> None:
    calls = 0

    def check() -> None:
        nonlocal calls
        calls += 1
        if calls > 2:
            raise ExtractionTimeout("gave up after 1 s", path=long_pdf, hint="raise --timeout")

    with pytest.raises(ExtractionTimeout):
        read_pdf_pages(long_pdf, check=check)
    assert calls == 3


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
