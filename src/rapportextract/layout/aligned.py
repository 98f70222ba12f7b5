"""Tables set without rules, found by their alignment alone."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from rapportextract.lang.nl.words import layout_words
from rapportextract.layout.params import LAYOUT, LayoutParams
from rapportextract.layout.rows import Frag
from rapportextract.models import (
    TableCell,
    TableGrid,
    union_bbox,
)

_YEAR_CELL = regex.compile(r"^(?:19|20)\d{2}\*{0,2}$")


def _is_cell(text: str) -> bool:
    """A table cell: one figure, or a mark for a missing one (`layout.toml`)."""
    return bool(FIGURE.match(text)) or text.lower() in layout_words().missing_cells


def _baseline_rows(frags: Sequence[Frag], params: LayoutParams = LAYOUT) -> list[list[Frag]]:
    rows: list[list[Frag]] = []
    for frag in sorted(frags, key=lambda f: (f.bottom, f.x0)):
        if rows and abs(rows[-1][0].bottom - frag.bottom) <= params.row_tolerance * frag.size:
            rows[-1].append(frag)
        else:
            rows.append([frag])
    for row in rows:
        row.sort(key=lambda f: f.x0)
    return rows


def _column_of(frag: Frag, columns: Sequence[Frag], params: LayoutParams = LAYOUT) -> int | None:
    """The year column a figure stands in: right-aligned, centred or left-aligned under it."""
    reach = params.align_reach * frag.size
    for k, col in enumerate(columns):
        centre, col_centre = (frag.x0 + frag.x1) / 2, (col.x0 + col.x1) / 2
        if (
            abs(frag.x1 - col.x1) <= reach or abs(centre - col_centre) <= reach
            or abs(frag.x0 - col.x0) <= reach
        ):
            return k
    return None


def aligned_tables(
    frags: Sequence[Frag], params: LayoutParams = LAYOUT
) -> list[tuple[TableGrid, set[int]]]:
    """Tables set without any rule, found by their alignment alone (nothing drawn marks them):

    - a header row of years (after an optional label), then rows of a label and figures that
      stand under the years;
    - or a header row of short column names, then rows that start with a year and have
      figures under the names (the same table turned a quarter).

    Returns each grid with the ids of the fragments it takes."""
    rows = _baseline_rows([f for f in frags if f.kind is None], params)
    found: list[tuple[TableGrid, set[int]]] = []
    i = 0
    while i < len(rows):
        header = _table_header(rows[i], rows[i + 1] if i + 1 < len(rows) else [], params)
        if header is None:
            i += 1
            continue
        corner, columns, year_rows = header
        head: list[TableCell | None] = [
            TableCell(text=corner.text if corner else "", bbox=corner.bbox if corner else None)
        ]
        head += [TableCell(text=c.text, bbox=c.bbox) for c in columns]
        grid_rows = [head]
        members = {id(f) for f in rows[i]}
        last = rows[i]
        j = i + 1
        while j < len(rows):
            cells = _table_row(rows[j], last, columns, year_rows, params)
            if cells is None:
                break
            grid_rows.append(cells)
            members.update(id(f) for f in rows[j])
            last = rows[j]
            j += 1
        if len(grid_rows) >= (3 if year_rows else 2):
            taken = [f for r in rows[i:j] for f in r]
            found.append((TableGrid(bbox=union_bbox([f.bbox for f in taken]), rows=grid_rows),
                          members))
            i = j
        else:
            i += 1
    return found


def _table_header(
    row: list[Frag], below: list[Frag], params: LayoutParams = LAYOUT
) -> tuple[Frag | None, list[Frag], bool] | None:
    """The corner label, the column heads and whether the rows are years; None for no header.
    """
    years = [f for f in row if _YEAR_CELL.match(f.text)]
    labels = [f for f in row if not _YEAR_CELL.match(f.text)]
    if len(years) >= 2 and (not labels or (len(labels) == 1 and labels[0].x1 < years[0].x0)):
        return (labels[0] if labels else None), years, False
    # Column names over figures, the rows named by years: the year of the row below stands
    # left of every name.
    if (
        len(row) >= 2 and not years and below and _YEAR_CELL.match(below[0].text)
        and below[0].x1 < row[0].x0 - 2
        and all(len(f.body_words) <= params.name_words and not _is_cell(f.text) for f in row)
    ):
        return None, list(row), True
    return None


def _table_row(
    row: list[Frag], last: list[Frag], columns: Sequence[Frag], year_rows: bool,
    params: LayoutParams = LAYOUT,
) -> list[TableCell | None] | None:
    """One row of a rule-less table: its label and a figure under each column it fills;
    None where the row is no part of the table."""
    size = max(f.size for f in row)
    if min(f.top for f in row) - max(f.bottom for f in last) > params.table_row_gap * size:
        return None
    edge = min(c.x0 for c in columns) - 2
    label_frags = [f for f in row if f.x1 < edge]
    values = [f for f in row if f.x1 >= edge]
    label = " ".join(f.text for f in label_frags)
    if year_rows and not _YEAR_CELL.match(label):
        return None
    placed: dict[int, Frag] = {}
    for value in values:
        k = _column_of(value, columns, params)
        if k is None or k in placed or not _is_cell(value.text):
            return None
        placed[k] = value
    if len(placed) < min(2, len(columns)):
        return None
    cells: list[TableCell | None] = [
        TableCell(text=label, bbox=union_bbox([f.bbox for f in label_frags]))
    ]
    cells += [
        TableCell(text=placed[k].text, bbox=placed[k].bbox) if k in placed
        else TableCell(text="")
        for k in range(len(columns))
    ]
    return cells


FIGURE = regex.compile(r"^[€+\-−–]?\s?(?:\d{1,3}(?: \d{3})+|\d[\d.,]*)(?:,\d+)?\s?%?$")
"""A data label: one figure ("1.720", "1 720", "84,5"), perhaps with a euro or percent
sign."""
