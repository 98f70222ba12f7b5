"""A figure found in a sentence while the recogniser works on it, and sets of spans."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from rapportextract.models import Qualifier, Unit

Form = Literal["digits", "words", "fraction", "ratio", "majority"]


# How far back and ahead of a figure the context words are looked for (characters).
LEFT_WINDOW = 60
RIGHT_WINDOW = 60


@dataclass
class Found:
    start: int
    end: int
    value: Decimal
    unit: Unit
    form: Form
    scale: int = 1
    qualifier: Qualifier = "exact"
    kind: Literal["level", "change"] = "level"
    ambiguous: bool = False
    notes: list[str] = field(default_factory=list)
    has_unit: bool = False
    plain_integer: bool = False
    signed: bool = False
    precise: bool = False
    """The value came from a precise figure in brackets: words before it do not qualify it."""
    led_from: Found | None = None
    """For a level after "naar"/"tot": the change right before it that led there."""

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


class Spans:
    """A fixed set of character spans, asked whether they overlap a span (in log time)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [start for start, _ in spans]
        self.max_end: list[int] = list(itertools.accumulate((end for _, end in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans that start before `end`
        return i > 0 and self.max_end[i - 1] > start
