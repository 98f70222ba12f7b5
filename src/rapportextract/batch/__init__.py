"""Many reports in, linked series out: the build (`build`), its cache (`cache`), the reading
of each report as one task on an executor (`reading`) and what a build returns (`report`)."""

from __future__ import annotations

from rapportextract.batch.reading import Extractor
from rapportextract.batch.report import BuildReport, DocumentStatus, SeriesSummary, summarise
from rapportextract.batch.run import REPORT_SUFFIXES, ProgressCallback, build, collect_reports

__all__ = [
    "REPORT_SUFFIXES", "BuildReport", "DocumentStatus", "Extractor", "ProgressCallback",
    "SeriesSummary", "build", "collect_reports", "summarise",
]
