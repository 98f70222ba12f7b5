"""`eval --review FILE`: score the extractor against what reviewers decided.

The reviewed facts are the gold: accepted ones as they are, corrected ones with the reviewer's
values, added ones as figures the extractor missed; rejected ones are not gold. The facts scored
are those a reviewer saw (decided on), so a figure nobody looked at counts neither way: a
rejected fact is a false positive, a correction shows as a wrong attribute or a miss, an added
figure as a miss.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from rapportextract.errors import RapportExtractError
from rapportextract.evaluate import DocumentEval, EvalReport, GoldFact, evaluate_document
from rapportextract.models import DocumentSummary, Fact
from rapportextract.review.apply import apply_decisions
from rapportextract.review.decisions import DecisionLog, load_decisions


def gold_of(facts: list[Fact], reviewed_ids: set[str]) -> list[GoldFact]:
    """The facts a reviewer kept, as gold facts."""
    return [
        GoldFact(
            edition=f.edition, document=f.document, anchor=f.source.text, value=f.value,
            unit=f.unit, kind=f.kind, qualifier=f.qualifier, period=f.period,
            base_period=f.base_period, concept=f.concept, page=f.source.page,
            origin=f.source.origin, subject=f.subject,
        )
        for f in facts if f.id in reviewed_ids
    ]


def score_document(facts: list[Fact], summary: DocumentSummary, log: DecisionLog
                   ) -> DocumentEval | None:
    """One report's scores against its reviewed decisions; None where it has none."""
    kept, outcome = apply_decisions(facts, log, [summary])
    kept_ids = set(outcome.accepted) | set(outcome.corrected) | set(outcome.added)
    seen = kept_ids | set(outcome.rejected)
    if not seen:
        return None
    scored = [f for f in facts if f.id in seen]
    return evaluate_document(scored, gold_of(kept, kept_ids), name=summary.name,
                             edition=summary.edition)


def evaluate_review(corpus: Path, review_path: Path) -> EvalReport:
    """Extract every report under `corpus` and score those with decisions in the file."""
    from rapportextract.batch import collect_reports
    from rapportextract.pipeline import extract

    log = load_decisions(review_path)
    wanted = {d.document_sha256 for d in log.decisions}
    reports, _ = collect_reports([corpus])
    out: list[DocumentEval] = []
    for path in reports:
        try:
            extraction = extract(path)
        except RapportExtractError as exc:
            if _sha256(path) in wanted:  # reviewed once, unreadable now: say so
                failed = evaluate_document([], [], name=path.name)
                failed.error = str(exc)
                out.append(failed)
            continue
        summary = extraction.summary()
        if summary.sha256 not in wanted:
            continue
        scored = score_document(list(extraction.facts), summary, log)
        if scored is not None:
            out.append(scored)
    return EvalReport(documents=out)


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""
