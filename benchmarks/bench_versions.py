"""The same command with two versions of rapportextract, side by side (old, new, old, new ...):
a full `build --no-cache` of a corpus, and `extract` of given PDFs, each version's package
put first on PYTHONPATH. pdftotext is timed alongside `extract` where it is installed.

    python benchmarks/bench_versions.py --old /tmp/old/src [--corpus corpus] [--rounds 3]
        [--pdf a.pdf ...] [--realworld] [--workers 2] [--edition 2024] [--no-ocr]

`extract` is given ``--edition 2024`` (a PDF from elsewhere names no edition).
``--realworld`` adds the real-world-like report of `make_realworld_pdf.py`.
Wall time and CPU time (the child's user and system time) are both printed: on a shared
machine the CPU time drifts less. Make the old tree with ``git worktree add /tmp/old COMMIT``.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PYTHON, ROOT, machine, side_by_side
from make_realworld_pdf import make_realworld_pdf


def _with(src: Path, *args: str) -> list[str]:
    return ["env", "-u", "PYTHONDONTWRITEBYTECODE", f"PYTHONPATH={src}", PYTHON, "-m",
            "rapportextract", "--quiet", *args]


def _installed(src: Path, into: Path) -> Path:
    """A copy of the tree's package with its bytecode compiled, as in an installed package
    (a shell that sets PYTHONDONTWRITEBYTECODE would make every run compile every module from
    source); each version runs from its copy."""
    import compileall

    shutil.copytree(src / "rapportextract", into / "rapportextract",
                    ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(into, quiet=1)
    return into


def _timed(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU time (user and system of the child) of one run of `cmd`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _alternating(commands: list[list[str]], rounds: int) -> list[list[tuple[float, float]]]:
    """Each command once to warm up, then `rounds` rounds of one run of each in turn."""
    for cmd in commands:
        _timed(cmd)
    runs: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(rounds):
        for cmd, of_cmd in zip(commands, runs, strict=True):
            of_cmd.append(_timed(cmd))
    return runs


def _report(label: str, names: list[str], runs: list[list[float]]) -> None:
    print(f"\n{label}")
    base = runs[0]
    for name, walls in zip(names, runs, strict=True):
        ratios = [w / b for w, b in zip(walls, base, strict=True)]
        print(f"  {name:10} median {statistics.median(walls):7.3f} s; / {names[0]}: median "
              f"{statistics.median(ratios):.2f} (min {min(ratios):.2f}, max {max(ratios):.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, required=True, help="the old tree's src folder")
    parser.add_argument("--new", type=Path, default=ROOT / "src")
    parser.add_argument("--corpus", type=Path, default=None, help="build this folder too")
    parser.add_argument("--pdf", type=Path, action="append", default=[])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--realworld", action="store_true",
                        help="also extract the real-world-like report (make_realworld_pdf.py)")
    parser.add_argument("--edition", type=int, default=2024)
    parser.add_argument("--no-ocr", action="store_true", help="pass --no-ocr to extract")
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        args.old = _installed(args.old, Path(tmp) / "old-src")
        args.new = _installed(args.new, Path(tmp) / "new-src")
        if args.corpus is not None:
            commands = [
                _with(src, "build", str(args.corpus), "-o", f"{tmp}/{name}", "--no-cache",
                      "--workers", str(args.workers))
                for name, src in (("old", args.old), ("new", args.new))
            ]
            runs = side_by_side(commands, args.rounds)
            _report(f"build --no-cache {args.corpus}, --workers {args.workers}",
                    ["old", "new"], [[r.wall for r in rs] for rs in runs])
        pdfs = list(args.pdf)
        if args.realworld:
            pdfs.append(make_realworld_pdf(Path(tmp) / "realworld.pdf"))
        for pdf in pdfs:
            names = ["old", "new"]
            commands = [
                _with(src, "extract", str(pdf), "--workers", str(args.workers), "--edition",
                      str(args.edition), "-o", "/dev/null", *(["--no-ocr"] if args.no_ocr else []))
                for src in (args.old, args.new)
            ]
            if shutil.which("pdftotext"):
                names.append("pdftotext")
                commands.append(["pdftotext", str(pdf), "/dev/null"])
            timed = _alternating(commands, args.rounds)
            for i, what in enumerate(("wall", "CPU")):
                runs = [[t[i] for t in ts] for ts in timed]
                _report(f"extract {pdf.name}, --workers {args.workers}, {what}", names, runs)
                if len(runs) == 3:
                    for name, of_cmd in zip(names[:2], runs[:2], strict=True):
                        ratios = [a / b for a, b in zip(of_cmd, runs[2], strict=True)]
                        print(f"  {name} x pdftotext: median {statistics.median(ratios):.1f} "
                              f"(min {min(ratios):.1f}, max {max(ratios):.1f})")

if __name__ == "__main__":
    main()
