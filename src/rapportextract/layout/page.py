"""One page from words to blocks, and every page of a document (`layout_pages`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rapportextract.lang.nl.words import layout_words
from rapportextract.layout.aligned import aligned_tables
from rapportextract.layout.blocks import (
    _chart_block,
    _footnote_frags,
    _group_lines,
    _line_pitches,
    _make_block,
    _merge_across_columns,
    _merge_title_lines,
    _starts_block,
    _table_block,
    body_font_size,
)
from rapportextract.layout.columns import (
    _absorb_short_tails,
    _assign_columns,
    _column_regions,
    _Item,
    _lift_region_titles,
    _merge_row_pieces,
    find_gutters,
    reading_order,
)
from rapportextract.layout.labels import _absorb_chart_labels
from rapportextract.layout.letters import join_spaced_letters, join_touching_words
from rapportextract.layout.margins import _margin_zone, _running_key, running_keys
from rapportextract.layout.regions import _inside, chart_regions
from rapportextract.layout.rows import _Frag, _fragments, _rows
from rapportextract.layout.ruled import _add_rule_tables, _bar_grid, rule_tables
from rapportextract.layout.text import strip_glued_markers
from rapportextract.models import (
    Block,
    BlockKind,
    Page,
    Word,
)


@dataclass
class PageLayout:
    """One page's words sorted into regions and fragments, before running text is known."""

    page: Page
    frags: list[_Frag]
    regions: list[Block] = field(default_factory=list)


def prepare_page(page: Page) -> PageLayout:
    words = [w for w in page.words if w.text.strip()]
    page.tables = [t for t in page.tables if not _bar_grid(t, page)]
    _add_rule_tables(page, rule_tables(page, words))
    regions: list[Block] = []
    claimed: set[int] = set()
    for table in page.tables:
        if table.bbox is None:
            continue
        inside = [i for i, w in enumerate(words) if _inside(w.bbox, table.bbox)]
        claimed.update(inside)
        regions.append(_table_block(table))
    free = [w for i, w in enumerate(words) if i not in claimed]
    charts = chart_regions(page, free)
    chart_words: dict[int, list[Word]] = {i: [] for i in range(len(charts))}
    for i, w in enumerate(words):
        if i in claimed:
            continue
        for c, box in enumerate(charts):
            if _inside(w.bbox, box):
                chart_words[c].append(w)
                claimed.add(i)
                break
    rest = [w for i, w in enumerate(words) if i not in claimed]
    frags = [f for row in _rows(rest) for f in _fragments(row)]
    frags = _absorb_chart_labels(frags, charts, chart_words, body_font_size(words))
    for c, box in enumerate(charts):
        regions.append(_chart_block(box, chart_words[c]))
    for table, members in aligned_tables(frags):
        page.tables.append(table)
        regions.append(_table_block(table))
        frags = [f for f in frags if id(f) not in members]
    return PageLayout(page=page, frags=frags, regions=regions)


def build_blocks(layout: PageLayout, *, running: set[str], body: float) -> list[Block]:
    """The blocks of one page in reading order, ids ``p{page}-b{index}``."""
    page = layout.page
    frags = layout.frags
    headers: list[_Frag] = []
    footers: list[_Frag] = []
    page_number = layout_words().page_number
    for f in frags:
        zone = _margin_zone(f, page)
        if zone is None:
            continue
        if _running_key(f, zone) in running or page_number.match(f.text):
            f.kind = BlockKind.HEADER if zone == "top" else BlockKind.FOOTER
            (headers if zone == "top" else footers).append(f)
    notes = _footnote_frags(frags, body)
    in_notes = {id(f) for note in notes for f in note}
    body_frags = [f for f in frags if f.kind is None and id(f) not in in_notes]

    boxes = [f.bbox for f in body_frags] + _column_regions(layout.regions, body_frags)
    gutters = find_gutters(boxes, body)
    if gutters:
        # re-cut rows that ran across a gutter with a narrow gap
        body_frags = [
            g for f in body_frags
            for g in _fragments(sorted(f.words, key=lambda w: w.bbox[0]), gutters)
        ]
    items = [_Item(box=f.bbox, column=None, frag=f) for f in body_frags]
    items += [_Item(box=r.bbox, column=None, block=r) for r in layout.regions if r.bbox]
    _assign_columns(items, gutters)
    _absorb_short_tails(items)
    _lift_region_titles(items)
    items = _merge_row_pieces(items)
    pitches = _line_pitches(items)

    blocks: list[Block] = []
    for group in _group_lines(headers):
        blocks.append(_make_block(group, BlockKind.HEADER, None, body))
    run: list[_Frag] = []
    run_column: int | None = None

    def flush() -> None:
        if run:
            blocks.append(_make_block(list(run), None, run_column, body))
            run.clear()

    for it in reading_order(items):
        if it.block is not None:
            flush()
            it.block.column = it.column
            blocks.append(it.block)
            continue
        assert it.frag is not None
        if run and (it.column != run_column or _starts_block(run[-1], it.frag, pitches)):
            flush()
        run_column = it.column
        run.append(it.frag)
    flush()
    _merge_title_lines(blocks)
    _merge_across_columns(blocks)
    note_blocks = [_make_block(note, BlockKind.FOOTNOTE, None, body) for note in notes]
    own = [ref for nb in note_blocks for ref in nb.footnote_refs]
    for block in blocks:
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.CAPTION):
            block.text, glued = strip_glued_markers(block.text, own)
            block.footnote_refs = list(dict.fromkeys(block.footnote_refs + glued))
    blocks.extend(note_blocks)
    for group in _group_lines(footers):
        blocks.append(_make_block(group, BlockKind.FOOTER, None, body))
    for i, block in enumerate(blocks):
        block.id = f"p{page.number}-b{i}"
        block.page = page.number
    for table in page.tables:
        table.block_id = next(
            (b.id for b in blocks if b.kind is BlockKind.TABLE and b.bbox == table.bbox), None
        )
    return blocks


def layout_pages(pages: Sequence[Page]) -> None:
    """Fill `blocks` of every page from its words, drawings and tables (in place)."""
    for page in pages:
        page.words = join_spaced_letters(join_touching_words(page.words))
    prepared = [prepare_page(p) for p in pages]
    running = running_keys([(p.page, p.frags) for p in prepared])
    body = body_font_size(w for p in pages for w in p.words)
    for prep in prepared:
        prep.page.blocks = build_blocks(prep, running=running, body=body)
