"""Throughput of the quantity recogniser in sentences per second.

Sentences: the reference edition text (``../shared/seeds``, split at sentence ends) where it is
present, plus every sentence of the case tables in ``tests/cases/quantities``. Measures
`find_quantities` on its own (the hot path) and through the spaCy pipeline (`get_nlp`).

Run: ``python benchmarks/bench_quantities.py [--rounds 5]``
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import regex
import yaml

from rapportextract.nlp import get_nlp
from rapportextract.quantities import find_quantities

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
CASES = ROOT / "tests" / "cases" / "quantities"


def sentences() -> list[str]:
    result: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        result += [s.strip() for s in regex.split(r"(?<=[.!?])\s+(?=[A-Z0-9€])", text)]
    for path in sorted(CASES.glob("*.yaml")):
        result += [case["text"] for case in yaml.safe_load(path.read_text("utf-8"))["cases"]]
    return [s for s in result if s]


def rate(run: Callable[[list[str]], object], batch: list[str], rounds: int) -> float:
    """Sentences per second of CPU time (median of the rounds): steadier than wall time on a
    machine shared with other work."""
    timings = []
    for _ in range(rounds):
        start = time.process_time()
        run(batch)
        timings.append(time.process_time() - start)
    return len(batch) / statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    batch = sentences()
    find_quantities(batch[0])  # compile the patterns outside the timing
    nlp = get_nlp()

    def direct(items: list[str]) -> None:
        for sentence in items:
            find_quantities(sentence)

    def pipeline(items: list[str]) -> None:
        for _doc in nlp.pipe(items):
            pass

    figures = sum(len(find_quantities(s)) for s in batch)
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    print(f"sentences: {len(batch)}, figures found: {figures}")
    print(f"find_quantities: {rate(direct, batch, args.rounds):,.0f} sentences/s (CPU time)")
    print(f"spaCy pipeline:  {rate(pipeline, batch, args.rounds):,.0f} sentences/s (CPU time)")


if __name__ == "__main__":
    main()
