"""CPU time of each stage of `extract`, a page at a time, for two versions of the code side by
side (old, new, old, new ...; each in a process of its own with its package first on
PYTHONPATH). A stage is timed around its function, inside a process that has read the PDF
once already (imports, compiled patterns and the catalogue are not counted).

    python benchmarks/bench_stages.py --old /tmp/old/src [--pdf a.pdf ...] [--realworld]
        [--rounds 3] [--edition 2020]

Prints, per PDF and stage, the median ms a page of each version and the median of the
new/old ratios taken pair by pair. Make the old tree with ``git worktree add /tmp/old COMMIT``.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PYTHON, ROOT, machine
from make_realworld_pdf import make_realworld_pdf

# (module, function, label): the stages, and within reading the pages the steps of the
# PDFium engine (indented); a function the version does not have is left out.
STAGES = [
    ("rapportextract.ingest.pdfium", "read_pdfium_pages", "read pages (PDFium)"),
    ("rapportextract.ingest.pdfium", "_chars", "  letters"),
    ("rapportextract.ingest.pdfium", "letter_words", "  words"),
    ("rapportextract.ingest.pdfium", "_objects", "  page objects"),
    ("rapportextract.ingest.pdfium", "_tables", "  ruled tables"),
    ("rapportextract.layout", "layout_pages", "layout"),
    ("rapportextract.ingest", "split_sentences", "sentences"),
    ("rapportextract.pipeline", "chart_facts", "chart facts"),
    ("rapportextract.pipeline", "table_facts", "table facts"),
    ("rapportextract.pipeline", "extract_facts", "prose facts"),
]
TOTAL = "all of extract"
COLLECTOR = "  of it the collector"


def child(pdf: str, edition: int) -> None:
    """One version's stage times on `pdf` as JSON on stdout (seconds of CPU)."""
    import importlib

    from rapportextract import pipeline
    from rapportextract.catalogue import load_catalogue

    spent: dict[str, float] = {}
    in_gc = [0.0, 0.0]

    def on_gc(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            in_gc[1] = time.process_time()
        else:
            in_gc[0] += time.process_time() - in_gc[1]

    def timed(module: Any, name: str, label: str) -> None:
        inner = getattr(module, name)

        @functools.wraps(inner)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - start

        setattr(module, name, wrapper)

    for module_name, name, label in STAGES:
        module = importlib.import_module(module_name)
        if hasattr(module, name):
            timed(module, name, label)
    catalogue = load_catalogue()

    def once() -> Any:
        return pipeline.extract(pdf, edition=edition, ocr=False, catalogue=catalogue,
                                keep_pages=False)

    once()  # warm: compiled patterns, caches
    spent.clear()
    gc.callbacks.append(on_gc)
    start = time.process_time()
    extraction = once()
    spent[TOTAL] = time.process_time() - start
    spent[COLLECTOR] = in_gc[0]
    spent["pages"] = len(extraction.document.pages)
    print(json.dumps(spent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, required=True, help="the old tree's src folder")
    parser.add_argument("--new", type=Path, default=ROOT / "src")
    parser.add_argument("--pdf", type=Path, action="append", default=[])
    parser.add_argument("--realworld", action="store_true",
                        help="also the real-world-like report (make_realworld_pdf.py)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--edition", type=int, default=2020)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.edition)
        return
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = list(args.pdf)
        if args.realworld:
            pdfs.append(make_realworld_pdf(Path(tmp) / "realworld.pdf"))
        for pdf in pdfs:
            runs: dict[str, list[dict[str, float]]] = {"old": [], "new": []}
            for _ in range(args.rounds):
                for name, src in (("old", args.old), ("new", args.new)):
                    out = subprocess.run(
                        ["env", f"PYTHONPATH={src}", PYTHON, __file__, "--old", str(src),
                         "--child", str(pdf), "--edition", str(args.edition)],
                        check=True, capture_output=True, text=True,
                    ).stdout
                    runs[name].append(json.loads(out.strip().splitlines()[-1]))
            pages = runs["new"][0]["pages"]
            print(f"\n{pdf.name}, {pages:.0f} pages: CPU ms a page, medians of {args.rounds}")
            print(f"  {'stage':24} {'old':>8} {'new':>8}  new/old per pair")
            for label in [TOTAL, COLLECTOR, *(s[2] for s in STAGES)]:
                old = [r.get(label) for r in runs["old"]]
                new = [r.get(label) for r in runs["new"]]
                if any(v is None for v in old + new):
                    continue
                ratios = [n / o for n, o in zip(new, old, strict=True) if o]
                ratio = (f"{statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})"
                         if ratios else "-")
                print(f"  {label:24} {1000 * statistics.median(old) / pages:8.1f}"
                      f" {1000 * statistics.median(new) / pages:8.1f}  {ratio}")


if __name__ == "__main__":
    main()
