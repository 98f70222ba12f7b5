"""A table's multiplier in a prose-read line: "(bedragen x € 1.000)", "( x € 1.000)",
"(in € 1.000)", "in duizend €" and "(* € 1.000)" scale the bare amounts after it.

A table read as text (a web page, a PDF whose grid was not found) keeps its head line before
its rows: "Bedragen x € 1.000 ... Huuropbrengsten 28.762 28.458". The multiplier is no figure
itself; the bare numbers after it (and amounts in euro without a scale of their own) are
amounts of that many euro, or counts of that many where no currency is named. A number in
brackets after a multiplier is a negative amount, the accountant's way ("(3.995)"), and a minus
sign there is the amount's, not a change.

A row on a line (or in a paragraph) of its own takes the multiplier of the caption or head line
right above it ("Tabel 3 Exploitatie (bedragen x € 1.000)" and then "Huuropbrengsten 28.762
28.458"): `head_multiplier` finds it there and the fact stage carries it to the rows below,
until prose follows (`table_row`).

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
    written: str = ""
    """How a multiplier carried from the caption or head line above was written."""


_BLANK_LINE = regex.compile(r"\n[^\S\n]*\n")


@cache
def _pattern() -> regex.Pattern[str]:
    data = nl.load()
    ctx = data.contexts
    currency = alt([*data.units.currency_prefix, *data.units.currency_suffix])
    # a scale may be glued to its marker ("x1000"), never to a digit before it
    scales = alt(ctx.multiplier_scales).replace(r"(?<!\w)", r"(?<![\d.,])")
    # a marker may be glued to the scale ("(x1000)", "(x1.000)"), never to a word before it
    # ("max 1.000" holds none)
    marker = "(?:" + "|".join(
        rf"(?<!\w){regex.escape(m)}(?![^\W\d_])" if m[0].isalnum() else regex.escape(m)
        for m in ctx.multiplier_markers) + ")"
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


_YEAR_OR_WORD = regex.compile(r"(?:[^\d]|(?<!\d)(?:19|20)\d\d(?!\d))*")
_ROW_END = regex.compile(r"(?:[-–]?\s?\(?\d[\d.,]*\)?-?\s+){1,}[-–]?\s?\(?\d[\d.,]*\)?-?"
                         r"(?:\s+\p{Lu}){0,2}\s*$")


def head_multiplier(text: str) -> Multiplier | None:
    """The multiplier that heads the table rows below it: the last of `text` with nothing
    but words and column years after it ("Tabel 3 Exploitatie (bedragen x € 1.000)",
    "Bedragen x € 1.000 Omschrijving 2022 2021"); in euro where it names a currency or the
    words before it name an amount ("Lasten per programma (x 1.000)")."""
    found = find_multipliers(text)
    if not found or not _YEAR_OR_WORD.fullmatch(text, found[-1].end):
        return None
    m = found[-1]
    # "Tabel 4 Lasten per programma (x 1.000)": a caption that names an amount (`label_unit`)
    # gives a multiplier without a currency its euro; "Aantal woningen (x 1.000)" counts
    currency = m.currency or label_unit(text[:m.start]) == "EUR"
    return Multiplier(0, 0, m.scale, currency, 0, " ".join(text[m.start:m.end].split()))


def table_row(text: str) -> bool:
    """Whether `text` is (or ends in) a table row read as text: two or more numbers with
    nothing but spaces between them end it ("Huuropbrengsten 28.762 28.458", "2022 2021"),
    a variance letter after them included, and its letter I or S ("... 270 N I")."""
    return _ROW_END.search(text) is not None


def apply_multipliers(
    figures: list[Found], text: str, carried: Multiplier | None = None
) -> tuple[list[Found], list[tuple[Found, str]]]:
    """The figures with every multiplier applied to the amounts after it, and the figures that
    are none (the multiplier itself, a year heading a column), with the reason. `carried` is
    the multiplier of the caption or head line above a table row (`head_multiplier`): it
    scales the row where the row has none of its own."""
    multipliers = find_multipliers(text)
    if not multipliers and carried is not None:
        multipliers = [Multiplier(0, 0, carried.scale, carried.currency, len(text),
                                  carried.written)]
    if not multipliers:
        _label_row(figures, text, set())
        _spaced_minus(figures, text)
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
                written = text[m.start:m.end].strip() or m.written
                q.notes.append(f"scaled by the multiplier {written!r}"
                               + ("" if m.end > m.start else " of the table's head above"))
        kept.append(q)
    _label_row(kept, text, scaled)
    _spaced_minus(kept, text)
    return kept, dropped


_ROW_LABEL_START = regex.compile(r"(?:^|[:;]|(?<!\S)[-–•](?=\s)|\d(?=\s))[^:;\d]*$")
"""Where a row's label begins: after a colon, a bullet dash, the last figure before it."""
_BULLET = regex.compile(r"(?<!\S)[-–•](?=\s)")
_NEXT_LABEL = regex.compile(r"\s+[^\W\d][^\d.;:!?]{0,80}\s+")
"""The label of the next row between two rows of a paragraph of rows ("... 28.458
Onderhoudslasten 12.000 ...")."""
_WORD = regex.compile(r"[^\W\d_][\w'’-]*")
_CELL_GAP = " \t\n|"
"""What stands between two cells of a table row read as text: spaces, or bars."""


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
    a run of two or more numbers with nothing but spaces between them that ends the line or
    is followed by the next row's label and numbers, none with a unit of its own; its label
    is the text right before it."""
    runs: list[list[Found]] = []
    for q in figures:
        # bars between the cells: a table row written with bars ("Saldo | -1.234 | 567 |")
        if runs and not text[runs[-1][-1].end:q.start].strip(_CELL_GAP):
            runs[-1].append(q)
        else:
            runs.append([q])
    for i, run in enumerate(runs):
        after = text[run[-1].end:runs[i + 1][0].start] if i + 1 < len(runs) else text[run[-1].end:]
        next_row = i + 1 < len(runs) and len(runs[i + 1]) >= 2 and _NEXT_LABEL.fullmatch(
            after.replace("|", " "))
        if len(run) < 2 or (after.strip(_CELL_GAP + ".;") and not next_row) or not all(
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


_LONE_DASH = regex.compile(r"(?<!\S)[-–](?=\s)")
_COLUMN_YEAR = regex.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,])")


def _spaced_minus(figures: list[Found], text: str) -> None:
    """A minus written apart from its number in a table row under a header of years
    ("Realisatie 2017 Realisatie 2016 ... vorige jaren - - 0,1 - 0,8 - 1,0"): a dash alone
    is an empty cell, a dash right before a number is that number's minus where only that
    reading gives the row as many cells as the header has years (or a multiple of them)."""
    row: list[Found] = []
    for q in reversed(figures):
        gap = text[q.end:row[0].start] if row else text[q.end:]
        if row and _LONE_DASH.sub("", gap).strip():
            break
        if not row and gap.strip(" .;"):
            return
        row.insert(0, q)
    if len(row) < 2 or any(q.signed or q.unit == "percent" for q in row):
        return
    start = row[0].start
    label_end = start
    while True:
        dash = regex.search(r"[-–]\s*$", text[:label_end])
        if dash is None or not text[:dash.start()].rstrip() or text[dash.start() - 1] != " ":
            break
        label_end = dash.start()
    dashes = len(_LONE_DASH.findall(text, label_end, row[-1].end))
    minus = [q for q in row if regex.search(r"(?<!\S)[-–]\s$", text[max(0, q.start - 2):q.start])]
    years = len(_COLUMN_YEAR.findall(text, 0, label_end))
    if not minus or years < 2:
        return
    as_empty, as_minus = len(row) + dashes, len(row) + dashes - len(minus)
    if as_minus % years or not as_empty % years:
        return
    for q in minus:
        q.value = -q.value
        q.notes.append("a minus written apart from its number in a table row: negative")


def _bracketed(q: Found, text: str) -> bool:
    return text[:q.start].rstrip().endswith("(") and text[q.end:].lstrip().startswith(")")
