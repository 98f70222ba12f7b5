"""What the review page shows: the build's documents and facts, with the decisions in force.

Reports are found through the build's own records (``build.json``, else the paths in
facts.json) and checked against the content hash the build recorded; the page addresses them by
their index in that list, never by a path.
"""

from __future__ import annotations

import hashlib
import io
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapportextract.errors import InputError, RapportExtractError
from rapportextract.models import Document, DocumentSummary, ExtractOutput, Fact
from rapportextract.review.apply import added_fact_id, fold_decisions, match_decisions
from rapportextract.review.decisions import (
    Decision,
    Match,
    append_decision,
    clean_fields,
    default_review_path,
    load_decisions,
    now_utc,
)

LOW_CONFIDENCE = 0.7
"""Facts below this confidence are shown under the filter "low confidence"."""

RESOLUTION = 110
"""Pixels per inch of the page images."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class Report:
    index: int
    summary: DocumentSummary
    path: Path | None
    """The report file, where it is still there with the content the build read."""
    problem: str | None = None
    facts: list[Fact] = field(default_factory=list)


@dataclass
class _BuildRecord:
    """What build.json says (empty where the build wrote none)."""

    inputs: list[str] = field(default_factory=list)
    paths: dict[str, str] = field(default_factory=dict)
    """Document hash -> the path the build read it from."""
    catalogue: Path | None = None
    rejected: list[Fact] = field(default_factory=list)
    """Facts a `build --review` left out of facts.json."""


def _build_record(outdir: Path) -> _BuildRecord:
    try:
        data = json.loads((outdir / "build.json").read_text(encoding="utf-8"))
        review = data.get("review") or {}
        return _BuildRecord(
            [str(p) for p in data.get("inputs") or []],
            {str(d["sha256"]): str(d["path"]) for d in data.get("documents") or []},
            Path(data["catalogue"]) if data.get("catalogue") else None,
            [Fact.model_validate(f) for f in review.get("rejected_facts") or []],
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return _BuildRecord()  # the paths of facts.json are tried instead


def _find_reports(summaries: list[DocumentSummary], record: _BuildRecord) -> list[Report]:
    recorded, inputs = record.paths, record.inputs
    reports: list[Report] = []
    for i, summary in enumerate(summaries):
        candidates = [Path(p) for p in (recorded.get(summary.sha256), summary.path) if p]
        candidates += [Path(p) / summary.name for p in inputs]
        found: Path | None = None
        problem = "the report file is not where the build read it; rebuild from its folder"
        for candidate in candidates:
            if candidate.is_file():
                if _sha256(candidate) == summary.sha256:
                    found = candidate
                    break
                problem = "the report changed since the build; rebuild before reviewing it"
        reports.append(Report(i, summary, found, problem if found is None else None))
    return reports


class ReviewState:
    """The documents and facts of one build, its decisions file, and the page images."""

    def __init__(self, outdir: Path, review_path: Path | None = None) -> None:
        facts_json = outdir / "facts.json"
        try:
            output = ExtractOutput.model_validate_json(facts_json.read_bytes())
        except FileNotFoundError as exc:
            raise InputError("no facts.json in the output folder", path=outdir,
                             hint="give the OUTDIR of `rapportextract build`") from exc
        except ValueError as exc:
            raise InputError("facts.json is not the output of `build`", path=facts_json,
                             hint="build again into this folder") from exc
        record = _build_record(outdir)
        inputs = record.inputs
        self.reports = _find_reports(output.documents, record)
        by_name = {r.summary.name: r for r in self.reports}
        # The extractor's facts: a build with --review left the rejected ones out of
        # facts.json (build.json keeps them) and put the added ones in (made again here from
        # the decisions).
        for fact in [*output.facts, *record.rejected]:
            if fact.document in by_name and fact.source.origin != "review":
                by_name[fact.document].facts.append(fact)
        if review_path is None:
            first = (Path(inputs[0]) if inputs
                     else Path(self.reports[0].summary.path) if self.reports else outdir)
            review_path = default_review_path(first.resolve())
        self.review_path = review_path
        self.conflicts = _conflict_ids(outdir / "series.json")
        self.catalogue = _catalogue(record.catalogue)
        self._lock = threading.Lock()
        self._images: dict[tuple[int, int], bytes] = {}
        self._documents: dict[int, Document] = {}

    # -------------------------------------------------------------------- what the page shows

    def state(self) -> dict[str, Any]:
        log = load_decisions(self.review_path)
        facts = [f for r in self.reports for f in r.facts]
        matched = match_decisions(facts, log, [r.summary for r in self.reports])
        decided = {id(facts[i]): d for i, d in matched.decided.items()}
        reports = []
        for report in self.reports:
            sha = report.summary.sha256
            views = [self._fact_view(f, decided.get(id(f))) for f in report.facts]
            views += [self._added_view(d) for d in matched.adds if d.document_sha256 == sha]
            views.sort(key=lambda f: (f["page"], f["bbox"][1] if f["bbox"] else 0,
                                      f["bbox"][0] if f["bbox"] else 0))
            reports.append({
                "index": report.index, "name": report.summary.name, "sha256": sha,
                "edition": report.summary.edition, "pages": report.summary.pages,
                "source_type": report.summary.source_type, "problem": report.problem,
                "facts": views,
            })
        problems = list(log.problems)
        if matched.unmatched:
            problems.append(f"{len(matched.unmatched)} decisions of the file fit no fact of "
                            "this build (the report or the extractor changed); `build --review` "
                            "lists them in build.json")
        return {"reports": reports, "catalogue": self.catalogue,
                "review_file": str(self.review_path), "problems": problems,
                "resolution": RESOLUTION, "low_confidence": LOW_CONFIDENCE}

    def _fact_view(self, fact: Fact, decision: Decision | None) -> dict[str, Any]:
        view: dict[str, Any] = {
            "id": fact.id, "page": fact.source.page,
            "bbox": list(fact.source.bbox) if fact.source.bbox else None,
            "value": str(fact.value), "unit": fact.unit, "period": fact.period,
            "concept": fact.concept or "", "label": self._label(fact.concept),
            "qualifier": fact.qualifier, "kind": fact.kind,
            "scope": fact.scope, "scope_name": fact.scope_name or "",
            "confidence": fact.confidence,
            "sentence": fact.source.sentence, "text": fact.source.text,
            "origin": fact.source.origin, "derived": fact.derived,
            "conflict": fact.id in self.conflicts, "review": None,
        }
        if decision is not None:
            view["review"] = {"action": decision.action, "fields": decision.fields,
                              "time": decision.time}
        return view

    def _added_view(self, decision: Decision) -> dict[str, Any]:
        f = decision.fields
        return {
            "id": decision.fact_id, "page": f["page"], "bbox": f.get("bbox"),
            "value": f["value"], "unit": f["unit"], "period": f["period"],
            "concept": f.get("concept") or "", "label": self._label(f.get("concept")),
            "qualifier": f.get("qualifier", "exact"), "kind": f.get("kind", "level"),
            "scope": f.get("scope") or "national", "scope_name": f.get("scope_name") or "",
            "confidence": 1.0, "sentence": f["text"],
            "text": f["text"], "origin": "review", "derived": False, "conflict": False,
            "review": {"action": "add", "fields": f, "time": decision.time},
        }

    def _label(self, concept: str | None) -> str:
        return next((c["label"] for c in self.catalogue if c["id"] == concept), "")

    # -------------------------------------------------------------------- decisions

    def decide(self, body: Any) -> Decision:
        """Append the decision the page sent; raises ValueError for one that is malformed."""
        if not isinstance(body, dict):
            raise ValueError("the request must be a JSON object")
        report = self.report(body.get("doc"))
        action = body.get("action")
        if action not in ("accept", "reject", "correct", "add"):
            raise ValueError("action must be accept, reject, correct or add")
        fields = clean_fields(action, body.get("fields") or {})
        sha = report.summary.sha256
        if action == "add":
            if int(fields["page"]) > max(report.summary.pages, 1):
                raise ValueError("no such page")
            fact_id = added_fact_id(sha, int(fields["page"]), str(fields["text"]))
            match = Match(int(fields["page"]), str(fields["text"]), str(fields["value"]))
        else:
            fact_id = str(body.get("fact_id", ""))
            fact = next((f for f in report.facts if f.id == fact_id), None)
            if fact is not None:
                match = Match(fact.source.page, fact.source.text, str(fact.value))
            elif fact_id in self._added_ids(sha):
                match = None
            else:
                raise ValueError("no such fact in this report")
        decision = Decision(fact_id, sha, action, fields, now_utc(), match)
        with self._lock:
            append_decision(self.review_path, decision)
        return decision

    def _added_ids(self, sha: str) -> set[str]:
        """The figures reviewers added to the report with this hash, and not rejected."""
        return {d.fact_id for d, base in fold_decisions(load_decisions(self.review_path))
                if base is not None and d.document_sha256 == sha and d.action != "reject"}

    # -------------------------------------------------------------------- pages

    def report(self, index: Any) -> Report:
        if not isinstance(index, int) or isinstance(index, bool) or not (
                0 <= index < len(self.reports)):
            raise ValueError("no such report")
        return self.reports[index]

    def document(self, report: Report) -> Document:
        """The report read again (for its words and page text), once per run."""
        if report.path is None:
            raise ValueError(report.problem or "the report file is not there")
        with self._lock:
            if report.index not in self._documents:
                from rapportextract.ingest import read_document

                self._documents[report.index] = read_document(
                    report.path, edition=report.summary.edition, require_edition=False)
            return self._documents[report.index]

    def page_image(self, report: Report, page: int) -> bytes:
        """The page as a PNG, rendered as `draw` does (boxes are drawn by the page itself)."""
        if report.path is None or report.summary.source_type != "pdf":
            raise ValueError("this report has no page images")
        key = (report.index, page)
        with self._lock:
            if key not in self._images:
                self._images[key] = _render(report.path, page)
            return self._images[key]

    def page_text(self, report: Report, page: int) -> str:
        doc = self.document(report)
        if not 0 < page <= len(doc.pages):
            raise ValueError("no such page")
        return "\n\n".join(b.text for b in doc.pages[page - 1].blocks if b.text)

    def words(self, report: Report, page: int, rect: Any) -> dict[str, Any]:
        """The words inside a rectangle (PDF points) of a page, in reading order, with a
        reading of the figure they hold."""
        if (not isinstance(rect, list) or len(rect) != 4
                or not all(isinstance(c, int | float) for c in rect)):
            raise ValueError("rect must be four numbers")
        doc = self.document(report)
        if not 0 < page <= len(doc.pages):
            raise ValueError("no such page")
        x0, top, x1, bottom = (float(c) for c in rect)
        inside = [w for w in doc.pages[page - 1].words
                  if x0 <= (w.bbox[0] + w.bbox[2]) / 2 <= x1
                  and top <= (w.bbox[1] + w.bbox[3]) / 2 <= bottom]
        inside.sort(key=lambda w: (round(w.bbox[1] / 3), w.bbox[0]))
        # Punctuation that ends the sentence around the figure is no part of it.
        text = " ".join(w.text for w in inside).strip(" ,;:.")
        bbox = ([min(w.bbox[0] for w in inside), min(w.bbox[1] for w in inside),
                 max(w.bbox[2] for w in inside), max(w.bbox[3] for w in inside)]
                if inside else None)
        suggestion = suggest(text, report)
        # Words a fact was read from already: start from that fact's concept and period.
        near = next((f for f in report.facts if bbox and f.source.page == page and f.source.bbox
                     and _overlap(f.source.bbox, bbox)), None)
        if near is not None:
            suggestion.update(concept=near.concept or "", period=near.period)
        return {"text": text, "bbox": bbox, "suggestion": suggestion}


def _overlap(a: tuple[float, ...] | list[float], b: tuple[float, ...] | list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def suggest(text: str, report: Report) -> dict[str, Any]:
    """The first figure the extractor's number reader finds in `text`, as fields to start
    from; the period is the report's data year."""
    from rapportextract.quantities import find_quantities

    edition = report.summary.edition
    out: dict[str, Any] = {"period": str(edition - 1) if edition else ""}
    found = find_quantities(text) if text else []
    if found:
        q = found[0]
        out.update(value=str(q.value), unit=q.unit, qualifier=q.qualifier, kind=q.kind)
    return out


def _render(path: Path, page: int) -> bytes:
    from rapportextract.ingest.pdf import close_pdf, open_pdf, plumber_pages
    from rapportextract.models import Notice

    pdf = open_pdf(path, None)
    warnings: list[Notice] = []
    try:
        for _number, plumber_page in plumber_pages(pdf, path, warnings):
            if plumber_page is None:
                continue
            if plumber_page.page_number != page:
                plumber_page.close()
                continue
            try:
                image = plumber_page.to_image(resolution=RESOLUTION).original.convert("RGB")
            finally:
                plumber_page.close()
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
            return buffer.getvalue()
    except RapportExtractError as exc:
        raise ValueError(str(exc)) from exc
    finally:
        close_pdf(pdf)
    raise ValueError("no such page")


def _conflict_ids(series_json: Path) -> set[str]:
    try:
        data = json.loads(series_json.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    ids: set[str] = set()
    for series in data.get("series", []):
        for observation in series.get("observations", []):
            if observation.get("conflict"):
                for vintage in observation.get("vintages", []):
                    ids.update(vintage.get("fact_ids", []))
    return ids


def _catalogue(extra: Path | None) -> list[dict[str, Any]]:
    """The concepts to choose from: the packaged catalogue and the build's own file, if it
    had one and the file is still there."""
    from rapportextract.catalogue import load_catalogue

    catalogue = load_catalogue(extra if extra is not None and extra.is_file() else None)
    return [{"id": c.id, "label": c.label_nl, "unit": c.unit, "kind": c.kind}
            for c in catalogue]

