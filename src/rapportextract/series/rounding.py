"""The rounding of a stated figure and whether two vintages conflict (the `rapportextract.series`
docstring, "Vintages, headline and conflicts")."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from rapportextract.models import Fact

_DIGITS = re.compile(r"\d+(?:\.\d{3})*(?:,\d+)?")
_HALF = Decimal("0.5")
_FRACTION_WORD_ROUNDING = Decimal(5)


def _parse_dutch_number(token: str) -> Decimal:
    return Decimal(token.replace(".", "").replace(",", "."))


def _last_significant_exponent(value: Decimal) -> int:
    if value == 0:
        return 0
    return int(value.normalize().as_tuple().exponent)


def _power_of_ten(ratio: Decimal) -> int | None:
    """k where ratio == 10**k for k >= 0, else None."""
    if ratio <= 0 or ratio != ratio.to_integral_value():
        return None
    n = int(ratio)
    k = 0
    while n % 10 == 0:
        n //= 10
        k += 1
    return k if n == 1 else None


def rounding(fact: Fact) -> Decimal:
    """Half a unit of the last digit the fact's value is stated to (`rapportextract.series`)."""
    return _rounding(
        abs(fact.value), fact.qualifier != "exact", fact.source.text if not fact.derived else "",
        fact.unit,
    )


@lru_cache(maxsize=1 << 16)
def _rounding(value: Decimal, approximate: bool, text: str, unit: str) -> Decimal:
    # Asked for every pair of statements of a point: the same figures come back many times.
    tokens = _DIGITS.findall(text)
    for token in tokens:
        written = _parse_dutch_number(token)
        if written == 0:
            continue
        scale = _power_of_ten(value / written)
        if scale is None:
            continue
        if "," in token:
            exponent = -len(token.split(",", 1)[1])
        elif approximate:
            exponent = _last_significant_exponent(written)
        else:
            exponent = 0
        return _HALF * Decimal(10) ** (exponent + scale)
    if not tokens and text and approximate and unit == "percent":
        # A share in words ("een kwart", "de helft", "een meerderheid") is as coarse as the
        # fraction it names.
        return _FRACTION_WORD_ROUNDING
    return _HALF * Decimal(10) ** _last_significant_exponent(value)


def _compared_value(vintage_fact: Fact, tolerance: Decimal) -> Decimal:
    # A qualifier bounds the size of a figure: "bijna een kwart minder" (-25) is a fall of
    # less than 25, so a negative value moves towards zero where a positive one moves down.
    step = tolerance if vintage_fact.value >= 0 else -tolerance
    if vintage_fact.qualifier in ("more_than", "at_least"):
        return vintage_fact.value + step
    if vintage_fact.qualifier in ("less_than", "at_most"):
        return vintage_fact.value - step
    return vintage_fact.value


def in_conflict(a: Fact, b: Fact) -> bool:
    """True where two statements of the same figure differ by more than their rounding."""
    ra, rb = rounding(a), rounding(b)
    tolerance = max(ra, rb)
    return abs(_compared_value(a, ra) - _compared_value(b, rb)) > tolerance
