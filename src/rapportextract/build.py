"""`build`: every report under some paths in, facts, series, CSV, Data Package and plots out.

The steps: collect the reports (`.pdf` and `.txt`, recursively, sorted); take each from the
cache where its content was read before, else extract it (in a process pool where more than
one report needs it); link all facts into series; write the outputs atomically. A report that
cannot be read is recorded with its one-line error and the others go through.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, Literal, Protocol

from pydantic import TypeAdapter

from rapportextract.cache import (
    CACHE_FILE_NAME,
    CachedExtraction,
    ExtractionCache,
    cache_key,
    catalogue_hash,
    code_fingerprint,
    file_sha256,
)
from rapportextract.errors import UNREAD_SCAN, RapportExtractError
from rapportextract.export.csvout import write_datapackage, write_series_csv
from rapportextract.export.jsonout import write_facts_json, write_series_json
from rapportextract.forking import can_fork, fork_helper, stop_helpers
from rapportextract.models import DocumentSummary, Fact, Series, SeriesFile
from rapportextract.series import build_series, period_sort_key

REPORT_SUFFIXES = (".pdf", ".txt")
_FACTS = TypeAdapter(list[Fact])

ProgressCallback = Callable[[int, int, str], None]
"""Called with (documents done, documents in all, name of the one just done)."""


class _Extraction(Protocol):
    @property
    def document(self) -> Any: ...

    @property
    def facts(self) -> list[Fact]: ...


Extractor = Callable[..., _Extraction]
"""`pipeline.extract`'s shape: (path, *, edition, password, catalogue, timeout) -> Extraction."""


# --------------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------------


@dataclass
class DocumentStatus:
    path: str
    name: str
    status: Literal["extracted", "cached", "failed", "duplicate"]
    edition: int | None = None
    pages: int = 0
    ocr_pages: list[int] = field(default_factory=list)
    """The pages read by OCR (no text layer)."""
    facts: int = 0
    seconds: float = 0.0
    error: str | None = None
    """The one-line error of a failed report; for a duplicate, which file it repeats."""


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

    def count(self, status: str) -> int:
        return sum(d.status == status for d in self.documents)

    def summary_text(self) -> str:
        """A short account for a terminal: documents, editions, series, conflicts, outputs."""
        lines = []
        parts = [f"{self.count(s)} {s}" for s in ("extracted", "cached", "failed", "duplicate")
                 if self.count(s)]
        lines.append(f"{len(self.documents)} documents: {', '.join(parts) or 'none'}")
        scanned = [d for d in self.documents if d.ocr_pages]
        if scanned:
            pages = sum(len(d.ocr_pages) for d in scanned)
            lines.append(
                f"{pages} {'page' if pages == 1 else 'pages'} read by OCR in {len(scanned)} "
                f"{'report' if len(scanned) == 1 else 'reports'}: check their figures "
                "(ocr_pages in facts.json)"
            )
        editions = self.editions
        lines.append(f"editions: {_span(editions)} ({len(editions)})" if editions
                     else "editions: none")
        conflicts = sum(len(s.conflicts) for s in self.series)
        kinds = {
            "concept": sum(s.concept is not None and s.kind == "level" for s in self.series),
            "statement": sum(s.concept is None and s.kind == "level" for s in self.series),
            "change": sum(s.kind == "change" for s in self.series),
        }
        lines.append(
            f"{self.facts} facts; {len(self.series)} series ({kinds['concept']} concepts, "
            f"{kinds['statement']} statements, {kinds['change']} of changes); "
            f"{conflicts} observations in conflict"
        )
        if self.series:
            rows = [
                (
                    s.id if len(s.id) <= 48 else s.id[:47] + "…",
                    f"{_period_span(s.periods)} ({len(s.periods)})",
                    f"{_span(s.editions)} ({len(s.editions)})",
                    ", ".join(s.conflicts) or "-",
                )
                for s in self.series
            ]
            header = ("series", "periods", "editions", "conflicts")
            widths = [max(len(r[i]) for r in [header, *rows]) for i in range(3)]
            for row in [header, *rows]:
                cells = [row[i].ljust(widths[i]) for i in range(3)]
                lines.append("  " + "  ".join([*cells, row[3]]))
        if self.warnings:
            lines.append(f"{len(self.warnings)} warnings about facts and series (in series.json)")
        if self.outputs:
            plots = sum(p.suffix == ".png" for p in self.outputs)
            files = [p.name for p in self.outputs if p.suffix != ".png"]
            lines.append(f"written to {self.outdir}: {', '.join(files)}, plots/ ({plots})")
        return "\n".join(lines)


def _span(years: list[int]) -> str:
    if not years:
        return "-"
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}-{years[-1]}"


def _period_span(periods: list[str]) -> str:
    if not periods:
        return "-"
    return periods[0] if len(periods) == 1 else f"{periods[0]}..{periods[-1]}"


def summarise(series_file: SeriesFile) -> list[SeriesSummary]:
    out = []
    for s in series_file.series:
        periods = sorted({o.period for o in s.observations}, key=period_sort_key)
        editions = sorted({v.edition for o in s.observations for v in o.vintages})
        conflicts = [o.period for o in s.observations if o.conflict]
        out.append(SeriesSummary(s.id, s.label, s.unit, s.kind, s.concept, periods, editions,
                                 conflicts))
    return out


# --------------------------------------------------------------------------------------------
# Collecting the reports
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Extraction (in this process or a worker)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    index: int
    path: str
    edition: int | None
    password: str | None
    timeout: float | None


@dataclass
class _Result:
    index: int
    summary: str | None = None
    facts: str | None = None
    error: str | None = None
    seconds: float = 0.0


# Set in each worker by `_init_worker` (and in this process for inline extraction).
_WORKER: dict[str, Any] = {}


def _init_worker(extractor: Extractor | None, catalogue_path: Path | None) -> None:
    _WORKER["extractor"] = extractor or _default_extractor()
    _WORKER["catalogue"] = _load_catalogue(catalogue_path)


def _default_extractor(ocr: bool = True, workers: int = 1) -> Extractor:
    """`pipeline.extract` with these options: `workers` processes for one report's pages."""
    from rapportextract.pipeline import extract

    return partial(extract, workers=workers, ocr=ocr)


def _load_catalogue(path: Path | None) -> Any:
    from rapportextract.catalogue import load_catalogue

    return load_catalogue(path)


def _run_job(job: _Job) -> _Result:
    start = time.perf_counter()
    try:
        extraction = _WORKER["extractor"](
            Path(job.path), edition=job.edition, password=job.password,
            catalogue=_WORKER["catalogue"], timeout=job.timeout,
        )
        facts = list(extraction.facts)
        summary = DocumentSummary.of(extraction.document, len(facts))
        return _Result(
            job.index,
            summary=summary.model_dump_json(),
            facts=_FACTS.dump_json(facts).decode("utf-8"),
            seconds=time.perf_counter() - start,
        )
    except RapportExtractError as exc:
        return _Result(job.index, error=str(exc), seconds=time.perf_counter() - start)
    except Exception as exc:  # a bug in a reader must not sink the other reports
        message = " ".join(str(exc).split())[:200]
        return _Result(
            job.index,
            error=f"{job.path}: unexpected {type(exc).__name__} ({message}); this is a bug in "
                  "rapportextract, please report it with the file",
            seconds=time.perf_counter() - start,
        )


def _extract_all(
    jobs: list[_Job],
    workers: int,
    extractor: Extractor | None,
    catalogue_path: Path | None,
    on_result: Callable[[_Result], None],
    *,
    ocr: bool = True,
) -> None:
    if not jobs:
        return
    if workers <= 1 or len(jobs) == 1:
        # One report (the usual rebuild after a new edition): its pages are read by all the
        # workers at once where it is long enough to pay.
        _init_worker(extractor or _default_extractor(ocr, workers), catalogue_path)
        for job in jobs:
            on_result(_run_job(job))
        return
    # Import the readers before the pool forks, so every worker starts with them loaded.
    chosen = extractor or _default_extractor(ocr)
    broken: list[_Job] = []
    with ProcessPoolExecutor(
        max_workers=min(workers, len(jobs)),
        initializer=_init_worker,
        initargs=(chosen, catalogue_path),
    ) as pool:
        futures: dict[Future[_Result], _Job] = {pool.submit(_run_job, j): j for j in jobs}
        for future in as_completed(futures):
            job = futures[future]
            try:
                result = future.result()
            except BrokenProcessPool:
                broken.append(job)
                continue
            on_result(result)
    # A worker that dies (a crash in a PDF library, out of memory) takes the whole pool down
    # with it. The reports it left unread get a process each, so only the one that kills its
    # reader fails.
    for job in sorted(broken, key=lambda j: j.index):
        with ProcessPoolExecutor(
            max_workers=1, initializer=_init_worker, initargs=(chosen, catalogue_path)
        ) as solo:
            try:
                result = solo.submit(_run_job, job).result()
            except BrokenProcessPool:
                result = _Result(job.index, error=(
                    f"{job.path}: the process reading it stopped (it crashed or ran out of "
                    "memory); check the file or leave it out"))
        on_result(result)


def _from_cache(cache: ExtractionCache, key: str, path: Path) -> CachedExtraction | None:
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


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def _write_outputs(
    outdir: Path, facts: list[Fact], documents: list[DocumentSummary], series_file: SeriesFile
) -> list[Path]:
    return [
        write_facts_json(outdir / "facts.json", facts, documents),
        write_series_json(outdir / "series.json", series_file),
        write_series_csv(outdir / "series.csv", series_file),
        write_datapackage(outdir / "datapackage.json"),
    ]


_PARALLEL_PLOTS = 3
"""Fewer plots than this are drawn in this process alone: a plot costs about 0.1 s, and a helper
process that shares them costs a fork, the pickling of its series and a few tenths of a second
of CPU warming up. Helpers pay only on a core that is free: on a machine already busy they
slowed the plots of a rebuild down (8 plots, 2 busy cores: 1.0 s here alone, 1.4 s with a
helper, medians of 6 rebuilds)."""

_PLOTS_PER_IMPORT = 6
"""About as many plots as warm helpers draw while this process imports matplotlib (0.6 s):
with fewer left, this process leaves them to the helpers instead of importing it."""


def _plot_job(job: tuple[Series, Path]) -> None:
    from rapportextract.export import plots

    plots.plot_series(*job)  # looked up on the module on each call (tests wrap it)


class PlotHelpers:
    """Processes that draw plots beside this one, taking them from the front of the list while
    this process takes them from the end (a shared counter hands out each plot once).

    This process forks one helper, from this thread with no other thread running; the helper
    loads matplotlib and then forks the others, so that they start warm without loading it
    again. That happens either when the plots are due (this process has matplotlib loaded
    then) or `early`, at the start of a build that reads reports: the first helper then loads
    matplotlib on a core the reading leaves free, and every helper is warm by the time the
    series are linked."""

    def __init__(self, count: int) -> None:
        context = multiprocessing.get_context("fork")
        # [next plot from the front, end of the plots not yet taken]
        self._claims = context.Array("i", [0, 0])
        jobs = [context.Pipe(duplex=False) for _ in range(count)]  # (helper reads, this sends)
        done = [context.Pipe(duplex=False) for _ in range(count - 1)]  # (this reads, helper)
        self._jobs: list[Connection] = [sending for _, sending in jobs]
        self._done: list[Connection] = []
        siblings = [(jobs[k][0], done[k - 1][1]) for k in range(1, count)]
        process, first_done = fork_helper(
            _plot_helper_main, jobs[0][0], self._claims, siblings,
            [*self._jobs, *(receiving for receiving, _ in done)],
        )
        for reading, _ in jobs:
            reading.close()
        for _, sending in done:
            sending.close()
        self._done = [first_done, *(receiving for receiving, _ in done)]
        self._processes: list[BaseProcess] = [process]

    @classmethod
    def early(cls, workers: int) -> PlotHelpers | None:
        """Helpers that warm up while reports are read, where a core can spare them: one per
        core, so that the plots are drawn on every core while this process writes the other
        outputs."""
        if workers <= 1 or not can_fork():
            return None
        return cls(min(workers, _MAX_PLOT_HELPERS))

    def start(self, jobs: list[tuple[Series, Path]]) -> None:
        """Hand the helpers the plots to draw; they start at once."""
        with self._claims.get_lock():
            self._claims[:] = [0, len(jobs)]
        payload = [(series.model_dump_json(), str(path)) for series, path in jobs]
        for conn in self._jobs:
            with contextlib.suppress(OSError):  # a helper that died: its share is drawn here
                conn.send(payload)

    def draw(self, jobs: list[tuple[Series, Path]], *, here_first: bool) -> None:
        """Draw every job once, here and in the helpers (`start` first); raise the first
        plot's error. `here_first`: this process has matplotlib loaded (else it helps only
        while many plots are left, since loading it costs as much as several plots)."""
        drawn: set[int] = set()
        try:
            while here_first or self._left() > _PLOTS_PER_IMPORT:
                here_first = True
                index = self._claim_last()
                if index is None:
                    break
                _plot_job(jobs[index])
                drawn.add(index)
            drawn |= self._collect()
        except BaseException:
            with self._claims.get_lock():  # the helpers stop after the plot they are drawing
                self._claims[1] = self._claims[0]
            raise
        # A helper that died leaves what it took: drawn here.
        for index in sorted(set(range(len(jobs))) - drawn):
            _plot_job(jobs[index])

    def _left(self) -> int:
        with self._claims.get_lock():
            return int(self._claims[1] - self._claims[0])

    def _claim_last(self) -> int | None:
        with self._claims.get_lock():
            if self._claims[1] <= self._claims[0]:
                return None
            self._claims[1] -= 1
            return int(self._claims[1])

    def _collect(self) -> set[int]:
        """The plots the helpers drew; raises the error of one that failed."""
        drawn: set[int] = set()
        for conn in self._done:
            while True:
                try:
                    message = conn.recv()
                except (EOFError, OSError):
                    break  # died: its unfinished plots are drawn here
                if message is None:
                    break
                kind, value = message
                if kind == "error":
                    raise value
                drawn.add(value)
        return drawn

    def close(self) -> None:
        """Stop the helpers: with their pipes closed, those waiting for plots end at once,
        those drawing after the plot at hand (`draw` took the rest from them on an error)."""
        for conn in (*self._jobs, *self._done):
            conn.close()
        stop_helpers(self._processes, grace=_PLOT_HELPER_GRACE)
        self._processes = []


_MAX_PLOT_HELPERS = 8
"""Helpers drawing plots at most: a build has about as many plots as catalogue concepts."""

_PLOT_HELPER_GRACE = 5.0
"""Seconds a plot helper is given to finish the plot at hand and reap its siblings."""


def _plot_helper_main(
    jobs: Connection, claims: Any, siblings: list[tuple[Connection, Connection]],
    theirs: list[Connection], done: Connection,
) -> None:
    """The first plot helper: load matplotlib, fork a sibling for each pair of pipe ends in
    `siblings`, then draw like them (`_draw_plots`) and reap them. `theirs`: the ends the
    main process keeps, closed here, so that each helper sees the end of its pipe when the
    main process closes it or dies."""
    for conn in theirs:
        conn.close()
    from rapportextract.export import plots  # noqa: F401 - the reason this process exists

    children: list[int] = []
    try:
        for k, (own_jobs, own_done) in enumerate(siblings):
            pid = os.fork()
            if pid == 0:  # a sibling: keeps its own two ends, and leaves without clean-up
                code = 1
                try:
                    for other in (jobs, done, *(c for j, pair in enumerate(siblings)
                                                if j != k for c in pair)):
                        other.close()
                    _draw_plots(own_jobs, claims, own_done)
                    code = 0
                finally:
                    os._exit(code)
            children.append(pid)
    finally:
        for pair in siblings:
            for conn in pair:
                conn.close()
    try:
        _draw_plots(jobs, claims, done)
    finally:
        for pid in children:
            os.waitpid(pid, 0)


def _draw_plots(jobs: Connection, claims: Any, done: Connection) -> None:
    """A plot helper's work: wait for the list of plots, then draw plots from its front until
    none is left; report each, or the error of the one that failed, then None."""
    try:
        payload = jobs.recv()
    except (EOFError, OSError):
        done.close()
        return  # no plots are due
    try:
        while True:
            with claims.get_lock():
                if claims[0] >= claims[1]:
                    break
                index = int(claims[0])
                claims[0] += 1
            series_json, path = payload[index]
            try:
                _plot_job((Series.model_validate_json(series_json), Path(path)))
            except Exception as exc:
                done.send(("error", exc))
                break
            done.send(("drawn", index))
        done.send(None)
    finally:
        done.close()


def _plot_jobs(
    series_file: SeriesFile, folder: Path, cache: ExtractionCache, reuse: bool
) -> tuple[list[tuple[Series, Path]], list[Path], dict[str, str]]:
    """The plots to draw (those whose series changed), every plot file, and the hash of each."""
    from rapportextract.export.names import plot_file_name

    written: list[Path] = []
    hashes: dict[str, str] = {}
    to_draw: list[tuple[Series, Path]] = []
    for series in series_file.series:
        path = folder / plot_file_name(series.id)
        digest = hashlib.sha256(
            (code_fingerprint() + series.model_dump_json()).encode()
        ).hexdigest()
        hashes[series.id] = digest
        if not (reuse and path.exists() and cache.plot_hash(folder, series.id) == digest):
            to_draw.append((series, path))
        written.append(path)
    return to_draw, written, hashes


def _write_plots(
    series_file: SeriesFile, folder: Path, cache: ExtractionCache, reuse: bool, workers: int,
    helpers: PlotHelpers | None = None, meanwhile: Callable[[], None] | None = None,
) -> list[Path]:
    """Draw the plots whose series changed and remove those of series gone. `helpers` (warm
    helpers started early) draw with this process, and start before `meanwhile` (the other
    outputs) is done here; without them, helpers are started here where there are enough
    plots and an idle core."""
    folder.mkdir(parents=True, exist_ok=True)
    to_draw, written, hashes = _plot_jobs(series_file, folder, cache, reuse)
    if to_draw and helpers is not None:
        helpers.start(to_draw)
    if meanwhile is not None:
        meanwhile()
    if to_draw and helpers is not None:
        helpers.draw(to_draw, here_first=False)
    elif to_draw:
        # Loaded before any helper forks, so that helpers inherit matplotlib.
        from rapportextract.export import plots  # noqa: F401

        count = 0
        if workers > 1 and len(to_draw) >= _PARALLEL_PLOTS and can_fork():
            try:  # cores left idle over the last minute, besides the one of this process
                idle = (os.cpu_count() or 1) - 1 - os.getloadavg()[0]
            except OSError:  # no load average on this system
                idle = workers - 1
            count = max(0, min(workers - 1, len(to_draw) - 1, round(idle)))
        if count:
            late = PlotHelpers(count)
            try:
                late.start(to_draw)
                late.draw(to_draw, here_first=True)
            finally:
                late.close()
        else:
            for job in to_draw:
                _plot_job(job)
    keep = {p.name for p in written}
    for stale in folder.glob("*.png"):
        if stale.name not in keep:
            stale.unlink(missing_ok=True)
    cache.set_plot_hashes(folder, hashes)
    return written


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


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
    review: Path | None = None,
) -> BuildReport:
    """Extract every report under `paths`, link the facts into series and write to `outdir`:
    facts.json, series.json, series.csv, datapackage.json and plots/<series-id>.png.

    `use_cache=False` re-extracts every report (the fresh results still refresh the cache at
    `cache_path`, by default ``outdir/.cache.sqlite``). `workers` is the number of processes
    (default: all cores). `extractor` replaces `pipeline.extract` (a module-level function, so
    worker processes can use it). `ocr=False` leaves scanned pages unread (`pipeline.extract`);
    a report with scanned pages left unread is not cached, so that it is read again once OCR
    is installed. `review`: a decisions file of `rapportextract review`, applied to the facts
    before the series are linked (`review.apply_review`). Raises `errors.CatalogueError` for a
    malformed catalogue; a report that cannot be read is recorded in the returned report, not
    raised.
    """
    started = time.perf_counter()
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    catalogue = _load_catalogue(catalogue_path)  # fails early on a malformed user catalogue
    catalogue_id = catalogue_hash(catalogue_path)
    workers = workers or os.cpu_count() or 1

    reports, failures = collect_reports([Path(p) for p in paths])
    report = BuildReport(outdir=outdir)
    statuses: list[DocumentStatus] = [
        DocumentStatus(str(p), p.name, "failed") for p in reports
    ]
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

    cache = ExtractionCache(cache_path or outdir / CACHE_FILE_NAME)
    plot_helpers: PlotHelpers | None = None
    try:
        jobs: list[_Job] = []
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
            hit = _from_cache(cache, keys[i], path) if use_cache else None
            if hit is not None:
                summaries[i], facts_of[i] = hit.summary, hit.facts
                statuses[i].status = "cached"
                tick(path.name)
                continue
            jobs.append(_Job(i, str(path), edition, password, timeout))

        def on_result(result: _Result) -> None:
            i = result.index
            status = statuses[i]
            status.seconds = result.seconds
            if result.error is not None:
                status.status, status.error = "failed", result.error
            elif result.summary is not None and result.facts is not None:
                summary = DocumentSummary.model_validate_json(result.summary)
                facts = _FACTS.validate_json(result.facts)
                summaries[i], facts_of[i] = summary, facts
                status.status = "extracted"
                if not any(w.endswith(UNREAD_SCAN) for w in summary.warnings):
                    cache.put(keys[i], summary, facts)
            tick(reports[i].name)

        # Reports to read mean series that change, and plots to draw: a helper loads the
        # plotting library meanwhile.
        plot_helpers = PlotHelpers.early(workers) if jobs else None
        _extract_all(jobs, workers, extractor, catalogue_path, on_result, ocr=ocr)

        for i, summary in enumerate(summaries):
            if summary is not None:
                statuses[i].edition = summary.edition
                statuses[i].pages = summary.pages
                statuses[i].ocr_pages = list(summary.ocr_pages)
                statuses[i].facts = len(facts_of[i])
        all_facts = [f for facts in facts_of for f in facts]
        documents = [s for s in summaries if s is not None]
        if review is not None:
            from rapportextract.review import apply_review, mark_corrected

            all_facts, report.review = apply_review(review, all_facts, documents, catalogue)
        series_file = build_series(all_facts, catalogue)
        if report.review is not None:
            mark_corrected(series_file, report.review.corrected)

        outputs: list[Path] = []

        def write_outputs() -> None:  # while the helpers draw the first plots
            outputs.extend(_write_outputs(outdir, all_facts, documents, series_file))
            from rapportextract.review import write_build_json

            outputs.append(write_build_json(outdir, paths, documents, report.review,
                                             catalogue_path))

        plots = _write_plots(
            series_file, outdir / "plots", cache, use_cache, workers, plot_helpers,
            meanwhile=write_outputs,
        )
        outputs += plots
    finally:
        if plot_helpers is not None:
            plot_helpers.close()
        cache.close()

    report.documents = failures + statuses
    report.series = summarise(series_file)
    report.facts = len(all_facts)
    report.outputs = outputs
    report.warnings = list(series_file.warnings)
    report.seconds = time.perf_counter() - started
    return report

