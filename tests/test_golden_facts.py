"""Golden facts: the prose facts of each fixture report, compared with a reviewed file.

A change in extraction shows up here as a diff against tests/golden/<report>.json. Where the
change is intended, regenerate with ``pytest tests/test_golden_facts.py --update-golden`` and
review the diff like code.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from rapportextract.facts import extract_facts
from rapportextract.ingest import read_document
from rapportextract.models import DocumentSummary, ExtractOutput
from rapportextract.schema import facts_schema

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
# The corpus reports are pinned by corpus/manifest.json, so their golden files change only
# when extraction does (or when the corpus is deliberately re-rendered).
REPORTS = sorted((ROOT / "corpus").glob("*.pdf"))


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 2)
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def _facts_json(path: Path) -> tuple[str, dict[str, Any]]:
    # The golden boxes are the reference engine's to the hundredth of a point; the PDFium
    # engine gives the same facts with boxes within a point (tests/test_engines.py).
    doc = read_document(path, engine="pdfplumber")
    facts = extract_facts(doc)
    output = ExtractOutput(
        documents=[DocumentSummary(path=path.name, name=doc.name, sha256=doc.sha256,
                                   source_type=doc.source_type, edition=doc.edition,
                                   pages=len(doc.pages), facts=len(facts))],
        facts=facts,
    )
    data: dict[str, Any] = json.loads(output.model_dump_json())
    text = json.dumps(_rounded(data["facts"]), indent=1, ensure_ascii=False, sort_keys=True)
    return text + "\n", data


@pytest.mark.parametrize("report", [p for p in REPORTS if p.exists()], ids=lambda p: p.stem)
def test_golden_facts(report: Path, update_golden: bool) -> None:
    text, data = _facts_json(report)
    jsonschema.validate(data, facts_schema())
    golden = GOLDEN / f"{report.stem}.json"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
        return
    if not golden.exists():
        pytest.fail(f"{golden.name} missing: run pytest --update-golden and review it")
    expected = golden.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), text.splitlines(keepends=True),
            fromfile=f"golden/{golden.name}", tofile="extracted", n=2))
        pytest.fail(f"facts of {report.name} differ from the golden file:\n{diff[:6000]}")
