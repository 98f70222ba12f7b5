"""A table's multiplier in a prose-read line: "(bedragen x € 1.000)", "( x € 1.000)",
"(in € 1.000)", "in duizend €" and "(* € 1.000)" scale the bare amounts after it.

A table read as text (a web page, a PDF whose grid was not found) keeps its head line before
its rows: "Bedragen x € 1.000 ... Huuropbrengsten 28.762 28.458". The multiplier is no figure
itself; the bare numbers after it (and amounts in euro without a scale of their own) are
amounts of that many euro, or counts of that many where no currency is named. A number in
brackets after a multiplier is a negative amount, the accountant's way ("(3.995)"), and a minus
sign there is the amount's, not a change.

A row of such a table names its unit in its label ("- solvabiliteit (%) 67,2 65,9", "Bruto
huuromzet (x 1 mln.) 188,7 184,8", "eigen vermogen per woning 70.006 67.705"): the bare
numbers of the row take it (`label_unit`, the notion the PDF table reader uses for its row
labels too).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from rapportextract.lang import nl
from rapportextract.lang.nl.files import DataFile
from rapportextract.lang.nl.words import chart_words, cue_words
from rapportextract.models import Unit
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
        _label_row(figures, text, set())
        return figures, []
    ctx = nl.load().contexts
    kept: list[Found] = []
    dropped: list[tuple[Found, str]] = []
    scaled: set[int] = set()  # the figures a multiplier without a currency scaled
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
                if not q.has_unit and not m.currency:
                    scaled.add(id(q))
                q.value = clean(q.value * m.scale)
                q.scale = m.scale
                q.unit = "EUR" if m.currency else q.unit
                q.has_unit = True
                q.plain_integer = False
                # a sign in a table column is the amount's (a cost, a loss), not a change
                q.signed = False
                q.notes.append(f"scaled by the multiplier {text[m.start:m.end].strip()!r}")
        kept.append(q)
    _label_row(kept, text, scaled)
    return kept, dropped


_ROW_LABEL_START = regex.compile(r"(?:^|[:;]|(?<!\S)[-–•](?=\s)|\d(?=\s))[^:;\d]*$")
"""Where a row's label begins: after a colon, a bullet dash, the last figure before it."""
_BULLET = regex.compile(r"(?<!\S)[-–•](?=\s)")
_WORD = regex.compile(r"[^\W\d_][\w'’-]*")


@cache
def _amount_words() -> tuple[frozenset[str], tuple[str, ...], frozenset[str], frozenset[str]]:
    cues = cue_words()
    data = DataFile("units.toml")
    row = data.lower_words("row_labels.amount_nouns")
    nouns = frozenset((*cues.money_nouns, *row))
    ends = tuple(dict.fromkeys((*cues.money_compound_ends, *row)))
    joiners = frozenset(data.lower_words("row_labels.modifiers"))
    return nouns, ends, frozenset(cues.money_count_heads), joiners


def label_unit(label: str) -> Unit | None:
    """The unit a table row's label names: a unit word or sign ("(%)", "in % jaarhuur",
    "aantal"), a multiplier with a currency ("x € 1.000"), else a noun of an amount (what it
    measures: "WOZ-waarde", "huurprijs", "jaarresultaat", "eigen vermogen") -> EUR, unless a
    count head ("Aantal huurders") or a modifier's preposition ("Huurders met achterstand",
    "per woning") stands before it."""
    units = chart_words().units
    for token in label.split():
        word = token.strip("()[]:;,").lower()
        if word in units:
            return units[word]
    if any(m.currency for m in find_multipliers(label)):
        return "EUR"
    nouns, ends, heads, joiners = _amount_words()
    for m in _WORD.finditer(label):
        word = m.group().lower()
        if word in heads or word in joiners:
            return None  # "Huurders met achterstand": what the row counts stands before
        last = word.rsplit("-", 1)[-1]
        if word in nouns or last in nouns or last.endswith(ends):
            return "EUR"
    return None


def _label_row(figures: list[Found], text: str, scaled: set[int]) -> None:
    """Give the bare numbers of a table row the unit its label names (`label_unit`). A row is
    a run of two or more numbers with nothing but spaces between them that ends the line,
    none with a unit of its own; its label is the text right before it."""
    runs: list[list[Found]] = []
    for q in figures:
        if runs and not text[runs[-1][-1].end:q.start].strip():
            runs[-1].append(q)
        else:
            runs.append([q])
    for run in runs:
        if len(run) < 2 or text[run[-1].end:].strip(" .;") or not all(
            q.form == "digits" and q.unit == "count" and q.qualifier == "exact"
            and (not q.has_unit or id(q) in scaled) for q in run
        ):
            continue
        head = text[:run[0].start]
        for m in find_multipliers(head):  # the multiplier in a label is no label digit
            head = head[:m.start] + "x" * (m.end - m.start) + head[m.end:]
        start = _ROW_LABEL_START.search(head)
        label = text[start.start():run[0].start] if start else ""
        label = _BULLET.split(label)[-1].lstrip("0123456789:; ")
        unit = label_unit(label) if label.strip() else None
        if unit is None and start is not None and start.start() > 0:
            # a day or a note number in the label ("Stand geldmiddelen per 31 december
            # 6.668.939 ...", "Huuropbrengsten 17 54.812 52.906"): the words before it name
            # what the row measures
            day = start.start()
            while day > 0 and (head[day - 1].isdigit() or head[day - 1] in ".,"):
                day -= 1
            longer = _ROW_LABEL_START.search(head, 0, day)
            if longer is not None:
                wider = _BULLET.split(text[longer.start():run[0].start])[-1]
                unit = label_unit(wider.lstrip("0123456789:; "))
        if unit is None or unit == "count":
            continue
        for q in run:
            q.unit = unit
            q.has_unit = True
            q.plain_integer = False
            q.signed = False  # a sign in a table column is the amount's, not a change
            q.notes.append(f"the unit of its row's label {label.strip()!r}")


def _bracketed(q: Found, text: str) -> bool:
    return text[:q.start].rstrip().endswith("(") and text[q.end:].lstrip().startswith(")")
