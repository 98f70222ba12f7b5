"""What a page's annotations show is read as the page's text: the values of filled form
fields (fixture fixtures/layout/make_form_pdfs.py), which exist only in the fields'
appearance streams."""

from __future__ import annotations

from pathlib import Path

from rapportextract.ingest import read_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"


def test_the_values_of_filled_form_fields_are_text_of_the_page() -> None:
    doc = read_document(FIXTURES / "filled_form.pdf", edition=2023, ocr=False)
    texts = [b.text for b in doc.blocks()]
    assert texts == [
        "Vul hieronder de naam van de verhuurder in.",
        "Woonstichting De Linde, Assen",
        "Achterstand opgelost met een regeling van twaalf maanden.",
    ]
