"""One page from words to blocks, and every page of a document (`layout_pages`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from rapportextract.lang.nl.words import layout_words
from rapportextract.layout.aligned import aligned_tables
from rapportextract.layout.blocks import (
    body_font_size,
    chart_block,
    column_edges,
    column_reach,
    ends_paragraph,
    ends_sentence,
    footnote_frags,
    group_lines,
    indented_one_liner,
    line_pitches,
    make_block,
    merge_across_columns,
    merge_title_lines,
    starts_block,
    starts_footnote,
    starts_item,
    table_block,
    title_line,
)
from rapportextract.layout.columns import (
    Item,
    absorb_short_tails,
    assign_columns,
    column_regions,
    find_gutters,
    join_spanning_rows,
    lift_region_titles,
    margin_gutters,
    merge_row_pieces,
    prose_sides,
    reading_order,
)
from rapportextract.layout.geometry import boxes_near, centre_in
from rapportextract.layout.labels import absorb_chart_labels
from rapportextract.layout.legends import legend_keys, legends
from rapportextract.layout.letters import (
    join_kerned_letters,
    join_raised_letters,
    join_spaced_letters,
    join_touching_words,
)
from rapportextract.layout.margins import (
    line_numbers,
    loose_page_numbers,
    margin_zone,
    running_key,
    running_keys,
)
from rapportextract.layout.params import LAYOUT, LayoutParams
from rapportextract.layout.ragged import entry_list, flush_right_columns, hanging_columns
from rapportextract.layout.regions import chart_regions, graphic_boxes
from rapportextract.layout.rows import Frag, cut_row, word_rows
from rapportextract.layout.ruled import add_rule_tables, bar_grid, rule_tables
from rapportextract.layout.text import spelled_words, strip_glued_markers
from rapportextract.layout.turned import turned_lines
from rapportextract.models import (
    BBox,
    Block,
    BlockKind,
    Page,
    Word,
    union_bbox,
)


@dataclass
class PageLayout:
    """One page's words sorted into regions and fragments, before running text is known."""

    page: Page
    """A copy of the page given, with the tables this step found or dropped."""
    frags: list[Frag]
    regions: list[Block] = field(default_factory=list)
    turned: list[Frag] = field(default_factory=list)
    """Lines of text turned a quarter (sidebars, stamps): blocks of their own."""


def prepare_page(page: Page, params: LayoutParams = LAYOUT) -> PageLayout:
    """The page's regions (tables, charts) and the fragments of its other words. The page
    given is left as it is; `PageLayout.page` is a copy with the tables found here."""
    words = [w for w in page.words if w.text.strip()]
    drawn = [t for t in page.tables if not bar_grid(t, page, params)]
    tables = add_rule_tables(drawn, rule_tables(page, words, params), params)
    page = page.model_copy(update={"tables": tables})
    regions: list[Block] = []
    claimed: set[int] = set()
    for table in page.tables:
        if table.bbox is None:
            continue
        inside = [i for i, w in enumerate(words) if centre_in(w.bbox, table.bbox)]
        claimed.update(inside)
        regions.append(table_block(table))
    free = [w for i, w in enumerate(words) if i not in claimed]
    charts = chart_regions(page, free, params)
    chart_words: dict[int, list[Word]] = {i: [] for i in range(len(charts))}
    for i, w in enumerate(words):
        if i in claimed:
            continue
        for c, box in enumerate(charts):
            if centre_in(w.bbox, box):
                chart_words[c].append(w)
                claimed.add(i)
                break
    rest = [w for i, w in enumerate(words) if i not in claimed]
    turned, rest = turned_lines(rest, params)
    frags = [f for row in word_rows(rest, params) for f in cut_row(row, (), params)]
    bars = [r.bbox for r in page.rects if r.fill is not None]
    bars += [b for s in page.segments if s.fill is not None and (b := _extent(s.points))]
    frags = absorb_chart_labels(
        frags, charts, chart_words, body_font_size(words, params), params, bars,
        graphic_boxes(page),
    )
    # legends the labels missed (a legend row of many words over the plot, the legend of a
    # pie chart, which no region holds): with the chart they stand by, or a region of
    # their own
    body = body_font_size(words, params)
    for box, lines in legends(frags, legend_keys(page, params), params):
        extents = [union_bbox([b, *(w.bbox for w in chart_words[c])]) or b
                   for c, b in enumerate(charts)]
        near = next((c for c, b in enumerate(extents)
                     if boxes_near(box, b, params.label_reach * body)), None)
        if near is None:
            charts.append(box)
            near = len(charts) - 1
            chart_words[near] = []
        chart_words[near].extend(w for f in lines for w in f.words)
        taken = {id(f) for f in lines}
        frags = [f for f in frags if id(f) not in taken]
    # turned text by a chart (with its labels) is its axis title; elsewhere a sidebar or a
    # stamp, set apart from the prose
    reach = params.label_reach * body_font_size(words, params)
    extents = [union_bbox([box, *(w.bbox for w in chart_words[c])]) or box
               for c, box in enumerate(charts)]
    sidebars: list[list[Word]] = []
    for line in turned:
        line_box = union_bbox([w.bbox for w in line]) or line[0].bbox
        near = next((c for c, box in enumerate(extents) if boxes_near(line_box, box, reach)),
                    None)
        if near is None:
            sidebars.append(line)
        else:
            chart_words[near].extend(line)
    for c, box in enumerate(charts):
        regions.append(chart_block(box, chart_words[c], params))
    for table, members in aligned_tables(frags, params):
        page.tables.append(table)  # the copy's own list (`add_rule_tables`)
        regions.append(table_block(table))
        frags = [f for f in frags if id(f) not in members]
    return PageLayout(page=page, frags=frags, regions=regions,
                      turned=[Frag(words=line) for line in sidebars])


def build_blocks(
    layout: PageLayout, *, running: set[str], body: float, params: LayoutParams = LAYOUT,
    spelled: frozenset[str] = frozenset(),
) -> list[Block]:
    """The blocks of one page in reading order, ids ``p{page}-b{index}``; `spelled` is how
    the document spells its words (`text.spelled_words`), which settles line-end hyphens."""
    page = layout.page
    numbers = line_numbers(layout.frags, params)
    numbered = {id(f) for stack in numbers for f in stack}
    frags = [f for f in layout.frags if id(f) not in numbered]
    headers: list[Frag] = []
    footers: list[Frag] = []
    page_number = layout_words().page_number
    small = params.margin_text_size * body
    # where a footnote starts in small print low on the page, small lines in the bottom
    # margin may be its own: there only a repeated text or a page number is a footer
    noted = any(starts_footnote(f) for f in frags if f.size <= small
                and margin_zone(f, page, params) == "bottom")
    loose = loose_page_numbers(frags, page, page_number, params)
    for f in frags:
        zone = margin_zone(f, page, params) or loose.get(id(f))
        if zone is None:
            continue
        set_small = f.size <= small and len(f.text.split()) <= params.margin_words and not (
            zone == "bottom" and noted)
        if running_key(f, zone) in running or page_number.match(f.text) or set_small:
            f.kind = BlockKind.HEADER if zone == "top" else BlockKind.FOOTER
            (headers if zone == "top" else footers).append(f)
    notes = footnote_frags(frags, body, params)
    in_notes = {id(f) for note in notes for f in note}
    body_frags = [f for f in frags if f.kind is None and id(f) not in in_notes]

    regions = column_regions(layout.regions, body_frags, params)
    gutters = find_gutters([f.bbox for f in body_frags] + regions, body, params)
    if not gutters:
        # then between pieces of lines cut at any space wider than a word space: a line and
        # a heading level with it in the next column, a narrow gutter apart, are one
        # fragment where the heading's size makes the gutter pass for a word space
        narrow = replace(params, column_gap=params.gutter_piece_gap)
        pieces = [
            g.bbox for f in body_frags
            for g in cut_row(sorted(f.words, key=lambda w: w.bbox[0]), (), narrow, smaller=True)
        ]
        gutters = find_gutters(pieces + regions, body, params)
        # pieces of a few justified lines may leave a strip free by chance: columns have
        # many lines side by side
        if gutters and not (
            _side_by_side(pieces, gutters[0], params.gutter_lines)
            and all(prose_sides(pieces, g, body, params) for g in gutters)
        ):
            gutters = []
    if not gutters:
        # one column, perhaps with notes in its margins (cut from its lines where a note
        # stands a narrow gap past the line's end)
        narrow = replace(params, column_gap=params.gutter_piece_gap)
        # (pieces with a word in them: a hanging bullet or number is no note)
        pieces = [
            g.bbox for f in body_frags
            for g in cut_row(sorted(f.words, key=lambda w: w.bbox[0]), (), narrow, smaller=True)
            if sum(c.isalpha() for c in g.text) >= params.note_letters
        ]
        gutters = margin_gutters(pieces, body, params)
    if gutters:
        # re-cut rows that ran across a gutter with a narrow gap
        body_frags = [
            g for f in body_frags
            for g in cut_row(sorted(f.words, key=lambda w: w.bbox[0]), gutters, params)
        ]
    items = [Item(box=f.bbox, column=None, frag=f) for f in body_frags]
    items += [Item(box=r.bbox, column=None, block=r) for r in layout.regions if r.bbox]
    assign_columns(items, gutters, params)
    absorb_short_tails(items, params)
    join_spanning_rows(items, gutters, params)
    lift_region_titles(items, params)
    items = merge_row_pieces(items, params)
    pitches = line_pitches(items, params)

    blocks: list[Block] = []
    for group in group_lines(headers):
        blocks.append(make_block(group, BlockKind.HEADER, None, body, params))
    run: list[Frag] = []
    run_column: int | None = None

    def flush() -> None:
        if run:
            # a list set one entry a line is a block per line
            parts = entry_list(run, edges.get(run_column), params) or [list(run)]
            blocks.extend(make_block(part, None, run_column, body, params, spelled)
                          for part in parts)
            run.clear()

    ordered = reading_order(items)
    edges = column_edges(items, params)
    reach = column_reach(items)
    flush_right = flush_right_columns(items, params)
    hanging = hanging_columns(ordered, edges, params)
    above: Frag | None = None
    """The line above the last of the run, in its column (in the run or the block before)."""
    for i, it in enumerate(ordered):
        line_above = run[-1] if run and run_column == it.column else None
        if it.block is not None:
            flush()
            it.block.column = it.column
            blocks.append(it.block)
            continue
        assert it.frag is not None
        after = ordered[i + 1] if i + 1 < len(ordered) else None
        # a short line under a line of its block that ended no sentence, with no gap, is
        # the next entry of a list ("Nov. 3 - Meeting 7:45 am" between two dates), no title
        listed = line_above is not None and not starts_block(
            line_above, it.frag, pitches, params, ragged_left=it.column in flush_right,
            hanging=it.column in hanging,
        ) and not ends_sentence(line_above.text)
        if (
            after is not None and after.frag is not None and after.column == it.column
            and not listed
            and not starts_block(it.frag, after.frag, pitches, params, titles=False,
                                 ragged_left=it.column in flush_right,
                                 hanging=it.column in hanging)
            and title_line(it.frag, after.frag, params)
        ):
            it.frag.heading_like = True
            flush()
        if run and (
            it.column != run_column
            or starts_block(run[-1], it.frag, pitches, params,
                            before=run[-2] if len(run) > 1 else None,
                            ragged_left=it.column in flush_right,
                            hanging=it.column in hanging)
            or ends_paragraph(run[-1], it.frag, edges.get(it.column), params)
            or starts_item(run[-1], it.frag, reach.get(it.column), params)
            or (it.column not in flush_right and it.column not in hanging
                and indented_one_liner(above, run[-1], it.frag, edges.get(it.column), params))
        ):
            flush()
        run_column = it.column
        run.append(it.frag)
        above = line_above
    flush()
    merge_title_lines(blocks)
    merge_across_columns(blocks, params, spelled)
    blocks += [make_block([line], None, None, body, params, spelled) for line in layout.turned]
    note_blocks = [make_block(note, BlockKind.FOOTNOTE, None, body, params, spelled)
                   for note in notes]
    own = [ref for nb in note_blocks for ref in nb.footnote_refs]
    for block in blocks:
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.CAPTION):
            block.text, glued = strip_glued_markers(block.text, own)
            block.footnote_refs = list(dict.fromkeys(block.footnote_refs + glued))
    blocks.extend(note_blocks)
    for group in group_lines(footers):
        blocks.append(make_block(group, BlockKind.FOOTER, None, body, params))
    # line numbers in the margin are furniture of the page, as a footer is
    blocks += [make_block(stack, BlockKind.FOOTER, None, body, params) for stack in numbers]
    for i, block in enumerate(blocks):
        block.id = f"p{page.number}-b{i}"
        block.page = page.number
    return blocks


def _extent(points: Sequence[tuple[float, float]]) -> BBox | None:
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _side_by_side(boxes: list[tuple[float, float, float, float]], gutter: tuple[float, float],
                  least: int) -> bool:
    """At least `least` rows have a piece right of the gutter level with one left of it (a
    justified line cut at its wide spaces counts once)."""
    left = [b for b in boxes if b[2] <= gutter[0] + 0.5]
    right = [b for b in boxes if b[0] >= gutter[1] - 0.5]
    level = {round(r[3]) for r in right if any(le[1] < r[3] and r[1] < le[3] for le in left)}
    return len(level) >= least


def _laid_out(layout: PageLayout, blocks: list[Block]) -> Page:
    """The page with its blocks, each table naming the block that shows it."""
    tables = [
        table.model_copy(update={"block_id": next(
            (b.id for b in blocks if b.kind is BlockKind.TABLE and b.bbox == table.bbox), None
        )})
        for table in layout.page.tables
    ]
    return layout.page.model_copy(update={"blocks": blocks, "tables": tables})


def layout_pages(pages: Sequence[Page], params: LayoutParams = LAYOUT) -> list[Page]:
    """New pages with `blocks` filled from the words, drawings and tables of the pages given
    (which stay as they are), with the thresholds of `params`."""
    joined = [
        page.model_copy(update={"words": join_spaced_letters(
            join_raised_letters(join_touching_words(
                join_kerned_letters(page.words, params), params), params), params
        )})
        for page in pages
    ]
    prepared = [prepare_page(p, params) for p in joined]
    running = running_keys([(p.page, p.frags) for p in prepared], params)
    body = body_font_size((w for p in joined for w in p.words), params)
    spelled = spelled_words(w.text for p in joined for w in p.words)
    return [
        _laid_out(prep, build_blocks(prep, running=running, body=body, params=params,
                                     spelled=spelled))
        for prep in prepared
    ]
