"""Table grids and the drawn rules around them: tables drawn with horizontal rules only, and
"tables" the ruling finder made of a bar chart's bars."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from itertools import pairwise

from rapportextract.layout.geometry import boxes_near, centre_in
from rapportextract.layout.params import LAYOUT, LayoutParams
from rapportextract.layout.regions import graphic_boxes
from rapportextract.layout.rows import word_rows, word_size
from rapportextract.models import (
    BBox,
    Page,
    TableCell,
    TableGrid,
    Word,
    union_bbox,
)


def _horizontal_rules(page: Page, params: LayoutParams = LAYOUT) -> list[BBox]:
    rules: list[BBox] = []
    for box in graphic_boxes(page):
        if box[3] - box[1] <= params.rule_height and box[2] - box[0] >= params.rule_width:
            rules.append(box)
    return rules


def rule_tables(
    page: Page, words: Sequence[Word], params: LayoutParams = LAYOUT
) -> list[TableGrid]:
    """Tables drawn with horizontal rules only (no vertical lines), which line-based table
    finders miss: three or more rules of the same width stacked close together, with text
    between every pair and no filled bars (chart gridlines look the same, bars between)."""
    rules = sorted(_horizontal_rules(page, params), key=lambda b: b[1])
    align = params.rule_align
    groups: list[list[BBox]] = []
    for rule in rules:
        for group in groups:
            last = group[-1]
            if (
                abs(rule[0] - last[0]) <= align and abs(rule[2] - last[2]) <= align
                and 0 < rule[1] - last[1] <= params.rule_spacing
            ):
                group.append(rule)
                break
        else:
            groups.append([rule])
    tables: list[TableGrid] = []
    for group in groups:
        if len(group) < params.table_rules:
            continue
        region: BBox = (group[0][0], group[0][1], group[0][2], group[-1][3])
        bars = [
            r for r in page.rects
            if r.fill is not None and r.bbox[3] - r.bbox[1] > params.bar_height
            and centre_in(r.bbox, region)
        ]
        inside = [w for w in words if centre_in(w.bbox, region, 0)]
        slots = list(pairwise(group))
        filled = [any(a[3] <= w.bbox[1] and w.bbox[3] <= b[1] + 1 for w in inside)
                  for a, b in slots]
        if bars or not inside or sum(filled) < params.filled_share * len(slots):
            continue
        grid = _grid_from_words(region, slots, inside, params)
        if not prose_grid(grid.rows, params):
            tables.append(grid)
    return tables


def prose_grid(rows: Sequence[Sequence[TableCell | None]], params: LayoutParams = LAYOUT) -> bool:
    """Most rows a line of prose alone: one cell of many words, the others empty. Rules
    drawn with a page of text (ruled paper, highlight boxes over the lines) make such grids;
    a table has something beside its text in most rows."""
    lone = 0
    for row in rows:
        texts = [c.text for c in row if c is not None and c.text]
        if len(texts) == 1 and len(texts[0].split()) >= params.prose_line_words:
            lone += 1
    return lone >= params.table_rules and lone >= 0.5 * len(rows)


_CELL_WORDS = 60


def is_text_table(rows: Sequence[Sequence[TableCell | None]]) -> bool:
    """Whether the ruled cells a table finder found are a table. Chart gridlines and bars
    also make ruled cells, but empty ones: a table has at least two rows and two columns, and
    text in most of its cells. Lines of a drawing beside a column of prose make cells too,
    with whole paragraphs in them: no cell of a table holds more than `_CELL_WORDS` words;
    nor is a grid of prose lines a table (`prose_grid`)."""
    cells = [c for row in rows for c in row if c is not None]
    if len(rows) < 2 or max((len(r) for r in rows), default=0) < 2:
        return False
    if any(len(c.text.split()) > _CELL_WORDS for c in cells):
        return False
    return sum(1 for c in cells if c.text) >= 0.5 * len(cells) and not prose_grid(rows)


def _area(box: BBox) -> float:
    return max(box[2] - box[0], 0.0) * max(box[3] - box[1], 0.0)


def add_rule_tables(
    tables: Sequence[TableGrid], found: Sequence[TableGrid], params: LayoutParams = LAYOUT
) -> list[TableGrid]:
    """A ruled grid that covers the whole rule table stays; a grid that covers only part of
    it (the few cells that happen to have vertical lines) gives way."""
    kept = list(tables)
    for table in found:
        assert table.bbox is not None
        overlapping = [t for t in kept if t.bbox and boxes_near(t.bbox, table.bbox, 0)]
        cover = params.grid_cover
        if any(_area(t.bbox) >= cover * _area(table.bbox) for t in overlapping if t.bbox):
            continue
        kept = [t for t in kept if t not in overlapping]
        kept.append(table)
    return kept


def _grid_from_words(region: BBox, slots: Sequence[tuple[BBox, BBox]],
                     words: Sequence[Word], params: LayoutParams = LAYOUT) -> TableGrid:
    size = statistics.median(word_size(w) for w in words)
    spans: list[list[float]] = []
    for w in sorted(words, key=lambda w: w.bbox[0]):
        if spans and w.bbox[0] - spans[-1][1] < params.cell_gap * size:
            spans[-1][1] = max(spans[-1][1], w.bbox[2])
        else:
            spans.append([w.bbox[0], w.bbox[2]])
    rows: list[list[TableCell | None]] = []
    for a, b in slots:
        in_slot = [w for w in words if a[3] <= (w.bbox[1] + w.bbox[3]) / 2 <= b[1]]
        for line in word_rows(in_slot, params):
            cells: list[TableCell | None] = []
            for x0, x1 in spans:
                cell_words = [w for w in line if x0 - 0.5 <= w.bbox[0] and w.bbox[2] <= x1 + 0.5]
                cells.append(TableCell(
                    text=" ".join(w.text for w in cell_words),
                    bbox=union_bbox([w.bbox for w in cell_words]),
                ))
            rows.append(cells)
    return TableGrid(bbox=region, rows=rows)


def bar_grid(table: TableGrid, page: Page, params: LayoutParams = LAYOUT) -> bool:
    """A "table" the ruling finder made of a bar chart's bars (their edges are its lines,
    the values printed inside are its cells): filled boxes inside it stand on one baseline
    and end at different heights. Shaded table rows end at the same height."""
    if table.bbox is None:
        return False
    width = table.bbox[2] - table.bbox[0]
    bars = [
        r.bbox for r in page.rects
        if r.fill is not None and centre_in(r.bbox, table.bbox, params.table_pad)
        and r.bbox[2] - r.bbox[0] < params.bar_share * width
        and r.bbox[3] - r.bbox[1] > params.bar_height
    ]
    if len(bars) < 2:
        return False
    base = statistics.median(b[3] for b in bars)
    standing = [b for b in bars if abs(b[3] - base) <= params.bar_baseline]
    tops = [b[1] for b in standing]
    return len(standing) >= 2 and max(tops) - min(tops) > params.bar_tops
