"""What chart and table facts share: the catalogue they resolve concepts with, and fact ids."""

from __future__ import annotations

import hashlib
from typing import Any, Literal, Protocol

from rapportextract.models import (
    Document,
    Unit,
)


class ConceptMatcher(Protocol):
    """What the readers need of a catalogue: `match(text)` returning a match that names a
    concept id (`.concept` or `.id`, a str), or None."""

    def match(self, text: str, *, unit: str | None = None) -> Any: ...


def default_catalogue() -> ConceptMatcher | None:
    try:
        from rapportextract.catalogue import load_catalogue
    except ImportError:
        return None
    catalogue: ConceptMatcher = load_catalogue()
    return catalogue


def resolve_concept(catalogue: ConceptMatcher | None, text: str, unit: Unit) -> str | None:
    """The catalogue's concept for `text`, or None where nothing fits or the concept is kept
    in another unit (a percentage chart of reasons is no money amount)."""
    if catalogue is None or not text.strip():
        return None
    match = catalogue.match(text, unit=unit)
    if match is None or match is False:
        return None
    concept: Any = match if isinstance(match, str) else getattr(match, "concept", None)
    if concept is None:
        concept = getattr(match, "id", None)
    concept_unit = getattr(match, "unit", None)
    if concept is not None and not isinstance(concept, str):
        concept_unit = concept_unit or getattr(concept, "unit", None)
        concept = getattr(concept, "id", None)
    if not isinstance(concept, str) or not concept:
        return None
    if isinstance(concept_unit, str) and concept_unit != unit:
        return None
    return concept


def figure_fact_id(doc: Document, origin: Literal["chart", "table"], page: int,
                   *place: object) -> str:
    """The id of a fact read from a chart or a table, used by both.

    A readable part (document hash, "c" or "t" with the page, then `place`: the figure's
    position on the page, e.g. chart number and bar index) and 8 hex digits of a hash over the
    same, so that ids stay stable between runs and never collide within a document.
    """
    readable = "-".join([doc.sha256[:12], f"{origin[0]}{page}", *[str(p) for p in place]])
    key = ":".join([doc.sha256, origin, str(page), *[str(p) for p in place]])
    return f"{readable}-" + hashlib.sha256(key.encode()).hexdigest()[:8]
