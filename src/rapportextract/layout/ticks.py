"""Charts found from their scale alone: a ladder of tick labels.

A chart whose plot the page holds as a picture (a chart pasted from a spreadsheet, an
infographic), or drawn with shapes the drawing clusters miss, still prints its value axis as
text: figures set one under the other, evenly spaced, falling by the same step from the top
("500 450 400 ... 0"), or set in one row rising by the same step ("0 25 50 75 100"). No
prose, table or list sets figures that way: a table column of years rises downwards, line
numbers rise downwards, a table head of years steps by one. Such a ladder, and the labels
around the plot beside it (the category labels under it, a legend inside it), are a chart
region: its words are kept out of the prose (`regions.chart_regions`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from itertools import pairwise

import regex

from rapportextract.layout.geometry import centre_in
from rapportextract.layout.params import LAYOUT, LayoutParams
from rapportextract.layout.rows import word_rows
from rapportextract.models import BBox, Word, union_bbox

_TICK = regex.compile(
    r"^[-−–]?[€$]?(?P<num>(?:\d{1,3}(?:(?P<sep>[.,\u00a0 ])\d{3})+|\d+)(?:[.,]\d{1,2})?)%?$"
)

_LETTERS = regex.compile(r"\p{L}{2}")


def tick_value(text: str) -> Decimal | None:
    """The value of a tick label ("2.500", "450,000", "12,5%", "-10"); None for anything
    else. Groups of three after a separator are thousands, either way they are written (an
    axis has no decimals of three digits)."""
    match = _TICK.match(text.strip())
    if match is None:
        return None
    digits = match["num"]
    if match["sep"]:
        digits = regex.sub(r"[.,\u00a0 ](?=\d{3}(?:\D|$))", "", digits)
    try:
        value = Decimal(digits.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits digits only
        return None
    return -value if text.strip()[0] in "-−–" else value


def _even(values: Sequence[float], slack: float) -> bool:
    steps = [b - a for a, b in pairwise(values)]
    mean = sum(steps) / len(steps)
    return mean > 0 and all(abs(s - mean) <= slack * mean for s in steps)


def _scale(values: Sequence[Decimal]) -> bool:
    """Values of one scale: one step between all of them, and not years by ones (a table
    head, a time axis that is no value axis)."""
    steps = {b - a for a, b in pairwise(values)}
    if len(steps) != 1 or next(iter(steps)) == 0:
        return False
    years = all(1900 <= v <= 2100 and v == v.to_integral_value() for v in values)
    return not (years and abs(next(iter(steps))) == 1)


def _top(word: Word) -> float:
    return word.bbox[1]


def _middle(word: Word) -> float:
    return (word.bbox[0] + word.bbox[2]) / 2


def _runs(
    ticks: list[tuple[Word, Decimal]], place: Callable[[Word], float], params: LayoutParams
) -> list[list[tuple[Word, Decimal]]]:
    """Maximal runs of evenly placed ticks (by `place`: their tops in a column, their
    middles in a row) on one scale."""
    found: list[list[tuple[Word, Decimal]]] = []
    start = 0
    n = len(ticks)
    while start < n:
        end = start + 1
        while end < n:
            run = ticks[start:end + 1]
            spots = [place(w) for w, _ in run]
            if not (_even(spots, params.tick_slack) and _scale([v for _, v in run])):
                break
            end += 1
        if end - start >= params.tick_count:
            found.append(ticks[start:end])
            start = end
        else:
            start += 1
    return found


def tick_ladders(
    words: Sequence[Word], params: LayoutParams = LAYOUT
) -> list[tuple[BBox, float]]:
    """Value axes printed as text, each its box and the pitch of its ticks: columns of
    right-aligned figures falling by one step downwards, most of them alone on their left,
    and rows of figures rising by one step rightwards with no word between them; at least
    `tick_count` ticks each. A row's pitch is 0."""
    ticks = [(w, v) for w in words if (v := tick_value(w.text)) is not None]
    ladders: list[tuple[BBox, float]] = []
    # columns: the same right edge, alone on their left
    by_edge: dict[int, list[tuple[Word, Decimal]]] = {}
    for w, v in ticks:
        by_edge.setdefault(round(w.bbox[2] / params.tick_align), []).append((w, v))
    columns: list[list[tuple[Word, Decimal]]] = []
    for key in sorted(by_edge):
        group = by_edge[key] + by_edge.get(key + 1, [])
        group = sorted({id(w): (w, v) for w, v in group}.values(), key=lambda t: t[0].bbox[1])
        for run in _runs(group, _top, params):
            if run[0][1] > run[-1][1] and _alone(run, words, params):
                columns.append(run)
    for run in columns:
        box = union_bbox([w.bbox for w, _ in run])
        if box is not None and not any(centre_in(box, b, 0) for b, _ in ladders):
            ladders.append((box, (run[-1][0].bbox[1] - run[0][0].bbox[1]) / (len(run) - 1)))
    # rows: one baseline, rising to the right, no word with letters between them
    for row in word_rows([w for w, _ in ticks], params):
        # (the rows may hold copies of the words: a raised one joined to the word before)
        run_ticks = [(w, v) for w in row if (v := tick_value(w.text)) is not None]
        for run in _runs(run_ticks, _middle, params):
            box = union_bbox([w.bbox for w, _ in run])
            if box is None or run[0][1] > run[-1][1] or any(
                _LETTERS.search(w.text) and centre_in(w.bbox, box, 0) for w in words
            ):
                continue
            if not any(centre_in(box, b, 0) for b, _ in ladders):
                ladders.append((box, 0.0))
    return ladders


def _alone(run: Sequence[tuple[Word, Decimal]], words: Sequence[Word],
           params: LayoutParams) -> bool:
    """Most ticks of a column have no word just left of them on their line: line numbers and
    a column of a table stand beside text, an axis stands beside the page's margin or its
    turned title."""
    beside = 0
    for tick, _ in run:
        size = tick.bbox[3] - tick.bbox[1]
        x0, top, _, bottom = tick.bbox
        if any(
            w is not tick and w.bbox[2] <= x0 and x0 - w.bbox[2] <= params.tick_margin * size
            and w.bbox[1] < bottom and w.bbox[3] > top and (w.bbox[3] - w.bbox[1]) < 2 * size
            for w in words
        ):
            beside += 1
    return beside <= len(run) // 3


def ladder_region(ladder: BBox, pitch: float, words: Sequence[Word], axes: Sequence[BBox],
                  params: LayoutParams = LAYOUT) -> BBox:
    """A vertical ladder's chart: the ladder, the plot right of it as far as its labels go
    (a legend inside, data labels), and the category labels under it. It stops at a line of
    prose, at the next value axis (`axes`, its own among them) and where nothing follows for
    `tick_gap` pitches, or for `tick_slot` times the widest gap so far between its labels.
    A row ladder (pitch 0) takes the plot over it (`_over_row`)."""
    x0, top, x1, bottom = ladder
    if pitch <= 0:
        return _over_row(ladder, words, params)
    band = (x0, top - pitch / 2, bottom + params.tick_below * pitch)
    inside = [w for w in words
              if w.bbox[0] >= x1 and w.bbox[1] >= band[1] and w.bbox[3] <= band[2]]
    # the paragraph under the chart, set close under its category labels, ends the band
    below = [row for row in word_rows([w for w in inside if w.bbox[1] > bottom], params)
             if sum(1 for w in row if _LETTERS.search(w.text)) >= params.text_box_row]
    if below:
        floor = min(row[0].bbox[1] for row in below)
        inside = [w for w in inside if w.bbox[3] <= floor]
    stops = [b[0] for b in axes if b[0] >= x1 and b[1] < band[2] and b[3] > band[1]]
    for row in word_rows([w for w in inside if w.bbox[3] <= bottom + pitch / 2], params):
        lettered = [w for w in row if _LETTERS.search(w.text)]
        if len(lettered) >= params.text_box_row:  # a line of prose beside the chart
            stops.append(row[0].bbox[0])
    limit = min(stops, default=float("inf"))
    right, widest = x1, params.tick_gap * pitch
    for w in sorted(inside, key=lambda w: w.bbox[0]):
        gap = w.bbox[0] - right
        if w.bbox[0] >= limit or gap > widest:
            break
        # labels set a slot apart (one per bar) may stand wider apart than the ticks
        widest = max(widest, params.tick_slot * gap)
        right = max(right, w.bbox[2])
    kept = [w.bbox for w in inside if w.bbox[2] <= right]
    return union_bbox([ladder, *kept]) or ladder


def _over_row(ladder: BBox, words: Sequence[Word], params: LayoutParams = LAYOUT) -> BBox:
    """A row ladder's chart (the value axis of horizontal bars): the row, and over it the
    category labels that end at one right edge by its first tick, one above the other, with
    the words before them on their lines ("Hennep en drugs"), and the plot between. It ends
    where no label follows within `tick_rise` label heights."""
    x0, top, x1, _ = ladder
    height = ladder[3] - ladder[1]
    edge: float | None = None
    reach = top
    labels: list[Word] = []
    above = sorted(
        (w for w in words if w.bbox[3] <= top and x0 - 2 * height <= w.bbox[2] <= x0 + height),
        key=lambda w: -w.bbox[3],
    )
    for w in above:
        if reach - w.bbox[3] > params.tick_rise * height:
            break
        if edge is not None and abs(w.bbox[2] - edge) > params.tick_align:
            continue
        edge, reach = w.bbox[2], w.bbox[1]
        labels.append(w)
    if len(labels) < 2:
        return ladder
    line = [w for w in words for label in labels
            if w.bbox[2] <= label.bbox[0] and label.bbox[0] - w.bbox[2] <= height
            and abs(w.bbox[3] - label.bbox[3]) <= params.row_tolerance * height]
    left = min(w.bbox[0] for w in [*labels, *line])
    return (min(left, x0), reach, x1, ladder[3])
