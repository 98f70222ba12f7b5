"""Letters that are not the text they show (ingest.glyphs): glyph codes without text, set
fractions, fake bold, right-to-left words; on the glyph fixture with both engines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rapportextract.ingest import read_document
from rapportextract.ingest.glyphs import (
    FRACTION_SLASH,
    clean_letters,
    encoded_letters,
    has_right_to_left,
    reverse_right_to_left,
)
from rapportextract.ingest.pdfium_words import letter_dict
from rapportextract.models import NoticeCode

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"

ENGINES = ["pdfium", "pdfplumber"]


@pytest.mark.parametrize("engine", ENGINES)
def test_glyph_codes_never_reach_the_text(engine: str) -> None:
    doc = read_document(FIXTURES / "glyphs.pdf", edition=2023, ocr=False, engine=engine)
    assert "(cid:" not in doc.text()
    codes = [n.code for n in doc.notices]
    assert NoticeCode.UNMAPPED_GLYPHS in codes
    assert "De leidingen in het complex" in doc.text()


@pytest.mark.parametrize("engine", ENGINES)
def test_set_fraction_keeps_its_numerator(engine: str) -> None:
    text = read_document(FIXTURES / "glyphs.pdf", edition=2023, ocr=False, engine=engine).text()
    assert f"meet 1{FRACTION_SLASH}4 inch" in text
    assert f"3{FRACTION_SLASH}8 inch" in text
    assert f"{FRACTION_SLASH} 4" not in text


@pytest.mark.parametrize("engine", ENGINES)
def test_fake_bold_letters_count_once(engine: str) -> None:
    doc = read_document(FIXTURES / "glyphs.pdf", edition=2023, ocr=False, engine=engine)
    first = doc.blocks()[0]
    assert first.text == "Specificaties"


@pytest.mark.parametrize("engine", ENGINES)
def test_shadowed_title_letters_count_once(engine: str) -> None:
    doc = read_document(FIXTURES / "shadowed_title.pdf", edition=2023, ocr=False, engine=engine)
    assert doc.blocks()[0].text == "WONEN IN CIJFERS"


@pytest.mark.parametrize(
    ("size", "offset", "once"),
    [
        pytest.param(10.0, 0.4, True, id="body-fake-bold"),
        pytest.param(10.0, 1.5, False, id="body-letters-apart"),
        pytest.param(40.0, 1.3, True, id="title-shadow"),
        pytest.param(40.0, 3.0, False, id="title-letters-apart"),
    ],
)
def test_letter_printed_again_close_by_counts_once(size: float, offset: float,
                                                   once: bool) -> None:
    from rapportextract.ingest.pdf import _unique_chars

    letters = [_letter("W", 10.0, 100.0, size), _letter("W", 10.0 + offset, 100.0 + offset, size)]
    assert len(_unique_chars(letters)) == (1 if once else 2)


@pytest.mark.parametrize("engine", ENGINES)
def test_word_space_without_text_keeps_words_apart(engine: str) -> None:
    doc = read_document(FIXTURES / "unmapped_space.pdf", edition=2023, ocr=False, engine=engine)
    assert "Het aantal huurders met een achterstand daalde vorig jaar tot 117.000." in doc.text()
    assert NoticeCode.UNMAPPED_GLYPHS not in [n.code for n in doc.notices]


def _letter(text: str, x0: float, top: float, size: float) -> dict[str, Any]:
    return {"text": text, "x0": x0, "x1": x0 + 0.55 * size, "top": top, "bottom": top + size,
            "doctop": top, "size": size, "upright": True, "fontname": "Sans"}


def test_digits_touching_a_fraction_slash_take_its_line() -> None:
    letters = [
        _letter("1", 10.0, 100.0, 6.0), _letter("1", 13.3, 100.0, 6.0),
        _letter(FRACTION_SLASH, 16.6, 102.0, 10.0),
        _letter("8", 22.1, 106.0, 6.0), _letter("9", 40.0, 106.0, 6.0),
        _letter("(cid:12)", 50.0, 102.0, 10.0),
    ]
    cleaned = clean_letters(letters)
    assert [c["text"] for c in cleaned] == ["1", "1", FRACTION_SLASH, "8", "9"]
    assert [c["size"] for c in cleaned] == [10.0, 10.0, 10.0, 10.0, 6.0]
    assert letters[0]["size"] == 6.0  # the letters given are left as they are


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        pytest.param("םולש", "שלום", id="hebrew-word-turned-to-reading-order"),
        pytest.param("2022", "2022", id="digits-stay"),
        pytest.param("huur", "huur", id="latin-stays"),
    ],
)
def test_right_to_left_words_in_reading_order(word: str, expected: str) -> None:
    assert reverse_right_to_left(word) == expected


def test_right_to_left_script_is_recognised() -> None:
    assert has_right_to_left("tekst שלום")
    assert not has_right_to_left("tekst zonder")


@pytest.mark.parametrize("engine", ENGINES)
def test_right_to_left_word_read_in_order_with_a_warning(engine: str) -> None:
    doc = read_document(FIXTURES / "right_to_left.pdf", edition=2023, ocr=False, engine=engine)
    assert "Hebreeuws: \u05e9\u05dc\u05d5\u05dd" in doc.text()
    assert NoticeCode.RIGHT_TO_LEFT in [n.code for n in doc.notices]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("\ud835\udc00", "\U0001d400", id="pair-made-one"),
        pytest.param("a\udc00", "a\ufffd", id="lone-half-replaced"),
        pytest.param("huur", "huur", id="plain-unchanged"),
    ],
)
def test_utf16_halves_made_whole(text: str, expected: str) -> None:
    (letter,) = clean_letters([_letter(text, 10.0, 100.0, 10.0)])
    assert letter["text"] == expected
    letter["text"].encode("utf-8")


def test_placeholder_joined_to_a_letter_is_dropped_the_letter_kept() -> None:
    letters = [_letter("(cid:224)6", 10.0, 100.0, 10.0), _letter("(cid:7)", 16.0, 100.0, 10.0)]
    assert [c["text"] for c in clean_letters(letters)] == ["6"]


def _coded(text: str, font: str) -> list[Any]:
    """PDFium's letters of `text` in `font`, each flagged as a glyph code without text."""
    up = (1.0, 0.0, 0.0, 1.0)
    return [(f"(cid:{ord(ch)})", 10.0 + 5 * i, 15.0 + 5 * i, 100.0, 110.0, 100.0, True, font,
             10.0, up) for i, ch in enumerate(text)]


ENCODED = {
    # PDFium's guess through the font's encoding is text: put back
    "a font whose flagged codes are text": (_coded("Factuurdatum:", "A"), "Factuurdatum:"),
    # control characters among them: glyph numbers, left for clean_letters to drop
    "a font of glyph numbers": (_coded("\x01\x02Q\x03RW", "B"), ""),
    # a lone control code in a font of text is dropped, the rest kept
    "one control code in a long run of text": (
        _coded("Ideology as ritual by Avram Lyon\x03", "C"), "Ideology as ritual by Avram Lyon"),
    "each font judged apart": ([*_coded("Tekst", "A"), *_coded("\x01\x02", "B")], "Tekst"),
}


@pytest.mark.parametrize(("letters", "text"), ENCODED.values(), ids=ENCODED.keys())
def test_flagged_codes_map_through_the_font_where_they_are_text(letters: list[Any],
                                                                  text: str) -> None:
    cleaned = clean_letters([letter_dict(c) for c in encoded_letters(letters)])
    assert "".join(c["text"] for c in cleaned) == text


def _line(words: list[str], code: str, font: str = "Serif") -> list[dict[str, Any]]:
    """Letters of words set apart by the letter `code` (a space or a glyph code), in `font`;
    a "?" in a word is a ligature without text."""
    letters: list[dict[str, Any]] = []
    x = 10.0
    for n, word in enumerate(words):
        if n:
            letters.append({**_letter(code, x, 100.0, 10.0), "fontname": font})
            x += 2.5
        for ch in word:
            text = "(cid:7)" if ch == "?" else ch
            letters.append({**_letter(text, x, 100.0, 10.0), "fontname": font})
            x += 5.5
    return letters


PROSE_WORDS = ["de", "huurders", "van", "deze", "corporatie", "kregen", "vaker", "een",
               "regeling", "aangeboden"]


@pytest.mark.parametrize(
    ("words", "code", "expected"),
    [
        pytest.param(PROSE_WORDS, "(cid:3)", " ".join(PROSE_WORDS),
                     id="frequent-code-is-the-space"),
        pytest.param(["signi?er", *PROSE_WORDS], " ", " ".join(["signier", *PROSE_WORDS]),
                     id="rare-code-is-dropped"),
        pytest.param(["ab"] * 4, "(cid:3)", "abababab", id="too-few-letters-to-tell"),
    ],
)
def test_space_codes(words: list[str], code: str, expected: str) -> None:
    assert "".join(c["text"] for c in clean_letters(_line(words, code))) == expected


@pytest.mark.parametrize("engine", ENGINES)
def test_kerned_logo_letters_make_one_word(engine: str) -> None:
    # a small raised letter tucked into the one before it and a lowered one: one word, in
    # the heading and inside the paragraph, which stays whole
    doc = read_document(FIXTURES / "kerned_logo.pdf", edition=2023, ocr=False, engine=engine)
    assert [b.text for b in doc.blocks()] == [
        "RENOX in de wijk",
        "Het meldpunt werkt sinds dit voorjaar met het programma RENOX, dat de klachten over "
        "onderhoud per complex bijhoudt. Huurders kunnen hun melding ook telefonisch doen of "
        "een brief sturen naar het kantoor aan de Lindenlaan.",
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_combining_accent_over_a_dotless_i_is_one_letter(engine: str) -> None:
    text = read_document(FIXTURES / "dotless_accent.pdf", edition=2023, ocr=False,
                         engine=engine).text()
    assert "gei\u0308" not in text and "\u0131" not in text and "\u0308" not in text
    assert "ge\u00efn" in text and "re\u00fcn" in text


@pytest.mark.parametrize("engine", ENGINES)
def test_word_with_a_combining_accent_stays_whole(engine: str) -> None:
    text = read_document(FIXTURES / "dotless_accent.pdf", edition=2023, ocr=False,
                         engine=engine).text()
    assert "volledig ge\u00efnd. Op de re\u00fcnie in het najaar" in text


@pytest.mark.parametrize("engine", ENGINES)
def test_ligature_glyphs_read_as_their_letters_without_a_space(engine: str) -> None:
    # "fi", "fl", "ff", "ffi" as one glyph each: mapped to their letters (first line), to
    # the ligature's own character (second line), and given its letters by a marked span,
    # for which PDFium splits the glyph's box between the letters (third line): no space
    # after the ligature ("profi el"), and no ligature character kept
    doc = read_document(FIXTURES / "split_ligatures.pdf", edition=2023, ocr=False,
                        engine=engine)
    assert [b.text for b in doc.blocks()] == [
        "De financiering van het profiel van de flat was officieel en effici\u00ebnt, "
        "schreef de griffie.",
        "Het affiche over de reflectie op de fiscale regels hing officieel in de flat.",
        "Het offici\u00eble profiel van de flat hing als affiche in de hal.",
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_tex_bitmap_font_codes_read_by_the_t1_encoding(engine: str) -> None:
    # a nameless Type 3 font (TeX's bitmap fonts through dvips) gives no text for its codes
    # below 32: by TeX's T1 encoding they are the quotes, the dash and the f-ligatures
    doc = read_document(FIXTURES / "tex_bitmap_font.pdf", edition=2023, ocr=False,
                        engine=engine)
    assert ("was het voorstel \u201ceen financiering zonder flexibiliteit\u201d, schreef de "
            "officier van de griffie \u2013 een plan zonder effect.") in doc.text()
    assert NoticeCode.UNMAPPED_GLYPHS not in [n.code for n in doc.notices]


def test_t1_codes_only_in_a_nameless_font_of_text() -> None:
    # a named font's codes, and a nameless font's codes above 31, stay codes without text
    def coded(font: str, also: str = "") -> str:
        letters = [{**c, "text": "(cid:28)" if c["text"] == "(cid:7)" else
                    "(cid:7)" if c["text"] == also else c["text"]}
                   for c in _line(["de", "?nanciering", *PROSE_WORDS], " ", font=font)]
        return "".join(c["text"] for c in clean_letters(letters))

    assert coded("unknown").startswith("de financiering")
    assert coded("").startswith("de financiering")
    assert coded("Serif").startswith("de nanciering")
    assert coded("", also="z").startswith("de nanciering")  # a code of 7 too: not T1
