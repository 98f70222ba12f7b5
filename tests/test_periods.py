"""Period resolution: the case table in tests/cases/periods.yaml, plus the pieces around it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from rapportextract.errors import LanguageDataError
from rapportextract.periods import (
    PeriodContext,
    find_time_expressions,
    heading_period,
    load_period_words,
    resolve_period,
    sets_scope,
)

CASES = Path(__file__).parent / "cases" / "periods.yaml"


def _cases() -> list[Any]:
    groups = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    return [
        pytest.param(case, id=f"{group}/{case['id']}")
        for group, cases in groups.items()
        for case in cases
    ]


def _span(sentence: str, figure: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = sentence.index(figure, start + 1)
    return start, start + len(figure)


@pytest.mark.parametrize("case", _cases())
def test_period_case(case: dict[str, Any]) -> None:
    edition = case.get("edition", 2024)
    context = PeriodContext(**case.get("context", {}))
    span = _span(case["sentence"], case["figure"], case.get("occurrence", 1))
    result = resolve_period(case["sentence"], span, edition=edition, context=context)
    assert result.period == case["period"]
    if "base" in case:
        assert result.base_period == case["base"]


def test_years_in_numbers_and_bare_pairs_are_not_periods() -> None:
    texts = ["Het ging om 12.2020 euro.", "Zie 2019/2021.", "Nota 2018-2019 blz. 4."]
    for text in texts:
        assert [e.period for e in find_time_expressions(text, edition=2024)] == []


def test_a_pair_of_years_after_a_period_word_is_their_span() -> None:
    periods = [e.period for e in find_time_expressions("In de jaren 2010-2017 daalde het.",
                                                       edition=2024)]
    assert periods == ["2010-01/2017-12"]
    # a later year first is no span
    assert [e.period for e in find_time_expressions("In 2019-2017 daalde het.",
                                                    edition=2024)] == []


def test_base_role_follows_comparison_words() -> None:
    exprs = find_time_expressions("Dat is meer dan in 2022 maar minder dan in 2020.", edition=2024)
    assert [(e.period, e.role) for e in exprs] == [("2022", "base"), ("2020", "base")]


def test_confidence_is_lower_for_context_than_for_the_clause() -> None:
    s = "In 2022 waren het er 500."
    own = resolve_period(s, _span(s, "500"), edition=2024)
    guessed = resolve_period("Het waren er 500.", (13, 16), edition=2024)
    assert own.confidence > guessed.confidence
    assert guessed.source == "default"


def test_scope_is_set_only_by_the_current_year() -> None:
    assert sets_scope("Het beeld over de eerste maanden van 2024 is wisselend.", edition=2024) == (
        "2024-early"
    )
    assert sets_scope("Eind 2022 is een convenant opgesteld.", edition=2024) is None
    assert sets_scope("Sinds begin 2021 is melden verplicht.", edition=2024) is None


@pytest.mark.parametrize("sentence", [
    "Inmiddels gaat het beter met de sector.",
    "Het aanbod blijft tot nu toe klein.",
    "Momenteel is er weinig ruimte.",
])
def test_the_time_of_writing_sets_no_scope(sentence: str) -> None:
    assert sets_scope(sentence, edition=2022) is None


def test_heading_ignores_the_title_year() -> None:
    assert heading_period("HUURSCHULDEN EN HUISUITZETTINGEN 2024", edition=2024) is None
    assert heading_period("Eerste helft van 2024", edition=2024) == "2024-H1"


def test_malformed_language_data_raises_one_line_error() -> None:
    with pytest.raises(LanguageDataError) as err:
        load_period_words("[months]\njanuari = 'een'\n")
    assert "periods.toml" in str(err.value) and "\n" not in str(err.value)
