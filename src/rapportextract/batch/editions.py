"""The same edition read from two files: a report as .txt and as PDF, or two copies under
other names. Files with the same content are caught before reading (`run.build`); these have
different bytes, so they are found after: the same edition year and either the same title or
the same figures."""

from __future__ import annotations

from collections.abc import Sequence

from rapportextract.models import DocumentSummary, Fact


def _figures(facts: list[Fact]) -> frozenset[tuple[object, ...]]:
    return frozenset(
        (f.concept, f.kind, f.period, f.base_period, f.value, f.unit)
        for f in facts if not f.derived
    )


def same_editions(
    summaries: Sequence[DocumentSummary | None], facts_of: Sequence[list[Fact]]
) -> list[tuple[int, int, str]]:
    """(kept, repeat, why) for each report that repeats an edition read from another file.
    The kept one is a PDF over a text file (a PDF has boxes for its figures), then the first."""
    out: list[tuple[int, int, str]] = []
    repeats: set[int] = set()
    order = [i for i, s in enumerate(summaries) if s is not None and s.edition is not None]
    order.sort(key=lambda i: (summaries[i].source_type != "pdf", i))  # type: ignore[union-attr]
    for n, i in enumerate(order):
        if i in repeats:
            continue
        a = summaries[i]
        assert a is not None
        for j in order[n + 1 :]:
            b = summaries[j]
            assert b is not None
            if j in repeats or b.edition != a.edition:
                continue
            if a.title and b.title and _norm(a.title) == _norm(b.title):
                why = f"the same title ({a.title!r})"
            elif facts_of[i] and _figures(facts_of[i]) == _figures(facts_of[j]):
                why = f"the same {len(_figures(facts_of[i]))} figures"
            else:
                continue
            repeats.add(j)
            out.append((i, j, why))
    return sorted(out, key=lambda t: t[1])


def _norm(title: str) -> str:
    return " ".join(title.lower().split())
