"""Measure rapportextract on the held-out editions (tests/heldout/): fact scores and series
coverage.

`measure(outdir)` extracts every report text in tests/heldout/editions/, scores the facts against
tests/heldout/gold/<edition>.yaml (evaluate.evaluate_document), builds series over all of them
(build.build, no cache) and checks that every core (concept, period, edition) value of the gold
appears as a vintage in series.json. A core value is a gold level fact whose concept is marked
`core` in the catalogue; a stated change of a core concept counts too, looked up in the
concept's change series with its base period.

Run `python tests/heldout_editions.py [--edition-given] [--only=2006,2012]` for the numbers
and every miss.
"""

from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rapportextract.batch import build
from rapportextract.catalogue import load_catalogue
from rapportextract.evaluate import EvalReport, GoldFact, evaluate_document, load_gold
from rapportextract.models import Fact
from rapportextract.pipeline import extract
from rapportextract.series import build_series

HELDOUT = Path(__file__).parent / "heldout"
EDITIONS = HELDOUT / "editions"
GOLD = HELDOUT / "gold"


def edition_files(only: set[int] | None = None) -> list[tuple[int, Path, Path]]:
    """(edition, report text, gold file) of every held-out edition (or of those in `only`)."""
    rows = []
    for text in sorted(EDITIONS.glob("*.txt")):
        edition = int(text.stem.rsplit("-", 1)[1])
        if only is None or edition in only:
            rows.append((edition, text, GOLD / f"{edition}.yaml"))
    return rows


@dataclass
class Coverage:
    wanted: list[tuple[str, str, str | None, int]] = field(default_factory=list)
    missing: list[tuple[str, str, str | None, int]] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return 1 - len(self.missing) / len(self.wanted) if self.wanted else 1.0


Key = tuple[str, str, str | None, int]
"""(series id, period, base period, edition) of one value."""


def _core_keys(gold: list[GoldFact], core: set[str]) -> set[Key]:
    keys: set[Key] = set()
    for g in gold:
        if g.concept not in core:
            continue
        if g.kind == "level":
            keys.add((g.concept, g.period, None, g.edition))
        else:
            suffix = ".change_pct" if g.unit == "percent" else ".change"
            keys.add((g.concept + suffix, g.period, g.base_period, g.edition))
    return keys


def vintage_coverage(series_json: Path, gold: list[GoldFact]) -> Coverage:
    core = {c.id for c in load_catalogue() if c.core}
    data = json.loads(series_json.read_text(encoding="utf-8"))
    present = set()
    for series in data["series"]:
        for obs in series["observations"]:
            for vintage in obs["vintages"]:
                present.add((series["id"], obs["period"], obs.get("base_period"),
                             vintage["edition"]))
    coverage = Coverage(wanted=sorted(_core_keys(gold, core), key=str))
    coverage.missing = [k for k in coverage.wanted if k not in present]
    return coverage


@dataclass
class Measurement:
    report: EvalReport
    coverage: Coverage

    def numbers(self) -> dict[str, float]:
        overall = self.report.overall
        return {
            "precision": overall.precision or 0.0,
            "recall": overall.recall or 0.0,
            "period": overall.accuracy("period") or 0.0,
            "concept": overall.accuracy("concept") or 0.0,
            "core_concept": core_concept_accuracy(self.report),
            "vintage_coverage": self.coverage.ratio,
        }


def core_concept_accuracy(report: EvalReport) -> float:
    """Period and concept both right, over matched gold facts of a core concept."""
    core = {c.id for c in load_catalogue() if c.core}
    pairs = [m for d in report.documents for m in d.matches if m.gold.concept in core]
    right = [m for m in pairs
             if m.fact.concept == m.gold.concept and m.fact.period == m.gold.period]
    return len(right) / len(pairs) if pairs else 1.0


def measure(outdir: Path, *, edition_given: bool = False,
            only: set[int] | None = None) -> Measurement:
    """With `edition_given`, each report is read with its edition from the file name (as
    `--edition` would give it), and series are built from those facts directly; else the
    pipeline and `build` find the edition themselves, as for a user's files."""
    docs = []
    all_gold: list[GoldFact] = []
    all_facts: list[Fact] = []
    files = edition_files(only)
    for edition, text, gold_path in files:
        gold = load_gold(gold_path)
        all_gold.extend(gold)
        extraction = extract(text, edition=edition if edition_given else None)
        all_facts.extend(extraction.facts)
        docs.append(evaluate_document(extraction.facts, gold, document=extraction.document,
                                      name=text.name, edition=edition))
    if edition_given:
        series = build_series(all_facts)
        (outdir / "series.json").write_text(series.model_dump_json(), encoding="utf-8")
    else:
        build([text for _, text, _ in files], outdir, use_cache=False, workers=1)
    coverage = vintage_coverage(outdir / "series.json", all_gold)
    return Measurement(report=EvalReport(documents=docs), coverage=coverage)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        only = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--only=")), None)
        result = measure(Path(tmp), edition_given="--edition-given" in sys.argv,
                         only={int(y) for y in only.split(",")} if only else None)
    sys.stdout.write(result.report.to_text())
    sys.stdout.write("\nseries vintages missing:\n")
    for key in result.coverage.missing:
        sys.stdout.write(f"  {key}\n")
    sys.stdout.write("\n" + json.dumps(result.numbers(), indent=1) + "\n")
    sys.stdout.write(f"core values: {len(result.coverage.wanted)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
