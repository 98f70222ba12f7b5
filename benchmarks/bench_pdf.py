"""`rapportextract extract` against pdfplumber's own word reading, on the same long PDF.

By default the PDF is the bundled corpus's editions one after another, three times over (63
pages of report: prose, charts, tables, one and two columns). `--dense N` uses N pages of
prose where every sentence carries figures instead: a stress case for the fact stages.

Target: extract at most 1.5x the time pdfplumber takes to read the words. Reported twice: as
`extract` runs by default (a long PDF's pages read by every core) and with ``--workers 1``.
Run: ``python benchmarks/bench_pdf.py [--copies 3 | --dense 64] [--rounds 5]``.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _common import PYTHON, machine, make_long_pdf, make_report_pdf, ratio_line, side_by_side

WORDS_ONLY = (
    "import sys, pdfplumber\n"
    "with pdfplumber.open(sys.argv[1]) as pdf:\n"
    "    for page in pdf.pages:\n"
    "        page.extract_words()\n"
    "        page.close()\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--dense", type=int, metavar="PAGES", default=0)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.dense:
            pdf = make_long_pdf(Path(tmp) / "dense-2024.pdf", args.dense)
        else:
            pdf = make_report_pdf(Path(tmp) / "report-2023.pdf", args.copies)
        import pdfplumber

        with pdfplumber.open(pdf) as opened:
            pages = len(opened.pages)
        ours = [PYTHON, "-m", "rapportextract", "--quiet", "extract", str(pdf),
                "-o", str(Path(tmp) / "facts.json")]
        theirs = [PYTHON, "-c", WORDS_ONLY, str(pdf)]
        # As a user runs it (pages read by all cores), and in one process, against the same
        # pdfplumber runs: the rounds go ours, ours in one process, pdfplumber.
        runs = side_by_side([ours, [*ours, "--workers", "1"], theirs], args.rounds)
    print(f"machine: {machine()}; {pdf.name}, {pages} pages, {args.rounds} rounds")
    print(ratio_line("extract (all cores) vs pdfplumber words", runs[0], runs[2]))
    print(ratio_line("extract --workers 1 vs pdfplumber words", runs[1], runs[2]))


if __name__ == "__main__":
    main()
