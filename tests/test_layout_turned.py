"""Text turned a quarter (a sidebar, a stamp) is a block of its own: never mixed into the
paragraphs beside it, its date whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapportextract.ingest import read_document
from rapportextract.models import BlockKind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_sidebar_and_stamp_stay_out_of_the_paragraphs(engine: str) -> None:
    doc = read_document(FIXTURES / "sidebar.pdf", edition=2023, ocr=False, engine=engine)
    texts = [b.text for b in doc.blocks()]
    paragraphs = [b.text for b in doc.blocks() if b.kind is BlockKind.PARAGRAPH]
    assert paragraphs[:2] == [
        "In 2022 heeft de corporatie 310 woningen gerenoveerd. Daarbij kregen de woningen "
        "nieuwe kozijnen, een warmtepomp en zonnepanelen op het dak. De huurders betalen "
        "daardoor minder voor energie, gemiddeld ongeveer 40 euro per maand.",
        "De renovatie van de flats aan de rand van de wijk loopt uit tot het najaar van 2023. "
        "De aannemer kon niet op tijd genoeg materiaal krijgen. De bewoners zijn daarover in "
        "een brief en op een avond in het buurthuis ingelicht.",
    ]
    assert "Vastgesteld door het bestuur op 14 maart 2023" in texts
    assert "CONCEPT 2 februari 2023" in texts
