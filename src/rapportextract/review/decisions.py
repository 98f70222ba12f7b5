"""The decisions file: one reviewer's decision per line of JSON (JSON Lines).

Each line names the fact (its id and, for matching it again after the extractor changed, its
page, the figure as written and its value), the content hash of the report it was read from,
the action (accept, reject, correct, add), the fields the reviewer set and the time (UTC).
Lines are only ever appended, each with one write on a file opened for appending and synced to
disk before the page is told it was kept: a crash loses at most the decision being written,
never one already acknowledged. A later decision about the same fact supersedes earlier ones.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal, get_args

from rapportextract.errors import InputError
from rapportextract.model_base import PERIOD_PATTERN, canonical_period
from rapportextract.models import Kind, Qualifier, Scope, Unit

Action = Literal["accept", "reject", "correct", "add"]
ACTIONS: tuple[str, ...] = get_args(Action)

EDITABLE = ("value", "unit", "period", "concept", "qualifier", "kind", "scope", "scope_name")
"""The fields a reviewer may set on a fact."""

_CHOICES: dict[str, tuple[str, ...]] = {
    "unit": get_args(Unit), "qualifier": get_args(Qualifier), "kind": get_args(Kind),
    "scope": get_args(Scope),
}

DEFAULT_NAME = "review.jsonl"


def default_review_path(first_input: Path) -> Path:
    """``review.jsonl`` beside the reports: in the first input folder, or beside the first
    input file. Not in the output folder, which users delete and rebuild."""
    folder = first_input if first_input.is_dir() else first_input.parent
    return folder / DEFAULT_NAME


@dataclass(frozen=True)
class Match:
    """What the fact looked like when it was decided on: found again by these where its id
    changed."""

    page: int
    text: str
    value: str

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "text": self.text, "value": self.value}


@dataclass(frozen=True)
class Decision:
    fact_id: str
    document_sha256: str
    action: Action
    fields: dict[str, Any] = field(default_factory=dict)
    """The reviewer's values (`EDITABLE`); for an added figure also page, bbox and text."""
    time: str = ""
    match: Match | None = None
    line: int = 0
    """Line number in the file it was read from (0 for one not read from a file)."""

    def to_json(self) -> str:
        record: dict[str, Any] = {
            "fact_id": self.fact_id,
            "document_sha256": self.document_sha256,
            "action": self.action,
            "fields": self.fields,
            "time": self.time,
        }
        if self.match is not None:
            record["match"] = self.match.to_dict()
        return json.dumps(record, ensure_ascii=False, sort_keys=True)


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def clean_fields(action: str, raw: Any) -> dict[str, Any]:
    """The reviewer's fields, checked: known names only, a decimal value, a known unit,
    qualifier and kind. Raises ValueError naming the field that is wrong."""
    if not isinstance(raw, dict):
        raise ValueError("fields must be an object")
    allowed = set(EDITABLE) | ({"page", "bbox", "text"} if action == "add" else set())
    out: dict[str, Any] = {}
    for name, value in raw.items():
        if name not in allowed:
            raise ValueError(f"unknown field {name!r}")
        if name == "value":
            try:
                number = Decimal(str(value).strip())
            except InvalidOperation:
                raise ValueError(f"value {value!r} is not a number") from None
            if not number.is_finite():
                raise ValueError(f"value {value!r} is not a number")
            out[name] = str(number)
        elif name in _CHOICES:
            if value not in _CHOICES[name]:
                raise ValueError(f"{name} must be one of {', '.join(_CHOICES[name])}")
            out[name] = value
        elif name == "page":
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError("page must be a whole number of 1 or more")
            out[name] = value
        elif name == "bbox":
            if (not isinstance(value, list) or len(value) != 4
                    or not all(isinstance(c, int | float) for c in value)):
                raise ValueError("bbox must be four numbers")
            out[name] = [round(float(c), 2) for c in value]
        elif name == "period":
            # a month written short ("2021-03") is the month the facts write "2021-03/2021-03"
            period = canonical_period(str(value).strip())
            if not re.fullmatch(PERIOD_PATTERN, period):
                raise ValueError(f"period {value!r} is not one of YYYY, YYYY-H1, YYYY-Q1, "
                                 "YYYY-MM/YYYY-MM, YYYY-early")
            out[name] = period
        elif name in ("concept", "scope_name"):
            out[name] = None if value in (None, "") else str(value)
        else:
            out[name] = str(value)
    if action == "add":
        missing = [n for n in ("value", "unit", "period", "page", "text") if n not in out]
        if missing:
            raise ValueError(f"an added figure needs {', '.join(missing)}")
    return out


def _parse(record: Any, line: int) -> Decision:
    if not isinstance(record, dict):
        raise ValueError("not an object")
    action = record.get("action")
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    fact_id, sha = record.get("fact_id"), record.get("document_sha256")
    if not isinstance(fact_id, str) or not isinstance(sha, str):
        raise ValueError("fact_id and document_sha256 must be strings")
    raw_match = record.get("match")
    match = None
    if isinstance(raw_match, dict):
        match = Match(int(raw_match.get("page", 0)), str(raw_match.get("text", "")),
                      str(raw_match.get("value", "")))
    return Decision(fact_id, sha, action, clean_fields(action, record.get("fields", {})),
                    str(record.get("time", "")), match, line)


@dataclass
class DecisionLog:
    """Every decision read from a file, in file order, and the lines that could not be read."""

    path: Path
    decisions: list[Decision] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def latest(self) -> dict[tuple[str, str], Decision]:
        """The decision in force per (document hash, fact id): the last one written."""
        out: dict[tuple[str, str], Decision] = {}
        for decision in self.decisions:
            out[(decision.document_sha256, decision.fact_id)] = decision
        return out


def load_decisions(path: str | Path) -> DecisionLog:
    """Read a decisions file; a file not there yet holds no decisions. A line that is not a
    decision (a last line torn by a crash while it was written) is reported in `problems`
    and skipped, never fatal."""
    path = Path(path)
    log = DecisionLog(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return log
    except OSError as exc:
        raise InputError(f"cannot read the decisions file ({exc.strerror})", path=path,
                         hint="check its permissions") from exc
    lines = data.split(b"\n")
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            log.decisions.append(_parse(json.loads(raw.decode("utf-8")), number))
        except (ValueError, UnicodeDecodeError, TypeError) as exc:
            torn = number == len(lines) and not data.endswith(b"\n")
            what = "torn last line (a write cut short)" if torn else "unreadable line"
            log.problems.append(f"{path}:{number}: {what} left out ({exc})")
    return log


def append_decision(path: str | Path, decision: Decision) -> None:
    """Append one decision as one line: a single write on a file opened with O_APPEND, then
    fsync, so that concurrent writers never interleave and a crash never loses a decision
    already acknowledged. A file whose last line was torn gets a newline first, so the new
    decision stays whole."""
    path = Path(path)
    line = (decision.to_json() + "\n").encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        size = os.fstat(fd).st_size
        if size:
            with open(path, "rb") as fh:
                fh.seek(size - 1)
                if fh.read(1) != b"\n":
                    line = b"\n" + line
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)
