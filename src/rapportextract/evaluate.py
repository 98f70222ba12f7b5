"""Compare extracted facts with hand-written gold facts.

A gold file (`corpus/gold/<edition>.yaml`) lists every figure an annotator found in one edition:
value, unit, kind, qualifier, period, concept, page, origin and the figure as written (anchor).
An extracted fact matches a gold fact when unit and kind agree, the values agree within the
rounding of the less precise of the two, and the pages agree where both have one. Each gold fact
matches at most one extracted fact; among candidates the one that also agrees on period, origin,
concept and qualifier wins. Precision, recall and F1 count matches; period, concept and qualifier
accuracy are measured on the matched pairs only, so a wrong period shows as an attribute error,
not as a miss.

Derived facts (computed, not stated) are left out of the scores: gold lists what the report
states.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from rapportextract.errors import InputError, RapportExtractError
from rapportextract.models import Document, Fact, Kind, Origin, Qualifier, Unit

ATTRIBUTES = ("period", "concept", "qualifier")


class GoldFact(BaseModel):
    """One figure as an annotator wrote it down."""

    model_config = ConfigDict(extra="forbid")

    edition: int
    document: str | None = None
    anchor: str
    """The figure as written in the report ("€ 164 miljoen", "een kwart")."""
    value: Decimal
    unit: Unit
    kind: Kind = "level"
    qualifier: Qualifier = "exact"
    period: str
    base_period: str | None = None
    concept: str | None = None
    page: int | None = Field(default=None, ge=1)
    origin: Origin = "text"
    subject: str | None = None

    @field_validator("value", mode="before")
    @classmethod
    def _exact_value(cls, raw: Any) -> Any:
        # YAML gives floats for 79.3: go through str so Decimal keeps what the annotator wrote.
        if isinstance(raw, float):
            return str(raw)
        return raw

    @field_validator("period", "base_period", mode="before")
    @classmethod
    def _period_text(cls, raw: Any) -> Any:
        # An unquoted year in YAML is an int; periods are strings.
        return str(raw) if isinstance(raw, int) else raw


def load_gold(path: str | Path) -> list[GoldFact]:
    """Read one gold file: `edition`, optional `document`, and `facts`, a list of mappings."""
    import yaml  # type: ignore[import-untyped,unused-ignore]  # only gold needs YAML

    path = Path(path)
    hint = "fix the gold file (see corpus/gold/*.yaml for the format)"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read gold file ({exc.strerror})", path=path,
                         hint="check the --gold folder") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise InputError(f"gold file is not valid YAML{where}", path=path, hint=hint) from exc
    if not isinstance(data, dict) or not isinstance(data.get("facts"), list):
        raise InputError("gold file needs a mapping with 'edition' and a 'facts' list",
                         path=path, hint=hint)
    edition = data.get("edition")
    if not isinstance(edition, int):
        raise InputError("gold file has no integer 'edition'", path=path, hint=hint)
    document = data.get("document")
    facts: list[GoldFact] = []
    for number, entry in enumerate(data["facts"], start=1):
        if not isinstance(entry, dict):
            raise InputError(f"gold fact {number} is not a mapping", path=path, hint=hint)
        try:
            facts.append(GoldFact(edition=edition, document=document, **entry))
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(str(p) for p in first["loc"])
            raise InputError(f"gold fact {number} ({entry.get('anchor', '?')!r}): {loc}: "
                             f"{first['msg']}", path=path, hint=hint) from exc
    return facts


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------


def _half_unit(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    places = min(exponent, 0) if isinstance(exponent, int) else 0
    return Decimal(5) * Decimal(10) ** (places - 1)


def values_match(extracted: Decimal, gold: Decimal) -> bool:
    """True where the two values agree within the rounding of the less precise one:
    33.3333 matches 33.33 and 33.3; 79 matches 79.3; 6750 does not match 6755."""
    try:
        tolerance = max(_half_unit(extracted), _half_unit(gold))
        return abs(extracted - gold) <= tolerance
    except InvalidOperation:
        return False


def _compatible(fact: Fact, gold: GoldFact) -> bool:
    if fact.unit != gold.unit or fact.kind != gold.kind:
        return False
    if gold.page is not None and fact.source.page != gold.page:
        return False
    return values_match(Decimal(fact.value), gold.value)


def _squash(text: str) -> str:
    return "".join(text.lower().split())


def _preference(fact: Fact, gold: GoldFact) -> int:
    score = 0
    if fact.period == gold.period:
        score += 8
    if fact.source.origin == gold.origin:
        score += 4
    if fact.concept == gold.concept:
        score += 2
    if fact.qualifier == gold.qualifier:
        score += 1
    if _squash(gold.anchor) in _squash(fact.source.text) or _squash(fact.source.text) in (
        _squash(gold.anchor)
    ):
        score += 1
    return score


@dataclass
class Match:
    gold: GoldFact
    fact: Fact

    def wrong(self) -> dict[str, tuple[str | None, str | None]]:
        """Attributes where the extracted fact differs from gold: name -> (found, gold)."""
        out: dict[str, tuple[str | None, str | None]] = {}
        for name in ATTRIBUTES:
            found, expected = getattr(self.fact, name), getattr(self.gold, name)
            if found != expected:
                out[name] = (found, expected)
        return out


@dataclass
class Miss:
    gold: GoldFact
    sentence: str | None = None


def _pair(facts: Sequence[Fact], gold: Sequence[GoldFact]) -> tuple[list[Match], list[int]]:
    """Greedy one-to-one assignment, best-agreeing pairs first; returns the matches and the
    indexes of unmatched facts."""
    candidates = [
        (-_preference(f, g), gi, fi)
        for gi, g in enumerate(gold)
        for fi, f in enumerate(facts)
        if _compatible(f, g)
    ]
    candidates.sort()
    used_gold: set[int] = set()
    used_fact: set[int] = set()
    matches: list[tuple[int, Match]] = []
    for _, gi, fi in candidates:
        if gi in used_gold or fi in used_fact:
            continue
        used_gold.add(gi)
        used_fact.add(fi)
        matches.append((gi, Match(gold=gold[gi], fact=facts[fi])))
    matches.sort(key=lambda pair: pair[0])
    unmatched = [fi for fi in range(len(facts)) if fi not in used_fact]
    return [m for _, m in matches], unmatched


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float | None:
    return None if den == 0 else num / den


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass
class Scores:
    gold: int = 0
    extracted: int = 0
    matched: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTES, 0))

    @property
    def false_positives(self) -> int:
        return self.extracted - self.matched

    @property
    def misses(self) -> int:
        return self.gold - self.matched

    @property
    def precision(self) -> float | None:
        return _ratio(self.matched, self.extracted)

    @property
    def recall(self) -> float | None:
        return _ratio(self.matched, self.gold)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)

    def accuracy(self, attribute: str) -> float | None:
        return _ratio(self.correct[attribute], self.matched)

    def add(self, other: Scores) -> None:
        self.gold += other.gold
        self.extracted += other.extracted
        self.matched += other.matched
        for name in ATTRIBUTES:
            self.correct[name] += other.correct[name]

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "extracted": self.extracted,
            "matched": self.matched,
            "false_positives": self.false_positives,
            "misses": self.misses,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "accuracy": {name: self.accuracy(name) for name in ATTRIBUTES},
        }


@dataclass
class DocumentEval:
    document: str
    edition: int
    scores: Scores
    matches: list[Match] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    false_positives: list[Fact] = field(default_factory=list)
    derived_skipped: int = 0
    error: str | None = None
    """Set where the document could not be read: all its gold facts count as misses."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "edition": self.edition,
            **self.scores.to_dict(),
            "derived_skipped": self.derived_skipped,
            "error": self.error,
            "misses": [_gold_dict(m.gold) | {"sentence": m.sentence} for m in self.misses],
            "false_positives": [_fact_dict(f) for f in self.false_positives],
            "wrong_attributes": [
                {"gold": _gold_dict(m.gold), "found": _fact_dict(m.fact),
                 "wrong": {k: {"found": v[0], "gold": v[1]} for k, v in m.wrong().items()}}
                for m in self.matches if m.wrong()
            ],
        }


def _gold_dict(gold: GoldFact) -> dict[str, Any]:
    data = gold.model_dump(exclude={"value"})
    data["value"] = _number(gold.value)
    return data


def _fact_dict(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "text": fact.source.text,
        "value": _number(Decimal(fact.value)),
        "unit": fact.unit,
        "kind": fact.kind,
        "qualifier": fact.qualifier,
        "period": fact.period,
        "concept": fact.concept,
        "page": fact.source.page,
        "origin": fact.source.origin,
        "sentence": fact.source.sentence,
    }


@dataclass
class EvalReport:
    documents: list[DocumentEval]

    @property
    def overall(self) -> Scores:
        total = Scores()
        for doc in self.documents:
            total.add(doc.scores)
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_dict(),
            "documents": [doc.to_dict() for doc in self.documents],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def to_text(self) -> str:
        head = (f"{'document':<40} {'gold':>5} {'found':>5} {'match':>5} {'fp':>4} {'miss':>4} "
                f"{'prec':>5} {'rec':>5} {'f1':>5} {'period':>6} {'concept':>7} {'qualif':>6}")
        lines = [head, "-" * len(head)]
        for doc in self.documents:
            label = f"{doc.document} ({doc.edition})"
            lines.append(_score_line(label, doc.scores))
        lines.append("-" * len(head))
        lines.append(_score_line("overall", self.overall))
        for doc in self.documents:
            if doc.error:
                lines.append(f"\n{doc.document}: not read: {doc.error}")
            wrong = [m for m in doc.matches if m.wrong()]
            if not (doc.misses or doc.false_positives or wrong):
                continue
            lines.append(f"\n== {doc.document}")
            for miss in doc.misses:
                g = miss.gold
                lines.append(f"  miss  p{g.page} {g.origin:<5} {g.anchor!r} = {_describe_gold(g)}")
                if miss.sentence:
                    lines.append(f"        in: {miss.sentence}")
            for fact in doc.false_positives:
                lines.append(f"  extra p{fact.source.page} {fact.source.origin:<5} "
                             f"{fact.source.text!r} = {_describe_fact(fact)}")
                lines.append(f"        in: {fact.source.sentence}")
            for match in wrong:
                diffs = ", ".join(f"{k} {found!r} (gold {gold!r})"
                                  for k, (found, gold) in match.wrong().items())
                lines.append(f"  wrong p{match.gold.page} {match.gold.anchor!r}: {diffs}")
        return "\n".join(lines) + "\n"


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.2f}"


def _score_line(label: str, s: Scores) -> str:
    return (f"{label[:40]:<40} {s.gold:>5} {s.extracted:>5} {s.matched:>5} "
            f"{s.false_positives:>4} {s.misses:>4} {_fmt(s.precision):>5} {_fmt(s.recall):>5} "
            f"{_fmt(s.f1):>5} {_fmt(s.accuracy('period')):>6} {_fmt(s.accuracy('concept')):>7} "
            f"{_fmt(s.accuracy('qualifier')):>6}")


def _describe_gold(g: GoldFact) -> str:
    return f"{_number(g.value)} {g.unit} {g.kind} {g.qualifier} {g.period} {g.concept}"


def _describe_fact(f: Fact) -> str:
    return f"{_number(Decimal(f.value))} {f.unit} {f.kind} {f.qualifier} {f.period} {f.concept}"


# --------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------


def _find_sentence(document: Document | None, gold: GoldFact) -> str | None:
    """The sentence on the gold fact's page that holds its anchor, to show with a miss."""
    if document is None:
        return None
    anchor = _squash(gold.anchor)
    for sentence in document.sentences:
        if (gold.page is None or sentence.page == gold.page) and anchor in _squash(sentence.text):
            return sentence.text
    return None


def evaluate_document(
    facts: Sequence[Fact],
    gold: Sequence[GoldFact],
    *,
    document: Document | None = None,
    name: str | None = None,
    edition: int | None = None,
) -> DocumentEval:
    """Score the facts extracted from one document against that document's gold."""
    stated = [f for f in facts if not f.derived]
    matches, unmatched = _pair(stated, gold)
    matched_gold = {id(m.gold) for m in matches}
    scores = Scores(gold=len(gold), extracted=len(stated), matched=len(matches))
    for match in matches:
        wrong = match.wrong()
        for attribute in ATTRIBUTES:
            if attribute not in wrong:
                scores.correct[attribute] += 1
    if name is None:
        name = (document.name if document is not None
                else next((g.document for g in gold if g.document), None)
                or next((f.document for f in facts), "?"))
    if edition is None:
        edition = next((g.edition for g in gold), None) or next((f.edition for f in facts), 0)
    return DocumentEval(
        document=name,
        edition=edition,
        scores=scores,
        matches=matches,
        misses=[Miss(g, _find_sentence(document, g)) for g in gold if id(g) not in matched_gold],
        false_positives=[stated[i] for i in unmatched],
        derived_skipped=len(facts) - len(stated),
    )


def evaluate(
    facts: Iterable[Fact],
    gold: Iterable[GoldFact],
    *,
    documents: Iterable[Document] = (),
) -> EvalReport:
    """Score extracted facts against gold, per edition (one document per edition) and overall.

    Only editions that have gold are scored; facts of other editions are ignored. `documents`
    (optional) lets the report show the sentence of each missed figure.
    """
    gold_by_edition: dict[int, list[GoldFact]] = {}
    for g in gold:
        gold_by_edition.setdefault(g.edition, []).append(g)
    facts_by_edition: dict[int, list[Fact]] = {}
    for f in facts:
        facts_by_edition.setdefault(f.edition, []).append(f)
    docs_by_edition = {d.edition: d for d in documents if d.edition is not None}
    return EvalReport(documents=[
        evaluate_document(facts_by_edition.get(edition, []), gold_by_edition[edition],
                          document=docs_by_edition.get(edition), edition=edition)
        for edition in sorted(gold_by_edition)
    ])


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
