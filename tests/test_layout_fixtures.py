"""Reading order and block kinds on the layout fixture PDFs (fixtures/layout/)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from rapportextract.ingest import read_document
from rapportextract.models import BlockKind, Document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"


def _generator() -> ModuleType:
    name = "make_layout_pdfs"
    spec = importlib.util.spec_from_file_location(name, FIXTURES / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


GEN = _generator()


def _read(name: str) -> Document:
    return read_document(FIXTURES / name, edition=2023)


def _kinds(doc: Document, kind: BlockKind) -> list[str]:
    return [b.text for b in doc.blocks() if b.kind is kind]


def _prose(doc: Document) -> str:
    return " ".join(s.text for s in doc.sentences)


def test_one_column_blocks_in_order() -> None:
    doc = _read("one_column.pdf")
    kinds = [b.kind for b in doc.blocks()]
    assert kinds == [BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.HEADING,
                     BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    assert doc.title == "Huurachterstanden bij corporaties 2023"
    assert all(b.column is None for b in doc.blocks())


def test_one_column_line_break_hyphenation_repaired() -> None:
    doc = _read("one_column.pdf")
    raw = [w.text for w in doc.pages[0].words]
    assert "huur-" in raw and "schuldhulp-" in raw and "betaal-" in raw  # the PDF breaks them
    text = doc.text()
    assert "huurachterstand" in text and "schuldhulpverlening" in text and "betaalden" in text
    assert "huur-" not in text and "huur achterstand" not in text
    # real hyphens stay: a suspended compound and a compound place name
    assert "energie- of budgetcoach" in text
    assert "Noord-Holland" in text and "Zuid-Holland" in text


def test_two_columns_every_paragraph_whole_and_in_order() -> None:
    doc = _read("two_columns.pdf")
    paragraphs = _kinds(doc, BlockKind.PARAGRAPH)
    expected = list(GEN.TWO_COLUMN_PARAGRAPHS)
    found = [p for p in paragraphs if p in expected]
    assert found == expected, "every body paragraph whole, left column before right"


def test_two_columns_title_band_then_intro_then_columns() -> None:
    doc = _read("two_columns.pdf")
    blocks = doc.blocks()
    assert blocks[0].kind is BlockKind.HEADING
    assert blocks[0].text == "HUURACHTERSTANDEN EN UITZETTINGEN 2023"
    intro = next(b for b in blocks if b.text.startswith("Deze monitor"))
    assert intro.column is None and intro.text.endswith("hebben ingevuld.")
    headings = _kinds(doc, BlockKind.HEADING)
    assert headings[1:] == ["Minder huurders met achterstand", "Uitzettingen", "Vooruitblik"]
    columns = {b.text[:20]: b.column for b in blocks if b.kind is BlockKind.HEADING}
    assert columns["Minder huurders met "] == 0 and columns["Vooruitblik"] == 1
    assert doc.edition == 2023


def test_running_header_footer_and_page_numbers_kept_out_of_text() -> None:
    doc = read_document(FIXTURES / "running_header_footer.pdf")
    assert len(doc.pages) == 3
    text = doc.text()
    assert GEN.RUNNING_HEADER not in text and GEN.RUNNING_FOOTER not in text
    for page in doc.pages:
        headers = [b.text for b in page.blocks if b.kind is BlockKind.HEADER]
        footers = [b.text for b in page.blocks if b.kind is BlockKind.FOOTER]
        assert headers == [GEN.RUNNING_HEADER]
        assert footers == [GEN.RUNNING_FOOTER, str(page.number)]
    for heading, paragraphs in GEN.RUNNING_PAGES:
        assert heading in text
        for paragraph in paragraphs:
            assert paragraph in text
    # the edition comes from the first lines of page 1 (the running header here)
    assert doc.edition == 2023


def test_footnote_marker_linked_and_out_of_the_sentence() -> None:
    doc = _read("footnote.pdf")
    body = next(b for b in doc.blocks() if b.text.startswith("De uitkomsten"))
    notes = [b for b in doc.blocks() if b.kind is BlockKind.FOOTNOTE]
    assert body.footnote_refs == ["1"]
    assert len(notes) == 1 and notes[0].footnote_refs == ["1"]
    assert notes[0].text == GEN.FOOTNOTE_TEXT.removeprefix("1 ")
    sentence = next(s for s in doc.sentences if "doorgerekend" in s.text)
    assert sentence.text == "De uitkomsten zijn doorgerekend naar alle corporaties in Nederland."
    assert "Nederland.1" not in doc.text()
    assert all(s.block_kind is not BlockKind.FOOTNOTE for s in doc.sentences)
    marker = [w for w in doc.pages[0].words if w.text == "1" and (w.size or 0) < 8]
    assert marker, "the raised marker is still among the page words"


def test_bar_chart_is_a_region_inside_the_right_column() -> None:
    doc = _read("bar_chart.pdf")
    charts = [b for b in doc.blocks() if b.kind is BlockKind.CHART]
    assert len(charts) == 1
    chart = charts[0]
    assert chart.column == 1 and chart.bbox is not None
    for category, label, _ in GEN.CHART_BARS:
        assert category in chart.text and label in chart.text
    caption = next(b for b in doc.blocks() if b.kind is BlockKind.CAPTION)
    assert caption.text == "Grafiek 1: Huurders met een betalingsachterstand (x 1.000)"
    assert caption.column == 1
    order = [b.kind for b in doc.blocks()]
    assert order.index(BlockKind.CAPTION) + 1 == order.index(BlockKind.CHART)
    prose = _prose(doc)
    assert "135" not in prose and "129" not in prose and "2019" not in prose
    assert "135" not in doc.text()
    paragraphs = _kinds(doc, BlockKind.PARAGRAPH)
    assert paragraphs == [*GEN.CHART_LEFT, GEN.CHART_RIGHT_AFTER]


def test_table_region_and_grid() -> None:
    doc = _read("table.pdf")
    tables = [b for b in doc.blocks() if b.kind is BlockKind.TABLE]
    assert len(tables) == 1
    grid = doc.pages[0].tables[0]
    assert grid.block_id == tables[0].id
    cells = [[c.text if c else None for c in row] for row in grid.rows]
    assert cells == GEN.TABLE_ROWS
    assert "11.200" not in _prose(doc)
    kinds = [b.kind for b in doc.blocks()]
    assert kinds == [BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.CAPTION,
                     BlockKind.TABLE, BlockKind.PARAGRAPH]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.pdf")))
def test_every_page_word_has_a_box_and_sentences_map_to_boxes(name: str) -> None:
    doc = _read(name)
    assert doc.source_type == "pdf" and len(doc.sha256) == 64
    for page in doc.pages:
        assert page.width and page.height and page.words
    for sentence in doc.sentences:
        box = sentence.bbox_of(0, len(sentence.text))
        assert box is not None, sentence.text
        words = sentence.text.split()
        assert len(sentence.words) >= len(words) - 1


def test_block_ids_are_stable_and_in_reading_order() -> None:
    first = _read("two_columns.pdf")
    second = _read("two_columns.pdf")
    assert [b.id for b in first.blocks()] == [f"p1-b{i}" for i in range(len(first.blocks()))]
    assert [s.id for s in first.sentences] == [s.id for s in second.sentences]


def test_hard_layout_justified_columns_text_box_logo_and_body_size_marker() -> None:
    doc = _read("hard_layout.pdf")
    paragraphs = _kinds(doc, BlockKind.PARAGRAPH)
    right = GEN.HARD_RIGHT[0].replace("^^2", "")
    assert paragraphs == [*GEN.HARD_LEFT, right, GEN.HARD_BOX]
    # the framed box is prose and the curves of the logo are not a chart
    assert not [b for b in doc.blocks() if b.kind is BlockKind.CHART]
    body = next(b for b in doc.blocks() if b.text == right)
    assert body.footnote_refs == ["2"] and body.column == 1
    (note,) = [b for b in doc.blocks() if b.kind is BlockKind.FOOTNOTE]
    assert note.footnote_refs == ["2"] and note.text == GEN.HARD_FOOTNOTE.removeprefix("2 ")
    assert _kinds(doc, BlockKind.FOOTER) == ["7"] and "7" not in doc.text().split()


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.pdf")))
def test_no_word_of_a_fixture_is_lost(name: str) -> None:
    doc = _read(name)
    for page in doc.pages:
        placed = {(w.text, w.bbox) for b in page.blocks for line in b.lines for w in line.words}
        tables = [t.bbox for t in page.tables if t.bbox]
        for word in page.words:
            in_table = any(t[0] <= word.bbox[0] and word.bbox[2] <= t[2]
                           and t[1] <= word.bbox[1] and word.bbox[3] <= t[3] for t in tables)
            assert (word.text, word.bbox) in placed or in_table, word.text


def test_horizontal_bar_chart_keeps_long_category_names_and_axis_title() -> None:
    doc = _read("hbar_chart.pdf")
    (chart,) = [b for b in doc.blocks() if b.kind is BlockKind.CHART]
    for name, label, _ in GEN.HBAR_ROWS:
        assert f"{name} {label}" in chart.text
    assert GEN.HBAR_AXIS_TITLE in chart.text
    assert "0 20 40 60" in chart.text  # the last tick sits under a gridline apart from the bars
    assert _kinds(doc, BlockKind.PARAGRAPH) == [GEN.HBAR_BEFORE, GEN.HBAR_AFTER]
    prose = _prose(doc)
    assert "Woonfraude" not in prose.replace("woonfraude", "") and "52%" not in prose
