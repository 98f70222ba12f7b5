"""Footnote markers set as "1)" inside a sentence stay with their sentence; the notes that
start with "1)" are footnotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapportextract.ingest import read_document
from rapportextract.models import BlockKind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_paren_markers_stay_in_their_sentence(engine: str) -> None:
    doc = read_document(FIXTURES / "paren_markers.pdf", edition=2023, ocr=False,
                        engine=engine)
    blocks = doc.blocks()
    assert not any(b.text in ("1)", "2)") for b in blocks)
    (first,) = [b for b in blocks if b.text.startswith("Het aantal ontruimingen")]
    assert "2.100 en bleef daarmee onder het niveau" in first.text
    assert first.footnote_refs == ["1", "2"]
    notes = {b.footnote_refs[0]: b.text for b in blocks if b.kind is BlockKind.FOOTNOTE}
    assert notes == {"1": "Alleen ontruimingen na een vonnis van de kantonrechter.",
                     "2": "Cijfers van de deelnemende corporaties."}


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_punctuation_after_a_raised_marker_closes_onto_its_word(engine: str) -> None:
    doc = read_document(FIXTURES / "marker_before_punctuation.pdf", edition=2023, ocr=False,
                        engine=engine)
    (para,) = [b for b in doc.blocks() if b.text.startswith("In vier gemeenten")]
    assert para.text == ("In vier gemeenten (Zwolle, Deventer en Kampen) daalde het aantal "
                         "dossiers, ook waar de huren stegen. Elders bleef het gelijk.")
    assert para.footnote_refs == ["[3]", "[4]", "[5]"]
