"""Choosing the period of one figure among a sentence's time expressions and its context
(the steps of the package docstring)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from rapportextract.periods.clauses import clause_bounds
from rapportextract.periods.expressions import TimeExpression, find_time_expressions
from rapportextract.periods.words import period_words

ResolutionSource = Literal["clause", "sentence", "scope", "heading", "default"]


@dataclass(frozen=True)
class PeriodContext:
    """What the surrounding text says about time, for sentences that name none."""

    scope: str | None = None
    """A period that governs the paragraph (set by a figure-less sentence before)."""
    heading: str | None = None
    """A period named in the heading above the sentence."""
    previous: str | None = None
    """The period of the previous sentence, for "toen" and "in dat jaar"."""


@dataclass(frozen=True)
class PeriodResolution:
    period: str
    source: ResolutionSource
    base_period: str | None = None
    """The base of a comparison named in the sentence ("ten opzichte van 2022"), if any."""
    expression: str | None = None
    """The words the period was read from; None where it came from context or the default."""
    confidence: float = 1.0
    """How sure the choice is: 1.0 for an expression in the figure's own clause, lower for one
    elsewhere in the sentence (0.9), the paragraph scope (0.85), the heading (0.8) or the
    default data year (0.8); times 0.95 where the expression was relative ("vorig jaar")."""


def _year(period: str) -> int:
    return int(period[:4])


_YEARS = re.compile(r"(?<!\d)\d{4}(?=-(?:\d{2}|Q\d|H\d)(?:/|$)|$|/)")
_WITHIN_YEAR = re.compile(r"^\d{4}-(?:\d{2}|Q[1-4]|H[12])(?:/\d{4}-\d{2})?$")


def _shifted(anchor: str, offset: int) -> str:
    """The period `offset` years from `anchor`, keeping its months, quarter or half: "een
    jaar eerder" after "juli 2022" is 2021-07; after a plain year or "begin 2024", a year."""
    if not _WITHIN_YEAR.match(anchor):
        return str(_year(anchor) + offset)
    return _YEARS.sub(lambda m: str(int(m.group()) + offset), anchor)


def _resolve_context_bound(exprs: list[TimeExpression], default: str,
                           context: PeriodContext) -> list[TimeExpression]:
    resolved: list[TimeExpression] = []
    for i, expr in enumerate(exprs):
        period, how = expr.period, expr.how
        if expr.how == "anchored":
            anchors = [e for e in resolved[:i] if e.period and e.role == "point"]
            if anchors and anchors[-1].period:
                anchor = anchors[-1].period
            elif expr.role == "point" and context.previous:
                # "Een jaar later was dat 3.000": hung on the previous sentence's year.
                anchor = context.previous
            else:
                anchor = default
            period = _shifted(anchor, expr.offset)
        elif expr.how == "previous":
            # "in 2011, toen het er 6.000 waren": the year named before it in the sentence;
            # at the start of a sentence, the previous sentence's period.
            named = [e for e in resolved[:i] if e.period]
            if named:
                period, how = named[-1].period, "anchored"
            else:
                period = context.previous or default
        resolved.append(TimeExpression(expr.start, expr.end, expr.text, period, expr.role,
                                       how, expr.offset, expr.from_to))
    return resolved


def _nearest(exprs: list[TimeExpression], start: int, end: int) -> TimeExpression | None:
    def distance(e: TimeExpression) -> tuple[int, int]:
        gap = start - e.end if e.end <= start else e.start - end if e.start >= end else 0
        return (max(gap, 0), 0 if e.end <= start else 1)

    return min(exprs, key=distance) if exprs else None


def resolve_period(
    sentence: str,
    span: tuple[int, int],
    *,
    edition: int,
    context: PeriodContext | None = None,
    expressions: list[TimeExpression] | None = None,
) -> PeriodResolution:
    """The period of the figure at `span` (offsets in `sentence`), per the module docstring.

    `expressions` may pass the result of `find_time_expressions` for the same sentence, to
    avoid finding them again for each figure.
    """
    context = context or PeriodContext()
    default = context.scope or context.heading or str(edition - 1)
    exprs = expressions if expressions is not None else find_time_expressions(
        sentence, edition=edition)
    exprs = _resolve_context_bound(exprs, default, context)
    start, end = span
    c_start, c_end = clause_bounds(sentence, start)
    right_after = period_words().patterns["right_after"]

    def own(e: TimeExpression) -> bool:
        return e.start >= end and bool(right_after.match(sentence[end:e.start]))

    points = [e for e in exprs if e.role == "point" and e.period and (not e.from_to or own(e))]
    bases = [e for e in exprs if e.period and (e.role == "base" or (e.from_to and not own(e)))]
    in_clause = [e for e in points if e.start < c_end and e.end > c_start]

    chosen: TimeExpression | None = None
    source: ResolutionSource
    confidence: float
    # "Vergeleken met 2013 (6.940) is het aantal ...": a figure in brackets right after a
    # time expression is that time's figure, whatever role the expression has for the rest.
    labelled = [e for e in exprs if e.period and e.end <= start
                and period_words().patterns["bracket_gap"].match(sentence[e.end:start])]
    if labelled:
        expr = labelled[-1]
        confidence = 0.95 if expr.how == "explicit" else 0.9
        return PeriodResolution(expr.period or "", "clause", None, expr.text, confidence)
    if in_clause:
        chosen, source, confidence = _nearest(in_clause, start, end), "clause", 1.0
    else:
        # A year after the figure in another clause belongs to that clause ("bij 12% van de
        # uitzettingen, tegen 10% in 2017"): only a year before the figure carries over.
        # "toen" and "een jaar eerder" hung on a year of this sentence speak only for their
        # own clause ("Sinds 2019, toen het € 244 miljoen was, is het met 16% gedaald").
        before = [e for e in points if e.end <= start and e.how != "anchored"]
        if before:
            chosen = before[-1]
            source, confidence = "sentence", 0.9
    base_clause = [e for e in bases if e.start < c_end and e.end > c_start]
    base = _nearest(base_clause or bases, start, end)
    base_period = base.period if base else None

    if chosen is not None and chosen.period:
        if chosen.how != "explicit":
            confidence *= 0.95
        return PeriodResolution(chosen.period, source, base_period, chosen.text, confidence)
    if context.scope:
        return PeriodResolution(context.scope, "scope", base_period, None, 0.85)
    if context.heading:
        return PeriodResolution(context.heading, "heading", base_period, None, 0.8)
    return PeriodResolution(str(edition - 1), "default", base_period, None, 0.8)
