"""The decisions file: appended whole, read back in order, torn lines reported, not fatal."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rapportextract.review.decisions import (
    Decision,
    Match,
    append_decision,
    clean_fields,
    default_review_path,
    load_decisions,
)

SHA = "a" * 64


def _decision(fact_id: str, action: str = "accept", **fields: Any) -> Decision:
    return Decision(fact_id, SHA, action, clean_fields(action, fields),  # type: ignore[arg-type]
                    "2026-01-01T00:00:00Z", Match(2, "€ 5 miljoen", "5000000"))


def test_appended_decisions_read_back_in_order(tmp_path: Path) -> None:
    path = tmp_path / "review.jsonl"
    append_decision(path, _decision("f1", "reject"))
    append_decision(path, _decision("f2", "correct", value="12.5", unit="percent"))
    append_decision(path, _decision("f1", "accept"))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    assert json.loads(lines[1])["fields"] == {"value": "12.5", "unit": "percent"}
    log = load_decisions(path)
    assert [d.fact_id for d in log.decisions] == ["f1", "f2", "f1"]
    assert log.decisions[0].match == Match(2, "€ 5 miljoen", "5000000")
    assert log.problems == []
    latest = log.latest()
    assert latest[(SHA, "f1")].action == "accept"  # the later decision supersedes
    assert latest[(SHA, "f2")].fields["unit"] == "percent"


def test_a_torn_last_line_is_reported_and_the_next_decision_stays_whole(tmp_path: Path) -> None:
    path = tmp_path / "review.jsonl"
    append_decision(path, _decision("f1", "reject"))
    with open(path, "ab") as fh:  # a crash in the middle of a write
        fh.write(b'{"fact_id": "f2", "document_sha')
    log = load_decisions(path)
    assert [d.fact_id for d in log.decisions] == ["f1"]
    assert len(log.problems) == 1 and "torn last line" in log.problems[0]
    append_decision(path, _decision("f3", "accept"))
    log = load_decisions(path)
    assert [d.fact_id for d in log.decisions] == ["f1", "f3"]
    assert "unreadable line" in log.problems[0]


def test_a_missing_file_holds_no_decisions(tmp_path: Path) -> None:
    log = load_decisions(tmp_path / "none.jsonl")
    assert log.decisions == [] and log.problems == []


def test_default_location_is_beside_the_reports(tmp_path: Path) -> None:
    report = tmp_path / "a.pdf"
    report.write_bytes(b"%PDF")
    assert default_review_path(tmp_path) == tmp_path / "review.jsonl"
    assert default_review_path(report) == tmp_path / "review.jsonl"


@pytest.mark.parametrize(("action", "fields", "message"), [
    pytest.param("correct", {"value": "twelve"}, "not a number", id="value-not-a-number"),
    pytest.param("correct", {"value": "NaN"}, "not a number", id="value-nan"),
    pytest.param("correct", {"unit": "dollar"}, "unit must be one of", id="unknown-unit"),
    pytest.param("correct", {"kind": "stock"}, "kind must be one of", id="unknown-kind"),
    pytest.param("correct", {"path": "/etc/passwd"}, "unknown field", id="unknown-field"),
    pytest.param("correct", {"page": 2}, "unknown field", id="page-only-on-add"),
    pytest.param("add", {"value": "3", "unit": "count", "period": "2020", "page": 0,
                         "text": "3"}, "page must be", id="add-page-zero"),
    pytest.param("add", {"value": "3", "unit": "count"}, "needs period, page, text",
                 id="add-incomplete"),
    pytest.param("add", {"value": "3", "unit": "count", "period": "2020", "page": 1,
                         "text": "3", "bbox": [1, 2]}, "bbox must be", id="add-short-bbox"),
])
def test_malformed_fields_are_refused(action: str, fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        clean_fields(action, fields)


def test_fields_are_normalised() -> None:
    assert clean_fields("correct", {"value": " 1.50 ", "concept": "", "scope": "region"}) == {
        "value": "1.50", "concept": None, "scope": "region"}
