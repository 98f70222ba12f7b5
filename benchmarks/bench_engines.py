"""`rapportextract extract` with the PDFium engine (the default) against pdftotext, and the
pdfplumber engine for reference, side by side (A B A B ...), whole processes, on two PDFs:
the real-world-like report (`make_realworld_pdf.py`: embedded fonts, a logo on every page,
vector charts, two columns, tables) and the corpus-like report (`_common.make_report_pdf`,
63 pages). Prints medians and ratios to pdftotext's time.

    python benchmarks/bench_engines.py [--rounds 5] [--reference]

pdftotext comes with poppler-utils.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PYTHON, machine, make_report_pdf, side_by_side
from make_realworld_pdf import make_realworld_pdf


def _extract(pdf: Path, workers: int, engine: str) -> list[str]:
    return [PYTHON, "-m", "rapportextract", "extract", str(pdf), "-q", "--workers",
            str(workers), "--engine", engine, "-o", "/dev/null"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--reference", action="store_true",
                        help="also time the pdfplumber engine (slow on the real-world PDF)")
    args = parser.parse_args()
    if shutil.which("pdftotext") is None:
        sys.exit("pdftotext not found: apt-get install poppler-utils")
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        cases = [
            ("real-world-like, 64 pages, --workers 1",
             make_realworld_pdf(Path(tmp) / "realworld.pdf"), 1),
            ("corpus-like, 63 pages, --workers 2",
             make_report_pdf(Path(tmp) / "corpuslike.pdf", copies=3), 2),
        ]
        for label, pdf, workers in cases:
            commands = [["pdftotext", str(pdf), "/dev/null"], _extract(pdf, workers, "pdfium")]
            if args.reference:
                commands.append(_extract(pdf, workers, "pdfplumber"))
            runs = side_by_side(commands, args.rounds)
            base = runs[0]
            print(f"\n{label}")
            print(f"  pdftotext            median {statistics.median(r.wall for r in base):.3f} s")
            for name, of_cmd in zip(("pdfium", "pdfplumber"), runs[1:], strict=False):
                ratios = [x.wall / y.wall for x, y in zip(of_cmd, base, strict=True)]
                median = statistics.median(r.wall for r in of_cmd)
                print(f"  extract ({name:10}) median {median:.3f}"
                      f" s; x pdftotext: median {statistics.median(ratios):.1f}"
                      f" (min {min(ratios):.1f}, max {max(ratios):.1f})")


if __name__ == "__main__":
    main()
