"""Plain-text input: pages, blocks, headings, captions, footnotes, encodings; the seed text."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapportextract.ingest import read_document
from rapportextract.models import BlockKind

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_58a9799dcc4c8c90.txt"

REPORT = (
    "HUURACHTERSTANDEN EN\n"
    "UITZETTINGEN 2023\n"
    "Eind 2022 hadden ruim 121.000 huurders een achterstand bij hun\n"
    "corporatie. Dat waren er ca. 14.000 minder dan het jaar daarvoor.\n"
    "\n"
    "Grafiek 1: Huurders met een achterstand (x 1.000)\n"
    "\n"
    "ONTRUIMINGEN\n"
    "Het aantal ontruimingen bleef met circa 2.300 gelijk.\n"
    "\f"
    "De hulp van gemeenten komt sneller op gang dan vroeger, meldt een ruime meerderheid van de\n"
    "corporaties.2 Zij zien vooral winst bij de vroegsignalering en de huur-\n"
    "achterstand blijft daardoor vaker klein.\n"
    "\n"
    "2 De vraag werd dit jaar voor het eerst gesteld.\n"
)


def _write(tmp_path: Path, text: str, name: str = "monitor.txt", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_form_feed_separates_pages_and_blocks_split_on_blank_lines(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, REPORT))
    assert doc.source_type == "text" and len(doc.pages) == 2
    first = [(b.kind, b.text) for b in doc.pages[0].blocks]
    assert first == [
        (BlockKind.HEADING, "HUURACHTERSTANDEN EN UITZETTINGEN 2023"),
        (
            BlockKind.PARAGRAPH,
            "Eind 2022 hadden ruim 121.000 huurders een achterstand bij hun "
            "corporatie. Dat waren er ca. 14.000 minder dan het jaar daarvoor.",
        ),
        (BlockKind.CAPTION, "Grafiek 1: Huurders met een achterstand (x 1.000)"),
        (BlockKind.HEADING, "ONTRUIMINGEN"),
        (BlockKind.PARAGRAPH, "Het aantal ontruimingen bleef met circa 2.300 gelijk."),
    ]
    assert doc.title == "HUURACHTERSTANDEN EN UITZETTINGEN 2023"
    assert (doc.edition, doc.edition_source) == (2023, "title")
    assert all(b.bbox is None for b in doc.blocks())
    assert all(s.words == [] for s in doc.sentences)


def test_footnote_at_page_end_and_its_marker(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, REPORT))
    page = doc.pages[1]
    body, note = page.blocks
    assert note.kind is BlockKind.FOOTNOTE and note.footnote_refs == ["2"]
    assert note.text == "De vraag werd dit jaar voor het eerst gesteld."
    assert body.footnote_refs == ["2"]
    assert "corporaties. Zij zien" in body.text and "corporaties.2" not in body.text
    assert "huurachterstand blijft" in body.text


def test_no_form_feed_is_one_page(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, REPORT.replace("\f", "")))
    assert len(doc.pages) == 1


def test_non_utf8_read_as_cp1252_with_warning(tmp_path: Path) -> None:
    text = "FINANCIËLE PROBLEMEN 2023\n\nHet gaat om € 171 miljoen aan achterstallige huur.\n"
    path = _write(tmp_path, text, name="oud.txt", encoding="cp1252")
    doc = read_document(path)
    assert "€ 171 miljoen" in doc.text() and "FINANCIËLE" in doc.text()
    assert len(doc.warnings) == 1 and "oud.txt" in doc.warnings[0]
    assert "cp1252" in doc.warnings[0]
    clean = read_document(_write(tmp_path, text, name="nieuw.txt"))
    assert clean.warnings == []


def test_sentences_of_text_input(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, REPORT))
    texts = [s.text for s in doc.sentences]
    assert "Dat waren er ca. 14.000 minder dan het jaar daarvoor." in texts
    ids = [s.id for s in doc.sentences]
    assert ids[:3] == ["p1-b0-s0", "p1-b1-s0", "p1-b1-s1"]
    ontruimingen = next(s for s in doc.sentences if "circa 2.300" in s.text)
    assert ontruimingen.heading == "ONTRUIMINGEN"
    assert all(s.block_kind is not BlockKind.FOOTNOTE for s in doc.sentences)


@pytest.mark.seed
def test_seed_text_reads_sensibly() -> None:
    if not SEED.exists():
        pytest.skip("reference text ../shared/seeds not present")
    doc = read_document(SEED)
    assert (doc.edition, doc.edition_source) == (2024, "title")
    assert doc.title is not None and doc.title.endswith("2024")
    assert len(doc.pages) == 1
    blocks = doc.blocks()
    paragraphs = [b.text for b in blocks if b.kind is BlockKind.PARAGRAPH]
    # hard wraps are joined: no paragraph keeps a line break, each ends its sentence
    assert all("\n" not in p for p in paragraphs)
    assert sum(p.endswith((".", ")")) for p in paragraphs) >= len(paragraphs) - 1
    captions = [b.text for b in blocks if b.kind is BlockKind.CAPTION]
    assert len(captions) == 5 and all(c.startswith("Grafiek") for c in captions)
    headings = [b.text for b in blocks if b.kind is BlockKind.HEADING]
    assert "SAMENGEVAT" in headings and len(headings) >= 15
    notes = [b for b in blocks if b.kind is BlockKind.FOOTNOTE]
    assert any(n.footnote_refs == ["1"] for n in notes)
    marked = [b for b in blocks if b.kind is BlockKind.PARAGRAPH and b.footnote_refs == ["1"]]
    assert len(marked) == 1 and marked[0].text.endswith("corporatiesector.")
    # a paragraph that continues across a page start stays whole; URLs are not prose
    assert not any(s.text.startswith("http") for s in doc.sentences)
    assert any("€ 164 miljoen" in s.text for s in doc.sentences)
    assert any("117.000" in s.text and s.text.endswith(".") for s in doc.sentences)
    assert "energie- of budgetcoach" in doc.text()


def test_several_footnotes_at_a_page_end(tmp_path: Path) -> None:
    text = (
        "HUURSCHULDEN 2023\n\n"
        "Het aantal regelingen steeg.1 Ook het aantal verzoeken nam toe.2\n\n"
        "1 Gemeten over het hele jaar.\n"
        "2 Alleen verzoeken die schriftelijk zijn gedaan.\n"
        "\f"
        "9 van de 10 corporaties belt binnen een week.\n"
    )
    doc = read_document(_write(tmp_path, text))
    first = doc.pages[0].blocks
    notes = [b for b in first if b.kind is BlockKind.FOOTNOTE]
    assert [n.footnote_refs for n in notes] == [["1"], ["2"]]
    assert [n.text for n in notes] == ["Gemeten over het hele jaar.",
                                       "Alleen verzoeken die schriftelijk zijn gedaan."]
    body = next(b for b in first if b.kind is BlockKind.PARAGRAPH)
    assert body.text == "Het aantal regelingen steeg. Ook het aantal verzoeken nam toe."
    assert body.footnote_refs == ["1", "2"]
    # a page that starts with a figure is not a footnote
    assert [b.kind for b in doc.pages[1].blocks] == [BlockKind.PARAGRAPH]


def test_running_header_and_page_numbers_of_text_pages(tmp_path: Path) -> None:
    pages = [
        "Corporatiemonitor 2023 | pagina 1\n\nHUURACHTERSTANDEN 2023\n\n"
        "Het aantal huurders met een achterstand daalde.\n\n1\n",
        "Corporatiemonitor 2023 | pagina 2\n\nOok het aantal ontruimingen daalde.\n\n2\n",
        "Corporatiemonitor 2023 | pagina 3\n\nDe vooruitzichten zijn onzeker.\n\n3\n",
    ]
    doc = read_document(_write(tmp_path, "\f".join(pages)))
    for page in doc.pages:
        kinds = [b.kind for b in page.blocks]
        assert kinds[0] is BlockKind.HEADER and kinds[-1] is BlockKind.FOOTER
        assert page.blocks[-1].text == str(page.number)
    text = doc.text()
    assert "Corporatiemonitor" not in text and "\n1\n" not in text
    assert "Ook het aantal ontruimingen daalde." in text
    assert doc.title == "HUURACHTERSTANDEN 2023" and doc.edition == 2023


def test_list_items_are_blocks_of_their_own(tmp_path: Path) -> None:
    text = (
        "MAATREGELEN 2023\n\n"
        "Corporaties noemen drie maatregelen:\n"
        "• eerder bellen na een gemiste betaling\n"
        "• vaker een huisbezoek\n"
        "- een regeling op maat\n"
    )
    doc = read_document(_write(tmp_path, text))
    texts = [b.text for b in doc.blocks()]
    assert texts[1:] == ["Corporaties noemen drie maatregelen:",
                         "• eerder bellen na een gemiste betaling", "• vaker een huisbezoek",
                         "- een regeling op maat"]
