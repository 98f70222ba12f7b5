"""Gold files: the figures an annotator found in one edition (`corpus/gold/<edition>.yaml`),
read and validated."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from rapportextract.errors import InputError
from rapportextract.model_base import canonical_period
from rapportextract.models import Kind, Origin, Qualifier, Unit


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
        # An unquoted year in YAML is an int; periods are strings. A month written short
        # ("2021-03") is the month the extractor writes "2021-03/2021-03".
        return canonical_period(str(raw) if isinstance(raw, int) else raw)


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
