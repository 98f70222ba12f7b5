"""What text a pattern cannot match without, so that a long run of patterns over one sentence
(the time expressions: some 45 patterns a sentence) skips those that cannot match it.

`needed_words` reads a compiled pattern's own parse (the standard library's `re` parser) and
gives strings one of which every match must hold: a run of literal letters the pattern
cannot do without, or for an alternation the union of what each branch needs ("januari",
"februari", ...). `Possible` is a mapping of patterns that gives, for a given text, a
pattern that matches nothing in place of each whose needed strings are all absent. The
test is exact in one direction only, the one that counts: a pattern left out could not have
matched (case-insensitive patterns included: the text is lower-cased, and the few letters
`re` takes for an ASCII letter without being one, the Kelvin sign for "k", are written as
that letter). Only ASCII strings are used; a pattern whose needs cannot be told is kept.
"""

from __future__ import annotations

import importlib
import re
import string
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

_parser: Any = importlib.import_module("re._parser")

_NOTHING = re.compile(r"(?!)")
"""A pattern that matches nowhere: what `Possible` gives for a pattern that cannot match."""

Needs = tuple[str, ...]


@lru_cache(maxsize=1024)
def needed_words(pattern: re.Pattern[str]) -> Needs | None:
    """Lower-case ASCII strings one of which is in every match of `pattern`, or None where
    the pattern needs no such string (or it cannot be told)."""
    needs = _needs(_parser.parse(pattern.pattern, pattern.flags))
    if needs is None or not all(s.isascii() for s in needs):
        return None
    return tuple(sorted({s.lower() for s in needs}))


def _needs(items: Any) -> set[str] | None:
    """What a sequence of parsed items needs: of the needs of its items (a run of literals is
    one string), the most telling (the longest shortest string, then the fewest)."""
    found: list[set[str]] = []
    run = ""
    for op, arg in items:
        if op is _parser.LITERAL:
            run += chr(arg)
            continue
        if run:
            found.append({run})
            run = ""
        need: set[str] | None = None
        if op is _parser.SUBPATTERN:
            need = _needs(arg[3])
        elif op is _parser.ATOMIC_GROUP:
            need = _needs(arg)
        elif op is _parser.BRANCH:
            branches = [_needs(b) for b in arg[1]]
            if all(b is not None for b in branches):
                need = set().union(*(b for b in branches if b is not None))
        elif op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT) and (
                arg[0] >= 1):
            need = _needs(arg[2])
        # anything else (a class, a look-around, a back-reference) needs nothing told here
        if need:
            found.append(need)
    if run:
        found.append({run})
    if not found:
        return None
    return max(found, key=lambda s: (min(len(x) for x in s), -len(s)))


@lru_cache(maxsize=4096)
def _ascii_twin(letter: str) -> str:
    """The ASCII letter `re` matches `letter` (not ASCII) to when the case is ignored, else
    the letter itself."""
    for ascii_letter in string.ascii_lowercase:
        if re.fullmatch(ascii_letter, letter, re.IGNORECASE):
            return ascii_letter
    return letter


def folded(text: str) -> str:
    """`text` as `Possible` tests it: lower case, its letters that `re` matches to an ASCII
    letter when the case is ignored written as that letter."""
    if text.isascii():
        return text.lower()
    return "".join(c.lower() if c.isascii() else _ascii_twin(c) for c in text)


class Possible(Mapping[str, "re.Pattern[str]"]):
    """`patterns` as seen by `text`: a pattern that cannot match it is given as one that
    matches nothing (so a `finditer` over the text finds the same as before, quickly)."""

    def __init__(self, patterns: Mapping[str, re.Pattern[str]], text: str) -> None:
        self._patterns = patterns
        self._text = folded(text)
        self._found: dict[Needs, bool] = {}

    def __getitem__(self, name: str) -> re.Pattern[str]:
        pattern = self._patterns[name]
        needs = needed_words(pattern)
        if needs is None:
            return pattern
        found = self._found.get(needs)
        if found is None:
            found = self._found[needs] = any(s in self._text for s in needs)
        return pattern if found else _NOTHING

    def __iter__(self) -> Iterator[str]:
        return iter(self._patterns)

    def __len__(self) -> int:
        return len(self._patterns)
