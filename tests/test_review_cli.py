"""`build --review` and `eval --review` from the command line: decisions applied, unmatched
ones listed in the summary and build.json, reviewed facts scored as gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rapportextract.batch import build
from rapportextract.cli import main
from rapportextract.review import Decision, added_fact_id, append_decision
from rapportextract.review.decisions import Match
from rapportextract.review.gold import evaluate_review
from rapportextract.review.state import ReviewState
from review_build import build_corpus


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return build_corpus(tmp_path_factory.mktemp("review-cli"))


def _facts(outdir: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    data = json.loads((outdir / "facts.json").read_text(encoding="utf-8"))
    return data["facts"], {d["name"]: d["sha256"] for d in data["documents"]}


def _decide(path: Path, fact: dict[str, Any], sha: str, action: str, **fields: Any) -> None:
    source = fact["source"]
    append_decision(path, Decision(fact["id"], sha, action, fields,  # type: ignore[arg-type]
                                   "2026-01-01T00:00:00Z",
                                   Match(source["page"], source["text"], str(fact["value"]))))


def test_build_review_lists_unmatched_decisions(built: tuple[Path, Path], tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    reports, outdir = built
    facts, shas = _facts(outdir)
    review = tmp_path / "review.jsonl"
    fact = facts[0]
    _decide(review, fact, shas[fact["document"]], "reject")
    # The same figure under an id the extractor no longer gives, already decided on above:
    # nothing left for it to fit.
    _decide(review, {**fact, "id": "gone"}, shas[fact["document"]], "accept")
    _decide(review, fact, "0" * 64, "reject")  # a report no longer in the build
    out = tmp_path / "out"
    assert main(["build", str(reports), "-o", str(out), "--review", str(review),
                 "--workers", "1"]) == 0
    printed = capsys.readouterr().out
    assert "1 decision applied (0 accepted, 1 rejected, 0 corrected, 0 added); " \
           "2 unmatched" in printed
    record = json.loads((out / "build.json").read_text(encoding="utf-8"))["review"]
    assert [(u["line"], u["reason"].split(",")[0]) for u in record["unmatched"]] == [
        (3, "its report is not in this build"), (2, "no fact of the report has this id")]
    assert f"unmatched: reject {fact['id']} (line 3)" in printed
    assert record["applied"] == 1
    kept, _ = _facts(out)
    assert fact["id"] not in {f["id"] for f in kept}


def test_eval_review_scores_reviewed_facts(built: tuple[Path, Path], tmp_path: Path) -> None:
    reports, outdir = built
    facts, shas = _facts(outdir)
    ours = [f for f in facts if f["document"] == "aedes-huurschulden-2023.pdf"
            and not f["derived"]][:3]
    sha = shas["aedes-huurschulden-2023.pdf"]
    review = tmp_path / "review.jsonl"
    _decide(review, ours[0], sha, "accept")
    _decide(review, ours[1], sha, "reject")
    _decide(review, ours[2], sha, "correct", period="1999")
    report = evaluate_review(reports, review)
    assert [d.document for d in report.documents] == ["aedes-huurschulden-2023.pdf"]
    scores = report.documents[0].scores
    assert (scores.gold, scores.extracted, scores.matched) == (2, 3, 2)
    assert scores.accuracy("period") == 0.5
    assert [f.id for f in report.documents[0].false_positives] == [ours[1]["id"]]


def test_review_after_a_reviewed_build_shows_every_fact_once(built: tuple[Path, Path],
                                                            tmp_path: Path) -> None:
    reports, outdir = built
    facts, shas = _facts(outdir)
    fact = facts[0]
    sha = shas[fact["document"]]
    review = tmp_path / "review.jsonl"
    _decide(review, fact, sha, "reject")
    fields = {"value": "12", "unit": "count", "period": "2021", "page": 1, "text": "twaalf"}
    append_decision(review, Decision(added_fact_id(sha, 1, "twaalf"), sha, "add", fields, "t"))
    out = tmp_path / "out"
    build([reports], out, workers=1, review=review, cache_path=tmp_path / "c.sqlite")
    kept, _ = _facts(out)
    assert fact["id"] not in {f["id"] for f in kept}
    state = ReviewState(out, review).state()
    views = [f for r in state["reports"] for f in r["facts"]]
    assert len(views) == len(facts) + 1  # the rejected one shown again, the added one once
    shown = {f["id"]: f["review"]["action"] for f in views if f["review"]}
    assert shown == {fact["id"]: "reject", added_fact_id(sha, 1, "twaalf"): "add"}
    assert state["problems"] == []
