"""The same command with two versions of rapportextract, side by side (old, new, old, new ...):
a full `build --no-cache` of a corpus, and `extract` of given PDFs, each version's package
put first on PYTHONPATH. pdftotext is timed alongside `extract` where it is installed.

    python benchmarks/bench_versions.py --old /tmp/old/src [--corpus corpus] [--rounds 3]
        [--pdf a.pdf ...] [--workers 2]

`extract` is given ``--edition 2024`` (a PDF from elsewhere names no edition).
Make the old tree with ``git worktree add /tmp/old COMMIT``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PYTHON, ROOT, machine, side_by_side


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
        for pdf in args.pdf:
            names = ["old", "new"]
            commands = [
                _with(src, "extract", str(pdf), "--workers", str(args.workers), "--edition",
                      "2024", "-o", "/dev/null")
                for src in (args.old, args.new)
            ]
            if shutil.which("pdftotext"):
                names.append("pdftotext")
                commands.append(["pdftotext", str(pdf), "/dev/null"])
            runs = side_by_side(commands, args.rounds)
            _report(f"extract {pdf.name}, --workers {args.workers}", names,
                    [[r.wall for r in rs] for rs in runs])


if __name__ == "__main__":
    main()
