"""Scores (precision, recall, F1, attribute accuracy) per document and overall, as a dict,
JSON or text."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rapportextract.evaluate.gold import GoldFact
from rapportextract.evaluate.matching import ATTRIBUTES, Match, Miss
from rapportextract.models import Fact


def _ratio(num: int, den: int) -> float | None:
    return None if den == 0 else num / den


def number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass
class Scores:
    gold: int = 0
    extracted: int = 0
    matched: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTES, 0))

    @property
    def false_positives(self) -> int:
        return self.extracted - self.matched

    @property
    def misses(self) -> int:
        return self.gold - self.matched

    @property
    def precision(self) -> float | None:
        return _ratio(self.matched, self.extracted)

    @property
    def recall(self) -> float | None:
        return _ratio(self.matched, self.gold)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)

    def accuracy(self, attribute: str) -> float | None:
        return _ratio(self.correct[attribute], self.matched)

    def add(self, other: Scores) -> None:
        self.gold += other.gold
        self.extracted += other.extracted
        self.matched += other.matched
        for name in ATTRIBUTES:
            self.correct[name] += other.correct[name]

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "extracted": self.extracted,
            "matched": self.matched,
            "false_positives": self.false_positives,
            "misses": self.misses,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "accuracy": {name: self.accuracy(name) for name in ATTRIBUTES},
        }


@dataclass
class DocumentEval:
    document: str
    edition: int
    scores: Scores
    matches: list[Match] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    false_positives: list[Fact] = field(default_factory=list)
    derived_skipped: int = 0
    skipped_numbers: dict[str, int] = field(default_factory=dict)
    """How many numbers of the prose were no figures, by reason ("year", "reference")."""
    error: str | None = None
    """Set where the document could not be read: all its gold facts count as misses."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "edition": self.edition,
            **self.scores.to_dict(),
            "derived_skipped": self.derived_skipped,
            "skipped_numbers": self.skipped_numbers,
            "error": self.error,
            "misses": [_gold_dict(m.gold) | {"sentence": m.sentence} for m in self.misses],
            "false_positives": [_fact_dict(f) for f in self.false_positives],
            "wrong_attributes": [
                {"gold": _gold_dict(m.gold), "found": _fact_dict(m.fact),
                 "wrong": {k: {"found": v[0], "gold": v[1]} for k, v in m.wrong().items()}}
                for m in self.matches if m.wrong()
            ],
        }


def _gold_dict(gold: GoldFact) -> dict[str, Any]:
    data = gold.model_dump(exclude={"value"})
    data["value"] = number(gold.value)
    return data


def _fact_dict(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "text": fact.source.text,
        "value": number(Decimal(fact.value)),
        "unit": fact.unit,
        "kind": fact.kind,
        "qualifier": fact.qualifier,
        "period": fact.period,
        "concept": fact.concept,
        "page": fact.source.page,
        "origin": fact.source.origin,
        "sentence": fact.source.sentence,
    }


@dataclass
class EvalReport:
    documents: list[DocumentEval]

    @property
    def overall(self) -> Scores:
        total = Scores()
        for doc in self.documents:
            total.add(doc.scores)
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_dict(),
            "documents": [doc.to_dict() for doc in self.documents],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def to_text(self) -> str:
        head = (f"{'document':<40} {'gold':>5} {'found':>5} {'match':>5} {'fp':>4} {'miss':>4} "
                f"{'prec':>5} {'rec':>5} {'f1':>5} {'period':>6} {'concept':>7} {'qualif':>6}")
        lines = [head, "-" * len(head)]
        for doc in self.documents:
            label = f"{doc.document} ({doc.edition})"
            lines.append(_score_line(label, doc.scores))
        lines.append("-" * len(head))
        lines.append(_score_line("overall", self.overall))
        for doc in self.documents:
            if doc.error:
                lines.append(f"\n{doc.document}: not read: {doc.error}")
            if doc.skipped_numbers:
                reasons = ", ".join(f"{reason} {n}" for reason, n in doc.skipped_numbers.items())
                lines.append(f"\n{doc.document}: numbers skipped as no figures: {reasons}")
            wrong = [m for m in doc.matches if m.wrong()]
            if not (doc.misses or doc.false_positives or wrong):
                continue
            lines.append(f"\n== {doc.document}")
            for miss in doc.misses:
                g = miss.gold
                lines.append(f"  miss  p{g.page} {g.origin:<5} {g.anchor!r} = {_describe_gold(g)}")
                if miss.sentence:
                    lines.append(f"        in: {miss.sentence}")
            for fact in doc.false_positives:
                lines.append(f"  extra p{fact.source.page} {fact.source.origin:<5} "
                             f"{fact.source.text!r} = {_describe_fact(fact)}")
                lines.append(f"        in: {fact.source.sentence}")
            for match in wrong:
                diffs = ", ".join(f"{k} {found!r} (gold {gold!r})"
                                  for k, (found, gold) in match.wrong().items())
                lines.append(f"  wrong p{match.gold.page} {match.gold.anchor!r}: {diffs}")
        return "\n".join(lines) + "\n"


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.2f}"


def _score_line(label: str, s: Scores) -> str:
    return (f"{label[:40]:<40} {s.gold:>5} {s.extracted:>5} {s.matched:>5} "
            f"{s.false_positives:>4} {s.misses:>4} {_fmt(s.precision):>5} {_fmt(s.recall):>5} "
            f"{_fmt(s.f1):>5} {_fmt(s.accuracy('period')):>6} {_fmt(s.accuracy('concept')):>7} "
            f"{_fmt(s.accuracy('qualifier')):>6}")


def _describe_gold(g: GoldFact) -> str:
    return f"{number(g.value)} {g.unit} {g.kind} {g.qualifier} {g.period} {g.concept}"


def _describe_fact(f: Fact) -> str:
    return f"{number(Decimal(f.value))} {f.unit} {f.kind} {f.qualifier} {f.period} {f.concept}"
