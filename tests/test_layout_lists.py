"""Lists a page sets with no gap between their entries: a block per entry. Fixtures from
fixtures/layout/make_list_pdfs.py."""

from __future__ import annotations

from pathlib import Path

from rapportextract.ingest import read_document
from rapportextract.models import BlockKind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"


def _prose(name: str) -> list[str]:
    doc = read_document(FIXTURES / name, edition=2023, ocr=False)
    return [b.text for b in doc.blocks()
            if b.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.CAPTION)]


def test_names_that_start_in_lower_case_still_make_a_list_of_entries() -> None:
    blocks = _prose("lowercase_name_list.pdf")
    assert blocks[:7] == [
        "Ineke Hoekstra, Woonstichting Zuid",
        "van Dam, Gemeente Assen",
        "Pieter Kuipers, Huurdersbond Oost",
        "de Wit, Stichting Woonlasten",
        "Ria Meijer, Provincie Overijssel",
        "Joost Peters, Hogeschool Windesheim",
        "ten Brink, Wooncorporatie De Veste",
    ]
    # the prose under the list stays one paragraph
    assert len(blocks) == 8
    assert blocks[7].startswith("Het bestuur vergaderde")
    assert blocks[7].endswith("in de regio.")


def test_numbered_notes_with_a_hanging_indent_are_a_block_each() -> None:
    blocks = _prose("hanging_notes.pdf")
    assert [b[:3] for b in blocks[1:]] == ["1) ", "2) ", "3) ", "4) "]
    assert blocks[1].endswith("valt buiten de telling van dit overzicht.")
    assert blocks[2].endswith("onderhoud van de tuin.")
    assert blocks[4].endswith("melding bij het loket.")
    # the paragraph over the notes keeps its second line, which is no outdented item
    assert blocks[0].endswith("met de gemeente.")


def test_a_calendar_set_in_from_its_column_is_a_block_per_date() -> None:
    blocks = _prose("calendar_list.pdf")
    assert blocks[1:7] == [
        "12 jan. – Bewonersavond over de nieuwe huurprijzen in De Schakel",
        # a short entry between two long ones is an entry, not a title over the next
        "3 feb. – Spreekuur",
        # the line set in under an entry's text goes on that entry
        "17 feb. – Rondleiding langs de gerenoveerde flats aan de Esdoornlaan met de "
        "aannemer en de opzichter van de corporatie",
        "9 mrt. – Jaarvergadering, aanvang 19:30 uur – LET OP: ANDERE ZAAL",
        "24 mrt. – Repair Café",
        "6 apr. – Informatieavond zonnepanelen op huurwoningen",
    ]
    assert blocks[0].endswith("lid is van de vereniging.")
    assert blocks[7].startswith("Aanmelden is niet nodig.")
    assert len(blocks) == 8


def test_web_addresses_one_a_line_are_a_block_each_with_their_wrapped_tails() -> None:
    blocks = _prose("url_list.pdf")
    assert blocks[1:] == [
        "https://www.voorbeeldcorporatie.nl/jaarverslag/2023/huurachterstanden.pdf",
        "https://data.voorbeeldgemeente.nl/statistiek/wonen/huishoudens-met-"
        "betalingsproblemen-per-wijk-2023.csv",
        "https://www.voorbeeldbond.nl/nieuws/2024/01/ontruimingen.html",
        "https://open.voorbeeldprovincie.nl/publicaties/monitor/woonlasten/bijlagen/tabellen/"
        " hoofdstuk-3-tabel-2.xlsx",
        "www.voorbeeldloket.nl/schuldhulp/cijfers",
        "Alle adressen zijn geraadpleegd in maart 2024.",
    ]


def test_items_under_a_bullet_item_with_no_gap_or_outdent_are_a_block_each() -> None:
    blocks = _prose("nested_list_items.pdf")
    assert blocks[1:11] == [
        "● Vragen over de huur",
        "○ Via het klantportaal.",
        "○ Telefonisch op werkdagen.",
        "● Reparaties (meldingen)",
        "a. Spoed binnen een dag.",
        "b. Overige binnen een week.",
        "● Klachten (bezwaar)",
        "A. Eerst bij de afdeling.",
        "B. Daarna bij de commissie.",
        "● Betalingsregeling. Bel het team Incasso.",
    ]
    # a paragraph set at the text of an item of one line is no tail of that item, and
    # stays whole over its two lines
    assert blocks[11:] == [
        "Wie een regeling heeft getroffen, krijgt binnen twee weken een bevestiging per post. "
        "De corporatie stuurt geen herinneringen per sms en belt nooit om een betaling te vragen."
    ]
    assert blocks[0].endswith("hangt af van de vraag.")
