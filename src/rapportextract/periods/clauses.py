"""The clause around a figure: the part of a sentence between punctuation marks or
clause-joining words."""

from __future__ import annotations

from functools import lru_cache

from rapportextract.periods.words import period_words


def clause_bounds(sentence: str, position: int) -> tuple[int, int]:
    """The clause around `position`: between the nearest punctuation marks or clause-joining
    words ("en", "maar")."""
    start, end = 0, len(sentence)
    for b_start, b_end in _clause_breaks(sentence):
        if b_end <= position:
            start = b_end
        elif b_start >= position:
            end = b_start
            break
    return start, end


@lru_cache(maxsize=256)
def _clause_breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    # Asked for every figure of a sentence, and for terms near it.
    return tuple(m.span() for m in period_words().patterns["clause_break"].finditer(sentence))
