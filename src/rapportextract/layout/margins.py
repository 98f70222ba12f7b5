"""Running headers and footers: margin texts that repeat across pages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from rapportextract.layout.rows import _Frag
from rapportextract.models import (
    Page,
)

_MARGIN_SHARE = 0.1


_DIGITS = regex.compile(r"\d+")


def _margin_zone(frag: _Frag, page: Page) -> str | None:
    height = page.height or 842.0
    if frag.bottom <= _MARGIN_SHARE * height:
        return "top"
    if frag.top >= (1 - _MARGIN_SHARE) * height:
        return "bottom"
    return None


def _running_key(frag: _Frag, zone: str) -> str:
    return f"{zone}|{_DIGITS.sub('#', frag.text.lower())}"


def running_keys(pages: Sequence[tuple[Page, list[_Frag]]]) -> set[str]:
    """Margin texts that repeat on at least two pages (digits ignored: page numbers)."""
    seen: Counter[str] = Counter()
    for page, frags in pages:
        keys = {
            _running_key(f, zone) for f in frags if (zone := _margin_zone(f, page)) is not None
        }
        seen.update(keys)
    return {k for k, n in seen.items() if n >= 2}
