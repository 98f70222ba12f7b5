"""Line-end hyphens: a word break is joined, a hyphen of the spelling is kept (layout.text,
with the word lists of lang/nl/hyphenated.toml and, for English paragraphs, lang/en/words.txt)."""

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


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(["the code at the source-", "level is"], "the code at the source-level is",
                     id="two-words-kept"),
        pytest.param(["and this is the vari-", "able that"], "and this is the variable that",
                     id="one-word-joined"),
        pytest.param(["it is not for the pre-", "empt check"], "it is not for the preempt check",
                     id="vowel-clash-joined"),
        pytest.param(["and the state-of-the-", "art form"], "and the state-of-the-art form",
                     id="compound-going-on-kept"),
        pytest.param(["and the recompi-", "lation of"], "and the recompilation of",
                     id="unknown-half-joined"),
        pytest.param(["and the Indo-", "Pacific is"], "and the Indo-Pacific is",
                     id="capital-after-kept"),
        pytest.param(["and the x-", "axis is"], "and the x-axis is", id="single-letter-kept"),
        pytest.param(["and the pre-", "and post-tests"], "and the pre- and post-tests",
                     id="suspended-compound"),
        pytest.param(["and the bits-bitwise-", "and test"], "and the bits-bitwise-and test",
                     id="and-ends-a-compound-of-more-parts"),
        pytest.param(["the mixed-", "mode and the mixed-mode form"],
                     "the mixed-mode and the mixed-mode form", id="spelled-in-block-kept"),
        pytest.param(["the byte-", "code and the bytecode form"],
                     "the bytecode and the bytecode form", id="spelled-in-block-joined"),
        pytest.param(["de huur-", "prijs van het huis"], "de huurprijs van het huis",
                     id="dutch-paragraph-dutch-rules"),
    ],
)
def test_english_line_end_hyphen(lines: list[str], expected: str) -> None:
    assert join_lines(lines) == expected


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_english_hyphens_fixture(engine: str) -> None:
    doc = read_document(FIXTURES / "english_hyphens.pdf", edition=2023, ocr=False,
                        engine=engine)
    text = doc.text()
    for kept in ("two-column", "state-of-the-art", "self-contained"):
        assert kept in text
    for joined in ("preprocessing", "variable", "Our bytecode reader"):
        assert joined in text


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_hyphen_compounds_fixture(engine: str) -> None:
    doc = read_document(FIXTURES / "hyphen_compounds.pdf", edition=2023, ocr=False,
                        engine=engine)
    text = doc.text()
    for kept in ("pdf-bestand", "e-learning", "cv-ketels", "zorg- en welzijn", "cao-regeling",
                 "sociaal-economische"):
        assert kept in text
    assert "betalingsachterstand" in text


def test_a_line_end_hyphen_follows_the_documents_own_spelling_elsewhere() -> None:
    doc = read_document(FIXTURES / "hyphen_spelled_elsewhere.pdf", edition=2023, ocr=False)
    texts = [b.text for b in doc.blocks()]
    # page 2 breaks "buurt-" / "app"; page 1 writes "buurt-app" whole
    assert texts[1] == ("Bijna de helft van de meldingen ging over lekkages. De corporatie wil "
                        "de buurt-app volgend jaar ook in de andere wijken aanbieden.")
