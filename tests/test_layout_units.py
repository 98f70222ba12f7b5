"""The layout steps on hand-made words: hyphenation, normalisation, markers, columns."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rapportextract.layout import (
    find_gutter,
    is_caption,
    join_lines,
    layout_pages,
    normalise_text,
    split_superscript_marker,
)
from rapportextract.models import BlockKind, Page, Rect, TableCell, TableGrid, Word

JOIN_CASES = [
    ("plain word break", ["de huur-", "achterstand daalde"], "de huurachterstand daalde"),
    ("suspended compound with of", ["een energie-", "of budgetcoach"],
     "een energie- of budgetcoach"),
    ("suspended compound with en", ["taal-", "en rekenvaardigheden"], "taal- en rekenvaardigheden"),
    ("capital after hyphen", ["in Noord-", "Holland"], "in Noord-Holland"),
    ("abbreviation before hyphen", ["het WSNP-", "traject"], "het WSNP-traject"),
    ("year range", ["in 2022-", "2023"], "in 2022-2023"),
    ("vowel clash keeps hyphen", ["een zee-", "egel"], "een zee-egel"),
    ("soft hyphen at break", ["de betalings\u00ad", "regeling"], "de betalingsregeling"),
    ("plain join", ["eerste regel", "tweede regel"], "eerste regel tweede regel"),
    ("blank lines skipped", ["eerste", "   ", "tweede"], "eerste tweede"),
]


@pytest.mark.parametrize(("lines", "expected"), [c[1:] for c in JOIN_CASES],
                         ids=[c[0] for c in JOIN_CASES])
def test_join_lines(lines: list[str], expected: str) -> None:
    assert join_lines(lines) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\ufb01nanciële", "financiële"),
        ("\ufb02exwerkers", "flexwerkers"),
        ("€\u00a0164\u202fmiljoen", "€ 164 miljoen"),
        ("be\u00adta\u00adlings\u00adregeling", "betalingsregeling"),
        ("  veel   ruimte\t", "veel ruimte"),
    ],
)
def test_normalise_text(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


def test_unicode_superscript_marker_split_off() -> None:
    assert split_superscript_marker("corporatiesector.¹") == ("corporatiesector.", "1")
    assert split_superscript_marker("m²") == ("m", "2")
    assert split_superscript_marker("2023") == ("2023", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Grafiek 3: Redenen voor uitzetting", True),
        ("Tabel 2.1 Vonnissen per jaar", True),
        ("Figuur 4 - Aandeel regelingen", True),
        ("Tabel 1 laat zien dat het aantal daalde.", False),
        ("Grafieken zijn er niet", False),
    ],
)
def test_is_caption(text: str, expected: bool) -> None:
    assert is_caption(text) is expected


def _line(words: str, x0: float, top: float, size: float = 10.0, bold: bool = False,
          width: float = 5.5) -> list[Word]:
    out: list[Word] = []
    x = x0
    for token in words.split():
        w = width * len(token)
        out.append(Word(text=token, bbox=(x, top, x + w, top + size), size=size, bold=bold,
                        fontname="Helvetica-Bold" if bold else "Helvetica"))
        x += w + 2.8
    return out


def test_raised_marker_becomes_a_footnote_ref_not_text() -> None:
    words = _line("Dit geldt voor de hele sector.", 60, 100)
    end = words[-1].bbox[2]
    marker = Word(text="1", bbox=(end + 0.5, 98.0, end + 3.5, 104.0), size=6.0)
    words += [marker, *_line("Daarna volgt meer tekst.", end + 6, 100)]
    page = Page(number=1, width=595, height=842, words=words)
    (page,) = layout_pages([page])
    (block,) = page.blocks
    assert block.kind is BlockKind.PARAGRAPH
    assert block.text == "Dit geldt voor de hele sector. Daarna volgt meer tekst."
    assert block.footnote_refs == ["1"]
    assert any(w.superscript for line in block.lines for w in line.words)


def test_two_columns_read_left_then_right() -> None:
    words: list[Word] = []
    for i in range(8):
        words += _line(f"links regel {i} met wat woorden erin.", 60, 100 + 13 * i)
        words += _line(f"rechts regel {i} met wat woorden.", 320, 100 + 13 * i)
    page = Page(number=1, width=595, height=842, words=words)
    (page,) = layout_pages([page])
    texts = [b.text for b in page.blocks]
    assert len(texts) == 2
    assert texts[0].startswith("links regel 0") and "links regel 7" in texts[0]
    assert texts[1].startswith("rechts regel 0") and "links" not in texts[1]
    assert [b.column for b in page.blocks] == [0, 1]


def test_no_gutter_in_one_column_text() -> None:
    boxes = [(60.0, 100.0 + 13 * i, 530.0, 110.0 + 13 * i) for i in range(10)]
    assert find_gutter(boxes, 10.0) is None
    split = [(60.0, 100.0 + 13 * i, 280.0, 110.0 + 13 * i) for i in range(6)]
    split += [(310.0, 100.0 + 13 * i, 530.0, 110.0 + 13 * i) for i in range(6)]
    gutter = find_gutter(split, 10.0)
    assert gutter is not None and 280 <= gutter[0] < gutter[1] <= 310


def test_text_on_a_coloured_band_is_not_a_chart() -> None:
    words = _line("HUURACHTERSTANDEN EN UITZETTINGEN 2024", 60, 60, size=18, bold=True)
    words += _line("Een korte inleiding over de cijfers van dit jaar.", 60, 120)
    band = Rect(bbox=(50.0, 50.0, 545.0, 90.0), fill=(0.1, 0.2, 0.4))
    page = Page(number=1, width=595, height=842, words=words, rects=[band])
    (page,) = layout_pages([page])
    assert [b.kind for b in page.blocks] == [BlockKind.HEADING, BlockKind.PARAGRAPH]


def test_three_columns_read_column_by_column() -> None:
    words: list[Word] = []
    for i in range(8):
        for c, x in enumerate((56.0, 230.0, 404.0)):
            words += _line(f"kolom{c} regel {i} tekst.", x, 100 + 13 * i, width=5.0)
    page = Page(number=1, width=595, height=842, words=words)
    (page,) = layout_pages([page])
    assert [b.column for b in page.blocks] == [0, 1, 2]
    for c, block in enumerate(page.blocks):
        assert block.text.split() == " ".join(
            f"kolom{c} regel {i} tekst." for i in range(8)
        ).split()


def test_full_width_band_between_two_column_bands() -> None:
    words: list[Word] = []
    for i in range(5):
        words += _line(f"boven links {i} met tekst.", 60, 100 + 13 * i)
        words += _line(f"boven rechts {i} met tekst.", 320, 100 + 13 * i)
    words += _line("Een brede regel die over beide kolommen doorloopt tot aan de rand.", 60, 200)
    for i in range(5):
        words += _line(f"onder links {i} met tekst.", 60, 240 + 13 * i)
        words += _line(f"onder rechts {i} met tekst.", 320, 240 + 13 * i)
    page = Page(number=1, width=595, height=842, words=words)
    (page,) = layout_pages([page])
    firsts = [b.text.split(" ", 2)[:2] for b in page.blocks]
    assert firsts == [["boven", "links"], ["boven", "rechts"], ["Een", "brede"],
                      ["onder", "links"], ["onder", "rechts"]]
    assert [b.column for b in page.blocks] == [0, 1, None, 0, 1]


def _placed(page: Page) -> set[tuple[str, tuple[float, float, float, float]]]:
    return {(w.text, w.bbox) for b in page.blocks for line in b.lines for w in line.words}


def _kept(word: Word, placed: set[tuple[str, tuple[float, float, float, float]]]) -> bool:
    """The word stands in the output as it was, or inside a word it was joined with (words
    that touch on one baseline are one word: 'Gra' 'fi' 'ek')."""
    x0, top, x1, bottom = word.bbox
    return any(
        word.text in text and box[0] <= x0 and x1 <= box[2] and box[1] <= top
        and bottom <= box[3]
        for text, box in placed
    )


def _in_table(word: Word, page: Page) -> bool:
    return any(
        t.bbox is not None and t.bbox[0] <= word.bbox[0] and word.bbox[2] <= t.bbox[2]
        and t.bbox[1] <= word.bbox[1] and word.bbox[3] <= t.bbox[3]
        for t in page.tables
    )


word_strategy = st.builds(
    lambda text, x, y, size: Word(text=text, bbox=(x, y, x + 5.0 * len(text), y + size),
                                  size=size),
    st.text(alphabet="abcdeXYZ0123456789.,-¹", min_size=1, max_size=12),
    st.floats(min_value=0, max_value=540),
    st.floats(min_value=0, max_value=800),
    st.sampled_from([6.0, 8.0, 10.0, 14.0]),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(word_strategy, max_size=80))
def test_random_words_never_raise_and_no_word_is_lost(words: list[Word]) -> None:
    page = Page(number=1, width=595, height=842, words=words)
    (page,) = layout_pages([page])
    placed = _placed(page)
    for word in words:
        assert _kept(word, placed) or _in_table(word, page)
    assert [b.id for b in page.blocks] == [f"p1-b{i}" for i in range(len(page.blocks))]


def test_a_long_web_address_poking_into_the_gutter_stays_in_its_column() -> None:
    words: list[Word] = []
    for i in range(8):
        left = f"links regel {i} met wat woorden erin." if i != 3 else \
            "zie https://www.voorbeeld.nl/cijfers/huur2022"  # ends in the gutter
        words += _line(left, 60, 100 + 13 * i)
        words += _line(f"rechts regel {i} met wat woorden.", 320, 100 + 13 * i)
    page = Page(number=1, width=595, height=842, words=words)
    (page,) = layout_pages([page])
    texts = [b.text for b in page.blocks]
    assert len(texts) == 2 and "regel 2 met wat woorden erin. zie https://" in texts[0]
    assert texts[0].endswith("links regel 7 met wat woorden erin.")
    assert texts[1].startswith("rechts regel 0") and texts[1].endswith("regel 7 met wat woorden.")


def test_a_line_just_crossing_the_gutter_is_not_full_width() -> None:
    words: list[Word] = []
    for i in range(8):
        left = f"links regel {i} met wat woorden erin." if i != 6 else \
            "links een langere regel die over de goot loopt door."
        words += _line(left, 60, 100 + 13 * i)
        if i < 5:
            words += _line(f"rechts regel {i} met wat woorden.", 320, 100 + 13 * i)
    page = Page(number=1, width=595, height=842, words=words)
    (page,) = layout_pages([page])
    assert [b.column for b in page.blocks] == [0, 1]
    assert page.blocks[0].text.endswith("links regel 7 met wat woorden erin.")


def test_bulleted_lines_are_blocks_of_their_own() -> None:
    words = _line("Corporaties noemen drie maatregelen:", 60, 100)
    words += _line("• eerder bellen na een gemiste betaling", 60, 113)
    words += _line("• vaker een huisbezoek", 60, 126)
    page = Page(number=1, width=595, height=842, words=words)
    (page,) = layout_pages([page])
    assert [b.text for b in page.blocks] == [
        "Corporaties noemen drie maatregelen:", "• eerder bellen na een gemiste betaling",
        "• vaker een huisbezoek",
    ]


def test_text_spread_wider_than_any_page_has_no_gutter() -> None:
    # A damaged PDF can place letters a billion points apart; looking for a column gutter
    # there must neither run out of memory nor take for ever.
    boxes = [(0.0, float(i * 12), 40.0, float(i * 12 + 10)) for i in range(8)]
    boxes += [(9.0e17, float(i * 12), 9.0e17 + 40.0, float(i * 12 + 10)) for i in range(8)]
    assert find_gutter(boxes, 10.0) is None


def test_layout_returns_new_pages_and_leaves_the_given_ones_as_they_were() -> None:
    words = _line("Gra", 60, 100) + _line("fiek", 60 + 3 * 5.5, 100)
    words += _line("De huurachterstand daalde flink in het jaar.", 60, 130)
    table = TableGrid(bbox=(300.0, 300.0, 400.0, 340.0), rows=[[TableCell(text="2023")]])
    page = Page(number=1, width=595, height=842, words=words, tables=[table])
    before = page.model_dump()
    (laid_out,) = layout_pages([page])
    assert page.model_dump() == before
    assert laid_out is not page and laid_out.blocks and not page.blocks
    assert laid_out.tables[0].block_id is not None and table.block_id is None
