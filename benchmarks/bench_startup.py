"""Start-up before the first fact, two versions side by side (old, new, old, new ...): a fresh
process imports `rapportextract.pipeline`, loads the catalogue and extracts a one-sentence
text, or a one-page PDF; its CPU time from its start to the facts is the measure.

    python benchmarks/bench_startup.py --old /tmp/old/src [--rounds 5]

Each tree's package is copied to a temporary folder and its bytecode compiled there first, as
in an installed package (this machine's shell may set PYTHONDONTWRITEBYTECODE, which makes
every run compile every module from source). Caches in the user's cache folder (the compiled
patterns) are those of a second run: each command runs once before the rounds.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PYTHON, ROOT, machine, make_long_pdf

_PROBE = """
import sys, time
import rapportextract.pipeline as pipeline
from rapportextract.catalogue import load_catalogue
facts = pipeline.extract(sys.argv[1], catalogue=load_catalogue(), edition=2024).facts
assert facts, "no fact"
print(time.process_time(), len(facts), int("pdfplumber" in sys.modules))
"""

SENTENCE = "In 2023 telden de corporaties 3.100 ontruimingen, ruim 12 procent meer.\n"


def _tree(src: Path, into: Path) -> Path:
    shutil.copytree(src / "rapportextract", into / "rapportextract",
                    ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(into, quiet=1)
    return into


def _probe(src: Path, path: Path) -> tuple[float, int, bool]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run([PYTHON, "-c", _PROBE, str(path)], env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1]), out[2] == "1"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, required=True, help="the old tree's src folder")
    parser.add_argument("--new", type=Path, default=ROOT / "src")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        trees = {"old": _tree(args.old, tmp / "old"), "new": _tree(args.new, tmp / "new")}
        text = tmp / "zin.txt"
        text.write_text(SENTENCE, encoding="utf-8")
        pdf = make_long_pdf(tmp / "pagina.pdf", 1)
        for label, path in (("one-sentence text", text), ("one-page PDF", pdf)):
            for src in trees.values():
                _probe(src, path)  # warm-up: file cache, pattern caches
            times: dict[str, list[float]] = {k: [] for k in trees}
            facts: dict[str, int] = {}
            plumber: dict[str, bool] = {}
            for _ in range(args.rounds):
                for key, src in trees.items():
                    cpu, facts[key], plumber[key] = _probe(src, path)
                    times[key].append(cpu)
            ratios = [n / o for n, o in zip(times["new"], times["old"], strict=True)]
            print(f"\n{label} (CPU seconds from the process's start to its facts)")
            for key, values in times.items():
                print(f"  {key}: median {statistics.median(values):.3f} s (min {min(values):.3f}, "
                      f"max {max(values):.3f}); {facts[key]} facts; pdfplumber imported: "
                      f"{plumber[key]}")
            print(f"  new/old per pair: median {statistics.median(ratios):.2f} "
                  f"(min {min(ratios):.2f}, max {max(ratios):.2f})")


if __name__ == "__main__":
    main()
