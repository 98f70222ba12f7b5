"""Figures printed in vector charts, read from the page's words, rectangles and lines.

Aedes reports print their longest time series as charts: a caption ("Grafiek 1: Totale
huurachterstand (x miljoen euro)"), bars or a line, a category label per
bar (a year, or a reason), often a legend, and usually the value printed on or above each bar.

The reader works in small steps, each on the models of `rapportextract.models` only:

  page words  -> caption lines ("Grafiek N: ...") with number, title, unit and scale
  rects/lines -> the cluster of graphics next to each caption = the chart region
  region      -> legend keys (squares, flat bars, short strokes of a line's colour), bars
                 (rectangles or filled paths, stacked or side by side) or line points,
                 category labels (also those set at an angle), axis ticks
  labels      -> matched to their bar or point by position; unlabelled bars are measured
                 against the axis ticks
  marks       -> facts with origin "chart" (`chart_facts`)

Axis ticks, category labels and legend entries are never facts: only a label matched to a bar
or point, or a bar measured against the ticks, becomes one.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, Protocol

from rapportextract.lang.nl.words import chart_words
from rapportextract.layout import join_letters
from rapportextract.models import (
    BBox,
    BlockKind,
    Document,
    Fact,
    Page,
    Segment,
    Source,
    Unit,
    Word,
    union_bbox,
)
from rapportextract.quantities import find_quantities, parse_digits

__all__ = [
    "Caption",
    "Chart",
    "ConceptMatcher",
    "Label",
    "LegendEntry",
    "Mark",
    "chart_facts",
    "default_catalogue",
    "figure_fact_id",
    "find_captions",
    "parse_caption",
    "parse_number",
    "read_charts",
    "read_charts_with",
    "resolve_concept",
    "unit_and_scale",
]

Colour = tuple[float, ...]

# --------------------------------------------------------------------------------------------
# Numbers as charts print them
# --------------------------------------------------------------------------------------------

# The shape of a label that is one figure and nothing else ("1.720", "1,1", "€ 164", "50%",
# "-15"); its digits are read by the prose recogniser's `parse_digits`, the one reader of Dutch
# digits (the dot groups thousands, the comma is the decimal mark). The shape is stricter than
# prose needs: a label with "1.72" or "12.34,5,6" is no figure of a chart, where prose reads
# such a string as well as it can and flags it.
_NUMBER = re.compile(
    r"^(?P<euro>€)?(?P<sign>[-−–])?(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<dec>\d+))?(?P<pct>%)?$"
)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_CAPTION_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)[:.]?$")


@dataclass(frozen=True)
class Number:
    value: Decimal
    unit: Unit | None
    """"percent" for "50%", "EUR" for "€ 164"; None for bare digits."""


def parse_number(text: str) -> Number | None:
    """A chart label or table cell read the Dutch way; None where it is not one number."""
    compact = "".join(text.split())
    match = _NUMBER.match(compact)
    if match is None:
        return _quantity_number(text) if any(ch.isdigit() for ch in text) else None
    written = match["int"] + (f",{match['dec']}" if match["dec"] else "")
    try:
        value = parse_digits(written).value
    except InvalidOperation:  # pragma: no cover - the pattern admits digits only
        return None
    if match["sign"]:
        value = -value
    unit: Unit | None = "percent" if match["pct"] else "EUR" if match["euro"] else None
    return Number(value, unit)


def _quantity_number(text: str) -> Number | None:
    """Other ways a label may print one plain figure ("23 procent", "€ 164,-"), read by the
    prose recogniser: only where one exact figure without a scale word is the whole label."""
    stripped = text.strip()
    found = find_quantities(stripped)
    if len(found) != 1:
        return None
    quantity = found[0]
    whole = quantity.start == 0 and quantity.end == len(stripped)
    if (
        not whole
        or quantity.scale != 1
        or quantity.qualifier != "exact"
        or quantity.kind != "level"
    ):
        return None
    if quantity.form != "digits" or quantity.ambiguous:
        return None
    return Number(quantity.value, None if quantity.unit == "count" else quantity.unit)


# A category label of a year, possibly with a footnote star for a preliminary figure ("2023*").
_YEAR_LABEL = re.compile(r"^((?:19|20)\d{2})\*{0,2}$")


def year_of(label: str) -> str | None:
    """The year a category label names ("2023", "2023*"), or None."""
    match = _YEAR_LABEL.match(label.strip())
    return match[1] if match else None


def is_year(text: str) -> bool:
    return _YEAR.match(text.strip()) is not None


# --------------------------------------------------------------------------------------------
# Captions
# --------------------------------------------------------------------------------------------


@dataclass
class Caption:
    kind: Literal["chart", "table"]
    number: str
    text: str
    """The whole caption, whitespace collapsed."""
    title: str
    """The caption without its label and number and without the unit phrase."""
    unit: Unit | None
    scale: int
    bbox: BBox
    size: float = 0.0


def _clean(token: str) -> str:
    return token.strip("()[],;:").lower()


def parse_caption(text: str, bbox: BBox = (0, 0, 0, 0), size: float = 0.0) -> Caption | None:
    """ "Grafiek 1: Ontwikkeling ... (x miljoen euro)" -> number "1", unit EUR, scale 10**6."""
    words = chart_words()
    tokens = text.split()
    if len(tokens) < 2:
        return None
    first = tokens[0].lower()
    kind: Literal["chart", "table"]
    if first in words.chart_captions:
        kind = "chart"
    elif first in words.table_captions:
        kind = "table"
    else:
        return None
    number_match = _CAPTION_NUMBER.match(tokens[1])
    if number_match is None:
        return None
    rest = tokens[2:]
    if rest and rest[0] in (":", "-", "–"):
        rest = rest[1:]
    unit, scale = unit_and_scale(rest)
    return Caption(kind, number_match[1], " ".join(tokens), _title(rest), unit, scale, bbox, size)


def unit_and_scale(tokens: Sequence[str]) -> tuple[Unit | None, int]:
    """The unit and scale a caption or row label names: "(x miljoen euro)" -> EUR, 10**6;
    "in procenten" -> percent, 1; "(x 1.000)" -> None, 1000."""
    words = chart_words()
    unit: Unit | None = None
    scale = 1
    for i, token in enumerate(tokens):
        word = _clean(token)
        if word in words.units and unit is None:
            unit = words.units[word]
        # A scale word counts only after a marker: "(x 1.000)", "in miljoenen", "(mln euro)".
        after_marker = i > 0 and _clean(tokens[i - 1]) in words.markers
        if word in words.scales and (after_marker or token.startswith("(")):
            scale = words.scales[word]
    return unit, scale


def _title(tokens: list[str]) -> str:
    """The caption title without a trailing unit phrase ("(x miljoen euro)", "in procenten")."""
    words = chart_words()
    unit_words = set(words.units) | set(words.scales)
    cut = len(tokens)
    if tokens and tokens[-1].endswith(")"):
        opening = max((i for i, t in enumerate(tokens) if t.startswith("(")), default=-1)
        inner = {_clean(t) for t in tokens[opening:]} if opening >= 0 else set()
        if inner & unit_words:
            cut = opening
    elif (
        len(tokens) >= 2
        and _clean(tokens[-2]) in words.markers
        and _clean(tokens[-1]) in unit_words
    ):
        cut = len(tokens) - 2
    return " ".join(tokens[:cut]).strip(" :;,-–")


# --------------------------------------------------------------------------------------------
# Words -> fragments (short runs of words on one line)
# --------------------------------------------------------------------------------------------


@dataclass
class Fragment:
    text: str
    bbox: BBox
    size: float
    words: list[Word] = field(default_factory=list)

    @property
    def cx(self) -> float:
        return (self.bbox[0] + self.bbox[2]) / 2

    @property
    def cy(self) -> float:
        return (self.bbox[1] + self.bbox[3]) / 2

    @property
    def number(self) -> Number | None:
        return None if is_year(self.text) else parse_number(self.text)


def _size(word: Word) -> float:
    return word.size or (word.bbox[3] - word.bbox[1]) or 8.0


def _lines(words: Iterable[Word]) -> list[list[Word]]:
    """Words in lines: each word joins the first line whose first word's middle is within
    0.4 times that word's size of its own."""
    ordered = sorted(words, key=lambda w: ((w.bbox[1] + w.bbox[3]) / 2, w.bbox[0]))
    middles = [(w.bbox[1] + w.bbox[3]) / 2 for w in ordered]
    lines: list[list[Word]] = []
    refs: list[tuple[float, float]] = []  # per line: its first word's middle and reach
    # Words come top to bottom, so a line that a word is too far below is too far above
    # every later word: the lines before `first` are not looked at again. (Not where a
    # coordinate is not finite, which leaves the order undefined.)
    first = 0
    skip = all(math.isfinite(m) and math.isfinite(w.bbox[0]) for w, m in zip(ordered, middles,
                                                                            strict=True))
    for word, cy in zip(ordered, middles, strict=True):
        while skip and first < len(refs) and cy - refs[first][0] >= refs[first][1]:
            first += 1
        for i in range(first, len(lines)):
            if abs(refs[i][0] - cy) < refs[i][1]:
                lines[i].append(word)
                break
        else:
            lines.append([word])
            refs.append((cy, 0.4 * _size(word)))
    return lines


def _is_numeric_word(text: str) -> bool:
    return is_year(text) or parse_number(text) is not None


def fragments(words: Iterable[Word], *, gap: float, numbers_alone: bool) -> list[Fragment]:
    """Join words of one line whose gap is below `gap` times the font size. With
    `numbers_alone`, a number never joins its neighbours: labels of adjacent bars stay apart."""
    out: list[Fragment] = []
    for line in _lines(words):
        line.sort(key=lambda w: w.bbox[0])
        run: list[Word] = [line[0]]
        for word in line[1:]:
            prev = run[-1]
            space = word.bbox[0] - prev.bbox[2]
            close = space <= gap * _size(prev)
            apart = numbers_alone and (
                (_is_numeric_word(word.text) and prev.text != "€") or _is_numeric_word(prev.text)
            ) and not _one_figure(run, word, space)
            if close and not apart:
                run.append(word)
            else:
                out.append(_fragment(run))
                run = [word]
        out.append(_fragment(run))
    return out


_GROUP_HEAD = re.compile(r"^[€-]?\d{1,3}$")
_GROUP = re.compile(r"^\d{3}(?:,\d+)?%?$")


def _one_figure(run: list[Word], word: Word, space: float) -> bool:
    """Pieces of one figure that the text layer split at a narrow space: a thousands group
    after a (thin) space ("1 720", "12 500") and a percent sign set apart ("52 %"). A word
    space is about a third of the size; two labels of adjacent bars stand further apart."""
    if space > 0.4 * _size(word):
        return False
    if word.text == "%":
        return parse_number(" ".join(w.text for w in run)) is not None
    return (
        bool(_GROUP.match(word.text)) and not run[-1].text.endswith("%")
        and bool(_GROUP_HEAD.match(run[0].text))
        and all(_GROUP.match(w.text) for w in run[1:])
    )


def _fragment(run: list[Word]) -> Fragment:
    box = union_bbox([w.bbox for w in run])
    assert box is not None
    text = " ".join(w.text for w in run)
    return Fragment(text=text, bbox=box, size=max(_size(w) for w in run), words=list(run))


def find_captions(page: Page) -> list[Caption]:
    """Every chart and table caption on the page, continuation lines included."""
    lines = sorted(
        fragments(page.words, gap=1.6, numbers_alone=False), key=lambda f: (f.bbox[1], f.bbox[0])
    )
    used: set[int] = set()
    captions: list[Caption] = []
    for i, line in enumerate(lines):
        if i in used or parse_caption(line.text) is None:
            continue
        parts, box, last = [line.text], line.bbox, line
        # A caption wrapped in a narrow column goes on in lines that start where it starts.
        for j in range(i + 1, len(lines)):
            nxt = lines[j]
            if j in used or nxt.bbox[1] < last.bbox[3] - 1:
                continue
            if nxt.bbox[1] - last.bbox[3] > 0.9 * line.size:
                break
            if (
                abs(nxt.bbox[0] - line.bbox[0]) < 3
                and abs(nxt.size - line.size) < 0.6
                and not _is_numeric_word(nxt.words[0].text)
                and parse_caption(nxt.text) is None
            ):
                parts.append(nxt.text)
                box = union_bbox([box, nxt.bbox]) or box
                used.add(j)
                last = nxt
        text = " ".join(parts)
        block = _caption_block(page, line)
        if block is not None and block[0].startswith(text[:20]) and len(block[0]) > len(text):
            text, box = block
        caption = parse_caption(text, box, line.size)
        if caption is not None:
            captions.append(caption)
    return captions


def _caption_block(page: Page, line: Fragment) -> tuple[str, BBox] | None:
    for block in page.blocks:
        inside = block.bbox is not None and _contains(block.bbox, (line.cx, line.cy))
        if block.kind is BlockKind.CAPTION and block.bbox is not None and inside:
            return " ".join(block.text.split()), block.bbox
    return None


# --------------------------------------------------------------------------------------------
# Graphics -> chart regions
# --------------------------------------------------------------------------------------------


@dataclass
class Shape:
    kind: Literal["rect", "segment"]
    bbox: BBox
    colour: Colour | None
    points: list[tuple[float, float]] = field(default_factory=list)

    @property
    def width(self) -> float:
        return self.bbox[2] - self.bbox[0]

    @property
    def height(self) -> float:
        return self.bbox[3] - self.bbox[1]


def _shapes(page: Page) -> list[Shape]:
    page_area = (page.width or 612.0) * (page.height or 842.0)
    shapes: list[Shape] = []
    for rect in page.rects:
        x0, top, x1, bottom = rect.bbox
        # A page or column background is no part of any chart.
        if (x1 - x0) * (bottom - top) < 0.4 * page_area:
            shapes.append(Shape("rect", rect.bbox, rect.fill))
    for seg in page.segments:
        if len(seg.points) < 2:
            continue
        xs = [p[0] for p in seg.points]
        ys = [p[1] for p in seg.points]
        box = (min(xs), min(ys), max(xs), max(ys))
        if _is_area(seg, box):
            # A bar drawn as a path (rounded corners, or a tool that draws no `re`): an area,
            # read like a rectangle.
            shapes.append(Shape("rect", box, seg.fill or seg.stroke))
            continue
        shapes.append(Shape("segment", box, seg.stroke, list(seg.points)))
    return shapes


def _is_area(seg: Segment, box: BBox) -> bool:
    """A filled path, or a closed one (it ends where it starts) that encloses an area at least
    a point and a half each way: no line of a line chart, no axis or gridline."""
    if box[2] - box[0] < 1.5 or box[3] - box[1] < 1.5 or len(seg.points) < 4:
        return False
    if seg.fill is not None:
        return True
    (x0, y0), (x1, y1) = seg.points[0], seg.points[-1]
    return abs(x0 - x1) <= 0.5 and abs(y0 - y1) <= 0.5


def _gap(a: BBox, b: BBox) -> float:
    dx = max(0.0, max(a[0], b[0]) - min(a[2], b[2]))
    dy = max(0.0, max(a[1], b[1]) - min(a[3], b[3]))
    return max(dx, dy)


def _contains(box: BBox, point: tuple[float, float], pad: float = 0.0) -> bool:
    return box[0] - pad <= point[0] <= box[2] + pad and box[1] - pad <= point[1] <= box[3] + pad


# Charts in the Aedes reports start within a few lines of their caption, and their parts (bars,
# gridlines, legend squares) lie within about two text lines of each other.
SEED_DISTANCE = 60.0
# Where nothing is drawn that close, a chart further below its caption is still taken (a
# subtitle or a source line may stand between them).
FAR_SEED = 150.0
# Captions whose tops lie this close belong to charts side by side.
SIDE_BY_SIDE = 40.0
CLUSTER_GAP = 30.0
# A line chart's axis may lie well below its lowest point, and the last gridline of a bar chart
# well beyond its longest bar: a straight line along most of the cluster, this close, is its own.
AXIS_REACH = 160.0


def _cluster(
    caption: Caption,
    shapes: list[Shape],
    lo: float,
    hi: float,
    below: bool,
    reach: float = SEED_DISTANCE,
) -> list[Shape]:
    """The graphics next to the caption: seeds close below (or above) it, grown by proximity
    within the band [lo, hi] between neighbouring captions."""
    inside = [s for s in shapes if s.bbox[1] >= lo - 1 and s.bbox[3] <= hi + 1]
    cx0, ctop, cx1, cbottom = caption.bbox
    if below:
        seeds = [s for s in inside if s.bbox[1] - cbottom <= reach]
    else:
        seeds = [s for s in inside if ctop - s.bbox[3] <= reach]
    seeds = [s for s in seeds if s.bbox[2] >= cx0 - 20 and s.bbox[0] <= cx1 + 20]
    if not seeds:
        return []
    cluster = list(seeds)
    rest = [s for s in inside if s not in cluster]
    _grow(cluster, rest)
    while True:
        box = union_bbox([s.bbox for s in cluster])
        assert box is not None
        rule = next((s for s in rest if _is_rule_of(s, box)), None)
        if rule is None:
            return cluster
        cluster.append(rule)
        rest.remove(rule)
        _grow(cluster, rest)


def _is_rule_of(shape: Shape, box: BBox) -> bool:
    """An axis or gridline of the chart in `box`: a straight line running along most of the
    chart, a little way off it."""
    if shape.kind != "segment":
        return False
    if shape.height <= 1:
        overlap = min(box[2], shape.bbox[2]) - max(box[0], shape.bbox[0])
        along = box[2] - box[0]
    elif shape.width <= 1:
        overlap = min(box[3], shape.bbox[3]) - max(box[1], shape.bbox[1])
        along = box[3] - box[1]
    else:
        return False
    return along > 0 and overlap >= 0.6 * along and _gap(box, shape.bbox) <= AXIS_REACH


def _grow(cluster: list[Shape], rest: list[Shape]) -> None:
    grown = True
    while grown:
        grown = False
        box = union_bbox([s.bbox for s in cluster])
        assert box is not None
        for shape in list(rest):
            if _gap(box, shape.bbox) <= CLUSTER_GAP:
                cluster.append(shape)
                rest.remove(shape)
                grown = True


# --------------------------------------------------------------------------------------------
# The chart model
# --------------------------------------------------------------------------------------------


@dataclass
class Label:
    text: str
    bbox: BBox
    value: Decimal | None = None


@dataclass
class LegendEntry:
    text: str
    colour: Colour | None
    bbox: BBox


@dataclass
class Mark:
    """One bar or one point of a line, with what the chart says about it."""

    kind: Literal["bar", "point"]
    bbox: BBox
    colour: Colour | None
    category: str | None = None
    series: str | None = None
    label: Label | None = None
    value: Decimal | None = None
    """As printed (before the caption's scale); for an estimated bar, as measured."""
    unit: Unit | None = None
    """From the label itself ("50%", "€ 164"), where it says."""
    estimated: bool = False
    base: float | None = None
    """For a bar stacked on another: where it starts (its bottom, or its left end)."""


@dataclass
class Chart:
    page: int
    number: str
    caption: str
    title: str
    unit: Unit | None
    scale: int
    bbox: BBox
    kind: Literal["bar", "line"] | None = None
    orientation: Literal["vertical", "horizontal"] | None = None
    categories: list[Label] = field(default_factory=list)
    legend: list[LegendEntry] = field(default_factory=list)
    ticks: list[Label] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    diagnostics: list[str] = field(default_factory=list)


def read_charts(page: Page) -> list[Chart]:
    """Every captioned chart on the page, with its marks, labels and diagnostics."""
    return read_charts_with(page, find_captions(page))


def read_charts_with(page: Page, captions: list[Caption]) -> list[Chart]:
    """`read_charts` for a caller that has the page's captions (`find_captions`) already."""
    shapes = _shapes(page)
    charts: list[Chart] = []
    claimed: list[int] = []
    for caption in captions:
        if caption.kind != "chart":
            continue
        left, right = _side_limits(caption, captions)
        free = [
            s
            for s in shapes
            if id(s) not in claimed and left <= (s.bbox[0] + s.bbox[2]) / 2 <= right
        ]
        cluster, below = [], True
        for reach, below in ((SEED_DISTANCE, True), (SEED_DISTANCE, False), (FAR_SEED, True)):
            lo, hi = _band(caption, captions, below, page.height or 1e9)
            cluster = _cluster(caption, free, lo, hi, below=below, reach=reach)
            if cluster:
                break
        chart = Chart(
            page.number,
            caption.number,
            caption.text,
            caption.title,
            caption.unit,
            caption.scale,
            caption.bbox,
        )
        if not cluster:
            chart.diagnostics.append("no drawn bars or lines next to the caption")
            charts.append(chart)
            continue
        cluster += _far_keys(cluster, [s for s in free if s not in cluster])
        claimed.extend(id(s) for s in cluster)
        box = union_bbox([s.bbox for s in cluster])
        assert box is not None
        region = _region(caption, box, below)
        region = (max(region[0], left), region[1], min(region[2], right), region[3])
        chart.bbox = region
        squares = [sh.bbox for sh in cluster if sh.kind == "rect" and _key_shape(sh)]
        _read(chart, cluster, _region_fragments(page, caption, region, squares))
        charts.append(chart)
    return charts


# A legend set beside the plot (matplotlib's figure legend, an office chart's legend on the
# right) stands further off than the chart's own parts.
LEGEND_REACH = 100.0


def _far_keys(cluster: list[Shape], rest: list[Shape]) -> list[Shape]:
    """Legend keys beside the chart, within reach of its drawn parts and level with them."""
    box = union_bbox([s.bbox for s in cluster])
    assert box is not None
    return [
        s for s in rest
        if s.kind == "rect" and _key_shape(s) and _gap(box, s.bbox) <= LEGEND_REACH
        and box[1] - 5 <= s.bbox[1] and s.bbox[3] <= box[3] + 5
    ]


def _band(
    caption: Caption, captions: list[Caption], below: bool, height: float
) -> tuple[float, float]:
    """The stretch of page between this caption and the next (or previous) one above each
    other: a chart never reaches past a neighbouring caption."""
    if below:
        nxt = [
            c.bbox[1]
            for c in captions
            if c.bbox[1] > caption.bbox[3] + 1 and _overlaps_x(c.bbox, caption.bbox)
        ]
        return caption.bbox[3], min(nxt, default=height)
    prev = [
        c.bbox[3]
        for c in captions
        if c.bbox[3] < caption.bbox[1] - 1 and _overlaps_x(c.bbox, caption.bbox)
    ]
    return max(prev, default=0.0), caption.bbox[1]


def _side_limits(caption: Caption, captions: list[Caption]) -> tuple[float, float]:
    """Captions side by side (two charts in two columns) split the page between them."""
    left, right = float("-inf"), float("inf")
    for other in captions:
        if other is caption or abs(other.bbox[1] - caption.bbox[1]) > SIDE_BY_SIDE:
            continue
        if other.bbox[0] >= caption.bbox[2]:
            right = min(right, other.bbox[0] - 2)
        elif other.bbox[2] <= caption.bbox[0]:
            left = max(left, other.bbox[2] + 2)
    return left, right


def _overlaps_x(a: BBox, b: BBox) -> bool:
    return a[0] < b[2] and b[0] < a[2]


# Tick labels stand left of the plot and category labels below it, each within about three
# label widths or two text lines of the drawn graphics.
REGION_LEFT = 45.0
REGION_RIGHT = 40.0
REGION_BELOW = 25.0


def _region(caption: Caption, box: BBox, below: bool) -> BBox:
    left = min(box[0] - REGION_LEFT, caption.bbox[0] - 3)
    right = box[2] + REGION_RIGHT
    if below:
        return (left, caption.bbox[3], right, box[3] + REGION_BELOW)
    return (left, box[1] - REGION_BELOW, right, caption.bbox[1])


def _region_fragments(
    page: Page, caption: Caption, region: BBox, squares: Sequence[BBox] = ()
) -> list[Fragment]:
    """The words of the chart: inside the region, not the caption's own, and not part of a
    prose line that runs out of the region (the next column's text). Text just right of a
    small drawn square is a legend entry, however far it runs."""
    keep: list[Word] = []
    for line in fragments(page.words, gap=1.6, numbers_alone=False):
        legend = any(
            0 <= line.bbox[0] - sq[2] <= 12 and abs(line.cy - (sq[1] + sq[3]) / 2) <= 5
            for sq in squares
        )
        if not legend:
            if not _contains(region, (line.cx, line.cy)):
                continue
            if line.bbox[0] < region[0] - 5 or line.bbox[2] > region[2] + 5:
                continue
        keep.extend(w for w in line.words if not _contains(caption.bbox, _centre(w.bbox)))
    return fragments(join_slanted(keep), gap=0.6, numbers_alone=True)


def join_slanted(words: Sequence[Word]) -> list[Word]:
    """Category labels set at an angle (Excel and matplotlib turn crowded year labels 45
    degrees) reach the text layer as single letters on stepped baselines, and an axis title
    turned upright as letters stacked bottom to top. Letters that follow each other at one
    steady step rising to the right, or straight up, are one label, read along the slope."""
    singles = [w for w in words if len(w.text) == 1]
    rest = [w for w in words if len(w.text) != 1]
    successor: dict[int, tuple[int, tuple[float, float]]] = {}
    taken: set[int] = set()
    for i, a in enumerate(singles):
        ax, ay = _centre(a.bbox)
        size = _size(a)
        best: tuple[float, int, tuple[float, float]] | None = None
        for j, b in enumerate(singles):
            if j == i or j in taken:
                continue
            bx, by = _centre(b.bbox)
            dx, dy = bx - ax, ay - by  # dy > 0: b stands higher
            distance = (dx * dx + dy * dy) ** 0.5
            rising = dy >= 0.25 * size and dx >= -0.1 * size
            if rising and distance <= 1.0 * size and (best is None or distance < best[0]):
                best = (distance, j, (dx, dy))
        if best is not None:
            successor[i] = (best[1], best[2])
            taken.add(best[1])
    joined: list[Word] = []
    used: set[int] = set()
    # Chains start at letters with no letter before them; where a chain breaks off (the step
    # changes), the rest starts a chain of its own.
    starts = [i for i in range(len(singles)) if i not in taken]
    while starts:
        start = starts.pop(0)
        if start in used:
            continue
        chain, k = [start], start
        steps: list[tuple[float, float]] = []
        while k in successor:
            nxt, step = successor[k]
            if steps and (abs(step[0] - steps[0][0]) > 1.5 or abs(step[1] - steps[0][1]) > 1.5):
                starts.append(nxt)
                break
            chain.append(nxt)
            steps.append(step)
            k = nxt
        used.update(chain)
        letters = [singles[c] for c in chain]
        if len(letters) == 1:
            joined.append(letters[0])
            continue
        joined.append(join_letters(letters))
    return rest + joined


def _centre(box: BBox) -> tuple[float, float]:
    return ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


# --------------------------------------------------------------------------------------------
# Reading one chart region
# --------------------------------------------------------------------------------------------

LEGEND_SQUARE = 14.0
LEGEND_KEY_WIDTH = 24.0
MARKER = 8.0


def _read(chart: Chart, cluster: list[Shape], frags: list[Fragment]) -> None:
    rects = [s for s in cluster if s.kind == "rect" and s.width >= 1.5 and s.height >= 1.5]
    # A plot background holds the bars; it is no bar itself.
    rects = [r for r in rects if sum(_inside(o.bbox, r.bbox) for o in rects if o is not r) < 2]
    legend_frags: set[int] = set()
    bars: list[Shape] = []
    markers: list[Shape] = []
    keys = _line_keys(cluster, frags)
    for key, frag in keys:
        chart.legend.append(LegendEntry(frag.text, key.colour, frag.bbox))
        legend_frags.add(id(frag))
    for rect in rects:
        if any(_contains(key.bbox, _centre(rect.bbox), pad=2) for key, _ in keys):
            continue  # the marker drawn on a line's legend key
        entry = _legend_entry(rect, frags) if _key_shape(rect) else None
        if entry is not None:
            frag = entry[1]
            chart.legend.append(LegendEntry(frag.text, rect.colour, frag.bbox))
            legend_frags.add(id(frag))
        elif _squarish(rect, MARKER):
            markers.append(rect)
        else:
            bars.append(rect)
    frags = [f for f in frags if id(f) not in legend_frags]
    if bars:
        chart.kind = "bar"
        _read_bars(chart, bars, frags, lambda vertical: _rules(cluster, vertical))
    else:
        key_ids = {id(key) for key, _ in keys}
        points = _points([s for s in cluster if id(s) not in key_ids], markers)
        if not points:
            chart.diagnostics.append("no bars or line points in the chart region")
            return
        chart.kind = "line"
        chart.orientation = "vertical"
        _read_points(chart, cluster, points, frags)
    _assign_series(chart)


def _inside(inner: BBox, outer: BBox) -> bool:
    return (
        inner[0] >= outer[0] - 0.5
        and inner[1] >= outer[1] - 0.5
        and inner[2] <= outer[2] + 0.5
        and inner[3] <= outer[3] + 0.5
    )


def _key_shape(shape: Shape) -> bool:
    """A legend key: a small square, or the small flat bar matplotlib and office tools draw
    (20 by 7 points)."""
    if _squarish(shape, LEGEND_SQUARE):
        return True
    return shape.width <= LEGEND_KEY_WIDTH and 2 <= shape.height <= LEGEND_SQUARE and (
        shape.width >= shape.height
    )


def _squarish(shape: Shape, limit: float) -> bool:
    return shape.width <= limit and shape.height <= limit and abs(shape.width - shape.height) <= 2.5


def _legend_entry(square: Shape, frags: list[Fragment]) -> tuple[Shape, Fragment] | None:
    """A legend entry is a small coloured square with its text just to the right."""
    cy = (square.bbox[1] + square.bbox[3]) / 2
    for frag in frags:
        if frag.number is not None or is_year(frag.text):
            continue
        if 0 <= frag.bbox[0] - square.bbox[2] <= 12 and abs(frag.cy - cy) <= 5:
            return square, frag
    return None


LINE_KEY_LENGTH = 40.0


def _line_keys(cluster: list[Shape], frags: list[Fragment]) -> list[tuple[Shape, Fragment]]:
    """A line chart's legend keys: a short level stroke in a series colour (often with the
    series' marker on it) and the series name just right of it."""
    keys: list[tuple[Shape, Fragment]] = []
    taken: set[int] = set()
    for seg in cluster:
        if (
            seg.kind != "segment" or seg.height > 1
            or not 5 <= seg.width <= LINE_KEY_LENGTH or not _is_data_line(seg)
        ):
            continue
        cy = (seg.bbox[1] + seg.bbox[3]) / 2
        for frag in frags:
            if id(frag) in taken or frag.number is not None or is_year(frag.text):
                continue
            if 0 <= frag.bbox[0] - seg.bbox[2] <= 12 and abs(frag.cy - cy) <= 5:
                keys.append((seg, frag))
                taken.add(id(frag))
                break
    return keys


def _points(cluster: list[Shape], markers: list[Shape]) -> list[Shape]:
    """Line-chart points: drawn markers, and the corners of the coloured data line."""
    points = [Shape("rect", m.bbox, m.colour) for m in markers]
    for seg in cluster:
        if seg.kind != "segment" or not _is_data_line(seg):
            continue
        for x, y in seg.points:
            on = [
                p for p in points
                if abs(x - _centre(p.bbox)[0]) <= 2 and abs(y - _centre(p.bbox)[1]) <= 2
            ]
            if not on:
                points.append(Shape("rect", (x, y, x, y), seg.colour))
            for p in on:
                # A marker drawn from a shared symbol may come without its colour (black);
                # the line it sits on has the series colour.
                if not _chromatic(p.colour):
                    p.colour = seg.colour
    return points


def _chromatic(colour: Colour | None) -> bool:
    return colour is not None and len(colour) >= 3 and max(colour[:3]) - min(colour[:3]) > 0.15


def _is_data_line(seg: Shape) -> bool:
    # Axes and gridlines are straight and grey or black; a data line slopes or has a colour.
    sloped = seg.width > 1 and seg.height > 1
    return sloped or _chromatic(seg.colour)


def _mode(values: Sequence[float], tolerance: float) -> tuple[float, int]:
    best, count = 0.0, 0
    for v in values:
        n = sum(abs(v - o) <= tolerance for o in values)
        if n > count:
            best, count = v, n
    return best, count


def _rules(cluster: list[Shape], vertical: bool) -> list[float]:
    """Positions of the gridlines and axes: where the tick values sit exactly."""
    if vertical:
        return [s.bbox[1] for s in cluster if s.kind == "segment" and s.height <= 1]
    return [s.bbox[0] for s in cluster if s.kind == "segment" and s.width <= 1]


def _read_bars(
    chart: Chart, bars: list[Shape], frags: list[Fragment], rules: Callable[[bool], list[float]]
) -> None:
    bottom, n_bottom = _mode([b.bbox[3] for b in bars], 1.5)
    left, n_left = _mode([b.bbox[0] for b in bars], 1.5)
    vertical = n_bottom > n_left or (n_bottom == n_left and bars[0].height >= bars[0].width)
    chart.orientation = "vertical" if vertical else "horizontal"
    if vertical:
        on_base = [b for b in bars if abs(b.bbox[3] - bottom) <= 1.5]
    else:
        on_base = [b for b in bars if abs(b.bbox[0] - left) <= 1.5]
    stacked = _stacked(on_base, [b for b in bars if b not in on_base], vertical)
    if len(on_base) + len(stacked) < len(bars):
        skipped = len(bars) - len(on_base) - len(stacked)
        chart.diagnostics.append(f"{skipped} bar(s) off the baseline skipped")
    if vertical:
        on_base.sort(key=lambda b: b.bbox[0])
    else:
        on_base.sort(key=lambda b: b.bbox[1])
    chart.marks = [Mark("bar", b.bbox, b.colour) for b in on_base]
    chart.marks += [Mark("bar", b.bbox, b.colour, base=base) for b, base in stacked]

    if vertical:
        plot_left = min(b.bbox[0] for b in on_base)
        cats = [
            f
            for f in frags
            if bottom - 1 <= f.bbox[1] <= bottom + 22 and f.cy > bottom and (f.number is None)
        ]
        cats = _stack(cats)
        ticks = [
            f
            for f in frags
            if f.number is not None and f.bbox[2] <= plot_left + 1 and f not in cats
        ]
        for mark in chart.marks:
            mark.category = _nearest(cats, _centre(mark.bbox)[0], axis=0)
    else:
        plot_bottom = max(b.bbox[3] for b in on_base)
        cats = [f for f in frags if f.bbox[2] <= left + 1 and f.number is None]
        ticks = [f for f in frags if f.number is not None and f.bbox[1] >= plot_bottom - 1]
        for mark in chart.marks:
            mark.category = _nearest(
                cats, _centre(mark.bbox)[1], axis=1, within=(mark.bbox[3] - mark.bbox[1]) / 2 + 4
            )
    chart.categories = [Label(c.text, c.bbox) for c in cats]
    chart.ticks = [Label(t.text, t.bbox, t.number.value if t.number else None) for t in ticks]
    used = {id(f) for f in [*cats, *ticks]}
    candidates = [f for f in frags if id(f) not in used and f.number is not None]
    _match_labels(chart, candidates, lambda frag, mark: _label_score(frag, mark.bbox, vertical))
    base = [bottom] if vertical else [left]
    _estimate_unlabelled(chart, ticks, vertical, [*rules(vertical), *base])


def _stacked(
    standing: list[Shape], rest: list[Shape], vertical: bool
) -> list[tuple[Shape, float]]:
    """Bars stacked on a bar that stands on the baseline (a stacked bar chart): same width and
    place, starting where the one below ends. Each with the position it starts from."""
    found: list[tuple[Shape, float]] = []
    below = list(standing)
    grown = True
    while grown:
        grown = False
        for bar in list(rest):
            for under in below:
                if vertical:
                    same = abs(bar.bbox[0] - under.bbox[0]) <= 1.5 and abs(
                        bar.bbox[2] - under.bbox[2]) <= 1.5
                    touches = abs(bar.bbox[3] - under.bbox[1]) <= 1.5
                    start = bar.bbox[3]
                else:
                    same = abs(bar.bbox[1] - under.bbox[1]) <= 1.5 and abs(
                        bar.bbox[3] - under.bbox[3]) <= 1.5
                    touches = abs(bar.bbox[0] - under.bbox[2]) <= 1.5
                    start = bar.bbox[0]
                if same and touches:
                    found.append((bar, start))
                    below.append(bar)
                    rest.remove(bar)
                    grown = True
                    break
    return found


def _stack(cats: list[Fragment]) -> list[Fragment]:
    """Join category labels wrapped over two lines under one bar ("Hennep en" / "drugs")."""
    out: list[Fragment] = []
    for frag in sorted(cats, key=lambda f: (f.bbox[1], f.bbox[0])):
        for i, prev in enumerate(out):
            if abs(prev.cx - frag.cx) < 6 and 0 <= frag.bbox[1] - prev.bbox[3] < prev.size:
                out[i] = Fragment(
                    f"{prev.text} {frag.text}",
                    union_bbox([prev.bbox, frag.bbox]) or prev.bbox,
                    prev.size,
                    prev.words + frag.words,
                )
                break
        else:
            out.append(frag)
    return out


def _nearest(
    frags: list[Fragment], pos: float, axis: int, within: float | None = None
) -> str | None:
    best: Fragment | None = None
    for frag in frags:
        centre = frag.cx if axis == 0 else frag.cy
        if within is not None and abs(centre - pos) > within:
            continue
        if best is None or abs(centre - pos) < abs((best.cx if axis == 0 else best.cy) - pos):
            best = frag
    if best is None:
        return None
    if within is None and len(frags) > 1:
        # A bar belongs to a category only within half the distance between two categories.
        spacing = min(
            abs((a.cx if axis == 0 else a.cy) - (b.cx if axis == 0 else b.cy))
            for a in frags
            for b in frags
            if a is not b
        )
        if abs((best.cx if axis == 0 else best.cy) - pos) > spacing / 2 + 1:
            return None
    return best.text


# A label above a bar sits within about two label heights of the bar's top (or its end for a
# horizontal bar).
LABEL_REACH = 20.0


def _match_labels(
    chart: Chart, candidates: list[Fragment], score: Callable[[Fragment, Mark], float | None]
) -> None:
    """Attach data labels to the chart's marks, used for bars and for points alike.

    `score` rates a label for a mark (lower is better; None where it cannot be that mark's
    label). The best-rated pairs are taken first, each label and each mark at most once; a
    label left over is noted in the chart's diagnostics.
    """
    pairs: list[tuple[float, int, int]] = []
    for i, frag in enumerate(candidates):
        for j, mark in enumerate(chart.marks):
            rating = score(frag, mark)
            if rating is not None:
                pairs.append((rating, i, j))
    taken_f: set[int] = set()
    taken_m: set[int] = set()
    for _, i, j in sorted(pairs):
        if i in taken_f or j in taken_m:
            continue
        taken_f.add(i)
        taken_m.add(j)
        _attach(chart.marks[j], candidates[i])
    for i, frag in enumerate(candidates):
        if i not in taken_f:
            chart.diagnostics.append(f"label {frag.text!r} matched no bar or point")


def _label_score(frag: Fragment, bar: BBox, vertical: bool) -> float | None:
    x0, top, x1, bottom = bar
    if vertical:
        if abs(frag.cx - (x0 + x1) / 2) > (x1 - x0) / 2 + 3:
            return None
        inside = frag.bbox[1] >= top - 2 and frag.bbox[3] <= bottom + 1
        above = frag.bbox[3] <= top + 2 and top - frag.bbox[3] <= LABEL_REACH
        if not (inside or above):
            return None
        return abs(frag.cx - (x0 + x1) / 2) + (0.0 if inside else top - frag.bbox[3])
    if abs(frag.cy - (top + bottom) / 2) > (bottom - top) / 2 + 3:
        return None
    inside = frag.bbox[0] >= x0 - 1 and frag.bbox[2] <= x1 + 2
    beyond = frag.bbox[0] >= x1 - 2 and frag.bbox[0] - x1 <= LABEL_REACH
    if not (inside or beyond):
        return None
    return abs(frag.cy - (top + bottom) / 2) + (0.0 if inside else frag.bbox[0] - x1)


def _attach(mark: Mark, frag: Fragment) -> None:
    number = frag.number
    assert number is not None
    mark.label = Label(frag.text, frag.bbox, number.value)
    mark.value = number.value
    mark.unit = number.unit


def _tick_fit(
    ticks: list[Fragment], axis: int, rules: Sequence[float] = ()
) -> tuple[float, float] | None:
    """Value = a + b * position, fitted on the tick labels; None unless the ticks are evenly
    spaced numbers (at least two) that the line fits within 2% of their range. A tick label
    sits beside its gridline (`rules`) where one is drawn: the line is the exact position."""
    points: list[tuple[float, float]] = []
    for tick in ticks:
        if tick.number is None:
            continue
        pos = tick.cx if axis == 0 else tick.cy
        near = [r for r in rules if abs(r - pos) <= 0.6 * tick.size]
        if near:
            pos = min(near, key=lambda r: abs(r - pos))
        points.append((pos, float(tick.number.value)))
    if len(points) < 2:
        return None
    n = len(points)
    mx = sum(p for p, _ in points) / n
    mv = sum(v for _, v in points) / n
    sxx = sum((p - mx) ** 2 for p, _ in points)
    if sxx == 0:
        return None
    b = sum((p - mx) * (v - mv) for p, v in points) / sxx
    a = mv - b * mx
    span = max(v for _, v in points) - min(v for _, v in points)
    if span == 0 or any(abs(a + b * p - v) > 0.02 * span for p, v in points):
        return None
    return a, b


def _estimate_unlabelled(
    chart: Chart, ticks: list[Fragment], vertical: bool, rules: Sequence[float] = ()
) -> None:
    unlabelled = [m for m in chart.marks if m.value is None]
    if not unlabelled:
        return
    fit = None
    if ticks and vertical:
        column = [t for t in ticks if abs(t.bbox[2] - max(x.bbox[2] for x in ticks)) <= 3]
        fit = _tick_fit(column, axis=1, rules=rules)
    elif ticks:
        fit = _tick_fit(ticks, axis=0, rules=rules)
    if fit is None:
        chart.diagnostics.append(
            f"{len(unlabelled)} bar(s) or point(s) without a data label and no axis ticks to "
            "measure them against: no values read"
        )
        return
    a, b = fit
    for mark in unlabelled:
        if mark.kind == "point":
            pos = _centre(mark.bbox)[1]
        else:
            pos = mark.bbox[1] if vertical else mark.bbox[2]
        value = a + b * pos
        if mark.base is not None:  # a stacked bar measures from where it starts
            value -= a + b * mark.base
        mark.value = _round_estimate(value, ticks)
        mark.estimated = True


def _round_estimate(value: float, ticks: list[Fragment]) -> Decimal:
    """An estimate keeps about three significant figures; ticks with decimals keep one more."""
    decimals = max((len(t.text.split(",")[1]) for t in ticks if "," in t.text), default=0)
    magnitude = max((abs(float(t.number.value)) for t in ticks if t.number), default=1.0)
    step = Decimal(1).scaleb(-decimals - 1) if magnitude < 10 else Decimal(1)
    if magnitude >= 1000:
        step = Decimal(10)
    return (Decimal(str(value)) / step).quantize(Decimal(1)) * step


def _read_points(
    chart: Chart, cluster: list[Shape], points: list[Shape], frags: list[Fragment]
) -> None:
    box = union_bbox([s.bbox for s in cluster])
    assert box is not None
    width = box[2] - box[0]
    axes = [
        s.bbox[3]
        for s in cluster
        if s.kind == "segment" and s.height <= 1 and s.width >= 0.5 * width and not _is_data_line(s)
    ]
    lowest = max(_centre(p.bbox)[1] for p in points)
    base = max(axes) if axes else lowest + 3
    cats = _stack([f for f in frags if base - 1 <= f.bbox[1] <= base + 22 and f.number is None])
    plot_left = min(_centre(p.bbox)[0] for p in points)
    ticks = [f for f in frags if f.number is not None and f.bbox[2] <= plot_left - 10]
    points.sort(key=lambda p: _centre(p.bbox)[0])
    chart.marks = [Mark("point", p.bbox, p.colour) for p in points]
    for mark in chart.marks:
        mark.category = _nearest(cats, _centre(mark.bbox)[0], axis=0)
    chart.categories = [Label(c.text, c.bbox) for c in cats]
    chart.ticks = [Label(t.text, t.bbox, t.number.value if t.number else None) for t in ticks]
    used = {id(f) for f in [*cats, *ticks]}
    candidates = [f for f in frags if id(f) not in used and f.number is not None]
    _match_labels(chart, candidates, _point_label_distance)
    _estimate_unlabelled(chart, ticks, vertical=True, rules=_rules(cluster, True))


def _point_label_distance(frag: Fragment, mark: Mark) -> float | None:
    """How far a label's centre lies from a point's; None beyond a label's reach."""
    px, py = _centre(mark.bbox)
    distance = ((frag.cx - px) ** 2 + (frag.cy - py) ** 2) ** 0.5
    return distance if distance <= LABEL_REACH + 4 else None


def _same_colour(a: Colour | None, b: Colour | None) -> bool:
    if a is None or b is None or len(a) != len(b):
        return False
    return all(abs(x - y) <= 0.02 for x, y in zip(a, b, strict=True))


def _assign_series(chart: Chart) -> None:
    """Bars and points take their series from the legend entry of the same fill colour."""
    if not chart.legend:
        return
    for mark in chart.marks:
        for entry in chart.legend:
            if _same_colour(mark.colour, entry.colour):
                mark.series = entry.text
                break
        else:
            chart.diagnostics.append(
                f"a {mark.kind} at {tuple(round(v) for v in mark.bbox)} has no legend colour"
            )


# --------------------------------------------------------------------------------------------
# Concepts
# --------------------------------------------------------------------------------------------


class ConceptMatcher(Protocol):
    """What the readers need of a catalogue: `match(text)` returning a match that names a
    concept id (`.concept` or `.id`, a str), or None."""

    def match(self, text: str, *, unit: str | None = None) -> Any: ...


def default_catalogue() -> ConceptMatcher | None:
    try:
        from rapportextract.catalogue import load_catalogue
    except ImportError:
        return None
    catalogue: ConceptMatcher = load_catalogue()
    return catalogue


def resolve_concept(catalogue: ConceptMatcher | None, text: str, unit: Unit) -> str | None:
    """The catalogue's concept for `text`, or None where nothing fits or the concept is kept
    in another unit (a percentage chart of reasons is no money amount)."""
    if catalogue is None or not text.strip():
        return None
    match = catalogue.match(text, unit=unit)
    if match is None or match is False:
        return None
    concept: Any = match if isinstance(match, str) else getattr(match, "concept", None)
    if concept is None:
        concept = getattr(match, "id", None)
    concept_unit = getattr(match, "unit", None)
    if concept is not None and not isinstance(concept, str):
        concept_unit = concept_unit or getattr(concept, "unit", None)
        concept = getattr(concept, "id", None)
    if not isinstance(concept, str) or not concept:
        return None
    if isinstance(concept_unit, str) and concept_unit != unit:
        return None
    return concept


# --------------------------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------------------------

CONFIDENCE_LABELLED = 0.9
CONFIDENCE_ESTIMATED = 0.5


def figure_fact_id(doc: Document, origin: Literal["chart", "table"], page: int,
                   *place: object) -> str:
    """The id of a fact read from a chart or a table, used by both.

    A readable part (document hash, "c" or "t" with the page, then `place`: the figure's
    position on the page, e.g. chart number and bar index) and 8 hex digits of a hash over the
    same, so that ids stay stable between runs and never collide within a document.
    """
    readable = "-".join([doc.sha256[:12], f"{origin[0]}{page}", *[str(p) for p in place]])
    key = ":".join([doc.sha256, origin, str(page), *[str(p) for p in place]])
    return f"{readable}-" + hashlib.sha256(key.encode()).hexdigest()[:8]


def chart_facts(doc: Document, catalogue: ConceptMatcher | None = None) -> list[Fact]:
    """Facts (origin "chart") for every labelled or measurable bar and point of every
    captioned chart in the document. A document without an edition gives none."""
    if doc.edition is None:
        return []
    if catalogue is None:
        catalogue = default_catalogue()
    facts: list[Fact] = []
    for page in doc.pages:
        for chart in read_charts(page):
            facts.extend(_chart_facts(doc, doc.edition, chart, catalogue))
    return facts


def _chart_facts(
    doc: Document, edition: int, chart: Chart, catalogue: ConceptMatcher | None
) -> list[Fact]:
    facts: list[Fact] = []
    years = [c for c in chart.categories if year_of(c.text)]
    # Two bars of one category that no legend tells apart (grouped or stacked bars without a
    # readable legend) would give one subject two figures for one period: neither is taken.
    seen: dict[tuple[str | None, str | None], int] = {}
    for mark in chart.marks:
        place = (mark.category, mark.series)
        seen[place] = seen.get(place, 0) + 1
    for index, mark in enumerate(chart.marks):
        if mark.value is None or seen[(mark.category, mark.series)] > 1:
            continue
        if years:
            year = year_of(mark.category or "")
            if year is None:
                continue
            period = year
            category = None
        else:
            period = _title_year(chart.title) or str(edition - 1)
            category = mark.category
            if category is None and mark.series is None and len(chart.marks) > 1:
                # Bars told apart by nothing the reader could find (their year labels were
                # unreadable): one period for all of them would be wrong.
                continue
        unit: Unit = mark.unit or chart.unit or "count"
        value = mark.value if unit == "percent" else mark.value * chart.scale
        subject = mark.series or chart.title
        if category:
            subject = f"{chart.title}: {category}"
        concept = _chart_concept(catalogue, chart, mark, category, unit)
        if mark.estimated:
            text, bbox = _estimate_text(mark.value), mark.bbox
            note = "estimated from bar height against the axis ticks"
            if mark.kind == "point":
                note = "estimated from point height against the axis ticks"
            if chart.orientation == "horizontal":
                note = "estimated from bar length against the axis ticks"
        else:
            assert mark.label is not None
            text, bbox, note = mark.label.text, mark.label.bbox, None
        facts.append(
            Fact(
                id=figure_fact_id(doc, "chart", chart.page, chart.number, index),
                document=doc.name,
                edition=edition,
                concept=concept,
                subject=subject,
                value=value,
                unit=unit,
                period=period,
                qualifier="approx" if mark.estimated else "exact",
                confidence=CONFIDENCE_ESTIMATED if mark.estimated else CONFIDENCE_LABELLED,
                source=Source(
                    page=chart.page,
                    bbox=bbox,
                    sentence=chart.caption,
                    text=text,
                    start=0,
                    end=0,
                    origin="chart",
                    note=note,
                ),
            )
        )
    return facts


def _chart_concept(
    catalogue: ConceptMatcher | None, chart: Chart, mark: Mark, category: str | None, unit: Unit
) -> str | None:
    if category:
        concept = resolve_concept(catalogue, f"{category} {chart.title}", unit)
        # The bars of a category chart are parts of what the title names ("zittend" and
        # "vertrokken" of "Huurachterstand eind 2014"): the title's own concept is the whole,
        # so a category that adds nothing more specific gets no concept rather than a wrong one.
        if len(chart.categories) > 1 and concept == resolve_concept(catalogue, chart.title, unit):
            return None
        return concept
    if mark.series:
        return resolve_concept(catalogue, mark.series, unit) or resolve_concept(
            catalogue, f"{mark.series} {chart.title}", unit
        )
    return resolve_concept(catalogue, chart.title, unit)


def _title_year(title: str) -> str | None:
    """The one year a category chart's title names ("Huurachterstand eind 2014"), if one."""
    years = {y for token in title.split() if (y := year_of(token.strip("(),.:;"))) is not None}
    return years.pop() if len(years) == 1 else None


def _estimate_text(value: Decimal) -> str:
    return f"~{value.normalize():f}"
