"""Running headers and footers: margin texts that repeat across pages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

import regex

from rapportextract.layout.params import LAYOUT, LayoutParams
from rapportextract.layout.rows import Frag
from rapportextract.models import (
    Page,
)

_DIGITS = regex.compile(r"\d+")


def margin_zone(frag: Frag, page: Page, params: LayoutParams = LAYOUT) -> str | None:
    height = page.height or params.page_height
    if frag.bottom <= params.margin_share * height:
        return "top"
    if frag.top >= (1 - params.margin_share) * height:
        return "bottom"
    return None


def running_key(frag: Frag, zone: str) -> str:
    return f"{zone}|{_DIGITS.sub('#', frag.text.lower())}"


def running_keys(
    pages: Sequence[tuple[Page, list[Frag]]], params: LayoutParams = LAYOUT
) -> set[str]:
    """Margin texts that repeat on at least two pages (digits ignored: page numbers)."""
    seen: Counter[str] = Counter()
    for page, frags in pages:
        keys = {
            running_key(f, zone)
            for f in frags if (zone := margin_zone(f, page, params)) is not None
        }
        seen.update(keys)
    return {k for k, n in seen.items() if n >= params.running_pages}


_LINE_NUMBER = regex.compile(r"^(\d{1,4})[A-Z]?$")
"""A line number, with the letter a layout program may set after the last ones ("32S")."""


def _number(frag: Frag) -> int:
    match = _LINE_NUMBER.match(frag.text)
    return int(match.group(1)) if match else -1


def line_numbers(frags: Sequence[Frag], params: LayoutParams = LAYOUT) -> list[list[Frag]]:
    """Margin line numbers (a draft, a pleading, a proof set with numbered lines), top down,
    a list per margin: bare whole numbers, at least `line_number_run` of them, one over the
    other with one left or right edge, counting up down the page, beside the text and in
    none of its lines."""
    numbers = [f for f in frags if _LINE_NUMBER.match(f.text)]
    others = [f for f in frags if not _LINE_NUMBER.match(f.text)]
    if len(numbers) < params.line_number_run or not others:
        return []
    found: list[list[Frag]] = []
    for right_edge in (False, True):

        def edge(frag: Frag, right_edge: bool = right_edge) -> float:
            return frag.x1 if right_edge else frag.x0

        stacks: list[list[Frag]] = []
        for f in sorted(numbers, key=edge):
            if stacks and abs(edge(f) - edge(stacks[-1][-1])) <= params.line_number_align:
                stacks[-1].append(f)
            else:
                stacks.append([f])
        for stack in stacks:
            stack.sort(key=lambda f: f.top)
            values = [_number(f) for f in stack]
            beside = [f for f in others if f.top < stack[-1].bottom and f.bottom > stack[0].top]
            outside = bool(beside) and (
                all(f.x1 <= min(o.x0 for o in beside) for f in stack)
                or all(f.x0 >= max(o.x1 for o in beside) for f in stack))
            if (
                len(stack) >= params.line_number_run and outside
                and all(a < b for a, b in pairwise(values))
                and not any(id(f) == id(g) for known in found for g in known for f in stack)
            ):
                found.append(stack)
    return found


def loose_page_numbers(
    frags: Sequence[Frag], page: Page, page_number: regex.Pattern[str],
    params: LayoutParams = LAYOUT,
) -> dict[int, str]:
    """Page numbers above the margin (a paper's "1" under its text, well inside the page):
    the lowest line (or the highest), a bare page number alone on its row, a good gap away
    from every other line, in the bottom (top) half of the page. Ids to "bottom" or "top"."""
    height = page.height or params.page_height
    found: dict[int, str] = {}
    ordered = sorted(frags, key=lambda f: f.top)
    for zone, frag, rest in (("bottom", ordered[-1:], ordered[:-1]), ("top", ordered[:1],
                                                                        ordered[1:])):
        if not frag or not rest or not page_number.match(frag[0].text):
            continue
        f = frag[0]
        gap = f.top - max(o.bottom for o in rest) if zone == "bottom" else (
            min(o.top for o in rest) - f.bottom)
        half = f.top > height / 2 if zone == "bottom" else f.bottom < height / 2
        if half and gap >= params.page_number_gap * f.size:
            found[id(f)] = zone
    return found
