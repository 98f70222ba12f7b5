"""Years as the labels of table columns and chart categories ("2023", "2023*"), and a table's
row of them. A module of its own, without imports of the pipeline, so that text ingestion
(`ingest.text_tables`) decides which runs of lines are tables by the very test the table
stage (`figures.tables`) reads them with."""

from __future__ import annotations

import re

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
    columns."""
    for index, row in enumerate(rows[:_HEAD_ROWS]):
        years = {k: year for k, cell in enumerate(row) if (year := year_of(cell)) is not None}
        if len(years) >= 2:
            return index, years
    return None
