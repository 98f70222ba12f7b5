"""The catalogue file (TOML) read and checked: the ``[terms]`` lists, the concepts and their
signals, and an extra file merged into the packaged one."""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal, InvalidOperation
from typing import Any, cast, get_args

from rapportextract.catalogue.model import Concept, Signal
from rapportextract.errors import CatalogueError
from rapportextract.models import Kind, Unit

_UNITS = get_args(Unit)

Terms = dict[str, tuple[str, ...]]


def _str_list(value: Any, where: str, path: str, terms: Terms | None = None
              ) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CatalogueError(f"{where} must be a list of words", path=path,
                             hint="see the format described in catalogue/concepts.toml")
    out: list[str] = []
    for item in value:
        if item.startswith("@") and terms is not None:
            if item[1:] not in terms:
                raise CatalogueError(f"{where} names an unknown term list {item!r}", path=path,
                                     hint=f"define it under [terms] or use one of "
                                          f"{', '.join('@' + t for t in sorted(terms))}")
            out.extend(terms[item[1:]])
        else:
            out.append(item.lower())
    return tuple(out)


def _parse_terms(data: dict[str, Any], path: str, base: Terms | None) -> Terms:
    terms: Terms = dict(base or {})
    raw = data.get("terms", {})
    if not isinstance(raw, dict):
        raise CatalogueError("[terms] must be a table of word lists", path=path)
    for name, words in raw.items():
        terms[name] = _str_list(words, f"[terms] {name}", path)
    return terms


def _parse_signal(raw: Any, where: str, path: str, terms: Terms) -> Signal:
    if not isinstance(raw, dict):
        raise CatalogueError(f"{where} must be a table", path=path)
    unknown = set(raw) - {"head", "also", "without"}
    if unknown:
        raise CatalogueError(f"{where} has unknown keys {sorted(unknown)}", path=path,
                             hint="a signal has head, also and without")
    head = _str_list(raw.get("head"), f"{where}.head", path, terms)
    also_raw = raw.get("also", [])
    if not isinstance(also_raw, list):
        raise CatalogueError(f"{where}.also must be a list of word lists", path=path)
    also = tuple(_str_list(g, f"{where}.also", path, terms) for g in also_raw)
    without = (_str_list(raw["without"], f"{where}.without", path, terms)
               if "without" in raw else ())
    try:
        return Signal(head, also, without)
    except re.error as exc:
        raise CatalogueError(f"{where} has a term that is not a valid pattern ({exc})",
                             path=path) from exc


_CONCEPT_KEYS = {"id", "label_nl", "label_en", "unit", "kind", "core", "about_corporations",
                 "data_year", "values", "counts", "signal"}


def _parse_values(raw: Any, where: str, path: str) -> tuple[Decimal, Decimal] | None:
    if raw is None:
        return None
    hint = "write values = [lowest, highest] with two numbers"
    if not isinstance(raw, list) or len(raw) != 2 or not all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in raw
    ):
        raise CatalogueError(f"{where} values must be a list of two numbers", path=path,
                             hint=hint)
    try:
        low, high = (Decimal(str(v)) for v in raw)
    except InvalidOperation as exc:
        raise CatalogueError(f"{where} values are not numbers", path=path, hint=hint) from exc
    if low > high:
        raise CatalogueError(f"{where} values run from high to low", path=path, hint=hint)
    return low, high


def _parse_concept(raw: Any, index: int, path: str, terms: Terms) -> Concept:
    where = f"concept {index + 1}"
    if not isinstance(raw, dict):
        raise CatalogueError(f"{where} must be a table", path=path)
    unknown = set(raw) - _CONCEPT_KEYS
    if unknown:
        raise CatalogueError(f"{where} has unknown keys {sorted(unknown)}", path=path,
                             hint=f"allowed keys: {', '.join(sorted(_CONCEPT_KEYS))}")
    concept_id = raw.get("id")
    if not isinstance(concept_id, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", concept_id):
        raise CatalogueError(f"{where} needs an id of lowercase letters, digits and _",
                             path=path)
    where = f"concept {concept_id!r}"
    unit = raw.get("unit")
    if unit not in _UNITS:
        raise CatalogueError(f"{where} has unit {unit!r}", path=path,
                             hint=f"use one of {', '.join(_UNITS)}")
    kind = raw.get("kind", "level")
    if kind not in ("level", "change"):
        raise CatalogueError(f"{where} has kind {kind!r}", path=path, hint="use level or change")
    signals_raw = raw.get("signal", [])
    if not isinstance(signals_raw, list) or not signals_raw:
        raise CatalogueError(f"{where} needs at least one [[concept.signal]]", path=path)
    signals = tuple(_parse_signal(s, f"{where} signal {i + 1}", path, terms)
                    for i, s in enumerate(signals_raw))
    labels = {k: raw.get(k, concept_id) for k in ("label_nl", "label_en")}
    for key, value in labels.items():
        if not isinstance(value, str):
            raise CatalogueError(f"{where} {key} must be text", path=path)
    return Concept(
        id=concept_id, label_nl=labels["label_nl"], label_en=labels["label_en"],
        unit=cast(Unit, unit), kind=cast(Kind, kind), core=bool(raw.get("core", False)),
        about_corporations=bool(raw.get("about_corporations", False)), signals=signals,
        data_year=bool(raw.get("data_year", False)),
        values=_parse_values(raw.get("values"), where, path),
        counts=_str_list(raw["counts"], f"{where}.counts", path) if "counts" in raw else (),
    )


def parse_catalogue_text(text: str, path: str, terms: Terms | None = None
                         ) -> tuple[list[Concept], Terms]:
    """The concepts and named term lists of one catalogue file's text (`path` names it in
    errors); `terms` are term lists defined before (the packaged file's, for a user file)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"not valid TOML ({exc})", path=path,
                             hint="fix the syntax of the catalogue file") from exc
    terms = _parse_terms(data, path, terms)
    raw = data.get("concept")
    if not isinstance(raw, list) or not raw:
        raise CatalogueError("no [[concept]] entries", path=path,
                             hint="a catalogue file lists concepts as [[concept]] tables")
    concepts = [_parse_concept(c, i, path, terms) for i, c in enumerate(raw)]
    seen: set[str] = set()
    for c in concepts:
        if c.id in seen:
            raise CatalogueError(f"concept {c.id!r} appears twice", path=path,
                                 hint="merge the two entries")
        seen.add(c.id)
    return concepts, terms


def merge_concepts(base: list[Concept], extra: list[Concept], path: str) -> list[Concept]:
    merged = {c.id: c for c in base}
    for c in extra:
        old = merged.get(c.id)
        if old is None:
            merged[c.id] = c
            continue
        if old.unit != c.unit:
            raise CatalogueError(
                f"concept {c.id!r} has unit {c.unit} but the catalogue has {old.unit}", path=path,
                hint="use the same unit or a new id",
            )
        merged[c.id] = Concept(
            id=old.id, label_nl=old.label_nl, label_en=old.label_en, unit=old.unit,
            kind=old.kind, core=old.core, about_corporations=old.about_corporations,
            signals=old.signals + c.signals, data_year=old.data_year, values=old.values,
            counts=old.counts,
        )
    return list(merged.values())
