"""Full `rapportextract build` against an incremental rebuild after adding one report, side by
side in one run (full, incremental, full, incremental, ...).

The full build starts from an empty output folder (``--no-cache``). The incremental rebuild
starts from a copy of the output folder of a build over every report but one (its cache
included) and builds again with the one report added: only that report is read, the rest
comes from the cache; series, CSV, Data Package and plots are all written again.

Each round also times ``rapportextract extract`` of the added report alone: start-up and
reading that one report, which a rebuild cannot do without. Full build over that is the
highest ratio any rebuild could reach on this corpus and machine.

Run: ``python benchmarks/bench_build.py [--files 19] [--pages 12] [--rounds 3]``
or ``python benchmarks/bench_build.py --corpus corpus`` to use existing reports.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import tempfile
from pathlib import Path

from _common import PARAGRAPHS, PYTHON, Run, machine, run
from reportlab.pdfgen import canvas


def make_edition_pdf(path: Path, edition: int, pages: int) -> Path:
    """A report-like PDF of one edition: its title on page 1, prose with figures after."""
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    for number in range(1, pages + 1):
        if number == 1:
            pdf.setFont("Helvetica-Bold", 16)
            pdf.drawString(60, 790, f"HUURSCHULDEN EN HUISUITZETTINGEN {edition}")
        pdf.setFont("Helvetica", 9.5)
        y, k = 750, 0
        while y > 70:
            year = edition - 1 - (k % 3)
            text = PARAGRAPHS[(number + k) % len(PARAGRAPHS)].format(
                year=year, n=f"{100 + (edition + k) % 50}.{k % 10}00", d=f"{(k % 9) + 1}.000",
                m=150 + (edition + number) % 80, p=f"1,{k % 9}", r=(k % 8) + 1,
                v=f"{3 + k % 6}.{k % 10}00",
            )
            line = ""
            for word in text.split():
                if len(line) + len(word) + 1 > 100:
                    pdf.drawString(60, y, line)
                    y -= 12
                    line = word
                else:
                    line = f"{line} {word}".strip()
            pdf.drawString(60, y, line)
            y -= 22
            k += 1
        pdf.showPage()
    pdf.save()
    return path


def build_cmd(corpus: Path, out: Path, *extra: str) -> list[str]:
    return [PYTHON, "-m", "rapportextract", "--quiet", "build", str(corpus), "-o", str(out),
            *extra]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=19, help="reports in the corpus")
    parser.add_argument("--pages", type=int, default=12, help="pages per generated report")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", type=Path, help="use these reports instead (PDF or text)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        # Run a snapshot of the package: the cache is keyed by a fingerprint of its code, and
        # an edit to the source tree during the run would make every cached report stale.
        package = Path(__file__).resolve().parents[1] / "src" / "rapportextract"
        shutil.copytree(package, tmp / "src" / "rapportextract",
                        ignore=shutil.ignore_patterns("__pycache__"))
        # Its bytecode compiled, as in an installed package (a shell that sets
        # PYTHONDONTWRITEBYTECODE makes every process compile every module from source,
        # which weighs on a rebuild's one short process more than on a full build).
        compileall.compile_dir(tmp / "src", quiet=1)
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPATH"] = str(tmp / "src")
        every, base = tmp / "every", tmp / "base"
        every.mkdir()
        base.mkdir()
        if args.corpus:
            sources = sorted(p for p in args.corpus.rglob("*") if p.suffix in (".pdf", ".txt"))
            for src in sources:
                shutil.copy2(src, every / src.name)
        else:
            for i in range(args.files):
                make_edition_pdf(every / f"huurschulden-{2006 + i}.pdf", 2006 + i, args.pages)
        reports = sorted(every.iterdir())
        added = reports[-1]
        for report in reports[:-1]:
            shutil.copy2(report, base / report.name)

        template = tmp / "template"
        run(build_cmd(base, template))  # output folder and cache of all but one report

        def incremental(i: int) -> Run:
            out = tmp / f"inc{i}"
            shutil.copytree(template, out)
            return run(build_cmd(every, out))

        def full(i: int) -> Run:
            return run(build_cmd(every, tmp / f"full{i}", "--no-cache"))

        def alone(i: int) -> Run:
            return run([PYTHON, "-m", "rapportextract", "--quiet", "extract", str(added),
                        "-o", str(tmp / f"alone{i}.json")])

        full(-1)  # warm-up: file cache, bytecode
        incremental(-1)
        alone(-1)
        fulls, incs, alones = [], [], []
        for i in range(args.rounds):
            fulls.append(full(i))
            incs.append(incremental(i))
            alones.append(alone(i))

    ratios = [f.wall / i.wall for f, i in zip(fulls, incs, strict=True)]
    floors = [f.wall / a.wall for f, a in zip(fulls, alones, strict=True)]
    print(f"machine: {machine()}")
    origin = "given" if args.corpus else f"{args.pages} pages each"
    print(f"corpus: {len(reports)} reports ({origin}); added: {added.name}")
    print(f"full build: median {statistics.median(r.wall for r in fulls):.2f} s; "
          f"incremental rebuild: median {statistics.median(r.wall for r in incs):.2f} s")
    print(f"ratio full / incremental per pair: min {min(ratios):.1f} "
          f"median {statistics.median(ratios):.1f} max {max(ratios):.1f}")
    print(f"extract of {added.name} alone: median "
          f"{statistics.median(r.wall for r in alones):.2f} s; ratio full / that (the highest "
          f"a rebuild could reach) min {min(floors):.1f} median {statistics.median(floors):.1f} "
          f"max {max(floors):.1f}")


if __name__ == "__main__":
    main()
