"""Periods that hold beyond one sentence: the scope a figure-less sentence sets for its
paragraph, and the period a heading names."""

from __future__ import annotations

import re

from rapportextract.model_base import single_month
from rapportextract.periods.expressions import TimeExpression, find_time_expressions
from rapportextract.periods.resolution import PeriodContext, resolve_expressions
from rapportextract.periods.words import period_words


def sets_scope(sentence: str, *, edition: int, context: PeriodContext | None = None,
               expressions: list[TimeExpression] | None = None) -> str | None:
    """The period a figure-less sentence sets for the rest of its paragraph, if any.

    Reports switch from the data year to the publication year to describe recent developments
    ("Het beeld over de eerste maanden van 2024 is wisselend"); the switch holds for the
    following sentences of that paragraph, as does a quarter or half of the data year
    ("Over het slotkwartaal van 2017 ..." in a 2018 edition). A past year named in passing
    ("eind 2022 is een convenant opgesteld", "sinds begin 2021 is het verplicht") sets
    nothing, and neither does the time of writing ("Inmiddels gaat het beter"): it
    describes, it does not date the figures that follow. A month without a year is read in
    its `context` ("In augustus kwamen er meer bij" in a 2021 edition, with no other year in
    focus, moves the paragraph to 2021-08).
    """
    writing = set(period_words().words["scope_not"])
    for expr in resolve_expressions(sentence, edition=edition, context=context,
                                    expressions=expressions):
        # the time of writing, and times that only hang on the sentence before, set nothing
        if expr.how not in ("explicit", "relative", "month") \
                or " ".join(expr.text.lower().split()) in writing:
            continue
        if expr.role == "point" and expr.period and moves_paragraph(expr.period, edition):
            return expr.period
    return None


def moves_paragraph(period: str, edition: int) -> bool:
    """Whether `period`, named for a sentence's own figures, holds for the rest of its
    paragraph: any period of the edition year, and a quarter, half or stretch of months of
    the data year."""
    return period.startswith(str(edition)) or bool(
        _QUARTER_OR_HALF.fullmatch(period) and single_month(period) is None
        and period.startswith(str(edition - 1)))


def derived_scope(period: str | None, edition: int) -> str | None:
    """The paragraph period a sentence leaves whose figures name no time of their own but
    were dated by what they are compared with: "Ten opzichte van mei 2019 is het aantal met
    24 procent gestegen." in a 2020 edition is about May 2020, and so is the next sentence
    ("Ook landelijk nam het aantal toe, met 3 procent."). Only a part of a year counts (a
    month, quarter, half or stretch of months), not a whole year or the time of writing."""
    if period and _PART_OF_YEAR.fullmatch(period) and moves_paragraph(period, edition):
        return period
    return None


_PART_OF_YEAR = re.compile(r"\d{4}-(?:\d{2}|Q[1-4]|H[12])(?:/\d{4}-\d{2})?")


_QUARTER_OR_HALF = re.compile(r"\d{4}-(?:Q[1-4]|H[12])|(\d{4})-\d{2}/\1-\d{2}")
"""A quarter, half or stretch of months of the data year moves the paragraph as one of the
edition year does: "Over het slotkwartaal van 2017 boekte het bedrijf 980 miljoen euro omzet.
Pakketten waren goed voor 321 miljoen euro." in a 2018 edition is about 2017-Q4 throughout,
and so is "de eerste negen maanden van 2005" in a 2006 edition (a single month, "2005-03/2005-03",
is not: `moves_paragraph` leaves it out)."""


def heading_period(heading: str | None, *, edition: int) -> str | None:
    """A period a heading names, for the sentences below it. A plain edition year is ignored:
    that is the report's title ("HUURSCHULDEN EN HUISUITZETTINGEN 2024"), not a period."""
    if not heading:
        return None
    for expr in find_time_expressions(heading, edition=edition):
        if expr.role == "point" and expr.period and expr.period != str(edition):
            return expr.period
    return None
