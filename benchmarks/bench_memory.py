"""Peak resident memory of `rapportextract extract` on a 600-page PDF, against pdfplumber
reading the words of the same file.

Target: at most 232 MB (issue 16). `extract` reads a long PDF with helper processes (one per
core); the largest single process is its main one, and the helpers' own memory shows in the
total over all its processes (proportional set size, sampled: shared memory counted once).
Run: ``python benchmarks/bench_memory.py [--pages 600]``.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _common import PYTHON, machine, make_long_pdf, peak_rss_mb, peak_tree_pss_mb
from bench_pdf import WORDS_ONLY


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=600)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = make_long_pdf(Path(tmp) / "long-2024.pdf", args.pages)
        ours = [PYTHON, "-m", "rapportextract", "--quiet", "extract", str(pdf),
                "-o", str(Path(tmp) / "facts.json")]
        theirs = [PYTHON, "-c", WORDS_ONLY, str(pdf)]
        one = [*ours, "--workers", "1"]
        results = {
            "rapportextract extract, largest process": peak_rss_mb(ours),
            "rapportextract extract, all its processes (PSS)": peak_tree_pss_mb(ours),
            "rapportextract extract --workers 1": peak_rss_mb(one),
            "pdfplumber words": peak_rss_mb(theirs),
        }
    print(f"machine: {machine()}; {args.pages} pages")
    for label, mb in results.items():
        print(f"{label}: peak RSS {mb:.0f} MB")


if __name__ == "__main__":
    main()
