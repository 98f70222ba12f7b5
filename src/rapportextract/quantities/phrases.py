"""Phrases of the language data as regex pieces, and the compile flags every pattern uses."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from rapportextract.patterncache import compile_cached


def _bounds(text: str, *, glued: bool = False) -> tuple[str, str]:
    """The word boundaries around a phrase: only where it starts or ends with a letter or
    digit. ``glued`` allows a letter or digit right before it ("€12mln")."""
    left = r"(?<!\w)" if text[0].isalnum() and not glued else ""
    right = ""
    if text[-1].isalnum():
        # a glued unit may carry a footnote marker ("30 procent3"), never more letters
        right = r"(?![^\W\d_])" if glued else r"(?!\w)"
    return left, right


def _body(text: str) -> str:
    """A regex for one word or phrase: any whitespace between words, both apostrophes."""
    parts = [regex.escape(part) for part in text.split()]
    return r"\s+".join(parts).replace("'", "['’‘`]")


def phrase(text: str, *, glued: bool = False) -> str:
    """A regex for one word or phrase, with its word boundaries (`_bounds`)."""
    left, right = _bounds(text, glued=glued)
    return left + _body(text) + right


def alt(words: Iterable[str], *, glued: bool = False) -> str:
    """An alternation of phrases, longest first so that "iets meer dan" beats "meer dan"."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    # Neighbouring phrases with the same boundaries share them: "(?<!\w)(?:a|b)(?!\w)" tries
    # the same phrases in the same order as "(?<!\w)a(?!\w)|(?<!\w)b(?!\w)", but the engine
    # tests the boundary once per position instead of once per phrase (five times faster on
    # the qualifier list) and the pattern compiles quicker.
    runs: list[tuple[tuple[str, str], list[str]]] = []
    for word in unique:
        bounds = _bounds(word, glued=glued)
        if runs and runs[-1][0] == bounds:
            runs[-1][1].append(_body(word))
        else:
            runs.append((bounds, [_body(word)]))
    return "(?:" + "|".join(
        left + (bodies[0] if len(bodies) == 1 else "(?:" + "|".join(bodies) + ")") + right
        for (left, right), bodies in runs
    ) + ")"


def bare_alt(words: Iterable[str]) -> str:
    """An alternation without word boundaries, for the parts inside a compound word."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(regex.escape(w) for w in unique) + ")"


FLAGS = regex.IGNORECASE | regex.VERSION1 | regex.UNICODE
# Longer digit runs are identifiers (IBAN, case numbers), not figures; the limit also keeps
# every value within Decimal's default 28 digits after a scale word.
_MAX_DIGITS = 15
DIGITS = (
    r"(?:\d{1,3}(?:\.\d{3}){1,4}(?:,\d{1,12})?"  # 117.000 / 1.234,5
    # typographic spaces group thousands too (no-break, narrow no-break, thin): 117 000
    r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3}){1,4}(?:,\d{1,12})?"
    rf"|\d{{1,{_MAX_DIGITS}}}(?:[.,]\d{{1,12}})?"  # 3000 / 1,1 / 1.5 (ambiguous)
    r"|\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,12})?)"  # 1,234,567.5 (English, ambiguous)
)


def compile_pattern(pattern: str, grammar: str = "") -> regex.Pattern[str]:
    return compile_cached(pattern + grammar, FLAGS)  # kept between runs (`patterncache`)


class Deferred:
    """A pattern compiled on first use (``pattern()``), for one that many sentences never
    need: compiling every pattern up front made the first sentence slow."""

    def __init__(self, pattern: str, grammar: str = "") -> None:
        self._source = (pattern, grammar)
        self._compiled: regex.Pattern[str] | None = None

    def __call__(self) -> regex.Pattern[str]:
        if self._compiled is None:
            self._compiled = compile_pattern(*self._source)
        return self._compiled


def caseless(pattern: str) -> str:
    """`pattern` without case folding, for a part whose matches case does not change: a
    class of digits, punctuation and word characters as a whole. Folded, such a class takes
    milliseconds to compile and is tested several times slower at every position."""
    return f"(?-i:{pattern})"


def not_after(chars: str) -> str:
    """A negative lookbehind for a class of characters without case (`caseless`)."""
    return caseless(f"(?<!{chars})")


def lower_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)
