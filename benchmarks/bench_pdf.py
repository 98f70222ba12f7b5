"""`rapportextract extract` against pdfplumber's own word reading, on the same 64-page PDF.

Target: extract at most 1.5x the time pdfplumber takes to read the words (issue 7).
Run: ``python benchmarks/bench_pdf.py [--pages 64] [--rounds 5]``.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _common import PYTHON, machine, make_long_pdf, ratio_line, side_by_side

WORDS_ONLY = (
    "import sys, pdfplumber\n"
    "with pdfplumber.open(sys.argv[1]) as pdf:\n"
    "    for page in pdf.pages:\n"
    "        page.extract_words()\n"
    "        page.close()\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--two-columns", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = make_long_pdf(Path(tmp) / "long-2024.pdf", args.pages, two_columns=args.two_columns)
        ours = [PYTHON, "-m", "rapportextract", "--quiet", "extract", str(pdf),
                "-o", str(Path(tmp) / "facts.json")]
        theirs = [PYTHON, "-c", WORDS_ONLY, str(pdf)]
        runs_a, runs_b = side_by_side(ours, theirs, args.rounds)
    print(f"machine: {machine()}; {args.pages} pages, {args.rounds} rounds")
    print(ratio_line("extract vs pdfplumber words", runs_a, runs_b))


if __name__ == "__main__":
    main()
