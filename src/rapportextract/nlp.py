"""The spaCy pipeline: `spacy.blank("nl")` plus the quantity recogniser as a component.

`rapportextract_quantities` wraps `quantities.find_quantities`: it puts every figure of a
Doc in ``doc.spans["quantities"]`` and the `Quantity` itself on ``span._.quantity``. Code that
only needs the figures of a sentence should call `find_quantities` directly: it avoids the
tokenizer.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from rapportextract.quantities import find_quantities

COMPONENT = "rapportextract_quantities"
SPAN_KEY = "quantities"

if not Span.has_extension("quantity"):
    Span.set_extension("quantity", default=None)


class QuantityRecognizer:
    """Sets ``doc.spans[span_key]``: one span per figure, covering its text as written."""

    def __init__(self, span_key: str = SPAN_KEY) -> None:
        self.span_key = span_key

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for quantity in find_quantities(doc.text):
            span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
            if span is None:
                continue
            span._.quantity = quantity
            spans.append(span)
        doc.spans[self.span_key] = spans
        return doc


@Language.factory(COMPONENT, default_config={"span_key": SPAN_KEY})
def make_quantity_recognizer(nlp: Language, name: str, span_key: str) -> QuantityRecognizer:
    return QuantityRecognizer(span_key)


@cache
def get_nlp() -> Language:
    """The Dutch pipeline, built once: a blank Dutch tokenizer and the quantity component."""
    nlp = spacy.blank("nl")
    nlp.add_pipe(COMPONENT)
    return nlp
