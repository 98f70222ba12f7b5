"""Tables written in plain text with bars between the cells (`ingest.text_tables`): each
figure takes its column's year, as in a table of a PDF."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from rapportextract.ingest import read_document
from rapportextract.ingest.text_tables import cell_table, is_rule_row, table_cells, unflatten
from rapportextract.models import BlockKind
from rapportextract.pipeline import extract

_REPORT = """Jaarverslag schuldhulp 2024

De gemeente Wieringerwaard ontving weer meer verzoeken om kwijtschelding.

| Kwijtschelding | 2021 | 2022 | 2023 |
|---|---|---|---|
| aantal verzoeken | 212 | 198 | 240 |
| toegekend bedrag | € 31.450 | € 29.800 | € 36.125 |

Het aantal verzoeken steeg in 2023 met 42.
"""


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "jaarverslag.txt"
    path.write_text(_REPORT, encoding="utf-8")
    return path


def test_bar_rows_are_one_table_block_with_a_grid(report: Path) -> None:
    doc = read_document(report, edition=2024)
    page = doc.pages[0]
    kinds = [b.kind for b in page.blocks]
    assert kinds.count(BlockKind.TABLE) == 1
    assert len(page.tables) == 1
    grid = page.tables[0]
    # the rule row under the head is no row of the grid
    assert [[c.text for c in row if c] for row in grid.rows] == [
        ["Kwijtschelding", "2021", "2022", "2023"],
        ["aantal verzoeken", "212", "198", "240"],
        ["toegekend bedrag", "€ 31.450", "€ 29.800", "€ 36.125"],
    ]
    table = next(b for b in page.blocks if b.kind is BlockKind.TABLE)
    assert grid.block_id == table.id
    # the prose around the table stays prose
    assert any(b.kind is BlockKind.PARAGRAPH and "Wieringerwaard" in b.text for b in page.blocks)


def test_each_figure_of_a_bar_table_takes_its_column_year(report: Path) -> None:
    facts = extract(report, edition=2024).facts
    table = [f for f in facts if f.source.origin == "table"]
    got = {(f.subject, f.period): (f.value, f.unit) for f in table}
    assert got[("aantal verzoeken", "2021")] == (Decimal(212), "count")
    assert got[("aantal verzoeken", "2023")] == (Decimal(240), "count")
    assert got[("toegekend bedrag", "2022")] == (Decimal(29800), "EUR")
    assert len(table) == 6
    # no figure of the table is read again as prose, and the sentence after it is
    prose = [f for f in facts if f.source.origin == "text"]
    assert [f.value for f in prose] == [Decimal(42)]


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        pytest.param("| a | 1 | 2 |", ["a", "1", "2"], id="bars-at-both-ends"),
        pytest.param("label | 10 | 20", ["label", "10", "20"], id="no-outer-bars"),
        pytest.param("ja | nee", None, id="one-bar-is-prose"),
        pytest.param("een | | |", None, id="one-filled-cell-is-no-row"),
        pytest.param("B. Zorg | | | |", ["B. Zorg", "", "", ""], id="a-section-row"),
        pytest.param("Geen tabel hier.", None, id="no-bar"),
    ],
)
def test_table_cells(line: str, cells: list[str] | None) -> None:
    assert table_cells(line) == cells


def test_rule_row() -> None:
    assert is_rule_row(["---", ":---:", "---:"])
    assert not is_rule_row(["---", "12"])


@pytest.mark.parametrize(
    ("text", "table"),
    [
        pytest.param("| Jaar | 2022 | 2023 |\n| woningen | 410 | 455 |\n", True,
                     id="years-in-head-row"),
        pytest.param("| | woningen | huurders |\n| 2022 | 410 | 800 |\n| 2023 | 455 | 870 |\n",
                     True, id="years-in-head-column"),
        pytest.param("| Breda | 12 | 14 |\n", False, id="one-row-stays-prose"),
        pytest.param("| Gemeente | woningen | huurders |\n| Breda | 410 | 800 |\n", False,
                     id="no-years-stays-prose"),
    ],
)
def test_only_tables_of_years_become_tables(tmp_path: Path, text: str, table: bool) -> None:
    path = tmp_path / "rijen.txt"
    path.write_text(text, encoding="utf-8")
    page = read_document(path, edition=2024).pages[0]
    assert (len(page.tables) == 1) is table
    assert any(b.kind is BlockKind.TABLE for b in page.blocks) is table


def test_bar_row_without_a_table_keeps_its_figures_as_prose(tmp_path: Path) -> None:
    path = tmp_path / "rij.txt"
    path.write_text("Ontruimingen | Breda | 14 | Tilburg | 9\n", encoding="utf-8")
    values = sorted(f.value for f in extract(path, edition=2024).facts if not f.derived)
    assert values == [Decimal(9), Decimal(14)]


# Tables whose lines a web page, a copy or a scraper ran together, or whose head stands apart
# from its rows: each figure still takes its column's year. Each case: the text, and the
# (value, period) of every figure read from it, in order.
_LAYOUTS = [
    pytest.param("Meldingen | 2020 | 2021 | 2022 | ontvangen | 88 | 93 | 71 |\n",
                 [(88, "2020"), (93, "2021"), (71, "2022")], id="head-and-row-on-one-line"),
    pytest.param("| Meldingen | 2021 | 2022 | ontvangen | 88 | 93 | opgelost | 40 | 52 |\n",
                 [(88, "2021"), (93, "2022"), (40, "2021"), (52, "2022")],
                 id="head-and-two-rows-on-one-line"),
    pytest.param("Meldingen\t2021\t2022\tontvangen\t88\t93\topgelost\t40\t52\n",
                 [(88, "2021"), (93, "2022"), (40, "2021"), (52, "2022")],
                 id="tabs-between-cells"),
    pytest.param("Meldingen  2021  2022  ontvangen  88  93  opgelost  40  52\n",
                 [(88, "2021"), (93, "2022"), (40, "2021"), (52, "2022")],
                 id="runs-of-spaces-between-cells"),
    pytest.param("Meldingen; 2021; 2022; ontvangen; 88; 93; opgelost; 40; 52;\n",
                 [(88, "2021"), (93, "2022"), (40, "2021"), (52, "2022")],
                 id="semicolons-between-cells"),
    pytest.param("Meldingen | 2021 | 2022 | ontvangen | € 1.250 | € 980 |\n",
                 [(1250, "2021"), (980, "2022")], id="amounts-in-cells"),
    pytest.param("Meldingen | 2021 | 2022 | 2023 | ontvangen | 88 | - | 71 |\n",
                 [(88, "2021"), (71, "2023")], id="empty-cell-as-a-dash"),
    pytest.param("Het aantal meldingen was 2021: 88; 2022: 93.\n",
                 [(88, "2021"), (93, "2022")], id="list-of-year-and-figure"),
    pytest.param("| Meldingen | 2021 | 2022 |\n| ontvangen | 88 | 93 | opgelost | 40 | 52 |\n",
                 [(88, "2021"), (93, "2022"), (40, "2021"), (52, "2022")],
                 id="two-rows-on-the-line-under-the-head"),
    pytest.param("Meldingen | 2021 | 2022 | ontvangen | 88 | 93 |\nopgelost | 40 | 52 |\n",
                 [(88, "2021"), (93, "2022"), (40, "2021"), (52, "2022")],
                 id="first-row-on-the-head-line"),
    pytest.param("| 2021 | 2022 | ontvangen | 88 | 93 |\n| opgelost | 40 | 52 |\n",
                 [(88, "2021"), (93, "2022"), (40, "2021"), (52, "2022")],
                 id="head-without-a-label"),
    pytest.param("| Meldingen | 2021 | 2022 |\n\n| ontvangen | 88 | 93 |\n| opgelost | 40 | 52 |\n",
                 [(88, "2021"), (93, "2022"), (40, "2021"), (52, "2022")],
                 id="blank-line-under-a-bar-head"),
    pytest.param("| Meldingen | 2021 | 2022 |\n\n| ontvangen | 88 | 93 |\n\n"
                 "| opgelost | 40 | 52 |\n",
                 [(88, "2021"), (93, "2022"), (40, "2021"), (52, "2022")],
                 id="blank-line-between-every-two-rows"),
    pytest.param("| Meldingen | 2021 | 2022 |\n| ontvangen | 88 | 93 |\n\n| opgelost | 40 | 52 |\n"
                 "\nIn 2023 kwamen er nog 12 bij.\n",
                 [(12, "2023"), (88, "2021"), (93, "2022"), (40, "2021"), (52, "2022")],
                 id="a-row-after-a-blank-line-then-prose"),
    pytest.param("Meldingen 2021 2022\n\nontvangen 88 93\nopgelost 40 52\n",
                 [(88, "2021"), (93, "2022"), (40, "2021"), (52, "2022")],
                 id="blank-line-under-a-space-head"),
    pytest.param("| Subsidie | 2021 | 2022 |\n(bedragen x € 1.000)\n| wijkteams | 12 | 15 |\n",
                 [(12000, "2021"), (15000, "2022")], id="multiplier-note-under-the-head"),
    pytest.param("Subsidie 2021 2022\n\n(bedragen x € 1.000)\n\nwijkteams 12 15\n",
                 [(12000, "2021"), (15000, "2022")], id="note-apart-between-head-and-rows"),
    pytest.param("Jaar | Meldingen | 2021 | 88 | 2022 | 93 |\n",
                 [(88, "2021"), (93, "2022")], id="years-down-the-column-on-one-line"),
    pytest.param("Jaar  Meldingen  2021  88  2022  93  2023  71\n",
                 [(88, "2021"), (93, "2022"), (71, "2023")],
                 id="years-down-the-column-with-spaces"),
    pytest.param("Subsidie\t2021\t2022\naanvragen\t88\t93\nbedrag\t€ 4.100\t€ 3.950\n",
                 [(88, "2021"), (93, "2022"), (4100, "2021"), (3950, "2022")],
                 id="tab-separated-lines-with-amounts"),
    pytest.param("Subsidie    2021    2022\nverleend bedrag    € 4.100    € 3.950\n",
                 [(4100, "2021"), (3950, "2022")], id="aligned-with-spaces-amounts"),
    pytest.param("Jaar;Aanvragen;Toegekend\n2021;88;61\n2022;93;70\n",
                 [(88, "2021"), (93, "2022"), (61, "2021"), (70, "2022")],
                 id="spreadsheet-export-years-down"),
    pytest.param("Subsidie;2021;2022\naanvragen;88;93\n",
                 [(88, "2021"), (93, "2022")], id="spreadsheet-export-years-across"),
    pytest.param("De wijk telde 88 aanvragen; daarvan 61 toegekend; de rest niet.\n",
                 [(88, "2023"), (61, "2023")], id="semicolons-in-prose-are-no-cells"),
    pytest.param("(bedragen x € 1.000) 2022 2021 4. Rentelasten (1.205) (1.390)\n",
                 [(-1205000, "2022"), (-1390000, "2021")],
                 id="negatives-in-brackets-after-a-row-number"),
    pytest.param("Meldingen | 2021 | 2022 | 2023 |\n---|---|---|---|\nA. Wonen | |||\n"
                 "ontvangen | 88 | 93 | 71 |\n",
                 [(88, "2021"), (93, "2022"), (71, "2023")], id="a-section-row-of-one-label"),
    pytest.param("2021 | 2022 | |\nontvangen | 88 | 93 |\nopgelost | 40 | 52 |\n",
                 [(88, "2021"), (93, "2022"), (40, "2021"), (52, "2022")],
                 id="head-without-its-corner-cell"),
    pytest.param("| Meldingen | 2021 | 2022 |\n\nHet aantal steeg in 2022 met 5.\n",
                 [(5, "2022")], id="prose-after-a-head-stays-prose"),
    pytest.param("Stand 2021 2022\n\nDe stichting telde 41 leden.\n",
                 [(41, "2023")], id="figure-in-prose-after-a-head-takes-no-column"),
]


@pytest.mark.parametrize(("text", "want"), _LAYOUTS)
def test_run_together_and_split_tables(tmp_path: Path, text: str,
                                       want: list[tuple[int, str]]) -> None:
    path = tmp_path / "tabel.txt"
    path.write_text(text, encoding="utf-8")
    facts = [f for f in extract(path, edition=2024).facts if not f.derived]
    assert [(f.value, f.period) for f in facts] == [(Decimal(v), p) for v, p in want]


@pytest.mark.parametrize(
    ("rows", "want"),
    [
        pytest.param([["A", "2021", "2022", "b", "1", "2", "c", "3", "4"]],
                     [["A", "2021", "2022"], ["b", "1", "2"], ["c", "3", "4"]],
                     id="head-and-rows"),
        pytest.param([["A", "2021", "2022"], ["b", "1", "2", "c", "3", "4"]],
                     [["A", "2021", "2022"], ["b", "1", "2"], ["c", "3", "4"]],
                     id="rows-run-together"),
        pytest.param([["A", "2021", "2022", "Verschil"], ["b", "1", "2", "1"]],
                     [["A", "2021", "2022", "Verschil"], ["b", "1", "2", "1"]],
                     id="a-column-more-than-years-stays"),
        pytest.param([["A", "2021", "2022"], ["b", "1", "2", "3", "4", "5"]],
                     [["A", "2021", "2022"], ["b", "1", "2", "3", "4", "5"]],
                     id="no-label-in-each-part-stays"),
    ],
)
def test_unflatten(rows: list[list[str]], want: list[list[str]]) -> None:
    assert unflatten(rows) == want


def test_bar_table_with_budget_and_variance_columns(tmp_path: Path) -> None:
    path = tmp_path / "rekening.txt"
    path.write_text("| Programma | Begroting 2023 | Rekening 2023 | Verschil |\n"
                    "|---|---|---|---|\n"
                    "| Sport | 640 | 702 | 62 |\n", encoding="utf-8")
    facts = [f for f in extract(path, edition=2024).facts if not f.derived]
    assert [(f.value, f.kind, f.period, f.base_period, f.source.origin) for f in facts] == [
        (Decimal(640), "level", "2023", None, "table"),
        (Decimal(702), "level", "2023", None, "table"),
        (Decimal(62), "change", "2023", None, "table"),
    ]
    assert "budget column" in facts[0].diagnostics[0]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Meerjarenraming | 2025 | 2026 | 2027 | Saldo | -95 | 12 | -4 |\n",
                     id="bars-on-one-line"),
        pytest.param("Meerjarenraming 2025 2026 2027 Saldo -95 12 -4\n", id="spaces"),
        pytest.param("| Meerjarenraming | 2025 | 2026 | 2027 |\n| Saldo | -95 | 12 | -4 |\n",
                     id="bar-table"),
    ],
)
def test_saldo_row_of_a_multi_year_budget_is_levels_with_their_signs(
        tmp_path: Path, text: str) -> None:
    path = tmp_path / "raming.txt"
    path.write_text(text, encoding="utf-8")
    facts = [f for f in extract(path, edition=2024).facts if not f.derived]
    assert [(f.value, f.kind, f.period) for f in facts] == [
        (Decimal(-95), "level", "2025"), (Decimal(12), "level", "2026"),
        (Decimal(-4), "level", "2027")]


@pytest.mark.parametrize(
    ("text", "subject", "values"),
    [
        pytest.param("Tabel 4 Bijzondere bijstand (bedragen x € 1.000)\n| | 2021 | 2022 |\n"
                     "| toegekend | 31 | 27 |\n", "Bijzondere bijstand: toegekend",
                     [Decimal(31000), Decimal(27000)], id="caption-with-multiplier"),
        pytest.param("(bedragen x € 1.000)\n\n| Bijstand | 2021 | 2022 |\n"
                     "| toegekend | 31 | 27 |\n",
                     "toegekend", [Decimal(31000), Decimal(27000)], id="note-line-above"),
        pytest.param("(x € 1.000)\nTabel 4 Bijzondere bijstand\n| | 2021 | 2022 |\n"
                     "| toegekend | 31 | 27 |\n", "Bijzondere bijstand: toegekend",
                     [Decimal(31000), Decimal(27000)], id="note-above-the-caption"),
        pytest.param("Dit jaar hielpen we 31 gezinnen.\n\n| | 2021 | 2022 |\n"
                     "| toegekend | 31 | 27 |\n", "toegekend", [Decimal(31), Decimal(27)],
                     id="prose-above-is-no-caption"),
    ],
)
def test_caption_of_a_text_table(tmp_path: Path, text: str, subject: str,
                                 values: list[Decimal]) -> None:
    path = tmp_path / "tabel.txt"
    path.write_text(text, encoding="utf-8")
    table = [f for f in extract(path, edition=2024).facts if f.source.origin == "table"]
    assert {f.subject for f in table} == {subject}
    assert [f.value for f in table] == values


_BUDGET = """Meerjarenraming
Bedragen x €1.000
2024 2025 2026 2027
1a Autonome ontwikkelingen (lopend beleid)
Huur sporthal -41
Onderhoud bruggen -120 -125 -130 -135
Saldo -161 -125 -130 -135
2 Nieuw beleid
Jongerenwerk -60 -60 -60 -60
Saldo -60 -60 -60 -60
"""


def test_full_rows_under_a_far_head_line_take_its_years(tmp_path: Path) -> None:
    """A multi-year budget whose lines ran into one paragraph: rows that fill the head line
    of years take its years, whatever section labels (with their numbers) and shorter rows
    stand between; a section number after a row ("... -135 2 Nieuw beleid") is no cell."""
    path = tmp_path / "raming.txt"
    path.write_text(_BUDGET, encoding="utf-8")
    facts = [f for f in extract(path, edition=2024).facts if not f.derived]
    got = [(f.value, f.period) for f in facts]
    years = ["2024", "2025", "2026", "2027"]
    for row in ([-120, -125, -130, -135], [-161, -125, -130, -135], [-60] * 4):
        cells = [(Decimal(v * 1000), y) for v, y in zip(row, years, strict=True)]
        assert any(got[k:k + 4] == cells for k in range(len(got))), row


def _one_a_line(*cells: str, blank: bool = True) -> str:
    return ("\n\n" if blank else "\n").join(cells) + "\n"


@pytest.mark.parametrize("blank", [True, False], ids=["blank-lines", "no-blank-lines"])
def test_table_written_a_cell_a_line(tmp_path: Path, blank: bool) -> None:
    """A web table converted to text a cell a line: heads of years (with words), sub-heads
    for each year's columns, then rows of a label and a figure a column; a section label of
    its own ('Taakveld 2') is no row."""
    text = _one_a_line(
        "De tabel toont de lasten en baten per taakveld.",
        "Taakveld", "Rekening 2022", "Begroting 2023", "Lasten", "Baten", "Lasten", "Baten",
        "Taakveld 1", "Sport", "410", "35", "425", "40", "Cultuur", "220", "18", "230", "20",
        "Daarna volgt de toelichting.", blank=blank)
    path = tmp_path / "lasten.txt"
    path.write_text(text, encoding="utf-8")
    page = read_document(path, edition=2024).pages[0]
    assert [b.kind for b in page.blocks].count(BlockKind.TABLE) == 1
    facts = [f for f in extract(path, edition=2024).facts if f.source.origin == "table"]
    got = [(f.subject, f.period, f.value) for f in facts]
    assert got[:4] == [("Sport, Lasten", "2022", Decimal(410)), ("Sport, Baten", "2022", 35),
                       ("Sport, Lasten", "2023", 425), ("Sport, Baten", "2023", 40)]
    assert len(got) == 8
    assert all("budget column" in f.diagnostics[0] for f in facts if f.period == "2023")


@pytest.mark.parametrize(
    ("cells", "table"),
    [
        pytest.param(["2022", "2023", "aanvragen", "64", "71"],
                     [["", "2022", "2023"], ["aanvragen", "64", "71"]], id="bare-years"),
        pytest.param(["Meldingen", "2022", "2023", "Verschil", "ontvangen", "80", "95", "15"],
                     [["Meldingen", "2022", "2023", "Verschil"], ["ontvangen", "80", "95", "15"]],
                     id="with-a-variance-column"),
        pytest.param(["Stand 2022", "Stand 2023", "woningen"], None, id="no-row"),
        pytest.param(["In 2022", "In 2023", "meldingen", "80"], None, id="a-row-too-short"),
        pytest.param(["Inleiding", "Het jaar 2022 was rustig", "Ook 2023 verliep goed",
                      "Cijfers", "12"], None, id="short-prose-lines"),
    ],
)
def test_cell_table(cells: list[str], table: list[list[str]] | None) -> None:
    found = cell_table(cells)
    assert (found[2] if found else None) == table
