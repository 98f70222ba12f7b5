"""The recogniser's patterns: those compiled on first use are the same patterns, compiled once."""

from __future__ import annotations

from rapportextract.quantities.patterns import patterns
from rapportextract.quantities.phrases import Deferred, compile_pattern


def test_a_deferred_pattern_is_compiled_once_on_first_use() -> None:
    deferred = Deferred(r"(?<!\w)ruim(?!\w)")
    first = deferred()
    assert first is deferred()
    assert first.pattern == compile_pattern(r"(?<!\w)ruim(?!\w)").pattern
    assert first.search("RUIM 30 procent").span() == (0, 4)


def test_deferred_patterns_read_what_they_are_built_for() -> None:
    p = patterns()
    assert p.ratio().search("7 op de 10 huurders") is not None
    assert p.fraction().search("een derde van de huurders") is not None
    assert p.number_word().fullmatch("drieëntwintig") is not None
    assert p.phone().search("bel 088 - 233 37 00") is not None
    assert p.domain().search("zie cbs.nl") is not None
    assert p.bracket_percent().match(" (34%)") is not None
    assert p.qualifier_left["more_than"]().search("ruim ") is not None
