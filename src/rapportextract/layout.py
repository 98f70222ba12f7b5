"""Words to lines to blocks, in reading order.

Works on `Word` models only (no PDF library here), so the chain can be tested with hand-made
words. The steps, each a small function:

0. words that touch on one baseline are one word (a ligature glyph from a second font
   subset splits "Grafiek" into "Gra" "fi" "ek" in the text layer);
1. regions: table grids and chart areas (clusters of drawn rects, lines and paths, with a
   legend set beside them) claim their words; grids the ruling finder made of a bar chart's
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

import math
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, pairwise

import regex

from rapportextract.lang.nl.words import layout_words
from rapportextract.models import (
    BBox,
    Block,
    BlockKind,
    Line,
    Page,
    TableCell,
    TableGrid,
    Word,
    union_bbox,
)

# --------------------------------------------------------------------------------------------
# Language data and text normalisation
# --------------------------------------------------------------------------------------------


# Typographic ligatures and spaces that PDFs carry as single code points.
_CHAR_MAP = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200b": "",
        "\u2010": "-",
        "\u2011": "-",
    }
)
SOFT_HYPHEN = "\u00ad"
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_TO_DIGIT = str.maketrans(_SUPERSCRIPT_DIGITS, "0123456789")
_TRAILING_SUPERSCRIPT = regex.compile(rf"(?<=\S)([{_SUPERSCRIPT_DIGITS}]+)$")
_SPACES = regex.compile(r"\s+")
BULLET = regex.compile(r"^[•·▪◦●■□➢►–—-](?:\s|$)")
"""A list item's bullet: each item is a block of its own."""
_HYPHEN_END = regex.compile(r"(?<=\w)-$")
_VOWELS = frozenset("aeiouyáéíóúëïöü")
_SOFT_HYPHEN_AT_END = regex.compile(SOFT_HYPHEN + r"+(?=\s|$)")


def normalise_text(text: str) -> str:
    """Ligatures expanded, odd spaces made plain, whitespace collapsed; a soft hyphen that
    ends a word (where the line broke) becomes a visible hyphen, any other one goes."""
    text = text.translate(_CHAR_MAP)
    text = _SOFT_HYPHEN_AT_END.sub("-", text).replace(SOFT_HYPHEN, "")
    return str(_SPACES.sub(" ", text)).strip()


def split_superscript_marker(token: str) -> tuple[str, str | None]:
    """"corporatiesector.¹" -> ("corporatiesector.", "1")."""
    match = _TRAILING_SUPERSCRIPT.search(token)
    if not match:
        return token, None
    return token[: match.start()], match.group(1).translate(_SUPERSCRIPT_TO_DIGIT)


def strip_glued_markers(text: str, markers: Sequence[str]) -> tuple[str, list[str]]:
    """Remove known footnote numbers glued to a word ("corporatiesector.1" where footnote 1
    exists): the text without them and the markers found, in order."""
    if not markers:
        return text, []
    alternatives = "|".join(regex.escape(m) for m in sorted(markers, key=len, reverse=True))
    pattern = regex.compile(rf"(?<=\p{{L}}{{3}}[.,;:!?)]?)({alternatives})(?=\s|$)")
    found = list(dict.fromkeys(m.group(1) for m in pattern.finditer(text)))
    return (pattern.sub("", text), found) if found else (text, [])


def _keeps_hyphen(left: str, right: str) -> bool:
    """Whether a hyphen at a line break is part of the spelling, not a word break.

    Kept: a capital after it ("Noord-" / "Holland", "WSNP-" / "traject"), a digit on either
    side ("2022-" / "2023"), a vowel clash that Dutch spelling writes with a hyphen
    ("zee-" / "egel", "auto-" / "ongeluk").
    """
    stem = left[:-1]
    if not stem or not right:
        return True
    if right[0].isupper() or right[0].isdigit() or stem[-1].isdigit():
        return True
    if stem.isupper() and len(stem) > 1:
        return True
    return stem[-1].lower() in _VOWELS and right[0].lower() in _VOWELS


def join_lines(lines: Sequence[str]) -> str:
    """Join the lines of one block into running text, repairing line-break hyphenation.

    "huur-" + "achterstand" -> "huurachterstand"; "energie-" + "of budgetcoach" keeps the
    hyphen and the space (a suspended compound); "Noord-" + "Holland" keeps the hyphen.
    """
    words = layout_words()
    text = ""
    for raw in lines:
        line = normalise_text(raw)
        if not line:
            continue
        if not text:
            text = line
            continue
        first = line.split(" ", 1)[0]
        if _HYPHEN_END.search(text) and not text.endswith("--"):
            last = text.rsplit(" ", 1)[-1]
            if first.lower().strip(",.;:") in words.suspended_next:
                text = f"{text} {line}"
            elif _keeps_hyphen(last, first):
                text = text + line
            else:
                text = text[:-1] + line
        else:
            text = f"{text} {line}"
    return text


# --------------------------------------------------------------------------------------------
# Working lines
# --------------------------------------------------------------------------------------------


@dataclass
class _Frag:
    """Words on one baseline that belong together (one column's part of a printed line)."""

    words: list[Word]
    kind: BlockKind | None = None

    @property
    def body_words(self) -> list[Word]:
        return [w for w in self.words if not w.superscript]

    @property
    def bbox(self) -> BBox:
        box = union_bbox([w.bbox for w in self.body_words] or [w.bbox for w in self.words])
        assert box is not None
        return box

    @property
    def x0(self) -> float:
        return self.bbox[0]

    @property
    def x1(self) -> float:
        return self.bbox[2]

    @property
    def top(self) -> float:
        return self.bbox[1]

    @property
    def bottom(self) -> float:
        return self.bbox[3]

    @property
    def size(self) -> float:
        sizes = [w.size or 0.0 for w in self.body_words] or [w.size or 0.0 for w in self.words]
        return statistics.median(sizes)

    @property
    def bold(self) -> bool:
        words = self.body_words
        return bool(words) and all(w.bold for w in words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.body_words)


def _word_size(word: Word) -> float:
    return word.size or max(word.bbox[3] - word.bbox[1], 1.0)


def _rows(words: Sequence[Word]) -> list[list[Word]]:
    """Words grouped by baseline; raised small words glued to the word before them become
    superscripts of that row."""
    ordered = sorted(words, key=lambda w: (w.bbox[3], w.bbox[0]))
    rows: list[list[Word]] = []
    for word in ordered:
        tol = 0.3 * _word_size(word)
        if rows and abs(rows[-1][0].bbox[3] - word.bbox[3]) <= tol:
            rows[-1].append(word)
        else:
            rows.append([word])
    for row in rows:
        row.sort(key=lambda w: w.bbox[0])
    return _attach_superscripts(rows)


_MARKER_TEXT = regex.compile(rf"^(?:\d{{1,3}}|[*†‡]|[{_SUPERSCRIPT_DIGITS}]+)$")


@dataclass
class _RowStats:
    size: float
    top: float
    baseline: float


def _attach_superscripts(rows: list[list[Word]]) -> list[list[Word]]:
    """Move each raised marker ("1" set small, or set at body size with a rise) into the row
    of the word it is glued to, flagged as superscript."""
    stats = [
        _RowStats(
            size=statistics.median(_word_size(w) for w in row),
            top=min(w.bbox[1] for w in row),
            baseline=statistics.median(w.bbox[3] for w in row),
        )
        for row in rows
    ]
    moved: list[tuple[int, Word, int]] = []
    for i, row in enumerate(rows):
        for word in row:
            small = _word_size(word) < 0.85 * stats[i].size
            if not small and not _MARKER_TEXT.match(word.text):
                continue
            for j, host in enumerate(rows):
                if j == i:
                    continue
                st = stats[j]
                raised = st.top < word.bbox[3] < st.baseline - 0.2 * st.size
                if (
                    raised and (_word_size(word) < 0.85 * st.size or _MARKER_TEXT.match(word.text))
                    and _glued(word, [w for w in host if not w.superscript])
                ):
                    moved.append((i, word, j))
                    break
    for i, word, j in moved:
        rows[i] = [w for w in rows[i] if w is not word]
        rows[j].append(word.model_copy(update={"superscript": True}))
        rows[j].sort(key=lambda w: w.bbox[0])
    return [row for row in rows if row]


def _glued(word: Word, row: Sequence[Word]) -> bool:
    """A marker sits right after a word ("sector.¹") or right before one (a footnote's own
    marker at the start of its line)."""
    return any(
        -1.5 <= word.bbox[0] - other.bbox[2] <= 3.0 or -1.5 <= other.bbox[0] - word.bbox[2] <= 3.0
        for other in row
    )


def _fragments(row: list[Word], gutters: Sequence[tuple[float, float]] = ()) -> list[_Frag]:
    """Cut a row where the gap between words is wider than a word space can be, or where it
    crosses a known column gutter."""
    frags: list[_Frag] = []
    current: list[Word] = []
    prev: Word | None = None
    for word in row:
        if prev is not None and not word.superscript:
            gap = word.bbox[0] - prev.bbox[2]
            size = max(_word_size(word), _word_size(prev))
            crosses = any(prev.bbox[2] <= g0 + 1 and word.bbox[0] >= g1 - 1 for g0, g1 in gutters)
            if gap > 1.0 * size or crosses:
                frags.append(_Frag(current))
                current = []
        current.append(word)
        if not word.superscript:
            prev = word
    if current:
        frags.append(_Frag(current))
    return frags


# --------------------------------------------------------------------------------------------
# Regions: tables and charts
# --------------------------------------------------------------------------------------------


def _inside(box: BBox, region: BBox, pad: float = 1.0) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return region[0] - pad <= cx <= region[2] + pad and region[1] - pad <= cy <= region[3] + pad


def _near(a: BBox, b: BBox, pad: float) -> bool:
    return not (
        a[2] + pad < b[0] or b[2] + pad < a[0] or a[3] + pad < b[1] or b[3] + pad < a[1]
    )


def graphic_boxes(page: Page) -> list[BBox]:
    boxes: list[BBox] = [r.bbox for r in page.rects]
    for seg in page.segments:
        xs = [p[0] for p in seg.points]
        ys = [p[1] for p in seg.points]
        if xs:
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


def chart_regions(page: Page, words: Sequence[Word]) -> list[BBox]:
    """Areas of drawn graphics that are charts: clusters of at least three rects, lines or
    curves, at least 30 points each way. Not charts: page backgrounds, a box behind a run of
    text (a coloured title band), a framed text box (its lines are prose), and a drawing
    without figures or labels (a logo)."""
    width, height = page.width or 595.0, page.height or 842.0
    tables = [t.bbox for t in page.tables if t.bbox]
    boxes: list[BBox] = []
    for box in graphic_boxes(page):
        w, h = box[2] - box[0], box[3] - box[1]
        if w * h > 0.4 * width * height or any(_inside(box, t, 2) for t in tables):
            continue
        if w >= 30 and h >= 8:
            letters = sum(
                sum(c.isalpha() for c in wd.text) for wd in words if _inside(wd.bbox, box, 0)
            )
            if letters > 20:  # a box behind prose
                continue
        boxes.append(box)
    clusters = _cluster(boxes, pad=6.0)
    seeds = [
        box for members, box in clusters
        if members >= 3 and box[2] - box[0] >= 30 and box[3] - box[1] >= 30
    ]
    strays = [box for members, box in clusters if members < 3]
    charts: list[BBox] = []
    for seed in seeds:
        box = _with_aligned_strays(seed, strays)
        inside = [wd for wd in words if _inside(wd.bbox, box)]
        if _is_text_box(inside):
            continue
        near = [wd for wd in words if _near(wd.bbox, box, 12.0)]
        if len(inside) < 3 and not any(c.isdigit() for wd in near for c in wd.text):
            continue
        charts.append(_with_legend_keys(box, page))
    return _merge_overlapping(charts)


def _merge_overlapping(boxes: list[BBox]) -> list[BBox]:
    """One chart whose parts fell into two clusters (a data line with its markers and legend
    apart from the axes) is one region: boxes that overlap are joined."""
    merged = list(boxes)
    joined = True
    while joined:
        joined = False
        pairs = [(a, b) for a in range(len(merged)) for b in range(a + 1, len(merged))]
        for i, j in pairs:
            if _near(merged[i], merged[j], 0):
                merged[i] = union_bbox([merged[i], merged[j]]) or merged[i]
                del merged[j]
                joined = True
                break
    return merged


_LEGEND_REACH = 100.0


def _with_legend_keys(box: BBox, page: Page) -> BBox:
    """A legend set beside the plot stands further off than the chart's own parts: small
    filled keys (squares, or 20 by 7 point bars) level with the chart and within reach of it
    belong to it; their texts then join it as labels."""
    keys = [
        r.bbox for r in page.rects
        if r.fill is not None
        and r.bbox[2] - r.bbox[0] <= 24 and 2 <= r.bbox[3] - r.bbox[1] <= 14
        and box[1] - 5 <= r.bbox[1] and r.bbox[3] <= box[3] + 5
        and not _near(r.bbox, box, 0) and _near(r.bbox, box, _LEGEND_REACH)
    ]
    return union_bbox([box, *keys]) or box


def _with_aligned_strays(box: BBox, strays: Sequence[BBox]) -> BBox:
    """A gridline beyond the longest bar, or an axis a little apart from the bars, stands
    apart from the cluster but spans the same height (or width): it belongs to the chart."""
    parts = [box]
    for stray in strays:
        height = box[3] - box[1]
        width = box[2] - box[0]
        same_height = (
            min(box[3], stray[3]) - max(box[1], stray[1]) >= 0.8 * height
            and stray[3] - stray[1] <= 1.2 * height
            and (stray[0] - box[2] <= 60 and box[0] - stray[2] <= 60)
        )
        same_width = (
            min(box[2], stray[2]) - max(box[0], stray[0]) >= 0.8 * width
            and stray[2] - stray[0] <= 1.2 * width
            and (stray[1] - box[3] <= 20 and box[1] - stray[3] <= 20)
        )
        if same_height or same_width:
            parts.append(stray)
    return union_bbox(parts) or box


def _is_text_box(words: Sequence[Word]) -> bool:
    """Framed prose: most of the words inside stand in long lines."""
    if len(words) < 12:
        return False
    long_rows = sum(len(row) for row in _rows(words) if len(row) >= 6)
    return long_rows >= 0.5 * len(words)


def _cluster(boxes: Sequence[BBox], pad: float) -> list[tuple[int, BBox]]:
    """Boxes that touch (within `pad`), joined transitively: union-find over a sweep."""
    order = sorted(range(len(boxes)), key=lambda i: boxes[i][0])
    parent = list(range(len(boxes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for n, i in enumerate(order):
        reach = boxes[i][2] + pad
        for j in order[n + 1:]:
            if boxes[j][0] > reach:
                break
            if _near(boxes[i], boxes[j], pad):
                parent[find(i)] = find(j)
    groups: dict[int, list[BBox]] = {}
    for i, box in enumerate(boxes):
        groups.setdefault(find(i), []).append(box)
    result: list[tuple[int, BBox]] = []
    for members in groups.values():
        joined = union_bbox(members)
        assert joined is not None
        result.append((len(members), joined))
    return result


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


# --------------------------------------------------------------------------------------------
# Running headers and footers
# --------------------------------------------------------------------------------------------

_MARGIN_SHARE = 0.1
_DIGITS = regex.compile(r"\d+")


def _margin_zone(frag: _Frag, page: Page) -> str | None:
    height = page.height or 842.0
    if frag.bottom <= _MARGIN_SHARE * height:
        return "top"
    if frag.top >= (1 - _MARGIN_SHARE) * height:
        return "bottom"
    return None


def _running_key(frag: _Frag, zone: str) -> str:
    return f"{zone}|{_DIGITS.sub('#', frag.text.lower())}"


def running_keys(pages: Sequence[tuple[Page, list[_Frag]]]) -> set[str]:
    """Margin texts that repeat on at least two pages (digits ignored: page numbers)."""
    seen: Counter[str] = Counter()
    for page, frags in pages:
        keys = {
            _running_key(f, zone) for f in frags if (zone := _margin_zone(f, page)) is not None
        }
        seen.update(keys)
    return {k for k, n in seen.items() if n >= 2}


# --------------------------------------------------------------------------------------------
# Columns and bands
# --------------------------------------------------------------------------------------------


_MAX_PAGE_WIDTH = 14_400.0


def _cover(boxes: Sequence[BBox], xs: range) -> list[int]:
    """How many boxes cross each x of `xs` (from half a point left of a box to half a point
    right of it, ends excluded)."""
    # Counting every box at every x took a good part of the layout time on a text-heavy
    # page; each box adds one over the whole numbers strictly inside its ends instead.
    ends = [(b[0] - 0.5, b[2] + 0.5) for b in boxes]
    if not all(math.isfinite(a) and math.isfinite(z) for a, z in ends):
        return [sum(1 for a, z in ends if a < x < z) for x in xs]
    steps = [0] * (len(xs) + 1)
    for a, z in ends:
        first = max(math.floor(a) + 1, xs.start)
        last = min(math.ceil(z) - 1, xs.stop - 1)
        if first <= last:
            steps[first - xs.start] += 1
            steps[last - xs.start + 1] -= 1
    return list(accumulate(steps[:-1]))


def find_gutter(boxes: Sequence[BBox], size: float) -> tuple[float, float] | None:
    """The vertical strip of whitespace that separates two columns, if the body has two.

    Scans the middle half of the text area for the x positions crossed by the fewest lines;
    two columns need lines on both sides of that strip, side by side, and few lines across.
    """
    if len(boxes) < 6:
        return None
    left_edge = min(b[0] for b in boxes)
    right_edge = max(b[2] for b in boxes)
    width = right_edge - left_edge
    if width < 20 * size:
        return None
    # A PDF page is at most 14,400 points wide (the format's own limit); text spread wider
    # than that comes from damaged coordinates, and scanning it point by point would not end.
    if not math.isfinite(width) or width > _MAX_PAGE_WIDTH:
        return None
    xs = range(int(left_edge + 0.25 * width), int(left_edge + 0.75 * width) + 1)
    cover = _cover(boxes, xs)
    best = min(cover)
    # the widest run of best coverage
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, c in enumerate([*cover, best + 1]):
        if c == best and start is None:
            start = i
        elif c != best and start is not None:
            runs.append((start, i - 1))
            start = None
    a, b = max(runs, key=lambda r: r[1] - r[0])
    g0, g1 = float(xs[a]), float(xs[b])
    if g1 - g0 < 0.5 * size:
        return None
    left = [bx for bx in boxes if bx[2] <= g0 + 0.5]
    right = [bx for bx in boxes if bx[0] >= g1 - 0.5]
    if len(left) < 2 or len(right) < 2:
        return None
    # two charts side by side with their captions are few boxes, but nothing crosses them
    if (len(left) < 3 or len(right) < 3) and best > 0:
        return None
    if best > 0.5 * min(len(left), len(right)):
        return None
    side_by_side = sum(1 for r in right if any(le[1] < r[3] and r[1] < le[3] for le in left))
    if side_by_side < 2:
        return None
    return g0, g1


@dataclass
class _Item:
    """Something placed in reading order: a run of lines or a region block."""

    box: BBox
    column: int | None
    frag: _Frag | None = None
    block: Block | None = None


def find_gutters(boxes: Sequence[BBox], size: float) -> list[tuple[float, float]]:
    """All column gutters, left to right: a gutter, then the gutters of each side (three
    columns are two gutters; a side too narrow for two columns has none)."""
    gutter = find_gutter(boxes, size)
    if gutter is None:
        return []
    g0, g1 = gutter
    left = find_gutters([b for b in boxes if b[2] <= g0 + 0.5], size)
    right = find_gutters([b for b in boxes if b[0] >= g1 - 0.5], size)
    return [*left, gutter, *right]


_SPAN_REACH = 20.0
"""How far (points) a line must reach into the columns on both sides of a gutter to count as
full width; a long web address that pokes into the gutter still belongs to its column."""


def _assign_columns(items: list[_Item], gutters: Sequence[tuple[float, float]]) -> None:
    """Column index = the number of gutters left of where the item starts; None where it
    spans a gutter, reaching well into the columns on both sides."""
    for it in items:
        x0, _, x1, _ = it.box
        spans = any(g0 - x0 >= _SPAN_REACH and x1 - g1 >= _SPAN_REACH for g0, g1 in gutters)
        if not gutters or spans:
            it.column = None
        else:
            it.column = sum(1 for g0, _ in gutters if x0 >= g0)


def _absorb_short_tails(items: list[_Item]) -> None:
    """The last line of a full-width paragraph can be short enough to sit in the left column;
    directly under a full-width line with the same left edge and with nothing beside it, it
    belongs to the full-width band."""
    spanning = [it for it in items if it.column is None and it.frag is not None]
    right = [it for it in items if it.column == 1]
    for it in items:
        if it.column != 0 or it.frag is None:
            continue
        for above in spanning:
            gap = it.box[1] - above.box[3]
            size = above.frag.size if above.frag else 10.0
            if (
                0 <= gap <= 0.8 * size
                and abs(it.box[0] - above.box[0]) <= 2.0
                and abs(it.frag.size - size) < 0.5
                and not any(r.box[1] < it.box[3] + size and r.box[3] > above.box[1] for r in right)
            ):
                it.column = None
                spanning.append(it)
                break


def _lift_region_titles(items: list[_Item]) -> None:
    """A caption or title right above a full-width chart or table, below the end of every
    column beside it, belongs to the chart's band: read after the columns above, not between
    them. Lines are lifted from the region upwards, so a caption of two lines goes whole."""
    regions = [it for it in items if it.block is not None and it.column is None]
    in_columns = sorted(
        (it for it in items if it.frag is not None and it.column is not None),
        key=lambda it: -it.box[3],
    )
    for region in regions:
        top = region.box[1]
        for it in in_columns:
            assert it.frag is not None
            size = it.frag.size
            if it.column is None or it.box[3] > top + 1 or top - it.box[3] > 2.5 * size:
                continue
            if it.box[2] < region.box[0] or it.box[0] > region.box[2]:
                continue
            beside = any(
                other.column is not None and other.column != it.column
                and other.box[3] > it.box[1] - 1 and other.box[1] < region.box[1]
                for other in items
            )
            if beside:
                break
            it.column = None
            top = it.box[1]


def reading_order(items: list[_Item]) -> list[_Item]:
    """Band by band from the top; within a band of columns, the left column then the right."""
    ordered = sorted(items, key=lambda it: (it.box[1], it.box[0]))
    bands: list[list[_Item]] = []
    for it in ordered:
        full = it.column is None
        if bands and (bands[-1][0].column is None) == full:
            bands[-1].append(it)
        else:
            bands.append([it])
    result: list[_Item] = []
    for band in bands:
        if band[0].column is None:
            result.extend(band)
        else:
            result.extend(sorted(band, key=lambda it: (it.column or 0, it.box[1], it.box[0])))
    return result


# --------------------------------------------------------------------------------------------
# Blocks
# --------------------------------------------------------------------------------------------


def body_font_size(words: Iterable[Word]) -> float:
    """The size most characters are set in."""
    counts: Counter[float] = Counter()
    for w in words:
        if w.size:
            counts[round(w.size, 1)] += len(w.text)
    return counts.most_common(1)[0][0] if counts else 10.0


def is_caption(text: str) -> bool:
    """"Grafiek 3: ..." or "Tabel 2 Vonnissen per jaar", but not a sentence that starts with
    the label ("Tabel 1 vat de uitkomsten samen. ...")."""
    match = layout_words().caption.match(text)
    if not match:
        return False
    rest = text[match.end():]
    if rest[:2].strip()[:1] in (":", ".", "-", "–", "—"):
        return True
    return len(text) <= 160 and ". " not in rest and not rest.rstrip().endswith(".")


def _line_pitches(items: Sequence[_Item]) -> dict[float, float]:
    """The usual distance from one line's top to the next, per font size: the lower quartile
    of the distances between successive lines of one column, so paragraph spacing does not
    count; never more than 1.5 times the size (a page of one-line paragraphs)."""
    by_size: dict[float, list[float]] = {}
    lines = sorted(
        (it for it in items if it.frag is not None),
        key=lambda it: (it.column if it.column is not None else -1, it.box[1]),
    )
    for a, b in pairwise(lines):
        fa, fb = a.frag, b.frag
        assert fa is not None and fb is not None
        if a.column != b.column or abs(fa.size - fb.size) > 0.5:
            continue
        pitch = fb.top - fa.top
        if 0.9 * fa.size <= pitch <= 2.5 * fa.size:
            by_size.setdefault(round(fa.size), []).append(pitch)
    result: dict[float, float] = {}
    for size, pitches in by_size.items():
        pitches.sort()
        result[size] = min(pitches[len(pitches) // 4], 1.5 * size)
    return result


def _starts_block(prev: _Frag, frag: _Frag, pitches: dict[float, float]) -> bool:
    size = max(prev.size, frag.size)
    if frag.top - prev.bottom < -0.5 * size:
        return True
    if abs(frag.size - prev.size) > 0.75 or frag.bold != prev.bold:
        return True
    pitch = pitches.get(round(prev.size), 1.3 * prev.size)
    if frag.top - prev.top > pitch + 0.4 * size:
        return True
    # "Tabel 2 is zonder lijnen gezet." after a line break is prose, not a caption.
    return bool(BULLET.match(frag.text) or is_caption(frag.text))


def _merge_row_pieces(items: list[_Item]) -> list[_Item]:
    """Pieces of one printed line in one column, cut apart at a wide justified space, are one
    line again (unless a chart or table stands between them)."""
    regions = [it for it in items if it.block is not None]
    pieces = sorted(
        (it for it in items if it.frag is not None),
        key=lambda it: (it.column if it.column is not None else -1, it.box[3], it.box[0]),
    )
    out: list[_Item] = []
    for it in pieces:
        prev = out[-1] if out else None
        if prev is not None and prev.frag is not None and it.frag is not None:
            size = max(prev.frag.size, it.frag.size)
            between = any(
                r.box[1] < it.box[3] and r.box[3] > it.box[1]
                and r.box[0] >= prev.box[2] - 1 and r.box[2] <= it.box[0] + 1
                for r in regions
            )
            if (
                prev.column == it.column and abs(prev.box[3] - it.box[3]) <= 0.3 * size
                and it.box[0] >= prev.box[2] - 1 and not between
            ):
                merged = _Frag(sorted(prev.frag.words + it.frag.words, key=lambda w: w.bbox[0]))
                prev.frag, prev.box = merged, merged.bbox
                continue
        out.append(it)
    return out + regions


def _is_heading(frags: Sequence[_Frag], text: str, body: float) -> bool:
    if len(frags) > 3 or not text:
        return False
    size = statistics.median(f.size for f in frags)
    letters = [c for c in text if c.isalpha()]
    if size >= 1.15 * body:
        return True
    ends_sentence = text.rstrip().endswith((".", ":", ";"))
    if all(f.bold for f in frags) and len(frags) <= 2 and not ends_sentence:
        return len(text.split()) <= 15
    return len(letters) >= 4 and all(c.isupper() for c in letters) and len(frags) <= 3


def _line_model(frag: _Frag) -> Line:
    return Line(text=frag.text, bbox=frag.bbox, words=list(frag.words))


def _markers(frags: Sequence[_Frag]) -> list[str]:
    refs: list[str] = []
    for f in frags:
        for w in f.words:
            marker: str | None
            if w.superscript:
                marker = w.text.translate(_SUPERSCRIPT_TO_DIGIT)
            else:
                marker = split_superscript_marker(w.text)[1]
            if marker and marker not in refs:
                refs.append(marker)
    return refs


def _frag_text_lines(frags: Sequence[_Frag]) -> list[str]:
    return [" ".join(split_superscript_marker(w.text)[0] for w in f.body_words) for f in frags]


def _make_block(frags: list[_Frag], kind: BlockKind | None, column: int | None,
                body: float) -> Block:
    text = join_lines(_frag_text_lines(frags))
    refs = _markers(frags)
    if kind is None:
        if is_caption(text):
            kind = BlockKind.CAPTION
        elif _is_heading(frags, text, body):
            kind = BlockKind.HEADING
        else:
            kind = BlockKind.PARAGRAPH
    if kind is BlockKind.FOOTNOTE:
        text, own = _footnote_marker(frags, text)
        refs = [own] if own else refs
    return Block(
        id="", kind=kind, page=0, bbox=union_bbox([f.bbox for f in frags]), text=text,
        lines=[_line_model(f) for f in frags], column=column, footnote_refs=refs,
    )


_FOOTNOTE_START = regex.compile(r"^(\d{1,3}|[*†])\s+(?=\S)")


def _footnote_marker(frags: Sequence[_Frag], text: str) -> tuple[str, str | None]:
    first = frags[0].words[0]
    if first.superscript:
        return text, first.text.translate(_SUPERSCRIPT_TO_DIGIT)
    match = _FOOTNOTE_START.match(text)
    if match:
        return text[match.end():], match.group(1)
    return text, None


def _starts_footnote(frag: _Frag) -> bool:
    return frag.words[0].superscript or bool(_FOOTNOTE_START.match(frag.text))


def _footnote_frags(frags: list[_Frag], body: float) -> list[list[_Frag]]:
    """Small print under the body that starts with a marker: the page's footnotes."""
    # notes are set a point or more below the body (8 on 10, 9 on 10, 8.5 on 9.5)
    small = 0.92 * body
    body_bottom = max((f.bottom for f in frags if f.size > small and f.kind is None),
                      default=0.0)
    zone = sorted(
        (f for f in frags if f.kind is None and f.top > body_bottom and f.size <= small),
        key=lambda f: (f.top, f.x0),
    )
    notes: list[list[_Frag]] = []
    for frag in zone:
        if _starts_footnote(frag):
            notes.append([frag])
        elif notes:
            notes[-1].append(frag)
    return notes


def _table_block(table: TableGrid) -> Block:
    rows = [
        "\t".join(normalise_text(c.text) if c else "" for c in row) for row in table.rows
    ]
    return Block(id="", kind=BlockKind.TABLE, page=0, bbox=table.bbox, text="\n".join(rows))


def _chart_block(box: BBox, words: list[Word]) -> Block:
    rows = _rows(words)
    lines = [Line(text=" ".join(w.text for w in r), bbox=union_bbox([w.bbox for w in r]) or box,
                  words=r) for r in rows]
    bbox = union_bbox([box, *[w.bbox for w in words]]) or box
    return Block(id="", kind=BlockKind.CHART, page=0, bbox=bbox,
                 text="\n".join(line.text for line in lines), lines=lines)


@dataclass
class PageLayout:
    """One page's words sorted into regions and fragments, before running text is known."""

    page: Page
    frags: list[_Frag]
    regions: list[Block] = field(default_factory=list)


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


# --------------------------------------------------------------------------------------------
# Tables without rules
# --------------------------------------------------------------------------------------------

_YEAR_CELL = regex.compile(r"^(?:19|20)\d{2}\*{0,2}$")
def _is_cell(text: str) -> bool:
    """A table cell: one figure, or a mark for a missing one (`layout.toml`)."""
    return bool(_FIGURE.match(text)) or text.lower() in layout_words().missing_cells


def _baseline_rows(frags: Sequence[_Frag]) -> list[list[_Frag]]:
    rows: list[list[_Frag]] = []
    for frag in sorted(frags, key=lambda f: (f.bottom, f.x0)):
        if rows and abs(rows[-1][0].bottom - frag.bottom) <= 0.3 * frag.size:
            rows[-1].append(frag)
        else:
            rows.append([frag])
    for row in rows:
        row.sort(key=lambda f: f.x0)
    return rows


def _column_of(frag: _Frag, columns: Sequence[_Frag]) -> int | None:
    """The year column a figure stands in: right-aligned, centred or left-aligned under it."""
    reach = 0.8 * frag.size
    for k, col in enumerate(columns):
        centre, col_centre = (frag.x0 + frag.x1) / 2, (col.x0 + col.x1) / 2
        if (
            abs(frag.x1 - col.x1) <= reach or abs(centre - col_centre) <= reach
            or abs(frag.x0 - col.x0) <= reach
        ):
            return k
    return None


def aligned_tables(frags: Sequence[_Frag]) -> list[tuple[TableGrid, set[int]]]:
    """Tables set without any rule, found by their alignment alone (nothing drawn marks them):

    - a header row of years (after an optional label), then rows of a label and figures that
      stand under the years;
    - or a header row of short column names, then rows that start with a year and have
      figures under the names (the same table turned a quarter).

    Returns each grid with the ids of the fragments it takes."""
    rows = _baseline_rows([f for f in frags if f.kind is None])
    found: list[tuple[TableGrid, set[int]]] = []
    i = 0
    while i < len(rows):
        header = _table_header(rows[i], rows[i + 1] if i + 1 < len(rows) else [])
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
            cells = _table_row(rows[j], last, columns, year_rows)
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
    row: list[_Frag], below: list[_Frag]
) -> tuple[_Frag | None, list[_Frag], bool] | None:
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
        and all(len(f.body_words) <= 4 and not _is_cell(f.text) for f in row)
    ):
        return None, list(row), True
    return None


def _table_row(
    row: list[_Frag], last: list[_Frag], columns: Sequence[_Frag], year_rows: bool
) -> list[TableCell | None] | None:
    """One row of a rule-less table: its label and a figure under each column it fills;
    None where the row is no part of the table."""
    size = max(f.size for f in row)
    if min(f.top for f in row) - max(f.bottom for f in last) > 1.5 * size:
        return None
    edge = min(c.x0 for c in columns) - 2
    label_frags = [f for f in row if f.x1 < edge]
    values = [f for f in row if f.x1 >= edge]
    label = " ".join(f.text for f in label_frags)
    if year_rows and not _YEAR_CELL.match(label):
        return None
    placed: dict[int, _Frag] = {}
    for value in values:
        k = _column_of(value, columns)
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


_SENTENCE_END = regex.compile(r"[.!?…][\"'”’)]*$")
_FIGURE = regex.compile(r"^[€+\-−–]?\s?(?:\d{1,3}(?: \d{3})+|\d[\d.,]*)(?:,\d+)?\s?%?$")
"""A data label: one figure ("1.720", "1 720", "84,5"), perhaps with a euro or percent
sign."""


def _paragraph_line(frag: _Frag, frags: Sequence[_Frag]) -> bool:
    """A wide line with a line of the same style right under or over it, starting at the same
    left edge: a line of a paragraph, however short its sentence fragment."""
    if frag.x1 - frag.x0 < 12 * frag.size or len(frag.body_words) < 4:
        return False
    for other in frags:
        if other is frag or abs(other.x0 - frag.x0) > 1.0 or abs(other.size - frag.size) > 0.5:
            continue
        gap = max(other.top - frag.bottom, frag.top - other.bottom)
        if -0.2 * frag.size <= gap <= 0.8 * frag.size and other.x1 - other.x0 >= 8 * frag.size:
            return True
    return False


def _absorb_chart_labels(frags: list[_Frag], charts: Sequence[BBox],
                         chart_words: dict[int, list[Word]], body: float) -> list[_Frag]:
    """Axis labels, category names, data labels above the bars, legends and axis titles sit
    just outside the drawn area: short lines within about a line's height of a chart belong
    to it. Two passes: the second reaches an axis title under the tick labels. Captions,
    headings and lines that end a sentence stay prose."""
    if not charts:
        return list(frags)
    caption = layout_words().caption
    boxes = list(charts)
    keep = list(frags)
    reach = 3 * body
    close = [f for f in frags if any(_near(f.bbox, box, reach) for box in boxes)]
    prose = {id(f) for f in close if _paragraph_line(f, frags)}
    for _ in range(2):
        rest: list[_Frag] = []
        grown = list(boxes)
        for frag in keep:
            target = None
            for c, box in enumerate(boxes):
                pad = 1.2 * frag.size
                # Data labels are often set bold; a bold line of words is a heading.
                plain = (not frag.bold and frag.size < 1.15 * body) or _FIGURE.match(frag.text)
                label_like = (
                    len(frag.body_words) <= 6
                    and not _SENTENCE_END.search(frag.text)
                    and bool(plain)
                    and not caption.match(frag.text)
                    and id(frag) not in prose
                )
                overlaps_x = frag.x0 < box[2] + pad and frag.x1 > box[0] - pad
                if label_like and overlaps_x and _near(frag.bbox, box, pad):
                    target = c
                    break
            if target is None:
                rest.append(frag)
            else:
                chart_words[target].extend(frag.words)
                grown[target] = union_bbox([grown[target], frag.bbox]) or grown[target]
        if len(rest) == len(keep):
            break
        keep, boxes = rest, grown
    return keep


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


def _column_regions(regions: Sequence[Block], frags: Sequence[_Frag]) -> list[BBox]:
    """The boxes of charts and tables that may stand in a column. A region across most of the
    text width is a band of its own; left in, it would cover the gutter of the columns above
    or below it (prose beside a narrow picture, then a full-width table)."""
    boxes = [r.bbox for r in regions if r.bbox]
    if not frags:
        return boxes
    width = max(f.x1 for f in frags) - min(f.x0 for f in frags)
    return [b for b in boxes if b[2] - b[0] <= 0.6 * width]


def _group_lines(frags: list[_Frag]) -> list[list[_Frag]]:
    return [[f] for f in sorted(frags, key=lambda f: (f.top, f.x0))]


def _merge_title_lines(blocks: list[Block]) -> None:
    """A heading that ends on "EN" or "VAN" goes on in the heading right under it."""
    words = layout_words()
    i = 0
    while i + 1 < len(blocks):
        a, b = blocks[i], blocks[i + 1]
        last = a.text.rsplit(" ", 1)[-1].lower() if a.text else ""
        if (
            a.kind is BlockKind.HEADING and b.kind is BlockKind.HEADING
            and last in words.heading_continuation and a.column == b.column
        ):
            blocks[i] = a.model_copy(update={
                "text": f"{a.text} {b.text}", "lines": a.lines + b.lines,
                "bbox": union_bbox([x for x in (a.bbox, b.bbox) if x is not None]),
            })
            del blocks[i + 1]
            continue
        i += 1


_OPEN_END = regex.compile(r"[.!?:;…][\"'”’»)\]]*$")


def _merge_across_columns(blocks: list[Block]) -> None:
    """A paragraph that ends the left column without ending its sentence goes on at the top
    of the right column."""
    i = 0
    while i + 1 < len(blocks):
        a, b = blocks[i], blocks[i + 1]
        if (
            a.kind is BlockKind.PARAGRAPH and b.kind is BlockKind.PARAGRAPH
            and a.column is not None and b.column == a.column + 1
            and not _OPEN_END.search(a.text)
        ):
            blocks[i] = a.model_copy(update={
                "text": join_lines([a.text, b.text]), "lines": a.lines + b.lines,
                "bbox": union_bbox([x for x in (a.bbox, b.bbox) if x is not None]),
                "footnote_refs": list(dict.fromkeys(a.footnote_refs + b.footnote_refs)),
            })
            del blocks[i + 1]
            continue
        i += 1


def join_touching_words(words: Sequence[Word]) -> list[Word]:
    """Words that touch on one baseline are one word. A PDF switches fonts inside a word where
    a ligature glyph ("fi") comes from a second subset of the same font, or a kerned letter
    from a fallback font; the text layer then gives "Gra" "fi" "ek" for "Grafiek"."""
    ordered = sorted(words, key=lambda w: (round(w.bbox[3], 1), w.bbox[0]))
    out: list[Word] = []
    for word in ordered:
        prev = out[-1] if out else None
        if prev is not None and not prev.superscript and not word.superscript:
            size = min(_word_size(prev), _word_size(word))
            gap = word.bbox[0] - prev.bbox[2]
            if (
                abs(prev.bbox[3] - word.bbox[3]) <= 0.1 * size
                and abs(_word_size(prev) - _word_size(word)) <= 0.6
                and -0.1 * size <= gap <= 0.05 * size
            ):
                main = prev if len(prev.text) >= len(word.text) else word
                box = union_bbox([prev.bbox, word.bbox])
                assert box is not None
                out[-1] = main.model_copy(update={"text": prev.text + word.text, "bbox": box})
                continue
        out.append(word)
    return out


def join_spaced_letters(words: Sequence[Word]) -> list[Word]:
    """Headings set with spaced letters (tracking) reach the text layer as single letters:
    the gap between letters is wider than the word builder allows, "C I J F E R S". In a run
    of such short pieces on one baseline, the narrowest gap is the tracking: gaps close to it
    join letters, a gap clearly wider (tracking plus a word space) parts words."""
    rows: dict[tuple[float, float], list[Word]] = {}
    for word in words:
        rows.setdefault((round(word.bbox[3]), round(_word_size(word))), []).append(word)
    out: list[Word] = []
    for row in rows.values():
        row.sort(key=lambda w: w.bbox[0])
        start = 0
        while start < len(row):
            end = start + 1
            size = _word_size(row[start])
            while end < len(row) and 0 <= row[end].bbox[0] - row[end - 1].bbox[2] <= 1.0 * size:
                end += 1
            run = row[start:end]
            out.extend(_rejoin_letters(run) if _spaced_run(run) else run)
            start = end
    return out


def _spaced_run(run: Sequence[Word]) -> bool:
    """Mostly single letters, three or more in a row: spaced letters. Ordinary text has
    single-letter words ("1 en 2") but seldom two side by side."""
    singles = [len(w.text) == 1 for w in run]
    in_a_row = any(all(singles[i:i + 3]) for i in range(len(singles) - 2))
    return len(run) >= 4 and in_a_row and sum(singles) >= 0.5 * len(run)


def _rejoin_letters(run: Sequence[Word]) -> list[Word]:
    size = _word_size(run[0])
    gaps = [b.bbox[0] - a.bbox[2] for a, b in pairwise(run)]
    tracking = min(gaps)
    out: list[Word] = []
    current = [run[0]]
    for word, gap in zip(run[1:], gaps, strict=True):
        if gap <= tracking + 0.12 * size:
            current.append(word)
        else:
            out.append(join_letters(current))
            current = [word]
    out.append(join_letters(current))
    return out


def join_letters(words: Sequence[Word]) -> Word:
    """One word from letters the text layer gave apart (spaced headings here, slanted chart
    labels in `charts.join_slanted`): the first letter's font and flags, the letters' text run
    together in the order given, and the box around them all."""
    box = union_bbox([w.bbox for w in words])
    assert box is not None
    return words[0].model_copy(update={"text": "".join(w.text for w in words), "bbox": box})


def layout_pages(pages: Sequence[Page]) -> None:
    """Fill `blocks` of every page from its words, drawings and tables (in place)."""
    for page in pages:
        page.words = join_spaced_letters(join_touching_words(page.words))
    prepared = [prepare_page(p) for p in pages]
    running = running_keys([(p.page, p.frags) for p in prepared])
    body = body_font_size(w for p in pages for w in p.words)
    for prep in prepared:
        prep.page.blocks = build_blocks(prep, running=running, body=body)
