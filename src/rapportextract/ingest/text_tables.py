"""Tables written in plain text with bars between the cells, as Markdown and many exports of
web pages and spreadsheets write them::

    Kwijtschelding | 2019 | 2020 | 2021
    aantal verzoeken | 164 | 115 | 115

A run of such lines with years in a head row (or a head column) is a table of its own
(`BlockKind.TABLE`, with a `TableGrid` on the page), read by the table stage like a table of a
PDF: each figure takes its column's year. Read as prose, the rows ran into one sentence, and
every figure took one period. Other runs of bars (a single row, a table without years, which
the table stage does not read) stay prose, as before.

Tables written with spaces are a head line of a label and years ("Kwijtschelding 2019 2020
2021") and the lines right under it of a label and as many figures ("aantal verzoeken 164 115
115"); a table block too (`space_table_end`, `space_grid_rows`)."""

from __future__ import annotations

import regex

from rapportextract.models import TableCell, TableGrid
from rapportextract.year_labels import YEAR_RUN, column_role, head_year, year_header, year_of

_RULE_CELL = regex.compile(r"^:?-{3,}:?$")
"""A cell of Markdown's line under the head ("---", ":---:")."""

_MIN_CELLS = 3
"""A table row holds a label and at least two cells: fewer bars is prose ("en/of | ...")."""
_SECTION_CELLS = 4
"""A row of a label alone and at least three empty cells heads a section of a table ("a)
Formulieren | | | |")."""


def table_cells(line: str) -> list[str] | None:
    """The cells of a text table row, or None for a line that is none. Bars at the start and
    end of the line open and close it; the cells between are stripped. A line of a
    spreadsheet export with semicolons between its cells is read so too."""
    bar = "|" if line.count("|") >= 2 else _csv_separator(line)
    if bar is None:
        return None
    inner = line.strip()
    if inner.startswith(bar):
        inner = inner[1:]
    if inner.endswith(bar):
        inner = inner[:-1]
    cells = [cell.strip() for cell in inner.split(bar)]
    filled = sum(1 for c in cells if c)
    if len(cells) < _MIN_CELLS or (filled < 2 and (filled < 1 or len(cells) < _SECTION_CELLS)):
        return None
    return cells


def _csv_separator(line: str) -> str | None:
    """The semicolon of a line of a spreadsheet export ("2021;164;120"): two or more, none
    followed by a space, as prose writes it ("a; b; c")."""
    if line.count(";") >= 2 and not regex.search(r";\s", line.rstrip()):
        return ";"
    return None


def is_rule_row(cells: list[str]) -> bool:
    """Markdown's line under a table's head: only dashes (and colons), no content."""
    return all(_RULE_CELL.match(c) or not c for c in cells) and any(cells)


_FIGURE_CELL = regex.compile(r"^(?:€\s*)?[-−–+]?\(?\d[\d.,]*\)?\s*%?$|^[-–]?$")
"""A cell of figures: a number (an amount, a percentage, a negative in brackets), a lone dash
or nothing for an empty one."""


def _is_row(cells: list[str]) -> bool:
    """A label (no figure) and cells of figures."""
    return not _FIGURE_CELL.match(cells[0]) and all(_FIGURE_CELL.match(c) for c in cells[1:])


def _chunks(cells: list[str], width: int) -> list[list[str]] | None:
    """`cells` as rows of `width` cells each, where they are whole rows of a label and
    figures; None where they are not."""
    if not cells or len(cells) % width:
        return None
    rows = [cells[k:k + width] for k in range(0, len(cells), width)]
    return rows if all(_is_row(r) for r in rows) else None


def unflatten(rows: list[list[str]]) -> list[list[str]]:
    """The rows of a bar table whose lines ran together, as a web page or a copy leaves them:
    a head of years and its rows on one line ("Kwijtschelding | 2019 | 2020 | aantal | 164 |
    115 |"), or several rows on one line ("toegekend | 310 | 355 | afgewezen | 41 | 38"). A
    run of years in the head sets the width (its label and the years); cells after it, and a
    later line as long as a whole number of rows, are split into rows of that width where
    each is a label and figures. Other lines stay as they are."""
    out: list[list[str]] = []
    width = 0
    for cells in rows:
        if not width:
            years = [k for k, c in enumerate(cells) if year_of(c) is not None]
            run = years[:1]
            for k in years[1:]:
                if k != run[-1] + 1:
                    break
                run.append(k)
            if len(run) >= 2 and run[0] <= 1:
                width = len(run) + 1  # a row: its label and a cell a year
                head = cells[:run[-1] + 1]
                rest = _chunks(cells[len(head):], width) if len(cells) > len(head) else []
                if rest is not None:
                    out.append(head if run[0] == 1 else ["", *head])
                    out.extend(rest)
                    continue
                width = 0
            out.append(cells)
            continue
        split = _chunks(cells, width) if len(cells) > width else None
        out.extend(split if split is not None else [cells])
    return out


def is_year_table(lines: list[str]) -> bool:
    """Whether a run of bar rows is a table the table stage reads: two lines or more, and two
    years in one of the first rows, or in one of the first columns. A single line stays
    prose, where the sentence reading gives each figure its column's year
    (`periods.columns`), head and rows on one line included."""
    cells = [c for line in lines if (c := table_cells(line)) is not None and not is_rule_row(c)]
    if len(cells) < 2:
        return False
    rows = unflatten(cells)
    columns = [[r[k] for r in rows if k < len(r)] for k in range(max(len(r) for r in rows))]
    return year_header(rows) is not None or year_header(columns) is not None


def table_grid(lines: list[str], block_id: str) -> TableGrid:
    """The grid of a run of table rows (rule rows left out), for the table stage."""
    rows: list[list[TableCell | None]] = []
    if lines and table_cells(lines[0]) is None:  # a table written with spaces
        rows = [[TableCell(text=c) for c in cells] for cells in space_grid_rows(lines)]
        return TableGrid(rows=rows, block_id=block_id)
    texts: list[list[str]] = []
    for line in lines:
        cells = table_cells(line)
        if cells is None and texts and len(texts) == 1 and is_head_note(line):
            texts[0][0] = f"{texts[0][0]} {line}".strip()  # "(bedragen x € 1.000)"
            continue
        if cells is None or is_rule_row(cells):
            continue
        texts.append(cells)
    rows = [[TableCell(text=c) for c in cells] for cells in _corner(unflatten(texts))]
    return TableGrid(rows=rows, block_id=block_id)


def _corner(rows: list[list[str]]) -> list[list[str]]:
    """A head row of years that lost its empty corner cell, as converters of web tables leave
    it ("2020 | 2021 | |" over "label | 12 | 14 |"): the years stand one column to the left
    of their figures. Where the head starts with a year and ends empty, and the rows under it
    start with a label, the head moves one column to the right."""
    if len(rows) < 2 or year_of(rows[0][0]) is None or rows[0][-1]:
        return rows
    below = [r for r in rows[1:] if r]
    if not below or not all(r[0] and not _FIGURE_CELL.match(r[0]) for r in below):
        return rows
    return [["", *rows[0][:-1]], *rows[1:]]


_NOTE_LINE = regex.compile(r"^\((?P<inner>[^()]*)\)$")
_MULTIPLIER_DIGITS = regex.compile(r"(?<![\d.,])1(?:[.\s]?000)*(?![\d.,])")


def is_head_note(line: str) -> bool:
    """A line in brackets under a table's head, with no figure but a multiplier's one
    ("(bedragen x € 1.000)", "(x 1 mln.)"): it tells the unit of the rows below, and so
    belongs to the head."""
    m = _NOTE_LINE.match(line.strip())
    return m is not None and not regex.search(r"\d", _MULTIPLIER_DIGITS.sub("", m["inner"]))


def head_width(line: str) -> int:
    """The number of cells of a head line of years standing on its own (a bar line with two
    years or more and no figure, or a head written with spaces: its label and years); 0 for
    another line."""
    cells = table_cells(line)
    if cells is None:
        years = space_head_years(line)
        return years + 1 if years else 0
    if year_header([cells]) is None or any(
            _FIGURE_CELL.match(c) and c and year_of(c) is None for c in cells):
        return 0
    return len(cells)


def rows_under(lines: list[str], head: str) -> int:
    """How many of `lines`, from the first, are rows that fit under the head line `head`
    (as many cells, a label first), written the same way (bars or spaces)."""
    width = head_width(head)
    bars = table_cells(head) is not None
    count = 0
    for line in lines:
        cells = table_cells(line) if bars else space_row_cells(line, width - 1)
        if cells is None or (bars and (is_rule_row(cells) or _chunks(cells, width) is None)):
            break
        count += 1
    return count


_SPACE_HEAD = regex.compile(rf"^(?P<label>[^\d|]*?)\s*(?P<years>{YEAR_RUN})$")
"""A head line of a table written with spaces: a label without digits, then two years or more
("Kwijtschelding 2019 2020 2021")."""

_SPACE_CELL = r"(?:€\s?)?[-−–]?\d[\d.,]*%?|[-–]"
"""A cell of a row written with spaces: a figure, an amount after its euro sign ("€ 31.450"),
or a lone dash for an empty one."""
_SPACE_ROW = regex.compile(
    rf"^(?P<label>[^\d|€]*?\p{{L}}[^\d|€]*?)\s+(?P<cells>(?:{_SPACE_CELL})"
    rf"(?:\s+(?:{_SPACE_CELL}))*)$")
"""A row under it: a label without digits, then figures (or lone dashes) with spaces between."""
_SPACE_CELLS = regex.compile(_SPACE_CELL)


def space_head_years(line: str) -> int:
    """The number of years of a table's head line written with spaces, 0 for another line."""
    m = _SPACE_HEAD.match(line)
    return len(m.group("years").split()) if m else 0


def space_row_cells(line: str, columns: int) -> list[str] | None:
    """The cells (label first) of a row written with spaces under `columns` years, or None
    where the line is no such row (not as many figures as years)."""
    m = _SPACE_ROW.match(line)
    if m is None:
        return None
    cells = _SPACE_CELLS.findall(m.group("cells"))
    return [m.group("label").strip(), *cells] if len(cells) == columns else None


def space_table_end(lines: list[str], head: int) -> int:
    """The end of a table written with spaces whose head line is `lines[head]`: after its
    last row (`head` itself where no row follows)."""
    columns = space_head_years(lines[head])
    first = head + 1
    if first < len(lines) - 1 and is_head_note(lines[first]):
        first += 1  # "(bedragen x € 1.000)" under the head
    end = first
    if columns >= 2:
        while end < len(lines) and space_row_cells(lines[end], columns) is not None:
            end += 1
    return end if end > first else head


def space_grid_rows(lines: list[str]) -> list[list[str]]:
    """The cells of a table written with spaces (its head line first)."""
    m = _SPACE_HEAD.match(lines[0])
    assert m is not None
    rows = [[m.group("label").strip(), *m.group("years").split()]]
    for line in lines[1:]:
        if len(rows) == 1 and is_head_note(line):
            rows[0][0] = f"{rows[0][0]} {line}".strip()
            continue
        cells = space_row_cells(line, len(rows[0]) - 1)
        assert cells is not None
        rows.append(cells)
    return rows


_CELL_WORDS = 8
"""A table cell standing on a line of its own is short: a head, a label, a figure."""
_SENTENCE_END = regex.compile(r"[.!?]$")


def is_cell_line(line: str) -> bool:
    """Whether a line can be one cell of a table written a cell a line, as converters of web
    pages leave tables: a figure, or a few words that do not end a sentence."""
    line = line.strip()
    if not line or "|" in line:
        return False
    return bool(_FIGURE_CELL.match(line)) or (
        len(line.split()) <= _CELL_WORDS and not _SENTENCE_END.search(line))


def _is_head_cell(cell: str) -> bool:
    return year_of(cell) is not None or head_year(cell) is not None


def _is_variance_cell(cell: str) -> bool:
    return not regex.search(r"\d", cell) and column_role(cell) == "variance"


def _is_word_cell(cell: str) -> bool:
    return not regex.search(r"\d", cell) and not _FIGURE_CELL.match(cell)


def _is_figure(cell: str) -> bool:
    return bool(_FIGURE_CELL.match(cell)) and bool(cell) and year_of(cell) is None


def cell_table(cells: list[str]) -> tuple[int, int, list[list[str]]] | None:
    """The first table in `cells` written a cell a line::

        Programma / Rekening 2016 / Begroting 2017 / Lasten / Baten / Lasten / Baten /
        Wonen / 880 / 311 / 901 / 320 / Zorg / ...

    A head of two or more cells that each name a year (a variance column, "Verschil", may
    follow), its corner label before it; then sub-heads, as many words as a whole number of
    times (two or more) the head's columns; then rows, each a label and a figure for every
    column (a label with none is a section of the table). Returns the first and the end
    index of its cells and its rows (head, sub-heads, rows) for a grid, with each head over
    its sub-columns; None where no such head has a full row under it."""
    for h in range(len(cells)):
        if not (_is_head_cell(cells[h]) and h + 1 < len(cells) and _is_head_cell(cells[h + 1])):
            continue
        end = h
        while end < len(cells) and _is_head_cell(cells[end]):
            end += 1
        while end < len(cells) and _is_variance_cell(cells[end]):
            end += 1
        heads = cells[h:end]
        words = end
        while words < len(cells) and _is_word_cell(cells[words]):
            words += 1
        subs: list[str] = []
        count = words - end
        for spare in range(3):  # the last word cells may be the first row's label
            if count - spare >= 2 * len(heads) and (count - spare) % len(heads) == 0:
                subs = cells[end:end + count - spare]
                break
        width = len(subs) or len(heads)
        rows: list[list[str]] = []
        k = end + len(subs)
        while k < len(cells) and not _is_figure(cells[k]):
            label = cells[k]
            figures = cells[k + 1:k + 1 + width]
            if len(figures) == width and all(_is_figure(c) or c in "-–" for c in figures):
                rows.append([label, *figures])
                k += 1 + width
            elif k + 1 < len(cells) and not _is_figure(cells[k + 1]):
                rows.append([label, *[""] * width])  # a section: "Programma 1"
                k += 1
            else:
                break
        while rows and not any(rows[-1][1:]):
            rows.pop()
            k -= 1
        if not any(any(r[1:]) for r in rows):
            continue
        start = h - 1 if h > 0 and _is_word_cell(cells[h - 1]) else h
        corner = cells[h - 1] if start < h else ""
        per = width // len(heads)
        head = [corner, *[c for head in heads for c in [head, *[""] * (per - 1)]]]
        table = [head, *([["", *subs]] if subs else []), *rows]
        return start, k, table
    return None
