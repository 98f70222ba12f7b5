"""The concept catalogue (docs/outputs.md) and its matcher.

The catalogue is data: ``catalogue/concepts.toml`` ships with the package and a user may add a
file of their own (`load_catalogue(extra=...)`, the CLI's ``--catalogue FILE``). Each concept
has Dutch signal terms; `Catalogue.match` finds the concept a piece of text speaks of.

How a match is chosen, given the text looked at (a clause, a sentence, or a sentence with its
predecessor), the unit of the figure and its position:

1. every signal whose head term and one term of each ``also`` group occur, and none of whose
   ``without`` terms occur, is a candidate; its concept must fit the figure's unit (a change in
   percent also fits a count or EUR concept, "14 procent minder uitzettingen", and prefers
   those) and, for a level, the concept's ``values`` range where it has one;
2. the most specific candidate wins: the one with the most term groups matched;
3. among equally specific ones, the one whose head term stands nearest the figure, then the
   one whose other terms stand nearest ("overlast bij 6,5%, woonfraude bij 7,9%"), then the
   one with the longest head term.

Signal terms may name a list of the file's ``[terms]`` table as ``"@name"`` (a user's file may
also name the packaged lists, e.g. ``"@eviction"``). An extra file uses the same format as the
packaged one. An entry whose id is already in the
catalogue adds its signals to that concept (its unit must agree); a new id adds a concept.

The parts, one module each: `model` (concepts, signals, matches), `parsing` (the TOML file)
and `matcher` (`Catalogue`).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapportextract.catalogue.matcher import Catalogue
from rapportextract.catalogue.model import Concept, ConceptMatch, Signal
from rapportextract.catalogue.parsing import merge_concepts, parse_catalogue_text
from rapportextract.errors import CatalogueError

_PACKAGED = "concepts.toml"


@lru_cache(maxsize=1)
def _packaged() -> tuple[tuple[Concept, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    # Parsed and compiled once per process: every document of a build uses it.
    text = resources.files(__name__).joinpath(_PACKAGED).read_text("utf-8")
    concepts, terms = parse_catalogue_text(text, _PACKAGED)
    return tuple(concepts), tuple(terms.items())


def load_catalogue(extra: Path | None = None) -> Catalogue:
    """The packaged catalogue, plus the concepts of a user's file `extra` if given."""
    packaged, packaged_terms = _packaged()
    concepts, terms = list(packaged), dict(packaged_terms)
    if extra is not None:
        try:
            extra_text = Path(extra).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CatalogueError(f"cannot read the catalogue file ({exc.__class__.__name__})",
                                 path=extra, hint="check the path given to --catalogue") from exc
        extra_concepts, _ = parse_catalogue_text(extra_text, str(extra), terms)
        concepts = merge_concepts(concepts, extra_concepts, str(extra))
    return Catalogue(concepts)


__all__ = [
    "Catalogue",
    "Concept",
    "ConceptMatch",
    "Signal",
    "load_catalogue",
    "parse_catalogue_text",
]
