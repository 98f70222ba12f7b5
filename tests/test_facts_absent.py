"""Figures that must give no fact, from the `absent` and `skipped` lists of the case table
tests/cases/facts_changes_more.yaml and facts_changes_real.yaml: each such number is skipped,
with its reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from rapportextract.facts import extract_facts
from rapportextract.models import BlockKind, Document, Fact, Sentence
from rapportextract.quantities.recogniser import read_sentence

CASES = tuple(Path(__file__).parent / "cases" / name
              for name in ("facts_changes_more.yaml", "facts_changes_real.yaml"))


def _cases() -> list[Any]:
    tables = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in CASES]
    return [pytest.param(case, id=f"{group}-{case['id']}")
            for table in tables for group, cases in table.items() for case in cases
            if case.get("absent") or case.get("skipped")]


def _facts(texts: list[str], edition: int) -> list[Fact]:
    doc = Document(
        path="cases.txt", name="cases.txt", sha256="3" * 64, source_type="text",
        edition=edition,
        sentences=[Sentence(id=f"p1-b0-s{i}", page=1, block_id="p1-b0",
                            block_kind=BlockKind.PARAGRAPH, text=text)
                   for i, text in enumerate(texts)],
    )
    return [f for f in extract_facts(doc) if not f.derived]


@pytest.mark.parametrize("case", _cases())
def test_absent_case(case: dict[str, Any]) -> None:
    last = " ".join(case["text"][-1].split())
    facts = [f for f in _facts(case["text"], case["edition"]) if f.source.sentence == last]
    for figure in case.get("absent", []):
        start = last.index(figure)
        overlapping = [f.source.text for f in facts
                       if f.source.start < start + len(figure) and start < f.source.end]
        assert not overlapping, (figure, overlapping)
    skips = read_sentence(last)[1]
    for figure, reason in case.get("skipped", {}).items():
        assert any(s.text == figure and s.reason == reason for s in skips), \
            (figure, [(s.text, s.reason) for s in skips])
