"""Numbers as charts and tables print them: one figure read the Dutch way, and year labels."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from rapportextract.models import (
    Unit,
)
from rapportextract.quantities import find_quantities, parse_digits
from rapportextract.year_labels import year_of as year_of

# The shape of a label that is one figure and nothing else ("1.720", "1,1", "€ 164", "50%",
# "-15"); its digits are read by the prose recogniser's `parse_digits`, the one reader of Dutch
# digits (the dot groups thousands, the comma is the decimal mark). The shape is stricter than
# prose needs: a label with "1.72" or "12.34,5,6" is no figure of a chart, where prose reads
# such a string as well as it can and flags it.
_NUMBER = re.compile(
    r"^(?P<euro>€)?(?P<sign>[-−–])?(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<dec>\d+))?(?P<pct>%)?$"
)


_YEAR = re.compile(r"^(?:19|20)\d{2}$")


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


def is_year(text: str) -> bool:
    return _YEAR.match(text.strip()) is not None
