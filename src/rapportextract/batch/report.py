"""What a build returns: the typed account of each report and series (the CLI words it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from rapportextract.models import Notice, SeriesFile
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
class SeriesSummary:
    id: str
    label: str
    unit: str
    kind: str
    concept: str | None
    periods: list[str]
    editions: list[int]
    conflicts: list[str]
    """Periods whose vintages disagree by more than rounding."""


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


def summarise(series_file: SeriesFile) -> list[SeriesSummary]:
    out = []
    for s in series_file.series:
        periods = sorted({o.period for o in s.observations}, key=period_sort_key)
        editions = sorted({v.edition for o in s.observations for v in o.vintages})
        conflicts = [o.period for o in s.observations if o.conflict]
        out.append(SeriesSummary(s.id, s.label, s.unit, s.kind, s.concept, periods, editions,
                                 conflicts))
    return out
