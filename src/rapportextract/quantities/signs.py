"""The sign and unit a figure takes from the characters and figures right around it: the
accountant's minus after it ("saldo 3.415-", "€ 2,6 miljoen negatief") and the unit a range
lends to its first number ("tussen 5 en 10%", "respectievelijk 10,3 en 7,9 procent")."""

from __future__ import annotations

import itertools
from functools import cache
from typing import NamedTuple

import regex

from rapportextract.quantities.found import Found
from rapportextract.quantities.masks import not_a_figure
from rapportextract.quantities.numbers import clean
from rapportextract.quantities.patterns import Patterns, patterns
from rapportextract.quantities.phrases import alt, compile_pattern, lower_set

RANGE_NOTE = "unit taken from the end of the range"

# The accountant's minus after a grouped figure ("7.092-"), not before a word or figure.
_TRAILING_MINUS = regex.compile(r"-(?=\s*(?:$|[.,;:)]|\s[^\W\d]))")
_GROUPED = regex.compile(r"\d[.,]\d")
# a minus ending a table row read as text ("Economie 4 9.115 12.462 280-") also after a
# figure of three digits or fewer
_ROW_END = regex.compile(r"-\s*$")


def trailing_minus(q: Found, text: str) -> None:
    """A figure written with the minus after it ("saldo 3.415-") or "negatief" ending its
    clause ("€ 2,6 miljoen negatief") is negative, a level."""
    if q.form != "digits" or q.signed or q.value < 0:
        return
    if (m := _negative_after().match(text, q.end)) is not None:
        q.value = -q.value
        q.notes.append(f"'{m.group('word')}' after the figure: a negative amount")
        return
    if _TRAILING_MINUS.match(text, q.end) is None or (
        _GROUPED.search(text, q.start, q.end) is None and not _ROW_END.match(text, q.end)
    ):
        return
    q.value = -q.value
    q.end += 1
    q.notes.append("minus after the figure: a negative amount")


@cache
def _negative_after() -> regex.Pattern[str]:
    words = alt(patterns().data.changes.negative_after)
    return compile_pattern(rf"\s+(?P<word>{words})(?=\s*(?:$|[.,;:)]))")


@cache
def _respectively() -> regex.Pattern[str]:
    return compile_pattern(rf"(?<!\w){alt(patterns().data.changes.respectively)}\s*$")


def borrow_range_unit(found: list[Found], text: str, p: Patterns) -> None:
    """"tussen 5 en 10%", "2 à 3 miljoen euro": the first number takes the second's unit."""
    unordered = lower_set(p.data.contexts.range_unordered_joiners)
    for first, second in itertools.pairwise(found):
        if first.has_unit or not second.has_unit or first.form != "digits":
            continue
        m = p.range_left.fullmatch(text[first.start : second.start])
        if m is None:
            continue
        # a range goes up ("in 2022 en 5% minder" is none); "van 40 naar 38 procent" may go down
        joiner = " ".join(m.group("joiner").lower().split())
        if joiner not in unordered and first.value >= second.value / second.scale \
                and _respectively().search(text, 0, first.start) is None:
            continue
        if not_a_figure(first, text, p) is not None:
            continue  # "in 2020 naar 205 miljoen euro": a year is no end of a range
        first.unit = second.unit
        if second.scale != 1 and first.scale == 1:
            first.value = clean(first.value * second.scale)
            first.scale = second.scale
        first.has_unit = True
        first.plain_integer = False
        first.notes.append(RANGE_NOTE)


MOVEMENT_UNIT_NOTE = "unit taken from the start of the movement"
class _Movement(NamedTuple):
    start: regex.Pattern[str]
    """ "van" and at most one word (a qualifier) right before the start."""
    joiner: regex.Pattern[str]
    """ "naar" or "tot" between the start and the end."""
    end: regex.Pattern[str]
    """The clause ends, or a word that is no counted noun follows ("tot 9 in 2023")."""


@cache
def _movement() -> _Movement:
    ch = patterns().data.changes
    return _Movement(
        start=compile_pattern(rf"(?<!\w){alt(ch.movement_from_words)}\s+(?:[^\W\d_]+\s+)?$"),
        joiner=compile_pattern(rf"\s*{alt(ch.movement_to_words)}\s+$"),
        end=compile_pattern(
            rf"\s*(?:[.,;:)!?]|$|{alt(ch.movement_end_followers)}(?!\w))"),
    )


def lend_movement_unit(found: list[Found], text: str) -> None:
    """"van 33 procent naar 43": the end of a movement takes the unit of its start, where it
    has none of its own and ends its clause or a word that is no counted noun follows it
    ("tot 9 in 2023"; not "van 5 procent naar 40 gemeenten")."""
    for first, second in itertools.pairwise(found):
        if first.unit != "percent" or second.has_unit or second.form != "digits" \
                or not (m := _movement()).joiner.fullmatch(text, first.end, second.start) \
                or not m.start.search(text, max(0, first.start - 24), first.start) \
                or not m.end.match(text, second.end):
            continue
        second.unit = "percent"
        second.has_unit = True
        second.plain_integer = False
        second.notes.append(MOVEMENT_UNIT_NOTE)
