"""The numbers of a document's prose that are no figures, with their reasons, for `draw` and
`eval` (`skipped_numbers`, `count_by_reason`)."""

from __future__ import annotations

from collections import Counter

from rapportextract.models import PROSE_KINDS, Document, SkippedNumber
from rapportextract.quantities.recogniser import read_sentence


def skipped_numbers(doc: Document) -> list[SkippedNumber]:
    """Every number in the document's prose sentences that the recogniser skipped, in reading
    order, each with its page and reason."""
    found: list[SkippedNumber] = []
    for sentence in doc.sentences:
        if sentence.block_kind not in PROSE_KINDS:
            continue
        for skip in read_sentence(sentence.text)[1]:
            found.append(skip.model_copy(update={"page": sentence.page}))
    return found


def count_by_reason(skips: list[SkippedNumber]) -> dict[str, int]:
    """How many numbers were skipped for each reason, the most frequent first."""
    return dict(Counter(s.reason for s in skips).most_common())
