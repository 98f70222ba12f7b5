"""Table grids and the drawn rules around them: tables drawn with horizontal rules only, and
"tables" the ruling finder made of a bar chart's bars."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from itertools import pairwise

from rapportextract.layout.regions import _inside, _near, graphic_boxes
from rapportextract.layout.rows import _rows, _word_size
from rapportextract.models import (
    BBox,
    Page,
    TableCell,
    TableGrid,
    Word,
    union_bbox,
)


def _horizontal_rules(page: Page) -> list[BBox]:
    rules: list[BBox] = []
    for box in graphic_boxes(page):
        if box[3] - box[1] <= 2.0 and box[2] - box[0] >= 80:
            rules.append(box)
    return rules


def rule_tables(page: Page, words: Sequence[Word]) -> list[TableGrid]:
    """Tables drawn with horizontal rules only (no vertical lines), which line-based table
    finders miss: three or more rules of the same width stacked close together, with text
    between every pair and no filled bars (chart gridlines look the same, bars between)."""
    rules = sorted(_horizontal_rules(page), key=lambda b: b[1])
    groups: list[list[BBox]] = []
    for rule in rules:
        for group in groups:
            last = group[-1]
            if (
                abs(rule[0] - last[0]) <= 3 and abs(rule[2] - last[2]) <= 3
                and 0 < rule[1] - last[1] <= 45
            ):
                group.append(rule)
                break
        else:
            groups.append([rule])
    tables: list[TableGrid] = []
    for group in groups:
        if len(group) < 3:
            continue
        region: BBox = (group[0][0], group[0][1], group[0][2], group[-1][3])
        bars = [
            r for r in page.rects
            if r.fill is not None and r.bbox[3] - r.bbox[1] > 3 and _inside(r.bbox, region)
        ]
        inside = [w for w in words if _inside(w.bbox, region, 0)]
        slots = list(pairwise(group))
        filled = [any(a[3] <= w.bbox[1] and w.bbox[3] <= b[1] + 1 for w in inside)
                  for a, b in slots]
        if bars or not inside or sum(filled) < 0.75 * len(slots):
            continue
        tables.append(_grid_from_words(region, slots, inside))
    return tables


def _area(box: BBox) -> float:
    return max(box[2] - box[0], 0.0) * max(box[3] - box[1], 0.0)


def _add_rule_tables(page: Page, found: Sequence[TableGrid]) -> None:
    """A ruled grid that covers the whole rule table stays; a grid that covers only part of
    it (the few cells that happen to have vertical lines) gives way."""
    for table in found:
        assert table.bbox is not None
        overlapping = [t for t in page.tables if t.bbox and _near(t.bbox, table.bbox, 0)]
        if any(_area(t.bbox) >= 0.9 * _area(table.bbox) for t in overlapping if t.bbox):
            continue
        page.tables = [t for t in page.tables if t not in overlapping]
        page.tables.append(table)


def _grid_from_words(region: BBox, slots: Sequence[tuple[BBox, BBox]],
                     words: Sequence[Word]) -> TableGrid:
    size = statistics.median(_word_size(w) for w in words)
    spans: list[list[float]] = []
    for w in sorted(words, key=lambda w: w.bbox[0]):
        if spans and w.bbox[0] - spans[-1][1] < 0.8 * size:
            spans[-1][1] = max(spans[-1][1], w.bbox[2])
        else:
            spans.append([w.bbox[0], w.bbox[2]])
    rows: list[list[TableCell | None]] = []
    for a, b in slots:
        in_slot = [w for w in words if a[3] <= (w.bbox[1] + w.bbox[3]) / 2 <= b[1]]
        for line in _rows(in_slot):
            cells: list[TableCell | None] = []
            for x0, x1 in spans:
                cell_words = [w for w in line if x0 - 0.5 <= w.bbox[0] and w.bbox[2] <= x1 + 0.5]
                cells.append(TableCell(
                    text=" ".join(w.text for w in cell_words),
                    bbox=union_bbox([w.bbox for w in cell_words]),
                ))
            rows.append(cells)
    return TableGrid(bbox=region, rows=rows)


def _bar_grid(table: TableGrid, page: Page) -> bool:
    """A "table" the ruling finder made of a bar chart's bars (their edges are its lines,
    the values printed inside are its cells): filled boxes inside it stand on one baseline
    and end at different heights. Shaded table rows end at the same height."""
    if table.bbox is None:
        return False
    width = table.bbox[2] - table.bbox[0]
    bars = [
        r.bbox for r in page.rects
        if r.fill is not None and _inside(r.bbox, table.bbox, 2)
        and r.bbox[2] - r.bbox[0] < 0.5 * width and r.bbox[3] - r.bbox[1] > 3
    ]
    if len(bars) < 2:
        return False
    base = statistics.median(b[3] for b in bars)
    standing = [b for b in bars if abs(b[3] - base) <= 1.5]
    return len(standing) >= 2 and max(b[1] for b in standing) - min(b[1] for b in standing) > 2
