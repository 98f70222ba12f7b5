"""Reading order on the furniture of real pages: margin line numbers, double-spaced prose,
citation marks raised in a line. Fixtures from fixtures/layout/make_reading_pdfs.py."""

from __future__ import annotations

from pathlib import Path

from rapportextract.ingest import read_document
from rapportextract.layout.rows import cut_row, word_rows
from rapportextract.models import BlockKind, Word

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"


def _prose(name: str) -> list[str]:
    doc = read_document(FIXTURES / name, edition=2023, ocr=False)
    return [b.text for b in doc.blocks()
            if b.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.CAPTION)]


def test_margin_line_numbers_are_no_text() -> None:
    blocks = _prose("line_numbers.pdf")
    assert len(blocks) == 3
    assert blocks[0].startswith("In het eerste halfjaar meldden zich 412 huurders")
    assert blocks[0].endswith("binnen een jaar weg.")
    assert blocks[2].startswith("De wachttijd")
    # no line number is left in the text, at a line's start or glued into a sentence
    assert all(" 4 " not in b and not b[:1].isdigit() for b in blocks)


def test_double_spaced_paragraph_lines_go_on() -> None:
    blocks = _prose("double_spaced.pdf")
    assert len(blocks) == 2
    assert blocks[0].endswith("verdeeld over drie straten.")
    assert blocks[1].startswith("De bewoners van de eerste straat")


def _words(text: str, x: float, top: float, size: float = 12.0) -> list[Word]:
    out: list[Word] = []
    for token in text.split():
        width = 0.55 * size * len(token)
        out.append(Word(text=token, bbox=(x, top, x + width, top + size), size=size))
        x += width + 0.28 * size
    return out


def test_raised_citation_mark_does_not_cut_its_line() -> None:
    """"Firefox[4] and is": the space after the mark is a word space; measured from the word
    before the mark it is as wide as a column gap."""
    words = _words("created as an extension for Firefox", 36.0, 100.0)
    end = words[-1].bbox[2]
    mark = Word(text="[4]", bbox=(end + 0.5, 97.0, end + 12.5, 106.0), size=8.0)
    words += [mark, *_words("and is included", end + 16.0, 100.0)]
    rows = word_rows(words)
    assert len(rows) == 1
    (frag,) = cut_row(rows[0])
    assert frag.text == "created as an extension for Firefox and is included"


def test_narrow_gutter_beside_a_heading_still_parts_the_columns() -> None:
    doc = read_document(FIXTURES / "narrow_gutter.pdf", edition=2023, ocr=False)
    blocks = [b for b in doc.blocks() if b.kind is not BlockKind.FOOTER]
    assert [(b.kind, b.column) for b in blocks] == [
        (BlockKind.HEADING, None),
        (BlockKind.PARAGRAPH, 0), (BlockKind.PARAGRAPH, 0),
        (BlockKind.HEADING, 1),
        (BlockKind.PARAGRAPH, 1), (BlockKind.PARAGRAPH, 1),
    ]
    assert blocks[3].text == "2 Uitspraken"
    assert blocks[2].text.endswith("of werd het verzoek ingetrokken.")


def test_page_number_above_the_margin_of_a_one_page_document_is_a_footer() -> None:
    doc = read_document(FIXTURES / "narrow_gutter.pdf", edition=2023, ocr=False)
    (footer,) = [b for b in doc.blocks() if b.kind is BlockKind.FOOTER]
    assert footer.text == "1"
    assert "1" not in doc.text().split()


def test_columns_under_a_listing_across_their_gutter_are_read_apart() -> None:
    doc = read_document(FIXTURES / "listing_over_columns.pdf", edition=2023, ocr=False)
    blocks = doc.blocks()
    listing = blocks[0]
    # every step of the listing stays on one line with its comment
    assert [line.text.split(" //")[0] for line in listing.lines][:3] == [
        "laad huur, rij[12]", "laad betaald, rij[16]", "trek af achterstand, huur, betaald"]
    assert blocks[1].kind is BlockKind.CAPTION
    body = [(b.column, b.text[:24]) for b in blocks[2:]]
    assert body == [
        (0, "De controle draait op de"), (0, "Een huurder die na het g"),
        (1, "Sinds de zomer stuurt he"), (1, "Voor volgend jaar wil de"),
    ]
    assert blocks[2].text.endswith("binnen een week.")


def test_short_lines_at_a_column_foot_are_not_joined_to_the_next_column() -> None:
    blocks = _prose("column_break_ends.pdf")
    assert blocks[1] == "Servicepunt Onderhoud Kadeweg 12, Zwolle"
    assert blocks[2].startswith("Soort melding")
    assert blocks[3].startswith("Bij een melding over de verwarming")


def test_paragraphs_without_gap_or_indent_part_at_a_short_last_line() -> None:
    blocks = _prose("flush_paragraphs.pdf")
    assert [b.split(" ")[0] for b in blocks] == ["De", "Het", "Voor"]
    assert blocks[0].endswith("die vorig jaar zijn opgeknapt.")


def test_flush_right_prose_parts_at_gaps_not_at_starts() -> None:
    blocks = _prose("flush_right.pdf")
    assert [b.split(" ")[0] for b in blocks] == ["Op", "De", "Toen"]
    assert blocks[0].endswith("om beter te kunnen kijken.")
    assert blocks[1].endswith("het dak van de kar reikte.")


def test_a_list_set_one_name_a_line_is_a_block_per_name() -> None:
    blocks = _prose("name_list.pdf")
    assert blocks[:3] == ["Anneke de Vries, Woonstichting Noord",
                          "Bram Jansen, Gemeente Leeuwarden",
                          "Carla Bakker, Huurdersvereniging De Kaai"]
    assert len(blocks) == 9
    # the prose under it wraps only what did not fit: one paragraph
    assert blocks[8].startswith("De raad kwam vorig jaar zes keer bijeen.")
    assert blocks[8].endswith("over huurachterstanden.")


def test_loose_leading_keeps_an_items_second_line() -> None:
    blocks = _prose("loose_list.pdf")
    assert len(blocks) == 6
    assert blocks[2].endswith("fors hoger werd dan een jaar eerder.")
    assert blocks[4].endswith("een keer per jaar in rekening brengt.")


def test_indent_under_a_line_that_starts_with_an_enumeration_letter() -> None:
    blocks = _prose("enumeration_line.pdf")
    assert len(blocks) == 2
    assert blocks[0].endswith("(c) een bezoek aan huis na twee gemiste betalingen.")
    assert blocks[1].startswith("Het telefoontje werkte het best.")


def test_indented_one_line_paragraph_over_an_indented_first_line() -> None:
    blocks = _prose("indented_one_liner.pdf")
    assert blocks[1] == "Het eerste overleg ging over de renovatie van de flats."
    assert blocks[2].startswith("Daarna sprak de raad")


def test_line_across_a_sidebar_table_does_not_cut_the_prose_columns() -> None:
    doc = read_document(FIXTURES / "sidebar_table.pdf", edition=2023, ocr=False)
    blocks = [b for b in doc.blocks() if b.kind is BlockKind.PARAGRAPH]
    assert blocks[0].text.startswith("De corporatie verhuurde")
    assert blocks[0].text.endswith("keurig af.")
    assert blocks[1].text.endswith("binnen een maand.")
    note = next(b for b in blocks if b.text.startswith("Alle cijfers"))
    assert note.column == 2


def test_lines_that_do_not_overlap_side_to_side_are_not_one_paragraph() -> None:
    doc = read_document(FIXTURES / "ruling_head.pdf", edition=2023, ocr=False)
    texts = [b.text for b in doc.blocks()]
    # the names, set left one under the other, overlap: they stay one block
    assert texts[:3] == [
        "DE RECHTBANK", "C/07/2023/114", "mr. A. Jansen mr. B. de Boer mr. C. Visser"]
    assert texts[-1].startswith("De huurder heeft sinds maart 2022")


def test_notes_in_the_margins_stay_out_of_the_paragraphs() -> None:
    blocks = _prose("margin_notes.pdf")
    assert "Zie bijlage 2" in blocks and "Besluit van het bestuur van 14 maart" in blocks
    body = [b for b in blocks if b.startswith(("De corporatie", "Bij huurders"))]
    assert len(body) == 2
    assert body[0].endswith("elke maand kan missen.")
    assert body[1].endswith("met alle schuldeisers.")


def test_paragraphs_set_with_a_hanging_indent_come_out_whole() -> None:
    blocks = _prose("hanging_paragraphs.pdf")
    assert [b.split(":")[0] for b in blocks] == [
        "Achterstand", "Betalingsregeling", "Deurwaarder", "Huurtoeslag", "Ontruiming"]
    # a line set in under the first goes on it, also after a full stop and with a capital
    assert blocks[0] == ("Achterstand: de huur die een huurder na de vervaldag nog niet "
                         "heeft betaald. Een maand te laat telt al mee.")
    assert blocks[3].endswith("Het bedrag volgt uit het inkomen van twee jaar eerder.")
    assert blocks[4].endswith("als laatste stap na een vonnis.")
