"""Table rows written with spaces under a header line of years, in a plain-text report whose
lines run into one paragraph: each figure takes its column's year, and the thousands rule for
spaces does not join the cells of a row into one number (`quantities.year_rows`)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from rapportextract.ingest import read_document
from rapportextract.models import BlockKind
from rapportextract.pipeline import extract
from rapportextract.quantities.year_rows import year_row_cells

_ROWS = """Huisuitzettingen 2020 2021 2022 2023
vonnissen 318 276 290 305
uitgevoerd 42 38 51 47
"""


def test_each_row_figure_takes_its_column_year(tmp_path: Path) -> None:
    path = tmp_path / "verslag.txt"
    path.write_text(_ROWS, encoding="utf-8")
    facts = [f for f in extract(path, edition=2024).facts if not f.derived]
    got = [(f.value, f.period) for f in facts]
    assert got == [
        (Decimal(318), "2020"), (Decimal(276), "2021"), (Decimal(290), "2022"),
        (Decimal(305), "2023"),
        (Decimal(42), "2020"), (Decimal(38), "2021"), (Decimal(51), "2022"),
        (Decimal(47), "2023"),
    ]


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        pytest.param("Stand 2021 2022 huurders 310 420", ["310", "420"],
                     id="row-as-wide-as-header"),
        pytest.param("Stand 2021 2022 woningen 310 420 515 630 kamers 12 14",
                     ["310", "420", "515", "630", "12", "14"],
                     id="two-columns-a-year-then-next-row"),
        pytest.param("Stand 2021 2022 2023 totaal 1 310 420 520", ["1", "310", "420", "520"],
                     id="run-too-long-for-one-number"),
        pytest.param("Stand 2021 2022 2023 totaal 12 345 huishoudens", [],
                     id="one-grouped-number-under-years-that-do-not-fit"),
        pytest.param("In 2023 waren er 12 345 huishoudens", [], id="one-year-is-no-header"),
        pytest.param("Stand 2021 2022 (x 1.000) 310 420", [], id="label-with-digits-is-no-row"),
    ],
)
def test_year_row_cells(text: str, cells: list[str]) -> None:
    starts = year_row_cells(text)
    found = sorted(text[s:].split()[0] for s in starts)
    assert found == sorted(cells)


_REPORT = """De stichting hielp weer meer huishoudens met schulden.
Schuldhulp 2021 2022 2023
aanmeldingen 1.204 1.310 1.452
trajecten gestart 640 702 -
Daarna daalde het aantal aanmeldingen in 2024 tot 1.390.
"""


def test_space_rows_under_years_are_a_table_block(tmp_path: Path) -> None:
    path = tmp_path / "verslag.txt"
    path.write_text(_REPORT, encoding="utf-8")
    page = read_document(path, edition=2024).pages[0]
    assert [b.kind for b in page.blocks] == [
        BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    assert [[c.text for c in row if c] for row in page.tables[0].rows] == [
        ["Schuldhulp", "2021", "2022", "2023"],
        ["aanmeldingen", "1.204", "1.310", "1.452"],
        ["trajecten gestart", "640", "702", "-"],
    ]
    facts = [f for f in extract(path, edition=2024).facts if not f.derived]
    got = {(f.subject, f.period): f.value for f in facts if f.source.origin == "table"}
    assert got[("aanmeldingen", "2021")] == Decimal(1204)
    assert got[("aanmeldingen", "2023")] == Decimal(1452)
    assert got[("trajecten gestart", "2022")] == Decimal(702)
    prose = [(f.value, f.period) for f in facts if f.source.origin == "text"]
    assert prose == [(Decimal(1390), "2024")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Het plan liep van 2021 tot 2023.\nIn totaal 12 14 16 woningen.\n",
                     id="years-in-prose-are-no-head"),
        pytest.param("Stand 2021 2022 2023\nwoningen 410 455\n", id="row-narrower-than-head"),
        pytest.param("Stand 2021 2022\n", id="head-without-rows"),
    ],
)
def test_other_lines_stay_prose(tmp_path: Path, text: str) -> None:
    path = tmp_path / "verslag.txt"
    path.write_text(text, encoding="utf-8")
    page = read_document(path, edition=2024).pages[0]
    assert not page.tables
    assert all(b.kind is not BlockKind.TABLE for b in page.blocks)
