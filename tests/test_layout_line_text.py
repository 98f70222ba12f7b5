"""Text inside a line (fixtures/layout, made by make_text_pdfs.py): an accent drawn over a
letter is its mark; a word space after a comma or a full stop that the file sets by position
alone and narrow is restored; a formula's commas on their own are no spaced heading; a glyph
without text inside a word leaves the word whole; a standard font with the file's own widths
opens no gap inside a word, nor hides a narrow word space after an "f" that overhangs."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapportextract.ingest import read_document
from rapportextract.ingest.glyphs import clean_letters
from rapportextract.ingest.word_gaps import accented_text, lost_space_cuts
from rapportextract.layout import join_spaced_letters
from rapportextract.models import Document, NoticeCode, Word

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"
ENGINES = ["pdfium", "pdfplumber"]


def _read(name: str, engine: str) -> Document:
    return read_document(FIXTURES / name, edition=2023, ocr=False, engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_narrow_space_after_punctuation_is_restored(engine: str) -> None:
    texts = [b.text for b in _read("punctuation_spaces.pdf", engine).blocks()]
    assert texts == [
        "The set of blocks was {a, b, c} and it held three of them.",
        "The office counted the forms by hand. Then it sent them on to the board.",
    ]


CUTS = {
    "after a comma, in a word of two": ([(0, 2, ","), (3.4, 6, "i")], [0]),
    "after a full stop, before a capital": (
        [(0, 5, "o"), (5, 7, "."), (8.3, 14, "T"), (14, 19, "h")], [1]),
    "after a full stop, too narrow": ([(0, 5, "o"), (5, 7, "."), (7.8, 14, "T")], []),
    "inside an abbreviation": ([(0, 5, "e"), (5, 7, "."), (7.1, 12, "g"), (12, 14, ".")], []),
    "between digits of a decimal": ([(0, 5, "1"), (5, 7, "."), (8.3, 14, "5")], []),
    "a word of two without a mark": ([(0, 5, "a"), (6.6, 11, "b")], []),
}


@pytest.mark.parametrize(("letters", "cuts"), CUTS.values(), ids=CUTS.keys())
def test_where_a_space_after_punctuation_is_cut(letters: list[tuple[float, float, str]],
                                                cuts: list[int]) -> None:
    assert lost_space_cuts(letters, 10.0) == cuts


def _word(text: str, x0: float) -> Word:
    return Word(text=text, bbox=(x0, 100.0, x0 + 4.0 * len(text), 110.0), size=10.0)


def test_commas_on_their_own_are_not_spaced_letters() -> None:
    words = [_word(t, x) for t, x in [("v", 0), (",", 5.5), ("v", 11), (",", 16.5), ("a", 22)]]
    assert [w.text for w in join_spaced_letters(words)] == ["v", ",", "v", ",", "a"]


@pytest.mark.parametrize("engine", ENGINES)
def test_an_accent_drawn_over_a_letter_is_its_mark(engine: str) -> None:
    # a dotless "ı" under a diaeresis reads as the "ï" it shows (`normalise_text`)
    texts = [b.text for b in _read("spacing_accents.pdf", engine).blocks()]
    assert texts == [
        "The tenants were not so na\u00efve as to sign at once.",
        "They met in the caf\u00e9 on the corner of the square.",
    ]


ACCENTS = {
    "before the letter it is over": (
        [(0, 4, "a"), (3.8, 6.8, "\u00a8"), (4, 6.5, "\u0131"), (6.5, 11, "v")], "a\u0131\u0308v"),
    "after the letter, composed": ([(0, 4, "e"), (0.5, 3.5, "\u00b4"), (4, 8, "n")], "\u00e9n"),
    "over no letter": ([(0, 4, "a"), (5, 8, "\u00a8")], None),
    "no accent": ([(0, 4, "a"), (4, 8, "b")], None),
}


@pytest.mark.parametrize(("letters", "text"), ACCENTS.values(), ids=ACCENTS.keys())
def test_where_a_spacing_accent_goes(letters: list[tuple[float, float, str]],
                                     text: str | None) -> None:
    assert accented_text(letters) == text


@pytest.mark.parametrize("engine", ENGINES)
def test_a_glyph_without_text_inside_a_word_does_not_cut_it(engine: str) -> None:
    doc = _read("unmapped_ligature.pdf", engine)
    assert doc.text().strip() == "De classicatie van de woningen is in 2022 herzien."
    assert NoticeCode.UNMAPPED_GLYPHS in [n.code for n in doc.notices]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_standard_font_with_its_own_widths_adds_no_space(engine: str) -> None:
    doc = _read("standard_font_widths.pdf", engine)
    assert doc.text().strip() == "Our staff of five offered it the briefly stated figures."


@pytest.mark.parametrize("engine", ENGINES)
def test_a_narrow_space_after_an_overhanging_letter_is_restored(engine: str) -> None:
    doc = _read("overhanging_letter.pdf", engine)
    assert doc.text().strip() == "The board met a number of tenants in May."


def _glyph(text: str, x0: float, x1: float) -> dict[str, object]:
    return {"text": text, "x0": x0, "x1": x1, "top": 100.0, "bottom": 110.0, "doctop": 100.0,
            "size": 10.0, "upright": True, "fontname": "Serif"}


@pytest.mark.parametrize(
    ("before", "glued"),
    [pytest.param("i", True, id="after-a-letter"), pytest.param("(", True, id="after-a-bracket"),
     pytest.param(" ", False, id="after-a-space")],
)
def test_a_dropped_glyph_leaves_its_room_to_the_letter_before(before: str, glued: bool) -> None:
    letters = [_glyph(before, 0.0, 3.0), _glyph("(cid:28)", 3.0, 8.5), _glyph("e", 8.5, 13.0)]
    kept = clean_letters(letters)
    assert [c["text"] for c in kept] == [before, "e"]
    assert kept[0]["x1"] == (8.5 if glued else 3.0)
