"""Review: check, correct and add facts on the page, and keep every decision across rebuilds.

`rapportextract review OUTDIR` serves a page on 127.0.0.1 (`review.server`) where a reviewer
accepts, rejects, corrects and adds facts; each decision is appended to a JSON Lines file beside
the reports (`review.decisions`). `build --review FILE` applies them (`review.apply`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rapportextract.export.atomic import atomic_write_text
from rapportextract.models import DocumentSummary, Fact
from rapportextract.review.apply import (
    ReviewOutcome,
    Unmatched,
    added_fact_id,
    apply_decisions,
    mark_corrected,
)
from rapportextract.review.decisions import (
    Decision,
    DecisionLog,
    append_decision,
    default_review_path,
    load_decisions,
)

BUILD_JSON = "build.json"

__all__ = [
    "BUILD_JSON",
    "Decision",
    "DecisionLog",
    "ReviewOutcome",
    "Unmatched",
    "added_fact_id",
    "append_decision",
    "apply_decisions",
    "apply_review",
    "default_review_path",
    "load_decisions",
    "mark_corrected",
    "write_build_json",
]


def apply_review(
    path: Path, facts: list[Fact], documents: list[DocumentSummary], catalogue: Any = None
) -> tuple[list[Fact], ReviewOutcome]:
    """`apply_decisions` with the decisions of the file at `path`; `catalogue` names the
    concepts of added figures."""
    labels = {c.id: catalogue.label(c.id) for c in catalogue} if catalogue is not None else {}
    return apply_decisions(facts, load_decisions(path), documents, labels=labels)


def write_build_json(
    outdir: Path, inputs: list[Path], documents: list[DocumentSummary],
    review: ReviewOutcome | None, catalogue: Path | None = None,
    report: dict[str, Any] | None = None,
) -> Path:
    """``build.json``: the build's input paths and each report's absolute path (so `review`
    finds the reports from any folder), the user's catalogue file if any, and what applying a
    decisions file did; and `report`'s keys (the build's counts, warnings and disagreements,
    `batch.report.build_record`)."""
    record: dict[str, Any] = {
        "inputs": [str(Path(p).resolve()) for p in inputs],
        "catalogue": str(Path(catalogue).resolve()) if catalogue is not None else None,
        "documents": [{"name": d.name, "sha256": d.sha256, "path": str(Path(d.path).resolve())}
                      for d in documents],
        "review": review.to_dict() if review is not None else None,
        **(report or {}),
    }
    target = Path(outdir) / BUILD_JSON
    atomic_write_text(target, json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    return target
