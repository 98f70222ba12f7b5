"""Numbers that are no figures: spans masked out (URLs, dates, references, phone numbers,
set phrases) and bare numbers that are years, durations, factors, markers or the article."""

from __future__ import annotations

from rapportextract.quantities.found import LEFT_WINDOW, RIGHT_WINDOW, Found
from rapportextract.quantities.patterns import Patterns


def masked_spans(text: str, p: Patterns) -> list[tuple[int, int, str]]:
    """Spans that hold no figure, each with its reason ("date", "reference", "threshold")."""
    masks = (*p.word_masks, *p.masks) if p.digit.search(text) else p.word_masks
    spans = [(*m.span(), reason) for reason, pattern in masks for m in pattern.finditer(text)]
    if p.domain_hint.search(text):
        spans += [(*m.span(), "web address") for m in p.domain().finditer(text)]
    if p.phone_hint.search(text) is None:
        return spans
    service = p.data.contexts.phone_service_prefixes
    for m in p.phone().finditer(text):
        digits = sum(ch.isdigit() for ch in m.group())
        if digits >= 9 or (digits >= 8 and m.group().lstrip("(").startswith(service)):
            spans.append((*m.span(), "phone number"))
    return spans


def mask_reason(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The reason of the first masked span that overlaps [start, end), or None."""
    return next((reason for a, b, reason in spans if a < end and start < b), None)


def _is_year(q: Found, before: str, after: str, p: Patterns) -> bool:
    """A bare four-digit number in the year range is a year unless a counted noun follows.

    After a year preposition ("in", "sinds", "eind") a wider range counts as years too. After
    "in", "sinds" and the like it is always a year ("sinds 2021 signalen"); otherwise a listed
    counted noun makes it a count ("van 2000 huishoudens"), and a word with a plural ending
    does so where no year preposition stands before the number ("2024 huurders").
    """
    ctx = p.data.contexts
    if p.change_noun_left.search(before):
        return False  # "een daling van 2000"
    after_preposition = p.year_before.search(before) is not None
    if not ctx.year_first <= q.value <= ctx.year_last and not (
        after_preposition and ctx.year_wide_first <= q.value <= ctx.year_wide_last
    ):
        return False
    if p.year_always_before.search(before):
        return True  # "sinds 2021 signalen"
    nxt = p.next_word.match(after)
    if nxt is None:
        return True
    word = nxt.group("word").lower()
    if word in p.not_count_words:
        return True
    if word in p.count_nouns:
        return False
    if after_preposition:
        return True
    return not any(word.endswith(e) for e in ctx.count_plural_endings)


def bare_article(q: Found, text: str, p: Patterns) -> bool:
    return q.form == "words" and not q.has_unit and text[q.start : q.end].lower() in p.plain_article


def not_a_figure(q: Found, text: str, p: Patterns) -> str | None:
    """Why a bare number is no figure (a year, a duration, a marker), or None."""
    if q.has_unit:
        return None
    after = text[q.end : q.end + RIGHT_WINDOW]
    before = text[max(0, q.start - LEFT_WINDOW) : q.start]
    written = text[q.start : q.end]
    if p.duration_right.match(after):
        return "duration"
    if p.factor_right.match(after):
        return "factor"
    if p.caption_left.search(before):
        return "caption multiplier"
    if q.form == "words":
        lower = written.lower()
        if lower in p.plain_article:
            return "article"
        if lower in p.stressed_one:
            nxt = p.next_word.match(after)
            if nxt is None or nxt.group("word").lower() in p.stressed_one_not_before:
                return "'één' without a counted noun"
    if not q.plain_integer or q.signed:
        return None
    if len(written) == 4 and _is_year(q, before, after, p):
        return "year"
    nxt = p.next_word.match(after)
    if len(written) <= 2:
        if p.footnote_end.search(before) and (after.strip() == "" or after.startswith("\n")):
            return "footnote marker"
        if p.line_start.search(before) and nxt and nxt.group("word")[0].isupper():
            return "footnote or heading number"
    return None
