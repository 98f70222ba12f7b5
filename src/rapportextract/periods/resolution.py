"""Choosing the period of one figure among a sentence's time expressions and its context
(the steps of the package docstring)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from rapportextract.model_base import month_period, single_month
from rapportextract.periods.clauses import clause_bounds
from rapportextract.periods.expressions import (
    AFTER_YEARS,
    ELAPSED,
    IN_MONTHS,
    PAST_MONTHS,
    STEP_BACK,
    TimeExpression,
    find_time_expressions,
)
from rapportextract.periods.months import months_of, period_before, shifted_months, within
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
    """The period of the previous sentence, for a month without a year and "een jaar later"."""
    continues: bool = False
    """True where the sentence refers back ("dat", "dit") to one that named its period
    (`previous`): "Op 31 december 2019 stonden er 22.722 ingeschreven. Ten opzichte van vorig
    jaar is dat 8,7 procent meer." keeps 2019 for the figure referred to."""
    mentioned: str | None = None
    """The last time the previous sentence names (a period or a base), for "toen", "in dat
    jaar": "... een verdubbeling ten opzichte van 2020. Toen waren het er 15.000." is 2020."""


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
    note: str | None = None
    """Why a time near the figure was not taken as its period, for the fact's diagnostics
    ("'uit 2018' dates what it follows, not the figure")."""
    elapsed: bool = False
    """True where the period is whole years over which something moved ("in drie jaar tijd",
    "de afgelopen vijf jaar"): a change over them is of the last year, compared with the
    year before the first (`elapsed_years`)."""


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


_PAST = PAST_MONTHS.split(":")[0] + ":"
_PLAIN_YEAR = re.compile(r"^\d{4}$")


def _year_in_focus(exprs: list[TimeExpression], i: int, context: PeriodContext,
                   edition: int) -> tuple[int, int | None]:
    """The year a month without one ("in oktober") belongs to, and the index of the plain
    year of this sentence it was read from (if so): the nearest year named before it in the
    sentence, else one named after it ("tot en met juli ... in 2021"), else the period of the
    sentence before, the paragraph's scope or the heading; else the edition year, as for a
    quarter or half without a year and "sinds januari": a report gives its data year whole,
    and speaks of single months for the recent past."""
    named = [(j, e) for j, e in enumerate(exprs) if j != i and e.role == "point"
             and not e.from_to and e.how in ("explicit", "relative") and e.period]
    before = [(j, e) for j, e in named if j < i]
    after = [(j, e) for j, e in named if j > i]
    for j, e in before[-1:] or after[:1]:
        return _year(e.period or ""), j if _PLAIN_YEAR.match(e.period or "") else None
    return _year(context.previous or context.scope or context.heading or str(edition)), None


def _past_months(n: int, exprs: list[TimeExpression], i: int,
                 context: PeriodContext) -> str | None:
    """"Het afgelopen halfjaar", "de afgelopen drie maanden": the `n` months up to the month
    in focus, a month (or the end of a quarter or half) named in the sentence, else the
    period of the sentence before; with no month in focus they name no period that could be
    told ("De werkloosheid is de laatste zes maanden gedaald" keeps its context's)."""
    named = [e.period for j, e in enumerate(exprs) if j != i and e.role == "point"
             and e.period and _WITHIN_YEAR.match(e.period)]
    focus = named[-1] if named else context.previous
    months = months_of(focus) if focus and _WITHIN_YEAR.match(focus) else None
    if months is None:
        return None
    last = months[1]
    first = last - n + 1
    year, month = divmod(last, 12)
    if n == 3 and month % 3 == 2:
        return f"{year}-Q{month // 3 + 1}"
    if n == 6 and month % 6 == 5:
        return f"{year}-H{month // 6 + 1}"
    f_year, f_month = divmod(first, 12)
    return f"{f_year}-{f_month + 1:02d}/{year}-{month + 1:02d}"


def _years_after(year: int, data_year: int) -> str:
    """"De jaren daarna" after `year`: the years from the next one up to the data year."""
    first = year + 1
    return f"{first}-01/{data_year}-12" if first < data_year else str(first)


def _figure_before(sentence: str, exprs: list[TimeExpression], position: int) -> bool:
    """Whether a figure (digits outside the time expressions) stands before `position`."""
    text = list(sentence[:position])
    for e in exprs:
        text[e.start:min(e.end, position)] = " " * max(0, min(e.end, position) - e.start)
    return any(ch.isdigit() for ch in text)


def _resolve_context_bound(sentence: str, exprs: list[TimeExpression], default: str,
                           context: PeriodContext, edition: int) -> list[TimeExpression]:
    periods: dict[int, str | None] = {}
    so_far = period_words().patterns["through_alone"]
    for i, expr in enumerate(exprs):
        if expr.how == "month" and expr.template and expr.template.startswith(_PAST):
            continue
        if expr.how == "month" and expr.template:
            year, plain = _year_in_focus(exprs, i, context, edition)
            periods[i] = expr.template.format(y=year)
            # "In 2021 is dit tot en met oktober ...": the year so far refines the year named
            if plain is not None and so_far.match(expr.text):
                periods[plain] = periods[i]
        elif expr.how == "focus" and (focus := single_month(context.previous)):
            # "Vergeleken met vorige maand steeg het aantal" after a sentence about May: a base
            # "vorige maand" is the month before the one in focus, which the figure is of
            month = month_period(*focus)
            periods[i] = month if expr.role == "point" else shifted_months(month, -1)
    exprs = [replace(e, period=periods[i]) if i in periods else e for i, e in enumerate(exprs)]
    for i, expr in enumerate(exprs):
        if expr.how == "month" and expr.template and expr.template.startswith(_PAST):
            periods[i] = _past_months(int(expr.template[len(_PAST):]), exprs, i, context)
    exprs = [replace(e, period=periods[i]) if i in periods else e for i, e in enumerate(exprs)]
    resolved: list[TimeExpression] = []
    for i, expr in enumerate(exprs):
        period, how = expr.period, expr.how
        if expr.how == "anchored":
            anchors = [e for e in resolved[:i] if e.period and e.role == "point"]
            if anchors and anchors[-1].period:
                anchor = anchors[-1].period
            elif expr.role == "point" and context.previous \
                    and not _figure_before(sentence, exprs, expr.start):
                # "Een jaar later was dat 3.000": hung on the previous sentence's year; after
                # a figure of its own ("321 miljoen euro, tegen 271 miljoen euro een jaar
                # eerder") on the year that figure takes. Hung on the sentence before, it dates
                # the whole sentence, as "toen" does ("Het jaar ervoor boekte het ziekenhuis,
                # met vestigingen in Breda en Tilburg, een resultaat van 19 miljoen euro").
                anchor, how = context.previous, "previous"
            else:
                anchor = default
            period = _shifted(anchor, expr.offset) if expr.template != IN_MONTHS \
                else shifted_months(anchor, expr.offset)
            if expr.template == STEP_BACK:
                # "de vorige meting": the round before the one in focus; with none in focus
                # (nothing before, or only the data year, which a figure has without any time
                # word) it names no period
                period = period_before(anchor) if anchors or (
                    how == "previous" and anchor != str(edition - 1)) else None
            if expr.template == AFTER_YEARS:
                period = _years_after(_year(anchor), edition - 1)
        elif expr.how == "previous":
            # "in 2011, toen het er 6.000 waren": the year named before it in the sentence;
            # at the start of a sentence, the previous sentence's period.
            named = [e for e in resolved[:i] if e.period]
            if named:
                period, how = named[-1].period, "anchored"
            else:
                period = context.mentioned or context.previous or default
        resolved.append(replace(expr, period=period, how=how))
    return resolved


def _after_base(base: TimeExpression, base_period: str, edition: int) -> str:
    """The period after `base` that a figure compared with it is of: the same period a year
    later ("2 procent hoger dan vorig jaar"; "ten opzichte van mei 2019" in a 2020 edition is
    May 2020); a month named without its year ("vergeleken met juli"), or one whose year
    later would be after the edition ("ten opzichte van mei 2022" in a 2022 edition), is
    compared with by the month after it, and so is a quarter or half by the next one."""
    part = _PART.fullmatch(base_period)
    month = single_month(base_period)
    if (part or month) and (base.how == "month" or _year(base_period) >= edition):
        # ... and so is a quarter or half of the edition year ("20 procent minder dan in het
        # eerste kwartaal van dit jaar" is of the second quarter)
        if month:
            (year, number), kind = month, ""
        elif part:
            year, kind, number = int(part.group(1)), part.group(2), int(part.group(3))
        last = {"": 12, "Q": 4, "H": 2}[kind]
        year, number = (year + 1, 1) if number == last else (year, number + 1)
        return month_period(year, number) if kind == "" else f"{year}-{kind}{number}"
    return _shifted(base_period, 1)


_PART = re.compile(r"(\d{4})-([QH])([1-4])")


def _nearest(exprs: list[TimeExpression], start: int, end: int) -> TimeExpression | None:
    def distance(e: TimeExpression) -> tuple[int, int]:
        gap = start - e.end if e.end <= start else e.start - end if e.start >= end else 0
        return (max(gap, 0), 0 if e.end <= start else 1)

    return min(exprs, key=distance) if exprs else None


_RESTATED_YEAR = re.compile(r"\s*\(\s*(?:19|20)\d\d\s*\)")
"""A year alone in brackets right after a time expression: the same time, restated."""


def _bracket_around(sentence: str, position: int) -> tuple[int, int] | None:
    """The brackets `position` stands in, as (opening, closing) offsets, if any."""
    opening = sentence.rfind("(", 0, position)
    if opening < 0 or ")" in sentence[opening:position]:
        return None
    closing = sentence.find(")", position)
    return (opening, closing if closing >= 0 else len(sentence))


_DASH = re.compile(r"\s[–—-]\s")


def _aside_around(sentence: str, position: int) -> tuple[int, int] | None:
    """The aside between two dashes ("de stijging – tot 39.300 in 2018 – is gestopt")
    `position` stands in, if any: dashes written with a space either side, taken in pairs."""
    dashes = [m.start() for m in _DASH.finditer(sentence)]
    opened = [d for d in dashes if d < position]
    closing = [d for d in dashes if d >= position]
    if len(opened) % 2 == 1 and closing:
        return (opened[-1], closing[0])
    return None


def resolve_period(
    sentence: str,
    span: tuple[int, int],
    *,
    edition: int,
    context: PeriodContext | None = None,
    expressions: list[TimeExpression] | None = None,
    change: bool = False,
) -> PeriodResolution:
    """The period of the figure at `span` (offsets in `sentence`), per the module docstring.

    `expressions` may pass the result of `find_time_expressions` for the same sentence, to
    avoid finding them again for each figure. `change` says the figure is a change: a rate
    of change "vorig jaar" after a month of this year is of that month a year before ("De
    huren stegen in juli 2023 met 2,0 procent. Vorig jaar was de stijging 3,0 procent.").
    """
    context = context or PeriodContext()
    default = context.scope or context.heading or str(edition - 1)
    exprs = expressions if expressions is not None else find_time_expressions(
        sentence, edition=edition)
    start, end = span
    # "2000 mensen hebben dat vorig jaar gedaan": the figure itself is no year
    exprs = _resolve_context_bound(sentence,
                                   [e for e in exprs if not e.start <= start < end <= e.end],
                                   default, context, edition)
    bracket = _bracket_around(sentence, start)
    # a change written with its verb ("nam toe, met ruim 143.000") is in the clause of its
    # number
    digits = [i for i, ch in enumerate(sentence[start:end]) if ch.isdigit()]
    c_start, c_end = clause_bounds(sentence, start + digits[-1] if digits else start)
    right_after = period_words().patterns["right_after"]

    def own(e: TimeExpression) -> bool:
        return e.start >= end and bool(right_after.match(sentence[end:e.start]))

    # "minder sterk dan de stijging in maart (5 procent)": a time right before a figure in
    # brackets is that figure's (step 0), not the time of the sentence's other figures
    # ("173 miljoen euro in 2021 (+114 procent)": a time right after the figure is its own too)
    # (not a year in brackets restating the time: "Tien jaar geleden (2005) lag het op 1.401")
    labels = {id(e) for e in exprs
              if period_words().patterns["bracket_label"].match(sentence, e.end) and not own(e)
              and not _RESTATED_YEAR.match(sentence, e.end)}
    points = [e for e in exprs if e.role == "point" and e.period and (not e.from_to or own(e))
              and id(e) not in labels]
    bases = [e for e in exprs if e.period and (e.role == "base" or (e.from_to and not own(e)))]
    in_clause = [e for e in points if e.start < c_end and e.end > c_start]

    chosen: TimeExpression | None = None
    source: ResolutionSource
    confidence: float
    # "Vergeleken met 2013 (6.940) is het aantal ...": a figure in brackets right after a
    # time expression is that time's figure, whatever role the expression has for the rest.
    labelled = [e for e in exprs if e.period and e.end <= start
                and period_words().patterns["bracket_gap"].match(sentence[e.end:start])]
    # "van € 12 miljoen (2021) naar € 15 miljoen (2022)": a time alone in brackets right after
    # a figure dates that figure
    labelled += [e for e in exprs if e.period and e.start >= end
                 and period_words().patterns["bracket_time_open"].match(sentence[end:e.start])
                 and period_words().patterns["bracket_time_close"].match(sentence, e.end)]
    if labelled:
        expr = labelled[-1]
        confidence = 0.95 if expr.how == "explicit" else 0.9
        return PeriodResolution(expr.period or "", "clause", None, expr.text, confidence)
    if not in_clause and bracket is not None:
        # "teruggedrongen naar 279.000 woningen (3,5% van de voorraad)": a figure in brackets
        # without a time of its own shares the time of the clause the brackets stand in
        # ("(2016: 2.250)" has its own, before the figure)
        inside = [e for e in points if bracket[0] < e.start and e.end <= start]
        o_start, o_end = clause_bounds(sentence, max(bracket[0] - 1, 0))
        in_clause = inside[-1:] or [e for e in exprs if e.role == "point" and e.period
                                    and not e.from_to and e.start < o_end and e.end > o_start]
    # "minder dan het gemiddelde in 2014, dat op 438.000 uitkwam": a relative clause after a
    # base is about that base's time
    described = [e for e in exprs if e.role == "base" and e.period and e.end <= c_start
                 and period_words().patterns["relative_clause"].match(sentence, e.end)
                 and sentence[e.end:c_start].strip() == ","]
    if not in_clause and described:
        chosen, source, confidence = described[-1], "clause", 0.95
    elif in_clause:
        # "van ruim 1000 per jaar voor 2010 tot 78 in 2019": a time right after the figure is
        # its own, however near another stands before it
        owned = [e for e in in_clause if own(e)]
        chosen, source, confidence = _nearest(owned or in_clause, start, end), "clause", 1.0
    else:
        # A year after the figure in another clause belongs to that clause ("bij 12% van de
        # uitzettingen, tegen 10% in 2017"): only a year before the figure carries over.
        # "toen" and "een jaar eerder" hung on a year of this sentence speak only for their
        # own clause ("Sinds 2019, toen het € 244 miljoen was, is het met 16% gedaald").
        # A year in brackets ("0,53% (2018: 0,55%)") speaks only for the figures inside them.
        # So does a year in an aside between dashes ("de stijging – tot 39.300 in 2018 – is
        # gestopt, maar het is nog een verdubbeling").
        aside = _aside_around(sentence, start)
        before = [e for e in points if e.end <= start and e.how != "anchored"
                  and _bracket_around(sentence, e.start) in (None, bracket)
                  and _aside_around(sentence, e.start) in (None, aside)]
        if before:
            chosen = before[-1]
            source, confidence = "sentence", 0.9
    base_clause = [e for e in bases if e.start < c_end and e.end > c_start]
    base = _nearest(base_clause or bases, start, end)
    base_period = base.period if base else None

    if change and chosen is not None and chosen.how == "relative" and chosen.period \
            and _PLAIN_YEAR.match(chosen.period) and context.previous \
            and _WITHIN_YEAR.match(context.previous) \
            and _year(context.previous) == int(chosen.period) + 1:
        chosen = replace(chosen, period=_shifted(context.previous, -1))
    if chosen is not None and chosen.period:
        if chosen.how != "explicit":
            confidence *= 0.95
        result = PeriodResolution(chosen.period, source, base_period, chosen.text, confidence,
                                  elapsed=chosen.template == ELAPSED)
    elif context.scope:
        result = PeriodResolution(context.scope, "scope", base_period, None, 0.85)
    elif context.heading:
        result = PeriodResolution(context.heading, "heading", base_period, None, 0.8)
    else:
        result = PeriodResolution(str(edition - 1), "default", base_period, None, 0.8)
    # "2 procent hoger dan vorig jaar" with no time of its own: a figure is not compared with
    # its own period, so it is of the period after its base; nor does a year compare with one
    # of its own months ("Ten opzichte van mei 2019 is het aantal met 24 procent gestegen"
    # is of May 2020)
    own_month = bool(base_period and _WITHIN_YEAR.match(base_period)
                     and _PLAIN_YEAR.match(result.period)
                     and _year(base_period) >= int(result.period))
    if base is not None and base_period and result.source in ("scope", "heading", "default") \
            and (base_period == result.period or own_month
                 or within(base_period, result.period)):
        if context.continues and base.how == "relative" and base_period == context.previous:
            # "dat" is the figure of the sentence before, of the period it named: "vorig
            # jaar" is the year before that one, as the writer counts from the figure
            result = replace(result, period=base_period,
                             base_period=_shifted(base_period, -1))
        else:
            result = replace(result, period=_after_base(base, base_period, edition))
    # "minder dan in dezelfde periode in 2005" after "de eerste negen maanden van 2006": the
    # base is those months of 2005
    same = base is not None and bool(period_words().patterns["same_period"].search(
        sentence[max(0, base.start - 60):base.start]))
    if same and base_period and _PLAIN_YEAR.match(base_period) \
            and _WITHIN_YEAR.match(result.period):
        offset = _year(base_period) - _year(result.period)
        # "vergeleken met dezelfde periode vorig jaar" after "de eerste negen maanden van
        # 2005" in a 2006 edition: the same months a year before the figure's
        if offset == 0 and base is not None and base.how == "relative":
            offset = -1
        result = replace(result, base_period=_shifted(result.period, offset))
    elif same and base_period and _WITHIN_YEAR.match(base_period) \
            and _PLAIN_YEAR.match(result.period) and _year(base_period) + 1 == int(result.period):
        # "Ten opzichte van dezelfde periode in het jaar ervoor zijn er in 2023 22% meer" after
        # "het vierde kwartaal van 2023": the year named holds the period compared, so the
        # figure is of that quarter (half, months) of it, not of the whole year
        result = replace(result, period=_shifted(base_period, 1))
    unread = [e for e in exprs if e.period is None and e.start < c_end and e.end > c_start
              and (e.how == "reference" or (e.how == "month" and e.template
                                             and e.template.startswith(_PAST)))]
    if unread and result.source != "clause":
        e = unread[0]
        why = "it dates the thing named before it, not the figure" if e.how == "reference" \
            else "no month in focus to count back from"
        result = replace(result, note=f"period not from {e.text!r}: {why}")
    return result


def resolve_expressions(sentence: str, *, edition: int, context: PeriodContext | None = None,
                        expressions: list[TimeExpression] | None = None,
                        ) -> list[TimeExpression]:
    """The sentence's time expressions with the periods its context gives those that need one
    (a month without a year, "een jaar later", "toen", "vorige maand")."""
    context = context or PeriodContext()
    exprs = expressions if expressions is not None else find_time_expressions(
        sentence, edition=edition)
    default = context.scope or context.heading or str(edition - 1)
    return _resolve_context_bound(sentence, exprs, default, context, edition)


def named_period(sentence: str, *, edition: int, context: PeriodContext | None = None,
                 expressions: list[TimeExpression] | None = None) -> str | None:
    """The last period the sentence names for its own figures (resolved against `context`),
    which the sentence after it may take up ("In augustus daalde het aantal. Vorige maand
    ..."); the time of writing ("nu") holds for its own sentence only and is left out."""
    named = [e for e in resolve_expressions(sentence, edition=edition, context=context,
                                            expressions=expressions)
             if e.period and e.how != "present"]
    points = [e.period for e in named if e.role == "point"]
    # "Maar dit is nog altijd onder het niveau van 2019. Toen ...": a sentence that names only
    # the time it compares with leaves that time to the next
    bases = [e.period for e in named if e.role == "base" and e.how == "explicit"]
    return points[-1] if points else bases[-1] if bases else None


def mentioned_period(sentence: str, *, edition: int, context: PeriodContext | None = None,
                     expressions: list[TimeExpression] | None = None) -> str | None:
    """The last time the sentence names, a period or a base, which a "toen" or "in dat jaar"
    of the next sentence refers back to ("... is een verdubbeling ten opzichte van 2020. Toen
    ..." is 2020); the time of writing and times that only hang on another are left out."""
    named = [e for e in resolve_expressions(sentence, edition=edition, context=context,
                                            expressions=expressions)
             if e.period and e.how in ("explicit", "relative", "month")]
    return named[-1].period if named else None
