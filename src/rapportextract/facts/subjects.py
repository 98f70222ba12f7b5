"""What a figure counts (its subject) and, for a fact without concept, the key of what its
sentence says (`statement_key`; both described in the `rapportextract.facts` docstring)."""

from __future__ import annotations

import re
from functools import lru_cache

from rapportextract.catalogue import Catalogue
from rapportextract.facts.concepts import ConceptChoice
from rapportextract.facts.cues import cue_patterns
from rapportextract.lang.nl.stems import stem
from rapportextract.lang.nl.words import cue_words, stop_words
from rapportextract.models import Quantity
from rapportextract.periods import TimeExpression, find_time_expressions

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _count_nouns() -> frozenset[str]:
    from rapportextract.lang import nl

    return frozenset(w.lower() for w in nl.load().contexts.count_nouns)


def subject_of(q: Quantity, text: str, choice: ConceptChoice, catalogue: Catalogue) -> str:
    if choice.subject:
        return choice.subject
    after = text[q.end:]
    share = cue_patterns().share_of.match(after.lstrip())
    if share is None and cue_patterns().corporation_word.search(q.text):
        share = cue_patterns().share_of.search(q.text)
    if share and q.unit == "percent":
        return " ".join(share.group(1).split())
    noun = _WORD.match(after.lstrip())
    if noun and noun.group(0).lower() in _count_nouns():
        return noun.group(0)
    m = choice.match
    if m is not None and choice.how in ("clause", "sentence"):
        start, end = m.span
        phrase = text[start:end] if end <= len(text) else ""
        # Not a stretch over other figures ("uitzetting, hennepteelt in 5,6 procent en
        # woonfraude" for the last figure of a list): the concept's label says it better.
        if phrase and _DIGIT.search(phrase):
            return catalogue.label(m.id)
        if phrase and len(phrase) <= 60 and not (start < q.end and end > q.start):
            return " ".join(phrase.split())
        if not (m.head_start < q.end and m.head_end > q.start):
            return " ".join(text[m.head_start:m.head_end].split())
        return catalogue.label(m.id)
    # A function word is no noun ("Ruim 1.000 daarvan ...", "twee wegens overlast").
    if (noun and noun.group(0).lower() not in cue_patterns().stopwords
            and noun.group(0).lower() not in stop_words().general
            and noun.group(0).lower() not in cue_words().openers and q.unit == "count"):
        return noun.group(0)
    if choice.concept:
        return catalogue.label(choice.concept)
    words = [w for w in _WORD.findall(text[:q.start] + " " + after)
             if w.lower() not in cue_patterns().stopwords]
    return " ".join(words[:8])


def statement_key(text: str, figures: list[tuple[int, int]], *, edition: int,
                  times: list[TimeExpression] | None = None) -> str:
    """The statement key of a sentence (the `rapportextract.facts` docstring): what it says,
    without figures, times and function words, so that rewordings across editions tend to
    meet. `times` are the sentence's time expressions, where already found."""
    if times is None:
        times = find_time_expressions(text, edition=edition)
    cut = list(figures)
    cut += [(e.start, e.end) for e in times]
    stripped = text
    for start, end in cut:
        stripped = stripped[:start] + " " * (end - start) + stripped[end:]
    stop = cue_patterns().stopwords
    words = [w.lower() for w in _WORD.findall(stripped)]
    rule = cue_words().statement_stem
    stems = [stem(w, rule) for w in words if w not in stop and len(w) > 1]
    return " ".join(stems[:12])

