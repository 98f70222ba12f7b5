"""Reading the reports of a build, one task per report, on whatever executor runs them.

A task gets everything it needs in its arguments (the extractor, the catalogue's path and the
report's options) and returns the summary and facts as JSON, or the report's one-line error:
it runs the same in this process, in a local worker process or on a Dask worker elsewhere.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any, Protocol

from pydantic import TypeAdapter

from rapportextract.batch.cache import CachedExtraction, ExtractionCache
from rapportextract.errors import RapportExtractError
from rapportextract.executor import Executor
from rapportextract.models import DocumentSummary, Fact

FACTS = TypeAdapter(list[Fact])


class _Extraction(Protocol):
    @property
    def document(self) -> Any: ...

    @property
    def facts(self) -> list[Fact]: ...


Extractor = Callable[..., _Extraction]
"""`pipeline.extract`'s shape: (path, *, edition, password, catalogue, timeout) -> Extraction."""


@dataclass(frozen=True)
class Job:
    index: int
    path: str
    edition: int | None
    password: str | None
    timeout: float | None
    extractor: Extractor
    catalogue_path: Path | None


@dataclass
class Result:
    index: int
    summary: str | None = None
    facts: str | None = None
    error: str | None = None
    seconds: float = 0.0


def default_extractor(ocr: bool = True) -> Extractor:
    """`pipeline.extract` with this OCR option, letting go of each page's words, shapes and
    tables once the chart and table readers are done (`keep_pages=False`, as `extract`
    does): a build keeps only each report's summary and facts."""
    from rapportextract.pipeline import extract

    return partial(extract, ocr=ocr, keep_pages=False)


@cache
def load_catalogue(path: Path | None) -> Any:
    """The catalogue, loaded once per process (each worker loads it on its first report)."""
    from rapportextract.catalogue import load_catalogue as load

    return load(path)


def run_job(job: Job) -> Result:
    """Read one report; any error becomes its one-line result, so the others go through."""
    start = time.perf_counter()
    try:
        extraction = job.extractor(
            Path(job.path), edition=job.edition, password=job.password,
            catalogue=load_catalogue(job.catalogue_path), timeout=job.timeout,
        )
        facts = list(extraction.facts)
        summary = DocumentSummary.of(extraction.document, len(facts))
        return Result(
            job.index,
            summary=summary.model_dump_json(),
            facts=FACTS.dump_json(facts).decode("utf-8"),
            seconds=time.perf_counter() - start,
        )
    except RapportExtractError as exc:
        return Result(job.index, error=str(exc), seconds=time.perf_counter() - start)
    except Exception as exc:  # a bug in a reader must not sink the other reports
        message = " ".join(str(exc).split())[:200]
        return Result(
            job.index,
            error=f"{job.path}: unexpected {type(exc).__name__} ({message}); this is a bug in "
                  "rapportextract, please report it with the file",
            seconds=time.perf_counter() - start,
        )


def crashed(job: Job) -> Result:
    """The result of a report whose process died reading it."""
    return Result(job.index, error=(
        f"{job.path}: the process reading it stopped (it crashed or ran out of memory); "
        "check the file or leave it out"))


def read_all(jobs: list[Job], executor: Executor) -> Iterator[Result]:
    """Each job's result, in the order of the jobs."""
    if jobs and executor.workers > 1:
        # Loaded before local workers fork, so that every one starts with the readers.
        load_catalogue(jobs[0].catalogue_path)
    return executor.map(run_job, jobs, crashed=crashed)


def from_cache(cache: ExtractionCache, key: str, path: Path) -> CachedExtraction | None:
    """The cached extraction of a report, under the name it has now. A renamed report whose
    edition came from its old file name is read again: the new name may name another year."""
    hit = cache.get(key)
    if hit is None or hit.summary.name == path.name:
        return hit
    if hit.summary.edition_source == "filename":
        return None
    summary = hit.summary.model_copy(update={"path": str(path), "name": path.name})
    facts = [f.model_copy(update={"document": path.name}) for f in hit.facts]
    return CachedExtraction(summary, facts)
