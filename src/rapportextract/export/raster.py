"""A laid-out plot (`plots.Plot`) drawn as a PNG with Pillow.

Shapes (grid, lines, markers, spines, ticks, legend keys) are drawn three times over in size
and scaled down, which smooths their edges; text is drawn afterwards at the plot's own size,
with FreeType's anti-aliasing and hinting, so it stays sharp. The font is DejaVu Sans, the one
matplotlib ships (found on disk, not imported), or Pillow's own where that is missing. The
layout follows matplotlib's defaults (sizes in points at 100 dpi, a 3.5 point tick, labels
3.5 points from it), so the plots read as they did when matplotlib drew them. A plot takes
about 10 ms.
"""

from __future__ import annotations

import importlib.util
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from rapportextract.export.plots import (
    BOTTOM,
    DPI,
    HEIGHT,
    LEFT,
    TOP,
    WIDTH,
    Mark,
    Plot,
)

_SCALE = 3
"""Shapes are drawn this many times larger, then scaled down (anti-aliasing)."""
PT = DPI / 72
"""Pixels per point."""
_TICK = 3.5 * PT
_TICK_PAD = 3.5 * PT
_LABEL_PAD = 4.0 * PT
_TITLE_PAD = 6.0 * PT
_TICK_FONT, _LEGEND_FONT, _SMALL_FONT = 10.0, 8.0, 7.0
_GRID, _ZERO, _TEXT, _SOURCE = "#dddddd", "#999999", "#000000", "#555555"

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


_SYSTEM_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@cache
def _font_file() -> str | None:
    """DejaVu Sans: matplotlib's copy (its folder found without importing it), else the
    system's."""
    spec = importlib.util.find_spec("matplotlib")
    folders = [Path(f) / "mpl-data" / "fonts" / "ttf" for f in
               (spec.submodule_search_locations or [] if spec else [])]
    for path in [folder / "DejaVuSans.ttf" for folder in folders] + [_SYSTEM_FONT]:
        if path.is_file():
            return str(path)
    return None


@cache
def font(points: float) -> Font:
    """The plot font at `points` points."""
    path = _font_file()
    size = points * PT
    if path is None:
        return ImageFont.load_default(size)
    return ImageFont.truetype(path, size)


def _line_height(face: Font) -> float:
    """The height of a line of text as matplotlib measures it: from the top of a capital to
    the foot of a descender."""
    top, bottom = face.getbbox("Ag", anchor="ls")[1::2]
    return float(bottom - top)


@dataclass(frozen=True)
class Box:
    """A rectangle in pixels of the plot: left, top, right, bottom."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1

    def crosses(self, a: tuple[float, float], b: tuple[float, float]) -> bool:
        """Whether the segment from `a` to `b` passes through the box (Liang-Barsky)."""
        (ax, ay), (bx, by) = a, b
        dx, dy = bx - ax, by - ay
        lo, hi = 0.0, 1.0
        for p, q in ((-dx, ax - self.x0), (dx, self.x1 - ax), (-dy, ay - self.y0),
                     (dy, self.y1 - ay)):
            if p == 0:
                if q < 0:
                    return False
                continue
            t = q / p
            if p < 0:
                lo = max(lo, t)
            else:
                hi = min(hi, t)
            if lo > hi:
                return False
        return True


def axes_box(plot: Plot) -> Box:
    """Where the axes are, in pixels (whole ones, so the data's edges are crisp)."""
    return Box(round(LEFT * WIDTH), round((1 - TOP) * HEIGHT), round(plot.right * WIDTH),
               round((1 - BOTTOM) * HEIGHT))


class _Frame:
    """Data to pixels for one plot."""

    def __init__(self, plot: Plot, box: Box) -> None:
        self.box = box
        (self.xlo, self.xhi), (self.ylo, self.yhi) = plot.xlim, plot.ylim

    def x(self, x: float) -> float:
        return self.box.x0 + (x - self.xlo) / (self.xhi - self.xlo) * self.box.width

    def y(self, y: float) -> float:
        return self.box.y1 - (y - self.ylo) / (self.yhi - self.ylo) * self.box.height


@dataclass(frozen=True)
class LegendLayout:
    """Where the legend goes: its box, and each entry's key and text position."""

    box: Box
    entries: list[tuple[Mark, Box, tuple[float, float]]]


def legend_layout(plot: Plot, box: Box | None = None) -> LegendLayout | None:
    """The legend's place: beside the axes (top left of the space right of them), or inside,
    in the first of matplotlib's places that covers the fewest points and line segments."""
    entries = plot.legend
    if not entries:
        return None
    box = box or axes_box(plot)
    face = font(_LEGEND_FONT)
    size = _LEGEND_FONT * PT
    row = 1.05 * size  # matplotlib's height of a legend entry at this size
    handle = 2.0 * size
    text_pad = (0.3 if plot.legend_beside else 0.8) * size
    spacing = (0.8 if plot.legend_beside else 2.0) * size
    rows = math.ceil(len(entries) / plot.legend_columns)
    columns = [entries[k:k + rows] for k in range(0, len(entries), rows)]
    widths = [handle + text_pad + max(face.getlength(m.label or "") for m in column)
              for column in columns]
    pad = 0.4 * size
    width = sum(widths) + spacing * (len(columns) - 1) + 2 * pad
    height = rows * row + (rows - 1) * 0.5 * size + 2 * pad
    if plot.legend_beside:
        left, top = box.x0 + 1.01 * box.width, box.y0
    else:
        left, top = _best_place(plot, box, width, height, 0.5 * size)
    placed: list[tuple[Mark, Box, tuple[float, float]]] = []
    x = left + pad
    for column, column_width in zip(columns, widths, strict=True):
        y = top + pad
        for mark in column:
            key = Box(x, y, x + handle, y + row)
            placed.append((mark, key, (x + handle + text_pad, y + row / 2)))
            y += row + 0.5 * size
        x += column_width + spacing
    return LegendLayout(Box(left, top, left + width, top + height), placed)


def _best_place(
    plot: Plot, box: Box, width: float, height: float, pad: float
) -> tuple[float, float]:
    frame = _Frame(plot, box)
    points = [(frame.x(x), frame.y(y)) for x, y in plot.points()]
    segments = [
        ((frame.x(m.xs[k]), frame.y(m.ys[k])), (frame.x(m.xs[k + 1]), frame.y(m.ys[k + 1])))
        for m in plot.marks if m.line_width for k in range(len(m.xs) - 1)
    ]
    left, middle_x, right = box.x0 + pad, box.x0 + (box.width - width) / 2, box.x1 - pad - width
    top, middle_y, low = box.y0 + pad, box.y0 + (box.height - height) / 2, box.y1 - pad - height
    # matplotlib's order: upper right, upper left, lower left, lower right, right, center
    # left, center right, lower center, upper center, center.
    places = [(right, top), (left, top), (left, low), (right, low), (right, middle_y),
              (left, middle_y), (right, middle_y), (middle_x, low), (middle_x, top),
              (middle_x, middle_y)]

    def badness(place: tuple[float, float]) -> int:
        spot = Box(place[0], place[1], place[0] + width, place[1] + height)
        return (sum(spot.contains(*p) for p in points)
                + sum(spot.crosses(a, b) for a, b in segments))

    return min(places, key=badness)  # the first of the least bad


def _polygon(kind: str, x: float, y: float, r: float) -> list[tuple[float, float]]:
    """The outline of a marker of half-width `r` at (x, y), y downwards."""
    unit: Sequence[tuple[float, float]]
    if kind == "s":
        unit = [(-1, -1), (1, -1), (1, 1), (-1, 1)]
    elif kind == "D":
        unit = [(0, -1.414), (1.414, 0), (0, 1.414), (-1.414, 0)]
    elif kind == "^":
        unit = [(0, -1), (1, 1), (-1, 1)]
    elif kind == "v":
        unit = [(0, 1), (1, -1), (-1, -1)]
    elif kind == "P":
        unit = [(a / 3, b / 3) for a, b in ((-1, -3), (1, -3), (1, -1), (3, -1), (3, 1),
                                            (1, 1), (1, 3), (-1, 3), (-1, 1), (-3, 1),
                                            (-3, -1), (-1, -1))]
    else:  # "X"
        unit = [(a / 2, b / 2) for a, b in ((-1, -2), (0, -1), (1, -2), (2, -1), (1, 0),
                                            (2, 1), (1, 2), (0, 1), (-1, 2), (-2, 1),
                                            (-1, 0), (-2, -1))]
    return [(x + a * r, y + b * r) for a, b in unit]


def _marker(draw: ImageDraw.ImageDraw, mark: Mark, x: float, y: float) -> None:
    """One marker of `mark` at (x, y), in pixels of the enlarged image."""
    scale = PT * _SCALE
    r = mark.size / 2 * scale
    edge = max(1, round(mark.edge * scale))
    fill = None if mark.fill == "none" else mark.fill
    if mark.marker == "x":
        for dx in (-r, r):
            draw.line([(x - dx, y - r), (x + dx, y + r)], fill=mark.color, width=edge)
    elif mark.marker == "o":
        grown = r + edge / 2
        draw.ellipse([x - grown, y - grown, x + grown, y + grown], fill=fill,
                     outline=mark.color, width=edge)
    elif mark.marker is not None:
        draw.polygon(_polygon(mark.marker, x, y, r + edge / 2), fill=fill, outline=mark.color,
                     width=edge)


def _width(points: float) -> int:
    return max(1, round(points * PT * _SCALE))


def _draw_data(image: Image.Image, plot: Plot, box: Box) -> None:
    """Grid, zero line and marks, clipped to the axes, onto `image`."""
    s = _SCALE
    size = (round(box.width) * s, round(box.height) * s)
    layer = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(layer)
    frame = _Frame(plot, Box(0, 0, round(box.width), round(box.height)))

    def at(x: float, y: float) -> tuple[float, float]:
        return frame.x(x) * s, frame.y(y) * s

    def rule(y: float, colour: str) -> None:  # one whole pixel row, crisp as matplotlib's
        row = min(max(math.floor(frame.y(y)), 0), size[1] // s - 1) * s
        draw.rectangle([0, row, size[0], row + s - 1], fill=colour)

    for y, _ in plot.yticks:
        rule(y, _GRID)
    if plot.zero_line and plot.ylim[0] <= 0 <= plot.ylim[1]:
        rule(0, _ZERO)
    for mark in sorted(plot.marks, key=lambda m: m.zorder):  # stable: the order added
        points = [at(x, y) for x, y in zip(mark.xs, mark.ys, strict=True)]
        if mark.line_width and len(points) > 1:
            draw.line(points, fill=mark.color, width=_width(mark.line_width), joint="curve")
        if mark.marker is not None:
            for x, y in points:
                _marker(draw, mark, x, y)
    image.paste(layer.reduce(s), (round(box.x0), round(box.y0)))


def _draw_keys(image: Image.Image, legend: LegendLayout) -> None:
    """The legend's keys (a line, a marker or both), smoothed like the data."""
    s = _SCALE
    left, top = math.floor(legend.box.x0), math.floor(legend.box.y0)
    size = (math.ceil(legend.box.x1) - left + 1, math.ceil(legend.box.y1) - top + 1)
    layer = Image.new("RGB", (size[0] * s, size[1] * s), "white")
    draw = ImageDraw.Draw(layer)
    for mark, key, _ in legend.entries:
        x0, x1 = (key.x0 - left) * s, (key.x1 - left) * s
        middle = ((key.y0 + key.y1) / 2 - top) * s
        if mark.line_width:
            draw.line([(x0, middle), (x1, middle)], fill=mark.color,
                      width=_width(mark.line_width))
        _marker(draw, mark, (x0 + x1) / 2, middle)
    image.paste(layer.reduce(s), (left, top))


def render(plot: Plot) -> Image.Image:
    """The plot as an RGB image of `plots.WIDTH` by `plots.HEIGHT` pixels."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    box = axes_box(plot)
    frame = _Frame(plot, box)
    _draw_data(image, plot, box)
    legend = legend_layout(plot, box)
    if legend is not None:
        _draw_keys(image, legend)
    draw = ImageDraw.Draw(image)
    # Spines and ticks one pixel wide on whole pixels (matplotlib snaps them too).
    x0, y1 = round(box.x0) - 1, round(box.y1)
    draw.line([(x0, round(box.y0)), (x0, y1)], fill=_TEXT)
    draw.line([(x0, y1), (round(box.x1), y1)], fill=_TEXT)
    tick = round(_TICK)
    for x, _ in plot.xticks:
        px = math.floor(frame.x(x))
        draw.line([(px, y1), (px, y1 + tick)], fill=_TEXT)
    for y, _ in plot.yticks:
        py = math.floor(frame.y(y))
        draw.line([(x0 - tick, py), (x0, py)], fill=_TEXT)
    _draw_text(image, plot, box, frame, legend)
    return image


def _draw_text(
    image: Image.Image, plot: Plot, box: Box, frame: _Frame, legend: LegendLayout | None
) -> None:
    draw = ImageDraw.Draw(image)
    ticks = font(_TICK_FONT)
    below = box.y1 + _TICK + _TICK_PAD
    for x, label in plot.xticks:
        draw.text((frame.x(x), below), label, font=ticks, fill=_TEXT, anchor="ma")
    beside = box.x0 - _TICK - _TICK_PAD
    widest = 0.0
    for y, label in plot.yticks:
        draw.text((beside, frame.y(y)), label, font=ticks, fill=_TEXT, anchor="rm")
        widest = max(widest, ticks.getlength(label))
    draw.text(((box.x0 + box.x1) / 2, below + _line_height(ticks) + _LABEL_PAD), plot.xlabel,
              font=ticks, fill=_TEXT, anchor="ma")
    _turned_text(image, plot.ylabel, ticks, beside - widest - _LABEL_PAD,
                 (box.y0 + box.y1) / 2)
    baseline = box.y0 - _TITLE_PAD
    for k, line in enumerate(reversed(plot.title)):
        draw.text((box.x0, baseline - k * 1.2 * _TICK_FONT * PT), line, font=ticks,
                  fill=_TEXT, anchor="ls")
    small = font(_SMALL_FONT)
    for note in plot.notes:
        x, y = frame.x(note.x), frame.y(note.y)
        if box.contains(x, y):
            draw.text((x + 5 * PT, y - 5 * PT), note.text, font=small, fill=note.color,
                      anchor="ls")
    draw.text((0.01 * WIDTH, HEIGHT * 0.99), plot.source, font=small, fill=_SOURCE,
              anchor="ld")
    entries = font(_LEGEND_FONT)
    for mark, _, (x, y) in legend.entries if legend else []:
        draw.text((x, y), mark.label or "", font=entries, fill=_TEXT, anchor="lm")


def _turned_text(image: Image.Image, text: str, face: Font, right: float, middle: float) -> None:
    """`text` turned a quarter left (read upwards), its right edge at `right`, centred on
    `middle`."""
    if not text:
        return
    width = math.ceil(face.getlength(text)) + 2
    height = math.ceil(_line_height(face)) + 2
    mask = Image.new("L", (width, height), 0)
    ImageDraw.Draw(mask).text((1, 1), text, font=face, fill=255, anchor="la")
    turned = mask.rotate(90, expand=True)
    ink = Image.new("RGB", turned.size, _TEXT)
    image.paste(ink, (round(right - turned.width), round(middle - turned.height / 2)), turned)


def warm_up() -> None:
    """Load the plot fonts (for a process about to fork processes that draw)."""
    for points in (_TICK_FONT, _LEGEND_FONT, _SMALL_FONT):
        font(points)


def render_png(plot: Plot) -> bytes:
    """The plot as PNG bytes (zlib's fast level: these images are small)."""
    buffer = io.BytesIO()
    render(plot).save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


__all__ = [
    "Box", "LegendLayout", "axes_box", "font", "legend_layout", "render", "render_png", "warm_up",
]
