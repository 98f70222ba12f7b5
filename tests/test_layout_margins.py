"""Headers, footers and page numbers of a short document, where nothing repeats: known by
their place in the margin and their small size."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapportextract.ingest import read_document
from rapportextract.models import BlockKind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_short_document_margins_by_place_and_size(engine: str) -> None:
    doc = read_document(FIXTURES / "short_running_text.pdf", edition=2023, ocr=False,
                        engine=engine)
    kinds = {b.text: b.kind for b in doc.blocks()}
    assert kinds["Woonstichting De Kade | Verslag bewonerszaken"] is BlockKind.HEADER
    assert kinds["Uitgave van de afdeling wonen, voorjaar"] is BlockKind.FOOTER
    assert kinds["7"] is BlockKind.FOOTER
    text = doc.text()
    assert text.startswith("Bewonerszaken")
    assert "Woonstichting De Kade" not in text and "afdeling wonen" not in text
    assert [b.kind for b in doc.blocks() if b.kind not in (BlockKind.HEADER, BlockKind.FOOTER)
            ] == [BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


def test_footnote_in_the_bottom_margin_stays_a_footnote() -> None:
    doc = read_document(FIXTURES / "footnote.pdf", edition=2023, ocr=False)
    assert any(b.kind is BlockKind.FOOTNOTE for b in doc.blocks())
