"""How a column's lines meet its edges where the page sets no paragraph by indent or full
stop: prose set flush right (`flush_right_columns`), a list set one entry a line
(`entry_list`)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import regex

from rapportextract.layout.blocks import _LIST_MARKER, _SENTENCE_END
from rapportextract.layout.columns import Item
from rapportextract.layout.params import LAYOUT, LayoutParams
from rapportextract.layout.rows import Frag

_RUNS_ON = regex.compile(r"[,;\-–—]$")
"""A line that ends on a comma or a dash goes on (a verse, a split word)."""


def flush_right_columns(items: Sequence[Item], params: LayoutParams = LAYOUT
                        ) -> set[int | None]:
    """The columns set flush right and ragged left: most lines end at one right edge and
    few start at one of the two most common starts (a justified column starts most at its
    edge, a list with hanging indents at two; a page of poetry or children's prose set
    against the right margin starts each line elsewhere). Their starts tell no paragraph."""
    by_column: dict[int | None, list[Frag]] = {}
    for it in items:
        if it.frag is not None:
            by_column.setdefault(it.column, []).append(it.frag)
    flush: set[int | None] = set()
    for column, frags in by_column.items():
        if len(frags) < params.edge_lines:
            continue
        rights = sorted(f.x1 for f in frags)
        right = rights[-1 - len(rights) // 10]
        at_right = sum(abs(f.x1 - right) <= params.tail_edge for f in frags)
        starts = [f.x0 for f in frags]
        common = 0
        for _ in range(2):
            if not starts:
                break
            near = max(starts, key=lambda x: sum(abs(y - x) <= params.tail_edge for y in starts))
            kept = [x for x in starts if abs(x - near) > params.tail_edge]
            common += len(starts) - len(kept)
            starts = kept
        if (at_right >= params.flush_right_share * len(frags)
                and common <= params.ragged_left_share * len(frags)):
            flush.add(column)
    return flush




def hanging_columns(ordered: Sequence[Item], edges: dict[int | None, tuple[float, float]],
                    params: LayoutParams = LAYOUT) -> set[int | None]:
    """The columns whose paragraphs are set with a hanging indent: the first line of each
    set out, the lines after it an indent in (sayings, a glossary, a bibliography). Between
    lines with no gap, a line set an indent in follows a line that runs on to the right edge
    (a paragraph's first line, wrapped) more often than one that ends short, at least
    `hanging_pairs` times; and a line set out again follows a line that ends short (a
    paragraph's last) more often than a full one. A first-line indent is the mirror: the
    indent after a paragraph's short last line, the line set out after its full first line.
    A list item's wrapped line is set in under its marker: no count."""
    counts: dict[int | None, list[int]] = {}
    for above, below in pairwise(ordered):
        if (above.frag is None or below.frag is None or above.column != below.column
                or below.column not in edges or _LIST_MARKER.match(above.frag.text)):
            continue
        size = max(above.frag.size, below.frag.size)
        if below.frag.top - above.frag.top > params.hanging_pitch * size:
            continue
        step = below.frag.x0 - above.frag.x0
        if not params.indent_min * size <= abs(step) <= params.indent_max * size:
            continue
        left, right = edges[below.column]
        full = above.frag.x1 >= right - params.short_line * (right - left)
        got = counts.setdefault(below.column, [0, 0, 0, 0])
        got[(0 if step > 0 else 2) + (0 if full else 1)] += 1
    return {column for column, (full_in, short_in, full_out, short_out) in counts.items()
            if full_in >= params.hanging_pairs and full_in > short_in and short_out > full_out}


def ends_entry(prev: Frag, frag: Frag, edges: tuple[float, float] | None,
               params: LayoutParams = LAYOUT) -> bool:
    """A line that stops short where the first word of the next would have fitted after it,
    both at the column's left edge, the next with a capital: the line ended on purpose, an
    entry of a list set one a line (names, addresses) with no gap, no marker and no full
    stop. Prose wraps only the word that did not fit; a line that ends on a comma or a
    hyphen goes on (a verse, a split word)."""
    if edges is None or not frag.text or not prev.text:
        return False
    left, right = edges
    first = frag.text.split()[0]
    per_char = (frag.x1 - frag.x0) / len(frag.text)
    return (
        abs(frag.x0 - left) <= params.tail_edge
        and abs(prev.x0 - left) <= params.tail_edge
        and (frag.text[:1].isupper() or frag.text[:1].isdigit())
        and not _RUNS_ON.search(prev.text)
        and abs(frag.size - prev.size) <= params.same_size
        and prev.x1 + per_char * (len(first) + 1) <= right
    )


def entry_list(lines: Sequence[Frag], edges: tuple[float, float] | None,
               params: LayoutParams = LAYOUT) -> list[list[Frag]] | None:
    """A run of lines that is a list set one entry a line, cut into its entries; None where
    the run is no such list. An entry starts at the run's left edge; a line set in from it
    goes on the entry above (a calendar date whose text wraps under its text). The list has
    at least `entry_lines` entries at one left edge, at least half starting with a capital or
    a figure (a name may start in lower case: "van Dam, ...", "de Jong", "iDEAL"), none
    ending on a comma, a hyphen or a full stop, and most stopping where the next entry's
    first word would have fitted (`ends_entry`): a board of names, a column of addresses."""
    if edges is None or not lines:
        return None
    left = min(f.x0 for f in lines)
    entries: list[list[Frag]] = []
    for f in lines:
        if abs(f.x0 - left) <= params.tail_edge or not entries:
            entries.append([f])
        else:
            entries[-1].append(f)
    starts = [e[0] for e in entries]
    if len(starts) < params.entry_lines or abs(lines[0].x0 - left) > params.tail_edge:
        return None
    # the list's own left edge: a list may be set in from its column (a calendar under a
    # heading); on the right, its column's edge or its longest entry, whichever is further
    bounds = (left, max(edges[1], max(f.x1 for f in lines)))
    fits = sum(ends_entry(e[-1], b[0], bounds, params) for e, b in pairwise(entries))
    capitals = sum(f.text[:1].isupper() or f.text[:1].isdigit() for f in starts)
    if (
        capitals >= params.entry_capitals * len(starts)
        and not any(_RUNS_ON.search(f.text) or _SENTENCE_END.search(f.text) for f in lines)
        and fits >= params.entry_share * (len(starts) - 1)
        # a wrapped entry is the exception: a paragraph's lines are all set at one edge
        and len(lines) - len(starts) < len(starts)
    ):
        return entries
    return None
