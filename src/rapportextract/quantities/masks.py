"""Numbers that are no figures: spans masked out (URLs, dates, references, phone numbers,
set phrases) and bare numbers that are years, durations, factors, markers or the article."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import regex

from rapportextract.lang import nl
from rapportextract.lang.nl.skipwords import skip_words
from rapportextract.quantities.found import LEFT_WINDOW, RIGHT_WINDOW, Found
from rapportextract.quantities.patterns import Patterns, patterns
from rapportextract.quantities.phrases import alt, bare_alt, caseless, compile_pattern, phrase

_SECTION_NUMBER = regex.compile(r"\d{1,2}(?:\.\d{1,2})+")
"""Dots between groups of one or two digits: a section or version number ("5.1 Cliëntenraad",
"3.3.1", "2.0") where it opens a line or has two dots or ends in ".0"; elsewhere an English
decimal point, read and flagged (`numbers.parse_digits`)."""


_PRODUCT_NAME = regex.compile(r"(?<!\S)\p{Lu}\p{L}*\p{Lu}\p{L}*\s$")
"""A name with two capitals before a dotted number makes it a version: "HiX 6.2", "ISO 9001"."""


_TITLE_NEXT = regex.compile(r"\s+\p{Lu}\p{Ll}")
"""A word with a capital after a dotted number: the title of a numbered section, also where
it does not open the line ("... contactpogingen 5.2 Toename in aantal ..."): Dutch writes a
decimal comma, and an English decimal is not followed by a capital."""


def _section_number(written: str, before: str, after: str, p: Patterns) -> bool:
    if not _SECTION_NUMBER.fullmatch(written):
        return False
    return (
        written.count(".") > 1 or written.endswith(".0") or p.line_start.search(before) is not None
        or before.strip() == "" or _PRODUCT_NAME.search(before) is not None
        or _TITLE_NEXT.match(after) is not None
    )


_HintedMask = tuple[str, regex.Pattern[str], regex.Pattern[str] | None]
"""A mask's reason, its pattern, and the quick hint that must match first (or None)."""


@cache
def _report_masks() -> tuple[_HintedMask, ...]:
    """The masks of `skips.toml`: identifiers and parts of documents and laws, names with a
    number, thresholds and norms, marks, bases of rates and indices, idioms and layout."""
    sw = skip_words()
    data = nl.load()
    ctx = data.contexts
    word = caseless(r"[^\W\d_]+")
    long_word = caseless(r"[^\W\d_]{3,}")  # a stem that a plural ending can follow
    capital = caseless(r"\p{Lu}")
    lower = caseless(r"\p{Ll}")
    number = r"\d+(?:[.,]\d+)*"
    money = rf"(?:{alt(data.units.currency_prefix)}\s*)?\d"
    small = alt(sw.small_numbers)
    mark = r"(?:10|[1-9])(?:,\d)?(?![\d.,]\d)"
    unit_next = r"(?!\s*(?:%|procent|euro|duizend|miljoen|miljard))"
    joiners = alt(ctx.reference_joiners)
    paragraph = rf"(?:{alt(sw.paragraph_ordinals)}\s+{phrase(sw.paragraph_word)}\s*,?\s*)"
    separator = rf"(?:\s*,\s*{paragraph}?(?:{joiners}\s+)?|\s+{joiners}\s+|\s*[-–]\s*)"
    item = rf"\d{{1,4}}(?:[.:]\d{{1,2}})*[a-z]?(?![.,]?\d){unit_next}"
    leader = "".join(regex.escape(c) for c in sw.leader_chars)
    amount = r"-?\d{1,3}(?:\.\d{3})+"
    clause = r"(?:[^.;:!?]|[.,:](?=\d))*"  # the rest of the clause (a number's dot stays in)
    # a clause up to its comma, or its "dan" ("Als ..., dan ..."); a decimal comma stays in
    signed = rf"(?:{alt(sw.limit_signs)}\s*)?"
    # a year after a bound is a time ("Tot 2020 steeg ...", "de huur tot 2025"), left to the years
    centuries = f"(?:{ctx.year_first // 100}|{ctx.year_last // 100})"
    no_year = rf"(?!{centuries}\d\d(?![\d.,]?\d|\s*(?:%|euro)))"
    short_clause = r"(?:(?!\s+dan\s)(?:[^.,;:!?]|[.,:](?=\d)))*"
    opening = rf"{alt(sw.conditionals_opening)}(?=\s+{alt(sw.condition_subjects)})"
    condition = (rf"(?!\s+{alt(sw.condition_adverbs)})(?!{short_clause}?{alt(sw.not_conditions)})"
                 rf"{short_clause}")
    masks: tuple[tuple[str, ...], ...] = (
        # "de afdelingen 2 tot en met 6, 8, 10 en 16", "artikelen 9, tweede lid, en 10"
        ("reference",
         rf"{alt(sw.reference_words + ctx.reference_words)}\s*\d+(?:[.:]\d+)*[a-z]?"
         rf"(?!\s*{alt(ctx.reference_not_before)}(?!\w))"
         rf"(?:{separator}{item})*(?!\w)(?:\s*\(\s*\d{{4,6}}\s*\))?"),
        # "Programma 5: Wmo", "Thema 2 Wonen", "Programma 5. Werk", "DEEL 3 – PARAGRAFEN",
        # "(voordeel € 1.200,-- programma 2)"
        ("reference",
         rf"{alt(sw.titled_references)}\s+\d{{1,2}}(?:\.\d{{1,2}})*\.?"
         rf"(?=\s*[:)]|\s+(?:[-–]\s*)?{capital})"),
        # a parliamentary file number opening a title or a list: "35 431 Tijdelijke regels"
        ("reference", rf"(?:^|(?<=[\n(]))\s*\d{{2}}\s\d{{3}}(?=\s+{capital}|,)"),
        # "(Kamerstukken TK, 28 719, nr. 76)"
        ("reference",
         rf"{alt(sw.file_words)}(?:\s+{caseless(alt(sw.chambers))})?,?\s*\d{{2}}\s\d{{3}}(?!\d)"),
        # "(AO d.d. 07/06)"; "€ 240.000 > x < € 480.000"
        ("date", rf"{alt(sw.date_words)}\s*\d{{1,2}}[/-]\d{{1,2}}(?![\d/-])"),
        ("threshold", rf"{money}[\d.,]*\s*[<>≤≥]\s*{phrase(sw.class_variable)}"),
        ("threshold", rf"{phrase(sw.class_variable)}\s*[<>≤≥]\s*{money}"),
        # "komt in programma 6 terug" (not "in programma 2 woningen"), "de programma’s 1 t/m
        # 12", "een risico top 10"
        ("reference",
         rf"(?<=(?<!\w){alt(sw.titled_prepositions)}\s+){alt(sw.titled_references)}\s+"
         rf"\d{{1,2}}(?![\d.,]\d){unit_next}"
         rf"(?!\s+{long_word}{bare_alt(sw.plural_endings)}(?!\w))"),
        ("reference",
         rf"{alt(sw.titled_plurals)}\s+\d{{1,2}}(?![\d.,]?\d){unit_next}(?:{separator}{item})*"
         rf"(?!\w)"),
        ("rank", rf"(?<!\w){alt(sw.rank_words)}[- ]?\d{{1,3}}(?![\d.,]?\d)"),
        # "in de brief van 28 september1": a date with a footnote marker glued to its month
        ("date", rf"(?<![\w.,])\d{{1,2}}\.?\s+{bare_alt(ctx.months)}\d{{1,2}}(?![\d.,]?\d)"),
        # "25 Okt09": a date with its year's last two digits glued to the month
        ("date", rf"(?<![\w.,])\d{{1,2}}\s+{bare_alt(sw.month_abbreviations)}\d{{2}}(?!\d)"),
        # "afwijkingen > € 25.000"; "bij de honderd grootste woningcorporaties"
        ("threshold", rf"{alt(sw.money_signs)}\s*{alt(data.units.currency_prefix)}\s*\d"),
        ("group defined by its rank",
         rf"(?:(?<!\w){phrase(sw.rank_article)}\s+|^\s*|(?<=\s)(?={capital}))"
         rf"(?:\d{{1,3}}|{small}|{alt(sw.rank_numbers)})\s+{alt(sw.rank_adjectives)}"),
        # "Heeft men minder dan 50 leerlingen dan wordt gesproken van ..."; "meer dan vijftien
        # procent van hun inkomen kwijt"; "begrensd tot de inflatie ..., plus 1 procentpunt"
        ("threshold",
         rf"{alt(sw.comparisons)}\s+{money}[\d.,]*(?:\s+{word}){{0,{sw.definition_gap}}}?\s+"
         rf"{alt(sw.definition_follows)}", alt(sw.definition_follows)),
        ("threshold",
         rf"{alt(sw.comparisons)}\s+(?:{number}|{small}|{alt(sw.rank_numbers)}|\p{{L}}+tien)"
         rf"\s*(?:%|procent)\s+{alt(sw.income_shares)}", alt(sw.income_shares)),
        ("norm", rf"{alt(sw.cap_clauses)}\s{clause}", alt(sw.cap_clauses)),
        ("section or version number",
         rf"(?<=(?<!\w){alt(sw.section_prepositions)}\s+)\d{{1,2}}\.\d{{1,2}}(?![\d.,]){unit_next}"),
        # a risk table's classes: "Gemiddeld een keer per 2 jaar 4 70", "€ 240.000 > x < €
        # 480.000 4"
        ("risk class",
         rf"(?<={alt(sw.frequency)}\s+(?:\d{{1,2}}\s+)?{alt(sw.frequency_units)})\s+"
         rf"\d{{1,2}}(?:,\d)?\s+\d{{1,3}}(?=\s*$)"),
        ("risk class", r"(?<=[<>≤≥]\s*(?:€\s*)?\d[\d.,]*)\s+\d{1,2}(?=\s*$)"),
        # "wethouder Jansen (52)", "een moeder (34) van drie kinderen": an age (a name not
        # opening the sentence)
        ("age",
         rf"(?<=(?:(?<!\w){alt(sw.age_titles)}(?:\s+(?:{alt(sw.name_particles)}\s+)*"
         r"(?-i:\p{Lu}\p{L}*)){1,3}"
         rf"|(?<!\w){alt(sw.age_persons)})\s?)"
         r"\((?:[1-9]\d?|1[01]\d)\)", alt(sw.age_titles + sw.age_persons)),
        # "COVID-19", "Fit for 55", "CO 2"; "de 3 W-vragen"
        ("name", alt(sw.names)),
        ("name", rf"(?<![\d.,])\d{{1,2}}\s+{capital}{regex.escape(sw.lettered_suffix)}\w"),
        # "bestaat uit twee hoofdstukken"
        ("count of the document's parts",
         rf"(?<![\w.,])(?:\d{{1,2}}|{small})\s+{alt(sw.document_parts)}",
         alt(sw.document_parts)),
        ("count of the document's parts",
         rf"(?<={alt(sw.part_holders)}\s+)(?:\d{{1,2}}|{small})\s+{word}(?:['’]s)?\s+"
         rf"{alt(sw.parts_held)}",
         alt(sw.part_holders)),
        # "150 procent of meer", "drie of meer maanden" (not "bij 25% of meer van de
        # corporaties": a share); "≥ € 25.000" (not "bedroeg ≥ 300": a stated level)
        ("threshold",
         rf"(?<![\w.,])(?:{number}|{small})(?:\s*(?:%|procent))?\s+{alt(sw.threshold_after)}"
         rf"(?!\s+{alt(sw.share_of)})", alt(sw.threshold_after)),
        ("threshold", rf"(?<!{alt(sw.stated_level_verbs)}\s*){alt(sw.threshold_signs)}\s*{money}"),
        # "tenzij ze kleiner zijn dan € 15.000", "afwijkingen van budgetten boven 5%"
        ("threshold",
         rf"{alt(sw.conditions)}(?:\s+{word}){{0,{sw.condition_gap}}}?\s+"
         rf"{alt(sw.comparisons)}\s+{money}"),
        ("threshold",
         rf"{alt(sw.threshold_openers)}(?:\s+{word}){{0,3}}?\s+{alt(sw.threshold_markers)}"
         rf"\s+{money}"),
        # "de kleinere corporaties, die maximaal 5000 woningen in beheer hebben"
        ("threshold",
         rf"(?<={word}(?:en|s)),\s+{alt(sw.relative_pronouns)}\s+{alt(sw.bounds)}\s+{money}"),
        # "moet minimaal 95 procent", "zijn verplicht minimaal 95%"
        ("norm",
         rf"{alt(sw.norm_words)}(?:\s+{word}){{0,{sw.norm_gap}}}?\s+{alt(sw.bounds)}\s+{money}"
         rf"(?:[\d.,]*(?:\s+{word})?\s+{alt(sw.bound_joiners)}\s+{alt(sw.bounds)}\s+{money})?"),
        # "met maximaal 3,3 procent mochten worden verhoogd"
        ("norm",
         rf"{alt(sw.bounds)}\s+{money}[\d.,]*\s*(?:%|procent)?(?:\s+{word}){{0,{sw.norm_after_gap}}}?"
         rf"\s+{alt(sw.norm_words)}"),
        # "De huren moeten 10% omlaag", "moeten met 5 procent omhoog"
        ("demand",
         rf"{alt(sw.norm_words)}(?:\s+{word}){{0,{sw.norm_gap}}}?\s+{money}[\d.,]*\s*"
         rf"(?:%|procent)\s+{alt(sw.demand_directions)}"),
        # "de mogelijkheid om op een eenvoudige manier tot € 3.000 aan te vragen"
        ("threshold",
         rf"{alt(sw.cap_openers)}(?:\s+{word}){{0,{sw.cap_gap}}}?\s+{alt(sw.caps)}\s+{money}"),
        # "maximaal 9 ontruimingen op in onze doelstellingen"
        ("target",
         rf"{alt(sw.bounds)}\s+{number}(?:\s+{word}){{0,{sw.target_gap}}}?\s+"
         rf"{alt(sw.target_nouns)}"),
        # "scholen met minder dan 150 leerlingen"
        ("threshold", rf"{alt(sw.group_nouns)}\s+met\s+{alt(sw.group_bounds)}\s+{money}"),
        # "gemeenten vanaf 150 duizend inwoners"
        ("threshold",
         rf"{alt(sw.group_nouns)}\s+{alt(sw.group_bounds_direct)}\s+{money}[\d.,]*"
         rf"(?:\s+{alt(tuple(data.scales))})?(?=\s+{long_word}{bare_alt(sw.plural_endings)}(?!\w))"),
        # "Telefoonnummer 14-074"; "uit 2013[1]"; a letter-spaced year "2 0 2 0"
        # also glued to its word or cut by a bullet or dots: "telefoon030 • 123 45 67"
        ("phone number",
         rf"{alt(sw.phone_words, glued=True)}\s*:?\s*\+?\(?\d[\d\s()•·./-]{{3,}}\d"),
        # digit groups joined by hyphens, four or more: an ISBN, an account or case number
        # ("978-94-6123-456-7"); a date has three groups and is left to the dates
        ("identifier", r"(?<![\w.,-])\d+(?:-\d+){3,}(?:-[\dX])?(?![\w-])"),
        ("footnote marker", rf"\[\d{{1,{sw.bracket_marker_max_digits}}}\]"),
        # the second of two markers glued to a sentence's end: "en veiligheid.1 2"
        ("footnote marker", r"(?<=\p{L}[.;:,)]\d{1,2})\s\d{1,2}(?=\s*$)"),
        ("page furniture", r"(?<![\d.,])\d(?:\s\d){3}(?![\d.,])"),
        # "de wettelijke norm van 95%", "onze doelstelling van maximaal 10"
        ("norm", rf"{alt(sw.target_nouns)}\s+van\s+(?:{alt(sw.bounds)}\s+)?{money}"),
        # "60+" (not "40+ reacties": at least 40), "65-plussers"; "de 2 voorgaande jaren"
        ("threshold",
         rf"(?<![\w.,])\d{{1,3}}{bare_alt(sw.age_group_suffixes)}(?![\w+])(?!\s+{lower})"),
        # (not a figure of the period the words name: "37 in 2014 en 21 afgelopen jaar")
        ("duration",
         rf"(?<![\w.,])(?!(?<!(?<!\w)(?:de|het|die|deze)\s+)(?:\d{{1,3}}|{small})\s+"
         rf"{alt(sw.period_adjectives)}\s+{alt(sw.period_units)}(?!\w))"
         rf"(?:\d{{1,3}}|{small})\s+{alt(sw.duration_adjectives)}\s+"
         rf"{alt(ctx.duration_units)}", alt(sw.duration_adjectives)),
        # "het rapportcijfer zeven", "gemiddeld een 7,5 op het rapport", "een 7,8 (2014: 7,7)"
        ("score",
         rf"{alt(sw.score_nouns)}(?:\s+van)?(?:\s+een)?\s+(?:{small}(?!\w)|{mark}){unit_next}"),
        ("score",
         rf"{phrase(sw.score_article)}\s+{mark}(?=\s+{alt(sw.score_after_article)}"
         rf"(?!\s+de\s+(?:\d|{small})))"),
        ("score",
         rf"{phrase(sw.score_article)}\s+{mark}(?=\s*(?:[!?.;:)(]|,\s|$)|\s+"
         rf"(?!{alt(sw.score_not_after_article)}){lower}+(?<!(?:en|s))(?![\w-]))"),
        # "(pdf, 474 kB)"
        ("file size", rf"(?<![\w.,])\d+(?:[.,]\d+)?\s*{caseless(alt(sw.file_size_units))}"),
        # "17.500 km waterkeringen", "2 miljard kubieke meter water", "2479 kilowattuur"
        ("unit of measure",
         rf"(?<![\w.,])\d+(?:[.,]\d+)*(?:\s+{alt(tuple(data.scales))})?\s*"
         rf"{caseless(alt(sw.measure_units))}(?![\w²³])"),
        # "1,66 miljoen ton vracht": "ton" after a scale word is a weight, never a hundred
        # thousand (euro)
        ("unit of measure",
         rf"(?<![\w.,])\d+(?:[.,]\d+)*\s+"
         rf"{alt(tuple(w for w in data.scales if w.lower() not in data.small_scales))}"
         rf"\s+{alt(data.small_scales)}(?!\w)"),
        ("score",
         rf"{alt(ctx.score_before + sw.score_nouns)}\s+{mark}\s*\(\s*(?:\d{{4}}\s*:\s*)?"
         rf"{mark}\s*\)"),
        # "per 100.000 bedrijven", "waarbij 2012 op 100% is gesteld", "(2015 = 100)"
        ("base of a rate", rf"{phrase(sw.rate_word)}\s+{alt(sw.rate_bases)}(?=\s+{word})"),
        ("base of an index", alt(sw.index_set)),
        ("base of an index", r"=\s*100(?![\d.,]\d)"),
        ("idiom", alt(sw.idioms)),
        ("idiom",
         rf"{alt(sw.idioms_before_no_plural)}"
         rf"(?!\s+{word}{bare_alt(sw.plural_endings)}(?!\w))"),
        # "Bijlage 1: Kosten ____ 78", "Netto-omzet 1 8.168.494 7.840.687", "1.de doelen"
        ("page number",
         rf"(?:[{leader}]\s?){{{sw.leader_min},}}\s*\d{{1,3}}(?=\s*$|\s*\n|\s+{capital})"),
        # the page number ending a contents line that opens with its section number:
        # "3.2.1. Meer transparantie bij plannen 9", "2.1 Resultaten 2023 7" (not the last
        # figure of a table row under a numbered heading: "10.4 Kengetallen 2020 2019 Verkochte
        # woningen 41 38", where a figure that is no year stands before it)
        ("page number",
         r"(?<=^\s*\d{1,2}(?:\.\d{1,2})+\.?\s[^\n.;:!?]{3,120}\s)(?<!(?<![\d.,])\d{1,3}(?:[.,]\d+)*\s)"
         r"\d{1,3}\s*$"),
        # (not "Rekeningresultaat 0 34.970 34.970": a nought is no note; nor "Veiligheid 55
        # 2.017 -1.962 95 2.038": small amounts among the amounts after it are the row's, but
        # a last column may follow: "Cultuur 3 4.210 4.530 320-")
        ("note reference",
         rf"(?<={word})\s+(?!0(?!\d))\d{{1,2}}(?=(?:\s+\(?-?{amount}\)?){{2,}}"
         rf"(?!(?:\s+[-–(]?\s*\d[\d.,]*-?\)?){{2}}))"),
        # "Een gezin van 4 personen met een eigen woning van 280.000 euro betaalt ..."
        ("model case",
         rf"{alt(sw.example_subjects)}\s+van\s+(?:\d{{1,2}}|{small})\s+personen",
         alt(sw.example_subjects)),
        ("model case",
         rf"(?<!\w)een\s+{alt(sw.example_goods)}\s+van\s+{money}[\d.,]*(?:\s*euro)?",
         alt(sw.example_goods)),
        ("model case",
         rf"{alt(sw.example_subjects)}\s+met\s+een\s+{alt(sw.example_incomes)}\s+van\s+{money}"
         rf"[\d.,]*(?:\s*euro)?", alt(sw.example_subjects)),
        # "een voorschot van 90% van de bijstandsnorm"
        ("norm",
         rf"(?<![\w.,])\d+(?:,\d+)?\s*(?:%|procent)\s+van\s+(?:de|het)\s+"
         rf"(?:{word}\s+)?{alt(sw.norm_bases)}", alt(sw.norm_bases)),
        # "De norm voor de solvabiliteit is 20 procent", "De passendheidsnorm schrijft voor dat
        # 95 procent ...": a limit as the subject opening its clause, a few words before its verb
        ("norm",
         rf"(?:^|(?<=[;:(]\s*))\s*{alt(sw.limit_subject_articles)}\s+[^\W\d_]*"
         rf"{bare_alt(sw.limit_ends)}(?:\s+(?:{word}|\d{{4}})){{0,4}}?\s+"
         rf"{alt(sw.limit_verbs + sw.limit_prescribes)}\s+{money}", bare_alt(sw.limit_ends)),
        # "(norm: 4 procent)"
        ("norm", rf"(?<=\(\s*){alt(sw.target_nouns)}\s*:\s*{money}", alt(sw.target_nouns)),
        # "(huur tot 808 euro/maand in 2023; tot 880 euro/maand in 2024)": a bound opening a
        # clause goes on with the limit before it
        ("threshold",
         rf"(?:^|(?<=[;(]\s*))\s*{alt(sw.clause_start_bounds)}\s+(?:{alt(sw.bound_fillers)}\s+)?"
         rf"{no_year}{money}"),
        # "een huur boven de 880 euro", "inkomens onder de € 30.000"
        # ("het vermogen tussen de min 2,5 duizend en plus 2,5 duizend euro": both ends)
        ("threshold",
         rf"(?<!\w){alt(sw.limit_nouns)}\s+{alt(sw.limit_markers)}\s+{no_year}{signed}{money}[\d.,]*"
         rf"(?:\s+{alt(tuple(data.scales))})?(?:\s+{alt(sw.bound_joiners)}\s+{signed}{money})?",
         alt(sw.limit_nouns)),
        # "maximaal één glas per dag", "minimaal twee keer per jaar": a rule, not a count
        ("norm",
         rf"{alt(sw.rule_bounds)}\s+(?:{number}|{small})(?:\s+{alt(sw.rule_nouns)})?\s+"
         rf"{alt(sw.rule_per)}\s+{alt(sw.rule_units)}(?!\w)", alt(sw.rule_bounds)),
        # "woningzoekenden die in 2017 minimaal 1 keer hebben gereageerd": a group defined
        ("threshold",
         rf"(?<=(?:(?<!\w){alt(sw.defining_pronouns)}|{long_word}{bare_alt(sw.plural_endings)}"
         rf"(?<!(?<!\w){alt(sw.not_plural_nouns)})\s+{alt(sw.relative_after_noun)})"
         rf"(?:\s+(?:{word}|\d{{4}})){{0,{sw.defining_gap}}}"
         rf"\s+){alt(sw.defining_bounds)}\s+(?:{number}|{small})(?!\w)",
         alt(sw.defining_bounds)),
        # "de drie andere grote steden", "de overige drie grote gemeenten"
        ("group of cities",
         rf"(?<!\w)(?:(?:{small}|\d{{1,2}})\s+(?:{alt(sw.city_others)}\s+)?|"
         rf"{alt(sw.city_others)}\s+(?:{small}|\d{{1,2}})\s+){alt(sw.city_groups)}",
         alt(sw.city_groups)),
        # a condition's clause: "Als de huur 50 euro stijgt, ...", "indien 10 procent van de
        # huurders ..." (not "Als we kijken naar de 4.500 ontruimingen, ..."); opening the
        # sentence, "als" must end its clause with a comma or "dan" ("Als de belangrijkste
        # oorzaak noemt 40 procent de energieprijs" is a role, not a condition)
        ("hypothetical",
         rf"(?:{alt(sw.conditionals)}{condition}"
         rf"|(?<=[,;:(]\s*){opening}{condition}"
         rf"|(?:^|(?<=^\s*(?:en|maar|want)\s+)){opening}{condition}(?=\s*,|\s+dan\s))"
         # ... and what follows from it where "dan" says so: "Stel dat de prijs 20 procent
         # stijgt, dan betaalt een gezin 300 euro meer"
         rf"(?:\s*,?\s+dan\s{short_clause})?",
         alt(sw.conditionals + sw.conditionals_opening)),
        # "Een woning is betaalbaar als de huur lager is dan 750 euro"
        ("threshold",
         rf"(?<!\w){alt(sw.conditionals_opening)}\s+{alt(sw.condition_subjects)}"
         rf"(?:\s+{word}){{0,4}}?\s+{alt(sw.copula_comparisons)}\s+{money}",
         alt(sw.copula_comparisons)),
        # "Onder een huurachterstand verstaan we een achterstand van minimaal 250 euro", "...
        # meer dan 1.500 euro noemen we een hoge schuld"
        ("threshold",
         rf"(?<={alt(sw.definers)}[^.;:!?]{{0,120}}?){alt(sw.definition_bounds)}\s+{money}",
         alt(sw.definers)),
        ("threshold",
         rf"{alt(sw.definition_bounds)}\s+{money}(?={clause}{alt(sw.definers)})",
         alt(sw.definers)),
        # "niet 325.000 maar 280.000": the figure denied; the one after "maar" is the figure
        ("corrected",
         rf"(?<=(?<!\w){alt(sw.negations)}\s+(?:{alt(sw.negation_fillers)}\s+)?){money}[\d.,]*"
         rf"(?=(?:\s+{word}){{0,3}}?\s*,?\s+{alt(sw.corrections)}\s+"
         rf"(?:{alt(sw.negation_fillers)}\s+)?(?:{word}\s+){{0,2}}?{money})",
         alt(sw.corrections)),
        # "1) voorlichting, 2) opvang": a list item's number and its bracket, outside brackets
        ("list item number", r"(?<!\([^()]{0,300})(?<![\w.,(/-])\d{1,2}\)(?=\s+\p{L})"),
        # "een jaar of vijf"
        ("duration", rf"{alt(sw.approximate_units)}\s+(?:\d{{1,2}}|{small})(?!\w)",
         alt(sw.approximate_units)),
        # "de liberalisatiegrens ligt op 808,06 euro"
        ("norm",
         rf"(?<![\w-])[^\W\d_]*{bare_alt(sw.limit_ends)}\s+{alt(sw.limit_verbs)}\s+{money}",
         bare_alt(sw.limit_ends)),
        # "als een alleenstaande meer dan 2000 euro netto verdient"
        ("threshold",
         rf"{alt(sw.comparisons)}\s+{money}[\d.,]*\s*(?:euro\s+)?(?:{word}\s+){{0,2}}?"
         rf"{alt(sw.definition_verbs)}", alt(sw.definition_verbs)),
        # "het streven om 900.000 woningen te realiseren ... waarvan twee derde betaalbaar"
        ("target", rf"{alt(sw.aims)}\s{clause}", alt(sw.aims)),
        # "op basis van 100% kostendekking", "uitgaande van 2 procent inflatie"
        ("assumption",
         rf"{alt(sw.assumptions)}\s+\d+(?:[.,]\d+)?\s*(?:%|procent)(?=\s+{word})",
         alt(sw.assumptions)),
        # "uitgaande van een inflatie van 3 procent"
        ("assumption",
         rf"{alt(sw.assumptions)}\s+een\s+(?:{word}\s+){{1,2}}?van\s+\d+(?:[.,]\d+)?\s*"
         r"(?:%|procent)", alt(sw.assumptions)),
        ("target", rf"{alt(sw.aim_verbs)}\s{clause}", alt(sw.aim_verbs)),
        ("list item number",
         rf"(?<![\w.,])\d{{1,2}}\.(?=\s?{caseless(alt(sw.list_item_articles))}\s)"),
        # a numbered row of the accounts: "17. Vennootschapsbelasting (3.995) (4.240)"
        ("list item number",
         rf"(?<![\w.,])\d{{1,2}}\.(?=\s{capital}{lower}+(?:\s{lower}+){{0,4}}\s+\(?-?{amount})"),
        # "1. niet beïnvloedbaar resultaat € 8,6 mln 2. beperkt ...": a list item's number
        # before a lower-case word
        ("list item number", rf"(?<![\w.,])(?<!€\s?)\d{{1,2}}\.(?=\s{lower})"),
        # "verdeeld over vier maatregelen: 1) voorlichting (5 mln.), 2) extra schuldhulp": a
        # list item's number closed by a bracket before a lower-case word (not a figure in
        # brackets: "een stijging (12) van")
        ("list item number", rf"(?<![\w.,(])(?<!\(\s)(?<!€\s?)\d{{1,2}}\)(?=\s+{lower})"),
    )
    # A mask with a third part runs only where that quick hint (its key words) is in the text.
    return tuple(
        (entry[0], compile_pattern(entry[1]), compile_pattern(entry[2]) if len(entry) > 2 else None)
        for entry in masks
    )


def masked_spans(text: str, p: Patterns) -> list[tuple[int, int, str]]:
    """Spans that hold no figure, each with its reason ("date", "reference", "threshold")."""
    masks = (*p.word_masks, *p.masks) if p.digit.search(text) else p.word_masks
    spans = [(*m.span(), reason) for reason, pattern in masks for m in pattern.finditer(text)]
    spans += [(*m.span(), reason) for reason, pattern, hint in _report_masks()
              if hint is None or hint.search(text) for m in pattern.finditer(text)]
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


@cache
def _range_end() -> regex.Pattern[str]:
    """The other end of a range after a four-digit number: "2000 en 2500 basisscholen"."""
    joiners = alt(nl.load().contexts.range_joiners)
    return compile_pattern(rf"\s*{joiners}\s*(?P<end>\d{{1,3}}(?:\.\d{{3}})*|\d{{4}})(?!\d)")


def _range_upward(end: regex.Match[str], value: Decimal) -> bool:
    """Whether a range's other end is at least its first: "2000 tot 2500 woningen" is a range,
    "voor 2010 tot 78 huisuitzettingen" a year and a figure of another time."""
    return Decimal(end.group("end").replace(".", "")) >= value


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
    if not after_preposition and (
        _bound_left().search(before) or _comparative_right().match(after)
    ):
        return False  # "ruim 2000 minder dan eind maart", "bijna 2000 per maand"
    if not ctx.year_first <= q.value <= ctx.year_last and not (
        after_preposition and ctx.year_wide_first <= q.value <= ctx.year_wide_last
    ):
        return False
    if p.year_always_before.search(before):
        return True  # "sinds 2021 signalen"
    if _column_year_before(before, ctx.year_first, ctx.year_last):
        return True  # the last of a table's column years: "2016 2015 Woningen in bezit 24.165"
    nxt = p.next_word.match(after)
    if nxt is None:
        return True
    word = nxt.group("word").lower()
    if word in p.not_count_words:
        return True
    if word in p.count_nouns:
        return False
    end = _range_end().match(after)
    if end and _range_upward(end, q.value) and _counted_noun_next(after[end.end() :], p):
        return False  # "tussen de 2000 en 2500 basisscholen"
    if after_preposition:
        return True
    return not any(word.endswith(e) for e in ctx.count_plural_endings)


@cache
def _bound_left() -> regex.Pattern[str]:
    """A qualifier of size right before the number: "ruim", "bijna", "meer dan" make it a
    quantity ("ruim 2000 minder"); the approximate ones ("rond", "circa") also go with years."""
    words = [w for name, ws in patterns().data.qualifiers.items() if name != "approx" for w in ws]
    return compile_pattern(rf"(?<!\w){alt(words)}\s+$")


@cache
def _comparative_right() -> regex.Pattern[str]:
    """A comparative right after the number: "2000 minder dan", "3000 meer"."""
    ch = patterns().data.changes
    return compile_pattern(rf"\s+{alt(ch.decrease_comparatives + ch.increase_comparatives)}(?!\w)")


_YEAR_BEFORE = regex.compile(r"(?<![\d.,])(\d{4})[^\S\n]+$")


def _column_year_before(before: str, first: int, last: int) -> bool:
    """Whether a year stands right before, with nothing but spaces between: a run of years
    heads the columns of a table."""
    m = _YEAR_BEFORE.search(before)
    return m is not None and first <= int(m.group(1)) <= last


def _counted_noun_next(after: str, p: Patterns) -> bool:
    """Whether the word after a number is a counted noun: listed, or with a plural ending."""
    nxt = p.next_word.match(after)
    if nxt is None:
        return False
    word = nxt.group("word").lower()
    if word in p.not_count_words:
        return False
    heads = (*p.data.contexts.count_plural_endings, *skip_words().group_nouns)
    return word in p.count_nouns or word.endswith(heads)  # "basisscholen": a compound's head


def _key_figure(word: str, text: str, p: Patterns) -> bool:
    """A figure opening a sentence that ends in a full stop, before a plural noun with a
    capital: a key figure ("35 Ontruimingen vanwege huurachterstand."), not the number of a
    heading, which ends in no full stop ("2 Ontruimingen en huurschulden")."""
    ends = p.data.contexts.count_plural_endings
    return text.rstrip().endswith(".") and word.lower().endswith(ends)


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
    if q.form == "digits" and not q.signed and _section_number(written, before, after, p):
        return "section or version number"
    if not q.plain_integer or q.signed:
        return None
    long_run = written.isdigit() and len(written) >= skip_words().identifier_min_digits
    if long_run and not _counted_noun_next(after, p):
        return "identifier"  # "KvK 30128442", "kenmerk 20231187 bij" (not "1000000 huizen")
    if len(written) == 4 and _is_year(q, before, after, p):
        return "year"
    nxt = p.next_word.match(after)
    if len(written) <= 2:
        if p.footnote_end.search(before) and (after.strip() == "" or after.startswith("\n")):
            return "footnote marker"
        if p.line_start.search(before) and nxt and nxt.group("word")[0].isupper() \
                and not _key_figure(nxt.group("word"), text, p):
            return "footnote or heading number"
        if nxt and nxt.group("word")[:1].isupper() and _column_year_before(
                before, p.data.contexts.year_first, p.data.contexts.year_last):
            # a numbered part of a table right after its column years: "2026 2027 3
            # Afwijkingen maatregelen ..."
            return "footnote or heading number"
    return None
