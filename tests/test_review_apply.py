"""Applying decisions: rejected facts leave, corrected ones change, added ones appear, and a
decision that fits no fact is listed, never dropped."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from rapportextract.models import DocumentSummary, Fact, Source
from rapportextract.review.apply import added_fact_id, apply_decisions, mark_corrected
from rapportextract.review.decisions import (
    Decision,
    DecisionLog,
    Match,
    clean_fields,
)
from rapportextract.series import build_series

SHA = "b" * 64
DOC = DocumentSummary(path="r/a-2023.pdf", name="a-2023.pdf", sha256=SHA, source_type="pdf",
                      edition=2023, pages=3)


def _fact(fact_id: str, value: str, text: str, page: int = 1) -> Fact:
    return Fact(
        id=fact_id, document=DOC.name, edition=2023, concept="total_rent_arrears_eur",
        subject="huurachterstand", value=Decimal(value), unit="EUR", period="2022",
        confidence=0.8,
        source=Source(page=page, bbox=(10, 10, 50, 20), sentence=f"De achterstand was {text}.",
                      text=text, start=19, end=19 + len(text)),
    )


def _log(*decisions: tuple[str, str, dict[str, Any], Match | None]) -> DecisionLog:
    log = DecisionLog(Path("review.jsonl"))
    for line, (fact_id, action, fields, match) in enumerate(decisions, 1):
        log.decisions.append(Decision(fact_id, SHA, action,  # type: ignore[arg-type]
                                      clean_fields(action, fields), "t", match, line))
    return log


def test_reject_correct_accept() -> None:
    facts = [_fact("f1", "205000000", "€ 205 miljoen"), _fact("f2", "21000000", "€ 21 miljoen"),
             _fact("f3", "244000000", "€ 244 miljoen")]
    out, outcome = apply_decisions(facts, _log(
        ("f1", "reject", {}, None),
        ("f2", "correct", {"value": "210000000", "period": "2021"}, None),
        ("f3", "accept", {}, None),
    ), [DOC])
    by_id = {f.id: f for f in out}
    assert set(by_id) == {"f2", "f3"}
    assert by_id["f2"].value == Decimal("210000000") and by_id["f2"].period == "2021"
    assert by_id["f2"].source.note == "corrected by a reviewer"
    assert by_id["f3"].value == Decimal("244000000") and by_id["f3"].confidence == 1.0
    assert (outcome.applied, outcome.rejected, outcome.corrected, outcome.accepted) == (
        3, ["f1"], ["f2"], ["f3"])
    assert outcome.unmatched == []


def test_a_later_decision_supersedes() -> None:
    facts = [_fact("f1", "5", "€ 5")]
    out, outcome = apply_decisions(facts, _log(
        ("f1", "reject", {}, None), ("f1", "accept", {}, None)), [DOC])
    assert [f.id for f in out] == ["f1"] and outcome.accepted == ["f1"]


def test_a_fact_whose_id_changed_is_found_by_page_figure_and_value() -> None:
    facts = [_fact("new-id", "205000000", "€ 205 miljoen", page=2)]
    out, outcome = apply_decisions(facts, _log(
        ("old-id", "reject", {}, Match(2, "€  205 miljoen", "205000000")),
        ("gone", "reject", {}, Match(2, "€ 99 miljoen", "99000000")),
    ), [DOC])
    assert out == []
    assert outcome.rejected == ["new-id"]
    assert [(u.decision.fact_id, u.decision.line) for u in outcome.unmatched] == [("gone", 2)]
    assert "no longer reads it" in outcome.unmatched[0].reason


def test_decisions_about_a_changed_report_are_unmatched() -> None:
    facts = [_fact("f1", "5", "€ 5")]
    log = _log(("f1", "reject", {}, None))
    other = DOC.model_copy(update={"sha256": "c" * 64})
    out, outcome = apply_decisions(facts, log, [other])
    assert out == facts
    assert outcome.applied == 0
    assert "content changed" in outcome.unmatched[0].reason
    assert outcome.to_dict()["unmatched"][0]["fact_id"] == "f1"


def test_an_added_figure_enters_with_origin_review_and_follows_later_decisions() -> None:
    fact_id = added_fact_id(SHA, 2, "ruim 4.000 huishoudens")
    add = {"value": "4000", "unit": "count", "period": "2022", "page": 2,
           "text": "ruim 4.000 huishoudens", "qualifier": "more_than", "bbox": [1, 2, 3, 4]}
    out, outcome = apply_decisions([], _log((fact_id, "add", add, None)), [DOC])
    assert len(out) == 1 and outcome.added == [fact_id]
    fact = out[0]
    assert fact.source.origin == "review" and fact.source.bbox == (1, 2, 3, 4)
    assert (fact.value, fact.qualifier, fact.edition, fact.id) == (
        Decimal("4000"), "more_than", 2023, fact_id)
    out, _ = apply_decisions([], _log((fact_id, "add", add, None),
                                      (fact_id, "correct", {"value": "4100"}, None)), [DOC])
    assert out[0].value == Decimal("4100") and out[0].qualifier == "more_than"
    out, outcome = apply_decisions([], _log((fact_id, "add", add, None),
                                            (fact_id, "reject", {}, None)), [DOC])
    assert out == [] and outcome.unmatched == []


def test_series_mark_corrected_values() -> None:
    facts = [_fact("f1", "205000000", "€ 205 miljoen")]
    out, outcome = apply_decisions(facts, _log(("f1", "correct", {"value": "206000000"}, None)),
                                   [DOC])
    series_file = build_series(out)
    mark_corrected(series_file, outcome.corrected)
    observation = next(s for s in series_file.series
                       if s.concept == "total_rent_arrears_eur").observations[0]
    assert observation.status == "corrected" and observation.value == Decimal("206000000")
    assert observation.vintages[0].status == "corrected"
