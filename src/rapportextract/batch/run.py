"""`build`: every report under some paths in, facts, series, CSV, Data Package and plots out.

The steps: collect the reports (`.pdf` and `.txt`, recursively, sorted); take each from the
cache where its content was read before, else read it (one task per report on the executor:
this process, local processes or a Dask cluster); link all facts into series; write the
outputs atomically (many plots drawn by local processes). A report that cannot be read is
recorded with its one-line error and the others go through.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from rapportextract.batch.cache import (
    CACHE_FILE_NAME,
    ExtractionCache,
    cache_key,
    catalogue_hash,
    code_fingerprint,
    file_sha256,
)
from rapportextract.batch.editions import same_editions
from rapportextract.batch.reading import (
    FACTS,
    Extractor,
    Job,
    Result,
    default_extractor,
    from_cache,
    load_catalogue,
    read_all,
)
from rapportextract.batch.report import BuildReport, DocumentStatus, build_record, summarise
from rapportextract.executor import Executor, ExecutorKind, executor_for
from rapportextract.export.csvout import write_series_csv
from rapportextract.export.datapackage import write_datapackage, write_facts_csv
from rapportextract.export.jsonout import write_facts_json, write_series_json
from rapportextract.models import DocumentSummary, Fact, NoticeCode, Series, SeriesFile
from rapportextract.series import build_series

REPORT_SUFFIXES = (".pdf", ".txt")

ProgressCallback = Callable[[int, int, str], None]
"""Called with (documents done, documents in all, name of the one just done)."""


def collect_reports(paths: Iterable[Path]) -> tuple[list[Path], list[DocumentStatus]]:
    """Every `.pdf`/`.txt` under `paths` (files as given, folders recursively, hidden files
    and folders skipped), sorted within each path, each file once; and the paths that are not
    there or not reports, as failures."""
    found: list[Path] = []
    failures: list[DocumentStatus] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            candidates = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            if path.suffix.lower() not in REPORT_SUFFIXES:
                failures.append(DocumentStatus(
                    str(path), path.name, "failed",
                    error=f"{path}: not a .pdf or .txt file; give a report or a folder of them",
                ))
                continue
            candidates = [path]
        else:
            failures.append(DocumentStatus(
                str(path), path.name, "failed",
                error=f"{path}: no such file or folder; check the path",
            ))
            continue
        for candidate in candidates:
            resolved = candidate.resolve()
            if resolved not in seen:
                seen.add(resolved)
                found.append(candidate)
    return found, failures


def _write_outputs(
    outdir: Path, facts: list[Fact], documents: list[DocumentSummary], series_file: SeriesFile
) -> list[Path]:
    return [
        write_facts_json(outdir / "facts.json", facts, documents),
        write_series_json(outdir / "series.json", series_file),
        write_series_csv(outdir / "series.csv", series_file),
        write_facts_csv(outdir / "facts.csv", facts),
        write_datapackage(outdir / "datapackage.json"),
    ]


def _plot_job(job: tuple[Series, Path]) -> None:
    from rapportextract.export import plots

    plots.plot_series(*job)  # looked up on the module on each call (tests wrap it)


PARALLEL_PLOTS = 16
"""Fewer plots to draw than this are drawn in this process: a plot takes about 10 ms, and a
further process costs its fork and the pickling of its series (a few ms)."""

MAX_PLOT_PROCESSES = 8
"""Processes drawing plots at most: a build has about as many plots as catalogue concepts."""


def _write_plots(
    series_file: SeriesFile, folder: Path, cache: ExtractionCache, reuse: bool,
    workers: int = 1,
) -> list[Path]:
    """Draw the plots whose series changed (`reuse`: the others are kept) and remove those of
    series gone; return every plot file. The plots are drawn here, or by up to `workers`
    local processes where there are many (the outputs are files here, whatever executor read
    the reports)."""
    from rapportextract.export.names import plot_file_name

    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    drawn: dict[str, str] = {}
    to_draw: list[tuple[Series, Path]] = []
    digests: dict[Path, str] = {}
    for series in series_file.series:
        path = folder / plot_file_name(series.id)
        # Keyed by content (the series and the plot code), and the image checked by its own
        # hash: a plot drawn before in any folder is kept wherever the folder went.
        digest = hashlib.sha256(
            (code_fingerprint() + series.model_dump_json()).encode()
        ).hexdigest()
        if not (reuse and path.exists() and cache.plot_drawn(digest) == _file_hash(path)):
            to_draw.append((series, path))
            digests[path] = digest
        written.append(path)
    if to_draw:
        many = len(to_draw) >= PARALLEL_PLOTS
        if many and workers > 1:
            from rapportextract.export import raster

            raster.warm_up()  # before the fork: every plot process starts with its fonts
        with executor_for(min(workers, MAX_PLOT_PROCESSES) if many else 1) as executor:
            # A process that dies leaves its plot to this one.
            for _ in executor.map(_plot_job, to_draw, crashed=_plot_job):
                pass
        drawn = {digest: _file_hash(path) for path, digest in digests.items() if path.exists()}
    keep = {p.name for p in written}
    for stale in folder.glob("*.png"):
        if stale.name not in keep:
            stale.unlink(missing_ok=True)
    cache.set_plots_drawn(drawn)
    return written


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def build(
    paths: list[Path],
    outdir: Path,
    *,
    use_cache: bool = True,
    workers: int | None = None,
    catalogue_path: Path | None = None,
    edition: int | None = None,
    password: str | None = None,
    timeout: float | None = None,
    progress: ProgressCallback | None = None,
    cache_path: Path | None = None,
    extractor: Extractor | None = None,
    ocr: bool = True,
    executor: ExecutorKind | Executor = "processes",
    scheduler: str | None = None,
    review: Path | None = None,
) -> BuildReport:
    """Extract every report under `paths`, link the facts into series and write to `outdir`:
    facts.json, series.json, series.csv, datapackage.json and plots/<series-id>.png.

    `use_cache=False` re-extracts every report (the fresh results still refresh the cache at
    `cache_path`, by default ``outdir/.cache.sqlite``). `workers` is the number of processes
    (default: all cores). `executor` says where reports are read: "processes" (this process
    for one worker, else a local pool), "dask" (a Dask `LocalCluster` of `workers` processes,
    or the running cluster whose scheduler is at `scheduler`, "tcp://HOST:8786"), or an
    `executor.Executor` of the caller's (left open). `extractor` replaces `pipeline.extract`
    (a module-level function, so worker processes can use it). `ocr=False` leaves scanned
    pages unread (`pipeline.extract`); a report with scanned pages left unread is not cached,
    so that it is read again once OCR is installed. `review`: a decisions file of
    `rapportextract review`, applied to the facts before the series are linked
    (`review.apply_review`). Raises `errors.CatalogueError` for a malformed catalogue; a report
    that cannot be read is recorded in the returned report, not raised.
    """
    started = time.perf_counter()
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    catalogue = load_catalogue(catalogue_path)  # fails early on a malformed user catalogue
    catalogue_id = catalogue_hash(catalogue_path)
    workers = workers or os.cpu_count() or 1

    reports, failures = collect_reports([Path(p) for p in paths])
    statuses = [DocumentStatus(str(p), p.name, "failed") for p in reports]
    summaries: list[DocumentSummary | None] = [None] * len(reports)
    facts_of: list[list[Fact]] = [[] for _ in reports]
    total = len(reports) + len(failures)
    done = 0

    def tick(name: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total, name)

    for failure in failures:
        tick(failure.name)

    chosen = extractor or default_extractor(ocr)
    with contextlib.ExitStack() as stack:
        cache = stack.enter_context(ExtractionCache(cache_path or outdir / CACHE_FILE_NAME))
        jobs: list[Job] = []
        keys: dict[int, str] = {}
        first_of_content: dict[str, int] = {}
        for i, path in enumerate(reports):
            try:
                sha = file_sha256(path)
            except OSError as exc:
                statuses[i].error = f"{path}: cannot be read ({exc.strerror}); check permissions"
                tick(path.name)
                continue
            if sha in first_of_content:
                statuses[i].status = "duplicate"
                statuses[i].error = f"same content as {reports[first_of_content[sha]]}"
                tick(path.name)
                continue
            first_of_content[sha] = i
            keys[i] = cache_key(sha, catalogue=catalogue_id, edition=edition, ocr=ocr)
            hit = from_cache(cache, keys[i], path) if use_cache else None
            if hit is not None:
                summaries[i], facts_of[i] = hit.summary, hit.facts
                statuses[i].status = "cached"
                tick(path.name)
                continue
            jobs.append(Job(i, str(path), edition, password, timeout, chosen, catalogue_path))

        def on_result(result: Result) -> None:
            i = result.index
            status = statuses[i]
            status.seconds = result.seconds
            if result.error is not None:
                status.status, status.error = "failed", result.error
            elif result.summary is not None and result.facts is not None:
                summary = DocumentSummary.model_validate_json(result.summary)
                facts = FACTS.validate_json(result.facts)
                summaries[i], facts_of[i] = summary, facts
                status.status = "extracted"
                if not any(n.code is NoticeCode.UNREAD_SCAN for n in summary.notices):
                    cache.put(keys[i], summary, facts)
            tick(reports[i].name)

        if jobs:
            _read(jobs, executor, workers, scheduler, on_result)

        for i, summary in enumerate(summaries):
            if summary is not None:
                statuses[i].edition = summary.edition
                statuses[i].pages = summary.pages
                statuses[i].ocr_pages = list(summary.ocr_pages)
                statuses[i].facts = len(facts_of[i])
                statuses[i].notices = list(summary.notices)
        same_edition = _drop_same_editions(reports, statuses, summaries, facts_of)
        all_facts = [f for facts in facts_of for f in facts]
        documents = [s for s in summaries if s is not None]
        outcome = None
        if review is not None:
            from rapportextract.review import apply_review, mark_corrected

            all_facts, outcome = apply_review(review, all_facts, documents, catalogue)
        series_file = build_series(all_facts, catalogue)
        if outcome is not None:
            mark_corrected(series_file, outcome.corrected)
        outputs = _write_outputs(outdir, all_facts, documents, series_file)
        from rapportextract.review import write_build_json

        linked = summarise(series_file)
        warnings = same_edition + list(series_file.warnings)
        record = build_record(failures + statuses, len(all_facts), series_file, linked, warnings)
        outputs.append(write_build_json(outdir, paths, documents, outcome, catalogue_path,
                                        record))
        outputs += _write_plots(series_file, outdir / "plots", cache, use_cache, workers)

    return BuildReport(
        outdir=outdir, documents=failures + statuses, series=linked,
        facts=len(all_facts), outputs=outputs, warnings=warnings,
        seconds=time.perf_counter() - started, review=outcome,
        left_out_scope=series_file.left_out_scope,
    )


def _drop_same_editions(
    reports: list[Path], statuses: list[DocumentStatus],
    summaries: list[DocumentSummary | None], facts_of: list[list[Fact]],
) -> list[str]:
    """Count an edition read from two files once: the repeat becomes a "duplicate" whose
    facts are left out; a warning names both files."""
    warnings = []
    for kept, repeat, why in same_editions(summaries, facts_of):
        edition = statuses[kept].edition
        statuses[repeat].status = "duplicate"
        statuses[repeat].error = (
            f"the same {edition} edition as {reports[kept]} ({why}); its figures are counted once"
        )
        warnings.append(
            f"{reports[kept]} and {reports[repeat]} are the same {edition} edition ({why}): "
            f"the figures of {reports[repeat].name} are left out; remove one of the files"
        )
        summaries[repeat] = None
        facts_of[repeat] = []
    return warnings


def _read(
    jobs: list[Job], executor: ExecutorKind | Executor, workers: int, scheduler: str | None,
    on_result: Callable[[Result], None],
) -> None:
    """Read the jobs on the executor asked for (one made here is closed here)."""
    if not isinstance(executor, str):
        for result in read_all(jobs, executor):
            on_result(result)
        return
    with executor_for(min(workers, len(jobs)), executor, scheduler) as made:
        for result in read_all(jobs, made):
            on_result(result)
