"""The facts of wording the project did not write (issue 14), from the case table
tests/cases/facts_wording.yaml: scope, references back, ellipsis and lists, currency from
context."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from rapportextract.facts import extract_facts
from rapportextract.models import BlockKind, Document, Fact, Sentence

CASES_DIR = Path(__file__).parent / "cases"
# facts_wording.yaml: scope, references, lists; facts_changes.yaml: stated changes, money;
# facts_concepts.yaml: figures whose sentence names a concept they do not measure
CASE_FILES = ("facts_wording.yaml", "facts_changes.yaml", "facts_concepts.yaml",
              "facts_money_more.yaml", "facts_changes_more.yaml",
              "facts_periods_more.yaml", "facts_changes_real.yaml")


def _cases() -> list[Any]:
    params = []
    groups = {}
    for name in CASE_FILES:
        table = yaml.safe_load((CASES_DIR / name).read_text(encoding="utf-8"))
        groups.update(table)
    for group, cases in groups.items():
        for case in cases:
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] \
                if case.get("xfail") else []
            params.append(pytest.param(case, id=f"{group}-{case['id']}", marks=marks))
    return params


def _facts(texts: list[str], edition: int, heading: str | None = None) -> list[Fact]:
    doc = Document(
        path="cases.txt", name="cases.txt", sha256="2" * 64, source_type="text",
        edition=edition,
        sentences=[
            Sentence(id=f"p1-b0-s{i}", page=1, block_id="p1-b0",
                     block_kind=BlockKind.PARAGRAPH, text=text, heading=heading)
            for i, text in enumerate(texts)
        ],
    )
    return [f for f in extract_facts(doc) if not f.derived]


@pytest.mark.parametrize("case", _cases())
def test_wording_case(case: dict[str, Any]) -> None:
    # The figures asked about are those of the last sentence; the others are its context.
    last = " ".join(case["text"][-1].split())
    facts = [f for f in _facts(case["text"], case["edition"], case.get("heading"))
             if f.source.sentence == last]
    for figure, expected in case["expect"].items():
        # A figure is named as written; a change may be read with its verb ("steeg ... 3,1%").
        found = [f for f in facts
                 if f.source.text == figure or f.source.text.endswith(" " + figure)]
        assert found, f"{figure!r} not found in {[f.source.text for f in facts]}"
        fact = found[-1]
        got = {key: (str(getattr(fact, key)) if key == "value" else getattr(fact, key))
               for key in expected}
        want = {key: (str(v) if key == "value" else v) for key, v in expected.items()}
        assert got == want, (figure, fact.diagnostics)
