"""Periods over more than one sentence, and the columns of table rows read as text: the case
table tests/cases/periods_facts.yaml, run through the whole fact stage."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from rapportextract.facts import extract_facts
from rapportextract.models import BlockKind, Document, Fact, Sentence
from rapportextract.periods import column_periods, find_time_expressions

CASES = Path(__file__).parent / "cases" / "periods_facts.yaml"


def _cases() -> list[Any]:
    groups = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    return [pytest.param(case, id=f"{group}/{case['id']}")
            for group, cases in groups.items() for case in cases]


def _facts(texts: list[str], edition: int) -> list[Fact]:
    doc = Document(
        path="periods.txt", name="periods.txt", sha256="3" * 64, source_type="text",
        edition=edition,
        sentences=[
            Sentence(id=f"p1-b0-s{i}", page=1, block_id="p1-b0",
                     block_kind=BlockKind.PARAGRAPH, text=text)
            for i, text in enumerate(texts)
        ],
    )
    return [f for f in extract_facts(doc) if not f.derived]


@pytest.mark.parametrize("case", _cases())
def test_period_fact_case(case: dict[str, Any]) -> None:
    last = " ".join(case["text"][-1].split())
    facts = [f for f in _facts(case["text"], case["edition"]) if f.source.sentence == last]
    for figure, expected in case["expect"].items():
        found = [f for f in facts
                 if f.source.text == figure or f.source.text.endswith(" " + figure)]
        assert found, f"{figure!r} not found in {[f.source.text for f in facts]}"
        got = {key: getattr(found[-1], key) for key in expected}
        assert got == expected, (figure, found[-1].diagnostics)
        if "diagnostic" in case:
            assert any(case["diagnostic"] in note for note in found[-1].diagnostics), \
                found[-1].diagnostics


def test_columns_need_two_years_in_a_row() -> None:
    text = "In 2022 had 30% een regeling en 40% 50% niet."
    spans = [(text.index(f), text.index(f) + len(f)) for f in ("30%", "40%", "50%")]
    exprs = find_time_expressions(text, edition=2023)
    assert column_periods(text, spans, exprs) == [None, None, None]


def test_prose_between_header_and_row_with_a_figure_breaks_the_header() -> None:
    text = "2021 2020 zo'n 12 corporaties 700 650"
    spans = [(text.index(f), text.index(f) + len(f)) for f in ("12", "700", "650")]
    exprs = find_time_expressions(text, edition=2022)
    assert column_periods(text, spans, exprs) == [None, None, None]
