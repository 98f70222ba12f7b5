"""What a build returns: the typed account of each report and series (the CLI words it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from rapportextract.models import Notice, Series, SeriesFile
from rapportextract.series import period_sort_key

Status = Literal["extracted", "cached", "failed", "duplicate"]


@dataclass
class DocumentStatus:
    path: str
    name: str
    status: Status
    edition: int | None = None
    pages: int = 0
    ocr_pages: list[int] = field(default_factory=list)
    """The pages read by OCR (no text layer)."""
    facts: int = 0
    seconds: float = 0.0
    error: str | None = None
    """The one-line error of a failed report; for a duplicate, which file it repeats."""
    notices: list[Notice] = field(default_factory=list)
    """What reading the report noted (pages left empty, read by OCR, ...)."""


@dataclass
class Disagreement:
    """Figures for one period of one series that differ beyond their rounding: between the
    editions (their chosen values) or within one edition (every value it gives)."""

    series_id: str
    period: str
    base_period: str | None
    kind: Literal["between_editions", "within_edition"]
    edition: int | None
    """For a disagreement within an edition: that edition."""
    values: list[dict[str, Any]]
    """Each value: value (a plain number as text), text (as written), edition, document,
    page, fact_ids; the value taken first."""

    def to_dict(self) -> dict[str, Any]:
        return {"series_id": self.series_id, "period": self.period,
                "base_period": self.base_period, "kind": self.kind, "edition": self.edition,
                "values": self.values}


@dataclass
class SeriesSummary:
    id: str
    label: str
    unit: str
    kind: str
    concept: str | None
    periods: list[str]
    editions: list[int]
    conflicts: list[str]
    """Periods whose figures disagree by more than rounding (between or within editions)."""
    disagreements: list[Disagreement] = field(default_factory=list)


@dataclass
class BuildReport:
    outdir: Path
    documents: list[DocumentStatus] = field(default_factory=list)
    series: list[SeriesSummary] = field(default_factory=list)
    facts: int = 0
    outputs: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """Facts left out of the series, and why (`SeriesFile.warnings`)."""
    seconds: float = 0.0
    review: Any = None
    """`review.ReviewOutcome` of `build(review=...)`: decisions applied and unmatched."""
    left_out_scope: int = 0
    """Facts not about the whole country, left out of the series (`SeriesFile.left_out_scope`)."""

    @property
    def disagreements(self) -> list[Disagreement]:
        return [d for s in self.series for d in s.disagreements]

    @property
    def errors(self) -> list[str]:
        """One line per report that could not be read."""
        return [d.error for d in self.documents if d.status == "failed" and d.error]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def editions(self) -> list[int]:
        return sorted({d.edition for d in self.documents
                       if d.edition is not None and d.status in ("extracted", "cached")})

    @property
    def notices(self) -> list[Notice]:
        """Every report's notices, in the order of the reports."""
        return [n for d in self.documents for n in d.notices]

    def count(self, status: Status) -> int:
        return sum(d.status == status for d in self.documents)


def _number(value: Decimal) -> str:
    value = Decimal(value)
    return str(int(value)) if value == value.to_integral_value() else format(value.normalize(), "f")


def _disagreements(series: Series) -> list[Disagreement]:
    out = []
    for obs in series.observations:
        if obs.conflict_kind in ("between_editions", "both"):
            values = [
                {"value": _number(v.value), "edition": v.edition, "document": v.document,
                 "page": v.page, "fact_ids": list(v.fact_ids[:1])}
                for v in sorted(obs.vintages, key=lambda v: v.edition != obs.edition)
            ]
            out.append(Disagreement(series.id, obs.period, obs.base_period,
                                    "between_editions", None, values))
        for vintage in obs.vintages:
            if vintage.alternatives:
                values = [
                    {"value": _number(a.value), "text": a.text, "edition": vintage.edition,
                     "document": vintage.document, "page": a.page, "fact_ids": list(a.fact_ids)}
                    for a in vintage.alternatives
                ]
                out.append(Disagreement(series.id, obs.period, obs.base_period,
                                        "within_edition", vintage.edition, values))
    return out


def summarise(series_file: SeriesFile) -> list[SeriesSummary]:
    out = []
    for s in series_file.series:
        periods = sorted({o.period for o in s.observations}, key=period_sort_key)
        editions = sorted({v.edition for o in s.observations for v in o.vintages})
        conflicts = [o.period for o in s.observations if o.conflict]
        out.append(SeriesSummary(s.id, s.label, s.unit, s.kind, s.concept, periods, editions,
                                 conflicts, _disagreements(s)))
    return out


def build_record(
    documents: list[DocumentStatus], facts: int, series_file: SeriesFile,
    series: list[SeriesSummary], warnings: list[str],
) -> dict[str, Any]:
    """What build.json holds beside the review's part: counts, warnings, disagreements."""
    observations = [o for s in series_file.series for o in s.observations]
    disagreements = [d for s in series for d in s.disagreements]
    statuses: list[Status] = ["extracted", "cached", "failed", "duplicate"]
    return {
        "counts": {
            "documents": {status: sum(d.status == status for d in documents)
                          for status in statuses},
            "facts": facts,
            "facts_left_out_for_scope": series_file.left_out_scope,
            "series": len(series_file.series),
            "observations": len(observations),
            "conflicts": {
                kind: sum(o.conflict_kind == kind for o in observations)
                for kind in ("between_editions", "within_edition", "both")
            },
        },
        "warnings": list(warnings),
        "errors": [d.error for d in documents if d.status == "failed" and d.error],
        "duplicates": [{"name": d.name, "path": d.path, "why": d.error}
                       for d in documents if d.status == "duplicate"],
        "disagreements": [d.to_dict() for d in disagreements],
    }
