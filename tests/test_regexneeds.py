"""`regexneeds`: what a pattern cannot match without, and patterns skipped where it is absent
finding exactly what they found before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from rapportextract.periods.words import period_words
from rapportextract.regexneeds import Possible, folded, needed_words

NEEDS = [
    ("plain-word", r"kwartaal", ("kwartaal",)),
    ("alternation-unions-branches", r"(?<!\w)(?:eerste|tweede)\s+helft", ("eerste", "tweede")),
    ("longest-shortest-wins", r"(?:jan|februari)\s+(?:19|20)\d\d", ("februari", "jan")),
    ("optional-part-needs-nothing", r"(?:begin\s+)?\d{4}", None),
    ("repeat-of-at-least-one", r"(?:ab)+x?", ("ab",)),
    ("branch-without-words", r"\d+|maand", None),
    ("class-only", r"[a-z]+", None),
    ("upper-case-lowered", r"Q[1-4]", ("q",)),
    ("look-ahead-not-counted", r"(?=jaar)\w+", None),
    ("non-ascii-not-used", r"één", None),
]


@pytest.mark.parametrize(("pattern", "expected"), [pytest.param(p, e, id=i) for i, p, e in NEEDS])
def test_needed_words(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert needed_words(re.compile(pattern, re.IGNORECASE)) == expected


FOLDED = [
    ("ascii", "In Maart 2020", "in maart 2020"),
    ("kelvin-sign-is-k", "\u212awartaal", "kwartaal"),
    ("long-s-is-s", "\u017finds", "sinds"),
    ("other-letters-kept", "€ 5 – één", "€ 5 – één"),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in FOLDED])
def test_folded(text: str, expected: str) -> None:
    assert folded(text) == expected


def test_a_kelvin_sign_keeps_its_pattern() -> None:
    # `re` matches the Kelvin sign to "k" when the case is ignored: the pattern must stay
    pattern = re.compile("kwartaal", re.IGNORECASE)
    text = "In het derde \u212awartaal"
    assert [m.span() for m in Possible({"q": pattern}, text)["q"].finditer(text)] == [(13, 21)]


def test_a_pattern_that_cannot_match_matches_nothing() -> None:
    pattern = re.compile("kwartaal", re.IGNORECASE)
    assert Possible({"q": pattern}, "In 2020 waren het er 300.")["q"].search("kwartaal") is None


def _sentences() -> list[str]:
    root = Path(__file__).parent / "cases"
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("sentence", "text", "previous", "heading") and isinstance(value, str):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for name in ("periods.yaml", "periods_facts.yaml", "facts_changes.yaml", "concepts.yaml"):
        walk(yaml.safe_load((root / name).read_text(encoding="utf-8")))
    return found


def test_the_time_patterns_find_the_same_with_and_without_skipping() -> None:
    sentences = _sentences()
    assert len(sentences) > 200
    patterns = period_words().patterns
    skipped = 0
    for sentence in sentences:
        for text in (sentence, sentence.upper()):
            possible = Possible(patterns, text)
            for name, pattern in patterns.items():
                seen = possible[name]
                skipped += seen is not pattern
                assert [m.span() for m in seen.finditer(text)] == [
                    m.span() for m in pattern.finditer(text)], (name, text)
    assert skipped > len(sentences) * 20  # most patterns are skipped for most sentences
