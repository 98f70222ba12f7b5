"""Words to lines to blocks, in reading order.

Works on `Word` models only (no PDF library here), so the chain can be tested with hand-made
words. The steps, each a module of this package (`letters`, `ruled`, `regions`, `labels`,
`aligned`, `legends`, `rows`, `margins`, `columns`, `blocks`, `text`; `page` runs them in
order):

0. words that touch on one baseline are one word (a ligature glyph from a second font
   subset splits "Grafiek" into "Gra" "fi" "ek" in the text layer);
1. regions: table grids and chart areas (clusters of drawn rects, lines and paths, rows of
   evenly spaced bars, with a legend set beside them) claim their words, and the labels
   aligned with their bars, points and axes; legends found from their keys are chart text
   wherever they stand; grids the ruling finder made of a bar chart's
   bars are dropped; tables set without rules are found by their alignment (a header row of
   years over figures, or years down the side under column names);
2. rows and fragments: words on one baseline, cut where the horizontal gap is a column gap;
   raised small words after a word become superscripts (footnote markers);
3. running headers and footers: fragments in the top or bottom margin that repeat across
   pages, and page numbers;
4. footnotes: small-print lines at the foot of the body that start with a marker;
5. columns and bands: gutters found from the vertical whitespace of the body split the page
   into columns; fragments that cross a gutter form full-width bands; the page is read band
   by band, column after column from the left within a band (a caption right above a
   full-width chart belongs to the chart's band);
6. blocks: lines of one column grouped by vertical gap and style, typed as heading, paragraph
   or caption, their text joined with line-break hyphenation repaired.
"""

from __future__ import annotations

from rapportextract.layout.aligned import aligned_tables
from rapportextract.layout.blocks import body_font_size, is_caption
from rapportextract.layout.columns import find_gutter, find_gutters, reading_order
from rapportextract.layout.letters import join_letters, join_spaced_letters, join_touching_words
from rapportextract.layout.margins import running_keys
from rapportextract.layout.page import PageLayout, build_blocks, layout_pages, prepare_page
from rapportextract.layout.regions import chart_regions, graphic_boxes
from rapportextract.layout.ruled import rule_tables
from rapportextract.layout.text import (
    BULLET,
    SOFT_HYPHEN,
    join_lines,
    normalise_text,
    split_superscript_marker,
    strip_glued_markers,
)

__all__ = [
    "BULLET",
    "SOFT_HYPHEN",
    "PageLayout",
    "aligned_tables",
    "body_font_size",
    "build_blocks",
    "chart_regions",
    "find_gutter",
    "find_gutters",
    "graphic_boxes",
    "is_caption",
    "join_letters",
    "join_lines",
    "join_spaced_letters",
    "join_touching_words",
    "layout_pages",
    "normalise_text",
    "prepare_page",
    "reading_order",
    "rule_tables",
    "running_keys",
    "split_superscript_marker",
    "strip_glued_markers",
]
