"""One report in, its document and facts out: ingestion plus every fact reader, wired."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rapportextract.catalogue import Catalogue, load_catalogue
from rapportextract.facts import extract_facts
from rapportextract.facts.publisher import published, publisher
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
    keep_pages: bool = True,
) -> Extraction:
    """Read one report and return its document with every fact found in prose, charts and
    tables. Raises an `errors.RapportExtractError` subclass for input that cannot be read,
    and `errors.ExtractionTimeout` where the whole takes longer than `timeout` seconds.
    `workers` is how many pages without a text layer are read by OCR at once. `ocr=False`
    leaves pages without a text layer unread instead of reading them by OCR
    (`ingest.read_document`). `progress(done, total)` is called as a PDF's pages are read.
    `keep_pages=False` lets go of what only the chart and table readers use (each page's
    words, drawn shapes, tables and blocks) once they are done, before the prose is read: the
    document then keeps its sentences, notices and page numbers, enough for its summary. On a
    long report that is a third of the memory held while the facts are made."""
    limit = Deadline(timeout, path)
    document = read_document(
        path, edition=edition, password=password, timeout=timeout, workers=workers, ocr=ocr,
        progress=progress,
        engine=engine,
    )
    catalogue = catalogue if catalogue is not None else load_catalogue()
    # The time limit covers the fact stages too: what reading left of it.
    with deadline(limit.remaining(), path), _collector_paused():
        # Charts and tables first, so that their pages can go before the prose facts are
        # made; the facts keep the order prose, charts, tables.
        charts = chart_facts(document, catalogue)
        tables = table_facts(document, catalogue)
        # Who publishes it, from page 1, before the pages go: every figure that names no
        # one else is the publisher's (`facts.publisher`).
        who = publisher(document)
        if not keep_pages:
            _release_pages(document)
        facts = [*extract_facts(document, catalogue, publisher=who),
                 *published([*charts, *tables], who)]
    return Extraction(document=document, facts=facts)


def _release_pages(document: Document) -> None:
    """Empty what the prose reader does not use of each page: its words, shapes, tables
    and blocks (the sentences hold the prose text and word boxes)."""
    for page in document.pages:
        page.words = []
        page.rects = []
        page.segments = []
        page.tables = []
        page.blocks = []


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The garbage collector paused while the facts are made. These stages make no reference
    cycles (`tests/test_pipeline_gc.py`), only many short-lived objects, which would wake the
    collector hundreds of times a report to walk every page, sentence and fact held: a tenth
    or more of their time for nothing. It is enabled again after, where it was before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
