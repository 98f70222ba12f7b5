"""The base of the typed models (`rapportextract.models`): the schema version, the value
types and literals of the product contract, boxes, and the pydantic base class whose instances
share their field-name sets. Kept apart so that `models` reads as the list of the pipeline's
models."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, PlainSerializer

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
