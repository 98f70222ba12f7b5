"""Period strings ("2023", "2023-H1", "2023-Q2", "2023-early", "2023-07/2024-06", one month
"2023-03/2023-03" or written short "2023-03") as bounds, sort keys and positions on a time
axis."""

from __future__ import annotations

import re

_PERIOD = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<half>H[12])|(?P<quarter>Q[1-4])|(?P<early>early)"
    r"|(?P<m1>\d{2})(?:/(?P<y2>\d{4})-(?P<m2>\d{2}))?))?$"
)


def period_bounds(period: str) -> tuple[int, int, int] | None:
    """(year, first month, last month) of a period string, or None if it is not one we know."""
    m = _PERIOD.match(period)
    if not m:
        return None
    year = int(m["year"])
    if m["half"]:
        return (year, 1, 6) if m["half"] == "H1" else (year, 7, 12)
    if m["quarter"]:
        q = int(m["quarter"][1])
        return (year, 3 * q - 2, 3 * q)
    if m["early"]:
        return (year, 1, 3)
    if m["m1"] and not m["m2"]:
        return (year, int(m["m1"]), int(m["m1"]))
    if m["m1"]:
        last = int(m["m2"]) + 12 * (int(m["y2"]) - year)
        return (year, int(m["m1"]), last)
    return (year, 1, 12)


def period_sort_key(period: str) -> tuple[int, int, int, str]:
    bounds = period_bounds(period)
    if bounds is None:
        return (9999, 0, 0, period)
    return (*bounds, period)


def period_position(period: str) -> float | None:
    """Where a period sits on a time axis in years: a calendar year at its own number, a part
    of a year at its middle (2024-H1 at 2023.75)."""
    bounds = period_bounds(period)
    if bounds is None:
        return None
    year, first, last = bounds
    return year - 0.5 + (first - 1 + last) / 24


def is_annual(period: str) -> bool:
    bounds = period_bounds(period)
    return bounds is not None and bounds[1:] == (1, 12)
