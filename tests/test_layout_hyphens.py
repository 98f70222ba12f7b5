"""Line-end hyphens: a word break is joined, a hyphen of the spelling is kept (layout.text,
with the word list of lang/nl/hyphenated.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapportextract.ingest import read_document
from rapportextract.layout import join_lines

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(["een betalings-", "achterstand"], "een betalingsachterstand",
                     id="word-break-joined"),
        pytest.param(["het ver-", "schil"], "het verschil", id="short-first-part-joined"),
        pytest.param(["het pdf-", "bestand"], "het pdf-bestand", id="abbreviation-no-vowel"),
        pytest.param(["een e-", "learning"], "een e-learning", id="single-letter"),
        pytest.param(["de cao-", "afspraak"], "de cao-afspraak", id="listed-abbreviation"),
        pytest.param(["twee cv-", "ketels"], "twee cv-ketels", id="attested-inflected"),
        pytest.param(["het sociaal-", "economisch"], "het sociaal-economisch",
                     id="attested-compound"),
        pytest.param(["zorg-", "en welzijn"], "zorg- en welzijn", id="suspended-compound"),
        pytest.param(["in Noord-", "Brabant"], "in Noord-Brabant", id="capital-after"),
        pytest.param(["de zee-", "egel"], "de zee-egel", id="vowel-clash"),
        pytest.param(["de kop-", "pen"], "de koppen", id="short-word-break-joined"),
    ],
)
def test_line_end_hyphen(lines: list[str], expected: str) -> None:
    assert join_lines(lines) == expected


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_hyphen_compounds_fixture(engine: str) -> None:
    doc = read_document(FIXTURES / "hyphen_compounds.pdf", edition=2023, ocr=False,
                        engine=engine)
    text = doc.text()
    for kept in ("pdf-bestand", "e-learning", "cv-ketels", "zorg- en welzijn", "cao-regeling",
                 "sociaal-economische"):
        assert kept in text
    assert "betalingsachterstand" in text
