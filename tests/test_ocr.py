"""Scanned pages (no text layer) read by OCR: Tesseract with its Dutch data, where installed.

The scans are made here: lines of text drawn into a page image at 300 dpi and put in a PDF as
a picture, so that the page has no text layer at all. `.ci/run` installs Tesseract; without
it the tests that need it are skipped and say why.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

import rapportextract.ingest.ocr as ocr_module
from rapportextract.build_text import summary_text
from rapportextract.errors import NoTextLayerError
from rapportextract.ingest import read_document
from rapportextract.ingest.ocr import find_engine, parse_tsv
from rapportextract.models import NoticeCode
from rapportextract.pipeline import extract

NEEDS_TESSERACT = pytest.mark.skipif(
    find_engine() is None,
    reason="Tesseract with Dutch language data is not installed "
           "(apt-get install tesseract-ocr tesseract-ocr-nld; .ci/run does this)",
)

DPI = 300
TITLE = "HUURACHTERSTANDEN EN HUISUITZETTINGEN 2013"
SCANNED_LINES = [
    "Vorig jaar moesten 6.750 huishoudens hun corporatiewoning verlaten.",
    "In 80 procent van de gevallen ging het om een huurachterstand.",
    "Aan het onderzoek deden 174 corporaties mee.",
]
LEFT_PX, FIRST_LINE_PX, LINE_STEP_PX = 250, 700, 70


def _scan_png(lines: list[str], *, title: str | None = None) -> bytes:
    """An A4 page image at 300 dpi with `lines` of text from (LEFT_PX, FIRST_LINE_PX) down."""
    from matplotlib import font_manager
    from PIL import Image, ImageDraw, ImageFont

    regular = ImageFont.truetype(font_manager.findfont("DejaVu Sans"), 38)
    bold = ImageFont.truetype(font_manager.findfont("DejaVu Sans:bold"), 52)
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    if title:
        draw.text((LEFT_PX, 400), title, font=bold, fill=0)
    for k, line in enumerate(lines):
        draw.text((LEFT_PX, FIRST_LINE_PX + k * LINE_STEP_PX), line, font=regular, fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _pdf(path: Path, pages: list[bytes | list[str]]) -> Path:
    """A PDF of A4 pages: a PNG becomes a page-filling picture (a scan), a list of strings a
    page with a text layer."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    width, height = 595.28, 841.89
    pdf = canvas.Canvas(str(path), pagesize=(width, height))
    for page in pages:
        if isinstance(page, bytes):
            pdf.drawImage(ImageReader(io.BytesIO(page)), 0, 0, width=width, height=height)
        else:
            pdf.setFont("Helvetica", 11)
            for k, line in enumerate(page):
                pdf.drawString(60, 780 - 18 * k, line)
        pdf.showPage()
    pdf.save()
    return path


def _points(px: float) -> float:
    return px * 72 / DPI


def test_tsv_words_take_their_line_top_and_bottom_in_points() -> None:
    header = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\t"
              "height\tconf\ttext")
    rows = [
        "4\t1\t1\t1\t1\t0\t300\t600\t900\t40\t-1\t",
        "5\t1\t1\t1\t1\t1\t300\t606\t150\t28\t96.1\tcorporaties",
        "5\t1\t1\t1\t1\t2\t470\t600\t100\t40\t95.0\tbijna",
        "5\t1\t1\t1\t1\t3\t600\t604\t90\t30\t12.0\t~",  # a speck: too unsure
        "5\t1\t1\t1\t1\t4\t700\t604\t90\t30\t90.0\t ",
    ]
    words = parse_tsv("\n".join([header, *rows]), dpi=300)
    assert [w.text for w in words] == ["corporaties", "bijna"]
    assert words[0].bbox == pytest.approx((72.0, 144.0, 108.0, 153.6))
    assert words[1].bbox[1:4:2] == words[0].bbox[1:4:2]  # one baseline for the line
    assert words[0].size == pytest.approx(9.6)


@NEEDS_TESSERACT
def test_a_scanned_page_is_read_by_ocr_beside_a_page_with_text(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "huurachterstanden-2013.pdf", [
        [TITLE, "Het aantal ontruimingen lag 10 procent hoger dan een jaar eerder."],
        _scan_png(SCANNED_LINES),
    ])
    result = extract(path)
    doc = result.document
    assert [p.ocr for p in doc.pages] == [False, True]
    assert result.summary().ocr_pages == [2]  # in extract's output and facts.json
    assert [w for w in doc.warnings if "OCR" in w] == [
        "huurachterstanden-2013.pdf: page 2 has no text layer; its text was read by OCR "
        "(check its figures against the page)"]
    by_value = {int(f.value): f for f in result.facts if not f.derived}
    assert {6750, 80, 174} <= set(by_value)
    for value in (6750, 80, 174):
        assert by_value[value].source.origin == "ocr"
        assert by_value[value].source.page == 2
    assert by_value[10].source.origin == "text"
    assert by_value[6750].concept == "evictions_total"
    assert by_value[6750].period == "2012"
    # The box is where the figure was drawn: on the first scanned line, right of its start.
    x0, top, x1, bottom = by_value[6750].source.bbox or (0.0, 0.0, 0.0, 0.0)
    assert _points(LEFT_PX) < x0 < x1 < _points(LEFT_PX + 1600)
    assert _points(FIRST_LINE_PX - 10) < top < bottom < _points(FIRST_LINE_PX + LINE_STEP_PX)
    x0, top, _, _ = by_value[174].source.bbox or (0.0, 0.0, 0.0, 0.0)
    assert top > _points(FIRST_LINE_PX + 2 * LINE_STEP_PX - 10)


@NEEDS_TESSERACT
def test_a_wholly_scanned_report_gets_its_edition_from_the_ocr_title(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "scan.pdf", [_scan_png(SCANNED_LINES, title=TITLE)])
    doc = read_document(path)
    assert doc.edition == 2013
    assert "6.750" in doc.text()


def test_no_ocr_leaves_a_scan_unread(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "huurachterstanden-2013.pdf", [_scan_png(SCANNED_LINES)])
    with pytest.raises(NoTextLayerError, match="without --no-ocr"):
        read_document(path, ocr=False)


def test_without_tesseract_scanned_pages_stay_unread_with_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr_module, "find_engine", lambda: None)
    scan = _pdf(tmp_path / "huurachterstanden-2013.pdf", [_scan_png(SCANNED_LINES)])
    with pytest.raises(NoTextLayerError, match="tesseract-ocr-nld"):
        read_document(scan)
    mixed = _pdf(tmp_path / "gemengd-2013.pdf", [[TITLE, "In 2012 waren er 6.750."],
                                                  _scan_png(SCANNED_LINES)])
    doc = read_document(mixed)
    assert doc.warnings == ["gemengd-2013.pdf: page 2 has no text layer; run OCR first"]
    assert [p.ocr for p in doc.pages] == [False, False]


def _two_reports(folder: Path) -> Path:
    """A folder of two reports: one with a scanned second page, one all text."""
    folder.mkdir()
    _pdf(folder / "gemengd-2013.pdf", [[TITLE, "In 2012 waren er 6.750 ontruimingen."],
                                       _scan_png(SCANNED_LINES)])
    _pdf(folder / "tekst-2014.pdf", [["HUURACHTERSTANDEN EN HUISUITZETTINGEN 2014",
                                      "In 2013 waren er 6.980 ontruimingen."]])
    return folder


def test_a_build_caches_no_report_with_scans_left_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rapportextract.batch import build

    monkeypatch.setattr(ocr_module, "find_engine", lambda: None)
    corpus = _two_reports(tmp_path / "rapporten")
    for _ in range(2):
        report = build([corpus], tmp_path / "uit", workers=1)
    statuses = {d.name: d.status for d in report.documents}
    documents = json.loads((tmp_path / "uit" / "facts.json").read_text())["documents"]
    assert [d["ocr_pages"] for d in documents] == [[], []]  # no OCR here: nothing read by it
    # Read again (in case OCR is installed meanwhile); the other report came from the cache.
    assert statuses == {"gemengd-2013.pdf": "extracted", "tekst-2014.pdf": "cached"}
    assert [(n.code, n.page) for n in report.notices] == [(NoticeCode.UNREAD_SCAN, 2)]


BROKEN = Path(__file__).parent.parent / "fixtures" / "broken"


@NEEDS_TESSERACT
def test_the_scanned_fixtures_are_read_where_tesseract_is_there() -> None:
    scan = read_document(BROKEN / "scanned-2016.pdf")
    assert scan.edition == 2016
    assert "HUISUITZETTINGEN 2016" in scan.text()
    assert [p.ocr for p in scan.pages] == [True]
    half = read_document(BROKEN / "half-scanned-2016.pdf")
    assert [p.ocr for p in half.pages] == [False, True]
    assert half.warnings == ["half-scanned-2016.pdf: page 2 has no text layer; its text was "
                             "read by OCR (check its figures against the page)"]


@NEEDS_TESSERACT
def test_a_blank_scan_is_an_error_saying_ocr_found_no_text(tmp_path: Path) -> None:
    from PIL import Image

    blank = io.BytesIO()
    Image.new("L", (2480, 3508), 230).save(blank, format="PNG")
    path = _pdf(tmp_path / "leeg-2013.pdf", [blank.getvalue()])
    with pytest.raises(NoTextLayerError, match="OCR found no text on them either"):
        read_document(path)


def _fake_engine(monkeypatch: pytest.MonkeyPatch, program: str) -> None:
    engine = ocr_module.OcrEngine(program, "tesseract 0.0")
    monkeypatch.setattr(ocr_module, "find_engine", lambda: engine)


def test_a_page_image_that_cannot_be_drawn_leaves_the_page_empty_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_engine(monkeypatch, "/nonexistent/tesseract")

    def cannot_open(path: Path, password: str | None) -> None:
        raise RuntimeError("Failed to load document (PDFium: Data format error).")

    monkeypatch.setattr(ocr_module, "_open", cannot_open)
    path = _pdf(tmp_path / "gemengd-2013.pdf", [[TITLE, "In 2012 waren er 6.750."],
                                                _scan_png(SCANNED_LINES)])
    doc = read_document(path)
    assert doc.warnings == [
        "gemengd-2013.pdf: page 2 has no text layer, and its image could not be read by OCR "
        "(RuntimeError: Failed to load document (PDFium: Data format error).); it is left "
        "empty"]
    assert "6.750" in doc.text()


def test_tesseract_failing_on_a_page_leaves_that_page_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    false = shutil.which("false")
    if false is None:
        pytest.skip("no 'false' program to stand in for a failing Tesseract")
    _fake_engine(monkeypatch, false)
    path = _pdf(tmp_path / "gemengd-2013.pdf", [[TITLE, "In 2012 waren er 6.750."],
                                                _scan_png(SCANNED_LINES)])
    doc = read_document(path)
    assert len(doc.warnings) == 1
    assert doc.warnings[0].startswith(
        "gemengd-2013.pdf: page 2 has no text layer, and its image could not be read by OCR "
        "(InputError: ")
    assert [p.ocr for p in doc.pages] == [False, False]


def test_tesseract_is_asked_for_one_thread_at_the_page_resolution(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its own threads make Tesseract slower: pages are read side by side instead.
    script = tmp_path / "tesseract"
    script.write_text(
        "#!/bin/sh\ncat > /dev/null\n"
        "printf 'level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\t"
        "width\\theight\\tconf\\ttext\\n'\n"
        "printf '5\\t1\\t1\\t1\\t1\\t1\\t300\\t600\\t150\\t30\\t96\\tdraden%s-%s\\n' "
        "\"$OMP_THREAD_LIMIT\" \"$6\"\n", encoding="utf-8")
    script.chmod(0o755)
    _fake_engine(monkeypatch, str(script))
    path = _pdf(tmp_path / "gemengd-2013.pdf", [[TITLE, "In 2012 waren er 6.750."],
                                                _scan_png(SCANNED_LINES)])
    doc = read_document(path)
    assert [w.text for w in doc.pages[1].words] == ["draden1-300"]  # $6: the value of --dpi


@NEEDS_TESSERACT
def test_scanned_pages_read_side_by_side_are_read_as_one_by_one(tmp_path: Path) -> None:
    pages: list[bytes | list[str]] = [
        _scan_png([line], title=TITLE if k == 0 else None) for k, line in enumerate(SCANNED_LINES)
    ]
    path = _pdf(tmp_path / "scan-2013.pdf", pages)
    one = read_document(path, workers=1)
    three = read_document(path, workers=3)
    assert one.text() == three.text()
    assert [p.ocr for p in three.pages] == [True, True, True]
    assert "174 corporaties" in three.text()


def _rasterised(pdf: Path, scan: Path) -> Path:
    """`pdf` as a scanner gives it: each page a 300 dpi greyscale picture, no text layer."""
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    source = pdfium.PdfDocument(str(pdf))
    out = canvas.Canvas(str(scan))
    for page in source:
        width, height = page.get_size()
        image = page.render(scale=DPI / 72).to_pil().convert("L")
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        buffer.seek(0)
        out.setPageSize((width, height))
        out.drawImage(ImageReader(buffer), 0, 0, width=width, height=height)
        out.showPage()
        page.close()
    source.close()
    out.save()
    return scan


@NEEDS_TESSERACT
@pytest.mark.slow
@pytest.mark.seed
@pytest.mark.parametrize("columns", [1, 2], ids=["one-column", "two-columns"])
def test_the_reference_edition_scanned_scores_as_its_text_layer_does(
    tmp_path: Path, columns: int
) -> None:
    from rapportextract.facts import extract_facts
    from seedgold import SEED, load_gold, score
    from seedpdf import figure_boxes, render, seed_blocks

    if not SEED.exists():
        pytest.skip("reference text ../shared/seeds not present")
    typeset = tmp_path / f"seed-{columns}col-2024.pdf"
    drawn = render(seed_blocks(SEED.read_text(encoding="utf-8")), typeset, columns)
    scan = _rasterised(typeset, tmp_path / f"scan-{columns}col-2024.pdf")
    doc = read_document(scan, workers=2)
    assert all(p.ocr for p in doc.pages)
    facts = extract_facts(doc)
    # The same targets as the text layer of the same pages (test_seed_2024.py).
    s = score(facts, load_gold())
    assert min(s.recall, s.precision, s.period, s.concept) >= 0.95, s.summary()
    far = []
    for _, fact in s.pairs:
        if fact.derived:
            continue
        assert fact.source.origin == "ocr" and fact.source.bbox is not None
        # OCR reads a typographic apostrophe as a plain one ("Zo'n").
        spelled = fact.source.text.replace("'", "\u2019")
        boxes = figure_boxes(drawn, fact.source.page, spelled)
        # Where the figure was drawn, give or take the ink's edges (OCR boxes hug the ink).
        if not any(all(abs(a - b) <= 4.0 for a, b in zip(box, fact.source.bbox, strict=True))
                   for box in boxes):
            far.append((fact.source.text, fact.source.page, fact.source.bbox))
    assert far == []


@NEEDS_TESSERACT
def test_a_build_says_which_pages_were_read_by_ocr(tmp_path: Path) -> None:
    from rapportextract.batch import build

    corpus = _two_reports(tmp_path / "rapporten")
    report = build([corpus], tmp_path / "uit", workers=1)
    assert {d.name: d.ocr_pages for d in report.documents} == {
        "gemengd-2013.pdf": [2], "tekst-2014.pdf": []}
    assert "1 page read by OCR in 1 report: check their figures" in summary_text(report)
    documents = json.loads((tmp_path / "uit" / "facts.json").read_text())["documents"]
    assert sorted(d["ocr_pages"] for d in documents) == [[], [2]]
