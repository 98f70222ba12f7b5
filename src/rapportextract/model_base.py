"""The base of the typed models (`rapportextract.models`): the schema version, the value
types and literals of the product contract, boxes, and the pydantic base class whose instances
share their field-name sets. Kept apart so that `models` reads as the list of the pipeline's
models."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer

SCHEMA_VERSION = "1.0"

BBox = tuple[float, float, float, float]
"""A box on a page: x0, top, x1, bottom, in PDF points from the top-left corner."""

# Values stay Decimal inside the pipeline (exact arithmetic for derived levels) and leave as
# JSON numbers: an analyst's json.load must not get strings.
JsonDecimal = Annotated[
    Decimal,
    PlainSerializer(
        lambda d: int(d) if d == d.to_integral_value() else float(d),
        return_type=int | float,
        when_used="json",
    ),
]

# Periods as the product contract writes them (FACTS-SPEC section 3, docs/outputs.md): a year,
# a half, a quarter, a stretch of months, the early part of a year. One month is the stretch
# from that month to itself ("2021-03/2021-03"), as the contract's grammar has no form of its
# own for it; the short "2021-03" earlier versions wrote is read as the same month.
PERIOD_PATTERN = (r"^\d{4}(?:-H[12]|-Q[1-4]|-early"
                  r"|-(?:0[1-9]|1[0-2])/\d{4}-(?:0[1-9]|1[0-2]))?$")
_SHORT_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")
_ONE_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])(?:/\1-\2)?")


def month_period(year: int | str, month: int) -> str:
    """One month of a year as a period: `month_period(2021, 3)` is "2021-03/2021-03"."""
    return f"{year}-{month:02d}/{year}-{month:02d}"


def canonical_period(period: Any) -> Any:
    """A period in the contract's form: a single month written short ("2021-03") becomes
    "2021-03/2021-03"; anything else is returned as it is (a year given as a number is the
    caller's to turn into text)."""
    if isinstance(period, str) and (m := _SHORT_MONTH.fullmatch(period)):
        return month_period(m.group(1), int(m.group(2)))
    return period


def single_month(period: str | None) -> tuple[int, int] | None:
    """(year, month) where `period` is one month, written either way ("2021-03/2021-03" or
    "2021-03"); None for anything longer or shorter."""
    m = _ONE_MONTH.fullmatch(period) if period else None
    return (int(m.group(1)), int(m.group(2))) if m else None


Period = Annotated[
    str,
    BeforeValidator(canonical_period),
    Field(pattern=PERIOD_PATTERN, description=(
        "YYYY (a year; also a stock at its end), YYYY-H1/H2, YYYY-Q1..Q4, "
        "YYYY-MM/YYYY-MM (months; one month is YYYY-MM/YYYY-MM) or YYYY-early.")),
]
"""A period string in the contract's form; a single month written short is made the
contract's `YYYY-MM/YYYY-MM` as the model is made, so every output writes it one way."""

Unit = Literal["EUR", "count", "percent"]
Qualifier = Literal["exact", "approx", "more_than", "less_than", "at_least", "at_most"]
Kind = Literal["level", "change"]
Origin = Literal["text", "table", "chart", "ocr", "review"]
Scope = Literal["national", "organisation", "region", "unknown"]
"""Whom a figure is about: the whole country (the reports' own figures), one named
organisation (a corporation, a court, a bailiffs' office), one municipality, province or
region, or a group the text does not pin down."""
"""Where a figure was read; ``review`` for one a reviewer added (`rapportextract review`)."""
Status = Literal["reported", "derived", "corrected"]
"""``corrected``: the value of a fact a reviewer corrected (`build --review`)."""


def union_bbox(boxes: list[BBox]) -> BBox | None:
    """The smallest box holding every box given, or None for none."""
    if not boxes:
        return None
    # One pass: layout calls this for every line fragment, many times a page.
    x0, top, x1, bottom = boxes[0]
    for b in boxes[1:]:
        if b[0] < x0:
            x0 = b[0]
        if b[1] < top:
            top = b[1]
        if b[2] > x1:
            x1 = b[2]
        if b[3] > bottom:
            bottom = b[3]
    return (x0, top, x1, bottom)


_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
"""One set of given field names for every model made with the same fields (`_Model`)."""


class _Model(BaseModel):
    """The base of the pipeline's models. pydantic keeps a set of the field names given with
    each instance (728 bytes, for a fact and again for its source); models made with the same
    fields share one here, two fifths of a fact's memory. A field set after creation that was
    not given gives the instance its own set again, so `model_fields_set` stays true for
    each."""

    model_config = ConfigDict(extra="forbid", frozen=False)

    def model_post_init(self, context: Any, /) -> None:
        given = self.__pydantic_fields_set__
        shared = _FIELDS_SETS.setdefault(frozenset(given), given)
        if shared is not given:
            object.__setattr__(self, "__pydantic_fields_set__", shared)

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in self.__pydantic_fields_set__:
            object.__setattr__(self, "__pydantic_fields_set__", set(self.__pydantic_fields_set__))
        super().__setattr__(name, value)
