"""One report in, its document and facts out: ingestion plus every fact reader, wired."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rapportextract.catalogue import Catalogue, load_catalogue
from rapportextract.facts import extract_facts
from rapportextract.figures.charts import chart_facts
from rapportextract.figures.tables import table_facts
from rapportextract.ingest import read_document
from rapportextract.limits import Deadline, deadline
from rapportextract.models import Document, DocumentSummary, Fact


@dataclass
class Extraction:
    document: Document
    facts: list[Fact] = field(default_factory=list)

    def summary(self) -> DocumentSummary:
        return DocumentSummary.of(self.document, len(self.facts))


def extract(
    path: str | Path,
    *,
    edition: int | None = None,
    password: str | None = None,
    catalogue: Catalogue | None = None,
    timeout: float | None = None,
    workers: int = 1,
    ocr: bool = True,
    progress: Callable[[int, int], None] | None = None,
    engine: str | None = None,
) -> Extraction:
    """Read one report and return its document with every fact found in prose, charts and
    tables. Raises an `errors.RapportExtractError` subclass for input that cannot be read,
    and `errors.ExtractionTimeout` where the whole takes longer than `timeout` seconds.
    `workers` is how many pages without a text layer are read by OCR at once. `ocr=False`
    leaves pages without a text layer unread instead of reading them by OCR
    (`ingest.read_document`). `progress(done, total)` is called as a PDF's pages are read."""
    limit = Deadline(timeout, path)
    document = read_document(
        path, edition=edition, password=password, timeout=timeout, workers=workers, ocr=ocr,
        progress=progress,
        engine=engine,
    )
    catalogue = catalogue if catalogue is not None else load_catalogue()
    # The time limit covers the fact stages too: what reading left of it.
    with deadline(limit.remaining(), path):
        facts = [
            *extract_facts(document, catalogue),
            *chart_facts(document, catalogue),
            *table_facts(document, catalogue),
        ]
    return Extraction(document=document, facts=facts)
