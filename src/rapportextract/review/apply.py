"""Applying reviewers' decisions to the facts of a build, and marking the series they change.

A decision is found its fact by the document's content hash and the fact id; where the id is
gone (an extractor that numbers figures differently) by the same document, page, figure as
written and value. A decision that finds no fact (the report changed, or the figure is no
longer read) is listed as unmatched, never dropped silently.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rapportextract.models import DocumentSummary, Fact, SeriesFile, Source
from rapportextract.review.decisions import Decision, DecisionLog

REVIEW_NOTE = "corrected by a reviewer"


def added_fact_id(sha256: str, page: int, text: str) -> str:
    """The id of a figure a reviewer added: from the report's hash, the page and the words
    selected, so the same selection gives the same id."""
    key = ":".join([sha256, "review", str(page), " ".join(text.split())])
    return "review-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Unmatched:
    decision: Decision
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "fact_id": self.decision.fact_id,
            "document_sha256": self.decision.document_sha256,
            "action": self.decision.action,
            "line": self.decision.line,
            "time": self.decision.time,
            "reason": self.reason,
        }


@dataclass
class ReviewOutcome:
    """What applying a decisions file did."""

    path: str
    applied: int = 0
    accepted: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    corrected: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    left_out: list[Fact] = field(default_factory=list)
    """The facts rejected, as the extractor read them: `review` shows them again."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.path,
            "applied": self.applied,
            "accepted": len(self.accepted),
            "rejected": len(self.rejected),
            "corrected": len(self.corrected),
            "added": len(self.added),
            "unmatched": [u.to_dict() for u in self.unmatched],
            "problems": list(self.problems),
            "rejected_facts": [f.model_dump(mode="json") for f in self.left_out],
        }

    def summary_lines(self) -> list[str]:
        lines = [
            f"review {self.path}: {self.applied} "
            f"{'decision' if self.applied == 1 else 'decisions'} applied ({len(self.accepted)} "
            f"accepted, {len(self.rejected)} rejected, {len(self.corrected)} corrected, "
            f"{len(self.added)} added); {len(self.unmatched)} unmatched (in build.json)"
        ]
        lines += [f"  unmatched: {u.decision.action} {u.decision.fact_id} "
                  f"(line {u.decision.line}): {u.reason}" for u in self.unmatched]
        lines += [f"  {p}" for p in self.problems]
        return lines


def fold_decisions(log: DecisionLog) -> list[tuple[Decision, Decision | None]]:
    """Per (document, fact): the decision in force, and for a figure a reviewer added, the add
    it builds on. A later decision supersedes an earlier one; on an added figure a correction
    changes the added fields and a rejection takes it out."""
    state: dict[tuple[str, str], tuple[Decision, Decision | None]] = {}
    for d in log.decisions:
        key = (d.document_sha256, d.fact_id)
        before = state.get(key)
        base = before[1] if before is not None else None
        if d.action == "add":
            state[key] = (d, d)
        elif base is not None and d.action == "correct":
            merged = Decision(base.fact_id, base.document_sha256, "add",
                              {**base.fields, **d.fields}, d.time, base.match, d.line)
            state[key] = (merged, merged)
        elif base is not None and d.action == "accept":
            state[key] = (before[0] if before else d, base)
        else:
            state[key] = (d, base)
    return list(state.values())


def _corrected(fact: Fact, fields: dict[str, Any]) -> Fact:
    update: dict[str, Any] = {"confidence": 1.0}
    for name in ("unit", "period", "qualifier", "kind"):
        if name in fields:
            update[name] = fields[name]
    if "value" in fields:
        update["value"] = Decimal(fields["value"])
    if "concept" in fields:
        update["concept"] = fields["concept"]
        if fields["concept"]:
            update["statement"] = None
    for name in ("scope", "scope_name"):
        if name in fields:
            update[name] = fields[name]
    note = fact.source.note
    source = fact.source.model_copy(
        update={"note": f"{note}; {REVIEW_NOTE}" if note else REVIEW_NOTE})
    update["source"] = source
    return fact.model_copy(update=update)


def _added(decision: Decision, document: DocumentSummary, labels: dict[str, str]) -> Fact:
    f = decision.fields
    text = " ".join(str(f["text"]).split())
    concept = f.get("concept") or None
    bbox = f.get("bbox")
    extra: dict[str, Any] = {}
    for name in ("scope", "scope_name"):
        if f.get(name):
            extra[name] = f[name]
    return Fact(
        id=decision.fact_id,
        document=document.name,
        edition=document.edition or 0,
        concept=concept,
        subject=labels.get(concept, text) if concept else text,
        value=Decimal(f["value"]),
        unit=f["unit"],
        period=str(f["period"]),
        qualifier=f.get("qualifier", "exact"),
        kind=f.get("kind", "level"),
        confidence=1.0,
        source=Source(page=int(f["page"]), bbox=tuple(bbox) if bbox else None, sentence=text,
                      text=text, start=0, end=len(text), origin="review",
                      note="added by a reviewer"),
        statement=None if concept else " ".join(text.lower().split()),
        **extra,
    )


@dataclass
class Matched:
    """Which fact each decision in force is about (`match_decisions`)."""

    decided: dict[int, Decision] = field(default_factory=dict)
    """Index of a fact in the list -> the decision about it."""
    adds: list[Decision] = field(default_factory=list)
    """Figures reviewers added (with later corrections merged in), not rejected since."""
    dropped_adds: list[str] = field(default_factory=list)
    """Ids of figures added, then rejected."""
    unmatched: list[Unmatched] = field(default_factory=list)


def match_decisions(facts: list[Fact], log: DecisionLog,
                    documents: Iterable[DocumentSummary]) -> Matched:
    """Find each decision in force its fact: by document hash and fact id, else (an id the
    extractor no longer gives) by document, page, figure as written and value."""
    matched = Matched()
    by_sha = {d.sha256: d for d in documents}
    name_sha = {d.name: d.sha256 for d in by_sha.values()}
    index: dict[tuple[str, str], int] = {}
    for i, fact in enumerate(facts):
        sha = name_sha.get(fact.document)
        if sha is not None:
            index.setdefault((sha, fact.id), i)
    fallback: list[Decision] = []
    for decision, base in fold_decisions(log):
        if decision.document_sha256 not in by_sha:
            matched.unmatched.append(Unmatched(
                decision, "its report is not in this build, or its content changed"))
        elif base is not None:
            if decision.action == "reject":
                matched.dropped_adds.append(decision.fact_id)
            else:
                matched.adds.append(decision)
        elif (decision.document_sha256, decision.fact_id) in index:
            matched.decided[index[(decision.document_sha256, decision.fact_id)]] = decision
        else:
            fallback.append(decision)
    for decision in fallback:
        found = _find_again(facts, decision, by_sha[decision.document_sha256].name,
                            matched.decided)
        if found is None:
            matched.unmatched.append(Unmatched(
                decision, "no fact of the report has this id, or this page, figure and value "
                          "(the extractor no longer reads it)"))
        else:
            matched.decided[found] = decision
    return matched


def apply_decisions(
    facts: list[Fact],
    log: DecisionLog,
    documents: Iterable[DocumentSummary],
    *,
    labels: dict[str, str] | None = None,
) -> tuple[list[Fact], ReviewOutcome]:
    """The facts with the decisions of `log` applied: rejected ones left out, corrected ones
    with the reviewer's values (and a note saying so), accepted ones with confidence 1, and
    added ones (origin "review") appended. `labels`: concept id to label, for the subject of
    an added figure."""
    documents = list(documents)
    by_sha = {d.sha256: d for d in documents}
    matched = match_decisions(facts, log, documents)
    decided, adds = matched.decided, matched.adds
    outcome = ReviewOutcome(str(log.path), problems=list(log.problems),
                            unmatched=matched.unmatched, rejected=list(matched.dropped_adds),
                            applied=len(matched.dropped_adds))
    out: list[Fact] = []
    for i, fact in enumerate(facts):
        if i not in decided:
            out.append(fact)
            continue
        decision = decided[i]
        outcome.applied += 1
        if decision.action == "reject":
            outcome.rejected.append(fact.id)
            outcome.left_out.append(fact)
        elif decision.action == "correct":
            out.append(_corrected(fact, decision.fields))
            outcome.corrected.append(fact.id)
        else:
            out.append(fact.model_copy(update={"confidence": 1.0}))
            outcome.accepted.append(fact.id)
    for decision in adds:
        document = by_sha[decision.document_sha256]
        out.append(_added(decision, document, labels or {}))
        outcome.added.append(decision.fact_id)
        outcome.applied += 1
    return out, outcome


def _find_again(facts: list[Fact], decision: Decision, document: str,
                taken: dict[int, Decision]) -> int | None:
    match = decision.match
    if match is None:
        return None
    for i, fact in enumerate(facts):
        if (i not in taken and fact.document == document and fact.source.page == match.page
                and " ".join(fact.source.text.split()) == " ".join(match.text.split())
                and Decimal(match.value or "NaN") == fact.value):
            return i
    return None


def mark_corrected(series_file: SeriesFile, corrected: Iterable[str]) -> None:
    """Give the vintages and observations whose value comes from a corrected fact the status
    ``corrected``."""
    ids = set(corrected)
    if not ids:
        return
    for series in series_file.series:
        for observation in series.observations:
            for vintage in observation.vintages:
                if vintage.fact_ids and vintage.fact_ids[0] in ids:
                    vintage.status = "corrected"
            if observation.fact_ids and observation.fact_ids[0] in ids:
                observation.status = "corrected"
