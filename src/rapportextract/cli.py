"""The `rapportextract` command. Thin: each command is one call into the library.

Exit codes: 0 every input went through, 1 some inputs failed (each named on stderr in one
line), 2 the command line was wrong.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from rapportextract import __version__
from rapportextract.cli_io import (
    BUILD_FILES,
    STDIO,
    PageProgress,
    UsageError,
    check_outputs,
    check_single_stdin,
    output_names,
    readable,
)
from rapportextract.errors import RapportExtractError

if TYPE_CHECKING:
    from rapportextract.catalogue import Catalogue

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2


class Progress:
    """A one-line progress bar on stderr, shown only where stderr is a terminal."""

    def __init__(self, total: int, *, quiet: bool, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.enabled = not quiet and total > 1 and self.stream.isatty()

    def __call__(self, done: int, total: int, name: str) -> None:
        if not self.enabled:
            return
        width = 30
        filled = width * done // max(total, 1)
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} {name[:40]:<40}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def _error(message: str) -> None:
    print(f"rapportextract: {message}", file=sys.stderr)


def _warn(message: str, quiet: bool) -> None:
    if not quiet:
        print(f"rapportextract: warning: {message}", file=sys.stderr)


def _each_file(
    files: Sequence[str], quiet: bool
) -> Iterator[tuple[int, str, Callable[[], None]]]:
    progress = Progress(len(files), quiet=quiet)
    for index, name in enumerate(files, 1):
        yield index, name, partial(progress, index, len(files), name)


# ----------------------------------------------------------------------------- commands


def cmd_text(args: argparse.Namespace) -> int:
    from rapportextract.export.atomic import atomic_write_text
    from rapportextract.ingest import read_document

    many = len(args.files) > 1
    if args.format == "json" and many and not _given(args.output_dir):
        raise UsageError(
            "--format json prints one document; for several give --format jsonl "
            "(one document a line) or -o DIR (one file each)"
        )
    outdir = Path(args.output_dir) if _given(args.output_dir) else None
    targets: list[Path | None] = [None] * len(args.files)
    if outdir is not None:
        suffix = {"json": ".json", "jsonl": ".jsonl"}.get(args.format, ".txt")
        targets = [outdir / name for name in output_names(args.files, suffix)]
        check_outputs(args.files, [outdir, *(t for t in targets if t is not None)])
    failed = 0
    with readable(args.files) as paths:
        for (index, name, tick), target in zip(
            _each_file(paths, args.quiet), targets, strict=True
        ):
            try:
                doc = read_document(
                    name, edition=args.edition, password=args.password, timeout=args.timeout,
                    require_edition=False, workers=_workers(args), ocr=not args.no_ocr,
                    engine=args.engine,
                    progress=PageProgress(Path(name).name, quiet=args.quiet),
                )
            except RapportExtractError as exc:
                _error(_as_given(str(exc), name, args.files[index - 1]))
                failed += 1
                tick()
                continue
            for warning in doc.warnings:
                _warn(warning, args.quiet)
            if args.files[index - 1] == STDIO:
                doc.path = STDIO  # not the temporary file it was read from
            if args.format == "text":
                payload = doc.text()
            else:
                exclude = {"pages": {"__all__": {"words"}}}
                indent = 2 if args.format == "json" else None
                payload = doc.model_dump_json(indent=indent, exclude=exclude) + "\n"
            if target is not None:
                target.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_text(target, payload)
            else:
                sys.stdout.write(payload)
            tick()
    return EXIT_SOME_FAILED if failed else EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from rapportextract.export.atomic import atomic_open
    from rapportextract.export.jsonout import write_extract_output
    from rapportextract.pipeline import extract

    output = Path(args.output) if _given(args.output) else None
    if output is not None:
        check_outputs(args.files, [output])
    catalogue = _catalogue(args)
    summaries = []
    facts = []
    failed = 0
    with readable(args.files) as paths:
        for index, name, tick in _each_file(paths, args.quiet):
            try:
                result = extract(
                    name, edition=args.edition, password=args.password, catalogue=catalogue,
                    timeout=args.timeout, workers=_workers(args), ocr=not args.no_ocr,
                    engine=args.engine, keep_pages=False,
                    progress=PageProgress(Path(name).name, quiet=args.quiet),
                )
            except RapportExtractError as exc:
                _error(_as_given(str(exc), name, args.files[index - 1]))
                failed += 1
            else:
                for warning in result.document.warnings:
                    _warn(warning, args.quiet)
                summary = result.summary()
                if args.files[index - 1] == STDIO:
                    summary.path = STDIO  # not the temporary file it was read from
                summaries.append(summary)
                facts.extend(result.facts)
            tick()
    if failed == len(args.files):
        # Nothing was read: an empty result must not replace a good earlier output.
        return EXIT_SOME_FAILED
    # Several inputs give one JSON object, their documents and facts in the order given.
    del result  # the last report's pages: not kept while its facts are written
    if output is not None:
        with atomic_open(output, "w") as fh:
            write_extract_output(fh, facts, summaries)
    else:
        write_extract_output(sys.stdout, facts, summaries)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _as_given(message: str, path: str, given: str) -> str:
    """A message about standard input names it `-`, not the temporary file it was read from."""
    return message.replace(path, STDIO) if given == STDIO else message


def _given(option: str | None) -> bool:
    """Whether an -o option names a path (not given, or `-`, means standard output)."""
    return bool(option) and option != STDIO


def cmd_build(args: argparse.Namespace) -> int:
    from rapportextract.batch import build
    from rapportextract.build_text import summary_text

    _check_build_output(args.paths, Path(args.output))
    progress = Progress(0, quiet=args.quiet)

    def on_progress(done: int, total: int, name: str) -> None:
        progress.total = total
        progress.enabled = not args.quiet and total > 1 and progress.stream.isatty()
        progress(done, total, name)

    report = build(
        [Path(p) for p in args.paths],
        Path(args.output),
        use_cache=not args.no_cache,
        cache_path=Path(args.cache) if args.cache else None,
        workers=args.workers,
        catalogue_path=Path(args.catalogue) if args.catalogue else None,
        edition=args.edition,
        password=args.password,
        timeout=args.timeout,
        progress=on_progress,
        ocr=not args.no_ocr,
        executor="dask" if args.executor == "dask" else "processes",
        scheduler=args.scheduler,
        review=Path(args.review) if args.review else None,
    )
    for message in report.errors:
        _error(message)
    print(summary_text(report))  # a result: -q silences progress and warnings only
    if report.review is not None:
        print("\n".join(report.review.summary_lines()))
    return EXIT_SOME_FAILED if report.errors else EXIT_OK


def _check_build_output(paths: Sequence[str], outdir: Path) -> None:
    """The output folder is not one of the input files, nor are the files written in it. (It
    may be an input folder: only reports are read from there, and they are not written.)"""
    files = [path for path in paths if not Path(path).is_dir()]
    check_outputs(files, [outdir, *(outdir / name for name in BUILD_FILES)])


def cmd_schema(args: argparse.Namespace) -> int:
    from rapportextract.schema import facts_schema, series_schema

    schema = facts_schema() if args.which == "facts" else series_schema()
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from rapportextract.evaluate import evaluate_corpus

    if args.review:
        from rapportextract.review.gold import evaluate_review

        report = evaluate_review(Path(args.corpus), Path(args.review))
    else:
        report = evaluate_corpus(Path(args.corpus), Path(args.gold) if args.gold else None)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(report.to_text())
    return EXIT_OK


def cmd_draw(args: argparse.Namespace) -> int:
    from rapportextract.ingest.render import draw_facts
    from rapportextract.pipeline import extract

    check_outputs([args.file], [Path(args.output)])
    try:
        with readable([args.file]) as (name,):
            result = extract(
                name, edition=args.edition, password=args.password,
                catalogue=_catalogue(args), timeout=args.timeout, workers=_workers(args),
                ocr=not args.no_ocr, engine=args.engine,
                progress=PageProgress(Path(name).name, quiet=args.quiet),
            )
            written = draw_facts(
                name, result.facts, Path(args.output), password=args.password,
                resolution=args.resolution,
            )
    except RapportExtractError as exc:
        _error(str(exc))
        return EXIT_SOME_FAILED
    for path in written:
        print(path)  # a result: printed under -q too
    if not args.quiet:
        from rapportextract.quantities.skips import count_by_reason, skipped_numbers

        counts = count_by_reason(skipped_numbers(result.document))
        if counts:
            reasons = ", ".join(f"{reason} {n}" for reason, n in counts.items())
            print(f"rapportextract: numbers not drawn, no figures: {reasons}", file=sys.stderr)
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    from rapportextract.review.server import serve

    def announce(line: str) -> None:  # at once, also where stdout is a pipe
        print(line, flush=True)

    return serve(Path(args.outdir), Path(args.review) if args.review else None, args.port,
                 announce=announce)


def _catalogue(args: argparse.Namespace) -> Catalogue | None:
    if not getattr(args, "catalogue", None):
        return None
    from rapportextract.catalogue import load_catalogue

    return load_catalogue(Path(args.catalogue))


# ----------------------------------------------------------------------------- parser


BUILD_TIMEOUT = 600.0
"""A build runs unattended over many files: one file built to stall the parser must not hold
a worker for ever. Ten minutes is far above what a real report takes (a dense 600-page PDF
reads in about two)."""


def _input_options(parser: argparse.ArgumentParser, *, timeout: float | None = None) -> None:
    parser.add_argument("--edition", type=_edition_year,
                        help="edition year (publication year) of the input")
    parser.add_argument("--password", help="password of an encrypted PDF")
    parser.add_argument(
        "--timeout", type=float, default=timeout,
        help="give up on a document after this many seconds (default: "
        + ("no limit" if timeout is None else f"{timeout:g}") + ")",
    )
    parser.add_argument(
        "--workers", type=_positive_int, default=None,
        help="processes (default: all cores): reports read at once, or scanned pages read by "
             "OCR at once",
    )
    parser.add_argument(
        "--engine", choices=("pdfium", "pdfplumber"), default="pdfium",
        help="PDF reader: pdfium (default, fast) or pdfplumber (the reference)",
    )
    parser.add_argument(
        "--no-ocr", action="store_true",
        help="leave scanned pages (no text layer) unread; by default they are read by OCR "
             "where Tesseract with Dutch data is installed",
    )


FIRST_EDITION = 1900
"""The earliest edition year `--edition` takes; the latest is next year."""


def _edition_year(text: str) -> int:
    import datetime

    last = datetime.date.today().year + 1
    try:
        year = int(text)
    except ValueError:
        year = 0
    if not FIRST_EDITION <= year <= last:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an edition year from {FIRST_EDITION} to {last}"
        )
    return year


def _positive_int(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return number


def _workers(args: argparse.Namespace) -> int:
    return int(getattr(args, "workers", None) or os.cpu_count() or 1)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rapportextract",
        description="Turn Dutch yearly reports into clean text, typed facts and time series.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "-q", "--quiet", action="store_true",
        help="no progress or warnings (results are still printed)",
    )
    # -q is accepted after the command too; SUPPRESS keeps a later default from undoing it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
        help="no progress or warnings (results are still printed)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("text", parents=[common], help="clean text of reports in reading order")
    p.add_argument("files", nargs="+", metavar="FILE", help="a PDF or text file; '-' is stdin")
    p.add_argument(
        "--format", choices=["text", "json", "jsonl"], default="text",
        help="text (default); json: one document as JSON; jsonl: one JSON document a line",
    )
    p.add_argument(
        "-o", "--output-dir", metavar="DIR",
        help="write <name>.txt (.json, .jsonl) per input here instead of stdout",
    )
    _input_options(p)
    p.set_defaults(func=cmd_text)

    p = sub.add_parser("extract", parents=[common], help="facts of reports as JSON")
    p.add_argument("files", nargs="+", metavar="FILE", help="a PDF or text file; '-' is stdin")
    p.add_argument("-o", "--output", help="write JSON here instead of stdout ('-': stdout)")
    p.add_argument("--catalogue", help="a TOML file of extra concepts")
    _input_options(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "build", parents=[common], help="every report under PATHs: facts, series, CSV, plots"
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR")
    p.add_argument("--no-cache", action="store_true", help="re-extract every report")
    p.add_argument("--cache", metavar="FILE", help="cache file (default: OUTDIR/.cache.sqlite)")
    p.add_argument("--catalogue", help="a TOML file of extra concepts")
    p.add_argument(
        "--executor", choices=["processes", "dask"], default="processes",
        help="where reports are read: local processes (default) or a Dask cluster "
             "(started here with --workers processes, unless --scheduler names one)",
    )
    p.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="the scheduler of a running Dask cluster (tcp://HOST:8786); implies --executor dask",
    )
    p.add_argument("--review", metavar="FILE",
                   help="apply the decisions of `rapportextract review` in FILE")
    _input_options(p, timeout=BUILD_TIMEOUT)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("schema", parents=[common], help="print the JSON Schema of an output")
    p.add_argument("which", choices=["facts", "series"])
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser(
        "eval", parents=[common], help="compare extracted facts with hand-written gold"
    )
    p.add_argument("corpus", nargs="?", default="corpus",
                   help="folder of reports, with manifest.json or gold files that name them "
                        "(default: corpus)")
    p.add_argument("--gold", help="gold folder (default: CORPUS/gold)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--review", metavar="FILE",
                   help="score against the reviewed decisions in FILE instead of gold files")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser(
        "review", parents=[common], help="check, correct and add the facts of a build on a "
                                         "local page"
    )
    p.add_argument("outdir", metavar="OUTDIR", help="output folder of `build`")
    p.add_argument("--review", metavar="FILE",
                   help="decisions file (default: review.jsonl beside the first input)")
    p.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser(
        "draw", parents=[common], help="draw the recognised figures on the page images"
    )
    p.add_argument("file", metavar="FILE", help="a PDF or text file; '-' is stdin")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR")
    p.add_argument("--resolution", type=int, default=100, help="pixels per inch")
    p.add_argument("--catalogue", help="a TOML file of extra concepts")
    _input_options(p)
    p.set_defaults(func=cmd_draw)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        check_single_stdin(getattr(args, "files", []))
        code: int = args.func(args)
    except UsageError as exc:
        _error(str(exc))
        return EXIT_USAGE
    except RapportExtractError as exc:
        _error(str(exc))
        return EXIT_SOME_FAILED
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:
        # Writing an output failed (disk full, a folder where a file was asked for); the
        # writers are atomic, so what was there before is still whole.
        where = f"{exc.filename}: " if exc.filename else ""
        hint = "check the output path and free space"
        _error(f"{where}cannot write output ({exc.strerror or exc}); {hint}")
        return EXIT_SOME_FAILED
    return code
