"""Tables written in plain text with bars between the cells, as Markdown and many exports of
web pages and spreadsheets write them::

    Kwijtschelding | 2019 | 2020 | 2021
    aantal verzoeken | 164 | 115 | 115

A run of such lines with years in a head row (or a head column) is a table of its own
(`BlockKind.TABLE`, with a `TableGrid` on the page), read by the table stage like a table of a
PDF: each figure takes its column's year. Read as prose, the rows ran into one sentence, and
every figure took one period. Other runs of bars (a single row, a table without years, which
the table stage does not read) stay prose, as before.

Tables written with spaces are a head line of a label and years ("Kwijtschelding 2019 2020
2021") and the lines right under it of a label and as many figures ("aantal verzoeken 164 115
115"); a table block too (`space_table_end`, `space_grid_rows`)."""

from __future__ import annotations

import regex

from rapportextract.models import TableCell, TableGrid
from rapportextract.year_labels import year_header

_RULE_CELL = regex.compile(r"^:?-{3,}:?$")
"""A cell of Markdown's line under the head ("---", ":---:")."""

_MIN_CELLS = 3
"""A table row holds a label and at least two cells: fewer bars is prose ("en/of | ...")."""


def table_cells(line: str) -> list[str] | None:
    """The cells of a text table row, or None for a line that is none. Bars at the start and
    end of the line open and close it; the cells between are stripped."""
    if line.count("|") < 2:
        return None
    inner = line.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    cells = [cell.strip() for cell in inner.split("|")]
    if len(cells) < _MIN_CELLS or sum(1 for c in cells if c) < 2:
        return None
    return cells


def is_rule_row(cells: list[str]) -> bool:
    """Markdown's line under a table's head: only dashes (and colons), no content."""
    return all(_RULE_CELL.match(c) or not c for c in cells) and any(cells)


def is_year_table(lines: list[str]) -> bool:
    """Whether a run of bar rows is a table the table stage reads: two rows or more, and two
    years in one of the first rows, or in one of the first columns."""
    rows = [c for line in lines if (c := table_cells(line)) is not None and not is_rule_row(c)]
    if len(rows) < 2:
        return False
    columns = [[r[k] for r in rows if k < len(r)] for k in range(max(len(r) for r in rows))]
    return year_header(rows) is not None or year_header(columns) is not None


def table_grid(lines: list[str], block_id: str) -> TableGrid:
    """The grid of a run of table rows (rule rows left out), for the table stage."""
    rows: list[list[TableCell | None]] = []
    if lines and table_cells(lines[0]) is None:  # a table written with spaces
        rows = [[TableCell(text=c) for c in cells] for cells in space_grid_rows(lines)]
        return TableGrid(rows=rows, block_id=block_id)
    for line in lines:
        cells = table_cells(line)
        if cells is None or is_rule_row(cells):
            continue
        rows.append([TableCell(text=c) for c in cells])
    return TableGrid(rows=rows, block_id=block_id)


_SPACE_HEAD = regex.compile(
    r"^(?P<label>[^\d|]*?)\s*(?P<years>(?:19|20)\d{2}(?:\s+(?:19|20)\d{2})+)$")
"""A head line of a table written with spaces: a label without digits, then two years or more
("Kwijtschelding 2019 2020 2021")."""

_SPACE_ROW = regex.compile(
    r"^(?P<label>[^\d|]*?\p{L}[^\d|]*?)\s+(?P<cells>(?:[-−–]?\d[\d.,]*%?|[-–])"
    r"(?:\s+(?:[-−–]?\d[\d.,]*%?|[-–]))*)$")
"""A row under it: a label without digits, then figures (or lone dashes) with spaces between."""


def space_head_years(line: str) -> int:
    """The number of years of a table's head line written with spaces, 0 for another line."""
    m = _SPACE_HEAD.match(line)
    return len(m.group("years").split()) if m else 0


def space_row_cells(line: str, columns: int) -> list[str] | None:
    """The cells (label first) of a row written with spaces under `columns` years, or None
    where the line is no such row (not as many figures as years)."""
    m = _SPACE_ROW.match(line)
    if m is None:
        return None
    cells = m.group("cells").split()
    return [m.group("label").strip(), *cells] if len(cells) == columns else None


def space_table_end(lines: list[str], head: int) -> int:
    """The end of a table written with spaces whose head line is `lines[head]`: after its
    last row (`head` itself where no row follows)."""
    columns = space_head_years(lines[head])
    end = head + 1
    if columns >= 2:
        while end < len(lines) and space_row_cells(lines[end], columns) is not None:
            end += 1
    return end if end > head + 1 else head


def space_grid_rows(lines: list[str]) -> list[list[str]]:
    """The cells of a table written with spaces (its head line first)."""
    m = _SPACE_HEAD.match(lines[0])
    assert m is not None
    rows = [[m.group("label").strip(), *m.group("years").split()]]
    for line in lines[1:]:
        cells = space_row_cells(line, len(rows[0]) - 1)
        assert cells is not None
        rows.append(cells)
    return rows
