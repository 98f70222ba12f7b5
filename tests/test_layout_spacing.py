"""Spacing on the page tells words and paragraphs apart (fixtures/layout, made by
make_spacing_pdfs.py): word spaces set by position only and narrower than usual are restored,
none are added inside a letter-spaced word or around a hyphen; a first-line indent starts a
paragraph; a paragraph goes on past a boxed notice at the foot of its column; prose in a
drawn grid or on ruled paper is no table."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapportextract.ingest import read_document
from rapportextract.ingest.word_gaps import lost_space_cuts
from rapportextract.models import BlockKind, Document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"
ENGINES = ["pdfium", "pdfplumber"]


def _read(name: str, engine: str) -> Document:
    return read_document(FIXTURES / name, edition=2023, ocr=False, engine=engine)


def _texts(doc: Document, kind: BlockKind | None = None) -> list[str]:
    return [b.text for b in doc.blocks() if kind is None or b.kind is kind]


@pytest.mark.parametrize("engine", ENGINES)
def test_lost_word_spaces_are_restored_from_the_gaps(engine: str) -> None:
    words = [w.text for w in _read("lost_spaces.pdf", engine).pages[0].words]
    assert words[:4] == ["Reacties", "welkom:", "stuur", "ze"]
    assert "2022" in words and "4.200" in words


@pytest.mark.parametrize("engine", ENGINES)
def test_a_letter_spaced_word_stays_one_word(engine: str) -> None:
    assert "ledenraad" in _texts(_read("lost_spaces.pdf", engine))


@pytest.mark.parametrize("engine", ENGINES)
def test_a_hyphen_with_room_around_it_adds_no_space(engine: str) -> None:
    assert "De regio Noord-Holland telde de meeste nieuwe leden." in _texts(
        _read("lost_spaces.pdf", engine))


CUTS = {
    "a word space wider than the letters' gaps": ([(0, 5, "a"), (5, 10, "b"), (11.6, 16, "c")],
                                                  [1]),
    "letters evenly spaced": ([(0, 5, "a"), (6.5, 11, "b"), (12.5, 17, "c")], []),
    "before a comma": ([(0, 5, "a"), (5, 10, "b"), (11.6, 13, ",")], []),
    "between digits": ([(0, 5, "1"), (5, 10, "2"), (11.6, 16, "3")], []),
    "too narrow to be a space": ([(0, 5, "a"), (5, 10, "b"), (11.4, 16, "c")], []),
    "before a combining mark": ([(0, 5, "a"), (5, 10, "b"), (11.6, 16, "\u0301")], []),
}


@pytest.mark.parametrize(("letters", "cuts"), CUTS.values(), ids=CUTS.keys())
def test_where_a_lost_space_is_cut(letters: list[tuple[float, float, str]],
                                   cuts: list[int]) -> None:
    assert lost_space_cuts(letters, 10.0) == cuts


@pytest.mark.parametrize("engine", ENGINES)
def test_paragraphs_set_with_a_first_line_indent_come_out_one_by_one(engine: str) -> None:
    paragraphs = _texts(_read("indented_paragraphs.pdf", engine), BlockKind.PARAGRAPH)
    assert paragraphs[:3] == [
        "De corporatie heeft in 2022 bij 410 woningen de daken vernieuwd. Daarbij is ook de "
        "isolatie verbeterd, zodat de bewoners in de winter minder stoken.",
        "Bij 120 woningen zijn de kozijnen vervangen. Het werk liep vertraging op doordat de "
        "leverancier het glas niet op tijd kon leveren.",
        "Voor 2023 staan nog 250 woningen op de lijst. De bewoners krijgen een half jaar "
        "vooraf bericht over de planning.",
    ]
    # the second line of a list item stands in as far as an indent: the item stays whole
    assert paragraphs[3].startswith("- Een bewonerscommissie")
    assert paragraphs[3].endswith("per straat.")
    # items marked with an asterisk are items too, one block each
    assert paragraphs[4:] == ["* Bewoners kunnen zich tot 1 juni opgeven.",
                              "* De eerste bijeenkomst is in september."]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_centred_title_of_two_lines_is_no_indent(engine: str) -> None:
    headings = _texts(_read("indented_paragraphs.pdf", engine), BlockKind.HEADING)
    assert headings == ["Onderhoud aan de woningen in het tweede halfjaar"]


@pytest.mark.parametrize("engine", ENGINES)
def test_paragraph_whole_past_a_boxed_notice_at_the_foot_of_the_column(engine: str) -> None:
    paragraphs = _texts(_read("boxed_notice.pdf", engine), BlockKind.PARAGRAPH)
    assert paragraphs == [
        "Het bestuur heeft in het voorjaar alle leden gevraagd wat zij van de nieuwe website "
        "vinden. Van de 4.200 huishoudens vulden er 1.150 de vragenlijst in. De meesten "
        "vinden de site overzichtelijk, maar veel leden missen een agenda van de "
        "bijeenkomsten.",
        "Overnemen van dit verslag is toegestaan met bronvermelding. Uitgave van de "
        "vereniging, verschijnt twee keer per jaar.",
        "Een nieuwe versie van de site gaat in het najaar van 2023 online.",
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_prose_in_the_cells_of_a_drawn_grid_is_no_table(engine: str) -> None:
    doc = _read("framed_prose.pdf", engine)
    assert _texts(doc, BlockKind.TABLE) == []
    paragraphs = _texts(doc, BlockKind.PARAGRAPH)
    assert paragraphs[0].startswith("In het afgelopen jaar is de vereniging gegroeid")
    assert paragraphs[0].endswith("voor hun straat.")
    assert "De contributie blijft 12 euro per jaar." in paragraphs


@pytest.mark.parametrize("engine", ENGINES)
def test_a_comma_in_another_font_a_little_lower_clings_to_its_word(engine: str) -> None:
    assert "Het woord ledenraad, zo zegt de statuut, is het bestuur." in _texts(
        _read("lost_spaces.pdf", engine))


@pytest.mark.parametrize("engine", ENGINES)
def test_a_paragraph_on_ruled_paper_is_no_table(engine: str) -> None:
    doc = _read("ruled_paper.pdf", engine)
    assert _texts(doc, BlockKind.TABLE) == []
    [paragraph] = _texts(doc, BlockKind.PARAGRAPH)
    assert paragraph.startswith("Op de jaarvergadering in maart")
    assert paragraph.endswith("voor het nieuwe jaar.")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_raised_ordinal_letter_keeps_its_paragraph_whole(engine: str) -> None:
    assert _texts(_read("raised_ordinal.pdf", engine), BlockKind.PARAGRAPH) == [
        "De vereniging eindigde in de landelijke ranglijst van huurdersorganisaties dit jaar "
        "op de 3e plaats, na de 5e plaats van een jaar eerder. Het bestuur dankt alle "
        "vrijwilligers voor hun inzet."
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_paragraph_whole_past_a_figure_at_the_head_of_the_next_column(engine: str) -> None:
    paragraphs = _texts(_read("figure_at_column_head.pdf", engine), BlockKind.PARAGRAPH)
    assert paragraphs[1] == (
        "De vereniging telde aan het eind van het jaar ruim 4.200 leden. Dat zijn er bijna "
        "driehonderd meer dan een jaar eerder, vooral doordat veel huurders in de nieuwe "
        "wijken lid werden. Het bestuur wil die groei vasthouden met een campagne in het "
        "najaar.")
