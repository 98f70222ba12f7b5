"""Table rows read as running text: a header line of years followed by a row of figures
("(x € 1.000) 2018 2017 Huuropbrengsten 28.762 28.458"), where the n-th figure is the n-th
column's year."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from rapportextract.periods.expressions import BOTH_YEARS, TimeExpression
from rapportextract.periods.words import period_words

_PLAIN_YEAR = re.compile(r"^\d{4}$")
_NOTE = re.compile(r"^\d{1,2}$")
_PROSE_AFTER = re.compile(r"\s+[a-z]")
_SECTION_AFTER = re.compile(r"[a-z]?\s+[A-Z]")
"""What follows the number of a section heading run into the row before it ("3 Afwijkingen",
"1b Financiële")."""
# Digits a header or label may hold that are no figures: a note reference ("5.11.1") and the
# multiplier of a table's amounts ("x € 1.000", "in € 1.000").
_NOT_FIGURES = re.compile(r"(?<![\d.])\d+(?:\.\d+){2,}(?![\d.])|€\s*1\.000(?:\.000)?(?![\d.])")
# A note number right before the row, which the figure reader already set aside as no figure
# ("Omzet 3 612.004 598.117").
_NOTE_BEFORE_ROW = re.compile(r"(?<![\d.,])\d{1,2}\s*$")
# The number of a note or row at the start of a row's label ("17. Vennootschapsbelasting
# (3.995) (4.240)", "3 Huuropbrengsten 28.762 28.458"), no figure either.
_NOTE_STARTS_LABEL = re.compile(r"^[\s|;]*\d{1,2}(?:\.\s+|\s+(?=[A-Z]))")
_MAX_HEADER_GAP_WORDS = 3
"""Words a header may have between two of its years ("Rekening 2018 Begroting 2018")."""


@dataclass(frozen=True)
class Columns:
    periods: list[str | None]
    """The column year of each figure; None where the sentence gives none."""
    header: tuple[str, ...] = ()
    """The header years the sentence used or named, for the row after it."""


def column_periods(sentence: str, spans: Sequence[tuple[int, int]],
                   expressions: Sequence[TimeExpression]) -> list[str | None]:
    """For each figure at `spans`, the year of its column where the sentence is a header of
    years and a row of figures under it; None elsewhere (`read_columns`)."""
    return read_columns(sentence, spans, expressions).periods


def read_columns(sentence: str, spans: Sequence[tuple[int, int]],
                 expressions: Sequence[TimeExpression],
                 header_before: tuple[str, ...] = ()) -> Columns:
    """The column years of a table row read as text.

    Only where the header clearly gives the columns: at least two years in a row (nothing
    but a few words between them, no figure), then a label without digits, then a row of
    figures with only spaces between them, as many as the years or a whole multiple of them
    ("2022 2021 DAEB Niet-DAEB Totaal ..." over six figures: three columns a year). A row
    with one figure more than the years, the first a one- or two-digit number, starts with a
    note number ("Netto-omzet 1 8.168.494 7.840.687"). A sentence that is only a row, with
    no year of its own, takes the header of the row before it (`header_before`); so does a
    second row in the same sentence, with no year between the two rows."""
    out: list[str | None] = [None] * len(spans)
    years = [e for e in expressions if e.period and _PLAIN_YEAR.match(e.period)
             and e.how == "explicit"]
    used: tuple[str, ...] = ()
    rows = _rows(sentence, spans)
    # a day or month in the row's label ("Aantal woningen 1 januari 12.997 13.225") is no
    # figure: each column is that day of its own year (2017-01, 2016-01)
    dated = [e for e in expressions if e.how == "month" and e.template and "{y}" in e.template]
    masked = sentence
    for e in dated:
        masked = masked[:e.start] + "x" * (e.end - e.start) + masked[e.end:]

    last_end = 0
    for row in rows:
        first = spans[row[0]][0]
        found = _header(masked, [e for e in years if e.end <= first], spans, first)
        header = tuple(e.period or "" for e in found)
        label = [e for e in dated if found and found[-1].end <= e.start and e.end <= first]
        if label and label[-1].template:
            header = tuple(label[-1].template.format(y=y) for y in header)
        if not header and used and not any(last_end <= e.start < first for e in years):
            # the next row under the same header line: "2022 2021 Huuropbrengsten 28.762
            # 28.458 Onderhoudslasten 12.000 11.000"
            header = used
        reach = False
        if not header:
            head = _head_line(sentence, [e for e in years if e.end <= first])
            # a figure of prose between the head and the row ("2021 2020 zo'n 12
            # corporaties 700 650": a word in lower case after it) breaks the head's reach;
            # short rows and section labels ("Huur sporthal -41 Onderhoud ...") do not
            if head and any(_PROSE_AFTER.match(sentence, end) for begin, end in spans
                            if head[-1].end <= begin < first):
                head = []
            if head:
                header, reach = tuple(e.period or "" for e in head), True
        if not header and not years and len(rows) == 1 and len(row) == len(spans) \
                and not re.search(r"\d", _NOT_FIGURES.sub("", masked[:first])):
            header = header_before
            label = [e for e in dated if e.end <= first]
            if label and label[-1].template:
                header = tuple(label[-1].template.format(y=y[:4]) for y in header)
        if len(header) < 2:
            continue
        cells = _cells(sentence, spans, row, len(header))
        if cells is None or (reach and len(cells) != len(header)):
            continue
        width = len(cells) // len(header)
        for i, index in enumerate(cells):
            if index is not None:
                out[index] = header[i // width]
        used = header
        last_end = spans[row[-1]][1]
    for index, year in _year_pairs(sentence, spans, years).items():
        if out[index] is None:
            out[index] = year
    gap = period_words().patterns["each_gap"]
    for both in expressions:
        # "In 2022 en 2023 waren het er 300 en 310": one year a figure, in turn
        if both.template != BOTH_YEARS or not both.period:
            continue
        after = [i for i, (begin, _) in enumerate(spans) if begin >= both.end]
        if len(after) == 2 and gap.match(sentence[spans[after[0]][1]:spans[after[1]][0]]):
            out[after[0]], out[after[1]] = both.period[:4], both.period.split("/")[1][:4]
    if not spans:
        # a header line of its own ("Kengetallen 2018 2017")
        # ("2017 2016": only spaces between its years, so that prose naming two years is not
        # taken for a header)
        named = _header(sentence, years, spans, len(sentence))
        gaps = [sentence[a.end:b.start] for a, b in pairwise(named)]
        if len(named) >= 2 and all(_blank(gap) for gap in gaps):
            used = tuple(e.period or "" for e in named)
    return Columns(out, used)


_SEPARATORS = re.compile(r"[|;\t]")
"""What a table written as text puts between its cells besides spaces: bars ("| 2021 | 2022
|"), semicolons of a spreadsheet export, tabs."""
_LONE_DASH = re.compile(r"(?<![^\s|;])[-–](?=[\s|;])")
_LEADING_DASHES = re.compile(r"(?:(?<![^\s|;])[-–][\s|;]+)+$")


_BRACKETS = re.compile(r"^\s*\)|\(\s*$")
"""The brackets of a negative amount in a row of accounts ("(3.995) (4.240)")."""


def _blank(text: str) -> bool:
    """Whether `text` between two cells holds nothing but spaces and cell separators (and the
    brackets closing one figure and opening the next)."""
    return not _SEPARATORS.sub("", _BRACKETS.sub("", text)).strip()


def _cells(sentence: str, spans: Sequence[tuple[int, int]], row: list[int],
           columns: int) -> list[int | None] | None:
    """The cells of a row under `columns` column years, each the index of its figure or None
    for an empty one (a lone dash), or None where the row does not fit the header. A dash
    right before a figure is either an empty cell or the figure's minus written apart
    ("- - 0,1 - 0,8 - 1,0" under four years): the reading that fits the header is taken, a
    dash an empty cell where both do. A row with one figure more than the years, the first a
    one- or two-digit number, starts with a note number ("Netto-omzet 1 8.168.494
    7.840.687"); the last such a number before a capitalised word, it ends on the number of
    the next section ("Saldo -862 -79 3 Afwijkingen")."""
    start = spans[row[0]][0]
    lead = _LEADING_DASHES.search(sentence, 0, start)
    begin = lead.start() if lead else start
    tokens: list[tuple[int, int | None]] = [(m.start(), None) for m in
                                            _LONE_DASH.finditer(sentence, begin, spans[row[-1]][1])]
    tokens += [(spans[i][0], i) for i in row]
    tokens.sort()
    empty = [index for _, index in tokens]
    minus = [index for k, (_, index) in enumerate(tokens)
             if not (index is None and k + 1 < len(tokens) and tokens[k + 1][1] is not None
                     and not sentence[tokens[k][0] + 1:tokens[k + 1][0]].strip())]
    plain: list[int | None] = list(row)
    if len(row) == columns + 1 and _NOTE.match(sentence[slice(*spans[row[0]])]):
        plain = list(row[1:])
    elif len(row) == columns + 1 and _NOTE.match(sentence[slice(*spans[row[-1]])]) \
            and _SECTION_AFTER.match(sentence, spans[row[-1]][1]):
        plain = list(row[:-1])  # the number of the next section: "-310 3 Afwijkingen"
    for cells in (plain, empty, minus):
        if len(cells) % columns == 0:
            return cells
    return None


def _head_line(sentence: str, years: Sequence[TimeExpression]) -> list[TimeExpression]:
    """The head line of a table read as text further up the sentence: the last years before
    the row, two or more with only spaces (or cell separators) between them and no year
    after them ("2022 2023 2024 2025 1a Nieuw beleid Reclame -384 Saldo -862 -79 -179
    -240"). A row that fits it exactly takes its years, whatever rows that do not fit, or
    section labels with numbers, stand between."""
    head = list(years[-1:])
    for year in reversed(years[:-1]):
        if not _blank(sentence[year.end:head[0].start]):
            break
        head.insert(0, year)
    return head if len(head) >= 2 else []


def _year_pairs(sentence: str, spans: Sequence[tuple[int, int]],
                years: Sequence[TimeExpression]) -> dict[int, str]:
    """The figures of a table with its years down the first column, run into one line
    ("Jaar | Aantal | 2021 | 164 | 2022 | 105"): years and figures in turn, nothing but cell
    separators between them, two pairs or more. Each figure takes the year right before it."""
    items = sorted([(e.start, e.end, -1, e.period or "") for e in years]
                   + [(begin, end, i, "") for i, (begin, end) in enumerate(spans)])
    out: dict[int, str] = {}
    run: dict[int, str] = {}
    k = 0
    while k + 1 < len(items):
        year, figure = items[k], items[k + 1]
        chained = not run or _blank(sentence[items[k - 1][1]:year[0]])
        if year[2] == -1 and figure[2] >= 0 and chained \
                and _blank(sentence[year[1]:figure[0]]):
            run[figure[2]] = year[3]
            k += 2
            continue
        if len(run) >= 2:
            out.update(run)
        run = {}
        k += 1
    if len(run) >= 2:
        out.update(run)
    return out


def _rows(sentence: str, spans: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Runs of at least two figures with nothing but spaces (and lone dashes: empty cells)
    between them."""
    runs: list[list[int]] = []
    for i, (start, _) in enumerate(spans):
        if runs and _blank(_LONE_DASH.sub("", sentence[spans[runs[-1][-1]][1]:start])):
            runs[-1].append(i)
        else:
            runs.append([i])
    return [run for run in runs if len(run) >= 2]


def _without_multipliers(label: str) -> str:
    """A row's label without the multiplier it names, which holds no figure: "Bruto huuromzet
    (x 1 mln.)", "WOZ-waarde gemiddeld (x 1000)"."""
    from rapportextract.quantities.multipliers import find_multipliers

    for m in reversed(find_multipliers(label)):
        label = label[:m.start] + " " + label[m.end:]
    return label


def _header(sentence: str, years: list[TimeExpression], spans: Sequence[tuple[int, int]],
            row_start: int) -> list[TimeExpression]:
    """The years right above the row: the last run of years before it, with no digit
    between the last year and the row and only a few words between two years."""
    label = _NOTE_BEFORE_ROW.sub("", sentence[years[-1].end:row_start]) if years else ""
    label = _NOTE_STARTS_LABEL.sub("", label)
    if not years or re.search(r"\d", _NOT_FIGURES.sub("", _without_multipliers(label))):
        return []
    if any(years[-1].end <= s < row_start for s, _ in spans):
        return []
    header = [years[-1]]
    for year in reversed(years[:-1]):
        gap = sentence[year.end:header[0].start]
        if re.search(r"\d", gap) or len(_SEPARATORS.sub(" ", gap).split()) > _MAX_HEADER_GAP_WORDS:
            break
        header.insert(0, year)
    return header
