"""What the matchers keep between calls, and how their patterns are built, never changes an
answer: the catalogue's per-text cache, and phrase alternations that share word boundaries."""

from __future__ import annotations

import re
from typing import Any

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from rapportextract.catalogue import Catalogue, ConceptMatch, load_catalogue
from rapportextract.lang import nl
from rapportextract.periods import find_time_expressions
from rapportextract.quantities.patterns import all_qualifiers
from rapportextract.quantities.phrases import FLAGS, alt, phrase

# Sentences written for this test: figures next to several concepts' words, ruling-out
# words ("vonnis", "geen") and the same head word twice.
SENTENCES = [
    "In 2023 werden 2.100 huurders uitgezet, waarvan 1.400 wegens een huurachterstand.",
    "Van de 5.600 vonnissen leidden er 2.100 tot een uitzetting; bij 12% ging het om overlast.",
    "Het aantal ontruimingen daalde met 8 procent, terwijl de huurschuld € 160 miljoen was.",
    "Bij 30% van de vonnissen kwam het niet tot een uitzetting, want de huurder betaalde alsnog.",
    "Zo'n 40 procent van de uitgezette huishoudens was alleenstaand, 18 procent had kinderen.",
    "De corporaties troffen 95.000 betalingsregelingen; 60.000 verzoeken werden ingewilligd.",
    "In 1.200 gevallen leverde de huurder zelf de sleutel in, in 300 gevallen niet.",
    "Er waren 7.000 ontruimingen en 7.000 vonnissen: geen uitzetting zonder vonnis.",
    # the same opening as the next sentence, with other concepts' words after it
    "Wegens overlast werden 350 huurders gewaarschuwd over hun huurachterstand.",
    "Wegens overlast werden 350 huurders uitgezet.",
]


def _figures(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\d[\d.,]*", text)]


def _questions() -> list[dict[str, Any]]:
    asked: list[dict[str, Any]] = []
    for text in SENTENCES:
        vetoes = [None, text, text[: len(text) // 2], "zonder vonnis, geen uitzetting",
                  "drugsoverlast"]
        for position in [None, *_figures(text)]:
            for unit, kind in [(None, None), ("count", "level"), ("percent", "level"),
                               ("percent", "change"), ("EUR", "level")]:
                for veto in vetoes:
                    asked.append({"text": text, "unit": unit, "kind": kind,
                                  "position": position, "veto": veto})
    return asked


def _answer(found: list[ConceptMatch]) -> list[tuple[Any, ...]]:
    return [(m.id, m.groups, m.head_start, m.head_end, m.terms, m.distance, m.spread)
            for m in found]


def test_catalogue_answers_do_not_depend_on_earlier_questions() -> None:
    concepts = list(load_catalogue())
    warm = Catalogue(concepts)
    questions = _questions()
    # The same questions in two orders, with enough other texts in between to push the first
    # answers out of the cache.
    filler = [f"Tekst {i} over {i} huurders zonder meer." for i in range(300)]
    seen: dict[int, list[tuple[Any, ...]]] = {}
    for round_ in range(2):
        order = range(len(questions)) if round_ == 0 else reversed(range(len(questions)))
        for i in order:
            q = questions[i]
            answer = _answer(warm.matches(q["text"], unit=q["unit"], kind=q["kind"],
                                          position=q["position"], veto=q["veto"]))
            if i not in seen:
                fresh = Catalogue(concepts)
                seen[i] = _answer(fresh.matches(q["text"], unit=q["unit"], kind=q["kind"],
                                                position=q["position"], veto=q["veto"]))
            assert answer == seen[i], q
        for text in filler:
            warm.matches(text)
    # The questions reach real matches, vetoes included.
    assert sum(1 for a in seen.values() if a) > len(seen) // 2
    nuisance = SENTENCES[-1]
    figure = _figures(nuisance)[0]
    veto_free = _answer(warm.matches(nuisance, unit="count", position=figure))
    vetoed = _answer(warm.matches(nuisance, unit="count", position=figure,
                                  veto="drugsoverlast"))
    assert veto_free[0][0] == "evictions_nuisance"
    assert "evictions_nuisance" not in [a[0] for a in vetoed]


def _one_boundary_per_phrase(words: list[str], *, glued: bool = False) -> str:
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(phrase(w, glued=glued) for w in unique) + ")"


_DATA = nl.load()
WORD_LISTS = {
    "qualifiers": (all_qualifiers(_DATA), False),
    "scales": (list(_DATA.scales), True),
    "percent suffixes": (list(_DATA.units.percent_suffix), True),
    "mixed edges": (["ca.", "circa", "+/-", "ruim", "~", "zo'n", "meer dan", "<"], False),
}


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(sorted(WORD_LISTS)),
    st.lists(st.one_of(
        st.sampled_from(["", " ", "  ", "\n", "x", "3", "12", "(", "-", ".", "’", "€"]),
        st.integers(0, 200),
    ), max_size=14),
)
@example("qualifiers", [5, " ", 0])
@example("scales", ["3", 0, "3"])
def test_shared_boundaries_match_like_one_boundary_per_phrase(
    list_name: str, pieces: list[str | int]
) -> None:
    words, glued = WORD_LISTS[list_name]
    text = "".join(p if isinstance(p, str) else words[p % len(words)] for p in pieces)
    shared, each = alt(words, glued=glued), _one_boundary_per_phrase(words, glued=glued)
    assert shared != each
    for tail in (r"\s*", r"\s*$"):
        a, b = regex.compile(shared + tail, FLAGS), regex.compile(each + tail, FLAGS)
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
        # as the qualifier patterns are used: on the text before each figure
        for end in range(len(text) + 1):
            found_a, found_b = a.search(text, 0, end), b.search(text, 0, end)
            assert (found_a and found_a.span()) == (found_b and found_b.span())


def test_time_expressions_asked_again_are_the_same_and_a_fresh_list() -> None:
    sentence = "Eind 2022 stond er € 173 miljoen open, in 2021 nog € 180 miljoen."
    first = find_time_expressions(sentence, edition=2023)
    assert [e.period for e in first] == ["2022", "2021"]
    first.clear()  # a caller's change to the list does not reach the next caller
    assert [e.period for e in find_time_expressions(sentence, edition=2023)] == ["2022", "2021"]
    assert [e.period for e in find_time_expressions(sentence, edition=2021)] == ["2022", "2021"]
    assert [e.period for e in find_time_expressions("Vorig jaar was dat 5%.", edition=2023)
            ] == ["2022"]
    assert [e.period for e in find_time_expressions("Vorig jaar was dat 5%.", edition=2020)
            ] == ["2019"]
