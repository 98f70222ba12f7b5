"""Running headers and footers: margin texts that repeat across pages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

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
