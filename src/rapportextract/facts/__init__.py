"""Prose figures -> facts (docs/outputs.md).

For every prose sentence of a document (`Document.sentences`, kinds heading, paragraph and
caption) the figures come from `rapportextract.quantities.find_quantities`; each written figure
becomes one `Fact`. What this module adds to a quantity:

- **concept**: the catalogue concept the figure is about, looked for in widening text
  (`concepts.concept_for`): the figure's own clause (plus an opening partitive clause "Van alle
  huurders met ..., had ... 40%"; the whole sentence wins where it adds a qualifier to the
  clause's head word), then the whole sentence, then the previous sentence (of the same
  paragraph, or the last one of the paragraph before): first where a qualifier in this
  sentence refines what the previous one named ("Daarvan was € 182 miljoen van vertrokken
  huurders"), then, for a sentence that refers back ("Dat is circa 25%", "In 2018 waren dat er
  nog 3.000", "Het waren er 6.750", "In 2016 was dit nog 253"), the previous figure's
  concept of a fitting unit or the previous sentence's words; then the heading above (never
  from the heading alone: one of the match's words must stand in the sentence). A match
  whose head word is the figure's own noun comes first ("Van de 9 ontruimingen leverden 4
  huurders zelf de sleutel in": 9 counts evictions), and a count with a noun of its own
  ("2.646 rechters") does not take the concept of the noun right after another figure.
  Where no concept is found the fact says why in its ``diagnostics``. In a sentence of two
  parts joined by a semicolon, a match with a qualifying word in the figure's own part wins;
  after an opening partitive clause, one with a qualifying word in the figure's own clause;
  a qualifier in another figure's clause ("..., waarvan € 160 miljoen bij huurders die nog in
  hun woning wonen") does not refine this figure; a concept whose catalogue entry bounds its
  values (``values``) never takes a level outside them. A sentence that only continues the
  previous one passes that one on as context, so a third sentence can still refer to what the
  first counted; so does a sentence without figures pass on the figures before it ("In 2020
  werden 2.750 huurders uitgezet. De meesten woonden alleen. Een jaar eerder waren dat er
  3.050."). A figure of a sentence that refers back keeps the previous sentence's qualifier
  whether its concept came from its clause or the whole sentence ("Het ging om 59
  ontruimingen in 2018 tegenover 75 in 2017" after evictions for rent arrears: both). In a
  list (figures of one unit, its qualifiers after the figures, "Van de
  8.134 ontruimingen kwamen er 551 door overlast en 349 door hennepteelt", or before them,
  "overlast in 6,5 procent, hennepteelt in 5,6 procent") each figure takes the words of its
  own stretch first, and never a qualifier that stands in a later figure's stretch (nor in
  an earlier one's, where its own stretch names nothing the catalogue knows: "31 op grond van
  een huurachterstand en 4 wegens overlast"). A
  sentence that refers back keeps the previous sentence's qualifier for its own head word
  ("... 3.900 vonnissen vanwege huurschuld." + "Ruim 1.000 daarvan eindigden in een
  ontruiming": evictions for rent arrears). A percentage of
  corporations ("36% van de corporaties ...") is a survey finding: it gets a concept only where
  one is marked ``about_corporations`` in the catalogue, else concept null.
- **subject**: the noun the figure is a share or count of ("van de corporaties",
  "huishoudens"), else the words the concept was recognised by ("huurders met een
  huurachterstand"), else the previous sentence's subject for a sentence that refers back.
- **period** and **base period**: `rapportextract.periods.resolve_period`, with the paragraph
  scope (a sentence about the current year, "Het beeld over de eerste maanden van 2024 ...",
  "In het eerste kwartaal van 2012 kwamen er 14.000 verzoeken"), the heading and the edition
  as context. A figure of a concept marked ``data_year`` (the survey's respondents, their
  dwellings, coverage) is about the data year even where the sentence dates the survey itself
  or says "dit jaar". A change never has its own period as base. A sentence that opens by
  referring back ("Dat was zo'n 10 procent minder dan het jaar ervoor") is about the
  previous sentence's period unless it names its own or moves on ("Sindsdien ..."). A change
  without a named base is taken to compare with the year before its period.
- **unit from context**: a count with a scale word and no noun of its own is an amount in
  euro where an amount noun stands before it, another figure of the sentence is in euro, or
  it refers back to an amount (`money`: "De omzet bedraagt 2,4 miljard").
- **movements**: the first figure of "van 8.550 naar 5.900" without a year of its own is
  about the sentence's base period ("Tussen 2007 en 2009 ...") or the year before (`pairs`).
- **scope**: whom the figure is about, national by default (`scope`: "In Amsterdam waren het
  er 78" is a region, "bij Vivare", "de Huurcommissie" or "wij" an organisation), else what
  the sentences before it named, else the document's publisher on its first page
  (`publisher`: "Jaarverslag 2021 Woonstichting Hestia"), else what an entry of accounts
  says of whose it is ("Netto-omzet ...").
- **derived levels**: a change plus a level of the same concept gives the other level
  ("€ 164 miljoen, € 9 miljoen minder dan in 2022" -> 2022: 173 mln), unless the document
  states that level itself. Derived facts have ``derived=True`` and ``derived_from``.
- **statement**: for a fact without concept, a key of what the sentence says, to link the same
  finding across editions. It is the sentence, lowercased, without the figures, the time
  expressions, digits, punctuation and the function and degree words of
  ``lang/nl/stopwords.toml``, each word cut to a rough stem (plural and inflection endings
  "-ies" -> "-ie", "-en", "-s", "-e" removed from longer words, doubled final consonant
  undone), at most twelve words in sentence order.
- **not facts**: a section number run into its heading's text ("1. Ontruimingen Voor ...").
- **id**: the first 16 hex digits of sha256(document hash, page, the figure as written, and
  which of the figures so written on that page it is, counted top to bottom and left to right;
  for text input, the figure's offsets in its paragraph): stable across runs, across the two
  PDF engines, and across versions of the extractor that read the same figure, however they
  cut the page into blocks and sentences (decisions of `review` are kept by it).

**Confidence** is the product of how the concept was found (own clause 1.0, sentence 0.95,
previous sentence 0.8, heading 0.7, no concept 0.9), how the period was found (own clause 1.0,
elsewhere in the sentence 0.9, paragraph scope 0.85, heading or default data year 0.8, times
0.95 for relative wording), 0.85 where the number itself allows two readings, and 0.95 for a
change whose base period was assumed. It reads as a rough probability that concept, period and
value are all right; facts with confidence below 0.7 rest on distant context.

The steps, one module each: `analysis` (what is worked out once per sentence and passed
down: its figures, times, references back, scope cues), `cues` (the Dutch cue words),
`concepts` (the concept of a figure), `money` (amounts without a currency), `pairs`
(movements), `scope` (whom a figure is about), `publisher` (who publishes the document),
`subjects` (its subject, the statement key),
`provenance` (ids, origin), `sentence` (the facts of one sentence), `derived` (derived
levels) and `reading` (the document in one pass, block after block).
"""

from __future__ import annotations

from rapportextract.facts.concepts import CONCEPT_CONFIDENCE
from rapportextract.facts.cues import continues_previous
from rapportextract.facts.reading import extract_facts
from rapportextract.facts.subjects import statement_key

__all__ = ["CONCEPT_CONFIDENCE", "continues_previous", "extract_facts", "statement_key"]
