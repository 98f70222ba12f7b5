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

    failed = 0
    outdir = Path(args.output_dir) if args.output_dir else None
    for _, name, tick in _each_file(args.files, args.quiet):
        try:
            doc = read_document(
                name, edition=args.edition, password=args.password, timeout=args.timeout,
                require_edition=False, workers=_workers(args), ocr=not args.no_ocr,
                engine=args.engine,
            )
        except RapportExtractError as exc:
            _error(str(exc))
            failed += 1
            tick()
            continue
        for warning in doc.warnings:
            _warn(warning, args.quiet)
        if args.format == "json":
            payload = doc.model_dump_json(
                indent=2, exclude={"pages": {"__all__": {"words"}}}
            ) + "\n"
        else:
            payload = doc.text()
        if outdir is not None:
            suffix = ".json" if args.format == "json" else ".txt"
            outdir.mkdir(parents=True, exist_ok=True)
            atomic_write_text(outdir / (Path(name).stem + suffix), payload)
        else:
            sys.stdout.write(payload)
        tick()
    return EXIT_SOME_FAILED if failed else EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from rapportextract.export.atomic import atomic_write_text
    from rapportextract.models import ExtractOutput
    from rapportextract.pipeline import extract

    catalogue = _catalogue(args)
    summaries = []
    facts = []
    failed = 0
    for _, name, tick in _each_file(args.files, args.quiet):
        try:
            result = extract(
                name, edition=args.edition, password=args.password, catalogue=catalogue,
                timeout=args.timeout, workers=_workers(args), ocr=not args.no_ocr,
                engine=args.engine,
            )
        except RapportExtractError as exc:
            _error(str(exc))
            failed += 1
        else:
            for warning in result.document.warnings:
                _warn(warning, args.quiet)
            summaries.append(result.summary())
            facts.extend(result.facts)
        tick()
    output = ExtractOutput(documents=summaries, facts=facts)
    payload = output.model_dump_json(indent=2) + "\n"
    if args.output:
        atomic_write_text(Path(args.output), payload)
    else:
        sys.stdout.write(payload)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    from rapportextract.build import build

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
    )
    for message in report.errors:
        _error(message)
    if not args.quiet:
        print(report.summary_text())
    return EXIT_SOME_FAILED if report.errors else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from rapportextract.schema import facts_schema, series_schema

    schema = facts_schema() if args.which == "facts" else series_schema()
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from rapportextract.evaluate import evaluate_corpus

    report = evaluate_corpus(Path(args.corpus), Path(args.gold) if args.gold else None)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(report.to_text())
    return EXIT_OK


def cmd_draw(args: argparse.Namespace) -> int:
    from rapportextract.ingest.render import draw_facts
    from rapportextract.pipeline import extract

    try:
        result = extract(
            args.file, edition=args.edition, password=args.password,
            catalogue=_catalogue(args), timeout=args.timeout, workers=_workers(args),
            ocr=not args.no_ocr, engine=args.engine,
        )
        written = draw_facts(
            args.file, result.facts, Path(args.output), password=args.password,
            resolution=args.resolution,
        )
    except RapportExtractError as exc:
        _error(str(exc))
        return EXIT_SOME_FAILED
    if not args.quiet:
        for path in written:
            print(path)
    return EXIT_OK


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
    parser.add_argument("--edition", type=int, help="edition year (publication year) of the input")
    parser.add_argument("--password", help="password of an encrypted PDF")
    parser.add_argument(
        "--timeout", type=float, default=timeout,
        help="give up on a document after this many seconds (default: "
        + ("no limit" if timeout is None else f"{timeout:g}") + ")",
    )
    parser.add_argument(
        "--workers", type=_positive_int, default=None,
        help="processes (default: all cores); a long PDF's pages are read by several at once",
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
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar or warnings")
    # -q is accepted after the command too; SUPPRESS keeps a later default from undoing it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
        help="no progress bar or warnings",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("text", parents=[common], help="clean text of reports in reading order")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("-o", "--output-dir", help="write <name>.txt (or .json) per input here")
    _input_options(p)
    p.set_defaults(func=cmd_text)

    p = sub.add_parser("extract", parents=[common], help="facts of reports as JSON")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("-o", "--output", help="write JSON here instead of stdout")
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
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser(
        "draw", parents=[common], help="draw the recognised figures on the page images"
    )
    p.add_argument("file", metavar="FILE")
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
        code: int = args.func(args)
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
