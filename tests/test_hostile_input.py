"""Files that are damaged in ways a parser survives, very long, or built to make it spin: the
document is read as far as it can be and says what it lost, memory stays bounded, and a stall
ends in `ExtractionTimeout` in `extract` and in `build`'s worker processes alike.

The files come from fixtures/broken/make_broken.py (the long one is made at test time)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from rapportextract import errors
from rapportextract.cli import main
from rapportextract.ingest import read_document

ROOT = Path(__file__).resolve().parents[1]
BROKEN = ROOT / "fixtures" / "broken"


def long_pdf(pages: int) -> bytes:
    spec = importlib.util.spec_from_file_location("make_broken", BROKEN / "make_broken.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data: bytes = module.long_pdf(pages)
    return data

# --- damaged but readable -----------------------------------------------------------------------


def test_a_page_with_a_damaged_box_is_left_out_with_a_warning() -> None:
    # pdfplumber's page list fails as a whole on such a page; page 1 must survive it.
    doc = read_document(BROKEN / "bad-mediabox-2016.pdf", engine="pdfplumber")
    assert "5.900 ontruimingen" in doc.text()
    assert [w for w in doc.warnings if "bad-mediabox-2016.pdf" in w and "page" in w]


def test_a_page_that_cannot_be_built_is_empty_and_named() -> None:
    doc = read_document(BROKEN / "broken-page-dict-2016.pdf", engine="pdfplumber")
    assert [p.number for p in doc.pages] == [1, 2]
    assert "5.900 ontruimingen" in " ".join(b.text for b in doc.pages[0].blocks)
    assert doc.pages[1].words == []
    assert any("page 2 could not be read" in w for w in doc.warnings)


def test_a_pdf_whose_every_page_is_damaged_fails_instead_of_reading_empty() -> None:
    with pytest.raises(errors.InputError) as info:
        read_document(BROKEN / "all-pages-broken-2016.pdf", engine="pdfplumber")
    assert "all-pages-broken-2016.pdf: none of its 2 pages could be read" in str(info.value)


def test_a_lost_font_is_reported_not_silently_garbled() -> None:
    doc = read_document(BROKEN / "lost-font-2016.pdf", engine="pdfplumber")
    flagged = [w for w in doc.warnings if "without width" in w]
    assert len(flagged) == len(doc.pages) == 2
    assert all("lost-font-2016.pdf" in w for w in flagged)
    assert not read_document(BROKEN / "good-2016.pdf").warnings


def test_parser_log_lines_stay_off_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    # pdfminer logs "Not adding object 1 to xref ..." and "Could not get FontBBox ..." here.
    code = main(["text", str(BROKEN / "lost-font-2016.pdf"), "--engine", "pdfplumber"])
    err = capfd.readouterr().err
    assert code == 0
    assert err.strip(), "the lost font should be warned about"
    assert all(line.startswith("rapportextract: ") for line in err.splitlines() if line)


def test_a_pdf_saved_under_a_text_name_is_read_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "verslag-2016.txt"
    path.write_bytes((BROKEN / "good-2016.pdf").read_bytes())
    doc = read_document(path)
    assert doc.source_type == "pdf"
    assert "5.900 ontruimingen" in doc.text()


# --- scanned pages ------------------------------------------------------------------------------


@pytest.mark.usefixtures("without_ocr")  # test_ocr.py: the same files where OCR is there
def test_scanned_pages_are_named_on_stderr_and_the_rest_is_extracted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "feiten.json"
    code = main(["extract", str(BROKEN / "half-scanned-2016.pdf"), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 0
    assert "half-scanned-2016.pdf: page 2 has no text layer; run OCR first" in err
    assert "page 1 has no text layer" not in err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["documents"][0]["pages"] == 2
    assert any("page 2 has no text layer" in w for w in data["documents"][0]["warnings"])
    assert any(f["value"] == "5900" or f["value"] == 5900 for f in data["facts"])


@pytest.mark.usefixtures("without_ocr")
def test_a_wholly_scanned_pdf_is_an_error_with_the_ocr_hint(
    capsys: pytest.CaptureFixture[str]
) -> None:
    # Never a silent empty result: the file fails, named, with what to do.
    assert main(["extract", str(BROKEN / "scanned-2016.pdf"), "--quiet"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        f"rapportextract: {BROKEN / 'scanned-2016.pdf'}: no page of 1 has a text layer "
        "(scanned PDF?); install Tesseract with its Dutch data (e.g. apt-get install "
        "tesseract-ocr tesseract-ocr-nld) for rapportextract to read scans, or run OCR first "
        "(e.g. ocrmypdf) and read the OCR'd PDF"
    )


# --- long documents -----------------------------------------------------------------------------

_MEASURE = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from rapportextract.ingest import read_document

    def status(key):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024

    read_document(sys.argv[2])  # load every module before measuring
    Path("/proc/self/clear_refs").write_text("5")  # restart the peak (VmHWM) from here
    base = status("VmRSS")
    doc = read_document(sys.argv[1])
    print(json.dumps({"pages": len(doc.pages), "peak": status("VmHWM") - base,
                      "kept": status("VmRSS") - base,
                      "last": " ".join(b.text for b in doc.pages[-1].blocks)}))
    """
)


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="needs Linux /proc")
def test_a_thousand_pages_are_streamed_with_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "lang-2016.pdf"
    path.write_bytes(long_pdf(1000))
    # A fresh process, so the peak is this document's and not the test run's.
    run = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path), str(BROKEN / "good-2016.pdf")],
        capture_output=True, text=True, timeout=120, check=True,
    )
    measured = json.loads(run.stdout)
    assert measured["pages"] == 1000
    assert "pagina 1000 staan 3000 dossiers" in measured["last"]
    mb = 1024 * 1024
    # Measured: about 19 MB peak, nearly all of it the Document kept (1000 pages of words,
    # blocks and sentences); pdfplumber's page list held open costs about 75 MB here.
    assert measured["peak"] < 45 * mb, measured
    # What is not kept is only the page being read: no per-page parser state piles up.
    assert measured["peak"] - measured["kept"] < 10 * mb, measured


# --- a parser that spins --------------------------------------------------------------------------

SPINNING = BROKEN / "spinning-2016.pdf"
# These damaged and spinning files trip pdfminer, the reference engine's parser, so these tests
# read them with it; PDFium reads them whole and quickly (tests/test_engines.py measures what
# it recovers).


def test_a_spinning_pdf_stops_at_the_timeout() -> None:
    start = time.monotonic()
    with pytest.raises(errors.ExtractionTimeout) as info:
        read_document(SPINNING, timeout=1.0, engine="pdfplumber")
    took = time.monotonic() - start
    assert took < 5.0
    line = str(info.value)
    assert "\n" not in line and "spinning-2016.pdf" in line and "--timeout" in line


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_stop_swallowed_by_the_parser_comes_again() -> None:
    from rapportextract.limits import deadline

    swallowed: list[BaseException] = []
    start = time.monotonic()
    with pytest.raises(errors.ExtractionTimeout), deadline(0.2, "stil-2016.pdf"):
        try:
            _spin(5.0)
        except Exception as exc:  # as a parser's broad `except Exception` would
            swallowed.append(exc)
        _spin(5.0)  # the parser carries on; the limit must stop it again
    took = time.monotonic() - start
    assert len(swallowed) == 1 and isinstance(swallowed[0], errors.ExtractionTimeout)
    assert took < 2.0


def test_no_stop_fires_after_the_limit_is_left() -> None:
    from rapportextract.limits import deadline

    for limit in (0.0, 0.05):
        with pytest.raises(errors.ExtractionTimeout), deadline(limit, "kort-2016.pdf"):
            _spin(1.0)
        _spin(0.7)  # a timer left armed would fire again within half a second


def test_extract_reports_the_timeout_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "feiten.json"
    code = main([
        "extract", str(SPINNING), str(BROKEN / "good-2016.pdf"), "--timeout", "1",
        "-o", str(out), "--quiet", "--engine", "pdfplumber",
    ])
    err = capsys.readouterr().err
    assert code == 1
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 1
    assert "spinning-2016.pdf" in lines[0] and "gave up after 1 s" in lines[0]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [d["name"] for d in data["documents"]] == ["good-2016.pdf"]


def test_build_workers_honour_the_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rapportextract.batch import build

    monkeypatch.setattr("rapportextract.ingest.DEFAULT_ENGINE", "pdfplumber")
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("spinning-2016.pdf", "good-2016.pdf"):
        (inputs / name).write_bytes((BROKEN / name).read_bytes())
    start = time.monotonic()
    # Two workers and two reports: each report is read in a process of the pool.
    report = build([inputs], tmp_path / "out", use_cache=False, workers=2, timeout=1.0)
    took = time.monotonic() - start
    assert took < 60
    assert len(report.errors) == 1
    assert "spinning-2016.pdf" in report.errors[0] and "gave up after 1 s" in report.errors[0]
    assert (tmp_path / "out" / "facts.json").exists()
    facts = json.loads((tmp_path / "out" / "facts.json").read_text(encoding="utf-8"))
    assert "good-2016.pdf" in json.dumps(facts)


# --- the command line, case by case -------------------------------------------------------------


def test_password_option_opens_an_encrypted_pdf_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    encrypted = str(BROKEN / "encrypted-2016.pdf")
    assert main(["extract", encrypted, "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "encrypted-2016.pdf: PDF is encrypted; use --password PW" in err
    out = tmp_path / "feiten.json"
    assert main(["extract", encrypted, "--password", "geheim", "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["documents"][0]["name"] == "encrypted-2016.pdf" and data["facts"]


def test_cp1252_text_is_read_with_a_warning_on_the_command_line(
    capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["text", str(BROKEN / "cp1252-2016.txt")]) == 0
    captured = capsys.readouterr()
    assert "\u20ac 164 miljoen" in captured.out
    assert captured.err.strip() == (
        "rapportextract: warning: cp1252-2016.txt: not UTF-8, read as cp1252; "
        "check accented letters"
    )


def test_build_names_missing_paths_and_damaged_files_and_goes_on(tmp_path: Path) -> None:
    from rapportextract.batch import build

    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("good-2016.pdf", "truncated.pdf", "empty.pdf", "random-bytes.pdf"):
        (inputs / name).write_bytes((BROKEN / name).read_bytes())
    report = build([inputs, tmp_path / "weg"], tmp_path / "out", use_cache=False, workers=1)
    assert len(report.errors) == 4
    for name in ("truncated.pdf", "empty.pdf", "random-bytes.pdf", "weg"):
        assert sum(name in line for line in report.errors) == 1
    assert all("\n" not in line for line in report.errors)
    facts = json.loads((tmp_path / "out" / "facts.json").read_text(encoding="utf-8"))
    assert [d["name"] for d in facts["documents"]] == ["good-2016.pdf"]


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_not_read_for_ever(tmp_path: Path) -> None:
    import os

    pipe = tmp_path / "pijp-2016.pdf"
    os.mkfifo(pipe)
    with pytest.raises(errors.InputError) as info:
        read_document(pipe, timeout=5)
    assert "pijp-2016.pdf: not a regular file" in str(info.value)
