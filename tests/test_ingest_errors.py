"""Inputs that cannot be read as a report: one-line errors naming the file and what to do."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from rapportextract.errors import (
    EditionNotFoundError,
    EncryptedPDFError,
    ExtractionTimeout,
    InputError,
    NoTextLayerError,
)
from rapportextract.ingest import read_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"


def _one_line(error: BaseException, path: Path) -> str:
    message = str(error)
    assert "\n" not in message
    assert str(path) in message
    return message


def _pdf(path: Path, *, text: str | None = "Huurachterstand bij corporaties 2023",
         password: str | None = None, pages: int = 1) -> Path:
    canvas = Canvas(str(path), encrypt=password, invariant=1)
    for _ in range(pages):
        if text:
            canvas.setFont("Helvetica", 12)
            canvas.drawString(72, 760, text)
        else:
            canvas.setFillColorRGB(0.5, 0.5, 0.5)
            canvas.rect(72, 500, 300, 200, fill=1, stroke=0)  # a "scanned" page: no text
        canvas.showPage()
    canvas.save()
    return path


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "weg.pdf"
    with pytest.raises(InputError) as info:
        read_document(path)
    assert "no such file" in _one_line(info.value, path)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_document(tmp_path)
    assert "directory" in _one_line(info.value, tmp_path)


@pytest.mark.parametrize("content", [b"", b"  \n\n "])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "leeg_2023.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert "empty" in _one_line(info.value, path)


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "rapport_2023.pdf"
    path.write_bytes(b"<html><body>geen pdf</body></html>\n" * 20)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert "not a readable PDF" in _one_line(info.value, path)


def test_binary_without_pdf_header(tmp_path: Path) -> None:
    path = tmp_path / "rapport_2023.bin"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert "not a PDF or text file" in _one_line(info.value, path)


def test_truncated_pdf(tmp_path: Path) -> None:
    data = (FIXTURES / "two_columns.pdf").read_bytes()
    path = tmp_path / "afgebroken_2023.pdf"
    path.write_bytes(data[: len(data) // 2])
    try:
        doc = read_document(path)
    except InputError as error:  # nothing recoverable: a clear error
        assert "PDF" in _one_line(error, path)
    else:  # pdfminer recovered some pages
        assert doc.pages


def test_encrypted_pdf_needs_the_password(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "beveiligd_2023.pdf", password="geheim")
    with pytest.raises(EncryptedPDFError) as info:
        read_document(path)
    assert "--password" in _one_line(info.value, path)
    with pytest.raises(EncryptedPDFError) as info:
        read_document(path, password="fout")
    assert "wrong password" in _one_line(info.value, path)
    doc = read_document(path, password="geheim")
    assert "Huurachterstand bij corporaties 2023" in doc.text()


def test_pdf_with_zero_pages(tmp_path: Path) -> None:
    path = tmp_path / "nul_2023.pdf"
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    with pytest.raises(InputError) as info:
        read_document(path)
    assert "no pages" in _one_line(info.value, path)


@pytest.mark.usefixtures("without_ocr")
def test_no_text_layer_anywhere(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "scan_2023.pdf", text=None, pages=2)
    with pytest.raises(NoTextLayerError) as info:
        read_document(path)
    assert "OCR" in _one_line(info.value, path)


@pytest.mark.usefixtures("without_ocr")
def test_pages_without_text_layer_get_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "deels_2023.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.drawString(72, 760, "Huurachterstanden 2023")
    canvas.showPage()
    canvas.rect(72, 500, 300, 200, fill=1, stroke=0)
    canvas.showPage()
    canvas.save()
    doc = read_document(path)
    assert [p.has_text_layer for p in doc.pages] == [True, False]
    assert any("page 2 has no text layer; run OCR first" in w for w in doc.warnings)


def test_timeout(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "lang_2023.pdf", pages=3)
    with pytest.raises(ExtractionTimeout) as info:
        read_document(path, timeout=0.0)
    _one_line(info.value, path)
    assert read_document(path, timeout=60).pages


def test_edition_sources(tmp_path: Path) -> None:
    titled = tmp_path / "rapport.txt"
    titled.write_text("HUURACHTERSTANDEN 2021\n\nIn 2020 daalde het aantal.\n", encoding="utf-8")
    doc = read_document(titled)
    assert (doc.edition, doc.edition_source) == (2021, "title")
    doc = read_document(titled, edition=2019)
    assert (doc.edition, doc.edition_source) == (2019, "option")
    named = tmp_path / "aedes-huurschulden-2022.txt"
    named.write_text("Het aantal huurders met een achterstand daalde in 2021.\n", encoding="utf-8")
    doc = read_document(named)
    assert (doc.edition, doc.edition_source) == (2022, "filename")


def test_edition_not_found(tmp_path: Path) -> None:
    path = tmp_path / "rapport.txt"
    path.write_text("Het aantal huurders met een achterstand daalde in 2021.\n", encoding="utf-8")
    with pytest.raises(EditionNotFoundError) as info:
        read_document(path)
    assert "--edition" in _one_line(info.value, path)


def test_copy_of_fixture_reads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "kopie.pdf"
    shutil.copy(FIXTURES / "one_column.pdf", path)
    doc = read_document(path)
    assert doc.edition == 2023 and doc.edition_source == "title"
    assert doc.sha256 == read_document(FIXTURES / "one_column.pdf").sha256


def test_edition_optional_for_plain_text_output(tmp_path: Path) -> None:
    path = tmp_path / "rapport.txt"
    path.write_text("Het aantal huurders met een achterstand daalde in 2021.\n", encoding="utf-8")
    doc = read_document(path, require_edition=False)
    assert doc.edition is None and doc.edition_source is None
    assert doc.warnings == []  # text needs no edition: its absence is nothing to warn of


@pytest.mark.parametrize(
    ("text", "edition", "source"),
    [
        pytest.param("Minder ontruimingen in 2015\n\n11 februari 2016\n\nHet aantal daalde.\n",
                     2016, "date", id="press-release-date-under-a-data-year-title"),
        pytest.param("Persbericht\n\nUtrecht, 2 mei 2018 - Het aantal huurders steeg.\n",
                     2018, "date", id="dateline-with-place"),
        pytest.param("Jaarcijfers 2021\n\nZWOLLE - 9 maart 2022 - De corporatie groeide.\n",
                     2022, "date", id="dateline-beats-the-title-year"),
        pytest.param("Jaarcijfers 2021\n\nPeildatum 31 december 2021\n\nDe corporatie groeide.\n",
                     2021, "title", id="reference-date-is-no-dateline"),
        pytest.param("Minder ontruimingen in 2015\n\nHet aantal daalde flink.\n",
                     2016, "title_data_year", id="title-year-after-in-is-the-data-year"),
        pytest.param("Ontruimingen in 2015\nJaarrapportage 2016\n\nHet aantal daalde.\n",
                     2016, "title", id="title-names-both-years"),
        pytest.param("HUURSCHULDEN EN HUISUITZETTINGEN 2024\n\nIn 2023 daalde het aantal.\n",
                     2024, "title", id="report-title-year-stays"),
    ],
)
def test_edition_of_press_releases_and_titles(
    tmp_path: Path, text: str, edition: int, source: str
) -> None:
    path = tmp_path / "bericht.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    assert (doc.edition, doc.edition_source) == (edition, source)
