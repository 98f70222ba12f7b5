"""Shares written in words: ratios ("7 op de 10"), fractions ("een derde") and majorities,
with a precise figure in brackets folded in ("een derde (34%)"); and changes written as a
multiple ("verdubbeld" +100%, "gehalveerd" -50%, "drie keer zo hoog" +200%)."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Literal

import regex

from rapportextract.quantities.found import Found
from rapportextract.quantities.numbers import (
    HUNDRED,
    clean,
    parse_digits,
    ratio_value,
    table_key,
    value_of,
)
from rapportextract.quantities.patterns import Patterns, patterns
from rapportextract.quantities.phrases import alt, caseless, compile_pattern


def find_ratios(text: str, p: Patterns) -> list[Found]:
    found: list[Found] = []
    if p.ratio_hint.search(text) is None:
        return found
    ratios = p.data.ratios
    for m in p.ratio().finditer(text, overlapped=False):
        n, d = value_of(m.group("n")), value_of(m.group("m"))
        if n is None or d is None or d == 0 or n > d:
            continue
        if m.group("op") and d > ratios.op_max:
            continue
        if m.group("van") and (d != d.to_integral_value() or int(d) not in ratios.van_allowed):
            continue
        found.append(
            Found(m.start(), m.end(), ratio_value(n, d), "percent", "ratio", qualifier="approx")
        )
    return found


def find_fractions(text: str, p: Patterns) -> list[Found]:
    found: list[Found] = []
    if p.fraction_hint.search(text) is None:
        return found
    fr = p.data.fractions
    for m in p.fraction().finditer(text):
        ordinal = not m.group("pct") and not m.group("compound")  # "tweederde deel"
        if ordinal and p.ordinal_right.match(text, m.end()):
            continue
        if m.group("phrase"):
            value = fr.phrases[table_key(fr.phrases, m.group("phrase"))]
        elif m.group("compound"):
            value = fr.compounds[table_key(fr.compounds, m.group("compound"))]
        else:
            n = value_of(m.group("num"))
            d = Decimal(fr.denominators[table_key(fr.denominators, m.group("den"))])
            if n is None or n >= d:
                continue
            value = ratio_value(n, d)
        if m.group("pct"):
            # "twee tiende procent" is a fraction of one percent
            value = clean(value / HUNDRED)
            found.append(Found(m.start(), m.end(), value, "percent", "fraction", has_unit=True))
            continue
        scaled = _fraction_of_a_scale(text, m.end(), p)
        if scaled is not None:
            # "een kwart miljoen signalen": a quarter of a million, a count (or an amount)
            end, scale, unit = scaled
            amount = clean(value * scale / HUNDRED)
            found.append(Found(m.start(), end, amount, unit, "fraction", scale=scale,
                               has_unit=unit == "EUR"))
            continue
        found.append(Found(m.start(), m.end(), value, "percent", "fraction", qualifier="approx"))
    return found


@cache
def _scale_after() -> regex.Pattern[str]:
    data = patterns().data
    large = [w for w, v in data.scales.items() if v >= _LARGE_SCALE]
    currency = alt(data.units.currency_suffix)
    return compile_pattern(rf"\s+(?P<scale>{alt(large)})(?:\s+(?P<cur>{currency}))?")


# The smallest scale a fraction can be of ("een kwart miljoen"; not "een derde ton").
_LARGE_SCALE = 1_000_000


def _fraction_of_a_scale(
    text: str, at: int, p: Patterns
) -> tuple[int, int, Literal["count", "EUR"]] | None:
    """The end, scale and unit of a scale word right after a fraction, or None."""
    m = _scale_after().match(text, at)
    if m is None:
        return None
    scale = p.data.scales[table_key(p.data.scales, m.group("scale"))]
    return m.end(), scale, "EUR" if m.group("cur") else "count"


def find_majorities(text: str, p: Patterns) -> list[Found]:
    found = []
    table = p.data.fractions.majority
    for m in p.majority.finditer(text):
        value, qualifier = table[table_key(table, m.group())]
        found.append(Found(m.start(), m.end(), value, "percent", "majority", qualifier=qualifier))
    return found


def with_bracket_figure(found: Found, text: str, p: Patterns) -> None:
    """Fold "een derde (34%)" into one quantity: the bracketed figure is the precise value.
    Between commas only after a fraction ("Ruim een derde van hen, 35 procent, ..."): "Een ruime
    meerderheid, 78 procent, ..." states two figures, a bound and the share."""
    m = p.bracket_percent().match(text, found.end)
    if m is None or (m.group("comma") is not None and found.form != "fraction"):
        return
    digits = parse_digits(m.group("digits"))
    found.value = digits.value
    found.qualifier = "exact"
    if m.group("qual"):
        for name, pattern in p.qualifier_left.items():
            if pattern().search(m.group("qual")):
                found.qualifier = name
                break
    found.notes.append(f"precise figure in brackets after the {found.form} words")
    found.end = m.end()
    found.has_unit = True
    found.precise = True


@cache
def _multiple_pattern() -> regex.Pattern[str]:
    ch = patterns().data.changes
    number = caseless(r"\d+(?:,\d+)?|[^\W\d_]+")
    return compile_pattern(
        rf"(?:{alt(ch.noun_articles)}\s+)?(?P<word>{alt(ch.multiples)})"
        rf"|(?<!\w)(?P<n>{number})\s+{alt(ch.times)}\s+{alt(ch.as_much)}(?!\w)"
    )


def find_multiples(text: str, p: Patterns) -> list[Found]:
    """Changes written as a multiple: "verdubbeld", "een halvering", "twee keer zo veel"
    (N times as much is (N - 1) x 100 percent more). Approximate, like a fraction word."""
    found: list[Found] = []
    for m in _multiple_pattern().finditer(text):
        if m.group("word"):
            table = p.data.changes.multiples
            value = Decimal(table[table_key(table, m.group("word"))])
        else:
            n = value_of(m.group("n"))
            if n is None or n <= 1:
                continue
            value = clean((n - 1) * HUNDRED)
        notes = ["change: written as a multiple"] + ([] if m.group("word") else [TIMES_NOTE])
        found.append(Found(m.start(), m.end(), value, "percent", "words", qualifier="approx",
                           kind="change", notes=notes))
    return found


TIMES_NOTE = "change: N times as much"
GROUPS_REASON = "a multiple comparing two groups"


def compares_groups(q: Found, text: str) -> bool:
    """Whether a multiple "N keer zo ..." compares one group with another ("vier keer zo
    groot als de andere groep", "drie keer hoger dan op het platteland"), not a time with an
    earlier one: what its "als" or "dan" names in its clause is no time. Such a ratio is no
    change over time, and no level either."""
    if TIMES_NOTE not in q.notes:
        return False
    m = _compared_after().match(text, q.end)
    if m is None:
        return False
    return _time_named().search(m.group("what")) is None


@cache
def _compared_after() -> regex.Pattern[str]:
    ch = patterns().data.changes
    word = caseless(r"[^\W\d_]+")
    # "hoger dan" holds its "dan": what it compares with follows right away
    return compile_pattern(
        rf"(?:(?<=(?<!\w){alt(ch.multiple_compared)})"
        rf"|(?:\s+{word}){{0,{ch.multiple_compared_gap}}}?\s+{alt(ch.multiple_compared)})"
        rf"(?P<what>[^.,;:!?()]*)"
    )


@cache
def _time_named() -> regex.Pattern[str]:
    ch = patterns().data.changes
    # a year, a time word ("vorig jaar", "tien jaar geleden", "toen"), or a budget
    return compile_pattern(
        rf"(?<!\d)(?:19|20)\d{{2}}(?!\d)|{alt(ch.multiple_time_words + ch.budget_bases)}"
    )
