"""The facts of wording the project did not write (issue 14), from the case table
tests/cases/facts_wording.yaml: scope, references back, ellipsis and lists, currency from
context.

A case gives either `text`, the sentences of one paragraph (the figures asked about are those of
the last), or `document`: a `title` on a first page of its own and `paragraphs` on the next, read
from a text file by the whole pipeline as a real document is (its publisher, its paragraphs);
the figures asked about are those of the last paragraph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from rapportextract.facts import extract_facts
from rapportextract.models import BlockKind, Document, Fact, Sentence
from rapportextract.pipeline import extract

CASES_DIR = Path(__file__).parent / "cases"
# facts_wording.yaml: scope, references, lists; facts_changes.yaml: stated changes, money;
# facts_concepts.yaml: figures whose sentence names a concept they do not measure
CASE_FILES = ("facts_wording.yaml", "facts_changes.yaml", "facts_concepts.yaml",
              "facts_money_more.yaml", "facts_changes_more.yaml",
              "facts_periods_more.yaml", "facts_events_back.yaml",
              "facts_time_of_writing.yaml", "facts_money_funds.yaml",
              "facts_set_against.yaml", "facts_precision_real.yaml",
              "facts_scope_real.yaml", "facts_changes_real.yaml",
              "facts_debts_not_rent.yaml", "facts_reason_lists.yaml",
              "facts_restated_year.yaml", "facts_scope_inhabitants.yaml",
              "facts_periods_real.yaml")


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


def _document_facts(document: dict[str, Any], edition: int, folder: Path) -> list[Fact]:
    """The facts of the last paragraph of a document written as text: its title on page 1,
    its paragraphs on page 2."""
    paragraphs = [" ".join(p.split()) for p in document["paragraphs"]]
    path = folder / "case.txt"
    path.write_text(document.get("title", "Tekst") + "\n\f" + "\n\n".join(paragraphs) + "\n",
                    encoding="utf-8")
    last = paragraphs[-1]
    return [f for f in extract(path, edition=edition, ocr=False).facts
            if not f.derived and f.source.sentence in last]


@pytest.mark.parametrize("case", _cases())
def test_wording_case(case: dict[str, Any], tmp_path: Path) -> None:
    if "document" in case:
        facts = _document_facts(case["document"], case["edition"], tmp_path)
    else:
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
