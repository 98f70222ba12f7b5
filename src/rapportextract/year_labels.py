"""Years as the labels of table columns and chart categories ("2023", "2023*"), and a table's
row of them. A module of its own, without imports of the pipeline, so that text ingestion
(`ingest.text_tables`) decides which runs of lines are tables by the very test the table
stage (`figures.tables`) reads them with."""

from __future__ import annotations

import re
from typing import Literal

import regex

YEAR = r"(?:19|20)\d{2}"
"""A year of the range tables and charts label columns with."""
YEAR_RUN = rf"{YEAR}(?:[ \t]+{YEAR})+"
"""Two years or more with only spaces between them: a head of columns written as text
("2019 2020 2021"), for text ingestion (`ingest.text_tables`) and for the figure reader
(`quantities.year_rows`) alike."""

# A category label of a year, possibly with a footnote star for a preliminary figure ("2023*").
_YEAR_LABEL = re.compile(rf"^({YEAR})\*{{0,2}}$")

_HEAD_ROWS = 3
"""A table's row of years is one of its first three rows."""


def year_of(label: str) -> str | None:
    """The year a category label names ("2023", "2023*"), or None."""
    match = _YEAR_LABEL.match(label.strip())
    return match[1] if match else None


def year_header(rows: list[list[str]]) -> tuple[int, dict[int, str]] | None:
    """The first of the top three rows that holds two or more years: its index and its year
    columns. Where no row holds two bare years, the first row whose heads each name one year
    with a few words ("Begroting 2023", "Rekening 2023", "Realisatie 2022") is taken, a
    variance column right of them ("Verschil", "Afwijking 2023") included (`column_role`): of
    its own year, else of the latest year of the columns it compares."""
    for read in (year_of, head_year):
        for index, row in enumerate(rows[:_HEAD_ROWS]):
            years = {k: year for k, cell in enumerate(row) if (year := read(cell)) is not None}
            if len(years) >= 2:
                return index, _with_variances(row, years)
    return None


def _with_variances(row: list[str], years: dict[int, str]) -> dict[int, str]:
    """The year columns of a head row and its variance columns right of them ("Verschil"),
    each of the latest year."""
    latest = max(years.values())
    first = min(years)
    for k, cell in enumerate(row):
        if k > first and k not in years and cell.strip() and not regex.search(r"\d", cell) \
                and column_role(cell) == "variance":
            years[k] = latest
    return dict(sorted(years.items()))


_HEAD_YEAR = regex.compile(rf"(?<![\d.,]){YEAR}(?![\d.,])")
_HEAD_WORDS = 6
"""A column's head of a year with words is short: "Begroting 2021 na wijziging"."""


def head_year(cell: str) -> str | None:
    """The one year a column's head names among a few words and no other figure ("2023",
    "Begroting 2023", "Rekening 2023 na wijziging")."""
    years = _HEAD_YEAR.findall(cell)
    if len(years) != 1 or len(cell.split()) > _HEAD_WORDS:
        return None
    if regex.search(r"\d", _HEAD_YEAR.sub("", cell)) or not regex.search(r"\p{L}", cell):
        return None
    return str(years[0])


ColumnRole = Literal["actual", "budget", "variance"]


def column_role(head: str) -> ColumnRole:
    """What a table column of figures holds by its head: a variance ("Verschil", "Afwijking
    2023", first word a variance noun of changes.toml), a budget or estimate ("Begroting
    2023", "Primitieve begroting", "Raming 2024": a word of its budget words, or a compound
    ending in one), or else realised figures ("2023", "Rekening 2023", "Realisatie")."""
    from rapportextract.lang import nl

    words = [w.strip("().,:;*").lower() for w in head.split()]
    words = [w for w in words if w]
    changes = nl.load().changes
    if words and words[0] in {v.lower() for v in changes.variance_nouns}:
        return "variance"
    budget = {b.lower() for b in changes.budget_bases if " " not in b}
    if any(w.endswith(tuple(budget)) for w in words):
        return "budget"
    return "actual"
