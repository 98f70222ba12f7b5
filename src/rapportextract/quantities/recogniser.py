"""The recogniser's pipeline: one sentence -> list[Quantity] (`find_quantities`), and the
numbers it skipped with their reasons (`read_sentence`)."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import regex

from rapportextract.models import Quantity, SkippedNumber
from rapportextract.quantities.changes import change_row, classify_change, qualify
from rapportextract.quantities.found import Found, Spans
from rapportextract.quantities.masks import (
    bare_article,
    mask_reason,
    masked_spans,
    not_a_figure,
)
from rapportextract.quantities.multipliers import Multiplier, apply_multipliers
from rapportextract.quantities.numbers import find_numbers
from rapportextract.quantities.patterns import Patterns, patterns
from rapportextract.quantities.phrases import alt, compile_pattern
from rapportextract.quantities.shares import (
    GROUPS_REASON,
    compares_groups,
    find_fractions,
    find_majorities,
    find_multiples,
    find_ratios,
    with_bracket_figure,
)
from rapportextract.quantities.signs import borrow_range_unit, lend_movement_unit

# Skips not worth showing: the article "een" is no number anyone wrote as one.
_UNSHOWN = frozenset({"article"})


# "bijna 2 miljard (ongeveer 1 970 miljoen) euro": a round figure restated precisely in brackets
_RESTATED_BETWEEN = regex.compile(r"\s*\(\s*(?:[^\W\d_]+\s+)?")
_RESTATED_TOLERANCE = Decimal("0.05")


@cache
def _bracket_close() -> regex.Pattern[str]:
    currency = alt(patterns().data.units.currency_suffix)
    return compile_pattern(rf"\s*\)(?P<cur>\s*{currency})?")


def _restated(figures: list[Found], text: str, p: Patterns) -> tuple[list[Found],
                                                                     list[tuple[Found, str]]]:
    """Drop a round figure that the bracket after it restates precisely (within 5%): the two
    are one fact, the precise one kept; a currency after the bracket is both's."""
    kept: list[Found] = []
    dropped: list[tuple[Found, str]] = []
    for q in figures:
        prev = kept[-1] if kept else None
        close = _bracket_close().match(text, q.end)
        if (prev is not None and close is not None and prev.scale > 1 and q.scale > 1
                and prev.unit == q.unit and q.value
                and _RESTATED_BETWEEN.fullmatch(text, prev.end, q.start)
                and abs(prev.value - q.value) <= abs(q.value) * _RESTATED_TOLERANCE):
            dropped.append((kept.pop(), "restated in brackets"))
            if close.group("cur") and q.unit == "count":
                q.unit = "EUR"
            q.has_unit = True
            q.notes.append("the precise figure in brackets restating a round one")
        kept.append(q)
    return kept, dropped


def find_quantities(text: str, carried: Multiplier | None = None) -> list[Quantity]:
    """Every figure written in ``text`` (one sentence), in reading order.

    Offsets are character offsets in ``text``; ``Quantity.text`` is ``text[start:end]`` and
    covers the figure with its unit, scale, qualifier and change words ("iets meer dan 1.000",
    "een daling van 18.000", "€ 9 miljoen minder").
    """
    return read_sentence(text, carried)[0]


def read_sentence(text: str, carried: Multiplier | None = None
                  ) -> tuple[list[Quantity], list[SkippedNumber]]:
    """The figures of ``text`` (`find_quantities`) and the numbers written in it that are no
    figures, each with its reason, in reading order. ``carried`` is the multiplier of a
    table's caption or head line above a row (`multipliers.head_multiplier`)."""
    if not text:
        return [], []
    p = patterns()
    share_candidates = sorted(
        [*find_ratios(text, p), *find_fractions(text, p), *find_majorities(text, p),
         *find_multiples(text, p)],
        key=lambda q: q.start,
    )
    number_candidates = find_numbers(text, p)
    if not share_candidates and all(bare_article(q, text, p) for q in number_candidates):
        # Most sentences: no candidate, or only the article "een", which is never a figure
        # (`not_a_figure`) and never part of a range; the masks need not be looked for.
        return [], []
    masked = masked_spans(text, p)
    masks = Spans([(a, b) for a, b, _ in masked])
    skipped: list[tuple[Found, str]] = []
    shares: list[Found] = []
    for q in share_candidates:
        if masks.overlaps(q.start, q.end):
            skipped.append((q, mask_reason(masked, q.start, q.end) or "masked"))
        elif compares_groups(q, text):
            skipped.append((q, GROUPS_REASON))
        elif not (shares and shares[-1].end > q.start):
            with_bracket_figure(q, text, p)
            shares.append(q)
    # the number words of a multiple of two groups are not read again as counts
    groups = [(q.start, q.end) for q, reason in skipped if reason == GROUPS_REASON]
    taken = Spans([(q.start, q.end) for q in shares] + groups)
    numbers = []
    for q in number_candidates:
        if masks.overlaps(q.start, q.end):
            if not bare_article(q, text, p):
                skipped.append((q, mask_reason(masked, q.start, q.end) or "masked"))
        elif not taken.overlaps(q.start, q.end):
            numbers.append(q)
    numbers.sort(key=lambda q: q.start)
    borrow_range_unit(numbers, text, p)
    lend_movement_unit(numbers, text)
    figures = []
    for q in numbers:
        reason = not_a_figure(q, text, p)
        if reason is None:
            figures.append(q)
        elif reason not in _UNSHOWN:
            skipped.append((q, reason))
    figures, dropped = apply_multipliers(figures, text, carried)
    skipped += dropped
    figures, restated = _restated(figures, text, p)
    skipped += restated
    for q in figures:
        ctx = p.data.contexts
        if q.plain_integer and q.end - q.start == 4 and ctx.year_first <= q.value <= ctx.year_last:
            q.notes.append("could be a year; read as a count because a counted noun follows")
    accepted = shares + figures
    accepted.sort(key=lambda q: q.start)

    result: list[Quantity] = []
    for i, q in enumerate(accepted):
        floor = accepted[i - 1].end if i else 0
        ceiling = accepted[i + 1].start if i + 1 < len(accepted) else len(text)
        qualify(q, text, floor, p)
        classify_change(q, text, floor, ceiling, p, accepted[i - 1] if i else None,
                        accepted[i + 1] if i + 1 < len(accepted) else None)
    change_row(accepted, text, p)
    for q in accepted:
        result.append(
            Quantity(
                value=q.value,
                unit=q.unit,
                qualifier=q.qualifier,
                kind=q.kind,
                text=text[q.start : q.end],
                start=q.start,
                end=q.end,
                scale=q.scale,
                form=q.form,
                ambiguous=q.ambiguous,
                notes=q.notes,
            )
        )
    skips = [
        SkippedNumber(text=text[q.start : q.end], start=q.start, end=q.end, reason=reason)
        for q, reason in sorted(skipped, key=lambda pair: pair[0].start)
    ]
    return result, skips
