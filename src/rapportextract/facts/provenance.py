"""Where a fact comes from: its stable id and whether its page was read by OCR."""

from __future__ import annotations

import hashlib

from rapportextract.models import Document, Origin, Quantity, Sentence


def fact_id(doc: Document, *parts: object) -> str:
    """The first 16 hex digits of sha256(document hash, `parts`): stable across runs for the
    same input."""
    raw = ":".join([doc.sha256, *[str(p) for p in parts]])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def figure_place(sentence: Sentence, q: Quantity) -> tuple[object, ...]:
    """Where a prose figure stands on its page, whatever blocks and sentences the page was cut
    into: the box of its words (to the whole point: the two PDF engines place a word's edges a
    fraction of a point apart) and the figure as written, where the page has word boxes; else
    (a text report) its offsets in its paragraph's text."""
    box = sentence.bbox_of(q.start, q.end)
    if box is not None:
        return ("box", *(f"{c:.0f}" for c in box), q.text)
    return (sentence.block_id, sentence.offset + q.start, sentence.offset + q.end)


def origin_of(doc: Document, page: int) -> Origin:
    """``ocr`` for a figure on a page whose words were read by OCR, else ``text``."""
    found = doc.pages[page - 1] if 0 < page <= len(doc.pages) else None
    return "ocr" if found is not None and found.number == page and found.ocr else "text"


