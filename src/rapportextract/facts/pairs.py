"""Two figures of one movement: "Tussen 2007 en 2009 daalde het aantal van 8.550 naar 5.900",
"Vergeleken met 2016 daalde het aantal vonnissen van 21.000 naar 18.000", "ging omlaag van
6.100 naar 5.400".

A level right after a movement-from word ("van") and followed, with only a movement-to word
("naar", "tot") between, by a level of the same unit is the level at the start of the
movement; so is one after ", van" that follows a level after "naar" or "tot" ("steeg tot
5.900, van 4.100"). Where the time words of the sentence give both figures the same period
(no year of its own between "van" and the second figure: "van 8.550 in 2007 naar 5.900" is
dated by `rapportextract.periods` already), the first figure is about the sentence's base period
("Tussen 2007", "Vergeleken met 2016"), else about the year before the second figure's. The
words are the movement words of ``lang/nl/periods.toml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapportextract.lang import nl
from rapportextract.model_base import month_period, single_month
from rapportextract.models import Quantity
from rapportextract.periods import TimeExpression, load_period_words
from rapportextract.periods import phrase_alternation as _alt


@lru_cache(maxsize=1)
def _range() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A range's "tot", and the change verbs that make "van ... tot" a movement."""
    w = load_period_words().words
    ch = nl.load().changes
    verbs = [*ch.decrease_verbs, *ch.increase_verbs, *ch.separable_finite, *ch.multiples]
    return (re.compile(rf"^\s*{_alt(w['range_to'])}\s*$", re.IGNORECASE),
            re.compile(rf"(?<!\w){_alt(verbs)}(?!\w)", re.IGNORECASE))


@lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    w = load_period_words().words
    before = re.compile(rf"(?<!\w){_alt(w['movement_from'])}\s*$", re.IGNORECASE)
    between = re.compile(rf"^\s*{_alt(w['movement_to'])}\s*$", re.IGNORECASE)
    to = re.compile(rf"(?<!\w){_alt(w['movement_to'])}\s*$", re.IGNORECASE)
    back = re.compile(rf"^\s*,?\s*{_alt(w['movement_from'])}\s*$", re.IGNORECASE)
    return before, between, to, back


def movement_start(quantities: list[Quantity], index: int, text: str,
                   exprs: list[TimeExpression]) -> Quantity | None:
    """The other figure of the movement that ``quantities[index]`` is the start of, where the
    start has no year of its own (the module docstring); else None."""
    before, between, to, back = _words()
    first = quantities[index]
    if index > 0 and _pair(quantities[index - 1], first):
        # Written the other way round: "steeg tot 5.900, van 4.100".
        second = quantities[index - 1]
        if to.search(text[:second.start]) and back.match(text[second.end:first.start]) \
                and not any(second.start <= e.start < first.end for e in exprs):
            return second
    if index + 1 >= len(quantities):
        return None
    second = quantities[index + 1]
    if not _pair(first, second) or not before.search(text[:first.start]) \
            or not between.match(text[first.end:second.start]):
        return None
    if any(first.start <= e.start < second.end for e in exprs):
        return None
    range_to, verbs = _range()
    if range_to.match(text[first.end:second.start]) and not verbs.search(text):
        # "mogelijke herbouw van 90 tot 110 woningen": a range, not a movement
        return None
    return second


def _pair(first: Quantity, second: Quantity) -> bool:
    return first.kind == second.kind == "level" and first.unit == second.unit


def start_period(period: str, base: str | None) -> str | None:
    """The period of a movement's first figure: the sentence's base, else the period before
    the second figure's, of the same length: the year before a year, the month before a month
    ("verlaagd van 21 naar 9 procent per 1 juli 2022": 21 is 2022-06), the quarter or half
    before a quarter or half; before "begin 2023" (the time of writing moving on), the year
    before. A stretch of several years ("in de periode 2018-2022") has none that could be told."""
    if base is not None and base != period:
        return base
    if re.fullmatch(r"\d{4}(?:-early)?", period):
        return str(int(period[:4]) - 1)
    year = int(period[:4])
    if month := single_month(period):
        number = month[1]
        return month_period(year - 1, 12) if number == 1 else month_period(year, number - 1)
    if part := re.fullmatch(r"\d{4}-([QH])([1-4])", period):
        kind, number = part.group(1), int(part.group(2))
        last = 4 if kind == "Q" else 2
        return f"{year - 1}-{kind}{last}" if number == 1 else f"{year}-{kind}{number - 1}"
    return None
