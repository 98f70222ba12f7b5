"""What a table's columns hold by their heads (`year_labels.year_header`, `column_role`): a
year each, bare ("2023") or with a few words ("Begroting 2023", "Rekening 2023"), a budget
or realised figures, and a variance column right of them ("Verschil"), whose figures are
changes: against the budget (no base period) where the head has a budget column, else
against the earlier year."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rapportextract.figures.tables import read_table, table_facts
from rapportextract.models import Document, Page, TableCell, TableGrid
from rapportextract.year_labels import column_role, year_header


@pytest.mark.parametrize(
    ("head", "years"),
    [
        pytest.param(["Post", "2022", "2023"], {1: "2022", 2: "2023"}, id="bare-years"),
        pytest.param(["Post", "2022", "2023", "Verschil"], {1: "2022", 2: "2023", 3: "2023"},
                     id="bare-years-and-a-variance"),
        pytest.param(["Post", "Begroting 2023", "Rekening 2023", "Afwijking"],
                     {1: "2023", 2: "2023", 3: "2023"}, id="budget-actual-variance"),
        pytest.param(["Post", "Realisatie 2022", "Raming 2024 na wijziging"],
                     {1: "2022", 2: "2024"}, id="years-with-words"),
        pytest.param(["Post", "Verschil", "2022", "2023"], {2: "2022", 3: "2023"},
                     id="a-variance-left-of-the-years-is-no-column"),
        pytest.param(["Post", "Begroting 2023"], None, id="one-year-is-no-head"),
        pytest.param(["Post", "Nota 2021-2024 en 2022", "Stand 2023"], None,
                     id="a-head-with-other-figures-is-no-year-column"),
        pytest.param(["In 2022 en daarna werden in de hele regio meer woningen gebouwd dan",
                      "2023 x"], None, id="a-long-cell-is-no-head"),
    ],
)
def test_year_header(head: list[str], years: dict[int, str] | None) -> None:
    found = year_header([head, ["a", "1", "2", "3"]])
    assert (found[1] if found else None) == years


@pytest.mark.parametrize(
    ("head", "role"),
    [
        ("2023", "actual"),
        ("Rekening 2023", "actual"),
        ("Jaarrekening 2022", "actual"),
        ("Begroting 2023", "budget"),
        ("Primitieve begroting 2023", "budget"),
        ("Meerjarenbegroting 2025", "budget"),
        ("Raming 2024", "budget"),
        ("Begroot", "budget"),
        ("Verschil", "variance"),
        ("Afwijking 2023", "variance"),
    ],
)
def test_column_role(head: str, role: str) -> None:
    assert column_role(head) == role


def _grid(*rows: list[str]) -> TableGrid:
    return TableGrid(rows=[[TableCell(text=c) for c in row] for row in rows])


def _facts(grid: TableGrid) -> list[tuple[str, Decimal, str, str, str | None, bool]]:
    doc = Document(path="t.txt", name="t.txt", sha256="0", source_type="text", edition=2024,
                   pages=[Page(number=1, tables=[grid])])
    return [(f.subject, f.value, f.kind, f.period, f.base_period, bool(f.diagnostics))
            for f in table_facts(doc)]


def test_budget_and_variance_columns_give_levels_and_changes() -> None:
    grid = _grid(["Programma", "Begroting 2023", "Rekening 2023", "Verschil"],
                 ["Jeugdzorg", "820", "905", "85"], ["Saldo", "-410", "-388", "22"])
    assert _facts(grid) == [
        ("Jeugdzorg", Decimal(820), "level", "2023", None, True),  # a budget: diagnostic
        ("Jeugdzorg", Decimal(905), "level", "2023", None, False),
        ("Jeugdzorg", Decimal(85), "change", "2023", None, True),  # against the budget
        ("Saldo", Decimal(-410), "level", "2023", None, True),
        ("Saldo", Decimal(-388), "level", "2023", None, False),  # a negative balance
        ("Saldo", Decimal(22), "change", "2023", None, True),
    ]


def test_variance_between_two_years_is_a_change_on_the_earlier_year() -> None:
    grid = _grid(["Aanvragen", "2022", "2023", "Verschil"], ["toegekend", "64", "71", "7"])
    assert _facts(grid)[-1] == ("toegekend", Decimal(7), "change", "2023", "2022", True)


def test_saldo_row_of_a_multi_year_budget_keeps_its_signs_and_years() -> None:
    grid = _grid(["Meerjarenraming", "2025", "2026", "2027"],
                 ["Baten", "3.100", "3.150", "3.220"], ["Saldo", "-95", "12", "-4"])
    figures = read_table(grid)
    assert [(f.row_label, f.period, f.value) for f in figures if f.row_label == "Saldo"] == [
        ("Saldo", "2025", Decimal(-95)), ("Saldo", "2026", Decimal(12)),
        ("Saldo", "2027", Decimal(-4))]


def test_a_year_over_two_sub_columns() -> None:
    grid = _grid(["", "2022", "", "2023", ""], ["", "aantal", "bedrag", "aantal", "bedrag"],
                 ["huurders", "12", "€ 3.000", "14", "€ 3.500"])
    got = [(f.row_label, f.period, f.value, f.unit) for f in read_table(grid)]
    assert got == [
        ("huurders, aantal", "2022", Decimal(12), "count"),
        ("huurders, bedrag", "2022", Decimal(3000), "EUR"),
        ("huurders, aantal", "2023", Decimal(14), "count"),
        ("huurders, bedrag", "2023", Decimal(3500), "EUR"),
    ]


def test_sub_heads_without_a_spanning_year_change_nothing() -> None:
    grid = _grid(["", "2022", "2023"], ["", "aantal", "aantal"], ["huurders", "12", "14"])
    assert [(f.row_label, f.period) for f in read_table(grid)] == [
        ("huurders", "2022"), ("huurders", "2023")]


def test_each_year_repeated_over_its_sub_columns() -> None:
    grid = _grid(["", "2022", "2022", "2023", "2023"],
                 ["Bijzondere bijstand", "Aantal", "Bedrag in €", "Aantal", "Bedrag in €"],
                 ["toegekend", "41", "18.250", "37", "16.900"])
    got = [(f.row_label, f.period, f.value, f.unit) for f in read_table(grid)]
    assert got == [
        ("toegekend, Aantal", "2022", Decimal(41), "count"),
        ("toegekend, Bedrag in €", "2022", Decimal(18250), "EUR"),
        ("toegekend, Aantal", "2023", Decimal(37), "count"),
        ("toegekend, Bedrag in €", "2023", Decimal(16900), "EUR"),
    ]
