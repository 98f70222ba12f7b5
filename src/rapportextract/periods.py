"""Which period a figure is about (docs/outputs.md).

A sentence may name several times: "In 2020 was het nog € 227 miljoen" names the period of its
figure, "€ 9 miljoen minder dan in 2022" names the base of a comparison. This module finds every
time expression in a sentence (`find_time_expressions`), gives each a role (``point``: the
period of a figure; ``base``: the period a change is measured against) and then picks the one
that belongs to a given figure (`resolve_period`):

0. a figure in brackets right after a time expression ("vergeleken met 2013 (6.940)") is
   that time's figure;
1. a point expression in the figure's own clause (the nearest one); the first year of a
   movement "van 8.550 in 2007 naar 7.100", and the year of a figure compared with ("tegen
   7.100 in 2008"), speak only for the figure right before them and are a base period for
   the sentence's other figures;
2. else the nearest point expression before the figure in the sentence (a year after the
   figure in another clause belongs to that clause's own figure);
3. else the context: a period that governs the paragraph (``scope``, e.g. a sentence
   "Het beeld over de eerste maanden van 2024 is wisselend" before it), then a period named in
   the heading above;
4. else the edition's data year (edition - 1).

Periods are written as docs/outputs.md spells them: ``2023``, ``2024-H1``, ``2024-Q2``,
``2022-01/2022-05``, ``2024-early``.

The Dutch time words live in ``lang/nl/periods.toml``; they are compiled into patterns once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from rapportextract.lang.nl.words import read_period_words

Role = Literal["point", "base"]
How = Literal["explicit", "relative", "anchored", "previous"]
ResolutionSource = Literal["clause", "sentence", "scope", "heading", "default"]

_DATA_FILE = "periods.toml"


@dataclass(frozen=True)
class TimeExpression:
    """One time expression in a sentence, resolved as far as the sentence alone allows."""

    start: int
    end: int
    text: str
    period: str | None
    """None for an expression that needs context (anchored or previous) until resolved."""
    role: Role
    how: How
    offset: int = 0
    """For ``anchored`` and ``previous`` expressions: years added to the year they hang on."""
    from_to: bool = False
    """True for the first year of a movement "van 8.550 in 2007 naar 7.100" and for the year
    of a figure compared with ("tegen 7.100 in 2008"): the period of the figure right before
    it and a base for the other figures of the sentence."""


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


# --------------------------------------------------------------------------------------------
# Language data
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    months: dict[str, int]
    ordinals: dict[str, int]
    counts: dict[str, int]
    words: dict[str, list[str]]
    relative: dict[str, int]
    anchored: dict[str, int]
    previous: list[str]
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)


def load_period_words(text: str | None = None) -> _Words:
    """The Dutch time words (the packaged file, or `text` for tests) with their patterns."""
    w = read_period_words(text)
    loaded = _Words(
        months=w.months, ordinals=w.ordinals, counts=w.counts, words=w.words,
        relative=w.relative, anchored=w.anchored, previous=w.previous,
    )
    loaded.patterns.update(_compile(loaded))
    return loaded


@lru_cache(maxsize=1)
def _words() -> _Words:
    return load_period_words()


def _phrase(text: str) -> str:
    return r"\s+".join(re.escape(part) for part in text.split())


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of Dutch phrases, longest first, any whitespace between words."""
    items = sorted(phrases, key=len, reverse=True)
    return "(?:" + "|".join(_phrase(p) for p in items) + ")"


_alt = phrase_alternation  # the short name the patterns below read better with


_YEAR = r"(?<![\d.,/-])(?:19|20)\d{2}(?![\d]|[.,]\d|\s?[-–/]\s?(?:19|20)?\d{2}\b)"


def _compile(w: _Words) -> dict[str, re.Pattern[str]]:
    month = _alt(w.months)
    ordinal = _alt(w.ordinals)
    first = _alt([k for k, v in w.ordinals.items() if v == 1])
    count = "(?:" + _alt(w.counts)[3:-1] + r"|\d{1,2})"
    art = rf"(?:{_alt(w.words['articles'])}\s+)?"
    of = _alt(w.words["of"])
    rel = _alt(w.relative)
    year_or_rel = rf"(?:(?P<y>{_YEAR})|(?P<rel>{rel}))"
    tail = rf"(?:\s+{of}\s+{year_or_rel})?"
    b = r"(?<![\w])"
    e = r"(?![\w])"
    token = r"[^\s,;:()\d]+"  # a word after a figure: "miljoen", "procent"
    figure = r"\d[\d.]*(?:,\d+)?%?"
    patterns = {
        "month_range": (
            rf"{b}(?:{_alt(w.words['range_open'])}\s+)?(?P<m1>{month})\.?\s*"
            rf"(?:{_alt(w.words['range_join'])})\s*(?P<m2>{month})\.?\s+(?P<y>{_YEAR})"
        ),
        "first_n_months": (
            rf"{b}{art}{first}\s+(?P<n>{count})\s+{_alt(w.words['months_word'])}{tail}{e}"
        ),
        "early": rf"{b}{art}{_alt(w.words['early_months'])}{tail}{e}",
        "half": rf"{b}{art}(?P<ord>{ordinal})\s+{_alt(w.words['half'])}{tail}{e}",
        "quarter": rf"{b}{art}(?P<ord>{ordinal})\s+{_alt(w.words['quarter'])}{tail}{e}",
        "quarter_code": (
            rf"{b}(?:Q(?P<q1>[1-4])\s*(?P<y1>{_YEAR})|(?P<y2>{_YEAR})[-\s]?Q(?P<q2>[1-4])){e}"
        ),
        "year_start": rf"{b}{_alt(w.words['year_start'])}\s+{year_or_rel}{e}",
        "year_end": rf"{b}{_alt(w.words['year_end'])}\s+{year_or_rel}{e}",
        "since_month": (
            rf"{b}{_alt(w.words['since'])}\s+(?P<m>{month})(?:\s+(?P<y>{_YEAR}))?{e}"
        ),
        "year_span": (
            rf"{b}{_alt(w.words['range_open'])}\s+(?P<y1>{_YEAR})\s+"
            rf"(?:{_alt(w.words['range_join'])})\s+(?P<y2>{_YEAR}){e}"
        ),
        "month_year": rf"{b}(?<!\d\s)(?P<m>{month})\.?\s+(?P<y>{_YEAR}){e}",
        "year": rf"{b}(?P<y>{_YEAR}){e}",
        "relative": rf"{b}(?P<rel>{rel}){e}",
        "anchored": rf"{b}(?P<anch>{_alt(w.anchored)}){e}",
        "previous": rf"{b}(?P<prev>{_alt(w.previous)}){e}",
        "base_before": (
            rf"{b}{_alt(w.words['base_markers'])}\s+(?:{_alt(w.words['base_fillers'])}\s+)?$"
        ),
        "since_start": rf"^{_alt(w.words['since'])}{e}",
        # "van 8.550 in 2007 naar ...": the words before and after the first year.
        "movement_from": (
            rf"{b}{_alt(w.words['movement_from'])}\s+(?:€\s*)?{figure}(?:\s+{token})?"
            rf"\s+(?:{_alt(w.words['of'])}\s+)?$"
        ),
        "movement_to": rf"^\s*{_alt(w.words['movement_to'])}{e}",
        # "tegen 7.100 in 2008": the year of a figure compared with.
        "compared_before": (
            rf"{b}{_alt(w.words['compared_with'])}\s+(?:€\s*)?{figure}(?:\s+{token})?"
            rf"\s+(?:{_alt(w.words['of'])}\s+)?$"
        ),
        "right_after": rf"^\s*(?:{_alt(w.words['of'])}\s+)?$",
        "bracket_gap": r"^\s*\(\s*$",
        # A comma between digits is a decimal comma ("1,15 miljoen"), not a clause break.
        "clause_break": (
            rf",(?!\d)|(?<!\d),|[;:()\[\]]|\s[–-]\s|\s{_alt(w.words['clause_joiners'])}\s"
        ),
    }
    return {name: re.compile(p, re.IGNORECASE) for name, p in patterns.items()}


# --------------------------------------------------------------------------------------------
# Finding time expressions
# --------------------------------------------------------------------------------------------


def _year_of(match: re.Match[str], edition: int, w: _Words) -> int | None:
    year = match.group("y")
    if year:
        return int(year)
    rel = match.group("rel")
    if rel:
        return edition + w.relative[" ".join(rel.lower().split())]
    return None


def _candidates(sentence: str, edition: int, w: _Words) -> list[TimeExpression]:
    found: list[TimeExpression] = []
    p = w.patterns

    def add(m: re.Match[str], period: str | None, how: How = "explicit", *, role: Role = "point",
            offset: int = 0, start: int | None = None, end: int | None = None) -> None:
        s = m.start() if start is None else start
        t = m.end() if end is None else end
        found.append(TimeExpression(s, t, sentence[s:t], period, role, how, offset))

    def how_of(m: re.Match[str]) -> How:
        return "relative" if "rel" in m.re.groupindex and m.group("rel") else "explicit"

    for m in p["month_range"].finditer(sentence):
        m1 = w.months[m.group("m1").lower()]
        m2 = w.months[m.group("m2").lower()]
        y = int(m.group("y"))
        if m1 <= m2:
            add(m, f"{y}-{m1:02d}/{y}-{m2:02d}")
    for m in p["first_n_months"].finditer(sentence):
        n_text = m.group("n").lower()
        n = int(n_text) if n_text.isdigit() else w.counts.get(n_text, 0)
        year = _year_of(m, edition, w) or edition
        if n == 6:
            add(m, f"{year}-H1", how_of(m))
        elif 1 <= n <= 12:
            add(m, f"{year}-01/{year}-{n:02d}", how_of(m))
    for m in p["early"].finditer(sentence):
        add(m, f"{_year_of(m, edition, w) or edition}-early", how_of(m))
    for m in p["half"].finditer(sentence):
        half = w.ordinals[m.group("ord").lower()]
        if half in (1, 2):
            add(m, f"{_year_of(m, edition, w) or edition}-H{half}", how_of(m))
    for m in p["quarter"].finditer(sentence):
        quarter = w.ordinals[m.group("ord").lower()]
        add(m, f"{_year_of(m, edition, w) or edition}-Q{quarter}", how_of(m))
    for m in p["quarter_code"].finditer(sentence):
        code_year = m.group("y1") or m.group("y2")
        add(m, f"{code_year}-Q{m.group('q1') or m.group('q2')}")
    for m in p["year_start"].finditer(sentence):
        add(m, f"{_year_of(m, edition, w)}-early", how_of(m))
    for m in p["year_end"].finditer(sentence):
        add(m, f"{_year_of(m, edition, w)}", how_of(m))
    for m in p["since_month"].finditer(sentence):
        year = int(m.group("y")) if m.group("y") else edition
        if year == edition:
            add(m, f"{edition}-early")
        else:
            add(m, str(year), role="base")
    for m in p["year_span"].finditer(sentence):
        add(m, m.group("y1"), role="base", end=m.end("y1"))
        add(m, m.group("y2"), start=m.start("y2"))
    for m in p["month_year"].finditer(sentence):
        add(m, f"{m.group('y')}-{w.months[m.group('m').lower()]:02d}")
    for m in p["year"].finditer(sentence):
        add(m, m.group("y"))
    for m in p["relative"].finditer(sentence):
        add(m, str(edition + w.relative[" ".join(m.group("rel").lower().split())]), "relative")
    for m in p["anchored"].finditer(sentence):
        add(m, None, "anchored", offset=w.anchored[" ".join(m.group("anch").lower().split())])
    for m in p["previous"].finditer(sentence):
        add(m, None, "previous")
    return found


def _without_overlaps(found: list[TimeExpression]) -> list[TimeExpression]:
    # The longest expression wins ("eind 2020" over "2020", "het afgelopen jaar" over
    # "afgelopen jaar"); of two equally long ones, the first found.
    kept: list[TimeExpression] = []
    for expr in sorted(found, key=lambda e: (-(e.end - e.start), e.start)):
        if all(expr.end <= k.start or expr.start >= k.end for k in kept):
            kept.append(expr)
    return sorted(kept, key=lambda e: e.start)


def _with_roles(sentence: str, exprs: list[TimeExpression], edition: int,
                w: _Words) -> list[TimeExpression]:
    out: list[TimeExpression] = []
    for expr in exprs:
        role = expr.role
        before = sentence[max(0, expr.start - 40):expr.start]
        is_since = bool(w.patterns["since_start"].search(expr.text))
        if role == "point" and (w.patterns["base_before"].search(before) or is_since):
            role = "base"
        # "sinds begin 2024" in a 2024 edition: the current year so far, not a base.
        if role == "base" and expr.period and expr.period.startswith(str(edition)):
            since_before = re.search(_alt(w.words["since"]) + r"\s+$", before, re.IGNORECASE)
            if is_since or since_before:
                expr = TimeExpression(expr.start, expr.end, expr.text, f"{edition}-early",
                                      "point", expr.how, expr.offset)
                role = "point"
        from_to = role == "point" and (
            (bool(w.patterns["movement_from"].search(before))
             and bool(w.patterns["movement_to"].match(sentence[expr.end:])))
            or bool(w.patterns["compared_before"].search(before)))
        out.append(TimeExpression(expr.start, expr.end, expr.text, expr.period, role,
                                  expr.how, expr.offset, from_to))
    return out


def find_time_expressions(sentence: str, *, edition: int) -> list[TimeExpression]:
    """Every time expression in `sentence`, in order, with its role and (where the sentence
    alone allows) its period. Anchored and back-referring expressions keep period None until
    `resolve_period` hangs them on a year."""
    return list(_time_expressions(sentence, edition))


@lru_cache(maxsize=256)
def _time_expressions(sentence: str, edition: int) -> tuple[TimeExpression, ...]:
    # The facts stage asks about a sentence several times (its figures' periods, the
    # paragraph scope, statement keys) and about a heading once for every sentence below it.
    w = _words()
    exprs = _without_overlaps(_candidates(sentence, edition, w))
    return tuple(_with_roles(sentence, exprs, edition, w))


# --------------------------------------------------------------------------------------------
# Choosing the period of one figure
# --------------------------------------------------------------------------------------------

def clause_bounds(sentence: str, position: int) -> tuple[int, int]:
    """The clause around `position`: between the nearest punctuation marks or clause-joining
    words ("en", "maar")."""
    start, end = 0, len(sentence)
    for b_start, b_end in _clause_breaks(sentence):
        if b_end <= position:
            start = b_end
        elif b_start >= position:
            end = b_start
            break
    return start, end


@lru_cache(maxsize=256)
def _clause_breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    # Asked for every figure of a sentence, and for terms near it.
    return tuple(m.span() for m in _words().patterns["clause_break"].finditer(sentence))


def _year(period: str) -> int:
    return int(period[:4])


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
            period = str(_year(anchor) + expr.offset)
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
    right_after = _words().patterns["right_after"]

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
                and _words().patterns["bracket_gap"].match(sentence[e.end:start])]
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


def sets_scope(sentence: str, *, edition: int) -> str | None:
    """The period a figure-less sentence sets for the rest of its paragraph, if any.

    Reports switch from the data year to the publication year to describe recent developments
    ("Het beeld over de eerste maanden van 2024 is wisselend"); the switch holds for the
    following sentences of that paragraph. A past year named in passing ("eind 2022 is een
    convenant opgesteld", "sinds begin 2021 is het verplicht") sets nothing.
    """
    for expr in find_time_expressions(sentence, edition=edition):
        if expr.role == "point" and expr.period and expr.period.startswith(str(edition)):
            return expr.period
    return None


def heading_period(heading: str | None, *, edition: int) -> str | None:
    """A period a heading names, for the sentences below it. A plain edition year is ignored:
    that is the report's title ("HUURSCHULDEN EN HUISUITZETTINGEN 2024"), not a period."""
    if not heading:
        return None
    for expr in find_time_expressions(heading, edition=edition):
        if expr.role == "point" and expr.period and expr.period != str(edition):
            return expr.period
    return None
