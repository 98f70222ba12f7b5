"""A corpus scored: its reports from manifest.json, or from the `document:` its gold files
name, each extracted and scored against its gold file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rapportextract.errors import InputError, RapportExtractError
from rapportextract.evaluate.gold import load_gold
from rapportextract.evaluate.report import DocumentEval, EvalReport
from rapportextract.evaluate.scoring import evaluate_document


def read_manifest(corpus_dir: Path) -> list[dict[str, Any]]:
    """The `editions` rows of `corpus_dir/manifest.json` (edition, title, file, sha256)."""
    path = corpus_dir / "manifest.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = data["editions"]
        for row in rows:
            int(row["edition"])
            str(row["file"])
    except FileNotFoundError as exc:
        raise InputError("no manifest.json in the corpus folder", path=corpus_dir,
                         hint="pass the corpus folder that holds manifest.json") from exc
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError("manifest.json is malformed", path=path,
                         hint="regenerate it with fixtures/corpus/make_corpus.py") from exc
    return list(rows)


def rows_from_gold(corpus_dir: Path, gold_dir: Path) -> list[dict[str, Any]]:
    """For a folder without manifest.json: one row (edition, file) per gold file in `gold_dir`
    whose `document` names a file of the folder, in edition order."""
    import yaml  # type: ignore[import-untyped,unused-ignore]  # only gold needs YAML

    rows: list[dict[str, Any]] = []
    for path in sorted(gold_dir.glob("*.yaml")) if gold_dir.is_dir() else []:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue  # reported as it is read for scoring, if it names a document here
        if not isinstance(data, dict) or not isinstance(data.get("edition"), int):
            continue
        document = data.get("document")
        if isinstance(document, str) and (corpus_dir / document).is_file():
            rows.append({"edition": data["edition"], "file": document, "gold_path": path})
    if not rows:
        raise InputError(
            "no manifest.json in the corpus folder, and no gold file names a document in it",
            path=corpus_dir,
            hint="give each gold file a 'document:' line with the report's file name, or pass "
                 "the folder that holds manifest.json",
        )
    rows.sort(key=lambda r: (r["edition"], r["file"]))
    return rows


def evaluate_corpus(
    corpus_dir: Path,
    gold_dir: Path | None = None,
    *,
    paths: Sequence[Path] | None = None,
) -> EvalReport:
    """Extract every document of the corpus and score it against its gold file
    (`gold_dir/<edition>.yaml`, default `corpus_dir/gold`). The documents are those of the
    folder's manifest.json, or without one, those the gold files name (`document:`,
    `rows_from_gold`). With `paths`, only those files are read; a file that cannot be read is
    reported with all its gold facts missed."""
    corpus_dir = Path(corpus_dir)
    gold_dir = Path(gold_dir) if gold_dir is not None else corpus_dir / "gold"
    if (corpus_dir / "manifest.json").exists() or not corpus_dir.is_dir():
        rows = read_manifest(corpus_dir)
    else:
        rows = rows_from_gold(corpus_dir, gold_dir)
    from rapportextract.pipeline import extract  # the whole pipeline, only once there is work
    if paths is not None:
        wanted = {Path(p).name for p in paths}
        rows = [r for r in rows if r["file"] in wanted]
    reports: list[DocumentEval] = []
    for row in rows:
        edition = int(row["edition"])
        gold = load_gold(row.get("gold_path") or gold_dir / f"{edition}.yaml")
        try:
            extraction = extract(corpus_dir / row["file"])
        except RapportExtractError as exc:
            failed = evaluate_document([], gold, name=row["file"], edition=edition)
            failed.error = str(exc)
            reports.append(failed)
            continue
        reports.append(evaluate_document(extraction.facts, gold, document=extraction.document,
                                         name=row["file"], edition=edition))
    return EvalReport(documents=reports)
