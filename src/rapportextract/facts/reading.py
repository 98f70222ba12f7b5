"""A document's prose read in one pass: block after block, sentence after sentence, each
sentence with what the one before it left (`Prev`) and the paragraph's time scope."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from rapportextract.catalogue import Catalogue, load_catalogue
from rapportextract.errors import EditionNotFoundError
from rapportextract.facts.analysis import SentenceAnalysis, analyse
from rapportextract.facts.concepts import Prev
from rapportextract.facts.derived import derived_levels
from rapportextract.facts.elliptic import continued_changes
from rapportextract.facts.provenance import placed_ids
from rapportextract.facts.publisher import publisher as publisher_of
from rapportextract.facts.publisher import speaking_as
from rapportextract.facts.scope import (
    NATIONAL,
    SHORT_DOCUMENT,
    ScopeFound,
    carries_scope,
    document_scope,
    quotations,
)
from rapportextract.facts.scope import sentence_scope as whom_of
from rapportextract.facts.sentence import sentence_facts
from rapportextract.models import PROSE_KINDS, BlockKind, Document, Fact, Sentence
from rapportextract.periods import (
    PeriodContext,
    derived_scope,
    load_period_words,
    mentioned_period,
    named_period,
    phrase_alternation,
    read_columns,
    sets_scope,
)
from rapportextract.quantities.multipliers import Multiplier, head_multiplier, table_row


def extract_facts(doc: Document, catalogue: Catalogue | None = None, *,
                  publisher: ScopeFound | None = None) -> list[Fact]:
    """Every figure of the document's prose as a fact, plus derived levels (the
    `rapportextract.facts` docstring). `publisher` is who publishes the document
    (`facts.publisher`), found from its first page where not given. Raises
    `errors.EditionNotFoundError` for a document without an edition."""
    if doc.edition is None:
        raise EditionNotFoundError("no edition year for this document", path=doc.path,
                                   hint="pass --edition YEAR")
    catalogue = catalogue if catalogue is not None else load_catalogue()
    facts: list[Fact] = []
    prev: Prev | None = None
    prose = [s for s in doc.sentences if s.block_kind in PROSE_KINDS]
    who = publisher if publisher is not None else publisher_of(doc)
    inside = quotations([s.text for s in prose])
    quoted = frozenset(s.id for s, q in zip(prose, inside, strict=True) if q)
    whom = who or document_scope([s.text for s in prose], inside)
    carries = carries_scope(who, whom, len(prose))
    head = TableHead()  # a table head's multiplier, carried to the rows below
    short = len(prose) <= SHORT_DOCUMENT
    left: str | None = None  # the time scope the paragraph before left, in a short document
    for block in _blocks(prose):
        new, prev, left = _read_block(doc, doc.edition, block, catalogue, prev, whom, who,
                                      head, carries, quoted, left if short else None)
        facts.extend(new)
    facts = placed_ids(doc, facts)
    return facts + derived_levels(doc, facts)


def _blocks(sentences: list[Sentence]) -> list[list[Sentence]]:
    """The prose sentences cut where a new block (paragraph, heading, caption) starts."""
    blocks: list[list[Sentence]] = []
    for sentence in sentences:
        if not blocks or sentence.block_id != blocks[-1][-1].block_id:
            blocks.append([])
        blocks[-1].append(sentence)
    return blocks


@dataclass
class TableHead:
    """The multiplier of the table caption or head line last read ("(bedragen x € 1.000)"),
    which scales the table rows read as text below it until prose follows."""

    multiplier: Multiplier | None = None


def _read_block(
    doc: Document, edition: int, sentences: list[Sentence], catalogue: Catalogue,
    prev: Prev | None, whom: ScopeFound = NATIONAL, who: ScopeFound | None = None,
    head: TableHead | None = None, carries: bool = False,
    quoted: frozenset[str] = frozenset(), left: str | None = None,
) -> tuple[list[Fact], Prev | None, str | None]:
    """The facts of one block's sentences, `prev` being what the block before left, and what
    this block's last sentence leaves to the next; `whom` is the document's scope, `who` its
    publisher. Each sentence is analysed once (`analysis.analyse`) and the analysis passed
    down. `head` holds the multiplier of a table's caption or head line above ("(bedragen
    x € 1.000)"): it scales the table rows that follow, until prose does; the block leaves its
    own in it. Where the document `carries` a scope from paragraph to paragraph
    (`scope.carries_scope`), a paragraph without a cue keeps the one the paragraph before left.
    `quoted` holds the ids of the sentences that start inside a quotation (`scope.quotations`).
    `left` is the time scope a figure-less lead paragraph of a short document set ("... over
    de aanmeldingen in de eerste maanden van 2009."): it holds for this paragraph too, which
    in turn leaves its scope (the third value returned) where it ends without figures."""
    head = head if head is not None else TableHead()
    # A new block ends the paragraph scope; a sentence opening a paragraph may still refer
    # back to the last sentence of the paragraph before ("Die laatste schuld ..."), but not
    # across a heading or a caption.
    if sentences[0].block_kind != BlockKind.PARAGRAPH or (
        prev is not None and prev.kind != BlockKind.PARAGRAPH
    ):
        prev = None
    facts: list[Fact] = []
    scope: str | None = left if sentences[0].block_kind == BlockKind.PARAGRAPH else None
    figures_seen = False
    header: tuple[str, ...] = ()  # the column years a table row read as text left the next
    for sentence in sentences:
        row = table_row(sentence.text)
        own_voice = whom.scope == "organisation" or who is not None
        analysis = analyse(sentence, edition, own_voice=own_voice,
                           carried=head.multiplier if row else None,
                           quoted=sentence.id in quoted)
        head.multiplier = head_multiplier(sentence.text) or (head.multiplier if row else None)
        if who is not None:
            analysis = replace(analysis, cues=speaking_as(analysis.cues, who))
        about = whom_of(sentence.text, analysis.cues, prev.about if prev else None, whom,
                        analysis.continues, same_paragraph=sentence is not sentences[0],
                        carries=carries)
        columns = read_columns(sentence.text, [(q.start, q.end) for q in analysis.quantities],
                               analysis.times, header)
        header = columns.header
        # what a month without a year is read against ("In augustus ...")
        before = PeriodContext(scope=scope, previous=prev.period if prev else None,
                               mentioned=prev.mentioned if prev else None)
        mentioned = mentioned_period(sentence.text, edition=edition, context=before,
                                     expressions=analysis.times)
        lead = _lead(prev, sentence.text)
        if not analysis.quantities:
            if sentence.text.rstrip().endswith(":"):
                lead = named_period(sentence.text, edition=edition, expressions=analysis.times,
                                    context=before) or (
                    f"{edition}-early" if any(e.how == "present" for e in analysis.times)
                    else None)
            if sentence.block_kind == BlockKind.PARAGRAPH:
                scope = sets_scope(sentence.text, edition=edition, context=before,
                                   expressions=analysis.times) or scope
            named = named_period(sentence.text, edition=edition, expressions=analysis.times,
                                 context=before)
            # A sentence without figures passes on the figures before it: "Dat waren er
            # 6.750" two sentences on still counts what the last figure counted.
            prev = Prev(_context_text(analysis, prev), prev.facts if prev else [], named,
                        sentence.block_kind, sentence.text, about,
                        mentioned or (prev.mentioned if prev else None), lead, figures=False)
            continue
        figures_seen = True
        sentence_scope = scope
        listed = continued_changes(sentence.text, analysis.quantities, prev,
                                   analysis.continues)
        if listed is not None:
            # "Utrecht en Amersfoort ieder zes procent, ...": the change of the sentence before,
            # for other places, and of its period
            analysis = replace(analysis, quantities=listed)
        if lead is not None and not analysis.inherits:
            # an item of a list a lead ending in a colon dated ("Op dit moment:" + "voert 83%
            # van de gemeenten de taak zelf uit;")
            sentence_scope = lead
        elif prev is not None and prev.period and (
                analysis.inherits or listed is not None
                or (not prev.figures and _about_back().match(sentence.text))):
            sentence_scope = prev.period
        elif prev is not None and prev.period == f"{edition}-early" and analysis.continues:
            # The time of writing sets no paragraph scope, but a sentence referring back to
            # figures it dated is of that time too ("Momenteel hebben 44.000 huurders een
            # achterstand. Van hen heeft 20 procent ...").
            sentence_scope = prev.period
        new = sentence_facts(doc, edition, analysis, prev, sentence_scope, catalogue, about,
                             columns.periods)
        facts.extend(new)
        if sentence.block_kind == BlockKind.PARAGRAPH and not analysis.inherits:
            # A sentence that moves to the current year with its own figures ("In het eerste
            # kwartaal van 2012 kwamen er 14.000 verzoeken binnen") moves the paragraph too.
            scope = sets_scope(sentence.text, edition=edition, context=before,
                               expressions=analysis.times) or scope
            # a sentence whose figures were dated only by what they are compared with
            if new and all(f.period == new[0].period for f in new) \
                    and not any(e.role == "point" for e in analysis.times):
                scope = derived_scope(new[0].period, edition) or scope
        prev = Prev(_context_text(analysis, prev), new, _focus_period(new, sentence.text),
                    sentence.block_kind, sentence.text, about, mentioned, lead)
    return facts, prev, (_part_of_year(scope, edition) if not figures_seen else None)


def _part_of_year(scope: str | None, edition: int) -> str | None:
    """The scope a figure-less paragraph leaves the next one: a part of a year only (the first
    months, a quarter, half or stretch of months), not a whole year ("Hopelijk zet deze lijn
    in 2024 door." dates nothing after it)."""
    if scope is not None and scope.endswith("-early"):
        return scope
    return derived_scope(scope, edition)


@lru_cache(maxsize=1)
def _about_back() -> re.Pattern[str]:
    """ "Het gaat om", "Het ging om", "Het betreft" opening a sentence (`about_back` words)."""
    return re.compile(rf"^\W*{phrase_alternation(load_period_words().words['about_back'])}"
                      r"(?!\w)", re.IGNORECASE)


def _lead(prev: Prev | None, text: str) -> str | None:
    """The period of the list a lead ending in a colon opened, for a sentence that is an item
    of it: the one right after the lead, and each next one after an item ending in a
    semicolon or comma, or starting in lower case."""
    if prev is None or prev.lead is None:
        return None
    before = prev.own.rstrip()
    if before.endswith(":") or before.endswith((";", ",")) or text.lstrip()[:1].islower():
        return prev.lead
    return None


def _focus_period(facts: list[Fact], text: str) -> str | None:
    """The period a sentence leaves the next: its last figure's, leaving out figures in
    brackets ("Eind 2019 was 11,4 procent (2018: 11,5 procent) actief. Dit percentage
    verschilt per gemeente ..." is about 2019)."""
    outside = [f for f in facts
               if text.count("(", 0, f.source.start) <= text.count(")", 0, f.source.start)]
    last = (outside or facts)[-1:]
    return last[0].period if last else None


def _context_text(analysis: SentenceAnalysis, prev: Prev | None) -> str:
    """The text a following sentence may take its subject from (`Prev.own`)."""
    if prev is not None and prev.own and analysis.continues:
        return prev.own + " " + analysis.text
    return analysis.text
