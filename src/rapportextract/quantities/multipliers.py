"""A table's multiplier in a prose-read line: "(bedragen x € 1.000)", "( x € 1.000)",
"(in € 1.000)", "in duizend €" and "(* € 1.000)" scale the bare amounts after it.

A table read as text (a web page, a PDF whose grid was not found) keeps its head line before
its rows: "Bedragen x € 1.000 ... Huuropbrengsten 28.762 28.458". The multiplier is no figure
itself; the bare numbers after it (and amounts in euro without a scale of their own) are
amounts of that many euro, or counts of that many where no currency is named. A number in
brackets after a multiplier is a negative amount, the accountant's way ("(3.995)"), and a minus
sign there is the amount's, not a change.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from rapportextract.lang import nl
from rapportextract.quantities.found import Found
from rapportextract.quantities.numbers import clean
from rapportextract.quantities.phrases import alt, compile_pattern


@dataclass(frozen=True)
class Multiplier:
    start: int
    end: int
    scale: int
    currency: bool
    reach: int
    """Where its amounts end: the next blank line (a caption's scale is not the prose's)."""


_BLANK_LINE = regex.compile(r"\n[^\S\n]*\n")


@cache
def _pattern() -> regex.Pattern[str]:
    data = nl.load()
    ctx = data.contexts
    currency = alt([*data.units.currency_prefix, *data.units.currency_suffix])
    scales = alt(ctx.multiplier_scales)
    marker = alt(ctx.multiplier_markers)
    currency_marker = alt(ctx.multiplier_currency_markers)
    return compile_pattern(
        r"\(?\s*(?:"
        rf"{marker}\s*(?:(?P<cur>{currency})\s*)?(?P<scale>{scales})(?:\s*(?P<cur>{currency}))?"
        rf"|{currency_marker}\s+(?:(?P<cur>{currency})\s*(?P<scale>{scales})"
        rf"|(?P<scale>{scales})\s*(?P<cur>{currency}))"
        r")(?!\w)(?:\s*\))?"
    )


def find_multipliers(text: str) -> list[Multiplier]:
    scales = nl.load().contexts.multiplier_scales
    table = {" ".join(k.lower().split()): v for k, v in scales.items()}
    found = []
    for m in _pattern().finditer(text):
        scale = table.get(" ".join(m.group("scale").lower().split()))
        if scale is not None:
            gap = _BLANK_LINE.search(text, m.end())
            found.append(Multiplier(m.start(), m.end(), scale, bool(m.group("cur")),
                                    gap.start() if gap else len(text)))
    return found


def apply_multipliers(
    figures: list[Found], text: str
) -> tuple[list[Found], list[tuple[Found, str]]]:
    """The figures with every multiplier applied to the amounts after it, and the figures that
    are none (the multiplier itself, a year heading a column), with the reason."""
    multipliers = find_multipliers(text)
    if not multipliers:
        return figures, []
    ctx = nl.load().contexts
    kept: list[Found] = []
    dropped: list[tuple[Found, str]] = []
    for q in figures:
        before = [m for m in multipliers if m.end <= q.start < m.reach]
        column_year = (
            q.plain_integer and not q.signed and q.end - q.start == 4
            and ctx.year_first <= q.value <= ctx.year_last
        )
        if any(q.overlaps(m.start, m.end) for m in multipliers):
            dropped.append((q, "table multiplier"))
            continue
        if before and column_year:  # a year heading a column ("2022 2021 Belastingen")
            dropped.append((q, "year"))
            continue
        if before and q.unit != "percent" and q.scale == 1 and q.form == "digits":
            m = before[-1]
            if not q.has_unit or (q.unit == "EUR" and m.currency):
                if _bracketed(q, text):
                    q.value = -q.value
                    q.notes.append("an amount in brackets: negative")
                q.value = clean(q.value * m.scale)
                q.scale = m.scale
                q.unit = "EUR" if m.currency else q.unit
                q.has_unit = True
                q.plain_integer = False
                # a sign in a table column is the amount's (a cost, a loss), not a change
                q.signed = False
                q.notes.append(f"scaled by the multiplier {text[m.start:m.end].strip()!r}")
        kept.append(q)
    return kept, dropped


def _bracketed(q: Found, text: str) -> bool:
    return text[:q.start].rstrip().endswith("(") and text[q.end:].lstrip().startswith(")")
