"""Case tables for the Dutch quantity recogniser (tests/cases/quantities/*.yaml).

Each file groups the cases of one phenomenon. A case gives a sentence and every quantity
expected in it, in order; unspecified fields are not checked, ``note`` is a part of one of the
quantity's notes. ``skipped`` (where given) lists every number the recogniser skipped, as
``{text, reason}``, in order. A case with ``xfail: reason``
is a known failure and runs as a strict xfail, so that a fix shows up.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from rapportextract.models import Quantity
from rapportextract.quantities import find_quantities
from rapportextract.quantities.recogniser import read_sentence

CASES_DIR = Path(__file__).parent / "cases" / "quantities"
_FIELDS = ("value", "unit", "kind", "qualifier", "text", "form", "scale", "ambiguous")


def _load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        table = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in table["cases"]:
            marks = []
            if case.get("xfail"):
                marks.append(pytest.mark.xfail(reason=case["xfail"], strict=True))
            params.append(
                pytest.param(case["text"], case["expect"], case.get("skipped"),
                             id=f"{path.stem}/{case['id']}", marks=marks)
            )
    return params


def _actual(q: Quantity, wanted: dict[str, Any]) -> dict[str, Any]:
    return {name: getattr(q, name) for name in _FIELDS if name in wanted}


def _expected(wanted: dict[str, Any]) -> dict[str, Any]:
    result = {name: wanted[name] for name in _FIELDS if name in wanted}
    if "value" in result:
        result["value"] = Decimal(str(result["value"]))
    return result


@pytest.mark.parametrize(("text", "expect", "skipped"), _load_cases())
def test_case(
    text: str, expect: list[dict[str, Any]], skipped: list[dict[str, str]] | None
) -> None:
    found, skips = read_sentence(text)
    assert [q.model_dump() for q in found] == [q.model_dump() for q in find_quantities(text)]
    if skipped is not None:
        assert [{"text": s.text, "reason": s.reason} for s in skips] == skipped
    assert [_actual(q, w) for q, w in zip(found, expect, strict=False)] == [
        _expected(w) for w in expect
    ], f"found {[(str(q.value), q.unit, q.kind, q.qualifier, q.text) for q in found]}"
    assert len(found) == len(expect), f"found {[q.text for q in found]}"
    for q in found:
        assert text[q.start : q.end] == q.text
    for q, wanted in zip(found, expect, strict=False):
        if "note" in wanted:
            assert any(wanted["note"] in note for note in q.notes), q.notes


def test_case_ids_are_unique() -> None:
    ids = [p.id for p in _load_cases()]
    assert len(ids) == len(set(ids))


def test_case_tables_are_large_enough() -> None:
    assert len(_load_cases()) >= 300


def _words(text: str) -> list[str]:
    return [w.strip(".,;:!?()‘’'\"").lower() for w in text.split() if w.strip(".,;:!?()‘’'\"")]


def test_no_case_repeats_the_reference_text() -> None:
    """Case sentences are written for rapportextract: none repeats 9 consecutive words of the
    reference edition."""
    seed = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(seed.glob("*.txt"))]
    if not texts:
        pytest.skip("reference text ../shared/seeds not present")
    seed_words = _words(" ".join(texts))
    seen = {tuple(seed_words[i : i + 9]) for i in range(len(seed_words) - 8)}
    for param in _load_cases():
        words = _words(param.values[0])
        copied = [" ".join(words[i : i + 9]) for i in range(len(words) - 8)
                  if tuple(words[i : i + 9]) in seen]
        assert not copied, (param.id, copied)
