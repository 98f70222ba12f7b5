"""Process-pool speed-up of `rapportextract build` on a multi-file corpus: one worker against
all cores, no cache, side by side in one run.

Run: ``python benchmarks/bench_parallel.py [--files 8] [--pages 12] [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from _common import PYTHON, machine, make_long_pdf, ratio_line, side_by_side


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--pages", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for i in range(args.files):
            make_long_pdf(corpus / f"rapport-{2010 + i}.pdf", args.pages, two_columns=i % 2 == 1)

        def build(workers: int) -> list[str]:
            return [PYTHON, "-m", "rapportextract", "--quiet", "build", str(corpus),
                    "-o", str(Path(tmp) / f"out{workers}"), "--no-cache",
                    "--workers", str(workers)]

        runs_one, runs_all = side_by_side([build(1), build(cores)], args.rounds)
    print(f"machine: {machine()}; {args.files} files of {args.pages} pages")
    print(ratio_line(f"build 1 worker vs {cores} workers (ratio = speed-up)", runs_one, runs_all))


if __name__ == "__main__":
    main()
