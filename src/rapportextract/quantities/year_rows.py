"""The cells of table rows written as text under a header line of years, so that the reading
of thousands grouped with a space (`numbers.find_numbers`) leaves them apart::

    Kwijtschelding 2019 2020 2021 2022
    aantal verzoeken 164 115 115 105
    afgewezen 51 35 39 33

Run into one sentence, "164 115 115 105 afgewezen" looks like one number of four space groups
before a word in lower case. Under a header of N years, a row of a label and N figures (or a
whole multiple of N: several columns a year) is N cells; so is any run of more than three
figures under the years, which as one number would be implausibly large. Rows follow each
other under the same header until a row does not fit."""

from __future__ import annotations

import regex

from rapportextract.year_labels import YEAR_RUN

_YEAR_HEADER = regex.compile(rf"(?<![\d.,]){YEAR_RUN}(?![\d.,%])")
"""Two years or more with only spaces between them (the pattern text ingestion reads a head
line with, `year_labels.YEAR_RUN`), not inside a longer number: the head of a table's
columns."""

_TOKEN = regex.compile(r"\S+")
_DIGIT = regex.compile(r"\d")
_FIGURE = regex.compile(r"^[-−–]?\d[\d.,]*%?$|^[-–]$")
"""A cell of a row: a figure, or a lone dash for an empty one."""

_MAX_ONE_NUMBER = 3
"""More figures in a run under years than a number and two space groups ("1 250 000") are
no one number."""


def year_row_cells(text: str) -> set[int]:
    """The start offsets of the figures that are cells of rows under a header of years."""
    cells: set[int] = set()
    for header in _YEAR_HEADER.finditer(text):
        columns = len(header.group().split())
        tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text, header.end())]
        k = 0
        while k < len(tokens):
            label = k
            while k < len(tokens) and not _FIGURE.match(tokens[k][1]) \
                    and not _DIGIT.search(tokens[k][1]):
                k += 1
            if k < len(tokens) and not _FIGURE.match(tokens[k][1]):
                break  # a label with digits: no row of this header
            row = k
            while k < len(tokens) and _FIGURE.match(tokens[k][1]):
                k += 1
            figures = k - row
            if k == label or row == label or figures == 0:
                break  # no label, or no figures after it
            if figures % columns == 0 or figures > _MAX_ONE_NUMBER:
                cells.update(start for start, _ in tokens[row:k])
            if figures % columns != 0:
                break
    return cells
