"""Arithmetic on periods written as docs/outputs.md spells them ("2022", "2022-06/2022-06",
"2022-Q3", "2022-H1", "2021-10/2022-03"; one month written short, "2022-06", is read too):
their months, a part inside another, shifts in months, and the two years a change over
several whole years links."""

from __future__ import annotations

import re

from rapportextract.model_base import month_period

_PLAIN_YEAR = re.compile(r"^\d{4}$")


def months_of(period: str) -> tuple[int, int] | None:
    """The first and last month of `period`, counted as year * 12 + month - 1 (None for
    "YYYY-early", which has no fixed end)."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})|-Q([1-4])|-H([12]))?(?:/(\d{4})-(\d{2}))?", period)
    if m is None:
        return None
    year = int(m.group(1)) * 12
    if m.group(5):
        return year + int(m.group(2)) - 1, int(m.group(5)) * 12 + int(m.group(6)) - 1
    if m.group(2):
        return year + int(m.group(2)) - 1, year + int(m.group(2)) - 1
    if m.group(3):
        q = int(m.group(3))
        return year + 3 * q - 3, year + 3 * q - 1
    if m.group(4):
        h = int(m.group(4))
        return year + 6 * h - 6, year + 6 * h - 1
    return year, year + 11


def within(inner: str, outer: str) -> bool:
    """Whether `inner` is a part of `outer` and not the whole of it (May in the first half)."""
    a, b = months_of(inner), months_of(outer)
    return a is not None and b is not None and b[0] <= a[0] and a[1] <= b[1] and a != b


def shifted_months(anchor: str, offset: int) -> str | None:
    """The period `offset` months from `anchor`, as long as it (a month, a quarter after "een
    kwartaal eerder", a half after "een halfjaar eerder"); None where the anchor is not that
    short. A year is its end for this ("Eind 2022 telde de stad 3.400 daklozen. Een halfjaar
    eerder waren het er 2.900." is 2022-06): a shift in months is said of a stock."""
    months = months_of(anchor)
    if months is not None and _PLAIN_YEAR.match(anchor):
        months = (months[1], months[1])
    if months is None or months[1] - months[0] + 1 > abs(offset) or offset == 0:
        return None
    first, last = months[0] + offset, months[1] + offset
    year, month = divmod(last, 12)
    if first == last:
        return month_period(year, month + 1)
    if last - first == 2 and month % 3 == 2:
        return f"{year}-Q{month // 3 + 1}"
    if last - first == 5 and month % 6 == 5:
        return f"{year}-H{month // 6 + 1}"
    f_year, f_month = divmod(first, 12)
    return f"{f_year}-{f_month + 1:02d}/{year}-{month + 1:02d}"


def period_before(period: str) -> str | None:
    """The period right before `period`, as long as it: the year before a year, the quarter
    before a quarter, the month before a month, the stretch of months before a stretch (None
    for "YYYY-early", which has no fixed length)."""
    if _PLAIN_YEAR.match(period):
        return str(int(period) - 1)
    months = months_of(period)
    if months is None:
        return None
    return shifted_months(period, -(months[1] - months[0] + 1))


_SPAN = re.compile(r"(\d{4})-01/(\d{4})-12")


def elapsed_years(period: str) -> tuple[str, str] | None:
    """For whole years over which something moved (`PeriodResolution.elapsed`), the year a
    change over them is of and the year it compares with: "in drie jaar tijd verdubbeld" in
    a 2018 edition (2015-01/2017-12) is 2017 against 2014, the year before the first; the
    first figure of "van 400 naar 1.500" over those years is of 2014, the last of 2017."""
    span = _SPAN.fullmatch(period)
    if span is None or span.group(1) >= span.group(2):
        return None
    return span.group(2), str(int(span.group(1)) - 1)
