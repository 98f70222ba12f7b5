"""Who publishes a document, as the scope of every figure in it that names none (docs/outputs.md,
"Scope").

An organisation's own report is about that organisation, a municipality's about its region,
and the report says whose it is on its first page: the title block of page 1 and its running
header (`ingest.edition.title_lines`). A line there names the publisher

- with a scope cue that gives a name (`facts.scope.scope_cues`): an organisation noun or a
  region noun before it ("Jaarverslag 2021 Woonstichting Hestia", "Jaarrekening 2018 gemeente
  Koggenland", "Persbericht gemeente Breda", "Provincie Drenthe - Jaarstukken 2016");
- or a report noun of ``lang/nl/cues.toml`` [scope] report_nouns with a name right after it
  (a year between is skipped) or right before it ("Jaarverslag 2020 Eigen Haard", "Woonbron
  jaarverslag 2019").

A national cue on such a line ("... in Nederland"), a name that is no name (a source of
statistics such as "CBS", "Aedes": a report on the sector) or a line without either names no
publisher: the reports on the sector ("HUURSCHULDEN EN HUISUITZETTINGEN 2024") stay national.
The publisher is the default scope of the document's prose (`facts.scope.sentence_scope`),
the organisation its "wij" speaks for, and the scope of its table and chart figures
(`published`), which have no sentence to name another.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from rapportextract.facts.scope import HEADLINE, ScopeFound, scope_cues, without_own_voice
from rapportextract.ingest.edition import title_lines
from rapportextract.lang.nl.words import cue_words
from rapportextract.models import BlockKind, Document, Fact, Scope
from rapportextract.periods import phrase_alternation as _alt

# A capitalised word, possibly hyphenated, as in `facts.scope`.
_WORD = r"(?:[A-Z]|[a-z]+(?=[A-Z]))[\w'’&]*(?:-[\w'’]+)*"
_YEAR = r"(?:19|20)\d\d"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    w = cue_words().scope
    joiners = _alt(w["name_joiners"])
    name = rf"{_WORD}(?:\s+(?:{joiners}\s+)?{_WORD})*"
    report = rf"(?i:{_alt(w['report_nouns'])})"
    after = re.compile(rf"(?<!\w){report}(?:\s+{_YEAR})?\s*[-–:,]?\s*({name})")
    before = re.compile(rf"^\s*({name})\s*[-–:,]?\s+{report}(?!\w)")
    national = re.compile(rf"(?<!\w)(?:{_alt(w['national'])})(?!\w)", re.IGNORECASE)
    words = frozenset(w["report_nouns"]) | frozenset(w["not_names"])
    return after, before, national, words


def publisher(doc: Document) -> ScopeFound | None:
    """The organisation or region that publishes the document, from its first page (the
    module docstring), or None."""
    lines = title_lines(doc)
    if doc.pages:
        lines += [" ".join(b.text.split()) for b in doc.pages[0].blocks
                  if b.kind is BlockKind.HEADER and b.text]
    for line in lines:
        found = publisher_in(line)
        if found is not None:
            return found
    return None


def publisher_in(line: str) -> ScopeFound | None:
    """The publisher one title line names, or None (the module docstring)."""
    after, before, national, words = _patterns()
    cues = without_own_voice(scope_cues(line))
    named = [c for c in cues if c.name and c.scope in ("organisation", "region")]
    if named:
        # a title about the country as well ("Huisuitzettingen in Nederland en in Almere")
        # names no publisher
        if any(c.scope == "national" for c in cues):
            return None
        first = named[0]
        return _found(first.scope, _trimmed(first.name or "", words), line,
                      own=_own_line(line, first, words))
    for pattern in (after, before):
        m = pattern.search(line)
        # a national word outside the name ("Jaarverslag Nederland") is no publisher's
        if m and not national.search(line[:m.start(1)] + " " + line[m.end(1):]):
            name = _trimmed(m.group(1), words)
            if name:
                return _found("organisation", name, line)
    return _region_document(line, national)


def _region_document(line: str, national: re.Pattern[str]) -> ScopeFound | None:
    """A region's own document by its kind, without a name (``region_documents``:
    "Gezondheidsmonitor Volwassenen en Ouderen 2020-2021"), or None: with a national word or
    a national source ("CBS", "RIVM") it is the country's."""
    w = cue_words().scope
    found = [t.lower() for t in re.findall(r"\w+", line)]
    if not any(t in w["region_documents"] for t in found) or national.search(line) \
            or any(t in w["not_names"] and t not in w["name_articles"] for t in found):
        return None
    return ScopeFound("region", None, -1, f"the publisher, on the first page: {line!r}")


def _trimmed(name: str, words: frozenset[str]) -> str | None:
    """The name without report nouns and years at its end ("Hestia Jaarverslag" -> "Hestia"),
    or None where nothing of a name is left or its first word is no name ("CBS")."""
    reports = frozenset(cue_words().scope["report_nouns"])
    parts = name.split()
    while parts and (parts[-1].lower() in reports or re.fullmatch(_YEAR, parts[-1])):
        parts.pop()
    articles = set(cue_words().scope["name_articles"])
    while parts and parts[0].lower() in words - articles:
        parts.pop(0)
    # "De Key", "Het Gooi" are names; "De" alone is none.
    if not parts or (parts[0].lower() in articles and len(parts) == 1):
        return None
    return " ".join(parts)


def _own_line(line: str, cue: ScopeFound, words: frozenset[str]) -> bool:
    """Whether a title line that names `cue` is its publisher's own: with a report noun
    ("Jaarverslag 2021 Woonstichting Hestia", "Persbericht gemeente Breda"), or the name alone
    or before a dash or colon ("Gemeente Zwolle - Raadsvoorstel ..."). Otherwise it is a
    headline about the name ("Fraude met huurwoningen in Haarlemmermeer", "Woningcorporatie
    Actium zet minder huurders uit"): what a news item is about, not who reports it."""
    reports = frozenset(cue_words().scope["report_nouns"])
    if any(w.lower() in reports for w in re.findall(r"\w+", line)):
        return True
    rest = line[cue.start + len(cue.cue):].strip()
    return not line[:cue.start].strip(" '‘\"“(") and (not rest or rest[0] in "-–—:|(,")


def _found(scope: Scope, name: str | None, line: str, *, own: bool = True
           ) -> ScopeFound | None:
    if not name:
        return None
    how = "the publisher, on the first page: " if own else HEADLINE
    return ScopeFound(scope, name, -1, f"{how}{line!r}")


def published(facts: list[Fact], who: ScopeFound | None) -> list[Fact]:
    """Table and chart facts of a published document: a national fact takes the publisher's
    scope (a table row names no body; the table is the publisher's own)."""
    if who is None:
        return facts
    return [f.model_copy(update={"scope": who.scope, "scope_name": who.name,
                                 "diagnostics": [*f.diagnostics, who.note()]})
            if f.scope == "national" else f for f in facts]


def speaking_as(cues: list[ScopeFound], who: ScopeFound | None) -> list[ScopeFound]:
    """The cues with the own voice ("wij", "onze") as the publisher it speaks for."""
    if who is None:
        return cues
    own = set(cue_words().scope["own_voice"])
    return [replace(c, scope=who.scope, name=who.name) if c.cue.lower() in own else c
            for c in cues]
