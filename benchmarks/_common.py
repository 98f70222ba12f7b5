"""Shared pieces of the benchmark scripts: a long report PDF made on the spot, and timing of
whole processes side by side (A B A B ...), so a ratio holds while the machine's speed drifts."""

from __future__ import annotations

import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen import canvas

rl_config.invariant = 1

PARAGRAPHS = [
    "In {year} telden de woningcorporaties samen {n} huishoudens met een huurachterstand, "
    "ruim {d} minder dan een jaar eerder.",
    "De totale huurachterstand kwam uit op \u20ac {m} miljoen; dat is {p} procent van de "
    "huurinkomsten.",
    "Bijna {r} op de 10 corporaties belt een huurder binnen een week na de eerste gemiste "
    "betaling, en een kwart gaat ook langs.",
    "Het aantal vonnissen steeg naar {v}, waarvan ongeveer een derde tot een ontruiming leidde.",
]


ROOT = Path(__file__).resolve().parent.parent


def make_report_pdf(path: Path, copies: int = 3) -> Path:
    """A long report in the bundled corpus's style: every edition's pages (prose, charts,
    tables, one and two columns) one after another, `copies` times over; 3 copies make 63
    pages. Figures are as dense as in a real edition, unlike `make_long_pdf`'s prose."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_corpus", ROOT / "fixtures" / "corpus" / "make_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    make_corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_corpus)
    editions = [make_corpus.load_edition(p) for p in sorted(make_corpus.EDITIONS.glob("*.toml"))]
    newest = editions[-1]
    combined = {
        **newest,
        "file": path.name,
        "footnotes": [],
        "pages": [page for _ in range(copies) for e in editions for page in e["pages"]],
    }
    make_corpus.render(combined, path)
    return path


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def make_long_pdf(path: Path, pages: int, *, two_columns: bool = False) -> Path:
    """A report-like PDF of `pages` pages of prose with figures (one or two columns)."""
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    for number in range(1, pages + 1):
        if number == 1:
            pdf.setFont("Helvetica-Bold", 16)
            pdf.drawString(60, 790, "HUURSCHULDEN EN HUISUITZETTINGEN 2024")
        pdf.setFont("Helvetica", 8)
        pdf.drawString(60, 815, "Aedes-benchmark | huurschulden")
        pdf.drawString(290, 30, str(number))
        pdf.setFont("Helvetica", 9.5)
        columns = [(60, 250), (315, 250)] if two_columns else [(60, 480)]
        for col, (x, width) in enumerate(columns):
            y = 760
            k = 0
            while y > 70:
                year = 2000 + (number + k + col) % 24
                text = PARAGRAPHS[(number + k + 2 * col) % len(PARAGRAPHS)].format(
                    year=year, n=f"{100 + number % 50}.{k % 10}00", d=f"{(k % 9) + 1}.000",
                    m=150 + number % 80, p=f"1,{k % 9}", r=(k % 8) + 1, v=f"{3 + k % 6}.{k}00",
                )
                line, chars_per_line = "", int(width / 4.6)
                for word in text.split():
                    if len(line) + len(word) + 1 > chars_per_line:
                        pdf.drawString(x, y, line)
                        y -= 12
                        line = word
                    else:
                        line = f"{line} {word}".strip()
                pdf.drawString(x, y, line)
                y -= 22
                k += 1
        pdf.showPage()
    pdf.save()
    return path


_PEAK_PROBE = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
)


def peak_rss_mb(cmd: list[str]) -> float:
    """Peak resident memory of `cmd`, measured in a fresh parent so no earlier child counts."""
    out = subprocess.run([sys.executable, "-c", _PEAK_PROBE, *cmd], check=True,
                         capture_output=True, text=True).stdout
    return float(out.strip())


def _tree_pss_kb(root: int) -> int:
    """Proportional set size of a process and all its descendants, in KiB (Linux): memory
    shared between a parent and its forked helpers counts once, split between them."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def peak_tree_pss_mb(cmd: list[str], every: float = 0.05) -> float:
    """Peak memory of `cmd` with every helper process it starts, sampled every `every` s."""
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_pss_kb(process.pid))
        time.sleep(every)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, cmd)
    return peak / 1024


@dataclass
class Run:
    wall: float
    max_rss_mb: float


def run(cmd: list[str]) -> Run:
    """Run one command as a child process; wall time and the child's peak resident memory."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest child so far (KiB on Linux): only a rise is ours.
    return Run(wall, max(after, before) / 1024)


def side_by_side(commands: list[list[str]], rounds: int) -> list[list[Run]]:
    """Each command once to warm up, then `rounds` rounds of one run of each in turn."""
    for cmd in commands:
        run(cmd)  # warm-up: file cache, bytecode
    runs: list[list[Run]] = [[] for _ in commands]
    for _ in range(rounds):
        for cmd, of_cmd in zip(commands, runs, strict=True):
            of_cmd.append(run(cmd))
    return runs


def ratio_line(label: str, runs_a: list[Run], runs_b: list[Run]) -> str:
    ratios = [x.wall / y.wall for x, y in zip(runs_a, runs_b, strict=True)]
    med_a = statistics.median(r.wall for r in runs_a)
    med_b = statistics.median(r.wall for r in runs_b)
    return (
        f"{label}: median {med_a:.2f} s vs {med_b:.2f} s; ratio per pair "
        f"min {min(ratios):.2f} median {statistics.median(ratios):.2f} max {max(ratios):.2f}"
    )


PYTHON = sys.executable
