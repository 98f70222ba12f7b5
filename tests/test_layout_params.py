"""The named thresholds: every field says what it measures, a changed value changes the
layout, and layout and charts share one definition of a legend key."""

from __future__ import annotations

import ast
import dataclasses
import inspect

import pytest

from rapportextract.figures.charts.params import ChartParams
from rapportextract.layout import layout_pages
from rapportextract.layout.params import LayoutParams, LegendParams
from rapportextract.layout.regions import is_legend_key, key_beside
from rapportextract.models import BBox, BlockKind, Page, Word


@pytest.mark.parametrize("params", [LayoutParams, ChartParams, LegendParams],
                         ids=lambda cls: cls.__name__)
def test_every_threshold_has_a_docstring(params: type) -> None:
    tree = ast.parse(inspect.getsource(params))
    (cls,) = tree.body
    assert isinstance(cls, ast.ClassDef)
    documented = {
        stmt.target.id
        for stmt, after in zip(cls.body, cls.body[1:], strict=False)
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
        and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
        and isinstance(after.value.value, str)
    }
    assert documented == {f.name for f in dataclasses.fields(params)}


def test_params_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        LayoutParams().column_gap = 2.0  # type: ignore[misc]


def _line(text: str, x0: float, top: float, size: float) -> list[Word]:
    words: list[Word] = []
    for token in text.split():
        width = 0.55 * size * len(token)
        words.append(Word(text=token, bbox=(x0, top, x0 + width, top + size), size=size,
                          fontname="Helvetica"))
        x0 += width + 0.28 * size
    return words


def _kinds(params: LayoutParams) -> list[BlockKind]:
    words = _line("Betalingsachterstanden", 60, 80, 12.0)
    for i in range(6):
        words += _line("De huurachterstand van corporaties daalde weer in dit jaar.", 60,
                       110 + 13 * i, 10.0)
    (page,) = layout_pages([Page(number=1, width=595, height=842, words=words)], params)
    return [b.kind for b in page.blocks]


def test_a_changed_threshold_changes_the_layout() -> None:
    assert _kinds(LayoutParams())[0] is BlockKind.HEADING
    assert _kinds(LayoutParams(heading_size=1.3))[0] is BlockKind.PARAGRAPH


LEGEND_KEYS: list[tuple[str, BBox, bool]] = [
    ("square key", (0, 0, 10, 10), True),
    ("flat bar of matplotlib, 20 by 7", (0, 0, 20, 7), True),
    ("tall narrow bar of a chart", (0, 0, 4, 12), False),
    ("bar larger than a text line", (0, 0, 20, 30), False),
    ("wide bar", (0, 0, 40, 7), False),
    ("hairline", (0, 0, 20, 1), False),
]


@pytest.mark.parametrize(("box", "expected"), [c[1:] for c in LEGEND_KEYS],
                         ids=[c[0] for c in LEGEND_KEYS])
def test_one_definition_of_a_legend_key(box: BBox, expected: bool) -> None:
    assert is_legend_key(box) is expected
    assert ChartParams().legend == LayoutParams().legend


def test_a_key_beside_the_chart_must_stand_level_and_within_reach() -> None:
    chart: BBox = (100, 100, 300, 250)
    assert key_beside(chart, (380, 150, 390, 160))
    assert not key_beside(chart, (420, 150, 430, 160))
    assert not key_beside(chart, (380, 90, 390, 100))
    assert key_beside(chart, (420, 150, 430, 160), LegendParams(reach=150.0))
