"""The table reader on ruled fixture tables and on hand-built grids."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chart_pages import TEST_CATALOGUE, load_pdf
from rapportextract.figures.tables import read_table, table_facts
from rapportextract.models import Document, Fact, Page, TableCell, TableGrid


def _facts() -> list[Fact]:
    return table_facts(load_pdf("table_years.pdf"), TEST_CATALOGUE)


def _row(facts: list[Fact], concept: str) -> dict[str, Decimal]:
    return {f.period: f.value for f in facts if f.concept == concept}


def test_one_fact_per_numeric_cell_with_the_year_of_its_column() -> None:
    facts = _facts()
    assert len(facts) == 24
    assert all(f.source.origin == "table" and f.kind == "level" for f in facts)
    assert _row(facts, "court_judgments_total") == {
        "2020": 7000,
        "2021": 5900,
        "2022": 5300,
        "2023": 5600,
    }
    assert _row(facts, "evictions_total") == {
        "2020": 1720,
        "2021": 1400,
        "2022": 1200,
        "2023": 1200,
    }


def test_caption_scale_applies_to_money_rows() -> None:
    facts = _facts()
    assert _row(facts, "rent_arrears_current_tenants_eur") == {
        "2020": 120_000_000,
        "2021": 98_000_000,
        "2022": 92_000_000,
        "2023": 88_000_000,
    }
    assert all(f.unit == "EUR" for f in facts if f.concept and f.concept.endswith("_eur"))


def test_totals_row_is_a_fact_marked_as_total() -> None:
    totals = [f for f in _facts() if f.source.note == "totals row"]
    assert {f.period: int(f.value) for f in totals} == {
        "2020": 227_000_000,
        "2021": 185_000_000,
        "2022": 173_000_000,
        "2023": 164_000_000,
    }
    assert all(f.concept == "total_rent_arrears_eur" for f in totals)
    assert all(f.subject.endswith("Totaal") for f in totals)


def test_percent_row_keeps_its_decimal_comma_and_unit() -> None:
    shares = _row(_facts(), "share_judgments_leading_to_eviction_pct")
    assert shares == {
        "2020": Decimal("24.6"),
        "2021": Decimal("23.7"),
        "2022": Decimal("22.6"),
        "2023": Decimal("21.4"),
    }


def test_cell_text_and_box_are_the_cell_as_printed() -> None:
    doc = load_pdf("table_years.pdf")
    fact = next(
        f
        for f in table_facts(doc, TEST_CATALOGUE)
        if f.concept == "evictions_total" and f.period == "2020"
    )
    assert fact.source.text == "1.720"
    assert fact.source.sentence.startswith("Tabel 2: Vonnissen en huisuitzettingen")
    assert fact.source.bbox is not None
    word = next(w for w in doc.pages[0].words if w.text == "1.720")
    box = fact.source.bbox
    assert box[0] <= word.bbox[0] and word.bbox[2] <= box[2]
    assert box[1] <= word.bbox[1] and word.bbox[3] <= box[3]


@pytest.mark.parametrize(
    "name",
    [
        "bars_multi_series.pdf",
        "report_one_column.pdf",
        "report_two_columns.pdf",
        "bars_without_labels.pdf",
    ],
)
def test_chart_gridlines_are_no_table(name: str) -> None:
    assert table_facts(load_pdf(name), TEST_CATALOGUE) == []


def _grid(rows: list[list[str]]) -> TableGrid:
    return TableGrid(
        rows=[
            [
                TableCell(text=t, bbox=(10.0 * k, 10.0 * r, 10.0 * k + 10, 10.0 * r + 10))
                for k, t in enumerate(row)
            ]
            for r, row in enumerate(rows)
        ]
    )


def test_years_down_the_first_column() -> None:
    grid = _grid(
        [
            ["Jaar", "Vonnissen", "Huisuitzettingen"],
            ["2021", "5.900", "1.400"],
            ["2022", "5.300", "1.200"],
        ]
    )
    figures = read_table(grid)
    got = {(f.row_label, f.period): f.value for f in figures}
    assert got == {
        ("Vonnissen", "2021"): 5900,
        ("Vonnissen", "2022"): 5300,
        ("Huisuitzettingen", "2021"): 1400,
        ("Huisuitzettingen", "2022"): 1200,
    }
    # The box is the box of the cell the number stands in.
    cell = next(f for f in figures if f.row_label == "Huisuitzettingen" and f.period == "2022")
    assert cell.bbox == (20.0, 20.0, 30.0, 30.0)


def test_starred_year_in_the_header_is_still_that_year() -> None:
    grid = _grid([["", "2022", "2023*"], ["Huisuitzettingen", "1.200", "1.250"]])
    assert [(f.period, f.value) for f in read_table(grid)] == [
        ("2022", Decimal(1200)), ("2023", Decimal(1250))]


def test_grid_without_years_is_no_table_of_figures() -> None:
    grid = _grid([["Reden", "Aandeel"], ["Huurachterstand", "50%"], ["Overlast", "21%"]])
    assert read_table(grid) == []


def test_empty_and_dash_cells_are_skipped() -> None:
    grid = _grid([["", "2022", "2023"], ["Vonnissen", "-", "5.600"], ["", "", ""]])
    figures = read_table(grid)
    assert [(f.period, f.value) for f in figures] == [("2023", Decimal(5600))]


def test_table_without_caption_uses_the_row_label_as_sentence() -> None:
    grid = _grid([["", "2022", "2023"], ["Huisuitzettingen", "1.200", "1.200"]])
    doc = Document(
        path="t.pdf",
        name="t.pdf",
        sha256="1" * 64,
        source_type="pdf",
        edition=2024,
        pages=[Page(number=1, tables=[grid])],
    )
    facts = table_facts(doc, TEST_CATALOGUE)
    assert [(f.period, int(f.value), f.unit, f.concept) for f in facts] == [
        ("2022", 1200, "count", "evictions_total"),
        ("2023", 1200, "count", "evictions_total"),
    ]
    assert facts[0].source.sentence == "Huisuitzettingen"


def test_row_label_names_its_own_unit_and_scale() -> None:
    grid = _grid(
        [
            ["", "2022", "2023"],
            ["Totale huurachterstand (x miljoen euro)", "173", "164"],
            ["Huurders met achterstand (x 1.000)", "135", "117"],
            ["Huisuitzettingen (aantal)", "1.200", "1.200"],
        ]
    )
    doc = Document(
        path="t.pdf",
        name="t.pdf",
        sha256="3" * 64,
        source_type="pdf",
        edition=2024,
        pages=[Page(number=1, tables=[grid])],
    )
    got = {(f.source.text, f.period): (int(f.value), f.unit) for f in table_facts(doc)}
    assert got == {
        ("173", "2022"): (173_000_000, "EUR"),
        ("164", "2023"): (164_000_000, "EUR"),
        ("135", "2022"): (135_000, "count"),
        ("117", "2023"): (117_000, "count"),
        ("1.200", "2022"): (1200, "count"),
        ("1.200", "2023"): (1200, "count"),
    }


def _one_page(grid: TableGrid) -> Document:
    return Document(path="t.pdf", name="t.pdf", sha256="4" * 64, source_type="pdf",
                    edition=2024, pages=[Page(number=1, tables=[grid])])


@pytest.mark.parametrize(
    ("head", "scale"),
    [
        pytest.param("Bedragen x € 1.000", 1000, id="bedragen-x-euro-1000"),
        pytest.param("(in € 1.000)", 1000, id="in-euro-1000-bracketed"),
        pytest.param("bedragen x € 1 miljoen", 1_000_000, id="x-euro-1-miljoen"),
    ],
)
def test_multiplier_in_the_head_row_scales_the_amounts(head: str, scale: int) -> None:
    grid = _grid([[head, "2023", "2022"], ["Onderhoudslasten", "5.026", "4.871"]])
    got = {f.period: (int(f.value), f.unit) for f in table_facts(_one_page(grid))}
    assert got == {"2023": (5026 * scale, "EUR"), "2022": (4871 * scale, "EUR")}


def test_row_label_multiplier_with_a_currency_sign() -> None:
    grid = _grid([["", "2023", "2022"], ["Kosten per woning (in € 1.000)", "14", "13"]])
    got = {f.period: (int(f.value), f.unit) for f in table_facts(_one_page(grid))}
    assert got == {"2023": (14_000, "EUR"), "2022": (13_000, "EUR")}


def test_row_label_measuring_an_amount_is_euro_like_a_text_row() -> None:
    grid = _grid(
        [
            ["(x 1.000)", "2022", "2023"],
            ["Netto huuropbrengst", "48.210", "50.017"],
            ["Huurders met achterstand", "1.310", "1.205"],
            ["Solvabiliteit (%)", "61,2", "63,0"],
        ]
    )
    doc = Document(
        path="t.pdf",
        name="t.pdf",
        sha256="4" * 64,
        source_type="pdf",
        edition=2024,
        pages=[Page(number=1, tables=[grid])],
    )
    got = {(f.source.text, f.period): (f.value, f.unit) for f in table_facts(doc)}
    assert got[("48.210", "2022")] == (Decimal("48210000"), "EUR")
    assert got[("1.310", "2022")] == (Decimal("1310000"), "count")
    assert got[("61,2", "2022")] == (Decimal("61.2"), "percent")
