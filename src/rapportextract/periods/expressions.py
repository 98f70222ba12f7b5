"""Finding the time expressions of one sentence, each with its role (``point`` or ``base``)
and, where the sentence alone allows, its period."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapportextract.model_base import month_period
from rapportextract.periods.clauses import clause_bounds
from rapportextract.periods.words import PeriodWords, alt, period_words
from rapportextract.regexneeds import Possible

Role = Literal["point", "base"]
How = Literal["explicit", "relative", "anchored", "previous", "present", "month", "focus",
              "reference"]
"""How the period was found; "present" is the time of writing ("nu", "momenteel"), early in
the edition year, which holds for its own sentence only (`scope.sets_scope`); "month" is a
month without a year ("in oktober"), which takes the year in focus (`template`); "focus" is
"vorige maand", the month named before; "reference" a time that dates a thing named ("de
huurverhoging uit 2018"), which is no period of any figure (its `period` is None) and is kept
only so that a figure near it can say why its period was not read from it."""


AFTER_YEARS = "after"
"""The `TimeExpression.template` of "de jaren daarna": the years after the one it hangs on,
up to the data year."""


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
    template: str | None = None
    """For ``month`` expressions: the period with ``{y}`` for the year in focus
    ("{y}-10/{y}-10", "{y}-01/{y}-10")."""


ELAPSED = "elapsed"
"""The `TimeExpression.template` of "de afgelopen vijf jaar", "het afgelopen decennium", "in
drie jaar tijd": whole years up to the data year, over which a change or a movement runs
(its figures are of the last year and the year before the first, `resolve_period`)."""

STEP_BACK = "step"
"""The `TimeExpression.template` of "de vorige meting", "de vorige monitor": the period before
the one it hangs on, as long as it (`months.period_before`)."""

IN_MONTHS = "months"
"""The `TimeExpression.template` of an anchored expression whose `offset` is in months ("een
halfjaar eerder"), not years."""

PAST_MONTHS = "past:{n}"
"""The `TimeExpression.template` of "het afgelopen halfjaar", "de afgelopen drie maanden":
the `n` months up to the month in focus (`resolve_period`)."""


BOTH_YEARS = "both"
"""The `TimeExpression.template` of "in 2022 en 2023": a span of both years for one figure,
one year a figure for two (`columns.read_columns`)."""


_WHOLE_YEAR = re.compile(r"^(\d{4})-01/\1-12$")


def _year_of(match: re.Match[str], edition: int, w: PeriodWords) -> int | None:
    year = match.group("y")
    if year:
        return int(year)
    rel = match.group("rel")
    if rel:
        return edition + w.relative[" ".join(rel.lower().split())]
    return None


def _count(text: str, w: PeriodWords) -> int:
    """A small count written in digits or words ("vijf", "12", "een")."""
    text = text.lower()
    if text.isdigit():
        return int(text)
    return 1 if text in w.words["one"] else w.counts.get(text, 0)


def _season(w: PeriodWords, name: str, year: int | None) -> str:
    """A season's three months in `year` ("{y}" where the year is still to be found)."""
    first = w.seasons[name.lower()]
    y = "{y}" if year is None else str(year)
    return f"{y}-{first:02d}/{y}-{first + 2:02d}"


def _past_years(edition: int, n: int) -> str:
    """"De afgelopen `n` jaar": the `n` years up to the data year."""
    data_year = edition - 1
    return f"{data_year - n + 1}-01/{data_year}-12" if n > 1 else str(data_year)


def _month_template(month: int) -> str:
    """One month of the year in focus, for `TimeExpression.template`."""
    return month_period("{y}", month)


def _candidates(sentence: str, edition: int, w: PeriodWords) -> list[TimeExpression]:
    found: list[TimeExpression] = []
    # the patterns that cannot match the sentence (no month name in it, no "kwartaal") match
    # nothing here: most of the 45 are skipped for most sentences (`regexneeds`)
    p = Possible(w.patterns, sentence)

    def add(m: re.Match[str], period: str | None, how: How = "explicit", *, role: Role = "point",
            offset: int = 0, start: int | None = None, end: int | None = None,
            template: str | None = None) -> None:
        s = m.start() if start is None else start
        t = m.end() if end is None else end
        # "januari tot en met december 2020", "tot en met december": the whole year
        if period and _WHOLE_YEAR.match(period):
            period = period[:4]
        if template == "{y}-01/{y}-12":
            template = "{y}"
        found.append(TimeExpression(s, t, sentence[s:t], period, role, how, offset,
                                    template=template))

    def month_of(text: str) -> int:
        return w.months[text.lower().rstrip(".")]

    def how_of(m: re.Match[str]) -> How:
        return "relative" if "rel" in m.re.groupindex and m.group("rel") else "explicit"

    for m in p["month_range"].finditer(sentence):
        m1 = w.months[m.group("m1").lower()]
        m2 = w.months[m.group("m2").lower()]
        y = int(m.group("y"))
        if m1 <= m2:
            add(m, f"{y}-{m1:02d}/{y}-{m2:02d}")
    for m in p["month_year_range"].finditer(sentence):
        first = int(m.group("y1")), month_of(m.group("m1"))
        last_month = int(m.group("y2")), month_of(m.group("m2"))
        if first < last_month:
            add(m, f"{first[0]}-{first[1]:02d}/{last_month[0]}-{last_month[1]:02d}")
    for m in p["year_end_month"].finditer(sentence):
        if m.group("y"):
            add(m, m.group("y"))
        else:
            add(m, None, "month", template="{y}")
    for m in p["past_months"].finditer(sentence):
        n = 6 if m.group("half") else 3 if m.group("quarter") else _count(m.group("n"), w)
        if 1 <= n < 12:
            add(m, None, "month", template=PAST_MONTHS.format(n=n))
    for m in p["years_time"].finditer(sentence):
        # "in een jaar tijd" is the year just gone, as "het afgelopen jaar"
        n = _count(m.group("n") or m.group("n2"), w)
        if n >= 1:
            add(m, _past_years(edition, n), "relative", template=ELAPSED if n > 1 else None)
    for m in p["first_n_months"].finditer(sentence):
        n_text = m.group("n").lower()
        n = int(n_text) if n_text.isdigit() else w.counts.get(n_text, 0)
        year = _year_of(m, edition, w) or edition
        if n == 6:
            add(m, f"{year}-H1", how_of(m))
        elif n == 3:
            # "de eerste drie maanden" is the first quarter, as the first six are the half
            add(m, f"{year}-Q1", how_of(m))
        elif 1 <= n <= 12:
            add(m, f"{year}-01/{year}-{n:02d}", how_of(m))
    for m in p["early"].finditer(sentence):
        add(m, f"{_year_of(m, edition, w) or edition}-early", how_of(m))
    def part_of_year(m: re.Match[str], part: str) -> None:
        # a quarter or half without a year takes the year in focus, as a month does ("De
        # omzet steeg vorig jaar tot ..., en in het vierde kwartaal tot ...")
        year = _year_of(m, edition, w)
        if year is None:
            add(m, None, "month", template=f"{{y}}-{part}")
        else:
            add(m, f"{year}-{part}", how_of(m))

    for m in p["half"].finditer(sentence):
        half = w.ordinals[m.group("ord").lower()] or _HALVES  # 0: the last one
        if half in (1, 2):
            part_of_year(m, f"H{half}")
    for m in p["quarter"].finditer(sentence):
        part_of_year(m, f"Q{w.ordinals[m.group('ord').lower()] or _QUARTERS}")
    for m in p["last_quarter"].finditer(sentence):
        part_of_year(m, f"Q{_QUARTERS}")
    for m in p["last_n_months"].finditer(sentence):
        n, last_year = _count(m.group("n"), w), _year_of(m, edition, w) or edition
        if n in (3, 6):
            part = f"Q{_QUARTERS}" if n == 3 else f"H{_HALVES}"
            add(m, f"{last_year}-{part}", how_of(m))
        elif 1 <= n < 12:
            add(m, f"{last_year}-{13 - n:02d}/{last_year}-12", how_of(m))
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
    for m in p["through_month"].finditer(sentence):
        # the year so far: "tot en met september 2018" is 2018-01/2018-09
        month = w.months[m.group("m").lower()]
        add(m, f"{m.group('y')}-01/{m.group('y')}-{month:02d}")
    for m in p["month_year"].finditer(sentence):
        add(m, month_period(m.group("y"), w.months[m.group("m").lower()]))
    for m in p["year_period"].finditer(sentence):
        add(m, f"{m.group('y1')}-01/{m.group('y2')}-12")
    for m in p["date"].finditer(sentence):
        # a stock on a given day is its month ("op 1 oktober 2020" is 2020-10), but the last
        # day of the year is the year, as "eind 2020" is
        day, mon = int(m.group("d")), month_of(m.group("m"))
        if not 1 <= day <= 31:
            continue
        day_year = _year_of(m, edition, w)
        form = "{y}" if (day, mon) == (31, 12) else _month_template(mon)
        if day_year:
            add(m, form.format(y=day_year), how_of(m))
        else:
            add(m, None, "month", template=form)
    for m in p["numeric_date"].finditer(sentence):
        # "per 1-1-2021", "op 30-06-2021": as the same date written out
        day, mon = int(m.group("d")), int(m.group("mo"))
        if 1 <= day <= 31 and 1 <= mon <= 12:
            add(m, m.group("y") if (day, mon) == (31, 12) else month_period(m.group("y"), mon))
    for m in p["month_rel"].finditer(sentence):
        rel = m.group("rel") or m.group("rel2")
        year = edition + w.relative[" ".join(rel.lower().split())]
        add(m, month_period(year, month_of(m.group("m") or m.group("m2"))), "relative")
    for m in p["month_alone"].finditer(sentence):
        add(m, None, "month", template=_month_template(month_of(m.group("m"))))
    for m in p["month_range_alone"].finditer(sentence):
        m1, m2 = month_of(m.group("m1")), month_of(m.group("m2"))
        if m1 < m2:
            add(m, None, "month", template=f"{{y}}-{m1:02d}/{{y}}-{m2:02d}")
    for m in p["through_alone"].finditer(sentence):
        through = month_of(m.group("m"))
        add(m, None, "month", template=f"{{y}}-01/{{y}}-{through:02d}")
    for m in p["month_in_focus"].finditer(sentence):
        add(m, None, "focus")
    for m in p["season_rel"].finditer(sentence):
        add(m, _season(w, m.group("s"), edition - 1 if m.group("last") else edition),
            "relative")
    for m in p["season_year"].finditer(sentence):
        add(m, _season(w, m.group("s"), int(m.group("y"))))
    for m in p["season_alone"].finditer(sentence):
        add(m, None, "month", template=_season(w, m.group("s"), None))
    for m in p["mid_year"].finditer(sentence):
        add(m, f"{_year_of(m, edition, w)}-H1", how_of(m))
    for m in p["ago"].finditer(sentence):
        add(m, str(edition - _count(m.group("n"), w)), "relative")
    for m in p["past_years"].finditer(sentence):
        add(m, _past_years(edition, _count(m.group("n"), w)), "relative", template=ELAPSED)
    for m in p["decade"].finditer(sentence):
        add(m, _past_years(edition, 10), "relative", template=ELAPSED)
    for m in p["year_pair"].finditer(sentence):
        y1, y2 = int(m.group("y1")), m.group("y2")
        last = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
        if m.group("school") and last == y1 + 1:
            add(m, f"{y1}-08/{last}-07")
        elif not m.group("school") and last > y1:
            add(m, f"{y1}-01/{last}-12")
    for m in p["year_and"].finditer(sentence):
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if y2 == y1 + 1:
            add(m, f"{y1}-01/{y2}-12", template=BOTH_YEARS)
    for m in p["year"].finditer(sentence):
        add(m, m.group("y"))
    for m in p["relative"].finditer(sentence):
        add(m, str(edition + w.relative[" ".join(m.group("rel").lower().split())]), "relative")
    # the time of writing dates a clause that names no other time: "Over 2020 noemen we nu
    # € 227 miljoen" is about 2020, but in "In 2015 was het 9 procent, inmiddels 18 procent"
    # the 18 procent is of the time of writing
    # ("van nog geen tien in 2013 naar ongeveer veertig nu": the time of the movement's first
    # figure is not that of its last)
    named = [e for e in found if e.how in ("explicit", "relative", "month")]
    towards = re.compile(rf"(?<!\w){alt(w.words['movement_to'])}(?!\w)", re.IGNORECASE)
    for m in p["present"].finditer(sentence):
        c_start, c_end = clause_bounds(sentence, m.start())
        if not any(e.start < c_end and e.end > c_start
                   and not (e.end <= m.start() and towards.search(sentence, e.end, m.start()))
                   for e in named):
            add(m, f"{edition}-early", "present")
    for m in p["anchored"].finditer(sentence):
        words = " ".join(m.group("anch").lower().split())
        if words in w.anchored_months:
            add(m, None, "anchored", offset=w.anchored_months[words], template=IN_MONTHS)
        else:
            add(m, None, "anchored", offset=w.anchored[words])
    for m in p["previous_round"].finditer(sentence):
        add(m, None, "anchored", offset=-1, template=STEP_BACK)
    for m in p["after_years"].finditer(sentence):
        add(m, None, "anchored", offset=1, template=AFTER_YEARS)
    for m in p["after_alone"].finditer(sentence):
        c_start, c_end = clause_bounds(sentence, m.start())
        if p["yearly"].search(sentence, c_start, c_end):
            add(m, None, "anchored", offset=1, template=AFTER_YEARS)
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
                w: PeriodWords) -> list[TimeExpression]:
    out: list[TimeExpression] = []
    for expr in exprs:
        role = expr.role
        before = sentence[max(0, expr.start - 70):expr.start]
        is_since = bool(w.patterns["since_start"].search(expr.text))
        # "het hoogste aantal sinds 2015": a record, neither base nor period
        with_since = before + expr.text.split()[0] + " " if is_since else before
        if w.patterns["record_since"].search(with_since):
            continue
        if w.patterns["reference_before"].search(before):
            out.append(TimeExpression(expr.start, expr.end, expr.text, None, "point",
                                      "reference"))
            continue
        as_before = w.patterns["as_before"].search(sentence[max(0, expr.start - 80):expr.start])
        if role == "point" and (w.patterns["base_before"].search(before) or is_since
                                or as_before):
            role = "base"
        # "sinds begin 2024" in a 2024 edition: the current year so far, not a base.
        if role == "base" and expr.period and expr.period.startswith(str(edition)):
            since_before = re.search(alt(w.words["since"]) + r"\s+$", before, re.IGNORECASE)
            if is_since or since_before:
                expr = TimeExpression(expr.start, expr.end, expr.text, f"{edition}-early",
                                      "point", expr.how, expr.offset, template=expr.template)
                role = "point"
        # "vanaf 2026 jaarlijks 2,3 miljard euro minder" in a 2024 edition: a time to come
        # is no base to compare with, it is when the figure starts
        elif role == "base" and expr.period and expr.period[:4].isdigit() \
                and int(expr.period[:4]) > edition and (is_since or re.search(
                    alt(w.words["since"]) + r"\s+$", before, re.IGNORECASE)):
            role = "point"
        # "dan een jaar geleden voor 2022": a time joined to a base is part of that base
        if role == "point" and out and out[-1].role == "base" \
                and w.patterns["base_chain"].match(sentence[out[-1].end:expr.start]):
            role = "base"
        from_to = role == "point" and (
            (bool(w.patterns["movement_from"].search(before))
             and bool(w.patterns["movement_to"].match(sentence[expr.end:])))
            or bool(w.patterns["compared_before"].search(before)))
        out.append(TimeExpression(expr.start, expr.end, expr.text, expr.period, role,
                                  expr.how, expr.offset, from_to, expr.template))
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
    w = period_words()
    exprs = _without_overlaps(_candidates(sentence, edition, w))
    return tuple(_with_roles(sentence, exprs, edition, w))


_HALVES = 2
_QUARTERS = 4
