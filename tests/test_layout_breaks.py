"""A paragraph that goes on across a column break (a footnote at the foot of the column in
between) or a page break (a running header and a page number in between) is read whole,
with the word broken at the break made whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapportextract.ingest import read_document
from rapportextract.models import BlockKind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_paragraph_whole_across_a_column_break_with_a_footnote(engine: str) -> None:
    doc = read_document(FIXTURES / "breaks.pdf", edition=2023, ocr=False, engine=engine)
    paragraphs = [b.text for b in doc.blocks() if b.kind is BlockKind.PARAGRAPH]
    assert ("Steeds meer corporaties bellen een huurder al in de eerste week na de gemiste "
            "betaling. Wie dan een afspraak maakt, komt zelden in een lange "
            "betalingsachterstand terecht. Bij de corporaties die dat in 2022 deden, daalde "
            "het aantal dossiers voor de deurwaarder met bijna een derde.") in paragraphs
    notes = [b.text for b in doc.blocks() if b.kind is BlockKind.FOOTNOTE]
    assert notes == ["Gevraagd aan 86 corporaties die vroeg contact opnemen."]


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_sentence_whole_across_a_page_break_with_header_and_page_number(engine: str) -> None:
    doc = read_document(FIXTURES / "breaks.pdf", edition=2023, ocr=False, engine=engine)
    texts = [s.text for s in doc.sentences]
    assert "In die tijd groeit de schuld van de huurder vaak snel door de incassokosten." in texts
    assert not any("Monitor huurachterstanden" in t for t in texts)
    assert not any(t.startswith("incassokosten") for t in texts)


def test_paragraph_whole_past_a_code_listing_at_the_head_of_the_next_column() -> None:
    doc = read_document(FIXTURES / "listing_at_column_head.pdf", edition=2023, ocr=False)
    paragraphs = [b.text for b in doc.blocks() if b.kind is BlockKind.PARAGRAPH]
    assert (
        "Het script dat de lijst maakt, loopt elke nacht over alle contracten. Voor elk "
        "contract telt het de openstaande maanden op en het bewaart daarna alleen de gegevens "
        "van huurders met meer dan een openstaande maand. Zo komt niemand op de lijst die "
        "alleen een paar dagen te laat betaalde."
    ) in paragraphs
