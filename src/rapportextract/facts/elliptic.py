"""A sentence that leaves out the verb of the change before it: "De huren stegen in
Rotterdam met 4 procent." + "Utrecht en Amersfoort ieder zes procent, Assen acht procent en
Den Bosch negen procent." Its figures are changes in the direction of that change, and of its
period; so are figures named as its outliers ("Er zijn uitschieters van 60%"). The rules are
`continued_changes`; the words are in ``lang/nl/cues.toml`` [elliptic_changes]."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapportextract.facts.concepts import Prev
from rapportextract.lang.nl.files import DataFile
from rapportextract.models import Quantity
from rapportextract.periods import phrase_alternation as _alt
from rapportextract.quantities.patterns import patterns

NOTE = "change: a list without a verb continuing the change of the sentence before"


@dataclass(frozen=True)
class _Words:
    list_words: frozenset[str]
    not_in_list: frozenset[str]
    prepositions: frozenset[str]
    source: re.Pattern[str]
    decrease: re.Pattern[str]
    increase: re.Pattern[str]
    outlier: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    f = DataFile("cues.toml")
    ch = patterns().data.changes
    decrease = [*ch.decrease_verbs, *f.lower_words("elliptic_changes.decrease_particles")]
    increase = [*ch.increase_verbs, *f.lower_words("elliptic_changes.increase_particles")]
    return _Words(
        list_words=frozenset(f.lower_words("elliptic_changes.list_words")),
        not_in_list=frozenset(f.lower_words("elliptic_changes.not_in_list")),
        prepositions=frozenset(f.lower_words("elliptic_changes.group_prepositions")),
        source=re.compile(
            rf"\s*,\s*{_alt(f.lower_words('elliptic_changes.sources'))}(?!\w)[^\d]*$",
            re.IGNORECASE),
        decrease=re.compile(rf"(?<!\w){_alt(decrease)}(?!\w)", re.IGNORECASE),
        increase=re.compile(rf"(?<!\w){_alt(increase)}(?!\w)", re.IGNORECASE),
        outlier=re.compile(
            rf"(?<!\w)(?P<word>{_alt(f.lower_words('elliptic_changes.outliers'))})"
            rf"(?:\s+[^\W\d_]+){{0,{f.integer('elliptic_changes.outlier_gap', minimum=1)}}}"
            r"[\s(:]*$", re.IGNORECASE),
    )


_WORD = re.compile(r"[^\W\d_][\w'’-]*|\S")
_END = re.compile(r"[\s.!?…]*$")
_JOINERS = frozenset({",", ";", "en"})


def continued_changes(text: str, quantities: list[Quantity], prev: Prev | None,
                      continues: bool) -> list[Quantity] | None:
    """The figures of a sentence that lists groups and their figures without a verb, after a
    sentence that states a change, as changes in that change's direction, or its figures
    after an outlier word ("Er zijn uitschieters van 60%", `_outliers`); None where the
    sentence is neither (`continues`: it opens by referring back, "Daarvan 40 procent")."""
    if prev is None or not prev.own or continues or not quantities \
            or any(q.kind != "level" or q.form not in ("digits", "words") for q in quantities):
        return None
    direction = _change_before(prev, quantities[0].unit)
    if direction is None:
        return None
    if _only_a_list(text, quantities):
        return [_changed(q, direction, NOTE) for q in quantities]
    return _outliers(text, quantities, prev)


def _changed(q: Quantity, direction: int, note: str) -> Quantity:
    return q.model_copy(update={
        "kind": "change", "value": -abs(q.value) if direction < 0 else abs(q.value),
        "notes": [*q.notes, note]})


def _outliers(text: str, quantities: list[Quantity], prev: Prev) -> list[Quantity] | None:
    """The figures a few words after an outlier word ("uitschieters van 60%") as changes
    in the direction of the change before (or of "naar beneden", "naar boven" after the
    word); None where there is none."""
    out, changed = [], False
    for q in quantities:
        m = _words().outlier.search(text, max(0, q.start - 60), q.start)
        direction = _change_before(prev, q.unit) if m else None
        if m is None or direction is None:
            out.append(q)
            continue
        word = m.group("word").lower()
        direction = -1 if word.endswith("beneden") else 1 if word.endswith("boven") \
            else direction
        out.append(_changed(q, direction, f"change: '{m.group('word')}' of the change before"))
        changed = True
    return out if changed else None


def _change_before(prev: Prev, unit: str) -> int | None:
    """The direction of the change the sentence before states: its last figure, where that
    is a change of the same unit, or else, where it has no figures, its change words."""
    own = [f for f in prev.facts if f.source.sentence == prev.own]
    if own:
        last = own[-1]
        if last.kind != "change" or last.unit != unit or last.value == 0:
            return None
        return -1 if last.value < 0 else 1
    w = _words()
    falls = [m.start() for m in w.decrease.finditer(prev.own)]
    rises = [m.start() for m in w.increase.finditer(prev.own)]
    if not falls and not rises:
        return None
    return -1 if max(falls, default=-1) > max(rises, default=-1) else 1


def _only_a_list(text: str, quantities: list[Quantity]) -> bool:
    """Whether the text is names and list words around its figures, and nothing else."""
    w = _words()
    tail = text[quantities[-1].end :]
    if not _END.fullmatch(tail) and not w.source.match(tail):
        return False
    start = 0
    for index, q in enumerate(quantities):
        if not _stretch(text[start : q.start], w, joined=index > 0):
            return False
        start = q.end
    return True


def _stretch(words_before: str, w: _Words, *, joined: bool) -> bool:
    """Whether the words before a figure only name a group: names, list words, and words
    after a group preposition; at least one word naming the group, and after another figure
    a comma, semicolon or "en" first ("Woningen in bezit 4.410 4.380" is a table row)."""
    tokens = _WORD.findall(words_before)
    if not any(t[0].isalpha() and t.lower() not in w.list_words for t in tokens):
        return False
    if joined and not (tokens and tokens[0].lower() in _JOINERS):
        return False
    if any(t.lower() in w.not_in_list for t in tokens):
        return False
    grouped = False
    for token in tokens:
        lower = token.lower()
        if token in {",", ";", ":"}:
            # "Amsterdam: 9 procent; Den Haag: 22 procent"
            grouped = False
            continue
        if not token[0].isalpha():
            return False
        if lower in w.prepositions:
            grouped = True
        elif not (token[0].isupper() or lower in w.list_words or grouped):
            return False
    return True
