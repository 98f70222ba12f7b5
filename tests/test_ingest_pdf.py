"""PDF quirks that report software produces: fake bold, float noise in font sizes."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from rapportextract.ingest import read_document
from rapportextract.models import BlockKind


def test_fake_bold_letters_count_once(tmp_path: Path) -> None:
    path = tmp_path / "vet_2023.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.setFont("Helvetica", 16)
    for dx in (0.0, 0.3):  # the title printed twice, a hair apart
        canvas.drawString(72 + dx, 760, "Huurschulden en ontruimingen 2023")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 730, "Het aantal ontruimingen daalde opnieuw.")
    canvas.showPage()
    canvas.save()
    doc = read_document(path)
    assert [b.text for b in doc.blocks()] == [
        "Huurschulden en ontruimingen 2023", "Het aantal ontruimingen daalde opnieuw."
    ]
    assert doc.blocks()[0].kind is BlockKind.HEADING and doc.edition == 2023


def test_float_noise_in_font_size_does_not_cut_a_word(tmp_path: Path) -> None:
    path = tmp_path / "ruis_2023.pdf"
    canvas = Canvas(str(path), invariant=1)
    x = 72.0
    for part, size in (("De huur", 10.0), ("achterstand", 10.00001), (" daalde.", 10.0)):
        canvas.setFont("Helvetica", size)
        canvas.drawString(x, 760, part)
        x += stringWidth(part, "Helvetica", size)
    canvas.showPage()
    canvas.save()
    doc = read_document(path, edition=2023)
    assert doc.text().strip() == "De huurachterstand daalde."


@pytest.mark.usefixtures("without_ocr")
def test_scanned_page_with_a_stamped_page_number_needs_ocr(tmp_path: Path) -> None:
    from PIL import Image

    scan = tmp_path / "scan.png"
    Image.new("RGB", (400, 560), (235, 235, 230)).save(scan)
    path = tmp_path / "gescand_2023.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 760, "Huurachterstanden 2023")
    canvas.drawString(72, 740, "Een pagina met gewone tekst.")
    canvas.showPage()
    canvas.drawImage(str(scan), 20, 20, width=555, height=800)
    canvas.setFont("Helvetica", 9)
    canvas.drawString(290, 10, "2")
    canvas.showPage()
    canvas.save()
    doc = read_document(path)
    assert [p.has_text_layer for p in doc.pages] == [True, False]
    assert any("page 2 has no text layer; run OCR first" in w for w in doc.warnings)


def test_title_is_the_largest_heading_on_page_one(tmp_path: Path) -> None:
    path = tmp_path / "titel.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.setFont("Helvetica-Bold", 12)
    canvas.drawString(72, 780, "Inhoud")
    canvas.setFont("Helvetica-Bold", 22)
    canvas.drawString(72, 700, "Monitor huurschulden 2022")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 660, "Een korte toelichting op de cijfers van dit jaar.")
    canvas.showPage()
    canvas.save()
    doc = read_document(path)
    assert doc.title == "Monitor huurschulden 2022"
    assert (doc.edition, doc.edition_source) == (2022, "title")


def test_cover_photo_with_a_title_has_a_text_layer(tmp_path: Path) -> None:
    from PIL import Image

    photo = tmp_path / "foto.png"
    Image.new("RGB", (400, 560), (90, 120, 150)).save(photo)
    path = tmp_path / "omslag.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.drawImage(str(photo), 0, 0, width=595, height=842)
    canvas.setFont("Helvetica-Bold", 28)
    canvas.drawString(60, 700, "Huurschulden 2024")
    canvas.setFont("Helvetica", 14)
    canvas.drawString(60, 670, "Enquête onder corporaties")
    canvas.showPage()
    canvas.save()
    doc = read_document(path)
    assert doc.pages[0].has_text_layer and doc.warnings == []
    assert doc.title == "Huurschulden 2024" and doc.edition == 2024
