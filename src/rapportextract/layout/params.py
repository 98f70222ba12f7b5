"""The thresholds of the layout steps, named, as one frozen object (as pdfminer's `LAParams`).

Lengths are PDF points (1/72 inch) unless a field says it is a share of the font size (the
size of the word or line at hand), of the body size (the size most characters of the document
are set in) or of the page. The values were set on the Aedes reports of the corpus and the
fixtures; each says why it is what it is. Every step takes a `LayoutParams` (the default
instance where none is given); `layout_pages(pages, params)` hands one down to all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LegendParams:
    """Where a chart's legend stands and what its keys look like: one set for the layout's
    chart regions and the chart reader (`figures.charts`). Lengths in PDF points."""

    reach: float = 100.0
    """How far a legend key may stand from the chart's drawn parts. A legend set beside the
    plot (matplotlib's figure legend, an office chart's legend on the right) stands further off
    than the chart's own parts, which lie within about two text lines of each other."""
    level: float = 5.0
    """How far a key may reach above the chart's top or below its bottom and still stand level
    with it (a key outside that band belongs to something else on the page)."""
    square: float = 14.0
    """The largest side of a square key, and the largest height of a flat one: a key is about
    a text line high, a bar of the chart is larger."""
    square_slack: float = 2.5
    """How much the sides of a square key may differ (keys drawn with a stroke are a point or
    two off square)."""
    key_width: float = 24.0
    """The largest width of a flat key: the 20 by 7 point bar matplotlib and office tools draw,
    with room to spare."""
    key_min_height: float = 2.0
    """The smallest height of a flat key; thinner is a rule or a line's stroke."""
    text_gap: float = 12.0
    """How far right of its key a legend entry's text may start (a word space or two)."""
    text_level: float = 5.0
    """How far a legend text's middle may lie above or below its key's middle."""


LEGEND = LegendParams()


@dataclass(frozen=True)
class LayoutParams:
    """Every threshold of the layout steps (module `layout`), with what it measures."""

    # rows and fragments (`rows`)
    row_tolerance: float = 0.3
    """Share of the font size by which the baselines of two words of one row may differ:
    kerning and mixed fonts move a baseline by a fraction of a point, the next line is a
    whole line pitch lower."""
    superscript_size: float = 0.85
    """A word smaller than this share of its row's size is small print (a footnote marker set
    small); body text varies by less than that within a row."""
    superscript_rise: float = 0.2
    """Share of the host row's size by which a marker's foot must stand above the row's
    baseline to count as raised (a plain digit on the baseline is no marker)."""
    raised_letters: int = 3
    """Small raised letters of at most this many right after a figure are its ordinal ending
    ("240th", "3e"), glued to it."""
    marker_overlap: float = 1.5
    """How far (points) a marker may overlap the word it is glued to (tight kerning)."""
    marker_gap: float = 3.0
    """How far (points) a marker may stand from the word it belongs to: less than a word space
    at body size, so "sector.¹" is glued and "in 1 jaar" is not."""
    column_gap: float = 1.0
    """A gap wider than this share of the font size parts a row into fragments: a word space
    is about a third of the size, a justified line stretches it at most to about two thirds,
    the space between columns or table cells is wider."""

    # chart regions (`regions`)
    page_width: float = 595.0
    """The page width (points) where a page does not say: A4, the reports' size."""
    page_height: float = 842.0
    """The page height (points) where a page does not say: A4."""
    background_share: float = 0.4
    """A drawing larger than this share of the page is a page or column background."""
    table_pad: float = 2.0
    """How far (points) outside a table grid a drawing still counts as the grid's own."""
    text_band_width: float = 30.0
    """A box at least this wide and `text_band_height` high may be a band behind text."""
    text_band_height: float = 8.0
    """See `text_band_width`: a text line is about this high at the smallest body sizes."""
    prose_letters: int = 20
    """A box with more letters than this inside is a coloured band behind prose, not a chart
    part (a chart part holds a label of a few letters at most)."""
    cluster_pad: float = 6.0
    """Drawings this close (points) are parts of one picture: bars of one chart stand a few
    points apart, two charts stand a text line or more apart."""
    chart_parts: int = 3
    """A cluster of fewer drawings than this is no chart by itself (a rule, a box, a logo)."""
    chart_size: float = 30.0
    """A chart is at least this wide and high (points): smaller is an icon or a key."""
    figure_reach: float = 12.0
    """How far (points) around a drawing with few words inside a figure must stand for it to
    be a chart (a logo has none)."""
    line_labels: int = 2
    """A flat drawing (lower than `chart_size`) with at least this many figures by it is the
    line of a line chart with its point labels."""
    chart_words: int = 3
    """A chart with fewer words than this inside needs a figure close to it."""
    bar_least: float = 2.0
    """A bar of a chart drawn without a frame (`regions.bar_rows`) is at least this many
    points wide and long: thinner is a rule or an axis."""
    bar_align: float = 1.0
    """Bars of one row stand on one baseline (or start at one edge) to about this many
    points."""
    bar_spacing: float = 3.0
    """Bars of one row stand at most this many bar widths apart (office tools leave a gap
    of about one bar width; grouped bars of another series stand between)."""
    stray_overlap: float = 0.8
    """A stray line belongs to a chart where it spans at least this share of the chart's
    height (or width): an axis or a last gridline runs along the whole chart."""
    stray_extent: float = 1.2
    """...and is at most this share of the chart's height (or width): no longer than it."""
    stray_reach_x: float = 60.0
    """How far (points) beside a chart a stray upright line may stand (an axis set apart from
    the bars, the gridline beyond the longest bar)."""
    stray_reach_y: float = 20.0
    """How far (points) above or below a chart a stray level line may stand (an x axis)."""
    stray_step: float = 1.1
    """...or up to this many times the step of the chart's own gridlines (the gridlines
    under a line chart's data, one step apart each)."""
    text_box_words: int = 12
    """A framed box with fewer words than this is no framed prose, whatever its lines."""
    text_box_row: int = 6
    """A row of at least this many words is a line of prose, not chart labels."""
    text_box_share: float = 0.5
    """A box is framed prose where at least this share of its words stand in prose rows."""
    legend: LegendParams = field(default=LEGEND)
    """The legend keys beside a chart (shared with the chart reader)."""
    # value axes printed as text (`ticks`)
    tick_count: int = 4
    """A value axis printed as text has at least this many tick labels."""
    tick_slack: float = 0.12
    """Share of the mean step by which the places of two ticks' steps may differ."""
    tick_align: float = 2.0
    """Tick labels of one column end within about this many points of one right edge."""
    tick_margin: float = 1.0
    """A tick is alone on its line where no word ends within this share of its height left
    of it (line numbers and table cells stand beside text)."""
    tick_below: float = 1.6
    """The category labels under a plot stand within this many tick pitches below its last
    tick (turned labels reach furthest)."""
    tick_gap: float = 3.0
    """The labels of a plot follow each other at most this many tick pitches apart; a wider
    gap ends the chart."""
    tick_rise: float = 4.0
    """The category labels of horizontal bars stand at most this many label heights above
    each other and above the row of ticks under them."""
    tick_slot: float = 1.25
    """...or at most this share more than the widest gap between them so far: category labels
    set one per slot stand equally far apart, however wide the slots."""

    # tables drawn with rules (`ruled`)
    rule_height: float = 2.0
    """A drawing at most this high (points) is a horizontal rule."""
    rule_width: float = 80.0
    """A rule of a table is at least this wide (points): shorter is an underline or a tick."""
    rule_align: float = 3.0
    """Rules of one table start and end within this many points of each other."""
    rule_spacing: float = 45.0
    """Rules of one table stand at most this far apart (points): about three text lines."""
    table_rules: int = 3
    """A rule-only table has at least this many rules (a header rule, a body, a foot rule)."""
    bar_height: float = 3.0
    """A filled box higher than this (points) is a bar or a shaded row, not a rule."""
    filled_share: float = 0.75
    """At least this share of the spaces between a table's rules hold text."""
    cell_gap: float = 0.8
    """Words closer than this share of the font size are one cell's text."""
    grid_cover: float = 0.9
    """A ruled grid that covers this share of a rule table's area stays in its place."""
    bar_share: float = 0.5
    """A bar of a bar chart is narrower than this share of the grid it was taken for."""
    bar_baseline: float = 1.5
    """Bars that end within this many points stand on one baseline."""
    bar_tops: float = 2.0
    """Bars whose tops differ by more than this (points) have different heights: a chart,
    where shaded table rows end at the same height."""

    # running headers and footers (`margins`)
    margin_share: float = 0.1
    """The top and bottom margins are this share of the page height: a header or footer
    stands there, the body does not."""
    running_pages: int = 2
    """A margin text that repeats on this many pages is a running header or footer."""
    margin_text_size: float = 0.85
    """Share of the body size: a line in the top or bottom margin set at most this large is a
    header or footer even where nothing repeats (a document of a page or two); headers and
    footers are set a point or two smaller than the body, a title in the margin is larger."""
    page_number_gap: float = 1.5
    """Share of its size: a bare page number stands at least this far below the last line
    of the body (or above the first) to count as the page's number where it stands above
    the margin; a figure ending a list stands a line pitch under the item above."""
    margin_words: int = 16
    """...and has at most this many words (a header names the report and a chapter)."""

    line_number_run: int = 5
    """Bare numbers one over the other in the margin, counting up, at least this many: the
    line numbers of a draft or a proof, no text of the page (a list of figures in a table
    column stands inside the text's width)."""
    line_number_align: float = 3.0
    """Line numbers share their left or right edge within this many points."""

    # columns and reading order (`columns`)
    max_page_width: float = 14_400.0
    """The widest a PDF page can be (the format's own limit, points); text spread wider comes
    from damaged coordinates and is read as one column."""
    gutter_lines: int = 6
    """A page with fewer lines than this is read as one column."""
    gutter_min_text: float = 20.0
    """Text narrower than this many times the body size has no room for two columns."""
    gutter_scan: float = 0.25
    """The gutter is looked for between this share of the text width from the left and the
    same share from the right (the middle half)."""
    gutter_piece_gap: float = 0.7
    """Share of the smaller font size of two words: the gutter is looked for between pieces of
    lines cut at every gap wider than this, wider than the widest word space of a justified
    line, narrower than a gutter of 10 points between body text of 10 and a heading of 14
    beside it (`column_gap`, measured on the heading's size, keeps those one line)."""
    gutter_space: float = 1.5
    """A gap over a gutter's middle parts a row only where it is this many times the row's
    usual space: a justified line's spaces are all about as wide."""
    gutter_width: float = 0.5
    """A gutter is at least this share of the body size wide."""
    column_share: float = 0.55
    """A line wider than this share of the text width crosses the gutter of two columns (a
    code listing, a wide caption): where such lines hide the page's gutter, it is looked for
    between them (`columns._band_gutter`)."""
    gutter_crossing: float = 0.5
    """At most this share of the lines of the shorter column may cross a gutter (a title,
    a full-width line): more is one column with a narrow space."""
    margin_note_share: float = 0.25
    """Notes in a margin beside one column of text are at most this share of its lines..."""
    margin_note_width: float = 0.3
    """...each at most this share of the column's width."""
    note_letters: int = 3
    """A note in the margin has at least this many letters (a hanging bullet or a list's
    number has none)."""
    span_reach: float = 20.0
    """How far (points) a line must reach into the columns on both sides of a gutter to count
    as full width; a long web address that pokes into the gutter still belongs to its
    column."""
    tail_gap: float = 0.8
    """Share of the font size: the short last line of a full-width paragraph stands at most
    this far under the line above it."""
    tail_edge: float = 2.0
    """...and starts within this many points of that line's left edge."""
    title_reach: float = 2.5
    """Share of the font size: a caption lifted into a chart's band stands at most this far
    above the chart."""
    region_share: float = 0.6
    """A chart or table wider than this share of the text width is a band of its own."""

    # blocks (`blocks`)
    body_size: float = 10.0
    """The body size (points) where no word says its size."""
    caption_length: int = 160
    """A caption is at most this many characters (without a label's punctuation a longer
    text that starts with "Tabel 1" is a sentence about the table)."""
    pitch_min: float = 0.9
    """Share of the font size: line distances below this are overlapping lines..."""
    pitch_max: float = 2.5
    """...and above this a paragraph break; neither counts for the usual line pitch."""
    pitch_cap: float = 1.5
    """Share of the font size: the usual line pitch is never more than this (a page of
    one-line paragraphs would otherwise read its paragraph spacing as the pitch)."""
    pitch_pairs: int = 2
    """At least this many pairs of lines where the second goes on in lower case tell the
    pitch of a size past `pitch_cap` (loose leading, prose set double-spaced)."""
    pitch_default: float = 1.3
    """Share of the font size: the line pitch where a size has no pairs of lines to learn
    from (the usual leading of body text)."""
    pitch_slack: float = 0.4
    """Share of the font size a line may stand lower than the pitch and still go on the
    block: more is a paragraph break."""
    overlap_break: float = 0.5
    """Share of the font size: a line that starts this far above the end of the previous one
    (a new column or region) starts a block."""
    same_size: float = 0.5
    """Lines whose sizes differ by less than this (points) are set in one size (sizes a PDF
    gives differ by rounding)."""
    size_change: float = 0.75
    """Lines whose sizes differ by more than this (points) are different blocks."""
    full_line: float = 0.7
    """Share of the column width: a paragraph whose last line reaches at least this far may
    go on past a column break; a ragged line falls short of the edge by a word, a last line
    of a paragraph often by half the column..."""
    full_line_word: float = 10.0
    """...or that falls short of the edge by no more than this many times its size: the
    long word that did not fit (a Dutch compound is ten ems), in a narrow column."""
    short_line: float = 0.2
    """Share of the column width: a line that ends its sentence at least this far short of
    the right edge, over a line at the left edge that starts with a capital, ends its
    paragraph where the page sets no gap and no indent (a ragged line falls short by a word,
    a paragraph's last line by half the column on average)."""
    entry_lines: int = 3
    """A list set one entry a line (`blocks.entry_list`) has at least this many lines..."""
    entry_capitals: float = 0.5
    """...at least this share of them starting with a capital or a figure: an entry may
    start in lower case ("van Dam, Gemeente Assen", "de Wit, ...", a brand name), while the
    lines of wrapped prose mostly do; the entries' ends tell the list (`entry_share`)..."""
    entry_share: float = 0.3
    """...and at least this share of them stop where the next line's first word fits (two
    lists side by side leave one a narrow column: many of its entries nearly fill it)."""
    edge_lines: int = 3
    """A column's edges are known from at least this many lines."""
    flush_right_share: float = 0.8
    """Share of a column's lines that end at its right edge where it is set flush right..."""
    ragged_left_share: float = 0.5
    """...with at most this share starting at one of its two most common starts."""
    heading_size: float = 1.15
    """Lines at least this share of the body size are set as a heading."""
    heading_words: int = 15
    """A bold line of at most this many words that ends no sentence is a heading."""
    heading_lines: int = 3
    """A heading has at most this many lines."""
    title_words: int = 8
    """A heading in the body's style (no larger, not bold) is a line of at most this many
    words..."""
    title_width: float = 0.6
    """...at most this share of the width of the full line under it, that ends no sentence."""
    footnote_size: float = 0.92
    """Share of the body size: notes are set at most this large (8 on 10, 9 on 10, 8.5 on
    9.5), so a line a point smaller than the body is small print."""

    # tables without rules (`aligned`)
    align_reach: float = 0.8
    """Share of the font size: a figure stands under a column head where its right edge,
    middle or left edge lies this close to the head's."""
    name_words: int = 4
    """A column name over figures is at most this many words."""
    table_row_gap: float = 1.5
    """Share of the font size: a row that stands further below the previous one ends the
    table."""

    prose_line_words: int = 8
    """A cell of at least this many words alone in its row is a line of prose; a grid made
    mostly of such rows is text on ruled paper, no table (`ruled.prose_grid`)."""

    # lines that belong to a chart (`labels`)
    paragraph_width: float = 12.0
    """A line at least this many times its size wide, with a like line under or over it, is
    prose however close to a chart it stands."""
    paragraph_words: int = 4
    """...and has at least this many words."""
    indent_min: float = 0.7
    """Share of the font size: a line that starts at least this far right of the one above
    (and no more than `indent_max`) starts a paragraph set with a first-line indent..."""
    indent_max: float = 4.0
    """...see `indent_min`."""
    hanging_pairs: int = 3
    """A column whose paragraphs hang (`ragged.hanging_columns`) has at least this many full
    lines with a line set an indent in under them..."""
    hanging_pitch: float = 2.0
    """...where lines one under the other stand at most this share of the size apart (a
    small gap between paragraphs counts)."""
    indent_centred: float = 0.5
    """Share of the size: lines whose middles lie this close are centred text, not an
    indent."""
    paragraph_edge: float = 1.0
    """Lines of one paragraph start within this many points of each other."""
    paragraph_overlap: float = 0.2
    """Share of the size by which the next line of a paragraph may overlap this one..."""
    paragraph_gap: float = 0.8
    """...or stand below it: no more than the leading of body text."""
    paragraph_neighbour: float = 8.0
    """The line under or over is at least this many times the size wide (a full line)."""
    label_reach: float = 3.0
    """Times the body size: lines this close to a chart may be its labels."""
    label_pad: float = 1.2
    """Share of the font size: a label stands at most this far from the chart's area."""
    label_words: int = 6
    """A label has at most this many words (more is a sentence)."""
    legend_entries: int = 2
    """A legend found from its keys (`legends`) has at least this many entries."""
    legend_stroke: float = 8.0
    """The key of a line series is a level stroke at least this many points long (shorter is
    a dash or a tick)..."""
    legend_join: float = 1.5
    """Times the text's height: entries of one legend stand at most this far apart."""
    slot_label_reach: float = 15.0
    """Times the size: the category labels under a line chart stand at most this far under
    its line (`labels._absorb_slot_labels`)."""
    bar_name_reach: float = 15.0
    """Times the size: the name of a horizontal bar ends at most this far left of the
    chart (names set at the page's margin, the bars after the longest name)."""
    tick_row_reach: float = 8.0
    """Times the body size: a figure alone on a line level with a chart's tick labels and at
    most this far from one is the row's last tick (set past the end of the plot, outside
    the chart's drawn area)."""

    # text turned a quarter (`turned`)
    turned_letters: int = 3
    """A word of at least this many letters whose box is `turned_ratio` times as high as it
    is wide is turned text (upright, three letters are wider than high)..."""
    turned_ratio: float = 1.5
    """...see `turned_letters`."""
    turned_align: float = 1.5
    """Words of one turned line share their left and right edges within this many points."""

    # letters the text layer gave apart (`letters`)
    touch_baseline: float = 0.1
    """Share of the size by which the baselines of two touching pieces of a word may differ."""
    touch_size: float = 0.6
    """Pieces of one word differ in size by at most this many points (a fallback font)."""
    touch_overlap: float = 0.1
    """Share of the size by which two pieces of one word may overlap..."""
    touch_gap: float = 0.05
    """...or stand apart: less than any word space."""
    kerned_letters: int = 2
    """A kerned piece of a word (`join_kerned_letters`) has at most this many letters."""
    tracking_gap: float = 1.0
    """Share of the size: letters of a spaced heading stand at most this far apart."""
    spaced_letters: int = 4
    """A run of spaced letters has at least this many pieces."""
    tracking_slack: float = 0.12
    """Share of the size a gap may exceed the tracking and still join letters; a word space
    on top of the tracking is wider."""


LAYOUT = LayoutParams()
"""The default thresholds."""
