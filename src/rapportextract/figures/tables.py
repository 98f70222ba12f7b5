"""Figures printed in tables, read from the raw grids ingestion found (`Page.tables`).

A grid is taken as a table of figures only when it passes our own checks: a header row (or
first column) of years, row labels that are words, and cells that read as Dutch numbers. Each
number becomes one fact with origin "table": concept from the row label via the catalogue,
period from its year, unit and scale from the row label or else the table's caption
("Tabel 1: ... (x miljoen euro)"), else from what the row label measures (an amount noun:
euro). A totals row ("Totaal") is still a fact; its subject says
it is the total.

Grids that lie inside a chart region are the chart's gridlines and bars, not tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rapportextract.figures.charts.captions import (
    Caption,
    find_captions,
    parse_caption,
    unit_and_scale,
)
from rapportextract.figures.charts.read import read_charts_with
from rapportextract.figures.concepts import (
    ConceptMatcher,
    default_catalogue,
    figure_fact_id,
    resolve_concept,
)
from rapportextract.figures.numbers import parse_number
from rapportextract.lang.nl.words import chart_words
from rapportextract.models import BBox, BlockKind, Document, Fact, Page, Source, TableGrid, Unit
from rapportextract.quantities.multipliers import find_multipliers, label_unit
from rapportextract.year_labels import ColumnRole, column_role, year_header

__all__ = ["TableCellFigure", "read_table", "table_facts"]

CONFIDENCE_TABLE = 0.85
# A caption belongs to the grid right below (or, less often, right above) it.
CAPTION_REACH = 60.0


@dataclass
class TableCellFigure:
    """One number of a table with the row and column it stands in."""

    row_label: str
    period: str
    text: str
    value: Decimal
    unit: Unit | None
    scale: int
    bbox: BBox | None
    total: bool
    row: int
    column: int
    role: ColumnRole = "actual"
    """What the column holds by its head: realised figures, a budget, or a variance."""
    head: str = ""
    """The column's head as printed ("Begroting 2023")."""
    base: str | None = None
    """For a variance between two years' columns ("2022 | 2023 | Verschil"): the earlier year;
    None for a variance against a budget."""


def _texts(grid: TableGrid) -> list[list[str]]:
    return [[" ".join(c.text.split()) if c is not None else "" for c in row] for row in grid.rows]


def read_table(grid: TableGrid) -> list[TableCellFigure]:
    """The numbers of one grid with their row label and year; empty where the grid is no
    table of yearly figures (no year header row, no year column)."""
    rows = _texts(grid)
    if not rows:
        return []
    header = year_header(rows)
    if header is not None:
        return _by_columns(grid, rows, *header)
    transposed = [list(col) for col in zip(*rows, strict=False)]
    header = year_header(transposed)
    if header is not None:
        figures = _by_columns(grid, transposed, *header, transposed=True)
        return figures
    return []


def _by_columns(
    grid: TableGrid,
    rows: list[list[str]],
    header: int,
    years: dict[int, str],
    transposed: bool = False,
) -> list[TableCellFigure]:
    totals = chart_words().totals
    spanning, subheads = _sub_columns(rows, header, years)
    heads = {k: rows[header][k] if k < len(rows[header]) else "" for k in years}
    heads |= {k: heads[spanning[k]] for k in spanning}
    years = dict(sorted({**years, **{k: years[y] for k, y in spanning.items()}}.items()))
    roles = {k: column_role(head) for k, head in heads.items()}
    bases = _variance_bases(years, roles)
    figures: list[TableCellFigure] = []
    for r in range(header + (2 if subheads else 1), len(rows)):
        row = rows[r]
        label = next((c for k, c in enumerate(row) if k not in years and c.strip()), "")
        if not label or parse_number(label) is not None:
            continue
        total = label.split()[0].lower().strip(":") in totals
        for column, year in years.items():
            if column >= len(row):
                continue
            number = parse_number(row[column])
            if number is None:
                continue
            named = f"{label}, {subheads[column]}" if column in subheads else label
            # the sub-head names the column's unit before the row's label does
            unit, scale = _unit_and_scale(subheads.get(column, ""))
            if unit is None:
                unit, scale = _unit_and_scale(label)
            cell = grid.rows[column][r] if transposed else grid.rows[r][column]
            figures.append(
                TableCellFigure(
                    row_label=named,
                    period=year,
                    text=row[column],
                    value=number.value,
                    unit=number.unit or unit,
                    scale=scale,
                    bbox=cell.bbox if cell else None,
                    total=total,
                    row=r,
                    column=column,
                    role=roles[column],
                    head=heads[column],
                    base=bases.get(column),
                )
            )
    return figures


def _sub_columns(rows: list[list[str]], header: int, years: dict[int, str]
                 ) -> tuple[dict[int, int], dict[int, str]]:
    """A year over several sub-columns, its head cell spanning them (empty cells right of it
    in the head row, a merged cell in a PDF), and a row of sub-heads under it::

        |           | 2022   |        | 2023   |        |
        |           | aantal | bedrag | aantal | bedrag |
        | huurders  | 12     | € 3.000| 14     | € 3.500|

    The sub-columns right of a year column, with nothing in the head row over them, and the
    year column it spans from, and each sub-head by column (it names what the column
    measures); so too where the head repeats each year over its sub-columns ("2022 | 2022 |
    2023 | 2023"). Nothing where the row under the head is no row of sub-heads (figures, or
    fewer than two cells) or no year spans or repeats."""
    if header + 1 >= len(rows):
        return {}, {}
    head, sub = rows[header], rows[header + 1]
    cells = {k: c for k, c in enumerate(sub) if c.strip()}
    if len(cells) < 2 or any(parse_number(c) is not None for c in cells.values()):
        return {}, {}
    spanning: dict[int, int] = {}
    repeated = len(set(years.values())) < len(years)  # "2022 | 2022 | 2023 | 2023"
    for k in cells:
        left = [c for c in years if c < k]
        if k in years or not left:
            continue
        start = max(left)
        if not any(j < len(head) and head[j].strip() for j in range(start + 1, k + 1)):
            spanning[k] = start
    if not spanning and not repeated:
        return {}, {}
    return spanning, {k: cells[k] for k in [*years, *spanning] if k in cells}


def _variance_bases(years: dict[int, str], roles: dict[int, ColumnRole]) -> dict[int, str]:
    """The base year of each variance column that compares two years ("2022 | 2023 |
    Verschil": 2022): the latest year before the variance's own, of a column left of it.
    A variance against a budget (a budget column in the head) has none."""
    if "budget" in roles.values():
        return {}
    bases: dict[int, str] = {}
    for k, role in roles.items():
        if role != "variance":
            continue
        earlier = [y for c, y in years.items() if c < k and roles[c] == "actual"
                   and y < years[k]]
        if earlier:
            bases[k] = max(earlier)
    return bases


def _unit_and_scale(text: str) -> tuple[Unit | None, int]:
    """The unit and scale a caption, head cell or row label names, a multiplier with a
    currency sign between its marker and its scale included ("x € 1.000", "(in € 1.000)",
    "bedragen x € 1 miljoen"), which the caption words alone do not read."""
    unit, scale = unit_and_scale(text.split())
    if scale == 1:
        multipliers = find_multipliers(text)
        if multipliers:
            scale = multipliers[0].scale
            if multipliers[0].currency and unit is None:
                unit = "EUR"
    return unit, scale


def _head_multiplier(grid: TableGrid, caption: Caption | None) -> tuple[Unit | None, int]:
    """The unit and scale of the caption, or else of a multiplier in the grid's head row
    ("Bedragen x € 1.000" above the year columns)."""
    if caption is not None and caption.scale != 1:
        return caption.unit, caption.scale
    texts = [caption.text] if caption is not None else []
    texts += [" ".join(row) for row in _texts(grid)[:1]]
    for text in texts:
        unit, scale = _unit_and_scale(text)
        if scale != 1:
            return unit or (caption.unit if caption else None), scale
    return (caption.unit if caption else None), 1


def _caption_for(grid: TableGrid, captions: list[Caption]) -> Caption | None:
    if grid.bbox is None:
        return None
    x0, top, x1, bottom = grid.bbox
    best: tuple[float, Caption] | None = None
    for cap in captions:
        if cap.kind != "table" or not (cap.bbox[0] < x1 and x0 < cap.bbox[2]):
            continue
        if cap.bbox[3] <= top + 2:
            distance = top - cap.bbox[3]
        elif cap.bbox[1] >= bottom - 2:
            distance = (cap.bbox[1] - bottom) * 2  # a caption above is the rule in Dutch reports
        else:
            continue
        if distance <= CAPTION_REACH and (best is None or distance < best[0]):
            best = (distance, cap)
    return best[1] if best else None


_TEXT_HEAD_BLOCKS = 2
"""A table of a text page takes its caption and note from at most this many blocks above."""


def _text_caption(page: Page, grid: TableGrid) -> Caption | None:
    """The caption of a table of a text page, which has no boxes to place it by: the caption
    block right above the table ("Tabel 3 Kwijtschelding (bedragen x € 1.000)"), or a line
    above it that only names the amounts' multiplier ("(bedragen x € 1.000)"), or both, in
    either order. None for a table of a PDF page."""
    if grid.bbox is not None or grid.block_id is None:
        return None
    index = next((i for i, b in enumerate(page.blocks) if b.id == grid.block_id), None)
    if index is None:
        return None
    caption: Caption | None = None
    note: tuple[Unit | None, int] | None = None
    for block in reversed(page.blocks[max(0, index - _TEXT_HEAD_BLOCKS):index]):
        if block.kind is BlockKind.CAPTION and caption is None:
            caption = parse_caption(" ".join(block.text.split()))
            if caption is None or caption.kind != "table":
                return None
        elif block.kind is BlockKind.PARAGRAPH and note is None and _is_note(block.text):
            note = _unit_and_scale(block.text)
        else:
            break
    if note is not None and (caption is None or caption.scale == 1):
        unit, scale = note
        text = " ".join(page.blocks[index - 1].text.split())
        if caption is None:
            return Caption("table", "", text, "", unit, scale, (0, 0, 0, 0))
        return Caption(caption.kind, caption.number, caption.text, caption.title,
                       caption.unit or unit, scale, caption.bbox, caption.size)
    return caption


def _is_note(text: str) -> bool:
    """A line that only names the multiplier of the amounts below: "(bedragen x € 1.000)",
    "Bedragen x € 1.000"."""
    found = find_multipliers(text)
    if len(found) != 1 or len(text.split()) > _NOTE_WORDS:
        return False
    rest = text[:found[0].start] + text[found[0].end:]
    return not any(c.isdigit() for c in rest)


_NOTE_WORDS = 6


def _in_chart(grid: TableGrid, regions: list[BBox]) -> bool:
    if grid.bbox is None:
        return False
    cx = (grid.bbox[0] + grid.bbox[2]) / 2
    cy = (grid.bbox[1] + grid.bbox[3]) / 2
    return any(r[0] <= cx <= r[2] and r[1] <= cy <= r[3] for r in regions)


def table_facts(doc: Document, catalogue: ConceptMatcher | None = None) -> list[Fact]:
    """Facts (origin "table") for every number in a table of yearly figures. A document
    without an edition gives none."""
    if doc.edition is None:
        return []
    if catalogue is None:
        catalogue = default_catalogue()
    facts: list[Fact] = []
    for page in doc.pages:
        facts.extend(_page_facts(doc, doc.edition, page, catalogue))
    return facts


def _page_facts(
    doc: Document, edition: int, page: Page, catalogue: ConceptMatcher | None
) -> list[Fact]:
    if not page.tables:
        return []
    captions = find_captions(page)
    regions = [c.bbox for c in read_charts_with(page, captions) if c.marks]
    facts: list[Fact] = []
    for t_index, grid in enumerate(page.tables):
        if _in_chart(grid, regions):
            continue
        caption = _caption_for(grid, captions) or _text_caption(page, grid)
        title = caption.title if caption else ""
        figures = read_table(grid)
        head_unit, head_scale = _head_multiplier(grid, caption)
        parts = len({f.row_label for f in figures if not f.total}) > 1
        for figure in figures:
            # a row label names its unit, else the head does, else what the row measures
            # ("Huuropbrengsten", "WOZ-waarde"; the notion of text rows: `label_unit`)
            unit: Unit = figure.unit or head_unit or label_unit(figure.row_label) or "count"
            scale = figure.scale if figure.scale != 1 else head_scale
            value = parse_number(figure.text)
            assert value is not None
            amount = value.value if unit == "percent" else value.value * scale
            subject = f"{title}: {figure.row_label}" if title else figure.row_label
            if figure.total:
                concept = resolve_concept(catalogue, title, unit) or resolve_concept(
                    catalogue, f"{figure.row_label} {title}", unit
                )
            else:
                concept = resolve_concept(catalogue, figure.row_label, unit)
                if concept is None:
                    concept = resolve_concept(catalogue, f"{figure.row_label} {title}", unit)
                    # Rows of a breakdown ("Alleenstaanden" in a table of evictions by
                    # household) are parts of what the title names: where the row adds
                    # nothing the catalogue knows, the title's concept (the whole) is wrong.
                    if parts and concept == resolve_concept(catalogue, title, unit):
                        concept = None
            sentence = caption.text if caption else figure.row_label
            place = (t_index, figure.row, figure.column)
            diagnostics = []
            if figure.role == "budget":
                diagnostics.append(f"budget column {figure.head!r}: a planned amount, "
                                   "not a realised one")
            elif figure.role == "variance":
                diagnostics.append(f"variance column {figure.head!r}: a change against "
                                   + (figure.base if figure.base else "the budget"))
            facts.append(
                Fact(
                    id=figure_fact_id(doc, "table", page.number, *place),
                    document=doc.name,
                    edition=edition,
                    concept=concept,
                    subject=subject,
                    value=amount,
                    unit=unit,
                    period=figure.period,
                    kind="change" if figure.role == "variance" else "level",
                    base_period=figure.base,
                    confidence=CONFIDENCE_TABLE,
                    source=Source(
                        page=page.number,
                        bbox=figure.bbox,
                        sentence=sentence,
                        text=figure.text,
                        start=0,
                        end=0,
                        origin="table",
                        block_id=grid.block_id,
                        note="totals row" if figure.total else None,
                    ),
                    diagnostics=diagnostics,
                )
            )
    return facts
