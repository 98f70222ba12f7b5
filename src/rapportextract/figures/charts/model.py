"""What the chart reader finds: the chart, its marks, labels and legend."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from rapportextract.figures.charts.shapes import Colour
from rapportextract.models import (
    BBox,
    Unit,
)


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
