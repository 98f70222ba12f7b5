"""Where a fact comes from: its stable id and whether its page was read by OCR."""

from __future__ import annotations

import hashlib

from rapportextract.models import Document, Fact, Origin, Quantity, Sentence


def fact_id(doc: Document, *parts: object) -> str:
    """The first 16 hex digits of sha256(document hash, `parts`): stable across runs for the
    same input."""
    raw = ":".join([doc.sha256, *[str(p) for p in parts]])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def figure_place(sentence: Sentence, q: Quantity) -> tuple[object, ...]:
    """Where a prose figure of a text report (no word boxes) stands: its offsets in its
    paragraph's text, whatever sentences the paragraph was cut into. Figures on a PDF page
    get their ids from `placed_ids` once the page is read."""
    return (sentence.block_id, sentence.offset + q.start, sentence.offset + q.end)


def placed_ids(doc: Document, facts: list[Fact]) -> list[Fact]:
    """Prose facts of PDF pages with ids by where they stand, stable across extractor versions
    and engines: the page, the figure as written, and which of the figures so written on that
    page it is, counted in page order (top to bottom, left to right). Not the exact box: the
    two PDF engines place a word's edges a fraction of a point apart. The facts are given
    their ids in place, not copied: a long report holds tens of thousands of them, and a copy
    of each doubled their memory while it lasted. `facts` are the reader's own, just made."""
    boxed = [i for i, f in enumerate(facts) if f.source.bbox is not None]
    boxed.sort(key=lambda i: (facts[i].source.page, round(facts[i].source.bbox[1]),  # type: ignore[index]
                              facts[i].source.bbox[0], i))  # type: ignore[index]
    seen: dict[tuple[int, str], int] = {}
    done: set[int] = set()
    for i in boxed:
        fact = facts[i]
        if id(fact) in done:  # one object listed twice: a copy keeps the ids apart
            fact = facts[i] = fact.model_copy()
        done.add(id(fact))
        key = (fact.source.page, fact.source.text)
        n = seen.get(key, 0)
        seen[key] = n + 1
        fact.id = fact_id(doc, fact.source.page, "figure", fact.source.text, n)
    return facts


def origin_of(doc: Document, page: int) -> Origin:
    """``ocr`` for a figure on a page whose words were read by OCR, else ``text``."""
    found = doc.pages[page - 1] if 0 < page <= len(doc.pages) else None
    return "ocr" if found is not None and found.number == page and found.ocr else "text"


